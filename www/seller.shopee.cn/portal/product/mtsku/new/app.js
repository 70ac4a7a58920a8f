// Fixture: Shopee China Seller Centre (CNSC) "add a new global product" form. Its DOM is not publicly known (README "Where it runs"): this page is
// built the way such editors usually are, by the shared kit (www/fixture-kit/controlled-form.js),
// and only the generic adapter classifies it. The description is a controlled textarea.
FixtureForm.render({"prefix": "eds-form-", "placeholder": "Input", "fields": [["Product Name", "input", 255], ["Product Description", "textarea", 3000], ["Parent SKU", "input", 100], ["Price", "input", 20]]});
