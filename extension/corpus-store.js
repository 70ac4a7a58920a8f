// @ts-check
/**
 * The reference corpus store: other sellers' listings for the copied-copy check, kept in
 * the extension's IndexedDB on this machine only (database `clearmark-corpus`, object
 * store `listings`, keyed by the listing's id, indexed by when it was added).
 *
 * It is bounded: at most CAPACITY listings; adding beyond that evicts the oldest added,
 * in the same transaction, so the store never holds more. Adding a listing whose id is
 * already stored replaces it (a product page seen again is one listing, now the newest).
 * This module owns storage only: it never touches the engine (extension/corpus.js keeps
 * the engine in step) and never decides what is collected.
 */

import { database } from "./idb.js";

const DB_NAME = "clearmark-corpus";
const DB_VERSION = 1;
const LISTINGS = "listings";
const BY_ADDED = "addedAt";

/** Most listings kept; the oldest added are evicted beyond it. */
export const CAPACITY = 20_000;

/**
 * A stored listing: the protocol's CorpusListing and when it was added.
 * @typedef {CorpusListing & {addedAt: number}} StoredListing
 */

const db = database({
  name: DB_NAME,
  version: DB_VERSION,
  store: LISTINGS,
  upgrade: (d) => {
    if (!d.objectStoreNames.contains(LISTINGS)) {
      d.createObjectStore(LISTINGS, { keyPath: "id" }).createIndex(BY_ADDED, "addedAt");
    }
  },
  what: "the listing corpus",
});

/**
 * Calls `fn` with every stored listing, oldest first, one at a time through a cursor, so
 * the store (up to CAPACITY listings) is never held in memory whole. `fn` must not throw.
 * @param {(listing: StoredListing) => void} fn
 * @returns {Promise<void>}
 */
export async function forEach(fn) {
  await db.transact("readonly", (s) => {
    const req = s.index(BY_ADDED).openCursor();
    req.onsuccess = () => {
      const c = req.result;
      if (!c) return;
      fn(/** @type {StoredListing} */ (c.value));
      c.continue();
    };
  });
}

/** @returns {Promise<number>} how many listings are stored */
export async function count() {
  const r = await db.transact("readonly", (s) => {
    const out = { n: 0 };
    const req = s.count();
    req.onsuccess = () => {
      out.n = req.result;
    };
    return out;
  });
  return r.n;
}

/**
 * Stores listings (replacing those with the same id) and evicts the oldest beyond
 * CAPACITY, in one transaction.
 * @param {CorpusListing[]} listings
 * @returns {Promise<{count: number, evicted: string[]}>}
 */
export function put(listings) {
  const now = Date.now();
  return db.transact("readwrite", (s) => {
    const r = { count: 0, evicted: /** @type {string[]} */ ([]) };
    listings.forEach((l, i) => s.put({ ...l, addedAt: now + i / (listings.length + 1) }));
    const counted = s.count();
    counted.onsuccess = () => {
      let over = counted.result - CAPACITY;
      r.count = Math.min(counted.result, CAPACITY);
      if (over <= 0) return;
      const cursor = s.index(BY_ADDED).openCursor();
      cursor.onsuccess = () => {
        const c = cursor.result;
        if (!c || over <= 0) return;
        r.evicted.push(/** @type {StoredListing} */ (c.value).id);
        c.delete();
        over--;
        c.continue();
      };
    };
    return r;
  });
}

/**
 * Forgets the listings with these ids.
 * @param {string[]} ids
 * @returns {Promise<void>}
 */
export async function remove(ids) {
  await db.transact("readwrite", (s) => {
    for (const id of ids) s.delete(id);
  });
}

/** Forgets every listing. @returns {Promise<void>} */
export async function clear() {
  await db.transact("readwrite", (s) => {
    s.clear();
  });
}
