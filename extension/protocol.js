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
 * `String.prototype.slice` uses. Findings are the JSON contract of DESIGN.md, the same
 * objects `clearmark check` prints.
 *
 * This file is loaded twice: as a classic content script (before content/content.js,
 * which reads `globalThis.ClearmarkProtocol`) and as a side-effect import of the
 * background module. It must stay free of `import`/`export` and of side effects beyond
 * defining that one global.
 */

/**
 * A listing as the seller is writing it (DESIGN.md "Listing"). Only `id` is required.
 * @typedef {object} Listing
 * @property {string} id            caller's id, echoed back in the report
 * @property {string} [marketplace] e.g. "amazon.com"
 * @property {string} [category]    category path
 * @property {string} [brand]       the seller's own brand: never flagged
 * @property {string} [title]
 * @property {string[]} [bullets]
 * @property {string} [description]
 * @property {string} [keywords]
 */

/**
 * A register record cited by a finding.
 * @typedef {object} RecordRef
 * @property {string} register      "US" | "EU" | "FAMOUS" | "WATCH"
 * @property {string} number
 * @property {string} [registration]
 * @property {string} owner
 * @property {number[]} classes
 * @property {string} status        "registered" | "pending" | "dead"
 */

/**
 * The listing a copied run was taken from.
 * @typedef {object} CopySource
 * @property {string} id
 * @property {string} [url]
 * @property {string} [title]
 * @property {string} text
 * @property {number} start
 * @property {number} end
 * @property {number} similarity
 */

/**
 * One flagged span of one field.
 * @typedef {object} Finding
 * @property {"title"|"bullets"|"description"|"keywords"} field
 * @property {number|null} index    bullet index, or null
 * @property {number} start         UTF-16 offset into the field string
 * @property {number} end           exclusive
 * @property {string} text
 * @property {"registered_mark"|"pending_mark"|"famous_brand"|"lookalike"|"copied_copy"} kind
 * @property {"high"|"medium"|"low"} severity
 * @property {string} mark
 * @property {string} reason
 * @property {RecordRef[]} records
 * @property {string} suggestion
 * @property {CopySource} [source]
 */

/**
 * The findings for one listing.
 * @typedef {object} ListingReport
 * @property {string} id
 * @property {Finding[]} findings
 */

/**
 * What the loaded snapshot says about itself (header fields; shape owned by the
 * snapshot format, passed through as is).
 * @typedef {Record<string, unknown>} SnapshotInfo
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
 * The updater's state, for the options page (extension/updater.js owns its meaning).
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
 * Check the feed now and install a newer snapshot. Answered, once done, with UpdateResponse.
 * @typedef {object} UpdateCheckRequest
 * @property {1} v
 * @property {"updateCheck"} type
 */

/**
 * Install the file the page put in the snapshot store's `incoming` slot
 * (extension/store.js putIncoming), through the same checks. Answered with UpdateResponse.
 * @typedef {object} UpdateImportRequest
 * @property {1} v
 * @property {"updateImport"} type
 */

/**
 * Swap the snapshot in use with the previous one. Answered with UpdateResponse.
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

/** @typedef {UpdateStatusRequest | UpdateSetFeedRequest | UpdateCheckRequest | UpdateImportRequest | UpdateRollbackRequest} UpdateRequest */

/** @typedef {CheckRequest | InfoRequest | OwnBrandsRequest | UpdateRequest} ProtocolRequest */

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
 */
/** @typedef {InfoOk | ErrorResponse} InfoResponse */

/**
 * @typedef {object} OwnBrandsOk
 * @property {1} v
 * @property {"setOwnBrands"} type
 * @property {true} ok
 */
/** @typedef {OwnBrandsOk | ErrorResponse} OwnBrandsResponse */

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

/** @typedef {CheckResponse | InfoResponse | OwnBrandsResponse | UpdateResponse} ProtocolResponse */

// `var` makes it a global of the classic content script and gives the type checker the
// global's type; the assignment below makes it global when imported as a module.
// eslint-disable-next-line no-var
var ClearmarkProtocol = Object.freeze({
  /** The version every message carries. */
  PROTOCOL_VERSION: /** @type {1} */ (1),

  /**
   * @param {Listing} listing
   * @returns {CheckRequest}
   */
  check(listing) {
    return { v: 1, type: "check", listing };
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

  /** @returns {UpdateImportRequest} */
  updateImport() {
    return { v: 1, type: "updateImport" };
  },

  /** @returns {UpdateRollbackRequest} */
  updateRollback() {
    return { v: 1, type: "updateRollback" };
  },

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
        return { ok: true, request: /** @type {CheckRequest} */ (msg) };
      }
      case "info":
        return { ok: true, request: /** @type {InfoRequest} */ (msg) };
      case "setOwnBrands":
        if (!Array.isArray(m.brands) || !m.brands.every((b) => typeof b === "string")) {
          return { ok: false, error: "Clearmark: own brands must be a list of strings." };
        }
        return { ok: true, request: /** @type {OwnBrandsRequest} */ (msg) };
      case "updateStatus":
      case "updateCheck":
      case "updateImport":
      case "updateRollback":
        return { ok: true, request: /** @type {UpdateRequest} */ (msg) };
      case "updateSetFeed":
        if (typeof m.url !== "string") {
          return { ok: false, error: "Clearmark: the update feed address must be a string." };
        }
        return { ok: true, request: /** @type {UpdateSetFeedRequest} */ (msg) };
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
