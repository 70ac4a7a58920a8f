// @ts-check
/**
 * The text of a field as the engine sees it, and the way back from UTF-16 offsets in that
 * text to the DOM. For inputs and textareas the text is `value` and offsets are the
 * value's own. For a contenteditable root the text is built from its text nodes, with a
 * line break for each <br> and between blocks, and a segment table maps each offset back
 * to (text node, offset) so a Range can be made. It reads the DOM only; never writes.
 */

/** @typedef {{node: Text, start: number, end: number}} Segment */
/** @typedef {{text: string, segments: Segment[]}} EditableText */

const ClearmarkEditable = (() => {
  const BLOCK = new Set(['address', 'article', 'aside', 'blockquote', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure', 'footer',
    'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'table', 'tr', 'ul']);

  /** @param {HTMLElement} el */
  const isTextControl = (el) => el.localName === 'input' || el.localName === 'textarea';

  /**
   * The text and segment table of a contenteditable root.
   * @param {HTMLElement} root
   * @returns {EditableText}
   */
  function contentText(root) {
    let text = '';
    /** @type {Segment[]} */
    const segments = [];
    const newline = () => {
      if (text && !text.endsWith('\n')) text += '\n';
    };
    /** @param {Node} node */
    const visit = (node) => {
      for (let c = node.firstChild; c; c = c.nextSibling) {
        if (c.nodeType === Node.TEXT_NODE) {
          const data = /** @type {Text} */ (c).data;
          if (!data) continue;
          segments.push({ node: /** @type {Text} */ (c), start: text.length, end: text.length + data.length });
          text += data;
        } else if (c.nodeType === Node.ELEMENT_NODE) {
          const name = /** @type {Element} */ (c).localName;
          if (name === 'br') {
            text += '\n';
          } else if (name === 'script' || name === 'style') {
            continue;
          } else if (BLOCK.has(name)) {
            newline();
            visit(c);
            newline();
          } else {
            visit(c);
          }
        }
      }
    };
    visit(root);
    return { text: text.replace(/\n$/, ''), segments };
  }

  /**
   * The field's current text (and, for contenteditable, its segment table).
   * @param {HTMLElement} el
   * @returns {EditableText}
   */
  function read(el) {
    if (isTextControl(el)) return { text: /** @type {HTMLInputElement} */ (el).value, segments: [] };
    return contentText(el);
  }

  /**
   * A Range over [start, end) of a contenteditable's text, or null when the offsets fall
   * outside every text node (e.g. on a synthetic line break only).
   * @param {Document} doc
   * @param {Segment[]} segments
   * @param {number} start
   * @param {number} end
   */
  function range(doc, segments, start, end) {
    const a = segments.find((s) => start >= s.start && start < s.end);
    const b = [...segments].reverse().find((s) => end > s.start && end <= s.end);
    if (!a || !b) return null;
    const r = doc.createRange();
    r.setStart(a.node, start - a.start);
    r.setEnd(b.node, end - b.start);
    return r;
  }

  /**
   * The caret's offset in the field's text, or null when the field has no caret now.
   * @param {HTMLElement} el
   * @param {Segment[]} segments
   */
  function caret(el, segments) {
    if (isTextControl(el)) {
      const c = /** @type {HTMLInputElement} */ (el);
      try {
        return c.selectionStart === c.selectionEnd ? c.selectionStart : null;
      } catch {
        return null;
      }
    }
    const sel = el.ownerDocument.getSelection();
    if (!sel || !sel.isCollapsed || !sel.anchorNode || !el.contains(sel.anchorNode)) return null;
    const seg = segments.find((s) => s.node === sel.anchorNode);
    return seg ? seg.start + sel.anchorOffset : null;
  }

  return { read, range, caret, isTextControl };
})();
