// @ts-check
/**
 * The seller's watch list in real browsers (Chromium and Firefox, the assembled extension
 * loaded, the Etsy listing editor fixture served under www.etsy.com):
 *
 * - "Quibbix" — a coined word that neither the bundled snapshot nor its lookalike rules
 *   know (checked with `clearmark check`) — typed into the title is not underlined;
 * - a file without a `name` header is refused in the options page and no list is in use;
 * - a CSV with a bad row imported through the options page's file input: the status says
 *   1 mark imported and 1 row skipped, the bad row is listed with its line number, the
 *   page shows the list in use;
 * - typing "Quibbix" in the title now underlines exactly that word as a registered mark,
 *   and the hover card names the watch list as its register;
 * - after the background restarts (Chromium stops the service worker, Firefox reloads
 *   the add-on) the new background has the list: the word is underlined again;
 * - nothing in the page's console.
 */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { waitFor } from "./wait.mjs";
import { ARTIFACTS, BROWSERS, useBrowser } from "./browsers.mjs";
import { fieldState, focusEnd, overlayState } from "./editor-page.mjs";

const EDITOR = { host: "www.etsy.com", path: "/your/shops/me/listing-editor/create/" };
const TITLE = ["#listing-title-input"];
const TYPED = "Quibbix insulated water bottle with steel lid";
const WORD = "Quibbix";

/** A watch list with one good row and one bad row (line 3: class 99). */
const CSV = "name,owner,classes,note\nQuibbix,Quib Ltd,,competitor\nGlimmer,,9;99,typo in the class\n";
/** A file that is not a watch list: no header naming a mark column. */
const NOT_A_LIST = "Quibbix,Quib Ltd\n";

/**
 * In the options page: choose `csv` as the watch-list file (the input's change handler
 * runs as when the seller picks a file) and wait for the import's outcome.
 * @param {{csv: string, name: string}} file
 */
async function importInOptions({ csv, name }) {
  const current = /** @type {HTMLElement} */ (document.getElementById("watch-current"));
  for (let i = 0; i < 100 && !current.textContent; i++) await new Promise((r) => setTimeout(r, 100));
  const input = /** @type {HTMLInputElement} */ (document.getElementById("watch-file"));
  const out = /** @type {HTMLElement} */ (document.getElementById("watch-status"));
  out.textContent = "";
  const dt = new DataTransfer();
  dt.items.add(new File([csv], name, { type: "text/csv" }));
  input.files = dt.files;
  input.dispatchEvent(new Event("change"));
  // The status first says the file is being read ("Reading <name>…"); the outcome replaces it.
  for (let i = 0; i < 150 && (!out.textContent || out.textContent.startsWith("Reading ")); i++) await new Promise((r) => setTimeout(r, 100));
  const wanted = out.dataset.ok === "true";
  for (let i = 0; i < 50 && wanted && !current.textContent?.includes(name); i++) await new Promise((r) => setTimeout(r, 100));
  return {
    ok: out.dataset.ok,
    text: out.textContent || "",
    errors: Array.from(document.querySelectorAll("#watch-errors li")).map((li) => li.textContent || ""),
    current: current.textContent || "",
    clearShown: !(/** @type {HTMLButtonElement} */ (document.getElementById("watch-clear")).hidden),
  };
}

/** In the options page: the watch list in use, once the page has asked the background. */
async function currentInOptions() {
  const current = /** @type {HTMLElement} */ (document.getElementById("watch-current"));
  for (let i = 0; i < 100 && !current.textContent; i++) await new Promise((r) => setTimeout(r, 100));
  return current.textContent || "";
}

mkdirSync(ARTIFACTS, { recursive: true });

for (const [browserName, launch] of Object.entries(BROWSERS)) {
  describe(`${browserName}: watch list`, { timeout: 240_000 }, () => {
    const session = useBrowser(launch);

    /**
     * An options tab that really shows the options page (Firefox's new tab is
     * about:blank for a moment), with `fn` run in it; the tab is closed after.
     * @template R
     * @param {(arg: any) => R | Promise<R>} fn @param {any} [arg]
     * @returns {Promise<R>}
     */
    async function inOptions(fn, arg = null) {
      const opts = await session.browser.extensionPage("options/options.html");
      try {
        const ready = await waitFor(
          () => opts.evaluate(() => (/-extension:$/.test(location.protocol) && document.readyState === "complete" && !!document.getElementById("watch-file") ? "ok" : ""), null).catch(() => ""),
          (v) => v === "ok",
        );
        assert.equal(ready, "ok", "the options page loaded");
        const r = await opts.evaluate(fn, arg);
        await opts.screenshot(join(ARTIFACTS, `watchlist-${browserName}-options.png`));
        return r;
      } finally {
        await opts.close();
      }
    }

    /**
     * Opens the Etsy listing editor, types the title and waits until the engine's answer
     * for the whole text is drawn; returns the title's underlines.
     */
    async function typeTitle() {
      await session.browser.goto(`https://${EDITOR.host}:${session.server.httpsPort}${EDITOR.path}`);
      await waitFor(() => overlayState(session.browser), (s) => s.hosts === 1);
      await session.browser.evaluate(focusEnd, TITLE);
      await session.browser.type(TYPED);
      const value = (await session.browser.evaluate(fieldState, TITLE)).value;
      assert.equal(value, TYPED, "the field holds what was typed");
      /** @param {{painted: string|null}} s */
      const answered = (s) => {
        const p = s.painted ? JSON.parse(s.painted) : null;
        return !!p && p.field === "title" && p.checked && p.length === value.length;
      };
      const st = await waitFor(() => overlayState(session.browser), answered);
      assert.ok(answered(st), `the engine's answer for the whole typed text is drawn (${st.painted})`);
      return st.underlines.filter((u) => u.field === "title");
    }

    it("before any watch list, the word is not underlined", async () => {
      const errorsBefore = session.browser.consoleErrors().length;
      assert.deepEqual(await typeTitle(), [], "nothing underlined in the title");
      assert.equal(await inOptions(currentInOptions), "No watch list in use.");
      assert.deepEqual(session.browser.consoleErrors().slice(errorsBefore), [], "nothing in the page's console");
    });

    it("a file that is not a watch list is refused; no list is in use", async () => {
      const r = await inOptions(importInOptions, { csv: NOT_A_LIST, name: "notes.csv" });
      assert.equal(r.ok, "false", r.text);
      assert.match(r.text, /notes\.csv: .*header with a `name` column/);
      assert.deepEqual(r.errors, []);
      assert.equal(r.current, "No watch list in use.");
      assert.equal(r.clearShown, false);
    });

    it("importing a CSV with a bad row: the count and the bad row's line are shown", async () => {
      const r = await inOptions(importInOptions, { csv: CSV, name: "watch.csv" });
      assert.equal(r.ok, "true", r.text);
      assert.equal(r.text, "Imported 1 marks (1 rows skipped).");
      assert.deepEqual(r.errors, ['Line 3: Glimmer: class "99" is not a Nice class (1 to 45)']);
      assert.equal(r.current, "In use: 1 marks from watch.csv.");
      assert.equal(r.clearShown, true, "the list can be removed");
    });

    it("typing the watched word underlines it, and the card names the watch list", async () => {
      const errorsBefore = session.browser.consoleErrors().length;
      const underlines = await typeTitle();
      const spans = [...new Set(underlines.map((u) => `${u.start}:${u.end}:${u.kind}`))];
      assert.deepEqual(spans, [`0:${WORD.length}:registered_mark`], `exactly the watched word (${JSON.stringify(underlines)})`);
      const u = underlines[0];
      await session.browser.mouseMove((u.left + u.right) / 2, (u.top + u.bottom) / 2);
      const shown = await waitFor(() => overlayState(session.browser), (s) => s.card.visible);
      assert.ok(shown.card.visible, "card shown on hover");
      assert.match(shown.card.text, /Your watch list/);
      assert.match(shown.card.text, /Quib Ltd/);
      await session.browser.screenshot(join(ARTIFACTS, `watchlist-${browserName}-card.png`));
      await session.browser.mouseMove(2, 2);
      assert.deepEqual(session.browser.consoleErrors().slice(errorsBefore), [], "nothing in the page's console");
    });

    it("the watch list survives a restart of the background", async () => {
      const errorsBefore = session.browser.consoleErrors().length;
      await session.browser.restartBackground();
      const underlines = await typeTitle();
      const spans = [...new Set(underlines.map((u) => `${u.start}:${u.end}:${u.kind}`))];
      assert.deepEqual(spans, [`0:${WORD.length}:registered_mark`], `still underlined (${JSON.stringify(underlines)})`);
      assert.equal(await inOptions(currentInOptions), "In use: 1 marks from watch.csv.");
      assert.deepEqual(session.browser.consoleErrors().slice(errorsBefore), [], "nothing in the page's console");
    });

    it("removing the watch list: the word is no longer underlined", async () => {
      const current = await inOptions(async () => {
        const current = /** @type {HTMLElement} */ (document.getElementById("watch-current"));
        for (let i = 0; i < 100 && !current.textContent; i++) await new Promise((r) => setTimeout(r, 100));
        /** @type {HTMLButtonElement} */ (document.getElementById("watch-clear")).click();
        for (let i = 0; i < 100 && current.textContent !== "No watch list in use."; i++) await new Promise((r) => setTimeout(r, 100));
        return current.textContent;
      });
      assert.equal(current, "No watch list in use.");
      assert.deepEqual(await typeTitle(), [], "nothing underlined once the list is removed");
    });
  });
}
