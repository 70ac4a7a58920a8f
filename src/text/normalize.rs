//! From the seller's string to the normalised character stream the detector reads, each
//! normalised character remembering the UTF-16 span of the original text it came from.
//!
//! This module owns the per-character steps: Unicode NFKC, case folding, removal of
//! invisible characters (zero-width space/joiners, word joiner, BOM, soft hyphen, bidi
//! controls, variation selectors, tag characters) and the byte → UTF-16 map back. It
//! works chunk by chunk — a chunk is one character plus the combining marks and
//! invisible characters after it — so every output character maps to exactly one
//! chunk of the original. Tokenising and homoglyph folding happen in `tokens`; this
//! module must not decide what a word is.

use std::ops::Range;
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::{is_nfkc_quick, IsNormalized, UnicodeNormalization};

use super::homoglyph::latin_lookalike;
use super::leet::{self, LeetRun};
use super::tokens::{self, Token};

/// Case of a character as the seller wrote it (before folding).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Case {
    /// Digits, CJK, punctuation.
    None,
    /// A lower-case letter.
    Lower,
    /// An upper- or title-case letter.
    Upper,
}

/// One character of the normalised stream.
#[derive(Debug, Clone, Copy)]
pub(crate) struct NormChar {
    /// The character after NFKC and case folding.
    pub c: char,
    /// Its case as written.
    pub case: Case,
    /// The Latin letter it would fold to if its token is folded (see `homoglyph`).
    pub lookalike: Option<char>,
    /// Index of the original chunk it came from.
    pub chunk: u32,
    /// UTF-16 start of that chunk in the original string.
    pub start16: u32,
    /// UTF-16 end of that chunk in the original string.
    pub end16: u32,
    /// Whether invisible characters were removed from that chunk.
    pub had_invisible: bool,
}

/// Characters that render as nothing and are used to split or disguise words. They are
/// removed before anything else looks at the text, so `Ap\u{200B}ple` reads as `apple`.
pub fn is_invisible(c: char) -> bool {
    // Most text is ASCII, below the first of them: one comparison instead of twelve.
    c >= '\u{AD}'
        && matches!(c as u32,
            0x00AD            // soft hyphen
            | 0x034F          // combining grapheme joiner
            | 0x061C          // Arabic letter mark
            | 0x180E          // Mongolian vowel separator
            | 0x200B..=0x200F // zero-width space, ZWNJ, ZWJ, LRM, RLM
            | 0x202A..=0x202E // bidi embeddings and overrides
            | 0x2060..=0x2064 // word joiner, invisible operators
            | 0x2066..=0x206F // bidi isolates, deprecated format characters
            | 0xFE00..=0xFE0F // variation selectors
            | 0xFEFF          // byte-order mark / zero-width no-break space
            | 0xE0000..=0xE007F // tag characters
            | 0xE0100..=0xE01EF // variation selectors supplement
        )
}

/// Trademark signs are kept as they are (never NFKC'd: `™` would become the letters
/// `TM` and glue onto the brand before it). They separate words, and a token right
/// before one is marked, since a seller typing `Brand™` is claiming a mark.
pub fn is_trademark_sign(c: char) -> bool {
    matches!(c, '™' | '®' | '℠' | '©' | 'Ⓡ')
}

/// Characters that continue the current chunk: combining marks, Hangul medial and final
/// jamo (they compose with the syllable before them), characters whose compatibility
/// form starts with a combining mark (half-width katakana voicing marks) and invisible
/// characters.
fn continues_chunk(c: char) -> bool {
    if c.is_ascii() {
        return false;
    }
    is_combining_mark(c)
        || is_invisible(c)
        || matches!(c as u32, 0x1160..=0x11FF | 0xD7B0..=0xD7FF)
        || starts_with_non_starter(c)
}

fn starts_with_non_starter(c: char) -> bool {
    let mut first = None;
    unicode_normalization::char::decompose_compatible(c, |d| {
        first.get_or_insert(d);
    });
    first.is_some_and(|d| unicode_normalization::char::canonical_combining_class(d) != 0)
}

/// The normalised form of a field, its tokens and the map back to the original string.
///
/// Built by [`normalize`](super::normalize). The normalised text is what marks are
/// compared against; every byte of it maps back to a UTF-16 range of the original.
#[derive(Debug, Clone, Default)]
pub struct Normalized {
    pub(crate) text: String,
    /// Byte offset in `text` of each normalised character, plus `text.len()` at the end.
    pub(crate) byte_starts: Vec<u32>,
    /// The normalised characters, parallel to `byte_starts` (without the sentinel).
    pub(crate) chars: Vec<NormChar>,
    pub(crate) tokens: Vec<Token>,
    pub(crate) leet_runs: Vec<LeetRun>,
    pub(crate) original_len16: usize,
}

impl Normalized {
    /// The whole normalised text (NFKC, case-folded, invisible characters removed,
    /// homoglyphs folded inside the tokens where the folding rule says so).
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The words of the field, in order.
    pub fn tokens(&self) -> &[Token] {
        &self.tokens
    }

    /// The stretches where digits or symbols stand in for letters (`N1ke`, `Adid@s`),
    /// with their candidate keys.
    pub fn leet_runs(&self) -> &[LeetRun] {
        &self.leet_runs
    }

    /// The text of `tokens` joined by single spaces: the [`mark_key`](super::mark_key)
    /// of the words they came from.
    pub fn key(&self, tokens: Range<usize>) -> Option<String> {
        let words = self.tokens.get(tokens)?;
        Some(
            words
                .iter()
                .map(|t| t.text.as_str())
                .collect::<Vec<_>>()
                .join(" "),
        )
    }

    /// The length of the original string in UTF-16 code units.
    pub fn original_len16(&self) -> usize {
        self.original_len16
    }

    /// The UTF-16 range of the original string that the normalised byte range `norm`
    /// came from. `None` when `norm` is reversed, out of bounds or not on character
    /// boundaries of [`text`](Self::text). An empty range maps to an empty range at the
    /// corresponding original position.
    pub fn original_range(&self, norm: Range<usize>) -> Option<Range<usize>> {
        if norm.start > norm.end || norm.end > self.text.len() {
            return None;
        }
        let first = self.char_at(norm.start)?;
        let last_end = self.char_at(norm.end)?;
        if first == last_end {
            let at = self
                .chars
                .get(first)
                .map_or(self.original_len16, |c| c.start16 as usize);
            return Some(at..at);
        }
        let start = self.chars[first].start16 as usize;
        let end = self.chars[last_end - 1].end16 as usize;
        Some(start..end)
    }

    /// Index of the normalised character starting at byte `byte` (or `chars.len()` for
    /// the end of the text); `None` when `byte` is not a character boundary.
    fn char_at(&self, byte: usize) -> Option<usize> {
        self.byte_starts.binary_search(&(byte as u32)).ok()
    }
}

/// Turns `original` into the normalised character stream (before tokenising).
pub(crate) fn normalise_chars(original: &str) -> (Vec<NormChar>, usize) {
    let mut out = Vec::with_capacity(original.len());
    let mut pos16 = 0u32;
    let mut chunk_id = 0u32;
    let mut chunk = String::new();
    let mut folded: Vec<(char, Case, Option<char>)> = Vec::new();
    let bytes = original.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        // Fast path: a run of ASCII characters, each alone in its chunk (an ASCII
        // character never continues a chunk), nothing to compose. The run's last
        // character is left to the general path when a non-ASCII character follows,
        // which might continue its chunk.
        let ascii = bytes[at..].iter().take_while(|b| b.is_ascii()).count();
        let run = if at + ascii == bytes.len() {
            ascii
        } else {
            ascii.saturating_sub(1)
        };
        out.extend(bytes[at..at + run].iter().enumerate().map(|(k, &b)| {
            let k = k as u32;
            let (c, case) = fold_single(char::from(b));
            NormChar {
                c,
                case,
                lookalike: None,
                chunk: chunk_id + k,
                start16: pos16 + k,
                end16: pos16 + k + 1,
                had_invisible: false,
            }
        }));
        at += run;
        pos16 += run as u32;
        chunk_id += run as u32;
        if at == bytes.len() {
            break;
        }
        let start16 = pos16;
        // One chunk: its first character and every character that continues it.
        let mut rest = original[at..].chars();
        let Some(first) = rest.next() else { break };
        at += first.len_utf8();
        pos16 += first.len_utf16() as u32;
        let mut had_invisible = is_invisible(first);
        let mut alone = true;
        chunk.clear();
        if !had_invisible {
            chunk.push(first);
        }
        for next in rest.take_while(|&next| continues_chunk(next)) {
            alone = false;
            at += next.len_utf8();
            pos16 += next.len_utf16() as u32;
            if is_invisible(next) {
                had_invisible = true;
            } else {
                chunk.push(next);
            }
        }
        let mut emit = |c: char, case: Case, lookalike: Option<char>| {
            out.push(NormChar {
                c,
                case,
                lookalike,
                chunk: chunk_id,
                start16,
                end16: pos16,
                had_invisible,
            })
        };
        match alone.then(|| stable_single(first)).flatten() {
            Some((c, case, lookalike)) => emit(c, case, lookalike),
            None => normalise_chunk(&chunk, &mut folded, emit),
        }
        chunk_id += 1;
    }
    (out, pos16 as usize)
}

/// A character alone in its chunk that NFKC leaves as it is and whose case folding is
/// one character NFKC leaves as it is too (most letters of every script: `é`, `ж`,
/// `家`): its folded form, case as written and Latin lookalike, exactly what
/// [`normalise_chunk`] makes of it, without building the chunk's normal forms. `None`
/// for every other character (`ﬁ`, `ß`, `Ⅻ`, trademark signs, invisible characters).
fn stable_single(c: char) -> Option<(char, Case, Option<char>)> {
    if c.is_ascii() {
        let (folded, case) = fold_single(c);
        return Some((folded, case, None));
    }
    if is_trademark_sign(c) || is_invisible(c) || !is_nfkc_stable(c) {
        return None;
    }
    let mut lower = None;
    let mut count = 0;
    fold_case(c, |f| {
        lower = Some(f);
        count += 1;
    });
    let folded = lower.filter(|&f| count == 1 && is_nfkc_stable(f))?;
    Some((folded, case_of(c), latin_lookalike(c)))
}

/// Whether `c` alone is in NFKC (the quick check's "yes" is a proof; its "maybe" is
/// treated as no).
fn is_nfkc_stable(c: char) -> bool {
    is_nfkc_quick(std::iter::once(c)) == IsNormalized::Yes
}

/// An ASCII character lower-cased, with its case as written.
fn fold_single(c: char) -> (char, Case) {
    let case = if c.is_ascii_uppercase() {
        Case::Upper
    } else if c.is_ascii_lowercase() {
        Case::Lower
    } else {
        Case::None
    };
    (c.to_ascii_lowercase(), case)
}

/// The case of a character as written.
fn case_of(c: char) -> Case {
    if c.is_uppercase() {
        Case::Upper
    } else if c.is_lowercase() {
        Case::Lower
    } else {
        Case::None
    }
}

/// The general path for one chunk (its characters without the invisible ones): a
/// leading trademark sign as it is, then NFKC, case folding and NFKC once more, each
/// output character passed to `emit` with its case as written and Latin lookalike.
/// `folded` is scratch space, reused from chunk to chunk.
fn normalise_chunk(
    chunk: &str,
    folded: &mut Vec<(char, Case, Option<char>)>,
    mut emit: impl FnMut(char, Case, Option<char>),
) {
    let mut rest = chunk;
    if let Some(sign) = rest.chars().next().filter(|&c| is_trademark_sign(c)) {
        emit(sign, Case::None, None);
        rest = &rest[sign.len_utf8()..];
    }
    folded.clear();
    for c in rest.nfkc() {
        let case = case_of(c);
        let lookalike = latin_lookalike(c);
        fold_case(c, |f| folded.push((f, case, lookalike)));
    }
    // Case folding can undo NFKC (`ß` + acute → `ss` + acute, which composes to
    // `sś`); normalise once more. Attributes then follow the characters by
    // position when the count is unchanged, else the chunk's first case.
    let renormalised: String = folded.iter().map(|f| f.0).nfkc().collect();
    if renormalised.chars().eq(folded.iter().map(|f| f.0)) {
        for &(c, case, lookalike) in folded.iter() {
            emit(c, case, lookalike);
        }
    } else {
        let same_len = renormalised.chars().count() == folded.len();
        let chunk_case = folded
            .iter()
            .map(|f| f.1)
            .find(|&c| c != Case::None)
            .unwrap_or(Case::None);
        for (k, c) in renormalised.chars().enumerate() {
            let (case, lookalike) = match folded.get(k) {
                Some(f) if same_len => (f.1, f.2),
                _ => (chunk_case, None),
            };
            emit(c, case, lookalike);
        }
    }
}

/// Unicode case folding for one character: lower-casing plus the full foldings where
/// lower case is not enough to compare (`ß`/`ẞ` → `ss`, final `ς` → `σ`).
fn fold_case(c: char, mut emit: impl FnMut(char)) {
    match c {
        'ß' | 'ẞ' => {
            emit('s');
            emit('s');
        }
        'ς' => emit('σ'),
        _ => c.to_lowercase().for_each(emit),
    }
}

/// Runs the whole pipeline: characters, tokens, homoglyph folding, byte map and (when
/// `with_leet`) leet runs. `mark_key` skips the leet runs: keys never need them.
pub(crate) fn build(original: &str, with_leet: bool) -> Normalized {
    let (mut chars, original_len16) = normalise_chars(original);
    let mut tokens_spans = tokens::split(&chars);
    tokens::fold_homoglyphs(&mut chars, &mut tokens_spans);
    let (text, byte_starts) = spell(original, &chars);
    let mut tokens = tokens::finish(&chars, &byte_starts, &tokens_spans);
    let leet_runs = if with_leet {
        leet::runs(&chars, &tokens_spans)
    } else {
        Vec::new()
    };
    for run in &leet_runs {
        for t in &mut tokens[run.tokens.clone()] {
            t.leet = true;
        }
    }
    Normalized {
        text,
        byte_starts,
        chars,
        tokens,
        leet_runs,
        original_len16,
    }
}

/// The normalised text that `original` became as `chars`, and the byte offset in it of
/// each character, plus the text's length at the end.
fn spell(original: &str, chars: &[NormChar]) -> (String, Vec<u32>) {
    if original.is_ascii() {
        // Each character of ASCII text is a chunk of its own, lower-cased, and none is
        // a lookalike to fold: the text is the original lower-cased, a byte a character.
        debug_assert_eq!(chars.len(), original.len());
        let byte_starts = (0..=original.len() as u32).collect();
        return (original.to_ascii_lowercase(), byte_starts);
    }
    let mut text = String::with_capacity(chars.len());
    let mut byte_starts = Vec::with_capacity(chars.len() + 1);
    byte_starts.extend(chars.iter().map(|nc| {
        let start = text.len() as u32;
        text.push(nc.c);
        start
    }));
    byte_starts.push(text.len() as u32);
    (text, byte_starts)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stream(s: &str) -> String {
        normalise_chars(s).0.iter().map(|c| c.c).collect()
    }

    #[test]
    fn nfkc_and_case_fold() {
        assert_eq!(stream("ＬＥＧＯ"), "lego");
        assert_eq!(stream("ﬁne"), "fine");
        assert_eq!(stream("STRASSE Straße"), "strasse strasse");
        assert_eq!(
            stream("e\u{301}"),
            "é",
            "combining marks compose within a chunk"
        );
    }

    #[test]
    fn the_single_character_path_agrees_with_the_general_one_for_every_character() {
        let mut folded = Vec::new();
        let mut taken = 0;
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            let Some(single) = stable_single(c) else {
                continue;
            };
            taken += 1;
            let mut general = Vec::new();
            normalise_chunk(c.encode_utf8(&mut [0; 4]), &mut folded, |c, case, l| {
                general.push((c, case, l))
            });
            assert_eq!(general, [single], "U+{:04X}", c as u32);
        }
        assert!(
            taken > 100_000,
            "{taken}: most characters take the single path"
        );
    }

    #[test]
    fn invisible_characters_vanish_but_keep_their_span() {
        let (chars, len) = normalise_chars("a\u{200B}b\u{AD}c");
        assert_eq!(chars.iter().map(|c| c.c).collect::<String>(), "abc");
        assert_eq!((chars[0].start16, chars[0].end16), (0, 2));
        assert!(chars[0].had_invisible);
        assert_eq!(len, 5);
    }

    #[test]
    fn trademark_signs_are_not_decomposed() {
        assert_eq!(stream("Lego™"), "lego™");
        assert_eq!(stream("Lego®"), "lego®");
    }

    #[test]
    fn original_range_maps_back_and_refuses_bad_ranges() {
        let n = build("Ｘ😀é", true);
        assert_eq!(n.text(), "x😀é");
        assert_eq!(n.original_range(0..1), Some(0..1));
        assert_eq!(n.original_range(1..5), Some(1..3));
        assert_eq!(n.original_range(5..7), Some(3..4));
        assert_eq!(n.original_range(2..3), None, "inside the emoji");
        assert_eq!(n.original_range(std::ops::Range { start: 3, end: 1 }), None);
        assert_eq!(
            n.original_range(std::ops::Range { start: 5, end: 1 }),
            None,
            "reversed, both ends on character boundaries"
        );
        assert_eq!(n.original_range(0..99), None);
        assert_eq!(n.original_range(7..7), Some(4..4));
    }

    #[test]
    fn hangul_jamo_compose_into_the_syllable_they_spell() {
        // ᄒ + ᅡ + ᆫ (U+1112 U+1161 U+11AB) is the syllable 한 (U+D55C): one chunk.
        let (chars, len) = normalise_chars("\u{1112}\u{1161}\u{11AB}");
        assert_eq!(chars.iter().map(|c| c.c).collect::<String>(), "\u{D55C}");
        assert_eq!((chars[0].start16, chars[0].end16, len), (0, 3, 3));
    }

    #[test]
    fn a_half_width_voicing_mark_composes_with_the_kana_before_it() {
        // ｶ + ﾞ (U+FF76 U+FF9E) are カ + the combining voiced mark under NFKC: ガ (U+30AC).
        assert_eq!(stream("ｶﾞ"), "\u{30AC}");
    }

    #[test]
    fn a_combining_mark_composes_with_the_ascii_letter_before_it_after_other_text() {
        // é (2 bytes), abce, then a combining acute: e + acute is é (U+00E9).
        assert_eq!(stream("\u{E9}abce\u{301}"), "\u{E9}abc\u{E9}");
    }

    #[test]
    fn an_invisible_character_opening_a_field_leaves_nothing() {
        let n = build("\u{200B}Nike", true);
        assert_eq!(n.text(), "nike");
        assert_eq!((n.tokens()[0].start, n.tokens()[0].end), (1, 5));
    }

    #[test]
    fn case_folding_that_undoes_nfkc_is_normalised_again() {
        // ß folds to ss; the acute then sits on the second s, and s + acute is ś (U+015B).
        assert_eq!(stream("\u{DF}\u{301}"), "s\u{15B}");
        // Both letters have the case the ß was written in.
        let (chars, _) = normalise_chars("\u{1E9E}\u{301}");
        assert_eq!(chars.iter().map(|c| c.c).collect::<String>(), "s\u{15B}");
        assert!(chars.iter().all(|c| c.case == Case::Upper));
        // J + caron + dot below is NFKC already (no capital J with caron); j + caron is ǰ
        // (U+01F0), so the chunk shrinks from three characters to two, and each of them
        // has the chunk's first case, the mark after ǰ too.
        let (chars, _) = normalise_chars("J\u{30C}\u{323}");
        assert_eq!(
            chars.iter().map(|c| c.c).collect::<String>(),
            "\u{1F0}\u{323}"
        );
        assert!(chars.iter().all(|c| c.case == Case::Upper));
    }

    #[test]
    fn final_sigma_folds_to_sigma() {
        // Unicode case folding (CaseFolding.txt `03C2; C; 03C3`): ς compares as σ.
        assert_eq!(stream("λογος ΛΟΓΟΣ"), "λογοσ λογοσ");
    }
}
