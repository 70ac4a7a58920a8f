// @ts-check
/**
 * Assembles the unpacked extension for each browser, and its zip, from the one manifest
 * source (extension/manifest.json), the extension's files, the wasm package
 * (dist/pkg/, from scripts/build-wasm.sh) and the default register snapshot
 * (dist/snapshot/default.snap):
 *
 *   dist/chrome/   + dist/clearmark-chrome.zip    background as a module service worker
 *   dist/firefox/  + dist/clearmark-firefox.zip   background as a module event page,
 *                                                 browser_specific_settings.gecko
 *
 * The version comes from Cargo.toml, so the crate and the extension never disagree.
 * Usage: node scripts/assemble.mjs
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { deflateRawSync } from "node:zlib";

const REPO = resolve(fileURLToPath(import.meta.url), "../..");
const EXT = join(REPO, "extension");
const DIST = join(REPO, "dist");
const PKG = join(DIST, "pkg");
const SNAPSHOT = join(DIST, "snapshot", "default.snap");

/** Firefox add-on id: stable, so storage and updates survive reinstalls. */
const GECKO_ID = "clearmark@clearmark.app";

/**
 * Stops with a message that names the missing step and its fix.
 * @param {string} msg
 * @returns {never}
 */
function fail(msg) {
  console.error(`assemble: ${msg}`);
  process.exit(1);
}

/** The crate's version from Cargo.toml's [package] table. */
function crateVersion() {
  const toml = readFileSync(join(REPO, "Cargo.toml"), "utf8");
  const m = /^\[package\][^[]*?^version\s*=\s*"([^"]+)"/ms.exec(toml);
  if (!m) fail("no version in Cargo.toml's [package] table");
  return m[1];
}

/**
 * The manifest for one browser.
 * @param {any} src
 * @param {"chrome" | "firefox"} browser
 */
function manifestFor(src, browser) {
  const m = structuredClone(src);
  m.version = crateVersion();
  const bg = m.background || {};
  if (browser === "chrome") {
    m.background = { service_worker: bg.service_worker, type: bg.type };
  } else {
    m.background = { scripts: bg.scripts, type: bg.type };
    m.browser_specific_settings = {
      gecko: {
        id: GECKO_ID,
        strict_min_version: "140.0",
        data_collection_permissions: { required: ["none"] },
      },
      // Android got data_collection_permissions in 142.
      gecko_android: { strict_min_version: "142.0" },
    };
  }
  return m;
}

/** Extension source files that are not shipped (type-check helpers). */
const SKIP = [/\.d\.ts$/, /(^|\/)tsconfig\.json$/, /(^|\/)manifest\.json$/, /(^|\/)\./];

/**
 * @param {string} dir
 * @returns {string[]} files under dir, relative, with "/" separators
 */
function files(dir) {
  /** @type {string[]} */
  const out = [];
  const walk = (/** @type {string} */ d) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(dir, p).split(sep).join("/"));
    }
  };
  walk(dir);
  return out;
}

// ---- zip (stored + deflate, no external tool) ----------------------------------------

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/** @param {Buffer} buf */
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/**
 * Writes a zip of every file under `dir` (paths relative to it), with a fixed timestamp
 * so the same input gives the same bytes.
 * @param {string} dir
 * @param {string} out
 */
function zip(dir, out) {
  /** @type {Buffer[]} */
  const parts = [];
  /** @type {Buffer[]} */
  const central = [];
  let offset = 0;
  const DOS_TIME = 0; // 00:00:00
  const DOS_DATE = (2024 - 1980) << 9 | 1 << 5 | 1; // 2024-01-01
  const names = files(dir);
  for (const name of names) {
    const data = readFileSync(join(dir, name));
    const deflated = deflateRawSync(data, { level: 9 });
    const useDeflate = deflated.length < data.length;
    const body = useDeflate ? deflated : data;
    const nameBuf = Buffer.from(name, "utf8");
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(useDeflate ? 8 : 0, 8);
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    local.writeUInt16LE(0, 28);
    const cen = Buffer.alloc(46);
    cen.writeUInt32LE(0x02014b50, 0);
    cen.writeUInt16LE(20, 4);
    cen.writeUInt16LE(20, 6);
    cen.writeUInt16LE(0x0800, 8);
    cen.writeUInt16LE(useDeflate ? 8 : 0, 10);
    cen.writeUInt16LE(DOS_TIME, 12);
    cen.writeUInt16LE(DOS_DATE, 14);
    cen.writeUInt32LE(crc, 16);
    cen.writeUInt32LE(body.length, 20);
    cen.writeUInt32LE(data.length, 24);
    cen.writeUInt16LE(nameBuf.length, 28);
    cen.writeUInt32LE(offset, 42);
    central.push(cen, nameBuf);
    parts.push(local, nameBuf, body);
    offset += local.length + nameBuf.length + body.length;
  }
  const cenBuf = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(names.length, 8);
  end.writeUInt16LE(names.length, 10);
  end.writeUInt32LE(cenBuf.length, 12);
  end.writeUInt32LE(offset, 16);
  writeFileSync(out, Buffer.concat([...parts, cenBuf, end]));
}

// ---- assembly ---------------------------------------------------------------------

function main() {
  const wasmFiles = ["clearmark.js", "clearmark_bg.wasm"];
  for (const f of wasmFiles) {
    if (!existsSync(join(PKG, f))) fail(`dist/pkg/${f} is missing: build the wasm first (make wasm)`);
  }
  if (!existsSync(SNAPSHOT)) fail("dist/snapshot/default.snap is missing: build the default snapshot first (make snapshot)");
  const src = JSON.parse(readFileSync(join(EXT, "manifest.json"), "utf8"));
  const shipped = files(EXT).filter((f) => !SKIP.some((re) => re.test(f)));
  for (const browser of /** @type {const} */ (["chrome", "firefox"])) {
    const out = join(DIST, browser);
    rmSync(out, { recursive: true, force: true });
    mkdirSync(out, { recursive: true });
    for (const f of shipped) cpSync(join(EXT, f), join(out, f));
    for (const f of wasmFiles) cpSync(join(PKG, f), join(out, "pkg", f));
    cpSync(SNAPSHOT, join(out, "snapshot", "default.snap"));
    writeFileSync(join(out, "manifest.json"), JSON.stringify(manifestFor(src, browser), null, 2) + "\n");
    const zipFile = join(DIST, `clearmark-${browser}.zip`);
    zip(out, zipFile);
    console.log(`assembled dist/${browser}/ and ${relative(REPO, zipFile)} (${statSync(zipFile).size} bytes)`);
  }
}

main();
