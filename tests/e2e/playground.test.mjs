// @ts-check
/**
 * The www/ playground `make run` serves on 127.0.0.1: in Chromium and Firefox, the wasm
 * engine loads in the page with the built default snapshot and reports a famous brand in a
 * title with its UTF-16 span, and nothing for a title of ordinary words.
 */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { BROWSERS, useBrowser } from "./browsers.mjs";

/**
 * Sets the playground's title and returns what it shows once the engine has answered.
 * Runs in the page.
 * @param {string} title
 */
async function checkTitle(title) {
  const status = /** @type {HTMLElement} */ (document.getElementById("status"));
  for (let i = 0; i < 200 && status.textContent?.startsWith("Loading"); i++) {
    await new Promise((r) => setTimeout(r, 50));
  }
  const field = /** @type {HTMLTextAreaElement} */ (document.getElementById("title"));
  field.value = title;
  field.dispatchEvent(new Event("input"));
  const findings = [...document.querySelectorAll("#findings .finding")].map((d) => d.textContent || "");
  return { status: status.textContent || "", error: status.className === "error", findings };
}

for (const [name, launch] of Object.entries(BROWSERS)) {
  describe(`${name}: playground`, () => {
    const session = useBrowser(launch);

    it("runs the engine in the page on the default snapshot", async () => {
      const errorsBefore = session.browser.consoleErrors().length;
      await session.browser.goto(session.server.local("/playground.html"));
      // "🧱" is two UTF-16 code units, so LEGO starts at 3.
      const brand = await session.browser.evaluate(checkTitle, "🧱 LEGO compatible building blocks");
      assert.equal(brand.error, false, brand.status);
      assert.match(brand.status, /^Engine ready/);
      assert.ok(
        brand.findings.some((f) => f.startsWith("3–7 “LEGO”: famous_brand")),
        `LEGO reported at 3–7: ${JSON.stringify(brand.findings)}`,
      );
      const plain = await session.browser.evaluate(checkTitle, "Kids building blocks set, 500 pieces");
      assert.deepEqual(plain.findings, [], "ordinary words are not reported");
      assert.deepEqual(session.browser.consoleErrors().slice(errorsBefore), [], "nothing in the console");
    });
  });
}
