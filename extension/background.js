// @ts-check
/**
 * The background of the extension (Chromium: module service worker; Firefox: module event
 * page): loads the wasm engine with the register snapshot (the bundled one, or a newer
 * verified update: extension/updater.js) and answers the messages of extension/protocol.js.
 *
 * It owns loading and message routing only — detection lives in the engine. Rules the
 * service worker imposes: the wasm-bindgen module is imported statically (no `import()`
 * in service workers), there is no top-level `await` (Chromium would drop message
 * responses), the onMessage listener is registered synchronously and answers through
 * `sendResponse` after `return true`.
 *
 * Who may ask what: a content script runs on pages Clearmark does not control, so a tab
 * may send only P.TAB_REQUESTS (check, corpusAdd, proposeOwnBrand — a proposal the seller
 * confirms in the popup —, keepListing, for an address of its own site, and tabBadge, its
 * own tab's count of high findings for the toolbar badge, extension/badge.js); every other
 * request is answered only to the extension's own pages (protocol.js `mayAsk`). The seller's own brands and pending proposals live in the
 * private store (private-store.js), never in storage a content script can read.
 */
import init, * as wasm from "./pkg/clearmark.js";
import "./protocol.js";
import "./settings.js";
import { takeHandedOver } from "./store.js";
import { Updater } from "./updater.js";
import { ReferenceCorpus } from "./corpus.js";
import { WatchList } from "./watchlist.js";
import { KeptListings } from "./kept.js";
import { errorText } from "./error-text.js";
import { showTabFindings } from "./badge.js";
import * as privateStore from "./private-store.js";
import "./sites.js";

const P = globalThis.ClearmarkProtocol;
const S = globalThis.ClearmarkSettings;

// "Check this site" (sites.js): the editor's content script is registered on the sites
// the seller enabled, following the granted origins — on start, and whenever a permission
// is granted (then also started in the tabs already open there) or revoked, wherever
// that happened (the popup, options, the browser's own extension settings).
const Sites = globalThis.ClearmarkSites;
const syncSites = () => Sites.sync().catch(() => /** @type {string[]} */ ([]));
syncSites();
chrome.permissions.onAdded.addListener((added) => {
  syncSites().then(async (sites) => {
    for (const o of added.origins || []) if (sites.includes(o)) await Sites.injectOpen(o).catch(() => {});
  });
});
chrome.permissions.onRemoved.addListener(() => {
  syncSites();
});

/** The reference corpus for copied copy (extension/corpus.js): given to every new engine. */
const corpus = new ReferenceCorpus(() => S.load().catch(() => S.defaults()));

/** Most own-brand proposals kept waiting for confirmation (the oldest are dropped). */
const MAX_PENDING = 20;

/**
 * The seller's own brands and the proposals waiting for them (private store), read
 * together in one transaction.
 * @returns {Promise<{brands: string[], pending: PendingOwnBrand[]}>}
 */
async function ownBrandState() {
  const v = await privateStore.getMany(["ownBrands", "pendingOwnBrands"]);
  const brands = Array.isArray(v.ownBrands) ? v.ownBrands.filter((b) => typeof b === "string" && b.trim()) : [];
  const pending = Array.isArray(v.pendingOwnBrands) ? v.pendingOwnBrands.filter((p) => p && typeof p.brand === "string") : [];
  return { brands, pending };
}

/** The seller's own brands. @returns {Promise<string[]>} */
async function ownBrands() {
  return (await ownBrandState()).brands;
}

/**
 * Store the own brands and the proposals together (one transaction: nobody sees a brand
 * both confirmed and still waiting), apply the brands to `engine`, and bump the revision
 * content scripts watch (so open editors check again).
 * @param {{setOwnBrands: (b: string[]) => void}} engine
 * @param {{brands: string[], pending: PendingOwnBrand[]}} state
 */
async function saveOwnBrandState(engine, { brands, pending }) {
  await privateStore.setMany({ ownBrands: brands, pendingOwnBrands: pending });
  engine.setOwnBrands(brands);
  await S.update((s) => { s.ownBrandsRevision++; });
}

/** The own-brand changes in flight: each reads and writes the state after the last. */
let ownBrandChanges = Promise.resolve();

/**
 * Runs `change` after every own-brand change before it, so two messages arriving together
 * cannot both read the old state and one of them lose its write.
 * @template T @param {() => Promise<T>} change @returns {Promise<T>}
 */
function changeOwnBrands(change) {
  const run = ownBrandChanges.then(change, change);
  ownBrandChanges = run.then(() => undefined, () => undefined);
  return run;
}

/** @param {string} a @param {string} b */
const sameBrand = (a, b) => a.toLowerCase() === b.toLowerCase();

/** The seller's own listings, kept with their findings (extension/kept.js). */
const kept = new KeptListings(
  () => S.load().catch(() => S.defaults()),
  (bytes) => /** @type {import("./kept.js").CatalogueRead} */ (wasm.readCatalogue(bytes)),
);

/** The seller's watch list (extension/watchlist.js): given to every new engine. */
const watchList = new WatchList();

/**
 * The snapshot in use and its updates (extension/updater.js): loads the installed or the
 * bundled snapshot, and swaps in a verified newer one only once it is loaded and has the
 * seller's own brands. A failure to start is kept (and reported to every request).
 */
const updater = new Updater({
  ready: init({ module_or_path: chrome.runtime.getURL("pkg/clearmark_bg.wasm") }),
  wasm,
  // The seller's own brands survive restarts and updates: they live with the settings.
  prepare: async (engine) => {
    const brands = await ownBrands().catch(() => []);
    if (brands.length) engine.setOwnBrands(brands);
    // So are the other sellers' listings the seller collected or imported.
    await corpus.prepare(engine);
    // And the seller's watch list.
    await watchList.prepare(engine);
    // Then the kept listings last checked with another register are checked with this one;
    // not awaited: loading the engine does not wait for a whole catalogue.
    kept.rescan(engine).catch(() => { /* the next load tries again: those listings are still stale */ });
  },
});
updater.listen();

/**
 * Answers one request; never throws.
 * @param {unknown} msg
 * @param {chrome.runtime.MessageSender | undefined} sender
 * @returns {Promise<ProtocolResponse>}
 */
async function answer(msg, sender) {
  const parsed = P.parseRequest(msg);
  if (!parsed.ok) {
    const type = typeof msg === "object" && msg !== null ? String(/** @type {{type?: unknown}} */ (msg).type) : "unknown";
    return P.failure(type, parsed.error);
  }
  const req = parsed.request;
  if (!P.mayAsk(req.type, sender, { id: chrome.runtime.id, base: chrome.runtime.getURL("") })) {
    return P.failure(req.type, `Clearmark: a web page may not send ${req.type}; only Clearmark's own pages may.`);
  }
  if (isUpdateRequest(req)) return answerUpdate(req);
  if (req.type === "tabBadge") return answerTabBadge(req, sender);
  let e;
  try {
    e = await updater.engine();
  } catch (err) {
    return P.failure(req.type, `Clearmark could not start its checker: ${errorText(err)}`);
  }
  try {
    switch (req.type) {
      case "check":
        return { v: 1, type: "check", ok: true, report: /** @type {ListingReport} */ (e.check(req.listing)) };
      case "info":
        return {
          v: 1, type: "info", ok: true, snapshot: /** @type {SnapshotInfo} */ (e.snapshotInfo()),
          registers: /** @type {RegisterCounts} */ (e.registerCounts()),
        };
      case "setOwnBrands":
        await changeOwnBrands(async () => saveOwnBrandState(e, { ...(await ownBrandState()), brands: req.brands }));
        return { v: 1, type: "setOwnBrands", ok: true, brands: req.brands };
      case "ownBrandsStatus":
        return { v: 1, type: req.type, ok: true, ...(await ownBrandState()) };
      case "proposeOwnBrand": {
        // Only waits for the seller: nothing is applied, and the tab learns nothing back.
        const brand = req.brand.trim();
        const host = sender && sender.url ? new URL(sender.url).hostname : "";
        await changeOwnBrands(async () => {
          const { brands, pending } = await ownBrandState();
          if (brands.some((b) => sameBrand(b, brand))) return;
          const waiting = pending.filter((p) => !sameBrand(p.brand, brand));
          waiting.push({ brand, host, at: Date.now() });
          await privateStore.set("pendingOwnBrands", waiting.slice(-MAX_PENDING));
        });
        return { v: 1, type: req.type, ok: true };
      }
      case "confirmOwnBrand":
      case "discardOwnBrand": {
        const brand = req.brand.trim();
        return changeOwnBrands(async () => {
          const state = await ownBrandState();
          if (!state.pending.some((p) => sameBrand(p.brand, brand))) {
            return P.failure(req.type, `Clearmark: "${brand}" is not waiting for confirmation.`);
          }
          const pending = state.pending.filter((p) => !sameBrand(p.brand, brand));
          let brands = state.brands;
          if (req.type === "confirmOwnBrand" && !brands.some((b) => sameBrand(b, brand))) {
            brands = [...brands, brand];
            await saveOwnBrandState(e, { brands, pending });
          } else {
            await privateStore.set("pendingOwnBrands", pending);
          }
          return { v: 1, type: req.type, ok: true, brands, pending };
        });
      }
      case "importSnapshot": {
        const file = await takeHandedOver(P.IMPORT_DB, P.IMPORT_STORE, req.key);
        if (!file) return P.failure(req.type, `The file ${req.name} did not reach Clearmark; choose it again.`);
        try {
          const status = await updater.importFile(file);
          const now = await updater.engine();
          return { v: 1, type: "importSnapshot", ok: true, snapshot: /** @type {SnapshotInfo} */ (now.snapshotInfo()), status };
        } catch (err) {
          return { ...P.failure(req.type, errorText(err)), status: await updater.getStatus() };
        }
      }
      case "corpusAdd":
      case "corpusImport":
      case "corpusStatus":
      case "corpusClear": {
        const res = await corpus.answer(req, e);
        // A snapshot update may have swapped in an engine prepared from the store before
        // this change: bring it up to date (adding replaces by id, so this is idempotent).
        const now = await updater.engine();
        if (now !== e && req.type !== "corpusStatus") {
          now.clearCorpus();
          await corpus.prepare(now);
        }
        return res;
      }
      case "keepListing":
      case "keptStatus":
      case "keptClear":
      case "keptImport":
      case "keptExport":
      case "keptRescan":
        return await kept.answer(req, e, sender);
      case "importWatchList":
      case "watchListStatus":
      case "watchListClear":
        return await watchList.answer(req, e, () => updater.engine());
    }
  } catch (err) {
    return P.failure(req.type, errorText(err));
  }
}

/**
 * Sets the toolbar badge of the sender's own tab to its count of high findings
 * (extension/badge.js); the engine is not needed. A sender without a tab (an extension
 * page) is refused: the badge counts a tab's editor.
 * @param {TabBadgeRequest} req
 * @param {chrome.runtime.MessageSender | undefined} sender
 * @returns {Promise<TabBadgeResponse>}
 */
async function answerTabBadge(req, sender) {
  const tabId = sender?.tab?.id;
  if (tabId === undefined || tabId < 0) return P.failure(req.type, "Clearmark: only a tab's content script has a badge count.");
  try {
    await showTabFindings(tabId, req.high);
  } catch (err) {
    return P.failure(req.type, errorText(err));
  }
  return { v: 1, type: "tabBadge", ok: true };
}

/**
 * @param {ProtocolRequest} req
 * @returns {req is UpdateRequest}
 */
function isUpdateRequest(req) {
  return ["updateStatus", "updateSetFeed", "updateCheck", "updateRollback"].includes(req.type);
}

/**
 * Answers an update request with the updater's status; a failure carries the reason and
 * the (unchanged) status.
 * @param {UpdateRequest} req
 * @returns {Promise<UpdateResponse>}
 */
async function answerUpdate(req) {
  try {
    const status =
      req.type === "updateCheck"
        ? await updater.check("manual")
        : req.type === "updateRollback"
          ? await updater.rollback()
          : req.type === "updateSetFeed"
            ? await updater.setFeed(req.url)
            : await updater.getStatus();
    return { v: 1, type: req.type, ok: true, status };
  } catch (err) {
    return { ...P.failure(req.type, errorText(err)), status: await updater.getStatus() };
  }
}

// First run: the onboarding page (what Clearmark checks, own brands, what the snapshot
// covers, privacy), once, when the extension is installed — not on updates or reloads.
chrome.runtime.onInstalled.addListener((details) => {
  if (details.reason === "install") {
    chrome.tabs.create({ url: chrome.runtime.getURL("onboarding/onboarding.html") }).catch(() => { /* no window to open it in */ });
  }
});

chrome.runtime.onMessage.addListener((msg, sender, sendResponse) => {
  answer(msg, sender).then(sendResponse, (err) => sendResponse(P.failure("unknown", errorText(err))));
  return true;
});

// The content script's port: the same requests and answers, tagged with an id.
chrome.runtime.onConnect.addListener((port) => {
  if (port.name !== P.PORT_NAME) return;
  port.onMessage.addListener((/** @type {any} */ m) => {
    const id = m && typeof m === "object" ? m.id : undefined;
    answer(m && typeof m === "object" ? m.request : m, port.sender)
      .catch((err) => P.failure("unknown", errorText(err)))
      .then((response) => {
        try {
          port.postMessage({ id, response });
        } catch {
          /* the tab went away */
        }
      });
  });
});
