//! Copied copy: runs of a listing's text taken from other sellers' listings in the
//! reference corpus.
//!
//! [`find`] runs three steps, one module each: `find` ranks candidate
//! (checked field, corpus field) pairs from shared fingerprints; `align` aligns each
//! pair word by word and groups the aligned words into copied stretches; [`judge`] gives
//! each stretch its verdict (its table is in its documentation), downgrades template and
//! same-brand text, and writes the finding. Then one finding per copied stretch is kept,
//! the strongest source winning. This module judges copying only; it must not know
//! about marks or the browser.

mod align;
mod find;
pub mod judge;

pub use judge::{copied_regions, Region};

use crate::corpus::{CorpusIndex, FieldWords};
use crate::listing::{Field, Finding, Listing};
use crate::text;
use align::span16;
use find::shared_count;
use judge::MIN_CONTENT;

/// Copied-copy findings for `listing` against `corpus`, ordered by field, bullet index
/// and start. Offsets are UTF-16 code units of the listing's fields; each finding's
/// [`CopySource`](crate::listing::CopySource) gives the corpus listing and the copied
/// words' span in its text.
pub fn find(corpus: &CorpusIndex, listing: &Listing) -> Vec<Finding> {
    find_with_own_brands(corpus, listing, &[])
}

/// [`find`], with more brands of the seller's own (besides the listing's `brand`) whose
/// corpus listings are never sources.
pub fn find_with_own_brands(
    corpus: &CorpusIndex,
    listing: &Listing,
    own_brands: &[String],
) -> Vec<Finding> {
    if corpus.is_empty() {
        return Vec::new();
    }
    let own: Vec<String> = own_brands
        .iter()
        .map(String::as_str)
        .chain(listing.brand.as_deref())
        .map(text::mark_key)
        .filter(|k| !k.is_empty())
        .collect();
    let fields: Vec<(Field, Option<usize>, &str, FieldWords)> = listing
        .fields()
        .into_iter()
        .filter(|(f, _, _)| *f != Field::Keywords)
        .map(|(f, i, t)| (f, i, t, FieldWords::new(t)))
        .collect();

    // 1. Candidates.
    let words: Vec<&FieldWords> = fields.iter().map(|(_, _, _, w)| w).collect();
    let ranked = find::ranked_pairs(corpus, &words, &listing.id, &own);
    let mut slots: Vec<u32> = Vec::new();
    for &((_, slot, _), _) in &ranked {
        if !slots.contains(&slot) {
            slots.push(slot);
        }
    }

    // 2. Verification and verdicts, source listing by source listing.
    let vocab: Vec<Vec<u64>> = words.iter().map(|w| w.content_words()).collect();
    let query_brand = leading_word(listing.title.as_deref());
    let mut found: Vec<Candidate> = Vec::new();
    for slot in slots {
        let Some(source) = corpus.listing(slot) else {
            continue;
        };
        let source_fields = source.fields();
        let mut words_of: Vec<Option<(FieldWords, Vec<u64>)>> = vec![None; source_fields.len()];
        let mut from_source: Vec<Candidate> = Vec::new();
        let mut title_copied = false;
        for &((qi, _, f), _) in ranked.iter().filter(|p| p.0 .1 == slot) {
            let f = usize::from(f);
            let Some(&(sfield, sindex, stext)) = source_fields.get(f) else {
                continue;
            };
            let (swords, svocab) = words_of[f].get_or_insert_with(|| {
                let w = FieldWords::new(stext);
                let v = w.content_words();
                (w, v)
            });
            let (qfield, _, _, qwords) = &fields[qi];
            // Every verdict needs 4 copied content words: skip pairs sharing fewer.
            if shared_count(&vocab[qi], svocab) < MIN_CONTENT {
                continue;
            }
            for mut region in copied_regions(qwords, swords) {
                judge::mark_template_text(&mut region, swords, corpus);
                title_copied |= *qfield == Field::Title
                    && sfield == Field::Title
                    && region.field_copied * 5 >= qwords.hashes.len() * 4;
                from_source.push(Candidate {
                    field: qi,
                    source_slot: slot,
                    source_field: (sfield, sindex),
                    source_text: stext.to_string(),
                    source_span: span16(swords, region.source.0, region.source.1),
                    region,
                });
            }
        }
        // The brand is read from the titles' first word unless the checked title is
        // itself a copy of this source's title (then the reading would be circular).
        let same_brand = !title_copied
            && query_brand.is_some()
            && query_brand == leading_word(source.title.as_deref());
        if same_brand {
            judge::mark_same_brand(&mut from_source);
        }
        found.extend(from_source);
    }
    judge::mark_found_in_many(&mut found, corpus.boilerplate_listings());

    // 3. One finding per copied stretch: the strongest source wins, no overlaps.
    found.sort_by(|a, b| {
        b.region
            .severity
            .cmp(&a.region.severity)
            .then(b.region.copied.cmp(&a.region.copied))
            .then(a.source_slot.cmp(&b.source_slot))
    });
    let mut taken: Vec<(usize, usize, usize)> = Vec::new();
    let mut findings = Vec::new();
    for c in found {
        let (field, index, original, words) = &fields[c.field];
        let (start, end) = span16(words, c.region.query.0, c.region.query.1);
        if taken
            .iter()
            .any(|&(f, s, e)| f == c.field && s < end && start < e)
        {
            continue;
        }
        taken.push((c.field, start, end));
        let Some(source) = corpus.listing(c.source_slot) else {
            continue;
        };
        findings.push(judge::finding(
            c,
            (*field, *index, original, words),
            (start, end),
            source,
        ));
    }
    findings.sort_by_key(|f| (f.field, f.index, f.start));
    findings
}

/// The first word of a title that is not a function word: where marketplaces put the
/// brand.
fn leading_word(title: Option<&str>) -> Option<String> {
    let n = text::normalize(title?);
    n.tokens()
        .iter()
        .map(|t| t.text.to_string())
        .find(|w| !crate::corpus::is_function_word(w))
}

/// A copied stretch of one checked field and the source it was found in.
struct Candidate {
    field: usize,
    source_slot: u32,
    source_field: (Field, Option<usize>),
    source_text: String,
    source_span: (usize, usize),
    region: Region,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::CorpusListing;
    use crate::listing::Severity;

    const SOURCE: &str =
        "Complete toy pots and pans set: the making dinner for eight cookware set is \
        the perfect addition to your cooking playset. The colorful assortment of pots, pans, \
        tools and utensils will inspire your child to cook up hours of fun!";

    fn corpus() -> CorpusIndex {
        let mut c = CorpusIndex::new(100);
        c.add(CorpusListing {
            id: "ref:1".into(),
            url: Some("https://example.com/1".into()),
            brand: Some("Battat".into()),
            title: Some("Play Circle Cookware Set for Kids".into()),
            bullets: vec![
                SOURCE.into(),
                "Sized perfectly for small hands and big imaginations".into(),
            ],
            ..Default::default()
        });
        c.add(CorpusListing {
            id: "ref:2".into(),
            title: Some("Wooden Train Set with Bridge and Tunnel".into()),
            bullets: vec!["Forty pieces of solid beech wood track fit every major brand".into()],
            ..Default::default()
        });
        c
    }

    fn check(bullet: &str) -> Vec<Finding> {
        find(
            &corpus(),
            &Listing {
                id: "mine".into(),
                title: Some("My own kitchen toy".into()),
                bullets: vec!["Made by us.".into(), bullet.into()],
                ..Default::default()
            },
        )
    }

    #[test]
    fn a_verbatim_bullet_is_high_with_its_source_span() {
        let bullet = format!("Great value. {SOURCE}");
        let f = check(&bullet);
        assert_eq!(f.len(), 1, "{f:#?}");
        let f = &f[0];
        assert_eq!(
            (f.field, f.index, f.severity),
            (Field::Bullets, Some(1), Severity::High)
        );
        // Spans run from the first to the last copied word: the final `!` is outside.
        let words = SOURCE.trim_end_matches('!');
        assert_eq!(f.text, words);
        assert_eq!(&bullet[f.start..f.end], words, "ASCII: UTF-16 = bytes");
        let src = f.source.as_ref().unwrap();
        assert_eq!(src.id, "ref:1");
        assert_eq!((src.start, src.end), (0, text::utf16_len(words)));
        assert!(src.similarity > 0.8);
    }

    #[test]
    fn a_lightly_edited_copy_is_found() {
        let edited = "COMPLETE toy pots & pans set - the making dinner for EIGHT cookware set \
            is the ideal addition to your kitchen playset. The colourful assortment of pots, \
            pans, tools and utensils inspire your kid to cook up hours of fun";
        let f = check(edited);
        assert_eq!(f.len(), 1, "{f:#?}");
        assert!(f[0].severity >= Severity::Medium);
        assert!(f[0].end - f[0].start > edited.len() / 2);
    }

    #[test]
    fn swapped_clauses_are_both_found() {
        let swapped = "The colorful assortment of pots, pans, tools and utensils will inspire \
            your child to cook up hours of fun! Complete toy pots and pans set: the making \
            dinner for eight cookware set is the perfect addition to your cooking playset.";
        let f = check(swapped);
        assert!(!f.is_empty());
        let covered: usize = f.iter().map(|f| f.end - f.start).sum();
        assert!(covered > swapped.len() * 8 / 10, "{f:#?}");
    }

    #[test]
    fn an_eight_word_run_is_medium_and_shorter_ones_are_nothing() {
        let f =
            check("Our set has the making dinner for eight cookware set is the best, honestly.");
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(f[0].severity, Severity::Medium);
        assert!(check("We love making dinner for eight people at home with friends").is_empty());
    }

    #[test]
    fn unrelated_text_on_the_same_topic_is_clean() {
        assert!(check(
            "Our pots and pans set for kids has twelve pieces, sized for small hands, \
             made of food-grade plastic that is easy to clean and fun for pretend cooking."
        )
        .is_empty());
    }

    #[test]
    fn own_brand_and_the_listing_itself_are_never_sources() {
        let mut l = Listing {
            id: "mine".into(),
            brand: Some("BATTAT".into()),
            bullets: vec![SOURCE.into()],
            ..Default::default()
        };
        assert!(find(&corpus(), &l).is_empty());
        l.brand = None;
        l.id = "ref:1".into();
        assert!(find(&corpus(), &l).is_empty());
        l.id = "other".into();
        assert_eq!(find(&corpus(), &l).len(), 1);
    }

    #[test]
    fn offsets_are_utf16_with_emoji_before_the_copy() {
        let bullet = format!("😀😀 家具 {SOURCE}");
        let f = check(&bullet);
        assert_eq!(f.len(), 1);
        assert_eq!(
            text::slice_utf16(&bullet, f[0].start..f[0].end),
            Some(SOURCE.trim_end_matches('!'))
        );
        assert_eq!(f[0].start, 8);
    }

    /// `n` distinct content words (letters only, none a function word), each starting
    /// with `tag`.
    pub(super) fn words(tag: &str, n: usize) -> Vec<String> {
        (0..n)
            .map(|i| {
                let (a, b) = (b'a' + (i / 26) as u8, b'a' + (i % 26) as u8);
                format!("{tag}{}{}", a as char, b as char)
            })
            .collect()
    }

    /// A corpus of the given listings, each `(id, title, bullet)`, no brand.
    fn corpus_of(listings: &[(&str, &str, String)]) -> CorpusIndex {
        let mut c = CorpusIndex::new(100);
        for (id, title, bullet) in listings {
            c.add(CorpusListing {
                id: id.to_string(),
                title: Some(title.to_string()),
                bullets: vec![bullet.clone()],
                ..Default::default()
            });
        }
        c
    }

    fn check_bullet(corpus: &CorpusIndex, title: &str, bullet: &str) -> Vec<(Severity, String)> {
        find(
            corpus,
            &Listing {
                id: "mine".into(),
                title: Some(title.into()),
                bullets: vec![bullet.into()],
                ..Default::default()
            },
        )
        .into_iter()
        .map(|f| (f.severity, f.reason))
        .collect()
    }

    #[test]
    fn a_sentence_in_two_listings_is_copy_and_in_three_a_template() {
        // One listing carries a maker's sentence and words of its own; the checked bullet
        // copies both. The sentence's fingerprints, in 3 listings, are a template: the
        // copy is informational. In 2 listings they are not.
        let template = words("maker", 30).join(" ");
        let own = words("seller", 12).join(" ");
        let first = ("ref:a", "Acme kettle", format!("{template} {own}"));
        let second = ("ref:b", "Bolt kettle", template.clone());
        let third = ("ref:c", "Crux kettle", template.clone());
        let bullet = format!("{template} {own}");

        let two = corpus_of(&[first.clone(), second.clone()]);
        let found = check_bullet(&two, "Zeta kettle", &bullet);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].0, Severity::High, "{found:#?}");
        assert!(!found[0].1.contains("template"), "{found:#?}");

        let three = corpus_of(&[first, second, third]);
        let found = check_bullet(&three, "Zeta kettle", &bullet);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].0, Severity::Low, "{found:#?}");
        assert!(
            found[0]
                .1
                .contains("text shared by many listings (a template)"),
            "{found:#?}"
        );
    }

    #[test]
    fn a_long_copy_is_no_template_because_short_parts_of_it_are_found_elsewhere() {
        // A copies 100 words of one listing; two 9-word sentences of it are also in B and
        // C. The 100 words are A's text, not a template of three listings.
        let long = words("long", 100);
        let a = ("ref:a", "Acme kettle", long.join(" "));
        let part = |r: std::ops::Range<usize>, tag: &str| {
            let mut w = long[r].to_vec();
            w.extend(words(tag, 12));
            w.join(" ")
        };
        let b = ("ref:b", "Bolt kettle", part(10..19, "bolt"));
        let c = ("ref:c", "Crux kettle", part(50..59, "crux"));
        let found = check_bullet(&corpus_of(&[a, b, c]), "Zeta kettle", &long.join(" "));
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].0, Severity::High, "{found:#?}");
        assert!(!found[0].1.contains("template"), "{found:#?}");
    }

    /// A template of 24 words with a blank after every 4 (so no 5 words in a row are the
    /// same in two fillings), filled with `fill`'s words.
    fn filled(fill: &str) -> String {
        let template = words("stands", 24);
        let blanks = words(fill, 6);
        template
            .chunks(4)
            .zip(&blanks)
            .flat_map(|(chunk, blank)| chunk.iter().chain(std::iter::once(blank)))
            .cloned()
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn a_template_filled_in_by_three_listings_is_informational_and_by_two_copy() {
        let sources = [
            ("ref:a", "Acme figure", filled("alpha")),
            ("ref:b", "Bolt figure", filled("bravo")),
            ("ref:c", "Crux figure", filled("charlie")),
        ];
        let bullet = filled("mine");
        let found = check_bullet(&corpus_of(&sources[..2]), "Zeta figure", &bullet);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert!(found[0].0 >= Severity::Medium, "{found:#?}");
        let found = check_bullet(&corpus_of(&sources), "Zeta figure", &bullet);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].0, Severity::Low, "{found:#?}");
        assert!(
            found[0].1.contains("text found in 3 listings (a template)"),
            "{found:#?}"
        );
    }

    #[test]
    fn a_listing_of_the_same_brand_is_the_makers_text_unless_its_title_is_copied() {
        // The brand is the titles' first content word.
        let found = check_bullet(&corpus(), "The Play kitchen for kids", SOURCE);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].0, Severity::Low);
        assert!(
            found[0].1.contains("a listing of the same brand"),
            "{found:#?}"
        );
        // Another first word: a copy.
        let found = check_bullet(&corpus(), "Plays kitchen for kids", SOURCE);
        assert_eq!(found[0].0, Severity::High, "{found:#?}");
        // The title itself copied (80 % of it): the shared first word proves nothing.
        let l = Listing {
            id: "mine".into(),
            title: Some("Play Circle Cookware Set for Kids".into()),
            bullets: vec![SOURCE.into()],
            ..Default::default()
        };
        let found = find(&corpus(), &l);
        assert_eq!(found.len(), 2, "{found:#?}");
        assert!(
            found.iter().all(|f| f.severity == Severity::High),
            "{found:#?}"
        );
    }

    #[test]
    fn the_source_is_named_by_its_field_and_the_similarity_is_the_share_of_words_copied() {
        // Words as the field's text has them: runs of letters and digits.
        let count = |t: &str| {
            t.split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .count()
        };
        let bullet = format!("Great value. {SOURCE}");
        let f = &check(&bullet)[0];
        let src = f.source.as_ref().unwrap();
        let expected = count(SOURCE) as f32 / count(&bullet) as f32;
        assert!(
            (src.similarity - expected).abs() < 1e-6,
            "{} vs {expected}",
            src.similarity
        );
        assert!(
            f.reason
                .contains("in the bullet 1 of another seller's listing ref:1"),
            "{}",
            f.reason
        );

        let source = words("source", 20).join(" ");
        let mut c = CorpusIndex::new(10);
        c.add(CorpusListing {
            id: "ref:t".into(),
            title: Some(source.clone()),
            ..Default::default()
        });
        c.add(CorpusListing {
            id: "ref:d".into(),
            description: Some(words("describe", 20).join(" ")),
            ..Default::default()
        });
        let listing = Listing {
            id: "mine".into(),
            bullets: vec![source, words("describe", 20).join(" ")],
            ..Default::default()
        };
        let reasons: Vec<String> = find(&c, &listing).into_iter().map(|f| f.reason).collect();
        assert_eq!(reasons.len(), 2, "{reasons:#?}");
        assert!(
            reasons[0].contains("in the title of another seller's listing ref:t"),
            "{reasons:#?}"
        );
        assert!(
            reasons[1].contains("in the description of another seller's listing ref:d"),
            "{reasons:#?}"
        );
    }

    #[test]
    fn a_source_sharing_exactly_four_content_words_is_judged() {
        // An eight-word run with 4 content words is medium (copied_regions); the pair
        // must not be skipped before it is aligned.
        let run = |content: &[String]| {
            format!(
                "the {} of {} with {} for {} and",
                content[0], content[1], content[2], content[3]
            )
        };
        let content = words("copied", 4);
        let source = format!(
            "{} {} {}",
            words("theirs", 6).join(" "),
            run(&content),
            words("theirs", 12)[6..].join(" ")
        );
        let bullet = format!(
            "{} {} {}",
            words("mine", 6).join(" "),
            run(&content),
            words("mine", 12)[6..].join(" ")
        );
        let c = corpus_of(&[("ref:a", "Acme kettle", source)]);
        let found = check_bullet(&c, "Zeta kettle", &bullet);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].0, Severity::Medium, "{found:#?}");
    }

    #[test]
    fn a_title_copied_from_the_sources_title_is_no_evidence_of_the_same_brand() {
        let shared = words("copied", 15);
        let source_title = format!("Acme {}", shared.join(" "));
        let c = corpus_of(&[(
            "ref:a",
            source_title.as_str(),
            words("theirs", 20).join(" "),
        )]);
        let title = |copied: usize, own: usize| {
            format!(
                "Acme {} {}",
                shared[..copied].join(" "),
                words("mine", own).join(" ")
            )
        };
        let severity = |title: &str| -> Vec<Severity> {
            find(
                &c,
                &Listing {
                    id: "mine".into(),
                    title: Some(title.into()),
                    ..Default::default()
                },
            )
            .into_iter()
            .map(|f| f.severity)
            .collect()
        };
        // 16 of 20 title words copied (80 %): a copied title, whatever its first word.
        assert_eq!(severity(&title(15, 4)), [Severity::High]);
        // 15 of 20 (75 %): the shared first word is the brand, the maker's own text.
        assert_eq!(severity(&title(14, 5)), [Severity::Low]);

        // A title that copies the source's bullet, not its title, proves nothing about
        // the brand either: the same brand's listing, informational.
        let bullet = words("bullet", 16);
        let c = corpus_of(&[("ref:b", "Acme kettle", bullet.join(" "))]);
        let found = find(
            &c,
            &Listing {
                id: "mine".into(),
                title: Some(format!("Acme {}", bullet.join(" "))),
                ..Default::default()
            },
        );
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].severity, Severity::Low, "{found:#?}");
    }
}
