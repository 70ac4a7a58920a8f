// @ts-check
/**
 * Every UI string exists in both languages: the en and zh_CN message files have the same
 * keys, no empty message, the same $N substitutions, and every key the extension's code
 * asks for (t('key'), t('prefix_' + value) for the listed values, data-i18n attributes
 * and __MSG_key__ in the manifest) is defined. Runs with the e2e suite (no browser).
 */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { REPO } from "./browsers.mjs";

const EXT = join(REPO, "extension");
/** @param {string} lang @returns {Record<string, {message: string}>} */
const load = (lang) => JSON.parse(readFileSync(join(EXT, "_locales", lang, "messages.json"), "utf8"));

/** @param {string} dir @returns {string[]} */
const files = (dir) => readdirSync(dir).flatMap((f) => {
  const p = join(dir, f);
  return statSync(p).isDirectory() ? (f === "_locales" || f === "pkg" ? [] : files(p)) : [p];
});

/** Keys built from a prefix and a value of the contract (docs/contracts.md). */
const FAMILIES = {
  kind_: ["registered_mark", "pending_mark", "famous_brand", "lookalike", "copied_copy"],
  severity_: ["high", "medium", "low"],
  register_: ["us", "eu", "famous", "watch"],
  status_: ["registered", "pending", "dead"],
  field_: ["title", "description", "keywords", "bullet"],
  watchRow_: ["no_name", "no_letters", "bad_class", "malformed"],
  // The snapshot source kinds the CLI writes (src/bin/clearmark/snapshot.rs), named in the snapshot table.
  sourceKind_: ["word_freq", "lexicon", "names", "enforced", "pokemon", "famous", "uspto_xml", "uspto_csv", "euipo_xml", "watch"],
};

describe("UI strings in en and zh_CN", () => {
  const en = load("en");
  const zh = load("zh_CN");

  it("both languages have the same keys, none empty, same substitutions", () => {
    assert.deepEqual(Object.keys(zh).sort(), Object.keys(en).sort());
    for (const [k, v] of Object.entries(en)) {
      assert.ok(v.message.trim(), `en ${k} empty`);
      assert.ok(zh[k].message.trim(), `zh_CN ${k} empty`);
      const subs = (/** @type {string} */ s) => (s.match(/\$\d/g) || []).sort().join();
      assert.equal(subs(zh[k].message), subs(v.message), `${k}: same $N substitutions`);
    }
  });

  it("every key the code uses is defined", () => {
    /** @type {Set<string>} */
    const used = new Set();
    for (const f of files(EXT)) {
      const src = readFileSync(f, "utf8");
      // t('key') of the classic scripts and t("key", "English") of the page modules.
      for (const m of src.matchAll(/\bt\((['"])([A-Za-z_]+)\1(?!\s*\+)/g)) used.add(m[2]);
      for (const m of src.matchAll(/data-i18n(?:-[a-z-]+)?="([A-Za-z_]+)"/g)) used.add(m[1]);
      for (const m of src.matchAll(/__MSG_([A-Za-z_]+)__/g)) used.add(m[1]);
      for (const [prefix, values] of Object.entries(FAMILIES)) {
        if (src.includes(`t('${prefix}' +`)) for (const v of values) used.add(prefix + v);
      }
    }
    assert.ok(used.size > 40, `found the keys the code uses (${used.size})`);
    for (const k of used) assert.ok(en[k], `key "${k}" used in extension/ but missing from _locales/en`);
  });
});
