// @ts-check
/**
 * The popup's "Check this site" (extension/sites.js): on an http(s) page the manifest does
 * not cover and the seller has not enabled, offer to check it. The button asks the browser
 * for this one origin — `permissions.request` is called in the click handler itself, so
 * the request carries the seller's gesture and the browser shows its own prompt; a page
 * cannot do this. Once granted, the background registers the editor's content script
 * there and starts it in the open tabs (permissions.onAdded; the popup may be closed by
 * the prompt in Firefox, so the popup does no more than ask).
 *
 * The page's address comes from the active tab (the activeTab permission reveals it when
 * the seller opens the popup). `?tab=ID&url=URL` stands in for that when the popup is
 * opened as a page (the e2e tests, as for popup.js's `?tab=`): the browser's prompt still
 * names the origin and still needs the click.
 */
(() => {
  const t = ClearmarkI18n.t;
  const $ = (/** @type {string} */ id) => /** @type {HTMLElement} */ (document.getElementById(id));

  /** @returns {Promise<string>} the address of the page the popup is about */
  async function pageUrl() {
    const q = new URLSearchParams(location.search);
    const forced = Number(q.get('tab'));
    if (forced) return q.get('url') || '';
    const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
    return (tab && tab.url) || '';
  }

  async function main() {
    const url = await pageUrl();
    const pattern = ClearmarkSites.originPattern(url);
    if (!pattern || ClearmarkSites.covered(url)) return;
    if (await chrome.permissions.contains({ origins: [pattern] })) return;
    const host = new URL(url).hostname;
    const box = $('check-site');
    const status = $('check-site-status');
    $('check-site-text').textContent = t('popupCheckSiteOffer', [host]);
    const button = /** @type {HTMLButtonElement} */ ($('check-site-button'));
    button.textContent = t('popupCheckSite');
    button.addEventListener('click', () => {
      button.disabled = true;
      chrome.permissions.request({ origins: [pattern] }).then((granted) => {
        status.dataset.granted = String(granted);
        status.textContent = granted ? t('popupCheckSiteOn', [host]) : t('popupCheckSiteDenied');
        button.hidden = granted;
        button.disabled = false;
      }, (e) => {
        status.dataset.granted = 'false';
        status.textContent = String(e && e.message ? e.message : e);
        button.disabled = false;
      });
    });
    box.hidden = false;
  }

  main().catch(() => {});
})();
