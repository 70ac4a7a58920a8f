// @ts-check
/**
 * The snapshot store: the installed register snapshots in IndexedDB, with atomic swaps.
 *
 * One database (`clearmark-snapshots`), one object store (`slots`) with at most two
 * entries: `current` (the snapshot the engine answers from, unless the bundled one is
 * newer) and `previous` (the one it replaced, kept for one-click rollback). It also
 * takes the files pages hand over for import (`takeHandedOver`). Installing and rolling
 * back are each ONE readwrite transaction that rewrites `current` and `previous`
 * together, so a crash or a closed browser leaves either the old pair or the new pair,
 * never a mix. This module owns storage only: it never verifies, never loads an engine
 * and never decides what to install (extension/updater.js does).
 */

import { database } from "./idb.js";

const DB_NAME = "clearmark-snapshots";
const DB_VERSION = 1;
const SLOTS = "slots";

/**
 * An installed snapshot. `bytes` is absent for the bundled snapshot, which is read from
 * the extension package instead of being copied into storage.
 * @typedef {object} StoredSnapshot
 * @property {number} version        snapshot version (header `snapshot_version`)
 * @property {string} date           build date, yyyy-mm-dd
 * @property {"bundled"|"feed"|"import"} source
 * @property {number} size           bytes
 * @property {string} [sha256]       lower-case hex, when known
 * @property {number} installedAt    ms since the epoch
 * @property {ArrayBuffer} [bytes]   the file, for feed and import snapshots
 * @property {boolean} [pinned]      chosen by a rollback: used even if the bundled one is newer
 */

const db = database({
  name: DB_NAME,
  version: DB_VERSION,
  store: SLOTS,
  upgrade: (d) => {
    if (!d.objectStoreNames.contains(SLOTS)) d.createObjectStore(SLOTS);
  },
  what: "the snapshot store",
});

/**
 * The installed snapshots.
 * @returns {Promise<{current: StoredSnapshot | undefined, previous: StoredSnapshot | undefined}>}
 */
export async function loadSlots() {
  /** @type {IDBRequest[]} */
  const reqs = [];
  await db.transact("readonly", (s) => {
    reqs.push(s.get("current"), s.get("previous"));
  });
  return { current: reqs[0].result, previous: reqs[1].result };
}

/**
 * Installs `next` as current and, in the same transaction, keeps as previous what it
 * replaces: `replaced` when given (the bundled snapshot or a record the caller built),
 * else the stored current entry as it is.
 * @param {StoredSnapshot} next
 * @param {StoredSnapshot} [replaced]
 * @returns {Promise<void>}
 */
export function install(next, replaced) {
  return db.transact("readwrite", (s) => {
    if (replaced) {
      s.put(replaced, "previous");
      s.put(next, "current");
      return;
    }
    const old = s.get("current");
    old.onsuccess = () => {
      if (old.result) s.put(old.result, "previous");
      s.put(next, "current");
    };
  });
}

/**
 * Takes (reads and deletes) a file an extension page handed over for import: the page
 * stored it as a Blob in database `dbName`, object store `storeName`, under `key`
 * (extension/protocol.js IMPORT_DB / IMPORT_STORE). A runtime message would copy the
 * bytes through JSON; pages and the background share the extension's IndexedDB.
 * @param {string} dbName
 * @param {string} storeName
 * @param {string} key
 * @returns {Promise<ArrayBuffer | undefined>}
 */
export function takeHandedOver(dbName, storeName, key) {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(dbName, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(storeName);
    req.onerror = () => reject(req.error ?? new Error("the import hand-over store could not be opened"));
    req.onsuccess = () => {
      const handOver = req.result;
      const tx = handOver.transaction(storeName, "readwrite");
      const get = tx.objectStore(storeName).get(key);
      get.onsuccess = () => {
        tx.objectStore(storeName).delete(key);
      };
      tx.oncomplete = () => {
        handOver.close();
        const value = get.result;
        if (value === undefined) resolve(undefined);
        else if (value instanceof Blob) value.arrayBuffer().then(resolve, reject);
        else resolve(value instanceof ArrayBuffer ? value : undefined);
      };
      tx.onerror = () => {
        handOver.close();
        reject(tx.error ?? new Error("the import hand-over store refused the read"));
      };
    };
  });
}
