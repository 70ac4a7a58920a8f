// Fixture: a small imitation of Amazon's Katal design system (`kat-*` custom elements).
// Like the real editor, each element keeps its real <textarea>/<input> inside an OPEN
// shadow root, so `document.activeElement` is the host and only `composedPath()` reaches
// the field. No inline script or style: the strict-CSP variant of the page loads this too.
(() => {
  // Resolved against this script, so the page works at its real path and under www/ alike.
  const CSS_URL = new URL('kat-shadow.css', /** @type {HTMLScriptElement} */ (document.currentScript).src).href;
  class KatField extends HTMLElement {
    /** @param {'textarea'|'input'} tag */
    constructor(tag) {
      super();
      const root = this.attachShadow({ mode: 'open' });
      const link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = CSS_URL;
      const label = document.createElement('label');
      label.className = 'kat-label';
      const field = document.createElement(tag);
      field.className = 'kat-control';
      field.id = 'katal-id-' + Math.random().toString(36).slice(2, 8);
      label.htmlFor = field.id;
      const help = document.createElement('div');
      help.className = 'kat-help';
      root.append(link, label, field, help);
      field.addEventListener('input', () => {
        // The host mirrors the value and re-dispatches a composed change, as Katal does.
        this.dispatchEvent(new CustomEvent('kat-change', { bubbles: true, composed: true, detail: field.value }));
      });
      this.field = field;
      this.label = label;
      this.help = help;
    }
    connectedCallback() {
      // Attributes are read here: a parser-created element has none in its constructor.
      this.label.textContent = this.getAttribute('label') || '';
      this.help.textContent = this.getAttribute('constraint-label') || '';
      if (this.field instanceof HTMLTextAreaElement) this.field.rows = Number(this.getAttribute('rows') || 3);
      this.field.setAttribute('placeholder', this.getAttribute('placeholder') || '');
      const v = this.getAttribute('value');
      if (v !== null && !this.field.value) this.field.value = v;
    }
    get value() { return this.field.value; }
    set value(v) { this.field.value = v; }
  }
  customElements.define('kat-textarea', class extends KatField { constructor() { super('textarea'); } });
  customElements.define('kat-input', class extends KatField { constructor() { super('input'); } });
})();
