// @ts-check
/**
 * The content script's conductor: starts on a seller page unless the seller switched the
 * site off, discovers the listing fields (discover.js) and watches for new ones
 * (observe.js), names them (classify/adapters.js), sends each field's text to the
 * background engine as the seller types (one check in flight per field; newer text
 * supersedes older, no timer), keeps underlines on the right words between answers by
 * shifting them over the edit, has them painted once per frame (painter.js), and
 * opens the card (card.js) on hover or when the caret enters a flagged span. Once the
 * checks have settled it sends the whole listing to be kept (keepListing; extension/kept.js),
 * and whenever the number of high findings it shows changes, that number for the toolbar
 * badge of its tab (tabBadge; extension/badge.js) — a count of the engine's severities, no
 * judgement of its own.
 *
 * Rules: never write into a field or change page text (fields are read, the overlay is
 * our own element); never throw into the page console (every entry point is guarded);
 * every listener and observer registered here is removed by `stop()`.
 *
 * The page is not trusted: only events the browser marks `isTrusted` (the person's own
 * keys, clicks and pointer) open cards or run their actions — a page's synthetic
 * keyup/focusin/mousemove/keydown does nothing; "This is my brand" only proposes the brand
 * (the seller confirms it in the popup); at most P.LIMITS.MAX_FIELD_UNITS of a field are
 * sent (the rest is named in the card and the popup), bullets past P.LIMITS.MAX_BULLETS
 * are not followed, and at most P.LIMITS.MAX_FINDINGS_PER_FIELD findings a field are kept.
 * What is drawn is read by extension pages only (`inspectOverlay`), never from the DOM.
 */
(() => {
  const P = globalThis.ClearmarkProtocol;
  const G = /** @type {any} */ (globalThis);
  if (!P || G.__clearmarkEditor || window.top !== window) return;
  G.__clearmarkEditor = true;

  /**
   * @typedef {object} TrackedField
   * @property {string} key            "title", "bullets.2", "description", "keywords"
   * @property {FieldRole} role
   * @property {FieldContext} ctx
   * @property {HTMLElement} el
   * @property {string} text           current text
   * @property {Segment[]} segments    contenteditable offset map (empty for text controls)
   * @property {number} version        bumped on every text change
   * @property {Finding[]} findings    findings for the current text (shifted over edits)
   * @property {boolean} inFlight
   * @property {boolean} dirty         text changed while a check was in flight
   * @property {string} error          last check error, for the popup
   * @property {number} inputAt        performance.now() of the last input event
   * @property {number} checkedVersion the text version the findings came from the engine for
   * @property {number} rtt            the last check's round trip to the background, ms
 * @property {number} unchecked      UTF-16 units past the cap, not sent (0 for most fields)
   * @property {ReturnType<typeof ClearmarkMirror.createMirror>|null} mirror
   * @property {() => void} detach
   */

  /**
   * Runs `fn`, swallowing anything it throws: the page's console is not ours.
   * @template {unknown[]} A
   * @param {(...args: A) => void} fn
   * @returns {(...args: A) => void}
   */
  const guard = (fn) => (...args) => {
    try {
      fn(...args);
    } catch (e) {
      lastError = String(e && /** @type {Error} */ (e).message ? /** @type {Error} */ (e).message : e);
    }
  };
  let lastError = '';

  const host = location.hostname;
  const adapter = ClearmarkAdapters.forHost(host);
  const marketplace = ClearmarkAdapters.marketplace(host);
  /** @type {Settings} */
  let settings = ClearmarkSettings.defaults();
  /** @type {Set<string>} ignored "field|mark" pairs on this page */
  const ignored = new Set();

  /** @type {ReturnType<typeof start>|null} */
  let session = null;

  const { MAX_FIELD_UNITS, MAX_BULLETS, MAX_FINDINGS_PER_FIELD } = P.LIMITS;

  /**
   * The part of a field's text that is checked: its first MAX_FIELD_UNITS UTF-16 units,
   * one fewer when the cut would split a surrogate pair.
   * @param {string} text
   */
  function checkedPart(text) {
    if (text.length <= MAX_FIELD_UNITS) return text;
    const last = text.charCodeAt(MAX_FIELD_UNITS - 1);
    return text.slice(0, last >= 0xd800 && last <= 0xdbff ? MAX_FIELD_UNITS - 1 : MAX_FIELD_UNITS);
  }

  function start() {
    const overlay = ClearmarkOverlay.create(document);
    const channel = ClearmarkChannel.create(P.PORT_NAME, () => teardown());
    /** Consecutive checks lost to a closed port. */
    let retries = 0;
    /** @type {Map<HTMLElement, TrackedField>} */
    const fields = new Map();
    /** @type {Map<Document, () => void>} */
    const docListeners = new Map();
    let alive = true;

    /** @param {Node} node */
    const isOurs = (node) => node === overlay.host || overlay.host.contains(node);
    /** Mutations inside a contenteditable field are typing, not new fields. @param {Node} node */
    const insideField = (node) => {
      for (const f of fields.values()) if (f.ctx.el !== node && f.ctx.el.contains(node) && !ClearmarkEditable.isTextControl(f.el)) return true;
      return false;
    };
    const watcher = ClearmarkObserve.createWatcher(guard(rediscover), (n) => isOurs(n) || insideField(n));
    /** Hide a mark in one field on this page (only this page's state). @param {Finding} f @param {string} field */
    const ignoreHere = (f, field) => {
      ignored.add(`${field}|${f.mark.toLowerCase()}`);
      for (const t of fields.values()) if (t.key === field) schedulePaint(t);
    };
    const painter = ClearmarkPainter.create(overlay, {
      shown: (t) => visibleFindings(t),
      fields: () => fields.values(),
      guard,
      painted: () => reportBadge(),
    });
    /** @param {TrackedField} t */
    const schedulePaint = (t) => painter.schedule(t);
    const paintAll = () => painter.scheduleAll();
    const card = ClearmarkCard.create(overlay.cardSlot, {
      ignore: guard(ignoreHere),
      // Hidden here at once; the brand becomes the seller's own only once the seller
      // confirms it in the popup (the background keeps it pending until then).
      ownBrand: guard((f, field) => {
        ignoreHere(f, field);
        channel.request(P.proposeOwnBrand(f.mark)).catch(() => {});
      }),
    });

    // ---- discovery -------------------------------------------------------------------
    function rediscover() {
      if (!alive) return;
      overlay.repair();
      const found = ClearmarkDiscover.discover(document, (el) => el === overlay.host);
      watcher.sync(found.roots, found.frames);
      /** @type {Map<HTMLElement, {ctx: FieldContext, role: FieldRole}>} */
      const now = new Map();
      /** @type {Record<string, number>} */
      const seen = {};
      let unnumbered = 0;
      for (const ctx of found.fields) {
        const role = adapter.classify(ctx);
        if (!role) continue;
        if (role.field === 'bullets' && role.index === null) role.index = unnumbered++;
        // Bullets past the engine's cap are not checked (a page can number a field 10⁹).
        if (role.field === 'bullets' && !(Number.isSafeInteger(role.index) && /** @type {number} */ (role.index) < MAX_BULLETS)) continue;
        now.set(ctx.el, { ctx, role });
      }
      for (const [el, t] of fields) {
        if (!now.has(el) || !el.isConnected) {
          t.detach();
          fields.delete(el);
        }
      }
      reportBadge();
      for (const [el, { ctx, role }] of now) {
        let key = role.field === 'bullets' ? `bullets.${role.index}` : role.field;
        seen[key] = (seen[key] || 0) + 1;
        if (seen[key] > 1) key += `#${seen[key]}`;
        const existing = fields.get(el);
        if (existing) {
          if (existing.key !== key) {
            overlay.clear(existing.key);
            existing.key = key;
            existing.role = role;
            schedulePaint(existing);
          }
          continue;
        }
        fields.set(el, track(el, ctx, role, key));
      }
      const docs = new Set([document, ...found.frames.map((f) => ClearmarkDiscover.frameDocument(f)).filter((d) => !!d)]);
      for (const [d, off] of docListeners) {
        if (!docs.has(d)) {
          off();
          docListeners.delete(d);
        }
      }
      for (const d of docs) if (d && !docListeners.has(d)) docListeners.set(d, listenDocument(d));
    }

    /**
     * @param {HTMLElement} el @param {FieldContext} ctx @param {FieldRole} role @param {string} key
     * @returns {TrackedField}
     */
    function track(el, ctx, role, key) {
      const read = ClearmarkEditable.read(el);
      const isControl = ClearmarkEditable.isTextControl(el);
      /** @type {TrackedField} */
      const t = {
        key, role, ctx, el,
        text: read.text,
        segments: read.segments,
        version: 1,
        findings: [],
        inFlight: false,
        dirty: false,
        error: '',
        inputAt: 0,
        checkedVersion: 0,
        rtt: 0,
        unchecked: 0,
        mirror: isControl ? ClearmarkMirror.createMirror(overlay.mirrors) : null,
        detach: () => {},
      };
      const onScroll = guard(() => schedulePaint(t));
      el.addEventListener('scroll', onScroll, { passive: true });
      const resize = new ResizeObserver(guard(() => schedulePaint(t)));
      resize.observe(el);
      t.detach = () => {
        el.removeEventListener('scroll', onScroll);
        resize.disconnect();
        t.mirror?.remove();
        painter.forget(t);
      };
      if (t.text) check(t);
      return t;
    }

    /**
     * Document-level listeners (top document and each same-origin iframe document). Events
     * from inside shadow roots arrive retargeted to the host; composedPath()[0] is the
     * real field.
     * @param {Document} d
     */
    function listenDocument(d) {
      const win = d.defaultView;
      /** @param {Event} e */
      const fieldOf = (e) => {
        for (const n of e.composedPath()) {
          const t = fields.get(/** @type {HTMLElement} */ (n));
          if (t) return t;
        }
        return null;
      };
      const onInput = guard((/** @type {Event} */ e) => {
        const t = fieldOf(e);
        if (t) changed(t, e.timeStamp);
      });
      // Only the person's own keys, clicks and pointer open cards or act (`isTrusted`).
      const onCaret = guard((/** @type {Event} */ e) => {
        if (!e.isTrusted) return;
        const t = fieldOf(e);
        if (t) caretCard(t);
      });
      const onKey = guard((/** @type {KeyboardEvent} */ e) => {
        if (!e.isTrusted) return;
        if (e.key === 'Escape') {
          // Stays hidden until the caret leaves this span (keyup would reopen it).
          if (card.current) dismissed = card.current.finding;
          card.hide();
          return;
        }
        if (e.altKey && e.shiftKey && card.current && card.current.via === 'caret') {
          const k = e.code;
          if (k === 'KeyI' || k === 'KeyB') {
            e.preventDefault();
            card.run(k === 'KeyI' ? 'ignore' : 'ownBrand');
          }
        }
      });
      const onMove = guard((/** @type {MouseEvent} */ e) => {
        if (!e.isTrusted) return;
        const o = ClearmarkGeometry.frameOffset(d);
        const x = e.clientX + o.x;
        const y = e.clientY + o.y;
        if (card.contains(x, y)) return card.keep();
        const u = overlay.hit(x, y);
        const t = u && [...fields.values()].find((f) => f.key === u.field);
        if (u && t) {
          const f = visibleFindings(t)[u.finding];
          if (f) return card.show(f, t.key, u.boxes[0], 'mouse', uncheckedNote(t));
        }
        if (card.current && card.current.via === 'mouse') card.hideSoon();
      });
      const onScroll = guard(() => paintAll());
      d.addEventListener('input', onInput, true);
      d.addEventListener('keyup', onCaret, true);
      d.addEventListener('mouseup', onCaret, true);
      d.addEventListener('focusin', onCaret, true);
      d.addEventListener('keydown', onKey, true);
      d.addEventListener('mousemove', onMove, { capture: true, passive: true });
      win?.addEventListener('scroll', onScroll, { capture: true, passive: true });
      win?.addEventListener('resize', onScroll, { passive: true });
      // Web fonts arriving move text without resizing fields.
      d.fonts?.addEventListener('loadingdone', onScroll);
      return () => {
        d.fonts?.removeEventListener('loadingdone', onScroll);
        d.removeEventListener('input', onInput, true);
        d.removeEventListener('keyup', onCaret, true);
        d.removeEventListener('mouseup', onCaret, true);
        d.removeEventListener('focusin', onCaret, true);
        d.removeEventListener('keydown', onKey, true);
        d.removeEventListener('mousemove', onMove, true);
        win?.removeEventListener('scroll', onScroll, true);
        win?.removeEventListener('resize', onScroll);
      };
    }

    // ---- text changes and checks -----------------------------------------------------
    /**
     * The field's text changed: shift the current findings over the edit (so underlines
     * stay on their words until the new answer), repaint, and ask for a check.
     * @param {TrackedField} t @param {number} at
     */
    function changed(t, at) {
      const read = ClearmarkEditable.read(t.el);
      t.segments = read.segments;
      if (read.text === t.text) return schedulePaint(t);
      t.findings = shiftOverEdit(t.findings, t.text, read.text);
      t.text = read.text;
      t.version++;
      t.inputAt = at || performance.now();
      schedulePaint(t);
      check(t);
    }

    /**
     * Keep findings wholly before or after the edited run, shifted; drop those it touched.
     * @param {Finding[]} findings @param {string} before @param {string} after
     */
    function shiftOverEdit(findings, before, after) {
      let p = 0;
      const max = Math.min(before.length, after.length);
      while (p < max && before.charCodeAt(p) === after.charCodeAt(p)) p++;
      let s = 0;
      while (s < max - p && before.charCodeAt(before.length - 1 - s) === after.charCodeAt(after.length - 1 - s)) s++;
      const oldEnd = before.length - s;
      const delta = after.length - before.length;
      /** @type {Finding[]} */
      const out = [];
      for (const f of findings) {
        if (f.end < p || (f.end === p && p < oldEnd)) out.push(f);
        else if (f.start >= oldEnd && f.start > p) out.push({ ...f, start: f.start + delta, end: f.end + delta });
      }
      return out;
    }

    /**
     * The listing sent for one field: only that field (its first MAX_FIELD_UNITS units),
     * with the page's context (category cut to the same cap).
     * @param {TrackedField} t
     */
    function listingFor(t) {
      /** @type {Listing} */
      const l = { id: t.key, marketplace };
      const cat = adapter.category(document);
      if (cat) l.category = checkedPart(cat);
      const text = checkedPart(t.text);
      t.unchecked = t.text.length - text.length;
      if (t.role.field === 'bullets') {
        // rediscover() follows bullets 0 … MAX_BULLETS - 1 only.
        const b = new Array(/** @type {number} */ (t.role.index) + 1).fill('');
        b[/** @type {number} */ (t.role.index)] = text;
        l.bullets = b;
      } else {
        l[t.role.field] = text;
      }
      return l;
    }

    /** The card's line for a field checked in part, or "". @param {TrackedField} t */
    function uncheckedNote(t) {
      return t.unchecked ? ClearmarkI18n.t('uncheckedRest', [String(MAX_FIELD_UNITS), String(t.unchecked)]) : '';
    }

    /** One check in flight per field; a newer text waits for it and then supersedes. @param {TrackedField} t */
    function check(t) {
      if (!alive) return;
      if (t.inFlight) {
        t.dirty = true;
        return;
      }
      t.inFlight = true;
      t.dirty = false;
      const version = t.version;
      const sentAt = performance.now();
      const done = guard((/** @type {any} */ res) => {
        t.inFlight = false;
        t.rtt = performance.now() - sentAt;
        if (!alive) return;
        if (t.version === version) {
          t.checkedVersion = version;
          if (res && res.ok) {
            scheduleKeep();
            t.error = '';
            t.findings = (res.report.findings || []).filter((/** @type {Finding} */ f) => f.field === t.role.field
              && (t.role.field !== 'bullets' || f.index === t.role.index)).slice(0, MAX_FINDINGS_PER_FIELD);
          } else {
            t.error = (res && res.error) || 'no answer';
          }
          schedulePaint(t);
        }
        if (t.dirty || t.version !== version) check(t);
      });
      if (!t.text) return done({ ok: true, report: { id: t.key, findings: [] } });
      channel.request(P.check(listingFor(t))).then((res) => {
        retries = 0;
        done(res);
      }, (e) => {
        // The port closed under the request (background restarted): ask again, twice at most.
        if (retries++ < 2 && alive) {
          t.inFlight = false;
          check(t);
        } else {
          retries = 0;
          done({ ok: false, error: String(e && e.message ? e.message : e) });
        }
      });
    }

    // ---- keeping the listing (extension/kept.js) --------------------------------------
    /** How long the checks must have settled before the whole listing is kept. */
    const KEEP_AFTER_MS = 1000;
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    let keepTimer;

    /** Keep the listing once no answer has arrived for KEEP_AFTER_MS (typing is over). */
    function scheduleKeep() {
      clearTimeout(keepTimer);
      keepTimer = setTimeout(guard(keep), KEEP_AFTER_MS);
    }

    /** Send the whole listing to be kept, when the seller keeps listings and it has text. */
    function keep() {
      if (!alive || !settings.keepListings) return;
      if ([...fields.values()].some((t) => t.inFlight)) return; // its answer schedules again
      const l = wholeListing();
      if (!l.title && !l.description && !l.keywords && !(l.bullets || []).some(Boolean)) return;
      channel.request(P.keepListing(l, location.href)).catch(() => { /* the background restarted: the next check keeps it */ });
    }

    /**
     * The listing as the editor holds it: every field's checked part, bullets in order.
     * The id is the background's to set (from the editor's address).
     * @returns {Listing}
     */
    function wholeListing() {
      /** @type {Listing} */
      const l = { id: '', marketplace };
      const cat = adapter.category(document);
      if (cat) l.category = checkedPart(cat);
      /** @type {string[]} */
      const bullets = [];
      for (const t of fields.values()) {
        const text = checkedPart(t.text);
        if (t.role.field === 'bullets') bullets[/** @type {number} */ (t.role.index)] = text;
        else if (!l[t.role.field]) l[t.role.field] = text;
      }
      if (bullets.length) l.bullets = Array.from(bullets, (b) => b || '');
      return l;
    }

    // ---- painting --------------------------------------------------------------------
    /** @param {TrackedField} t */
    function visibleFindings(t) {
      return t.findings.filter((f) => ClearmarkSettings.shows(settings, f) && !ignored.has(`${t.key}|${f.mark.toLowerCase()}`)
        && t.text.slice(f.start, f.end) === f.text);
    }

    // ---- toolbar badge (extension/badge.js) ------------------------------------------
    /** The count last sent for the badge (-1: none yet). */
    let badgeSent = -1;

    /** High findings shown now, in every field: what the tab's badge counts. */
    function highShown() {
      let n = 0;
      for (const t of fields.values()) for (const f of visibleFindings(t)) if (f.severity === 'high') n++;
      return n;
    }

    /** Send the tab's count of high findings when it changed since the last one sent. */
    function reportBadge() {
      if (!alive) return;
      const n = highShown();
      if (n === badgeSent) return;
      badgeSent = n;
      channel.request(P.tabBadge(n)).catch(() => { /* the background restarted: the next change sends again */ });
    }

    // ---- caret card --------------------------------------------------------------------
    /** The finding whose card the seller dismissed with Escape (until the caret leaves it). */
    /** @type {Finding|null} */
    let dismissed = null;

    /** @param {TrackedField} t */
    function caretCard(t) {
      const root = /** @type {Document|ShadowRoot} */ (t.el.getRootNode());
      if (root.activeElement !== t.el && !(t.el.isContentEditable && t.el.ownerDocument.hasFocus())) return;
      const c = ClearmarkEditable.caret(t.el, t.segments);
      if (c === null) return;
      const shown = visibleFindings(t);
      const i = shown.findIndex((f) => f.start < c && c < f.end);
      if (i < 0 || shown[i] !== dismissed) dismissed = null;
      if (i < 0 || dismissed) {
        if (i < 0 && card.current && card.current.via === 'caret') card.hide();
        return;
      }
      const r = overlay.firstBox(t.key, shown[i].start) || t.el.getBoundingClientRect();
      card.show(shown[i], t.key, r, 'caret', uncheckedNote(t));
    }

    // The seller switching between light and dark: underlines and card in the new colours.
    const scheme = window.matchMedia('(prefers-color-scheme: dark)');
    const onScheme = guard(() => {
      card.hide();
      paintAll();
    });
    scheme.addEventListener('change', onScheme);

    rediscover();

    return {
      /** What the popup shows: the findings of each field. */
      summary() {
        const out = [];
        for (const t of fields.values()) {
          const shown = visibleFindings(t);
          out.push({
            key: t.key, field: t.role.field, index: t.role.index, error: t.error, unchecked: t.unchecked,
            findings: shown.map((f) => ({ text: f.text, kind: f.kind, severity: f.severity, mark: f.mark, enforcement: f.enforcement })),
          });
        }
        // Listing order: title, bullets in order, description, search terms.
        const rank = { title: 0, bullets: 1, description: 2, keywords: 3 };
        out.sort((a, b) => rank[a.field] - rank[b.field] || (a.index || 0) - (b.index || 0) || a.key.localeCompare(b.key));
        return out;
      },
      /** @param {string} key */
      focus(key) {
        const t = [...fields.values()].find((f) => f.key === key);
        if (!t) return false;
        t.el.scrollIntoView({ block: 'center' });
        t.el.focus({ preventScroll: true });
        return true;
      },
      repaint: paintAll,
      /**
       * What is drawn (InspectOverlayResponse without v/type/ok).
       * @param {boolean} drain  empty the paint log once read (the soak benchmark reads each paint once)
       */
      inspect(drain) {
        const logged = painter.log(drain);
        return {
          hosts: document.querySelectorAll('clearmark-overlay').length,
          viewport: { width: window.innerWidth, height: window.innerHeight },
          underlines: overlay.inspect(),
          nodes: overlay.nodeCount(),
          card: card.inspect(),
          paints: logged,
        };
      },
      recheck() {
        for (const t of fields.values()) check(t);
      },
      stop() {
        // The badge no longer counts this tab's findings (switched off on this site).
        if (badgeSent > 0) channel.request(P.tabBadge(0)).catch(() => {});
        alive = false;
        scheme.removeEventListener('change', onScheme);
        clearTimeout(keepTimer);
        painter.stop();
        watcher.disconnect();
        for (const t of fields.values()) t.detach();
        fields.clear();
        for (const off of docListeners.values()) off();
        docListeners.clear();
        card.destroy();
        overlay.destroy();
        channel.close();
      },
    };
  }

  /** Start or stop to match the settings. */
  function apply() {
    const on = !settings.disabledHosts.includes(host);
    if (on && !session) session = start();
    else if (!on && session) {
      session.stop();
      session = null;
    } else if (session) session.repaint();
  }

  const stopSettings = ClearmarkSettings.onChange(guard((s) => {
    const brandsChanged = s.ownBrandsRevision !== settings.ownBrandsRevision;
    settings = s;
    apply();
    if (brandsChanged && session) session.recheck();
  }));

  /** @param {any} msg @param {chrome.runtime.MessageSender} _sender @param {(r: any) => void} reply */
  const onMessage = (msg, _sender, reply) => {
    try {
      if (!msg || msg.v !== P.PROTOCOL_VERSION) return false;
      if (msg.type === 'tabFindings') {
        reply(P.tabFindingsAnswer({ host, address: location.href, enabled: !!session, fields: session ? session.summary() : [], error: lastError }));
      } else if (msg.type === 'focusField') {
        reply(P.focusFieldAnswer(!!session && session.focus(String(msg.key))));
      } else if (msg.type === 'inspectOverlay') {
        reply(session ? { v: 1, type: 'inspectOverlay', ok: true, ...session.inspect(msg.drain === true) }
          : { v: 1, type: 'inspectOverlay', ok: true, hosts: 0, viewport: { width: window.innerWidth, height: window.innerHeight }, underlines: [], nodes: 0,
            card: { visible: false, text: '', html: '', rect: null, buttons: {} }, paints: [] });
      }
    } catch (e) {
      reply({ v: 1, type: String(msg && msg.type), ok: false, error: String(e) });
    }
    return false;
  };
  chrome.runtime.onMessage.addListener(onMessage);

  ClearmarkSettings.load().then(guard((s) => {
    settings = s;
    apply();
  }), guard(() => apply()));

  // If the extension is reloaded or removed, the orphaned script tears itself down (the
  // channel notices: its port closes and the runtime has no id left).
  function teardown() {
    try {
      stopSettings();
      chrome.runtime.onMessage.removeListener(onMessage);
    } catch {
      /* the runtime is gone */
    }
    if (session) session.stop();
    session = null;
  }
})();
