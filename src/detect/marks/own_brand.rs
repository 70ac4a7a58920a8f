//! The seller's own brands: the listing's `brand` field and the names set with
//! [`Engine::set_own_brands`](super::Engine::set_own_brands), with the variants a seller
//! writes them in. Each variant is one named rule (its unit test has the rule's name):
//!
//! | rule | brand field | text that is own |
//! |---|---|---|
//! | `spelling_variants` | BePuzzled, Melissa & Doug, Rubie's, Beanie Baby | Be Puzzled, Melissa and Doug, Rubies, Beanie Babies; a plural, one typo of a long name |
//! | `article_dropped` | The Avengers, The Learning Journey | Avengers, Learning Journey |
//! | `names_listed` | TY~Beanies Dogs, Hasbro/Milton Bradley, Acme \| Zorblax | TY, Hasbro, Milton Bradley, Zorblax |
//! | `company_words_dropped` | Tangle Creations, Acme Toys Co., Ltd. | Tangle, Acme |
//! | `first_distinctive_word` | Yokiva Spielzeug, Juguetes Yokiva | Yokiva |
//! | `trade_words_added` | Acme | Acme Toys, Acme Home, Acme Official Store |
//! | `model_code_glued` | AB, YOKIVA | AB777, YOKIVA-X12 |
//! | `model_code_dropped` | YOKIVA-X12 | YOKIVA |
//! | `initials_of_the_full_name` | Marks & Spencer | M&S |
//! | `full_name_of_the_initials` | M&S | Marks and Spencer |
//!
//! A variant that is only part of the name (the distinctive part, the first distinctive
//! word) is *partial*: the detector lets it give way to a longer mark that contains it,
//! so the brand "Star Toys" never silences "Star Wars" (see
//! [`Occurrence::partial`]). Initials expand only from a brand written as separate
//! initials ("M&S", "H.P."), never from a one-word abbreviation ("HP" is not "Harry
//! Potter").
//!
//! This module finds where those names occur in a field's tokens so that the detector
//! never flags them. It must not look at the register: a line or character of the same
//! owner ("Galaxy" for Samsung) is somebody else's mark as far as the listing goes.

use crate::text::mark_key;
use std::ops::Range;

/// Whether `word` is one of the words that make a name a company name rather than a
/// brand ("Ltd", "Creations", "Toys"), or of the trade words a seller adds to a brand
/// ("Official", "Store", "Home"), in the languages of the marketplaces: dropped from an
/// own brand to get its distinctive part, and allowed after it in the text. (A match
/// rather than a list: it is asked of most words of every field.)
fn is_company_word(word: &str) -> bool {
    is_legal_form(word)
        || matches!(
            word,
            "company" | "group"
        // What the company makes or is.
        | "creations" | "collection" | "products" | "gifts" | "brands" | "enterprises"
            | "industries" | "international" | "toys" | "toy" | "games" | "studio" | "studios"
            | "designs" | "crafts" | "accessories" | "home" | "kids" | "baby" | "technology"
            | "technologies" | "tech" | "electronics" | "systems" | "labs" | "solutions"
            | "optics" | "innovations" | "manufacturing" | "imports" | "trading" | "supply"
            | "supplies" | "outfitters" | "classic" | "classics"
        // Where it sells.
        | "official" | "store" | "shop" | "online" | "direct" | "uk" | "us" | "usa" | "europe"
        // The same in the other languages of the marketplaces.
        | "spielzeug" | "spielwaren" | "jouets" | "jeux" | "juguetes" | "giocattoli" | "brinquedos"
            | "speelgoed" | "zabawki" | "玩具"
        )
}

/// Whether `word` (lower case) is a company's legal form ("Inc", "Ltd", "GmbH"), which
/// follows the name, in English often after a comma ("Monsters, Inc.").
pub(super) fn is_legal_form(word: &str) -> bool {
    matches!(
        word,
        "ltd"
            | "limited"
            | "inc"
            | "incorporated"
            | "llc"
            | "plc"
            | "gmbh"
            | "kg"
            | "srl"
            | "sarl"
            | "sas"
            | "sa"
            | "sl"
            | "ag"
            | "bv"
            | "nv"
            | "spa"
            | "co"
            | "corp"
            | "corporation"
            | "kk"
            | "pty"
            | "pvt"
    )
}

/// Words that do not count when names are compared: "Melissa & Doug" = "Melissa and Doug".
const LINK_WORDS: &[&str] = &["and"];

/// Words that are never a brand's distinctive word nor count for its initials.
const FILLER_WORDS: &[&str] = &[
    "the", "of", "by", "and", "for", "le", "la", "el", "der", "die", "das",
];

/// The longest own-brand mention looked for, in tokens.
const MAX_TOKENS: usize = 8;

/// The fewest letters of a first distinctive word ("Yokiva" of "Yokiva Spielzeug"):
/// shorter first words ("My", "Le") do not stand for the brand.
const FIRST_WORD_LETTERS: usize = 4;

/// The longest model code glued to a brand ("777" of "AB777", "x12" of "YOKIVA-X12").
const MODEL_CODE_CHARS: usize = 8;

/// The fewest letters of two names one typo apart that still count as the same.
const TYPO_LETTERS: usize = 6;

/// The most letters a model code has before its first digit and after its last.
const CODE_LETTERS: usize = 2;

/// One compact form of an own brand (no spaces, no link words).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Variant {
    /// Whether it is only part of the name (see [`Occurrence::partial`]).
    partial: bool,
    /// The compact form.
    compact: String,
}

/// Where an own brand is mentioned in a field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Occurrence {
    /// The words of the field that mention it.
    pub words: Range<usize>,
    /// The words are only part of the brand's name (its distinctive part or first
    /// distinctive word: "Star" of "Star Toys"), so a longer mark that contains them
    /// ("Star Wars") is somebody else's and wins.
    pub partial: bool,
}

/// The seller's own brand names, compiled into the compact forms they are compared in.
#[derive(Debug, Clone, Default)]
pub struct OwnBrands {
    /// Compact variants, whole names first.
    variants: Vec<Variant>,
    /// Characters of the longest variant: a compact name two or more characters longer
    /// is none of them (a plural or a typo changes the length by one at most), unless a
    /// model code is glued on.
    longest: usize,
    /// Brands written as separate initials ("M&S" → "ms"): the text's words whose
    /// initials spell one are its full name.
    initials: Vec<String>,
    /// What [`OwnBrands::may_start`] compares of each variant, worked out once.
    starts: Vec<VariantStart>,
}

/// The first two letters of a variant and whether it is long enough for a typo
/// ([`TYPO_LETTERS`]).
#[derive(Debug, Clone, Copy)]
struct VariantStart {
    first: Option<char>,
    second: Option<char>,
    typo_allowed: bool,
}

impl OwnBrands {
    /// Compiles the given names; empty names are ignored.
    pub fn new<'a>(names: impl IntoIterator<Item = &'a str>) -> Self {
        let mut variants = Vec::new();
        let mut initials = Vec::new();
        for name in names.into_iter().flat_map(listed_names) {
            let key = mark_key(name);
            let words: Vec<&str> = key.split(' ').filter(|w| !w.is_empty()).collect();
            if words.is_empty() {
                continue;
            }
            let significant: Vec<&str> = words
                .iter()
                .copied()
                .filter(|w| !LINK_WORDS.contains(w))
                .collect();
            let whole = |compact: String| Variant {
                partial: false,
                compact,
            };
            let part = |compact: String| Variant {
                partial: true,
                compact,
            };
            variants.push(whole(significant.concat()));
            if let Some(rest) = without_article(&significant) {
                variants.push(whole(rest.concat()));
            }
            let core = without_model_code(&significant);
            if core.len() < significant.len() {
                variants.push(whole(core.concat()));
            }
            variants.extend(distinctive_parts(core).into_iter().map(part));
            variants.extend(first_distinctive_word(core).map(part));
            variants.extend(initials_of(core).map(whole));
            if words.len() >= 2 && words.iter().all(|w| w.chars().count() == 1) {
                initials.push(words.concat());
            }
        }
        variants.retain(|v| !v.compact.is_empty());
        // Whole names sort before partial ones, so a form that is both counts as whole.
        variants.sort();
        variants.dedup_by(|a, b| a.compact == b.compact);
        let longest = variants
            .iter()
            .map(|v| v.compact.chars().count())
            .max()
            .unwrap_or(0);
        let starts = variants
            .iter()
            .map(|v| {
                let mut letters = v.compact.chars();
                VariantStart {
                    first: letters.next(),
                    second: letters.next(),
                    typo_allowed: v.compact.chars().count() >= TYPO_LETTERS,
                }
            })
            .collect();
        OwnBrands {
            variants,
            longest,
            initials,
            starts,
        }
    }

    /// Whether no own brand is known.
    pub fn is_empty(&self) -> bool {
        self.variants.is_empty()
    }

    /// Whether the words (normalised tokens, as [`mark_key`] splits them) name an own
    /// brand.
    pub fn names<S: AsRef<str>>(&self, words: &[S]) -> bool {
        self.naming(words).is_some()
    }

    /// Whether the words name an own brand, and if so whether only partly (see
    /// [`Occurrence::partial`]). Trade words after the name are part of the mention
    /// ("Acme Official Store").
    fn naming<S: AsRef<str>>(&self, words: &[S]) -> Option<bool> {
        // The test [`OwnBrands::occurrences`] starts each mention with.
        if !self.may_start(words.iter().map(AsRef::as_ref)) {
            return None;
        }
        let mut mention = Mention::default();
        words.iter().for_each(|w| mention.push(w.as_ref()));
        self.named_by(&mention, words)
    }

    /// [`OwnBrands::naming`] of the words `mention` was built from.
    fn named_by<S: AsRef<str>>(&self, mention: &Mention<'_>, words: &[S]) -> Option<bool> {
        let by_variant = [
            (mention.compact.as_str(), mention.last),
            (mention.core(), mention.core_last),
        ]
        .into_iter()
        .filter(|(c, _)| !c.is_empty())
        .flat_map(|(c, last_word)| {
            self.variants.iter().filter(move |v| {
                same_name(&v.compact, c) || with_model_code(&v.compact, c, last_word)
            })
        })
        .map(|v| v.partial)
        .min();
        by_variant.or_else(|| {
            if self.initials.is_empty() {
                return None;
            }
            let core_end = words.len()
                - words
                    .iter()
                    .rev()
                    .take_while(|w| is_company_word(w.as_ref()))
                    .count();
            let core: Vec<&str> = words[..core_end].iter().map(AsRef::as_ref).collect();
            self.spelled_by_initials(&core).then_some(false)
        })
    }

    /// `full_name_of_the_initials`: two or more words of at least two letters (fillers
    /// aside) whose initials spell a brand written as initials.
    fn spelled_by_initials(&self, words: &[&str]) -> bool {
        if self.initials.is_empty() || words.first().is_none_or(|w| FILLER_WORDS.contains(w)) {
            return false;
        }
        let content: Vec<&str> = words
            .iter()
            .copied()
            .filter(|w| !FILLER_WORDS.contains(w))
            .collect();
        content.len() >= 2
            && content
                .iter()
                .all(|w| w.chars().count() >= 2 && w.chars().all(char::is_alphabetic))
            && self.initials.iter().any(|i| {
                i.chars()
                    .eq(content.iter().filter_map(|w| w.chars().next()))
            })
    }

    /// The token ranges of `words` that mention an own brand, longest first at each
    /// position, not overlapping, in order.
    pub fn occurrences<S: AsRef<str>>(&self, words: &[S]) -> Vec<Occurrence> {
        let mut out = Vec::new();
        if self.is_empty() {
            return out;
        }
        let mut i = 0;
        // One buffer for every mention tried in the field.
        let mut mention = Mention::default();
        while i < words.len() {
            if LINK_WORDS.contains(&words[i].as_ref()) {
                i += 1;
                continue;
            }
            // Grown one word at a time and given up once the words before any trade
            // word are longer than a variant with a model code glued on could be (and
            // more words than any initials have).
            if !self.may_start(words[i..].iter().map(AsRef::as_ref)) {
                i += 1;
                continue;
            }
            // The mention is built up in place, so a field costs a few comparisons per
            // word, not MAX_TOKENS allocations.
            let mut longest = None;
            mention.clear();
            for n in 1..=MAX_TOKENS.min(words.len() - i) {
                let w = words[i + n - 1].as_ref();
                mention.push(w);
                if LINK_WORDS.contains(&w) {
                    continue;
                }
                if mention.core().chars().count() > self.longest + MODEL_CODE_CHARS
                    && n > self.max_initials()
                {
                    break;
                }
                if let Some(partial) = self.named_by(&mention, &words[i..i + n]) {
                    longest = Some((n, partial));
                }
            }
            match longest {
                Some((n, partial)) => {
                    out.push(Occurrence {
                        words: i..i + n,
                        partial,
                    });
                    i += n;
                }
                None => i += 1,
            }
        }
        out
    }

    /// Whether a mention can start with these words: its first letter is that of a
    /// variant, or its first two letters are one edit away from those of a variant long
    /// enough for a typo ([`TYPO_LETTERS`]), or it starts with the first of some
    /// initials. A cheap test that spares
    /// most words of a field the comparisons.
    fn may_start<'a>(&self, words: impl Iterator<Item = &'a str>) -> bool {
        let mut letters = words
            .filter(|w| !LINK_WORDS.contains(w))
            .flat_map(str::chars);
        let (c0, c1) = (letters.next(), letters.next());
        let initial = |i: &String| i.chars().next() == c0;
        self.initials.iter().any(initial)
            || self.starts.iter().any(|v| {
                let (v0, v1) = (v.first, v.second);
                c0 == v0 || (v.typo_allowed && c1.is_some() && (c1 == v1 || c0 == v1 || c1 == v0))
            })
    }

    fn max_initials(&self) -> usize {
        self.initials
            .iter()
            .map(|i| 2 * i.chars().count())
            .max()
            .unwrap_or(0)
    }
}

/// The words of a possible mention as [`OwnBrands::naming`] compares them: all of them
/// run together without link words, and the same up to the trade and company words at
/// the end ("acme official store" → core "acme"), with the last word of each.
#[derive(Default)]
struct Mention<'w> {
    compact: String,
    /// Bytes of `compact` before the trailing company words.
    core_len: usize,
    last: &'w str,
    core_last: &'w str,
}

impl<'w> Mention<'w> {
    /// Empties the mention, keeping its buffer.
    fn clear(&mut self) {
        self.compact.clear();
        self.core_len = 0;
        self.last = "";
        self.core_last = "";
    }

    fn push(&mut self, word: &'w str) {
        if LINK_WORDS.contains(&word) {
            return;
        }
        self.compact.push_str(word);
        self.last = word;
        if !is_company_word(word) {
            self.core_len = self.compact.len();
            self.core_last = word;
        }
    }

    fn core(&self) -> &str {
        &self.compact[..self.core_len]
    }
}

/// `model_code_dropped`: the words of a brand before a trailing model code ("YOKIVA-X12"
/// → "yokiva"); the whole name when nothing would be left.
fn without_model_code<'w>(words: &'w [&'w str]) -> &'w [&'w str] {
    let end = words.len() - words.iter().rev().take_while(|w| is_model_code(w)).count();
    if end == 0 {
        words
    } else {
        &words[..end]
    }
}

/// `names_listed`: the name, and each name a brand field lists in it with `|`, or with
/// `/` between names of three letters or more ("Hasbro/Milton Bradley"; "AC/DC" is one
/// name); before a `~`, the brand of a "brand~line" field ("TY~Beanies Dogs": the line
/// is the seller's catalogue, not a name of theirs).
fn listed_names(name: &str) -> Vec<&str> {
    let parts = |sep: &[char]| -> Vec<&str> {
        name.split(sep)
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect()
    };
    let mut out = vec![name];
    let lined = parts(&['~']);
    let listed = parts(&['|']);
    if lined.len() > 1 {
        out.push(lined[0]);
    } else if listed.len() > 1 {
        out.extend(listed);
    } else {
        let slashed = parts(&['/']);
        let letters = |p: &str| p.chars().filter(|c| c.is_alphabetic()).count();
        // (No slash: the one part is the name again, which the variants' dedup drops.)
        if slashed.iter().all(|p| letters(p) >= 3) {
            out.extend(slashed);
        }
    }
    out
}

/// `article_dropped`: the name without a leading "the" ("The Avengers" → "avengers"),
/// the whole name all the same; `None` when it starts otherwise ("The" alone leaves an
/// empty name, which is no variant).
fn without_article<'w>(words: &'w [&'w str]) -> Option<&'w [&'w str]> {
    match words {
        ["the", rest @ ..] => Some(rest),
        _ => None,
    }
}

/// `company_words_dropped`: the name without company and trade words at its end, as
/// often as they come ("Acme Toys Co Ltd" → "acme"), and at its start ("Juguetes
/// Yokiva" → "yokiva").
fn distinctive_parts(words: &[&str]) -> Vec<String> {
    let mut out = Vec::new();
    let mut end = words.len();
    while end > 1 && is_company_word(words[end - 1]) {
        end -= 1;
        out.push(words[..end].concat());
    }
    let start = words[..end]
        .iter()
        .take_while(|w| is_company_word(w))
        .count();
    if start > 0 && start < end {
        out.push(words[start..end].concat());
    }
    out
}

/// `first_distinctive_word`: the first word of a brand of several words that is no
/// filler, company or trade word, when it has at least [`FIRST_WORD_LETTERS`] letters
/// ("Yokiva" of "Yokiva Spielzeug Set"; "My Tiny World" has none).
fn first_distinctive_word(words: &[&str]) -> Option<String> {
    if words.len() < 2 {
        return None;
    }
    words
        .iter()
        .find(|w| !FILLER_WORDS.contains(w) && !is_company_word(w))
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= FIRST_WORD_LETTERS)
        .map(|w| (*w).to_owned())
}

/// `initials_of_the_full_name`: "Marks and Spencer" → "ms"; `None` for a one-word name.
fn initials_of(words: &[&str]) -> Option<String> {
    let content: Vec<&str> = words
        .iter()
        .copied()
        .filter(|w| !FILLER_WORDS.contains(w) && !is_company_word(w))
        .collect();
    (content.len() >= 2
        && content
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_alphabetic)))
    .then(|| content.iter().filter_map(|w| w.chars().next()).collect())
}

/// A model code: short, letters and digits, digits in the middle of it ("777", "x12",
/// "h107c"): at most [`CODE_LETTERS`] letters before the first digit and after the last.
fn is_model_code(s: &str) -> bool {
    let n = s.chars().count();
    let (Some(first), Some(last)) = (
        s.find(|c: char| c.is_ascii_digit()),
        s.rfind(|c: char| c.is_ascii_digit()),
    ) else {
        return false;
    };
    (1..=MODEL_CODE_CHARS).contains(&n)
        && s.chars().all(|c| c.is_ascii_alphanumeric())
        && first <= CODE_LETTERS
        && n - last - 1 <= CODE_LETTERS
}

/// `model_code_glued`: the seen words are the own name with a model code glued on —
/// inside the last word ("ab777" for "ab"), or as a word of its own that starts with a
/// letter ("yokiva x12"; "kites 3m" is a measurement). After a name of fewer than three
/// letters the code starts with a digit ("abc12" is another name).
fn with_model_code(own: &str, seen: &str, last_word: &str) -> bool {
    seen.strip_prefix(own).is_some_and(|code| {
        let starts_with_digit = code.starts_with(|c: char| c.is_ascii_digit());
        is_model_code(code)
            && (starts_with_digit || own.len() >= 3)
            && (code.len() < last_word.len() || !starts_with_digit)
    })
}

/// Two compact names are the same brand: equal, equal but for a plural `s` or a `y`
/// written `ies` ("beaniebaby", "beaniebabies"), or (when both are long enough to be
/// unambiguous) one typo apart.
fn same_name(own: &str, seen: &str) -> bool {
    if own == seen {
        return true;
    }
    fn strip(s: &str) -> &str {
        s.strip_suffix('s').unwrap_or(s)
    }
    if own.len() >= 3 && seen.len() >= 3 && strip(own) == strip(seen) {
        return true;
    }
    let ies_of = |y: &str, ies: &str| {
        y.strip_suffix('y')
            .zip(ies.strip_suffix("ies"))
            .is_some_and(|(a, b)| a.len() >= 3 && a == b)
    };
    if ies_of(own, seen) || ies_of(seen, own) {
        return true;
    }
    own.chars().count() >= TYPO_LETTERS
        && seen.chars().count() >= TYPO_LETTERS
        && within_one_edit(own, seen)
}

/// Whether `a` becomes `b` with at most one insertion, deletion, substitution or swap of
/// neighbouring letters.
pub(crate) fn within_one_edit(a: &str, b: &str) -> bool {
    let (la, lb) = (a.chars().count(), b.chars().count());
    if la.abs_diff(lb) > 1 {
        return false;
    }
    let prefix = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    if prefix == la && prefix == lb {
        return true;
    }
    let after = |s: &str| s.char_indices().nth(prefix).map_or(s.len(), |(i, _)| i);
    let (ra, rb) = (&a[after(a)..], &b[after(b)..]);
    let suffix = ra
        .chars()
        .rev()
        .zip(rb.chars().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (na, nb) = (la - prefix - suffix, lb - prefix - suffix);
    if na <= 1 && nb <= 1 {
        return true;
    }
    // A swap of two neighbours: "Hubasn" / "Hubsan".
    let (mut x, mut y) = (ra.chars(), rb.chars());
    let (a0, a1, b0, b1) = (x.next(), x.next(), y.next(), y.next());
    na == 2 && nb == 2 && a0 == b1 && a1 == b0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<String> {
        mark_key(s)
            .split(' ')
            .filter(|w| !w.is_empty())
            .map(str::to_owned)
            .collect()
    }

    fn is_own(brand: &str, text: &str) -> bool {
        OwnBrands::new([brand]).names(&words(text))
    }

    /// The mentions of the brand in the text, as the text's words.
    fn mentions(brand: &str, text: &str) -> Vec<(String, bool)> {
        let w = words(text);
        OwnBrands::new([brand])
            .occurrences(&w)
            .into_iter()
            .map(|o| (w[o.words].join(" "), o.partial))
            .collect()
    }

    #[test]
    fn spelling_variants() {
        assert!(is_own("BePuzzled", "Be Puzzled"));
        assert!(is_own("Melissa & Doug", "Melissa and Doug"));
        assert!(is_own("Power Rangers", "Power Ranger"));
        assert!(is_own("L'Atitude", "Latitude"));
        assert!(is_own("Rubie's", "Rubies"));
        assert!(is_own("Range Kleen", "RANGE KLEEN"));
        assert!(is_own("Pfaltzgraff", "Pfaltzgraf"));
        assert!(
            !is_own("Lego", "Legs"),
            "a typo of a short name is another word"
        );
        assert!(is_own("Hubsan", "Hubasn"), "TYPO_LETTERS letters");
        assert!(!is_own("Toobs", "Tooobs"), "one letter fewer");
        assert!(is_own("TY Beanie Baby", "Ty Beanie Babies"));
        assert!(is_own("Beanie Babies", "Beanie Baby"));
        assert!(is_own("Lily", "Lilies"), "three letters before the y");
        assert!(!is_own("Spy", "Spies"), "two letters before the y");
        assert!(!is_own("Beanie Baby", "Beanie Babes"));
    }

    #[test]
    fn article_dropped() {
        assert!(is_own("The Avengers", "Avengers"));
        assert!(is_own("The Avengers", "The Avengers"));
        assert_eq!(
            mentions("The Learning Journey", "Learning Journey Match It"),
            vec![("learning journey".to_owned(), false)],
            "the whole name, not its first distinctive word"
        );
        assert!(
            !is_own("The Avengers", "The"),
            "the article alone is no name"
        );
        assert!(!is_own("A Team", "Team"), "only \"the\"");
    }

    #[test]
    fn names_listed() {
        assert!(is_own("TY~BEANIES DOGS", "TY"));
        assert!(
            !is_own("TY~BEANIES DOGS", "Beanies Dogs"),
            "the line after the ~ is the seller's catalogue"
        );
        assert!(is_own("TY~BEANIES DOGS", "TY~BEANIES DOGS"));
        assert!(is_own("Acme | Zorblax", "Zorblax"));
        assert!(is_own("Hasbro/Milton Bradley", "Milton Bradley"));
        assert!(is_own("Hasbro/Milton Bradley", "Hasbro"));
        assert!(!is_own("AC/DC", "DC"), "names of fewer than three letters");
        assert!(is_own("AC/DC", "AC DC"));
        assert!(!is_own("TY~BEANIES DOGS", "Dogs"));
    }

    #[test]
    fn company_words_dropped() {
        assert!(is_own("Tangle Creations", "Tangle"));
        assert!(is_own("DC Universe Classics", "DC Universe"));
        assert!(is_own("Patch Products Inc.", "Patch"));
        assert!(is_own("WIDMANN S.R.L.", "Widmann"));
        assert!(is_own("Acme Toys Co., Ltd.", "Acme"));
        assert!(is_own("Acme Toys Co., Ltd.", "Acme Toys"));
        // Makers of electronics and gear name themselves so too.
        assert!(is_own("OCZ Technologies", "OCZ"));
        assert!(is_own("OCZ Technologies", "OCZ Technology"));
        assert!(is_own("Night Owl Optics", "Night Owl"));
        assert!(is_own("Sharp Electronics", "Sharp"));
        assert_eq!(
            mentions("Tangle Creations", "Tangle Jr fidget"),
            [("tangle".to_owned(), true)],
            "the distinctive part is partial"
        );
    }

    #[test]
    fn first_distinctive_word() {
        assert!(is_own("Yokiva Spielzeug", "Yokiva"));
        assert!(
            is_own("Juguetes Yokiva", "Yokiva"),
            "a trade word in Spanish first"
        );
        assert!(is_own("Schleich Figuren Welt", "Schleich"));
        assert!(is_own("The Puppet Company", "Puppet"));
        assert!(
            !is_own("My Tiny World", "My"),
            "too short to stand for the brand"
        );
        assert!(!is_own("My Tiny World", "Tiny"), "only the first word");
        assert!(
            is_own("Zapf Creation", "Zapf"),
            "FIRST_WORD_LETTERS letters"
        );
        assert!(!is_own("Zap Creation", "Zap"));
        assert!(!is_own("Zap Creation", "Creation"));
        assert!(!is_own("Yokiva Spielzeug", "Spielzeug"));
        assert_eq!(
            mentions("Schleich Figuren Welt", "Schleich horse"),
            [("schleich".to_owned(), true)]
        );
    }

    #[test]
    fn trade_words_added() {
        assert!(is_own("Acme", "Acme Toys"));
        assert!(is_own("Acme", "Acme Home"));
        assert!(is_own("Acme", "Acme Official Store"));
        assert_eq!(
            mentions("Acme", "Visit the Acme Official Store today"),
            [("acme official store".to_owned(), false)]
        );
        assert!(
            !is_own("Acme", "Toys"),
            "a trade word alone is nobody's brand"
        );
    }

    #[test]
    fn model_code_glued() {
        assert!(is_own("AB", "AB777"));
        assert!(is_own("YOKIVA", "YOKIVA-X12"));
        assert!(is_own("Yokiva", "YOKIVAX12"));
        assert_eq!(
            mentions("YOKIVA", "YOKIVA-X12 drone"),
            [("yokiva x12".to_owned(), false)]
        );
        assert!(
            !is_own("AB", "ABC12"),
            "letters glued to a short name make another name"
        );
        assert!(is_own("AB", "AB77777777"), "MODEL_CODE_CHARS characters");
        assert!(!is_own("AB", "AB777777777"), "a model code is short");
        assert!(
            is_own("Hubsan", "Hubsan HX107C"),
            "CODE_LETTERS letters before"
        );
        assert!(
            is_own("Hubsan", "Hubsan107CX"),
            "CODE_LETTERS letters after"
        );
        assert!(!is_own("Hubsan", "Hubsan107CXY"));
        assert!(
            !is_own("Yokiva", "YOKIVA X12drone"),
            "a word glued after the code"
        );
        assert!(is_own("Hubsan", "Hubsan H107C"));
        assert!(
            !is_own("Hubsan", "Hubsan HXY107C"),
            "three letters open a word"
        );
    }

    #[test]
    fn model_code_dropped() {
        assert!(is_own("YOKIVA-X12", "Yokiva"));
        assert!(is_own("Hubsan H107C", "Hubsan"));
        // Only this rule drops the code where the first word is too short to stand for
        // the brand by itself.
        assert!(is_own("DJI X12", "DJI"));
        assert!(
            is_own("A369i", "A369i"),
            "a brand that is all code stays itself"
        );
    }

    #[test]
    fn initials_of_the_full_name() {
        assert!(is_own("Marks & Spencer", "M&S"));
        assert!(is_own("Marks and Spencer", "M & S"));
        assert!(is_own("Marks and Spencer", "MS"));
    }

    #[test]
    fn full_name_of_the_initials() {
        assert!(is_own("M&S", "Marks and Spencer"));
        assert!(is_own("M&S", "Marks & Spencer"));
        assert!(is_own("H.P.", "Hewlett Packard"));
        assert_eq!(
            mentions("M&S", "Socks from Marks and Spencer, M&S"),
            [
                ("marks and spencer".to_owned(), false),
                ("m s".to_owned(), false)
            ]
        );
        assert!(!is_own("M&S", "Mike"), "one word is no full name");
        assert!(!is_own("M&S", "the Spencer"), "fillers are no initials");
        // A name's words have two letters or more, and the name starts with none of
        // the fillers: "the" is not part of the seller's brand (a second brand's three
        // initials let three words be tried).
        assert!(!is_own("M&S", "Marks S"));
        let own = OwnBrands::new(["T&B", "X&Y&Z"]);
        let w = words("gifts from the tiny bear");
        let ranges: Vec<Range<usize>> = own.occurrences(&w).into_iter().map(|o| o.words).collect();
        assert_eq!(ranges, vec![3..5]);
    }

    #[test]
    fn a_variant_never_swallows_a_third_party_mark_sharing_a_word() {
        // The brand "Star Toys" is own in "Star", but only partly: the detector lets a
        // longer mark that contains it win.
        assert_eq!(
            mentions("Star Toys", "Star Wars lightsaber"),
            [("star".to_owned(), true)]
        );
        assert!(!is_own("Star Toys", "Star Wars"));
        // A one-word abbreviation is not expanded: "HP" is not "Harry Potter".
        assert!(!is_own("HP", "Harry Potter"));
        assert!(!is_own("H&M Toys", "Harry Potter"), "toys is no initial");
        assert!(!is_own("Hasbro", "Nerf"));
        assert!(!is_own("AB", "ABBA"));
    }

    #[test]
    fn other_names_are_not_own() {
        assert!(!is_own("Samsung", "Galaxy"));
        assert!(!is_own("Disney", "Frozen"));
        assert!(!is_own("Carol Wright Gifts", "Range Kleen"));
        assert!(!is_own("Hasbro", "Nerf"));
    }

    #[test]
    fn occurrences_are_token_ranges() {
        let own = OwnBrands::new(["Melissa & Doug"]);
        let w = words("Melissa & Doug Disney Cinderella by Melissa and Doug");
        let ranges: Vec<Range<usize>> = own.occurrences(&w).into_iter().map(|o| o.words).collect();
        assert_eq!(ranges, vec![0..2, 5..8]);
    }

    #[test]
    fn a_mention_is_grown_as_far_as_the_longest_variant_with_a_model_code_or_the_initials() {
        let ranges = |brand: &str, text: &str| -> Vec<Range<usize>> {
            let own = OwnBrands::new([brand]);
            own.occurrences(&words(text))
                .into_iter()
                .map(|o| o.words)
                .collect()
        };
        // "AB" and a model code of MODEL_CODE_CHARS characters: ten characters, the
        // bound itself.
        assert_eq!(ranges("AB", "case ab77777777 blue"), vec![1..2]);
        // Two initials let four words be tried, fillers among them.
        assert_eq!(ranges("M&S", "gifts marks of the spencer"), vec![1..5]);
    }

    #[test]
    fn a_mention_may_start_with_a_typo_in_its_first_two_letters() {
        let own = OwnBrands::new(["Melissa & Doug"]);
        // A letter changed, dropped, added or swapped at the start.
        for typo in ["Nelissa", "Elissa", "Amelissa", "Emlissa"] {
            let w = words(&format!("{typo} & Doug toys"));
            let ranges: Vec<Range<usize>> =
                own.occurrences(&w).into_iter().map(|o| o.words).collect();
            assert_eq!(ranges, vec![0..3], "{typo}");
        }
        // Three initials let six words be tried, fillers among them.
        let own = OwnBrands::new(["T&B&S"]);
        let w = words("gifts tom of the bear and sam");
        let ranges: Vec<Range<usize>> = own.occurrences(&w).into_iter().map(|o| o.words).collect();
        assert_eq!(ranges, vec![1..7]);
    }

    /// The definition `occurrences` implements: at each word that is not a link word,
    /// the longest run of words ending on a non-link word that names an own brand.
    fn occurrences_by_definition(own: &OwnBrands, w: &[String]) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < w.len() {
            let n = (1..=MAX_TOKENS.min(w.len() - i))
                .rev()
                .find(|&n| !LINK_WORDS.contains(&w[i + n - 1].as_str()) && own.names(&w[i..i + n]));
            match n {
                Some(n) if !LINK_WORDS.contains(&w[i].as_str()) => {
                    out.push(i..i + n);
                    i += n;
                }
                _ => i += 1,
            }
        }
        out
    }

    #[test]
    fn occurrences_follow_their_definition() {
        let own = OwnBrands::new([
            "Melissa & Doug",
            "Patch Products Inc.",
            "BePuzzled",
            "Pfaltzgraff",
            "M&S",
            "Yokiva Spielzeug",
        ]);
        for text in [
            "Melissa & Doug Disney Cinderella by Melissa and Doug",
            "and Melissa and and Doug Be Puzzled be puzzle d patch products patches",
            "pfaltz graf Pfaltzgraf pfaltzgraffs melissadoug melissa doug s and",
            "a b c d e f g h i j k l m n o p be puzzled",
            "Marks and Spencer Yokiva-X12 official store toys Patch toys uk the m s",
            "fpaltzgraff aplatzgraff ffaltzgraff paltzgraff xpfaltzgraff m and s spencer",
        ] {
            let w = words(text);
            let got: Vec<Range<usize>> = own.occurrences(&w).into_iter().map(|o| o.words).collect();
            assert_eq!(got, occurrences_by_definition(&own, &w), "{text}");
        }
    }

    #[test]
    fn one_edit() {
        assert!(within_one_edit("hubsan", "hubasn"));
        assert!(within_one_edit("etihad", "ethad"));
        assert!(within_one_edit("toobs", "tooobs"));
        assert!(!within_one_edit("toobs", "tubes"));
    }
}
