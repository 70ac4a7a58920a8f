// @ts-check
/**
 * The seller's kept listings (extension/protocol.js KeptListing) in the extension's
 * IndexedDB (database `clearmark-kept`, object store `listings`, keyed by `key`). Like the
 * private store, content scripts cannot open it: it runs with the extension's origin. This
 * module owns storage only; what is kept, and when, is extension/kept.js's business.
 */

import { database } from "./idb.js";

const STORE = "listings";

const db = database({
  name: "clearmark-kept",
  version: 1,
  store: STORE,
  upgrade: (d) => {
    if (!d.objectStoreNames.contains(STORE)) d.createObjectStore(STORE, { keyPath: "key" });
  },
  what: "the store of your kept listings",
});

/**
 * The kept listings with these keys (absent ones left out), read in one transaction.
 * @param {string[]} keys
 * @returns {Promise<Map<string, KeptListing>>}
 */
export function getMany(keys) {
  return db.transact("readonly", (s) => {
    /** @type {Map<string, KeptListing>} */
    const out = new Map();
    for (const key of keys) {
      const req = s.get(key);
      req.onsuccess = () => {
        if (req.result) out.set(key, /** @type {KeptListing} */ (req.result));
      };
    }
    return out;
  });
}

/**
 * Stores the records (replacing those with the same key) in one transaction.
 * @param {KeptListing[]} records
 * @returns {Promise<void>}
 */
export async function putMany(records) {
  await db.transact("readwrite", (s) => {
    for (const r of records) s.put(r);
  });
}

/** Every kept listing. @returns {Promise<KeptListing[]>} */
export function all() {
  return db.transact("readonly", (s) => {
    const out = { records: /** @type {KeptListing[]} */ ([]) };
    const req = s.getAll();
    req.onsuccess = () => {
      out.records = req.result;
    };
    return out;
  }).then((o) => o.records);
}

/** Forgets every kept listing. @returns {Promise<void>} */
export async function clear() {
  await db.transact("readwrite", (s) => {
    s.clear();
  });
}
