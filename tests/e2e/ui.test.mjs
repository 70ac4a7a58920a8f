// @ts-check
/**
 * The interface a new seller meets (issue 17, items 3-7), in Chromium and Firefox with the
 * extension really loaded:
 *
 * - installing it opens the onboarding page (browsers.mjs records it at launch); its two
 *   screens work from the keyboard alone, save the own brands, and show the snapshot in
 *   use as the engine reports it — the counts by register checked against `clearmark
 *   snapshot inspect` of the same file, not against figures written here;
 * - options offers a register only when the snapshot holds records of it, with their
 *   count (the bundled snapshot holds none: no US/EU choice, a sentence instead; an
 *   imported USPTO snapshot: the US choice with its count, still no EU), and shows the
 *   snapshot as a table, named as the popup names it, never as raw JSON;
 * - on a listing editor, the popup lists the fields with findings first and one "all
 *   clear" line for the rest; the toolbar badge of that tab counts its high findings
 *   (as many as `clearmark check` reports for the typed title, and as many as are drawn),
 *   and clears when they are gone; underlines show severity by line style too, and switch
 *   to the dark colours with the seller's colour scheme;
 * - axe-core finds no serious or critical violation in the popup, options and both
 *   onboarding screens, in the light and the dark scheme; screenshots of each go to
 *   test-artifacts/ (ui-<browser>-<page>-<scheme>.png), axe's full findings to
 *   ui-<browser>-axe.json.
 */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { waitFor } from "./wait.mjs";
import { ARTIFACTS, BROWSERS, REPO, useBrowser } from "./browsers.mjs";
import { focusEnd, overlayState } from "./editor-page.mjs";
import { importSnapshotFile } from "./page.mjs";

const CLI = join(REPO, "target", "debug", "clearmark");
const BUNDLED = join(REPO, "dist", "snapshot", "default.snap");
const EDITOR = { host: "sellercentral.amazon.com", path: "/abis/listing/edit/" };
const TITLE = ['kat-textarea[name="item_name-0-value"]', "shadow", "textarea"];
const TYPED = "Building bricks set compatible with LEGO for Disney fans";
const SCHEMES = /** @type {const} */ (["light", "dark"]);

/**
 * What `clearmark snapshot inspect` says of a snapshot file: version, build date (yyyymmdd),
 * records of each register, number of sources.
 * @param {string} file
 */
function inspect(file) {
  const out = execFileSync(CLI, ["snapshot", "inspect", file], { encoding: "utf8" });
  const version = (/snapshot version:\s+(\d+)/.exec(out) || [])[1];
  const built = (/build date:\s+(\d{8})/.exec(out) || [])[1];
  const registers = Object.fromEntries(((/by register:\s*(.*)/.exec(out) || [])[1] || "").split(",").map((p) => p.trim().split(/\s+/)).filter((p) => p.length === 2)
    .map(([k, v]) => [k, Number(v)]));
  const sources = out.split("\n").slice(out.split("\n").findIndex((l) => l.startsWith("sources:")) + 1).findIndex((l) => !l.startsWith("  "));
  assert.ok(version && built, `inspect output: ${out}`);
  return { version, date: `${built.slice(0, 4)}-${built.slice(4, 6)}-${built.slice(6)}`, registers, sources };
}

/** How many high findings `clearmark check` reports for the typed title on Amazon. */
function highFindingsOfTitle() {
  const line = JSON.stringify({ id: "ui", marketplace: "amazon.com", title: TYPED });
  const out = JSON.parse(execFileSync(CLI, ["check", "--snapshot", BUNDLED], { input: line + "\n", encoding: "utf8" }));
  return out.findings.filter((/** @type {{severity: string}} */ f) => f.severity === "high").length;
}

/** In the onboarding page: what it shows, once the snapshot has been asked for. */
function onboardingState() {
  const text = (/** @type {string} */ id) => document.getElementById(id)?.textContent ?? "";
  return {
    snapshot: document.body.dataset.snapshot ?? "",
    screens: document.querySelectorAll("main > section").length,
    shown: document.body.dataset.screen ?? "",
    name: text("snapshot-name"),
    table: Array.from(document.querySelectorAll("#snapshot-table .snapshot-summary tr")).map((r) => r.textContent ?? ""),
    sources: document.querySelectorAll("#snapshot-table .snapshot-sources tr").length - 1,
    noOfficial: !(/** @type {HTMLElement} */ (document.getElementById("no-official")).hidden),
    privacy: text("privacy"),
    status: text("brands-status"),
    focus: document.activeElement?.id ?? "",
  };
}

/** In the options page: the register choices, the snapshot line and its table. */
function optionsState() {
  const row = (/** @type {string} */ id) => {
    const r = /** @type {HTMLElement} */ (document.getElementById(id));
    return r.hidden ? null : r.textContent ?? "";
  };
  return {
    ready: !!document.querySelector("#snapshot-table table"),
    us: row("reg-us-row"),
    eu: row("reg-eu-row"),
    none: !(/** @type {HTMLElement} */ (document.getElementById("registers-none")).hidden),
    current: document.getElementById("snapshot-current")?.textContent ?? "",
    table: Array.from(document.querySelectorAll("#snapshot-table .snapshot-summary tr")).map((r) => r.textContent ?? ""),
    sources: document.querySelectorAll("#snapshot-table .snapshot-sources tr").length - 1,
    imported: document.getElementById("snapshot-status")?.textContent ?? "",
  };
}

/** In the popup page: the risk line, the field groups in order, the all-clear line, the snapshot name. */
function popupState() {
  const clear = /** @type {HTMLElement} */ (document.getElementById("all-clear"));
  return {
    count: Number(document.getElementById("risk")?.dataset.count ?? "NaN"),
    groups: Array.from(document.querySelectorAll("#fields .field")).map((d) => ({ field: /** @type {HTMLElement} */ (d).dataset.field, count: Number(/** @type {HTMLElement} */ (d).dataset.count) })),
    allClear: clear.hidden ? null : { text: clear.textContent ?? "", fields: (clear.dataset.fields ?? "").split(",").filter(Boolean) },
    snapshot: document.getElementById("snapshot")?.textContent ?? "",
  };
}

/**
 * In an extension page: the id of the tab whose content script runs on `host`, and that
 * tab's badge text.
 * @param {string} host
 */
async function editorBadge(host) {
  for (const t of await chrome.tabs.query({})) {
    if (t.id === undefined) continue;
    const r = await chrome.tabs.sendMessage(t.id, { v: 1, type: "tabFindings" }).catch(() => null);
    if (r && r.ok && r.host === host) return { tabId: t.id, text: await chrome.action.getBadgeText({ tabId: t.id }) };
  }
  return { tabId: -1, text: "" };
}

for (const [browserName, launch] of Object.entries(BROWSERS)) {
  describe(`interface in ${browserName}`, { timeout: 600_000 }, () => {
    const session = useBrowser(launch);
    /** Every axe finding, by page and scheme, written out at the end. @type {Record<string, import("./browsers.mjs").AxeViolation[]>} */
    const axeAll = {};

    /**
     * Runs axe-core on an extension tab: no serious or critical violation.
     * @param {import("./browsers.mjs").ExtensionTab} tab @param {string} what
     */
    async function noSeriousViolations(tab, what) {
      const dark = what.endsWith("-dark");
      const scheme = await waitFor(() => tab.evaluate(() => matchMedia("(prefers-color-scheme: dark)").matches, null), (d) => d === dark);
      assert.equal(scheme, dark, `${what}: the page is in the ${dark ? "dark" : "light"} scheme`);
      const found = await tab.axe();
      axeAll[what] = found;
      writeFileSync(join(ARTIFACTS, `ui-${browserName}-axe.json`), JSON.stringify(axeAll, null, 2));
      const bad = found.filter((v) => v.impact === "serious" || v.impact === "critical");
      assert.deepEqual(bad, [], `${what}: axe-core's serious or critical violations`);
    }

    it("installing the extension opened the onboarding page", () => {
      mkdirSync(ARTIFACTS, { recursive: true });
      assert.match(session.browser.firstRun, /^(chrome|moz)-extension:\/\/[^/]+\/onboarding\/onboarding\.html$/);
    });

    it("onboarding: two screens, from the keyboard; own brands saved; the snapshot as the engine has it", async () => {
      const expected = inspect(BUNDLED);
      const tab = await session.browser.extensionPage("onboarding/onboarding.html");
      try {
        let st = await waitFor(() => tab.evaluate(onboardingState, null), (s) => s.snapshot === "shown");
        assert.equal(st.screens, 2, "two screens, no more");
        assert.equal(st.shown, "1");
        for (const scheme of SCHEMES) {
          await session.browser.colorScheme(scheme);
          await noSeriousViolations(tab, `onboarding-1-${scheme}`);
          await tab.screenshot(join(ARTIFACTS, `ui-${browserName}-onboarding-1-${scheme}.png`));
        }
        await session.browser.colorScheme("light");

        // Own brands: typed into the box, saved with the keyboard (Tab to Save, Enter).
        await tab.evaluate(() => {
          const box = /** @type {HTMLTextAreaElement} */ (document.getElementById("own-brands"));
          box.value = "Acmebrand\nAcmebrand\n  Zorbit Toys ";
          box.focus();
        }, null);
        await session.browser.colorScheme("light");
        await tab.press("Tab");
        assert.equal((await tab.evaluate(onboardingState, null)).focus, "save-brands");
        await tab.press("Enter");
        st = await waitFor(() => tab.evaluate(onboardingState, null), (s) => s.status !== "");
        assert.match(st.status, /2/, `saved two brands: ${st.status}`);
        const brands = await session.browser.inExtension(() => chrome.runtime.sendMessage({ v: 1, type: "ownBrandsStatus" }), null);
        assert.deepEqual(brands.brands, ["Acmebrand", "Zorbit Toys"]);

        // On to screen 2 with the keyboard: the link to options, then Next.
        await tab.press("Tab");
        assert.equal((await tab.evaluate(onboardingState, null)).focus, "brands-options");
        await tab.press("Tab");
        assert.equal((await tab.evaluate(onboardingState, null)).focus, "next");
        await tab.press("Enter");
        st = await waitFor(() => tab.evaluate(onboardingState, null), (s) => s.shown === "2");
        assert.equal(st.focus, "screen-2-title", "the focus moves to the new screen's heading");

        // What the snapshot covers: the engine's figures, as the CLI reads them from the file.
        assert.ok(st.name.includes(expected.version) && st.name.includes(expected.date), `${st.name} names ${expected.version} of ${expected.date}`);
        const held = Object.entries(expected.registers);
        assert.ok(held.length > 0, "the bundled snapshot holds records");
        const records = st.table.find((r) => /Records/.test(r)) ?? "";
        for (const [register, n] of held) assert.ok(records.includes(n.toLocaleString("en")), `${register} ${n} in "${records}"`);
        const official = "US" in expected.registers || "EU" in expected.registers;
        assert.equal(st.noOfficial, !official, "says so when the snapshot holds no official register");
        assert.equal(st.sources, expected.sources, "one row per source of the snapshot");
        assert.match(st.privacy, /never leaves|no listing text/i);

        // Every action of screen 2 is reached with Tab, in order.
        /** @type {string[]} */
        const order = [];
        for (let i = 0; i < 4; i++) {
          await tab.press("Tab");
          order.push((await tab.evaluate(onboardingState, null)).focus);
        }
        assert.deepEqual(order, ["open-updates", "open-import", "back", "done"]);
        for (const scheme of SCHEMES) {
          await session.browser.colorScheme(scheme);
          await noSeriousViolations(tab, `onboarding-2-${scheme}`);
          await tab.screenshot(join(ARTIFACTS, `ui-${browserName}-onboarding-2-${scheme}.png`));
        }
        await session.browser.colorScheme("light");
        // Back, from the keyboard.
        await tab.evaluate(() => /** @type {HTMLElement} */ (document.getElementById("back")).focus(), null);
        await tab.press("Enter");
        st = await waitFor(() => tab.evaluate(onboardingState, null), (s) => s.shown === "1");
        assert.equal(st.focus, "screen-1-title");
      } finally {
        await session.browser.colorScheme("light");
        await tab.close();
      }
    });

    it("options: no register offered that the bundled snapshot does not hold; the snapshot as a table, named as in the popup", async () => {
      const expected = inspect(BUNDLED);
      const tab = await session.browser.extensionPage("options/options.html");
      try {
        const st = await waitFor(() => tab.evaluate(optionsState, null), (s) => s.ready);
        assert.ok(st.ready, "the snapshot table is shown");
        assert.equal(st.us !== null, "US" in expected.registers, `US offered only if held (${st.us})`);
        assert.equal(st.eu !== null, "EU" in expected.registers, `EU offered only if held (${st.eu})`);
        assert.equal(st.none, !("US" in expected.registers) && !("EU" in expected.registers));
        assert.doesNotMatch(st.current, /[{}"]/, "no raw JSON");
        assert.ok(st.current.includes(expected.version) && st.current.includes(expected.date), st.current);
        assert.equal(st.sources, expected.sources);
        for (const scheme of SCHEMES) {
          await session.browser.colorScheme(scheme);
          await noSeriousViolations(tab, `options-${scheme}`);
          await tab.screenshot(join(ARTIFACTS, `ui-${browserName}-options-${scheme}.png`));
        }
      } finally {
        await session.browser.colorScheme("light");
        await tab.close();
      }
    });

    it("editor: popup lists findings first and one all-clear line; the badge counts the tab's high findings; severity by line style; dark underlines", async () => {
      const high = highFindingsOfTitle();
      assert.ok(high >= 2, `the typed title has high findings (${high})`);
      await session.browser.goto(`https://${EDITOR.host}:${session.server.httpsPort}${EDITOR.path}`);
      await waitFor(() => overlayState(session.browser), (s) => s.hosts === 1);
      await session.browser.evaluate(focusEnd, TITLE);
      await session.browser.type(TYPED);
      const distinctHigh = (/** @type {import("./browsers.mjs").Inspection} */ s) =>
        new Set(s.underlines.filter((u) => u.field === "title" && u.severity === "high").map((u) => `${u.start}:${u.end}`)).size;
      const drawn = await waitFor(() => session.browser.inspect(), (s) => distinctHigh(s) === high);
      assert.equal(distinctHigh(drawn), high, "every high finding of the title is drawn");
      const style = { high: "solid", medium: "dashed", low: "dotted" };
      for (const u of drawn.underlines) assert.equal(u.line, style[/** @type {"high"|"medium"|"low"} */ (u.severity)], `${u.severity} drawn ${u.line}`);

      const badge = await waitFor(() => session.browser.inExtension(editorBadge, EDITOR.host), (b) => b.text === String(high));
      assert.equal(badge.text, String(high), "the tab's badge counts its high findings");
      const global = await session.browser.inExtension(() => chrome.action.getBadgeText({}), null);
      assert.notEqual(global, String(high), "set for that tab only");

      // The options page's name of the snapshot, for the popup's (one extension tab at a time:
      // closing one returns to the page).
      const options = await session.browser.extensionPage("options/options.html");
      const o = await waitFor(() => options.evaluate(optionsState, null), (s) => s.ready);
      await options.close();
      const popup = await session.browser.extensionPage(`popup/popup.html?tab=${badge.tabId}`);
      try {
        const st = await waitFor(() => popup.evaluate(popupState, null), (s) => s.count > 0 && s.snapshot !== "");
        assert.deepEqual(st.groups.map((g) => g.field), ["title"], "only the field with findings has a group");
        assert.ok(st.allClear && st.allClear.fields.length > 0 && !st.allClear.fields.includes("title"), `one all-clear line for the rest: ${JSON.stringify(st.allClear)}`);
        assert.match(st.allClear?.text ?? "", /^All clear: /);
        assert.ok(o.current.endsWith(st.snapshot), `one name for the snapshot: popup "${st.snapshot}", options "${o.current}"`);
        for (const scheme of SCHEMES) {
          await session.browser.colorScheme(scheme);
          await noSeriousViolations(popup, `popup-${scheme}`);
          await popup.screenshot(join(ARTIFACTS, `ui-${browserName}-popup-${scheme}.png`));
        }
      } finally {
        await session.browser.colorScheme("light");
        await popup.close();
      }

      // The seller's colour scheme: underlines redrawn in the dark colours, and back. Each
      // reading waits for the page to be in the scheme and for a paint of the title since
      // the switch (nothing else repaints meanwhile: the typing is over).
      /** @param {"light"|"dark"} scheme */
      const coloursIn = async (scheme) => {
        const before = await session.browser.evaluate(() => performance.now(), null);
        await session.browser.colorScheme(scheme);
        const dark = scheme === "dark";
        const matches = await waitFor(() => session.browser.evaluate(() => matchMedia("(prefers-color-scheme: dark)").matches, null), (m) => m === dark);
        assert.equal(matches, dark, `the page is in the ${scheme} scheme`);
        const repainted = (/** @type {import("./browsers.mjs").Inspection} */ s) => s.paints.some((p) => p.field === "title" && p.at > before);
        const s = await waitFor(() => session.browser.inspect(), repainted);
        assert.ok(repainted(s), `the title repainted when the scheme became ${scheme}`);
        await session.browser.screenshot(join(ARTIFACTS, `ui-${browserName}-editor-${scheme}.png`));
        return s.underlines.filter((u) => u.field === "title").map((u) => u.colour).join();
      };
      // (The page is light now: each call below is a change of scheme.)
      const dark = await coloursIn("dark");
      const light = await coloursIn("light");
      assert.ok(light !== "" && dark !== "", "underlines drawn in both schemes");
      assert.notEqual(dark, light, "dark colours under a dark scheme, light ones under a light one");
      assert.equal(await coloursIn("dark"), dark, "dark colours again");
      await coloursIn("light");

      // Findings gone: the tab's count is cleared (the global one, empty here, shows through).
      for (let i = 0; i < TYPED.length; i++) await session.browser.press("Backspace");
      const cleared = await waitFor(() => session.browser.inExtension(editorBadge, EDITOR.host), (b) => b.text === "");
      assert.equal(cleared.text, "", "no count once the high findings are gone");
    });

    it("options: an imported USPTO snapshot offers the US register with its count, still no EU", async () => {
      const bundled = inspect(BUNDLED);
      const dir = mkdtempSync(join(tmpdir(), "clearmark-ui-"));
      const file = join(dir, "us.snap");
      execFileSync(CLI, ["snapshot", "build", "--no-defaults", "--out", file, "--uspto-xml", join(REPO, "tests", "fixtures", "uspto_xml", "daily.xml"),
        "--snapshot-version", String(Number(bundled.version) + 1), "--signing-key", join(REPO, "target", "dev-update-key", "feed.key")], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
      const expected = inspect(file);
      assert.ok(expected.registers.US > 0 && !("EU" in expected.registers), `a US-only snapshot: ${JSON.stringify(expected.registers)}`);
      const res = await session.browser.inExtension(importSnapshotFile, { b64: readFileSync(file).toString("base64"), key: "ui-test", name: "us.snap" });
      assert.equal(res?.ok, true, `imported: ${JSON.stringify(res)}`);
      const tab = await session.browser.extensionPage("options/options.html");
      try {
        const st = await waitFor(() => tab.evaluate(optionsState, null), (s) => s.ready && s.us !== null);
        assert.ok(st.us?.includes("USPTO") && st.us.includes(String(expected.registers.US)), `US offered with its count: ${st.us}`);
        assert.equal(st.eu, null, "no EU records, no EU choice");
        assert.equal(st.none, false);
        assert.ok(st.current.includes(expected.version), st.current);
        assert.ok(!st.table.some((r) => /no USPTO or EUIPO/.test(r)), "no 'no official register' row");
      } finally {
        await tab.close();
      }
    });
  });
}
