// @ts-check
/**
 * What a kept listing records (extension/kept-record.js), run in Node: the key of a
 * listing open in an editor, the history of its findings across checks (first seen,
 * fixed when, found again), and the record brought up to date by a later check. The
 * browser path (editor → background → options page) is tests/e2e/kept.test.mjs.
 */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { editorKey, historyAfter, importKey, recordAfter, summary } from "../../extension/kept-record.js";

/**
 * @param {string} text @param {Partial<Finding>} [more]
 * @returns {Finding}
 */
const finding = (text, more = {}) => ({
  field: "title", index: null, start: 0, end: text.length, text, kind: "famous_brand", severity: "high",
  mark: text, reason: "", records: [], suggestion: "", ...more,
});

describe("kept listings: keys", () => {
  it("an editor's listing is its host and path, plus the id its address carries", () => {
    assert.equal(editorKey("https://www.etsy.com/your/shops/me/listing-editor/create/#top"), "www.etsy.com/your/shops/me/listing-editor/create");
    assert.equal(editorKey("https://sellercentral.amazon.com/abis/listing/edit?marketplaceID=X&sku=A-1&ref=x"), "sellercentral.amazon.com/abis/listing/edit?sku=A-1");
    assert.equal(editorKey("https://admin.shopify.com:8443/store/s/products/42?tab=seo"), "admin.shopify.com:8443/store/s/products/42");
  });

  it("an imported listing is its format and id", () => {
    assert.equal(importKey("shopify", "oak-tray"), "shopify:oak-tray");
  });
});

describe("kept listings: history of findings", () => {
  it("opens an entry per new finding, closes it when fixed, and opens another when it returns", () => {
    const lego = finding("LEGO");
    const nikee = finding("Nikee", { kind: "lookalike", mark: "Nike", severity: "medium" });
    let h = historyAfter([], [lego, nikee], 100);
    assert.deepEqual(h.map((e) => [e.text, e.firstSeen, e.fixedAt]), [["LEGO", 100, null], ["Nikee", 100, null]]);
    h = historyAfter(h, [{ ...lego, start: 5, end: 9 }], 200);
    assert.deepEqual(h.map((e) => [e.text, e.firstSeen, e.fixedAt]), [["LEGO", 100, null], ["Nikee", 100, 200]], "moving a finding is not fixing it");
    h = historyAfter(h, [lego, nikee], 300);
    assert.deepEqual(h.map((e) => [e.text, e.firstSeen, e.fixedAt]), [["LEGO", 100, null], ["Nikee", 100, 200], ["Nikee", 300, null]]);
    assert.equal(h[1].mark, "Nike");
    assert.equal(h[1].severity, "medium");
  });

  it("a later check keeps the first-seen date and replaces text and findings", () => {
    const first = recordAfter(undefined, { key: "k", source: "editor", where: "https://x.test/e", listing: { id: "k", title: "LEGO bricks" }, findings: [finding("LEGO")], snapshotVersion: 1 }, 100);
    const later = recordAfter(first, { key: "k", source: "editor", where: "https://x.test/e", listing: { id: "k", title: "Bricks", marketplace: "etsy.com" }, findings: [], snapshotVersion: 1 }, 200);
    assert.equal(later.firstSeen, 100);
    assert.equal(later.lastChecked, 200);
    assert.deepEqual(later.findings, []);
    assert.equal(later.listing.title, "Bricks");
    assert.deepEqual(summary(later), {
      key: "k", source: "editor", where: "https://x.test/e", title: "Bricks", marketplace: "etsy.com",
      firstSeen: 100, lastChecked: 200, findings: 0, fixed: 1, newSince: null,
    });
  });
});

describe("kept listings: new since", () => {
  const item = (/** @type {Finding[]} */ findings, snapshotVersion = 1) => ({
    key: "k", source: /** @type {const} */ ("editor"), where: "w", listing: { id: "k", title: "Zorblax LEGO" }, findings, snapshotVersion,
  });
  const lego = finding("LEGO");
  const zorblax = finding("Zorblax", { kind: "registered_mark" });

  it("a re-scan that finds more marks the listing new since the check before; fixing them clears it", () => {
    const kept = recordAfter(undefined, item([lego]), 100);
    assert.equal(kept.newSince, null, "a first check is not new since anything");
    const same = recordAfter(kept, item([lego], 2), 200, true);
    assert.equal(same.newSince, null, "a re-scan finding nothing new marks nothing");
    const fresh = recordAfter(same, item([lego, zorblax], 3), 300, true);
    assert.equal(fresh.newSince, 200, "new since the check before the re-scan");
    const again = recordAfter(fresh, item([lego, zorblax], 4), 400, true);
    assert.equal(again.newSince, 200, "still new since then while the new finding stands");
    const fixed = recordAfter(again, item([lego], 4), 500);
    assert.equal(fixed.newSince, null, "the seller fixed it");
    assert.equal(summary(fresh).newSince, 200);
  });

  it("an edit that adds a mark is not new since anything: the seller sees it as they type", () => {
    const kept = recordAfter(undefined, item([lego]), 100);
    assert.equal(recordAfter(kept, item([lego, zorblax]), 200).newSince, null);
  });
});
