// @ts-check
/**
 * Benchmark (not a test; `make bench-keystroke`): keystroke → underline painted, in
 * Chromium with the assembled extension (dist/chrome) and its bundled snapshot, on the
 * Amazon fixture under its real host name.
 *
 * A person-like cadence of key presses goes into the title; brand names appear in the
 * text, so the engine's answers add and move underlines. For every key press the page
 * records its keydown time (main world, `event.timeStamp`); the content script keeps a log
 * of its paints (text length, `checked: true` when it drew the engine's answer, time on the
 * same document clock), read at the end through the extension (browsers.mjs `inspect`: the
 * page cannot read it) — the first paint that drew the engine's answer for the text the
 * key produced. Latency = that time − keydown. Printed: p50/p95/max over the key presses, and
 * as the baseline, in the same page and process, keydown → the page's own next animation
 * frame (the browser's floor for anything drawn in response to a key), with the ratio.
 *
 * Usage: node tests/e2e/bench-keystroke.mjs [--snapshot FILE] [keys=400] [delay-ms=40]
 *
 * With --snapshot, a copy of dist/chrome bundles FILE in place of the default snapshot
 * (e.g. the 5-million-mark file of `clearmark dev synth`), so the same keystrokes
 * run against that register.
 */
import { cpSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { parseArgs } from "node:util";
import { startServers } from "../../scripts/serve.mjs";
import { REPO, launchChromium } from "./browsers.mjs";
import { focusEnd } from "./editor-page.mjs";
import { quantile } from "./stats.mjs";

const { values: opts, positionals } = parseArgs({ options: { snapshot: { type: "string" } }, allowPositionals: true });
const KEYS = Number(positionals[0] || 400);
const DELAY = Number(positionals[1] || 40);

/** The extension to load: dist/chrome, or a copy of it bundling `--snapshot`. */
function extensionUnderTest() {
  if (!opts.snapshot) return { dir: join(REPO, "dist", "chrome"), label: "bundled snapshot", cleanup: () => {} };
  const scratch = mkdtempSync(join(tmpdir(), "clearmark-bench-ext-"));
  const dir = join(scratch, "chrome");
  cpSync(join(REPO, "dist", "chrome"), dir, { recursive: true });
  cpSync(opts.snapshot, join(dir, "snapshot", "default.snap"));
  const mb = (statSync(opts.snapshot).size / 1e6).toFixed(1);
  return { dir, label: `snapshot ${basename(opts.snapshot)} (${mb} MB)`, cleanup: () => rmSync(scratch, { recursive: true, force: true }) };
}
const PATH = ['kat-textarea[name="item_name-0-value"]', "shadow", "textarea"];

/** Installs the page-side recorders. */
function record() {
  const w = /** @type {any} */ (window);
  w.__keys = [];
  w.__frames = [];
  document.addEventListener("keydown", (e) => {
    w.__keys.push(e.timeStamp);
    requestAnimationFrame(() => w.__frames.push(performance.now()));
  }, true);
  if (!document.querySelector("clearmark-overlay")) throw new Error("no overlay: the extension did not run");
  return true;
}

const ext = extensionUnderTest();
const server = await startServers();
const browser = await launchChromium(server, ext.dir);
try {
  await browser.goto(`https://sellercentral.amazon.com:${server.httpsPort}/abis/listing/edit/`);
  for (let i = 0; i < 50 && !(await browser.evaluate(() => !!document.querySelector("clearmark-overlay"), null)); i++) {
    await new Promise((r) => setTimeout(r, 100));
  }
  await browser.evaluate(record, null);
  await browser.evaluate(focusEnd, PATH);
  const words = ["LEGO", "bricks", "set", "Nike", "compatible", "with", "Adidas", "classic", "toy", "for", "kids"];
  let text = "";
  for (let i = 0; text.length < KEYS; i++) text += words[i % words.length] + " ";
  text = text.slice(0, KEYS);
  for (const ch of text) {
    await browser.type(ch);
    await new Promise((r) => setTimeout(r, DELAY));
  }
  await new Promise((r) => setTimeout(r, 500));
  const page = await browser.evaluate(() => {
    const w = /** @type {any} */ (window);
    return { keys: w.__keys, frames: w.__frames };
  }, null);
  const data = { ...page, paints: (await browser.inspect()).paints };
  /** @type {number[]} */
  const lat = [];
  /** @type {number[]} */
  const edit = [];
  /** @type {number[]} */
  const fromInput = [];
  /** @type {number[]} */
  const toInput = [];
  /** @type {number[]} */
  const rttCs = [];
  let superseded = 0;
  data.keys.forEach((/** @type {number} */ t, /** @type {number} */ i) => {
    const p = data.paints.find((/** @type {any} */ x) => x.field === "title" && x.checked && x.length === i + 1 && x.at >= t);
    if (p) {
      lat.push(p.at - t);
      fromInput.push(p.at - p.inputAt);
      toInput.push(p.inputAt - t);
      rttCs.push(p.rtt);
    } else superseded++;
    // The first frame after the key, with the previous findings shifted over the edit.
    const q = data.paints.find((/** @type {any} */ x) => x.field === "title" && x.length === i + 1 && x.at >= t);
    if (q) edit.push(q.at - t);
  });
  const base = data.frames.map((/** @type {number} */ f, /** @type {number} */ i) => f - data.keys[i]).filter((/** @type {number} */ x) => x >= 0);
  const fmt = (/** @type {number} */ x) => x.toFixed(2).padStart(7);
  console.log(`keystroke → underline painted (engine's answer drawn), Chromium, ${ext.label}, ${data.keys.length} keys every ${DELAY} ms`);
  console.log(`  extension: p50 ${fmt(quantile(lat, 0.5))} ms  p95 ${fmt(quantile(lat, 0.95))} ms  max ${fmt(Math.max(...lat))} ms  (n=${lat.length}, superseded by a newer key: ${superseded})`);
  console.log(`  split: keydown → input event p50 ${fmt(quantile(toInput, 0.5))} ms; input event → answer drawn p50 ${fmt(quantile(fromInput, 0.5))} ms  p95 ${fmt(quantile(fromInput, 0.95))} ms; content script's check round trip p50 ${fmt(quantile(rttCs, 0.5))} ms  p95 ${fmt(quantile(rttCs, 0.95))} ms`);
  console.log(`  underlines moved with the text (previous answer, shifted): p50 ${fmt(quantile(edit, 0.5))} ms  p95 ${fmt(quantile(edit, 0.95))} ms`);
  console.log(`  baseline (keydown → page's next frame): p50 ${fmt(quantile(base, 0.5))} ms  p95 ${fmt(quantile(base, 0.95))} ms`);
  console.log(`  ratio p95 extension / baseline: ${(quantile(lat, 0.95) / quantile(base, 0.95)).toFixed(2)}×`);
  console.log(`  budget: p95 ≤ 16 ms → ${quantile(lat, 0.95) <= 16 ? "met" : "NOT met"}`);
  // Where the time goes: the check round trip alone (extension page → background wasm
  // engine → back), for the final title text, measured from an extension page.
  const finalText = text;
  const probe = await browser.extensionPage("options/options.html");
  const rtt = await probe.evaluate(async (/** @type {string} */ title) => {
    /** @type {number[]} */
    const out = [];
    for (let i = 0; i < 200; i++) {
      const t0 = performance.now();
      await chrome.runtime.sendMessage({ v: 1, type: "check", listing: { id: "bench", marketplace: "amazon.com", category: "Toys & Games > Building Toys", title } });
      out.push(performance.now() - t0);
    }
    return out;
  }, finalText);
  await probe.close();
  console.log(`  of which check round trip (page → background engine → page, ${finalText.length}-char title): p50 ${fmt(quantile(rtt, 0.5))} ms  p95 ${fmt(quantile(rtt, 0.95))} ms`);
  if (browser.consoleErrors().length) console.log(`  console: ${browser.consoleErrors().join(" | ")}`);
} finally {
  await browser.close();
  await server.close();
  ext.cleanup();
}
