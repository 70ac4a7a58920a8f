// @ts-check
/**
 * The evidence record (extension/protocol.js EvidenceRecord): kept listings turned into
 * the seller's record of preventive measures — the extension and snapshot that checked
 * them, and per listing its text, its findings with their evidence and the history of
 * its findings, every date in ISO 8601. A pure function over plain objects, tested in
 * Node (tests/js/evidence.test.mjs); the options page downloads it as JSON and
 * evidence/evidence.html prints it. It must not check, store or fetch anything.
 */

/** @param {number} ms */
const iso = (ms) => new Date(ms).toISOString();

/**
 * @param {object} from
 * @param {KeptListing[]} from.records   the kept listings, just checked
 * @param {SnapshotInfo} from.snapshot   the header of the snapshot that checked them
 * @param {{name: string, version: string}} from.extension
 * @param {number} from.now              ms since the epoch
 * @returns {EvidenceRecord}
 */
export function evidenceRecord({ records, snapshot, extension, now }) {
  return {
    format: "clearmark-evidence",
    formatVersion: 1,
    generatedAt: iso(now),
    extension,
    snapshot,
    listings: records.map((r) => ({
      key: r.key,
      source: r.source,
      where: r.where,
      firstSeen: iso(r.firstSeen),
      lastChecked: iso(r.lastChecked),
      listing: r.listing,
      findings: r.findings,
      history: r.history.map((h) => ({ ...h, firstSeen: iso(h.firstSeen), fixedAt: h.fixedAt === null ? null : iso(h.fixedAt) })),
    })),
  };
}
