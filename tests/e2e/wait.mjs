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

/**
 * `promise`, or a rejection naming `what` after `ms`: for browser calls that have no
 * timeout of their own (page.evaluate, WebDriver scripts, closing a browser), so a
 * browser that stops answering fails the test at that step instead of holding the run.
 * @template T
 * @param {string} what
 * @param {Promise<T>} promise
 * @param {number} [ms]
 * @returns {Promise<T>}
 */
export function bounded(what, promise, ms = 60_000) {
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  const late = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms / 1000} s: ${what}`)), ms);
  });
  return /** @type {Promise<T>} */ (Promise.race([promise, late]).finally(() => clearTimeout(timer)));
}

/**
 * Runs every teardown step, each bounded and named, even when an earlier one fails, so
 * one stuck step neither holds the run nor leaks what the later steps would have closed;
 * then fails with every step that did not finish.
 * @param {[string, () => Promise<unknown> | undefined][]} steps  [what, close]
 * @param {number} [ms]  per step
 */
export async function teardown(steps, ms = 60_000) {
  const failed = [];
  for (const [what, close] of steps) {
    try {
      await bounded(what, Promise.resolve(close()), ms);
    } catch (e) {
      failed.push(e);
    }
  }
  if (failed.length) throw new AggregateError(failed, `teardown: ${failed.map((e) => /** @type {Error} */ (e).message).join("; ")}`);
}
