// Fixture: AliExpress-shaped product publish form, rendered by script. The title is found
// by its placeholder, the description is a contenteditable div named only by aria-label,
// and the search keywords by their name attribute.
(() => {
  const app = document.getElementById('app');
  if (!app) return;
  /** @param {string} label @param {HTMLElement} control */
  const item = (label, control) => {
    const d = document.createElement('div');
    d.className = 'next-form-item';
    const l = document.createElement('div');
    l.className = 'next-form-item-label';
    l.textContent = label;
    const w = document.createElement('span');
    w.className = 'next-input';
    w.append(control);
    d.append(l, w);
    return d;
  };
  const title = document.createElement('input');
  title.placeholder = 'Please enter a product title';
  title.maxLength = 128;
  const desc = document.createElement('div');
  desc.contentEditable = 'true';
  desc.className = 'rich-editor';
  desc.setAttribute('role', 'textbox');
  desc.setAttribute('aria-multiline', 'true');
  desc.setAttribute('aria-label', 'Detailed description');
  const kw = document.createElement('input');
  kw.name = 'searchKeywords';
  const sku = document.createElement('input');
  sku.name = 'skuCode';
  app.append(item('Product title', title), item('Detailed description', desc), item('Search keywords', kw), item('SKU code', sku));
})();
