#![cfg(not(target_arch = "wasm32"))]
//! Property tests of `clearmark::text`: whatever the seller types (emoji, CJK, combining
//! marks, ZWJ sequences, control characters, very long fields), every token's UTF-16
//! span slices the original to text that normalises back to the token, spans are
//! ordered and never overlap, `mark_key` is the tokens joined, and nothing panics.

use clearmark::text::{
    as_mark_key, mark_key, normalize, slice_utf16, utf16_len, Normalized, Script, Token,
};
use proptest::prelude::*;
use std::borrow::Cow;

/// Characters chosen to hit every path: ASCII words and punctuation, Latin accents,
/// combining marks, Cyrillic/Greek lookalikes, CJK, emoji with ZWJ and variation
/// selectors, invisible characters, compatibility forms (`½`, `ﬁ`, `™`, fullwidth),
/// leet symbols, control characters and Hangul jamo.
fn interesting_char() -> impl Strategy<Value = char> {
    prop_oneof![
        4 => prop::char::range('a', 'z'),
        2 => prop::char::range('A', 'Z'),
        1 => prop::char::range('0', '9'),
        2 => prop::sample::select(vec![' ', ' ', '\n', '\t', '-', '\'', '’', '.', ',', '!', '?', '@', '$', '|', '&', '/']),
        1 => prop::sample::select(vec!['\u{301}', '\u{308}', '\u{200B}', '\u{200C}', '\u{200D}', '\u{2060}', '\u{FEFF}', '\u{AD}', '\u{FE0F}', '\u{202E}']),
        1 => prop::sample::select(vec!['а', 'е', 'о', 'р', 'с', 'А', 'Р', 'п', 'Ν', 'ν', 'Ο', 'ς', 'ß', 'İ', 'ı', 'é', 'Ø']),
        1 => prop::sample::select(vec!['家', '具', '中', '한', '\u{1100}', '\u{1161}', '\u{11A8}', 'ｶ', 'ﾞ', '😀', '👨', '👩', '🏻', '½', 'ﬁ', '™', '®', '℡', '㍱', 'Ｌ', '①', '\u{0}', '\u{7}', '\u{1F}', '\u{85}']),
        1 => any::<char>(),
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(interesting_char(), 0..60).prop_map(|v| v.into_iter().collect())
}

/// Keys of plain words: lower-case ASCII letters and digits, one space between words.
fn plain_key() -> impl Strategy<Value = String> {
    prop::collection::vec("[a-z0-9]{1,8}", 1..6).prop_map(|w| w.join(" "))
}

/// Words of ASCII letters and digits in any case, one space between them, as listings
/// write names ("PlayStation 5", "DISNEY").
fn written_words() -> impl Strategy<Value = String> {
    prop::collection::vec("[A-Za-z0-9]{1,8}", 1..6).prop_map(|w| w.join(" "))
}

/// The slice of a token normalised on its own. Homoglyph folding of an all-lookalike
/// word depends on the words around it, so a folded token's slice is read in Latin text.
fn alone(slice: &str, folded: bool) -> Vec<Token> {
    if folded {
        let n = normalize(&format!("latin words {slice}"));
        n.tokens()[2..].to_vec()
    } else {
        normalize(slice).tokens().to_vec()
    }
}

fn check_invariants(original: &str, n: &Normalized) -> Result<(), TestCaseError> {
    let len16 = utf16_len(original);
    prop_assert_eq!(n.original_len16(), len16);
    let mut prev_end = 0;
    for t in n.tokens() {
        prop_assert!(!t.text.is_empty());
        prop_assert!(
            prev_end <= t.start && t.start < t.end && t.end <= len16,
            "{:?}",
            t
        );
        prev_end = t.end;
        let slice = slice_utf16(original, t.start..t.end);
        prop_assert!(
            slice.is_some(),
            "span {}..{} does not slice",
            t.start,
            t.end
        );
        let words = alone(slice.unwrap_or_default(), t.homoglyphs_folded);
        prop_assert_eq!(words.len(), 1, "{:?} → {:?}", slice, words);
        prop_assert_eq!(&words[0].text, &t.text);
        // The normalised byte range maps back to the same span.
        prop_assert_eq!(n.original_range(t.norm.clone()), Some(t.start..t.end));
        if t.homoglyphs_folded {
            prop_assert!(t.script != Script::None && t.script != Script::Latin);
        }
    }
    let joined: Vec<&str> = n.tokens().iter().map(|t| t.text.as_str()).collect();
    prop_assert_eq!(mark_key(original), joined.join(" "));
    for run in n.leet_runs() {
        prop_assert!(slice_utf16(original, run.start..run.end).is_some());
        prop_assert!(run.tokens.end <= n.tokens().len());
        prop_assert!(run.candidates.iter().all(|c| !c.is_empty()));
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn token_spans_slice_the_original_to_the_token(original in text()) {
        let n = normalize(&original);
        check_invariants(&original, &n)?;
    }

    #[test]
    fn arbitrary_unicode_never_panics(original in any::<String>()) {
        let n = normalize(&original);
        check_invariants(&original, &n)?;
    }

    #[test]
    fn mark_key_is_idempotent(original in text()) {
        let k = mark_key(&original);
        prop_assert_eq!(mark_key(&k), k);
    }

    #[test]
    fn a_key_of_plain_words_is_its_own_key_and_borrowed(key in plain_key()) {
        let n = normalize(&key);
        let words: Vec<&str> = n.tokens().iter().map(|t| t.text.as_str()).collect();
        prop_assert_eq!(words.join(" "), key.clone());
        prop_assert!(matches!(as_mark_key(&key), Cow::Borrowed(k) if k == key));
    }

    #[test]
    fn words_of_ascii_letters_and_digits_in_any_case_key_as_their_tokens(text in written_words()) {
        let n = normalize(&text);
        let words: Vec<&str> = n.tokens().iter().map(|t| t.text.as_str()).collect();
        prop_assert_eq!(as_mark_key(&text).into_owned(), words.join(" "));
    }

    #[test]
    fn any_range_maps_or_is_refused(original in text(), a in 0usize..200, b in 0usize..200) {
        let n = normalize(&original);
        if let Some(r) = n.original_range(a..b) {
            prop_assert!(r.start <= r.end && r.end <= n.original_len16());
        }
        let _ = slice_utf16(&original, a..b);
    }
}

#[test]
fn a_100000_character_field_with_control_characters() {
    let unit = "Genuine Аpple\u{200B} N1ke® 家具 😀\u{0}\u{7}½ Adid@s-style ";
    let original: String = unit.repeat(100_000 / unit.chars().count() + 1);
    assert!(original.chars().count() >= 100_000);
    let n = normalize(&original);
    let units = original.matches(unit).count();
    // Per unit: genuine apple n1ke 家 具 12(½) adid s style.
    assert_eq!(n.tokens().len(), units * 9, "{:?}", &n.tokens()[..9]);
    let last = n.tokens().last().expect("tokens");
    assert_eq!(slice_utf16(&original, last.start..last.end), Some("style"));
    assert_eq!(
        n.leet_runs().len(),
        units * 2,
        "N1ke and Adid@s in every unit"
    );
}
