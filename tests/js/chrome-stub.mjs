// @ts-check
/**
 * The few chrome.* calls extension/sites.js makes, for its Node test: the shipped
 * manifest (or the one a test sets in `state.manifest`), the granted origins in
 * `granted`, and a record of the content scripts registered. Imported before sites.js
 * (static imports run in order), so the script finds `chrome` when it loads.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const REPO = fileURLToPath(new URL("../..", import.meta.url));
export const manifest = JSON.parse(readFileSync(`${REPO}/extension/manifest.json`, "utf8"));
export const BASE = "moz-extension://0c0e0ff6-test/";
/** The origins chrome.permissions.getAll() answers. */
export const granted = /** @type {string[]} */ ([]);
/** What getManifest() answers, and the content scripts registered. */
export const state = { manifest, registered: /** @type {Array<{id: string, matches: string[], js: string[]}>} */ ([]) };
/** @type {any} */ (globalThis).chrome = {
  runtime: { getManifest: () => state.manifest, getURL: (/** @type {string} */ p) => BASE + p },
  permissions: { getAll: async () => ({ origins: [...granted], permissions: [] }) },
  scripting: {
    getRegisteredContentScripts: async () => state.registered.map((s) => ({ ...s })),
    registerContentScripts: async (/** @type {any[]} */ list) => {
      for (const s of list) {
        if (state.registered.some((r) => r.id === s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
        state.registered.push({ id: s.id, matches: s.matches, js: s.js });
      }
    },
    unregisterContentScripts: async (/** @type {{ids: string[]}} */ f) => {
      state.registered = state.registered.filter((r) => !f.ids.includes(r.id));
    },
  },
};
