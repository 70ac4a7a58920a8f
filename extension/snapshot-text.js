// @ts-check
/**
 * One way to name a register snapshot wherever the seller sees one (popup, options,
 * updates, onboarding): "snapshot <version> of <yyyy-mm-dd>", from either the header the
 * engine reports (protocol.js SnapshotInfo: `snapshot_version`, `build_date` as
 * yyyymmdd) or the updater's summary (SnapshotSummary: `version`, `date`); and what a
 * snapshot holds as rows of a small table — the registers it really holds with their
 * record counts (engine.registerCounts(), protocol.js RegisterCounts) and its sources with
 * their dates — instead of raw JSON.
 *
 * Pure functions: the text comes from the `t` they are given (ClearmarkI18n.t in the
 * extension, a stub in tests/js), no figure is written here. `table()` alone builds DOM
 * (text set as text). Loaded as a classic script by the pages and imported for its global
 * by modules and Node tests.
 */

/** @typedef {(key: string, subs?: Array<string|number>) => string} Translate */

// eslint-disable-next-line no-var
var ClearmarkSnapshotText = (() => {
  /** The registers in the order they are shown, by their codes in findings. */
  const REGISTERS = /** @type {const} */ (['US', 'EU', 'FAMOUS', 'WATCH']);
  /** The official registers: what "registers to use" offers. */
  const OFFICIAL = /** @type {const} */ (['US', 'EU']);

  /**
   * A date as yyyy-mm-dd from a header's yyyymmdd number or string, or an updater's
   * yyyy-mm-dd; "" when unknown (0, missing, malformed).
   * @param {unknown} d
   */
  function isoDate(d) {
    const s = String(d ?? '');
    if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return s;
    if (/^\d{8}$/.test(s) && s !== '00000000') return `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6)}`;
    return '';
  }

  /**
   * The version and date of a snapshot, from a header (SnapshotInfo) or an updater summary
   * (SnapshotSummary).
   * @param {Record<string, unknown>} s
   * @returns {{version: string, date: string}}
   */
  function versionAndDate(s) {
    const version = s.snapshot_version ?? s.version;
    const date = s.build_date ?? s.date;
    return { version: version === undefined || version === null ? '' : String(version), date: isoDate(date) };
  }

  /**
   * The snapshot's name: "snapshot 2026120300 of 2026-12-03".
   * @param {Translate} t
   * @param {Record<string, unknown>} s  a SnapshotInfo or a SnapshotSummary
   */
  function name(t, s) {
    const { version, date } = versionAndDate(s);
    return t('snapshotName', [version || '?', date || t('dateUnknown')]);
  }

  /**
   * A count with the reader's digit grouping.
   * @param {unknown} n
   * @param {string} [lang]  BCP 47 language of the UI
   */
  function count(n, lang) {
    const v = Number(n);
    return Number.isFinite(v) ? v.toLocaleString(lang) : '?';
  }

  /**
   * The registers the snapshot holds records of, in REGISTERS order, with their counts.
   * @param {Record<string, unknown> | null | undefined} counts  RegisterCounts
   * @returns {Array<{register: string, records: number}>}
   */
  function held(counts) {
    if (!counts) return [];
    return REGISTERS.map((register) => ({ register, records: Number(counts[register]) || 0 })).filter((r) => r.records > 0);
  }

  /**
   * The register's name in the seller's language ("US register (USPTO)").
   * @param {Translate} t
   * @param {string} register  a code of REGISTERS
   */
  function registerName(t, register) {
    return t('register_' + register.toLowerCase());
  }

  /**
   * The name of a source kind (`uspto-xml`, `famous`, `word-freq`, …), the kind itself
   * when the extension has no name for it.
   * @param {Translate} t
   * @param {string} kind
   */
  function sourceKind(t, kind) {
    const name = kind.replace(/[^A-Za-z0-9]/g, '_');
    const s = t('sourceKind_' + name);
    return s === `sourceKind_${name}` ? kind : s;
  }

  /**
   * The rows of the snapshot's summary table: [label, value] each.
   * @param {Translate} t
   * @param {Record<string, unknown>} info  SnapshotInfo
   * @param {Record<string, unknown> | null | undefined} counts  RegisterCounts
   * @param {string} [lang]
   * @returns {Array<[string, string]>}
   */
  function summaryRows(t, info, counts, lang) {
    /** @type {Array<[string, string]>} */
    const rows = [[t('snapTableName'), name(t, info)]];
    const regs = held(counts);
    rows.push([t('snapTableRegisters'), regs.length
      ? regs.map((r) => t('snapTableRegisterCount', [registerName(t, r.register), count(r.records, lang)])).join('; ')
      : t('snapTableNoRecords')]);
    if (!regs.some((r) => /** @type {readonly string[]} */ (OFFICIAL).includes(r.register))) rows.push([t('snapTableOfficial'), t('snapTableNoOfficial')]);
    rows.push([t('snapTableFormat'), String(info.format_version ?? '?')]);
    return rows;
  }

  /**
   * The rows of the sources table: kind, name, date, records read, skipped.
   * @param {Translate} t
   * @param {Record<string, unknown>} info  SnapshotInfo
   * @param {string} [lang]
   * @returns {Array<{kind: string, name: string, date: string, records: string, skipped: string}>}
   */
  function sourceRows(t, info, lang) {
    const sources = Array.isArray(info.sources) ? info.sources : [];
    return sources.map((/** @type {Record<string, unknown>} */ s) => ({
      kind: sourceKind(t, String(s.kind ?? '')),
      name: String(s.name ?? ''),
      date: isoDate(s.date) || t('dateUnknown'),
      records: count(s.records, lang),
      skipped: count(s.skipped ?? 0, lang),
    }));
  }

  /**
   * The snapshot as a small table: its name, the registers it holds with their counts,
   * then its sources, one row each. Built with `doc`; all text set as text.
   * @param {Document} doc
   * @param {Translate} t
   * @param {Record<string, unknown>} info  SnapshotInfo
   * @param {Record<string, unknown> | null | undefined} counts  RegisterCounts
   * @param {string} [lang]
   */
  function table(doc, t, info, counts, lang) {
    /** @param {string} tag @param {string} text @param {Record<string, string>} [attrs] */
    const cell = (tag, text, attrs = {}) => {
      const c = doc.createElement(tag);
      for (const [k, v] of Object.entries(attrs)) c.setAttribute(k, v);
      c.textContent = text;
      return c;
    };
    const box = doc.createElement('div');
    box.className = 'snapshot-table';
    const summary = doc.createElement('table');
    summary.className = 'snapshot-summary';
    for (const [label, value] of summaryRows(t, info, counts, lang)) {
      const tr = doc.createElement('tr');
      tr.append(cell('th', label, { scope: 'row' }), cell('td', value));
      summary.append(tr);
    }
    const sources = doc.createElement('table');
    sources.className = 'snapshot-sources';
    sources.append(cell('caption', t('snapTableSources')));
    const head = doc.createElement('tr');
    for (const k of ['snapTableKind', 'snapTableSource', 'snapTableDate', 'snapTableRead', 'snapTableSkipped']) head.append(cell('th', t(k), { scope: 'col' }));
    sources.append(head);
    for (const s of sourceRows(t, info, lang)) {
      const tr = doc.createElement('tr');
      tr.append(cell('td', s.kind), cell('td', s.name), cell('td', s.date), cell('td', s.records), cell('td', s.skipped));
      sources.append(tr);
    }
    box.append(summary, sources);
    return box;
  }

  return { REGISTERS, OFFICIAL, isoDate, versionAndDate, name, count, held, registerName, sourceKind, summaryRows, sourceRows, table };
})();
globalThis.ClearmarkSnapshotText = ClearmarkSnapshotText;
