// Fixture: TikTok Shop Seller Center "Add new product", in the shape public automation
// scripts drive (see README "Where it runs"): Arco-based form items, the product name an
// input with data-id="product.publish.product_name" inside .core-input-inner-wrapper,
// the description a ProseMirror contenteditable (.ProseMirror, no iframe) under a
// syl-toolbar, Seller SKU an input[data-tid="m4b_input"][placeholder="Seller SKU"].
// Rendered by script after load; the product name is a controlled input (its value is
// written back from state on every input, and its counter re-rendered), as React does.
(() => {
  const root = document.getElementById('root');
  if (!root) return;
  /** @param {string} label @param {HTMLElement} control @param {string} [id] */
  const item = (label, control, id) => {
    const d = document.createElement('div');
    d.className = 'theme-arco-form-item';
    if (id) d.id = id;
    const l = document.createElement('div');
    l.className = 'theme-arco-form-label-item';
    l.textContent = label;
    d.append(l, control);
    return d;
  };
  /** @param {Record<string, string>} attrs @param {number} [max] */
  const input = (attrs, max) => {
    const w = document.createElement('span');
    w.className = 'core-input-inner-wrapper';
    const i = document.createElement('input');
    for (const [k, v] of Object.entries(attrs)) i.setAttribute(k, v);
    w.append(i);
    if (max) {
      const c = document.createElement('span');
      c.className = 'core-input-suffix';
      w.append(c);
      let state = '';
      const render = () => {
        if (i.value !== state) i.value = state;
        c.dataset.count = `${state.length}/${max}`;
      };
      i.addEventListener('input', () => {
        state = i.value.slice(0, max);
        render();
      });
      render();
    }
    return { w, i };
  };
  const name = input({ 'data-id': 'product.publish.product_name', 'data-tid': 'm4b_input', placeholder: 'Enter a product name' }, 255);
  const editor = document.createElement('div');
  editor.className = 'syl-editor';
  const bar = document.createElement('div');
  bar.className = 'syl-toolbar';
  for (const t of ['B', 'I', 'List', 'Image']) {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'syl-toolbar-button';
    b.textContent = t;
    bar.append(b);
  }
  const pm = document.createElement('div');
  pm.className = 'ProseMirror';
  pm.contentEditable = 'true';
  pm.setAttribute('translate', 'no');
  const p = document.createElement('p');
  p.append(document.createElement('br'));
  pm.append(p);
  editor.append(bar, pm);
  const sku = input({ 'data-tid': 'm4b_input', placeholder: 'Seller SKU', maxlength: '50' });
  const prop = input({ 'data-id': 'product.publish.sale_property.value.name.0', 'data-tid': 'm4b_input', placeholder: 'Enter a value' });
  const basic = document.createElement('div');
  basic.className = 'theme-arco-card';
  basic.append(item('Product name', name.w, 'product_name'), item('Product description', editor, 'product_description'));
  const sales = document.createElement('div');
  sales.className = 'theme-arco-card';
  sales.id = 'skus';
  sales.append(item('Variations', prop.w, 'sale_properties'), item('Seller SKU', sku.w));
  setTimeout(() => root.replaceChildren(basic, sales), 30);
})();
