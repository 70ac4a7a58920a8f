// @ts-check
/**
 * The toolbar popup: the findings of the current tab grouped by field, an overall risk
 * line, a button to jump to each field, the register snapshot's version and date, and the
 * on/off switch for the site, a link to the evidence record of the kept listings
 * (evidence/evidence.html) and how many have findings "new since" a re-scan, and the own brands proposed from pages' cards, waiting for
 * the seller to confirm or discard them (a page cannot: only this extension page can send
 * confirmOwnBrand). It asks the tab's content script (tabFindings, focusField) and the
 * background (info, ownBrandsStatus) through extension/protocol.js and changes only the
 * settings; all text is set with textContent.
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
   * @param {Array<{key: string, field: string, index: number|null, error: string, unchecked?: number, findings: Array<{text: string, kind: string, severity: string, mark: string, enforcement?: any}>}>} fields
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
    for (const f of fields) {
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
        chrome.tabs.sendMessage(tabId, { v: P.PROTOCOL_VERSION, type: 'focusField', key: f.key }).then(() => window.close(), () => {});
      });
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
  }

  /** @param {Record<string, unknown>} info */
  function snapshotLine(info) {
    /** @param {RegExp} re */
    const pick = (re) => {
      for (const [k, v] of Object.entries(info)) if (re.test(k) && (typeof v === 'string' || typeof v === 'number')) return String(v);
      return '';
    };
    const version = pick(/version/i);
    let date = pick(/date|built/i);
    if (/^\d{8}$/.test(date)) date = `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6)}`;
    return t('snapshotLine', [version || '?', date || '?']);
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

  async function main() {
    ClearmarkI18n.localize(document);
    $('open-options').addEventListener('click', (e) => {
      e.preventDefault();
      chrome.runtime.openOptionsPage();
    });
    showPending().catch(() => {});
    showFresh().catch(() => {});
    chrome.runtime.sendMessage(P.info()).then((/** @type {any} */ res) => {
      $('snapshot').textContent = res && res.ok ? snapshotLine(res.snapshot || {}) : t('snapshotUnavailable');
    }, () => { $('snapshot').textContent = t('snapshotUnavailable'); });

    // `?tab=ID` opens the popup as a page for a given tab (the e2e tests do this, since a
    // browser's toolbar popup cannot be opened by automation).
    const forced = Number(new URLSearchParams(location.search).get('tab'));
    const [tab] = forced ? [{ id: forced }] : await chrome.tabs.query({ active: true, currentWindow: true });
    const toggle = /** @type {HTMLInputElement} */ ($('site-enabled'));
    /** @type {any} */
    let res = null;
    if (tab && tab.id !== undefined) {
      res = await chrome.tabs.sendMessage(tab.id, { v: P.PROTOCOL_VERSION, type: 'tabFindings' }).catch(() => null);
    }
    if (!res || !res.ok || tab.id === undefined) {
      $('unsupported').hidden = false;
      toggle.disabled = true;
      $('risk').textContent = '';
      return;
    }
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
    const tabId = tab.id;
    const refresh = async () => {
      const r = await chrome.tabs.sendMessage(tabId, { v: P.PROTOCOL_VERSION, type: 'tabFindings' }).catch(() => null);
      if (r && r.ok) render(r.fields, tabId);
    };
    render(res.fields, tabId);
  }

  main().catch((e) => {
    $('risk').textContent = String(e && e.message ? e.message : e);
  });
})();
