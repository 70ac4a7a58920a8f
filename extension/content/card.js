// @ts-check
/**
 * The hover card: what a flagged span is and what to do about it — kind, mark, register
 * and number, owner, classes, status, the reason and the suggestion — with two actions,
 * "Ignore here" and "This is my brand". Shown on mouse hover over an underline and when
 * the caret enters a flagged span (keyboard); Escape hides it; Alt+Shift+I and Alt+Shift+B
 * run the actions from the keyboard while the caret card is open (the caret card names
 * these keys). Its severity is written out in its first line ("Famous brand · high risk"),
 * not shown by colour alone; its colours follow the seller's colour scheme
 * (ClearmarkOverlay.palette). Every register text is
 * set with textContent, never as HTML. It lives in the overlay's closed shadow root and is
 * the only part of the overlay that takes pointer events; its buttons act only on the
 * person's own clicks (`isTrusted`).
 */

/** @typedef {{ignore: (f: Finding, field: string) => void, ownBrand: (f: Finding, field: string) => void}} CardActions */

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

    /** The colours of the card now (set on each fill). */
    let colours = ClearmarkOverlay.palette(doc).card;

    /** @param {string} label @param {() => void} run @param {string} role */
    const button = (label, run, role) => {
      const b = /** @type {HTMLButtonElement} */ (el('button', label, 'font: inherit; margin: 8px 8px 0 0; padding: 4px 10px; border-radius: 5px; '
        + `border: 1px solid ${colours.buttonBorder}; background: ${colours.buttonBg}; color: ${colours.buttonFg}; cursor: pointer;`, role));
      b.type = 'button';
      b.addEventListener('click', (ev) => {
        ev.stopPropagation();
        if (!ev.isTrusted) return;
        try {
          run();
        } catch {
          /* never into the page console */
        }
      });
      return b;
    };

    /** Characters of source text shown on each side of the copied run. */
    const CONTEXT = 160;

    /**
     * The copied run's source, side by side with the seller's words: the source listing's
     * title and address, and its text around the run with the copied words marked (DOM
     * nodes, never HTML).
     * @param {Finding} f
     * @param {CopySource} src
     */
    function copySource(f, src) {
      const box = el('div', '', 'margin-top: 6px;', 'source');
      const from = el('div', t('copiedFrom', [src.title || src.id]), 'font-weight: 600;', 'source-title');
      box.append(from);
      if (src.url) box.append(el('div', src.url, `color: ${colours.muted}; word-break: break-all; font-size: 12px;`, 'source-url'));
      const cols = el('div', '', 'display: grid; grid-template-columns: 1fr 1fr; gap: 8px; margin-top: 4px;');
      const markCss = `background: ${colours.markBg}; color: ${colours.markFg}; padding: 0;`;
      const col = (/** @type {string} */ label, /** @type {string} */ role) => {
        const c = el('div', '', `border: 1px solid ${colours.panelBorder}; border-radius: 5px; padding: 4px 6px; font-size: 12px; max-height: 160px; overflow: auto;`, role);
        c.append(el('div', label, `color: ${colours.muted}; font-size: 11px; text-transform: uppercase;`));
        return c;
      };
      const yours = col(t('copyYours'), 'copy-yours');
      const mine = el('mark', f.text, markCss);
      yours.append(mine);
      const theirs = col(t('copySource'), 'copy-source');
      const start = Math.max(0, Math.min(src.start, src.text.length));
      const end = Math.max(start, Math.min(src.end, src.text.length));
      const lead = start > CONTEXT ? '…' + src.text.slice(start - CONTEXT, start) : src.text.slice(0, start);
      const tail = src.text.length - end > CONTEXT ? src.text.slice(end, end + CONTEXT) + '…' : src.text.slice(end);
      theirs.append(doc.createTextNode(lead), el('mark', src.text.slice(start, end), markCss, 'copied'), doc.createTextNode(tail));
      cols.append(yours, theirs);
      box.append(cols);
      if (typeof src.similarity === 'number') box.append(el('div', t('copySimilarity', [String(Math.round(src.similarity * 100))]), 'font-size: 12px; margin-top: 2px;', 'similarity'));
      return box;
    }

    /**
     * @param {Finding} f
     * @param {string} field
     * @param {string} note  a line about the field (part of it not checked), or ""
     * @param {'mouse'|'caret'} via  how the card is opened (the caret card names its keys)
     */
    function fill(f, field, note, via) {
      const p = ClearmarkOverlay.palette(doc);
      colours = p.card;
      card.style.background = colours.bg;
      card.style.color = colours.fg;
      card.style.borderColor = colours.border;
      card.style.maxWidth = f.kind === 'copied_copy' && f.source ? '560px' : '360px';
      // The kind's colour on a light card; the text colour on a dark one (readable at 13px).
      const colour = p.scheme === 'dark' ? colours.fg : p.kinds[f.kind] || p.kinds.registered_mark;
      const rows = [
        el('div', `${t('kind_' + f.kind)} · ${t('severity_' + f.severity)}`, `font-weight: 600; color: ${colour};`, 'kind'),
        el('div', f.text, 'font-size: 15px; font-weight: 700; margin: 2px 0 4px;', 'text'),
      ];
      // The register's spelling of the mark, when it differs from what the seller wrote.
      // (A copied run's "mark" is the source listing's id: the source block names it.)
      const copy = f.kind === 'copied_copy';
      if (!copy && f.mark && f.mark.toLowerCase() !== f.text.toLowerCase()) rows.push(el('div', t('markLabel', [f.mark]), '', 'mark'));
      // The owner's enforcement evidence first: it is why the finding is high.
      const enforcement = ClearmarkI18n.enforcementLines(f.enforcement);
      if (enforcement.length) {
        const box = el('div', '', `margin: 4px 0; padding: 4px 6px; border-left: 3px solid ${colours.noteBorder}; background: ${colours.noteBg};`, 'enforcement');
        enforcement.forEach((line, i) => box.append(el('div', line, i ? 'font-size: 12px;' : 'font-weight: 600;')));
        rows.push(box);
      }
      for (const r of (f.records || []).slice(0, 3)) {
        const reg = t('register_' + r.register.toLowerCase());
        // A famous brand's "number" is its Wikidata item and its "owner" the lists that
        // name it (protocol.js RecordRef) — unless it is a curated record, whose owner is
        // the owner the enforcement evidence names.
        const famous = r.register === 'FAMOUS';
        const listed = famous && !(f.enforcement && f.enforcement.owner === r.owner);
        const number = famous
          ? r.number && t('wikidataId', [r.number])
          : r.registration ? `${r.number} (${t('registrationNo', [r.registration])})` : r.number;
        rows.push(el('div', number ? `${reg}${famous ? ' · ' : ' '}${number}` : reg, '', 'register'));
        if (r.owner) rows.push(el('div', t(listed ? 'listedBy' : 'owner', [r.owner]), '', 'owner'));
        if (r.classes && r.classes.length) rows.push(el('div', t('classes', [r.classes.join(', ')]), '', 'classes'));
        if (r.status) rows.push(el('div', t('status', [t('status_' + r.status)]), '', 'status'));
      }
      if (copy && f.source) rows.push(copySource(f, f.source));
      if (f.reason) rows.push(el('div', f.reason, 'margin-top: 6px;', 'reason'));
      if (f.suggestion) rows.push(el('div', t('suggestion', [f.suggestion]), 'margin-top: 4px; font-style: italic;', 'suggestion'));
      if (note) rows.push(el('div', note, `margin-top: 4px; color: ${colours.muted}; font-size: 12px;`, 'unchecked'));
      const bar = el('div', '', 'margin-top: 2px;');
      bar.append(button(t('actionIgnore'), () => { actions.ignore(f, field); hide(); }, 'ignore'));
      // "This is my brand" names a mark; a copied run has none (its source's brand, when it
      // is the seller's own, is never reported in the first place).
      if (!copy) bar.append(button(t('actionOwnBrand'), () => { actions.ownBrand(f, field); hide(); }, 'own-brand'));
      rows.push(bar);
      // From the keyboard the buttons are out of the page's tab order: name the keys.
      if (via === 'caret') rows.push(el('div', t(copy ? 'cardKeysCopy' : 'cardKeys'), `margin-top: 6px; color: ${colours.muted}; font-size: 12px;`, 'keys'));
      card.replaceChildren(...rows);
    }

    /**
     * Show the card for a finding next to its first box.
     * @param {Finding} finding
     * @param {string} field
     * @param {{left: number, top: number, right: number, bottom: number}} box
     * @param {'mouse'|'caret'} via
     * @param {string} [note]  a line about the field (part of it not checked)
     */
    function show(finding, field, box, via, note = '') {
      clearTimeout(hideTimer);
      if (!current || current.finding !== finding || current.via !== via) fill(finding, field, note, via);
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
        else actions.ownBrand(finding, field);
        hide();
      },
      /**
       * What the card shows, with the centre of each button by role (for extension pages
       * only: main.js `inspectOverlay`).
       */
      inspect() {
        const visible = card.style.display !== 'none' && card.getBoundingClientRect().width > 0;
        const r = visible ? card.getBoundingClientRect() : null;
        /** @type {Record<string, {x: number, y: number}>} */
        const buttons = {};
        if (visible) {
          for (const b of Array.from(card.querySelectorAll('button[data-role]'))) {
            const q = b.getBoundingClientRect();
            buttons[/** @type {string} */ (b.getAttribute('data-role'))] = { x: (q.left + q.right) / 2, y: (q.top + q.bottom) / 2 };
          }
        }
        return {
          visible,
          text: visible ? card.innerText : '',
          html: visible ? card.innerHTML : '',
          rect: r ? { left: r.left, top: r.top, right: r.right, bottom: r.bottom } : null,
          buttons,
        };
      },
      destroy() {
        clearTimeout(hideTimer);
        card.remove();
      },
    };
  }

  return { create };
})();
