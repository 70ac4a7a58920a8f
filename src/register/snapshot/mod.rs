//! The register snapshot: one file holding every mark Clearmark knows, loaded by pointing
//! at its bytes.
//!
//! A snapshot is built once from the official sources ([`SnapshotBuilder`], driven by
//! `clearmark snapshot build`) and shipped with the extension or by signed update. It
//! holds an [`fst::Map`] from mark key ([`crate::text::mark_key`]) to the records filed
//! under it, a compact record table, the owners, and word frequencies for telling
//! ordinary words from marks.
//!
//! # Loading and trust
//!
//! [`Snapshot::from_bytes`] checks the marker, format version, header and the layout of
//! every section; its cost does not grow with the number of marks. It does **not** hash
//! the file: [`Snapshot::verify`] checks the SHA-256 and, given the publisher's key, the
//! ed25519 signature — work proportional to the file size, done once when a file arrives
//! (update, import, `clearmark snapshot verify`). Only the bundled snapshot, shipped
//! inside the extension, is loaded with `from_bytes` alone; [`Snapshot::open`] checks a
//! file of unknown provenance (and a stored one, read back at start) and
//! [`Snapshot::open_signed`] one that must carry a trusted signature — both check the
//! checksum and signature on the raw bytes before anything is parsed. A file whose bytes
//! a signed manifest vouches for still gets [`Snapshot::check_structure`]. `from_bytes` and `verify` never panic on any input (fuzzed: see
//! `fuzz/`), and the record table, owners, class sets and posting lists are read
//! defensively. `fst` does not check its own structure when opened, and a damaged fst
//! can make it panic; a SHA-256 recomputed after the damage passes the checksum. So
//! `from_bytes` checks the three indexes' footers (what `fst::Map::new` reads), and `verify`
//! also decodes every node of the three indexes once with checked sizes (`fst_check`): the
//! fst walk behind `record`, `lookup` and `marks()` trusts bytes that passed `verify` —
//! never read from a file that failed verification.
//!
//! ```
//! use clearmark::register::{Record, Register, snapshot::{Snapshot, SnapshotBuilder}};
//!
//! let mut builder = SnapshotBuilder::new(20261123);
//! let mut lego = Record::new(Register::US, "LEGO", "LEGO Juris A/S");
//! lego.number = "73000001".into();
//! lego.classes = vec![28];
//! builder.add(lego);
//! builder.add_word_frequency("apple", 5.2);
//! let bytes = builder.finish(None);
//!
//! let snapshot = Snapshot::from_bytes(bytes).unwrap();
//! snapshot.verify(None).unwrap();
//! let found = snapshot.lookup("Lego®");
//! assert_eq!(found[0].owner, "LEGO Juris A/S");
//! assert_eq!(snapshot.word_zipf("Apple"), Some(5.2));
//! ```
//!
//! # Format
//!
//! One file: marker `CLMKSNAP`, format version, a JSON header ([`Header`]: build date,
//! snapshot version, sources with dates and counts, record/key/owner/word counts), a
//! section table, seven sections, and a trailer (SHA-256 of everything before it, a
//! signed flag, an ed25519 signature of the digest, marker `CLMKEND`):
//!
//! - **marks** — `fst::Map` from mark key to a value: records of a key are adjacent
//!   (records are sorted by key), so most values are a run `first_id << 4 | count − 1`;
//!   keys with more than 16 records or that are also another record's pseudo-mark or
//!   translation point into **postings** (`1 << 63 | offset`; each entry carries its
//!   [`KeyKind`]).
//! - **records** — blocks of 64 records, each column (register, status, drawing,
//!   famous, spelling form, number, registration, owner id, class-set id, filing date,
//!   registration date, heap flag, enforcement evidence of curated records)
//!   frame-of-reference bit-packed, so constant columns
//!   cost nothing; mark text is rebuilt from the key (walked back from the id through
//!   the run values) plus, when needed, per-word case and the text between words.
//!   Numbers are integers (zero-padded to the register's usual width when needed),
//!   dates are days since 1800. Whatever does not fit goes to a per-record heap entry.
//! - **owners**, **classes** — deduplicated, sorted, front-coded tables.
//! - **words** — `fst::Map` from word to Zipf frequency × 100, with
//!   [`WORD_IS_NAME`] set for words mostly written capitalised, as names, and
//!   [`WORD_IS_LISTING_VOCABULARY`] for the listing vocabulary (colours, materials,
//!   units, product nouns: see `register::lexicon`), and [`WORD_IS_GIVEN_NAME`] for
//!   first names (`register::names`).
//! - **phrase heads** — `fst::Set` of the first two words of every mark key of several
//!   words, second word first (`phrase_head`): the one-edit search for a disguised first
//!   word of a phrase mark walks the first words before the listing's second word.
//!
//! This module owns loading and reading; building is in `build`, the byte layout in
//! `format`, the record codec in `records`, the index values in `index`, the trailer in
//! `sign`. It must not know about listings, detection or the browser.

mod build;
mod error;
mod format;
mod fst_check;
mod index;
mod records;
mod sign;
mod tables;
#[cfg(test)]
mod tests;

pub use build::{BuildSummary, SnapshotBuilder};
pub use error::SnapshotError;
pub use format::{file_len, Header, Section, SourceInfo, FORMAT_VERSION};
pub use index::{
    phrase_head, phrase_heads, KeyKind, Posting, Postings, HEAD_MIN_LETTERS, HEAD_SEPARATOR,
};
pub use records::{date_to_days, days_to_date, Standing};

use crate::register::{Record, Register};
use crate::text::as_mark_key;
use ed25519_dalek::VerifyingKey;
use std::ops::Range;
use std::sync::Arc;
use tables::Table;

/// Refuses a file that does not start with the snapshot marker, before its trailer is
/// read as one (so a stray file is "not a snapshot", not "damaged").
fn check_marker(bytes: &[u8]) -> Result<(), SnapshotError> {
    if bytes.starts_with(format::MAGIC) {
        Ok(())
    } else if format::MAGIC.starts_with(bytes) {
        Err(SnapshotError::Truncated { len: bytes.len() })
    } else {
        Err(SnapshotError::BadMagic)
    }
}

/// The bit of a words-index value that says the word is mostly written as a name.
pub const WORD_IS_NAME: u64 = 1 << 32;

/// The bit of a words-index value that says the word is listing vocabulary: a colour,
/// material, unit, quantity, product noun, plant or animal, whose ordinary sense is what
/// a listing means by it.
pub const WORD_IS_LISTING_VOCABULARY: u64 = 1 << 33;

/// The bit of a words-index value that says the word is a first name on a list of
/// names ("pippa"): a word of its own, nobody's typo.
pub const WORD_IS_GIVEN_NAME: u64 = 1 << 34;

/// The Zipf frequency held in a words-index value.
pub fn word_value_zipf(value: u64) -> f32 {
    (value & (WORD_IS_NAME - 1)) as f32 / 100.0
}

/// Whether `word` is listing vocabulary (see [`WORD_IS_LISTING_VOCABULARY`]), itself or as
/// the regular plural of a vocabulary word ("sharks", "ducks", "boxes"), with `value`
/// giving a key's word-index value (the index itself, or answers kept from it).
pub fn listing_vocabulary_in(word: &str, value: impl Fn(&str) -> Option<u64>) -> bool {
    let key = as_mark_key(word);
    let listed = |k: &str| value(k).is_some_and(|v| v & WORD_IS_LISTING_VOCABULARY != 0);
    listed(&key)
        || (key.chars().count() > 3
            && (key.strip_suffix('s').is_some_and(&listed)
                || key.strip_suffix("es").is_some_and(&listed)))
}

/// How many records of each register a snapshot holds ([`Snapshot::records_by_register`]);
/// serialised with the registers' codes as keys (`{"US": 0, "EU": 0, "FAMOUS": 29915,
/// "WATCH": 0}`), what the extension's pages show and offer.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct RegisterCounts {
    /// Records of the US register (USPTO).
    #[serde(rename = "US")]
    pub us: u64,
    /// Records of the EU register (EUIPO).
    #[serde(rename = "EU")]
    pub eu: u64,
    /// Famous-brand records (brand lists and the curated enforced marks).
    #[serde(rename = "FAMOUS")]
    pub famous: u64,
    /// Watch-list records built into the snapshot.
    #[serde(rename = "WATCH")]
    pub watch: u64,
}

/// Bytes of one section of a loaded snapshot, shared with the snapshot (no copy).
#[derive(Debug, Clone)]
pub struct SectionBytes {
    bytes: Arc<Vec<u8>>,
    range: Range<usize>,
}

impl AsRef<[u8]> for SectionBytes {
    fn as_ref(&self) -> &[u8] {
        &self.bytes[self.range.clone()]
    }
}

/// A loaded register snapshot. Cheap to clone (the bytes are shared).
#[derive(Debug, Clone)]
pub struct Snapshot {
    bytes: Arc<Vec<u8>>,
    header: Header,
    marks: fst::Map<SectionBytes>,
    words: fst::Map<SectionBytes>,
    phrase_heads: fst::Set<SectionBytes>,
    postings: Range<usize>,
    records: records_table::RecordTable,
    owners: Table,
    classes: Table,
}

mod records_table {
    //! Where the record blocks are inside the records section.
    use super::SnapshotError;
    use crate::codec::get_varint;
    use std::ops::Range;

    /// The record section's directory.
    #[derive(Debug, Clone)]
    pub struct RecordTable {
        /// Number of records.
        pub count: u32,
        /// Byte range of the block offset array.
        pub offsets: Range<usize>,
        /// Byte range of the blocks.
        pub blocks: Range<usize>,
    }

    impl RecordTable {
        /// Reads the directory of a records section at `range` in `bytes`.
        pub fn parse(bytes: &[u8], range: Range<usize>) -> Result<RecordTable, SnapshotError> {
            let corrupt = SnapshotError::Corrupt { section: "records" };
            let s = bytes.get(range.clone()).ok_or(corrupt.clone())?;
            let mut pos = 0;
            let count = get_varint(s, &mut pos).ok_or(corrupt.clone())?;
            let count = u32::try_from(count).map_err(|_| corrupt.clone())?;
            let blocks = (count as usize).div_ceil(super::records::BLOCK);
            let offsets_len = (blocks + 1) * 4;
            let off_start = range.start + pos;
            let blocks_start = off_start.checked_add(offsets_len).ok_or(corrupt.clone())?;
            if blocks_start > range.end {
                return Err(corrupt);
            }
            Ok(RecordTable {
                count,
                offsets: off_start..blocks_start,
                blocks: blocks_start..range.end,
            })
        }

        /// The bytes of block `b`.
        pub fn block<'a>(&self, bytes: &'a [u8], b: usize) -> Option<&'a [u8]> {
            // Offsets are u32 from the file: on 32-bit targets `start + offset` can pass
            // usize::MAX, so every sum is checked.
            let at = |i: usize| -> Option<usize> {
                let p = i.checked_mul(4)?.checked_add(self.offsets.start)?;
                if p >= self.offsets.end {
                    return None;
                }
                let v = u32::from_le_bytes(bytes.get(p..p.checked_add(4)?)?.try_into().ok()?);
                self.blocks.start.checked_add(usize::try_from(v).ok()?)
            };
            let (start, end) = (at(b)?, at(b + 1)?);
            // A block ending before it starts has no bytes (`get` refuses it).
            if end > self.blocks.end {
                return None;
            }
            bytes.get(start..end)
        }
    }
}

impl Snapshot {
    /// Loads a snapshot from its bytes: checks marker, version, header and section layout
    /// (cost independent of the number of marks). Call [`Snapshot::verify`] on files that
    /// have not been verified before.
    pub fn from_bytes(bytes: Vec<u8>) -> Result<Snapshot, SnapshotError> {
        let layout = format::parse_layout(&bytes)?;
        sign::trailer(&bytes)?;
        let bytes = Arc::new(bytes);
        let section = |s: Section| SectionBytes {
            bytes: Arc::clone(&bytes),
            range: layout.section(s),
        };
        // fst reads its footer unchecked (and panics on 32-bit targets for addresses
        // past 4 GiB): check it first.
        for s in [Section::Marks, Section::Words, Section::PhraseHeads] {
            fst_check::footer(&bytes[layout.section(s)])
                .map_err(|_| SnapshotError::Corrupt { section: s.name() })?;
        }
        let marks = fst::Map::new(section(Section::Marks))
            .map_err(|_| SnapshotError::Corrupt { section: "marks" })?;
        let words = fst::Map::new(section(Section::Words))
            .map_err(|_| SnapshotError::Corrupt { section: "words" })?;
        let phrase_heads =
            fst::Set::new(section(Section::PhraseHeads)).map_err(|_| SnapshotError::Corrupt {
                section: Section::PhraseHeads.name(),
            })?;
        let records = records_table::RecordTable::parse(&bytes, layout.section(Section::Records))?;
        let owners = Table::parse(&bytes, layout.section(Section::Owners), "owners")?;
        let classes = Table::parse(&bytes, layout.section(Section::Classes), "classes")?;
        let postings = layout.section(Section::Postings);
        let header = layout.header;
        if header.records != records.count
            || header.keys != marks.len() as u64
            || header.owners as usize != owners.len()
        {
            return Err(SnapshotError::Corrupt { section: "header" });
        }
        Ok(Snapshot {
            postings,
            bytes,
            header,
            marks,
            words,
            phrase_heads,
            records,
            owners,
            classes,
        })
    }

    /// Loads a file of unknown provenance: the checksum and, given the publisher's key,
    /// the signature are checked on the raw bytes before anything else is parsed, then
    /// [`Snapshot::from_bytes`] and [`Snapshot::check_structure`]. With a key, an
    /// unsigned or wrongly signed file is refused unread.
    pub fn open(bytes: Vec<u8>, key: Option<&VerifyingKey>) -> Result<Snapshot, SnapshotError> {
        check_marker(&bytes)?;
        sign::verify(&bytes, key)?;
        let snapshot = Snapshot::from_bytes(bytes)?;
        snapshot.check_structure()?;
        Ok(snapshot)
    }

    /// Loads a file that must be signed by one of `keys` (an imported update): checksum
    /// and signature first, on the raw bytes, so a file no trusted key signed is never
    /// parsed; then [`Snapshot::from_bytes`] and [`Snapshot::check_structure`].
    pub fn open_signed(bytes: Vec<u8>, keys: &[VerifyingKey]) -> Result<Snapshot, SnapshotError> {
        check_marker(&bytes)?;
        sign::verify_signed(&bytes, keys)?;
        let snapshot = Snapshot::from_bytes(bytes)?;
        snapshot.check_structure()?;
        Ok(snapshot)
    }

    /// Checks the SHA-256 of the file, given the publisher's key its signature, then the
    /// structure of the three indexes. Proportional to the file size; see the module docs for
    /// when to call it.
    pub fn verify(&self, key: Option<&VerifyingKey>) -> Result<(), SnapshotError> {
        sign::verify(&self.bytes, key)?;
        self.check_structure()
    }

    /// Decodes every node of the three indexes once, with checked sizes (no hashing): what a
    /// file whose bytes are vouched for otherwise (a feed download, whose signed manifest
    /// gives its SHA-256) must still pass before its indexes are walked. A checksum
    /// recomputed after damage passes the checksum: this is what refuses such a file.
    pub fn check_structure(&self) -> Result<(), SnapshotError> {
        for (section, fst) in [
            (Section::Marks, self.marks.as_fst()),
            (Section::Words, self.words.as_fst()),
            (Section::PhraseHeads, self.phrase_heads.as_fst()),
        ] {
            fst_check::walk(fst.as_bytes()).map_err(|_| SnapshotError::Corrupt {
                section: section.name(),
            })?;
        }
        Ok(())
    }

    /// Whether the file carries a signature (checked only by [`Snapshot::verify`]).
    pub fn is_signed(&self) -> bool {
        sign::trailer(&self.bytes)
            .map(|t| t.signature.is_some())
            .unwrap_or(false)
    }

    /// The SHA-256 recorded in the file (checked only by [`Snapshot::verify`]).
    pub fn checksum(&self) -> [u8; 32] {
        sign::trailer(&self.bytes)
            .map(|t| t.digest)
            .unwrap_or([0; 32])
    }

    /// The header: build date, snapshot version, sources and counts.
    pub fn header(&self) -> &Header {
        &self.header
    }

    /// The whole file.
    pub fn as_bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// Gives the file's bytes back (copied only if a clone of this snapshot still
    /// shares them).
    pub fn into_bytes(self) -> Vec<u8> {
        let Snapshot {
            bytes,
            marks,
            words,
            phrase_heads,
            ..
        } = self;
        drop((marks, words, phrase_heads));
        Arc::try_unwrap(bytes).unwrap_or_else(|shared| shared.as_ref().clone())
    }

    /// Byte size of each section, in file order, for `inspect`.
    pub fn section_sizes(&self) -> Vec<(Section, usize)> {
        let layout = format::parse_layout(&self.bytes).ok();
        Section::ALL
            .iter()
            .map(|&s| (s, layout.as_ref().map(|l| l.section(s).len()).unwrap_or(0)))
            .collect()
    }

    /// The mark index: every mark key (marks, pseudo-marks, translations) with a value
    /// for [`Snapshot::record_ids`] / [`Snapshot::postings`]. Walk it from each token to
    /// find the marks in a text.
    pub fn marks(&self) -> &fst::Map<SectionBytes> {
        &self.marks
    }

    /// The phrase heads of the mark index ([`phrase_head`]): which first words go before
    /// a second word in the keys of several words.
    pub fn phrase_heads(&self) -> &fst::Set<SectionBytes> {
        &self.phrase_heads
    }

    /// The records a mark-index value leads to, and why.
    pub fn postings(&self, value: u64) -> Postings<'_> {
        Postings::new(
            value,
            &self.bytes[self.postings.clone()],
            self.records.count,
        )
    }

    /// The ids of the records a mark-index value leads to.
    pub fn record_ids(&self, value: u64) -> impl Iterator<Item = u32> + '_ {
        self.postings(value).map(|p| p.id)
    }

    /// How many records the snapshot holds; ids are `0..record_count()`.
    pub fn record_count(&self) -> u32 {
        self.records.count
    }

    /// How many records of each register the record table holds, read from the register
    /// column of each block without decoding a record: proportional to the number of
    /// records, a few bit reads each. A block the file cannot give back is an error (the
    /// file fails [`Snapshot::verify`] too).
    pub fn records_by_register(&self) -> Result<RegisterCounts, SnapshotError> {
        let corrupt = || SnapshotError::Corrupt { section: "records" };
        let mut counts = RegisterCounts::default();
        let total = self.records.count as usize;
        for b in 0..total.div_ceil(records::BLOCK) {
            let rows = (total - b * records::BLOCK).min(records::BLOCK);
            let block = self.records.block(&self.bytes, b).ok_or_else(corrupt)?;
            let view = records::BlockView::parse(block, rows).ok_or_else(corrupt)?;
            for row in 0..rows {
                let code = view
                    .column(records::col::REGISTER, row)
                    .ok_or_else(corrupt)?;
                match records::register_of(code).ok_or_else(corrupt)? {
                    Register::US => counts.us += 1,
                    Register::EU => counts.eu += 1,
                    Register::Famous => counts.famous += 1,
                    Register::Watch => counts.watch += 1,
                }
            }
        }
        Ok(counts)
    }

    /// The record with this id, or why it cannot be read.
    pub fn try_record(&self, id: u32) -> Result<Record, SnapshotError> {
        self.decode(id, None)
    }

    /// The record a posting of `key` leads to, like [`Snapshot::record`]; for a
    /// [`KeyKind::Mark`] posting the record's key is `key` itself, so the index is not
    /// walked again to find it — the fast path after a lookup or an index walk.
    pub fn posting_record(&self, posting: Posting, key: &str) -> Record {
        let known = (posting.kind == KeyKind::Mark).then_some(key);
        self.decode(posting.id, known)
            .unwrap_or_else(|_| self.record(posting.id))
    }

    fn decode(&self, id: u32, known_key: Option<&str>) -> Result<Record, SnapshotError> {
        if id >= self.records.count {
            return Err(SnapshotError::NoSuchRecord {
                id,
                records: self.records.count,
            });
        }
        let corrupt = SnapshotError::Corrupt { section: "records" };
        let b = id as usize / records::BLOCK;
        let block = self.records.block(&self.bytes, b).ok_or(corrupt.clone())?;
        let rows = (self.records.count as usize - b * records::BLOCK).min(records::BLOCK);
        let row =
            records::read_row(block, rows, id as usize % records::BLOCK).ok_or(corrupt.clone())?;
        let key = if row.cols[records::col::MARK_FORM] == records::MarkForm::Literal as u64 {
            None
        } else if let Some(k) = known_key {
            Some(k.to_string())
        } else {
            index::key_of(self.marks.as_fst(), id)
        };
        let owner = |o: u64| -> Option<String> {
            match o {
                0 => Some(String::new()),
                o => self
                    .owners
                    .get_str(&self.bytes, usize::try_from(o - 1).ok()?),
            }
        };
        let classes =
            |c: u64| -> Option<Vec<u8>> { self.classes.get(&self.bytes, usize::try_from(c).ok()?) };
        let lookup = records::RowLookup {
            key: key.as_deref(),
            owner: &owner,
            classes: &classes,
            widths: self.header.number_widths,
        };
        records::decode_row(&row, &lookup).ok_or(corrupt)
    }

    /// What each record a mark-index value leads to protects, read from the record
    /// table's columns without decoding the records (a common word can lead to
    /// hundreds; [`Snapshot::posting_record`] decodes the few a finding cites). A
    /// record the file cannot give back is left out.
    pub fn standings(&self, value: u64) -> Vec<(Posting, Standing)> {
        // The block of the previous posting, its layout and heap entries: a key's
        // records are neighbours.
        let mut block: Option<(usize, records::BlockView<'_>, Vec<&[u8]>)> = None;
        self.postings(value)
            .filter_map(|p| {
                let b = p.id as usize / records::BLOCK;
                if block.as_ref().is_none_or(|(at, _, _)| *at != b) {
                    let bytes = self.records.block(&self.bytes, b)?;
                    let rows =
                        (self.records.count as usize - b * records::BLOCK).min(records::BLOCK);
                    let view = records::BlockView::parse(bytes, rows)?;
                    let heap = view.heap_entries()?;
                    block = Some((b, view, heap));
                }
                let (_, view, heap) = block.as_ref()?;
                let standing = records::standing_of(view, heap, p.id as usize % records::BLOCK)?;
                Some((p, standing))
            })
            .collect()
    }

    /// The Nice classes of a class-set id (a [`Standing`]'s `class_set`); `None` if the
    /// file has no such set.
    pub fn class_set(&self, id: u32) -> Option<Vec<u8>> {
        self.classes.get(&self.bytes, usize::try_from(id).ok()?)
    }

    /// The record with this id. Ids come from [`Snapshot::record_ids`]; an id out of
    /// range or a record damaged in the file (which [`Snapshot::verify`] would have
    /// refused) yields an empty placeholder record rather than a panic — use
    /// [`Snapshot::try_record`] to see the error.
    pub fn record(&self, id: u32) -> Record {
        self.try_record(id)
            .unwrap_or_else(|_| Record::new(crate::register::Register::Watch, "", ""))
    }

    /// Every record filed under the mark key of `text` (as a mark, pseudo-mark or
    /// translation), in record order.
    pub fn lookup(&self, text: &str) -> Vec<Record> {
        let key = as_mark_key(text);
        match self.marks.get(key.as_bytes()) {
            Some(v) => self
                .postings(v)
                .map(|p| self.posting_record(p, &key))
                .collect(),
            None => Vec::new(),
        }
    }

    /// Like [`Snapshot::lookup`], with why each record matched.
    pub fn lookup_postings(&self, text: &str) -> Vec<Posting> {
        match self.marks.get(as_mark_key(text).as_bytes()) {
            Some(v) => self.postings(v).collect(),
            None => Vec::new(),
        }
    }

    /// The Zipf frequency (log10 of occurrences per billion words; 7 for "the", about 3
    /// for ordinary rare words) of a word, if the snapshot carries it.
    pub fn word_zipf(&self, word: &str) -> Option<f32> {
        self.words
            .get(as_mark_key(word).as_bytes())
            .map(word_value_zipf)
    }

    /// Whether the word-frequency source says `word` is mostly written capitalised, as
    /// a name ("Nike", "Disney") rather than an ordinary word ("apple", "dove").
    pub fn word_is_name(&self, word: &str) -> bool {
        self.words
            .get(as_mark_key(word).as_bytes())
            .is_some_and(|v| v & WORD_IS_NAME != 0)
    }

    /// Whether `word` is on a list of first names (see [`WORD_IS_GIVEN_NAME`]).
    pub fn word_is_given_name(&self, word: &str) -> bool {
        self.words
            .get(as_mark_key(word).as_bytes())
            .is_some_and(|v| v & WORD_IS_GIVEN_NAME != 0)
    }

    /// The word-frequency index (word key → Zipf × 100, plus [`WORD_IS_NAME`]; read the
    /// Zipf with [`word_value_zipf`]).
    pub fn words(&self) -> &fst::Map<SectionBytes> {
        &self.words
    }
}
