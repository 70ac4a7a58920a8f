//! Text as the detector sees it: normalised, tokenised, with an exact map back to the
//! UTF-16 offsets of the seller's original string.
//!
//! [`normalize`] is the one entry point: it applies Unicode NFKC and case folding,
//! removes invisible characters (zero-width space and joiners, word joiner, BOM, soft
//! hyphen, bidi controls, variation selectors), folds Cyrillic/Greek/Armenian lookalikes
//! of Latin letters inside tokens that are disguised (mixed-script `Аpple`, or all
//! lookalikes in Latin text — see `homoglyph` for the rule), and splits the result into
//! [`Token`]s that know their UTF-16 span in the original, how they were capitalised,
//! what joins them to the next word and whether they were disguised. [`mark_key`] is the
//! key marks are indexed under; by construction it is the tokens of `normalize(s)` joined
//! by single spaces. [`leet_candidates`] and [`Normalized::leet_runs`] read digits and
//! symbols that stand in for letters. The `utf16` helpers slice original text by UTF-16
//! range without ever panicking.
//!
//! ```
//! use clearmark::text::{mark_key, normalize, slice_utf16, Joiner, Shape};
//!
//! let original = "Genuine Аpple™ iPhone's case, Lego-compatible";
//! let n = normalize(original);
//! let words: Vec<&str> = n.tokens().iter().map(|t| t.text.as_str()).collect();
//! assert_eq!(words, ["genuine", "apple", "iphone", "case", "lego", "compatible"]);
//!
//! let apple = &n.tokens()[1];
//! assert!(apple.homoglyphs_folded && apple.trademark_sign);
//! assert_eq!(slice_utf16(original, apple.start..apple.end), Some("Аpple"));
//! assert_eq!(n.tokens()[2].shape, Shape::Camel);
//! assert!(n.tokens()[2].possessive);
//! assert_eq!(n.tokens()[4].joiner, Joiner::Hyphen);
//! assert_eq!(mark_key(original), words.join(" "));
//! ```
//!
//! This module must not know about registers, snapshots or the browser.

mod homoglyph;
mod leet;
mod normalize;
mod tokens;
mod utf16;

pub use homoglyph::{is_latin_letter, latin_lookalike};
pub use leet::{leet_candidates, readings as leet_readings, LeetRun};
pub use normalize::{is_invisible, is_trademark_sign, Normalized};
pub use tokens::{Joiner, Script, Shape, Token};
pub use utf16::{byte_offset, slice_utf16, utf16_len, utf16_offset, Utf16Cursor};

use std::borrow::Cow;

/// Normalises one field of a listing: its tokens with UTF-16 spans into `original`, the
/// normalised text with a map back, and the leet runs. Never panics, whatever the input.
pub fn normalize(original: &str) -> Normalized {
    normalize::build(original, true)
}

/// [`normalize`] without the leet runs ([`Normalized::leet_runs`] is empty; tokens'
/// `leet` flags stay false): for callers that compare words only, like the copied-copy
/// pass, at a fraction of the cost.
pub fn normalize_words(original: &str) -> Normalized {
    normalize::build(original, false)
}

/// The key a mark is indexed under in the snapshot and looked up by: the tokens of
/// [`normalize`] joined by single spaces (NFKC, case-folded, invisible characters
/// removed, disguised homoglyphs folded, possessive `'s` dropped, punctuation and
/// trademark signs separating words). The detector builds the same key from listing
/// text, so both sides must call this one function.
pub fn mark_key(mark: &str) -> String {
    as_mark_key(mark).into_owned()
}

/// [`mark_key`], borrowing `text` when it already is a key of plain words: lower-case
/// ASCII letters and digits, one space between words. Such text is its own key (each
/// character is a chunk and a word character of its own, nothing folds), so the
/// detector's lookups of words and keys it already holds cost no normalising. Words
/// of ASCII letters and digits in any case ("Disney", "PlayStation 5") are their own
/// key lower-cased, also without normalising.
pub fn as_mark_key(text: &str) -> Cow<'_, str> {
    let mut capitals = false;
    let plain_word = |w: &str| {
        !w.is_empty()
            && w.bytes().all(|b| {
                capitals |= b.is_ascii_uppercase();
                b.is_ascii_alphanumeric()
            })
    };
    if text.split(' ').all(plain_word) {
        return if capitals {
            Cow::Owned(text.to_ascii_lowercase())
        } else {
            Cow::Borrowed(text)
        };
    }
    let n = normalize::build(text, false);
    Cow::Owned(n.key(0..n.tokens().len()).unwrap_or_default())
}

/// A key with its Latin letters' accents taken off (`chloé` → `chloe`, `citroën` →
/// `citroen`), as sellers type them: a letter whose decomposition is an ASCII letter
/// and combining marks becomes that letter; every other character stays (`ß`, `ø`,
/// and kana, whose marks change the sound, are no accented Latin letters). Borrowed
/// when nothing comes off.
pub fn without_accents(key: &str) -> Cow<'_, str> {
    use unicode_normalization::char::{decompose_canonical, is_combining_mark};
    if key.is_ascii() {
        return Cow::Borrowed(key);
    }
    let plain = |c: char| {
        let mut parts = Vec::with_capacity(3);
        decompose_canonical(c, |p| parts.push(p));
        match parts.split_first() {
            Some((&base, marks))
                if base.is_ascii_alphabetic()
                    && !marks.is_empty()
                    && marks.iter().all(|&m| is_combining_mark(m)) =>
            {
                base
            }
            _ => c,
        }
    };
    let folded: String = key.chars().map(plain).collect();
    if folded == key {
        Cow::Borrowed(key)
    } else {
        Cow::Owned(folded)
    }
}

/// [`mark_key`] without the spaces: `Play Station`, `Play-Station` and `PlayStation`
/// all give `playstation`. For spotting spacing tricks; never the snapshot's key.
pub fn compact_key(text: &str) -> String {
    normalize::build(text, false)
        .tokens()
        .iter()
        .map(|t| t.text.as_str())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accents_come_off_latin_letters_only() {
        assert_eq!(without_accents("chloé"), "chloe");
        assert_eq!(without_accents("citroën ami"), "citroen ami");
        assert_eq!(without_accents("mötley crüe"), "motley crue");
        assert_eq!(
            without_accents("kérastase résistance"),
            "kerastase resistance"
        );
        // Not accented Latin letters: kept.
        assert!(matches!(without_accents("straße"), Cow::Borrowed("straße")));
        assert_eq!(without_accents("ørsted"), "ørsted");
        assert_eq!(without_accents("ポケモン"), "ポケモン");
        assert_eq!(without_accents("宝可梦"), "宝可梦");
        assert!(matches!(without_accents("lego"), Cow::Borrowed("lego")));
    }

    fn words(s: &str) -> Vec<String> {
        normalize(s)
            .tokens()
            .iter()
            .map(|t| t.text.to_string())
            .collect()
    }

    #[test]
    fn a_character_nfkc_spells_as_several_ideographs_is_no_word() {
        // Found by the idempotence property: "㋿" keyed to "令和", which keyed to "令 和".
        for c in ["㋿", "🈀", "㍿"] {
            assert_eq!(mark_key(c), "", "{c}");
        }
        assert_eq!(mark_key("令和"), "令 和");
        assert_eq!(mark_key("迪士尼㋿公主"), "迪 士 尼 公 主");
    }

    #[test]
    fn mark_key_is_a_fixed_point_for_every_greek_cyrillic_and_armenian_letter() {
        // Found by the idempotence property: "ՕA" keyed to "օa", which keyed to "oa".
        for c in ('\u{0370}'..='\u{058F}').filter(|c| c.is_alphabetic()) {
            for text in [
                format!("{c}A"),
                format!("A{c}"),
                c.to_string(),
                format!("{c}{c}"),
            ] {
                let k = mark_key(&text);
                assert_eq!(mark_key(&k), k, "{text:?} (U+{:04X})", c as u32);
            }
        }
    }

    #[test]
    fn mark_key_folds_case_width_and_punctuation() {
        assert_eq!(mark_key("Hot-Wheels®"), "hot wheels");
        assert_eq!(mark_key("ＬＥＧＯ"), "lego");
        assert_eq!(mark_key("  Melissa & Doug "), "melissa doug");
        assert_eq!(mark_key("McDONALD'S"), "mcdonald");
        assert_eq!(
            mark_key("LEGO™"),
            "lego",
            "™ must not become the letters tm"
        );
        assert_eq!(mark_key(""), "");
    }

    #[test]
    fn spacing_and_punctuation_variants() {
        assert_eq!(words("Play Station"), ["play", "station"]);
        assert_eq!(compact_key("Play Station"), "playstation");
        assert_eq!(compact_key("Play-Station"), "playstation");
        assert_eq!(words("Disney's Frozen"), ["disney", "frozen"]);
        assert_eq!(words("Disney’s"), ["disney"]);
        assert_eq!(words("Rock'n'roll"), ["rock", "n", "roll"]);
        let n = normalize("PlayStation");
        assert_eq!(n.tokens()[0].text, "playstation");
        assert_eq!(n.tokens()[0].case_breaks, [4]);
    }

    #[test]
    fn invisible_characters_do_not_split_words_but_are_recorded() {
        let n = normalize("Ap\u{200B}ple and N\u{AD}ike\u{200D}");
        let t = n.tokens();
        assert_eq!(t[0].text, "apple");
        assert!(t[0].invisible);
        assert_eq!((t[0].start, t[0].end), (0, 6));
        assert!(!t[1].invisible);
        assert_eq!(t[2].text, "nike");
        assert!(t[2].invisible);
    }

    #[test]
    fn homoglyphs_fold_in_disguise_but_not_in_real_words() {
        let n = normalize("Аpple slicer");
        assert_eq!(n.tokens()[0].text, "apple");
        assert_eq!(n.tokens()[0].script, Script::Mixed);
        assert!(n.tokens()[0].homoglyphs_folded);

        let n = normalize("Peeler by ОХО, soft grip");
        assert_eq!(n.tokens()[2].text, "oxo");
        assert_eq!(n.tokens()[2].script, Script::Other);

        // A Russian sentence stays Russian, even words made only of lookalikes.
        let n = normalize("Сор и пример");
        assert_eq!(words("Сор и пример"), ["сор", "и", "пример"]);
        assert!(n.tokens().iter().all(|t| !t.homoglyphs_folded));
        assert_eq!(
            words("Ѕопу"),
            ["ѕопу"],
            "alone, no Latin context: not folded"
        );
        assert_eq!(words("Ѕопу TV"), ["ѕопу", "tv"], "п has no lookalike");
    }

    #[test]
    fn shapes() {
        let shapes: Vec<Shape> = normalize("apple Apple APPLE iPhone N1ke 家 A 42")
            .tokens()
            .iter()
            .map(|t| t.shape)
            .collect();
        use Shape::*;
        assert_eq!(
            shapes,
            [Lower, Title, Upper, Camel, MixedDigit, Uncased, Title, Uncased]
        );
        assert_eq!(normalize("XMLHttp").tokens()[0].case_breaks, [3]);
    }

    #[test]
    fn joiners_and_trademark_signs() {
        let n = normalize("Lego-compatible Adid@s M&M Nike® shoes 3.5 in");
        let j: Vec<Joiner> = n.tokens().iter().map(|t| t.joiner).collect();
        use Joiner::*;
        assert_eq!(
            j,
            [
                Hyphen,
                Space,
                Symbol('@'),
                Space,
                Symbol('&'),
                Space,
                Other,
                Space,
                Symbol('.'),
                Space,
                End
            ]
        );
        assert!(n.tokens()[6].trademark_sign);
    }

    #[test]
    fn sentence_starts() {
        let n = normalize("Great gift. Kids love it! 3.5 inch\nApple slicer");
        let starts: Vec<&str> = n
            .tokens()
            .iter()
            .filter(|t| t.sentence_start)
            .map(|t| t.text.as_str())
            .collect();
        assert_eq!(starts, ["great", "kids", "3", "apple"]);
    }

    #[test]
    fn leet_runs_cover_tokens_split_by_symbols() {
        let original = "Shoes like Adid@s and N1ke, PS5 ready";
        let n = normalize(original);
        let runs = n.leet_runs();
        assert_eq!(runs.len(), 2);
        assert_eq!(
            slice_utf16(original, runs[0].start..runs[0].end),
            Some("Adid@s")
        );
        assert_eq!(runs[0].candidates, ["adidas"]);
        assert_eq!(n.key(runs[0].tokens.clone()).as_deref(), Some("adid s"));
        assert_eq!(runs[1].candidates, ["nike", "nlke"]);
        let leet: Vec<&str> = n
            .tokens()
            .iter()
            .filter(|t| t.leet)
            .map(|t| t.text.as_str())
            .collect();
        assert_eq!(leet, ["adid", "s", "n1ke"]);
    }

    #[test]
    fn one_character_expanding_into_words_stays_one_token() {
        let original = "½ price";
        let n = normalize(original);
        assert_eq!(n.tokens()[0].text, "12");
        assert_eq!((n.tokens()[0].start, n.tokens()[0].end), (0, 1));
        assert_eq!(n.tokens()[1].start, 2);
    }

    #[test]
    fn emoji_cjk_and_combining_marks_keep_offsets() {
        let original = "👨‍👩‍👧 家具 Cafe\u{301} 😀ok";
        let n = normalize(original);
        let spans: Vec<(&str, Option<&str>)> = n
            .tokens()
            .iter()
            .map(|t| (t.text.as_str(), slice_utf16(original, t.start..t.end)))
            .collect();
        assert_eq!(
            spans,
            [
                ("家", Some("家")),
                ("具", Some("具")),
                ("café", Some("Cafe\u{301}")),
                ("ok", Some("ok"))
            ]
        );
    }

    #[test]
    fn each_ideograph_and_kana_is_a_word_of_its_own_joined_as_by_a_space() {
        assert_eq!(words("宝可梦皮卡丘"), ["宝", "可", "梦", "皮", "卡", "丘"]);
        assert_eq!(words("ピカチュウ"), ["ピ", "カ", "チ", "ュ", "ウ"]);
        assert_eq!(mark_key("迪士尼"), "迪 士 尼");
        // Hangul is written with spaces between words: a word stays one token.
        assert_eq!(words("피카츄 인형"), ["피카츄", "인형"]);
        // Latin next to ideographs is a word of its own.
        assert_eq!(words("Disney迪士尼"), ["disney", "迪", "士", "尼"]);
        let n = normalize("迪士尼公主");
        assert!(n.tokens()[..4].iter().all(|t| t.joiner == Joiner::Space));
    }

    #[test]
    fn a_character_nfkc_spells_as_a_digit_and_an_ideograph_is_no_word_either() {
        // ㏠ (U+33E0, "day one") is 1日 under NFKC; what came before it in the word stays.
        assert_eq!(mark_key("㏠"), "");
        assert_eq!(mark_key("a㏠"), "a");
    }

    #[test]
    fn a_combining_mark_that_composes_with_nothing_stays_in_its_word() {
        // n + diaeresis has no precomposed form: the mark stays, inside the word.
        assert_eq!(words("Spin\u{308}al Tap"), ["spin\u{308}al", "tap"]);
    }

    #[test]
    fn after_a_number_an_apostrophe_s_is_a_word_not_a_possessive() {
        assert_eq!(words("1990's hits"), ["1990", "s", "hits"]);
        assert_eq!(words("Levi's jeans"), ["levi", "jeans"]);
    }

    #[test]
    fn one_apostrophe_between_words_joins_them_as_an_apostrophe() {
        let n = normalize("Rock'n'roll Levi’s");
        let j: Vec<Joiner> = n.tokens().iter().map(|t| t.joiner).collect();
        use Joiner::*;
        assert_eq!(j, [Apostrophe, Apostrophe, Space, End]);
    }

    #[test]
    fn a_capital_inside_a_capitalised_word_makes_it_camel() {
        for w in ["PlayStation", "McDonald", "DeWalt"] {
            assert_eq!(normalize(w).tokens()[0].shape, Shape::Camel, "{w}");
        }
    }

    #[test]
    fn a_word_of_lookalikes_is_folded_only_where_latin_words_outnumber_the_others() {
        // One Latin word beside one Cyrillic word: not mostly Latin.
        assert_eq!(words("ОХО Nike"), ["охо", "nike"]);
        // Words with no letters belong to no script: two Latin words, one Cyrillic.
        assert_eq!(words("ОХО 4 in 1 set"), ["oxo", "4", "in", "1", "set"]);
        // One Latin word, two Cyrillic ones.
        assert_eq!(words("ОХО пример Nike"), ["охо", "пример", "nike"]);
    }

    #[test]
    fn a_folded_lookalike_composes_with_the_marks_on_it() {
        // Cyrillic а and е among Latin letters fold to a and e; e + acute is é (U+00E9).
        assert_eq!(words("Cаfе\u{301}"), ["caf\u{E9}"]);
        // At the very start of the field too: Cyrillic А + acute → á (U+00E1).
        let n = normalize("А\u{301}pple");
        assert_eq!(n.tokens()[0].text, "\u{E1}pple");
        assert_eq!((n.tokens()[0].start, n.tokens()[0].end), (0, 6));
    }
}
