// @ts-check
/**
 * Field discovery: walks a document with a TreeWalker, descending into open shadow roots
 * and same-origin iframes, and returns every editable element a seller could type listing
 * copy into (text inputs, textareas, contenteditable roots) together with the shadow host
 * and iframe it sits in, plus every root (document or shadow root) it walked so the caller
 * can observe each one. It reads the DOM only; it never changes it. Cross-origin iframes
 * and closed shadow roots are out of reach by design and skipped silently.
 */

/**
 * @typedef {object} Discovery
 * @property {Array<FieldContext>} fields  editable elements in document order
 * @property {Array<Document|ShadowRoot>} roots  every root walked (for one observer each)
 * @property {Array<HTMLIFrameElement>} frames  every iframe met (same-origin or not)
 */

const ClearmarkDiscover = (() => {
  const TEXT_INPUT_TYPES = new Set(['', 'text', 'search']);

  /** @param {Element} el @returns {el is HTMLElement} */
  function isEditable(el) {
    const tag = el.localName;
    if (tag === 'textarea') return !(/** @type {HTMLTextAreaElement} */ (el).readOnly);
    if (tag === 'input') {
      const i = /** @type {HTMLInputElement} */ (el);
      return TEXT_INPUT_TYPES.has((i.getAttribute('type') || '').toLowerCase()) && !i.readOnly;
    }
    // A contenteditable root: editable, and its parent is not (else it is inside one).
    const h = /** @type {HTMLElement} */ (el);
    if (!h.isContentEditable) return false;
    const parent = h.parentElement;
    return !parent || !parent.isContentEditable;
  }

  /**
   * The same-origin document inside an iframe, or null (cross-origin, not loaded).
   * @param {HTMLIFrameElement} frame
   * @returns {Document|null}
   */
  function frameDocument(frame) {
    try {
      const d = frame.contentDocument;
      return d && d.documentElement ? d : null;
    } catch {
      return null;
    }
  }

  /**
   * Walk `root` and everything reachable from it.
   * @param {Document} doc  the top document
   * @param {(el: Element) => boolean} skip  elements not to enter (the extension's own host)
   * @returns {Discovery}
   */
  function discover(doc, skip) {
    /** @type {Discovery} */
    const out = { fields: [], roots: [], frames: [] };
    /**
     * @param {Document|ShadowRoot} root
     * @param {Element|null} host  outermost shadow host in the frame's light DOM
     * @param {HTMLIFrameElement|null} frame
     */
    const walk = (root, host, frame) => {
      out.roots.push(root);
      const start = root.nodeType === Node.DOCUMENT_NODE ? /** @type {Document} */ (root).documentElement : root;
      if (!start) return;
      const ownerDoc = /** @type {Document} */ (root.nodeType === Node.DOCUMENT_NODE ? root : root.ownerDocument);
      const walker = ownerDoc.createTreeWalker(start, NodeFilter.SHOW_ELEMENT, {
        acceptNode(n) {
          const el = /** @type {Element} */ (n);
          if (skip(el)) return NodeFilter.FILTER_REJECT;
          if (isEditable(el)) {
            out.fields.push({ el, host, frame });
            // A contenteditable root's subtree is its content, not more fields.
            return NodeFilter.FILTER_REJECT;
          }
          return NodeFilter.FILTER_ACCEPT;
        },
      });
      if (start.nodeType === Node.ELEMENT_NODE) visit(/** @type {Element} */ (start));
      for (let n = walker.nextNode(); n; n = walker.nextNode()) visit(/** @type {Element} */ (n));
      /** @param {Element} el */
      function visit(el) {
        if (el.shadowRoot) walk(el.shadowRoot, host || el, frame);
        if (el.localName === 'iframe') enterFrame(/** @type {HTMLIFrameElement} */ (el));
      }
    };
    /** @param {HTMLIFrameElement} f */
    const enterFrame = (f) => {
      out.frames.push(f);
      const d = frameDocument(f);
      if (d) walk(d, null, f);
    };
    walk(doc, null, null);
    return out;
  }

  return { discover, isEditable, frameDocument };
})();
