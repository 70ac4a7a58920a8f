// @ts-check
/**
 * The report of `clearmark audit`, opened as the seller opens it: report.html from disk in
 * headless Chromium, every network request recorded and refused. The catalogue is the
 * hand-written fixtures of tests/fixtures/catalogue/ (one file per export format) checked
 * against the built default snapshot; what the page should show is read from those
 * fixtures (expected-listings.jsonl and the text of their rows), not from the report.
 *
 * Needs the debug CLI and the default snapshot (`make build`, which `make test` runs first).
 */
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { ARTIFACTS, REPO, chromiumExecutable } from "./browsers.mjs";
import { bounded, teardown } from "./wait.mjs";

const FIXTURES = join(REPO, "tests", "fixtures", "catalogue");
const CLI = join(REPO, "target", "debug", "clearmark");
const SNAPSHOT = join(REPO, "dist", "snapshot", "default.snap");
const OUT = join(REPO, "tmp", "audit-report-e2e");

/** The fixture rows that are audited, as written in expected-listings.jsonl. */
const expected = readFileSync(join(FIXTURES, "expected-listings.jsonl"), "utf8")
  .trim()
  .split("\n")
  .map((line) => /** @type {{id: string, title?: string}} */ (JSON.parse(line)));

/** Runs the audit of every fixture file into OUT. */
function runAudit() {
  for (const need of [CLI, SNAPSHOT]) {
    if (!existsSync(need)) throw new Error(`${need} is missing: run make build`);
  }
  rmSync(OUT, { recursive: true, force: true });
  const files = readdirSync(FIXTURES)
    .filter((f) => !f.startsWith("expected") && !f.endsWith(".md"))
    .map((f) => join(FIXTURES, f));
  const run = spawnSync(CLI, ["audit", "--snapshot", SNAPSHOT, "--out", OUT, ...files], { encoding: "utf8" });
  // The fixtures hold rows without an id and a row that is not UTF-8: exit status 1.
  assert.equal(run.status, 1, run.stderr);
  return join(OUT, "report.html");
}

/** Ids of the listing cards the page shows. Runs in the page. */
function shownIds() {
  return [...document.querySelectorAll("#listings article")].map((a) => /** @type {HTMLElement} */ (a).dataset.id);
}

/**
 * Sets one filter and returns the ids shown. Runs in the page.
 * @param {{name: string, value: string}} filter
 */
function filterBy({ name, value }) {
  const select = /** @type {HTMLSelectElement} */ (document.getElementById(`filter-${name}`));
  select.value = value;
  select.dispatchEvent(new Event("change"));
  return [...document.querySelectorAll("#listings article")].map((a) => /** @type {HTMLElement} */ (a).dataset.id);
}

describe("chromium: the catalogue audit report", () => {
  /** @type {import("playwright-core").Browser} */
  let browser;
  /** @type {import("playwright-core").Page} */
  let page;
  /** Every request the page made, refused or not. @type {string[]} */
  const requests = [];
  /** @type {string[]} */
  const errors = [];
  let reportUrl = "";

  before(async () => {
    reportUrl = pathToFileURL(runAudit()).href;
    const { chromium } = await import("playwright-core");
    browser = await bounded(
      "launching chromium",
      chromium.launch({ executablePath: chromiumExecutable(), headless: true, args: ["--no-sandbox", "--disable-gpu"] }),
    );
    const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
    await context.route("**/*", (route) => {
      const url = route.request().url();
      if (url === reportUrl) return route.continue();
      requests.push(url);
      return route.abort();
    });
    page = await context.newPage();
    page.on("console", (m) => {
      if (m.type() === "error" || m.type() === "warning") errors.push(`${m.type()}: ${m.text()}`);
    });
    page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
    await page.goto(reportUrl, { waitUntil: "load" });
  });

  after(() => teardown([["closing chromium", () => browser?.close()]]));

  it("renders the listings with findings, riskiest first, and asks the network for nothing", async () => {
    const ids = await page.evaluate(shownIds);
    // Rows that name no brand at all are not shown until asked for.
    for (const clean of ["MUG-12", "EB-TOWEL-2", "BOWL-2", "J-4"]) assert.ok(!ids.includes(clean), `${clean} shown`);
    // Rows whose title names a famous brand in so many words are.
    for (const named of ["BRK-100", "SOCK-8", "EB-CAPE-1", "J-1", "J-2"]) assert.ok(ids.includes(named), `${named} missing: ${ids}`);
    // Riskiest first: each card's (high, medium, low) counts never rise down the page.
    const risks = await page.evaluate(() =>
      [...document.querySelectorAll("#listings article")].map((a) =>
        ["high", "medium", "low"].map((s) => parseInt(a.querySelector(`.badge.sev-${s}`)?.textContent || "0", 10)),
      ),
    );
    for (let i = 1; i < risks.length; i++) {
      const [before, here] = [risks[i - 1], risks[i]];
      const order = before[0] - here[0] || before[1] - here[1] || before[2] - here[2];
      assert.ok(order >= 0, `card ${i} (${here}) ranks above card ${i - 1} (${before})`);
    }
    assert.equal(await page.locator("#chart svg rect.bar").count(), 3, "the severity chart has three bars");
    assert.ok((await page.locator("#per-mark tbody tr").count()) > 0, "totals per mark");
    await page.screenshot({ path: join(ARTIFACTS, "audit-report.png"), fullPage: false });
    assert.deepEqual(requests, [], "the report made network requests");
    assert.deepEqual(errors, [], "console errors");
  });

  it("shows every audited row when asked, and a hostile title as text", async () => {
    const all = await page.evaluate(() => {
      const box = /** @type {HTMLInputElement} */ (document.getElementById("filter-clean"));
      box.checked = true;
      box.dispatchEvent(new Event("change"));
      return [...document.querySelectorAll("#listings article")].map((a) => /** @type {HTMLElement} */ (a).dataset.id);
    });
    assert.deepEqual([...all].sort(), expected.map((l) => l.id).sort());
    const hostile = expected.find((l) => l.id === "J-2");
    const shown = await page.evaluate(() => {
      const card = document.querySelector('#listings article[data-id="J-2"] .field .text');
      return { text: card?.textContent, images: document.images.length, title: document.title };
    });
    assert.equal(shown.text, hostile?.title);
    assert.equal(shown.images, 0);
    assert.notEqual(shown.title, "pwned");
  });

  it("filters: the kind lookalike shows the one disguised spelling, the field description the rows naming a brand there", async () => {
    // "N1ke" (amazon-template.txt row 8) is the fixtures' only disguised spelling.
    assert.deepEqual(await page.evaluate(filterBy, { name: "kind", value: "lookalike" }), ["SOCK-8"]);
    await page.evaluate(filterBy, { name: "kind", value: "" });
    // Descriptions that name a brand: Disney (SOCK-8), Pokémon (pokemon-sleeves), Stanley (stanley-lid).
    const described = await page.evaluate(filterBy, { name: "field", value: "description" });
    assert.deepEqual([...described].sort(), ["SOCK-8", "pokemon-sleeves", "stanley-lid"]);
    await page.screenshot({ path: join(ARTIFACTS, "audit-report-filtered.png"), fullPage: false });
    await page.evaluate(filterBy, { name: "field", value: "" });
    assert.deepEqual(requests, [], "the report made network requests");
  });
});

mkdirSync(ARTIFACTS, { recursive: true });
