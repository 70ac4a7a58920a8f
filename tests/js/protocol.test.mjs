// @ts-check
/**
 * The message protocol's guards (extension/protocol.js), in Node: the caps a request is
 * held to equal the engine's own (src/listing/limits.rs, read here as text so the two
 * cannot drift), each pinned at its boundary; and who may ask what (`mayAsk`), with the
 * senders each browser really reports for a content script and for an extension page.
 * `make test-js`.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import "../../extension/protocol.js";

const P = globalThis.ClearmarkProtocol;
const REPO = fileURLToPath(new URL("../..", import.meta.url));

/** @param {string} name */
function rustConst(name) {
  const src = readFileSync(`${REPO}/src/listing/limits.rs`, "utf8");
  const m = new RegExp(`pub const ${name}: usize = ([0-9_]+);`).exec(src);
  assert.ok(m, `${name} in src/listing/limits.rs`);
  return Number(m[1].replaceAll("_", ""));
}

test("the caps are the engine's: MAX_FIELD_UNITS, MAX_BULLETS, MAX_FINDINGS_PER_FIELD of src/listing/limits.rs", () => {
  for (const k of /** @type {const} */ (["MAX_FIELD_UNITS", "MAX_BULLETS", "MAX_FINDINGS_PER_FIELD"])) {
    assert.equal(P.LIMITS[k], rustConst(k), k);
  }
});

/** @param {Record<string, unknown>} listing */
const check = (listing) => P.parseRequest({ v: 1, type: "check", listing: { id: "x", ...listing } });

test("a field of 20,000 UTF-16 units is checked; 20,001 is refused with the cap in the message", () => {
  assert.equal(check({ title: "a".repeat(20_000) }).ok, true);
  const r = check({ title: "a".repeat(20_001) });
  assert.equal(r.ok, false);
  assert.match(/** @type {{error: string}} */ (r).error, /20001 characters.*at most 20000/);
  // UTF-16 units, not code points: 10,001 emoji are 20,002 units.
  assert.equal(check({ description: "😀".repeat(10_000) }).ok, true);
  assert.equal(check({ description: "😀".repeat(10_001) }).ok, false);
  for (const k of ["keywords", "brand", "category", "marketplace", "id"]) {
    assert.equal(check({ [k]: "a".repeat(20_001) }).ok, false, k);
  }
});

test("20 bullets are checked; 21 are refused, as is one bullet over the field cap", () => {
  assert.equal(check({ bullets: new Array(20).fill("x") }).ok, true);
  assert.equal(check({ bullets: new Array(21).fill("") }).ok, false);
  assert.equal(check({ bullets: ["ok", "a".repeat(20_001)] }).ok, false);
  assert.equal(check({ bullets: ["ok", 3] }).ok, false, "bullets are texts");
  assert.equal(check({ title: 42 }).ok, false, "a field is text");
});

test("corpus listings from a page are held to the same caps", () => {
  const add = (/** @type {Record<string, unknown>} */ l) => P.parseRequest({ v: 1, type: "corpusAdd", listing: { id: "amazon.com:B0", ...l } });
  assert.equal(add({ title: "a".repeat(20_000) }).ok, true);
  assert.equal(add({ title: "a".repeat(20_001) }).ok, false);
  assert.equal(add({ bullets: new Array(21).fill("x") }).ok, false);
  const imp = P.parseRequest({ v: 1, type: "corpusImport", listings: [{ id: "a", title: "t" }, { id: "b", description: "a".repeat(20_001) }] });
  assert.equal(imp.ok, false);
});

test("a listing to keep is held to the caps of a check; an evidence export names a key or none", () => {
  const keep = (/** @type {Record<string, unknown>} */ l) => P.parseRequest({ v: 1, type: "keepListing", listing: { id: "", ...l }, url: "https://www.etsy.com/your/e" });
  assert.equal(keep({ title: "a".repeat(20_000), bullets: new Array(20).fill("x") }).ok, true);
  assert.equal(keep({ title: "a".repeat(20_001) }).ok, false);
  assert.equal(keep({ bullets: new Array(21).fill("x") }).ok, false);
  assert.equal(P.parseRequest({ v: 1, type: "keepListing", url: "https://www.etsy.com/your/e" }).ok, false, "a listing is needed");
  assert.equal(P.parseRequest({ v: 1, type: "keepListing", listing: { id: "" } }).ok, false, "the editor's address is needed");
  assert.equal(P.parseRequest(P.keepListing({ id: "" }, `https://www.etsy.com/${"a".repeat(5000)}`)).ok, false, "an address past 4,096 units is refused");
  assert.equal(P.parseRequest(P.keptStatus("https://www.etsy.com/your/e")).ok, true, "the kept listings, and which is a tab's");
  assert.equal(P.parseRequest(P.keptStatus()).ok, true);
  assert.equal(P.parseRequest({ v: 1, type: "keptStatus", address: 7 }).ok, false, "an address is a string");
  assert.equal(P.parseRequest(P.keptStatus(`https://www.etsy.com/${"a".repeat(5000)}`)).ok, false, "of at most 4,096 units");
  assert.equal(P.parseRequest(P.keptExport()).ok, true);
  assert.equal(P.parseRequest(P.keptExport("www.etsy.com/e")).ok, true);
  assert.equal(P.parseRequest({ v: 1, type: "keptExport", key: 3 }).ok, false);
  assert.equal(P.parseRequest({ v: 1, type: "keptImport", key: "k", name: "f.csv" }).ok, false, "the size is needed");
});

test("a proposed own brand is a non-empty text of at most 200 characters", () => {
  const propose = (/** @type {unknown} */ brand) => P.parseRequest({ v: 1, type: "proposeOwnBrand", brand });
  assert.equal(propose("a".repeat(200)).ok, true);
  assert.equal(propose("a".repeat(201)).ok, false);
  assert.equal(propose("  ").ok, false);
  assert.equal(propose(["Nike"]).ok, false);
  assert.equal(P.parseRequest({ v: 1, type: "addOwnBrand", brand: "Nike" }).ok, false, "the old direct add is gone");
});

const CHROME = { id: "abcdefghijklmnopabcdefghijklmnop", base: "chrome-extension://abcdefghijklmnopabcdefghijklmnop/" };
const FIREFOX = { id: "clearmark@clearmark.app", base: "moz-extension://0c7d5f0e-3b1e-4d59-9b8e-2f1a7c3d9e10/" };

test("a content script (the page's URL, a tab) may send only check, corpusAdd, proposeOwnBrand, keepListing and tabBadge", () => {
  for (const self of [CHROME, FIREFOX]) {
    const tab = { id: self.id, url: "https://sellercentral.amazon.com/abis/listing/edit/", tab: { id: 7 }, frameId: 0 };
    for (const t of ["check", "corpusAdd", "proposeOwnBrand", "keepListing", "tabBadge"]) assert.equal(P.mayAsk(t, tab, self), true, t);
    for (const t of ["setOwnBrands", "confirmOwnBrand", "discardOwnBrand", "ownBrandsStatus", "info", "importWatchList", "watchListStatus",
      "watchListClear", "importSnapshot", "updateStatus", "updateSetFeed", "updateCheck", "updateRollback", "corpusImport", "corpusStatus", "corpusClear",
      "keptStatus", "keptClear", "keptImport", "keptExport"]) {
      assert.equal(P.mayAsk(t, tab, self), false, t);
    }
  }
});

test("the extension's own pages may send everything, also when opened in a tab", () => {
  for (const self of [CHROME, FIREFOX]) {
    const popup = { id: self.id, url: `${self.base}popup/popup.html` };
    const optionsTab = { id: self.id, url: `${self.base}options/options.html`, tab: { id: 3 } };
    for (const s of [popup, optionsTab]) {
      assert.equal(P.mayAsk("updateSetFeed", s, self), true);
      assert.equal(P.mayAsk("confirmOwnBrand", s, self), true);
    }
  }
});

test("another extension, or a page whose URL only contains our origin, may send nothing", () => {
  const other = { id: "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz", url: `${CHROME.base}popup/popup.html` };
  assert.equal(P.mayAsk("check", other, CHROME), false);
  const lookalike = { id: CHROME.id, url: `https://evil.example/${CHROME.base}` };
  assert.equal(P.mayAsk("setOwnBrands", lookalike, CHROME), false);
  assert.equal(P.mayAsk("setOwnBrands", undefined, CHROME), false);
  assert.equal(P.mayAsk("setOwnBrands", { id: CHROME.id }, CHROME), false, "no URL: not an extension page");
});

test("a badge count is an integer from 0 to MAX_BADGE_COUNT", () => {
  const badge = (/** @type {unknown} */ high) => P.parseRequest({ v: 1, type: "tabBadge", high });
  assert.deepEqual(P.tabBadge(3), { v: 1, type: "tabBadge", high: 3 });
  assert.equal(badge(0).ok, true);
  assert.equal(badge(P.MAX_BADGE_COUNT).ok, true);
  assert.equal(badge(P.MAX_BADGE_COUNT + 1).ok, false);
  for (const bad of [-1, 1.5, "3", null, undefined, Number.NaN, Infinity]) assert.equal(badge(bad).ok, false, String(bad));
});
