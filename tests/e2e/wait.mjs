// @ts-check
/**
 * Waiting in e2e tests: the page and the extension answer asynchronously, so tests poll
 * for a state rather than sleep for a guessed time.
 */

/**
 * Polls `fn` until `ok` holds of its result or the time runs out; returns the last value
 * (the caller asserts on it, so a timeout fails with what was last seen).
 * @template T
 * @param {() => Promise<T>} fn
 * @param {(v: T) => boolean} ok
 * @param {number} [ms]
 */
export async function waitFor(fn, ok, ms = 8000) {
  const end = Date.now() + ms;
  let v = await fn();
  while (!ok(v) && Date.now() < end) {
    await sleep(50);
    v = await fn();
  }
  return v;
}

/** @param {number} ms */
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
