// @ts-check
/**
 * What a hostile page can do to the extension, from the page's own JavaScript (the main
 * world), exposed as `window.hostile` for tests/e2e/hostile.test.mjs to call:
 *
 * - `synthetic(point)`: the events a person makes — focusin, keyup, mouseup, mousemove over
 *   the flagged word, click, Alt+Shift+B / Alt+Shift+I — made up by the page
 *   (`isTrusted: false`), aimed at the field, the document and the overlay host;
 * - `clickInto(points)`: clicks into the overlay where its card's buttons are drawn:
 *   `elementFromPoint` + `.click()` and synthetic mouse events at those coordinates;
 * - `probe()`: everything the page can read about the overlay: its host's shadow root and
 *   attributes, every `data-*` attribute on the page, the page's text as a selection of
 *   everything sees it, and what its window-level listeners saw of events in the overlay;
 * - `fillHuge(units)`: a description of `units` UTF-16 units (5 MB), as an `input`;
 * - `fillFeature(text)`: text in the field labelled "Key Features 1000000001" (a bullet
 *   index of 10⁹ for the generic adapter).
 */
(() => {
  /** Targets of events the page's window-level listeners saw (composedPath from outside). */
  const seen = new Set();
  for (const type of ["click", "mousedown", "mouseup", "mousemove", "pointerdown", "focusin", "keydown"]) {
    window.addEventListener(type, (e) => {
      for (const n of e.composedPath()) if (n instanceof Element) seen.add(n.localName + (n.getAttribute("data-role") ? `[${n.getAttribute("data-role")}]` : ""));
    }, true);
  }

  const field = (/** @type {string} */ id) => /** @type {HTMLTextAreaElement} */ (document.getElementById(id));
  const host = () => document.querySelector("clearmark-overlay");

  /** @param {EventTarget} t @param {Event} e */
  const fire = (t, e) => { t.dispatchEvent(e); return 1; };

  /** @param {{x: number, y: number, caret: number}} p */
  function synthetic(p) {
    const title = field("title");
    let n = 0;
    title.setSelectionRange(p.caret, p.caret);
    const targets = [title, document, host() || document];
    for (const t of targets) {
      n += fire(t, new FocusEvent("focusin", { bubbles: true, composed: true }));
      n += fire(t, new KeyboardEvent("keyup", { bubbles: true, composed: true, key: "ArrowLeft", code: "ArrowLeft" }));
      n += fire(t, new MouseEvent("mouseup", { bubbles: true, composed: true, clientX: p.x, clientY: p.y }));
      n += fire(t, new MouseEvent("mousemove", { bubbles: true, composed: true, clientX: p.x, clientY: p.y }));
      n += fire(t, new MouseEvent("click", { bubbles: true, composed: true, clientX: p.x, clientY: p.y }));
      for (const code of ["KeyB", "KeyI"]) {
        n += fire(t, new KeyboardEvent("keydown", { bubbles: true, composed: true, cancelable: true, key: code.slice(3), code, altKey: true, shiftKey: true }));
      }
    }
    return n;
  }

  /** @param {Array<{x: number, y: number}>} points */
  function clickInto(points) {
    const hit = [];
    for (const p of points) {
      const el = /** @type {HTMLElement|null} */ (document.elementFromPoint(p.x, p.y));
      hit.push(el ? el.localName : null);
      if (!el) continue;
      el.click();
      for (const type of ["pointerdown", "mousedown", "pointerup", "mouseup", "click"]) {
        const E = type.startsWith("pointer") ? PointerEvent : MouseEvent;
        el.dispatchEvent(new E(type, { bubbles: true, composed: true, cancelable: true, clientX: p.x, clientY: p.y }));
      }
    }
    return hit;
  }

  function probe() {
    const h = host();
    /** @type {string[]} */
    const dataAttrs = [];
    /** @param {Document|ShadowRoot} root */
    const walk = (root) => {
      for (const el of Array.from(root.querySelectorAll("*"))) {
        for (const a of Array.from(el.attributes)) if (a.name.startsWith("data-")) dataAttrs.push(`${el.localName} ${a.name}=${a.value}`);
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(document);
    for (const a of Array.from(document.documentElement.attributes)) if (a.name.startsWith("data-")) dataAttrs.push(`html ${a.name}=${a.value}`);
    const sel = /** @type {Selection} */ (getSelection());
    sel.selectAllChildren(document.documentElement);
    const selected = sel.toString();
    sel.removeAllRanges();
    return {
      hosts: document.querySelectorAll("clearmark-overlay").length,
      shadowRoot: !!(h && h.shadowRoot),
      hostAttributes: h ? Array.from(h.attributes).map((a) => `${a.name}=${a.value}`) : [],
      hostChildren: h ? h.childNodes.length : 0,
      dataAttrs,
      pageText: document.documentElement.innerText + "\n" + document.documentElement.textContent + "\n" + selected,
      seen: [...seen],
    };
  }

  /** @param {number} units */
  function fillHuge(units) {
    const d = field("description");
    const chunk = "Nike trainers, lightly worn. ";
    d.value = chunk.repeat(Math.ceil(units / chunk.length)).slice(0, units);
    d.dispatchEvent(new Event("input", { bubbles: true }));
    return d.value.length;
  }

  /** @param {string} text */
  function fillFeature(text) {
    const f = field("bullet-1000000001");
    f.value = text;
    f.dispatchEvent(new Event("input", { bubbles: true }));
    return f.value.length;
  }

  Object.assign(window, { hostile: { synthetic, clickInto, probe, fillHuge, fillFeature } });
})();
