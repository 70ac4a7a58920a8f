// @ts-check
/**
 * The content script's line to the background: one long-lived port (named
 * ClearmarkProtocol.PORT_NAME) instead of a new message channel per check, which keeps the
 * round trip short while the seller types. Requests carry an id; answers come back with
 * it. If the port closes (the background was stopped or the extension reloaded), pending
 * requests fail with a sentence and the next request opens a new port. Only transport: it
 * knows nothing of fields or findings.
 */

const ClearmarkChannel = (() => {
  /**
   * @param {string} name
   * @param {() => void} onGone  called when the extension itself is gone (reloaded or removed)
   */
  function create(name, onGone) {
    /** @type {chrome.runtime.Port|null} */
    let port = null;
    let next = 1;
    /** @type {Map<number, {resolve: (v: any) => void, reject: (e: Error) => void}>} */
    const pending = new Map();
    let closed = false;

    const open = () => {
      const p = chrome.runtime.connect({ name });
      p.onMessage.addListener((/** @type {any} */ m) => {
        const waiter = m && pending.get(m.id);
        if (!waiter) return;
        pending.delete(m.id);
        waiter.resolve(m.response);
      });
      p.onDisconnect.addListener(() => {
        // Reading lastError keeps the browser from logging it as unchecked.
        void chrome.runtime.lastError;
        if (port === p) port = null;
        for (const w of pending.values()) w.reject(new Error('Clearmark lost its connection to the checker; it reconnects on the next keystroke.'));
        pending.clear();
        // An orphaned script (the extension was reloaded or removed) has no runtime id left.
        if (!chrome.runtime?.id) onGone();
      });
      return p;
    };

    return {
      /**
       * Send one protocol request; resolves with its response.
       * @param {unknown} request
       * @returns {Promise<any>}
       */
      request(request) {
        if (closed) return Promise.reject(new Error('closed'));
        return new Promise((resolve, reject) => {
          try {
            if (!port) port = open();
            const id = next++;
            pending.set(id, { resolve, reject });
            port.postMessage({ id, request });
          } catch (e) {
            reject(e instanceof Error ? e : new Error(String(e)));
          }
        });
      },
      /** Close the port and fail what is pending. */
      close() {
        closed = true;
        const p = port;
        port = null;
        pending.clear();
        try {
          p?.disconnect();
        } catch {
          /* already gone */
        }
      },
    };
  }
  return { create };
})();
