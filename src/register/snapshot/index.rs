//! The values of the mark index and what they point at.
//!
//! Records are sorted by their mark key, so a key's own records are adjacent: most keys
//! store their records as a run `first_id << 4 | (count − 1)` right in the fst value,
//! and these values grow with the keys. That order lets [`key_of`] walk the fst from a
//! record id back to its key, so the record table never stores mark text it can spell
//! from the key. Keys with more than [`MAX_RUN`] records, or that also name other records
//! (as a pseudo-mark or translation), store [`POSTINGS`] | offset of a posting list:
//! a varint count, then per record a varint `(id − previous id) << 2 | kind`.
//!
//! The phrase heads index every mark key of several words by its second word, then its
//! first ([`phrase_head`]): a disguised first word of a phrase mark ("Calvim Klein") is
//! searched among the first words that go before the listing's exact second word, not
//! among every key of the index.
//!
//! This module owns the value encoding, the phrase heads and the walk; it must not
//! decode records.

use crate::codec::{get_varint, put_varint};
use fst::raw::Fst;

/// The most records a run value holds.
pub const MAX_RUN: usize = 16;
/// The flag bit of a posting-list value.
pub const POSTINGS: u64 = 1 << 63;

/// The byte between the two words of a phrase head: never part of UTF-8 text, so no
/// word can run on past it.
pub const HEAD_SEPARATOR: u8 = 0xFF;

/// The fewest letters of a first word the phrase heads hold. The one-edit search never
/// reads through a shorter one (a word of three letters has a neighbour one edit away
/// in most others: `lookalike::PHRASE_WORD_LETTERS`), and leaving them out keeps a
/// quarter of the heads out of the file.
pub const HEAD_MIN_LETTERS: usize = 4;

/// The phrase heads entry of a mark key of several words: its second word,
/// [`HEAD_SEPARATOR`], its first word ("calvin klein" → `klein␣calvin` with the
/// separator for ␣). `None` for a key of one word, or whose first word has fewer than
/// [`HEAD_MIN_LETTERS`] letters.
pub fn phrase_head(key: &[u8]) -> Option<Vec<u8>> {
    let mut words = key.split(|&b| b == b' ');
    let first = words.next()?;
    let second = words.next()?;
    let letters = std::str::from_utf8(first).ok()?.chars().count();
    if letters < HEAD_MIN_LETTERS {
        return None;
    }
    let mut head = Vec::with_capacity(second.len() + 1 + first.len());
    head.extend_from_slice(second);
    head.push(HEAD_SEPARATOR);
    head.extend_from_slice(first);
    Some(head)
}

/// The phrase heads index of a set of mark keys: an `fst::Set` of their
/// [`phrase_head`]s.
pub fn phrase_heads<K: AsRef<[u8]>>(keys: impl IntoIterator<Item = K>) -> fst::Set<Vec<u8>> {
    let mut heads: Vec<Vec<u8>> = keys
        .into_iter()
        .filter_map(|k| phrase_head(k.as_ref()))
        .collect();
    heads.sort_unstable();
    heads.dedup();
    // Sorted and distinct: building cannot fail.
    fst::Set::from_iter(heads).unwrap_or_default()
}

/// Why a key leads to a record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum KeyKind {
    /// The key is the record's mark.
    Mark,
    /// The key is one of the record's pseudo-marks (the office's spelled-out variant).
    PseudoMark,
    /// The key is a translation of the record's mark.
    Translation,
    /// The key is a member name of a curated record (an ordinary word or first name,
    /// [`crate::register::Enforcement::member_names`]): it counts only where the
    /// listing names the record's franchise.
    MemberName,
}

impl KeyKind {
    fn code(self) -> u64 {
        match self {
            KeyKind::Mark => 0,
            KeyKind::PseudoMark => 1,
            KeyKind::Translation => 2,
            KeyKind::MemberName => 3,
        }
    }

    fn of(code: u64) -> KeyKind {
        match code {
            1 => KeyKind::PseudoMark,
            2 => KeyKind::Translation,
            3 => KeyKind::MemberName,
            _ => KeyKind::Mark,
        }
    }
}

/// One record a key leads to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Posting {
    /// The record id.
    pub id: u32,
    /// Why the key leads to it.
    pub kind: KeyKind,
}

/// The value of a key whose only records are its own `count` adjacent ones.
pub fn run_value(first_id: u32, count: usize) -> Option<u64> {
    (1..=MAX_RUN)
        .contains(&count)
        .then(|| u64::from(first_id) << 4 | (count as u64 - 1))
}

/// Appends a posting list (sorted by id, one entry per id) and returns its value.
pub fn write_postings(out: &mut Vec<u8>, postings: &[Posting]) -> u64 {
    let value = POSTINGS | out.len() as u64;
    put_varint(out, postings.len() as u64);
    let mut prev = 0u32;
    for p in postings {
        put_varint(out, u64::from(p.id - prev) << 2 | p.kind.code());
        prev = p.id;
    }
    value
}

/// The records a key's value leads to. A value from a damaged file ends the iteration
/// early instead of panicking.
#[derive(Debug, Clone)]
pub struct Postings<'a> {
    inner: Inner<'a>,
}

#[derive(Debug, Clone)]
enum Inner<'a> {
    Run {
        next: u64,
        end: u64,
        records: u64,
    },
    List {
        bytes: &'a [u8],
        pos: usize,
        left: u64,
        prev: u64,
        records: u64,
    },
}

impl<'a> Postings<'a> {
    /// The postings of `value`, in a snapshot with `records` records and these posting bytes.
    pub fn new(value: u64, postings: &'a [u8], records: u32) -> Postings<'a> {
        let records = u64::from(records);
        let inner = if value & POSTINGS == 0 {
            let first = value >> 4;
            Inner::Run {
                next: first,
                end: first + (value & 15) + 1,
                records,
            }
        } else {
            let mut pos = usize::try_from(value & !POSTINGS).unwrap_or(usize::MAX);
            // Every posting takes at least one byte: a count is bounded by the bytes
            // left in the section, whatever the file claims.
            let left = get_varint(postings, &mut pos)
                .unwrap_or(0)
                .min(postings.len().saturating_sub(pos) as u64);
            Inner::List {
                bytes: postings,
                pos,
                left,
                prev: 0,
                records,
            }
        };
        Postings { inner }
    }
}

impl Iterator for Postings<'_> {
    type Item = Posting;

    fn next(&mut self) -> Option<Posting> {
        match &mut self.inner {
            Inner::Run { next, end, records } => {
                if *next >= *end || *next >= *records {
                    return None;
                }
                let id = *next as u32;
                *next += 1;
                Some(Posting {
                    id,
                    kind: KeyKind::Mark,
                })
            }
            Inner::List {
                bytes,
                pos,
                left,
                prev,
                records,
            } => {
                if *left == 0 {
                    return None;
                }
                *left -= 1;
                let v = get_varint(bytes, pos);
                let id = v
                    .and_then(|v| prev.checked_add(v >> 2))
                    .filter(|id| id < records);
                match (v, id) {
                    (Some(v), Some(id)) => {
                        *prev = id;
                        Some(Posting {
                            id: id as u32,
                            kind: KeyKind::of(v & 3),
                        })
                    }
                    _ => {
                        *left = 0;
                        None
                    }
                }
            }
        }
    }
}

/// The key whose run holds record `id`, found by walking the fst towards the largest run
/// value not above `id << 4 | 15`. Every transition's output is the smallest value
/// below it, run values grow with the keys, and posting-list values are larger than any
/// run, so the last transition whose smallest value is not above the target leads to
/// the answer and the walk never backtracks. `None` when the record's key has a posting list (its mark is then stored
/// literally) or the fst is inconsistent.
pub fn key_of<D: AsRef<[u8]>>(fst: &Fst<D>, id: u32) -> Option<String> {
    let target = u64::from(id) << 4 | 15;
    let mut node = fst.root();
    let mut acc = 0u64;
    let mut key = Vec::new();
    // A key is at most as long as the fst has bytes: bound the walk for damaged files.
    for _ in 0..=fst.as_bytes().len() {
        let next = node
            .transitions()
            .filter(|t| acc.checked_add(t.out.value()).is_some_and(|v| v <= target))
            .last();
        match next {
            Some(t) => {
                acc += t.out.value();
                key.push(t.inp);
                node = fst.node(t.addr);
            }
            None => {
                let value = acc.checked_add(node.final_output().value())?;
                if !node.is_final() || value & POSTINGS != 0 {
                    return None;
                }
                let first = value >> 4;
                let count = (value & 15) + 1;
                return (u64::from(id) >= first && u64::from(id) < first + count)
                    .then(|| String::from_utf8(key).ok())
                    .flatten();
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_phrase_head_is_the_second_word_then_the_first() {
        let head = |k: &str| phrase_head(k.as_bytes());
        assert_eq!(head("calvin klein"), Some(b"klein\xFFcalvin".to_vec()));
        // Words after the second do not matter: one head stands for every phrase that
        // starts with the same two words.
        assert_eq!(
            head("star wars the clone wars"),
            Some(b"wars\xFFstar".to_vec())
        );
        assert_eq!(head("lego"), None);
        // Four letters are the fewest (counted as characters, not bytes).
        assert_eq!(head("hot wheels"), None);
        assert_eq!(head("haus cafe"), Some(b"cafe\xFFhaus".to_vec()));
        assert_eq!(head("été bio"), None, "three letters in five bytes");
        let mut four_letters = b"bio".to_vec();
        four_letters.push(HEAD_SEPARATOR);
        four_letters.extend_from_slice("ñoño".as_bytes());
        assert_eq!(head("ñoño bio"), Some(four_letters));
        let heads = phrase_heads(["star wars", "star wars rebels", "lego", "calvin klein"]);
        // One head for the first two words of both Star Wars keys, none for one word.
        assert_eq!(
            heads.stream().into_bytes(),
            [b"klein\xFFcalvin".to_vec(), b"wars\xFFstar".to_vec()]
        );
    }

    #[test]
    fn runs_and_lists_round_trip() {
        let run = run_value(7, 3).unwrap();
        let ids: Vec<u32> = Postings::new(run, &[], 100).map(|p| p.id).collect();
        assert_eq!(ids, [7, 8, 9]);
        assert_eq!(run_value(0, 17), None);

        let mut bytes = vec![0xAA];
        let list = [
            Posting {
                id: 3,
                kind: KeyKind::Mark,
            },
            Posting {
                id: 90,
                kind: KeyKind::PseudoMark,
            },
            Posting {
                id: 91,
                kind: KeyKind::Translation,
            },
        ];
        let v = write_postings(&mut bytes, &list);
        assert_eq!(Postings::new(v, &bytes, 100).collect::<Vec<_>>(), list);
        // Ids beyond the table stop the iteration: a damaged value never yields them.
        assert_eq!(Postings::new(v, &bytes, 91).count(), 2);
        assert_eq!(Postings::new(POSTINGS | 1000, &bytes, 100).count(), 0);
    }

    #[test]
    fn key_of_walks_back_from_ids_to_keys() {
        let mut b = fst::MapBuilder::memory();
        let mut posting_bytes = Vec::new();
        b.insert("apple", run_value(0, 2).unwrap()).unwrap();
        b.insert(
            "apple pie",
            write_postings(
                &mut posting_bytes,
                &[Posting {
                    id: 2,
                    kind: KeyKind::Mark,
                }],
            ),
        )
        .unwrap();
        b.insert("banana", run_value(3, 1).unwrap()).unwrap();
        b.insert("bandana", run_value(4, 16).unwrap()).unwrap();
        b.insert("zz", run_value(20, 1).unwrap()).unwrap();
        let map = b.into_map();
        let fst = map.as_fst();
        let keys: Vec<Option<String>> = (0..22).map(|id| key_of(fst, id)).collect();
        assert_eq!(keys[0].as_deref(), Some("apple"));
        assert_eq!(keys[1].as_deref(), Some("apple"));
        assert_eq!(keys[2], None);
        assert_eq!(keys[3].as_deref(), Some("banana"));
        assert!(keys[4..20].iter().all(|k| k.as_deref() == Some("bandana")));
        assert_eq!(keys[20].as_deref(), Some("zz"));
        assert_eq!(keys[21], None);
    }

    /// A record whose id comes before every run (its key has a posting list) has no key:
    /// the walk stops at the root, which is not a key, instead of spelling the empty key.
    #[test]
    fn an_id_below_every_run_has_no_key() {
        let mut b = fst::MapBuilder::memory();
        let mut posting_bytes = Vec::new();
        let list = [Posting {
            id: 0,
            kind: KeyKind::Mark,
        }];
        b.insert("apple", write_postings(&mut posting_bytes, &list))
            .unwrap();
        // Record 1 alone: the run value 1 << 4 | 0 = 16, above id 0's target 15.
        b.insert("banana", 16).unwrap();
        let map = b.into_map();
        assert_eq!(key_of(map.as_fst(), 0), None);
        assert_eq!(key_of(map.as_fst(), 1).as_deref(), Some("banana"));
    }
}
