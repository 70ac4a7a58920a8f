//! Words of the normalised stream: where each starts and ends in the original UTF-16
//! string, how the seller wrote it, what joins it to the next word and whether it was
//! disguised (mixed scripts, invisible characters).
//!
//! A token is a run of letters and digits (with the combining marks on them). Everything
//! else separates tokens, with four refinements: each Han ideograph and each kana is a
//! token of its own (Chinese and Japanese write words without spaces, so "迪士尼公主"
//! is the words 迪 士 尼 公 主, and the mark 迪士尼 is found in it, keyed `迪 士 尼`;
//! the tokens join each other as if by a space), a possessive `'s` stays outside the
//! token (`Disney's` → `disney`), camel case stays one token with its case breaks
//! recorded (`PlayStation` → `playstation`, break at 4), and characters that NFKC
//! expands out of one original character never split (`½` → `12`), so token spans
//! never overlap. This module owns that split and the homoglyph folding of tokens; it
//! must not look anything up.

use compact_str::CompactString;
use std::ops::Range;
use unicode_normalization::UnicodeNormalization;

use super::homoglyph::LetterMix;
use super::normalize::{is_trademark_sign, Case, NormChar};

/// How the seller capitalised a token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// All lower case: `apple`.
    Lower,
    /// First letter upper, the rest lower: `Apple`, `A`.
    Title,
    /// All upper case, two letters or more: `APPLE`.
    Upper,
    /// Upper case inside the word: `iPhone`, `PlayStation`, `McDonald`.
    Camel,
    /// Letters and digits together: `N1ke`, `PS5`, `4K`.
    MixedDigit,
    /// No cased letters: digits, CJK, Arabic.
    Uncased,
}

/// What follows a token before the next one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Joiner {
    /// The token is the last one of the field.
    End,
    /// Only white space.
    Space,
    /// Exactly one hyphen, no space: `Lego-compatible`.
    Hyphen,
    /// Exactly one apostrophe, no space (possessive `'s` excepted): `Rock'n`.
    Apostrophe,
    /// Exactly one other character, no space: `Adid@s`, `M&M`, `3.5`.
    Symbol(char),
    /// Anything else (punctuation with spaces, several symbols).
    Other,
}

/// Which scripts a token's letters come from, before homoglyph folding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Script {
    /// No letters (digits only).
    None,
    /// Latin letters only.
    Latin,
    /// Non-Latin letters only (Cyrillic, Greek, CJK, …).
    Other,
    /// Latin letters mixed with letters of another script: evidence of a disguise.
    Mixed,
}

/// One word of a normalised field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// The normalised word: letters and digits only, lower case, homoglyphs folded when
    /// the folding rule applied.
    pub text: CompactString,
    /// Byte range in [`Normalized::text`](super::Normalized::text) the token came from.
    /// It equals `text` except when NFKC expanded one character into several words
    /// (`½` → `1⁄2`, token text `12`).
    pub norm: Range<usize>,
    /// Start in UTF-16 code units of the original string.
    pub start: usize,
    /// End (exclusive) in UTF-16 code units of the original string.
    pub end: usize,
    /// Capitalisation as written.
    pub shape: Shape,
    /// Byte offsets in `text` where a new capitalised part begins (`PlayStation` → `[4]`,
    /// `iPhone` → `[1]`, `XMLHttp` → `[3]`).
    pub case_breaks: Vec<usize>,
    /// What follows the token.
    pub joiner: Joiner,
    /// A possessive `'s` followed the token and was left out of it.
    pub possessive: bool,
    /// A trademark sign (™ ® ℠ ©) directly follows the token (after any possessive).
    pub trademark_sign: bool,
    /// Scripts of the letters as written.
    pub script: Script,
    /// Letters of another script were folded to their Latin lookalikes.
    pub homoglyphs_folded: bool,
    /// Invisible characters (zero-width, soft hyphen, …) were removed from inside it.
    pub invisible: bool,
    /// The token contains digits or symbols standing in for letters (`N1ke`, or the
    /// parts of `Adid@s`); see [`LeetRun`](super::LeetRun).
    pub leet: bool,
    /// The token starts a sentence: first of the field, or after `.`, `!`, `?` and a
    /// space, a line break or a CJK full stop.
    pub sentence_start: bool,
}

/// A token as a range of normalised characters, before its details are filled in.
#[derive(Debug, Clone)]
pub(crate) struct TokSpan {
    pub chars: Range<usize>,
    /// Where the separator after the token starts (past a possessive `'s`).
    pub sep_from: usize,
    pub possessive: bool,
    pub mix: LetterMix,
    pub folded: bool,
}

/// Letters and digits, the stuff of tokens (`ʼ`, a modifier letter, is an apostrophe).
pub(crate) fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        // Most listing text, read without the Unicode letter and digit tables.
        return c.is_ascii_alphanumeric();
    }
    c.is_alphanumeric() && c != 'ʼ'
}

/// A combining mark (never an ASCII character: most text is read without the table).
fn is_combining_mark(c: char) -> bool {
    !c.is_ascii() && unicode_normalization::char::is_combining_mark(c)
}

/// A character of a script written without spaces between words, each a token of its
/// own: Han ideographs (CJK Unified Ideographs and their extensions, compatibility
/// ideographs), hiragana, katakana (with the prolonged sound mark).
pub(crate) fn is_unspaced(c: char) -> bool {
    // Most text is ASCII, below the first of them: one comparison instead of seven.
    c >= '\u{3005}'
        && matches!(c,
            '\u{3005}' | '\u{3007}' // 々 〇
            | '\u{3040}'..='\u{30FF}' // hiragana, katakana
            | '\u{31F0}'..='\u{31FF}' // katakana phonetic extensions
            | '\u{3400}'..='\u{4DBF}' // extension A
            | '\u{4E00}'..='\u{9FFF}' // unified ideographs
            | '\u{F900}'..='\u{FAFF}' // compatibility ideographs
            | '\u{20000}'..='\u{3134F}' // extensions B–G
        )
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ' | '‛')
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '‐' | '‑')
}

/// Splits the stream into token spans: maximal word runs, merged when one original
/// character produced both sides, possessive `'s` dropped.
pub(crate) fn split(chars: &[NormChar]) -> Vec<TokSpan> {
    // Room for a token every other character (a word and a separator), so that a field
    // of ordinary words needs one allocation.
    let mut spans: Vec<TokSpan> = Vec::with_capacity(chars.len().div_ceil(2));
    // The original character whose expansion is being left out (see below).
    let mut dropped = None;
    let mut i = 0;
    while i < chars.len() {
        if !is_word_char(chars[i].c) {
            i += 1;
            continue;
        }
        let start = i;
        i += 1;
        if is_unspaced(chars[start].c) {
            // One ideograph or kana, with the combining marks on it.
            while i < chars.len() && is_combining_mark(chars[i].c) {
                i += 1;
            }
        } else {
            while i < chars.len()
                && !is_unspaced(chars[i].c)
                && (is_word_char(chars[i].c) || is_combining_mark(chars[i].c))
            {
                i += 1;
            }
        }
        if dropped == Some(chars[start].chunk) {
            continue;
        }
        match spans.last_mut().map(|s| &mut s.chars) {
            // One original character NFKC spells as ideographs or kana together with
            // other word characters ("㋿" → 令和, "🈀" → ほか, "㏠" → 1日): as one token
            // it would key unlike the same characters typed, as several it could not
            // slice its original. It is no word; what came before it in the token stays
            // ("a㏠" is "a").
            Some(prev)
                if chars[prev.end - 1].chunk == chars[start].chunk
                    && chars[i - 1].chunk == chars[start].chunk
                    && (is_unspaced(chars[start].c) || is_unspaced(chars[prev.end - 1].c)) =>
            {
                let chunk = chars[start].chunk;
                dropped = Some(chunk);
                let cut = (prev.start..prev.end)
                    .find(|&k| chars[k].chunk == chunk)
                    .unwrap_or(prev.start);
                if cut == prev.start {
                    spans.pop();
                } else {
                    prev.end = cut;
                }
            }
            // One original character expanded into two words: keep them one token.
            Some(prev) if chars[prev.end - 1].chunk == chars[start].chunk => prev.end = i,
            _ => spans.push(TokSpan {
                chars: start..i,
                sep_from: i,
                possessive: false,
                mix: LetterMix::default(),
                folded: false,
            }),
        }
    }
    for span in &mut spans {
        span.sep_from = span.chars.end;
        for nc in &chars[span.chars.clone()] {
            span.mix.add_written(nc);
        }
    }
    // A possessive `'s` is no token: the one before it gets the flag.
    spans.dedup_by(|s, prev| {
        let is_possessive_s = s.chars.len() == 1
            && chars[s.chars.start].c == 's'
            && s.chars.start == prev.chars.end + 1
            && is_apostrophe(chars[prev.chars.end].c)
            && chars[prev.chars.end - 1].c.is_alphabetic();
        if is_possessive_s {
            prev.possessive = true;
            prev.sep_from = s.chars.end;
        }
        is_possessive_s
    });
    spans
}

impl LetterMix {
    /// Counts one normalised character by the letter the seller wrote.
    fn add_written(&mut self, nc: &NormChar) {
        self.add(nc.c, nc.lookalike);
    }
}

/// Applies the homoglyph folding rule (see `homoglyph`) to every token. A folded letter
/// composes with the combining marks after it (Cyrillic `а` + acute → Latin `á`), so the
/// stream is rebuilt, and the spans re-indexed, when anything was folded.
pub(crate) fn fold_homoglyphs(chars: &mut Vec<NormChar>, spans: &mut [TokSpan]) {
    let latin = spans.iter().filter(|s| s.mix.latin > 0).count();
    let foreign = spans
        .iter()
        .filter(|s| s.mix.latin == 0 && s.mix.lookalike + s.mix.other > 0)
        .count();
    let mostly_latin = latin > foreign;
    let mut any = false;
    for span in spans.iter_mut() {
        if span.mix.should_fold(mostly_latin) {
            span.folded = true;
            any = true;
        }
    }
    if !any {
        return;
    }
    // kept_before[i]: how many characters of the old stream before index i are kept.
    let mut kept_before = Vec::with_capacity(chars.len() + 1);
    let mut out: Vec<NormChar> = Vec::with_capacity(chars.len());
    let mut folded = spans
        .iter()
        .filter(|s| s.folded)
        .map(|s| s.chars.clone())
        .peekable();
    let mut i = 0;
    while i < chars.len() {
        while folded.peek().is_some_and(|r| r.end <= i) {
            folded.next();
        }
        let Some(span) = folded.peek().filter(|r| r.contains(&i)).cloned() else {
            kept_before.push(out.len());
            out.push(chars[i]);
            i += 1;
            continue;
        };
        // One original chunk inside a folded token: substitute, then recompose (NFC),
        // since a Latin letter composes with marks its lookalike did not.
        let chunk = chars[i].chunk;
        let end = (i..span.end)
            .find(|&k| chars[k].chunk != chunk)
            .unwrap_or(span.end);
        let group: Vec<NormChar> = chars[i..end]
            .iter()
            .map(|nc| NormChar {
                c: nc.lookalike.unwrap_or(nc.c),
                ..*nc
            })
            .collect();
        let composed: Vec<char> = if group.len() > 1 {
            group.iter().map(|nc| nc.c).nfc().collect()
        } else {
            vec![group[0].c]
        };
        for (k, _) in group.iter().enumerate() {
            kept_before.push(out.len() + k.min(composed.len()));
        }
        for (k, c) in composed.into_iter().enumerate() {
            out.push(NormChar {
                c,
                ..group[k.min(group.len() - 1)]
            });
        }
        i = end;
    }
    kept_before.push(out.len());
    for span in spans.iter_mut() {
        span.chars = kept_before[span.chars.start]..kept_before[span.chars.end];
        span.sep_from = kept_before[span.sep_from];
    }
    *chars = out;
}

/// Fills in every token's text, offsets, shape, joiner and flags.
pub(crate) fn finish(chars: &[NormChar], byte_starts: &[u32], spans: &[TokSpan]) -> Vec<Token> {
    let mut out = Vec::with_capacity(spans.len());
    // Each token's text is written here, then copied into the token (inline when short).
    let mut text = String::new();
    for (i, span) in spans.iter().enumerate() {
        let slice = &chars[span.chars.clone()];
        let last_chunk = slice[slice.len() - 1].chunk;
        // One pass over the token's characters for its text, capitals and invisibles.
        text.clear();
        let mut cases = CaseScan::default();
        let mut invisible = false;
        for nc in slice {
            if is_word_char(nc.c) || (is_combining_mark(nc.c) && !text.is_empty()) {
                cases.add(text.len(), nc.case, nc.c.is_numeric());
                text.push(nc.c);
            }
            invisible |= nc.had_invisible && nc.chunk != last_chunk;
        }
        let next_start = spans.get(i + 1).map(|s| s.chars.start);
        let sep = &chars[span.sep_from..next_start.unwrap_or(span.sep_from)];
        let before = match i {
            0 => None,
            _ => Some(&chars[spans[i - 1].chars.end..span.chars.start]),
        };
        out.push(Token {
            norm: byte_starts[span.chars.start] as usize..byte_starts[span.chars.end] as usize,
            start: slice[0].start16 as usize,
            end: slice[slice.len() - 1].end16 as usize,
            shape: cases.shape(),
            case_breaks: cases.breaks,
            joiner: next_start.map_or(Joiner::End, |_| joiner(sep)),
            possessive: span.possessive,
            trademark_sign: chars
                .get(span.sep_from)
                .is_some_and(|nc| is_trademark_sign(nc.c)),
            script: match (span.mix.latin > 0, span.mix.lookalike + span.mix.other > 0) {
                (true, true) => Script::Mixed,
                (true, false) => Script::Latin,
                (false, true) => Script::Other,
                (false, false) => Script::None,
            },
            homoglyphs_folded: span.folded,
            invisible,
            leet: false,
            sentence_start: before.is_none_or(ends_sentence),
            text: CompactString::from(text.as_str()),
        });
    }
    out
}

/// The capitals of one token, read character by character (the letters, digits and
/// combining marks of its text): its [`Shape`] and its case breaks.
#[derive(Default)]
struct CaseScan {
    digits: bool,
    letters: bool,
    /// The case of the first cased character.
    first: Option<Case>,
    /// Every cased character after the first is lower (upper) case.
    rest_not_lower: bool,
    rest_not_upper: bool,
    /// The cases of the two characters before the next one.
    before_last: Option<Case>,
    last: Option<(usize, Case)>,
    /// Byte offsets in the token's text where a new capitalised part begins.
    breaks: Vec<usize>,
}

impl CaseScan {
    /// Reads the next character: at byte `at` of the token's text, with its case as
    /// written, a digit or not.
    fn add(&mut self, at: usize, case: Case, digit: bool) {
        self.digits |= digit;
        self.letters |= !digit;
        if case != Case::None {
            if self.first.is_none() {
                self.first = Some(case);
            } else {
                self.rest_not_lower |= case != Case::Lower;
                self.rest_not_upper |= case != Case::Upper;
            }
        }
        if let Some((last_at, last)) = self.last {
            // An acronym ends before a capital followed by a small letter: `XMLHttp`.
            if self.before_last == Some(Case::Upper) && last == Case::Upper && case == Case::Lower {
                self.breaks.push(last_at);
            }
            // A capital after a small letter: `PlayStation`.
            if last == Case::Lower && case == Case::Upper {
                self.breaks.push(at);
            }
            self.before_last = Some(last);
        }
        self.last = Some((at, case));
    }

    fn shape(&self) -> Shape {
        if self.digits && self.letters {
            return Shape::MixedDigit;
        }
        match self.first {
            None => Shape::Uncased,
            Some(Case::Lower) if !self.rest_not_lower => Shape::Lower,
            Some(Case::Upper) if !self.rest_not_lower => Shape::Title,
            Some(Case::Upper) if !self.rest_not_upper => Shape::Upper,
            Some(_) => Shape::Camel,
        }
    }
}

fn joiner(sep: &[NormChar]) -> Joiner {
    match sep {
        // Only tokens of scripts written without spaces touch: they join like words.
        [] => Joiner::Space,
        [one] if is_hyphen(one.c) => Joiner::Hyphen,
        [one] if is_apostrophe(one.c) => Joiner::Apostrophe,
        [one] if !one.c.is_whitespace() => Joiner::Symbol(one.c),
        all if all.iter().all(|nc| nc.c.is_whitespace()) => Joiner::Space,
        _ => Joiner::Other,
    }
}

/// Whether a separator ends a sentence: a line break, a CJK full stop, or `.`/`!`/`?`/`…`
/// followed by white space.
fn ends_sentence(sep: &[NormChar]) -> bool {
    let mut stop = false;
    for nc in sep {
        match nc.c {
            '\n' | '\r' | '\u{2028}' | '\u{2029}' | '。' | '！' | '？' => return true,
            '.' | '!' | '?' | '…' => stop = true,
            c if c.is_whitespace() && stop => return true,
            _ => {}
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use crate::text::{normalize, slice_utf16};

    /// Each token's text and the original it spans.
    fn spans(original: &str) -> Vec<(String, Option<&str>)> {
        normalize(original)
            .tokens()
            .iter()
            .map(|t| (t.text.to_string(), slice_utf16(original, t.start..t.end)))
            .collect()
    }

    #[test]
    fn an_ideograph_is_a_token_with_the_combining_marks_on_it() {
        // The acute composes with no ideograph: it stays on 家, in its token and its span.
        assert_eq!(
            spans("家\u{301}具"),
            [
                ("家\u{301}".to_owned(), Some("家\u{301}")),
                ("具".to_owned(), Some("具"))
            ]
        );
    }
}
