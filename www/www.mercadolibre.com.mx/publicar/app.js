// Fixture: Mercado Libre listing flow ("publicar"), Spanish UI, Andes-style form controls. Its DOM is not publicly known (README "Where it runs"): this page is
// built the way such editors usually are, by the shared kit (../fixture-kit/controlled-form.js),
// and only the generic adapter classifies it. the description is a controlled textarea.
FixtureForm.render({"prefix": "andes-form-control__", "placeholder": "Ej.: ", "fields": [["Título", "input", 60], ["Descripción", "textarea", 50000], ["Código universal de producto", "input", 20], ["Precio", "input", 20]]});
