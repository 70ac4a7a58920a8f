// @ts-check
/**
 * Damaging snapshot files on purpose, as an attacker who can also recompute the SHA-256
 * — and, holding a trusted key, sign again — would: the JavaScript twin of
 * tests/damage/mod.rs, for the e2e tests that import such files in the browser.
 *
 * The layout is the one src/register/snapshot/format.rs writes and parses:
 *
 *   0        "CLMKSNAP", format version u32, header length H u32, header JSON (H bytes)
 *   16+H     section count u32, then per section (id u32, offset u64, len u64), LE
 *   ...      sections: marks fst (id 1), postings, records, owners, classes, words fst,
 *            phrase heads fst
 *   end-104  SHA-256 of bytes [0, end-104)
 *   end-72   signed flag (0 or 1)
 *   end-71   ed25519 signature of "clearmark register snapshot v1\0" + that SHA-256
 *   end-7    "CLMKEND"
 *
 * The marks section is an `fst` map: a 16-byte header (version, type), the nodes, and a
 * 20-byte footer (key count u64, root address u64, CRC32 u32).
 */
import { createHash, createPrivateKey, sign } from "node:crypto";
import { readFileSync } from "node:fs";

/** Bytes of the trailer: SHA-256, signed flag, signature, end marker. */
export const TRAILER_LEN = 32 + 1 + 64 + 7;
/** Bytes before the header JSON: marker, format version, header length. */
const PREFIX_LEN = 16;
/** Bytes of one section table entry: id u32, offset u64, length u64. */
const SECTION_ENTRY_LEN = 4 + 8 + 8;
/** How many sections a snapshot of format 4 has (`Section::ALL`). */
const SECTION_COUNT = 7;
/** The section id of the marks index (`Section::Marks`), the first in the table. */
const MARKS_ID = 1;
/** Bytes of the fst footer at the end of the marks section: key count, root address, CRC32. */
export const FST_FOOTER_LEN = 8 + 8 + 4;
/** What a snapshot signature signs, before the SHA-256 (`signed_message` in sign.rs). */
const SIGNED_PREFIX = Buffer.from("clearmark register snapshot v1\0", "latin1");
/** PKCS#8 DER in front of a raw 32-byte Ed25519 seed (RFC 8410). */
const ED25519_PKCS8_PREFIX = Buffer.from("302e020100300506032b657004220420", "hex");

/**
 * The byte range of the marks index, read from the section table the way `parse_layout`
 * reads it (marker, header length, section count, the first entry's id, offset and
 * length), with the same consistency checks, so damage lands where the Rust code looks.
 * @param {Uint8Array} bytes  an undamaged snapshot
 * @returns {{start: number, end: number}}
 */
export function marksSection(bytes) {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (b.length < PREFIX_LEN + 4 + TRAILER_LEN || b.toString("latin1", 0, 8) !== "CLMKSNAP") {
    throw new Error("not a Clearmark snapshot (no CLMKSNAP marker)");
  }
  const headerEnd = PREFIX_LEN + b.readUInt32LE(12);
  const count = b.readUInt32LE(headerEnd);
  const entry = headerEnd + 4;
  const id = b.readUInt32LE(entry);
  const start = Number(b.readBigUInt64LE(entry + 4));
  const end = start + Number(b.readBigUInt64LE(entry + 12));
  if (count !== SECTION_COUNT || id !== MARKS_ID || start !== entry + count * SECTION_ENTRY_LEN || end > b.length - TRAILER_LEN) {
    throw new Error(`unexpected section table (count ${count}, first id ${id}, marks ${start}..${end})`);
  }
  return { start, end };
}

/**
 * An Ed25519 private key from a key file written by `clearmark keygen` (the 32-byte seed
 * as 64 hex digits).
 * @param {string} file
 */
export function signingKeyFromFile(file) {
  const seed = Buffer.from(readFileSync(file, "utf8").trim(), "hex");
  if (seed.length !== 32) throw new Error(`${file} is not a clearmark key file (64 hex digits)`);
  return createPrivateKey({ key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]), format: "der", type: "pkcs8" });
}

/**
 * A bit to flip, counted from the start of the marks section (`at` negative: from its
 * end, so -1 is the section's last byte).
 * @typedef {{at: number, bit: number}} Flip
 */

/**
 * A copy of `bytes` with `flips` applied in the marks index, then resealed: its SHA-256
 * recomputed and, given `key`, signed again (signed flag 1, a fresh signature); without
 * `key` the trailer keeps its old flag and signature, which no longer match.
 * @param {Uint8Array} bytes  an undamaged snapshot
 * @param {Flip[]} flips       none: the file only resealed
 * @param {import("node:crypto").KeyObject} [key]
 * @returns {Buffer}
 */
export function damagedMarks(bytes, flips, key) {
  const out = Buffer.from(bytes);
  const { start, end } = marksSection(out);
  for (const { at, bit } of flips) {
    const pos = at < 0 ? end + at : start + at;
    if (pos < start || pos >= end || bit < 0 || bit > 7) throw new Error(`flip ${at}:${bit} is outside the marks index (${end - start} bytes)`);
    out[pos] ^= 1 << bit;
  }
  return reseal(out, key);
}

/**
 * `bytes` (changed in place) with the SHA-256 of its body recomputed and, given `key`,
 * signed by it.
 * @param {Buffer} bytes
 * @param {import("node:crypto").KeyObject} [key]
 */
export function reseal(bytes, key) {
  const bodyEnd = bytes.length - TRAILER_LEN;
  const digest = createHash("sha256").update(bytes.subarray(0, bodyEnd)).digest();
  digest.copy(bytes, bodyEnd);
  if (key) {
    bytes[bodyEnd + 32] = 1;
    sign(null, Buffer.concat([SIGNED_PREFIX, digest]), key).copy(bytes, bodyEnd + 33);
  }
  return bytes;
}
