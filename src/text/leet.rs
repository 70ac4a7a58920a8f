//! Digits and symbols standing in for letters: `N1ke`, `Adid@s`, `L3GO`, `$ony`.
//!
//! The tokenizer splits `Adid@s` at `@` (a symbol) and keeps `N1ke` whole, so leetspeak
//! is read here, over the normalised stream between white space: a *leet run* is a
//! stretch of letters, digits and the symbols `@ $ ! |` with at least two letters in
//! which a substitute sits before a letter (`N1ke`, `Adid@s`, `4didas`), never after a
//! plain digit (`24pcs`). Two rules bound it at the ends of a word:
//! - `a_digit_ending_a_word_is_a_letter`: one digit after three letters or more ends
//!   the run (`Nik3`, `Adida5`), and so does a dollar sign (`Mento$`: money signs stand
//!   before amounts, not after words); such a *tail-only* run carries its stem (`nik`,
//!   `model`) so that the detector can leave a real word with a number (`Model3`)
//!   alone. Two letters (`PS5`) or another symbol (`Nike!`) never make one.
//! - `a_number_and_a_unit_are_no_leetspeak`: digits opening a word are a quantity, not
//!   letters, when there are two of them or fewer than [`WORD_AFTER_DIGIT`] letters follow
//!   (`12oz`, `40mm`, `3pcs`, `2XL`); one digit before a longer word is read (`4didas`),
//!   and a lone zero before any (`0reo`: nobody sells none of a thing).
//!
//! For each run this module produces the candidate keys (in [`mark_key`](super::mark_key)
//! form) of what the seller may have disguised; the detector looks them up. It must not
//! judge whether a candidate is a mark.

use std::ops::Range;

use super::normalize::NormChar;
use super::tokens::{is_word_char, TokSpan};

/// Most candidate keys produced for one run (`1` reads as `i` or `l`, so ambiguity
/// multiplies; past this the first reading is used).
const MAX_CANDIDATES: usize = 8;

/// The fewest letters after a digit opening a word for the digit to be read as a letter
/// (`4didas`); fewer make a unit (`3pcs`, `5kg`).
pub const WORD_AFTER_DIGIT: usize = 4;

/// The fewest letters before a digit ending a word for the digit to be read as a letter
/// (`Nik3`); fewer make a code (`PS5`).
pub const LETTERS_BEFORE_FINAL_DIGIT: usize = 3;

/// A stretch of a field where digits or symbols stand in for letters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LeetRun {
    /// Start in UTF-16 code units of the original string.
    pub start: usize,
    /// End (exclusive) in UTF-16 code units of the original string.
    pub end: usize,
    /// The indices (into [`Normalized::tokens`](super::Normalized::tokens)) of the
    /// tokens the run covers: `Adid@s` covers `adid` and `s`.
    pub tokens: Range<usize>,
    /// Candidate keys with the substitutes read as letters, in `mark_key` form
    /// (`N1ke` → `nike`, `nlke`), most likely reading first.
    pub candidates: Vec<String>,
    /// The only substitute is a digit or dollar sign ending the word (`Nik3`, `Model3`,
    /// `Mento$`).
    pub tail_only: bool,
    /// The run without that digit, in `mark_key` form (`nik`, `model`); empty unless
    /// `tail_only`.
    pub stem: String,
}

/// The letters a digit or symbol can stand for, most likely first.
pub fn readings(c: char) -> &'static [char] {
    match c {
        '0' => &['o'],
        '1' => &['i', 'l'],
        '3' => &['e'],
        '4' => &['a'],
        '5' => &['s'],
        '7' => &['t'],
        '@' => &['a'],
        '$' => &['s'],
        '!' => &['i'],
        '|' => &['l'],
        _ => &[],
    }
}

fn is_substitute(c: char) -> bool {
    !readings(c).is_empty()
}

/// A substitute that may end a word of letters as one of its letters: a digit, or a
/// dollar sign.
fn is_final_substitute(c: char) -> bool {
    (c.is_ascii_digit() || c == '$') && is_substitute(c)
}

/// Positions (within `run`) of the substitutes that stand for letters.
fn substitutes(run: &[char]) -> Vec<usize> {
    let letters = run.iter().filter(|c| c.is_alphabetic()).count();
    if letters < 2 {
        return Vec::new();
    }
    // A number opening the word is a quantity with its unit (`40mm`, `3pcs`); nobody
    // sells none of a thing, so a lone zero is a letter (`0reo`).
    let opening = run.iter().take_while(|c| c.is_ascii_digit()).count();
    let quantity = opening >= 2 || (opening == 1 && run[0] != '0' && letters < WORD_AFTER_DIGIT);
    let mut out: Vec<usize> = Vec::new();
    for i in 0..run.len() {
        if !is_substitute(run[i]) || (quantity && i < opening) {
            continue;
        }
        let after_ok = run[i + 1..]
            .iter()
            .find(|c| !is_substitute(**c))
            .is_some_and(|c| c.is_alphabetic());
        let before_ok = i == 0 || run[i - 1].is_alphabetic() || out.last() == Some(&(i - 1));
        if after_ok && before_ok {
            out.push(i);
        }
    }
    // Once a run is clearly disguised (`L3G0`), substitutes ending it are letters too.
    if let (Some(&first), Some(last_letter)) =
        (out.first(), run.iter().rposition(|c| c.is_alphabetic()))
    {
        if first < last_letter {
            let tail = run[last_letter + 1..]
                .iter()
                .take_while(|c| is_substitute(**c));
            out.extend((last_letter + 1..).zip(tail).map(|(i, _)| i));
        }
    }
    if out.is_empty() {
        if let Some(last) = final_substitute(run) {
            out.push(last);
        }
    }
    out
}

/// The position of a digit or dollar sign that ends a run of letters and stands for a
/// letter (`Nik3`, `Mento$`): a substitute after at least
/// [`LETTERS_BEFORE_FINAL_DIGIT`] letters and nothing else. An exclamation mark or a
/// bar ending a word is punctuation (`Nike!`).
fn final_substitute(run: &[char]) -> Option<usize> {
    let (&last, before) = run.split_last()?;
    (is_final_substitute(last)
        && before.len() >= LETTERS_BEFORE_FINAL_DIGIT
        && before.iter().all(|c| c.is_alphabetic()))
    .then_some(before.len())
}

/// Each run of the characters `items` hold (as a range of `items`) with the absolute
/// positions of its substitutes; `char_of` reads the character of an item.
fn find_runs<T>(items: &[T], char_of: impl Fn(&T) -> char) -> Vec<(Range<usize>, Vec<usize>)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < items.len() {
        let start = i;
        let mut any_substitute = false;
        while let Some(c) = items.get(i).map(&char_of) {
            // No ASCII letter stands for another.
            let substitute = !c.is_ascii_alphabetic() && is_substitute(c);
            if !(substitute || is_word_char(c)) {
                break;
            }
            any_substitute |= substitute;
            i += 1;
        }
        if i == start {
            // Not in a run.
            i += 1;
            continue;
        }
        if !any_substitute {
            // Nothing in it can stand for a letter (most words).
            continue;
        }
        let run: Vec<char> = items[start..i].iter().map(&char_of).collect();
        let subs = substitutes(&run);
        if !subs.is_empty() {
            out.push((start..i, subs.into_iter().map(|s| s + start).collect()));
        }
    }
    out
}

/// Candidate keys for one word as written (`N1ke` → `["nike", "nlke"]`,
/// `Adid@s` → `["adidas"]`); empty when nothing in it stands for a letter.
pub fn leet_candidates(word: &str) -> Vec<String> {
    let chars: Vec<char> = super::normalize::normalise_chars(word)
        .0
        .iter()
        .map(|nc| nc.c)
        .collect();
    let subs: Vec<usize> = find_runs(&chars, |&c| c)
        .into_iter()
        .flat_map(|(_, s)| s)
        .collect();
    if subs.is_empty() {
        return Vec::new();
    }
    readings_of(&chars, &subs)
}

/// Every reading of `chars` with the substitutes at positions `subs` replaced, as mark
/// keys, deduplicated, most likely first.
fn readings_of(chars: &[char], subs: &[usize]) -> Vec<String> {
    let mut variants: Vec<Vec<char>> = vec![chars.to_vec()];
    for &s in subs {
        let options = readings(chars[s]);
        let mut next = Vec::with_capacity(variants.len() * options.len());
        for v in &variants {
            for (k, &o) in options.iter().enumerate() {
                if k > 0 && variants.len() * options.len() > MAX_CANDIDATES {
                    break;
                }
                let mut w = v.clone();
                w[s] = o;
                next.push(w);
            }
        }
        variants = next;
    }
    let mut keys: Vec<String> = Vec::new();
    for v in variants {
        let key = super::mark_key(&v.into_iter().collect::<String>());
        if !key.is_empty() && !keys.contains(&key) {
            keys.push(key);
        }
    }
    keys
}

/// Finds the leet runs of a normalised field and marks the tokens they cover.
pub(crate) fn runs(chars: &[NormChar], spans: &[TokSpan]) -> Vec<LeetRun> {
    let mut out = Vec::new();
    for (run, subs) in find_runs(chars, |nc| nc.c) {
        let (start, i) = (run.start, run.end);
        let plain: Vec<char> = chars[run].iter().map(|nc| nc.c).collect();
        let subs: Vec<usize> = subs.into_iter().map(|s| s - start).collect();
        let first = spans.partition_point(|s| s.chars.end <= start);
        let last = spans.partition_point(|s| s.chars.start < i);
        let tail_only = subs.len() == 1 && final_substitute(&plain) == Some(subs[0]);
        let stem = if tail_only {
            super::mark_key(&plain[..plain.len() - 1].iter().collect::<String>())
        } else {
            String::new()
        };
        out.push(LeetRun {
            start: chars[start].start16 as usize,
            end: chars[i - 1].end16 as usize,
            tokens: first..last.max(first),
            candidates: readings_of(&plain, &subs),
            tail_only,
            stem,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_and_symbols_amid_letters_are_read_as_letters() {
        assert_eq!(leet_candidates("N1ke"), vec!["nike", "nlke"]);
        assert_eq!(leet_candidates("Adid@s"), vec!["adidas"]);
        assert_eq!(
            leet_candidates("L3G0"),
            vec!["lego"],
            "a disguised run ends in letters too"
        );
        assert_eq!(leet_candidates("L3GO"), vec!["lego"]);
        assert_eq!(leet_candidates("$ony"), vec!["sony"]);
        assert_eq!(leet_candidates("4didas"), vec!["adidas"]);
        assert_eq!(leet_candidates("B00ST"), vec!["boost"]);
        assert_eq!(
            leet_candidates("L3G20"),
            vec!["leg20"],
            "only substitutes right after"
        );
    }

    #[test]
    fn ordinary_numbers_and_models_are_left_alone() {
        for w in [
            "PS5", "4K", "3M", "24pcs", "Nike!", "1080p", "2024", "apple", "X4", "A369i",
        ] {
            assert_eq!(leet_candidates(w), Vec::<String>::new(), "{w}");
        }
    }

    #[test]
    fn a_number_and_a_unit_are_no_leetspeak() {
        for w in [
            "12oz", "40mm", "3pcs", "2XL", "5kg", "4pk", "10pcs", "3mm", "1set", "00gauge",
        ] {
            assert_eq!(leet_candidates(w), Vec::<String>::new(), "{w}");
        }
        // One digit before a word of WORD_AFTER_DIGIT letters or more is a letter, and
        // a lone zero before fewer: nobody sells none of a thing.
        assert_eq!(leet_candidates("4dids"), vec!["adids"]);
        assert_eq!(leet_candidates("0reo"), vec!["oreo"]);
        assert_eq!(leet_candidates("00reo"), Vec::<String>::new());
        assert_eq!(
            leet_candidates("4pcs"),
            Vec::<String>::new(),
            "3 letters: a unit"
        );
    }

    #[test]
    fn a_digit_ending_a_word_is_a_letter() {
        assert_eq!(leet_candidates("Nik3"), vec!["nike"]);
        assert_eq!(leet_candidates("Adida5"), vec!["adidas"]);
        assert_eq!(
            leet_candidates("Model3"),
            vec!["modele"],
            "the detector checks the stem"
        );
        assert_eq!(leet_candidates("Leg0"), vec!["lego"]);
        assert_eq!(
            leet_candidates("Mento$"),
            vec!["mentos"],
            "a dollar sign after a word stands for its s"
        );
        assert_eq!(leet_candidates("US$"), Vec::<String>::new(), "a currency");
        // LETTERS_BEFORE_FINAL_DIGIT letters at least, one digit only, a digit only.
        assert_eq!(leet_candidates("Ab3"), Vec::<String>::new());
        assert_eq!(leet_candidates("Nike33"), Vec::<String>::new());
        assert_eq!(leet_candidates("Nike!"), Vec::<String>::new());
        assert_eq!(
            leet_candidates("Nike2"),
            Vec::<String>::new(),
            "2 reads as no letter"
        );
    }

    #[test]
    fn tail_only_runs_carry_their_stem() {
        let n = super::super::normalize("Nik3 Model3 N1ke");
        let runs: Vec<(bool, &str)> = n
            .leet_runs()
            .iter()
            .map(|r| (r.tail_only, r.stem.as_str()))
            .collect();
        assert_eq!(runs, [(true, "nik"), (true, "model"), (false, "")]);
    }

    #[test]
    fn ambiguity_is_bounded() {
        let c = leet_candidates("a1b1c1d1e1f1");
        assert!(!c.is_empty() && c.len() <= MAX_CANDIDATES, "{c:?}");
        assert_eq!(c[0], "aibicidieifi");
    }

    #[test]
    fn each_substitute_reads_as_the_letters_it_looks_like() {
        // The leetspeak table, written out: 0 o, 1 i or l, 3 e, 4 a, 5 s, 7 t, @ a, $ s,
        // ! i, | l; no other digit or symbol is a letter.
        assert_eq!(readings('0'), ['o']);
        assert_eq!(readings('1'), ['i', 'l']);
        assert_eq!(readings('3'), ['e']);
        assert_eq!(readings('4'), ['a']);
        assert_eq!(readings('5'), ['s']);
        assert_eq!(readings('7'), ['t']);
        assert_eq!(readings('@'), ['a']);
        assert_eq!(readings('$'), ['s']);
        assert_eq!(readings('!'), ['i']);
        assert_eq!(readings('|'), ['l']);
        for c in ['2', '6', '8', '9', '#', '&', 'a', 'l', ' '] {
            assert_eq!(readings(c), [] as [char; 0], "{c:?}");
        }
        // The same readings inside words.
        assert_eq!(leet_candidates("7oyota"), ["toyota"]);
        assert_eq!(leet_candidates("N!ke"), ["nike"]);
        assert_eq!(leet_candidates("|ego"), ["lego"]);
        assert_eq!(leet_candidates("S0ny"), ["sony"]);
        assert_eq!(leet_candidates("H3llo"), ["hello"]);
        assert_eq!(leet_candidates("5kates"), ["skates"]);
        assert_eq!(leet_candidates("G4p"), ["gap"]);
    }

    #[test]
    fn a_run_needs_two_letters() {
        // Two letters around a substitute are enough; one is not.
        assert_eq!(leet_candidates("N1k"), ["nik", "nlk"]);
        assert_eq!(leet_candidates("@b"), Vec::<String>::new());
    }

    #[test]
    fn a_substitute_after_a_plain_digit_is_no_letter() {
        // `$` sits before a letter, but after the digit 2, which stands for no letter.
        assert_eq!(leet_candidates("Go2$hop"), Vec::<String>::new());
        // After a substitute read as a letter it is read too.
        assert_eq!(leet_candidates("B0$s"), ["boss"]);
    }

    #[test]
    fn a_disguised_run_reads_the_substitutes_ending_it() {
        // N1ke is disguised, so the 5 after its last letter is an s.
        assert_eq!(leet_candidates("N1ke5"), ["nikes", "nlkes"]);
        assert_eq!(leet_candidates("L3G0!"), ["legoi"]);
    }

    #[test]
    fn the_first_three_ambiguous_substitutes_are_read_both_ways() {
        // Each 1 reads as i, then l; 2 x 2 x 2 = MAX_CANDIDATES readings for the first
        // three, and every later 1 reads as i only.
        assert_eq!(
            leet_candidates("a1b1c1d1e1f1"),
            [
                "aibicidieifi",
                "aibicldieifi",
                "aiblcidieifi",
                "aiblcldieifi",
                "albicidieifi",
                "albicldieifi",
                "alblcidieifi",
                "alblcldieifi",
            ]
        );
    }
}
