// @ts-check
/**
 * Measuring where characters of an <input> or <textarea> are drawn, which the browser does
 * not expose. A hidden "mirror" box copies the field's computed text styles (font, spacing,
 * padding, borders, wrapping, width without scrollbar) and holds the same text; a Range over
 * the mirror's text node gives one rectangle per line fragment, which is moved to the field's
 * border box and shifted by the field's scroll offsets (painter.js clips them to what can
 * be seen). Mirrors live in the extension's own shadow root (one per field, reused), never
 * in the page's DOM; the field itself is only read.
 */

/** @typedef {{left: number, top: number, right: number, bottom: number}} Box */

const ClearmarkMirror = (() => {
  const COPIED = ['font-family', 'font-size', 'font-weight', 'font-style', 'font-variant', 'font-stretch', 'font-kerning',
    'font-feature-settings', 'font-variation-settings', 'font-size-adjust', 'line-height', 'letter-spacing', 'word-spacing',
    'text-transform', 'text-indent', 'text-align', 'text-rendering', 'tab-size', 'direction', 'writing-mode',
    'padding-top', 'padding-right', 'padding-bottom', 'padding-left',
    'border-top-width', 'border-right-width', 'border-bottom-width', 'border-left-width',
    'overflow-wrap', 'word-break', 'hyphens', 'white-space-collapse', 'text-wrap-mode'];

  /**
   * @param {Element} container  where mirrors are kept (inside the overlay's shadow root)
   */
  function createMirror(container) {
    const doc = container.ownerDocument;
    const box = doc.createElement('div');
    const text = doc.createTextNode('');
    box.append(text);
    container.append(box);
    let lastText = '';

    /**
     * Copy the field's current styles and text onto the mirror.
     * @param {HTMLInputElement|HTMLTextAreaElement} el
     * @param {string} value
     */
    function sync(el, value) {
      const cs = el.ownerDocument.defaultView?.getComputedStyle(el);
      if (!cs) return null;
      const s = box.style;
      for (const p of COPIED) s.setProperty(p, cs.getPropertyValue(p));
      s.position = 'absolute';
      s.left = '0px';
      s.top = '0px';
      s.visibility = 'hidden';
      s.pointerEvents = 'none';
      s.overflow = 'hidden';
      s.boxSizing = 'content-box';
      s.borderStyle = 'solid';
      s.borderColor = 'transparent';
      s.margin = '0';
      const padL = parseFloat(cs.paddingLeft) || 0;
      const padR = parseFloat(cs.paddingRight) || 0;
      const padT = parseFloat(cs.paddingTop) || 0;
      const padB = parseFloat(cs.paddingBottom) || 0;
      const isArea = el.localName === 'textarea';
      // clientWidth excludes the borders and a vertical scrollbar: the width text wraps in.
      s.width = Math.max(0, el.clientWidth - padL - padR) + 'px';
      s.height = 'auto';
      if (isArea) {
        s.whiteSpace = 'pre-wrap';
        if (cs.overflowWrap === 'normal' && cs.wordBreak !== 'break-all') s.overflowWrap = 'break-word';
        s.lineHeight = cs.lineHeight;
      } else {
        // An input draws one line, vertically centred in its content box.
        s.whiteSpace = 'pre';
        const inner = Math.max(0, el.clientHeight - padT - padB);
        s.height = inner + 'px';
        s.lineHeight = inner + 'px';
      }
      // A textarea keeps a trailing newline's empty line; give it something to measure.
      const shown = isArea && value.endsWith('\n') ? value + '\u200b' : value;
      if (shown !== lastText) {
        text.data = shown;
        lastText = shown;
      }
      return cs;
    }

    /**
     * Rectangles (viewport coordinates of the field's own document) of each span where the
     * field draws it, scrolled away or not: painter.js clips them.
     * @param {HTMLInputElement|HTMLTextAreaElement} el
     * @param {string} value
     * @param {Array<{start: number, end: number}>} spans
     * @returns {Box[][]}
     */
    function measure(el, value, spans) {
      if (!sync(el, value)) return spans.map(() => []);
      const fieldRect = el.getBoundingClientRect();
      const mirrorRect = box.getBoundingClientRect();
      const dx = fieldRect.left - mirrorRect.left - el.scrollLeft;
      const dy = fieldRect.top - mirrorRect.top - el.scrollTop;
      const r = doc.createRange();
      const len = text.data.length;
      return spans.map(({ start, end }) => {
        if (start >= end || end > len) return [];
        r.setStart(text, start);
        r.setEnd(text, end);
        /** @type {Box[]} */
        const out = [];
        for (const q of Array.from(r.getClientRects())) {
          if (q.width > 0) out.push({ left: q.left + dx, top: q.top + dy, right: q.right + dx, bottom: q.bottom + dy });
        }
        return out;
      });
    }

    return {
      measure,
      /** Remove the mirror from the overlay. */
      remove: () => box.remove(),
    };
  }

  return { createMirror };
})();
