//! Verification, word by word: which words of a checked field appear in order in a
//! corpus field, and how they group into copied stretches.
//!
//! The alignment is a weighted longest common subsequence (function words weigh little),
//! run twice so that swapped clauses are found too; aligned words with small gaps on both
//! sides, in the same direction, make one group. This step measures; the verdict on each
//! group is [`super::judge`]'s.

use crate::corpus::FieldWords;

/// Weight of a function word in the alignment (content words weigh 1).
const FUNCTION_WEIGHT: f32 = 0.3;
/// Largest gap, in words on either side, inside one copied region.
const MAX_GAP: usize = 4;
/// Largest alignment matrix computed in one piece; longer fields are aligned in parts.
const MAX_CELLS: usize = 300_000;

/// UTF-16 span of tokens `first..=last`.
pub(super) fn span16(words: &FieldWords, first: usize, last: usize) -> (usize, usize) {
    let t = words.normalized.tokens();
    (t[first].start, t[last].end)
}

/// Aligned word pairs of a query and a source field: a weighted longest common
/// subsequence, then a second one over the words left (swapped clauses).
pub(super) fn align(q: &FieldWords, s: &FieldWords) -> Vec<(usize, usize)> {
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

/// The weight of word `i` of `w` in the alignment: [`FUNCTION_WEIGHT`] for a function
/// word, 1 for a content word.
pub(super) fn weight(w: &FieldWords, i: usize) -> f32 {
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

/// The aligned (query word, source word) pairs of `q` and `s` grouped into copied
/// stretches of at least two words, in query order.
pub(super) fn aligned_groups(q: &FieldWords, s: &FieldWords) -> Vec<Vec<(usize, usize)>> {
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
    groups
}
