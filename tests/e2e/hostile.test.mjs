// @ts-check
/**
 * A hostile page, in Chromium and Firefox with the extension loaded: the fixture
 * www/seller.walmart.com/hostile/ looks like a seller page (labelled listing fields on a
 * seller host) and its own JavaScript (hostile.js) attacks the extension while the seller
 * works. It makes up the events a person makes (focusin, keyup, mouseup, mousemove over the
 * flagged word, Alt+Shift+B and Alt+Shift+I, clicks), clicks into the overlay where the
 * card's "This is my brand" button is drawn, reads every attribute and all the text it can,
 * fills a field with 5,000,000 characters and numbers a bullet 10⁹. Then:
 *
 * - the seller's settings are unchanged: own brands, pending proposals, storage, watch
 *   list (read through an extension page);
 * - nothing private is readable: no shadow root, no attribute, no text of the page names
 *   the watch-list mark's owner or note shown in the open card, and the page's listeners
 *   saw no element inside the overlay;
 * - the engine answers: the 5 MB field's first 20,000 characters are checked (the rest is
 *   named), the bullet numbered 10⁹ is not followed, and the seller's next real keystrokes
 *   are checked and drawn.
 *
 * In Chromium, a content script itself (as a page that took over its renderer could) asks
 * the background for what only extension pages may: refused.
 */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { waitFor } from "./wait.mjs";
import { ARTIFACTS, BROWSERS, useBrowser } from "./browsers.mjs";
import { focusEnd, overlayState } from "./editor-page.mjs";

const PAGE = { host: "seller.walmart.com", path: "/hostile/" };
/** A watch list whose owner and note only the seller should ever read. */
const OWNER = "Zorbix Secret Holdings";
const NOTE = "private note about a rival";
const CSV = `name,owner,classes,note\nZorbix,${OWNER},,${NOTE}\n`;
const TYPED = "Zorbix water bottle, steel lid";
const MORE = " for Adidas fans";
const HUGE = 5_000_000;

/**
 * In an extension page: every piece of the seller's state a page must not change.
 * @returns {Promise<{own: any, watch: any, corpus: any, storage: Record<string, unknown>}>}
 */
async function sellerState() {
  const ask = (/** @type {string} */ type) => chrome.runtime.sendMessage({ v: 1, type });
  const own = await ask("ownBrandsStatus");
  const watch = await ask("watchListStatus");
  const corpus = await ask("corpusStatus");
  const storage = await chrome.storage.local.get(null);
  return { own: { brands: own.brands, pending: own.pending }, watch: { count: watch.count, name: watch.name, importedAt: watch.importedAt }, corpus: corpus.count, storage };
}

mkdirSync(ARTIFACTS, { recursive: true });

for (const [browserName, launch] of Object.entries(BROWSERS)) {
  describe(`${browserName}: a hostile page`, { timeout: 300_000 }, () => {
    const session = useBrowser(launch);

    it("cannot act for the seller, read the seller's lists, or stall the engine", async () => {
      const b = session.browser;
      const errorsBefore = b.consoleErrors().length;
      const imported = await b.inExtension((csv) => chrome.runtime.sendMessage({ v: 1, type: "importWatchList", name: "private.csv", csv }), CSV);
      assert.equal(imported.ok, true, `watch list imported: ${JSON.stringify(imported)}`);
      const before = await b.inExtension(sellerState, null);

      await b.goto(`https://${PAGE.host}:${session.server.httpsPort}${PAGE.path}`);
      assert.equal((await waitFor(() => overlayState(b), (s) => s.hosts === 1)).hosts, 1, "the content script runs on the page");
      await b.evaluate(focusEnd, ["#title"]);
      await b.type(TYPED);
      let st = await waitFor(() => overlayState(b), (s) => s.underlines.some((u) => u.field === "title" && u.start === 0));
      const u = st.underlines.find((x) => x.field === "title" && x.start === 0);
      assert.ok(u, `the watch-list mark is underlined (drawn: ${JSON.stringify(st.underlines)})`);
      const centre = { x: (u.left + u.right) / 2, y: (u.top + u.bottom) / 2 };

      // 1. Made-up events over the flagged word open no card and run no action (the page's
      // dispatchEvent runs the listeners before it returns: no waiting needed).
      await b.mouseMove(2, 2);
      const fired = await b.evaluate((p) => /** @type {any} */ (window).hostile.synthetic(p), { ...centre, caret: 2 });
      assert.ok(fired > 20, "the page fired its events");
      st = await overlayState(b);
      assert.equal(st.card.visible, false, "no card from synthetic focusin/keyup/mouseup/mousemove");

      // 2. The seller hovers (a real pointer): the card opens; the page clicks where its buttons are.
      await b.mouseMove(centre.x, centre.y);
      st = await waitFor(() => overlayState(b), (s) => s.card.visible && !!s.card.buttons["own-brand"]);
      assert.ok(st.card.text.includes(OWNER), "the card shows the seller the owner from the watch list");
      const hits = await b.evaluate((pts) => /** @type {any} */ (window).hostile.clickInto(pts), [st.card.buttons["own-brand"], st.card.buttons.ignore]);
      assert.deepEqual(hits, ["clearmark-overlay", "clearmark-overlay"], "the page finds only the overlay's host where the buttons are");
      st = await overlayState(b);
      assert.ok(st.card.visible && st.underlines.some((x) => x.field === "title" && x.start === 0), "no action ran: the card and the underline stay");

      // 3. The caret card (opened by a real key) and the page's made-up Alt+Shift+B.
      await b.mouseMove(2, 2);
      await b.press("Home");
      await b.press("ArrowRight");
      await b.press("ArrowRight");
      st = await waitFor(() => overlayState(b), (s) => s.card.visible);
      assert.ok(st.card.visible, "a real caret move into the word opens the card");
      await b.evaluate((p) => /** @type {any} */ (window).hostile.synthetic(p), { ...centre, caret: 2 });
      st = await overlayState(b);
      assert.ok(st.underlines.some((x) => x.field === "title" && x.start === 0), "a synthetic Alt+Shift+B / Alt+Shift+I did nothing");

      // 4. What the page can read while the card shows the seller's private owner and note.
      const seen = await b.evaluate(() => /** @type {any} */ (window).hostile.probe(), null);
      assert.equal(seen.hosts, 1);
      assert.equal(seen.shadowRoot, false, "the overlay's shadow root is closed");
      assert.equal(seen.hostChildren, 0, "the host has no light-DOM children");
      for (const a of seen.hostAttributes) assert.match(a, /^(style|popover)=/, `host attribute ${a} tells nothing`);
      assert.deepEqual(seen.dataAttrs, [], "no data-* attribute anywhere on the page");
      // The card shows the owner (asserted above) and the kind; the page reads neither.
      const kindLine = st.card.text.split("\n")[0].split(" · ")[0];
      assert.ok(kindLine.length > 3, `the card names a kind: ${st.card.text}`);
      for (const secret of [OWNER, NOTE, kindLine, "Your watch list"]) {
        assert.equal(seen.pageText.includes(secret), false, `the page's text does not contain "${secret}"`);
      }
      assert.deepEqual(seen.seen.filter((/** @type {string} */ s) => s.includes("[") || s === "button"), [], `the page's listeners saw nothing inside the overlay: ${seen.seen}`);

      // 5. A 5,000,000-character field and a bullet numbered 10⁹.
      assert.equal(await b.evaluate((n) => /** @type {any} */ (window).hostile.fillHuge(n), HUGE), HUGE);
      assert.equal(await b.evaluate((t) => /** @type {any} */ (window).hostile.fillFeature(t), "Nike Air trainers"), 17);
      st = await waitFor(() => overlayState(b), (s) => s.underlines.some((x) => x.field === "description"), 30_000);
      assert.ok(st.underlines.some((x) => x.field === "description" && x.start === 0), "the first 20,000 characters of the huge field are checked (Nike at 0)");
      const tab = await b.inExtension(async () => {
        for (const t of await chrome.tabs.query({})) {
          if (t.id === undefined) continue;
          const r = await chrome.tabs.sendMessage(t.id, { v: 1, type: "tabFindings" }, { frameId: 0 }).catch(() => null);
          if (r && r.ok) return r;
        }
        return null;
      }, null);
      const desc = tab.fields.find((/** @type {any} */ f) => f.key === "description");
      assert.equal(desc.unchecked, HUGE - 20_000, "the popup names what was not checked");
      assert.deepEqual(tab.fields.filter((/** @type {any} */ f) => f.field === "bullets"), [], "the bullet numbered 10⁹ is not followed");

      // 6. The seller's next keystrokes are checked and drawn.
      await b.evaluate(focusEnd, ["#title"]);
      const t0 = Date.now();
      await b.type(MORE);
      const at = (TYPED + MORE).indexOf("Adidas");
      st = await waitFor(() => overlayState(b), (s) => s.underlines.some((x) => x.field === "title" && x.start === at), 15_000);
      assert.ok(st.underlines.some((x) => x.field === "title" && x.start === at), `the next check is answered (Adidas underlined after ${Date.now() - t0} ms)`);
      const direct = await b.inExtension(() => chrome.runtime.sendMessage({ v: 1, type: "check", listing: { id: "after", title: "LEGO compatible bricks" } }), null);
      assert.equal(direct.ok, true, "the engine answers a normal check");
      assert.ok(direct.report.findings.some((/** @type {any} */ f) => f.text === "LEGO"));
      await b.screenshot(join(ARTIFACTS, `hostile-${browserName}.png`));

      // 7. Nothing of the seller's changed.
      assert.deepEqual(await b.inExtension(sellerState, null), before, "own brands, pending proposals, storage, watch list and corpus unchanged");
      assert.deepEqual(b.consoleErrors().slice(errorsBefore), [], "nothing in the page's console");
      await b.inExtension(() => chrome.runtime.sendMessage({ v: 1, type: "watchListClear" }), null);
    });

    it("a content script may not ask for what only extension pages may (Chromium: run in the content script's own world)", { skip: browserName !== "chromium" && "Firefox gives automation no way into a content script's sandbox; tests/js/protocol.test.mjs pins the rule with Firefox's senders" }, async () => {
      const b = session.browser;
      await b.goto(`https://${PAGE.host}:${session.server.httpsPort}${PAGE.path}`);
      await waitFor(() => overlayState(b), (s) => s.hosts === 1);
      const before = await b.inExtension(sellerState, null);
      const answers = await /** @type {NonNullable<typeof b.inContentScript>} */ (b.inContentScript)(`(async () => {
        const ask = (m) => chrome.runtime.sendMessage(m).catch((e) => ({ ok: false, error: String(e) }));
        return {
          set: await ask({ v: 1, type: "setOwnBrands", brands: ["Nike"] }),
          confirm: await ask({ v: 1, type: "confirmOwnBrand", brand: "Nike" }),
          feed: await ask({ v: 1, type: "updateSetFeed", url: "https://evil.example/latest.json" }),
          clear: await ask({ v: 1, type: "corpusClear" }),
          watch: await ask({ v: 1, type: "watchListStatus" }),
          status: await ask({ v: 1, type: "ownBrandsStatus" }),
          kept: await ask({ v: 1, type: "keptStatus" }),
          evidence: await ask({ v: 1, type: "keptExport" }),
          forget: await ask({ v: 1, type: "keptClear" }),
          misfile: await ask({ v: 1, type: "keepListing", listing: { id: "", title: "LEGO bricks" }, url: "https://sellercentral.amazon.com/abis/listing/edit?sku=A1" }),
          check: await ask({ v: 1, type: "check", listing: { id: "x", title: "LEGO bricks" } }),
          huge: await ask({ v: 1, type: "check", listing: { id: "y", title: "a".repeat(20001) } }),
          bullets: await ask({ v: 1, type: "check", listing: { id: "z", bullets: new Array(21).fill("x") } }),
        };
      })()`);
      for (const k of ["set", "confirm", "feed", "clear", "watch", "status", "kept", "evidence", "forget"]) {
        assert.equal(answers[k].ok, false, `${k} refused to a content script`);
        assert.match(answers[k].error, /only Clearmark's own pages/, k);
      }
      assert.equal(answers.misfile.ok, false, "a tab may not keep a listing under another site's address");
      assert.match(answers.misfile.error, /only a listing of its own site/);
      assert.equal(answers.check.ok, true, "a content script may check");
      assert.equal(answers.huge.ok, false, "a field past 20,000 units is refused");
      assert.equal(answers.bullets.ok, false, "more than 20 bullets are refused");
      assert.deepEqual(await b.inExtension(sellerState, null), before, "nothing changed");
    });
  });
}
