// @ts-check
/**
 * The message protocol between Clearmark's content scripts, extension pages and the
 * background engine — the one place it is defined.
 *
 * Every message is a plain object `{v, type, ...}`; `v` is PROTOCOL_VERSION. The
 * background answers every request (also bad ones) with a response of the same `type`
 * and `ok: true | false`; it never leaves a sender waiting and never throws across the
 * boundary. A receiver ignores messages whose `v` it does not speak, answering
 * `{ok: false, error}` so an old content script after an update fails quietly.
 *
 * Compatibility rule: fields are only ever ADDED (optional for old senders); a change in
 * meaning or a removal bumps PROTOCOL_VERSION.
 *
 * Offsets (`start`/`end`) are UTF-16 code units of the field string sent, exactly what
 * `String.prototype.slice` uses. Findings are the JSON contract of docs/contracts.md, the
 * same objects `clearmark check` prints.
 *
 * This file is loaded twice: as a classic content script (before content/main.js and the rest,
 * which reads `globalThis.ClearmarkProtocol`) and as a side-effect import of the
 * background module. It must stay free of `import`/`export` and of side effects beyond
 * defining that one global.
 */

/**
 * The JSON contract, the same objects `clearmark check` prints, is declared once in
 * contract.d.ts, generated from the Rust types (src/listing.rs) and checked current by
 * `cargo test`; docs/contracts.md explains it. A listing as the seller is writing it
 * (only `id` is required), a register record a finding cites, its owner's enforcement
 * evidence, the listing copied copy was taken from, one finding, one listing's report:
 * @typedef {import("./contract.js").Listing} Listing
 * @typedef {import("./contract.js").RecordRef} RecordRef
 * @typedef {import("./contract.js").EnforcementRef} EnforcementRef
 * @typedef {import("./contract.js").CopySource} CopySource
 * @typedef {import("./contract.js").Finding} Finding
 * @typedef {import("./contract.js").Report} ListingReport
 */

/**
 * What the loaded snapshot says about itself (header fields; shape owned by the
 * snapshot format, passed through as is).
 * @typedef {Record<string, unknown>} SnapshotInfo
 */

/**
 * How many records of each register the loaded snapshot holds (counted from its record
 * table by the engine, `registerCounts()`): what options offers and the pages count.
 * @typedef {{US: number, EU: number, FAMOUS: number, WATCH: number}} RegisterCounts
 */

/**
 * Check a listing. Answered with CheckResponse.
 * @typedef {object} CheckRequest
 * @property {1} v
 * @property {"check"} type
 * @property {Listing} listing
 */

/**
 * Ask which snapshot the engine runs on. Answered with InfoResponse.
 * @typedef {object} InfoRequest
 * @property {1} v
 * @property {"info"} type
 */

/**
 * Set the seller's own brands (never flagged). Answered with OwnBrandsResponse.
 * @typedef {object} OwnBrandsRequest
 * @property {1} v
 * @property {"setOwnBrands"} type
 * @property {string[]} brands
 */

/**
 * Propose one brand as the seller's own ("This is my brand" on a page's card). A page is
 * not trusted to change the seller's settings: the background only keeps the proposal in
 * a pending list (with the page's host), and nothing is applied until the seller confirms
 * it in the popup or the options page (ConfirmOwnBrandRequest). Answered with
 * OwnBrandsResponse (`pending`: the pending list). The one settings request a tab may send.
 * @typedef {object} ProposeOwnBrandRequest
 * @property {1} v
 * @property {"proposeOwnBrand"} type
 * @property {string} brand
 */

/**
 * Confirm a pending own brand (extension pages only): it joins the own brands and leaves
 * the pending list; the background applies the whole list to the engine before answering,
 * so a check sent after the answer already honours it. Answered with OwnBrandsResponse.
 * @typedef {object} ConfirmOwnBrandRequest
 * @property {1} v
 * @property {"confirmOwnBrand"} type
 * @property {string} brand
 */

/**
 * Discard a pending own brand (extension pages only): it leaves the pending list and
 * nothing else changes. Answered with OwnBrandsResponse.
 * @typedef {object} DiscardOwnBrandRequest
 * @property {1} v
 * @property {"discardOwnBrand"} type
 * @property {string} brand
 */

/**
 * The seller's own brands and the pending proposals (extension pages only). Answered
 * with OwnBrandsResponse.
 * @typedef {{v: 1, type: "ownBrandsStatus"}} OwnBrandsStatusRequest
 */

/**
 * A proposed own brand waiting for the seller's confirmation.
 * @typedef {object} PendingOwnBrand
 * @property {string} brand
 * @property {string} host   the page's host name it was proposed on ("" when unknown)
 * @property {number} at     ms since the epoch
 */

/**
 * Import a watch list: the seller's own CSV of marks to flag as if registered (a header
 * naming a `name` column; optional `owner`, `classes`, `aliases`, `note`: the format of
 * src/register/watch_csv.rs). It REPLACES the list in use, which the background keeps
 * across restarts (extension/watchlist.js); a file with no usable row is refused and the
 * list in use stays. Answered with ImportResponse (`count`, `skipped`, `errors`). Added
 * in version 1 (editor: options page hook; watchlist: implemented).
 * @typedef {object} ImportWatchListRequest
 * @property {1} v
 * @property {"importWatchList"} type
 * @property {string} name   the file name, for messages
 * @property {string} csv    the file's text
 */

/**
 * A row of a watch list that was skipped. `kind` ("no_name", "no_letters", "bad_class",
 * "malformed"), `mark` and `value` (the bad class) let a page say it in the seller's
 * language; `error` is the English sentence. Added in version 1 (watchlist).
 * @typedef {object} WatchListLineError
 * @property {number} line    1-based line of the file (the header is line 1)
 * @property {string} error
 * @property {string} [kind]
 * @property {string} [mark]
 * @property {string} [value]
 */

/**
 * Which watch list is in use. Answered with WatchListResponse. Added in version 1 (watchlist).
 * @typedef {{v: 1, type: "watchListStatus"}} WatchListStatusRequest
 */

/**
 * Forget the watch list. Answered with WatchListResponse. Added in version 1 (watchlist).
 * @typedef {{v: 1, type: "watchListClear"}} WatchListClearRequest
 */

/**
 * Import a register snapshot file. The file is too large for a message, so the sending
 * page first stores it as a Blob in IndexedDB database IMPORT_DB, object store
 * IMPORT_STORE, under `key`; the background reads it from there, checks it (header,
 * SHA-256, signature) and swaps it in atomically, or keeps the current one and answers
 * the error. Answered with ImportResponse (`snapshot` = the new snapshot's info). Added
 * in version 1 (editor: options page hook; the updater implements it).
 * @typedef {object} ImportSnapshotRequest
 * @property {1} v
 * @property {"importSnapshot"} type
 * @property {string} key    IndexedDB key of the stored Blob
 * @property {string} name   the file name, for messages
 * @property {number} size   bytes
 */

/**
 * The updater's state, for the options page (extension/updater.js owns its meaning).
 * Added in version 1 (updater).
 * @typedef {object} UpdateStatus
 * @property {string} feedUrl            the configured latest.json address, or the placeholder
 * @property {boolean} feedConfigured    false while the placeholder is in place
 * @property {"starting"|"idle"|"checking"|"downloading"|"verifying"|"installing"|"rolling back"} phase
 * @property {number} received           bytes downloaded so far (while downloading)
 * @property {number} total              bytes announced (while downloading)
 * @property {SnapshotSummary | null} active    the snapshot checks are answered from
 * @property {SnapshotSummary | null} previous  kept for rollback
 * @property {{at: number, ok: boolean, message: string} | null} last  the outcome of the last operation
 */

/**
 * @typedef {object} SnapshotSummary
 * @property {number} version   the snapshot's version (header `snapshot_version`)
 * @property {string} date      build date, yyyy-mm-dd
 * @property {"bundled"|"feed"|"import"} source
 */

/**
 * Ask for the updater's state. Answered with UpdateResponse.
 * @typedef {object} UpdateStatusRequest
 * @property {1} v
 * @property {"updateStatus"} type
 */

/**
 * Set the update feed address (`""` restores the placeholder). Answered with UpdateResponse.
 * @typedef {object} UpdateSetFeedRequest
 * @property {1} v
 * @property {"updateSetFeed"} type
 * @property {string} url
 */

/**
 * Check the feed now and install a newer snapshot. Answered, once done, with
 * UpdateResponse; progress arrives meanwhile as UpdateProgressMessage broadcasts.
 * @typedef {object} UpdateCheckRequest
 * @property {1} v
 * @property {"updateCheck"} type
 */

/**
 * Swap the snapshot in use with the previous one (again: forward). Answered with
 * UpdateResponse.
 * @typedef {object} UpdateRollbackRequest
 * @property {1} v
 * @property {"updateRollback"} type
 */

/**
 * Sent by the background to extension pages while an update runs; not answered.
 * @typedef {object} UpdateProgressMessage
 * @property {1} v
 * @property {"updateProgress"} type
 * @property {UpdateStatus} status
 */

/** @typedef {UpdateStatusRequest | UpdateSetFeedRequest | UpdateCheckRequest | UpdateRollbackRequest} UpdateRequest */

/**
 * A listing of another seller as the reference corpus keeps it (copied copy; the JSON
 * lines shape `clearmark corpus build` reads). Collected product pages use the id
 * "<marketplace>:<product id>", e.g. "amazon.com:B0TEST0001". Added in version 1 (corpus).
 * @typedef {object} CorpusListing
 * @property {string} id
 * @property {string} [url]
 * @property {string} [brand]        the brand it is sold under (never a source for that brand's seller)
 * @property {string} [date]         when it was seen, yyyy-mm-dd
 * @property {string} [title]
 * @property {string[]} [bullets]
 * @property {string} [description]
 */

/**
 * Add one product page the seller browsed to the reference corpus (sent by
 * content/collect.js). Ignored (ok, `added: false`) while collection is switched off.
 * Answered with CorpusResponse. Added in version 1 (corpus).
 * @typedef {object} CorpusAddRequest
 * @property {1} v
 * @property {"corpusAdd"} type
 * @property {CorpusListing} listing
 */

/**
 * Add listings the seller imported in the options page (parsed there from JSONL or CSV;
 * sent in batches). Answered with CorpusResponse. Added in version 1 (corpus).
 * @typedef {object} CorpusImportRequest
 * @property {1} v
 * @property {"corpusImport"} type
 * @property {CorpusListing[]} listings
 */

/**
 * How many listings the reference corpus holds. Answered with CorpusResponse.
 * Added in version 1 (corpus).
 * @typedef {{v: 1, type: "corpusStatus"}} CorpusStatusRequest
 */

/**
 * Forget every listing of the reference corpus. Answered with CorpusResponse.
 * Added in version 1 (corpus).
 * @typedef {{v: 1, type: "corpusClear"}} CorpusClearRequest
 */

/** @typedef {CorpusAddRequest | CorpusImportRequest | CorpusStatusRequest | CorpusClearRequest} CorpusRequest */

/**
 * One finding of a kept listing over time: when it was first found and, once a check no
 * longer finds it, when it was fixed. Identified by kind, mark, field, bullet index and
 * the flagged text. Added in version 1 (kept listings).
 * @typedef {object} FindingHistory
 * @property {Finding["kind"]} kind
 * @property {Finding["severity"]} severity
 * @property {string} mark
 * @property {Finding["field"]} field
 * @property {number|null} index
 * @property {string} text
 * @property {number} firstSeen   ms since the epoch
 * @property {number|null} fixedAt  ms since the epoch, null while it is still found
 */

/**
 * A listing of the seller's own, kept in the extension's private store (extension/kept.js):
 * opened in a seller editor or imported from a catalogue export. Added in version 1
 * (kept listings).
 * @typedef {object} KeptListing
 * @property {string} key          "<host><path>" (plus the page's listing id) for an editor,
 *                                  "<format>:<id>" for an imported listing
 * @property {"editor"|"import"} source
 * @property {string} where        the editor's address, or "<file> row <n>"
 * @property {Listing} listing     the text as last checked
 * @property {number} firstSeen    ms since the epoch
 * @property {number} lastChecked  ms since the epoch
 * @property {Finding[]} findings  of the last check
 * @property {FindingHistory[]} history  every finding ever found, oldest first
 * @property {number} snapshotVersion  the version of the snapshot that made the last check
 * @property {number|null} newSince  a re-scan found findings the check before it (at this
 *                                  time) did not, and some are still found; else null
 */

/**
 * A kept listing as the options page lists it.
 * @typedef {object} KeptSummary
 * @property {string} key
 * @property {"editor"|"import"} source
 * @property {string} where
 * @property {string} title
 * @property {string} marketplace
 * @property {number} firstSeen
 * @property {number} lastChecked
 * @property {number} findings     findings of the last check
 * @property {number} fixed        findings found once and no longer found
 * @property {number|null} newSince  see KeptListing
 */

/**
 * Keep the listing open in this tab's seller editor (sent by content/main.js once its
 * fields are checked). The background keys it by `url`, the editor's address now (a
 * port's sender address is the one it was opened on, stale once a single-page editor
 * moves to another listing), which must be of the sender's own origin: a page can at
 * most misfile its own listings. It checks the whole listing and stores it with its
 * findings; ignored (ok, `kept: false`) while the seller switched keeping off. The tab
 * learns nothing back. Answered with KeptResponse. Added in version 1 (kept listings).
 * @typedef {object} KeepListingRequest
 * @property {1} v
 * @property {"keepListing"} type
 * @property {Listing} listing
 * @property {string} url   location.href of the editor
 */

/**
 * The kept listings (extension pages only). Answered with KeptResponse (`listings`; with
 * `address`, a tab's editor address, also `current`: the key of the listing kept for it).
 * Added in version 1 (kept listings).
 * @typedef {{v: 1, type: "keptStatus", address?: string}} KeptStatusRequest
 */

/**
 * Forget every kept listing (extension pages only). Answered with KeptResponse.
 * Added in version 1 (kept listings).
 * @typedef {{v: 1, type: "keptClear"}} KeptClearRequest
 */

/**
 * Import a catalogue export as kept listings (extension pages only): the page hands the
 * file over as a Blob under IMPORT_DB/IMPORT_STORE `key` (as for snapshots); the
 * background reads it with the engine's catalogue readers (readCatalogue, the code of
 * `clearmark audit`), checks and keeps every listing, and answers with KeptResponse
 * (`imported`, `format`, `skipped`). Added in version 1 (kept listings).
 * @typedef {object} KeptImportRequest
 * @property {1} v
 * @property {"keptImport"} type
 * @property {string} key    IndexedDB key of the stored Blob
 * @property {string} name   the file name, for messages
 * @property {number} size   bytes
 */

/**
 * Export the evidence for one kept listing (`key`) or all of them (extension pages only):
 * each is checked again with the snapshot in use, its record brought up to date, and the
 * answer carries the EvidenceRecord the options page downloads as JSON and the printable
 * page renders. Answered with KeptResponse (`evidence`). Added in version 1 (evidence export).
 * @typedef {object} KeptExportRequest
 * @property {1} v
 * @property {"keptExport"} type
 * @property {string} [key]   one kept listing; absent: all
 */

/**
 * The seller's record of preventive measures for an appeal (extension/evidence.js): when
 * it was made, by which extension and snapshot (with its sources and their dates), and
 * for each listing the text as checked, each finding with its evidence (reason, register
 * records, enforcement) and the history of its findings. Dates are ISO 8601 (UTC).
 * Added in version 1 (evidence export).
 * @typedef {object} EvidenceRecord
 * @property {"clearmark-evidence"} format
 * @property {1} formatVersion
 * @property {string} generatedAt            when the listings were checked for this record
 * @property {{name: string, version: string}} extension
 * @property {SnapshotInfo} snapshot         the snapshot's header: version, build date, sources with their dates
 * @property {EvidenceListing[]} listings
 */

/**
 * @typedef {object} EvidenceListing
 * @property {string} key
 * @property {"editor"|"import"} source
 * @property {string} where
 * @property {string} firstSeen
 * @property {string} lastChecked
 * @property {Listing} listing       the text as checked
 * @property {Finding[]} findings    what the check found, with the evidence of each
 * @property {Array<Omit<FindingHistory, "firstSeen" | "fixedAt"> & {firstSeen: string, fixedAt: string | null}>} history
 */

/**
 * Check every kept listing again now (extension pages only); the background also does
 * this by itself, for the listings last checked by another snapshot, whenever a snapshot
 * is loaded (after an update). Answered with KeptResponse (`count`, `fresh`). Added in
 * version 1 (re-scan).
 * @typedef {{v: 1, type: "keptRescan"}} KeptRescanRequest
 */

/** @typedef {KeepListingRequest | KeptStatusRequest | KeptClearRequest | KeptImportRequest | KeptExportRequest | KeptRescanRequest} KeptRequest */

/** @typedef {ProposeOwnBrandRequest | ConfirmOwnBrandRequest | DiscardOwnBrandRequest | OwnBrandsStatusRequest} OwnBrandRequest */

/**
 * A tab's content script says how many high-severity findings it shows now, for the
 * toolbar badge of that tab (extension/badge.js). The tab is the sender's own: a page can
 * set only its own tab's count. Answered with `{v, type, ok}`. Added in version 1 (issue 17).
 * @typedef {object} TabBadgeRequest
 * @property {1} v
 * @property {"tabBadge"} type
 * @property {number} high  high findings shown on the tab (an integer 0 … MAX_BADGE_COUNT)
 */

/** @typedef {CheckRequest | InfoRequest | OwnBrandsRequest | OwnBrandRequest | ImportWatchListRequest | WatchListStatusRequest | WatchListClearRequest | ImportSnapshotRequest | UpdateRequest | CorpusRequest | KeptRequest | TabBadgeRequest} ProtocolRequest */

/**
 * Requests extension pages send to a tab's content script (chrome.tabs.sendMessage, which
 * only extension contexts can do: a page cannot reach them); not parsed by the background.
 * `tabFindings` is answered with TabFindingsResponse, `focusField` (scroll to and focus the
 * field `key`) with `{v, type, ok}`, `inspectOverlay` with InspectOverlayResponse (`drain: true`
 * empties the paint log once read, so a long run reads each paint once).
 * @typedef {{v: 1, type: "tabFindings"} | {v: 1, type: "focusField", key: string} | {v: 1, type: "inspectOverlay", drain?: boolean}} TabRequest
 */

/**
 * What the overlay draws, for the e2e tests and the keystroke benchmark: the page sees
 * only pixels (a closed shadow root, no attributes that tell anything), so they ask the
 * content script through the extension. Rectangles are viewport CSS pixels.
 * @typedef {object} InspectOverlayResponse
 * @property {1} v
 * @property {"inspectOverlay"} type
 * @property {boolean} ok
 * @property {number} hosts   `<clearmark-overlay>` elements on the page
 * @property {{width: number, height: number}} viewport  the page's viewport
 * @property {Array<{field: string, start: number, end: number, kind: string, severity: string, left: number, top: number, right: number, bottom: number, line?: string, colour?: string}>} underlines  one per drawn box
 * @property {number} nodes  elements in the overlay's shadow root (underlines, mirrors, card): the soak benchmark watches it stay flat
 * @property {{visible: boolean, text: string, html: string, rect: {left: number, top: number, right: number, bottom: number}|null, buttons: Record<string, {x: number, y: number}>}} card
 * @property {Array<{field: string, version: number, length: number, checked: boolean, drawn: number, inputAt: number, rtt: number, at: number}>} paints  the latest paints, oldest first (at most 4,096);
 *   `drawn` is the number of underlines the paint drew for the field
 */

/**
 * The findings of one field of the tab, as the popup lists them.
 * @typedef {object} TabField
 * @property {string} key        "title", "bullets.2", "description", "keywords"
 * @property {"title"|"bullets"|"description"|"keywords"} field
 * @property {number|null} index
 * @property {string} error      the last check's error, or ""
 * @property {number} unchecked  UTF-16 units past LIMITS.MAX_FIELD_UNITS that were not checked (0 for most fields)
 * @property {Array<{text: string, kind: string, severity: string, mark: string, enforcement?: EnforcementRef}>} findings
 */

/**
 * @typedef {object} TabFindingsResponse
 * @property {1} v
 * @property {"tabFindings"} type
 * @property {boolean} ok
 * @property {string} host       the tab's host name (for the site switch)
 * @property {string} address    the page's address (location.href): it names the page's kept listing
 * @property {boolean} enabled   false when the seller switched the site off
 * @property {TabField[]} fields
 * @property {string} error      the content script's last internal error, or ""
 */

/**
 * A failed request of any type: `error` is a sentence for the seller.
 * @typedef {object} ErrorResponse
 * @property {number} v
 * @property {string} type
 * @property {false} ok
 * @property {string} error
 */

/**
 * @typedef {object} CheckOk
 * @property {1} v
 * @property {"check"} type
 * @property {true} ok
 * @property {ListingReport} report
 */
/** @typedef {CheckOk | ErrorResponse} CheckResponse */

/**
 * @typedef {object} InfoOk
 * @property {1} v
 * @property {"info"} type
 * @property {true} ok
 * @property {SnapshotInfo} snapshot
 * @property {RegisterCounts} [registers]  records of each register in the snapshot (added by issue 17)
 */
/** @typedef {InfoOk | ErrorResponse} InfoResponse */

/**
 * @typedef {object} OwnBrandsOk
 * @property {1} v
 * @property {"setOwnBrands" | OwnBrandRequest["type"]} type
 * @property {true} ok
 * @property {string[]} [brands]  the full list now in force (not for proposeOwnBrand: a tab does not learn it)
 * @property {PendingOwnBrand[]} [pending]  the proposals waiting for confirmation (extension pages only)
 */
/** @typedef {OwnBrandsOk | ErrorResponse} OwnBrandsResponse */

/**
 * @typedef {object} ImportOk
 * @property {1} v
 * @property {"importWatchList" | "importSnapshot"} type
 * @property {true} ok
 * @property {number} [count]    marks imported (watch list)
 * @property {number} [skipped]  rows skipped (watch list)
 * @property {WatchListLineError[]} [errors]  the first 100 rows skipped, with their lines (watch list; added by watchlist)
 * @property {SnapshotInfo} [snapshot]  the snapshot now in use (snapshot import)
 * @property {UpdateStatus} [status]     the updater's state after a snapshot import (added by the updater)
 */
/** @typedef {ImportOk | (ErrorResponse & {status?: UpdateStatus})} ImportResponse */

/**
 * The watch list in use (none: count 0, name "").
 * @typedef {object} WatchListOk
 * @property {1} v
 * @property {"watchListStatus" | "watchListClear"} type
 * @property {true} ok
 * @property {number} count       marks on the list
 * @property {string} name        the file it was imported from
 * @property {number} importedAt  ms since the epoch, 0 without a list
 */
/** @typedef {WatchListOk | ErrorResponse} WatchListResponse */

/**
 * The answer to every update request. A failure carries the status too (the snapshot in
 * use is unchanged) so the page shows both.
 * @typedef {object} UpdateOk
 * @property {1} v
 * @property {UpdateRequest["type"]} type
 * @property {true} ok
 * @property {UpdateStatus} status
 */
/** @typedef {UpdateOk | (ErrorResponse & {status?: UpdateStatus})} UpdateResponse */

/**
 * The answer to every corpus request.
 * @typedef {object} CorpusOk
 * @property {1} v
 * @property {CorpusRequest["type"]} type
 * @property {true} ok
 * @property {number} count       listings held now
 * @property {number} capacity    most listings kept (the oldest are evicted beyond it)
 * @property {number} [added]     listings added or replaced by this request
 * @property {number} [evicted]   oldest listings dropped to stay within the capacity
 * @property {string[]} [rejected] listings the engine refused, each with its reason
 */
/** @typedef {CorpusOk | ErrorResponse} CorpusResponse */

/**
 * The answer to every kept-listings request.
 * @typedef {object} KeptOk
 * @property {1} v
 * @property {KeptRequest["type"]} type
 * @property {true} ok
 * @property {number} [count]               listings kept now (not for keepListing: a tab does not learn it)
 * @property {boolean} [kept]               keepListing: whether the listing was kept
 * @property {KeptSummary[]} [listings]     keptStatus: the kept listings, most recently checked first
 * @property {string} [current]             keptStatus with an address: the key of the listing kept for it
 * @property {number} [imported]            keptImport: listings read, checked and kept
 * @property {string} [format]              keptImport: the format recognised ("Shopify products CSV")
 * @property {Array<{row: number, reason: string}>} [skipped]  keptImport: the rows not read, with their 1-based rows
 * @property {EvidenceRecord} [evidence]    keptExport: the record
 * @property {number} [fresh]               keptStatus, keptRescan: listings marked "new since" (the badge's count)
 */
/** @typedef {KeptOk | ErrorResponse} KeptResponse */

/** @typedef {{v: 1, type: "tabBadge", ok: true} | ErrorResponse} TabBadgeResponse */

/** @typedef {CheckResponse | InfoResponse | OwnBrandsResponse | ImportResponse | WatchListResponse | UpdateResponse | CorpusResponse | KeptResponse | TabBadgeResponse} ProtocolResponse */

/** The longest brand name accepted (own brands): far above any real brand. */
const MAX_BRAND_UNITS = 200;
/** The longest editor address accepted (keepListing). */
const MAX_URL_UNITS = 4096;
/** The text fields of a corpus listing. */
const CORPUS_TEXT_FIELDS = ["id", "url", "brand", "date", "title", "description"];

/**
 * Why a listing is over the caps (LIMITS) or malformed, or "" when it is not: each named
 * field absent or a string of at most MAX_FIELD_UNITS UTF-16 units; `bullets` absent or a
 * list of at most MAX_BULLETS such strings. The engine refuses the same listings
 * (src/listing/limits.rs); refusing here keeps a page's megabytes out of the engine.
 * @param {Record<string, unknown>} l
 * @param {string[]} textFields
 */
function listingProblem(l, textFields) {
  const { MAX_FIELD_UNITS, MAX_BULLETS } = ClearmarkProtocol.LIMITS;
  for (const k of textFields) {
    const v = l[k];
    if (v === undefined || v === null) continue;
    if (typeof v !== "string") return `the listing's ${k} must be text.`;
    if (v.length > MAX_FIELD_UNITS) return `the listing's ${k} is ${v.length} characters long; Clearmark checks at most ${MAX_FIELD_UNITS} per field.`;
  }
  const b = l.bullets;
  if (b === undefined || b === null) return "";
  if (!Array.isArray(b) || !b.every((x) => typeof x === "string")) return "the listing's bullets must be a list of texts.";
  if (b.length > MAX_BULLETS) return `the listing has ${b.length} bullet points; Clearmark checks at most ${MAX_BULLETS}.`;
  const long = b.findIndex((x) => x.length > MAX_FIELD_UNITS);
  if (long >= 0) return `bullet point ${long + 1} is ${b[long].length} characters long; Clearmark checks at most ${MAX_FIELD_UNITS} per field.`;
  return "";
}

// `var` makes it a global of the classic content script and gives the type checker the
// global's type; the assignment below makes it global when imported as a module.
// eslint-disable-next-line no-var
var ClearmarkProtocol = Object.freeze({
  /** The version every message carries. */
  PROTOCOL_VERSION: /** @type {1} */ (1),

  /**
   * How much of a listing is checked: the engine's own caps, mirrored here so a content
   * script never sends more and the background refuses a request past them before the
   * engine sees it. They are `MAX_FIELD_UNITS`, `MAX_BULLETS` and `MAX_FINDINGS_PER_FIELD`
   * of src/listing/limits.rs (a node test, tests/js/limits.test.mjs, pins them equal).
   */
  LIMITS: Object.freeze({
    /** UTF-16 code units of one field (JavaScript's `String.length`) that are checked. */
    MAX_FIELD_UNITS: 20_000,
    /** Bullet points checked: bullet indexes 0 … MAX_BULLETS - 1. */
    MAX_BULLETS: 20,
    /** Findings shown for one field (the first, in text order). */
    MAX_FINDINGS_PER_FIELD: 200,
  }),

  /**
   * The requests a tab (a content script, on a page Clearmark does not control) may send;
   * every other request is answered only to the extension's own pages (`mayAsk`).
   */
  TAB_REQUESTS: Object.freeze(["check", "corpusAdd", "proposeOwnBrand", "keepListing", "tabBadge"]),

  /** The largest count a tabBadge request may carry: far above any listing's. */
  MAX_BADGE_COUNT: 100_000,

  /**
   * Whether the sender of a message may make a request of `type`: TAB_REQUESTS from
   * anyone of this extension, the rest only from its own pages (popup, options, an
   * extension page opened in a tab). Both browsers give a content script's messages the
   * page's URL as `sender.url`, and an extension page's its own origin
   * (`chrome-extension://<id>/…`, `moz-extension://<uuid>/…`); an extension page opened in
   * a tab has `sender.tab` too, so the URL decides, not the tab.
   * @param {string} type
   * @param {{id?: string, url?: string} | undefined} sender  chrome.runtime.MessageSender
   * @param {{id: string, base: string}} self  chrome.runtime.id and chrome.runtime.getURL("")
   */
  mayAsk(type, sender, self) {
    if (!sender || sender.id !== self.id) return false;
    if (ClearmarkProtocol.TAB_REQUESTS.includes(type)) return true;
    return typeof sender.url === "string" && self.base.length > 0 && sender.url.startsWith(self.base);
  },

  /**
   * @param {Listing} listing
   * @returns {CheckRequest}
   */
  check(listing) {
    return { v: 1, type: "check", listing };
  },

  /**
   * @param {number} high  high findings shown on the sender's tab
   * @returns {TabBadgeRequest}
   */
  tabBadge(high) {
    return { v: 1, type: "tabBadge", high };
  },

  /** @returns {InfoRequest} */
  info() {
    return { v: 1, type: "info" };
  },

  /**
   * @param {string[]} brands
   * @returns {OwnBrandsRequest}
   */
  setOwnBrands(brands) {
    return { v: 1, type: "setOwnBrands", brands };
  },

  /**
   * @param {string} brand
   * @returns {ProposeOwnBrandRequest}
   */
  proposeOwnBrand(brand) {
    return { v: 1, type: "proposeOwnBrand", brand };
  },

  /**
   * @param {string} brand
   * @returns {ConfirmOwnBrandRequest}
   */
  confirmOwnBrand(brand) {
    return { v: 1, type: "confirmOwnBrand", brand };
  },

  /**
   * @param {string} brand
   * @returns {DiscardOwnBrandRequest}
   */
  discardOwnBrand(brand) {
    return { v: 1, type: "discardOwnBrand", brand };
  },

  /** @returns {OwnBrandsStatusRequest} */
  ownBrandsStatus() {
    return { v: 1, type: "ownBrandsStatus" };
  },

  /**
   * @param {string} name
   * @param {string} csv
   * @returns {ImportWatchListRequest}
   */
  importWatchList(name, csv) {
    return { v: 1, type: "importWatchList", name, csv };
  },

  /** @returns {WatchListStatusRequest} */
  watchListStatus() {
    return { v: 1, type: "watchListStatus" };
  },

  /** @returns {WatchListClearRequest} */
  watchListClear() {
    return { v: 1, type: "watchListClear" };
  },

  /**
   * @param {string} key
   * @param {string} name
   * @param {number} size
   * @returns {ImportSnapshotRequest}
   */
  importSnapshot(key, name, size) {
    return { v: 1, type: "importSnapshot", key, name, size };
  },

  /** @returns {TabRequest} */
  tabFindings() {
    return { v: 1, type: "tabFindings" };
  },

  /**
   * @param {string} key
   * @returns {TabRequest}
   */
  focusField(key) {
    return { v: 1, type: "focusField", key };
  },

  /**
   * The content script's answer to `tabFindings`.
   * @param {{host: string, address: string, enabled: boolean, fields: TabField[], error: string}} tab
   * @returns {TabFindingsResponse}
   */
  tabFindingsAnswer({ host, address, enabled, fields, error }) {
    return { v: 1, type: "tabFindings", ok: true, host, address, enabled, fields, error };
  },

  /**
   * The content script's answer to `focusField`: whether the field was found and focused.
   * @param {boolean} ok
   * @returns {{v: 1, type: "focusField", ok: boolean}}
   */
  focusFieldAnswer(ok) {
    return { v: 1, type: "focusField", ok };
  },

  /**
   * Name of the long-lived port (chrome.runtime.connect) content scripts send requests
   * over while the seller types: each message is `{id, request}`, each answer
   * `{id, response}` with the same id; `request`/`response` are the ones above.
   */
  PORT_NAME: "clearmark",

  /** @returns {UpdateStatusRequest} */
  updateStatus() {
    return { v: 1, type: "updateStatus" };
  },

  /**
   * @param {string} url
   * @returns {UpdateSetFeedRequest}
   */
  updateSetFeed(url) {
    return { v: 1, type: "updateSetFeed", url };
  },

  /** @returns {UpdateCheckRequest} */
  updateCheck() {
    return { v: 1, type: "updateCheck" };
  },

  /** @returns {UpdateRollbackRequest} */
  updateRollback() {
    return { v: 1, type: "updateRollback" };
  },

  /**
   * @param {CorpusListing} listing
   * @returns {CorpusAddRequest}
   */
  corpusAdd(listing) {
    return { v: 1, type: "corpusAdd", listing };
  },

  /**
   * @param {CorpusListing[]} listings
   * @returns {CorpusImportRequest}
   */
  corpusImport(listings) {
    return { v: 1, type: "corpusImport", listings };
  },

  /** @returns {CorpusStatusRequest} */
  corpusStatus() {
    return { v: 1, type: "corpusStatus" };
  },

  /** @returns {CorpusClearRequest} */
  corpusClear() {
    return { v: 1, type: "corpusClear" };
  },

  /**
   * @param {Listing} listing
   * @param {string} url
   * @returns {KeepListingRequest}
   */
  keepListing(listing, url) {
    return { v: 1, type: "keepListing", listing, url };
  },

  /**
   * @param {string} [address]  a tab's editor address, to learn which kept listing is its
   * @returns {KeptStatusRequest}
   */
  keptStatus(address) {
    return address === undefined ? { v: 1, type: "keptStatus" } : { v: 1, type: "keptStatus", address };
  },

  /** @returns {KeptClearRequest} */
  keptClear() {
    return { v: 1, type: "keptClear" };
  },

  /**
   * @param {string} key
   * @param {string} name
   * @param {number} size
   * @returns {KeptImportRequest}
   */
  keptImport(key, name, size) {
    return { v: 1, type: "keptImport", key, name, size };
  },

  /**
   * @param {string} [key]  one kept listing; absent: all
   * @returns {KeptExportRequest}
   */
  keptExport(key) {
    return key === undefined ? { v: 1, type: "keptExport" } : { v: 1, type: "keptExport", key };
  },

  /** @returns {KeptRescanRequest} */
  keptRescan() {
    return { v: 1, type: "keptRescan" };
  },

  /** IndexedDB database where pages hand large files (snapshots) to the background. */
  IMPORT_DB: "clearmark-import",
  /** Its object store (out-of-line keys; values are Blobs). */
  IMPORT_STORE: "files",

  /**
   * Whether `msg` is a request this version understands; if not, the reason (a
   * sentence), for the ErrorResponse.
   * @param {unknown} msg
   * @returns {{ok: true, request: ProtocolRequest} | {ok: false, error: string}}
   */
  parseRequest(msg) {
    if (typeof msg !== "object" || msg === null) {
      return { ok: false, error: "Clearmark: a message must be an object." };
    }
    const m = /** @type {Record<string, unknown>} */ (msg);
    if (m.v !== 1) {
      return { ok: false, error: `Clearmark: protocol version ${String(m.v)} is not supported (this version speaks 1); reload the page.` };
    }
    switch (m.type) {
      case "check": {
        const l = /** @type {Record<string, unknown> | null} */ (m.listing);
        if (typeof l !== "object" || l === null || typeof l.id !== "string") {
          return { ok: false, error: "Clearmark: a check needs a listing with a string id." };
        }
        const bad = listingProblem(l, ["id", "marketplace", "category", "brand", "title", "description", "keywords"]);
        if (bad) return { ok: false, error: `Clearmark: ${bad}` };
        return { ok: true, request: /** @type {CheckRequest} */ (msg) };
      }
      case "info":
        return { ok: true, request: /** @type {InfoRequest} */ (msg) };
      case "tabBadge":
        if (!Number.isSafeInteger(m.high) || /** @type {number} */ (m.high) < 0 || /** @type {number} */ (m.high) > ClearmarkProtocol.MAX_BADGE_COUNT) {
          return { ok: false, error: `Clearmark: a badge count is an integer from 0 to ${ClearmarkProtocol.MAX_BADGE_COUNT}.` };
        }
        return { ok: true, request: /** @type {TabBadgeRequest} */ (msg) };
      case "setOwnBrands":
        if (!Array.isArray(m.brands) || !m.brands.every((b) => typeof b === "string")) {
          return { ok: false, error: "Clearmark: own brands must be a list of strings." };
        }
        return { ok: true, request: /** @type {OwnBrandsRequest} */ (msg) };
      case "proposeOwnBrand":
      case "confirmOwnBrand":
      case "discardOwnBrand":
        if (typeof m.brand !== "string" || !m.brand.trim() || m.brand.length > MAX_BRAND_UNITS) {
          return { ok: false, error: `Clearmark: a brand must be a non-empty string of at most ${MAX_BRAND_UNITS} characters.` };
        }
        return { ok: true, request: /** @type {OwnBrandRequest} */ (msg) };
      case "ownBrandsStatus":
        return { ok: true, request: /** @type {OwnBrandsStatusRequest} */ (msg) };
      case "importWatchList":
        if (typeof m.csv !== "string" || typeof m.name !== "string") {
          return { ok: false, error: "Clearmark: a watch list import needs the file's name and text." };
        }
        return { ok: true, request: /** @type {ImportWatchListRequest} */ (msg) };
      case "watchListStatus":
        return { ok: true, request: /** @type {WatchListStatusRequest} */ (msg) };
      case "watchListClear":
        return { ok: true, request: /** @type {WatchListClearRequest} */ (msg) };
      case "importSnapshot":
        if (typeof m.key !== "string" || typeof m.name !== "string" || typeof m.size !== "number") {
          return { ok: false, error: "Clearmark: a snapshot import needs the stored file's key, name and size." };
        }
        return { ok: true, request: /** @type {ImportSnapshotRequest} */ (msg) };
      case "updateStatus":
      case "updateCheck":
      case "updateRollback":
        return { ok: true, request: /** @type {UpdateRequest} */ (msg) };
      case "updateSetFeed":
        if (typeof m.url !== "string") {
          return { ok: false, error: "Clearmark: the update feed address must be a string." };
        }
        return { ok: true, request: /** @type {UpdateSetFeedRequest} */ (msg) };
      case "corpusAdd": {
        const l = /** @type {Record<string, unknown> | null} */ (m.listing);
        if (typeof l !== "object" || l === null || typeof l.id !== "string" || !l.id) {
          return { ok: false, error: "Clearmark: a corpus listing needs a string id." };
        }
        const bad = listingProblem(l, CORPUS_TEXT_FIELDS);
        if (bad) return { ok: false, error: `Clearmark: ${bad}` };
        return { ok: true, request: /** @type {CorpusAddRequest} */ (msg) };
      }
      case "corpusImport":
        if (!Array.isArray(m.listings) || !m.listings.every((l) => typeof l === "object" && l !== null && typeof l.id === "string" && l.id)) {
          return { ok: false, error: "Clearmark: a corpus import needs a list of listings, each with a string id." };
        }
        for (const l of m.listings) {
          const bad = listingProblem(l, CORPUS_TEXT_FIELDS);
          if (bad) return { ok: false, error: `Clearmark: listing ${JSON.stringify(String(l.id).slice(0, 80))}: ${bad}` };
        }
        return { ok: true, request: /** @type {CorpusImportRequest} */ (msg) };
      case "corpusStatus":
      case "corpusClear":
        return { ok: true, request: /** @type {CorpusRequest} */ (msg) };
      case "keepListing": {
        const l = /** @type {Record<string, unknown> | null} */ (m.listing);
        if (typeof l !== "object" || l === null || typeof l.id !== "string") {
          return { ok: false, error: "Clearmark: a listing to keep needs a string id." };
        }
        if (typeof m.url !== "string" || m.url.length > MAX_URL_UNITS) {
          return { ok: false, error: `Clearmark: a listing to keep needs the editor's address, of at most ${MAX_URL_UNITS} characters.` };
        }
        const bad = listingProblem(l, ["id", "marketplace", "category", "brand", "title", "description", "keywords"]);
        if (bad) return { ok: false, error: `Clearmark: ${bad}` };
        return { ok: true, request: /** @type {KeepListingRequest} */ (msg) };
      }
      case "keptStatus":
        if (m.address !== undefined && (typeof m.address !== "string" || m.address.length > MAX_URL_UNITS)) {
          return { ok: false, error: `Clearmark: an editor's address is a string of at most ${MAX_URL_UNITS} characters.` };
        }
        return { ok: true, request: /** @type {KeptStatusRequest} */ (msg) };
      case "keptClear":
      case "keptRescan":
        return { ok: true, request: /** @type {KeptRequest} */ (msg) };
      case "keptExport":
        if (m.key !== undefined && typeof m.key !== "string") {
          return { ok: false, error: "Clearmark: an evidence export names a kept listing by its key, or none for all." };
        }
        return { ok: true, request: /** @type {KeptExportRequest} */ (msg) };
      case "keptImport":
        if (typeof m.key !== "string" || typeof m.name !== "string" || typeof m.size !== "number") {
          return { ok: false, error: "Clearmark: a catalogue import needs the stored file's key, name and size." };
        }
        return { ok: true, request: /** @type {KeptImportRequest} */ (msg) };
      default:
        return { ok: false, error: `Clearmark: unknown message type ${JSON.stringify(m.type)}.` };
    }
  },

  /**
   * The response to a request that failed.
   * @param {string} type
   * @param {string} error
   * @returns {ErrorResponse}
   */
  failure(type, error) {
    return { v: 1, type, ok: false, error };
  },
});
globalThis.ClearmarkProtocol = ClearmarkProtocol;
