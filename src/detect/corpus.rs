//! The reference corpus for copied copy: other sellers' listings, their fingerprints
//! and a compact file format.
//!
//! [`CorpusIndex`] keeps a bounded set of listings (the oldest added is evicted first),
//! each field's winnowed word k-gram fingerprints and MinHash LSH band keys in one
//! sorted inverted index, and a one-byte MinHash sketch per field. Listings can be added
//! and removed one at a time (the extension's store does that) and the whole index
//! serialised to bytes with a versioned header and a SHA-256, refused with a typed
//! [`CorpusError`] when truncated, damaged or of another version. Reading listings from
//! JSON lines or CSV files lives here too (native only). This module owns storage and
//! candidate lookup; judging what was copied is `copy`'s job, and it must not know about
//! the browser.

use sha2::{Digest, Sha256};
use std::collections::{HashMap, VecDeque};
use std::hash::BuildHasherDefault;

use super::fingerprint::{self, MINHASHES};
use crate::listing::{limits, Field};
use crate::text;

/// A deterministic hasher for the index's own maps (FNV-1a; never `RandomState`, so
/// behaviour is identical natively and in wasm).
#[derive(Default)]
pub struct FnvHasher(u64);

impl std::hash::Hasher for FnvHasher {
    fn finish(&self) -> u64 {
        fingerprint::mix64(self.0)
    }
    fn write(&mut self, bytes: &[u8]) {
        self.0 = fingerprint::fnv1a(bytes) ^ self.0.rotate_left(17);
    }
}

/// `HashMap` with [`FnvHasher`].
pub type FnvMap<K, V> = HashMap<K, V, BuildHasherDefault<FnvHasher>>;

/// Why a corpus could not be read or built.
#[derive(Debug, thiserror::Error)]
pub enum CorpusError {
    /// The bytes do not start like a Clearmark corpus file.
    #[error("this is not a Clearmark corpus file")]
    NotACorpus,
    /// A format version this build cannot read.
    #[error("the corpus file has format version {found}, this version of Clearmark reads version {supported}; rebuild it with `clearmark corpus build`")]
    Version {
        /// The file's version.
        found: u16,
        /// The version this build reads.
        supported: u16,
    },
    /// The file ends early.
    #[error("the corpus file is truncated (it ends early); rebuild or copy it again")]
    Truncated,
    /// The checksum does not match the content.
    #[error("the corpus file is damaged (checksum mismatch); rebuild or copy it again")]
    Checksum,
    /// The checksum matched but the content is inconsistent.
    #[error("the corpus file is damaged: {0}")]
    Corrupt(String),
    /// An input file could not be read.
    #[error("cannot read {path}: {source}")]
    Read {
        /// The file.
        path: String,
        /// The operating system's reason.
        source: std::io::Error,
    },
    /// An input line or row is not a listing.
    #[error("{path}, line {line}: not a listing ({message})")]
    BadListing {
        /// The file.
        path: String,
        /// 1-based line (JSONL) or record (CSV) number.
        line: usize,
        /// What is wrong with it.
        message: String,
    },
}

/// One listing of another seller, as the corpus keeps it.
#[derive(Debug, Clone, Default, PartialEq, serde::Deserialize, serde::Serialize)]
#[serde(default)]
pub struct CorpusListing {
    /// The listing's id (`id`, else `product_id` in the input).
    pub id: String,
    /// Where it was seen.
    pub url: Option<String>,
    /// The brand it is sold under: never reported as copied by a seller of that brand.
    pub brand: Option<String>,
    /// When it was seen, as given (free text, e.g. `2020-03-01`).
    pub date: Option<String>,
    /// The title.
    pub title: Option<String>,
    /// The bullet points.
    pub bullets: Vec<String>,
    /// The description.
    pub description: Option<String>,
}

impl CorpusListing {
    /// The fields the copy pass compares, with their field name and bullet index. Search
    /// terms are left out: they are word lists, not prose anyone copies.
    pub fn fields(&self) -> Vec<(Field, Option<usize>, &str)> {
        let mut out = Vec::new();
        if let Some(t) = self.title.as_deref() {
            out.push((Field::Title, None, t));
        }
        for (i, b) in self.bullets.iter().enumerate() {
            out.push((Field::Bullets, Some(i), b.as_str()));
        }
        if let Some(d) = self.description.as_deref() {
            out.push((Field::Description, None, d));
        }
        out.retain(|(_, _, t)| !t.trim().is_empty());
        out
    }

    /// The text of one field, as [`fields`](Self::fields) names it.
    pub fn field_text(&self, field: Field, index: Option<usize>) -> Option<&str> {
        match (field, index) {
            (Field::Title, _) => self.title.as_deref(),
            (Field::Bullets, Some(i)) => self.bullets.get(i).map(String::as_str),
            (Field::Description, _) => self.description.as_deref(),
            _ => None,
        }
    }
}

/// Function words left out of the MinHash word sets: shared by unrelated listings, they
/// would make every pair of fields look alike. (Fixed, so signatures never depend on
/// what else is in the corpus.)
const FUNCTION_WORDS: &[&str] = &[
    "a", "about", "after", "all", "also", "an", "and", "any", "are", "as", "at", "be", "been",
    "but", "by", "can", "do", "each", "for", "from", "has", "have", "if", "in", "into", "is", "it",
    "its", "more", "most", "no", "not", "of", "on", "one", "or", "other", "our", "out", "over",
    "so", "such", "than", "that", "the", "their", "them", "then", "there", "these", "they", "this",
    "those", "to", "up", "use", "very", "was", "we", "what", "when", "which", "while", "who",
    "will", "with", "you", "your",
];

/// Whether a normalised word is a function word (weighs little as evidence of copying).
pub fn is_function_word(word: &str) -> bool {
    word.chars().count() <= 1 || FUNCTION_WORDS.binary_search(&word).is_ok()
}

/// One field's words as the copy pass sees them.
#[derive(Debug, Clone)]
pub struct FieldWords {
    /// Word hashes, in order.
    pub hashes: Vec<u64>,
    /// Whether each word is a function word.
    pub function: Vec<bool>,
    /// The normalised text, for spans back into the original.
    pub normalized: text::Normalized,
}

impl FieldWords {
    /// Normalises and hashes one field.
    pub fn new(original: &str) -> FieldWords {
        let normalized = text::normalize_words(original);
        let hashes = normalized
            .tokens()
            .iter()
            .map(|t| fingerprint::word_hash(&t.text))
            .collect();
        let function = normalized
            .tokens()
            .iter()
            .map(|t| is_function_word(&t.text))
            .collect();
        FieldWords {
            hashes,
            function,
            normalized,
        }
    }

    /// The MinHash signature of the field's set of content words.
    pub fn signature(&self) -> Option<[u32; MINHASHES]> {
        let mut set: Vec<u64> = self
            .hashes
            .iter()
            .zip(&self.function)
            .filter(|(_, f)| !**f)
            .map(|(h, _)| *h)
            .collect();
        set.sort_unstable();
        set.dedup();
        fingerprint::minhash(&set)
    }

    /// The index keys of the field: winnowed k-gram fingerprints and LSH band keys.
    pub fn keys(&self, sig: Option<&[u32; MINHASHES]>) -> Vec<u32> {
        let mut keys = fingerprint::winnow(&fingerprint::kgrams(&self.hashes));
        if let Some(sig) = sig {
            keys.extend(fingerprint::bands(sig));
        }
        keys
    }
}

/// The sketch of one field of a corpus listing.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldSketch {
    /// The field's position in [`CorpusListing::fields`] (as index postings carry it).
    pub number: u8,
    /// Which field.
    pub field: Field,
    /// The bullet index, for bullets.
    pub index: Option<usize>,
    /// The one-byte MinHash sketch of its content words.
    pub sketch: [u8; MINHASHES],
}

#[derive(Debug, Clone)]
struct Slot {
    listing: CorpusListing,
    seq: u64,
    sketches: Vec<FieldSketch>,
    keys: usize,
}

/// The reference corpus: listings, their sketches and the inverted index from
/// fingerprint to listing. See the module documentation.
#[derive(Debug, Clone)]
pub struct CorpusIndex {
    slots: Vec<Option<Slot>>,
    /// Slots removed whose index entries are still to be purged.
    tombstones: Vec<u32>,
    free: Vec<u32>,
    by_id: FnvMap<String, u32>,
    /// (key, slot), sorted.
    entries: Vec<(u32, u32)>,
    /// Where each key prefix (the top `directory_bits` bits) starts in `entries`, so a
    /// lookup binary-searches a bucket of about eight entries, not the whole index.
    directory: Vec<u32>,
    directory_bits: u32,
    /// Whether each slot holds a listing (kept apart from `slots` so that checking a
    /// posting touches one byte, not a whole listing).
    alive: Vec<bool>,
    /// Entries added since the last merge, by key.
    pending: FnvMap<u32, Vec<u32>>,
    pending_len: usize,
    age: VecDeque<(u64, u32)>,
    next_seq: u64,
    capacity: usize,
    live: usize,
}

/// Bits of a posting that hold the field number (the rest hold the listing's slot).
const FIELD_BITS: u32 = 5;
/// The largest field number a posting can carry.
const MAX_FIELD: u32 = (1 << FIELD_BITS) - 1;

/// The most listings a corpus keeps unless told otherwise.
pub const DEFAULT_CAPACITY: usize = 200_000;

/// The file format version this build writes and reads.
pub const FORMAT_VERSION: u16 = 1;
const MAGIC: &[u8; 8] = b"CLMKCORP";

impl Default for CorpusIndex {
    fn default() -> Self {
        CorpusIndex::new(DEFAULT_CAPACITY)
    }
}

impl CorpusIndex {
    /// An empty corpus that keeps at most `capacity` listings (at least one).
    pub fn new(capacity: usize) -> CorpusIndex {
        CorpusIndex {
            slots: Vec::new(),
            tombstones: Vec::new(),
            free: Vec::new(),
            by_id: FnvMap::default(),
            entries: Vec::new(),
            directory: vec![0, 0],
            directory_bits: 0,
            alive: Vec::new(),
            pending: FnvMap::default(),
            pending_len: 0,
            age: VecDeque::new(),
            next_seq: 0,
            capacity: capacity.max(1),
            live: 0,
        }
    }

    /// How many listings the corpus holds.
    pub fn len(&self) -> usize {
        self.live
    }

    /// Whether the corpus holds no listing.
    pub fn is_empty(&self) -> bool {
        self.live == 0
    }

    /// The most listings it keeps.
    pub fn capacity(&self) -> usize {
        self.capacity
    }

    /// Whether a listing with this id is in the corpus.
    pub fn contains(&self, id: &str) -> bool {
        self.by_id.contains_key(id)
    }

    /// Adds a listing (replacing one with the same id), evicting the oldest listing
    /// when the corpus is full. Returns the ids evicted.
    pub fn add(&mut self, listing: CorpusListing) -> Vec<String> {
        self.remove(&listing.id);
        let mut evicted = Vec::new();
        while self.live >= self.capacity {
            match self.oldest() {
                Some(id) => {
                    self.remove(&id);
                    evicted.push(id);
                }
                None => break,
            }
        }
        let mut sketches = Vec::new();
        let mut keys: Vec<(u32, u32)> = Vec::new();
        for (number, (field, index, t)) in listing.fields().into_iter().enumerate() {
            let number = number.min(MAX_FIELD as usize) as u8;
            let words = FieldWords::new(t);
            let sig = words.signature();
            keys.extend(
                words
                    .keys(sig.as_ref())
                    .into_iter()
                    .map(|k| (k, u32::from(number))),
            );
            if let Some(sig) = sig {
                sketches.push(FieldSketch {
                    number,
                    field,
                    index,
                    sketch: fingerprint::sketch(&sig),
                });
            }
        }
        // One posting per key and listing (its first field), so counts are listings.
        keys.sort_unstable();
        keys.dedup_by_key(|k| k.0);
        let slot = match self.free.pop() {
            Some(s) => s,
            None => {
                self.slots.push(None);
                self.alive.push(false);
                (self.slots.len() - 1) as u32
            }
        };
        let seq = self.next_seq;
        self.next_seq += 1;
        for &(k, field) in &keys {
            self.pending
                .entry(k)
                .or_default()
                .push(slot << FIELD_BITS | field);
        }
        self.pending_len += keys.len();
        self.by_id.insert(listing.id.clone(), slot);
        self.age.push_back((seq, slot));
        self.alive[slot as usize] = true;
        self.slots[slot as usize] = Some(Slot {
            listing,
            seq,
            sketches,
            keys: keys.len(),
        });
        self.live += 1;
        if self.pending_len > 4096.max(self.entries.len() / 8) {
            self.merge_pending();
        }
        evicted
    }

    /// Removes the listing with this id; `false` when there is none.
    pub fn remove(&mut self, id: &str) -> bool {
        let Some(slot) = self.by_id.remove(id) else {
            return false;
        };
        self.slots[slot as usize] = None;
        self.alive[slot as usize] = false;
        self.tombstones.push(slot);
        self.live -= 1;
        if self.tombstones.len() * 4 > self.slots.len() {
            self.purge();
        }
        true
    }

    fn oldest(&mut self) -> Option<String> {
        while let Some(&(seq, slot)) = self.age.front() {
            match &self.slots[slot as usize] {
                Some(s) if s.seq == seq => return Some(s.listing.id.clone()),
                _ => {
                    self.age.pop_front();
                }
            }
        }
        None
    }

    /// Merges the pending entries into the sorted ones (linear, after sorting the new).
    fn merge_pending(&mut self) {
        if self.pending.is_empty() {
            return;
        }
        let mut new: Vec<(u32, u32)> = self
            .pending
            .drain()
            .flat_map(|(k, slots)| slots.into_iter().map(move |s| (k, s)))
            .collect();
        self.pending_len = 0;
        new.sort_unstable();
        let old = std::mem::take(&mut self.entries);
        let mut merged = Vec::with_capacity(old.len() + new.len());
        let (mut a, mut b) = (old.into_iter().peekable(), new.into_iter().peekable());
        loop {
            let next = match (a.peek(), b.peek()) {
                (Some(x), Some(y)) if x <= y => a.next(),
                (Some(_), Some(_)) => b.next(),
                (Some(_), None) => a.next(),
                (None, Some(_)) => b.next(),
                (None, None) => break,
            };
            merged.extend(next);
        }
        self.entries = merged;
        self.rebuild_directory();
    }

    /// Recomputes where each key prefix starts in `entries`, with about eight entries per
    /// prefix (between 2⁰ and 2²² prefixes).
    fn rebuild_directory(&mut self) {
        let buckets = (self.entries.len() / 8)
            .max(1)
            .next_power_of_two()
            .min(1 << 22);
        self.directory_bits = buckets.trailing_zeros();
        self.directory.clear();
        self.directory.reserve(buckets + 1);
        let mut at = 0usize;
        for prefix in 0..=buckets {
            while at < self.entries.len() && self.prefix(self.entries[at].0) < prefix {
                at += 1;
            }
            self.directory.push(at as u32);
        }
    }

    fn prefix(&self, key: u32) -> usize {
        match self.directory_bits {
            0 => 0,
            bits => (key >> (32 - bits)) as usize,
        }
    }

    /// Folds listings added since the last merge into the sorted index and drops the
    /// entries of removed ones. Lookups are fastest right after; `add` and `remove` call
    /// it on their own from time to time, a bulk loader may call it once at the end.
    pub fn compact(&mut self) {
        self.purge();
    }

    /// Drops the index entries of removed listings and frees their slots.
    fn purge(&mut self) {
        self.merge_pending();
        let slots = &self.slots;
        self.entries
            .retain(|&(_, p)| slots[(p >> FIELD_BITS) as usize].is_some());
        self.rebuild_directory();
        self.free.append(&mut self.tombstones);
    }

    /// The (listing slot, field number) pairs carrying `key`, unless it is boilerplate
    /// (a fingerprint common to many listings says nothing about copying). The field
    /// number is the field's position in [`CorpusListing::fields`] (capped at 31).
    pub fn postings(&self, key: u32) -> impl Iterator<Item = (u32, u8)> + '_ {
        let (lo, hi) = self.range(key);
        let pending = self.pending.get(&key).map_or(&[][..], Vec::as_slice);
        let keep = hi - lo + pending.len() < self.boilerplate_listings();
        self.entries[lo..hi]
            .iter()
            .map(|e| e.1)
            .chain(pending.iter().copied())
            .filter(move |_| keep)
            .map(|p| (p >> FIELD_BITS, (p & MAX_FIELD) as u8))
            .filter(|&(s, _)| self.alive[s as usize])
    }

    fn range(&self, key: u32) -> (usize, usize) {
        let prefix = self.prefix(key);
        let (from, to) = match (self.directory.get(prefix), self.directory.get(prefix + 1)) {
            (Some(&a), Some(&b)) => (a as usize, b as usize),
            _ => (0, self.entries.len()),
        };
        let bucket = &self.entries[from..to];
        let lo = bucket.partition_point(|e| e.0 < key);
        let hi = lo + bucket[lo..].partition_point(|e| e.0 <= key);
        (from + lo, from + hi)
    }

    /// How many corpus listings carry fingerprint `key` (removed ones may still count
    /// until the next purge).
    pub fn sharing(&self, key: u32) -> usize {
        let (lo, hi) = self.range(key);
        hi - lo + self.pending.get(&key).map_or(0, Vec::len)
    }

    /// Whether `key` is boilerplate: shared by at least
    /// [`boilerplate_listings`](Self::boilerplate_listings) listings.
    pub fn is_boilerplate(&self, key: u32) -> bool {
        self.sharing(key) >= self.boilerplate_listings()
    }

    /// From how many listings sharing a fingerprint on it counts as boilerplate: 3, or one
    /// in a thousand listings of a large corpus. Text found in that many listings is a
    /// template (a maker's standard sentence), not one seller's copy.
    pub fn boilerplate_listings(&self) -> usize {
        3.max(self.live / 1000)
    }

    /// The listing in `slot`, if live.
    pub fn listing(&self, slot: u32) -> Option<&CorpusListing> {
        self.slots.get(slot as usize)?.as_ref().map(|s| &s.listing)
    }

    /// The field sketches of the listing in `slot`.
    pub fn sketches(&self, slot: u32) -> &[FieldSketch] {
        self.slots
            .get(slot as usize)
            .and_then(|s| s.as_ref())
            .map_or(&[], |s| &s.sketches)
    }

    /// The sketch of field number `number` of the listing in `slot`.
    pub fn sketch(&self, slot: u32, number: u8) -> Option<&[u8; MINHASHES]> {
        self.sketches(slot)
            .iter()
            .find(|s| s.number == number)
            .map(|s| &s.sketch)
    }

    /// Every listing, oldest first.
    pub fn listings(&self) -> impl Iterator<Item = &CorpusListing> {
        let mut live: Vec<&Slot> = self.slots.iter().flatten().collect();
        live.sort_by_key(|s| s.seq);
        live.into_iter().map(|s| &s.listing)
    }

    /// Sizes of the index proper (fingerprint entries and sketches, excluding listing
    /// text) and of the listing text, in bytes as [`to_bytes`](Self::to_bytes) writes
    /// them.
    pub fn sizes(&self) -> CorpusSizes {
        let bytes = self.to_bytes();
        let index = read_u64(&bytes, INDEX_LEN_AT).unwrap_or(0) as usize;
        let sketches: usize = self
            .slots
            .iter()
            .flatten()
            .map(|s| s.sketches.len() * (MINHASHES + 3))
            .sum();
        CorpusSizes {
            listings: self.live,
            index_bytes: index + sketches,
            total_bytes: bytes.len(),
            keys: self.slots.iter().flatten().map(|s| s.keys).sum(),
        }
    }
}

/// What a corpus weighs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CorpusSizes {
    /// Listings held.
    pub listings: usize,
    /// Bytes of fingerprint index and sketches in the file.
    pub index_bytes: usize,
    /// Bytes of the whole file (index, listing text, header, checksum).
    pub total_bytes: usize,
    /// Index keys over all listings.
    pub keys: usize,
}

// ---- File format ------------------------------------------------------------------
//
// magic "CLMKCORP" | version u16 LE | k u8 | w u8 | minhashes u8 | band rows u8 |
// capacity u32 LE | listings u32 LE | next_seq u64 LE |
// listing section length u64 LE | index section length u64 LE |
// listing section | index section | SHA-256 of everything before it.
//
// Listing section, per listing in slot order: seq varint, id, url?, brand?, date?,
// title?, bullets (count + strings), description?, sketches (count + field number u8,
// field code u8, bullet index varint, MINHASHES bytes). Strings are varint length + UTF-8; options a
// 0/1 byte first. Index section: per distinct key, ascending: key delta << 1 | (more
// than one posting) varint, then the posting count varint if more than one, postings (listing number << 5 | field number; ascending deltas, varint).

const HEADER_LEN: usize = 8 + 2 + 4 + 4 + 4 + 8 + 8 + 8;
const INDEX_LEN_AT: usize = 8 + 2 + 4 + 4 + 4 + 8 + 8;

fn read_u64(b: &[u8], at: usize) -> Option<u64> {
    Some(u64::from_le_bytes(b.get(at..at + 8)?.try_into().ok()?))
}

fn put_varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

fn put_str(out: &mut Vec<u8>, s: &str) {
    put_varint(out, s.len() as u64);
    out.extend_from_slice(s.as_bytes());
}

fn put_opt(out: &mut Vec<u8>, s: &Option<String>) {
    match s {
        Some(s) => {
            out.push(1);
            put_str(out, s);
        }
        None => out.push(0),
    }
}

fn field_code(f: Field) -> u8 {
    match f {
        Field::Title => 0,
        Field::Bullets => 1,
        Field::Description => 2,
        Field::Keywords => 3,
    }
}

struct Reader<'a> {
    b: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn bytes(&mut self, n: usize) -> Result<&'a [u8], CorpusError> {
        let end = self.at.checked_add(n).filter(|&e| e <= self.b.len());
        let end =
            end.ok_or_else(|| CorpusError::Corrupt("a record runs past its section".into()))?;
        let s = &self.b[self.at..end];
        self.at = end;
        Ok(s)
    }
    fn byte(&mut self) -> Result<u8, CorpusError> {
        Ok(self.bytes(1)?[0])
    }
    fn varint(&mut self) -> Result<u64, CorpusError> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            v |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err(CorpusError::Corrupt("a number is too long".into()))
    }
    fn string(&mut self) -> Result<String, CorpusError> {
        let n = self.varint()? as usize;
        let s = self.bytes(n)?;
        String::from_utf8(s.to_vec()).map_err(|_| CorpusError::Corrupt("text is not UTF-8".into()))
    }
    fn opt(&mut self) -> Result<Option<String>, CorpusError> {
        match self.byte()? {
            0 => Ok(None),
            1 => Ok(Some(self.string()?)),
            _ => Err(CorpusError::Corrupt("bad optional marker".into())),
        }
    }
}

impl CorpusIndex {
    /// The corpus as one self-checking file (see the format notes in the source).
    pub fn to_bytes(&self) -> Vec<u8> {
        let pending = self
            .pending
            .iter()
            .flat_map(|(&k, slots)| slots.iter().map(move |&s| (k, s)));
        let mut entries: Vec<(u32, u32)> = self
            .entries
            .iter()
            .copied()
            .chain(pending)
            .filter(|&(_, p)| self.slots[(p >> FIELD_BITS) as usize].is_some())
            .collect();
        // Number the live listings 0.. in slot order.
        let mut number = vec![u32::MAX; self.slots.len()];
        let mut n = 0u32;
        for (i, s) in self.slots.iter().enumerate() {
            if s.is_some() {
                number[i] = n;
                n += 1;
            }
        }
        for e in &mut entries {
            e.1 = number[(e.1 >> FIELD_BITS) as usize] << FIELD_BITS | (e.1 & MAX_FIELD);
        }
        entries.sort_unstable();
        entries.dedup();

        let mut listings = Vec::new();
        for s in self.slots.iter().flatten() {
            let l = &s.listing;
            put_varint(&mut listings, s.seq);
            put_str(&mut listings, &l.id);
            put_opt(&mut listings, &l.url);
            put_opt(&mut listings, &l.brand);
            put_opt(&mut listings, &l.date);
            put_opt(&mut listings, &l.title);
            put_varint(&mut listings, l.bullets.len() as u64);
            for b in &l.bullets {
                put_str(&mut listings, b);
            }
            put_opt(&mut listings, &l.description);
            put_varint(&mut listings, s.sketches.len() as u64);
            for f in &s.sketches {
                listings.push(f.number);
                listings.push(field_code(f.field));
                put_varint(&mut listings, f.index.map_or(0, |i| i as u64 + 1));
                listings.extend_from_slice(&f.sketch);
            }
        }
        let mut index = Vec::new();
        let mut i = 0;
        let mut prev_key = 0u32;
        while i < entries.len() {
            let key = entries[i].0;
            let j = entries[i..].partition_point(|e| e.0 == key) + i;
            // Most keys have one posting: the low bit of the delta says "more follow".
            let shared = j - i > 1;
            put_varint(
                &mut index,
                u64::from(key - prev_key) << 1 | u64::from(shared),
            );
            if shared {
                put_varint(&mut index, (j - i) as u64);
            }
            let mut prev = 0u32;
            for e in &entries[i..j] {
                put_varint(&mut index, u64::from(e.1 - prev));
                prev = e.1;
            }
            prev_key = key;
            i = j;
        }
        let mut out = Vec::with_capacity(HEADER_LEN + listings.len() + index.len() + 32);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        out.extend_from_slice(&[
            fingerprint::K as u8,
            fingerprint::W as u8,
            MINHASHES as u8,
            fingerprint::BAND_ROWS as u8,
        ]);
        out.extend_from_slice(&(self.capacity as u32).to_le_bytes());
        out.extend_from_slice(&n.to_le_bytes());
        out.extend_from_slice(&self.next_seq.to_le_bytes());
        out.extend_from_slice(&(listings.len() as u64).to_le_bytes());
        out.extend_from_slice(&(index.len() as u64).to_le_bytes());
        out.extend_from_slice(&listings);
        out.extend_from_slice(&index);
        let digest = Sha256::digest(&out);
        out.extend_from_slice(&digest);
        out
    }

    /// Reads a corpus file written by [`to_bytes`](Self::to_bytes). A file that is not a
    /// corpus, of another version, truncated, damaged or inconsistent is refused.
    pub fn from_bytes(bytes: &[u8]) -> Result<CorpusIndex, CorpusError> {
        if bytes.len() < MAGIC.len() || &bytes[..MAGIC.len()] != MAGIC {
            return Err(CorpusError::NotACorpus);
        }
        if bytes.len() < HEADER_LEN + 32 {
            return Err(CorpusError::Truncated);
        }
        let version = u16::from_le_bytes([bytes[8], bytes[9]]);
        if version != FORMAT_VERSION {
            return Err(CorpusError::Version {
                found: version,
                supported: FORMAT_VERSION,
            });
        }
        let params = [
            fingerprint::K as u8,
            fingerprint::W as u8,
            MINHASHES as u8,
            fingerprint::BAND_ROWS as u8,
        ];
        let listings_len = read_u64(bytes, 30).unwrap_or(u64::MAX);
        let index_len = read_u64(bytes, INDEX_LEN_AT).unwrap_or(u64::MAX);
        let body_end = (HEADER_LEN as u64)
            .checked_add(listings_len)
            .and_then(|v| v.checked_add(index_len))
            .ok_or_else(|| CorpusError::Corrupt("section lengths overflow".into()))?;
        match (body_end + 32).cmp(&(bytes.len() as u64)) {
            std::cmp::Ordering::Greater => return Err(CorpusError::Truncated),
            std::cmp::Ordering::Less => {
                return Err(CorpusError::Corrupt("bytes after the checksum".into()))
            }
            std::cmp::Ordering::Equal => {}
        }
        let body_end = body_end as usize;
        if Sha256::digest(&bytes[..body_end]).as_slice() != &bytes[body_end..] {
            return Err(CorpusError::Checksum);
        }
        if bytes[10..14] != params {
            return Err(CorpusError::Corrupt(
                "it was built with other fingerprint parameters".into(),
            ));
        }
        let capacity = u32::from_le_bytes(bytes[14..18].try_into().unwrap_or_default()) as usize;
        let count = u32::from_le_bytes(bytes[18..22].try_into().unwrap_or_default()) as usize;
        let next_seq = read_u64(bytes, 22).unwrap_or(0);
        // Every listing takes at least one byte: a count past the section's length is
        // a lie that would reserve memory for it (0xFFFFFFFF reserved 64 GB).
        if count as u64 > listings_len {
            return Err(CorpusError::Corrupt(
                "it claims more listings than it holds".into(),
            ));
        }
        let listings_end = HEADER_LEN + listings_len as usize;
        let mut r = Reader {
            b: &bytes[HEADER_LEN..listings_end],
            at: 0,
        };
        let mut corpus = CorpusIndex::new(capacity);
        corpus.next_seq = next_seq;
        let mut ages = Vec::with_capacity(count);
        for slot in 0..count {
            let seq = r.varint()?;
            let mut l = CorpusListing {
                id: r.string()?,
                url: r.opt()?,
                brand: r.opt()?,
                date: r.opt()?,
                title: r.opt()?,
                ..Default::default()
            };
            let bullets = r.varint()? as usize;
            for _ in 0..bullets {
                l.bullets.push(r.string()?);
            }
            l.description = r.opt()?;
            let n = r.varint()? as usize;
            let mut sketches = Vec::with_capacity(n.min(64));
            for _ in 0..n {
                let number = r.byte()?;
                if u32::from(number) > MAX_FIELD {
                    return Err(CorpusError::Corrupt(
                        "a field number is out of range".into(),
                    ));
                }
                let field = match r.byte()? {
                    0 => Field::Title,
                    1 => Field::Bullets,
                    2 => Field::Description,
                    3 => Field::Keywords,
                    _ => return Err(CorpusError::Corrupt("unknown field code".into())),
                };
                let index = match r.varint()? {
                    0 => None,
                    i => Some(i as usize - 1),
                };
                let mut sketch = [0u8; MINHASHES];
                sketch.copy_from_slice(r.bytes(MINHASHES)?);
                sketches.push(FieldSketch {
                    number,
                    field,
                    index,
                    sketch,
                });
            }
            if corpus.by_id.insert(l.id.clone(), slot as u32).is_some() {
                return Err(CorpusError::Corrupt(format!(
                    "listing {} appears twice",
                    l.id
                )));
            }
            ages.push((seq, slot as u32));
            corpus.alive.push(true);
            corpus.slots.push(Some(Slot {
                listing: l,
                seq,
                sketches,
                keys: 0,
            }));
        }
        if r.at != r.b.len() {
            return Err(CorpusError::Corrupt(
                "the listing section has extra bytes".into(),
            ));
        }
        let mut r = Reader {
            b: &bytes[listings_end..body_end],
            at: 0,
        };
        let mut key = 0u64;
        while r.at < r.b.len() {
            let delta = r.varint()?;
            key += delta >> 1;
            let n = if delta & 1 == 1 {
                r.varint()? as usize
            } else {
                1
            };
            let mut slot = 0u64;
            for _ in 0..n {
                slot += r.varint()?;
                if key > u64::from(u32::MAX)
                    || slot > u64::from(u32::MAX)
                    || (slot >> FIELD_BITS) >= count as u64
                {
                    return Err(CorpusError::Corrupt("an index entry points nowhere".into()));
                }
                corpus.entries.push((key as u32, slot as u32));
                if let Some(Some(s)) = corpus.slots.get_mut((slot >> FIELD_BITS) as usize) {
                    s.keys += 1;
                }
            }
        }
        if !corpus.entries.windows(2).all(|w| w[0] < w[1]) {
            return Err(CorpusError::Corrupt("the index is out of order".into()));
        }
        corpus.rebuild_directory();
        ages.sort_unstable();
        corpus.age = ages.into();
        corpus.live = count;
        Ok(corpus)
    }
}

// ---- Reading listings from files (native only) ----------------------------------

/// One input line as the corpus reader accepts it: the listing shape plus `url`,
/// `product_id` and `date`.
#[derive(serde::Deserialize)]
struct InputListing {
    #[serde(flatten)]
    listing: crate::listing::Listing,
    url: Option<String>,
    product_id: Option<String>,
    date: Option<String>,
}

/// Parses one JSON line into a corpus listing (`id`, else `product_id`, is required).
pub fn parse_json_listing(line: &str) -> Result<CorpusListing, String> {
    let input: InputListing = serde_json::from_str(line).map_err(|e| e.to_string())?;
    let l = input.listing;
    let id = if l.id.is_empty() {
        input.product_id.unwrap_or_default()
    } else {
        l.id
    };
    if id.is_empty() {
        return Err("it has no id".into());
    }
    within_caps(CorpusListing {
        id,
        url: input.url,
        brand: l.brand,
        date: input.date,
        title: l.title,
        bullets: l.bullets,
        description: l.description,
    })
}

/// The listing, if its text is within the caps the engine checks
/// ([`crate::listing::MAX_FIELD_UNITS`], [`crate::listing::MAX_BULLETS`]): a corpus
/// built from a file with a 50 MB cell would otherwise fingerprint all of it.
fn within_caps(l: CorpusListing) -> Result<CorpusListing, String> {
    let field = |f, i, t: &Option<String>| limits::check_field(f, i, t.as_deref().unwrap_or(""));
    limits::check_bullet_count(l.bullets.len())
        .and_then(|()| field(Field::Title, None, &l.title))
        .and_then(|()| field(Field::Description, None, &l.description))
        .and_then(|()| {
            l.bullets
                .iter()
                .enumerate()
                .try_for_each(|(i, b)| limits::check_field(Field::Bullets, Some(i), b))
        })
        .map_err(|e| e.to_string())?;
    Ok(l)
}

/// Reads listings from a JSON-lines or CSV file (by extension: `.csv` is CSV, anything
/// else JSON lines). Bad lines are returned as errors beside the good listings; a file
/// that cannot be read at all is an `Err`.
#[cfg(not(target_arch = "wasm32"))]
pub fn read_listings(
    path: &std::path::Path,
) -> Result<(Vec<CorpusListing>, Vec<CorpusError>), CorpusError> {
    let name = path.display().to_string();
    let read_err = |source| CorpusError::Read {
        path: name.clone(),
        source,
    };
    let is_csv = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("csv"));
    let mut good = Vec::new();
    let mut bad = Vec::new();
    if is_csv {
        let mut rdr = csv::ReaderBuilder::new()
            .flexible(true)
            .from_path(path)
            .map_err(|e| read_err(std::io::Error::other(e)))?;
        let headers: Vec<String> = rdr
            .headers()
            .map_err(|e| read_err(std::io::Error::other(e)))?
            .iter()
            .map(|h| h.trim().to_ascii_lowercase())
            .collect();
        for (n, rec) in rdr.records().enumerate() {
            let line = n + 2;
            match rec {
                Ok(rec) => match csv_listing(&headers, &rec) {
                    Ok(l) => good.push(l),
                    Err(message) => bad.push(CorpusError::BadListing {
                        path: name.clone(),
                        line,
                        message,
                    }),
                },
                Err(e) => bad.push(CorpusError::BadListing {
                    path: name.clone(),
                    line,
                    message: e.to_string(),
                }),
            }
        }
    } else {
        let text = std::fs::read_to_string(path).map_err(read_err)?;
        for (n, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            match parse_json_listing(line) {
                Ok(l) => good.push(l),
                Err(message) => bad.push(CorpusError::BadListing {
                    path: name.clone(),
                    line: n + 1,
                    message,
                }),
            }
        }
    }
    Ok((good, bad))
}

/// One CSV row: columns `id` (or `product_id`), `url`, `brand`, `date`, `title`,
/// `description`, and bullets either as `bullet1`…/`bullet_1`… columns or one `bullets`
/// column with one bullet per line.
#[cfg(not(target_arch = "wasm32"))]
fn csv_listing(headers: &[String], rec: &csv::StringRecord) -> Result<CorpusListing, String> {
    let get = |name: &str| {
        headers
            .iter()
            .position(|h| h == name)
            .and_then(|i| rec.get(i))
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .map(str::to_string)
    };
    let id = get("id")
        .or_else(|| get("product_id"))
        .ok_or("it has no id")?;
    let mut bullets: Vec<String> = get("bullets")
        .map(|b| {
            b.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(String::from)
                .collect()
        })
        .unwrap_or_default();
    for (i, h) in headers.iter().enumerate() {
        let numbered = h
            .strip_prefix("bullet")
            .map(|r| r.trim_start_matches(['_', ' ']))
            .is_some_and(|r| !r.is_empty() && r.chars().all(|c| c.is_ascii_digit()));
        if numbered {
            if let Some(v) = rec.get(i).map(str::trim).filter(|v| !v.is_empty()) {
                bullets.push(v.to_string());
            }
        }
    }
    within_caps(CorpusListing {
        id,
        url: get("url"),
        brand: get("brand"),
        date: get("date"),
        title: get("title"),
        bullets,
        description: get("description"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn listing(id: &str, bullet: &str) -> CorpusListing {
        CorpusListing {
            id: id.into(),
            title: Some(format!("Title of {id}")),
            bullets: vec![bullet.into()],
            ..Default::default()
        }
    }

    #[test]
    fn function_words_are_sorted() {
        assert!(FUNCTION_WORDS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn round_trips_through_bytes() {
        let mut c = CorpusIndex::new(10);
        c.add(listing(
            "a",
            "Soft plush bear with embroidered eyes, safe for toddlers",
        ));
        c.add(CorpusListing {
            url: Some("https://example.com/b".into()),
            brand: Some("Acme".into()),
            date: Some("2020-01-02".into()),
            description: Some("Long text. 😀 家具".into()),
            ..listing("b", "Wooden train set with forty pieces and a bridge")
        });
        c.remove("a");
        c.add(listing(
            "c",
            "Magnetic tiles in twelve colours build towers",
        ));
        let bytes = c.to_bytes();
        let d = CorpusIndex::from_bytes(&bytes).unwrap();
        assert_eq!(d.len(), 2);
        let ids: Vec<&str> = d.listings().map(|l| l.id.as_str()).collect();
        assert_eq!(ids, ["b", "c"]);
        assert_eq!(d.to_bytes(), bytes, "re-serialising is stable");
        assert_eq!(d.listings().next().unwrap().brand.as_deref(), Some("Acme"));
    }

    #[test]
    fn damaged_files_are_refused_with_the_right_error() {
        let mut c = CorpusIndex::new(10);
        c.add(listing(
            "a",
            "Soft plush bear with embroidered eyes, safe for toddlers",
        ));
        let bytes = c.to_bytes();
        assert!(matches!(
            CorpusIndex::from_bytes(b"hello"),
            Err(CorpusError::NotACorpus)
        ));
        assert!(matches!(
            CorpusIndex::from_bytes(&bytes[..bytes.len() - 5]),
            Err(CorpusError::Truncated)
        ));
        let mut flipped = bytes.clone();
        flipped[HEADER_LEN + 3] ^= 1;
        assert!(matches!(
            CorpusIndex::from_bytes(&flipped),
            Err(CorpusError::Checksum)
        ));
        let mut version = bytes.clone();
        version[8] = 9;
        assert!(matches!(
            CorpusIndex::from_bytes(&version),
            Err(CorpusError::Version {
                found: 9,
                supported: 1
            })
        ));
        // No panic on any truncation.
        for n in 0..bytes.len() {
            assert!(CorpusIndex::from_bytes(&bytes[..n]).is_err());
        }
    }

    #[test]
    fn oldest_is_evicted_first_and_replacing_keeps_one_copy() {
        let mut c = CorpusIndex::new(2);
        assert!(c
            .add(listing("a", "one two three four five six"))
            .is_empty());
        c.add(listing("b", "seven eight nine ten eleven twelve"));
        c.add(listing("a", "one two three four five six seven")); // replaces a, now newest
        assert_eq!(c.len(), 2);
        assert_eq!(c.add(listing("c", "x y z w v u t")), ["b"]);
        assert!(c.contains("a") && c.contains("c") && !c.contains("b"));
    }

    #[test]
    fn removed_listings_leave_no_postings() {
        let mut c = CorpusIndex::new(100);
        let text = "Soft plush bear with embroidered eyes, safe for toddlers";
        c.add(listing("a", text));
        let words = FieldWords::new(text);
        let key = words.keys(None)[0];
        assert_eq!(
            c.postings(key).collect::<Vec<_>>(),
            [(0, 1)],
            "slot 0, bullet = field 1"
        );
        assert_eq!(c.postings(key).count(), 1);
        c.remove("a");
        assert_eq!(c.postings(key).count(), 0);
        for i in 0..50 {
            c.add(listing(
                &format!("x{i}"),
                &format!("filler words number {i} go here now"),
            ));
            c.remove(&format!("x{i}"));
        }
        assert!(c.is_empty());
        assert_eq!(c.postings(key).count(), 0);
    }

    #[test]
    fn every_listing_is_found_before_and_after_merges_and_removals() {
        let mut c = CorpusIndex::new(10_000);
        let text = |i: usize| format!("alpha{i} beta{i} gamma{i} delta{i} epsilon{i} zeta{i}");
        let key = |i: usize| FieldWords::new(&text(i)).keys(None)[0];
        let found = |c: &CorpusIndex, i: usize| {
            c.postings(key(i))
                .any(|(slot, _)| c.listing(slot).is_some_and(|l| l.id == format!("l{i}")))
        };
        for i in 0..1500 {
            c.add(CorpusListing {
                id: format!("l{i}"),
                bullets: vec![text(i)],
                ..Default::default()
            });
        }
        assert!(
            (0..1500).all(|i| found(&c, i)),
            "pending and merged entries"
        );
        c.compact();
        assert!((0..1500).all(|i| found(&c, i)), "after compaction");
        for i in (0..1500).step_by(2) {
            c.remove(&format!("l{i}"));
        }
        assert!(
            (0..1500).all(|i| found(&c, i) == (i % 2 == 1)),
            "removed ones are gone"
        );
        let back = CorpusIndex::from_bytes(&c.to_bytes()).unwrap();
        assert!(
            (0..1500).all(|i| found(&back, i) == (i % 2 == 1)),
            "after a round trip"
        );
    }

    #[test]
    fn a_listing_count_past_the_section_is_refused_even_with_a_recomputed_checksum() {
        let mut c = CorpusIndex::new(10);
        c.add(listing("a", "one two three four five six"));
        let mut bytes = c.to_bytes();
        // The count sits after the marker, version, parameters and capacity.
        bytes[18..22].copy_from_slice(&u32::MAX.to_le_bytes());
        let body_end = bytes.len() - 32;
        let digest = Sha256::digest(&bytes[..body_end]);
        bytes[body_end..].copy_from_slice(&digest);
        assert!(matches!(
            CorpusIndex::from_bytes(&bytes),
            Err(CorpusError::Corrupt(why)) if why.contains("more listings")
        ));
    }

    #[test]
    fn json_lines_accept_the_listing_shape_with_extras() {
        let l = parse_json_listing(
            r#"{"product_id":"p1","url":"u","date":"2020","title":"T","bullets":["b"],"extra":1}"#,
        )
        .unwrap();
        assert_eq!((l.id.as_str(), l.url.as_deref()), ("p1", Some("u")));
        assert!(parse_json_listing(r#"{"title":"no id"}"#).is_err());
        assert!(parse_json_listing("not json").is_err());
    }

    #[test]
    fn a_listing_past_the_field_cap_is_a_bad_line_not_a_fingerprinted_one() {
        let at_cap = format!(r#"{{"id":"a","title":"{}"}}"#, "t".repeat(20_000));
        assert!(parse_json_listing(&at_cap).is_ok());
        let past = format!(r#"{{"id":"a","bullets":["ok","{}"]}}"#, "t".repeat(20_001));
        assert_eq!(
            parse_json_listing(&past).unwrap_err(),
            "the bullet point 2 is 20001 characters long; Clearmark checks at most 20000 per field"
        );
    }

    /// The index keys of a bullet, as the corpus computes them.
    fn keys_of(bullet: &str) -> Vec<u32> {
        let w = FieldWords::new(bullet);
        w.keys(w.signature().as_ref())
    }

    const SHARED: &str = "sturdy walnut frame with brushed brass hinges and a velvet lined tray";

    #[test]
    fn a_fingerprint_in_three_listings_is_boilerplate_and_in_two_is_not() {
        for merged in [false, true] {
            let mut c = CorpusIndex::new(100);
            // Other listings first, so the shared keys do not start the index.
            for i in 0..4 {
                c.add(listing(
                    &format!("other:{i}"),
                    &format!("plain cotton tote number {i} with a zip"),
                ));
            }
            c.add(listing("a", SHARED));
            c.add(listing("b", SHARED));
            if merged {
                c.compact();
            }
            let keys = keys_of(SHARED);
            assert!(!keys.is_empty());
            for &k in &keys {
                assert_eq!(c.sharing(k), 2, "merged {merged}");
                assert!(!c.is_boilerplate(k));
                assert_eq!(c.postings(k).count(), 2);
            }
            c.add(listing("c", SHARED));
            if merged {
                c.compact();
            }
            for &k in &keys {
                assert_eq!(c.sharing(k), 3, "merged {merged}");
                assert!(c.is_boilerplate(k));
                assert_eq!(c.postings(k).count(), 0, "boilerplate leads nowhere");
            }
        }
    }

    #[test]
    fn boilerplate_is_three_listings_or_one_in_a_thousand() {
        let mut c = CorpusIndex::new(10_000);
        assert_eq!(c.boilerplate_listings(), 3);
        for i in 0..4000 {
            c.add(listing(&format!("l{i}"), "x"));
            let expected = match i + 1 {
                0..=3999 => 3,
                _ => 4,
            };
            if [1, 5, 2999, 3000, 3999, 4000].contains(&(i + 1)) {
                assert_eq!(c.boilerplate_listings(), expected, "{} listings", i + 1);
            }
        }
    }
}
