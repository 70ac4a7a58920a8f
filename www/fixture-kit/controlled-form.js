// Fixture kit: a listing form rendered the way component-library editors of marketplaces
// usually are, for the fixture pages whose real DOM is not publicly known (README "Where
// it runs"). The fields' own attributes say nothing (generic placeholders, generated
// ids); labels are sibling elements of a form item, not <label for>. The form is rendered
// by script after load; text inputs and textareas are controlled (the value is written
// back from state on every input and a counter re-rendered, as React does — the counter
// is drawn from an attribute by CSS, so the page's text stays what it was); "rich" is a
// rich-text editor whose contenteditable body is in a same-origin iframe.
//
// Each page's app.js calls FixtureForm.render({prefix, placeholder, fields}), `fields`
// being [label, "input" | "textarea" | "rich", max length] rows; the kit also writes the
// form's stylesheet for the page's class prefix (the pages keep only their own chrome).
// Served to every fixture host at /fixture-kit/ (scripts/serve.mjs).
const FixtureForm = {
  /** @param {{prefix: string, placeholder: string, fields: Array<[string, string, number]>}} CFG */
  render(CFG) {
    const app = document.getElementById('app');
    if (!app) return;
    let n = 0;
    const P = CFG.prefix;
    const style = document.createElement('style');
    style.textContent = [
      `.${P}item { margin-bottom: 18px; }`,
      `.${P}label { font-size: 14px; margin-bottom: 6px; }`,
      `.${P}control input, .${P}control textarea { box-sizing: border-box; width: 100%; font: 14px Arial, "Liberation Sans", sans-serif; padding: 6px 10px; border: 1px solid #ccc; border-radius: 4px; }`,
      `.${P}control input { height: 34px; }`,
      `.${P}control textarea { min-height: 120px; line-height: 1.5; }`,
      `.${P}count { color: #999; font-size: 12px; }`,
      '[data-count]::after { content: attr(data-count); }',
      `.${P}control iframe { box-sizing: border-box; width: 100%; height: 180px; border: 1px solid #ccc; border-radius: 4px; }`,
    ].join('\n');
    document.head.append(style);
    /** @param {string} label @param {HTMLElement} control */
    const item = (label, control) => {
      const d = document.createElement('div');
      d.className = P + 'item';
      const l = document.createElement('div');
      l.className = P + 'label';
      l.textContent = label;
      const c = document.createElement('div');
      c.className = P + 'control';
      c.append(control);
      d.append(l, c);
      return d;
    };
    /** @param {'input'|'textarea'} tag @param {number} max */
    const controlled = (tag, max) => {
      const wrap = document.createElement('div');
      const f = document.createElement(tag);
      f.id = ':r' + (n++).toString(36) + ':';
      f.setAttribute('placeholder', CFG.placeholder);
      const count = document.createElement('span');
      count.className = P + 'count';
      let state = '';
      const render = () => {
        if (f.value !== state) f.value = state;
        count.dataset.count = state.length + '/' + max;
      };
      f.addEventListener('input', () => {
        state = f.value.slice(0, max);
        render();
      });
      render();
      wrap.append(f, count);
      return wrap;
    };
    /** A rich-text editor in an iframe: a contenteditable body, as TinyMCE, CKEditor 4 and Kindeditor draw it. */
    const richText = () => {
      const frame = document.createElement('iframe');
      frame.setAttribute('frameborder', '0');
      frame.addEventListener('load', () => {
        const doc = frame.contentDocument;
        if (!doc) return;
        doc.open();
        doc.write('<!doctype html><html><head><style>body{margin:8px 10px;font:14px/1.6 Arial,"Liberation Sans",sans-serif;color:#333}p{margin:0 0 6px}</style></head><body contenteditable="true"><p><br></p></body></html>');
        doc.close();
        document.body.dataset.editorReady = '1';
      }, { once: true });
      return frame;
    };
    const form = document.createElement('form');
    form.className = P + 'form';
    for (const [label, kind, max] of CFG.fields) {
      form.append(item(label, kind === 'rich' ? richText() : controlled(kind, max)));
    }
    setTimeout(() => app.replaceChildren(form), 30);
  },
};
