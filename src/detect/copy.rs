//! Copied copy: runs of a listing's text taken from other sellers' listings in the
//! reference corpus.
//!
//! [`find`] looks a listing up in a [`CorpusIndex`] in two steps. Candidates: every word
//! 5-gram of each field is looked up among the corpus's winnowed fingerprints (a run of 8
//! shared words always shares one), and each field's MinHash LSH bands find fields with
//! similar content words even when no 5 words in a row survived editing; fingerprints
//! shared by many corpus listings are boilerplate and ignored. Verification: each field
//! is aligned word by word against the candidate's fields (a weighted longest common
//! subsequence, run twice so swapped clauses are found too; function words weigh
//! little), and the aligned words are grouped into copied regions. A region is `high`
//! when it holds 15 consecutive copied words (or 15 copied words at 80 % density), or
//! when 80 % of the field is copied; `medium` for 8 consecutive words, 8 copied words at
//! 70 % density, or half of the field. Listings under the seller's own brand and the
//! listing itself are never sources. This module judges copying only; it must not
//! know about marks or the browser.

use crate::corpus::fingerprint;
use crate::corpus::fingerprint::FnvMap;
use crate::corpus::{CorpusIndex, FieldWords};
use crate::listing::{CopySource, Field, Finding, FindingKind, Listing, Severity};
use crate::text;

/// Most (checked field, corpus field) pairs verified per listing, best-scoring first.
const MAX_PAIRS: usize = 10;
/// Weight of a function word in the alignment (content words weigh 1).
const FUNCTION_WEIGHT: f32 = 0.3;
/// Largest gap, in words on either side, inside one copied region.
const MAX_GAP: usize = 4;
/// Largest alignment matrix computed in one piece; longer fields are aligned in parts.
const MAX_CELLS: usize = 300_000;
/// Fewest copied content words (not function words) behind any verdict.
const MIN_CONTENT: usize = 4;
/// Sketch similarity from which an LSH band hit counts as a candidate.
const MIN_SKETCH_SIMILARITY: f32 = 0.4;

/// Copied-copy findings for `listing` against `corpus`, ordered by field, bullet index
/// and start. Offsets are UTF-16 code units of the listing's fields; each finding's
/// [`CopySource`] gives the corpus listing and the copied words' span in its text.
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

    // 1. Candidates: (checked field, corpus listing, its field) pairs, scored by shared
    // k-gram fingerprints and by sketch similarity behind shared LSH bands.
    let mut pairs: FnvMap<(usize, u32, u8), f32> = FnvMap::default();
    for (qi, (_, _, _, words)) in fields.iter().enumerate() {
        let mut grams = fingerprint::kgrams(&words.hashes);
        grams.sort_unstable();
        grams.dedup();
        for g in grams {
            for (slot, f) in corpus.postings(g) {
                *pairs.entry((qi, slot, f)).or_default() += 1.0;
            }
        }
        if let Some(sig) = words.signature() {
            let sketch = fingerprint::sketch(&sig);
            let mut hits: Vec<(u32, u8)> = fingerprint::bands(&sig)
                .into_iter()
                .flat_map(|band| corpus.postings(band))
                .collect();
            hits.sort_unstable();
            hits.dedup();
            for (slot, f) in hits {
                let similarity = corpus
                    .sketch(slot, f)
                    .map_or(0.0, |s| fingerprint::sketch_similarity(s, &sketch));
                if similarity >= MIN_SKETCH_SIMILARITY {
                    *pairs.entry((qi, slot, f)).or_default() += 4.0 * similarity;
                }
            }
        }
    }
    let mut ranked: Vec<((usize, u32, u8), f32)> = pairs
        .into_iter()
        .filter(|&((_, slot, _), _)| {
            corpus.listing(slot).is_some_and(|l| {
                l.id != listing.id
                    && !l
                        .brand
                        .as_deref()
                        .is_some_and(|b| own.contains(&text::mark_key(b)))
            })
        })
        .collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    ranked.truncate(MAX_PAIRS);
    let mut slots: Vec<u32> = Vec::new();
    for &((_, slot, _), _) in &ranked {
        if !slots.contains(&slot) {
            slots.push(slot);
        }
    }

    // 2. Verification, source listing by source listing.
    let vocab: Vec<Vec<u64>> = fields
        .iter()
        .map(|(_, _, _, w)| content_vocabulary(w))
        .collect();
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
                let v = content_vocabulary(&w);
                (w, v)
            });
            let (qfield, _, _, qwords) = &fields[qi];
            // Every verdict needs 4 copied content words: skip pairs sharing fewer.
            if shared_count(&vocab[qi], svocab) < MIN_CONTENT {
                continue;
            }
            for mut region in copied_regions(qwords, swords) {
                // Template text (most of the source run's fingerprints are shared by
                // many listings, a maker's standard sentence): informational only.
                let (j0, j1) = region.source;
                // Only the source's winnowed k-grams are in the index.
                let indexed: Vec<usize> = fingerprint::kgrams(&swords.hashes[j0..=j1])
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
        // Listings of the same brand share the manufacturer's text: informational only.
        // The brand is read from the titles' first word unless the checked title is
        // itself a copy of this source's title (then the reading would be circular).
        let same_brand = !title_copied
            && query_brand.is_some()
            && query_brand == leading_word(source.title.as_deref());
        if same_brand {
            for c in &mut from_source {
                c.region.severity = Severity::Low;
                c.region
                    .why
                    .push_str(", a listing of the same brand: probably the maker's own text");
            }
        }
        found.extend(from_source);
    }

    // 3. Text found in as many listings as boilerplate is (a template with its blanks
    // filled differently, e.g. "stands 3 ¾ inches tall, perfect for any … fan") is
    // informational, like boilerplate fingerprints.
    let serious: Vec<(usize, u32, (usize, usize))> = found
        .iter()
        .filter(|c| c.region.severity >= Severity::Medium)
        .map(|c| (c.field, c.source_slot, c.region.query))
        .collect();
    for c in &mut found {
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
        if sources.len() >= corpus.boilerplate_listings() && c.region.severity >= Severity::Medium {
            c.region.severity = Severity::Low;
            c.region.why.push_str(&format!(
                ", text found in {} listings (a template)",
                sources.len()
            ));
        }
    }

    // 4. One finding per copied stretch: the strongest source wins, no overlaps.
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
        let n = words.hashes.len();
        let similarity = c.region.field_copied as f32 / n.max(1) as f32;
        let where_ = match c.source_field {
            (Field::Title, _) => "title".to_string(),
            (Field::Bullets, Some(i)) => format!("bullet {}", i + 1),
            (Field::Description, _) => "description".to_string(),
            _ => "text".to_string(),
        };
        findings.push(Finding {
            field: *field,
            index: *index,
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
        });
    }
    findings.sort_by_key(|f| (f.field, f.index, f.start));
    findings
}

impl super::Engine {
    /// Gives the engine a reference corpus: from then on [`check`](super::Engine::check)
    /// adds the copied-copy findings of [`find`] (low ones only with
    /// [`Options::show_low`](super::Options::show_low)). `None` turns the pass off.
    pub fn set_corpus(&mut self, corpus: Option<CorpusIndex>) {
        self.corpus = corpus;
    }

    /// The reference corpus, to add or remove listings in place.
    pub fn corpus_mut(&mut self) -> Option<&mut CorpusIndex> {
        self.corpus.as_mut()
    }
}

/// The distinct content-word hashes of a field, sorted.
fn content_vocabulary(w: &FieldWords) -> Vec<u64> {
    let mut v: Vec<u64> = w
        .hashes
        .iter()
        .zip(&w.function)
        .filter(|(_, f)| !**f)
        .map(|(h, _)| *h)
        .collect();
    v.sort_unstable();
    v.dedup();
    v
}

/// How many values two sorted, deduplicated lists share.
fn shared_count(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// The first word of a title that is not a function word: where marketplaces put the
/// brand.
fn leading_word(title: Option<&str>) -> Option<String> {
    let n = text::normalize(title?);
    n.tokens()
        .iter()
        .map(|t| t.text.clone())
        .find(|w| !crate::corpus::is_function_word(w))
}

struct Candidate {
    field: usize,
    source_slot: u32,
    source_field: (Field, Option<usize>),
    source_text: String,
    source_span: (usize, usize),
    region: Region,
}

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

/// UTF-16 span of tokens `first..=last`.
fn span16(words: &FieldWords, first: usize, last: usize) -> (usize, usize) {
    let t = words.normalized.tokens();
    (t[first].start, t[last].end)
}

/// Aligned word pairs of a query and a source field: a weighted longest common
/// subsequence, then a second one over the words left (swapped clauses).
fn align(q: &FieldWords, s: &FieldWords) -> Vec<(usize, usize)> {
    let mut pairs = Vec::new();
    let mut q_used = vec![false; q.hashes.len()];
    let mut s_used = vec![false; s.hashes.len()];
    for round in 0..2 {
        let before = pairs.len();
        let piece = (MAX_CELLS / s.hashes.len().max(1)).max(1);
        let mut from = 0;
        while from < q.hashes.len() {
            let to = (from + piece).min(q.hashes.len());
            lcs(q, s, from..to, &q_used, &s_used, &mut pairs);
            from = to;
        }
        for &(i, j) in &pairs[before..] {
            q_used[i] = true;
            s_used[j] = true;
        }
        if round == 0 && pairs.len() < 3 {
            break;
        }
    }
    pairs.sort_unstable();
    pairs
}

fn weight(w: &FieldWords, i: usize) -> f32 {
    if w.function[i] {
        FUNCTION_WEIGHT
    } else {
        1.0
    }
}

/// Weighted LCS of `q[range]` and `s`, skipping used words; appends the pairs.
fn lcs(
    q: &FieldWords,
    s: &FieldWords,
    range: std::ops::Range<usize>,
    q_used: &[bool],
    s_used: &[bool],
    out: &mut Vec<(usize, usize)>,
) {
    let n = range.len();
    let m = s.hashes.len();
    let width = m + 1;
    let mut dp = vec![0f32; (n + 1) * width];
    for a in 1..=n {
        let i = range.start + a - 1;
        for b in 1..=m {
            let j = b - 1;
            let mut best = dp[(a - 1) * width + b].max(dp[a * width + b - 1]);
            if !q_used[i] && !s_used[j] && q.hashes[i] == s.hashes[j] {
                best = best.max(dp[(a - 1) * width + b - 1] + weight(q, i));
            }
            dp[a * width + b] = best;
        }
    }
    let (mut a, mut b) = (n, m);
    while a > 0 && b > 0 {
        let i = range.start + a - 1;
        let j = b - 1;
        let here = dp[a * width + b];
        if !q_used[i]
            && !s_used[j]
            && q.hashes[i] == s.hashes[j]
            && here == dp[(a - 1) * width + b - 1] + weight(q, i)
        {
            out.push((i, j));
            a -= 1;
            b -= 1;
        } else if here == dp[(a - 1) * width + b] {
            a -= 1;
        } else {
            b -= 1;
        }
    }
}

/// The copied regions of field `q` found in source field `s`, with their verdicts.
pub fn copied_regions(q: &FieldWords, s: &FieldWords) -> Vec<Region> {
    if q.hashes.is_empty() || s.hashes.is_empty() {
        return Vec::new();
    }
    let pairs = align(q, s);
    // Group aligned pairs into regions: small gaps on both sides, same direction.
    let mut groups: Vec<Vec<(usize, usize)>> = Vec::new();
    for &(i, j) in &pairs {
        match groups.last_mut() {
            Some(g)
                if {
                    let &(pi, pj) = g.last().unwrap_or(&(i, j));
                    i - pi <= MAX_GAP && j > pj && j - pj <= MAX_GAP
                } =>
            {
                g.push((i, j))
            }
            _ => groups.push(vec![(i, j)]),
        }
    }
    groups.retain(|g| g.len() >= 2);
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::CorpusListing;

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
    fn words(tag: &str, n: usize) -> Vec<String> {
        (0..n)
            .map(|i| {
                let (a, b) = (b'a' + (i / 26) as u8, b'a' + (i % 26) as u8);
                format!("{tag}{}{}", a as char, b as char)
            })
            .collect()
    }

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
