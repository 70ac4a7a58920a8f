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
        OwnBrands { variants }
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
        !compact.is_empty() && self.variants.iter().any(|v| same_name(v, &compact))
    }

    /// The token ranges of `words` that mention an own brand, longest first at each
    /// position, not overlapping, in order.
    pub fn occurrences<S: AsRef<str>>(&self, words: &[S]) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        if self.is_empty() {
            return out;
        }
        let mut i = 0;
        while i < words.len() {
            let longest = (1..=MAX_TOKENS.min(words.len() - i)).rev().find(|&n| {
                !LINK_WORDS.contains(&words[i + n - 1].as_ref()) && self.names(&words[i..i + n])
            });
            match longest {
                Some(n) if !LINK_WORDS.contains(&words[i].as_ref()) => {
                    out.push(i..i + n);
                    i += n;
                }
                _ => i += 1,
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
    let strip = |s: &str| {
        s.strip_suffix('s')
            .map(str::to_owned)
            .unwrap_or_else(|| s.to_owned())
    };
    if own.len() >= 3 && seen.len() >= 3 && strip(own) == strip(seen) {
        return true;
    }
    own.chars().count() >= 6 && seen.chars().count() >= 6 && within_one_edit(own, seen)
}

/// Whether `a` becomes `b` with at most one insertion, deletion, substitution or swap of
/// neighbouring letters.
pub(crate) fn within_one_edit(a: &str, b: &str) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let (la, lb) = (a.len(), b.len());
    if la.abs_diff(lb) > 1 {
        return false;
    }
    let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    if prefix == la && prefix == lb {
        return true;
    }
    let suffix = a[prefix..]
        .iter()
        .rev()
        .zip(b[prefix..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (ra, rb) = (la - prefix - suffix, lb - prefix - suffix);
    if ra <= 1 && rb <= 1 {
        return true;
    }
    // A swap of two neighbours: "Hubasn" / "Hubsan".
    ra == 2 && rb == 2 && a[prefix] == b[prefix + 1] && a[prefix + 1] == b[prefix]
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

    #[test]
    fn one_edit() {
        assert!(within_one_edit("hubsan", "hubasn"));
        assert!(within_one_edit("etihad", "ethad"));
        assert!(within_one_edit("toobs", "tooobs"));
        assert!(!within_one_edit("toobs", "tubes"));
    }
}
