//! The byte layout of a snapshot file: marker, header, section table and trailer (the
//! varints inside sections are [`crate::codec`]'s).
//!
//! ```text
//! 0        "CLMKSNAP"                      8-byte marker
//! 8        format version                  u32 LE
//! 12       header length H                 u32 LE
//! 16       header                          H bytes of JSON (build date, version, sources, counts)
//! 16+H     section count S                 u32 LE
//! 20+H     S × (id u32, offset u64, len u64 LE), offsets from the start of the file
//! ...      sections (marks fst, postings, record blocks, owners, class sets, words fst,
//!          phrase heads fst)
//! end-104  SHA-256 of bytes [0, end-104)   32 bytes
//! end-72   signed flag (0 or 1)            1 byte
//! end-71   ed25519 signature               64 bytes (zero when unsigned)
//! end-7    "CLMKEND"                       7-byte end marker
//! ```
//!
//! This module owns the layout and its parsing into byte ranges; it must not decode
//! records or verify checksums (that is `records` and `sign`).

use super::SnapshotError;
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// The marker every snapshot starts with.
pub const MAGIC: &[u8; 8] = b"CLMKSNAP";
/// The marker every snapshot ends with.
pub const END_MAGIC: &[u8; 7] = b"CLMKEND";
/// The format version this code writes and reads.
/// Version 2 added the enforcement evidence of curated records (a column and a heap
/// entry of the record table); version 3 added member names to that heap entry and the
/// member-name postings of the index; version 4 added the phrase heads. Older files are
/// refused.
pub const FORMAT_VERSION: u32 = 4;
/// Bytes of the trailer: SHA-256, signed flag, signature, end marker.
pub const TRAILER_LEN: usize = 32 + 1 + 64 + 7;
/// Bytes before the header JSON.
const PREFIX_LEN: usize = 16;
/// Bytes of one section table entry.
const SECTION_ENTRY_LEN: usize = 4 + 8 + 8;

/// The sections of a snapshot, by their id in the section table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    /// `fst::Map` from mark key to index value.
    Marks = 1,
    /// Posting lists for keys that point at several non-adjacent records.
    Postings = 2,
    /// Record table: block offsets, then blocks of encoded records.
    Records = 3,
    /// Owner names, deduplicated.
    Owners = 4,
    /// Distinct sets of Nice classes.
    Classes = 5,
    /// `fst::Map` from word to Zipf frequency × 100.
    Words = 6,
    /// `fst::Set` of the first two words of every mark key of several words, second word
    /// first (`index::phrase_head`).
    PhraseHeads = 7,
}

impl Section {
    /// Every section, in file order.
    pub const ALL: [Section; 7] = [
        Section::Marks,
        Section::Postings,
        Section::Records,
        Section::Owners,
        Section::Classes,
        Section::Words,
        Section::PhraseHeads,
    ];

    /// The section's name in errors and `inspect`.
    pub fn name(self) -> &'static str {
        match self {
            Section::Marks => "marks",
            Section::Postings => "postings",
            Section::Records => "records",
            Section::Owners => "owners",
            Section::Classes => "classes",
            Section::Words => "words",
            Section::PhraseHeads => "phrase heads",
        }
    }
}

/// The header: what the snapshot holds and where it came from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Header {
    /// Format version (also written in binary before the header).
    pub format_version: u32,
    /// The day the snapshot was built, `yyyymmdd`.
    pub build_date: u32,
    /// The snapshot's own version: updates replace a snapshot only with a higher one.
    pub snapshot_version: u64,
    /// The inputs, in the order they were read.
    pub sources: Vec<SourceInfo>,
    /// How many records the record table holds.
    pub records: u32,
    /// How many keys the mark index holds (marks, pseudo-marks, translations).
    pub keys: u64,
    /// How many distinct owners.
    pub owners: u32,
    /// How many words carry a frequency.
    pub words: u64,
    /// Whether dead (abandoned, cancelled, expired) records were kept.
    pub includes_dead: bool,
    /// The usual digit count of numbers in each register (US, EU, Famous, Watch), so
    /// zero-padded numbers are stored as integers.
    pub number_widths: [u8; 4],
}

/// One input of a build.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceInfo {
    /// The kind of source: `uspto-xml`, `uspto-csv`, `euipo-xml`, `famous`, `watch`, `word-freq`, ...
    pub kind: String,
    /// The input's name (file name, package name and version).
    pub name: String,
    /// The date of the data, `yyyymmdd`, 0 when unknown.
    pub date: u32,
    /// Records (or words) read from it.
    pub records: u64,
    /// Records skipped as unreadable.
    pub skipped: u64,
}

/// Where each part of a snapshot lies, found by [`parse_layout`].
#[derive(Debug, Clone)]
pub struct Layout {
    /// The parsed header.
    pub header: Header,
    /// Byte range of each section, in [`Section::ALL`] order.
    pub sections: [Range<usize>; 7],
}

impl Layout {
    /// The byte range of one section.
    pub fn section(&self, s: Section) -> Range<usize> {
        let i = Section::ALL.iter().position(|&x| x == s).unwrap_or(0);
        self.sections[i].clone()
    }
}

fn u32_at(bytes: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(
        bytes.get(at..at.checked_add(4)?)?.try_into().ok()?,
    ))
}

fn u64_at(bytes: &[u8], at: usize) -> Option<u64> {
    Some(u64::from_le_bytes(
        bytes.get(at..at.checked_add(8)?)?.try_into().ok()?,
    ))
}

/// Checks marker, version, header, section table and trailer marker: work proportional to
/// the header, never to the number of marks.
pub fn parse_layout(bytes: &[u8]) -> Result<Layout, SnapshotError> {
    let truncated = SnapshotError::Truncated { len: bytes.len() };
    if bytes.len() < MAGIC.len() {
        return Err(if MAGIC.starts_with(bytes) {
            truncated
        } else {
            SnapshotError::BadMagic
        });
    }
    if &bytes[..MAGIC.len()] != MAGIC {
        return Err(SnapshotError::BadMagic);
    }
    let version = u32_at(bytes, 8).ok_or(truncated.clone())?;
    if version != FORMAT_VERSION {
        return Err(SnapshotError::Version {
            found: version,
            supported: FORMAT_VERSION,
        });
    }
    let header_len = u32_at(bytes, 12).ok_or(truncated.clone())? as usize;
    let header_end = PREFIX_LEN
        .checked_add(header_len)
        .ok_or(truncated.clone())?;
    // Checked: a header length near u32::MAX wraps on 32-bit targets.
    let least = header_end
        .checked_add(4 + TRAILER_LEN)
        .ok_or(truncated.clone())?;
    if bytes.len() < least {
        return Err(truncated);
    }
    if &bytes[bytes.len() - END_MAGIC.len()..] != END_MAGIC {
        // A file cut short ends in the middle of its contents, not with the end marker.
        return Err(truncated);
    }
    let header: Header = serde_json::from_slice(&bytes[PREFIX_LEN..header_end])
        .map_err(|_| SnapshotError::Corrupt { section: "header" })?;
    if header.format_version != version {
        return Err(SnapshotError::Corrupt { section: "header" });
    }
    let body_end = bytes.len() - TRAILER_LEN;
    let corrupt_table = SnapshotError::Corrupt {
        section: "section table",
    };
    let count = u32_at(bytes, header_end).ok_or(corrupt_table.clone())? as usize;
    if count != Section::ALL.len() {
        return Err(corrupt_table);
    }
    let mut sections: [Range<usize>; 7] = Default::default();
    let mut expected_start = header_end + 4 + count * SECTION_ENTRY_LEN;
    for (i, s) in Section::ALL.iter().enumerate() {
        let at = header_end + 4 + i * SECTION_ENTRY_LEN;
        let id = u32_at(bytes, at).ok_or(corrupt_table.clone())?;
        let off = u64_at(bytes, at + 4).ok_or(corrupt_table.clone())?;
        let len = u64_at(bytes, at + 12).ok_or(corrupt_table.clone())?;
        let start = usize::try_from(off).map_err(|_| corrupt_table.clone())?;
        let len = usize::try_from(len).map_err(|_| corrupt_table.clone())?;
        let end = start.checked_add(len).ok_or(corrupt_table.clone())?;
        if id != *s as u32 || start != expected_start || end > body_end {
            return Err(corrupt_table);
        }
        sections[i] = start..end;
        expected_start = end;
    }
    if expected_start != body_end {
        return Err(corrupt_table);
    }
    Ok(Layout { header, sections })
}

/// The length of the whole file that starts with `prefix`, read from its section table
/// (the last section's end plus the trailer), so a reader can reserve the file's memory
/// once before the rest arrives. `Ok(None)` while `prefix` is too short to tell; an
/// error when it is not the start of a snapshot of this format.
pub fn file_len(prefix: &[u8]) -> Result<Option<usize>, SnapshotError> {
    let known = prefix.len().min(MAGIC.len());
    if prefix[..known] != MAGIC[..known] {
        return Err(SnapshotError::BadMagic);
    }
    let (Some(version), Some(header_len)) = (u32_at(prefix, 8), u32_at(prefix, 12)) else {
        return Ok(None);
    };
    if version != FORMAT_VERSION {
        return Err(SnapshotError::Version {
            found: version,
            supported: FORMAT_VERSION,
        });
    }
    let corrupt_table = SnapshotError::Corrupt {
        section: "section table",
    };
    let header_end = PREFIX_LEN
        .checked_add(header_len as usize)
        .ok_or(corrupt_table.clone())?;
    let count = Section::ALL.len();
    let Some(found) = u32_at(prefix, header_end) else {
        return Ok(None);
    };
    if found as usize != count {
        return Err(corrupt_table);
    }
    let last = header_end
        .checked_add(4 + (count - 1) * SECTION_ENTRY_LEN)
        .ok_or(corrupt_table.clone())?;
    let (Some(off), Some(len)) = (u64_at(prefix, last + 4), u64_at(prefix, last + 12)) else {
        return Ok(None);
    };
    off.checked_add(len)
        .and_then(|end| end.checked_add(TRAILER_LEN as u64))
        .and_then(|total| usize::try_from(total).ok())
        .map(Some)
        .ok_or(corrupt_table)
}

/// Writes marker, version, header and section table in front of the section bodies;
/// the caller appends the trailer.
pub fn write_body(header: &Header, sections: &[Vec<u8>; 7]) -> Vec<u8> {
    let json = serde_json::to_vec(header).unwrap_or_default();
    let table_len = 4 + sections.len() * SECTION_ENTRY_LEN;
    let total: usize =
        PREFIX_LEN + json.len() + table_len + sections.iter().map(Vec::len).sum::<usize>();
    let mut out = Vec::with_capacity(total + TRAILER_LEN);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    out.extend_from_slice(&(json.len() as u32).to_le_bytes());
    out.extend_from_slice(&json);
    out.extend_from_slice(&(sections.len() as u32).to_le_bytes());
    let mut offset = (PREFIX_LEN + json.len() + table_len) as u64;
    for (s, body) in Section::ALL.iter().zip(sections) {
        out.extend_from_slice(&(*s as u32).to_le_bytes());
        out.extend_from_slice(&offset.to_le_bytes());
        out.extend_from_slice(&(body.len() as u64).to_le_bytes());
        offset += body.len() as u64;
    }
    for body in sections {
        out.extend_from_slice(body);
    }
    out
}
