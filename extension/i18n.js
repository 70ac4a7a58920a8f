// @ts-check
/**
 * UI strings: every string the seller sees comes from _locales/<lang>/messages.json
 * through the browser's i18n API (chrome.i18n / browser.i18n). Loaded as a classic script
 * by the content script and by the popup and options pages; `localize(root)` fills
 * elements marked `data-i18n="<key>"` (as text, never HTML). Reads only.
 */

// eslint-disable-next-line no-var
var ClearmarkI18n = (() => {
  /**
   * The message for `key` with `$1`… substitutions; the key itself if missing (so a
   * missing string is visible in tests rather than blank).
   * @param {string} key
   * @param {Array<string|number>} [subs]
   */
  function t(key, subs = []) {
    try {
      const s = chrome.i18n.getMessage(key, subs.map(String));
      if (s) return s;
    } catch {
      /* no i18n API (should not happen in the extension) */
    }
    return key;
  }

  /**
   * Fill `[data-i18n]` text and `[data-i18n-title]`, `[data-i18n-placeholder]`,
   * `[data-i18n-aria-label]` attributes under `root`; for a whole document, set its
   * language to the UI's.
   * @param {ParentNode} root
   */
  function localize(root) {
    // The page's language is the one its strings are in (axe-core: html-has-lang).
    if (root instanceof Document) {
      try {
        const locale = chrome.i18n.getMessage('@@ui_locale');
        if (locale) root.documentElement.lang = locale.replace('_', '-');
      } catch {
        /* no i18n API */
      }
    }
    for (const el of Array.from(root.querySelectorAll('[data-i18n]'))) el.textContent = t(el.getAttribute('data-i18n') || '');
    for (const a of ['title', 'placeholder', 'aria-label']) {
      for (const el of Array.from(root.querySelectorAll(`[data-i18n-${a}]`))) el.setAttribute(a, t(el.getAttribute(`data-i18n-${a}`) || ''));
    }
  }

  /**
   * The lines a card or the popup shows for a finding's enforcement evidence
   * (protocol.js EnforcementRef): whether the owner sues marketplace sellers, the case
   * numbers, VeRO, the franchise. Empty for a finding without evidence.
   * @param {{schedule_a: boolean, vero: boolean, cases: string[], owner: string, franchise?: string}|undefined} e
   * @returns {string[]}
   */
  function enforcementLines(e) {
    if (!e) return [];
    const lines = [];
    if (e.schedule_a || (e.cases && e.cases.length)) lines.push(t('enforcementSues'));
    if (e.cases && e.cases.length) lines.push(t('enforcementCases', [e.cases.join(', ')]));
    if (e.vero) lines.push(t('enforcementVero'));
    if (e.franchise) lines.push(t('enforcementFranchise', [e.franchise]));
    return lines;
  }

  return { t, localize, enforcementLines };
})();
globalThis.ClearmarkI18n = ClearmarkI18n;
