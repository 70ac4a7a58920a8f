// @ts-check
/**
 * Measures what an update costs the background, in Node with the built wasm (dist/pkg),
 * as extension/updater.js does it: the file pushed into a `SnapshotBuffer`, then
 * `verifyUpdate` (size, SHA-256, signature, structure, header) or `intoEngine` (the
 * swap's load) on a real snapshot file, against two baselines run in the same process —
 * `header` (copy + structure only, what a load without verification costs) and Node's
 * native SHA-256 of the same bytes — and prints the ratios.
 *
 * Usage: node scripts/bench-update.mjs SNAPSHOT [ROUNDS]
 *   e.g. target/debug/clearmark dev synth --marks 1000000 --out tmp/synth.snap
 * The feed manifest is signed here with a throwaway key (clearmark snapshot publish).
 */
import { execFileSync } from "node:child_process";
import { createHash, generateKeyPairSync } from "node:crypto";
import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const REPO = resolve(fileURLToPath(import.meta.url), "../..");
const [file, roundsArg] = process.argv.slice(2);
if (!file) {
  console.error("usage: node scripts/bench-update.mjs SNAPSHOT [ROUNDS]");
  process.exit(2);
}
const rounds = Number(roundsArg ?? 5);

const pkg = await import(join(REPO, "dist/pkg/clearmark.js"));
await pkg.default({ module_or_path: readFileSync(join(REPO, "dist/pkg/clearmark_bg.wasm")) });

// Publish the file into a scratch feed with a throwaway key, as the workflow would.
const dir = mkdtempSync(join(tmpdir(), "clearmark-bench-"));
const { privateKey, publicKey } = generateKeyPairSync("ed25519");
const hex = (/** @type {string | undefined} */ s) => Buffer.from(s ?? "", "base64url").toString("hex");
writeFileSync(join(dir, "feed.key"), hex(privateKey.export({ format: "jwk" }).d) + "\n");
const keys = hex(publicKey.export({ format: "jwk" }).x) + "\n";
execFileSync(join(REPO, "target/debug/clearmark"), ["snapshot", "publish", "--key", join(dir, "feed.key"), "--out", join(dir, "feed"), file], { stdio: "inherit" });
const manifest = readFileSync(join(dir, "feed", "latest.json"), "utf8");
const bytes = new Uint8Array(readFileSync(join(dir, "feed", JSON.parse(manifest).file)));

/**
 * Median milliseconds of `rounds` runs of `fn`.
 * @param {() => unknown} fn
 */
function time(fn) {
  const ms = [];
  for (let i = 0; i < rounds; i++) {
    const t = performance.now();
    const r = fn();
    ms.push(performance.now() - t);
    /** @type {any} */ (r)?.free?.();
  }
  ms.sort((a, b) => a - b);
  return ms[Math.floor(ms.length / 2)];
}

/** The file in a wasm `SnapshotBuffer`, as the updater reads it. */
function buffered() {
  const b = new pkg.SnapshotBuffer(bytes.length);
  b.push(bytes);
  return b;
}

const header = time(() => {
  const b = buffered();
  b.header();
  return b;
});
const sha = time(() => createHash("sha256").update(bytes).digest());
const verify = time(() => {
  const b = buffered();
  b.verifyUpdate(manifest, keys, "0.1.0", Date.now(), undefined);
  return b;
});
const load = time(() => buffered().intoEngine());
const mb = statSync(file).size / (1 << 20);
const row = (/** @type {string} */ name, /** @type {number} */ ms) =>
  console.log(`${name.padEnd(50)} ${ms.toFixed(1).padStart(8)} ms  ${(ms / header).toFixed(1).padStart(6)}× header  ${(ms / sha).toFixed(1).padStart(6)}× node sha256`);
console.log(`${file}: ${mb.toFixed(1)} MB, median of ${rounds} rounds`);
row("header (baseline: copy + structure)", header);
row("node crypto sha256 (baseline: native hash)", sha);
row("verifyUpdate (copy, size, sha256, signature, ...)", verify);
row("intoEngine (copy, load for the swap)", load);
