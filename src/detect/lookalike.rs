//! Lookalikes: words that are not a mark but are meant to read as one — a typo, a
//! doubled, dropped or swapped letter ("Ferari", "Hubasn", "TOOOBS"), found by an
//! edit-distance search of the mark index.
//!
//! The search is a Damerau–Levenshtein automaton run over the FST (fst's own
//! `Automaton` trait, so only the index paths within reach are visited): distance 1 for
//! marks of at least 5 letters, 2 for marks of at least 8. Homoglyph, leetspeak and
//! spacing disguises are caught earlier, by the exact walk over normalised words (see
//! [`marks`](super::marks) and the text normaliser); this module only measures how far a
//! word is from the index. It must not decide whether the mark is distinctive or how
//! severe the finding is.

use fst::{Automaton, IntoStreamer, Streamer};

/// Words longer than this (in bytes) are not searched for: no mark is that long, and the
/// automaton's cost grows with the word.
pub const MAX_WORD_BYTES: usize = 48;

/// A mark key near a word of the listing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Near {
    /// The key of the mark index.
    pub key: String,
    /// Its index value.
    pub value: u64,
    /// The edit distance (insertions, deletions, substitutions, swaps of neighbours).
    pub distance: u8,
}

/// The most edits allowed between a word and a mark of `mark_letters` letters: 1 from
/// 5 letters, 2 from 8, none below 5 (short marks have too many neighbours).
pub fn allowed_edits(mark_letters: usize) -> u8 {
    match mark_letters {
        0..=4 => 0,
        5..=7 => 1,
        _ => 2,
    }
}

/// Mark keys (single words, no spaces) within the allowed distance of `word`, closest
/// first. `word` is a normalised token; identical keys are not returned.
pub fn near<D: AsRef<[u8]>>(map: &fst::Map<D>, word: &str) -> Vec<Near> {
    if word.len() > MAX_WORD_BYTES {
        return Vec::new();
    }
    let letters = word.chars().count();
    // A mark may be one letter longer than the word (a dropped letter), so the search
    // radius follows the longest mark the word could be a typo of.
    let radius = allowed_edits(letters + 1);
    if radius == 0 {
        return Vec::new();
    }
    let aut = Damerau {
        query: word.as_bytes(),
        max: radius,
    };
    let mut stream = map.search(&aut).into_stream();
    let mut out = Vec::new();
    while let Some((key, value)) = stream.next() {
        if key == word.as_bytes() || key.contains(&b' ') {
            continue;
        }
        let Ok(key) = std::str::from_utf8(key) else {
            continue;
        };
        let distance = distance(word, key);
        if distance >= 1 && distance <= allowed_edits(key.chars().count()) {
            out.push(Near {
                key: key.to_owned(),
                value,
                distance,
            });
        }
    }
    out.sort_by_key(|n| n.distance);
    out
}

/// The optimal-string-alignment distance between two words (Damerau–Levenshtein where
/// a swapped pair counts as one edit), in characters.
pub fn distance(a: &str, b: &str) -> u8 {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let w = b.len() + 1;
    let mut d = vec![0usize; (a.len() + 1) * w];
    for (i, row) in d.chunks_mut(w).enumerate() {
        row[0] = i;
    }
    for (j, cell) in d.iter_mut().enumerate().take(w) {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (d[(i - 1) * w + j] + 1)
                .min(d[i * w + j - 1] + 1)
                .min(d[(i - 1) * w + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(d[(i - 2) * w + j - 2] + 1);
            }
            d[i * w + j] = v;
        }
    }
    u8::try_from(d[a.len() * w + b.len()]).unwrap_or(u8::MAX)
}

/// A Damerau–Levenshtein (optimal string alignment) automaton over bytes, small enough
/// to build per word: its state is the last two rows of the distance table.
struct Damerau<'q> {
    query: &'q [u8],
    max: u8,
}

/// Row width: one cell per query byte plus one.
const ROW: usize = MAX_WORD_BYTES + 1;

/// The rows of the distance table after the key bytes read so far (fixed-size, so a
/// transition copies 100 bytes instead of allocating).
#[derive(Clone)]
struct Rows {
    prev: [u8; ROW],
    row: [u8; ROW],
    /// The last key byte read, once there is a previous row.
    last: Option<u8>,
}

impl Automaton for Damerau<'_> {
    type State = Option<Rows>;

    fn start(&self) -> Self::State {
        let mut row = [u8::MAX; ROW];
        for (i, cell) in row.iter_mut().enumerate().take(self.query.len() + 1) {
            *cell = u8::try_from(i).unwrap_or(u8::MAX);
        }
        Some(Rows {
            prev: [u8::MAX; ROW],
            row,
            last: None,
        })
    }

    fn is_match(&self, state: &Self::State) -> bool {
        state
            .as_ref()
            .is_some_and(|s| s.row[self.query.len()] <= self.max)
    }

    fn can_match(&self, state: &Self::State) -> bool {
        state.is_some()
    }

    fn accept(&self, state: &Self::State, byte: u8) -> Self::State {
        let s = state.as_ref()?;
        let q = self.query;
        let mut row = [u8::MAX; ROW];
        row[0] = s.row[0].saturating_add(1);
        let mut least = row[0];
        for j in 1..=q.len() {
            let cost = u8::from(q[j - 1] != byte);
            let mut v = s.row[j]
                .saturating_add(1)
                .min(row[j - 1].saturating_add(1))
                .min(s.row[j - 1].saturating_add(cost));
            if j > 1 && s.last == Some(q[j - 1]) && q[j - 2] == byte {
                v = v.min(s.prev[j - 2].saturating_add(1));
            }
            row[j] = v;
            least = least.min(v);
        }
        if least > self.max {
            return None;
        }
        Some(Rows {
            prev: s.row,
            row,
            last: Some(byte),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index(keys: &[&str]) -> fst::Map<Vec<u8>> {
        let mut keys: Vec<&str> = keys.to_vec();
        keys.sort();
        fst::Map::from_iter(keys.into_iter().enumerate().map(|(i, k)| (k, i as u64))).unwrap()
    }

    fn keys(m: &fst::Map<Vec<u8>>, w: &str) -> Vec<String> {
        near(m, w).into_iter().map(|n| n.key).collect()
    }

    #[test]
    fn typos_of_long_marks_are_near() {
        let m = index(&[
            "ferrari",
            "hubsan",
            "toobs",
            "batarang",
            "minichamps",
            "lego",
            "bionaire",
        ]);
        assert_eq!(keys(&m, "ferari"), ["ferrari"]);
        assert_eq!(keys(&m, "hubasn"), ["hubsan"]);
        assert_eq!(keys(&m, "tooobs"), ["toobs"]);
        assert_eq!(keys(&m, "baatrang"), ["batarang"]);
        assert_eq!(keys(&m, "minichrmps"), ["minichamps"]);
        assert_eq!(keys(&m, "bionarie"), ["bionaire"]);
    }

    #[test]
    fn short_marks_and_far_words_are_not() {
        let m = index(&["lego", "toobs", "ferrari"]);
        assert!(keys(&m, "legs").is_empty());
        assert!(keys(&m, "tubes").is_empty());
        assert!(keys(&m, "ferrari").is_empty());
    }

    #[test]
    fn distance_counts_swaps_once() {
        assert_eq!(distance("hubsan", "hubasn"), 1);
        assert_eq!(distance("disney", "dsiney"), 1);
        assert_eq!(distance("kitten", "sitting"), 3);
    }
}
