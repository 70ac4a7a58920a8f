// @ts-check
/**
 * Nothing leaves the browser, in Chromium and Firefox with the extension loaded: every
 * request the browser makes goes through a recording proxy (tests/e2e/recording-proxy.mjs)
 * that forwards only to this machine. While the seller types listing copy and it is
 * checked, browses a product page (collected into the reference corpus) and imports a
 * watch list, corpus listings and a snapshot file, every request is one of the local
 * fixture server's own pages and assets (a fixture host name or 127.0.0.1 at its port);
 * none goes anywhere else. Only when the seller asks for an update ("Check now", with a
 * feed configured) does a request go to the feed, and only to the feed's address.
 *
 * The browsers' own services (Chromium's component and extension updater, sign-in and
 * autofill predictions; Firefox's remote settings) call home with or without any
 * extension; the proxy refuses them too, and the test sets them apart by host
 * (BROWSER_SERVICES) and reports them. Nothing else may appear.
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startServers } from "../../scripts/serve.mjs";
import { REPO, launchChromium, launchFirefox } from "./browsers.mjs";
import { startFeedServer } from "./feed-server.mjs";
import { startRecordingProxy } from "./recording-proxy.mjs";
import { focusEnd, overlayState } from "./editor-page.mjs";
import { teardown, waitFor } from "./wait.mjs";

/** Hosts of the browsers' own background services (not the extension's): refused, reported, not counted. */
const BROWSER_SERVICES = /^(?:[a-z0-9-]+\.)*(?:googleapis\.com|gvt1\.com|google\.com|mozilla\.(?:com|net|org)|firefox\.com)$/;

/** @type {Record<string, (server: any, proxyPort: number) => Promise<import("./browsers.mjs").Browser>>} */
const LAUNCH = {
  chromium: (server, proxyPort) => launchChromium(server, undefined, { proxyPort }),
  firefox: (server, proxyPort) => launchFirefox(server, { proxyPort }),
};
const EDITOR = { host: "sellercentral.amazon.com", path: "/abis/listing/edit/" };
const TITLE = ['kat-textarea[name="item_name-0-value"]', "shadow", "textarea"];
const PRODUCT = { host: "www.amazon.com", path: "/dp/B0TEST0001/" };

/**
 * A newer snapshot signed with the development update key `make build` makes the unpacked
 * extensions trust (scripts/dev-update-key.sh), as base64 for the extension page.
 */
function signedSnapshot() {
  const dir = mkdtempSync(join(tmpdir(), "clearmark-privacy-"));
  const csv = join(dir, "marks.csv");
  writeFileSync(csv, "name,owner,classes\nQuibbix,Test Owner Inc.,25\n");
  const out = join(dir, "signed.snap");
  execFileSync(join(REPO, "target", "debug", "clearmark"), ["snapshot", "build", "--out", out, "--brands", csv, "--snapshot-version", "9000000000",
    "--build-date", "20261201", "--signing-key", join(REPO, "target", "dev-update-key", "feed.key")], { stdio: "ignore", timeout: 60_000 });
  return readFileSync(out).toString("base64");
}

/**
 * In an extension page: import a watch list, corpus listings and a signed snapshot file
 * (handed over in IndexedDB, as the options page does).
 * @param {string} snapshotBase64
 */
async function importEverything(snapshotBase64) {
  const ask = (/** @type {any} */ m) => chrome.runtime.sendMessage(m);
  const watch = await ask({ v: 1, type: "importWatchList", name: "w.csv", csv: "name,owner\nQuibbix,Quib Ltd\n" });
  const corpus = await ask({ v: 1, type: "corpusImport", listings: [{ id: "import:1", title: "Oak tray for minifigures, hand finished" }] });
  const file = new Blob([Uint8Array.from(atob(snapshotBase64), (c) => c.charCodeAt(0))]);
  await new Promise((resolve, reject) => {
    const open = indexedDB.open("clearmark-import", 1);
    open.onupgradeneeded = () => open.result.createObjectStore("files");
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const tx = open.result.transaction("files", "readwrite");
      tx.objectStore("files").put(file, "privacy");
      tx.oncomplete = () => { open.result.close(); resolve(undefined); };
      tx.onerror = () => reject(tx.error);
    };
  });
  const snapshot = await ask({ v: 1, type: "importSnapshot", key: "privacy", name: "default.snap", size: file.size });
  return { watch: watch.ok, corpus: corpus.ok, snapshot: snapshot.ok, snapshotError: snapshot.error || "" };
}

/**
 * Notes connections a server still had open when it was closed (they are destroyed): a
 * browser that has quit should have left none.
 * @param {string} what
 * @param {number | undefined} open
 */
function report(what, open) {
  if (open) console.log(`${what}: ${open} connection(s) still open at close, destroyed`);
}

for (const [browserName, launch] of Object.entries(LAUNCH)) {
  describe(`${browserName}: nothing leaves the browser`, { timeout: 300_000 }, () => {
    /** @type {any} */
    const s = {};
    before(async () => {
      s.server = await startServers();
      s.feed = await startFeedServer();
      s.proxy = await startRecordingProxy(s.server.hosts);
      s.browser = await launch(s.server, s.proxy.port);
    });
    after(async () => {
      await teardown([
        [`closing ${browserName}`, () => s.browser?.close()],
        ["closing the recording proxy", async () => report("recording proxy", await s.proxy?.close())],
        ["closing the feed server", () => s.feed?.close()],
        ["closing the fixture server", async () => report("fixture server", await s.server?.close())],
      ]);
    });

    it("typing, checking, collecting and importing make no request beyond the local fixture pages; updating asks the feed only", async () => {
      /** @type {import("./browsers.mjs").Browser} */
      const b = s.browser;
      const port = s.server.httpsPort;
      /** Requests that are not the fixture server's own (a fixture host or 127.0.0.1 at its port). */
      const elsewhere = () => s.proxy.log.filter((/** @type {any} */ r) => !(r.local && r.port === port) && !BROWSER_SERVICES.test(r.host));

      // Typing and checking.
      await b.goto(`https://${EDITOR.host}:${port}${EDITOR.path}`);
      await waitFor(() => overlayState(b), (x) => x.hosts === 1);
      await b.evaluate(focusEnd, TITLE);
      await b.type("Building bricks compatible with LEGO, 500 pieces");
      const drawn = await waitFor(() => overlayState(b), (x) => x.underlines.length > 0);
      assert.ok(drawn.underlines.length > 0, "the title was checked");

      // Collecting a product page.
      await b.goto(`https://${PRODUCT.host}:${port}${PRODUCT.path}`);
      const kept = await waitFor(() => b.inExtension(() => chrome.runtime.sendMessage({ v: 1, type: "corpusStatus" }), null), (r) => r.ok && r.count > 0);
      assert.ok(kept.count > 0, "the product page was collected");

      // Importing.
      const imported = await b.inExtension(importEverything, signedSnapshot());
      assert.deepEqual({ ...imported, snapshotError: undefined }, { watch: true, corpus: true, snapshot: true, snapshotError: undefined }, `imports went through (${imported.snapshotError})`);

      assert.ok(s.proxy.log.some((/** @type {any} */ r) => r.local && r.port === port), "the proxy saw the fixture pages (it is in the path)");
      assert.deepEqual(elsewhere(), [], "no request went anywhere but the local fixture server");

      // Updating: the one request that leaves is to the feed the seller configured.
      const feedUrl = `http://127.0.0.1:${s.feed.port}/feed/latest.json`;
      await b.inExtension(async (url) => {
        await chrome.runtime.sendMessage({ v: 1, type: "updateSetFeed", url });
        return chrome.runtime.sendMessage({ v: 1, type: "updateCheck" });
      }, feedUrl);
      const out = elsewhere();
      assert.ok(out.length > 0, "Check now asked the feed");
      for (const r of out) {
        assert.equal(`${r.host}:${r.port}`, `127.0.0.1:${s.feed.port}`, `only the feed's address: ${JSON.stringify(r)}`);
        assert.match(r.path, /^\/feed\//, "only the feed's files");
      }
      const services = [...new Set(s.proxy.log.filter((/** @type {any} */ r) => BROWSER_SERVICES.test(r.host)).map((/** @type {any} */ r) => r.host))];
      console.log(`${browserName}: ${s.proxy.log.length} requests; the browser's own services (refused): ${services.join(", ") || "none"}`);
    });
  });
}
