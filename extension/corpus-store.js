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

/** @type {Promise<IDBDatabase> | null} */
let opening = null;

/** @returns {Promise<IDBDatabase>} */
function open() {
  if (!opening) {
    opening = new Promise((resolve, reject) => {
      const req = indexedDB.open(DB_NAME, DB_VERSION);
      req.onupgradeneeded = () => {
        const db = req.result;
        if (!db.objectStoreNames.contains(LISTINGS)) {
          db.createObjectStore(LISTINGS, { keyPath: "id" }).createIndex(BY_ADDED, "addedAt");
        }
      };
      req.onsuccess = () => {
        const db = req.result;
        db.onversionchange = () => {
          db.close();
          opening = null;
        };
        resolve(db);
      };
      req.onerror = () => reject(req.error ?? new Error("the listing corpus could not be opened"));
      req.onblocked = () => reject(new Error("the listing corpus is blocked by another Clearmark window; close it and retry"));
    });
    opening.catch(() => {
      opening = null;
    });
  }
  return opening;
}

/**
 * Runs `body` in one transaction and resolves once it has committed.
 * @template T
 * @param {IDBTransactionMode} mode
 * @param {(store: IDBObjectStore, result: T) => void} body  fills `result`
 * @param {T} result
 * @returns {Promise<T>}
 */
async function transact(mode, body, result) {
  const db = await open();
  return new Promise((resolve, reject) => {
    const tx = db.transaction(LISTINGS, mode);
    try {
      body(tx.objectStore(LISTINGS), result);
    } catch (e) {
      tx.abort();
      reject(e);
      return;
    }
    tx.oncomplete = () => resolve(result);
    tx.onerror = () => reject(tx.error ?? new Error("the listing corpus refused the change"));
    tx.onabort = () => reject(tx.error ?? new Error("the listing corpus change was aborted (is the disk full?)"));
  });
}

/**
 * Every stored listing, oldest first.
 * @returns {Promise<StoredListing[]>}
 */
export async function all() {
  const out = await transact("readonly", (s, r) => {
    const req = s.index(BY_ADDED).getAll();
    req.onsuccess = () => r.push(...req.result);
  }, /** @type {StoredListing[]} */ ([]));
  return out;
}

/** @returns {Promise<number>} how many listings are stored */
export async function count() {
  const r = await transact("readonly", (s, r) => {
    const req = s.count();
    req.onsuccess = () => {
      r.n = req.result;
    };
  }, { n: 0 });
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
  return transact("readwrite", (s, r) => {
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
  }, { count: 0, evicted: /** @type {string[]} */ ([]) });
}

/** Forgets every listing. @returns {Promise<void>} */
export async function clear() {
  await transact("readwrite", (s) => {
    s.clear();
  }, null);
}
