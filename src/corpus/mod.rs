//! The reference corpus for copied copy: other sellers' listings, their fingerprints
//! and a compact file format.
//!
//! The pipeline, one module per step: [`input`] reads one listing from a JSON line and
//! `files` whole JSON-lines and CSV files (native only); [`words`] turns a field into hashed words and
//! its MinHash signature, from the functions of [`fingerprint`]; [`index`]'s
//! [`CorpusIndex`] keeps a bounded set of listings (the oldest added is evicted first)
//! with one sorted inverted index from fingerprint to listing; [`file`](mod@file) writes and reads
//! the whole index as one self-checking file, refused with a typed [`CorpusError`] when
//! truncated, damaged or of another version.
//!
//! This module owns storage and candidate lookup. Judging what was copied is the job of
//! `detect::copy`; nothing here knows about findings or the browser.

pub mod file;
#[cfg(not(target_arch = "wasm32"))]
pub mod files;
pub mod fingerprint;
pub mod index;
pub mod input;
pub mod words;

pub use file::{CorpusSizes, FORMAT_VERSION};
#[cfg(not(target_arch = "wasm32"))]
pub use files::read_listings;
pub use index::{CorpusIndex, FieldSketch, DEFAULT_CAPACITY};
pub use input::parse_json_listing;
pub use words::{is_function_word, FieldWords};

use crate::listing::Field;

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
}

#[cfg(test)]
pub(crate) mod tests {
    use super::CorpusListing;

    /// A corpus listing of one bullet, titled after its id: what the index and file
    /// tests add.
    pub(crate) fn listing(id: &str, bullet: &str) -> CorpusListing {
        CorpusListing {
            id: id.into(),
            title: Some(format!("Title of {id}")),
            bullets: vec![bullet.into()],
            ..Default::default()
        }
    }
}
