// @ts-check
/**
 * IndexedDB plumbing shared by the extension's stores (snapshots, reference corpus): one
 * cached connection per database, reopened after another context upgrades it, and
 * transactions that resolve only once they have COMMITTED (not merely when their requests
 * succeeded). Errors say which store failed, in words a seller can read. This module owns
 * the plumbing only; what is stored, and when, is each store's business.
 */

/**
 * @typedef {object} Database
 * @property {<T>(mode: IDBTransactionMode, body: (store: IDBObjectStore) => T) => Promise<T>} transact
 *   runs `body` in one transaction over the store and resolves, once it has committed,
 *   with what `body` returned (fill it from request callbacks: they run before commit)
 */

/**
 * A database with one object store.
 * @param {object} spec
 * @param {string} spec.name          the database's name
 * @param {number} spec.version       its schema version
 * @param {string} spec.store         the object store's name
 * @param {(db: IDBDatabase) => void} spec.upgrade  creates the store when missing
 * @param {string} spec.what          how a message names it ("the snapshot store")
 * @returns {Database}
 */
export function database({ name, version, store, upgrade, what }) {
  /** @type {Promise<IDBDatabase> | null} */
  let opening = null;

  /** @returns {Promise<IDBDatabase>} */
  function open() {
    if (!opening) {
      opening = new Promise((resolve, reject) => {
        const req = indexedDB.open(name, version);
        req.onupgradeneeded = () => upgrade(req.result);
        req.onsuccess = () => {
          const db = req.result;
          // Another context upgrading the database closes this handle; reopen next time.
          db.onversionchange = () => {
            db.close();
            opening = null;
          };
          resolve(db);
        };
        req.onerror = () => reject(req.error ?? new Error(`${what} could not be opened`));
        req.onblocked = () => reject(new Error(`${what} is blocked by another Clearmark window; close it and retry`));
      });
      opening.catch(() => {
        opening = null;
      });
    }
    return opening;
  }

  return {
    async transact(mode, body) {
      const db = await open();
      return new Promise((resolve, reject) => {
        const tx = db.transaction(store, mode);
        /** @type {any} */
        let result;
        try {
          result = body(tx.objectStore(store));
        } catch (e) {
          tx.abort();
          reject(e);
          return;
        }
        tx.oncomplete = () => resolve(result);
        tx.onerror = () => reject(tx.error ?? new Error(`${what} refused the change`));
        tx.onabort = () => reject(tx.error ?? new Error(`${what} change was aborted (is the disk full?)`));
      });
    },
  };
}
