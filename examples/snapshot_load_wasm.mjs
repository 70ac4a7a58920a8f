// Times Snapshot::from_bytes inside wasm against copying the same bytes into wasm memory
// (the baseline), in one Node process, and splits what getting the bytes into a fresh
// wasm instance costs: memory.grow, the first copy into untouched pages (page faults +
// copy), the same copy again into the now-touched pages (the copy alone), and the same
// two copies into a plain JS Uint8Array for comparison.
// Usage: node snapshot_load_wasm.mjs WASM SNAPSHOT
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";

const [wasmPath, snapPath] = process.argv.slice(2);
const module = await WebAssembly.compile(readFileSync(wasmPath));
// The library links the wasm-bindgen facade; nothing here calls it, so its imports are
// stubs that fail loudly if they ever are.
const imports = {};
for (const { module: m, name } of WebAssembly.Module.imports(module)) {
  imports[m] ??= {};
  imports[m][name] = () => { throw new Error(`unexpected call to ${m}.${name}`); };
}
const file0 = readFileSync(snapPath);
const ms = (/** @type {number} */ t) => (performance.now() - t).toFixed(1);
let bestFresh = Infinity;
for (let trial = 0; trial < 3; trial++) {
  const fresh = await WebAssembly.instantiate(module, imports);
  const { memory: m, bench_alloc: alloc } = /** @type {any} */ (fresh.exports);
  let t = performance.now();
  const p = alloc(file0.length);
  const grow = ms(t);
  t = performance.now();
  new Uint8Array(m.buffer, p, file0.length).set(file0);
  const first = ms(t);
  t = performance.now();
  new Uint8Array(m.buffer, p, file0.length).set(file0);
  const again = ms(t);
  t = performance.now();
  const js = new Uint8Array(file0.length);
  js.set(file0);
  const jsFirst = ms(t);
  t = performance.now();
  js.set(file0);
  const jsAgain = ms(t);
  bestFresh = Math.min(bestFresh, Number(grow) + Number(first));
  console.log(`fresh instance ${trial}: alloc (memory.grow) ${grow} ms, first copy ${first} ms, same pages again ${again} ms; JS Uint8Array: first ${jsFirst} ms, again ${jsAgain} ms`);
}
const instance = await WebAssembly.instantiate(module, imports);
const { memory, bench_alloc, bench_load, bench_lookups } = instance.exports;
const file = file0;
const rounds = 7;
let bestCopy = Infinity, bestLoad = Infinity, records = 0;
for (let i = 0; i < rounds; i++) {
  const ptr = bench_alloc(file.length);
  let t = performance.now();
  new Uint8Array(memory.buffer, ptr, file.length).set(file);
  bestCopy = Math.min(bestCopy, performance.now() - t);
  t = performance.now();
  records = bench_load(ptr, file.length);
  bestLoad = Math.min(bestLoad, performance.now() - t);
}
const ptr = bench_alloc(file.length);
new Uint8Array(memory.buffer, ptr, file.length).set(file);
const step = Math.max(1, Math.floor(records / 1000));
let t = performance.now();
const found = bench_lookups(ptr, file.length, step);
const lookups = Math.ceil(records / step);
const lookupMs = performance.now() - t;
console.log(`snapshot: ${file.length} bytes, ${records} records`);
console.log(`copy into wasm memory, pages already touched (baseline): ${bestCopy.toFixed(3)} ms`);
console.log(`Snapshot::from_bytes in wasm:     ${bestLoad.toFixed(3)} ms  ratio ${(bestLoad / bestCopy).toFixed(4)}`);
console.log(`alloc + first copy + load (what an engine start pays, fresh memory): ${(bestFresh + bestLoad).toFixed(3)} ms`);
console.log(`${lookups} record + lookup round trips: ${(lookupMs * 1000 / lookups).toFixed(1)} µs each (incl. one load), ${found} records found`);
