// @ts-check
/**
 * The first-run page, opened once when the extension is installed (background.js,
 * runtime.onInstalled reason "install"), in two screens:
 *
 * 1. what Clearmark checks (and how severity is drawn), and the seller's own brands —
 *    the same list as the options page's, read with ownBrandsStatus and saved with
 *    setOwnBrands (only extension pages may), since they remove most false alarms;
 * 2. what the snapshot in use covers — its name, the registers it holds with their
 *    record counts and its sources with their dates, all read from the engine
 *    (info: the header and registerCounts; snapshot-text.js), never written here —, how
 *    to get a full register (an update feed or a snapshot file, in options), and the
 *    privacy promise.
 *
 * Keyboard: every action is a button or a link; moving between screens puts the focus on
 * the new screen's heading. All text is set with textContent.
 */
(() => {
  const P = globalThis.ClearmarkProtocol;
  const t = ClearmarkI18n.t;
  const $ = (/** @type {string} */ id) => /** @type {HTMLElement} */ (document.getElementById(id));

  /**
   * Show screen `n` (1 or 2) and move the focus to its heading.
   * @param {1|2} n
   * @param {boolean} focus  move the focus (not on first load)
   */
  function go(n, focus) {
    $('screen-1').hidden = n !== 1;
    $('screen-2').hidden = n !== 2;
    document.body.dataset.screen = String(n);
    if (focus) $(`screen-${n}-title`).focus();
  }

  /** Put the seller's own brands (if any yet) in the box. */
  async function loadBrands() {
    const res = /** @type {any} */ (await chrome.runtime.sendMessage(P.ownBrandsStatus()).catch(() => null));
    if (res && res.ok) /** @type {HTMLTextAreaElement} */ ($('own-brands')).value = (res.brands || []).join('\n');
  }

  /** Save the box as the seller's own brands (one a line, duplicates and blanks dropped). */
  async function saveBrands() {
    const brands = [...new Set(/** @type {HTMLTextAreaElement} */ ($('own-brands')).value.split('\n').map((b) => b.trim()).filter(Boolean))];
    const res = /** @type {any} */ (await chrome.runtime.sendMessage(P.setOwnBrands(brands)).catch((e) => ({ ok: false, error: String(e) })));
    const s = $('brands-status');
    s.dataset.ok = String(!!(res && res.ok));
    s.textContent = res && res.ok ? t('optSaved', [brands.length]) : String((res && res.error) || t('noAnswer'));
  }

  /** Show what the snapshot in use covers, from the engine's own header and counts. */
  async function showSnapshot() {
    const res = /** @type {any} */ (await chrome.runtime.sendMessage(P.info()).catch(() => null));
    const S = ClearmarkSnapshotText;
    if (!res || !res.ok) {
      $('snapshot-name').textContent = t('snapshotUnavailable');
      return;
    }
    $('snapshot-name').textContent = S.name(t, res.snapshot || {});
    $('snapshot-table').replaceChildren(S.table(document, t, res.snapshot || {}, res.registers, chrome.i18n.getUILanguage()));
    const official = S.held(res.registers).some((r) => /** @type {readonly string[]} */ (S.OFFICIAL).includes(r.register));
    $('no-official').hidden = official;
    document.body.dataset.snapshot = 'shown';
  }

  /** Close this tab (the seller is done). */
  async function close() {
    const tab = await chrome.tabs.getCurrent().catch(() => undefined);
    if (tab && tab.id !== undefined) await chrome.tabs.remove(tab.id);
    else window.close();
  }

  /** Fill the page and wire its buttons. */
  function main() {
    ClearmarkI18n.localize(document);
    go(1, false);
    $('next').addEventListener('click', () => go(2, true));
    $('back').addEventListener('click', () => go(1, true));
    $('done').addEventListener('click', () => { close().catch(() => {}); });
    $('save-brands').addEventListener('click', () => { saveBrands().catch(() => {}); });
    loadBrands().catch(() => {});
    showSnapshot().catch(() => {});
  }

  main();
})();
