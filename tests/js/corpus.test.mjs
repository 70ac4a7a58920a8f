// @ts-check
/**
 * The reference corpus in the background (extension/corpus.js) against a stand-in store and
 * engine, in Node: a listing reaches the engine only after the store committed it, one the
 * engine refuses leaves the store, and a new engine is given the stored listings through
 * the store's cursor (`forEach`), never by loading the store whole. `make test-js`.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { ReferenceCorpus } from "../../extension/corpus.js";

/** A stand-in engine that records what it was given; refuses ids starting with "bad". */
function fakeEngine() {
  const held = new Map();
  return {
    held,
    /** @param {CorpusListing} l */
    addCorpusListing(l) {
      if (l.id.startsWith("bad")) throw new Error("the engine cannot read it");
      held.set(l.id, l);
      return [];
    },
    /** @param {string} id */
    removeCorpusListing: (id) => held.delete(id),
    clearCorpus: () => held.clear(),
  };
}

/**
 * A stand-in store: `put` waits for `commit()` (or fails with `fail()`); `all` does not exist.
 * @param {CorpusListing[]} [initial]
 */
function fakeStore(initial = []) {
  const rows = new Map(initial.map((l) => [l.id, l]));
  /** @type {Array<{resolve: () => void, reject: (e: Error) => void}>} */
  const waiting = [];
  /** @type {string[][]} */
  const removed = [];
  return {
    rows,
    removed,
    CAPACITY: 100,
    /** @param {(l: CorpusListing) => void} fn */
    async forEach(fn) {
      for (const l of rows.values()) fn(l);
    },
    count: async () => rows.size,
    /** @param {CorpusListing[]} listings */
    put(listings) {
      return new Promise((resolve, reject) => {
        waiting.push({
          resolve: () => {
            for (const l of listings) rows.set(l.id, l);
            resolve({ count: rows.size, evicted: [] });
          },
          reject,
        });
      });
    },
    /** @param {string[]} ids */
    async remove(ids) {
      removed.push(ids);
      for (const id of ids) rows.delete(id);
    },
    clear: async () => rows.clear(),
    commit: () => /** @type {{resolve: () => void}} */ (waiting.shift()).resolve(),
    fail: () => /** @type {{reject: (e: Error) => void}} */ (waiting.shift()).reject(new Error("QuotaExceededError")),
  };
}

const settings = async () => ({ collectCorpus: true });
const listing = (/** @type {string} */ id) => ({ id, title: `Wooden train track set ${id}` });
const tick = () => new Promise((r) => setImmediate(r));

test("a listing reaches the engine only after the store committed it", async () => {
  const store = fakeStore();
  const engine = fakeEngine();
  const corpus = new ReferenceCorpus(settings, store);
  const answered = corpus.answer({ v: 1, type: "corpusImport", listings: [listing("a"), listing("b")] }, engine);
  await tick();
  assert.equal(engine.held.size, 0, "nothing in the engine while the store has not committed");
  store.commit();
  const res = await answered;
  assert.equal(res.ok, true);
  assert.deepEqual([...engine.held.keys()], ["a", "b"]);
});

test("a store that fails leaves the engine unchanged", async () => {
  const store = fakeStore();
  const engine = fakeEngine();
  const corpus = new ReferenceCorpus(settings, store);
  const answered = corpus.answer({ v: 1, type: "corpusAdd", listing: listing("a") }, engine);
  await tick();
  store.fail();
  await assert.rejects(answered, /QuotaExceededError/);
  assert.equal(engine.held.size, 0);
});

test("a listing the engine refuses leaves the store again", async () => {
  const store = fakeStore();
  const engine = fakeEngine();
  const corpus = new ReferenceCorpus(settings, store);
  const answered = corpus.answer({ v: 1, type: "corpusImport", listings: [listing("a"), listing("bad1")] }, engine);
  await tick();
  store.commit();
  const res = /** @type {any} */ (await answered);
  assert.equal(res.ok, true);
  assert.equal(res.count, 1);
  assert.equal(res.added, 1);
  assert.match(res.rejected[0], /^bad1: /);
  assert.deepEqual(store.removed, [["bad1"]]);
  assert.deepEqual([...store.rows.keys()], ["a"], "store and engine agree");
  assert.deepEqual([...engine.held.keys()], ["a"]);
});

test("a new engine gets every stored listing through the store's cursor", async () => {
  const store = fakeStore([listing("a"), listing("bad2"), listing("c")]);
  const engine = fakeEngine();
  await new ReferenceCorpus(settings, store).prepare(engine);
  assert.deepEqual([...engine.held.keys()], ["a", "c"], "the ones the engine reads, the others skipped");
});
