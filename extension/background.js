// @ts-check
/**
 * The background of the extension (Chromium: module service worker; Firefox: module event
 * page): loads the wasm engine once with the register snapshot bundled in the extension
 * and answers the messages of extension/protocol.js.
 *
 * It owns loading and message routing only — detection lives in the engine. Rules the
 * service worker imposes: the wasm-bindgen module is imported statically (no `import()`
 * in service workers), there is no top-level `await` (Chromium would drop message
 * responses), the onMessage listener is registered synchronously and answers through
 * `sendResponse` after `return true`.
 */
import init, { Engine } from "./pkg/clearmark.js";
import "./protocol.js";
import "./settings.js";

const P = globalThis.ClearmarkProtocol;
const S = globalThis.ClearmarkSettings;

/** Where the snapshot bundled at assembly lives inside the extension. */
const SNAPSHOT_PATH = "snapshot/default.snap";

/**
 * The engine, loaded once per background lifetime. A failure is kept (and reported to
 * every request) rather than thrown.
 * @type {Promise<Engine>}
 */
const engine = (async () => {
  await init({ module_or_path: chrome.runtime.getURL("pkg/clearmark_bg.wasm") });
  const res = await fetch(chrome.runtime.getURL(SNAPSHOT_PATH));
  if (!res.ok) {
    throw new Error(`the bundled register snapshot is missing (${SNAPSHOT_PATH}: HTTP ${res.status}); rebuild the extension with \`make run\``);
  }
  const bytes = new Uint8Array(await res.arrayBuffer());
  const loaded = new Engine(bytes);
  // The seller's own brands survive restarts: they live with the settings.
  const stored = await S.load().catch(() => S.defaults());
  if (stored.ownBrands.length) loaded.setOwnBrands(stored.ownBrands);
  return loaded;
})();
// Keep a failed load from surfacing as an unhandled rejection; requests report it.
engine.catch(() => {});

/**
 * A thrown value as a sentence for the seller (the wasm facade throws strings).
 * @param {unknown} e
 * @returns {string}
 */
function describe(e) {
  if (typeof e === "string") return e;
  if (e instanceof Error) return e.message;
  return String(e);
}

/**
 * Answers one request; never throws.
 * @param {unknown} msg
 * @returns {Promise<ProtocolResponse>}
 */
async function answer(msg) {
  const parsed = P.parseRequest(msg);
  if (!parsed.ok) {
    const type = typeof msg === "object" && msg !== null ? String(/** @type {{type?: unknown}} */ (msg).type) : "unknown";
    return P.failure(type, parsed.error);
  }
  const req = parsed.request;
  let e;
  try {
    e = await engine;
  } catch (err) {
    return P.failure(req.type, `Clearmark could not start its checker: ${describe(err)}`);
  }
  try {
    switch (req.type) {
      case "check":
        return { v: 1, type: "check", ok: true, report: /** @type {ListingReport} */ (e.check(req.listing)) };
      case "info":
        return { v: 1, type: "info", ok: true, snapshot: /** @type {SnapshotInfo} */ (e.snapshotInfo()) };
      case "setOwnBrands":
        e.setOwnBrands(req.brands);
        await S.update((s) => { s.ownBrands = req.brands; });
        return { v: 1, type: "setOwnBrands", ok: true, brands: req.brands };
      case "addOwnBrand": {
        const brand = req.brand.trim();
        const s = await S.update((s) => {
          if (!s.ownBrands.some((b) => b.toLowerCase() === brand.toLowerCase())) s.ownBrands.push(brand);
        });
        e.setOwnBrands(s.ownBrands);
        return { v: 1, type: "addOwnBrand", ok: true, brands: s.ownBrands };
      }
      case "importWatchList":
      case "importSnapshot":
        // The options page's hooks are in place; the import logic is the updater's.
        return P.failure(req.type, "Importing files is not available in this version of Clearmark yet.");
    }
  } catch (err) {
    return P.failure(req.type, describe(err));
  }
}

chrome.runtime.onMessage.addListener((msg, _sender, sendResponse) => {
  answer(msg).then(sendResponse, (err) => sendResponse(P.failure("unknown", describe(err))));
  return true;
});

// The content script's port: the same requests and answers, tagged with an id.
chrome.runtime.onConnect.addListener((port) => {
  if (port.name !== P.PORT_NAME) return;
  port.onMessage.addListener((/** @type {any} */ m) => {
    const id = m && typeof m === "object" ? m.id : undefined;
    answer(m && typeof m === "object" ? m.request : m)
      .catch((err) => P.failure("unknown", describe(err)))
      .then((response) => {
        try {
          port.postMessage({ id, response });
        } catch {
          /* the tab went away */
        }
      });
  });
});
