// @ts-check
/**
 * The "Reference corpus" section of the options page: how many other sellers' listings
 * are kept for the copied-copy check, the switch for collecting product pages while the
 * seller browses, "Clear", and importing listings from a JSON lines file (the shape
 * `clearmark corpus build` reads: {id | product_id, url, brand, date, title, bullets,
 * description}) or a CSV file with a header row naming those columns (bullets in one cell,
 * separated by "|" or line breaks).
 *
 * Files are parsed here; a bad line is reported with its line number and the rest are
 * imported. It only shows state and sends requests (corpusStatus, corpusClear,
 * corpusImport; extension/protocol.js) — the background stores and indexes. All text is
 * set with textContent.
 */

import "../protocol.js";
import { el, t } from "../page-dom.js";

const P = globalThis.ClearmarkProtocol;
/** Listings per corpusImport message. */
const BATCH = 500;
/** Problems listed in the status line (the count says how many there were). */
const SHOWN_PROBLEMS = 5;

/**
 * @typedef {object} Parsed
 * @property {CorpusListing[]} listings
 * @property {string[]} problems   "line N: why", one per bad line
 */

/**
 * One record of an import as a listing, or the reason it is not one.
 * @param {Record<string, unknown>} r
 * @returns {CorpusListing | string}
 */
function toListing(r) {
  const str = (/** @type {unknown} */ v) => (typeof v === "string" ? v.trim() : typeof v === "number" ? String(v) : "");
  let bullets = r.bullets;
  if (typeof bullets === "string") bullets = bullets.split(/\s*\|\s*|\r?\n/);
  if (bullets !== undefined && !Array.isArray(bullets)) return "bullets must be a list of strings";
  const list = /** @type {unknown[]} */ (bullets ?? []).map(str).filter(Boolean);
  const id = str(r.id) || str(r.product_id) || str(r.url);
  if (!id) return "no id, product_id or url";
  /** @type {CorpusListing} */
  const l = { id };
  for (const k of /** @type {const} */ (["url", "brand", "date", "title", "description"])) {
    const v = str(r[k]);
    if (v) l[k] = v;
  }
  if (list.length) l.bullets = list;
  if (!l.title && !l.description && !list.length) return "no title, bullets or description";
  return l;
}

/**
 * Parses JSON lines: one listing object per line; blank lines are skipped.
 * @param {string} text
 * @returns {Parsed}
 */
export function parseJsonl(text) {
  /** @type {Parsed} */
  const out = { listings: [], problems: [] };
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    let v;
    try {
      v = JSON.parse(line);
    } catch (e) {
      out.problems.push(`line ${i + 1}: not JSON (${/** @type {Error} */ (e).message})`);
      return;
    }
    if (typeof v !== "object" || v === null || Array.isArray(v)) {
      out.problems.push(`line ${i + 1}: not a listing object`);
      return;
    }
    const l = toListing(v);
    if (typeof l === "string") out.problems.push(`line ${i + 1}: ${l}`);
    else out.listings.push(l);
  });
  return out;
}

/**
 * Splits CSV text (RFC 4180: quoted cells may hold commas, quotes as "" and line breaks)
 * into records, each with the line it starts on.
 * @param {string} text
 * @returns {{cells: string[], line: number, error?: string}[]}
 */
function csvRecords(text) {
  /** @type {{cells: string[], line: number, error?: string}[]} */
  const records = [];
  let line = 1;
  let i = 0;
  while (i < text.length) {
    const start = line;
    /** @type {string[]} */
    const cells = [];
    let cell = "";
    let quoted = false;
    let error;
    for (;;) {
      if (i >= text.length) {
        if (quoted) error = "a quoted cell is never closed";
        cells.push(cell);
        break;
      }
      const c = text[i];
      if (quoted) {
        if (c === '"' && text[i + 1] === '"') {
          cell += '"';
          i += 2;
        } else if (c === '"') {
          quoted = false;
          i++;
        } else {
          if (c === "\n") line++;
          cell += c;
          i++;
        }
      } else if (c === '"' && cell === "") {
        quoted = true;
        i++;
      } else if (c === ",") {
        cells.push(cell);
        cell = "";
        i++;
      } else if (c === "\n" || c === "\r") {
        cells.push(cell);
        i += c === "\r" && text[i + 1] === "\n" ? 2 : 1;
        line++;
        break;
      } else {
        cell += c;
        i++;
      }
    }
    if (cells.length === 1 && cells[0].trim() === "" && !error) continue;
    records.push(error ? { cells, line: start, error } : { cells, line: start });
  }
  return records;
}

/**
 * Parses CSV with a header row naming the columns (id or product_id, title, bullets,
 * description, url, brand, date; others are ignored).
 * @param {string} text
 * @returns {Parsed}
 */
export function parseCsv(text) {
  /** @type {Parsed} */
  const out = { listings: [], problems: [] };
  const [header, ...rows] = csvRecords(text.replace(/^\uFEFF/, ""));
  if (!header) return out;
  const names = header.cells.map((h) => h.trim().toLowerCase());
  if (!names.some((n) => ["title", "bullets", "description"].includes(n))) {
    out.problems.push(`line ${header.line}: the header row must name a title, bullets or description column (found: ${names.join(", ")})`);
    return out;
  }
  for (const row of rows) {
    if (row.error) {
      out.problems.push(`line ${row.line}: ${row.error}`);
      continue;
    }
    if (row.cells.length > names.length) {
      out.problems.push(`line ${row.line}: ${row.cells.length} cells, the header has ${names.length}`);
      continue;
    }
    /** @type {Record<string, unknown>} */
    const r = {};
    names.forEach((n, k) => {
      if (row.cells[k] !== undefined) r[n] = row.cells[k];
    });
    const l = toListing(r);
    if (typeof l === "string") out.problems.push(`line ${row.line}: ${l}`);
    else out.listings.push(l);
  }
  return out;
}

/**
 * Parses an import file: CSV by its name (.csv), else JSON lines when it starts with "{".
 * @param {string} name
 * @param {string} text
 * @returns {Parsed}
 */
export function parseImport(name, text) {
  if (/\.csv$/i.test(name) || !text.trimStart().startsWith("{")) return parseCsv(text);
  return parseJsonl(text);
}

/**
 * Builds the section into `root` and keeps it current.
 * @param {HTMLElement} root
 */
export function mountCorpus(root) {
  const count = el("output", { id: "corpus-count" });
  const collect = /** @type {HTMLInputElement} */ (el("input", { id: "corpus-collect", type: "checkbox" }));
  const clear = /** @type {HTMLButtonElement} */ (el("button", { id: "corpus-clear", type: "button" }, [t("corpusClear", "Clear")]));
  const file = /** @type {HTMLInputElement} */ (el("input", { id: "corpus-file", type: "file", accept: ".jsonl,.json,.csv,.txt,text/csv,application/json" }));
  const message = el("p", { id: "corpus-status", role: "status", class: "status" });

  root.append(
    el("h2", {}, [t("corpusHeading", "Reference corpus (copied copy)")]),
    el("p", { class: "muted" }, [t("corpusHelp", "Product pages you open on Amazon, eBay, Etsy, Walmart and AliExpress are kept on this computer only, so Clearmark can tell when your copy repeats theirs. At most 20,000 listings; the oldest are dropped first. Listings of your own brands are never reported as copied.")]),
    el("p", {}, [t("corpusKept", "Listings kept: "), count, " ", clear]),
    el("p", {}, [el("label", {}, [collect, " ", t("corpusCollect", "Keep the product pages I open")])]),
    el("p", {}, [el("label", { for: "corpus-file" }, [t("corpusImport", "Import listings (JSON lines or CSV): ")]), file]),
    message,
  );

  /** @param {boolean} ok @param {string} text */
  function say(ok, text) {
    message.dataset.ok = String(ok);
    message.textContent = text;
  }

  /** @param {any} res */
  function showCount(res) {
    if (res && res.ok) {
      count.textContent = String(res.count);
      count.dataset.count = String(res.count);
    }
  }

  /** @param {object} request */
  async function send(request) {
    const res = await chrome.runtime.sendMessage(request).catch((e) => ({ ok: false, error: String(e) }));
    showCount(res);
    return res;
  }

  const S = globalThis.ClearmarkSettings;
  S.load().then((s) => {
    collect.checked = s.collectCorpus;
    collect.dataset.ready = "true";
  }, () => {});
  collect.addEventListener("change", () => {
    S.update((s) => {
      s.collectCorpus = collect.checked;
    }).catch((e) => say(false, String(e)));
  });

  clear.addEventListener("click", async () => {
    const res = await send(P.corpusClear());
    say(!!res?.ok, res?.ok ? t("corpusCleared", "The reference corpus is empty.") : String(res?.error));
  });

  file.addEventListener("change", async () => {
    const f = file.files?.[0];
    if (!f) return;
    say(true, t("corpusImporting", "Importing…"));
    const parsed = parseImport(f.name, await f.text());
    const problems = [...parsed.problems];
    let added = 0;
    for (let i = 0; i < parsed.listings.length; i += BATCH) {
      const res = await send(P.corpusImport(parsed.listings.slice(i, i + BATCH)));
      if (!res?.ok) {
        problems.push(String(res?.error));
        break;
      }
      added += res.added ?? 0;
      problems.push(...(res.rejected ?? []));
    }
    const summary = t("corpusImported", "Imported $1 listings from $2.", [String(added), f.name]);
    const skipped = problems.length
      ? " " + t("corpusSkipped", "Skipped $1: $2", [String(problems.length), problems.slice(0, SHOWN_PROBLEMS).join("; ") + (problems.length > SHOWN_PROBLEMS ? "; …" : "")])
      : "";
    say(added > 0 || problems.length === 0, summary + skipped);
    message.dataset.added = String(added);
    message.dataset.skipped = String(problems.length);
    file.value = "";
  });

  send(P.corpusStatus());
}
