// @ts-check
/**
 * The options page's corpus import parsers (extension/options/corpus.js), run in Node
 * (no browser): JSON lines and CSV files become listings of the protocol's CorpusListing
 * shape; every bad line is reported with its 1-based line number and the rest are kept.
 * The browser path (file input → background → engine) is tests/e2e/corpus.test.mjs.
 */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { parseCsv, parseImport, parseJsonl } from "../../extension/options/corpus.js";

describe("corpus import: JSON lines", () => {
  it("reads listings, falls back to product_id and url for the id, names bad lines", () => {
    const text = [
      '{"id": "a", "title": "Oak tray", "bullets": ["Holds rings", "Felt base"], "brand": "Acme", "url": "https://x.test/a"}',
      "",
      '{"product_id": 1234, "description": "A lamp with a linen shade"}',
      "not json",
      '["an", "array"]',
      '{"url": "https://x.test/c", "title": "Mug"}',
      '{"id": "d"}',
      '{"id": "e", "bullets": "one | two"}',
      '{"id": "f", "bullets": 3}',
    ].join("\n");
    const { listings, problems } = parseJsonl(text);
    assert.deepEqual(listings, [
      { id: "a", url: "https://x.test/a", brand: "Acme", title: "Oak tray", bullets: ["Holds rings", "Felt base"] },
      { id: "1234", description: "A lamp with a linen shade" },
      { id: "https://x.test/c", url: "https://x.test/c", title: "Mug" },
      { id: "e", bullets: ["one", "two"] },
    ]);
    assert.equal(problems.length, 4);
    assert.match(problems[0], /^line 4: not JSON/);
    assert.equal(problems[1], "line 5: not a listing object");
    assert.equal(problems[2], "line 7: no title, bullets or description");
    assert.equal(problems[3], "line 9: bullets must be a list of strings");
  });
});

describe("corpus import: CSV", () => {
  it("reads quoted cells with commas, quotes and line breaks; line numbers count physical lines", () => {
    const text = '\uFEFFid,Title,bullets,description,url\r\n'
      + 'a,"Tray, oak","Holds rings | Felt base","He said ""sturdy""",https://x.test/a\r\n'
      + 'b,Lamp,,"Linen shade,\nbrass stem",\r\n'
      + "c,,,,https://x.test/c\r\n"
      + "d,Mug,,,,extra\r\n"
      + '"e,Unclosed\n';
    const { listings, problems } = parseCsv(text);
    assert.deepEqual(listings, [
      { id: "a", url: "https://x.test/a", title: "Tray, oak", bullets: ["Holds rings", "Felt base"], description: 'He said "sturdy"' },
      { id: "b", title: "Lamp", description: "Linen shade,\nbrass stem" },
    ]);
    assert.deepEqual(problems, [
      "line 5: no title, bullets or description",
      "line 6: 6 cells, the header has 5",
      "line 7: a quoted cell is never closed",
    ]);
  });

  it("refuses a file whose header names no text column, saying which columns it found", () => {
    const { listings, problems } = parseCsv("sku,price\nA1,3\n");
    assert.deepEqual(listings, []);
    assert.equal(problems.length, 1);
    assert.match(problems[0], /^line 1: the header row must name a title, bullets or description column \(found: sku, price\)/);
  });

  it("picks the format by name, else by content", () => {
    assert.equal(parseImport("x.csv", '{"id": "a", "title": "T"}').problems.length, 1, ".csv is read as CSV");
    assert.deepEqual(parseImport("x.jsonl", '{"id": "a", "title": "T"}').listings, [{ id: "a", title: "T" }]);
    assert.deepEqual(parseImport("x.txt", "id,title\na,T\n").listings, [{ id: "a", title: "T" }]);
  });
});
