//! A field's words as the copy pass and the corpus see them: normalised, hashed, with
//! function words marked, and the MinHash signature and index keys made from them.

use super::fingerprint::{self, MINHASHES};
use crate::text;

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
        fingerprint::minhash(&self.content_words())
    }

    /// The distinct hashes of the field's content words (not function words), sorted.
    pub fn content_words(&self) -> Vec<u64> {
        let mut set: Vec<u64> = self
            .hashes
            .iter()
            .zip(&self.function)
            .filter(|(_, f)| !**f)
            .map(|(h, _)| *h)
            .collect();
        set.sort_unstable();
        set.dedup();
        set
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn function_words_are_sorted() {
        assert!(FUNCTION_WORDS.windows(2).all(|w| w[0] < w[1]));
    }
}
