// Fixture: Temu seller center (agentseller) product edit form, Chinese UI. Its DOM is not publicly known (README "Where it runs"): this page is
// built the way such editors usually are, by the shared kit (www/fixture-kit/controlled-form.js),
// and only the generic adapter classifies it. The description is a rich-text editor whose contenteditable body is in a same-origin iframe.
FixtureForm.render({"prefix": "Form_", "placeholder": "请输入", "fields": [["商品名称", "input", 500], ["商品描述", "rich", 0], ["SKU货号", "input", 50], ["申报价格", "input", 20]]});
