//! Candidate spans: where the words of a field spell a key of the register's mark index.
//!
//! From each word start the FST is walked word by word — `disney`, then `disney star`,
//! … — and the longest key that ends on a word boundary wins (leftmost-longest, no
//! overlaps). Between two words the walk tries the key's single space and also no space
//! at all, so `Play Station`, `dai-mler` and `Ad idas` reach `playstation`, `daimler` and
//! `adidas`; such joined matches are marked so that the lookalike pass can say so. Words
//! inside the seller's own brand are never part of a candidate. This module only finds
//! spans and their index values; it must not read records or decide severities.

use fst::raw::{CompiledAddr, Fst, Node, Output};
use std::ops::Range;

/// The longest mark, in words, the walk looks for.
pub const MAX_WORDS: usize = 8;

/// One span of a field whose words spell a key of the mark index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// The words of the field the span covers.
    pub words: Range<usize>,
    /// The index value of the key: what `Snapshot::record_ids` expands.
    pub value: u64,
    /// The key the words spelled.
    pub key: String,
    /// Some words were joined without the key's space (`Play Station` → `playstation`).
    pub joined: bool,
}

/// Where one word leads from the root of a mark index: the node its last byte reaches
/// and the output gathered on the way. Every candidate's walk starts with one; a word
/// no key starts with has none.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Prefix {
    addr: CompiledAddr,
    out: u64,
}

/// The [`Prefix`] of `word` in `fst`, `None` when no key of `fst` starts with it.
pub fn prefix<D: AsRef<[u8]>>(fst: &Fst<D>, word: &str) -> Option<Prefix> {
    let (node, out) = feed(fst, fst.root(), Output::zero(), word.as_bytes())?;
    Some(Prefix {
        addr: node.addr(),
        out: out.value(),
    })
}

/// The longest candidate from every word start of `words` (normalised tokens of one
/// field, as the mark index keys them); they may overlap — see [`resolve`].
/// `prefix_of` gives each word's [`Prefix`] in `fst` (what [`prefix`] says: the
/// engine keeps them from check to check).
/// `blocked[i]` is true for words that must not be part of any candidate (the seller's
/// own brand); `split_after[i]` is true where a list's punctuation ends a segment after
/// word `i` (`,` `|` brackets): no mark's words cross it, so a shorter mark before it
/// still counts ("Xbox Series X|S" is "Xbox Series X"). A match that joins words without the key's space is kept only when
/// `accept_joined` accepts its words, given as their range in `words` ("dai mler" yes,
/// "in a" for "ina" no).
pub fn find_all<D: AsRef<[u8]>>(
    fst: &Fst<D>,
    words: &[&str],
    blocked: &[bool],
    split_after: &[bool],
    accept_joined: &dyn Fn(Range<usize>) -> bool,
    prefix_of: &dyn Fn(&str) -> Option<Prefix>,
) -> Vec<Candidate> {
    let mut stack = Vec::new();
    let bounds = Bounds {
        blocked,
        split_after,
    };
    let mut longest = |i: usize, limit: usize| {
        let first = prefix_of(words[i])?;
        longest_from(
            fst,
            words,
            &bounds,
            i..limit,
            first,
            accept_joined,
            &mut stack,
        )
    };
    let mut all: Vec<Candidate> = (0..words.len())
        .filter(|&i| !bounds.blocked(i))
        .filter_map(|i| longest(i, words.len()))
        .collect();
    // A longer mark starting inside one and reaching past it ("Samsung [Galaxy S24
    // Ultra]" across "Samsung Galaxy") may win the words they share: the words before
    // it may still spell a mark of their own ("Samsung"). A mark wholly inside another
    // is part of that name, and brings nothing back. (Marks starting at or after the
    // one's end would only repeat it: `resolve` drops repeats.)
    let cuts: Vec<(usize, usize)> = all
        .iter()
        .filter_map(|c| {
            all.iter()
                .filter(|d| c.words.contains(&d.words.start) && d.words.start > c.words.start)
                .filter(|d| d.words.end > c.words.end)
                .map(|d| d.words.start)
                .min()
                .map(|cut| (c.words.start, cut))
        })
        .collect();
    for (start, cut) in cuts {
        all.extend(longest(start, cut));
    }
    all
}

/// Keeps non-overlapping candidates: the heaviest first (`weight`, e.g. whether a
/// registration stands behind it), then the longest, then the leftmost; returned in
/// text order. "the Mighty Morphin": the registered "Mighty Morphin" beats a brand-list
/// "The Mighty".
pub fn resolve(all: Vec<Candidate>, weight: impl Fn(&Candidate) -> u8) -> Vec<Candidate> {
    // Only candidates that overlap another one compete, so only theirs is weighed (the
    // weight may cost reading records).
    let end = all.iter().map(|c| c.words.end).max().unwrap_or(0);
    let mut cover = vec![0u32; end];
    for c in &all {
        cover[c.words.clone()].iter_mut().for_each(|n| *n += 1);
    }
    let mut keyed: Vec<(u8, Candidate)> = all
        .into_iter()
        .map(|c| {
            let contested = cover[c.words.clone()].iter().any(|n| *n > 1);
            (if contested { weight(&c) } else { 0 }, c)
        })
        .collect();
    keyed.sort_by(|(wa, a), (wb, b)| {
        wb.cmp(wa)
            .then(b.words.len().cmp(&a.words.len()))
            .then(a.words.start.cmp(&b.words.start))
    });
    let mut taken = vec![false; keyed.iter().map(|(_, c)| c.words.end).max().unwrap_or(0)];
    let mut kept: Vec<Candidate> = Vec::new();
    for (_, c) in keyed {
        if !taken[c.words.clone()].iter().any(|t| *t) {
            taken[c.words.clone()].iter_mut().for_each(|t| *t = true);
            kept.push(c);
        }
    }
    kept.sort_by_key(|c| c.words.start);
    kept
}

/// Where candidates may not go: blocked words and segment ends.
struct Bounds<'a> {
    blocked: &'a [bool],
    split_after: &'a [bool],
}

impl Bounds<'_> {
    /// Word `i` may be part of no candidate.
    fn blocked(&self, i: usize) -> bool {
        self.blocked.get(i).copied().unwrap_or(false)
    }

    /// A candidate may not run from word `i - 1` into word `i`.
    fn closed_before(&self, i: usize) -> bool {
        self.blocked(i)
            || i.checked_sub(1)
                .is_some_and(|p| self.split_after.get(p).copied().unwrap_or(false))
    }
}

/// One branch of the walk: the next word, the node and output reached, whether words
/// were joined without the key's space, and whether the key differs from the words
/// joined by single spaces (a join, or an "and" or "the" link).
type Branch<'f> = (usize, Node<'f>, Output, bool, bool);

/// The longest key spelled by words of `within` starting at its start, whose
/// [`Prefix`] is `first`; `stack` is scratch space the caller keeps from one word start
/// to the next.
fn longest_from<'f, D: AsRef<[u8]>>(
    fst: &'f Fst<D>,
    words: &[&str],
    bounds: &Bounds<'_>,
    within: Range<usize>,
    first: Prefix,
    accept_joined: &dyn Fn(Range<usize>) -> bool,
    stack: &mut Vec<Branch<'f>>,
) -> Option<Candidate> {
    let start = within.start;
    // The best so far: (end, value, joined, linked), where `linked` says the key
    // differs from the words joined by single spaces (a join or an "and" link).
    let mut best: Option<(usize, u64, bool, bool)> = None;
    // Depth-first over branches: at most two per word boundary, and the FST prunes
    // dead ones at the first byte.
    stack.clear();
    stack.push((
        start + 1,
        fst.node(first.addr),
        Output::new(first.out),
        false,
        false,
    ));
    while let Some((next, node, out, joined, linked)) = stack.pop() {
        if node.is_final() && (!joined || accept_joined(start..next)) {
            let value = out.cat(node.final_output()).value();
            let better = match best {
                None => true,
                Some((end, _, j, _)) => next > end || (next == end && j && !joined),
            };
            if better {
                best = Some((next, value, joined, linked));
            }
        }
        if next >= words.len().min(within.end)
            || next - start >= MAX_WORDS
            || bounds.closed_before(next)
        {
            continue;
        }
        let word = words[next].as_bytes();
        if let Some((n, o)) = feed(fst, node, out, word) {
            stack.push((next + 1, n, o, true, true));
        }
        if let Some((n, o)) = feed(fst, node, out, b" ") {
            if let Some((n, o)) = feed(fst, n, o, word) {
                stack.push((next + 1, n, o, joined, linked));
            }
            // "&" and "and" are the same link: the key may have the word where the text
            // has a sign, and the other way round. A "the" inside a name is dropped as
            // often as written ("Sonic Hedgehog" for Sonic the Hedgehog).
            for link in [&b"and "[..], b"the "] {
                if let Some((n, o)) = feed(fst, n, o, link) {
                    if let Some((n, o)) = feed(fst, n, o, word) {
                        stack.push((next + 1, n, o, joined, true));
                    }
                }
            }
            if word == b"and" && next + 1 < words.len() && !bounds.closed_before(next + 1) {
                if let Some((n, o)) = feed(fst, n, o, words[next + 1].as_bytes()) {
                    stack.push((next + 2, n, o, joined, true));
                }
            }
        }
    }
    let (end, mut value, joined, linked) = best?;
    let plain = words[start..end].join(" ");
    let key = if !linked {
        plain
    } else if let Some(v) = fst.get(plain.as_bytes()) {
        // The words as written are a key too ("thomas and friends" beside "thomas
        // friends"): the key and its value must be the same one's.
        value = v.value();
        plain
    } else {
        // Rebuild the key as the FST holds it: re-walk to find where its spaces and
        // links were, and take that key's own value.
        let key = rebuild_key(fst, &words[start..end])?;
        value = fst.get(key.as_bytes())?.value();
        key
    };
    Some(Candidate {
        words: start..end,
        value,
        key,
        joined,
    })
}

/// The node and output `bytes` lead to from `node`, if the index spells them.
pub(super) fn feed<'f, D: AsRef<[u8]>>(
    fst: &'f Fst<D>,
    mut node: Node<'f>,
    mut out: Output,
    bytes: &[u8],
) -> Option<(Node<'f>, Output)> {
    for &b in bytes {
        let t = node.transition(node.find_input(b)?);
        out = out.cat(t.out);
        node = fst.node(t.addr);
    }
    Some((node, out))
}

/// The key (with its spaces) that `words` spell when some boundaries have no space.
fn rebuild_key<D: AsRef<[u8]>>(fst: &Fst<D>, words: &[&str]) -> Option<String> {
    fn go<D: AsRef<[u8]>>(fst: &Fst<D>, node: Node<'_>, words: &[&str], key: &mut String) -> bool {
        let Some((first, rest)) = words.split_first() else {
            return node.is_final();
        };
        if *first == "and" && go(fst, node, rest, key) {
            return true;
        }
        for sep in ["", " ", " and ", " the "] {
            let len = key.len();
            key.push_str(sep);
            key.push_str(first);
            if let Some((n, _)) = feed(
                fst,
                node,
                Output::zero(),
                format!("{sep}{first}").as_bytes(),
            ) {
                if go(fst, n, rest, key) {
                    return true;
                }
            }
            key.truncate(len);
        }
        false
    }
    let (first, rest) = words.split_first()?;
    let (node, _) = feed(fst, fst.root(), Output::zero(), first.as_bytes())?;
    let mut key = first.to_string();
    go(fst, node, rest, &mut key).then_some(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index(keys: &[&str]) -> fst::Map<Vec<u8>> {
        let mut keys: Vec<&str> = keys.to_vec();
        keys.sort();
        fst::Map::from_iter(keys.into_iter().enumerate().map(|(i, k)| (k, i as u64))).unwrap()
    }

    fn spans(map: &fst::Map<Vec<u8>>, text: &str) -> Vec<(String, bool)> {
        let words: Vec<&str> = text.split(' ').collect();
        let none = vec![false; words.len()];
        let all = find_all(map.as_fst(), &words, &none, &none, &|_| true, &|w| {
            prefix(map.as_fst(), w)
        });
        resolve(all, |_| 0)
            .into_iter()
            .map(|c| (c.key, c.joined))
            .collect()
    }

    #[test]
    fn longest_mark_at_word_boundaries_wins() {
        let m = index(&["hot", "hot wheels", "star wars", "star"]);
        assert_eq!(
            spans(&m, "hot wheels car with star wars figure"),
            vec![("hot wheels".into(), false), ("star wars".into(), false)]
        );
        // "hotwheels" is not a word boundary match of "hot".
        assert_eq!(spans(&m, "hotwheels shot"), vec![]);
    }

    #[test]
    fn spaced_and_hyphenated_spellings_join() {
        let m = index(&["playstation", "daimler", "melissa doug"]);
        assert_eq!(
            spans(&m, "play station 4"),
            vec![("playstation".into(), true)]
        );
        assert_eq!(
            spans(&m, "dai mler limousine"),
            vec![("daimler".into(), true)]
        );
        assert_eq!(
            spans(&m, "melissa doug"),
            vec![("melissa doug".into(), false)]
        );
    }

    #[test]
    fn a_the_inside_a_name_may_be_left_out() {
        let m = index(&["sonic the hedgehog", "the mighty"]);
        assert_eq!(
            spans(&m, "cartoon sonic hedgehog keychain"),
            vec![("sonic the hedgehog".into(), false)]
        );
        assert_eq!(spans(&m, "mighty keychain"), vec![]);
    }

    #[test]
    fn ampersand_and_and_are_one_link() {
        let m = index(&["melissa doug", "marks and spencer"]);
        assert_eq!(
            spans(&m, "melissa and doug"),
            vec![("melissa doug".into(), false)]
        );
        assert_eq!(
            spans(&m, "marks spencer"),
            vec![("marks and spencer".into(), false)]
        );
    }

    /// Where the words as written and their "&" form are both keys, the candidate's key
    /// and value are one key's: the value read back must be the key's own.
    #[test]
    fn a_linked_match_reports_the_key_its_value_belongs_to() {
        let m = index(&["thomas and friends", "thomas friends"]);
        let words = ["thomas", "and", "friends"];
        let none = [false; 3];
        let c = resolve(
            find_all(m.as_fst(), &words, &none, &none, &|_| true, &|w| {
                prefix(m.as_fst(), w)
            }),
            |_| 0,
        );
        assert_eq!(c.len(), 1);
        assert_eq!(Some(c[0].value), m.get(&c[0].key), "{:?}", c[0]);
    }

    #[test]
    fn the_heavier_of_two_overlapping_marks_wins() {
        let m = index(&["the mighty", "mighty morphin"]);
        let words = ["with", "the", "mighty", "morphin"];
        let all = find_all(
            m.as_fst(),
            &words,
            &[false; 4],
            &[false; 4],
            &|_| true,
            &|w| prefix(m.as_fst(), w),
        );
        let keys = |v: Vec<Candidate>| v.into_iter().map(|c| c.key).collect::<Vec<_>>();
        assert_eq!(keys(resolve(all.clone(), |_| 0)), ["the mighty"]);
        assert_eq!(
            keys(resolve(all, |c| u8::from(c.key == "mighty morphin"))),
            ["mighty morphin"]
        );
    }

    /// Every candidate `find_all` reads in `words` with the index `m`, nothing blocked,
    /// joined readings accepted, list punctuation after the words whose positions
    /// `split` names.
    fn candidates_in(m: &fst::Map<Vec<u8>>, words: &[&str], split: &[usize]) -> Vec<Candidate> {
        let split_after: Vec<bool> = (0..words.len()).map(|i| split.contains(&i)).collect();
        find_all(
            m.as_fst(),
            words,
            &vec![false; words.len()],
            &split_after,
            &|_| true,
            &|w| prefix(m.as_fst(), w),
        )
    }

    /// The keys read in `words` with an index of `keys` (see [`candidates_in`]), in
    /// text order.
    fn found(keys: &[&str], words: &[&str], split: &[usize]) -> Vec<String> {
        let mut all = candidates_in(&index(keys), words, split);
        all.sort_by_key(|c| c.words.start);
        all.into_iter().map(|c| c.key).collect()
    }

    #[test]
    fn a_key_without_the_texts_and_is_read_through_it_within_a_segment() {
        let keys = ["black decker"];
        assert_eq!(
            found(&keys, &["black", "and", "decker"], &[]),
            ["black decker"]
        );
        // Only "and" is passed over, and not across a segment's end.
        assert!(found(&keys, &["black", "big", "decker"], &[]).is_empty());
        assert!(found(&keys, &["black", "and", "decker"], &[1]).is_empty());
        // An "and" ending the words reads nothing after it.
        assert!(found(&keys, &["black", "and"], &[]).is_empty());
    }

    #[test]
    fn of_two_readings_ending_together_the_one_with_its_spaces_wins() {
        let joined = |keys: &[&str], words: &[&str]| -> Vec<(String, bool)> {
            candidates_in(&index(keys), words, &[])
                .into_iter()
                .map(|c| (c.key, c.joined))
                .collect()
        };
        // "super mario" reads both as the key with its space and as the words joined:
        // as written, it is no joined spelling.
        let keys = ["super mario", "supermario"];
        assert_eq!(
            joined(&keys, &["super", "mario"]),
            [("super mario".to_owned(), false)]
        );
        // A longer reading wins whichever it is.
        let keys = ["super mario", "supermariobros"];
        assert_eq!(
            joined(&keys, &["super", "mario", "bros"]),
            [("supermariobros".to_owned(), true)]
        );
    }

    #[test]
    fn only_overlapping_marks_are_weighed() {
        let m = index(&["the mighty", "mighty morphin", "ranger"]);
        let all = candidates_in(&m, &["the", "mighty", "morphin", "ranger"], &[]);
        let weighed = std::cell::RefCell::new(Vec::new());
        resolve(all, |c| {
            weighed.borrow_mut().push(c.key.clone());
            0
        });
        let mut weighed = weighed.into_inner();
        weighed.sort();
        // "ranger" overlaps nothing: reading its records would cost for nothing.
        assert_eq!(weighed, ["mighty morphin", "the mighty"]);
    }

    #[test]
    fn a_mark_crossed_by_a_longer_one_keeps_the_words_before_it() {
        let m = index(&["samsung", "samsung galaxy", "galaxy s24 ultra"]);
        let words = ["for", "samsung", "galaxy", "s24", "ultra"];
        let c = resolve(
            find_all(
                m.as_fst(),
                &words,
                &[false; 5],
                &[false; 5],
                &|_| true,
                &|w| prefix(m.as_fst(), w),
            ),
            |_| 0,
        );
        let keys: Vec<(Range<usize>, &str)> = c
            .iter()
            .map(|c| (c.words.clone(), c.key.as_str()))
            .collect();
        assert_eq!(keys, [(1..2, "samsung"), (2..5, "galaxy s24 ultra")]);
        // Without a shorter mark before it, the crossed mark's words are nobody's.
        let m = index(&["samsung galaxy", "galaxy s24 ultra"]);
        let c = resolve(
            find_all(
                m.as_fst(),
                &words,
                &[false; 5],
                &[false; 5],
                &|_| true,
                &|w| prefix(m.as_fst(), w),
            ),
            |_| 0,
        );
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].key, "galaxy s24 ultra");
    }

    #[test]
    fn a_mark_inside_a_heavier_one_does_not_bring_back_the_words_before_it() {
        // "new super mario" loses to the registered "super mario" inside it: "new" is a
        // word of the losing name, not a mark of its own.
        let m = index(&["new", "new super mario", "super mario"]);
        let words = ["the", "new", "super", "mario"];
        let c = resolve(
            find_all(
                m.as_fst(),
                &words,
                &[false; 4],
                &[false; 4],
                &|_| true,
                &|w| prefix(m.as_fst(), w),
            ),
            |c| u8::from(c.key == "super mario"),
        );
        let keys: Vec<&str> = c.iter().map(|c| c.key.as_str()).collect();
        assert_eq!(keys, ["super mario"]);
    }

    #[test]
    fn blocked_words_are_skipped() {
        let m = index(&["galaxy", "samsung galaxy"]);
        let words = ["samsung", "galaxy", "note"];
        let c = resolve(
            find_all(
                m.as_fst(),
                &words,
                &[true, false, false],
                &[false; 3],
                &|_| true,
                &|w| prefix(m.as_fst(), w),
            ),
            |_| 0,
        );
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].words, 1..2);
        assert_eq!(c[0].key, "galaxy");
    }

    #[test]
    fn a_segment_end_cuts_a_mark_and_the_shorter_one_before_it_counts() {
        let m = index(&["xbox", "xbox series x", "xbox series x s"]);
        let words = ["for", "xbox", "series", "x", "s"];
        let split = [false, false, false, true, false];
        let c = resolve(
            find_all(m.as_fst(), &words, &[false; 5], &split, &|_| true, &|w| {
                prefix(m.as_fst(), w)
            }),
            |_| 0,
        );
        assert_eq!(c.len(), 1);
        assert_eq!(
            (c[0].words.clone(), c[0].key.as_str()),
            (1..4, "xbox series x")
        );
        // A split right after the first word leaves only the one-word mark.
        let split = [false, true, false, false, false];
        let c = resolve(
            find_all(m.as_fst(), &words, &[false; 5], &split, &|_| true, &|w| {
                prefix(m.as_fst(), w)
            }),
            |_| 0,
        );
        assert_eq!(c.len(), 1);
        assert_eq!((c[0].words.clone(), c[0].key.as_str()), (1..2, "xbox"));
    }
}
