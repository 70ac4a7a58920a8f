// @ts-check
/**
 * The "Your listings" section of the options page (issue 14, item 3): the switch for
 * keeping the listings the seller opens in seller editors, how many are kept, "Check all
 * again", "Clear kept listings", the list of kept listings with their dates and findings
 * (and "new since …" when a re-scan found more), and importing a
 * catalogue export (the formats of `clearmark audit`: Amazon flat file, Shopify, eBay or
 * Etsy CSV, listing JSON lines). The file is handed to the background, which reads it with
 * the engine's own catalogue readers; the rows it skipped are listed with their numbers.
 *
 * Evidence (item 5): for one kept listing or all, "JSON" downloads the evidence record
 * (keptExport) and "Printable page" opens evidence/evidence.html, which renders the same
 * record for print-to-PDF.
 *
 * It only shows state and sends requests (keptStatus, keptClear, keptImport, keptExport;
 * extension/protocol.js). All text is set with textContent.
 */

import "../protocol.js";
import { el, t } from "../page-dom.js";
import { handOver } from "./handover.js";
import { downloadEvidence } from "./evidence-download.js";

const P = globalThis.ClearmarkProtocol;

/** @param {number} ms */
const when = (ms) => new Date(ms).toLocaleString();

/**
 * The printable page of one kept listing, or of all.
 * @param {string} [key]
 */
const printable = (key) => chrome.runtime.getURL(`evidence/evidence.html${key === undefined ? "" : `?key=${encodeURIComponent(key)}`}`);

/**
 * The evidence buttons of one kept listing (`key`) or all: "JSON" and "Printable page".
 * @param {(key?: string) => void} exportJson
 * @param {string} [key]
 */
function evidenceButtons(exportJson, key) {
  const json = el("button", { type: "button", class: "kept-json" }, [t("keptExportJson", "JSON")]);
  json.addEventListener("click", () => exportJson(key));
  const print = el("a", { href: printable(key), target: "_blank", class: "kept-print" }, [t("keptPrintable", "Printable page")]);
  return [json, " ", print];
}

/**
 * Builds the section into `root` and keeps it current.
 * @param {HTMLElement} root
 */
export function mountKept(root) {
  const keep = /** @type {HTMLInputElement} */ (el("input", { id: "kept-switch", type: "checkbox" }));
  const count = el("output", { id: "kept-count" });
  const clear = /** @type {HTMLButtonElement} */ (el("button", { id: "kept-clear", type: "button" }, [t("keptClear", "Clear kept listings")]));
  const rescan = /** @type {HTMLButtonElement} */ (el("button", { id: "kept-rescan", type: "button" }, [t("keptRescan", "Check all again")]));
  const file = /** @type {HTMLInputElement} */ (el("input", { id: "kept-file", type: "file", accept: ".csv,.tsv,.txt,.jsonl,.json,text/csv,text/tab-separated-values" }));
  const message = el("p", { id: "kept-status", role: "status", class: "status" });
  const skipped = el("ul", { id: "kept-skipped", class: "errors" });
  const body = el("tbody");
  const table = el("table", { id: "kept-list" }, [
    el("thead", {}, [el("tr", {}, [
      el("th", {}, [t("keptColTitle", "Title")]),
      el("th", {}, [t("keptColWhere", "Where")]),
      el("th", {}, [t("keptColFirstSeen", "First seen")]),
      el("th", {}, [t("keptColLastChecked", "Last checked")]),
      el("th", {}, [t("keptColFindings", "Findings")]),
      el("th", {}, [t("keptColEvidence", "Evidence")]),
    ])]),
    body,
  ]);

  root.append(
    el("h2", {}, [t("keptHeading", "Your listings")]),
    el("p", { class: "muted" }, [t("keptHelp", "The listings you open in a seller editor are kept on this computer only, with the date first seen, the date last checked and what that check found: your record of preventive measures. No page can read them and nothing is sent anywhere.")]),
    el("p", {}, [el("label", {}, [keep, " ", t("keptSwitch", "Keep the listings I open")])]),
    el("p", {}, [t("keptCount", "Listings kept: "), count, " ", rescan, " ", clear]),
    el("p", { id: "kept-all" }, [t("keptEvidenceAll", "Evidence for all kept listings: "), ...evidenceButtons(exportJson)]),
    el("p", {}, [el("label", { for: "kept-file" }, [t("keptImport", "Import a catalogue export (Amazon flat file, Shopify, eBay or Etsy CSV, listing JSON lines): ")]), file]),
    message,
    skipped,
    table,
  );

  /** @param {boolean} ok @param {string} text */
  function say(ok, text) {
    message.dataset.ok = String(ok);
    message.textContent = text;
  }

  /**
   * One row of the list.
   * @param {KeptSummary} s
   */
  function row(s) {
    const fresh = s.newSince === null ? [] : [" ", el("strong", { class: "kept-new" }, [t("keptNewSince", "new since $1", [when(s.newSince)])])];
    const tr = el("tr", {}, [
      el("td", { class: "kept-title" }, [el("span", {}, [s.title]), ...fresh]),
      el("td", {}, [s.where]),
      el("td", {}, [when(s.firstSeen)]),
      el("td", {}, [when(s.lastChecked)]),
      el("td", { class: "kept-findings" }, [String(s.findings)]),
      el("td", {}, evidenceButtons(exportJson, s.key)),
    ]);
    tr.dataset.key = s.key;
    return tr;
  }

  /**
   * Checks the listing (`key`) or all again and downloads their evidence record.
   * @param {string} [key]
   */
  async function exportJson(key) {
    const res = await send(P.keptExport(key));
    if (res.ok && res.evidence) {
      downloadEvidence(res.evidence);
      say(true, t("keptExported", "Evidence for $1 listings saved.", [String(res.evidence.listings.length)]));
      await refresh();
    } else {
      say(false, res.ok ? t("noAnswer", "No answer") : res.error);
    }
  }

  /** @param {KeptResponse} res */
  function show(res) {
    if (!res.ok) return;
    if (res.count !== undefined) {
      count.textContent = String(res.count);
      count.dataset.count = String(res.count);
    }
    if (res.listings) body.replaceChildren(...res.listings.map(row));
    else if (res.count === 0) body.replaceChildren();
  }

  /**
   * @param {KeptRequest} request
   * @returns {Promise<KeptResponse>}
   */
  async function send(request) {
    /** @type {KeptResponse} */
    const res = await chrome.runtime.sendMessage(request).catch((e) => P.failure(request.type, String(e)));
    show(res);
    return res;
  }

  /** Lists the kept listings again. */
  const refresh = () => send(P.keptStatus());

  const S = globalThis.ClearmarkSettings;
  S.load().then((s) => {
    keep.checked = s.keepListings;
    keep.dataset.ready = "true";
  }, () => {});
  keep.addEventListener("change", () => {
    S.update((s) => {
      s.keepListings = keep.checked;
    }).catch((e) => say(false, String(e)));
  });

  rescan.addEventListener("click", async () => {
    say(true, t("keptRescanning", "Checking every kept listing again…"));
    const res = await send(P.keptRescan());
    say(res.ok, res.ok ? t("keptRescanned", "Checked $1 listings again; $2 with new findings.", [String(res.count ?? 0), String(res.fresh ?? 0)]) : res.error);
    await refresh();
  });

  clear.addEventListener("click", async () => {
    const res = await send(P.keptClear());
    skipped.replaceChildren();
    say(res.ok, res.ok ? t("keptCleared", "No listings are kept now.") : res.error);
  });

  file.addEventListener("change", async () => {
    const f = file.files?.[0];
    if (!f) return;
    say(true, t("keptImporting", "Reading $1…", [f.name]));
    skipped.replaceChildren();
    const res = await handOver(f).then(
      (key) => send(P.keptImport(key, f.name, f.size)),
      (e) => P.failure("keptImport", String(e)),
    );
    if (res.ok) {
      const rows = res.skipped ?? [];
      say(true, t("keptImported", "$1: $2 listings read from $3 and checked; $4 rows skipped.", [res.format ?? "", String(res.imported ?? 0), f.name, String(rows.length)]));
      message.dataset.imported = String(res.imported ?? 0);
      skipped.replaceChildren(...rows.map((r) => el("li", {}, [t("keptSkippedRow", "Row $1: $2", [String(r.row), r.reason])])));
      await refresh();
    } else {
      say(false, res.error);
    }
    file.value = "";
  });

  refresh();
  // Listings the seller opens in another tab meanwhile show when the page is looked at again.
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible") refresh();
  });
}
