// @ts-check
/**
 * The reference corpus for copied copy in real browsers (Chromium and Firefox, the
 * assembled extension loaded, fixture pages served under the marketplaces' real host
 * names):
 *
 * - with collection switched off in the options page, visiting a product page keeps
 *   nothing; switched on, the Amazon product page (/dp/), the eBay item page (/itm/) and
 *   the Etsy, Walmart and AliExpress product pages are kept — title, bullets, description, brand, URL, product id, date, read from
 *   IndexedDB — and the options page counts them; a second visit replaces, not adds;
 * - a seller typing a bullet that copies 24 words of the product page's bullet in the
 *   Amazon listing editor gets a copied_copy underline over exactly the copied run, and
 *   the card shows the source listing's title and its text with the copied words marked
 *   (a <mark> element), beside the seller's words;
 * - with the source's brand as the seller's own brand, nothing is reported as copied;
 * - "Clear" empties the corpus: the same typing is no longer underlined;
 * - a CSV import with a bad row imports the good rows, names the bad row's line number,
 *   and an imported listing is then found as a source;
 * - after a newer register snapshot is swapped in (imported in the options page, signed
 *   with the development update key `make build` trusts), the new engine has the corpus:
 *   the copy is still flagged;
 * - nothing in the page's console.
 *
 * The typed texts were checked with `clearmark check --corpus` (a corpus built from the
 * fixture's listing) to be flagged as copied_copy and to hold no brand the default
 * snapshot flags.
 */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execFileSync } from "node:child_process";
import { waitFor, sleep } from "./wait.mjs";
import { ARTIFACTS, BROWSERS, REPO, useBrowser } from "./browsers.mjs";
import { fieldState, focusEnd, overlayState, reveal } from "./editor-page.mjs";
import { importSnapshotFile } from "./page.mjs";

const AMAZON_PRODUCT = { host: "www.amazon.com", path: "/dp/B0TEST0001/" };
const EBAY_ITEM = { host: "www.ebay.com", path: "/itm/204512345678" };
/** The other marketplaces' product pages and what must be read from them. */
const OTHER_PRODUCTS = [
  { host: "www.etsy.com", path: "/listing/1234567890/handmade-oak-tray/", id: "etsy.com:1234567890", title: "Handmade Oak Ring Tray",
    expect: { brand: "Grainfold", description: "Carved from a single piece of oiled oak, this little tray keeps rings and earrings together on a nightstand." } },
  { host: "www.walmart.com", path: "/ip/Kids-Art-Easel/123456789/", id: "walmart.com:123456789", title: "Kids Art Easel, Double Sided",
    expect: { brand: "Paintnook", bullets: ["Chalkboard on one side and a dry erase board on the other", "Paper roll holder and two storage trays included"] } },
  { host: "www.aliexpress.com", path: "/item/1005001234567890.html", id: "aliexpress.com:1005001234567890", title: "Silicone Baking Mat Set, 3 Pieces",
    expect: { description: "Food grade silicone mats that bake evenly and peel off cookies without any oil." } },
];
const EDITOR = { host: "sellercentral.amazon.com", path: "/abis/listing/edit/" };
const BULLET = ['kat-textarea[name="bullet_point-0-value"]', "shadow", "textarea"];

/** The product page's first bullet, as the page shows it. */
const SOURCE_BULLET = "Solid beech wood track pieces connect firmly and lie flat on carpet, so toddlers can build long winding routes without the rails slipping apart.";
/** The words the seller copies from it (24 words), and what the seller types around them. */
const COPIED = "solid beech wood track pieces connect firmly and lie flat on carpet, so toddlers can build long winding routes without the rails slipping apart";
const TYPED = `Honest review: ${COPIED}!`;

/** A CSV to import: a good row, a row without any text (line 3), a good row spanning two lines. */
const CSV = [
  "id,title,bullets,description,url,brand",
  'csv-1,Speckled stoneware dinner plate,"Glazed by hand in small batches | Oven and dishwasher safe",,https://example.test/p/1,Claybarn',
  "csv-2,,,,https://example.test/p/2,Nobody",
  'csv-3,Linen tea towel,,"Woven from stonewashed flax that softens with every wash and dries quickly,\nhung by a cotton loop sewn into one corner",https://example.test/p/3,Flaxhouse',
].join("\n");
const IMPORTED_COPY = "Our towel is woven from stonewashed flax that softens with every wash and dries quickly, hung by a cotton loop sewn into one corner.";


/**
 * In the options page: wait until the corpus section shows its count, then read it and
 * the stored listings straight from IndexedDB.
 * @returns {Promise<{count: number, shown: string, collect: boolean, listings: any[]}>}
 */
async function readCorpus() {
  for (let i = 0; i < 100; i++) {
    const c = document.getElementById("corpus-count");
    const box = /** @type {HTMLInputElement|null} */ (document.getElementById("corpus-collect"));
    if (c && c.dataset.count && box && box.dataset.ready) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const c = /** @type {HTMLElement} */ (document.getElementById("corpus-count"));
  const listings = await new Promise((resolve, reject) => {
    const req = indexedDB.open("clearmark-corpus");
    req.onupgradeneeded = () => /** @type {IDBTransaction} */ (req.transaction).abort();
    req.onerror = () => reject(req.error);
    req.onsuccess = () => {
      const db = req.result;
      const get = db.transaction("listings").objectStore("listings").getAll();
      get.onsuccess = () => {
        db.close();
        resolve(get.result);
      };
      get.onerror = () => reject(get.error);
    };
  });
  return {
    count: Number(c.dataset.count),
    shown: c.textContent || "",
    collect: /** @type {HTMLInputElement} */ (document.getElementById("corpus-collect")).checked,
    listings: /** @type {any[]} */ (listings),
  };
}

/** In the options page: the background's count (corpusStatus). */
async function statusCount() {
  const r = await chrome.runtime.sendMessage({ v: 1, type: "corpusStatus" });
  return r && r.ok ? r.count : -1;
}


mkdirSync(ARTIFACTS, { recursive: true });

for (const [browserName, launch] of Object.entries(BROWSERS)) {
  describe(`${browserName}: reference corpus (copied copy)`, { timeout: 300_000 }, () => {
    const session = useBrowser(launch);

    /** @param {{host: string, path: string}} p */
    const url = (p) => `https://${p.host}:${session.server.httpsPort}${p.path}`;

    /**
     * A fresh options tab, once it really shows the options page: Firefox's new tab is
     * about:blank (already "complete") for a moment before the extension page loads, and a
     * script run then fails or is cut off by the navigation.
     */
    async function optionsTab() {
      const opts = await session.browser.extensionPage("options/options.html");
      const ready = await waitFor(
        () => opts.evaluate(() => (/-extension:$/.test(location.protocol) && document.readyState === "complete" && !!document.getElementById("corpus-count") ? "ok" : ""), null).catch(() => ""),
        (v) => v === "ok",
      );
      assert.equal(ready, "ok", "the options page loaded");
      return opts;
    }

    /**
     * Runs `fn` in a fresh options tab and closes it.
     * @template R
     * @param {(arg: any) => R | Promise<R>} fn @param {any} [arg]
     * @returns {Promise<R>}
     */
    async function inOptions(fn, arg = null) {
      const opts = await optionsTab();
      try {
        return await opts.evaluate(fn, arg);
      } finally {
        await opts.close();
      }
    }

    /** Waits until the background holds `n` listings. @param {number} n */
    async function expectCount(n) {
      const opts = await optionsTab();
      try {
        return await waitFor(() => opts.evaluate(statusCount, null), (c) => c === n);
      } finally {
        await opts.close();
      }
    }

    /**
     * Opens the Amazon listing editor, types `text` into the first bullet and waits until
     * the engine's answer for the whole text is drawn; returns the value and underlines.
     * @param {string} text
     */
    async function typeBullet(text) {
      await session.browser.goto(url(EDITOR));
      await waitFor(() => overlayState(session.browser), (s) => s.hosts === 1);
      await session.browser.evaluate(focusEnd, BULLET);
      await session.browser.type(text);
      const value = (await session.browser.evaluate(fieldState, BULLET)).value;
      /** @param {{painted: string|null}} s */
      const answered = (s) => {
        const p = s.painted ? JSON.parse(s.painted) : null;
        return !!p && p.field === "bullets.0" && p.checked && p.length === value.length;
      };
      const st = await waitFor(() => overlayState(session.browser), answered);
      assert.ok(answered(st), `the engine's answer for the whole typed text is drawn (${st.painted})`);
      assert.equal(value, text, "the field holds what was typed");
      return { value, underlines: st.underlines.filter((u) => u.field === "bullets.0") };
    }

    it("collection switched off keeps nothing; on, product pages are kept once each", async () => {
      const errorsBefore = session.browser.consoleErrors().length;
      let c = await inOptions(readCorpus);
      assert.equal(c.count, 0, "a new profile has an empty corpus");
      assert.equal(c.collect, true, "collection is on by default");

      // Off: the product page is visited, nothing is kept.
      await inOptions(async () => {
        /** @type {HTMLInputElement} */ (document.getElementById("corpus-collect")).click();
        for (let i = 0; i < 50; i++) {
          if ((await chrome.storage.local.get("collectCorpus")).collectCorpus === false) return true;
          await new Promise((r) => setTimeout(r, 100));
        }
        return false;
      });
      await session.browser.goto(url(AMAZON_PRODUCT));
      await sleep(2500);
      c = await inOptions(readCorpus);
      assert.equal(c.collect, false, "the switch shows collection off");
      assert.equal(c.count, 0, "nothing kept while collection is off");
      assert.deepEqual(c.listings, []);

      // On again: the same visit keeps the listing.
      await inOptions(async () => {
        /** @type {HTMLInputElement} */ (document.getElementById("corpus-collect")).click();
        for (let i = 0; i < 50; i++) {
          if ((await chrome.storage.local.get("collectCorpus")).collectCorpus === true) return true;
          await new Promise((r) => setTimeout(r, 100));
        }
        return false;
      });
      await session.browser.goto(url(AMAZON_PRODUCT));
      assert.equal(await expectCount(1), 1, "the product page was kept");
      // A buyer's page gets collection only: no editor, no overlay marking the visitor as a
      // seller, and its search box ("field-keywords") is not taken for listing search terms.
      assert.equal(await session.browser.evaluate(() => document.querySelectorAll("clearmark-overlay").length, null), 0, "no overlay on a buyer's page");
      const editor = await session.browser.inExtension(async () => {
        const answers = [];
        for (const t of await chrome.tabs.query({})) {
          if (t.id !== undefined) answers.push(await chrome.tabs.sendMessage(t.id, { v: 1, type: "tabFindings" }, { frameId: 0 }).catch(() => null));
        }
        return answers.filter((a) => a && a.ok);
      }, null);
      assert.deepEqual(editor, [], "no editor content script answers on a buyer's page");
      c = await inOptions(readCorpus);
      assert.equal(c.count, 1);
      assert.equal(c.shown, "1", "the options page shows the count");
      const [l] = c.listings;
      assert.equal(l.id, "amazon.com:B0TEST0001");
      assert.equal(l.title, "Brookwell Wooden Train Track Set, 52 Pieces");
      assert.equal(l.brand, "Brookwell");
      assert.deepEqual(l.bullets, [
        SOURCE_BULLET,
        "Every piece is sanded smooth and finished with a water based stain that is safe for little hands.",
        "Includes two bridges, a tunnel and a turntable for endless layouts.",
      ]);
      assert.match(l.description, /^A classic wooden railway that grows with your child/);
      assert.equal(l.url, `https://www.amazon.com:${session.server.httpsPort}/dp/B0TEST0001/`);
      assert.match(l.date, /^\d{4}-\d{2}-\d{2}$/);

      // A second visit replaces the listing (it is the newest now), not adds one.
      const firstAdded = l.addedAt;
      await session.browser.goto(url(AMAZON_PRODUCT));
      const opts = await optionsTab();
      try {
        const again = await waitFor(() => opts.evaluate(readCorpus, null), (x) => x.listings.length > 0 && x.listings[0].addedAt > firstAdded);
        assert.ok(again.listings[0].addedAt > firstAdded, "the second visit reached the store");
        assert.equal(again.listings.length, 1, "the same product is one listing");
      } finally {
        await opts.close();
      }
      // Another site's item page adds one.
      await session.browser.goto(url(EBAY_ITEM));
      assert.equal(await expectCount(2), 2, "the eBay item was kept");
      c = await inOptions(readCorpus);
      const ebay = c.listings.find((x) => x.id === "ebay.com:204512345678");
      assert.ok(ebay, `eBay item kept: ${JSON.stringify(c.listings.map((x) => x.id))}`);
      assert.equal(ebay.title, "Hand Thrown Stoneware Mug, Speckled Glaze");
      assert.equal(ebay.brand, "Claybarn");
      assert.match(ebay.description, /^Each mug is thrown on the wheel/);

      // The other marketplaces' product pages, by their own selectors.
      // (One at a time: a page left within milliseconds may not get its message out.)
      for (const [i, p] of OTHER_PRODUCTS.entries()) {
        await session.browser.goto(url(p));
        assert.equal(await expectCount(3 + i), 3 + i, `${p.host}${p.path} kept`);
      }
      c = await inOptions(readCorpus);
      for (const p of OTHER_PRODUCTS) {
        const got = c.listings.find((x) => x.id === p.id);
        assert.ok(got, `${p.id} kept: ${JSON.stringify(c.listings.map((x) => x.id))}`);
        assert.equal(got.title, p.title);
        for (const [k, v] of Object.entries(p.expect)) assert.deepEqual(got[k], v, `${p.id}: ${k}`);
      }
      assert.deepEqual(session.browser.consoleErrors().slice(errorsBefore), [], "nothing in the page's console");
    });

    it("a bullet copying the product page is underlined over the copied run; the card shows the source", async () => {
      const errorsBefore = session.browser.consoleErrors().length;
      const { value, underlines } = await typeBullet(TYPED);
      const copied = underlines.filter((u) => u.kind === "copied_copy");
      assert.equal(copied.length > 0, true, `a copied_copy underline (drawn: ${JSON.stringify(underlines)})`);
      const spans = [...new Set(copied.map((u) => `${u.start}:${u.end}`))];
      assert.equal(spans.length, 1, `one copied run: ${spans}`);
      assert.equal(value.slice(copied[0].start, copied[0].end), COPIED, "the underline covers exactly the copied words");
      assert.deepEqual(underlines.filter((u) => u.kind !== "copied_copy"), [], "nothing else underlined");

      await session.browser.evaluate(reveal, BULLET);
      const st = await waitFor(() => overlayState(session.browser), (s) => s.underlines.some((u) => u.kind === "copied_copy" && u.top > 0));
      const u = /** @type {import("./editor-page.mjs").DrawnUnderline} */ (st.underlines.find((x) => x.kind === "copied_copy"));
      await session.browser.mouseMove((u.left + u.right) / 2, (u.top + u.bottom) / 2);
      const shown = await waitFor(() => overlayState(session.browser), (s) => s.card.visible);
      assert.ok(shown.card.visible, "card shown on hover");
      assert.match(shown.card.text, /Copied text/);
      // The card's contents, as the extension reads them (the page cannot: closed shadow root).
      const text = shown.card.text;
      assert.ok(text.includes("Copied from: Brookwell Wooden Train Track Set, 52 Pieces"), `the source's title: ${text}`);
      assert.ok(text.includes(`https://www.amazon.com:${session.server.httpsPort}/dp/B0TEST0001/`), `the source's address: ${text}`);
      const marked = [...shown.card.html.matchAll(/<mark[^>]*>([^<]*)<\/mark>/g)].map((m) => m[1]);
      assert.equal(marked.length, 2, `the copied words are marked with <mark> elements on both sides: ${shown.card.html}`);
      assert.equal(marked[0], COPIED, "the seller's copied words beside it");
      assert.equal(marked[1].toLowerCase(), COPIED.toLowerCase(), "the source's copied words are marked");
      assert.ok(text.includes(SOURCE_BULLET.slice(0, 40)), `the source text is shown: ${text}`);
      assert.equal("own-brand" in shown.card.buttons, false, "no \"This is my brand\" on a copied run (it names no mark)");
      assert.doesNotMatch(shown.card.html, /<(?!div|button|mark|\/div|\/button|\/mark)[a-z]/i, "card holds only div/button/mark elements");
      await session.browser.screenshot(join(ARTIFACTS, `corpus-${browserName}-card.png`));
      await session.browser.mouseMove(2, 2);
      assert.deepEqual(session.browser.consoleErrors().slice(errorsBefore), [], "nothing in the page's console");
    });

    it("the seller's own brand is never a source", async () => {
      await inOptions(() => chrome.runtime.sendMessage({ v: 1, type: "setOwnBrands", brands: ["Brookwell"] }));
      try {
        const { underlines } = await typeBullet(TYPED);
        assert.deepEqual(underlines.filter((u) => u.kind === "copied_copy"), [], "no copied_copy from the seller's own listing");
      } finally {
        await inOptions(() => chrome.runtime.sendMessage({ v: 1, type: "setOwnBrands", brands: [] }));
      }
    });

    it("Clear empties the corpus: the same copy is no longer flagged", async () => {
      const cleared = await inOptions(async () => {
        for (let i = 0; i < 50 && !document.getElementById("corpus-count")?.dataset.count; i++) await new Promise((r) => setTimeout(r, 100));
        /** @type {HTMLButtonElement} */ (document.getElementById("corpus-clear")).click();
        for (let i = 0; i < 50 && document.getElementById("corpus-count")?.dataset.count !== "0"; i++) await new Promise((r) => setTimeout(r, 100));
        return document.getElementById("corpus-count")?.dataset.count;
      });
      assert.equal(cleared, "0", "the options page shows an empty corpus");
      const c = await inOptions(readCorpus);
      assert.deepEqual(c.listings, [], "IndexedDB holds no listing");
      const { underlines } = await typeBullet(TYPED);
      assert.deepEqual(underlines.filter((u) => u.kind === "copied_copy"), [], "no copied_copy once cleared");
    });

    it("CSV import: good rows kept, the bad row named by its line, imported listings found as sources", async () => {
      const status = await inOptions(async (/** @type {string} */ csv) => {
        for (let i = 0; i < 50 && !document.getElementById("corpus-count")?.dataset.count; i++) await new Promise((r) => setTimeout(r, 100));
        const input = /** @type {HTMLInputElement} */ (document.getElementById("corpus-file"));
        const dt = new DataTransfer();
        dt.items.add(new File([csv], "listings.csv", { type: "text/csv" }));
        input.files = dt.files;
        input.dispatchEvent(new Event("change"));
        const out = /** @type {HTMLElement} */ (document.getElementById("corpus-status"));
        for (let i = 0; i < 100 && out.dataset.added === undefined; i++) await new Promise((r) => setTimeout(r, 100));
        return { text: out.textContent || "", added: out.dataset.added, skipped: out.dataset.skipped, count: document.getElementById("corpus-count")?.dataset.count };
      }, CSV);
      assert.equal(status.added, "2", `two rows imported: ${status.text}`);
      assert.equal(status.skipped, "1", `one row skipped: ${status.text}`);
      assert.match(status.text, /line 3: no title, bullets or description/);
      assert.equal(status.count, "2");
      const c = await inOptions(readCorpus);
      const towel = c.listings.find((x) => x.id === "csv-3");
      assert.ok(towel, "the two-line row was imported");
      assert.match(towel.description, /dries quickly,\s+hung by a cotton loop/);
      assert.deepEqual(c.listings.find((x) => x.id === "csv-1").bullets, ["Glazed by hand in small batches", "Oven and dishwasher safe"]);

      const { underlines } = await typeBullet(IMPORTED_COPY);
      assert.ok(underlines.some((u) => u.kind === "copied_copy"), `the imported listing is a source: ${JSON.stringify(underlines)}`);
    });

    // Last: it replaces the register snapshot of this profile.
    it("after a snapshot update the new engine still has the corpus", async () => {
      const dir = mkdtempSync(join(tmpdir(), "clearmark-corpus-snap-"));
      const cli = join(REPO, "target", "debug", "clearmark");
      const info = execFileSync(cli, ["snapshot", "inspect", join(REPO, "dist", "snapshot", "default.snap")], { encoding: "utf8" });
      const bundled = Number((/snapshot version:\s+(\d+)/.exec(info) || [])[1]);
      assert.ok(bundled > 0, `the bundled snapshot's version: ${info}`);
      writeFileSync(join(dir, "watch.csv"), "name,owner,classes\nZorblax,Test Owner Inc.,28\n");
      const snap = join(dir, "newer.snap");
      execFileSync(cli, ["snapshot", "build", "--no-defaults", "--out", snap, "--brands", join(dir, "watch.csv"), "--snapshot-version", String(bundled + 1),
        "--signing-key", join(REPO, "target", "dev-update-key", "feed.key")], { encoding: "utf8" });
      const res = await inOptions(importSnapshotFile, { b64: readFileSync(snap).toString("base64"), key: "corpus-test", name: "newer.snap" });
      assert.equal(res && res.ok, true, `the newer snapshot was installed: ${JSON.stringify(res)}`);
      assert.equal(res.status.active.version, bundled + 1, "the new engine answers now");
      const { underlines } = await typeBullet(IMPORTED_COPY);
      assert.ok(underlines.some((u) => u.kind === "copied_copy"), `the new engine has the corpus: ${JSON.stringify(underlines)}`);
      await inOptions(() => chrome.runtime.sendMessage({ v: 1, type: "corpusClear" }));
    });
  });
}
