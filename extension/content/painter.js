// @ts-check
/**
 * The painter: where each finding of a tracked field is drawn, and drawing it once per
 * frame. It owns the one box function of the content script — a span of any field
 * (<input>, <textarea>, contenteditable, in the top document, a shadow root or a
 * same-origin iframe) to boxes in the top viewport, clipped once to where the field's
 * text can be seen — and the paint log extension pages read (`inspectOverlay`).
 *
 * It reads layout and draws into the overlay; it never changes the page, never decides
 * what is shown (the tracker passes the findings to draw), and never sends a message.
 */

const ClearmarkPainter = (() => {
  /** @typedef {{left: number, top: number, right: number, bottom: number}} Area */

  /** Everything: no clip on that side. */
  const ALL = { left: -Infinity, top: -Infinity, right: Infinity, bottom: Infinity };

  /** @param {Area} a @param {Area} b @returns {Area} */
  const intersect = (a, b) => ({
    left: Math.max(a.left, b.left), top: Math.max(a.top, b.top), right: Math.min(a.right, b.right), bottom: Math.min(a.bottom, b.bottom),
  });

  /** @param {Area} a @param {{x: number, y: number}} o @returns {Area} */
  const shift = (a, o) => ({ left: a.left + o.x, top: a.top + o.y, right: a.right + o.x, bottom: a.bottom + o.y });

  /**
   * The part of the field's own viewport its text is drawn in: a textarea's padding box
   * (its padding scrolls with the text); an input's content box across, since both
   * browsers hide a line scrolled sideways at the padding ("LEGO" scrolled half out
   * shows "GO" and no more underline); a contenteditable's border box across (its lines
   * may overflow downwards into view, as the page shows them).
   * @param {HTMLElement} el
   * @returns {Area}
   */
  function fieldArea(el) {
    const r = el.getBoundingClientRect();
    if (!ClearmarkEditable.isTextControl(el)) return { ...ALL, left: r.left, right: r.right };
    const cs = el.ownerDocument.defaultView?.getComputedStyle(el);
    const px = (/** @type {string|undefined} */ v) => parseFloat(v || '') || 0;
    const top = r.top + px(cs?.borderTopWidth);
    const bottom = r.bottom - px(cs?.borderBottomWidth);
    if (el.localName === 'input') {
      // From the border box and the style alone: Firefox measures an input's clientLeft
      // and clientWidth on its inner editor, Chromium on the element.
      const left = r.left + px(cs?.borderLeftWidth) + px(cs?.paddingLeft);
      const right = r.right - px(cs?.borderRightWidth) - px(cs?.paddingRight);
      return { left, top, right, bottom };
    }
    const left = r.left + px(cs?.borderLeftWidth);
    return { left, top, right: left + el.clientWidth, bottom: top + el.clientHeight };
  }

  /**
   * Where each span is drawn, in the field's own viewport, unclipped: a text control's
   * through its mirror, a contenteditable's through ranges over its text segments.
   * @param {{el: HTMLElement, text: string, segments: Segment[], mirror: ReturnType<typeof ClearmarkMirror.createMirror>|null}} t
   * @param {Array<{start: number, end: number}>} spans
   * @returns {Area[][]}
   */
  function spanRects(t, spans) {
    if (t.mirror) return t.mirror.measure(/** @type {HTMLTextAreaElement} */ (t.el), t.text, spans);
    const d = t.el.ownerDocument;
    return spans.map((s) => {
      const r = ClearmarkEditable.range(d, t.segments, s.start, s.end);
      return r ? Array.from(r.getClientRects()) : [];
    });
  }

  /**
   * The one box function: each span's boxes in the top viewport (the overlay's
   * coordinates), clipped to the field's text area and to every ancestor, frame and
   * viewport that hides part of it (ClearmarkGeometry.visibleArea); a span out of sight
   * has none.
   * @param {{el: HTMLElement, text: string, segments: Segment[], mirror: ReturnType<typeof ClearmarkMirror.createMirror>|null}} t
   * @param {Array<{start: number, end: number}>} spans
   * @returns {Area[][]}
   */
  function boxes(t, spans) {
    const rects = spanRects(t, spans);
    const o = ClearmarkGeometry.frameOffset(t.el.ownerDocument);
    const area = intersect(shift(fieldArea(t.el), o), ClearmarkGeometry.visibleArea(t.el));
    return rects.map((rs) => ClearmarkGeometry.clip(rs.map((q) => shift(q, o)), area));
  }

  /**
   * A painter drawing into `overlay`.
   * @param {ReturnType<typeof ClearmarkOverlay.create>} overlay
   * @param {object} deps
   * @param {(t: any) => Finding[]} deps.shown  the findings of a tracked field to draw now
   * @param {() => Iterable<any>} deps.fields   every tracked field, for a repaint of all
   * @param {(fn: () => void) => () => void} deps.guard  wraps the frame callback (nothing thrown into the page)
   * @param {() => void} deps.painted  called after each frame's drawing (the tracker's badge count)
   */
  function create(overlay, { shown, fields, guard, painted }) {
    /** @type {Set<any>} */
    const toPaint = new Set();
    let frame = 0;
    let alive = true;
    /** The latest paints, for `inspectOverlay` (the benchmark and tests): never on the page. */
    const PAINT_LOG = 4096;
    /** @type {Array<{field: string, version: number, length: number, checked: boolean, drawn: number, inputAt: number, rtt: number, at: number}>} */
    const paints = [];

    function paint() {
      frame = 0;
      if (!alive) return;
      for (const t of toPaint) {
        if (!t.el.isConnected) continue;
        const drawn = shown(t);
        const at = boxes(t, drawn);
        /** @type {Underline[]} */
        const lines = drawn.map((f, i) => ({
          field: t.key, start: f.start, end: f.end, kind: f.kind, severity: f.severity, finding: i, boxes: at[i],
        }));
        overlay.draw(t.key, lines);
        // For the benchmarks and tests (inspectOverlay, extension pages only): which text
        // version is drawn, whether it is the engine's answer for it (checked) or shifted
        // old findings, and how many underlines.
        paints.push({
          field: t.key, version: t.version, length: t.text.length, checked: t.checkedVersion === t.version,
          drawn: lines.length, inputAt: t.inputAt, rtt: t.rtt, at: performance.now(),
        });
        if (paints.length > PAINT_LOG) paints.splice(0, paints.length - PAINT_LOG);
      }
      toPaint.clear();
      painted();
    }

    return {
      /** Draw this field at the next frame. @param {any} t */
      schedule(t) {
        toPaint.add(t);
        if (!frame) frame = requestAnimationFrame(guard(paint));
      },
      /** Draw every field at the next frame (scroll, resize, fonts, settings, colours). */
      scheduleAll() {
        for (const t of fields()) toPaint.add(t);
        if (!frame) frame = requestAnimationFrame(guard(paint));
      },
      /** A field no longer tracked: nothing of it is drawn. @param {any} t */
      forget(t) {
        toPaint.delete(t);
        overlay.clear(t.key);
      },
      /** The paint log; emptied when `drain`. @param {boolean} drain */
      log(drain) {
        const logged = [...paints];
        if (drain) paints.length = 0;
        return logged;
      },
      stop() {
        alive = false;
        if (frame) cancelAnimationFrame(frame);
      },
    };
  }

  return { create, boxes };
})();
