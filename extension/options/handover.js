// @ts-check
/**
 * Hands a file the seller chose to the background: too large for a message, it is stored
 * as a Blob in the extension's IndexedDB (IMPORT_DB/IMPORT_STORE, extension/protocol.js)
 * under a fresh key, which the request then names; the background takes it out
 * (store.js `takeHandedOver`).
 */

import "../protocol.js";

const P = globalThis.ClearmarkProtocol;

/**
 * Stores `blob` for the background and resolves with its key once committed.
 * @param {Blob} blob
 * @returns {Promise<string>}
 */
export function handOver(blob) {
  const key = crypto.randomUUID();
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(P.IMPORT_DB, 1);
    open.onupgradeneeded = () => open.result.createObjectStore(P.IMPORT_STORE);
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction(P.IMPORT_STORE, "readwrite");
      tx.objectStore(P.IMPORT_STORE).put(blob, key);
      tx.oncomplete = () => { db.close(); resolve(key); };
      tx.onerror = () => { db.close(); reject(tx.error); };
    };
  });
}
