// Fixture: a React-like app (Walmart Seller Center shape). Everything is rendered by
// script into #root with generated ids; fields are found only through their labels.
(() => {
  let n = 0;
  const uid = () => ':r' + (n++).toString(36) + ':';
  /** @param {string} label @param {'input'|'textarea'} tag @param {object} [opts] */
  function field(label, tag, opts = {}) {
    const wrap = document.createElement('div');
    wrap.className = 'ld-field';
    const id = uid();
    const l = document.createElement('label');
    l.id = id + 'label';
    l.textContent = label;
    const f = document.createElement(tag);
    f.id = id;
    f.className = 'ld-input';
    if (opts.labelledby) f.setAttribute('aria-labelledby', l.id); else l.htmlFor = id;
    if (tag === 'textarea') f.rows = opts.rows || 4;
    wrap.append(l, f);
    return wrap;
  }
  const root = document.getElementById('root');
  const form = document.createElement('form');
  form.className = 'ld-form';
  form.append(
    field('Product Name', 'input'),
    field('Brand', 'input'),
    field('Key Features 1', 'input', { labelledby: true }),
    field('Key Features 2', 'input', { labelledby: true }),
    field('Key Features 3', 'input', { labelledby: true }),
    field('Site Description', 'textarea', { rows: 5 }),
    field('Keywords', 'input'),
    field('SKU', 'input'),
  );
  queueMicrotask(() => root && root.replaceChildren(form));
})();
