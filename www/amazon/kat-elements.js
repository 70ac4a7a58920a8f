// Fixture: the shape of Amazon Seller Central's Katal form elements as the new listing
// editor uses them — a custom element host (`kat-textarea`, `kat-input`) that keeps the
// real <textarea>/<input> in an OPEN shadow root, so `document.activeElement` is the
// host. Served as an external file so the page works under `script-src 'self'`.
"use strict";

const FIELD_CSS = `
  :host { display: block; margin: 0 0 16px; font-family: "Amazon Ember", Arial, sans-serif; }
  label { display: block; font-size: 13px; font-weight: 700; color: #002f36; margin-bottom: 4px; }
  textarea, input {
    box-sizing: border-box; width: 100%; padding: 8px 10px; border: 1px solid #8d9096;
    border-radius: 4px; font: 14px/20px "Amazon Ember", Arial, sans-serif; color: #0f1111;
    background: #fff; resize: vertical;
  }
  textarea:focus, input:focus { outline: 2px solid #008296; }
`;

class KatField extends HTMLElement {
  constructor(tag) {
    super();
    this.tag = tag;
    this.field = null;
  }
  // Parser-created elements get their attributes after the constructor: build on connect.
  connectedCallback() {
    if (this.shadowRoot) return;
    const root = this.attachShadow({ mode: "open" });
    const style = document.createElement("style");
    style.textContent = FIELD_CSS;
    const label = document.createElement("label");
    label.textContent = this.getAttribute("label") || "";
    const field = document.createElement(this.tag);
    field.setAttribute("part", this.tag);
    field.id = "katal-id-" + Math.random().toString(36).slice(2, 8);
    label.htmlFor = field.id;
    if (this.tag === "textarea") field.rows = Number(this.getAttribute("rows") || 2);
    field.maxLength = Number(this.getAttribute("maxlength") || 200);
    field.value = this.getAttribute("value") || "";
    root.append(style, label, field);
    this.field = field;
  }
  get value() { return this.field ? this.field.value : ""; }
}

customElements.define("kat-textarea", class extends KatField { constructor() { super("textarea"); } });
customElements.define("kat-input", class extends KatField { constructor() { super("input"); } });
