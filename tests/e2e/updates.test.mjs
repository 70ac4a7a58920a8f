// @ts-check
/**
 * Snapshot updates with the real extension in Chromium and Firefox, against a real feed
 * server on 127.0.0.1 (tests/e2e/feed-server.mjs) that misbehaves on demand.
 *
 * The seller's view: on the updates section of the options page they enter the feed
 * address and press "Check for updates now". With the server down, a flipped byte, a
 * forged signature, a truncated body or a connection dropped mid-download, they read a
 * clear message and checks keep answering from the snapshot in use (same version, same
 * findings). On a slow server the progress bar moves; the verified newer snapshot is
 * then in use and the old one is offered for rollback. An older or equal version is
 * refused. A failure after an update keeps the updated snapshot (nothing lost). Rollback
 * goes back (and the rolled-back version is not reinstalled), a second click goes
 * forward; the installed snapshot survives an extension restart; a signed snapshot file
 * can be imported, an unsigned one cannot. A replayed manifest past its signed expiry
 * reads as "updates are stale" (status and page), a stalled feed gives up after the
 * manifest timeout and never holds the seller's rollback, a huge latest.json is refused,
 * a stored snapshot damaged in IndexedDB is skipped for the bundled one with a message,
 * and a stored feed address setFeed would refuse is ignored at start. Signed files whose
 * marks index was damaged and then resealed (SHA-256 recomputed, signed again with the
 * trusted key: only the structure check stands in their way) are refused on import, as is
 * one resealed but not signed again; checks keep answering from the snapshot in use.
 *
 * Each browser runs on a copy of the assembled extension whose bundled snapshot and
 * trusted key are the test's own (generated here; the private key never leaves tmp/).
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { tmpdir } from "node:os";
import { fileURLToPath } from "node:url";
import { execFileSync, spawnSync } from "node:child_process";
import { generateKeyPairSync, sign } from "node:crypto";
import { startFeedServer } from "./feed-server.mjs";
import { damagedMarks, signingKeyFromFile } from "./damage.mjs";
import { bounded, waitFor } from "./wait.mjs";

const REPO = resolve(fileURLToPath(import.meta.url), "../../..");
const CLI = join(REPO, "target", "debug", "clearmark");
const GECKO_ID = "clearmark@clearmark.app";
const FIREFOX_UUID = "5d0c1c8e-6f43-4b8e-9a51-c1ea4a7e0001";

/** Marks only a given snapshot version holds, so a check shows which one answered. */
const MARKS = {
  1: ["Zorblax"],
  2: ["Zorblax", "Quixotron"],
  3: ["Zorblax", "Quixotron", "Velmorak"],
};

/** Scratch folders this file made (feeds, extension copies, browser profiles). */
const scratchDirs = /** @type {string[]} */ ([]);

/** @param {string} prefix */
function scratch(prefix) {
  const dir = mkdtempSync(join(tmpdir(), `clearmark-${prefix}-`));
  scratchDirs.push(dir);
  return dir;
}

/** @param {string[]} args */
function clearmark(args) {
  return execFileSync(CLI, args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], timeout: 60_000 });
}

/**
 * What `clearmark snapshot verify --public-key` says of a file: "ok", or its error (the
 * sentence after "clearmark: FILE: ").
 * @param {string} file
 * @param {string} publicKey
 */
function cliVerify(file, publicKey) {
  const r = spawnSync(CLI, ["snapshot", "verify", "--public-key", publicKey, file], { encoding: "utf8", timeout: 60_000 });
  if (r.error) throw r.error;
  return r.status === 0 ? "ok" : r.stderr.trim().replace(`clearmark: ${file}: `, "");
}

/** What the seller reads when a file's marks index is damaged (SnapshotError::Corrupt). */
const MARKS_CORRUPT = /^the snapshot file is damaged \(its marks section is corrupt\); the previous snapshot is still in use$/;
/** ... and when a file was altered after it was signed (SnapshotError::Signature). */
const BADLY_SIGNED = /^the snapshot's signature is not valid \(it was altered or not published by Clearmark\); the previous snapshot is still in use$/;

/**
 * Bit flips in the marks index of the signed snapshot 3 (an `fst` map of three keys: a
 * 16-byte header, the nodes, the root node last, a 20-byte footer of key count, root
 * address and CRC32), each placed where only Clearmark's own structure checks
 * (`fst_check.rs`) can see it: `fst::Map::new` reads neither the type word nor a
 * non-zero root address, and decodes no node; the key count still matches the header.
 * Flips in the CRC32 (the last 4 bytes) are not here: nothing reads it, a file so
 * damaged still works.
 * @type {{what: string, flips: import("./damage.mjs").Flip[]}[]}
 */
const MARKS_DAMAGE = [
  { what: "the fst type word", flips: [{ at: 8, bit: 0 }] },
  { what: "the root node's transition count", flips: [{ at: -21, bit: 0 }] },
  { what: "the root node's pack sizes", flips: [{ at: -22, bit: 4 }] },
  { what: "the root address in the footer", flips: [{ at: -12, bit: 0 }] },
  { what: "three bits: the root address, the root node, a transition", flips: [{ at: -12, bit: 2 }, { at: -21, bit: 1 }, { at: -26, bit: 1 }] },
];

/**
 * An ed25519 key pair: the private seed as a key file `clearmark` reads, the public key
 * as a line of update-keys.txt.
 * @param {string} dir
 * @param {string} name
 */
function keyPair(dir, name) {
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  const hex = (/** @type {string | undefined} */ b64url) => Buffer.from(b64url ?? "", "base64url").toString("hex");
  const file = join(dir, `${name}.key`);
  writeFileSync(file, hex(privateKey.export({ format: "jwk" }).d) + "\n", { mode: 0o600 });
  return { file, publicHex: hex(publicKey.export({ format: "jwk" }).x), privateKey };
}

/**
 * A copy of a published feed whose latest.json expired at `expires`, re-signed by the
 * same key: what an attacker replaying an old manifest serves (the signed message as the
 * README's "Update feed" section gives it).
 * @param {string} feed
 * @param {string} out
 * @param {import("node:crypto").KeyObject} privateKey
 * @param {string} expires
 */
function expiredCopy(feed, out, privateKey, expires) {
  cpSync(feed, out, { recursive: true });
  const m = JSON.parse(readFileSync(join(feed, "latest.json"), "utf8"));
  m.expires = expires;
  const fields = ["format_version", "snapshot_version", "date", "file", "size", "sha256", "min_extension_version", "expires"];
  const message = "clearmark-feed-v2\n" + fields.map((f) => `${f}=${m[f]}\n`).join("");
  m.signature = sign(null, Buffer.from(message), privateKey).toString("hex");
  writeFileSync(join(out, "latest.json"), JSON.stringify(m, null, 2) + "\n");
  return out;
}

/**
 * Builds a real snapshot of `version` holding `marks` through `clearmark snapshot build`,
 * signed with `key` when given.
 * @param {string} dir
 * @param {number} version
 * @param {string[]} marks
 * @param {string} [key]
 */
function buildSnapshot(dir, version, marks, key) {
  const csv = join(dir, `watch-${version}.csv`);
  writeFileSync(csv, "name,owner,classes\n" + marks.map((m) => `${m},Test Owner Inc.,25`).join("\n") + "\n");
  const out = join(dir, `built-${version}${key ? "-signed" : ""}.snap`);
  const args = ["snapshot", "build", "--no-defaults", "--out", out, "--brands", csv, "--snapshot-version", String(version), "--build-date", String(20261110 + version)];
  if (key) args.push("--signing-key", key);
  clearmark(args);
  return out;
}

/**
 * A feed folder written by `clearmark snapshot publish`.
 * @param {string} dir
 * @param {string} name
 * @param {string} snapshot
 * @param {string} key
 */
function publish(dir, name, snapshot, key) {
  const feed = join(dir, name);
  clearmark(["snapshot", "publish", "--key", key, "--out", feed, snapshot]);
  return feed;
}

/**
 * Copies the assembled extension for `browser`, with the test's bundled snapshot and
 * trusted key.
 * @param {"chrome"|"firefox"} browser
 * @param {string} bundled
 * @param {string} publicHex
 */
function extensionCopy(browser, bundled, publicHex) {
  const src = join(REPO, "dist", browser);
  if (!existsSync(join(src, "manifest.json"))) throw new Error(`dist/${browser} is not assembled: run make build`);
  const dir = join(scratch(`ext-${browser}`), "ext");
  cpSync(src, dir, { recursive: true });
  cpSync(bundled, join(dir, "snapshot", "default.snap"));
  writeFileSync(join(dir, "update-keys.txt"), `# trusted by this test run only\n${publicHex}\n`);
  return dir;
}

/**
 * What a test does in the extension's updates page, the same in both browsers.
 * @typedef {object} UpdatesPage
 * @property {string} name
 * @property {() => Promise<void>} open                   opens the options page (again)
 * @property {() => Promise<void>} restart                restarts the background (Chromium: stops the service worker; Firefox: reloads the add-on) and reopens the page
 * @property {<R>(fn: string) => Promise<R>} run           runs an async function body in the page
 * @property {(selector: string) => Promise<void>} click
 * @property {(selector: string, text: string) => Promise<void>} fill
 * @property {(selector: string, files: string[]) => Promise<void>} chooseFiles
 * @property {() => Promise<void>} close
 */

/**
 * @param {string} ext
 * @returns {Promise<UpdatesPage>}
 */
async function chromium(ext) {
  const { chromium } = await import("playwright-core");
  const ctx = await chromium.launchPersistentContext(scratch("chromium"), {
    executablePath: "/usr/bin/chromium",
    headless: true,
    args: [
      `--disable-extensions-except=${ext}`,
      `--load-extension=${ext}`,
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  const sw = ctx.serviceWorkers()[0] || (await ctx.waitForEvent("serviceworker", { timeout: 15000 }));
  const id = new URL(sw.url()).host;
  let page = ctx.pages()[0] || (await ctx.newPage());
  const open = async () => {
    if (page.isClosed()) page = await ctx.newPage();
    await page.goto(`chrome-extension://${id}/options/options.html`);
    await page.waitForSelector("#update-active:not(:empty)");
  };
  return {
    name: "chromium",
    open,
    async restart() {
      // Stop the service worker, as Chromium does after 30 s idle; the next message starts
      // a fresh one, which must load the installed snapshot from IndexedDB. (Reloading an
      // extension loaded with --load-extension unloads it in Chromium 156.)
      const cdp = await bounded("chromium: opening a CDP session", ctx.newCDPSession(page));
      const background = async () =>
        (await bounded("chromium: CDP Target.getTargets", cdp.send("Target.getTargets"))).targetInfos.find((t) => t.type === "service_worker" && t.url.startsWith(`chrome-extension://${id}/`));
      const running = await background();
      if (!running) throw new Error("the extension's service worker is not running");
      await bounded("chromium: CDP Target.closeTarget", cdp.send("Target.closeTarget", { targetId: running.targetId }));
      const stopped = await waitFor(background, (t) => !t, 5000);
      if (stopped) throw new Error("the extension's service worker did not stop");
      await bounded("chromium: CDP detach", cdp.detach());
      await open();
    },
    run: (body) => bounded(`chromium: ${body.trim().split("\n")[0]}`, page.evaluate(`(async () => { ${body} })()`)),
    click: (selector) => page.click(selector),
    fill: (selector, text) => page.fill(selector, text),
    chooseFiles: (selector, files) => page.setInputFiles(selector, files),
    close: () => bounded("closing chromium", ctx.close()),
  };
}

/**
 * @param {string} ext
 * @returns {Promise<UpdatesPage>}
 */
async function firefox(ext) {
  const { Builder, By } = await import("selenium-webdriver");
  const firefox = await import("selenium-webdriver/firefox.js");
  const options = new firefox.Options()
    .setBinary("/usr/bin/firefox-esr")
    .addArguments("-headless")
    .setPreference("extensions.webextensions.uuids", JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }))
    .setPreference("app.update.enabled", false)
    .setPreference("toolkit.telemetry.enabled", false)
    .setPreference("datareporting.policy.dataSubmissionEnabled", false)
    .setPreference("extensions.update.enabled", false);
  // Firefox 153 lets WebDriver navigate to moz-extension:// pages only with system access.
  const service = new firefox.ServiceBuilder(join(process.env.HOME || "", ".cargo/bin/geckodriver")).addArguments("--allow-system-access").setStdio("ignore");
  // Seen taking 28 s with both cores busy: twice the worst seen, and still a failure
  // that names its step instead of a run held until the file's timeout.
  const driver = await bounded("firefox: starting geckodriver and Firefox", new Builder().forBrowser("firefox").setFirefoxOptions(options).setFirefoxService(service).build(), 120_000);
  await bounded("firefox: installing the add-on", driver.installAddon(ext, true));
  const url = `moz-extension://${FIREFOX_UUID}/options/options.html`;
  // The first tab stays on about:blank: reloading the extension closes its pages, and the
  // session must keep a window.
  const home = await bounded("firefox: getWindowHandle", driver.getWindowHandle());
  const open = async () => {
    await bounded("firefox: switching to the first tab", driver.switchTo().window(home));
    await bounded("firefox: opening a tab", driver.switchTo().newWindow("tab"));
    await bounded("firefox: loading the options page", driver.get(url));
    await driver.wait(async () => (await driver.findElement(By.css("#update-active")).getText()) !== "", 15000);
  };
  return {
    name: "firefox",
    open,
    async restart() {
      await bounded("firefox: reloading the add-on", driver.executeScript(`setTimeout(() => chrome.runtime.reload(), 50);`));
      await new Promise((r) => setTimeout(r, 2000));
      await open();
    },
    run: (body) => bounded(`firefox: ${body.trim().split("\n")[0]}`, driver.executeScript(`return (async () => { ${body} })();`)),
    click: async (selector) => {
      await driver.findElement(By.css(selector)).click();
    },
    fill: async (selector, text) => {
      const field = await driver.findElement(By.css(selector));
      await field.clear();
      await field.sendKeys(text);
    },
    chooseFiles: async (selector, files) => {
      await driver.findElement(By.css(selector)).sendKeys(files.join("\n"));
    },
    close: () => bounded("closing firefox", driver.quit()),
  };
}


const BROWSERS = /** @type {const} */ ([
  ["chromium", "chrome", chromium],
  ["firefox", "firefox", firefox],
]);

describe("snapshot updates", () => {
  /** @type {string} */
  let dir;
  /** @type {{file: string, publicHex: string, privateKey: import("node:crypto").KeyObject}} */
  let trusted;
  /** @type {Record<string, string>} feed folders by scenario */
  const feeds = {};
  /** @type {Record<string, string>} snapshot files */
  const snaps = {};
  /** @type {{what: string, file: string}[]} snapshot 3, marks index damaged, resealed and signed again by the trusted key */
  const resigned = [];
  /** snapshot 3, marks index damaged, SHA-256 recomputed, its old signature kept */
  let notResigned = "";

  before(() => {
    dir = scratch("feeds");
    trusted = keyPair(dir, "trusted");
    const stranger = keyPair(dir, "stranger");
    for (const v of /** @type {const} */ ([1, 2, 3])) snaps[v] = buildSnapshot(dir, v, MARKS[v]);
    snaps.signed3 = buildSnapshot(dir, 3, MARKS[3], trusted.file);
    feeds.v1 = publish(dir, "feed-v1", snaps[1], trusted.file);
    feeds.v2 = publish(dir, "feed-v2", snaps[2], trusted.file);
    feeds.v3 = publish(dir, "feed-v3", snaps[3], trusted.file);
    feeds.forged = publish(dir, "feed-forged", snaps[2], stranger.file);
    feeds.expired3 = expiredCopy(feeds.v3, join(dir, "feed-v3-expired"), trusted.privateKey, "2026-01-01T00:00:00Z");
    feeds.fresh3 = expiredCopy(feeds.v3, join(dir, "feed-v3-fresh"), trusted.privateKey, "2199-01-01T00:00:00Z");
    const signed3 = readFileSync(snaps.signed3);
    const key = signingKeyFromFile(trusted.file);
    MARKS_DAMAGE.forEach(({ what, flips }, i) => {
      const file = join(dir, `damaged-resigned-${i}.snap`);
      writeFileSync(file, damagedMarks(signed3, flips, key));
      resigned.push({ what, file });
    });
    notResigned = join(dir, "damaged-not-resigned.snap");
    writeFileSync(notResigned, damagedMarks(signed3, MARKS_DAMAGE[1].flips));
  });

  it("the damaged files are what they claim: resealing without damage gives the signed file byte for byte, clearmark refuses each damaged one", () => {
    const publicKey = trusted.file.replace(/\.key$/, ".pub");
    writeFileSync(publicKey, trusted.publicHex + "\n");
    // Flipping nothing and resealing with the trusted key reproduces what `clearmark
    // snapshot build --signing-key` wrote, which verifies (and is imported below): so a
    // damaged file's checksum and signature are right, and only its structure is wrong.
    const resealed = join(dir, "resealed-undamaged.snap");
    writeFileSync(resealed, damagedMarks(readFileSync(snaps.signed3), [], signingKeyFromFile(trusted.file)));
    assert.ok(readFileSync(resealed).equals(readFileSync(snaps.signed3)), "resealing an undamaged file changes nothing");
    assert.equal(cliVerify(resealed, publicKey), "ok");
    for (const { what, file } of resigned) {
      assert.match(cliVerify(file, publicKey), MARKS_CORRUPT, what);
    }
    assert.match(cliVerify(notResigned, publicKey), BADLY_SIGNED);
  });

  for (const [name, dist, launch] of BROWSERS) {
    describe(name, () => {
      /** @type {UpdatesPage} */
      let page;
      /** @type {import("./feed-server.mjs").FeedServer} */
      let server;

      before(async () => {
        server = await startFeedServer();
        page = await launch(extensionCopy(dist, snaps[1], trusted.publicHex));
        await page.open();
      });

      after(async () => {
        await page?.close();
        await server?.close();
      });

      /** @returns {Promise<any>} the updater's status, as the page gets it */
      const status = () => page.run(`return (await chrome.runtime.sendMessage({v: 1, type: "updateStatus"})).status;`);

      /**
       * Which snapshot answers checks, and what it finds: the engine's own header version
       * and the marks a check of a listing naming every test mark flags.
       */
      const answering = async () =>
        page.run(`
          const info = await chrome.runtime.sendMessage({v: 1, type: "info"});
          const res = await chrome.runtime.sendMessage({v: 1, type: "check", listing: {id: "t", title: "Zorblax shirt with Quixotron print and Velmorak logo"}});
          return {version: info.snapshot.snapshot_version, ok: res.ok, found: res.ok ? [...new Set(res.report.findings.map((f) => f.text))].sort() : res.error};
        `);

      /** @param {number} v */
      const expectAnswering = async (v) => {
        assert.deepEqual(await answering(), { version: v, ok: true, found: [...MARKS[/** @type {1|2|3} */ (v)]].sort() });
      };

      /** @param {string} url */
      const setFeed = async (url) => {
        await page.fill("#update-feed", url);
        await page.click("#update-save");
        await waitFor(status, (s) => s.feedUrl === url, 5000);
      };

      /** Presses "Check now" and returns the message shown once the check is over. */
      const checkNow = async () => {
        const before = (await status()).last?.at ?? 0;
        await page.click("#update-check");
        const s = await waitFor(status, (s) => s.phase === "idle" && (s.last?.at ?? 0) > before, 60000);
        assert.equal(s.phase, "idle", "the check finished");
        return page.run(`const m = document.querySelector("#update-message"); return {text: m.textContent, kind: m.className};`);
      };

      it("starts on the bundled snapshot with the daily check scheduled", async () => {
        const s = await status();
        assert.deepEqual(s.active, { version: 1, date: "2026-11-11", source: "bundled" });
        assert.equal(s.previous, null);
        assert.equal(s.feedConfigured, false);
        await expectAnswering(1);
        const alarm = await page.run(`return await chrome.alarms.get("clearmark-snapshot-update");`);
        assert.equal(/** @type {any} */ (alarm)?.periodInMinutes, 24 * 60);
      });

      it("server down: says it cannot reach the feed and keeps the snapshot", async () => {
        const down = await startFeedServer();
        const url = down.feedUrl;
        await down.close();
        await setFeed(url);
        const m = await checkNow();
        assert.equal(m.kind, "error");
        assert.match(m.text, /could not reach the update feed/);
        await expectAnswering(1);
      });

      /** @type {[string, string, import("./feed-server.mjs").Mode, RegExp][]} */
      const failures = [
        ["one flipped byte", "v2", { kind: "flip" }, /damaged \(SHA-256 mismatch\)/],
        ["wrong signature", "forged", { kind: "ok" }, /not signed by a trusted Clearmark key/],
        ["truncated body", "v2", { kind: "truncate", by: 1000 }, /bytes but the feed announced/],
        ["connection dropped mid-download", "v2", { kind: "drop" }, /download was interrupted after \d+ of \d+ bytes/],
        ["server error", "v2", { kind: "status", code: 503 }, /answered HTTP 503/],
      ];
      for (const [what, feed, mode, message] of failures) {
        it(`${what}: refused with a clear message, checks still answer from snapshot 1`, async () => {
          server.serve(feeds[feed], mode);
          await setFeed(server.feedUrl);
          const requests = server.requests.length;
          const m = await checkNow();
          assert.equal(m.kind, "error", m.text);
          assert.match(m.text, message);
          assert.match(m.text, /current snapshot stays in use/);
          if (feed === "forged") {
            assert.deepEqual(server.requests.slice(requests).map((r) => r.url), ["/feed/latest.json"], "a forged manifest costs no download");
          }
          const s = await status();
          assert.equal(s.active.version, 1);
          await expectAnswering(1);
        });
      }

      it("slow server: the progress bar moves, then snapshot 2 answers and 1 is kept", async (t) => {
        const size = statSync(snaps[2]).size;
        server.serve(feeds.v2, { kind: "slow", chunk: Math.ceil(size / 12), everyMs: 150 });
        await page.click("#update-check");
        /** @type {Set<number>} */
        const seen = new Set();
        /** @type {any} */
        let midway = null;
        const end = Date.now() + 30000;
        for (;;) {
          const p = /** @type {{value: number, max: number, phase: string}} */ (
            await page.run(`const p = document.querySelector("#update-progress"); return {value: p.value, max: p.max, phase: document.querySelector("#update-phase").textContent};`)
          );
          if (p.value > 0 && p.value < p.max) seen.add(p.value);
          // While the new snapshot downloads, checks are answered from the old one.
          if (!midway && p.value > 0 && p.value < p.max) midway = await answering();
          const s = await status();
          if (s.phase === "idle" || Date.now() > end) break;
          await new Promise((r) => setTimeout(r, 40));
        }
        assert.ok(seen.size >= 3, `the progress bar showed ${seen.size} intermediate values: ${[...seen]}`);
        assert.deepEqual(midway, { version: 1, ok: true, found: MARKS[1] }, "mid-download checks use snapshot 1");
        t.diagnostic(`${name}: the progress bar showed ${seen.size} intermediate values of ${size} bytes`);
        const s = await waitFor(status, (s) => s.phase === "idle", 10000);
        assert.equal(s.last.ok, true, s.last.message);
        assert.deepEqual(s.active, { version: 2, date: "2026-11-12", source: "feed" });
        assert.equal(s.previous.version, 1);
        await expectAnswering(2);
      });

      it("an older version is refused (no downgrade); the same version is reported as up to date", async () => {
        let requests = server.requests.length;
        server.serve(feeds.v1);
        let m = await checkNow();
        assert.equal(m.kind, "error");
        assert.match(m.text, /offers snapshot version 1, which is not newer than the one in use \(2\)/);
        assert.deepEqual(server.requests.slice(requests).map((r) => r.url), ["/feed/latest.json"], "refused before downloading");
        await expectAnswering(2);
        requests = server.requests.length;
        server.serve(feeds.v2);
        m = await checkNow();
        assert.equal(m.kind, "ok");
        assert.match(m.text, /snapshot in use \(2, 2026-11-12\) is the newest/);
        assert.deepEqual(server.requests.slice(requests).map((r) => r.url), ["/feed/latest.json"], "nothing but latest.json was downloaded");
        await expectAnswering(2);
      });

      it("a failure after an update keeps the updated snapshot: nothing is lost", async () => {
        server.serve(feeds.v3, { kind: "drop" });
        const m = await checkNow();
        assert.equal(m.kind, "error");
        const s = await status();
        assert.equal(s.active.version, 2);
        assert.equal(s.previous.version, 1);
        await expectAnswering(2);
      });

      it("the installed snapshot survives an extension restart", async () => {
        await page.restart();
        const s = await status();
        assert.equal(s.active.version, 2);
        await expectAnswering(2);
      });

      it("rollback goes back to snapshot 1, the feed does not bring 2 back, a second click goes forward", async () => {
        await page.click("#update-rollback");
        let s = await waitFor(status, (s) => s.active?.version === 1, 10000);
        assert.equal(s.previous.version, 2);
        await expectAnswering(1);
        server.serve(feeds.v2);
        const m = await checkNow();
        assert.match(m.text, /rolled back from/);
        await expectAnswering(1);
        await page.click("#update-rollback");
        s = await waitFor(status, (s) => s.active?.version === 2, 10000);
        assert.equal(s.previous.version, 1);
        await expectAnswering(2);
      });

      it("a replayed manifest past its expiry reads as stale, in the status and on the page, and installs nothing", async () => {
        const requests = server.requests.length;
        server.serve(feeds.expired3);
        const m = await checkNow();
        assert.equal(m.kind, "error");
        assert.match(m.text, /^updates are stale: .*expired at 2026-01-01T00:00:00Z/);
        assert.deepEqual(server.requests.slice(requests).map((r) => r.url), ["/feed/latest.json"], "refused before downloading");
        const s = await status();
        assert.match(s.stale?.message ?? "", /^updates are stale/);
        assert.equal(s.active.version, 2);
        const shown = await page.run(`const e = document.querySelector("#update-stale"); return {hidden: e.hidden, text: e.textContent};`);
        assert.equal(shown.hidden, false);
        assert.match(shown.text, /stale/i);
        await expectAnswering(2);
        // The same version, freshly signed: up to date, and no longer stale.
        server.serve(feeds.v2);
        const fresh = await checkNow();
        assert.equal(fresh.kind, "ok", fresh.text);
        assert.equal((await status()).stale, null);
        assert.equal(await page.run(`return document.querySelector("#update-stale").hidden;`), true);
      });

      it("a stalled feed never holds the seller's rollback, and a check alone gives up after the manifest timeout", async () => {
        server.serve(feeds.v2, { kind: "stall-manifest" });
        await page.click("#update-check");
        await waitFor(status, (s) => s.phase === "checking", 5000);
        // Rollback is the seller's own action: it stops the check instead of "busy".
        const res = await page.run(`return await chrome.runtime.sendMessage({v: 1, type: "updateRollback"});`);
        assert.equal(res.ok, true, res.error);
        assert.equal(res.status.active.version, 1);
        const forward = await page.run(`return await chrome.runtime.sendMessage({v: 1, type: "updateRollback"});`);
        assert.equal(forward.ok, true, forward.error);
        assert.equal(forward.status.active.version, 2);
        await expectAnswering(2);
        const started = Date.now();
        const m = await checkNow();
        assert.equal(m.kind, "error");
        assert.match(m.text, /did not send latest\.json within 10 s/);
        assert.ok(Date.now() - started < 20000, `the check gave up after ${Date.now() - started} ms`);
        await expectAnswering(2);
      });

      it("a latest.json far longer than any manifest is refused", async () => {
        server.serve(feeds.v2, { kind: "huge-manifest" });
        const m = await checkNow();
        assert.equal(m.kind, "error");
        assert.match(m.text, /longer than 64 KiB/);
        await expectAnswering(2);
      });

      /** @returns {Promise<{text: string, ok: string}>} the options page's snapshot import message, "" until the import ends */
      const importStatus = () => page.run(`const s = document.querySelector("#snapshot-status"); return {text: s.textContent, ok: s.dataset.ok};`);

      /**
       * Imports `file` through the options page's file input on a freshly opened page (an
       * empty message until this import's answer) and returns the message shown.
       * @param {string} file
       */
      const importInPage = async (file) => {
        await page.open();
        await page.chooseFiles("#snapshot-file", [file]);
        return waitFor(importStatus, (s) => s.text !== "", 15000);
      };

      it("signed files whose marks index was damaged, resealed and signed again are each refused as corrupt, snapshot 2 keeps answering", async () => {
        const { active, previous } = await status();
        assert.equal(active.version, 2);
        for (const { what, file } of resigned) {
          const shown = await importInPage(file);
          assert.equal(shown.ok, "false", `${what}: ${shown.text}`);
          assert.match(shown.text, MARKS_CORRUPT, what);
          const s = await status();
          assert.deepEqual(s.active, active, `${what}: the snapshot in use is unchanged`);
          assert.deepEqual(s.previous, previous, `${what}: the previous snapshot is unchanged`);
          await expectAnswering(2);
        }
      });

      it("a file whose marks index was damaged and SHA-256 recomputed, but not signed again, is refused as badly signed", async () => {
        const { active, previous } = await status();
        const shown = await importInPage(notResigned);
        assert.equal(shown.ok, "false", shown.text);
        assert.match(shown.text, BADLY_SIGNED);
        const s = await status();
        assert.deepEqual(s.active, active);
        assert.deepEqual(s.previous, previous);
        await expectAnswering(2);
      });

      it("importing a file in the options page: an unsigned one is refused, a signed newer one is installed", async () => {
        // A fresh page each time: the message of the import before must not be read as this one's.
        let shown = await importInPage(snaps[3]);
        assert.equal(shown.ok, "false");
        assert.match(shown.text, /not signed/);
        assert.equal((await status()).active.version, 2);
        await expectAnswering(2);
        shown = await importInPage(snaps.signed3);
        assert.equal(shown.ok, "true", shown.text);
        const s = await status();
        assert.deepEqual(s.active, { version: 3, date: "2026-11-13", source: "import" });
        assert.equal(s.previous.version, 2);
        await expectAnswering(3);
      });

      it("a stored snapshot damaged in IndexedDB is skipped at start: the bundled one answers, with a message", async () => {
        // Flip one byte of the installed snapshot (3) where it is stored.
        await page.run(`
          const db = await new Promise((ok, ko) => { const r = indexedDB.open("clearmark-snapshots", 1); r.onsuccess = () => ok(r.result); r.onerror = () => ko(r.error); });
          await new Promise((ok, ko) => {
            const tx = db.transaction("slots", "readwrite");
            const slots = tx.objectStore("slots");
            const get = slots.get("current");
            get.onsuccess = () => {
              const bytes = new Uint8Array(get.result.bytes.slice(0));
              bytes[Math.floor(bytes.length / 2)] ^= 1;
              slots.put({ ...get.result, bytes: bytes.buffer }, "current");
            };
            tx.oncomplete = ok;
            tx.onerror = () => ko(tx.error);
          });
          db.close();
        `);
        await page.restart();
        const s = await status();
        assert.deepEqual(s.active, { version: 1, date: "2026-11-11", source: "bundled" });
        assert.equal(s.last.ok, false);
        assert.match(s.last.message, /installed snapshot 3 could not be loaded .*checksum mismatch.*using the bundled snapshot/);
        await expectAnswering(1);
      });

      it("a stored feed address that setFeed would refuse is ignored at start, with a message", async () => {
        await page.run(`await chrome.storage.local.set({updateFeedUrl: "http://feed.example/latest.json"});`);
        await page.restart();
        const s = await status();
        assert.equal(s.feedConfigured, false);
        assert.match(s.last.message, /stored update feed address was ignored: the update feed must be an https:/);
        await expectAnswering(1);
      });
    });
  }

  after(() => {
    for (const d of scratchDirs) rmSync(d, { recursive: true, force: true });
  });
});
