// @ts-check
/**
 * Watching the page for fields that appear, disappear or are re-rendered: one
 * MutationObserver per root (document or open shadow root) and a load listener per iframe,
 * each registered once and all removed by `disconnect()`. Mutations are coalesced into one
 * callback per animation frame. Mutations the extension causes itself (its overlay host)
 * and typing inside a known contenteditable field are ignored, so typing does not trigger
 * rediscovery. This module watches; it never changes the page.
 */

const ClearmarkObserve = (() => {
  /**
   * @param {() => void} onChange  called (at most once per frame) after relevant mutations
   * @param {(node: Node) => boolean} ignore  true for nodes whose mutations do not matter
   */
  function createWatcher(onChange, ignore) {
    /** @type {Map<Node, MutationObserver>} */
    const observers = new Map();
    /** @type {Map<HTMLIFrameElement, () => void>} */
    const frameListeners = new Map();
    let scheduled = 0;
    let closed = false;

    const schedule = () => {
      if (scheduled || closed) return;
      scheduled = requestAnimationFrame(() => {
        scheduled = 0;
        if (!closed) onChange();
      });
    };

    /** @param {MutationRecord[]} records */
    const onMutations = (records) => {
      for (const r of records) {
        if (ignore(r.target)) continue;
        if (r.type === 'childList') {
          const nodes = [...Array.from(r.addedNodes), ...Array.from(r.removedNodes)];
          if (nodes.length && nodes.every((n) => ignore(n))) continue;
        }
        schedule();
        return;
      }
    };

    return {
      /**
       * Observe each root not yet observed; stop observing roots that left the page.
       * @param {Array<Document|ShadowRoot>} roots
       * @param {Array<HTMLIFrameElement>} frames
       */
      sync(roots, frames) {
        if (closed) return;
        const keep = new Set(roots);
        for (const [root, obs] of observers) {
          if (!keep.has(/** @type {Document|ShadowRoot} */ (root))) {
            obs.disconnect();
            observers.delete(root);
          }
        }
        for (const root of roots) {
          if (observers.has(root)) continue;
          const obs = new MutationObserver(onMutations);
          obs.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ['contenteditable', 'name', 'id', 'type', 'readonly', 'hidden'] });
          observers.set(root, obs);
        }
        const keepFrames = new Set(frames);
        for (const [f, off] of frameListeners) {
          if (!keepFrames.has(f) || !f.isConnected) {
            off();
            frameListeners.delete(f);
          }
        }
        for (const f of frames) {
          if (frameListeners.has(f)) continue;
          f.addEventListener('load', schedule);
          frameListeners.set(f, () => f.removeEventListener('load', schedule));
        }
      },
      /** Ask for a rediscovery at the next frame. */
      schedule,
      /** How many roots are observed (for tests and the popup's diagnostics). */
      get size() {
        return observers.size;
      },
      /** Remove every observer and listener. */
      disconnect() {
        closed = true;
        if (scheduled) cancelAnimationFrame(scheduled);
        for (const obs of observers.values()) obs.disconnect();
        observers.clear();
        for (const off of frameListeners.values()) off();
        frameListeners.clear();
      },
    };
  }
  return { createWatcher };
})();
