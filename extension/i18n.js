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
   * `[data-i18n-aria-label]` attributes under `root`.
   * @param {ParentNode} root
   */
  function localize(root) {
    for (const el of Array.from(root.querySelectorAll('[data-i18n]'))) el.textContent = t(el.getAttribute('data-i18n') || '');
    for (const a of ['title', 'placeholder', 'aria-label']) {
      for (const el of Array.from(root.querySelectorAll(`[data-i18n-${a}]`))) el.setAttribute(a, t(el.getAttribute(`data-i18n-${a}`) || ''));
    }
  }

  return { t, localize };
})();
globalThis.ClearmarkI18n = ClearmarkI18n;
