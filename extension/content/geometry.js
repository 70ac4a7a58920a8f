// @ts-check
/**
 * Where things are on screen, in the top document's viewport coordinates (the overlay's):
 * the origin of a same-origin iframe's document, and the part of the viewport in which a
 * field can be seen at all — inside every ancestor that clips its overflow (a scrolling
 * panel, a dialog body), across shadow roots and frames, and inside each viewport. An
 * underline outside that area would be drawn over whatever covers the scrolled-away
 * text, so paint clips to it. Reads layout only; never changes the page.
 */

const ClearmarkGeometry = (() => {
  /** @typedef {{left: number, top: number, right: number, bottom: number}} Area */

  /**
   * Viewport offset of a document inside the top document (the sum of the iframes'
   * content-box origins).
   * @param {Document} d
   */
  function frameOffset(d) {
    let x = 0;
    let y = 0;
    for (let w = /** @type {Window|null} */ (d.defaultView); w && w !== w.parent; w = w.parent) {
      const f = /** @type {HTMLElement|null} */ (w.frameElement);
      if (!f) break;
      const r = f.getBoundingClientRect();
      const cs = getComputedStyle(f);
      x += r.left + f.clientLeft + (parseFloat(cs.paddingLeft) || 0);
      y += r.top + f.clientTop + (parseFloat(cs.paddingTop) || 0);
    }
    return { x, y };
  }

  /**
   * The element a box is drawn inside: its slot if slotted, else its parent, else (at the
   * top of a shadow tree) the shadow host.
   * @param {Element} el
   * @returns {Element|null}
   */
  function containerOf(el) {
    if (el.assignedSlot) return el.assignedSlot;
    if (el.parentElement) return el.parentElement;
    const root = el.parentNode;
    return root instanceof ShadowRoot ? root.host : null;
  }

  /** @param {Element} el */
  function clipsOverflow(el) {
    const cs = getComputedStyle(el);
    return cs.overflowX !== 'visible' || cs.overflowY !== 'visible';
  }

  /** @param {Area} a @param {Area} b @returns {Area} */
  const intersect = (a, b) => ({
    left: Math.max(a.left, b.left), top: Math.max(a.top, b.top), right: Math.min(a.right, b.right), bottom: Math.min(a.bottom, b.bottom),
  });

  /**
   * The part of the top viewport where `el`'s content can be seen: the intersection of
   * the padding boxes of its overflow-clipping ancestors and of every viewport up to the
   * top. (The root element's and body's overflow belong to the viewport.)
   * @param {Element} el
   * @returns {Area}
   */
  function visibleArea(el) {
    /** @type {Area} */
    let area = { left: -Infinity, top: -Infinity, right: Infinity, bottom: Infinity };
    /** @type {Element|null} */
    let from = el;
    while (from) {
      const doc = /** @type {Document} */ (from.ownerDocument);
      const o = frameOffset(doc);
      for (let a = containerOf(from); a; a = containerOf(a)) {
        if (a === doc.documentElement || a === doc.body || !clipsOverflow(a)) continue;
        const r = a.getBoundingClientRect();
        const left = r.left + a.clientLeft + o.x;
        const top = r.top + a.clientTop + o.y;
        area = intersect(area, { left, top, right: left + a.clientWidth, bottom: top + a.clientHeight });
      }
      const view = /** @type {Window|null} */ (doc.defaultView);
      if (view) area = intersect(area, { left: o.x, top: o.y, right: o.x + view.innerWidth, bottom: o.y + view.innerHeight });
      from = view && view !== view.parent ? /** @type {Element|null} */ (view.frameElement) : null;
    }
    return area;
  }

  /**
   * The parts of boxes inside an area; boxes wholly outside are dropped.
   * @param {Area[]} boxes @param {Area} area
   * @returns {Area[]}
   */
  function clip(boxes, area) {
    return boxes.map((b) => intersect(b, area)).filter((b) => b.right - b.left >= 1 && b.bottom - b.top >= 1);
  }

  return { frameOffset, visibleArea, clip };
})();
