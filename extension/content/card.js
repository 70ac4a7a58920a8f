// @ts-check
/**
 * The hover card: what a flagged span is and what to do about it — kind, mark, register
 * and number, owner, classes, status, the reason and the suggestion — with two actions,
 * "Ignore here" and "This is my brand". Shown on mouse hover over an underline and when
 * the caret enters a flagged span (keyboard); Escape hides it; Alt+Shift+I and Alt+Shift+B
 * run the actions from the keyboard while the caret card is open. Every register text is
 * set with textContent, never as HTML. It lives in the overlay's shadow root and is the only
 * part of the overlay that takes pointer events.
 */

/** @typedef {{ignore: (f: Finding, field: string) => void, ownBrand: (f: Finding) => void}} CardActions */

const ClearmarkCard = (() => {
  const t = ClearmarkI18n.t;

  /**
   * @param {HTMLElement} slot  the overlay's card slot
   * @param {CardActions} actions
   */
  function create(slot, actions) {
    const doc = slot.ownerDocument;
    const card = doc.createElement('div');
    card.setAttribute('role', 'dialog');
    card.setAttribute('data-clearmark-card', '');
    card.setAttribute('aria-label', t('cardLabel'));
    card.style.cssText = 'position: fixed; display: none; box-sizing: border-box; max-width: 360px; min-width: 240px; '
      + 'background: #fff; color: #1d1d1f; border: 1px solid #c9c9cf; border-radius: 8px; box-shadow: 0 6px 24px rgba(0,0,0,.18); '
      + 'padding: 10px 12px; font: 13px/1.4 system-ui, -apple-system, "Segoe UI", Arial, sans-serif; pointer-events: auto; '
      + 'text-align: left; z-index: 1; letter-spacing: normal; text-transform: none;';
    slot.append(card);
    /** @type {{finding: Finding, field: string, via: 'mouse'|'caret'}|null} */
    let current = null;
    let hideTimer = 0;

    /** @param {string} tag @param {string} text @param {string} [css] @param {string} [role] */
    const el = (tag, text, css = '', role = '') => {
      const e = doc.createElement(tag);
      e.textContent = text;
      if (css) e.style.cssText = css;
      if (role) e.setAttribute('data-role', role);
      return e;
    };

    /** @param {string} label @param {() => void} run @param {string} role */
    const button = (label, run, role) => {
      const b = /** @type {HTMLButtonElement} */ (el('button', label, 'font: inherit; margin: 8px 8px 0 0; padding: 4px 10px; border-radius: 5px; '
        + 'border: 1px solid #8e8e93; background: #f5f5f7; color: #1d1d1f; cursor: pointer;', role));
      b.type = 'button';
      b.addEventListener('click', (ev) => {
        ev.stopPropagation();
        try {
          run();
        } catch {
          /* never into the page console */
        }
      });
      return b;
    };

    /**
     * @param {Finding} f
     * @param {string} field
     */
    function fill(f, field) {
      const colour = ClearmarkOverlay.KIND_COLOUR[f.kind] || '#d0021b';
      const rows = [
        el('div', `${t('kind_' + f.kind)} · ${t('severity_' + f.severity)}`, `font-weight: 600; color: ${colour};`, 'kind'),
        el('div', f.text, 'font-size: 15px; font-weight: 700; margin: 2px 0 4px;', 'text'),
      ];
      // The register's spelling of the mark, when it differs from what the seller wrote.
      if (f.mark && f.mark.toLowerCase() !== f.text.toLowerCase()) rows.push(el('div', t('markLabel', [f.mark]), '', 'mark'));
      for (const r of (f.records || []).slice(0, 3)) {
        const reg = t('register_' + r.register.toLowerCase());
        const number = r.registration ? `${r.number} (${t('registrationNo', [r.registration])})` : r.number;
        rows.push(el('div', number ? `${reg} ${number}` : reg, '', 'register'));
        if (r.owner) rows.push(el('div', t('owner', [r.owner]), '', 'owner'));
        if (r.classes && r.classes.length) rows.push(el('div', t('classes', [r.classes.join(', ')]), '', 'classes'));
        if (r.status) rows.push(el('div', t('status', [t('status_' + r.status)]), '', 'status'));
      }
      if (f.reason) rows.push(el('div', f.reason, 'margin-top: 6px;', 'reason'));
      if (f.suggestion) rows.push(el('div', t('suggestion', [f.suggestion]), 'margin-top: 4px; font-style: italic;', 'suggestion'));
      const bar = el('div', '', 'margin-top: 2px;');
      bar.append(
        button(t('actionIgnore'), () => { actions.ignore(f, field); hide(); }, 'ignore'),
        button(t('actionOwnBrand'), () => { actions.ownBrand(f); hide(); }, 'own-brand'),
      );
      rows.push(bar);
      card.replaceChildren(...rows);
    }

    /**
     * Show the card for a finding next to its first box.
     * @param {Finding} finding
     * @param {string} field
     * @param {{left: number, top: number, right: number, bottom: number}} box
     * @param {'mouse'|'caret'} via
     */
    function show(finding, field, box, via) {
      clearTimeout(hideTimer);
      if (!current || current.finding !== finding) fill(finding, field);
      current = { finding, field, via };
      card.style.display = 'block';
      const view = doc.defaultView;
      const vw = view ? view.innerWidth : 1024;
      const vh = view ? view.innerHeight : 768;
      const w = card.offsetWidth;
      const h = card.offsetHeight;
      const left = Math.max(4, Math.min(box.left, vw - w - 4));
      const below = box.bottom + 6;
      const top = below + h <= vh - 4 ? below : Math.max(4, box.top - h - 6);
      card.style.left = left + 'px';
      card.style.top = top + 'px';
    }

    function hide() {
      clearTimeout(hideTimer);
      card.style.display = 'none';
      current = null;
    }

    /** Hide after a short grace period (so the pointer can travel to the card). */
    function hideSoon() {
      clearTimeout(hideTimer);
      hideTimer = /** @type {any} */ (setTimeout(hide, 250));
    }

    /** @param {number} x @param {number} y */
    function contains(x, y) {
      if (card.style.display === 'none') return false;
      const r = card.getBoundingClientRect();
      return x >= r.left && x <= r.right && y >= r.top && y <= r.bottom;
    }

    return {
      show,
      hide,
      hideSoon,
      contains,
      /** Cancel a pending hide (the pointer reached the card). */
      keep: () => clearTimeout(hideTimer),
      /** The finding shown now, and how the card was opened. */
      get current() {
        return current;
      },
      /** Run an action on the shown finding (keyboard shortcuts). @param {'ignore'|'ownBrand'} which */
      run(which) {
        if (!current) return;
        const { finding, field } = current;
        if (which === 'ignore') actions.ignore(finding, field);
        else actions.ownBrand(finding);
        hide();
      },
      destroy() {
        clearTimeout(hideTimer);
        card.remove();
      },
    };
  }

  return { create };
})();
