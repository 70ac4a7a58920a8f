// @ts-check
/**
 * The options page: the seller's own brands, which registers to show (US, EU — offered
 * only when the snapshot in use holds records of them, with their counts), whether to
 * underline low-severity findings, the watch list (import a CSV — it replaces the list in
 * use —, see its skipped lines in the seller's language, remove it), importing a register
 * snapshot file (the snapshot in use shown as a small table, snapshot-text.js), and the
 * sites where Clearmark was switched off. Settings go to storage (settings.js);
 * own brands and imports go to the background through extension/protocol.js, which owns
 * applying them. A snapshot file is handed over through IndexedDB (too large for a
 * message): it is stored under IMPORT_DB/IMPORT_STORE with the key named in the message.
 * All text is set with textContent.
 */
(() => {
  const P = globalThis.ClearmarkProtocol;
  const t = ClearmarkI18n.t;
  const $ = (/** @type {string} */ id) => /** @type {HTMLElement} */ (document.getElementById(id));
  const input = (/** @type {string} */ id) => /** @type {HTMLInputElement} */ (document.getElementById(id));

  /** @param {string} id @param {boolean} ok @param {string} text */
  function status(id, ok, text) {
    const s = $(id);
    s.dataset.ok = String(ok);
    s.textContent = text;
  }

  /** @param {unknown} res */
  const errorOf = (res) => (res && typeof res === 'object' && 'error' in res ? String(/** @type {any} */ (res).error) : t('noAnswer'));

  /**
   * Put a file where the background can read it (IndexedDB of the extension's origin).
   * @param {string} key @param {Blob} blob
   */
  function stash(key, blob) {
    return new Promise((resolve, reject) => {
      const open = indexedDB.open(P.IMPORT_DB, 1);
      open.onupgradeneeded = () => open.result.createObjectStore(P.IMPORT_STORE);
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const db = open.result;
        const tx = db.transaction(P.IMPORT_STORE, 'readwrite');
        tx.objectStore(P.IMPORT_STORE).put(blob, key);
        tx.oncomplete = () => { db.close(); resolve(undefined); };
        tx.onerror = () => { db.close(); reject(tx.error); };
      };
    });
  }

  /** @param {Settings} s */
  function show(s) {
    input('reg-us').checked = s.registers.US;
    input('reg-eu').checked = s.registers.EU;
    input('show-low').checked = s.showLow;
    const list = $('disabled-sites');
    list.replaceChildren(...s.disabledHosts.map((h) => {
      const li = document.createElement('li');
      li.textContent = h + ' ';
      const b = document.createElement('button');
      b.type = 'button';
      b.textContent = t('optTurnOn');
      b.addEventListener('click', () => {
        ClearmarkSettings.update((x) => { x.disabledHosts = x.disabledHosts.filter((y) => y !== h); }).then(show, () => {});
      });
      li.append(b);
      return li;
    }));
    $('no-disabled').hidden = s.disabledHosts.length > 0;
  }

  /** Show the own brands (kept by the background, out of content scripts' reach). */
  function showOwnBrands() {
    chrome.runtime.sendMessage(P.ownBrandsStatus()).then((/** @type {any} */ res) => {
      if (res && res.ok) /** @type {HTMLTextAreaElement} */ ($('own-brands')).value = (res.brands || []).join('\n');
    }, () => {});
  }

  /** Show which watch list is in use (and offer to remove it). */
  function showWatchList() {
    chrome.runtime.sendMessage(P.watchListStatus()).then((/** @type {any} */ res) => {
      const has = !!(res && res.ok && res.count > 0);
      $('watch-current').textContent = has ? t('optWatchCurrent', [String(res.count), res.name]) : t('optWatchNone');
      $('watch-clear').hidden = !has;
    }, () => {});
  }

  /**
   * List the skipped rows, each with its line, in the seller's language.
   * @param {WatchListLineError[]} errors  the first rows skipped
   * @param {number} skipped               how many were skipped in all
   */
  function showLineErrors(errors, skipped) {
    const items = errors.map((e) => {
      const li = document.createElement('li');
      const why = e.kind ? t('watchRow_' + e.kind, [e.mark || '', e.value || '']) : e.error;
      li.textContent = t('optWatchLineError', [String(e.line), why.startsWith('watchRow_') ? e.error : why]);
      return li;
    });
    if (skipped > errors.length) {
      const li = document.createElement('li');
      li.textContent = t('optWatchMoreErrors', [String(skipped - errors.length)]);
      items.push(li);
    }
    $('watch-errors').replaceChildren(...items);
  }

  /**
   * Offer each official register only when the snapshot in use holds records of it, with
   * its count; say so when it holds none.
   * @param {Record<string, unknown> | null | undefined} counts  RegisterCounts
   */
  function showRegisters(counts) {
    const S = ClearmarkSnapshotText;
    const held = S.held(counts).filter((r) => /** @type {readonly string[]} */ (S.OFFICIAL).includes(r.register));
    for (const code of S.OFFICIAL) {
      const id = code.toLowerCase();
      const has = held.find((r) => r.register === code);
      $(`reg-${id}-row`).hidden = !has;
      $(`reg-${id}-label`).textContent = has ? t('optRegisterCount', [S.registerName(t, code), S.count(has.records, chrome.i18n.getUILanguage())]) : '';
    }
    $('registers-none').hidden = held.length > 0;
  }

  /** Show the snapshot in use: its name and its table (registers, sources). */
  function showSnapshot() {
    return chrome.runtime.sendMessage(P.info()).then((/** @type {any} */ res) => {
      if (!res || !res.ok) {
        $('snapshot-current').textContent = t('snapshotUnavailable');
        $('snapshot-table').replaceChildren();
        return;
      }
      const S = ClearmarkSnapshotText;
      $('snapshot-current').textContent = t('optSnapshotCurrent', [S.name(t, res.snapshot || {})]);
      $('snapshot-table').replaceChildren(S.table(document, t, res.snapshot || {}, res.registers, chrome.i18n.getUILanguage()));
      showRegisters(res.registers);
    }, () => {});
  }

  /** Fill the page and wire its controls. */
  async function main() {
    ClearmarkI18n.localize(document);
    show(await ClearmarkSettings.load());
    ClearmarkSettings.onChange(show);
    showOwnBrands();

    showSnapshot();

    $('save-brands').addEventListener('click', async () => {
      const brands = [...new Set(/** @type {HTMLTextAreaElement} */ ($('own-brands')).value.split('\n').map((b) => b.trim()).filter(Boolean))];
      const res = await chrome.runtime.sendMessage(P.setOwnBrands(brands)).catch((e) => ({ ok: false, error: String(e) }));
      status('brands-status', !!(res && res.ok), res && res.ok ? t('optSaved', [brands.length]) : errorOf(res));
    });

    for (const [id, reg] of /** @type {Array<[string, 'US'|'EU']>} */ ([['reg-us', 'US'], ['reg-eu', 'EU']])) {
      input(id).addEventListener('change', () => {
        ClearmarkSettings.update((s) => { s.registers[reg] = input(id).checked; }).catch(() => {});
      });
    }
    input('show-low').addEventListener('change', () => {
      ClearmarkSettings.update((s) => { s.showLow = input('show-low').checked; }).catch(() => {});
    });

    showWatchList();
    input('watch-file').addEventListener('change', async () => {
      const file = input('watch-file').files?.[0];
      if (!file) return;
      status('watch-status', true, t('optWatchReading', [file.name]));
      $('watch-errors').replaceChildren();
      const csv = await file.text();
      const res = await chrome.runtime.sendMessage(P.importWatchList(file.name, csv)).catch((e) => ({ ok: false, error: String(e) }));
      if (res && res.ok) {
        status('watch-status', true, t('optWatchImported', [String(res.count ?? 0), String(res.skipped ?? 0)]));
        showLineErrors(res.errors || [], res.skipped ?? 0);
      } else {
        status('watch-status', false, errorOf(res));
      }
      input('watch-file').value = '';
      showWatchList();
    });
    $('watch-clear').addEventListener('click', async () => {
      const res = await chrome.runtime.sendMessage(P.watchListClear()).catch((e) => ({ ok: false, error: String(e) }));
      status('watch-status', !!(res && res.ok), res && res.ok ? t('optWatchCleared') : errorOf(res));
      $('watch-errors').replaceChildren();
      showWatchList();
    });

    input('snapshot-file').addEventListener('change', async () => {
      const file = input('snapshot-file').files?.[0];
      if (!file) return;
      const bar = /** @type {HTMLProgressElement} */ ($('snapshot-progress'));
      bar.hidden = false;
      bar.removeAttribute('value'); // indeterminate while the background checks the file
      try {
        await stash('snapshot', file);
        const res = await chrome.runtime.sendMessage(P.importSnapshot('snapshot', file.name, file.size)).catch((e) => ({ ok: false, error: String(e) }));
        status('snapshot-status', !!(res && res.ok), res && res.ok ? t('optSnapshotImported', [ClearmarkSnapshotText.name(t, res.snapshot || {})]) : errorOf(res));
        if (res && res.ok) await showSnapshot();
      } catch (e) {
        status('snapshot-status', false, String(e));
      } finally {
        bar.hidden = true;
      }
    });
  }

  main().catch((e) => status('brands-status', false, String(e)));
})();
