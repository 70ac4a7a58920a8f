// @ts-check
/**
 * The snapshot updater: keeps the register snapshot current without ever leaving the
 * seller with a broken or forged one.
 *
 * It owns the engine the background answers from (`engine()`), and replaces it only with
 * a snapshot that passed every check: the signed feed manifest (`latest.json`) is read
 * and checked before anything is downloaded (a trusted signature, format, extension
 * version, strictly newer — never a downgrade), the file is downloaded with progress, then
 * size, SHA-256, the signature and the snapshot's structure and header are verified in
 * wasm (src/wasm/update.rs, the same Rust code as the CLI), a new engine is built from it,
 * the new pair (current, previous) is committed to IndexedDB in one transaction
 * (extension/store.js) and only then the engine is swapped. Until that moment every check
 * is answered from the old snapshot; on any failure the old one stays and the reason is
 * kept for the options page. Checks run daily (chrome.alarms) and on demand; a file can
 * be imported from the options page (it must carry a trusted signature itself); the
 * previous snapshot is kept for one-click rollback (and roll forward).
 *
 * Every snapshot (bundled, downloaded, stored, imported) is read into a wasm
 * `SnapshotBuffer` (src/wasm/buffer.rs) chunk by chunk as it arrives, checked there and
 * made into the engine without another copy: the background never holds a second
 * whole copy in JavaScript just to hand it to wasm.
 *
 * Freshness: the manifest carries a signed `expires` (src/register/feed.rs); one read
 * past it (a feed no longer republished, or an old `latest.json` replayed) is refused and
 * the status says "updates are stale" (`status.stale`) until a fresh manifest is read.
 * The manifest is read with a timeout and a size cap, and the seller's own import or
 * rollback stops a running feed check instead of waiting behind it. A snapshot read back
 * from the store is hashed and structure-checked again (`verifyStored`) before it
 * answers: a damaged one is skipped with a message and the bundled one answers.
 *
 * It must not: trust anything it downloaded before verification, write partial state,
 * hold more than one download at a time, or talk to any server but the configured feed.
 */

import * as store from "./store.js";
import { errorText } from "./error-text.js";

/** Where the bundled snapshot lives inside the extension. */
export const BUNDLED_SNAPSHOT = "snapshot/default.snap";
/** The trusted update keys shipped in the extension (one hex key per line). */
export const KEYS_FILE = "update-keys.txt";
/**
 * The feed used until the seller configures one. A placeholder: `.invalid` never
 * resolves, so no request leaves the machine until a real feed is configured.
 */
export const PLACEHOLDER_FEED = "https://updates.clearmark.invalid/feed/latest.json";
/** The daily check alarm. */
export const ALARM = "clearmark-snapshot-update";
/** Refuse announced sizes above this (a forged manifest must not make us allocate GBs). */
const MAX_SNAPSHOT_BYTES = 1 << 30;
/** Give up on a download that receives nothing for this long. */
const STALL_MS = 30_000;
/** Give up on latest.json when it has not fully arrived within this time. */
export const MANIFEST_TIMEOUT_MS = 10_000;
/** Refuse a latest.json longer than this (a manifest is a few hundred bytes). */
export const MAX_MANIFEST_BYTES = 64 * 1024;
/** How a refusal of an expired manifest starts (src/register/feed.rs, FeedError::Expired). */
const STALE_PREFIX = "updates are stale";
/** How often progress is broadcast while downloading. */
const PROGRESS_EVERY_MS = 100;
/**
 * User Timing marks of the background's start: from loading the snapshot to the engine
 * answering (read by scripts/bench-engine-start.mjs).
 */
export const MARK_LOAD_START = "clearmark:snapshot-load-start";
export const MARK_ENGINE_READY = "clearmark:engine-ready";

const SETTINGS = {
  feedUrl: "updateFeedUrl",
  last: "updateLast",
  rolledBack: "updateRolledBack",
  stale: "updateStale",
};

/**
 * The part of the wasm module the updater uses (src/wasm/buffer.rs, src/wasm/update.rs),
 * narrowed to what it reads back. background.js passes the module wasm-bindgen generated
 * (its declarations in pkg/clearmark.d.ts), so tsc checks it against this; the Node tests
 * pass fakes of the same shape.
 * @typedef {object} UpdateWasm
 * @property {new (len: number) => SnapshotBufferLike} SnapshotBuffer
 * @property {(prefix: Uint8Array) => number | undefined} snapshotFileLength
 * @property {(manifestJson: string, keys: string, extensionVersion: string, nowMs: number, current?: number) => Offer} checkUpdateOffer
 */

/**
 * A snapshot being read into wasm memory (src/wasm/buffer.rs). `intoEngine` consumes it;
 * a refused buffer is spent.
 * @typedef {object} SnapshotBufferLike
 * @property {number} len
 * @property {number} received
 * @property {(chunk: Uint8Array) => void} push
 * @property {() => Verified} header
 * @property {(manifestJson: string, keys: string, extensionVersion: string, nowMs: number, current?: number) => Verified} verifyUpdate
 * @property {() => Verified} verifyStored
 * @property {(keys: string, current?: number) => Verified} verifySnapshotFile
 * @property {() => Uint8Array} copy
 * @property {() => EngineLike} intoEngine
 * @property {() => void} free
 */

/**
 * @typedef {{free?: () => void}} EngineLike
 * @typedef {{file: string, size: number, snapshotVersion: number, date: string, expires: string}} Offer
 * @typedef {{snapshotVersion: number, date: string, size: number, sha256?: string}} Verified
 * @typedef {{at: number, message: string}} StaleFeed  when a manifest past its expiry was read, and the reason
 * @typedef {UpdateStatus & {stale: StaleFeed | null}} UpdaterStatus  `stale`: set while the feed's newest manifest is expired
 */

/** A failure whose message is already a sentence for the seller. */
class UpdateFailure extends Error {}

/**
 * Whether a feed URL may be used: https anywhere, plain http only on this machine (a
 * local mirror). Returns the reason when not.
 * @param {string} url
 * @returns {string | null}
 */
export function feedUrlProblem(url) {
  let u;
  try {
    u = new URL(url);
  } catch {
    return `"${url}" is not a web address`;
  }
  if (u.protocol === "https:") return null;
  if (u.protocol === "http:" && ["127.0.0.1", "localhost", "[::1]"].includes(u.hostname)) return null;
  return "the update feed must be an https:// address (plain http:// only for 127.0.0.1)";
}

export class Updater {
  /**
   * @param {object} deps
   * @param {Promise<unknown>} deps.ready          resolves when the wasm module is initialised
   * @param {UpdateWasm} deps.wasm
   * @param {(engine: any) => Promise<void>} [deps.prepare] readies every new engine before
   *     it answers (e.g. applies the seller's own brands)
   * @param {(msg: object) => void} [deps.broadcast] sends a message to extension pages
   */
  constructor({ ready, wasm, prepare, broadcast }) {
    this.wasm = wasm;
    this.ready = ready;
    this.prepare = prepare ?? (async () => {});
    this.broadcast =
      broadcast ??
      ((msg) => {
        // No page listening is normal; nothing to report.
        chrome.runtime.sendMessage(msg).catch(() => {});
      });
    /** @type {UpdaterStatus} */
    this.status = {
      feedUrl: PLACEHOLDER_FEED,
      feedConfigured: false,
      phase: "starting",
      received: 0,
      total: 0,
      active: null,
      previous: null,
      last: null,
      stale: null,
    };
    /** @type {EngineLike | null} */
    this.current = null;
    /** @type {Promise<unknown> | null} the one operation allowed at a time */
    this.busy = null;
    /** @type {string} */
    this.busyKind = "";
    /** @type {AbortController | null} stops the running feed check */
    this.checkAbort = null;
    /** @type {Promise<EngineLike>} */
    this.started = this.start();
    this.started.catch(() => {});
  }

  /**
   * The engine to answer a check with: the verified, loaded snapshot in use right now.
   * @returns {Promise<any>}
   */
  async engine() {
    await this.started;
    if (!this.current) throw new UpdateFailure("Clearmark has no register snapshot loaded");
    return this.current;
  }

  /**
   * Registers the daily alarm. Call synchronously at the top level of the background so
   * the alarm listener exists when the alarm wakes it.
   */
  listen() {
    chrome.alarms.onAlarm.addListener((alarm) => {
      if (alarm.name === ALARM) this.check("alarm").catch(() => {});
    });
    chrome.alarms.get(ALARM).then((existing) => {
      if (!existing) chrome.alarms.create(ALARM, { delayInMinutes: 60, periodInMinutes: 24 * 60 });
    });
  }

  /**
   * Loads the snapshot to answer from: the installed one when it is newer than the bundled
   * one (or was chosen by a rollback), else the bundled one. A stored snapshot that no
   * longer loads is skipped with a message; the bundled one always works offline.
   * @returns {Promise<EngineLike>}
   */
  async start() {
    await this.ready;
    const settings = await chrome.storage.local.get([SETTINGS.feedUrl, SETTINGS.last, SETTINGS.stale]);
    this.status.last = /** @type {UpdateStatus["last"]} */ (settings[SETTINGS.last] ?? null);
    this.status.stale = /** @type {StaleFeed | null} */ (settings[SETTINGS.stale] ?? null);
    // The stored address is checked again as setFeed checks it: storage written by
    // anything else (an older build, another script) must not point the updater at an
    // http:// server on the network.
    /** @type {string[]} what went wrong while starting, shown together */
    const problems = [];
    const storedFeed = settings[SETTINGS.feedUrl];
    const feedProblem = typeof storedFeed === "string" && storedFeed !== "" ? feedUrlProblem(storedFeed) : null;
    if (feedProblem) {
      this.setFeedStatus("");
      problems.push(`the stored update feed address was ignored: ${feedProblem}; enter the feed address again`);
    } else {
      this.setFeedStatus(storedFeed);
    }
    performance.mark(MARK_LOAD_START);
    /** @type {SnapshotBufferLike | null} */
    let bundledBuffer = await this.bundledBuffer();
    const header = bundledBuffer.header();
    /** @type {SnapshotSummary} */
    const bundled = { version: header.snapshotVersion, date: header.date, source: "bundled" };
    /** @type {{current: store.StoredSnapshot | undefined, previous: store.StoredSnapshot | undefined}} */
    let slots = { current: undefined, previous: undefined };
    try {
      slots = await store.loadSlots();
    } catch (e) {
      problems.push(`the installed snapshots could not be read (${errorText(e)}); using the bundled snapshot`);
    }
    const { current, previous } = slots;
    this.status.previous = previous ? summary(previous) : null;
    if (current?.bytes && (current.pinned || current.version > bundled.version)) {
      // Free the bundled snapshot's memory first: the installed one can take its place.
      release(bundledBuffer);
      bundledBuffer = null;
      try {
        this.current = await this.load(this.storedBuffer(current.bytes));
        this.status.active = summary(current);
      } catch (e) {
        problems.push(`the installed snapshot ${current.version} could not be loaded (${errorText(e)}); using the bundled snapshot`);
      }
    }
    if (!this.current) {
      this.current = await this.load(bundledBuffer ?? (await this.bundledBuffer()));
      this.status.active = bundled;
    }
    if (problems.length > 0) this.status.last = { at: Date.now(), ok: false, message: problems.join("; ") };
    this.status.phase = "idle";
    performance.mark(MARK_ENGINE_READY);
    return this.current;
  }

  /**
   * A ready engine made of `buffer` (structure checked unless a verify call checked it
   * already; throws the reason). The buffer is consumed.
   * @param {SnapshotBufferLike} buffer
   * @returns {Promise<EngineLike>}
   */
  async load(buffer) {
    const engine = buffer.intoEngine();
    try {
      await this.prepare(engine);
    } catch (e) {
      engine.free?.();
      throw e;
    }
    return engine;
  }

  /**
   * The bundled snapshot, read from the extension package straight into wasm memory. The
   * package does not say the file's length, so the first chunks are held until the
   * snapshot's own section table tells it; the rest goes into place as it arrives.
   * @returns {Promise<SnapshotBufferLike>}
   */
  async bundledBuffer() {
    const res = await fetch(chrome.runtime.getURL(BUNDLED_SNAPSHOT));
    if (!res.ok || !res.body) {
      throw new UpdateFailure(`the bundled register snapshot is missing (${BUNDLED_SNAPSHOT}: HTTP ${res.status}); rebuild the extension with \`make run\``);
    }
    /** @type {SnapshotBufferLike | null} */
    let buffer = null;
    /** @type {Uint8Array} */
    let head = new Uint8Array(0);
    try {
      for await (const value of chunks(res.body)) {
        if (buffer) {
          buffer.push(value);
          continue;
        }
        const joined = new Uint8Array(head.byteLength + value.byteLength);
        joined.set(head);
        joined.set(value, head.byteLength);
        head = joined;
        const len = this.wasm.snapshotFileLength(head);
        if (len === undefined) continue;
        buffer = new this.wasm.SnapshotBuffer(len);
        buffer.push(head);
        head = new Uint8Array(0);
      }
    } catch (e) {
      if (buffer) release(buffer);
      throw new UpdateFailure(`the bundled register snapshot cannot be used (${errorText(e)}); rebuild the extension with \`make run\``);
    }
    if (!buffer) {
      throw new UpdateFailure(`the bundled register snapshot is cut short (${head.byteLength} bytes); rebuild the extension with \`make run\``);
    }
    return buffer;
  }

  /**
   * A stored or imported file in a wasm buffer (one copy, the file's own bytes stay JS's).
   * @param {ArrayBuffer} bytes
   * @returns {SnapshotBufferLike}
   */
  bufferOf(bytes) {
    const buffer = new this.wasm.SnapshotBuffer(bytes.byteLength);
    try {
      buffer.push(new Uint8Array(bytes));
    } catch (e) {
      release(buffer);
      throw e;
    }
    return buffer;
  }

  /**
   * A snapshot read back from the store, hashed and structure-checked again (it may have
   * been damaged since it was verified): throws the reason, the buffer freed.
   * @param {ArrayBuffer} bytes
   * @returns {SnapshotBufferLike}
   */
  storedBuffer(bytes) {
    const buffer = this.bufferOf(bytes);
    try {
      buffer.verifyStored();
    } catch (e) {
      release(buffer);
      throw e;
    }
    return buffer;
  }

  /** @param {unknown} url */
  setFeedStatus(url) {
    const configured = typeof url === "string" && url !== "" && url !== PLACEHOLDER_FEED;
    this.status.feedUrl = configured ? /** @type {string} */ (url) : PLACEHOLDER_FEED;
    this.status.feedConfigured = configured;
  }

  /** @returns {Promise<UpdaterStatus>} */
  async getStatus() {
    await this.started.catch(() => {});
    return { ...this.status };
  }

  /**
   * Sets the feed URL (`""` restores the placeholder).
   * @param {string} url
   * @returns {Promise<UpdateStatus>}
   */
  async setFeed(url) {
    const trimmed = url.trim();
    if (trimmed !== "") {
      const problem = feedUrlProblem(trimmed);
      if (problem) throw new UpdateFailure(problem);
    }
    await chrome.storage.local.set({ [SETTINGS.feedUrl]: trimmed });
    this.setFeedStatus(trimmed);
    this.publish();
    return this.getStatus();
  }

  /**
   * Checks the feed and installs a newer snapshot if it offers one. Resolves with the
   * status; a failure rejects with a sentence and leaves the snapshot in use untouched.
   * @param {"alarm"|"manual"} reason
   * @returns {Promise<UpdateStatus>}
   */
  check(reason) {
    return this.exclusive(async () => {
      if (!this.status.feedConfigured) {
        if (reason === "alarm") return this.getStatus();
        throw new UpdateFailure("no update feed is configured yet; enter the feed address first");
      }
      const installed = await this.fromFeed(this.status.feedUrl);
      return installed;
    });
  }

  /**
   * Installs a snapshot file the seller chose in the options page, through the checks a
   * file without its feed manifest must pass: intact, signed by a trusted key (the
   * signature it carries itself), strictly newer than the one in use.
   * @param {ArrayBuffer} file
   * @returns {Promise<UpdateStatus>}
   */
  importFile(file) {
    return this.exclusive(async () => {
      this.phase("verifying");
      const keys = await this.keys();
      const buffer = await this.verifyOr(() => this.bufferOf(file));
      try {
        const verified = await this.verifyOr(() => buffer.verifySnapshotFile(keys, this.floorVersion()));
        // The imported file is already a JS copy of the bytes: store it as it is.
        return await this.installVerified(buffer, verified, "import", file);
      } finally {
        release(buffer);
      }
    }, "import");
  }

  /**
   * Swaps the snapshot in use with the previous one (a second click rolls forward again).
   * @returns {Promise<UpdateStatus>}
   */
  rollback() {
    return this.exclusive(async () => {
      const { current, previous } = await store.loadSlots();
      if (!previous) throw new UpdateFailure("there is no previous snapshot to go back to");
      this.phase("rolling back");
      let engine;
      try {
        engine = await this.load(previous.bytes ? this.storedBuffer(previous.bytes) : await this.bundledBuffer());
      } catch (e) {
        throw new UpdateFailure(`the previous snapshot could not be loaded (${errorText(e)}); the current one stays in use`);
      }
      const active = /** @type {SnapshotSummary} */ (this.status.active);
      /** @type {store.StoredSnapshot} */
      const leaving = current && current.version === active.version ? { ...current, pinned: false } : { ...active, size: 0, installedAt: Date.now() };
      const arriving = { ...previous, pinned: true, installedAt: Date.now() };
      try {
        await store.install(arriving, leaving);
      } catch (e) {
        engine.free?.();
        throw new UpdateFailure(`the snapshot store refused the change (${errorText(e)}); the current snapshot stays in use`);
      }
      // A rollback means the seller does not want that version: the feed must not bring
      // it (or an older one) straight back.
      await chrome.storage.local.set({ [SETTINGS.rolledBack]: Math.max(leaving.version, arriving.version) });
      this.swapEngine(engine, summary(arriving), summary(leaving));
      return this.succeed(`now using snapshot ${arriving.version} (${arriving.date}); snapshot ${leaving.version} is kept as the previous one`);
    }, "rollback");
  }

  /**
   * Runs one operation at a time; a second request of the same kind joins the running
   * one. The seller's import or rollback stops a running feed check (a stalled feed must
   * not hold them) and then runs; otherwise another kind is refused (nothing is queued
   * behind the seller's back).
   * @param {() => Promise<UpdateStatus>} operation
   * @param {"check"|"import"|"rollback"} [kind]
   * @returns {Promise<UpdateStatus>}
   */
  async exclusive(operation, kind = "check") {
    while (this.busy) {
      if (this.busyKind === kind) return /** @type {Promise<UpdateStatus>} */ (this.busy);
      if (this.busyKind !== "check" || !this.checkAbort) {
        throw new UpdateFailure(`Clearmark is busy (${this.status.phase}); try again when it has finished`);
      }
      this.checkAbort.abort(new UpdateFailure(`the update check was stopped for your ${kind}; the current snapshot stays in use`));
      await this.busy.catch(() => {});
    }
    this.busyKind = kind;
    const run = (async () => {
      await this.started;
      const keepAlive = setInterval(() => chrome.runtime.getPlatformInfo().catch(() => {}), 20_000);
      try {
        return await operation();
      } catch (e) {
        await this.fail(errorText(e));
        throw e instanceof UpdateFailure ? e : new UpdateFailure(errorText(e));
      } finally {
        clearInterval(keepAlive);
        this.busy = null;
        this.phase("idle");
      }
    })();
    this.busy = run;
    return run;
  }

  /** The version an update must exceed: the one in use (no downgrade, no reinstall). */
  floorVersion() {
    return this.status.active?.version;
  }

  /** @returns {Promise<number>} */
  async rolledBack() {
    const s = await chrome.storage.local.get(SETTINGS.rolledBack);
    const version = s[SETTINGS.rolledBack];
    return typeof version === "number" ? version : 0;
  }

  /**
   * @param {string} feedUrl
   * @returns {Promise<UpdateStatus>}
   */
  async fromFeed(feedUrl) {
    const abort = new AbortController();
    this.checkAbort = abort;
    try {
      return await this.fromFeedUntil(feedUrl, abort.signal);
    } catch (e) {
      // Stopped for the seller's import or rollback: say so, not "could not reach".
      if (abort.signal.aborted && abort.signal.reason instanceof UpdateFailure) throw abort.signal.reason;
      throw e;
    } finally {
      this.checkAbort = null;
    }
  }

  /**
   * @param {string} feedUrl
   * @param {AbortSignal} signal  aborted when the seller's import or rollback stops the check
   * @returns {Promise<UpdateStatus>}
   */
  async fromFeedUntil(feedUrl, signal) {
    this.phase("checking");
    const manifestText = await this.manifest(feedUrl, signal);
    // The manifest's signature and expiry are checked before anything is downloaded. The
    // same version is the everyday answer ("up to date"); an older one is refused below
    // as a possible replay of an old feed; an expired one says "updates are stale".
    const keys = await this.keys();
    const offered = await this.offer(manifestText, keys);
    if (offered.snapshotVersion === this.floorVersion()) {
      return this.succeed(`the snapshot in use (${offered.snapshotVersion}, ${offered.date}) is the newest the feed offers`);
    }
    const offer = await this.offer(manifestText, keys, this.floorVersion());
    const refused = await this.rolledBack();
    if (offer.snapshotVersion <= refused) {
      return this.succeed(`snapshot ${offer.snapshotVersion} is the one you rolled back from; it will not be installed again (a newer one will)`);
    }
    if (offer.size > MAX_SNAPSHOT_BYTES) {
      throw new UpdateFailure(`the feed announces a ${offer.size}-byte snapshot, more than Clearmark accepts; the current snapshot stays in use`);
    }
    const fileUrl = new URL(offer.file, feedUrl).href;
    const buffer = await this.download(fileUrl, offer.size, signal);
    try {
      this.phase("verifying");
      const verified = await this.verifyOr(() => buffer.verifyUpdate(manifestText, keys, extensionVersion(), Date.now(), this.floorVersion()));
      return await this.installVerified(buffer, verified, "feed");
    } finally {
      release(buffer);
    }
  }

  /**
   * Reads latest.json: at most MAX_MANIFEST_BYTES, within MANIFEST_TIMEOUT_MS.
   * @param {string} feedUrl
   * @param {AbortSignal} signal
   * @returns {Promise<string>}
   */
  async manifest(feedUrl, signal) {
    const abort = new AbortController();
    const stop = () => abort.abort();
    signal.addEventListener("abort", stop);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      abort.abort();
    }, MANIFEST_TIMEOUT_MS);
    const tooLong = `the update feed's latest.json is longer than ${MAX_MANIFEST_BYTES / 1024} KiB, which no manifest is; the current snapshot stays in use`;
    try {
      const res = await this.get(feedUrl, "the update feed", abort.signal);
      if (Number(res.headers.get("content-length") ?? 0) > MAX_MANIFEST_BYTES) {
        abort.abort();
        throw new UpdateFailure(tooLong);
      }
      if (!res.body) return "";
      const decoder = new TextDecoder();
      let text = "";
      let length = 0;
      for await (const value of chunks(res.body)) {
        length += value.byteLength;
        if (length > MAX_MANIFEST_BYTES) {
          abort.abort();
          throw new UpdateFailure(tooLong);
        }
        text += decoder.decode(value, { stream: true });
      }
      return text + decoder.decode();
    } catch (e) {
      if (timedOut) throw new UpdateFailure(`the update feed did not send latest.json within ${MANIFEST_TIMEOUT_MS / 1000} s; the current snapshot stays in use`);
      throw e;
    } finally {
      clearTimeout(timer);
      signal.removeEventListener("abort", stop);
    }
  }

  /**
   * Checks an offer (signature, expiry, then the offer itself) and keeps the freshness
   * state: an expired manifest sets `stale` (and throws); a fresh one clears it.
   * @param {string} manifestText
   * @param {string} keys
   * @param {number} [floor]
   * @returns {Promise<Offer>}
   */
  async offer(manifestText, keys, floor) {
    try {
      const offer = this.wasm.checkUpdateOffer(manifestText, keys, extensionVersion(), Date.now(), floor);
      await this.setStale(null);
      return offer;
    } catch (e) {
      const message = errorText(e);
      if (message.startsWith(STALE_PREFIX)) await this.setStale({ at: Date.now(), message });
      throw new UpdateFailure(message);
    }
  }

  /** @param {StaleFeed | null} stale */
  async setStale(stale) {
    if (stale === null && this.status.stale === null) return;
    this.status.stale = stale;
    await chrome.storage.local.set({ [SETTINGS.stale]: stale });
  }

  /**
   * Builds an engine from a verified buffer, commits the new pair to the store, then
   * swaps. `stored` is a JS copy of the bytes to store, when the caller has one already.
   * @param {SnapshotBufferLike} buffer
   * @param {Verified} verified
   * @param {"feed"|"import"} source
   * @param {ArrayBuffer} [stored]
   * @returns {Promise<UpdateStatus>}
   */
  async installVerified(buffer, verified, source, stored) {
    this.phase("installing");
    // The store needs the bytes in JavaScript: copy them out before the engine takes them.
    const bytes = stored ?? /** @type {ArrayBuffer} */ (buffer.copy().buffer);
    let engine;
    try {
      engine = await this.load(buffer);
    } catch (e) {
      throw new UpdateFailure(`the new snapshot could not be loaded (${errorText(e)}); the current snapshot stays in use`);
    }
    /** @type {store.StoredSnapshot} */
    const next = {
      version: verified.snapshotVersion,
      date: verified.date,
      source,
      size: bytes.byteLength,
      sha256: verified.sha256,
      installedAt: Date.now(),
      bytes,
    };
    const active = /** @type {SnapshotSummary} */ (this.status.active);
    const replacing = active.source === "bundled" ? { ...active, size: 0, installedAt: Date.now() } : undefined;
    try {
      await store.install(next, replacing);
    } catch (e) {
      engine.free?.();
      throw new UpdateFailure(`the new snapshot could not be saved (${errorText(e)}); the current snapshot stays in use`);
    }
    this.swapEngine(engine, summary(next), active);
    return this.succeed(`updated to snapshot ${next.version} (${next.date}); snapshot ${active.version} is kept for rollback`);
  }

  /**
   * The one place the engine changes: after this line, checks use the new snapshot.
   * @param {EngineLike} engine
   * @param {SnapshotSummary} active
   * @param {SnapshotSummary} previous
   */
  swapEngine(engine, active, previous) {
    const old = this.current;
    this.current = engine;
    this.status.active = active;
    this.status.previous = previous;
    // A request may have fetched the old engine just before the swap and not used it
    // yet (it resumes in a later microtask): free it only once such requests are done.
    if (old?.free) setTimeout(() => old.free?.(), 10_000);
  }

  /**
   * Fetches with a clear message for each way it can fail.
   * @param {string} url
   * @param {string} what
   * @param {AbortSignal} [signal]
   */
  async get(url, what, signal) {
    let res;
    try {
      res = await fetch(url, { cache: "no-store", credentials: "omit", signal });
    } catch (e) {
      throw new UpdateFailure(`could not reach ${what} at ${url} (${errorText(e)}); the current snapshot stays in use`);
    }
    if (!res.ok) throw new UpdateFailure(`${what} answered HTTP ${res.status} at ${url}; the current snapshot stays in use`);
    return res;
  }

  /**
   * Downloads `url` straight into a wasm buffer of the `size` bytes the signed manifest
   * announced, broadcasting progress. Never keeps more than `size` bytes: a server that
   * sends more is cut off; one that sends fewer leaves a short buffer, which the checks
   * refuse.
   * @param {string} url
   * @param {number} size
   * @param {AbortSignal} signal  stops the download (the seller's import or rollback)
   * @returns {Promise<SnapshotBufferLike>}
   */
  async download(url, size, signal) {
    const abort = new AbortController();
    signal.addEventListener("abort", () => abort.abort(), { once: true });
    let stalled = false;
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    let timer;
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        stalled = true;
        abort.abort();
      }, STALL_MS);
    };
    arm();
    this.status.received = 0;
    this.status.total = size;
    this.phase("downloading");
    const buffer = await this.verifyOr(() => new this.wasm.SnapshotBuffer(size));
    let received = 0;
    let lastSent = 0;
    try {
      const res = await this.get(url, "the snapshot file", abort.signal);
      if (!res.body) throw new UpdateFailure("the snapshot download has no body");
      for await (const value of chunks(res.body)) {
        arm();
        if (received + value.byteLength > size) {
          abort.abort();
          throw new UpdateFailure(`the server sent more than the ${size} bytes the feed announced; the current snapshot stays in use`);
        }
        buffer.push(value);
        received += value.byteLength;
        this.status.received = received;
        if (Date.now() - lastSent >= PROGRESS_EVERY_MS) {
          lastSent = Date.now();
          this.publish();
        }
      }
    } catch (e) {
      release(buffer);
      if (e instanceof UpdateFailure) throw e;
      if (stalled) throw new UpdateFailure(`the download stopped: nothing arrived for ${STALL_MS / 1000} s (${received} of ${size} bytes); the current snapshot stays in use`);
      throw new UpdateFailure(`the download was interrupted after ${received} of ${size} bytes (${errorText(e)}); the current snapshot stays in use`);
    } finally {
      clearTimeout(timer);
    }
    this.publish();
    return buffer;
  }

  /** @returns {Promise<string>} the trusted keys shipped in the extension */
  async keys() {
    const res = await fetch(chrome.runtime.getURL(KEYS_FILE));
    if (!res.ok) throw new UpdateFailure(`the extension has no ${KEYS_FILE}, so updates cannot be verified; the current snapshot stays in use`);
    return res.text();
  }

  /**
   * Runs a wasm check; its thrown string becomes the failure message.
   * @template T
   * @param {() => T} fn
   * @returns {Promise<T>}
   */
  async verifyOr(fn) {
    try {
      return fn();
    } catch (e) {
      throw new UpdateFailure(errorText(e));
    }
  }

  /** @param {UpdateStatus["phase"]} phase */
  phase(phase) {
    this.status.phase = phase;
    if (phase !== "downloading") {
      this.status.received = 0;
      this.status.total = 0;
    }
    this.publish();
  }

  publish() {
    this.broadcast({ v: 1, type: "updateProgress", status: { ...this.status } });
  }

  /**
   * @param {string} message
   * @returns {Promise<UpdateStatus>}
   */
  async succeed(message) {
    this.status.last = { at: Date.now(), ok: true, message };
    await chrome.storage.local.set({ [SETTINGS.last]: this.status.last });
    this.status.phase = "idle";
    this.publish();
    return this.getStatus();
  }

  /** @param {string} message */
  async fail(message) {
    this.status.last = { at: Date.now(), ok: false, message };
    await chrome.storage.local.set({ [SETTINGS.last]: this.status.last }).catch(() => {});
    this.publish();
  }
}

/** Bytes of the one buffer a byte reader reads every chunk into. */
const CHUNK_BYTES = 1 << 20;

/**
 * The chunks of a response body, each valid only until the next is read. Where the
 * browser offers a byte reader (BYOB), every chunk is read into one reused buffer, so
 * reading a 150 MB snapshot leaves no 150 MB of spent chunks for the collector; else
 * the default reader's chunks.
 * @param {ReadableStream<Uint8Array>} body
 * @returns {AsyncGenerator<Uint8Array>}
 */
async function* chunks(body) {
  /** @type {ReadableStreamBYOBReader | null} */
  let byob = null;
  try {
    byob = body.getReader({ mode: "byob" });
  } catch {
    /* not a byte stream */
  }
  if (!byob) {
    const reader = body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  }
  let scratch = new Uint8Array(CHUNK_BYTES);
  for (;;) {
    // The read transfers the buffer; the chunk it returns views the same memory.
    const { done, value } = await byob.read(scratch);
    if (done || !value) return;
    yield value;
    scratch = new Uint8Array(value.buffer);
  }
}

/**
 * Frees a snapshot buffer's wasm memory unless `intoEngine` consumed it already (then
 * wasm-bindgen's `free` throws: the engine owns the bytes now).
 * @param {SnapshotBufferLike} buffer
 */
function release(buffer) {
  try {
    buffer.free();
  } catch {
    /* consumed by intoEngine */
  }
}

/**
 * @param {store.StoredSnapshot | SnapshotSummary} s
 * @returns {SnapshotSummary}
 */
function summary(s) {
  return { version: s.version, date: s.date, source: s.source };
}

/** This extension's version, as the feed's `min_extension_version` is compared to. */
function extensionVersion() {
  return chrome.runtime.getManifest().version;
}
