// @ts-check
/**
 * "Check this site" (extension/sites.js), in Node: the origin the popup asks for, the
 * match-pattern test that decides whether the manifest already covers a page (against the
 * shipped manifest's own patterns), and which granted origins count as the seller's.
 * `make test-js`.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { BASE, granted, manifest, state } from "./chrome-stub.mjs";
import "../../extension/sites.js";

const S = globalThis.ClearmarkSites;

test("originPattern: scheme and host name, no port, no path; only http(s)", () => {
  assert.equal(S.originPattern("https://backoffice.example.com:8443/products/new?x=1#a"), "https://backoffice.example.com/*");
  assert.equal(S.originPattern("http://shop.example.org/"), "http://shop.example.org/*");
  for (const u of ["chrome://extensions/", "about:blank", "file:///tmp/a.html", "moz-extension://abc/popup.html", "not a url", ""]) {
    assert.equal(S.originPattern(u), null, u);
  }
});

test("matches: scheme, exact and *. hosts, path globs with the query, ports ignored", () => {
  assert.ok(S.matches("https://seller-us.tiktok.com/product/*", "https://seller-us.tiktok.com:4443/product/create?shop_region=US"));
  assert.ok(!S.matches("https://seller-us.tiktok.com/product/*", "https://seller-us.tiktok.com/homepage"));
  assert.ok(!S.matches("https://seller-us.tiktok.com/product/*", "http://seller-us.tiktok.com/product/create"));
  assert.ok(S.matches("https://www.mercadolibre.com.mx/publicar*", "https://www.mercadolibre.com.mx/publicar?x=1"));
  assert.ok(S.matches("https://www.ebay.com/lstng*", "https://www.ebay.com/lstng?mode=AddItem"));
  assert.ok(S.matches("https://*.example.com/*", "https://a.b.example.com/x"));
  assert.ok(S.matches("https://*.example.com/*", "https://example.com/"));
  assert.ok(!S.matches("https://*.example.com/*", "https://badexample.com/"));
  assert.ok(S.matches("*://x.test/*", "http://x.test/a"));
  assert.ok(!S.matches("*://x.test/*", "ftp://x.test/a"));
  assert.ok(!S.matches("https://x.test/a.b*", "https://x.test/aXb"), "a dot in the pattern is a dot");
});

test("covered: the manifest's marketplaces are, other sites are not", () => {
  for (const u of [
    "https://seller-us.tiktok.com/product/create?shop_region=US",
    "https://agentseller.temu.com/goods/edit?goodsId=1",
    "https://sellerhub.shein.com/#/spmp-product/add",
    "https://seller.shopee.cn/portal/product/mtsku/new",
    "https://www.mercadolibre.com.mx/publicar",
    "https://sellercentral.amazon.com/abis/listing/edit/",
  ]) assert.ok(S.covered(u), u);
  // Another page of a marketplace host the manifest names is not another site to enable.
  for (const u of ["https://www.ebay.com/sch/i.html?_nkw=x", "https://seller-us.tiktok.com/homepage", "https://www.amazon.com/s?k=x"]) {
    assert.ok(S.covered(u), u);
  }
  for (const u of ["https://backoffice.example.com/products/new", "https://www.bonanza.com/booths/x", "http://www.ebay.com/sl/list"]) {
    assert.ok(!S.covered(u), u);
  }
});

test("enabled: granted host origins the manifest did not declare, and nothing broader", async () => {
  granted.splice(0, granted.length,
    "https://sellerhub.shein.com/*", // the manifest's own
    "https://www.ebay.fr/*", // the manifest's https://www.ebay.fr/sl/*, as Firefox reports it
    "https://backoffice.example.com/*",
    "http://shop.example.org/*",
    "https://*/*", // never the seller's one site
    "https://x.example.net/path/*",
  );
  assert.deepEqual(await S.enabled(), ["http://shop.example.org/*", "https://backoffice.example.com/*"]);
});

test("the manifest offers every http(s) site as optional, and asks for what registering needs", () => {
  assert.deepEqual(manifest.optional_host_permissions, ["https://*/*", "http://*/*"]);
  for (const p of ["activeTab", "scripting"]) assert.ok(manifest.permissions.includes(p), p);
  assert.equal(manifest.host_permissions, undefined, "no site is granted at install beyond the content scripts' own");
});

test("sync: the editor's files, relative, registered for each enabled site; a site no longer granted is unregistered", async () => {
  granted.splice(0, granted.length, "https://backoffice.example.com/*", "http://shop.example.org/*");
  // Firefox's getManifest() gives content script files as full extension URLs.
  state.manifest = { ...manifest, content_scripts: [{ ...manifest.content_scripts[0], js: manifest.content_scripts[0].js.map((/** @type {string} */ f) => BASE + f) }] };
  state.registered = [{ id: "someone-else", matches: ["https://x.test/*"], js: [] }];
  assert.deepEqual(await S.sync(), ["http://shop.example.org/*", "https://backoffice.example.com/*"]);
  assert.deepEqual(state.registered.map((r) => [r.id, r.matches]), [
    ["someone-else", ["https://x.test/*"]],
    ["clearmark-site-http-shop.example.org", ["http://shop.example.org/*"]],
    ["clearmark-site-https-backoffice.example.com", ["https://backoffice.example.com/*"]],
  ]);
  for (const r of state.registered.slice(1)) assert.deepEqual(r.js, manifest.content_scripts[0].js, "the manifest's files, relative");
  assert.deepEqual(await S.sync(), ["http://shop.example.org/*", "https://backoffice.example.com/*"], "twice is once");
  assert.equal(state.registered.length, 3);
  granted.splice(0, granted.length, "https://backoffice.example.com/*");
  await S.sync();
  assert.deepEqual(state.registered.map((r) => r.id), ["someone-else", "clearmark-site-https-backoffice.example.com"], "only ours, only the revoked one");
  state.manifest = manifest;
});
