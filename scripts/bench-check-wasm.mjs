// @ts-check
// Times `engine.check(listing)` of the wasm engine (dist/pkg, as the extension's background
// loads it) on the listings `clearmark dev bench check --listing-out FILE` generated (JSON lines:
// the listing checked again and again, then unseen ones: half warm an engine up, half are
// timed once each), so the native and wasm figures are for the same text. Prints medians and the ratio to a baseline
// run in the same process: normalising the same fields in JavaScript (NFKC, lower case,
// split into words), the floor any checker pays. Timings are printed, never asserted.
//
// Usage: node scripts/bench-check-wasm.mjs SNAPSHOT LISTING_JSON [RUNS] [PKG_DIR]
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import path from "node:path";

const [snapPath, listingPath, runsArg, pkgArg] = process.argv.slice(2);
if (!snapPath || !listingPath) {
  console.error("usage: node scripts/bench-check-wasm.mjs SNAPSHOT LISTING_JSON [RUNS] [PKG_DIR]");
  process.exit(2);
}
const runs = Number(runsArg ?? 2000);
const pkg = path.resolve(pkgArg ?? "dist/pkg");
const glue = await import(pathToFileURL(path.join(pkg, "clearmark.js")).href);
await glue.default({ module_or_path: readFileSync(path.join(pkg, "clearmark_bg.wasm")) });

const snapshot = readFileSync(snapPath);
const [listing, ...others] = readFileSync(listingPath, "utf8")
  .split("\n")
  .filter((line) => line.trim())
  .map((line) => JSON.parse(line));
/** @type {string[]} */
const fields = [listing.title, ...(listing.bullets ?? []), listing.description, listing.keywords]
  .filter((f) => typeof f === "string");

/** @param {number[]} xs */
const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
/** @param {number} n @param {() => void} f */
function time(n, f) {
  const out = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    f();
    out.push(performance.now() - t);
  }
  return median(out);
}

let t = performance.now();
const engine = new glue.Engine(snapshot);
const loadMs = performance.now() - t;
const findings = engine
  .check(listing)
  .findings.filter((/** @type {{severity: string}} */ f) => f.severity !== "low").length;

let sink = 0;
const check = time(runs, () => {
  sink += engine.check(listing).findings.length;
});
// First check of the listing by a fresh engine (no records decoded yet), after the runs
// above so that the JIT has compiled the engine's code optimised; engine creation
// (copying the snapshot into wasm memory) is not part of the time.
const coldRuns = Math.max(1, Math.min(20, Math.ceil(runs / 20)));
const cold = [];
for (let i = 0; i < coldRuns; i++) {
  const fresh = new glue.Engine(snapshot);
  t = performance.now();
  fresh.check(listing);
  cold.push(performance.now() - t);
  fresh.free();
}
// Listings the engine has not seen, each checked once by an engine that has checked as
// many others before.
const seasoned = new glue.Engine(snapshot);
const half = Math.floor(others.length / 2);
for (const other of others.slice(0, half)) seasoned.check(other);
const unseen = others.slice(half).map((other) => {
  t = performance.now();
  sink += seasoned.check(other).findings.length;
  return performance.now() - t;
});
seasoned.free();
const baseline = time(runs, () => {
  for (const f of fields) sink += f.normalize("NFKC").toLowerCase().split(/[^\p{L}\p{N}]+/u).length;
});
const us = (/** @type {number} */ ms) => (ms * 1000).toFixed(1).padStart(9);
console.log(`snapshot           ${snapshot.length} bytes, engine created in ${loadMs.toFixed(1)} ms`);
console.log(`listing            ${fields.length} fields, ${fields.join("").length} UTF-16 units, ${findings} findings (high/medium)`);
console.log(`wasm check         ${us(check)} µs median of ${runs} runs`);
if (unseen.length) {
  console.log(`wasm new listing   ${us(median(unseen))} µs median of ${unseen.length} listings, each checked once after ${half} others`);
}
console.log(`wasm first check   ${us(median(cold))} µs median of ${coldRuns} runs, each by a fresh engine`);
console.log(`JS normalise only  ${us(baseline)} µs   check / JS normalise = ${(check / baseline).toFixed(2)}`);
if (sink < 0) console.log(sink);
