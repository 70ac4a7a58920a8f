// @ts-check
/**
 * Options, "Other sites you asked Clearmark to check" (extension/sites.js): the sites
 * enabled with the popup's "Check this site", each with Remove, which revokes the site's
 * permission and unregisters the content script there. The list follows the permissions,
 * so a grant or revocation made elsewhere (the popup, the browser's extension settings)
 * shows up here too. All text is set with textContent.
 */
(() => {
  const t = ClearmarkI18n.t;
  const $ = (/** @type {string} */ id) => /** @type {HTMLElement} */ (document.getElementById(id));

  async function show() {
    const sites = await ClearmarkSites.enabled();
    $('no-enabled-sites').hidden = sites.length > 0;
    $('enabled-sites-list').replaceChildren(...sites.map((p) => {
      const li = document.createElement('li');
      li.dataset.site = p;
      li.textContent = p.replace(/\/\*$/, '') + ' ';
      const b = document.createElement('button');
      b.type = 'button';
      b.textContent = t('optRemoveSite');
      b.addEventListener('click', () => {
        b.disabled = true;
        ClearmarkSites.remove(p).then(show, show);
      });
      li.append(b);
      return li;
    }));
  }

  ClearmarkI18n.localize($('enabled-sites'));
  chrome.permissions.onAdded.addListener(() => { show().catch(() => {}); });
  chrome.permissions.onRemoved.addListener(() => { show().catch(() => {}); });
  show().catch(() => {});
})();
