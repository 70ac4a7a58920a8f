// @ts-check
/**
 * The seller's watch list in the background: keeps the CSV the seller imported in the
 * extension's private store (extension/private-store.js, key `watchList`: file name, text,
 * mark count, when; out of content scripts' reach: its notes are the seller's) and gives
 * it to every engine the background builds (at start, after a restart of the service
 * worker, after a snapshot update) through `prepare`; answers the protocol's
 * importWatchList, watchListStatus and watchListClear.
 *
 * An import is applied to the engine first (the engine parses the file and refuses one
 * with no usable row, keeping the list in use) and stored only then; if storing fails the
 * engine gets the stored list back, so engine and storage agree. A restart re-reads the
 * stored text, so the lines skipped were reported once, at import. It must not parse CSV
 * or judge marks (the engine does: src/register/watch_csv.rs, src/detect/).
 */

import { errorText } from "./error-text.js";
import * as privateStore from "./private-store.js";

/** The storage key. */
const KEY = "watchList";
/** Largest file accepted (characters): a watch list is a seller's own list, not a register. */
const MAX_CHARS = 4_000_000;
/** Most line errors sent back to the page (all are counted in `skipped`). */
const MAX_ERRORS = 100;

/**
 * The stored list.
 * @typedef {object} StoredWatchList
 * @property {string} name        the file name
 * @property {string} csv         its text
 * @property {number} count       marks read from it
 * @property {number} importedAt  ms since the epoch
 */

/**
 * @typedef {object} WatchEngine
 * @property {(csv: string) => {count: number, skipped: number, errors: WatchListLineError[]}} setWatchList
 * @property {() => void} clearWatchList
 */

/** @returns {Promise<StoredWatchList | undefined>} */
async function load() {
  const v = /** @type {Partial<StoredWatchList> | undefined} */ (await privateStore.get(KEY));
  return v && typeof v === "object" && typeof v.csv === "string" ? /** @type {StoredWatchList} */ (v) : undefined;
}

export class WatchList {
  /**
   * Gives a new engine the stored list. A list that cannot be read or set leaves the
   * engine without one rather than failing it.
   * @param {WatchEngine} engine
   */
  async prepare(engine) {
    try {
      const saved = await load();
      if (saved) engine.setWatchList(saved.csv);
    } catch {
      /* no list, or one this version cannot read: checks run without it */
    }
  }

  /**
   * Answers one watch-list request against `engine` (the one checks use now); `current`
   * gives the engine in use after the change (a snapshot update may have swapped it in).
   * @param {ImportWatchListRequest | WatchListStatusRequest | WatchListClearRequest} req
   * @param {WatchEngine} engine
   * @param {() => Promise<WatchEngine>} current
   * @returns {Promise<ImportResponse | WatchListResponse>}
   */
  async answer(req, engine, current) {
    switch (req.type) {
      case "watchListStatus": {
        const saved = await load();
        return { v: 1, type: req.type, ok: true, count: saved?.count ?? 0, name: saved?.name ?? "", importedAt: saved?.importedAt ?? 0 };
      }
      case "watchListClear": {
        await privateStore.remove(KEY);
        engine.clearWatchList();
        const now = await current();
        if (now !== engine) now.clearWatchList();
        return { v: 1, type: req.type, ok: true, count: 0, name: "", importedAt: 0 };
      }
      case "importWatchList": {
        if (req.csv.length > MAX_CHARS) {
          return {
            v: 1,
            type: req.type,
            ok: false,
            error: `${req.name} is too large for a watch list (${req.csv.length} characters; at most ${MAX_CHARS}). The current watch list stays.`,
          };
        }
        let res;
        try {
          res = engine.setWatchList(req.csv);
        } catch (e) {
          return { v: 1, type: req.type, ok: false, error: `${req.name}: ${errorText(e)}` };
        }
        /** @type {StoredWatchList} */
        const entry = { name: req.name, csv: req.csv, count: res.count, importedAt: Date.now() };
        try {
          await privateStore.set(KEY, entry);
        } catch (e) {
          engine.clearWatchList();
          await this.prepare(engine);
          return { v: 1, type: req.type, ok: false, error: `${req.name} could not be saved (${errorText(e)}). The current watch list stays.` };
        }
        const now = await current();
        if (now !== engine) now.setWatchList(req.csv);
        return { v: 1, type: req.type, ok: true, count: res.count, skipped: res.skipped, errors: res.errors.slice(0, MAX_ERRORS) };
      }
    }
  }
}
