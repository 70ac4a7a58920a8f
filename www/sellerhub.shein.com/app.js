// Fixture: SHEIN Seller Hub add-product form (a hash-routed single page app). Its DOM is not publicly known (README "Where it runs"): this page is
// built the way such editors usually are, by the shared kit (www/fixture-kit/controlled-form.js),
// and only the generic adapter classifies it. The description is a controlled textarea.
FixtureForm.render({"prefix": "so-form-", "placeholder": "Please enter", "fields": [["Product Name", "input", 200], ["Product Description", "textarea", 5000], ["Seller SKU", "input", 50], ["Brand", "input", 50]]});
