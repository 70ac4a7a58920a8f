// @ts-check
/**
 * The seller's display settings and where they are kept: one key per setting in the
 * extension's local storage (registers, showLow, disabledHosts, collectCorpus,
 * ownBrandsRevision, keepListings), so pages and the background changing different settings at once
 * never overwrite each other; read by the content script, the popup, the options page and
 * the background. Content scripts can read this storage, so it holds nothing private: the
 * own brands and the watch list live in the extension's IndexedDB (private-store.js),
 * owned by the background; `ownBrandsRevision` only counts their changes so content
 * scripts know to check again. Loaded as a classic script; defines one global.
 */

/**
 * @typedef {object} Settings
 * @property {number} ownBrandsRevision  bumped by the background whenever the own brands change
 * @property {{US: boolean, EU: boolean}} registers  which official registers to show findings from
 * @property {boolean} showLow         underline low-severity (informational) findings too
 * @property {string[]} disabledHosts  host names where the seller switched Clearmark off
 * @property {boolean} collectCorpus  keep the product pages the seller browses as the copied-copy reference (default on)
 * @property {boolean} keepListings  keep the seller's own listings opened in seller editors, with their findings (default on; README "Kept listings")
 */

// eslint-disable-next-line no-var
var ClearmarkSettings = (() => {
  /** The storage keys, one per setting. */
  const KEYS = /** @type {const} */ (['ownBrandsRevision', 'registers', 'showLow', 'disabledHosts', 'collectCorpus', 'keepListings']);
  /** @returns {Settings} */
  const defaults = () => ({ ownBrandsRevision: 0, registers: { US: true, EU: true }, showLow: false, disabledHosts: [], collectCorpus: true, keepListings: true });

  /**
   * Fill missing or malformed fields with defaults.
   * @param {unknown} raw
   * @returns {Settings}
   */
  function normalize(raw) {
    const d = defaults();
    if (typeof raw !== 'object' || raw === null) return d;
    const r = /** @type {Record<string, any>} */ (raw);
    return {
      ownBrandsRevision: Number.isSafeInteger(r.ownBrandsRevision) ? r.ownBrandsRevision : d.ownBrandsRevision,
      registers: {
        US: r.registers?.US !== false,
        EU: r.registers?.EU !== false,
      },
      showLow: r.showLow === true,
      disabledHosts: Array.isArray(r.disabledHosts) ? r.disabledHosts.filter((h) => typeof h === 'string') : d.disabledHosts,
      collectCorpus: r.collectCorpus !== false,
      keepListings: r.keepListings !== false,
    };
  }

  /** @returns {Promise<Settings>} */
  async function load() {
    return normalize(await chrome.storage.local.get([...KEYS]));
  }

  /**
   * Change some settings and store the result.
   * @param {(s: Settings) => void} change
   * @returns {Promise<Settings>}
   */
  async function update(change) {
    const before = await load();
    const after = normalize(JSON.parse(JSON.stringify(before)));
    change(after);
    /** @type {Record<string, unknown>} */
    const diff = {};
    for (const k of KEYS) if (JSON.stringify(after[k]) !== JSON.stringify(before[k])) diff[k] = after[k];
    if (Object.keys(diff).length) await chrome.storage.local.set(diff);
    return after;
  }

  /**
   * Call `fn` with the new settings whenever they change.
   * @param {(s: Settings) => void} fn
   * @returns {() => void} stops listening
   */
  function onChange(fn) {
    /** @param {Record<string, chrome.storage.StorageChange>} changes @param {string} area */
    const listener = (changes, area) => {
      if (area === 'local' && KEYS.some((k) => k in changes)) load().then(fn, () => {});
    };
    chrome.storage.onChanged.addListener(listener);
    return () => chrome.storage.onChanged.removeListener(listener);
  }

  /**
   * Whether a finding should be shown under these settings: low severity only when asked
   * for, and not when every record it rests on comes from a register switched off.
   * @param {Settings} s
   * @param {Finding} f
   */
  function shows(s, f) {
    if (f.severity === 'low' && !s.showLow) return false;
    const recs = f.records || [];
    if (!recs.length) return true;
    return recs.some((r) => (r.register === 'US' ? s.registers.US : r.register === 'EU' ? s.registers.EU : true));
  }

  return { KEYS, defaults, normalize, load, update, onChange, shows };
})();
globalThis.ClearmarkSettings = ClearmarkSettings;
