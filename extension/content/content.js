// @ts-check
/**
 * Clearmark's content script — eyes and pen, no detection: finds the listing title
 * field (also inside open shadow roots, as Amazon's `kat-textarea` keeps it), sends its
 * text to the background engine as the seller types (extension/protocol.js), and draws an
 * underline box over each returned span in an overlay of its own.
 *
 * It must never write into the page's fields or text, and never throw into the page's
 * console: every entry point is guarded. The overlay is a `<clearmark-overlay>` element
 * with an open shadow root, put in the top layer when the browser supports popovers,
 * pointer-events none. Each underline element carries `data-clearmark-underline` and
 * `data-start`/`data-end` (UTF-16 offsets of the span in the field's value).
 *
 * First minimal version (infra); the editor module replaces and extends it (every field,
 * every marketplace, hover card).
 */
(() => {
  const P = globalThis.ClearmarkProtocol;
  if (!P || /** @type {any} */ (globalThis).__clearmarkContent) return;
  /** @type {any} */ (globalThis).__clearmarkContent = true;

  /** Delay after the last keystroke before the text is checked. */
  const DEBOUNCE_MS = 120;

  /**
   * Computed-style properties that decide where text lands inside a textarea; the
   * mirror copies them.
   */
  const MIRROR_PROPS = [
    "direction", "boxSizing", "fontFamily", "fontSize", "fontStyle", "fontVariant", "fontWeight",
    "fontStretch", "fontFeatureSettings", "fontKerning", "lineHeight", "letterSpacing", "wordSpacing",
    "textTransform", "textIndent", "textAlign", "tabSize", "paddingTop", "paddingRight",
    "paddingBottom", "paddingLeft", "whiteSpace", "wordBreak", "overflowWrap", "hyphens",
  ];

  /**
   * A title field being watched.
   * @typedef {object} Watched
   * @property {HTMLTextAreaElement | HTMLInputElement} el
   * @property {string} sentText     the value the current findings are for
   * @property {Finding[]} findings
   * @property {number} timer
   * @property {number} seq          request counter, to drop stale answers
   * @property {HTMLDivElement} layer the field's clip box in the overlay
   */

  /** @type {Map<Element, Watched>} */
  const watched = new Map();

  /**
   * Runs `fn`, swallowing (never rethrowing into the page) anything it throws.
   * @template {unknown[]} A
   * @param {(...args: A) => void} fn
   * @returns {(...args: A) => void}
   */
  function guard(fn) {
    return (...args) => {
      try {
        fn(...args);
      } catch {
        // A content script must not throw into the page; a failed draw is retried on
        // the next input or layout change.
      }
    };
  }

  // ---- overlay ------------------------------------------------------------------

  /** @type {{host: HTMLElement, root: ShadowRoot} | null} */
  let overlay = null;

  /** The overlay host, created on first use and re-attached if the page removes it. */
  function overlayRoot() {
    if (overlay && overlay.host.isConnected) return overlay.root;
    const host = document.createElement("clearmark-overlay");
    host.setAttribute(
      "style",
      "all: initial !important; position: fixed !important; inset: 0 !important; width: 100vw !important;" +
        " height: 100vh !important; margin: 0 !important; padding: 0 !important; border: 0 !important;" +
        " background: transparent !important; overflow: visible !important; pointer-events: none !important;" +
        " z-index: 2147483647 !important; display: block !important;",
    );
    const shadow = host.attachShadow({ mode: "open" });
    const style = document.createElement("style");
    style.textContent =
      ".field { position: fixed; overflow: hidden; pointer-events: none; }" +
      " [data-clearmark-underline] { position: absolute; pointer-events: none; box-sizing: border-box;" +
      " border-bottom: 2px solid #d93025; background: rgba(217, 48, 37, 0.08); }" +
      " .mirror { position: absolute; top: 0; left: 0; visibility: hidden; overflow: hidden;" +
      " white-space: pre-wrap; overflow-wrap: break-word; }";
    shadow.append(style);
    document.documentElement.append(host);
    if (typeof host.showPopover === "function") {
      host.setAttribute("popover", "manual");
      try {
        host.showPopover();
      } catch {
        // Not in the top layer; the z-index still lifts it over most pages.
      }
    }
    overlay = { host, root: shadow };
    for (const w of watched.values()) shadow.append(w.layer);
    return shadow;
  }

  // ---- measuring ----------------------------------------------------------------

  /**
   * The viewport rectangles of `text.slice(start, end)` inside `el`, measured with a
   * mirror element that lays the text out the way the field does.
   * @param {HTMLTextAreaElement | HTMLInputElement} el
   * @param {number} start
   * @param {number} end
   * @returns {DOMRect[]} relative to the field's padding box origin (scroll applied)
   */
  function spanRects(el, start, end) {
    const root = overlayRoot();
    const cs = getComputedStyle(el);
    const mirror = document.createElement("div");
    mirror.className = "mirror";
    const ms = /** @type {Record<string, string>} */ (/** @type {unknown} */ (mirror.style));
    const cso = /** @type {Record<string, string>} */ (/** @type {unknown} */ (cs));
    for (const p of MIRROR_PROPS) ms[p] = cso[p];
    const isInput = el instanceof HTMLInputElement;
    ms.boxSizing = "content-box";
    ms.borderStyle = "none";
    const padX = parseFloat(cs.paddingLeft) + parseFloat(cs.paddingRight);
    ms.width = `${Math.max(0, el.clientWidth - padX)}px`;
    if (isInput) ms.whiteSpace = "pre";
    const text = el.value;
    const before = document.createTextNode(text.slice(0, start));
    const span = document.createElement("span");
    span.textContent = text.slice(start, end);
    const after = document.createTextNode(text.slice(end) || "\u200b");
    mirror.append(before, span, after);
    root.append(mirror);
    const origin = mirror.getBoundingClientRect();
    const rects = Array.from(span.getClientRects()).map(
      (r) => new DOMRect(r.left - origin.left - el.scrollLeft, r.top - origin.top - el.scrollTop, r.width, r.height),
    );
    mirror.remove();
    return rects;
  }

  /**
   * Redraws the underline boxes of one field from its findings.
   * @param {Watched} w
   */
  function draw(w) {
    overlayRoot();
    const { el, layer } = w;
    layer.replaceChildren();
    if (!el.isConnected || el.value !== w.sentText) return;
    const box = el.getBoundingClientRect();
    layer.style.left = `${box.left + el.clientLeft}px`;
    layer.style.top = `${box.top + el.clientTop}px`;
    layer.style.width = `${el.clientWidth}px`;
    layer.style.height = `${el.clientHeight}px`;
    for (const f of w.findings) {
      if (f.field !== "title" || f.severity === "low") continue;
      for (const r of spanRects(el, f.start, f.end)) {
        const u = document.createElement("div");
        u.setAttribute("data-clearmark-underline", f.kind);
        u.dataset.start = String(f.start);
        u.dataset.end = String(f.end);
        u.dataset.severity = f.severity;
        u.title = f.reason;
        u.style.left = `${r.left}px`;
        u.style.top = `${r.top}px`;
        u.style.width = `${r.width}px`;
        u.style.height = `${r.height}px`;
        layer.append(u);
      }
    }
  }

  // ---- checking -----------------------------------------------------------------

  /**
   * Sends the field's text to the background and draws the answer.
   * @param {Watched} w
   */
  function check(w) {
    const text = w.el.value;
    const seq = ++w.seq;
    const listing = { id: "title", marketplace: location.hostname, title: text };
    chrome.runtime.sendMessage(P.check(listing)).then(
      guard((/** @type {CheckResponse | undefined} */ res) => {
        if (seq !== w.seq || !res || !res.ok || res.type !== "check") return;
        w.sentText = text;
        w.findings = res.report.findings;
        draw(w);
      }),
      () => {
        // The extension was reloaded or the background is gone: stay silent.
      },
    );
  }

  /**
   * Starts watching a title field.
   * @param {HTMLTextAreaElement | HTMLInputElement} el
   */
  function watch(el) {
    if (watched.has(el)) return;
    const layer = document.createElement("div");
    layer.className = "field";
    /** @type {Watched} */
    const w = { el, sentText: "", findings: [], timer: 0, seq: 0, layer };
    watched.set(el, w);
    overlayRoot().append(layer);
    el.addEventListener(
      "input",
      guard(() => {
        layer.replaceChildren();
        clearTimeout(w.timer);
        w.timer = window.setTimeout(guard(() => check(w)), DEBOUNCE_MS);
      }),
    );
    el.addEventListener("scroll", guard(() => draw(w)));
    if (el.value) check(w);
  }

  // ---- finding fields -----------------------------------------------------------

  /**
   * Whether a field is a listing title: Amazon's `item_name` host, or a field whose
   * name/id/label says title.
   * @param {Element} el
   * @returns {el is HTMLTextAreaElement | HTMLInputElement}
   */
  function isTitleField(el) {
    if (!(el instanceof HTMLTextAreaElement || (el instanceof HTMLInputElement && (el.type === "text" || el.type === "")))) {
      return false;
    }
    const rootNode = el.getRootNode();
    const host = rootNode instanceof ShadowRoot ? rootNode.host : null;
    const names = [el.name, el.id, el.getAttribute("aria-label") || "", el.placeholder];
    if (host) names.push(host.getAttribute("name") || "", host.id, host.getAttribute("label") || "");
    return names.some((n) => /^item_name\b|(^|[-_\s])title([-_\s]|$)/i.test(n));
  }

  /**
   * Every text field under `root`, descending into open shadow roots.
   * @param {Node} root
   * @param {(el: Element) => void} visit
   */
  function walk(root, visit) {
    const tw = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT);
    for (let n = /** @type {Node | null} */ (tw.currentNode); n; n = tw.nextNode()) {
      if (n instanceof Element) {
        if (n.localName === "clearmark-overlay") continue;
        visit(n);
        if (n.shadowRoot) walk(n.shadowRoot, visit);
      }
    }
  }

  const scan = guard(() => {
    walk(document, (el) => {
      if (isTitleField(el)) watch(el);
    });
  });

  const redrawAll = guard(() => {
    for (const w of watched.values()) if (w.findings.length) draw(w);
  });

  let frame = 0;
  const redrawSoon = () => {
    if (!frame) frame = requestAnimationFrame(() => ((frame = 0), redrawAll()));
  };

  scan();
  let scanTimer = 0;
  new MutationObserver(() => {
    clearTimeout(scanTimer);
    scanTimer = window.setTimeout(scan, 200);
  }).observe(document, { childList: true, subtree: true });
  // Fields created inside shadow roots do not show in the document observer; the seller
  // focusing one reveals it through the composed path.
  document.addEventListener(
    "focusin",
    guard((ev) => {
      const target = ev.composedPath()[0];
      if (target instanceof Element && isTitleField(target)) watch(target);
    }),
    true,
  );
  addEventListener("scroll", redrawSoon, { capture: true, passive: true });
  addEventListener("resize", redrawSoon, { passive: true });
})();
