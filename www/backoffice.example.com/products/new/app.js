// Fixture: a listing editor on a site the manifest does not cover (the "Check this site" e2e test). Its DOM is not publicly known (README "Where it runs"): this page is
// built the way such editors usually are, by the shared kit (www/fixture-kit/controlled-form.js),
// and only the generic adapter classifies it. The description is a rich-text editor whose contenteditable body is in a same-origin iframe.
FixtureForm.render({"prefix": "form-", "placeholder": "", "fields": [["Product title", "input", 150], ["Description", "rich", 0], ["SKU", "input", 40]]});
