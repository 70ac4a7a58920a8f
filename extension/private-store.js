// @ts-check
/**
 * The seller's private lists — own brands, the own brands proposed from pages and waiting
 * for confirmation, the watch list with its notes — kept in the extension's IndexedDB
 * (database `clearmark-private`, one key-value object store). Content scripts run with the
 * page's origin and cannot open the extension's databases, unlike `chrome.storage.local`,
 * which every content script can read (Firefox has no way to restrict `storage.local`;
 * Chromium's `setAccessLevel` would also cut content scripts off the display settings).
 *
 * Earlier versions kept these keys in `chrome.storage.local`; `migrate` moves them here
 * once and removes them there. This module owns storage only; what the values mean is the
 * business of background.js (own brands) and watchlist.js.
 */

import { database } from "./idb.js";

const STORE = "values";

const db = database({
  name: "clearmark-private",
  version: 1,
  store: STORE,
  upgrade: (d) => {
    if (!d.objectStoreNames.contains(STORE)) d.createObjectStore(STORE);
  },
  what: "the store of the seller's lists",
});

/**
 * The value stored under `key`, or undefined.
 * @param {string} key
 * @returns {Promise<unknown>}
 */
export async function get(key) {
  await migrated;
  return db.transact("readonly", (s) => {
    const out = { value: /** @type {unknown} */ (undefined) };
    const req = s.get(key);
    req.onsuccess = () => {
      out.value = req.result;
    };
    return out;
  }).then((o) => o.value);
}

/**
 * Store `value` under `key` (resolves once committed).
 * @param {string} key
 * @param {unknown} value
 */
export async function set(key, value) {
  await migrated;
  await db.transact("readwrite", (s) => {
    s.put(value, key);
  });
}

/**
 * The values stored under `keys`, read in one transaction (so a write of several keys
 * is seen whole or not at all).
 * @param {string[]} keys
 * @returns {Promise<Record<string, unknown>>}
 */
export async function getMany(keys) {
  await migrated;
  return db.transact("readonly", (s) => {
    /** @type {Record<string, unknown>} */
    const out = {};
    for (const key of keys) {
      const req = s.get(key);
      req.onsuccess = () => {
        out[key] = req.result;
      };
    }
    return out;
  });
}

/**
 * Store every value of `values` under its key in one transaction (resolves once
 * committed): readers see all of them or none.
 * @param {Record<string, unknown>} values
 */
export async function setMany(values) {
  await migrated;
  await db.transact("readwrite", (s) => {
    for (const [key, value] of Object.entries(values)) s.put(value, key);
  });
}

/** @param {string} key */
export async function remove(key) {
  await migrated;
  await db.transact("readwrite", (s) => {
    s.delete(key);
  });
}

/** The keys earlier versions kept in chrome.storage.local. */
const LEGACY_KEYS = ["ownBrands", "watchList"];

/**
 * Moves the legacy keys from chrome.storage.local into this store (a key already here is
 * kept), then removes them there. Runs once per background start, before any read.
 */
async function migrate() {
  const old = await chrome.storage.local.get(LEGACY_KEYS);
  const found = LEGACY_KEYS.filter((k) => old[k] !== undefined);
  if (!found.length) return;
  await db.transact("readwrite", (s) => {
    for (const k of found) {
      const req = s.get(k);
      req.onsuccess = () => {
        if (req.result === undefined) s.put(old[k], k);
      };
    }
  });
  await chrome.storage.local.remove(found);
}

const migrated = migrate().catch(() => {
  /* nothing to move, or storage unavailable: the store starts empty */
});
