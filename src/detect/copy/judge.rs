//! The one judge of copied-copy findings: the verdict on each copied stretch, the
//! downgrades to informational, and the finding's reason.
//!
//! | evidence (copied words of one stretch, or of the whole field)            | severity |
//! |--------------------------------------------------------------------------|----------|
//! | 15 consecutive words                                                     | high     |
//! | 15 copied words at 80 % density, 8 of them content words                 | high     |
//! | 80 % of the field's weight, at least 5 content words                     | high     |
//! | 8 consecutive words, 4 of them content words (`MIN_CONTENT`)           | medium   |
//! | 8 copied words at 70 % density, 5 of them content words                  | medium   |
//! | half of the field's weight, at least 5 content words                     | medium   |
//! | less                                                                     | nothing  |
//!
//! Then, whatever the verdict, informational (`low`) when:
//! - most of the source stretch's fingerprints are boilerplate (a maker's standard
//!   sentence, shared by many corpus listings);
//! - the source is a listing of the same brand (its title starts with the same word),
//!   unless the checked title itself is a copy of that source's title;
//! - the same stretch is found in as many listings as make boilerplate (a template with
//!   its blanks filled differently).

use super::align::{aligned_groups, weight};
use super::Candidate;
use crate::corpus::fingerprint;
use crate::corpus::{CorpusIndex, CorpusListing, FieldWords};
use crate::listing::{CopySource, Field, Finding, FindingKind, Severity};
use crate::text;

/// Fewest copied content words (not function words) behind any verdict.
pub(super) const MIN_CONTENT: usize = 4;

/// A copied stretch of a checked field and where it lies in the source field.
#[derive(Debug, Clone, PartialEq)]
pub struct Region {
    /// First and last copied word (token indices) in the checked field.
    pub query: (usize, usize),
    /// First and last copied word in the source field.
    pub source: (usize, usize),
    /// Words of the region found in the source.
    pub copied: usize,
    /// Words of the whole field found in this source field.
    pub field_copied: usize,
    /// The verdict.
    pub severity: Severity,
    /// Which rule decided it, in words.
    pub why: String,
}

/// The copied regions of field `q` found in source field `s`, with their verdicts.
pub fn copied_regions(q: &FieldWords, s: &FieldWords) -> Vec<Region> {
    let groups = aligned_groups(q, s);
    let field_words = q.hashes.len();
    let total_weight: f32 = (0..field_words).map(|i| weight(q, i)).sum();
    let copied: usize = groups.iter().map(Vec::len).sum();
    let copied_weight: f32 = groups.iter().flatten().map(|&(i, _)| weight(q, i)).sum();
    let copied_content = groups
        .iter()
        .flatten()
        .filter(|&&(i, _)| !q.function[i])
        .count();
    let share = copied_weight / total_weight.max(f32::EPSILON);

    let bounds = |g: &[(usize, usize)]| {
        let (i0, i1) = (g[0].0, g[g.len() - 1].0);
        let j0 = g.iter().map(|p| p.1).min().unwrap_or(0);
        let j1 = g.iter().map(|p| p.1).max().unwrap_or(0);
        ((i0, i1), (j0, j1))
    };

    // Most of the field copied: one region over all copied groups.
    if copied_content >= 5 && share >= 0.5 {
        let all: Vec<(usize, usize)> = groups.iter().flatten().copied().collect();
        let (query, _) = bounds(&all);
        let main = groups.iter().max_by_key(|g| g.len()).map_or(&all, |g| g);
        let (_, source) = bounds(main);
        let (severity, why) = if share >= 0.8 {
            (
                Severity::High,
                format!("{:.0} % of the field", share * 100.0),
            )
        } else {
            (
                Severity::Medium,
                format!("{:.0} % of the field", share * 100.0),
            )
        };
        return vec![Region {
            query,
            source,
            copied,
            field_copied: copied,
            severity,
            why,
        }];
    }
    let mut out = Vec::new();
    for g in &groups {
        let (query, source) = bounds(g);
        let mut run = 1;
        let mut longest = 1;
        for w in g.windows(2) {
            if w[1].0 == w[0].0 + 1 && w[1].1 == w[0].1 + 1 {
                run += 1;
                longest = longest.max(run);
            } else {
                run = 1;
            }
        }
        let len = query.1 - query.0 + 1;
        let density = g.len() as f32 / len as f32;
        let content = g.iter().filter(|&&(i, _)| !q.function[i]).count();
        let verdict = if longest >= 15 {
            Some((Severity::High, format!("{longest} consecutive words")))
        } else if g.len() >= 15 && density >= 0.8 && content >= 8 {
            Some((Severity::High, format!("{} of {len} words", g.len())))
        } else if longest >= 8 && content >= MIN_CONTENT {
            Some((Severity::Medium, format!("{longest} consecutive words")))
        } else if g.len() >= 8 && density >= 0.7 && content >= 5 {
            Some((Severity::Medium, format!("{} of {len} words", g.len())))
        } else {
            None
        };
        if let Some((severity, why)) = verdict {
            out.push(Region {
                query,
                source,
                copied: g.len(),
                field_copied: copied,
                severity,
                why,
            });
        }
    }
    out
}

/// Informational when most of the source stretch's indexed fingerprints are boilerplate
/// (shared by many corpus listings: a maker's standard sentence). `source` is the
/// corpus field's words.
pub(super) fn mark_template_text(region: &mut Region, source: &FieldWords, corpus: &CorpusIndex) {
    let (j0, j1) = region.source;
    // Only the source's winnowed k-grams are in the index.
    let indexed: Vec<usize> = fingerprint::kgrams(&source.hashes[j0..=j1])
        .into_iter()
        .map(|g| corpus.sharing(g))
        .filter(|&n| n > 0)
        .collect();
    let common = indexed
        .iter()
        .filter(|&&n| n >= corpus.boilerplate_listings())
        .count();
    if !indexed.is_empty() && common * 2 >= indexed.len() {
        region.severity = Severity::Low;
        region
            .why
            .push_str(", text shared by many listings (a template)");
    }
}

/// Informational: every stretch taken from a listing of the same brand, the maker's
/// own text.
pub(super) fn mark_same_brand(from_source: &mut [Candidate]) {
    for c in from_source {
        c.region.severity = Severity::Low;
        c.region
            .why
            .push_str(", a listing of the same brand: probably the maker's own text");
    }
}

/// Informational: a serious stretch whose text (more than half of it) is found in as
/// many corpus listings as make boilerplate (`boilerplate_listings`), e.g. "stands 3 ¾
/// inches tall, perfect for any … fan" filled in differently.
pub(super) fn mark_found_in_many(found: &mut [Candidate], boilerplate_listings: usize) {
    let serious: Vec<(usize, u32, (usize, usize))> = found
        .iter()
        .filter(|c| c.region.severity >= Severity::Medium)
        .map(|c| (c.field, c.source_slot, c.region.query))
        .collect();
    for c in found {
        let (a0, a1) = c.region.query;
        let mut sources: Vec<u32> = serious
            .iter()
            // The same text: more than half of this copied stretch. Half of the
            // shorter one would let two short sentences found elsewhere turn a long
            // verbatim copy into a template.
            .filter(|&&(f, _, (b0, b1))| {
                let overlap = (a1.min(b1) + 1).saturating_sub(a0.max(b0));
                f == c.field && 2 * overlap > a1 - a0 + 1
            })
            .map(|s| s.1)
            .collect();
        sources.sort_unstable();
        sources.dedup();
        if sources.len() >= boilerplate_listings && c.region.severity >= Severity::Medium {
            c.region.severity = Severity::Low;
            c.region.why.push_str(&format!(
                ", text found in {} listings (a template)",
                sources.len()
            ));
        }
    }
}

/// The finding for candidate `c` at UTF-16 `start..end` of checked field `field`
/// (`index`, `original` text, `words`), copied from `source`.
pub(super) fn finding(
    c: Candidate,
    (field, index, original, words): (Field, Option<usize>, &str, &FieldWords),
    (start, end): (usize, usize),
    source: &CorpusListing,
) -> Finding {
    let n = words.hashes.len();
    let similarity = c.region.field_copied as f32 / n.max(1) as f32;
    let where_ = match c.source_field {
        (Field::Title, _) => "title".to_string(),
        (Field::Bullets, Some(i)) => format!("bullet {}", i + 1),
        (Field::Description, _) => "description".to_string(),
        _ => "text".to_string(),
    };
    Finding {
        field,
        index,
        start,
        end,
        text: text::slice_utf16(original, start..end)
            .unwrap_or_default()
            .to_string(),
        kind: FindingKind::CopiedCopy,
        severity: c.region.severity,
        mark: source.id.clone(),
        reason: format!(
            "{} words here ({}) appear in order in the {} of another seller's listing {}; \
             copied listing text can get a listing removed for copyright infringement",
            c.region.copied, c.region.why, where_, source.id
        ),
        records: Vec::new(),
        suggestion: "Rewrite this in your own words.".into(),
        source: Some(CopySource {
            id: source.id.clone(),
            url: source.url.clone(),
            title: source.title.clone(),
            text: c.source_text,
            start: c.source_span.0,
            end: c.source_span.1,
            similarity,
        }),
        enforcement: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::copy::tests::words;

    /// The verdicts of `copied_regions` for a checked field and a source field.
    fn verdicts(query: &[String], source: &[String]) -> Vec<(Severity, usize)> {
        copied_regions(
            &FieldWords::new(&query.join(" ")),
            &FieldWords::new(&source.join(" ")),
        )
        .into_iter()
        .map(|r| (r.severity, r.copied))
        .collect()
    }

    /// A field of 40 words of its own around `run`, and a source with `run` among 20 words
    /// of its own: too little of the field is copied for the whole-field rule.
    fn in_long_fields(run: &[String]) -> (Vec<String>, Vec<String>) {
        let (own, other) = (words("mine", 40), words("theirs", 20));
        let query = [&own[..20], run, &own[20..]].concat();
        let source = [&other[..10], run, &other[10..]].concat();
        (query, source)
    }

    #[test]
    fn fifteen_consecutive_words_are_high_and_fourteen_medium() {
        for (n, expected) in [
            (16, Severity::High),
            (15, Severity::High),
            (14, Severity::Medium),
        ] {
            let (q, s) = in_long_fields(&words("copied", n));
            assert_eq!(verdicts(&q, &s), [(expected, n)], "{n} words");
        }
    }

    #[test]
    fn eight_consecutive_words_are_medium_and_seven_nothing() {
        for (n, expected) in [
            (9, Some(Severity::Medium)),
            (8, Some(Severity::Medium)),
            (7, None),
        ] {
            let (q, s) = in_long_fields(&words("copied", n));
            let expected: Vec<(Severity, usize)> = expected.map(|e| (e, n)).into_iter().collect();
            assert_eq!(verdicts(&q, &s), expected, "{n} words");
        }
    }

    /// `copied` words of the source, with `gap` words of the checked field's own after
    /// every `every` of them, so no long run is left.
    fn interleaved(copied: usize, every: usize, gap: usize) -> (Vec<String>, Vec<String>) {
        let run = words("copied", copied);
        let mut own = words("own", copied * gap).into_iter();
        let mut broken = Vec::new();
        for (i, w) in run.iter().enumerate() {
            broken.push(w.clone());
            if (i + 1) % every == 0 && i + 1 < copied {
                broken.extend(own.by_ref().take(gap));
            }
        }
        let (mine, other) = (words("mine", 40), words("theirs", 20));
        let query = [&mine[..20], &broken[..], &mine[20..]].concat();
        let source = [&other[..10], &run[..], &other[10..]].concat();
        (query, source)
    }

    #[test]
    fn fifteen_copied_words_at_eighty_percent_density_are_high() {
        // 15 of 18 words (83 %), runs of 4 at most: high.
        let (q, s) = interleaved(15, 4, 1);
        assert_eq!(verdicts(&q, &s), [(Severity::High, 15)]);
        // 15 of 19 words (79 %), runs of 3: below the density, medium (8 at 70 %).
        let (q, s) = interleaved(15, 3, 1);
        assert_eq!(verdicts(&q, &s), [(Severity::Medium, 15)]);
        // 14 of 15 words (93 %), runs of 7: too few words for high.
        let (q, s) = interleaved(14, 7, 1);
        assert_eq!(verdicts(&q, &s), [(Severity::Medium, 14)]);
    }

    #[test]
    fn eight_copied_words_at_seventy_percent_density_are_medium() {
        // 8 of 11 words (73 %), runs of 2.
        let (q, s) = interleaved(8, 2, 1);
        assert_eq!(verdicts(&q, &s), [(Severity::Medium, 8)]);
        // 14 of 20 words: exactly 70 %.
        let (q, s) = interleaved(14, 2, 1);
        assert_eq!(verdicts(&q, &s), [(Severity::Medium, 14)]);
        // 8 of 12 words (67 %), runs of 3.
        let (q, s) = interleaved(8, 3, 2);
        assert_eq!(verdicts(&q, &s), []);
        // 7 of 8 words (88 %): too few words.
        let (q, s) = interleaved(7, 4, 1);
        assert_eq!(verdicts(&q, &s), []);
    }

    #[test]
    fn most_of_a_field_copied_is_high_from_eighty_percent_and_medium_from_half() {
        // Short fields: the copied run alone would be nothing (fewer than 8 words), the
        // share of the field decides.
        let other = words("theirs", 10);
        for (own, copied, expected) in [
            (2, 8, Some(Severity::High)),    // 80 %
            (3, 11, Some(Severity::Medium)), // 79 %
            (5, 5, Some(Severity::Medium)),  // 50 %
            (6, 5, None),                    // 45 %
            (4, 4, None),                    // 50 %, but only 4 content words
        ] {
            let run = words("copied", copied);
            let mine = words("mine", own);
            let query = [&run[..], &mine[..]].concat();
            let source = [&other[..5], &run[..], &other[5..]].concat();
            let got: Vec<Severity> = verdicts(&query, &source).into_iter().map(|v| v.0).collect();
            let expected: Vec<Severity> = expected.into_iter().collect();
            assert_eq!(got, expected, "{copied} copied, {own} own");
        }
    }

    #[test]
    fn an_eight_word_run_needs_four_content_words() {
        // Function words weigh little: 8 consecutive words of which 4 are content words
        // are medium, 3 are nothing.
        let content = words("copied", 4);
        let with = |n: usize| -> Vec<String> {
            let glue = ["the", "of", "with", "for", "and"];
            let mut run = Vec::new();
            for (i, g) in glue.iter().enumerate().take(8 - n) {
                run.push(g.to_string());
                if i < n {
                    run.push(content[i].clone());
                }
            }
            run.extend(content[..n].iter().skip(8 - n).cloned());
            run
        };
        let four = with(4);
        assert_eq!(four.len(), 8);
        let (q, s) = in_long_fields(&four);
        assert_eq!(verdicts(&q, &s), [(Severity::Medium, 8)]);
        let three = with(3);
        assert_eq!(three.len(), 8);
        let (q, s) = in_long_fields(&three);
        assert_eq!(verdicts(&q, &s), []);
    }

    #[test]
    fn two_runs_apart_in_the_field_are_two_regions_even_when_adjacent_in_the_source() {
        let (a, b) = (words("first", 8), words("second", 8));
        let (own, other) = (words("mine", 40), words("theirs", 20));
        // More than 4 words of the field's own between the runs: two regions.
        let query = [&own[..10], &a[..], &own[10..20], &b[..], &own[20..]].concat();
        let apart = [&other[..10], &a[..], &other[10..15], &b[..], &other[15..]].concat();
        let adjacent = [&other[..10], &a[..], &b[..], &other[10..]].concat();
        for source in [apart, adjacent] {
            assert_eq!(
                verdicts(&query, &source),
                [(Severity::Medium, 8), (Severity::Medium, 8)]
            );
        }
    }

    #[test]
    fn an_empty_field_copies_nothing() {
        let some = FieldWords::new(&words("copied", 10).join(" "));
        let none = FieldWords::new(" ... ");
        assert!(copied_regions(&none, &some).is_empty());
        assert!(copied_regions(&some, &none).is_empty());
    }
}
