// @ts-check
/**
 * The evidence record (extension/evidence.js), run in Node: who made it and with which
 * snapshot, each listing's text and findings as kept, and the history's dates in ISO
 * 8601 with a finding still open marked by a null fix date. The browser path (options
 * page → download, printable page) is tests/e2e/kept.test.mjs.
 */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { evidenceRecord } from "../../extension/evidence.js";

describe("evidence record", () => {
  it("carries the extension, the snapshot, the text, the findings and the dated history", () => {
    /** @type {Finding} */
    const lego = {
      field: "title", index: null, start: 0, end: 4, text: "LEGO", kind: "famous_brand", severity: "high", mark: "LEGO",
      reason: "famous brand", records: [{ register: "FAMOUS", number: "", owner: "The LEGO Group", classes: [28], status: "registered" }], suggestion: "",
    };
    const day = Date.UTC(2026, 11, 1);
    const snapshot = { snapshot_version: 2026120300, build_date: 20261203, sources: [{ kind: "famous", name: "simple-icons", date: 20261203 }] };
    const r = evidenceRecord({
      records: [{
        key: "www.etsy.com/e", source: "editor", where: "https://www.etsy.com/e", listing: { id: "www.etsy.com/e", title: "LEGO bricks" },
        firstSeen: day, lastChecked: day + 3_600_000, findings: [lego], snapshotVersion: 2026120300, newSince: null,
        history: [
          { kind: "lookalike", severity: "medium", mark: "Nike", field: "title", index: null, text: "Nikee", firstSeen: day, fixedAt: day + 60_000 },
          { kind: "famous_brand", severity: "high", mark: "LEGO", field: "title", index: null, text: "LEGO", firstSeen: day, fixedAt: null },
        ],
      }],
      snapshot, extension: { name: "Clearmark", version: "0.1.0" }, now: day + 3_600_000,
    });
    assert.equal(r.format, "clearmark-evidence");
    assert.equal(r.formatVersion, 1);
    assert.equal(r.generatedAt, "2026-12-01T01:00:00.000Z");
    assert.deepEqual(r.extension, { name: "Clearmark", version: "0.1.0" });
    assert.deepEqual(r.snapshot, snapshot);
    const l = r.listings[0];
    assert.equal(l.firstSeen, "2026-12-01T00:00:00.000Z");
    assert.equal(l.lastChecked, "2026-12-01T01:00:00.000Z");
    assert.deepEqual(l.listing, { id: "www.etsy.com/e", title: "LEGO bricks" });
    assert.deepEqual(l.findings, [lego]);
    assert.deepEqual(l.history.map((h) => [h.text, h.firstSeen, h.fixedAt]), [
      ["Nikee", "2026-12-01T00:00:00.000Z", "2026-12-01T00:01:00.000Z"],
      ["LEGO", "2026-12-01T00:00:00.000Z", null],
    ]);
  });
});
