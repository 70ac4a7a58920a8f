// @ts-check
/**
 * The reference corpus in the background: keeps the engine's copied-copy corpus in step
 * with the listings stored on this machine (extension/corpus-store.js) and answers the
 * protocol's corpus requests (corpusAdd from product pages, corpusImport from the options
 * page, corpusStatus, corpusClear).
 *
 * Every engine the background builds (at start and after a snapshot update) gets the
 * stored listings through `prepare` (read with a cursor, one listing at a time) before it
 * answers a check. A listing is stored first and given to the engine only once the store
 * has committed it, so the engine never holds a listing the store lost (a full disk, a
 * failed transaction); one the engine then refuses is removed from the store again, so
 * engine and store agree; evictions from the store are removed from the engine. Collection from product
 * pages obeys the seller's switch (settings `collectCorpus`); imports are the seller's own
 * act and always go through. It must not judge copying (the engine does) nor collect
 * anything itself (content/collect.js does, and only on product pages).
 */
import * as corpusStore from "./corpus-store.js";
import { errorText } from "./error-text.js";

/** Longest text kept per field (characters): the engine's field cap (src/listing/limits.rs, protocol.js LIMITS). */
const MAX_FIELD = 20_000;
/** Most bullets kept per listing: the engine's bullet cap (src/listing/limits.rs, protocol.js LIMITS). */
const MAX_BULLETS = 20;

/**
 * Where the listings are kept: extension/corpus-store.js (a stand-in in tests/js/).
 * @typedef {object} CorpusStore
 * @property {number} CAPACITY
 * @property {(fn: (l: CorpusListing) => void) => Promise<void>} forEach
 * @property {() => Promise<number>} count
 * @property {(listings: CorpusListing[]) => Promise<{count: number, evicted: string[]}>} put
 * @property {(ids: string[]) => Promise<void>} remove
 * @property {() => Promise<void>} clear
 */

/**
 * @typedef {object} CorpusEngine
 * @property {(listing: CorpusListing) => string[]} addCorpusListing
 * @property {(id: string) => boolean} removeCorpusListing
 * @property {() => void} clearCorpus
 */

/**
 * A listing reduced to the fields the engine reads, trimmed and bounded; null when it has
 * no text to compare.
 * @param {Record<string, unknown>} raw
 * @returns {CorpusListing | null}
 */
export function cleanListing(raw) {
  /** @param {unknown} v */
  const text = (v) => (typeof v === "string" ? v.replace(/\s+/g, " ").trim().slice(0, MAX_FIELD) : "");
  const id = text(raw.id);
  if (!id) return null;
  /** @type {CorpusListing} */
  const l = { id };
  for (const k of /** @type {const} */ (["url", "brand", "date", "title", "description"])) {
    const v = text(raw[k]);
    if (v) l[k] = v;
  }
  const bullets = Array.isArray(raw.bullets) ? raw.bullets.map(text).filter(Boolean).slice(0, MAX_BULLETS) : [];
  if (bullets.length) l.bullets = bullets;
  if (!l.title && !l.description && !bullets.length) return null;
  return l;
}

export class ReferenceCorpus {
  /**
   * @param {() => Promise<{collectCorpus: boolean}>} settings  the seller's current settings
   * @param {CorpusStore} [store]  where listings are kept (default: extension/corpus-store.js)
   */
  constructor(settings, store = corpusStore) {
    this.settings = settings;
    this.store = store;
  }

  /**
   * Gives a new engine every stored listing. A store that cannot be read leaves the engine
   * without a corpus (checks still run; copied copy is then not found) rather than
   * failing it.
   * @param {CorpusEngine} engine
   */
  async prepare(engine) {
    try {
      await this.store.forEach((l) => {
        const clean = cleanListing(/** @type {Record<string, unknown>} */ (l));
        if (!clean) return;
        try {
          engine.addCorpusListing(clean);
        } catch {
          /* a listing the engine cannot read is skipped; the rest load */
        }
      });
    } catch {
      /* the store cannot be read: checks run without the listings not given yet */
    }
  }

  /**
   * Answers one corpus request against `engine` (the one checks use now).
   * @param {CorpusRequest} req
   * @param {CorpusEngine} engine
   * @returns {Promise<CorpusResponse>}
   */
  async answer(req, engine) {
    const store = this.store;
    const base = /** @type {const} */ ({ v: 1, ok: true, capacity: store.CAPACITY });
    switch (req.type) {
      case "corpusStatus":
        return { ...base, type: req.type, count: await store.count() };
      case "corpusClear":
        await store.clear();
        engine.clearCorpus();
        return { ...base, type: req.type, count: 0 };
      case "corpusAdd":
      case "corpusImport": {
        if (req.type === "corpusAdd" && !(await this.settings()).collectCorpus) {
          return { ...base, type: req.type, count: await store.count(), added: 0 };
        }
        const raw = req.type === "corpusAdd" ? [req.listing] : req.listings;
        /** @type {CorpusListing[]} */
        const clean = [];
        /** @type {string[]} */
        const rejected = [];
        for (const r of raw) {
          const l = cleanListing(/** @type {Record<string, unknown>} */ (r));
          if (l) clean.push(l);
          else rejected.push(`${String(r.id)}: no title, bullet or description to compare`);
        }
        // Stored first: if the store fails, this throws and the engine has not changed.
        const stored = clean.length ? await store.put(clean) : { count: await store.count(), evicted: [] };
        for (const id of stored.evicted) engine.removeCorpusListing(id);
        const evicted = new Set(stored.evicted);
        /** @type {CorpusListing[]} */
        const accepted = [];
        /** @type {string[]} */
        const refused = [];
        for (const l of clean) {
          if (evicted.has(l.id)) continue;
          try {
            engine.addCorpusListing(l);
            accepted.push(l);
          } catch (e) {
            rejected.push(`${l.id}: ${errorText(e)}`);
            refused.push(l.id);
          }
        }
        if (refused.length) {
          // Engine and store agree: what the engine refused leaves the store (and an older
          // version with the same id leaves the engine).
          for (const id of refused) engine.removeCorpusListing(id);
          await store.remove(refused);
          stored.count -= refused.length;
        }
        if (req.type === "corpusAdd" && rejected.length) {
          return { v: 1, type: req.type, ok: false, error: `This product page could not be kept: ${rejected[0]}` };
        }
        return { ...base, type: req.type, count: stored.count, added: accepted.length, evicted: stored.evicted.length, rejected };
      }
    }
  }
}
