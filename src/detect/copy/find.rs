//! Candidates: which corpus fields a listing's fields may have been copied from.
//!
//! Every word 5-gram of each field is looked up among the corpus's winnowed fingerprints
//! (a run of 8 shared words always shares one), and each field's MinHash LSH bands find
//! fields with similar content words even when no 5 words in a row survived editing;
//! fingerprints shared by many corpus listings are boilerplate and lead nowhere
//! ([`CorpusIndex::postings`]). Listings under the seller's own brands and the listing
//! itself are never candidates. This step only ranks pairs; it never decides a verdict.

use crate::corpus::fingerprint::{self, FnvMap};
use crate::corpus::{CorpusIndex, FieldWords};
use crate::text;

/// Most (checked field, corpus field) pairs verified per listing, best-scoring first.
const MAX_PAIRS: usize = 10;
/// Sketch similarity from which an LSH band hit counts as a candidate.
const MIN_SKETCH_SIMILARITY: f32 = 0.4;

/// A (checked field, corpus listing slot, corpus field number) pair.
pub(super) type Pair = (usize, u32, u8);

/// The best [`MAX_PAIRS`] candidate pairs with their scores, best first: one point per
/// shared k-gram fingerprint, four times the sketch similarity per shared LSH band.
/// `fields` are the checked listing's field words; `listing_id` and `own` (mark keys of
/// the seller's own brands) exclude sources.
pub(super) fn ranked_pairs(
    corpus: &CorpusIndex,
    fields: &[&FieldWords],
    listing_id: &str,
    own: &[String],
) -> Vec<(Pair, f32)> {
    let mut pairs: FnvMap<Pair, f32> = FnvMap::default();
    for (qi, words) in fields.iter().enumerate() {
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
    let mut ranked: Vec<(Pair, f32)> = pairs
        .into_iter()
        .filter(|&((_, slot, _), _)| {
            corpus.listing(slot).is_some_and(|l| {
                l.id != listing_id
                    && !l
                        .brand
                        .as_deref()
                        .is_some_and(|b| own.contains(&text::mark_key(b)))
            })
        })
        .collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    ranked.truncate(MAX_PAIRS);
    ranked
}

/// How many values two sorted, deduplicated lists share.
pub(super) fn shared_count(a: &[u64], b: &[u64]) -> usize {
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
