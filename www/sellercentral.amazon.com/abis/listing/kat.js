// Fixture: a small imitation of Amazon's Katal design system (`kat-*` custom elements).
// Like the real editor, each element keeps its real <textarea>/<input> inside an OPEN
// shadow root, so `document.activeElement` is the host and only `composedPath()` reaches
// the field. No inline script or style: the strict-CSP variant of the page loads this too.
(() => {
  class KatField extends HTMLElement {
    /** @param {'textarea'|'input'} tag */
    constructor(tag) {
      super();
      const root = this.attachShadow({ mode: 'open' });
      const link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = '/abis/listing/kat-shadow.css';
      const label = document.createElement('label');
      label.className = 'kat-label';
      label.textContent = this.getAttribute('label') || '';
      const field = document.createElement(tag);
      field.className = 'kat-control';
      field.id = 'katal-id-' + Math.random().toString(36).slice(2, 8);
      label.htmlFor = field.id;
      if (tag === 'textarea') field.rows = Number(this.getAttribute('rows') || 3);
      field.setAttribute('placeholder', this.getAttribute('placeholder') || '');
      const help = document.createElement('div');
      help.className = 'kat-help';
      help.textContent = this.getAttribute('constraint-label') || '';
      root.append(link, label, field, help);
      field.addEventListener('input', () => {
        // The host mirrors the value and re-dispatches a composed change, as Katal does.
        this.dispatchEvent(new CustomEvent('kat-change', { bubbles: true, composed: true, detail: field.value }));
      });
      this.field = field;
    }
    connectedCallback() {
      const v = this.getAttribute('value');
      if (v !== null && !this.field.value) this.field.value = v;
    }
    get value() { return this.field.value; }
    set value(v) { this.field.value = v; }
  }
  customElements.define('kat-textarea', class extends KatField { constructor() { super('textarea'); } });
  customElements.define('kat-input', class extends KatField { constructor() { super('input'); } });
})();
