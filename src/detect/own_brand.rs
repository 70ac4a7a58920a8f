//! The seller's own brands: the listing's `brand` field and the names set with
//! [`Engine::set_own_brands`](super::Engine::set_own_brands), with the variants a seller
//! writes them in — case, spacing and punctuation ("BePuzzled" / "Be Puzzled"), `&`/`and`,
//! singular/plural, one typo, initials ("M&S" for "Marks and Spencer") and the
//! distinctive part of a name with company words ("Tangle" for "Tangle Creations").
//!
//! This module finds where those names occur in a field's tokens so that the detector
//! never flags them. It must not look at the register: a line or character of the same
//! owner ("Galaxy" for Samsung) is somebody else's mark as far as the listing goes.

use crate::text::mark_key;
use std::ops::Range;

/// Words that make a name a company name rather than a brand ("Ltd", "Creations",
/// "Toys"): dropped from the end of an own brand to get its distinctive part.
const COMPANY_WORDS: &[&str] = &[
    "ltd",
    "limited",
    "inc",
    "incorporated",
    "llc",
    "plc",
    "gmbh",
    "srl",
    "sa",
    "ag",
    "bv",
    "nv",
    "spa",
    "co",
    "corp",
    "corporation",
    "company",
    "group",
    "creations",
    "collection",
    "products",
    "gifts",
    "brands",
    "enterprises",
    "industries",
    "international",
    "toys",
    "toy",
    "games",
    "studio",
    "studios",
    "designs",
    "crafts",
    "accessories",
];

/// Words that do not count when names are compared: "Melissa & Doug" = "Melissa and Doug".
const LINK_WORDS: &[&str] = &["and"];

/// The longest own-brand mention looked for, in tokens.
const MAX_TOKENS: usize = 8;

/// The seller's own brand names, compiled into the compact forms they are compared in.
#[derive(Debug, Clone, Default)]
pub struct OwnBrands {
    /// Compact variants (no spaces, no link words), each with whether a one-letter typo
    /// of it still counts (long enough to be unambiguous).
    variants: Vec<String>,
    /// Characters of the longest variant: a compact name two or more characters longer
    /// is none of them (a plural or a typo changes the length by one at most).
    longest: usize,
}

impl OwnBrands {
    /// Compiles the given names; empty names are ignored.
    pub fn new<'a>(names: impl IntoIterator<Item = &'a str>) -> Self {
        let mut variants = Vec::new();
        for name in names {
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
            variants.push(significant.concat());
            // The distinctive part: drop company words from the end, as often as they come.
            let mut end = significant.len();
            while end > 1 {
                match (1..=end - 1)
                    .map(|k| end - k)
                    .find(|&k| COMPANY_WORDS.contains(&significant[k..end].concat().as_str()))
                {
                    Some(k) if k > 0 => {
                        end = k;
                        variants.push(significant[..end].concat());
                    }
                    _ => break,
                }
            }
            // Initials of a name of several words: "Marks and Spencer" → "ms".
            let content: Vec<&str> = significant
                .iter()
                .copied()
                .filter(|w| *w != "the" && *w != "of")
                .collect();
            if content.len() >= 2
                && content
                    .iter()
                    .all(|w| w.chars().next().is_some_and(char::is_alphabetic))
            {
                variants.push(content.iter().filter_map(|w| w.chars().next()).collect());
            }
        }
        variants.retain(|v| !v.is_empty());
        variants.sort();
        variants.dedup();
        let longest = variants
            .iter()
            .map(|v| v.chars().count())
            .max()
            .unwrap_or(0);
        OwnBrands { variants, longest }
    }

    /// Whether no own brand is known.
    pub fn is_empty(&self) -> bool {
        self.variants.is_empty()
    }

    /// Whether the words (normalised tokens, as [`mark_key`] splits them) name an own
    /// brand.
    pub fn names<S: AsRef<str>>(&self, words: &[S]) -> bool {
        let compact: String = words
            .iter()
            .map(AsRef::as_ref)
            .filter(|w| !LINK_WORDS.contains(w))
            .collect();
        self.is_variant(&compact)
    }

    /// Whether a compact name (words concatenated, link words left out) is one of the
    /// variants.
    fn is_variant(&self, compact: &str) -> bool {
        !compact.is_empty() && self.variants.iter().any(|v| same_name(v, compact))
    }

    /// The token ranges of `words` that mention an own brand, longest first at each
    /// position, not overlapping, in order.
    pub fn occurrences<S: AsRef<str>>(&self, words: &[S]) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        if self.is_empty() {
            return out;
        }
        // The compact name of words[i..i + n], grown one word at a time and given up as
        // soon as it is longer than any variant could match: a field costs a few
        // comparisons per word, not MAX_TOKENS allocations.
        let mut compact = String::new();
        let mut i = 0;
        while i < words.len() {
            if LINK_WORDS.contains(&words[i].as_ref()) {
                i += 1;
                continue;
            }
            compact.clear();
            let mut chars = 0;
            let mut longest = None;
            for n in 1..=MAX_TOKENS.min(words.len() - i) {
                let w = words[i + n - 1].as_ref();
                if LINK_WORDS.contains(&w) {
                    continue;
                }
                compact.push_str(w);
                chars += w.chars().count();
                if chars > self.longest + 1 {
                    break;
                }
                if self.is_variant(&compact) {
                    longest = Some(n);
                }
            }
            match longest {
                Some(n) => {
                    out.push(i..i + n);
                    i += n;
                }
                None => i += 1,
            }
        }
        out
    }
}

/// Two compact names are the same brand: equal, equal but for a plural `s`, or (when
/// both are long enough to be unambiguous) one typo apart.
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
    own.chars().count() >= 6 && seen.chars().count() >= 6 && within_one_edit(own, seen)
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

    #[test]
    fn variants_a_seller_writes() {
        assert!(is_own("BePuzzled", "Be Puzzled"));
        assert!(is_own("Melissa & Doug", "Melissa and Doug"));
        assert!(is_own("Power Rangers", "Power Ranger"));
        assert!(is_own("L'Atitude", "Latitude"));
        assert!(is_own("Rubie's", "Rubies"));
        assert!(is_own("Marks and Spencer", "M&S"));
        assert!(is_own("Tangle Creations", "Tangle"));
        assert!(is_own("Patch Products Inc.", "Patch"));
        assert!(is_own("WIDMANN S.R.L.", "Widmann"));
        assert!(is_own("Range Kleen", "RANGE KLEEN"));
        assert!(is_own("Pfaltzgraff", "Pfaltzgraf"));
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
        assert_eq!(own.occurrences(&w), vec![0..2, 5..8]);
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
        ]);
        for text in [
            "Melissa & Doug Disney Cinderella by Melissa and Doug",
            "and Melissa and and Doug Be Puzzled be puzzle d patch products patches",
            "pfaltz graf Pfaltzgraf pfaltzgraffs melissadoug melissa doug s and",
            "a b c d e f g h i j k l m n o p be puzzled",
        ] {
            let w = words(text);
            assert_eq!(
                own.occurrences(&w),
                occurrences_by_definition(&own, &w),
                "{text}"
            );
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
