// @ts-check
/**
 * The printable evidence record (evidence.html?key=<kept key>, or no key for every kept
 * listing): asks the background for the EvidenceRecord (keptExport, extension/protocol.js)
 * and renders it — made when, by which extension and snapshot (sources and their dates),
 * and for each listing its text as checked, its findings with their evidence and the
 * history of its findings — for the browser's "Print → Save as PDF", and offers the same
 * record as a JSON file (the popup links here). No network, no
 * script of the record is run: all text is set with textContent.
 */

import "../protocol.js";
import "../snapshot-text.js";
import { el, t } from "../page-dom.js";
import { downloadEvidence } from "../options/evidence-download.js";

const P = globalThis.ClearmarkProtocol;

/** @param {Array<[string, string]>} pairs */
const definitions = (pairs) => el("dl", {}, pairs.flatMap(([k, v]) => [el("dt", {}, [k]), el("dd", {}, [v])]));

/**
 * @param {string[]} head @param {string[][]} rows @param {string} cls
 */
function table(head, rows, cls) {
  return el("table", { class: cls }, [
    el("thead", {}, [el("tr", {}, head.map((h) => el("th", {}, [h])))]),
    el("tbody", {}, rows.map((r) => el("tr", {}, r.map((c) => el("td", {}, [c]))))),
  ]);
}

/** @param {Finding} f */
const place = (f) => (f.index === null ? f.field : `${f.field} ${f.index + 1}`);

/** @param {Finding} f */
function evidenceOf(f) {
  const records = f.records.map((r) => `${r.register} ${r.number} ${r.owner} [${r.classes.join(", ")}] ${r.status}`.replace(/\s+/g, " ").trim());
  if (f.enforcement) {
    const e = f.enforcement;
    records.push(`${e.owner}: ${[e.schedule_a ? "Schedule A" : "", e.vero ? "VeRO" : "", ...e.cases].filter(Boolean).join(", ")}`);
  }
  if (f.source) records.push(`${f.source.id} ${f.source.url ?? ""}`.trim());
  return [f.reason, ...records].filter(Boolean).join("\n");
}

/** The snapshot's name (as everywhere, snapshot-text.js) and its sources as lines. @param {SnapshotInfo} s */
function snapshotLines(s) {
  const S = globalThis.ClearmarkSnapshotText;
  const sources = Array.isArray(s.sources) ? s.sources : [];
  return [
    S.name((key, subs) => t(key, key, subs?.map(String)), s),
    ...sources.map((/** @type {any} */ x) => `${x.kind ?? ""} ${x.name ?? ""} (${S.isoDate(x.date) || "—"})`.trim()),
  ].join("\n");
}

/** @param {EvidenceListing} l */
function listingSection(l) {
  const text = l.listing;
  const findings = l.findings.length
    ? table([t("evidenceColField", "Field"), t("evidenceColText", "Text"), t("evidenceColKind", "Kind"), t("evidenceColSeverity", "Severity"), t("evidenceColMark", "Mark"), t("evidenceColEvidence", "Evidence")],
      l.findings.map((f) => [place(f), f.text, f.kind, f.severity, f.mark, evidenceOf(f)]), "findings")
    : el("p", { class: "none" }, [t("evidenceNoFindings", "Nothing found.")]);
  const history = table([t("evidenceColText", "Text"), t("evidenceColMark", "Mark"), t("evidenceColFirstFound", "First found"), t("evidenceColFixed", "Fixed")],
    l.history.map((h) => [h.text, `${h.mark} (${h.kind})`, h.firstSeen, h.fixedAt ?? "—"]), "history");
  const section = el("section", { class: "listing" }, [
    el("h2", {}, [text.title || l.key]),
    definitions([
      [t("evidenceWhere", "Where"), l.where],
      [t("evidenceFirstSeen", "First seen"), l.firstSeen],
      [t("evidenceLastChecked", "Last checked"), l.lastChecked],
      [t("evidenceColTitle", "Title"), text.title ?? ""],
      ...(text.bullets ?? []).map((b, i) => /** @type {[string, string]} */ ([`${t("evidenceBullet", "Bullet")} ${i + 1}`, b])),
      [t("evidenceDescription", "Description"), text.description ?? ""],
      [t("evidenceKeywords", "Search terms"), text.keywords ?? ""],
    ]),
    el("h3", {}, [t("evidenceFindings", "Findings of this check")]),
    findings,
    el("h3", {}, [t("evidenceHistory", "History of findings")]),
    history,
  ]);
  section.dataset.key = l.key;
  return section;
}

/** @param {EvidenceRecord} r */
function render(r) {
  /** @type {HTMLElement} */ (document.getElementById("evidence-meta")).replaceWith(Object.assign(definitions([
    [t("evidenceGenerated", "Checked and recorded"), r.generatedAt],
    [t("evidenceExtension", "Extension"), `${r.extension.name} ${r.extension.version}`],
    [t("evidenceSnapshot", "Register snapshot"), snapshotLines(r.snapshot)],
  ]), { id: "evidence-meta" }));
  /** @type {HTMLElement} */ (document.getElementById("evidence-listings")).replaceChildren(...r.listings.map(listingSection));
}

async function main() {
  for (const e of document.querySelectorAll("[data-i18n]")) {
    const s = chrome.i18n.getMessage(/** @type {string} */ (e.getAttribute("data-i18n")));
    if (s) e.textContent = s;
  }
  document.title = t("evidenceTitle", "Clearmark evidence record");
  document.getElementById("print")?.addEventListener("click", () => window.print());
  const status = /** @type {HTMLElement} */ (document.getElementById("evidence-status"));
  const key = new URLSearchParams(location.search).get("key") ?? undefined;
  /** @type {KeptResponse} */
  const res = await chrome.runtime.sendMessage(P.keptExport(key)).catch((e) => P.failure("keptExport", String(e)));
  if (!res.ok || !res.evidence) {
    status.dataset.ok = "false";
    status.textContent = res.ok ? t("noAnswer", "No answer") : res.error;
    return;
  }
  render(res.evidence);
  const record = res.evidence;
  const save = /** @type {HTMLButtonElement} */ (document.getElementById("save-json"));
  save.addEventListener("click", () => downloadEvidence(record));
  save.disabled = false;
  status.dataset.ok = "true";
  status.dataset.listings = String(res.evidence.listings.length);
}

main();
