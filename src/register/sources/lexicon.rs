//! The listing vocabulary: words a marketplace listing uses in their ordinary sense —
//! colours, materials, units and sizes, quantities and packaging, product nouns, plants
//! and animals — read from the project's own list (`data/lexicon/listing-vocabulary.txt`,
//! facts of the language written for Clearmark; see its header) or any file in the same
//! format.
//!
//! Format: UTF-8 text, one word a line; `# name` starts a section (its name is kept for
//! the record of where a word came from), other `#` lines and blank lines are comments.
//! A line with spaces is a compound ("navy blue"): each of its words is vocabulary. A
//! line that is not a word (no letter) is reported with its number and the rest is read.
//! This module only reads; what the vocabulary means for a finding is the detector's.

use std::path::{Path, PathBuf};

/// Why a vocabulary file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum LexiconError {
    /// The file cannot be read.
    #[error("cannot read {path}: {source}")]
    Read {
        /// The file.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// The file holds no word at all.
    #[error("{path} holds no word (one word a line, `#` for comments)")]
    Empty {
        /// The file.
        path: PathBuf,
    },
}

/// One word of the vocabulary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VocabularyWord {
    /// The word, lower-cased.
    pub word: String,
    /// The section it was listed under ("colours", "materials", …).
    pub section: String,
}

/// What a vocabulary file holds: its words and the lines that were not words.
#[derive(Debug, Clone, Default)]
pub struct Vocabulary {
    /// The words, in file order (compounds split into their words).
    pub words: Vec<VocabularyWord>,
    /// Lines passed over: (line number, text).
    pub skipped: Vec<(usize, String)>,
}

/// Reads the vocabulary file at `path`.
pub fn read_vocabulary(path: &Path) -> Result<Vocabulary, LexiconError> {
    let text = std::fs::read_to_string(path).map_err(|source| LexiconError::Read {
        path: path.into(),
        source,
    })?;
    let vocabulary = parse_vocabulary(&text);
    if vocabulary.words.is_empty() {
        return Err(LexiconError::Empty { path: path.into() });
    }
    Ok(vocabulary)
}

/// Parses vocabulary text (see the module docs).
pub fn parse_vocabulary(text: &str) -> Vocabulary {
    let mut out = Vocabulary::default();
    let mut section = String::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim().trim_start_matches('\u{feff}');
        if let Some(comment) = line.strip_prefix('#') {
            let name = comment.trim();
            if let Some(name) = name.strip_prefix("section:") {
                section = name.trim().to_owned();
            }
            continue;
        }
        if line.is_empty() {
            continue;
        }
        if !line.chars().any(char::is_alphabetic) {
            out.skipped.push((n + 1, line.to_owned()));
            continue;
        }
        for word in line.split([' ', '-']).filter(|w| !w.is_empty()) {
            out.words.push(VocabularyWord {
                word: word.to_lowercase(),
                section: section.clone(),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_compounds_and_comments() {
        let v = parse_vocabulary(
            "\u{feff}# a header\n# section: colours\nTeal\nnavy blue\n\n# section: units\nml\n42\n",
        );
        let words: Vec<(&str, &str)> = v
            .words
            .iter()
            .map(|w| (w.word.as_str(), w.section.as_str()))
            .collect();
        assert_eq!(
            words,
            [
                ("teal", "colours"),
                ("navy", "colours"),
                ("blue", "colours"),
                ("ml", "units")
            ]
        );
        assert_eq!(v.skipped, [(8, "42".to_owned())]);
    }

    #[test]
    fn a_file_without_words_is_refused() {
        let dir = std::env::temp_dir().join(format!("clearmark-lexicon-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("empty.txt");
        std::fs::write(&path, "# nothing\n\n").unwrap();
        assert!(matches!(
            read_vocabulary(&path),
            Err(LexiconError::Empty { .. })
        ));
        assert!(matches!(
            read_vocabulary(&dir.join("missing.txt")),
            Err(LexiconError::Read { .. })
        ));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
