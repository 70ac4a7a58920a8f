// @ts-check
/**
 * The toolbar popup: an overall risk line, then the findings of the current tab grouped by
 * field — only the fields with findings (or a failed or partial check), each with a button
 * to jump to it — then one "all clear" line naming the other fields; the register
 * snapshot's name (snapshot-text.js, as everywhere), the on/off switch for the site, a
 * link to the evidence record of the kept listings (evidence/evidence.html) and how many
 * have findings "new since" a re-scan, and the own brands proposed from pages' cards,
 * waiting for the seller to confirm or discard them (a page cannot: only this extension
 * page can send confirmOwnBrand). It asks the tab's content script (tabFindings,
 * focusField) and the background (info, ownBrandsStatus) through extension/protocol.js
 * and changes only the settings; all text is set with textContent.
 *
 * Shape: `main()` asks the tab; a tab without Clearmark's content script gets
 * `showUnsupported()` (the place for actions offered on other sites), a tab with it
 * `showTab()`, which renders with `render()`.
 */
(() => {
  const P = globalThis.ClearmarkProtocol;
  const t = ClearmarkI18n.t;
  const $ = (/** @type {string} */ id) => /** @type {HTMLElement} */ (document.getElementById(id));

  /** Show the own brands proposed from pages, each with "It is mine" and "Discard". */
  async function showPending() {
    const res = /** @type {any} */ (await chrome.runtime.sendMessage(P.ownBrandsStatus()).catch(() => null));
    const pending = res && res.ok && Array.isArray(res.pending) ? res.pending : [];
    $('pending').hidden = pending.length === 0;
    $('pending-list').replaceChildren(...pending.map((/** @type {PendingOwnBrand} */ p) => {
      const li = document.createElement('li');
      li.dataset.brand = p.brand;
      const text = document.createElement('span');
      text.textContent = t('popupPendingItem', [p.brand, p.host || '?']) + ' ';
      /** @param {string} label @param {string} role @param {ProtocolRequest} req */
      const act = (label, role, req) => {
        const b = document.createElement('button');
        b.type = 'button';
        b.dataset.role = role;
        b.textContent = label;
        b.addEventListener('click', () => {
          chrome.runtime.sendMessage(req).then(() => showPending(), () => {});
        });
        return b;
      };
      li.append(text, act(t('popupConfirm'), 'confirm', P.confirmOwnBrand(p.brand)), act(t('popupDiscard'), 'discard', P.discardOwnBrand(p.brand)));
      return li;
    }));
  }

  /** @param {string} field @param {number|null} index */
  const fieldName = (field, index) => (field === 'bullets' ? t('field_bullet', [String((index || 0) + 1)]) : t('field_' + field));

  /**
   * @typedef {{key: string, field: string, index: number|null, error: string, unchecked?: number,
   *   findings: Array<{text: string, kind: string, severity: string, mark: string, enforcement?: any}>}} TabField
   */

  /**
   * Whether the popup has something to say about a field: findings, a failed check, or a
   * part of it not checked. The others are "all clear".
   * @param {TabField} f
   */
  const hasNews = (f) => f.findings.length > 0 || !!f.error || !!f.unchecked;

  /**
   * @param {TabField[]} fields
   * @param {number} tabId
   */
  function render(fields, tabId) {
    const all = fields.flatMap((f) => f.findings);
    const high = all.filter((f) => f.severity === 'high').length;
    const medium = all.filter((f) => f.severity === 'medium').length;
    const risk = $('risk');
    risk.dataset.level = high ? 'high' : medium ? 'medium' : all.length ? 'low' : 'none';
    risk.dataset.count = String(all.length);
    risk.textContent = high ? t('riskHigh', [high, all.length]) : medium ? t('riskMedium', [medium, all.length])
      : all.length ? t('riskLow', [all.length]) : fields.length ? t('riskNone', [fields.length]) : t('riskNoFields');
    const box = $('fields');
    box.replaceChildren();
    for (const f of fields.filter(hasNews)) {
      const div = document.createElement('div');
      div.className = 'field';
      div.dataset.field = f.key;
      div.dataset.count = String(f.findings.length);
      const h = document.createElement('h2');
      const name = document.createElement('span');
      name.textContent = `${fieldName(f.field, f.index)} — ${t('findingsCount', [f.findings.length])}`
        + (f.unchecked ? ` (${t('popupUnchecked', [String(P.LIMITS.MAX_FIELD_UNITS)])})` : '');
      const go = document.createElement('button');
      go.type = 'button';
      go.textContent = t('popupJump');
      go.addEventListener('click', () => {
        chrome.tabs.sendMessage(tabId, P.focusField(f.key)).then(() => window.close(), () => {});
      });
      go.setAttribute('aria-label', `${t('popupJump')}: ${fieldName(f.field, f.index)}`);
      h.append(name, go);
      div.append(h);
      if (f.error) {
        const e = document.createElement('p');
        e.className = 'muted';
        e.textContent = t('checkFailed', [f.error]);
        div.append(e);
      }
      if (f.findings.length) {
        const ul = document.createElement('ul');
        for (const x of f.findings) {
          const li = document.createElement('li');
          li.className = 'sev-' + x.severity;
          li.textContent = `${x.text} — ${t('kind_' + x.kind)} (${t('severity_' + x.severity)})`;
          // The owner's enforcement evidence, one line under the finding.
          const evidence = ClearmarkI18n.enforcementLines(x.enforcement);
          if (evidence.length) {
            const why = document.createElement('div');
            why.className = 'enforcement';
            why.textContent = evidence.join(' · ');
            li.append(why);
          }
          ul.append(li);
        }
        div.append(ul);
      }
      box.append(div);
    }
    // One line for the fields with nothing to report.
    const clear = fields.filter((f) => !hasNews(f));
    const allClear = $('all-clear');
    allClear.hidden = clear.length === 0 || all.length === 0;
    allClear.dataset.fields = clear.map((f) => f.key).join(',');
    allClear.textContent = clear.length ? t('popupAllClear', [clear.map((f) => fieldName(f.field, f.index)).join(', ')]) : '';
  }


  /** Say how many kept listings have findings new since their check before a re-scan. */
  async function showFresh() {
    const res = /** @type {KeptResponse} */ (await chrome.runtime.sendMessage(P.keptStatus()));
    const fresh = res.ok && res.listings ? res.listings.filter((l) => l.newSince !== null) : [];
    $('kept-fresh').hidden = fresh.length === 0;
    if (!fresh.length) return;
    const since = Math.min(...fresh.map((l) => /** @type {number} */ (l.newSince)));
    const link = $('kept-fresh-link');
    link.textContent = t('popupKeptFresh', [String(fresh.length), new Date(since).toLocaleString()]);
    link.addEventListener('click', (e) => {
      e.preventDefault();
      chrome.runtime.openOptionsPage();
    });
  }

  /**
   * Link the evidence record of the listing kept for this tab's editor, when one is.
   * @param {string} address  the tab's address
   */
  async function showEvidenceHere(address) {
    const res = /** @type {KeptResponse} */ (await chrome.runtime.sendMessage(P.keptStatus(address)));
    if (!res.ok || res.current === undefined) return;
    const link = /** @type {HTMLAnchorElement} */ ($('open-evidence-here'));
    link.href = `../evidence/evidence.html?key=${encodeURIComponent(res.current)}`;
    link.hidden = false;
  }

  /** Fill the popup: pending brands, kept listings, the snapshot, then the tab. */
  async function main() {
    ClearmarkI18n.localize(document);
    $('open-options').addEventListener('click', (e) => {
      e.preventDefault();
      chrome.runtime.openOptionsPage();
    });
    showPending().catch(() => {});
    showFresh().catch(() => {});
    chrome.runtime.sendMessage(P.info()).then((/** @type {any} */ res) => {
      $('snapshot').textContent = res && res.ok ? ClearmarkSnapshotText.name(t, res.snapshot || {}) : t('snapshotUnavailable');
    }, () => { $('snapshot').textContent = t('snapshotUnavailable'); });

    // `?tab=ID` opens the popup as a page for a given tab (the e2e tests do this, since a
    // browser's toolbar popup cannot be opened by automation).
    const forced = Number(new URLSearchParams(location.search).get('tab'));
    const [tab] = forced ? [{ id: forced }] : await chrome.tabs.query({ active: true, currentWindow: true });
    /** @type {any} */
    let res = null;
    if (tab && tab.id !== undefined) {
      res = await chrome.tabs.sendMessage(tab.id, P.tabFindings()).catch(() => null);
    }
    if (!res || !res.ok || !tab || tab.id === undefined) {
      showUnsupported();
      return;
    }
    showTab(res, tab.id);
  }

  /**
   * The tab runs no Clearmark content script (another site, a browser page): say so, and
   * switch the site toggle off. Actions offered on other sites belong here.
   */
  function showUnsupported() {
    $('unsupported').hidden = false;
    /** @type {HTMLInputElement} */ ($('site-enabled')).disabled = true;
    $('risk').textContent = '';
  }

  /**
   * The tab's findings, the site's switch and the evidence link of its editor.
   * @param {any} res  the content script's tabFindings answer
   * @param {number} tabId
   */
  function showTab(res, tabId) {
    const toggle = /** @type {HTMLInputElement} */ ($('site-enabled'));
    showEvidenceHere(String(res.address)).catch(() => {});
    const host = String(res.host);
    $('site-label').textContent = t('popupSiteOn', [host]);
    toggle.checked = !!res.enabled;
    toggle.addEventListener('change', () => {
      ClearmarkSettings.update((s) => {
        s.disabledHosts = s.disabledHosts.filter((h) => h !== host);
        if (!toggle.checked) s.disabledHosts.push(host);
      }).then(() => setTimeout(refresh, 50), () => {});
    });
    const refresh = async () => {
      const r = await chrome.tabs.sendMessage(tabId, P.tabFindings()).catch(() => null);
      if (r && r.ok) render(r.fields, tabId);
    };
    render(res.fields, tabId);
  }

  main().catch((e) => {
    $('risk').textContent = String(e && e.message ? e.message : e);
  });
})();
