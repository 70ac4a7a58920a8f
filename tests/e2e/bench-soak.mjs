// @ts-check
/**
 * Soak benchmark (not a test; `make bench-soak`): a seller typing for a minute, in Chromium
 * with the assembled extension (dist/chrome) and its bundled snapshot, into the title of
 * the Amazon fixture under its real host name. It asks two things: does keystroke latency
 * drift as the minute goes on, and does the extension's memory stay flat?
 *
 * The typing: real key presses (trusted events) at a steady rate. After a base text, one
 * phrase after another is typed and deleted again with Backspace, round and round: brand
 * names the bundled snapshot knows ("Disney princess", "Stanley cup", "Nintendo Switch")
 * between ordinary words, so underlines appear and go away again and the engine, the
 * overlay and the mirror really work; the text stays short, so a later key costs what an
 * earlier one did. A round of phrases is 200 keys: 10 s at 20 keys/s.
 *
 * Latency of a key: from its keydown (the page's `event.timeStamp`) to the first paint of
 * the content script that drew the engine's answer (`checked`) for a text that includes
 * the key (text version ≥ the key's). The content script's paint log is read through the
 * extension (browsers.mjs `inspect`: the overlay is a closed shadow root). A key whose own
 * version was never drawn checked — a newer key superseded its check — is counted as
 * superseded; its latency is still to the answer that included it. Beside it: the check's
 * round trip (content script → background engine → content script) of the answers drawn,
 * and, as the baseline, keydown → the page's next animation frame, in the same page.
 *
 * Typing runs in windows (10 s by default). After each, the run waits until the last
 * key's answer is drawn, reads and empties the paint log, then measures memory, and types
 * on; the measuring is not inside any window's latencies. Memory, each figure after a
 * forced garbage collection (DevTools `HeapProfiler.collectGarbage`) so it is what is
 * live, not garbage:
 * - background: the extension's service worker, its JS heap used (`Runtime.getHeapUsage`)
 *   and the size of its WebAssembly memories (found with `Runtime.queryObjects`): the wasm
 *   engine's heap, which grows and never shrinks, so growth there is its high-water mark
 *   rising;
 * - page: the page's renderer isolate (`Runtime.getHeapUsage`; the page's own script and
 *   the content script share it), with `Memory.getDOMCounters` (DOM nodes, JS event
 *   listeners of the renderer);
 * - overlay: elements in the overlay's shadow root (`inspect().nodes`).
 * Printed: one row per window (keys, rate reached, how often the drawn underlines changed,
 * latency p50/p95/max, keys superseded, check round trip p95, frame baseline p95/max,
 * memory after the window), then start, end and
 * end/start of each memory figure. No figure is asserted: this is a benchmark.
 *
 * Usage: node tests/e2e/bench-soak.mjs [--seconds 60] [--rate 20] [--window 10]
 *   (keys per second; seconds of typing in all; seconds per window)
 */
import { parseArgs } from "node:util";
import { startServers } from "../../scripts/serve.mjs";
import { launchChromium } from "./browsers.mjs";
import { focusEnd } from "./editor-page.mjs";
import { quantile } from "./stats.mjs";
import { bounded, sleep, waitFor } from "./wait.mjs";

const { values: opts } = parseArgs({
  options: {
    seconds: { type: "string", default: "60" },
    rate: { type: "string", default: "20" },
    window: { type: "string", default: "10" },
  },
});
/** @param {string} name @param {string|undefined} v */
const positive = (name, v) => {
  const n = Number(v);
  if (!(n > 0)) throw new Error(`--${name} must be a positive number, not ${v}`);
  return n;
};
const SECONDS = positive("seconds", opts.seconds);
const RATE = positive("rate", opts.rate);
const WINDOW = Math.min(positive("window", opts.window), SECONDS);

const PATH = ['kat-textarea[name="item_name-0-value"]', "shadow", "textarea"];
const FIELD = "title";
/** Typed once; stays while the phrases come and go. */
const BASE = "Kids water bottle ";
/**
 * Typed after BASE and deleted again, in turn: three with a brand the snapshot flags, three
 * without. 100 characters, so a round is 200 keys: at the default rate and window every
 * window ends on BASE alone, the text the run starts from, and the memory figures compare
 * like with like.
 */
const PHRASES = ["Disney princess mug ", "steel lid and straw ", "for Stanley cup fans ", "leak proof ", "Nintendo Switch case ", "no BPA "];

/** The key presses of the soak, forever: each phrase's characters, then as many Backspaces. */
function* keystrokes() {
  for (;;) {
    for (const phrase of PHRASES) {
      yield* phrase;
      for (let i = 0; i < phrase.length; i++) yield "Backspace";
    }
  }
}

/**
 * Runs in the page: records every trusted keydown's time, the field's length after the
 * input it caused, and the page's next animation frame (the baseline), for the run to
 * take (and empty) after each window.
 */
function recordKeys() {
  /** @type {Array<{down: number, length: number, frame: number}>} */
  const keys = [];
  /** @type {any} */ (window).__soakKeys = keys;
  document.addEventListener("keydown", (e) => {
    if (!e.isTrusted) return;
    const k = { down: e.timeStamp, length: -1, frame: -1 };
    keys.push(k);
    requestAnimationFrame(() => {
      k.frame = performance.now();
    });
  }, true);
  document.addEventListener("input", (e) => {
    const field = /** @type {HTMLTextAreaElement} */ (e.composedPath()[0]);
    if (keys.length) keys[keys.length - 1].length = field.value.length;
  }, true);
  return true;
}

/** Runs in the page: the keys recorded since the last call. */
function takeKeys() {
  return /** @type {Array<{down: number, length: number, frame: number}>} */ (/** @type {any} */ (window).__soakKeys.splice(0));
}

const server = await startServers();
const browser = await launchChromium(server);
const devtools = /** @type {NonNullable<typeof browser.devtools>} */ (browser.devtools);
try {
  await browser.goto(`https://sellercentral.amazon.com:${server.httpsPort}/abis/listing/edit/`);
  const ready = await waitFor(() => browser.inspect(), (s) => s.hosts === 1, 15_000);
  if (ready.hosts !== 1) throw new Error("no overlay on the page: the extension did not run");
  const pageTools = await devtools("page");
  const backgroundTools = await devtools("background");
  const ask = (/** @type {string} */ what, /** @type {Promise<any>} */ p) => bounded(what, p);

  /** Bytes of every WebAssembly memory of the background (the engine's). */
  const wasmBytes = async () => {
    const group = "soak-wasm";
    const proto = await backgroundTools.send("Runtime.evaluate", { expression: "WebAssembly.Memory.prototype", objectGroup: group });
    const found = await backgroundTools.send("Runtime.queryObjects", { prototypeObjectId: proto.result.objectId, objectGroup: group });
    const sum = await backgroundTools.send("Runtime.callFunctionOn", {
      objectId: found.objects.objectId, returnByValue: true,
      functionDeclaration: "function () { return this.reduce((a, m) => a + m.buffer.byteLength, 0); }",
    });
    await backgroundTools.send("Runtime.releaseObjectGroup", { objectGroup: group });
    return /** @type {number} */ (sum.result.value);
  };

  /** Memory after a forced garbage collection in the page and in the background. */
  const measure = async () => {
    const nodes = (await ask("overlay nodes", browser.inspect())).nodes;
    await ask("page GC", pageTools.send("HeapProfiler.collectGarbage"));
    await ask("background GC", backgroundTools.send("HeapProfiler.collectGarbage"));
    const bg = await ask("background heap", backgroundTools.send("Runtime.getHeapUsage"));
    const wasm = await ask("background wasm memory", wasmBytes());
    const page = await ask("page heap", pageTools.send("Runtime.getHeapUsage"));
    const dom = await ask("page DOM counters", pageTools.send("Memory.getDOMCounters"));
    return {
      bgHeap: bg.usedSize, bgWasm: wasm, pageHeap: page.usedSize,
      domNodes: dom.nodes, listeners: dom.jsEventListeners, overlayNodes: nodes,
    };
  };

  /**
   * Waits until the title's paint log holds a paint that drew the engine's answer for a
   * text `length` long with version ≥ `version`, then reads and empties the log.
   * @param {number} version @param {number} length
   */
  const settle = async (version, length) => {
    const done = (/** @type {Awaited<ReturnType<typeof browser.inspect>>} */ s) =>
      s.paints.some((p) => p.field === FIELD && p.checked && p.version >= version && p.length === length);
    const s = await waitFor(() => browser.inspect(), done, 15_000);
    if (!done(s)) throw new Error(`the answer for the title's text version ${version} (${length} characters) was not drawn within 15 s`);
    return (await browser.inspect({ drain: true })).paints.filter((p) => p.field === FIELD);
  };

  await browser.evaluate(recordKeys, null);
  await browser.evaluate(focusEnd, PATH);
  await browser.type(BASE);
  const primed = await settle(0, BASE.length);
  await browser.evaluate(takeKeys, null);
  /** The title's text version once BASE is drawn checked: each key after it adds one. */
  let version = Math.max(...primed.filter((p) => p.checked).map((p) => p.version));
  const before = await measure();

  const keys = keystrokes();
  const period = 1000 / RATE;
  const windows = Math.ceil(SECONDS / WINDOW);
  /** @type {Array<{from: number, to: number, keys: number, rate: number, lagMs: number, changes: number, maxDrawn: number, p50: number, p95: number, max: number, superseded: number, rttP95: number, frameP95: number, frameMax: number, mem: Awaited<ReturnType<typeof measure>>}>} */
  const rows = [];
  for (let w = 0; w < windows; w++) {
    const from = w * WINDOW;
    const to = Math.min(SECONDS, from + WINDOW);
    const count = Math.round((to - from) * RATE);
    const t0 = performance.now();
    let lagMs = 0;
    for (let i = 0; i < count; i++) {
      // Pacing the typist to the rate (not waiting for the page): each key at its time,
      // or at once when the previous press took longer than a period.
      const due = t0 + i * period - performance.now();
      if (due > 0) await sleep(due);
      else lagMs = Math.max(lagMs, -due);
      const key = /** @type {string} */ (keys.next().value);
      if (key === "Backspace") await browser.press(key);
      else await browser.type(key);
    }
    const typed = /** @type {Array<{down: number, length: number, frame: number}>} */ (await browser.evaluate(takeKeys, null));
    if (typed.length !== count || typed.some((k) => k.length < 0)) {
      throw new Error(`the page saw ${typed.length} of ${count} keys, ${typed.filter((k) => k.length < 0).length} without a text change`);
    }
    const paints = await settle(version + count, typed[count - 1].length);
    /** @type {number[]} */
    const lat = [];
    let superseded = 0;
    typed.forEach((k, i) => {
      const v = version + i + 1;
      const own = paints.find((p) => p.version === v);
      if (own && own.length !== k.length) throw new Error(`text version ${v} is ${own.length} characters long in the paint log, ${k.length} in the page: keys and versions are out of step`);
      const answer = paints.find((p) => p.checked && p.version >= v);
      if (!answer) throw new Error(`no checked paint for text version ${v} or later`);
      lat.push(answer.at - k.down);
      if (!paints.some((p) => p.checked && p.version === v)) superseded++;
    });
    const checked = paints.filter((p) => p.checked);
    const changes = checked.filter((p, i) => i > 0 && p.drawn !== checked[i - 1].drawn).length;
    version += count;
    const frames = typed.filter((k) => k.frame >= 0).map((k) => k.frame - k.down);
    rows.push({
      from, to, keys: count, rate: (count - 1) / ((typed[count - 1].down - typed[0].down) / 1000), lagMs, changes,
      maxDrawn: Math.max(...checked.map((p) => p.drawn)), p50: quantile(lat, 0.5), p95: quantile(lat, 0.95), max: Math.max(...lat), superseded,
      rttP95: quantile(checked.map((p) => p.rtt), 0.95), frameP95: quantile(frames, 0.95), frameMax: Math.max(...frames), mem: await measure(),
    });
  }

  const ms = (/** @type {number} */ x) => x.toFixed(1).padStart(6);
  const mb = (/** @type {number} */ x) => (x / 1048576).toFixed(2).padStart(6);
  const n = (/** @type {number} */ x) => String(x).padStart(6);
  const total = rows.reduce((a, r) => a + r.keys, 0);
  console.log(`soak: ${SECONDS} s of typing at ${RATE} keys/s (${total} keys) into the Amazon fixture's title, Chromium, bundled snapshot`);
  console.log("latency = keydown → the engine's answer for a text including the key drawn; memory after a forced GC, measured after each window");
  console.log("");
  console.log("window      keys  keys/s  underline  latency ms             super-  check  frame ms       | background MB    page   DOM    JS      overlay");
  console.log("                          changes    p50     p95     max    seded   p95 ms p95     max    | JS heap  wasm   heap MB nodes  listen. elements");
  for (const r of rows) {
    const m = r.mem;
    console.log(`${`${r.from}–${r.to} s`.padEnd(10)} ${n(r.keys)} ${r.rate.toFixed(1).padStart(6)} ${n(r.changes)}    ${ms(r.p50)}  ${ms(r.p95)}  ${ms(r.max)}  ${n(r.superseded)} ${ms(r.rttP95)} ${ms(r.frameP95)}  ${ms(r.frameMax)}  | ${mb(m.bgHeap)} ${mb(m.bgWasm)}  ${mb(m.pageHeap)} ${n(m.domNodes)} ${n(m.listeners)} ${n(m.overlayNodes)}`);
  }
  const first = rows[0].mem;
  const end = rows[rows.length - 1].mem;
  console.log("");
  console.log("memory                              before typing  after 1st window    end   end/before  end/1st window");
  /** @type {Array<[string, keyof typeof before, (x: number) => string]>} */
  const figures = [
    ["background JS heap (MB)", "bgHeap", mb], ["background wasm memory (MB)", "bgWasm", mb],
    ["page renderer JS heap (MB)", "pageHeap", mb], ["page DOM nodes", "domNodes", n],
    ["page JS event listeners", "listeners", n], ["overlay elements", "overlayNodes", n],
  ];
  for (const [label, key, f] of figures) {
    console.log(`${label.padEnd(36)} ${f(before[key]).padStart(9)}  ${f(first[key]).padStart(12)}  ${f(end[key]).padStart(11)}  ${(end[key] / before[key]).toFixed(3).padStart(8)}  ${(end[key] / first[key]).toFixed(3).padStart(10)}`);
  }
  const lag = Math.max(...rows.map((r) => r.lagMs));
  console.log(`most underlines drawn at once: ${Math.max(...rows.map((r) => r.maxDrawn))}; the typist fell behind its schedule by at most ${lag.toFixed(0)} ms`);
  if (browser.consoleErrors().length) console.log(`console: ${browser.consoleErrors().join(" | ")}`);
  await backgroundTools.detach();
  await pageTools.detach();
} finally {
  await browser.close();
  await server.close();
}
