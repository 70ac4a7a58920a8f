// @ts-check
/**
 * The overlay: one `<clearmark-overlay>` element on the top document's <html>, with a
 * CLOSED shadow root (the page sees pixels only: not the underlines, not the card's text,
 * which names the seller's watch-list marks, own brands and browsed listings), fixed at
 * the viewport origin, pointer-events none,
 * above the page. It draws underline boxes from viewport rectangles it is given and holds
 * the mirrors and the hover card. Styles are set through the CSSOM (element.style), so a
 * page's strict style-src CSP cannot block them. If the page removes the host or tampers
 * with its style, it is put back. It draws only; it never reads or writes page fields.
 *
 * Colours follow the seller's `prefers-color-scheme` (`palette()`, also the card's): the
 * dark underline colours keep a 3:1 contrast on white as on near-black, since a page need
 * not follow the scheme. Severity is never colour alone: high is a solid 3px line on a
 * tinted box, medium a dashed 2px line, low a dotted 1px line.
 *
 * Underline elements carry no attributes that describe them (what they mark is kept in
 * this module's own maps); their box is the flagged text's box, the line is drawn at its
 * bottom edge. Tests and the benchmark read what is drawn through `inspect()`, which only
 * the extension can reach (main.js `inspectOverlay`).
 */

/**
 * @typedef {object} Underline
 * @property {string} field   field key: "title", "bullets.2", "description", "keywords"
 * @property {number} start
 * @property {number} end
 * @property {string} kind
 * @property {string} severity
 * @property {number} finding  index of the finding in the field's list (for the card)
 * @property {Box[]} boxes  viewport rectangles of the span
 */

const ClearmarkOverlay = (() => {
  /** Colour of each kind; severity sets thickness and style. */
  const KIND_COLOUR = /** @type {Record<string, string>} */ ({
    registered_mark: '#d0021b',
    pending_mark: '#e8740c',
    famous_brand: '#b0008e',
    lookalike: '#7b2fd0',
    copied_copy: '#0a6fd6',
  });
  /** The same under a dark colour scheme: lighter, still 3:1 on white and on near-black. */
  const KIND_COLOUR_DARK = /** @type {Record<string, string>} */ ({
    registered_mark: '#f03a4f',
    pending_mark: '#e07800',
    famous_brand: '#d94ccf',
    lookalike: '#9a6cf0',
    copied_copy: '#2f8cf0',
  });

  /**
   * @typedef {object} Palette
   * @property {'light'|'dark'} scheme
   * @property {Record<string, string>} kinds  underline colour of each kind
   * @property {string} highTint  background of a high finding's box
   * @property {{bg: string, fg: string, border: string, muted: string, buttonBg: string, buttonFg: string, buttonBorder: string,
   *   noteBg: string, noteBorder: string, markBg: string, markFg: string, panelBorder: string}} card
   */

  /** @type {Record<'light'|'dark', Palette>} */
  const PALETTES = {
    light: {
      scheme: 'light', kinds: KIND_COLOUR, highTint: 'rgba(208, 2, 27, 0.07)',
      card: {
        bg: '#fff', fg: '#1d1d1f', border: '#c9c9cf', muted: '#6e6e73', buttonBg: '#f5f5f7', buttonFg: '#1d1d1f', buttonBorder: '#8e8e93',
        noteBg: '#fff4f4', noteBorder: '#d0021b', markBg: '#ffe08a', markFg: '#1d1d1f', panelBorder: '#e5e5ea',
      },
    },
    dark: {
      scheme: 'dark', kinds: KIND_COLOUR_DARK, highTint: 'rgba(240, 58, 79, 0.16)',
      card: {
        bg: '#1f1f23', fg: '#f2f2f7', border: '#48484f', muted: '#a1a1aa', buttonBg: '#2c2c31', buttonFg: '#f2f2f7', buttonBorder: '#8e8e98',
        noteBg: '#3a1d22', noteBorder: '#ff6b7a', markBg: '#7a5b00', markFg: '#ffffff', panelBorder: '#3a3a40',
      },
    },
  };

  /**
   * The colours for the seller's colour scheme in `doc`'s window.
   * @param {Document} doc
   * @returns {Palette}
   */
  function palette(doc) {
    const view = doc.defaultView;
    return view && view.matchMedia && view.matchMedia('(prefers-color-scheme: dark)').matches ? PALETTES.dark : PALETTES.light;
  }
  const SEVERITY_LINE = /** @type {Record<string, string>} */ ({ high: '3px solid', medium: '2px dashed', low: '1px dotted' });
  const HOST_STYLE = 'all: initial; position: fixed; left: 0; top: 0; width: 0; height: 0; overflow: visible; '
    + 'z-index: 2147483647; pointer-events: none; display: block; contain: none;';

  /** @param {string} kind @param {string} severity @param {Palette} p */
  const lineOf = (kind, severity, p) => `${SEVERITY_LINE[severity] || SEVERITY_LINE.medium} ${p.kinds[kind] || p.kinds.registered_mark}`;

  /**
   * @param {Document} doc  the top document
   */
  function create(doc) {
    const host = doc.createElement('clearmark-overlay');
    host.setAttribute('style', HOST_STYLE);
    const root = host.attachShadow({ mode: 'closed' });
    const layer = doc.createElement('div');
    const mirrors = doc.createElement('div');
    mirrors.style.cssText = 'position: absolute; left: 0; top: 0; width: 0; height: 0; overflow: hidden; visibility: hidden;';
    const cardSlot = doc.createElement('div');
    root.append(layer, mirrors, cardSlot);
    /** @type {Map<string, HTMLDivElement>} */
    const groups = new Map();
    /** @type {Map<string, Underline[]>} */
    const drawn = new Map();
    /** The elements drawn for each underline, for inspect(). @type {Map<string, Array<{u: Underline, els: HTMLElement[]}>>} */
    const elements = new Map();

    const attach = () => {
      const html = doc.documentElement;
      if (html && host.parentNode !== html) html.append(host);
      if (host.getAttribute('style') !== HOST_STYLE) host.setAttribute('style', HOST_STYLE);
      // The popover top layer keeps the overlay above page dialogs where supported.
      try {
        if (!host.hasAttribute('popover')) host.setAttribute('popover', 'manual');
        if (!host.matches(':popover-open')) host.showPopover();
      } catch {
        /* no popover support: z-index alone */
      }
    };
    attach();
    const guard = new MutationObserver(() => {
      if (host.parentNode !== doc.documentElement || host.getAttribute('style') !== HOST_STYLE) attach();
    });
    guard.observe(doc, { childList: true, subtree: false });
    const watchHtml = () => doc.documentElement && guard.observe(doc.documentElement, { childList: true });
    watchHtml();
    guard.observe(host, { attributes: true, attributeFilter: ['style', 'popover'] });

    /** @param {string} field */
    function group(field) {
      let g = groups.get(field);
      if (!g) {
        g = doc.createElement('div');
        layer.append(g);
        groups.set(field, g);
      }
      return g;
    }

    return {
      host,
      /** Where mirrors live (hidden). */
      mirrors,
      /** Where the card lives. */
      cardSlot,
      /** Re-attach after the page removed or replaced <html>. */
      repair() {
        attach();
        watchHtml();
      },
      /**
       * Replace the underlines of one field.
       * @param {string} field
       * @param {Underline[]} lines
       */
      draw(field, lines) {
        const g = group(field);
        /** @type {HTMLElement[]} */
        const els = [];
        /** @type {Array<{u: Underline, els: HTMLElement[]}>} */
        const made = [];
        const p = palette(doc);
        for (const u of lines) {
          const mine = { u, els: /** @type {HTMLElement[]} */ ([]) };
          made.push(mine);
          for (const b of u.boxes) {
            const e = doc.createElement('div');
            mine.els.push(e);
            const s = e.style;
            s.position = 'fixed';
            s.boxSizing = 'border-box';
            s.left = b.left + 'px';
            s.top = b.top + 'px';
            s.width = Math.max(0, b.right - b.left) + 'px';
            s.height = Math.max(0, b.bottom - b.top) + 'px';
            s.borderBottom = lineOf(u.kind, u.severity, p);
            s.background = u.severity === 'high' ? p.highTint : 'transparent';
            s.pointerEvents = 'none';
            els.push(e);
          }
        }
        g.replaceChildren(...els);
        drawn.set(field, lines);
        elements.set(field, made);
      },
      /** @param {string} field */
      clear(field) {
        groups.get(field)?.remove();
        groups.delete(field);
        drawn.delete(field);
        elements.delete(field);
      },
      /**
       * The underline under a viewport point, if any.
       * @param {number} x @param {number} y
       * @returns {Underline|null}
       */
      hit(x, y) {
        for (const lines of drawn.values()) {
          for (const u of lines) {
            for (const b of u.boxes) if (x >= b.left && x <= b.right && y >= b.top - 1 && y <= b.bottom + 2) return u;
          }
        }
        return null;
      },
      /**
       * The first box drawn for the underline of `field` starting at `start`, if any.
       * @param {string} field @param {number} start
       * @returns {Box|null}
       */
      firstBox(field, start) {
        const u = (drawn.get(field) || []).find((x) => x.start === start);
        return u && u.boxes.length ? u.boxes[0] : null;
      },
      /**
       * What is drawn, one entry per underline element with its laid-out rectangle (for
       * extension pages only: main.js `inspectOverlay`).
       */
      inspect() {
        const out = [];
        for (const made of elements.values()) {
          for (const { u, els } of made) {
            for (const e of els) {
              if (!e.isConnected) continue;
              const r = e.getBoundingClientRect();
              out.push({
                field: u.field, start: u.start, end: u.end, kind: u.kind, severity: u.severity, left: r.left, top: r.top, right: r.right, bottom: r.bottom,
                line: e.style.borderBottomStyle, colour: e.style.borderBottomColor,
              });
            }
          }
        }
        return out;
      },
      /** Every element in the overlay's shadow root: underlines, mirrors, card (for inspectOverlay). */
      nodeCount() {
        return root.querySelectorAll('*').length;
      },
      destroy() {
        guard.disconnect();
        host.remove();
        groups.clear();
        drawn.clear();
        elements.clear();
      },
    };
  }

  return { create, KIND_COLOUR, palette };
})();
