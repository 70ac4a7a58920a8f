// @ts-check
/**
 * Functions the e2e tests run inside the page (main world), in either browser: they must
 * be self-contained (no closure over module variables) because they are serialised.
 *
 * The word's rectangle is measured independently of the content script: a throw-away
 * element placed exactly over the field that copies EVERY computed style property of it
 * (the content script copies a chosen list), with the word wrapped in a span.
 */

/**
 * @typedef {object} Box
 * @property {number} left
 * @property {number} top
 * @property {number} width
 * @property {number} height
 */

/**
 * The field inside `host`'s open shadow root, its value, how many overlay hosts the page
 * has and the page's text. What the extension drew is not readable from here (closed
 * shadow root): tests ask the extension (browsers.mjs `inspect`).
 * @param {{host: string, inner: string}} arg
 * @returns {{value: string | null, overlays: number, bodyText: string}}
 */
export function readState({ host, inner }) {
  const h = document.querySelector(host);
  const field = /** @type {HTMLTextAreaElement | HTMLInputElement | null} */ (h && h.shadowRoot ? h.shadowRoot.querySelector(inner) : null);
  return { value: field ? field.value : null, overlays: document.querySelectorAll("clearmark-overlay").length, bodyText: document.body.innerText };
}

/**
 * The viewport rectangle(s) of `value.slice(start, end)` as laid out in the field.
 * @param {{host: string, inner: string, start: number, end: number}} arg
 * @returns {Box[]}
 */
export function measureSpan({ host, inner, start, end }) {
  const h = /** @type {Element} */ (document.querySelector(host));
  const field = /** @type {HTMLTextAreaElement} */ (/** @type {ShadowRoot} */ (h.shadowRoot).querySelector(inner));
  const cs = getComputedStyle(field);
  const m = document.createElement("div");
  for (let i = 0; i < cs.length; i++) {
    const p = cs[i];
    m.style.setProperty(p, cs.getPropertyValue(p));
  }
  const r = field.getBoundingClientRect();
  const set = (/** @type {string} */ p, /** @type {string} */ v) => m.style.setProperty(p, v, "important");
  set("position", "fixed");
  set("left", `${r.left}px`);
  set("top", `${r.top}px`);
  set("margin", "0");
  set("visibility", "hidden");
  set("overflow", "hidden");
  set("appearance", "none");
  set("white-space", field instanceof HTMLTextAreaElement ? "pre-wrap" : "pre");
  const value = field.value;
  const span = document.createElement("span");
  span.textContent = value.slice(start, end);
  m.append(document.createTextNode(value.slice(0, start)), span, document.createTextNode(value.slice(end)));
  document.body.append(m);
  const boxes = Array.from(span.getClientRects()).map((b) => ({
    left: b.left - field.scrollLeft,
    top: b.top - field.scrollTop,
    width: b.width,
    height: b.height,
  }));
  m.remove();
  return boxes;
}

/**
 * In an extension page (options, or the inspector page): hand a snapshot file to the
 * background as options does — the bytes stored under `key` in the "clearmark-import"
 * IndexedDB, then `importSnapshot` — and return the background's answer.
 * @param {{b64: string, key: string, name: string}} file  the file, base64; its store key and name
 */
export async function importSnapshotFile({ b64, key, name }) {
  const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
  await new Promise((resolve, reject) => {
    const open = indexedDB.open("clearmark-import", 1);
    open.onupgradeneeded = () => open.result.createObjectStore("files");
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const tx = open.result.transaction("files", "readwrite");
      tx.objectStore("files").put(new Blob([bytes]), key);
      tx.oncomplete = () => { open.result.close(); resolve(undefined); };
      tx.onerror = () => reject(tx.error);
    };
  });
  return chrome.runtime.sendMessage({ v: 1, type: "importSnapshot", key, name, size: bytes.length });
}
