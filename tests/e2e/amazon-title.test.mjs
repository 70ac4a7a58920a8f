// @ts-check
/**
 * The extension, really loaded in Chromium and Firefox, on the Amazon new listing editor
 * fixture served under the real seller host name (so the shipped manifest's matches
 * decide), with and without `Content-Security-Policy: script-src 'self'`:
 * typing a title that contains a famous brand underlines exactly that word — one box,
 * within ±2 px of the word's rectangle measured in the page — and nothing else, leaves
 * the field's value exactly as typed and the page's text unchanged, and puts nothing in
 * the page's console. A screenshot per browser and variant goes to test-artifacts/.
 */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { ARTIFACTS, BROWSERS, useBrowser } from "./browsers.mjs";
import { focusEnd } from "./editor-page.mjs";
import { measureSpan, readState } from "./page.mjs";
import { waitFor } from "./wait.mjs";

const HOST = 'kat-textarea[name="item_name-0-value"]';
const INNER = "textarea";
/** A title with one famous brand among ordinary words. */
const TITLE = "Kids building blocks set compatible with LEGO, 500 pieces";
const BRAND = "LEGO";
const TOLERANCE_PX = 2;

mkdirSync(ARTIFACTS, { recursive: true });

for (const [name, launch] of Object.entries(BROWSERS)) {
  describe(`${name}: Amazon listing title`, () => {
    const session = useBrowser(launch);

    for (const csp of [null, "script"]) {
      const variant = csp ? "with CSP script-src 'self'" : "without CSP";
      it(`underlines exactly the brand in the title, ${variant}`, async () => {
        const site = session.server.sites.find((s) => s.page === "amazon/listing.html");
        assert.ok(site, "www/sites.json has the Amazon listing editor");
        const errorsBefore = session.browser.consoleErrors().length;
        await session.browser.goto(session.server.real(site, csp ? `?csp=${csp}` : ""));
        const arg = { host: HOST, inner: INNER };
        // The field as the page has it, and the underlines as the extension drew them.
        const read = async () => {
          const page = await session.browser.evaluate(readState, arg);
          const drawn = await session.browser.inspect();
          const underlines = drawn.underlines.map((u) => ({
            rect: { left: u.left, top: u.top, width: u.right - u.left, height: u.bottom - u.top }, start: u.start, end: u.end, kind: u.kind,
          }));
          return { ...page, underlines };
        };
        const fresh = await read();
        assert.equal(fresh.value, "", "the title field starts empty");

        await session.browser.evaluate(focusEnd, [HOST, "shadow", INNER]);
        await session.browser.type(TITLE);
        const start = TITLE.indexOf(BRAND);
        const end = start + BRAND.length;
        const state = await waitFor(
          read,
          (s) => s.underlines.length > 0,
          15000,
        );
        // Let any late answers land before judging "nothing else".
        await new Promise((r) => setTimeout(r, 500));
        const settled = await read();
        const shot = join(ARTIFACTS, `${name}-amazon-title${csp ? "-csp" : ""}.png`);
        await session.browser.screenshot(shot);

        assert.equal(settled.value, TITLE, "the field holds exactly what was typed");
        assert.equal(settled.bodyText, fresh.bodyText, "the page's text is unchanged");
        assert.ok(state.underlines.length > 0, `an underline appears (screenshot: ${shot})`);
        assert.deepEqual(
          settled.underlines.map((u) => [u.start, u.end]),
          [[start, end]],
          `exactly one underline, over "${BRAND}" (got ${JSON.stringify(settled.underlines)})`,
        );
        const [word] = await session.browser.evaluate(measureSpan, { ...arg, start, end });
        const box = settled.underlines[0].rect;
        for (const k of /** @type {const} */ (["left", "top", "width", "height"])) {
          assert.ok(
            Math.abs(box[k] - word[k]) <= TOLERANCE_PX,
            `underline ${k} ${box[k].toFixed(1)} vs word ${word[k].toFixed(1)} (±${TOLERANCE_PX} px)`,
          );
        }
        // What the benchmarks read of the paint log: the last paint is the engine's answer
        // with its one underline; the overlay's element count covers the underline; `drain`
        // empties the log.
        const log = await session.browser.inspect({ drain: true });
        const last = log.paints[log.paints.length - 1];
        assert.equal(last.checked && last.length === TITLE.length && last.drawn, 1, `the last paint drew the answer's one underline: ${JSON.stringify(last)}`);
        assert.ok(log.nodes >= log.underlines.length + 1, `the overlay's ${log.nodes} elements include the underline`);
        assert.deepEqual((await session.browser.inspect()).paints, [], "a drained paint log is empty");
        assert.deepEqual(session.browser.consoleErrors().slice(errorsBefore), [], "nothing in the page's console");
      });
    }
  });
}
