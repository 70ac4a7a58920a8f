// @ts-check
/**
 * Benchmark (not a test; `make bench-engine-start`): how long the extension's background
 * takes from starting to load its bundled snapshot to having an engine ready, in Chromium
 * with the real extension, against the baseline of only fetching the same file into an
 * ArrayBuffer in the same service worker — and the peak memory of the extension's process.
 *
 * Each round launches a fresh Chromium with a copy of the extension that bundles
 * `--snapshot FILE` (e.g. the 5-million-mark file of `clearmark dev synth`), so the
 * worker, its wasm memory and its process start from nothing. In the worker it reads the
 * User Timing marks extension/updater.js sets (`clearmark:snapshot-load-start` before the
 * bundled snapshot is read, `clearmark:engine-ready` once the engine answers), then reads
 * the peak resident memory (VmHWM) of the extension's renderer process from /proc, then
 * times `fetch(bundled).arrayBuffer()` in the same worker (the baseline: what merely
 * having the bytes in JavaScript costs). Printed: per round and the median, with the
 * ratio load / baseline.
 *
 * `--ext DIR` benchmarks another assembled extension (default dist/chrome), e.g. one
 * built from an older commit with the same two marks added, for a before/after.
 *
 * Usage: node scripts/bench-engine-start.mjs [--snapshot FILE] [--ext DIR] [--rounds N]
 */
import { copyFileSync, cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const REPO = resolve(fileURLToPath(import.meta.url), "../..");
const { values: opts } = parseArgs({
  options: { snapshot: { type: "string" }, ext: { type: "string" }, rounds: { type: "string" } },
});
const ROUNDS = Number(opts.rounds || 5);
const SOURCE = resolve(opts.ext || join(REPO, "dist", "chrome"));
const LOAD_START = "clearmark:snapshot-load-start";
const ENGINE_READY = "clearmark:engine-ready";

/** A copy of the extension bundling `--snapshot`, in a scratch folder. */
function extensionUnderTest() {
  const scratch = mkdtempSync(join(tmpdir(), "clearmark-bench-start-"));
  const dir = join(scratch, "chrome");
  cpSync(SOURCE, dir, { recursive: true });
  if (opts.snapshot) copyFileSync(opts.snapshot, join(dir, "snapshot", "default.snap"));
  return { scratch, dir, bytes: statSync(join(dir, "snapshot", "default.snap")).size };
}

/**
 * Processes whose command line names `needle`, with their parent ids.
 * @returns {{pid: number, ppid: number, cmd: string}[]}
 */
function processes() {
  /** @type {{pid: number, ppid: number, cmd: string}[]} */
  const out = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const cmd = readFileSync(`/proc/${name}/cmdline`, "utf8").replaceAll("\0", " ");
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      out.push({ pid: Number(name), ppid, cmd });
    } catch {
      /* the process ended */
    }
  }
  return out;
}

/**
 * Peak and current resident memory (MB) of the extension process of the browser whose
 * profile is `profile`: the renderer with `--extension-process` among its descendants.
 * @param {string} profile
 */
function extensionMemory(profile) {
  const all = processes();
  const root = all.find((p) => p.cmd.includes(`--user-data-dir=${profile}`) && !p.cmd.includes("--type="));
  if (!root) return null;
  const family = new Set([root.pid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const p of all) {
      if (family.has(p.ppid) && !family.has(p.pid)) {
        family.add(p.pid);
        grew = true;
      }
    }
  }
  const ext = all.filter((p) => family.has(p.pid) && p.cmd.includes("--extension-process"));
  if (ext.length !== 1) return null;
  const status = readFileSync(`/proc/${ext[0].pid}/status`, "utf8");
  const kb = (/** @type {string} */ key) => Number((status.match(new RegExp(`${key}:\\s+(\\d+)`)) || [])[1] || NaN);
  return { peakMb: kb("VmHWM") / 1024, nowMb: kb("VmRSS") / 1024 };
}

/** @param {number[]} xs */
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

const { chromium } = await import("playwright-core");
const ext = extensionUnderTest();
console.log(`extension ${SOURCE}, snapshot ${opts.snapshot ? basename(opts.snapshot) : "bundled"} (${(ext.bytes / 1e6).toFixed(1)} MB), ${ROUNDS} rounds, each in a fresh Chromium`);
/** @type {{load: number, fetch: number, peak: number}[]} */
const rows = [];
try {
  for (let round = 0; round < ROUNDS; round++) {
    const profile = mkdtempSync(join(ext.scratch, "profile-"));
    const ctx = await chromium.launchPersistentContext(profile, {
      executablePath: "/usr/bin/chromium",
      headless: true,
      args: [
        `--disable-extensions-except=${ext.dir}`,
        `--load-extension=${ext.dir}`,
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
    try {
      const sw = ctx.serviceWorkers()[0] || (await ctx.waitForEvent("serviceworker", { timeout: 30000 }));
      const marks = await sw.evaluate(
        async ([start, ready]) => {
          for (let i = 0; i < 600 && performance.getEntriesByName(ready).length === 0; i++) {
            await new Promise((r) => setTimeout(r, 50));
          }
          const at = (/** @type {string} */ n) => performance.getEntriesByName(n)[0]?.startTime;
          return { start: at(start), ready: at(ready) };
        },
        [LOAD_START, ENGINE_READY],
      );
      if (marks.start === undefined || marks.ready === undefined) {
        throw new Error(`the worker set no ${LOAD_START} / ${ENGINE_READY} marks: is this an extension with them?`);
      }
      const mem = extensionMemory(profile);
      const fetched = await sw.evaluate(async () => {
        const t = performance.now();
        const bytes = await (await fetch(chrome.runtime.getURL("snapshot/default.snap"))).arrayBuffer();
        return { ms: performance.now() - t, bytes: bytes.byteLength };
      });
      const load = marks.ready - marks.start;
      rows.push({ load, fetch: fetched.ms, peak: mem ? mem.peakMb : NaN });
      console.log(
        `round ${round + 1}: load → engine ready ${load.toFixed(0)} ms; baseline fetch → ArrayBuffer ${fetched.ms.toFixed(0)} ms` +
          ` (${fetched.bytes} bytes); ratio ${(load / fetched.ms).toFixed(2)}; extension process peak RSS ${mem ? mem.peakMb.toFixed(0) : "?"} MB`,
      );
    } finally {
      await ctx.close();
      rmSync(profile, { recursive: true, force: true });
    }
  }
  const load = median(rows.map((r) => r.load));
  const base = median(rows.map((r) => r.fetch));
  console.log(
    `median: load → engine ready ${load.toFixed(0)} ms, baseline fetch ${base.toFixed(0)} ms, ratio ${(load / base).toFixed(2)}; ` +
      `peak RSS ${median(rows.map((r) => r.peak)).toFixed(0)} MB (snapshot ${(ext.bytes / 1e6).toFixed(1)} MB)`,
  );
} finally {
  rmSync(ext.scratch, { recursive: true, force: true });
}
