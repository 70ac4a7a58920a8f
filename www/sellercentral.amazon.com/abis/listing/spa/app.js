// Fixture: single-page-app behaviour. The editor's fields do not exist at load; they are
// rendered 300 ms later, and every click on "Re-render" throws the whole form away and
// renders new elements (keeping the values), as a framework does on a route or state change.
(() => {
  const names = [
    ['item_name-0-value', 'Item Name', 'kat-textarea'],
    ['bullet_point-0-value', 'Bullet Point', 'kat-textarea'],
    ['bullet_point-1-value', 'Bullet Point', 'kat-textarea'],
    ['rtip_product_description-0-value', 'Product Description', 'kat-textarea'],
    ['generic_keyword-0-value', 'Generic Keyword', 'kat-input'],
  ];
  /** @type {Record<string, string>} */
  const values = {};
  let renders = 0;
  function render() {
    const host = document.getElementById('app');
    if (!host) return;
    for (const el of host.querySelectorAll('[name]')) values[el.getAttribute('name')] = el.value;
    const form = document.createElement('section');
    form.className = 'sc-section';
    form.dataset.render = String(++renders);
    for (const [name, label, tag] of names) {
      const el = document.createElement(tag);
      el.setAttribute('name', name);
      el.setAttribute('label', label);
      el.setAttribute('rows', '2');
      if (values[name]) el.setAttribute('value', values[name]);
      form.append(el);
    }
    host.replaceChildren(form);
    document.body.dataset.renders = String(renders);
  }
  setTimeout(render, 300);
  document.getElementById('rerender')?.addEventListener('click', render);
})();
