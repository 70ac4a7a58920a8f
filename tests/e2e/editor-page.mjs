// @ts-check
/**
 * Functions the editor e2e tests run inside the page's main world (either browser). Each
 * is self-contained (serialised into the page) — except `overlayState`, which asks the
 * extension. A field is named by a path of steps:
 * CSS selectors, "shadow" (enter the element's open shadow root) and "frame" (enter the
 * iframe's document), e.g. ['kat-textarea[name="item_name-0-value"]', 'shadow', 'textarea']
 * or ['#se-rte-frame__summary', 'frame', 'body'].
 *
 * The flagged word's rectangle is measured here independently of the content script:
 * for a contenteditable, a Range over the word found in the text nodes (plus the iframe's
 * content origin); for an input or textarea, a throw-away replica placed exactly over the
 * field that copies EVERY computed style property (the content script's mirror copies a
 * chosen list), scrolled like the field, with the word in a span.
 */

/** @typedef {{left: number, top: number, right: number, bottom: number}} Rect */
/** @typedef {{field: string, start: number, end: number, kind: string, severity: string} & Rect} DrawnUnderline */

/**
 * Focus the field and put the caret at the end of its text (selection only; no text change).
 * @param {string[]} path
 */
export function focusEnd(path) {
  /** @type {any} */
  let node = document;
  for (const step of path) {
    node = step === "shadow" ? node.shadowRoot : step === "frame" ? node.contentDocument : node.querySelector(step);
    if (!node) throw new Error(`no ${step} in path ${path.join(" → ")}`);
  }
  const el = /** @type {HTMLElement} */ (node);
  el.focus();
  if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) {
    el.setSelectionRange(el.value.length, el.value.length);
  } else {
    const doc = el.ownerDocument;
    const sel = /** @type {Selection} */ (doc.getSelection());
    const r = doc.createRange();
    r.selectNodeContents(el);
    r.collapse(false);
    sel.removeAllRanges();
    sel.addRange(r);
  }
  return true;
}

/**
 * The field's text and selection (UTF-16 offsets).
 * @param {string[]} path
 * @returns {{value: string, selStart: number, selEnd: number, control: boolean}}
 */
export function fieldState(path) {
  /** @type {any} */
  let node = document;
  for (const step of path) node = step === "shadow" ? node.shadowRoot : step === "frame" ? node.contentDocument : node.querySelector(step);
  const el = /** @type {HTMLElement} */ (node);
  if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) {
    return { value: el.value, selStart: /** @type {number} */ (el.selectionStart), selEnd: /** @type {number} */ (el.selectionEnd), control: true };
  }
  const doc = el.ownerDocument;
  const sel = /** @type {Selection} */ (doc.getSelection());
  /** @param {Node} n @param {number} o */
  const offset = (n, o) => {
    const r = doc.createRange();
    r.setStart(el, 0);
    r.setEnd(n, o);
    return r.toString().length;
  };
  const a = sel.rangeCount ? sel.getRangeAt(0) : null;
  return {
    value: el.textContent || "",
    selStart: a ? offset(a.startContainer, a.startOffset) : -1,
    selEnd: a ? offset(a.endContainer, a.endOffset) : -1,
    control: false,
  };
}

/**
 * Viewport rectangles of every occurrence of `word` in the field (one list per occurrence,
 * one rectangle per line fragment), measured independently of the extension and clipped
 * to what can be seen: the field's padding box, iframes and the viewport.
 * @param {{path: string[], word: string}} arg
 * @returns {Rect[][]}
 */
export function wordRects({ path, word }) {
  /** @type {any} */
  let node = document;
  /** @type {HTMLIFrameElement[]} */
  const frames = [];
  for (const step of path) {
    if (step === "frame") frames.push(node);
    node = step === "shadow" ? node.shadowRoot : step === "frame" ? node.contentDocument : node.querySelector(step);
  }
  const el = /** @type {HTMLElement} */ (node);
  let dx = 0;
  let dy = 0;
  // What a person can see: the top viewport, and inside it each iframe's box.
  let view = { left: 0, top: 0, right: window.innerWidth, bottom: window.innerHeight };
  /** @param {Rect} a @param {Rect} b */
  const meet = (a, b) => ({ left: Math.max(a.left, b.left), top: Math.max(a.top, b.top), right: Math.min(a.right, b.right), bottom: Math.min(a.bottom, b.bottom) });
  for (const f of frames) {
    const r = f.getBoundingClientRect();
    const cs = getComputedStyle(f);
    dx += r.left + f.clientLeft + parseFloat(cs.paddingLeft);
    dy += r.top + f.clientTop + parseFloat(cs.paddingTop);
    view = meet(view, { left: dx, top: dy, right: dx + f.clientWidth, bottom: dy + f.clientHeight });
  }
  /** @param {Rect[]} list */
  const seen = (list) => list.map((q) => meet(q, view)).filter((q) => q.right - q.left >= 1 && q.bottom - q.top >= 1);
  /** @param {DOMRect} q */
  const out = (q) => ({ left: q.left + dx, top: q.top + dy, right: q.right + dx, bottom: q.bottom + dy });
  /** @type {Rect[][]} */
  const all = [];
  if (!(el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement)) {
    const doc = el.ownerDocument;
    const walker = doc.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let t = walker.nextNode(); t; t = walker.nextNode()) {
      const data = /** @type {Text} */ (t).data;
      for (let i = data.indexOf(word); i >= 0; i = data.indexOf(word, i + 1)) {
        const r = doc.createRange();
        r.setStart(t, i);
        r.setEnd(t, i + word.length);
        all.push(seen(Array.from(r.getClientRects()).filter((q) => q.width > 0).map(out)));
      }
    }
    return all;
  }
  const value = el.value;
  const cs = getComputedStyle(el);
  const fr = el.getBoundingClientRect();
  const isInput = el instanceof HTMLInputElement;
  for (let at = value.indexOf(word); at >= 0; at = value.indexOf(word, at + 1)) {
    const m = document.createElement("div");
    for (let i = 0; i < cs.length; i++) m.style.setProperty(cs[i], cs.getPropertyValue(cs[i]));
    const set = (/** @type {string} */ p, /** @type {string} */ v) => m.style.setProperty(p, v, "important");
    set("position", "fixed");
    set("left", `${fr.left}px`);
    set("top", `${fr.top}px`);
    set("margin", "0");
    set("visibility", "hidden");
    set("appearance", "none");
    set("overflow", "hidden");
    set("white-space", isInput ? "pre" : "pre-wrap");
    if (isInput) {
      // An input draws its one line vertically centred in the content box.
      set("display", "flex");
      set("align-items", "center");
    } else if (el.scrollHeight > el.clientHeight) {
      set("overflow-y", "scroll");
    }
    const before = document.createTextNode(value.slice(0, at));
    const span = document.createElement("span");
    span.textContent = value.slice(at, at + word.length);
    const after = document.createTextNode(value.slice(at + word.length) + (value.endsWith("\n") ? "\u200b" : ""));
    if (isInput) {
      const line = document.createElement("span");
      line.style.whiteSpace = "pre";
      line.append(before, span, after);
      m.append(line);
    } else {
      m.append(before, span, after);
    }
    document.documentElement.append(m);
    m.scrollLeft = el.scrollLeft;
    m.scrollTop = el.scrollTop;
    // Clipped to what a person sees of the field: a textarea's padding box; an input's
    // content box across (both browsers hide a line scrolled sideways at the padding, as
    // the screenshots of a scrolled title show).
    // (An input's box comes from its rect and style: Firefox measures its clientLeft and
    // clientWidth on the inner editor.)
    const px = (/** @type {string} */ v) => parseFloat(v) || 0;
    const clip = isInput
      ? { left: fr.left + px(cs.borderLeftWidth) + px(cs.paddingLeft), top: fr.top + px(cs.borderTopWidth), right: fr.right - px(cs.borderRightWidth) - px(cs.paddingRight), bottom: fr.bottom - px(cs.borderBottomWidth) }
      : { left: fr.left + el.clientLeft, top: fr.top + el.clientTop, right: fr.left + el.clientLeft + el.clientWidth, bottom: fr.top + el.clientTop + el.clientHeight };
    all.push(seen(Array.from(span.getClientRects()).filter((q) => q.width > 0).map(out).map((q) => meet(q, clip))));
    m.remove();
  }
  return all;
}

/**
 * What the extension drew — its overlay hosts, underlines (with their laid-out boxes), card
 * and latest paint — asked of the content script through an extension page: the page
 * itself cannot read any of it (closed shadow root, no attributes). `painted` is the
 * latest paint as JSON (field, text version and length, whether it is the engine's answer).
 * Runs in the test process, not in the page.
 * @param {import("./browsers.mjs").Browser} browser
 * @returns {Promise<{hosts: number, viewport: {width: number, height: number}, painted: string|null, underlines: DrawnUnderline[], card: {visible: boolean, text: string, html: string, rect: Rect|null, buttons: Record<string, {x: number, y: number}>}}>}
 */
export async function overlayState(browser) {
  const s = await browser.inspect();
  const last = s.paints.length ? s.paints[s.paints.length - 1] : null;
  return { hosts: s.hosts, viewport: s.viewport, painted: last ? JSON.stringify(last) : null, underlines: s.underlines, card: s.card };
}

/** The page's visible text outside the extension's overlay (to prove it never changes). */
export function pageText() {
  /** @param {Node} n @returns {string} */
  const text = (n) => {
    if (n.nodeType === Node.TEXT_NODE) return /** @type {Text} */ (n).data;
    if (n.nodeType !== Node.ELEMENT_NODE && n.nodeType !== Node.DOCUMENT_FRAGMENT_NODE) return "";
    const el = /** @type {Element} */ (n);
    if (n.nodeType === Node.ELEMENT_NODE && (el.localName === "clearmark-overlay" || el.localName === "script" || el.localName === "style")) return "";
    if (n.nodeType === Node.ELEMENT_NODE && el.getAttribute("contenteditable") === "true") return "[field]";
    let s = "";
    if (el.shadowRoot) s += text(el.shadowRoot);
    for (const c of Array.from(n.childNodes)) s += text(c);
    return s;
  };
  return text(document.body);
}

/** The page removes the extension's overlay host, as hostile or careless pages do. */
export function removeOverlay() {
  const o = document.querySelector("clearmark-overlay");
  if (o) o.remove();
  return !!o;
}

/** Click the SPA fixture's "Re-render" button (a new set of field elements replaces the old). */
export function rerender() {
  /** @type {HTMLButtonElement} */ (document.getElementById("rerender")).click();
  return Number(document.body.dataset.renders || 0);
}

/**
 * Put the caret at `offset` of the field's text (a selection change, not a text change).
 * @param {{path: string[], offset: number}} arg
 */
export function setCaret({ path, offset }) {
  /** @type {any} */
  let node = document;
  for (const step of path) node = step === "shadow" ? node.shadowRoot : step === "frame" ? node.contentDocument : node.querySelector(step);
  const el = /** @type {HTMLElement} */ (node);
  el.focus();
  if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) {
    el.setSelectionRange(offset, offset);
    return true;
  }
  const doc = el.ownerDocument;
  const walker = doc.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  let left = offset;
  for (let t = walker.nextNode(); t; t = walker.nextNode()) {
    const n = /** @type {Text} */ (t).data.length;
    if (left <= n) {
      const sel = /** @type {Selection} */ (doc.getSelection());
      const r = doc.createRange();
      r.setStart(t, left);
      r.collapse(true);
      sel.removeAllRanges();
      sel.addRange(r);
      return true;
    }
    left -= n;
  }
  return false;
}

/**
 * Scroll the field (or the iframe holding it) to the middle of the viewport.
 * @param {string[]} path
 */
export function reveal(path) {
  /** @type {any} */
  let node = document;
  /** @type {Element|null} */
  let outer = null;
  for (const step of path) {
    node = step === "shadow" ? node.shadowRoot : step === "frame" ? node.contentDocument : node.querySelector(step);
    if (!outer && node instanceof Element && node.ownerDocument === document) outer = node;
  }
  /** @type {Element} */ (outer).scrollIntoView({ block: "center" });
  return true;
}
