// @ts-check
/**
 * The seller's own listings, kept on this machine (issue 14, item 3): every listing the
 * seller opens in a seller editor (keepListing, from the content script) and every
 * listing of a catalogue export imported in options (keptImport), each checked whole and
 * stored with its findings and their history (kept-record.js) in the extension's
 * IndexedDB (kept-store.js), which no page can read. Nothing leaves the browser.
 *
 * It answers the kept-listings requests of extension/protocol.js for the background. It
 * decides what is kept and when; it does not store (kept-store.js), shape records
 * (kept-record.js) or route messages (background.js). A tab may only send keepListing,
 * for an address of its own origin.
 */

import * as store from "./kept-store.js";
import { editorKey, importKey, recordAfter, summary } from "./kept-record.js";
import { takeHandedOver } from "./store.js";
import { evidenceRecord } from "./evidence.js";
import { showKeptFresh } from "./badge.js";

const P = globalThis.ClearmarkProtocol;

/** Most skipped rows named in an import's answer (the count says how many there were). */
const SHOWN_SKIPPED = 100;

/**
 * The engine as this module uses it.
 * @typedef {{check: (listing: Listing) => unknown, snapshotInfo: () => unknown}} Checker
 */

/**
 * What the wasm module's readCatalogue returns (src/wasm/catalogue.rs).
 * @typedef {object} CatalogueRead
 * @property {string} format
 * @property {string} formatName
 * @property {Array<{row: number, listing: Listing}>} listings
 * @property {Array<{row: number, reason: string}>} skipped
 */

/**
 * The version of the snapshot `engine` checks with.
 * @param {Checker} engine
 */
const versionOf = (engine) => Number(/** @type {SnapshotInfo} */ (engine.snapshotInfo()).snapshot_version);

export class KeptListings {
  /**
   * @param {() => Promise<{keepListings: boolean}>} settings  the seller's settings
   * @param {(bytes: Uint8Array) => CatalogueRead} readCatalogue  the wasm catalogue reader (throws a string)
   */
  constructor(settings, readCatalogue) {
    this.settings = settings;
    this.readCatalogue = readCatalogue;
    /** Writes in flight: each reads and writes after the last, so none is lost. */
    this.changes = Promise.resolve();
  }

  /**
   * Runs `change` after every change before it.
   * @template T @param {() => Promise<T>} change @returns {Promise<T>}
   */
  serial(change) {
    const run = this.changes.then(change, change);
    this.changes = run.then(() => undefined, () => undefined);
    return run;
  }

  /**
   * Checks each listing whole and stores it, bringing a record kept before up to date;
   * `rescan` when the listing has not changed but the register may have (recordAfter's
   * "new since"). Then sets the badge, when a re-scan ran or a "new since" mark changed.
   * @param {Checker} engine
   * @param {Array<{key: string, source: KeptListing["source"], where: string, listing: Listing}>} items
   * @param {boolean} [rescan]
   */
  keep(engine, items, rescan = false) {
    return this.serial(async () => {
      const now = Date.now();
      const snapshotVersion = versionOf(engine);
      const before = await store.getMany(items.map((i) => i.key));
      const records = items.map((item) => {
        const listing = { ...item.listing, id: item.key };
        const report = /** @type {ListingReport} */ (engine.check(listing));
        return recordAfter(before.get(item.key), { ...item, listing, findings: report.findings, snapshotVersion }, now, rescan);
      });
      await store.putMany(records);
      const marks = records.some((r) => r.newSince !== (before.get(r.key)?.newSince ?? null));
      if (rescan || marks) await this.showFresh(await store.all());
    });
  }

  /**
   * Checks again every kept listing (`all`), or those last checked by another snapshot
   * than `engine`'s: what a snapshot update does to kept listings (background.js calls it
   * for every engine it prepares, so the badge is also set at start).
   * @param {Checker} engine
   * @param {boolean} [all]
   */
  async rescan(engine, all = false) {
    const version = versionOf(engine);
    const kept = await store.all();
    const records = kept.filter((r) => all || r.snapshotVersion !== version);
    if (records.length) await this.keep(engine, records.map(({ key, source, where, listing }) => ({ key, source, where, listing })), true);
    else await this.showFresh(kept);
  }

  /**
   * The toolbar badge's global count (extension/badge.js): how many kept listings have
   * findings new since their check before the last re-scan ("" for none). Returns that count.
   * @param {KeptListing[]} records
   */
  async showFresh(records) {
    const fresh = records.filter((r) => r.newSince != null).length;
    await showKeptFresh(fresh);
    return fresh;
  }

  /**
   * Answers one kept-listings request; throws a sentence on failure (background.js turns
   * it into the ErrorResponse).
   * @param {KeptRequest} req
   * @param {Checker} engine
   * @param {{url?: string} | undefined} sender
   * @returns {Promise<KeptResponse>}
   */
  async answer(req, engine, sender) {
    switch (req.type) {
      case "keepListing": {
        if (!(await this.settings()).keepListings || !sender?.url) return { v: 1, type: req.type, ok: true, kept: false };
        const u = URL.canParse(req.url) ? new URL(req.url) : null;
        if (!u || u.origin !== new URL(sender.url).origin) return P.failure(req.type, "Clearmark: a tab may keep only a listing of its own site.");
        await this.keep(engine, [{ key: editorKey(u.href), source: "editor", where: `${u.origin}${u.pathname}`, listing: req.listing }]);
        return { v: 1, type: req.type, ok: true, kept: true };
      }
      case "keptStatus": {
        const records = await store.all();
        const listings = records.map(summary).sort((a, b) => b.lastChecked - a.lastChecked || a.key.localeCompare(b.key));
        const fresh = listings.filter((l) => l.newSince !== null).length;
        // The listing kept for a tab's editor address, keyed as keepListing keys it.
        const here = req.address !== undefined && URL.canParse(req.address) ? editorKey(req.address) : null;
        const current = listings.find((l) => l.key === here)?.key;
        return { v: 1, type: req.type, ok: true, count: listings.length, listings, fresh, ...(current === undefined ? {} : { current }) };
      }
      case "keptClear":
        await this.serial(async () => {
          await store.clear();
          await this.showFresh([]);
        });
        return { v: 1, type: req.type, ok: true, count: 0, fresh: 0 };
      case "keptRescan": {
        await this.rescan(engine, true);
        const records = await store.all();
        return { v: 1, type: req.type, ok: true, count: records.length, fresh: records.filter((r) => r.newSince != null).length };
      }
      case "keptExport": {
        const chosen = req.key === undefined ? await store.all() : [...(await store.getMany([req.key])).values()];
        if (req.key !== undefined && !chosen.length) return P.failure(req.type, "That listing is no longer kept.");
        await this.keep(engine, chosen.map(({ key, source, where, listing }) => ({ key, source, where, listing })));
        const records = [...(await store.getMany(chosen.map((r) => r.key))).values()];
        const manifest = chrome.runtime.getManifest();
        const evidence = evidenceRecord({
          records, snapshot: /** @type {SnapshotInfo} */ (engine.snapshotInfo()), extension: { name: "Clearmark", version: manifest.version }, now: Date.now(),
        });
        return { v: 1, type: req.type, ok: true, evidence };
      }
      case "keptImport": {
        const file = await takeHandedOver(P.IMPORT_DB, P.IMPORT_STORE, req.key);
        if (!file) return P.failure(req.type, `The file ${req.name} did not reach Clearmark; choose it again.`);
        let read;
        try {
          read = this.readCatalogue(new Uint8Array(file));
        } catch (err) {
          return P.failure(req.type, `${req.name}: ${String(err)}`);
        }
        await this.keep(engine, read.listings.map(({ row, listing }) => ({
          key: importKey(read.format, listing.id), source: /** @type {const} */ ("import"), where: `${req.name} row ${row}`, listing,
        })));
        return {
          v: 1, type: req.type, ok: true, imported: read.listings.length, format: read.formatName,
          skipped: read.skipped.slice(0, SHOWN_SKIPPED), count: (await store.all()).length,
        };
      }
    }
  }
}
