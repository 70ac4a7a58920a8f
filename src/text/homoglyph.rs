//! Letters of other scripts that look like Latin letters (Cyrillic `а`, Greek `Ο`,
//! Armenian `օ`), and the one rule that decides when a token is folded to Latin.
//!
//! The table is keyed on the character as written, before lower-casing, because case
//! changes the look: Greek capital `Ν` looks like `N`, its small `ν` looks like `v`.
//! This module owns the table and the folding decision; it must not tokenise or know
//! about marks. The rule, for one token:
//! - a token that mixes Latin letters with lookalikes (`Аpple` with a Cyrillic `А`) is
//!   folded — a mixed-script word is itself evidence of a disguised mark;
//! - a token made only of lookalikes (`АРРLЕ` minus the Latin, e.g. Cyrillic `ОХО`) is
//!   folded only when the field around it is mostly Latin, so a Russian or Greek word in
//!   Russian or Greek text stays what it is and never matches a Latin mark;
//! - a token with any non-Latin letter that has no Latin lookalike (`пример`) is a real
//!   word of its script and is never folded.

/// The Latin letter (lower case) that `c`, as written, is easily mistaken for, when `c`
/// is a Cyrillic, Greek or Armenian letter. `None` for everything else, Latin included.
///
/// A capital missing from the table whose small letter is in it (Armenian `Օ`, `օ`)
/// counts as that small letter: keys are lower-cased, so otherwise a key would fold
/// differently when normalised again and `mark_key` would not be idempotent.
pub fn latin_lookalike(c: char) -> Option<char> {
    listed(c).or_else(|| {
        let mut small = c.to_lowercase();
        match (small.next(), small.next()) {
            (Some(s), None) if s != c => listed(s),
            _ => None,
        }
    })
}

/// The table entry for `c` exactly as written.
fn listed(c: char) -> Option<char> {
    LOOKALIKES
        .binary_search_by_key(&c, |&(from, _)| from)
        .ok()
        .map(|i| LOOKALIKES[i].1)
}

/// Whether `c` is a letter of the Latin script (ASCII letters and the Latin-1, Latin
/// Extended and Latin Extended Additional blocks).
pub fn is_latin_letter(c: char) -> bool {
    c.is_ascii_alphabetic()
        || (c.is_alphabetic()
            && matches!(c as u32,
                0x00C0..=0x024F | 0x1E00..=0x1EFF | 0x2C60..=0x2C7F | 0xA720..=0xA7FF | 0xAB30..=0xAB6F))
}

/// Characters as written → the Latin letter they pass for, sorted by code point.
const LOOKALIKES: &[(char, char)] = &[
    // Greek capitals and the small letters that keep their look.
    ('\u{0391}', 'a'), // Α
    ('\u{0392}', 'b'), // Β
    ('\u{0395}', 'e'), // Ε
    ('\u{0396}', 'z'), // Ζ
    ('\u{0397}', 'h'), // Η
    ('\u{0399}', 'i'), // Ι
    ('\u{039A}', 'k'), // Κ
    ('\u{039C}', 'm'), // Μ
    ('\u{039D}', 'n'), // Ν
    ('\u{039F}', 'o'), // Ο
    ('\u{03A1}', 'p'), // Ρ
    ('\u{03A4}', 't'), // Τ
    ('\u{03A5}', 'y'), // Υ
    ('\u{03A7}', 'x'), // Χ
    ('\u{03B1}', 'a'), // α
    ('\u{03B9}', 'i'), // ι
    ('\u{03BA}', 'k'), // κ
    ('\u{03BD}', 'v'), // ν
    ('\u{03BF}', 'o'), // ο
    ('\u{03C1}', 'p'), // ρ
    ('\u{03C5}', 'u'), // υ
    ('\u{03C7}', 'x'), // χ
    ('\u{03F2}', 'c'), // ϲ lunate sigma
    ('\u{03F3}', 'j'), // ϳ
    ('\u{03F9}', 'c'), // Ϲ
    // Cyrillic capitals.
    ('\u{0405}', 's'), // Ѕ
    ('\u{0406}', 'i'), // І
    ('\u{0408}', 'j'), // Ј
    ('\u{0410}', 'a'), // А
    ('\u{0412}', 'b'), // В
    ('\u{0415}', 'e'), // Е
    ('\u{041A}', 'k'), // К
    ('\u{041C}', 'm'), // М
    ('\u{041D}', 'h'), // Н
    ('\u{041E}', 'o'), // О
    ('\u{0420}', 'p'), // Р
    ('\u{0421}', 'c'), // С
    ('\u{0422}', 't'), // Т
    ('\u{0423}', 'y'), // У
    ('\u{0425}', 'x'), // Х
    // Cyrillic small letters that look Latin in every common font.
    ('\u{0430}', 'a'), // а
    ('\u{0435}', 'e'), // е
    ('\u{043E}', 'o'), // о
    ('\u{0440}', 'p'), // р
    ('\u{0441}', 'c'), // с
    ('\u{0443}', 'y'), // у
    ('\u{0445}', 'x'), // х
    ('\u{0455}', 's'), // ѕ
    ('\u{0456}', 'i'), // і
    ('\u{0458}', 'j'), // ј
    ('\u{0474}', 'v'), // Ѵ
    ('\u{0475}', 'v'), // ѵ
    ('\u{04AE}', 'y'), // Ү
    ('\u{04AF}', 'y'), // ү
    ('\u{04BB}', 'h'), // һ
    ('\u{04C0}', 'i'), // Ӏ palochka
    ('\u{04CF}', 'l'), // ӏ
    ('\u{0501}', 'd'), // ԁ
    ('\u{051A}', 'q'), // Ԛ
    ('\u{051B}', 'q'), // ԛ
    ('\u{051C}', 'w'), // Ԝ
    ('\u{051D}', 'w'), // ԝ
    // Armenian small letters.
    ('\u{0570}', 'h'), // հ
    ('\u{0578}', 'n'), // ո
    ('\u{057D}', 'u'), // ս
    ('\u{0585}', 'o'), // օ
];

/// What the letters of one token are made of, before any folding.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct LetterMix {
    /// Latin letters.
    pub latin: usize,
    /// Non-Latin letters that have a Latin lookalike.
    pub lookalike: usize,
    /// Non-Latin letters without one (a real word of another script).
    pub other: usize,
}

impl LetterMix {
    /// Counts one character as written (`fold` is its Latin lookalike, if any).
    pub fn add(&mut self, c: char, fold: Option<char>) {
        if fold.is_some() {
            self.lookalike += 1;
        } else if is_latin_letter(c) {
            self.latin += 1;
        } else if c.is_alphabetic() {
            self.other += 1;
        }
    }

    /// The module's folding rule: fold when lookalikes sit among Latin letters, or when
    /// the token is made only of lookalikes and the field around it is mostly Latin.
    pub fn should_fold(&self, field_mostly_latin: bool) -> bool {
        self.lookalike > 0 && (self.latin > 0 || (self.other == 0 && field_mostly_latin))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_sorted_for_binary_search() {
        assert!(LOOKALIKES.windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn case_decides_the_look() {
        assert_eq!(latin_lookalike('Ν'), Some('n'));
        assert_eq!(latin_lookalike('ν'), Some('v'));
        assert_eq!(latin_lookalike('а'), Some('a'));
        assert_eq!(latin_lookalike('А'), Some('a'));
        assert_eq!(
            latin_lookalike('a'),
            None,
            "Latin is not a lookalike of itself"
        );
        assert_eq!(latin_lookalike('п'), None);
    }

    #[test]
    fn folding_rule() {
        let mix = |s: &str| {
            let mut m = LetterMix::default();
            s.chars().for_each(|c| m.add(c, latin_lookalike(c)));
            m
        };
        assert!(mix("Аpple").should_fold(false), "mixed script always folds");
        assert!(
            mix("ОХО").should_fold(true),
            "all-lookalike word in Latin text"
        );
        assert!(!mix("ОХО").should_fold(false), "…but not in Cyrillic text");
        assert!(!mix("пример").should_fold(true), "a real Russian word");
        assert!(!mix("apple").should_fold(true), "nothing to fold");
    }
}
