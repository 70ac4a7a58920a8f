// @ts-check
/**
 * "Check this site": the sites beyond the manifest's marketplaces where the seller asked
 * Clearmark to run. The manifest declares `optional_host_permissions` for every http(s)
 * site; the popup requests one origin (`https://host/*`) when the seller clicks "Check
 * this site" (a user gesture: the browser asks the seller itself), and from then on the
 * editor's content script — the manifest's own file list, with the generic adapter
 * deciding the fields — is registered for that origin (`scripting.registerContentScripts`,
 * kept across sessions) and injected into the tabs already open there. Removing a site
 * (options) revokes the permission and unregisters the script.
 *
 * Who may change this: only extension pages and the background call these functions; a
 * web page can neither request a permission for the extension nor send it a message that
 * does (protocol.js answers tabs only P.TAB_REQUESTS). The permission itself is the record
 * of which sites are enabled: `sync()` makes the registered scripts follow it, so a
 * permission granted or revoked elsewhere (the browser's own extension settings) is
 * followed too (the background calls it on start and on permissions.onAdded/onRemoved).
 *
 * Loaded as a classic script by the popup and options pages and imported by the
 * background; defines one global. The pure helpers (patterns, matching) run in Node too.
 */

// eslint-disable-next-line no-var
var ClearmarkSites = (() => {
  /** Ids of the scripts registered here start with this (others are not ours to touch). */
  const ID_PREFIX = 'clearmark-site-';

  /**
   * The origin pattern the seller grants for a page: `scheme://hostname/*` (a match
   * pattern has no port, and matches every port), or null for what cannot be granted
   * (not http(s), no host, an IP literal in brackets is kept as is).
   * @param {string} url
   * @returns {string|null}
   */
  function originPattern(url) {
    let u;
    try {
      u = new URL(url);
    } catch {
      return null;
    }
    if ((u.protocol !== 'https:' && u.protocol !== 'http:') || !u.hostname) return null;
    return `${u.protocol}//${u.hostname}/*`;
  }

  /**
   * Whether `url` matches a WebExtension match pattern (`<all_urls>`, `scheme://host/path`
   * with `*` in the scheme, a leading `*.` in the host and anywhere in the path). The port
   * is ignored, as the browsers do.
   * @param {string} pattern
   * @param {string} url
   */
  function matches(pattern, url) {
    let u;
    try {
      u = new URL(url);
    } catch {
      return false;
    }
    if (pattern === '<all_urls>') return ['http:', 'https:', 'ws:', 'wss:', 'ftp:', 'file:'].includes(u.protocol);
    const m = /^(\*|https?|wss?|file|ftp):\/\/([^/]*)(\/.*)$/.exec(pattern);
    if (!m) return false;
    const [, scheme, host, path] = m;
    const proto = u.protocol.slice(0, -1);
    if (scheme === '*' ? proto !== 'http' && proto !== 'https' : scheme !== proto) return false;
    if (host !== '*') {
      if (host.startsWith('*.')) {
        const base = host.slice(2);
        if (u.hostname !== base && !u.hostname.endsWith('.' + base)) return false;
      } else if (u.hostname !== host) {
        return false;
      }
    }
    const glob = new RegExp('^' + path.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*') + '$');
    return glob.test(u.pathname + u.search);
  }

  /**
   * The editor's content script in the manifest: its matches and files (relative to the
   * extension's root: Firefox's getManifest() gives them as full moz-extension:// URLs,
   * which registerContentScripts refuses).
   */
  function editorScript() {
    const cs = (chrome.runtime.getManifest().content_scripts || [])[0] || {};
    const base = chrome.runtime.getURL('');
    return { matches: cs.matches || [], js: (cs.js || []).map((f) => (f.startsWith(base) ? f.slice(base.length) : f)) };
  }

  /**
   * The `scheme://host/*` form of a match pattern: what the browsers report for granted
   * origins (Firefox widens a content script's `https://host/path*` to the whole host).
   * @param {string} pattern
   */
  const hostOf = (pattern) => pattern.replace(/^([^:]+:\/\/[^/]*)\/.*$/, '$1/*');

  /** Every pattern the manifest declares (content scripts, host permissions), widened to its host. */
  function declaredHosts() {
    const man = chrome.runtime.getManifest();
    return new Set([
      ...(man.content_scripts || []).flatMap((c) => c.matches || []),
      ...(/** @type {string[]} */ (man.host_permissions || [])),
    ].map(hostOf));
  }

  /**
   * Whether the manifest already covers `url`'s site: the editor's content script runs
   * there, or the manifest names its host for another page of the site (a marketplace's
   * search or product pages: not an editor, and not a site to enable again — the browsers
   * report a host's grants as one).
   * @param {string} url
   */
  function covered(url) {
    const p = originPattern(url);
    return editorScript().matches.some((m) => matches(m, url)) || (!!p && declaredHosts().has(p));
  }

  /**
   * The sites the seller enabled: the granted origins of the `scheme://host/*` shape whose
   * host the manifest does not declare itself (its content scripts' and host permissions'
   * patterns are granted at install and are not the seller's to remove here).
   * @returns {Promise<string[]>}
   */
  async function enabled() {
    const declared = declaredHosts();
    const all = await chrome.permissions.getAll();
    return (all.origins || []).filter((o) => /^https?:\/\/[^/*]+\/\*$/.test(o) && !declared.has(o)).sort();
  }

  /** @param {string} pattern */
  const scriptId = (pattern) => ID_PREFIX + pattern.replace(/^(https?):\/\/([^/]+)\/\*$/, '$1-$2');

  /**
   * Make the registered content scripts follow the granted origins: register the editor's
   * script for each enabled site that has none, unregister ours whose site is no longer
   * granted. Safe to call from several places at once (a duplicate id is not an error here).
   * @returns {Promise<string[]>} the enabled sites
   */
  async function sync() {
    const want = await enabled();
    const have = (await chrome.scripting.getRegisteredContentScripts()).filter((s) => s.id.startsWith(ID_PREFIX));
    const stale = have.filter((s) => !want.some((p) => scriptId(p) === s.id)).map((s) => s.id);
    if (stale.length) await chrome.scripting.unregisterContentScripts({ ids: stale }).catch(() => {});
    const { js } = editorScript();
    for (const p of want) {
      if (have.some((s) => s.id === scriptId(p))) continue;
      await chrome.scripting.registerContentScripts([{
        id: scriptId(p), matches: [p], js, runAt: 'document_idle', allFrames: false, persistAcrossSessions: true,
      }]).catch((e) => {
        if (!/duplicate|already/i.test(String(e && e.message))) throw e;
      });
    }
    return want;
  }

  /**
   * Start checking the pages already open on an enabled site: inject the editor's script
   * into each tab there whose content script does not answer yet.
   * @param {string} pattern
   */
  async function injectOpen(pattern) {
    const { js } = editorScript();
    for (const tab of await chrome.tabs.query({ url: pattern })) {
      if (tab.id === undefined) continue;
      const there = await chrome.tabs.sendMessage(tab.id, { v: 1, type: 'tabFindings' }, { frameId: 0 }).catch(() => null);
      if (there && there.ok) continue;
      await chrome.scripting.executeScript({ target: { tabId: tab.id }, files: js }).catch(() => {});
    }
  }

  /**
   * Stop checking a site: revoke its permission (the browser forgets the grant) and
   * unregister its script. Pages already open keep their content script until reloaded.
   * @param {string} pattern
   * @returns {Promise<boolean>} whether the permission is gone
   */
  async function remove(pattern) {
    await chrome.permissions.remove({ origins: [pattern] }).catch(() => false);
    const gone = !(await chrome.permissions.contains({ origins: [pattern] }));
    await sync();
    return gone;
  }

  return { ID_PREFIX, originPattern, matches, covered, enabled, sync, injectOpen, remove };
})();
globalThis.ClearmarkSites = ClearmarkSites;
