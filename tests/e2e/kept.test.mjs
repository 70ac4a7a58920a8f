// @ts-check
/**
 * The seller's own listings, kept locally (issue 14, item 3), in real browsers (Chromium
 * and Firefox, the assembled extension loaded, the Etsy listing editor fixture served
 * under www.etsy.com):
 *
 * - typing a title with a famous brand in the editor keeps the listing: the background's
 *   kept listings hold it, keyed by the editor's address, with the text typed and the
 *   findings the engine gives for that text;
 * - the options page lists it (title, where, findings) with the switch on by default;
 * - the kept listing's evidence exported from options downloads a JSON record (the link's
 *   download is captured in the page) whose findings are exactly what the engine reports
 *   for the listing's text, with the extension and snapshot versions and the history;
 * - the printable page renders the same record and saves it as JSON; the popup links to it,
 *   and, in the editor's tab, to the record of the listing kept for that tab;
 * - "Clear kept listings" empties the list;
 * - importing a Shopify products CSV (tests/fixtures/catalogue, the audit's own fixture:
 *   variant rows, a BOM, HTML bodies, a product without a handle on row 6) lists its two
 *   products with findings and names the skipped row with its number and reason.
 *
 * - last, as it replaces this profile's snapshot (item 4): a listing kept with a coined
 *   word no snapshot knows; a newer signed snapshot that registers the word is imported;
 *   the background checks the kept listings again with it by itself, and the listing is
 *   "new since" its earlier check — in the background's status, the options list, the
 *   popup and the toolbar badge ("1"); "Check all again" keeps it so.
 *
 * Every wait is on a condition (wait.mjs), never on a guessed time.
 */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { execFileSync } from "node:child_process";
import { waitFor } from "./wait.mjs";
import { ARTIFACTS, BROWSERS, REPO, useBrowser } from "./browsers.mjs";
import { fieldState, focusEnd, overlayState } from "./editor-page.mjs";
import { importSnapshotFile } from "./page.mjs";

const EDITOR = { host: "www.etsy.com", path: "/your/shops/me/listing-editor/create/" };
const TITLE = ["#listing-title-input"];
const TYPED = "LEGO compatible building bricks set";
const SHOPIFY = readFileSync(join(REPO, "tests", "fixtures", "catalogue", "shopify-products.csv"), "utf8");

mkdirSync(ARTIFACTS, { recursive: true });

/** What the options page shows of the kept listings. */
function optionsState() {
  const text = (/** @type {string} */ id) => document.getElementById(id)?.textContent ?? "";
  return {
    ready: /-extension:$/.test(location.protocol) && document.readyState === "complete"
      && /** @type {HTMLInputElement | null} */ (document.getElementById("kept-switch"))?.dataset.ready === "true",
    switchOn: /** @type {HTMLInputElement | null} */ (document.getElementById("kept-switch"))?.checked ?? false,
    count: /** @type {HTMLElement | null} */ (document.getElementById("kept-count"))?.dataset.count ?? "",
    status: text("kept-status"),
    statusOk: /** @type {HTMLElement | null} */ (document.getElementById("kept-status"))?.dataset.ok ?? "",
    skipped: Array.from(document.querySelectorAll("#kept-skipped li")).map((li) => li.textContent ?? ""),
    rows: Array.from(document.querySelectorAll("#kept-list tbody tr")).map((tr) => ({
      key: /** @type {HTMLElement} */ (tr).dataset.key ?? "",
      cells: Array.from(tr.querySelectorAll("td")).map((td) => td.textContent ?? ""),
    })),
  };
}

/**
 * In the options page: choose `csv` as the catalogue file, as the seller's file picker does.
 * @param {{csv: string, name: string}} file
 */
function chooseCatalogue({ csv, name }) {
  const input = /** @type {HTMLInputElement} */ (document.getElementById("kept-file"));
  const dt = new DataTransfer();
  dt.items.add(new File([csv], name, { type: "text/csv" }));
  input.files = dt.files;
  input.dispatchEvent(new Event("change"));
}

/**
 * In an extension page: click the element `selector` with the page's link downloads
 * captured, and return the file's name and text (null when no download started).
 * @param {string} selector
 */
async function downloadOnClick(selector) {
  /** @type {Array<{name: string, href: string}>} */
  const saved = [];
  HTMLAnchorElement.prototype.click = function () {
    saved.push({ name: this.download, href: this.href });
  };
  /** @type {HTMLElement | null} */ (document.querySelector(selector))?.click();
  for (let i = 0; i < 300 && !saved.length; i++) await new Promise((r) => setTimeout(r, 50));
  if (!saved.length) return null;
  return { name: saved[0].name, text: await (await fetch(saved[0].href)).text() };
}

/** In the printable evidence page: what it rendered, once it has. */
function printedState() {
  const status = document.getElementById("evidence-status");
  return {
    ok: status?.dataset.ok ?? "",
    error: status?.textContent ?? "",
    meta: document.getElementById("evidence-meta")?.textContent ?? "",
    sections: Array.from(document.querySelectorAll("section.listing")).map((s) => ({
      key: /** @type {HTMLElement} */ (s).dataset.key ?? "",
      heading: s.querySelector("h2")?.textContent ?? "",
      findings: Array.from(s.querySelectorAll("table.findings tbody tr")).map((tr) => Array.from(tr.querySelectorAll("td")).map((td) => td.textContent ?? "")),
      history: s.querySelectorAll("table.history tbody tr").length,
    })),
  };
}

/** In the popup page: the "new findings" line, once the popup has asked. */
function popupFresh() {
  const p = document.getElementById("kept-fresh");
  return { hidden: p?.hidden ?? true, text: p?.textContent ?? "" };
}

/** In the options page: click "Clear kept listings". */
function clickClear() {
  /** @type {HTMLButtonElement} */ (document.getElementById("kept-clear")).click();
}

for (const [browserName, launch] of Object.entries(BROWSERS)) {
  describe(`${browserName}: kept listings`, { timeout: 240_000 }, () => {
    const session = useBrowser(launch);

    /** The background's kept listings, asked from an extension page. */
    const keptStatus = () => session.browser.inExtension(() => chrome.runtime.sendMessage({ v: 1, type: "keptStatus" }), null);

    /**
     * An options tab once its kept-listings section has loaded; closed by the caller.
     */
    async function openOptions() {
      const opts = await session.browser.extensionPage("options/options.html");
      const st = await waitFor(() => opts.evaluate(optionsState, null).catch(() => null), (s) => !!s?.ready && s.count !== "");
      assert.ok(st?.ready, "the options page loaded its kept listings");
      return opts;
    }

    it("typing a listing in a seller editor keeps it, with the engine's findings for its text", async () => {
      const errorsBefore = session.browser.consoleErrors().length;
      await session.browser.goto(`https://${EDITOR.host}:${session.server.httpsPort}${EDITOR.path}`);
      await waitFor(() => overlayState(session.browser), (s) => s.hosts === 1);
      await session.browser.evaluate(focusEnd, TITLE);
      await session.browser.type(TYPED);
      assert.equal((await session.browser.evaluate(fieldState, TITLE)).value, TYPED, "the field holds what was typed");

      const res = await waitFor(keptStatus, (r) => r?.ok && r.listings.some((/** @type {KeptSummary} */ l) => l.title === TYPED));
      assert.ok(res?.ok, JSON.stringify(res));
      assert.equal(res.count, 1, "one listing kept");
      const kept = /** @type {KeptSummary} */ (res.listings[0]);
      assert.equal(kept.key, `${EDITOR.host}:${session.server.httpsPort}${EDITOR.path.replace(/\/$/, "")}`, "keyed by the editor's address");
      assert.equal(kept.source, "editor");
      assert.equal(kept.marketplace, "etsy.com");
      assert.ok(kept.firstSeen > 0 && kept.lastChecked >= kept.firstSeen);

      const report = await session.browser.inExtension(
        (title) => chrome.runtime.sendMessage({ v: 1, type: "check", listing: { id: "x", marketplace: "etsy.com", title } }), TYPED);
      assert.ok(report.ok, JSON.stringify(report));
      assert.ok(report.report.findings.length > 0, "the typed title has findings");
      assert.equal(kept.findings, report.report.findings.length, "kept with the engine's findings for the text typed");
      assert.deepEqual(session.browser.consoleErrors().slice(errorsBefore), [], "nothing in the page's console");
    });

    it("the kept listing's evidence downloads as JSON with the engine's findings for its text", async () => {
      const { key } = (await keptStatus()).listings[0];
      const opts = await openOptions();
      let file;
      try {
        await waitFor(() => opts.evaluate(optionsState, null), (s) => s.rows.length === 1);
        file = await opts.evaluate(downloadOnClick, `#kept-list tr[data-key="${key}"] .kept-json`);
      } finally {
        await opts.close();
      }
      assert.ok(file, "a download was started");
      assert.match(file.name, /^clearmark-evidence-\d{4}-\d{2}-\d{2}\.json$/);
      /** @type {EvidenceRecord} */
      const record = JSON.parse(file.text);
      assert.equal(record.format, "clearmark-evidence");
      assert.ok(!Number.isNaN(Date.parse(record.generatedAt)));
      const version = await session.browser.inExtension(() => chrome.runtime.getManifest().version, null);
      assert.deepEqual(record.extension, { name: "Clearmark", version });
      const info = await session.browser.inExtension(() => chrome.runtime.sendMessage({ v: 1, type: "info" }), null);
      assert.equal(record.snapshot.snapshot_version, info.snapshot.snapshot_version, "the snapshot in use");
      assert.ok(Array.isArray(record.snapshot.sources) && record.snapshot.sources.length > 0, "with its sources and their dates");
      assert.equal(record.listings.length, 1);
      const l = record.listings[0];
      assert.equal(l.key, key);
      assert.equal(l.listing.title, TYPED, "the text as checked");
      const report = await session.browser.inExtension((listing) => chrome.runtime.sendMessage({ v: 1, type: "check", listing }), l.listing);
      assert.ok(report.ok, JSON.stringify(report));
      assert.ok(l.findings.length > 0);
      assert.deepEqual(l.findings, report.report.findings, "exactly the engine's findings, with their evidence");
      assert.deepEqual(l.history.map((h) => [h.text, h.mark, h.fixedAt]), l.findings.map((f) => [f.text, f.mark, null]), "each finding's history: open since first seen");
    });

    it("the printable page renders the same record, and saves it as JSON too", async () => {
      const { key } = (await keptStatus()).listings[0];
      const page = await session.browser.extensionPage(`evidence/evidence.html?key=${encodeURIComponent(key)}`);
      try {
        const st = await waitFor(() => page.evaluate(printedState, null).catch(() => null), (s) => !!s && s.ok !== "");
        assert.equal(st?.ok, "true", st?.error);
        const info = await session.browser.inExtension(() => chrome.runtime.sendMessage({ v: 1, type: "info" }), null);
        assert.ok(st.meta.includes(String(info.snapshot.snapshot_version)), st.meta);
        assert.equal(st.sections.length, 1);
        assert.equal(st.sections[0].key, key);
        assert.equal(st.sections[0].heading, TYPED);
        const report = await session.browser.inExtension(
          (title) => chrome.runtime.sendMessage({ v: 1, type: "check", listing: { id: "x", marketplace: "etsy.com", title } }), TYPED);
        assert.deepEqual(st.sections[0].findings.map((r) => [r[1], r[4]]), report.report.findings.map((/** @type {Finding} */ f) => [f.text, f.mark]));
        assert.equal(st.sections[0].history, report.report.findings.length);
        await page.screenshot(join(ARTIFACTS, `kept-${browserName}-evidence.png`));
        await waitFor(() => page.evaluate(() => !(/** @type {HTMLButtonElement} */ (document.getElementById("save-json"))).disabled, null), (on) => on);
        const file = await page.evaluate(downloadOnClick, "#save-json");
        assert.ok(file, "a download was started");
        /** @type {EvidenceRecord} */
        const record = JSON.parse(file.text);
        assert.deepEqual(record.listings.map((l) => l.key), [key]);
        const again = await session.browser.inExtension((listing) => chrome.runtime.sendMessage({ v: 1, type: "check", listing }), record.listings[0].listing);
        assert.deepEqual(record.listings[0].findings, again.report.findings, "the engine's findings for the listing's text");
      } finally {
        await page.close();
      }
    });

    it("the popup links to the printable evidence page", async () => {
      const popup = await session.browser.extensionPage("popup/popup.html");
      try {
        const link = await waitFor(() => popup.evaluate(() => {
          const a = /** @type {HTMLAnchorElement | null} */ (document.getElementById("open-evidence"));
          return { href: a?.href ?? "", text: a?.textContent ?? "" };
        }, null).catch(() => ({ href: "", text: "" })), (l) => l.text !== "");
        assert.match(link.href, /^(chrome|moz)-extension:\/\/[^/]+\/evidence\/evidence\.html$/);
        assert.equal(link.text, "Evidence");
      } finally {
        await popup.close();
      }
    });

    it("the popup of the editor's tab links to the evidence of the listing kept for it", async () => {
      const { key } = (await keptStatus()).listings[0];
      const probe = await session.browser.extensionPage("popup/popup.html?tab=0");
      /** @type {number | null} */
      let tabId = null;
      try {
        tabId = await probe.evaluate(async (/** @type {string} */ host) => {
          for (const t of await chrome.tabs.query({})) {
            if (t.id === undefined) continue;
            /** @type {any} */
            const r = await chrome.tabs.sendMessage(t.id, { v: 1, type: "tabFindings" }).catch(() => null);
            if (r && r.ok && r.host === host) return t.id;
          }
          return null;
        }, EDITOR.host);
      } finally {
        await probe.close();
      }
      assert.notEqual(tabId, null, "the editor's tab answers the popup");
      const popup = await session.browser.extensionPage(`popup/popup.html?tab=${tabId}`);
      try {
        const link = await waitFor(() => popup.evaluate(() => {
          const a = /** @type {HTMLAnchorElement} */ (document.getElementById("open-evidence-here"));
          return { hidden: a.hidden, href: a.href, text: a.textContent ?? "" };
        }, null).catch(() => ({ hidden: true, href: "", text: "" })), (l) => !l.hidden);
        assert.equal(link.hidden, false, "the link is shown");
        assert.equal(link.text, "Evidence for this listing");
        assert.equal(new URL(link.href).pathname, "/evidence/evidence.html");
        assert.equal(new URL(link.href).searchParams.get("key"), key, "the listing kept for this tab");
      } finally {
        await popup.close();
      }
    });

    it("the options page lists the kept listing, switch on by default, and Clear empties it", async () => {
      const opts = await openOptions();
      try {
        const st = await waitFor(() => opts.evaluate(optionsState, null), (s) => s.rows.length === 1);
        assert.equal(st.switchOn, true, "keeping is on by default");
        assert.equal(st.count, "1");
        assert.equal(st.rows[0].cells[0], TYPED);
        assert.match(st.rows[0].cells[1], /^https:\/\/www\.etsy\.com:\d+\/your\/shops\/me\/listing-editor\/create\/$/);
        assert.notEqual(st.rows[0].cells[4], "0", "its findings are counted");
        await opts.screenshot(join(ARTIFACTS, `kept-${browserName}-options.png`));

        await opts.evaluate(clickClear, null);
        const cleared = await waitFor(() => opts.evaluate(optionsState, null), (s) => s.count === "0" && s.rows.length === 0);
        assert.equal(cleared.count, "0");
        assert.deepEqual(cleared.rows, []);
        assert.equal(cleared.statusOk, "true", cleared.status);
      } finally {
        await opts.close();
      }
      const res = await keptStatus();
      assert.equal(res.count, 0, "the background keeps nothing any more");
    });

    it("importing a Shopify CSV lists its products and names the skipped row", async () => {
      const opts = await openOptions();
      try {
        await opts.evaluate(chooseCatalogue, { csv: SHOPIFY, name: "products_export.csv" });
        const st = await waitFor(() => opts.evaluate(optionsState, null), (s) => s.statusOk !== "" && !s.status.startsWith("Reading") && s.rows.length === 2, 30_000);
        assert.equal(st.statusOk, "true", st.status);
        assert.equal(st.status, "Shopify products CSV: 2 listings read from products_export.csv and checked; 1 rows skipped.");
        assert.deepEqual(st.skipped, ["Row 6: no id (nothing in Handle)"]);
        assert.equal(st.count, "2");
        assert.deepEqual(st.rows.map((r) => r.key).sort(), ["shopify:pokemon-sleeves", "shopify:stanley-lid"]);
        const byKey = Object.fromEntries(st.rows.map((r) => [r.key, r.cells]));
        assert.equal(byKey["shopify:pokemon-sleeves"][0], "Card sleeves for trading cards");
        assert.equal(byKey["shopify:pokemon-sleeves"][1], "products_export.csv row 2");
        assert.equal(byKey["shopify:stanley-lid"][1], "products_export.csv row 5");
        for (const [key, cells] of Object.entries(byKey)) assert.notEqual(cells[4], "0", `${key}: its findings are counted, as clearmark audit finds`);
        await opts.screenshot(join(ARTIFACTS, `kept-${browserName}-import.png`));
      } finally {
        await opts.close();
      }
    });

    it("a file that is not a catalogue is refused with the reason, and nothing changes", async () => {
      const opts = await openOptions();
      try {
        await opts.evaluate(chooseCatalogue, { csv: "name,price\nmug,3\n", name: "prices.csv" });
        const st = await waitFor(() => opts.evaluate(optionsState, null), (s) => s.statusOk === "false");
        assert.match(st.status, /^prices\.csv: The catalogue cannot be read: not a catalogue export Clearmark reads/);
        assert.equal(st.count, "2", "the listings kept stay");
      } finally {
        await opts.close();
      }
    });

    // Last: it replaces the register snapshot of this profile.
    it("a snapshot update that registers a word marks the kept listing using it as new since its earlier check", async () => {
      const coined = "Zorblax insulated water bottle";
      await session.browser.goto(`https://${EDITOR.host}:${session.server.httpsPort}${EDITOR.path}`);
      await waitFor(() => overlayState(session.browser), (s) => s.hosts === 1);
      await session.browser.evaluate(focusEnd, TITLE);
      await session.browser.type(coined);
      /** @param {any} r */
      const editorListing = (r) => r?.ok ? r.listings.find((/** @type {KeptSummary} */ l) => l.source === "editor") : undefined;
      const before = editorListing(await waitFor(keptStatus, (r) => editorListing(r)?.title === coined));
      assert.equal(before?.findings, 0, "no snapshot of this profile knows the word yet");
      assert.equal(before.newSince, null);

      const dir = mkdtempSync(join(tmpdir(), "clearmark-kept-snap-"));
      const cli = join(REPO, "target", "debug", "clearmark");
      const info = execFileSync(cli, ["snapshot", "inspect", join(REPO, "dist", "snapshot", "default.snap")], { encoding: "utf8" });
      const bundled = Number((/snapshot version:\s+(\d+)/.exec(info) || [])[1]);
      assert.ok(bundled > 0, `the bundled snapshot's version: ${info}`);
      writeFileSync(join(dir, "marks.csv"), "name,owner,classes\nZorblax,Test Owner Inc.,21\n");
      const snap = join(dir, "newer.snap");
      execFileSync(cli, ["snapshot", "build", "--no-defaults", "--out", snap, "--brands", join(dir, "marks.csv"), "--snapshot-version", String(bundled + 1),
        "--signing-key", join(REPO, "target", "dev-update-key", "feed.key")], { encoding: "utf8" });
      const opts = await openOptions();
      try {
        const res = await opts.evaluate(importSnapshotFile, { b64: readFileSync(snap).toString("base64"), key: "kept-test", name: "newer.snap" });
        assert.equal(res?.ok, true, `the newer snapshot was installed: ${JSON.stringify(res)}`);
      } finally {
        await opts.close();
      }

      const after = await waitFor(keptStatus, (r) => editorListing(r)?.newSince != null);
      const l = editorListing(after);
      assert.equal(l?.newSince, before.lastChecked, `new since the check before the update: ${JSON.stringify(after)}`);
      assert.ok(l.findings > 0, "the new snapshot's mark is found");
      assert.equal(after.fresh, 1, "only that listing has something new");
      const badge = await session.browser.inExtension(() => chrome.action.getBadgeText({}), null);
      assert.equal(badge, "1", "the toolbar badge counts it");

      const page = await openOptions();
      try {
        const st = await waitFor(() => page.evaluate(optionsState, null), (s) => s.rows.some((r) => r.cells[0].includes("new since")));
        const row = st.rows.find((r) => r.key === l.key);
        assert.match(row?.cells[0] ?? "", new RegExp(`^${coined} new since `));
        assert.equal(st.rows.filter((r) => r.cells[0].includes("new since")).length, 1);
        await page.screenshot(join(ARTIFACTS, `kept-${browserName}-new-since.png`));
        await page.evaluate(() => /** @type {HTMLButtonElement} */ (document.getElementById("kept-rescan")).click(), null);
        const rescanned = await waitFor(() => page.evaluate(optionsState, null), (s) => s.status.startsWith("Checked "));
        assert.equal(rescanned.status, `Checked ${after.count} listings again; 1 with new findings.`);
      } finally {
        await page.close();
      }
      const popup = await session.browser.extensionPage("popup/popup.html");
      try {
        const fresh = await waitFor(() => popup.evaluate(popupFresh, null).catch(() => ({ hidden: true, text: "" })), (f) => !f.hidden);
        assert.match(fresh.text, /^1 kept listings have new findings since /);
      } finally {
        await popup.close();
      }
    });
  });
}
