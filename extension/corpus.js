// @ts-check
/**
 * The reference corpus in the background: keeps the engine's copied-copy corpus in step
 * with the listings stored on this machine (extension/corpus-store.js) and answers the
 * protocol's corpus requests (corpusAdd from product pages, corpusImport from the options
 * page, corpusStatus, corpusClear).
 *
 * Every engine the background builds (at start and after a snapshot update) gets the
 * stored listings through `prepare` before it answers a check. A listing is given to the
 * engine first (which refuses one it cannot read) and stored only then, so engine and store
 * agree; evictions from the store are removed from the engine. Collection from product
 * pages obeys the seller's switch (settings `collectCorpus`); imports are the seller's own
 * act and always go through. It must not judge copying (the engine does) nor collect
 * anything itself (content/collect.js does, and only on product pages).
 */
import * as store from "./corpus-store.js";
import { errorText } from "./error-text.js";

/** Longest text kept per field (characters): a product page is not a book. */
const MAX_FIELD = 20_000;
/** Most bullets kept per listing. */
const MAX_BULLETS = 20;

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
   */
  constructor(settings) {
    this.settings = settings;
  }

  /**
   * Gives a new engine every stored listing. A store that cannot be read leaves the engine
   * without a corpus (checks still run; copied copy is then not found) rather than
   * failing it.
   * @param {CorpusEngine} engine
   */
  async prepare(engine) {
    let listings;
    try {
      listings = await store.all();
    } catch {
      return;
    }
    for (const l of listings) {
      const clean = cleanListing(l);
      if (!clean) continue;
      try {
        engine.addCorpusListing(clean);
      } catch {
        /* a listing the engine cannot read is skipped; the rest load */
      }
    }
  }

  /**
   * Answers one corpus request against `engine` (the one checks use now).
   * @param {CorpusRequest} req
   * @param {CorpusEngine} engine
   * @returns {Promise<CorpusResponse>}
   */
  async answer(req, engine) {
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
        const accepted = [];
        /** @type {string[]} */
        const rejected = [];
        for (const r of raw) {
          const l = cleanListing(/** @type {Record<string, unknown>} */ (r));
          if (!l) {
            rejected.push(`${String(r.id)}: no title, bullet or description to compare`);
            continue;
          }
          try {
            engine.addCorpusListing(l);
            accepted.push(l);
          } catch (e) {
            rejected.push(`${l.id}: ${errorText(e)}`);
          }
        }
        const stored = accepted.length ? await store.put(accepted) : { count: await store.count(), evicted: [] };
        for (const id of stored.evicted) engine.removeCorpusListing(id);
        if (req.type === "corpusAdd" && rejected.length) {
          return { v: 1, type: req.type, ok: false, error: `This product page could not be kept: ${rejected[0]}` };
        }
        return { ...base, type: req.type, count: stored.count, added: accepted.length, evicted: stored.evicted.length, rejected };
      }
    }
  }
}
