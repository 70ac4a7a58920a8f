// @ts-check
/**
 * What a kept listing records (extension/protocol.js KeptListing): its key, the history of
 * its findings, and the line the options page lists. Pure functions over plain objects —
 * no storage, no engine, no browser API — so they are tested in Node
 * (tests/js/kept.test.mjs). Storage is kept-store.js; the messages are kept.js.
 */

/** Query parameters seller editors carry a listing's id in, most specific first. */
const ID_PARAMS = ["sku", "listingId", "listing_id", "itemId", "item_id", "productId", "product_id", "id"];

/**
 * The key of the listing open in an editor at `url`: host and path, plus the listing id
 * the address carries in its query, if any ("sellercentral.amazon.com/abis/listing/edit?sku=A1").
 * The fragment and other parameters (sessions, tracking) are left out, so the same
 * listing opened twice is one listing.
 * @param {string} url
 * @returns {string}
 */
export function editorKey(url) {
  const u = new URL(url);
  const param = ID_PARAMS.find((p) => u.searchParams.get(p));
  const path = u.pathname.replace(/\/+$/, "") || "/";
  return param ? `${u.host}${path}?${param}=${u.searchParams.get(param)}` : `${u.host}${path}`;
}

/**
 * The key of an imported listing: its format and its id in the file ("shopify:oak-tray").
 * @param {string} format  readCatalogue's `format`
 * @param {string} id
 */
export function importKey(format, id) {
  return `${format}:${id}`;
}

/** @param {{kind: string, mark: string, field: string, index: number|null, text: string}} f */
const identity = (f) => JSON.stringify([f.kind, f.mark.toLowerCase(), f.field, f.index, f.text]);

/**
 * The history after a check at `now` found `findings`: a finding not found before opens
 * an entry; an open entry no longer found is closed (fixed at `now`); a finding found again
 * after it was fixed opens a new entry. Entries stay in the order they were opened.
 * @param {FindingHistory[]} history
 * @param {Finding[]} findings
 * @param {number} now
 * @returns {FindingHistory[]}
 */
export function historyAfter(history, findings, now) {
  const found = new Set(findings.map(identity));
  const next = history.map((h) => (h.fixedAt === null && !found.has(identity(h)) ? { ...h, fixedAt: now } : h));
  const open = new Set(next.filter((h) => h.fixedAt === null).map(identity));
  for (const f of findings) {
    const id = identity(f);
    if (open.has(id)) continue;
    open.add(id);
    next.push({ kind: f.kind, severity: f.severity, mark: f.mark, field: f.field, index: f.index, text: f.text, firstSeen: now, fixedAt: null });
  }
  return next;
}

/**
 * The record of a listing checked at `now`: a new one, or `before` brought up to date
 * (first seen stays, the text and findings are the latest, the history follows).
 *
 * "New since": a re-scan (`rescan`: the register changed, or the seller asked) that finds
 * what the check before it did not marks the listing new since that earlier check (or
 * keeps an earlier mark); the mark stays while any finding first found after it is still
 * found, and goes once they are all fixed. A check while the seller edits never marks.
 * @param {KeptListing | undefined} before
 * @param {{key: string, source: KeptListing["source"], where: string, listing: Listing, findings: Finding[], snapshotVersion: number}} checked
 * @param {number} now
 * @param {boolean} [rescan]
 * @returns {KeptListing}
 */
export function recordAfter(before, checked, now, rescan = false) {
  const history = historyAfter(before ? before.history : [], checked.findings, now);
  /** @type {number | null} */
  let newSince = before ? before.newSince ?? null : null;
  if (rescan && before && history.some((h) => h.fixedAt === null && h.firstSeen === now)) newSince ??= before.lastChecked;
  const since = newSince;
  if (since !== null && !history.some((h) => h.fixedAt === null && h.firstSeen > since)) newSince = null;
  return {
    ...checked,
    firstSeen: before ? before.firstSeen : now,
    lastChecked: now,
    history,
    newSince,
  };
}

/**
 * The line the options page shows for a kept listing.
 * @param {KeptListing} r
 * @returns {KeptSummary}
 */
export function summary(r) {
  return {
    key: r.key,
    source: r.source,
    where: r.where,
    title: r.listing.title || r.listing.id,
    marketplace: r.listing.marketplace || "",
    firstSeen: r.firstSeen,
    lastChecked: r.lastChecked,
    findings: r.findings.length,
    fixed: r.history.filter((h) => h.fixedAt !== null).length,
    newSince: r.newSince ?? null,
  };
}
