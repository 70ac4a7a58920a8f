//! What the snapshot's word index says of a word or a key: how common it is, whether it
//! is a name, a measurement or a famous name, and the records behind a mark key, with
//! the per-word answers kept between checks.

use super::key_records::{KeyRecords, Registers};
use super::ordinary;
use super::phrase_zipf;
use crate::detect::Engine;
use crate::register::snapshot::{listing_vocabulary_in, word_value_zipf, WORD_IS_NAME};
use std::sync::Arc;

/// Below this frequency a word the word evidence holds (or only a list of first names
/// does) may still be one word of a multi-word mark misspelt, where the mark's other
/// words stand exactly around it ("Stanly Quencher", "Hydro Flaks"): so rare a word is
/// less likely there than the mark.
const RARE_WORD_ZIPF: f32 = 2.5;

/// The most letters of a unit glued to a number ("mah", "pcs").
const MEASUREMENT_UNIT_LETTERS: usize = 3;

/// The letters after the digits a word opens with, when there are digits and at most
/// [`MEASUREMENT_UNIT_LETTERS`] ASCII letters after them ("250ml" → "ml", "65W" → "W"):
/// the unit of a quantity, if the listing vocabulary holds it.
pub(super) fn unit_after_number(written: &str) -> Option<&str> {
    let unit = written.trim_start_matches(|c: char| c.is_ascii_digit());
    (unit.len() < written.len()
        && (1..=MEASUREMENT_UNIT_LETTERS).contains(&unit.len())
        && unit.bytes().all(|b| b.is_ascii_alphabetic()))
    .then_some(unit)
}

impl Engine {
    /// The words as written, when they match a name by leaving out its "the" ("big cat"
    /// for Big the Cat), if they are a common phrase: the seller wrote the phrase, not the
    /// name.
    pub(super) fn common_without_the(&self, key: &str, written: &[&str]) -> Option<(String, f32)> {
        if !key.contains(" the ") || written.contains(&"the") {
            return None;
        }
        self.common_word(&written.join(" "))
    }

    /// A name of several words that only brand lists hold, every word of it a known word
    /// or name ("Coral Travel", a travel agency, in "Coral Travel Mug"): a phrase the
    /// words make in ordinary use as often as a brand, judged like an exact phrase of
    /// known words rather than as coined; its phrase frequency as the evidence. A
    /// registration or the curated list vouches for such a phrase as a brand; a brand
    /// list's fame does not: how widely a business is known says nothing of whether its
    /// name is a phrase anyone writes ("Red Lobster" on a doll's-house miniature, "Four
    /// Seasons" as a perfume's name).
    pub(super) fn listed_phrase_of_words(&self, key: &str) -> Option<(String, f32)> {
        if !key.contains(' ') || self.vouched_name(key) {
            return None;
        }
        let mut sum = 0.0;
        let mut count = 0;
        for w in key.split(' ') {
            sum += self.zipf(w).filter(|z| *z >= ordinary::COMMON_ZIPF)?;
            count += 1;
        }
        Some((key.to_owned(), phrase_zipf(sum, count)))
    }

    /// A live record of `key` is a registration or carries the curated list's
    /// enforcement evidence: more than a name on a brand list.
    pub(super) fn vouched_name(&self, key: &str) -> bool {
        self.mark_value(key).is_some_and(|v| {
            let p = &self.records(v, key).protection;
            p.enforced() || p.registered_any()
        })
    }

    /// The lexicon writes the word mostly capitalised, as a name, less often than
    /// [`ordinary::NAME_ZIPF`]: its frequency is owed to the name, not to ordinary use.
    pub(super) fn written_as_a_name(&self, word: &str) -> bool {
        self.word_value(word)
            .is_some_and(|v| v & WORD_IS_NAME != 0 && word_value_zipf(v) < ordinary::NAME_ZIPF)
    }

    /// A mark is distinctive (worth looking for in disguise) when none of its words is
    /// an everyday word (Zipf below [`ordinary::EVERYDAY_ZIPF`]: "disney" and "ferrari"
    /// are, "orange" and "target" are not), a one-word mark is no ordinary known word
    /// (unless famous or a name), and a live registration or a famous brand stands
    /// behind it (not only a name on a brand list).
    pub(super) fn distinctive(&self, key: &str) -> bool {
        let Some(records) = self.mark_value(key).map(|v| self.records(v, key)) else {
            return false;
        };
        // A one-word mark that is itself an ordinary word ("joined", "pajama") is
        // registered as that word: a word near it is a word or a typo of the word, not
        // a disguise of a brand, unless the mark is famous or the word a name.
        let ordinary_word = !key.contains(' ')
            && self.zipf(key).is_some_and(|z| z >= ordinary::KNOWN_ZIPF)
            && !self.word_is_name(key)
            && !records.live_famous;
        !ordinary_word
            && key
                .split(' ')
                .all(|w| self.zipf(w).is_none_or(|z| z < ordinary::EVERYDAY_ZIPF))
            && records.live_backed
    }

    /// When the mark is a common word or phrase: the word (or phrase) and its Zipf
    /// value. A one-word mark is common when the word is; a phrase when all its words
    /// are known and the phrase would be common if its words were independent (Zipf of
    /// the words summed, less 9 per extra word). Digits-only words are neutral.
    pub(super) fn common_word(&self, key: &str) -> Option<(String, f32)> {
        let words = || {
            key.split(' ')
                .filter(|w| !w.chars().all(|c| c.is_ascii_digit()))
        };
        let mut all = words();
        let w = all.next()?;
        if all.next().is_none() {
            // Short letters, or a letter and digits ("T4", "A1": sizes, classes and
            // models as often as brands; not "3M"), read as abbreviations.
            let abbreviation = w.chars().next().is_some_and(char::is_alphabetic)
                && w.chars().all(char::is_alphanumeric)
                && w.chars().count() <= ordinary::ABBREVIATION_LETTERS;
            return if abbreviation {
                Some((w.to_owned(), self.zipf(w).unwrap_or(0.0)))
            } else {
                self.zipf(w)
                    .filter(|z| *z >= ordinary::COMMON_ZIPF)
                    .map(|z| (w.to_owned(), z))
            };
        }
        let (mut sum, mut count) = (0.0, 0usize);
        for w in words() {
            sum += self.zipf(w)?;
            count += 1;
        }
        let phrase = phrase_zipf(sum, count);
        (phrase >= ordinary::COMMON_PHRASE_ZIPF)
            .then(|| (words().collect::<Vec<_>>().join(" "), phrase))
    }

    /// A word the word evidence holds at all (a frequency list, however rarely it is
    /// used, or the listing vocabulary), itself or as the plural of one: a real word or
    /// name, which is nobody's typo. Rarity says how common a word is, not whether it
    /// is one ("caster" is Zipf 1.9).
    pub(super) fn listed_word(&self, word: &str) -> bool {
        let listed = |w: &str| self.word_value(w).is_some();
        listed(word) || word.strip_suffix('s').is_some_and(listed)
    }

    /// A word the word evidence holds, and not only as a rare word or a first name:
    /// itself or as a plural at [`RARE_WORD_ZIPF`] or above, or a word of the listing
    /// vocabulary.
    pub(super) fn held_and_not_rare(&self, word: &str) -> bool {
        let frequent = |w: &str| self.zipf(w).is_some_and(|z| z >= RARE_WORD_ZIPF);
        frequent(word)
            || word.strip_suffix('s').is_some_and(frequent)
            || self.listing_vocabulary(word)
    }

    /// A number with a unit of the listing vocabulary glued on, the unit written in lower
    /// case and short ("3m", "5kg", "2pk"; not "3M", nor a word after digits).
    pub(super) fn is_measurement(&self, written: &str) -> bool {
        unit_after_number(written).is_some_and(|unit| {
            unit.bytes().all(|b| b.is_ascii_lowercase()) && self.listing_vocabulary(unit)
        })
    }

    /// A word the word evidence knows as a word, not mostly as a name ("bumblebee";
    /// not "playstation").
    pub(super) fn ordinary_word(&self, key: &str) -> bool {
        self.word_value(key)
            .is_some_and(|v| v & WORD_IS_NAME == 0 && word_value_zipf(v) >= ordinary::KNOWN_ZIPF)
    }

    /// A word the frequency list knows, itself or as the plural of a known word
    /// ("morphs"): never read as a typo of a mark.
    pub(super) fn known_word(&self, word: &str) -> bool {
        let known = |w: &str| self.zipf(w).is_some_and(|z| z >= ordinary::KNOWN_ZIPF);
        known(word) || word.strip_suffix('s').is_some_and(known)
    }

    pub(super) fn zipf(&self, word: &str) -> Option<f32> {
        self.word_value(word).map(word_value_zipf)
    }

    /// Whether `word` is listing vocabulary ([`listing_vocabulary_in`]), answered from
    /// the word values kept between checks.
    pub(super) fn listing_vocabulary(&self, word: &str) -> bool {
        listing_vocabulary_in(word, |key| self.word_value(key))
    }

    /// The word index writes the word mostly capitalised, as a name (see
    /// [`WORD_IS_NAME`]), answered from the word values kept between checks.
    pub(super) fn word_is_name(&self, key: &str) -> bool {
        self.word_value(key).is_some_and(|v| v & WORD_IS_NAME != 0)
    }

    /// What the word evidence holds of `word`, kept between checks (see `kept_words`).
    pub(super) fn word_value(&self, word: &str) -> Option<u64> {
        self.kept_words
            .evidence(word, || self.snapshot.words().get(word))
    }

    /// A one-word brand of the curated list of enforced marks that the frequency list
    /// mostly writes capitalised, as a name ("Nike", "Disney", "Barbie"), and not so
    /// often that it is mostly a person, place or people ([`ordinary::NAME_ZIPF`]): its
    /// frequency comes from the brand's fame, not from ordinary use, so it is judged as
    /// coined. A name whose owner has sued marketplace sellers is judged as coined however
    /// often it is written: the more famous the brand, the more often its name is written
    /// ("Stanley", "Stitch"). Fame is the curated list's evidence, not a brand list's: a
    /// name only on a brand list ("Saturn", "Everest") is judged as
    /// a name, by its position and goods. Other curated names that are often written
    /// ("Echo") are judged as common words, by their curated classes; ordinary words
    /// that are famous brands too ("apple", "dove", "target") are written lower-case and
    /// stay common; abbreviations ("HP") keep needing evidence of brand use.
    pub(super) fn famous_name(&self, key: &str) -> bool {
        if key.contains(' ') || key.chars().count() <= ordinary::ABBREVIATION_LETTERS {
            return false;
        }
        let Some(name_zipf) = self
            .word_value(key)
            .filter(|v| v & WORD_IS_NAME != 0)
            .map(word_value_zipf)
        else {
            return false;
        };
        self.mark_value(key).is_some_and(|v| {
            let records = self.records(v, key);
            records.live_famous
                && records.live_enforced
                && (name_zipf < ordinary::NAME_ZIPF || records.live_sues_sellers)
        })
    }

    /// The index value of a mark key: the snapshot's, else the watch list's.
    pub(super) fn mark_value(&self, key: &str) -> Option<u64> {
        self.kept_words
            .mark(key, || self.snapshot.marks().get(key))
            .or_else(|| self.watch.marks().get(key))
    }

    /// The records behind the index value of `key` that the options let count, read
    /// once and kept for the rest of the check and for later ones (see [`key_records`]).
    pub(super) fn records(&self, value: u64, key: &str) -> Arc<KeyRecords> {
        let from = Registers {
            snapshot: &self.snapshot,
            watch: &self.watch,
            only: &self.options.registers,
        };
        self.kept.get(value, key, &from)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_unit_is_one_to_three_letters_after_the_digits_a_word_opens_with() {
        assert_eq!(unit_after_number("250ml"), Some("ml"));
        assert_eq!(unit_after_number("65W"), Some("W"));
        assert_eq!(unit_after_number("5000mah"), Some("mah"));
        // Four letters are a word, not a unit; no digits, no quantity; no letters, no
        // unit; anything but letters after the digits is a code.
        assert_eq!(unit_after_number("3pack"), None);
        assert_eq!(unit_after_number("ml"), None);
        assert_eq!(unit_after_number("250"), None);
        assert_eq!(unit_after_number("5k9"), None);
        assert_eq!(unit_after_number("12-v"), None);
    }
}
