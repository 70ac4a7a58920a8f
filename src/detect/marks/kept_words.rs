//! What earlier checks learnt of each word, kept for the next ones.
//!
//! Every word of every field is asked several things of the snapshot: what the word
//! evidence holds of it, where it leads in the mark index, whether it is a mark key and
//! whether it is a typo of one. A product's words recur in title, bullets and description
//! and from one keystroke's check to the next, and each answer is fixed for a snapshot,
//! so each is kept. All of one word's answers share one entry of one map: a word new to
//! the engine then costs one place in memory rather than one in each of four maps, which
//! outgrew the processor's cache and made unseen listings slower than the lookups they
//! saved.

use super::{lookalike, walk};
use compact_str::CompactString;
use foldhash::HashMap;
use std::sync::Mutex;

/// The most words (and mark keys) whose answers the engine keeps between checks; the
/// map is emptied when a new word would take it past this.
pub(super) const KEPT_WORDS: usize = 10_000;

/// The answers kept for one word or mark key, each `None` until first asked.
#[derive(Default)]
struct Answers {
    /// What the word evidence holds of it (`Some(None)`: nothing).
    evidence: Option<Option<u64>>,
    /// Its value in the snapshot's mark index (`Some(None)`: no key).
    mark: Option<Option<u64>>,
    /// Where it leads in the snapshot's mark index (`Some(None)`: no key starts with it).
    prefix: Option<Option<walk::Prefix>>,
    /// The mark it is a typo of (`Some(None)`: none). Boxed: most words are no typo.
    typo: Option<Option<Box<lookalike::Near>>>,
}

/// The answers earlier checks gave for each word, shared by all checks of one engine
/// (a check takes the engine by shared reference, hence the lock).
#[derive(Default)]
pub(in crate::detect) struct KeptWords(Mutex<HashMap<CompactString, Answers>>);

impl KeptWords {
    /// What the word evidence holds of `word`, else `look_up`'s answer, kept.
    pub(super) fn evidence(
        &self,
        word: &str,
        look_up: impl FnOnce() -> Option<u64>,
    ) -> Option<u64> {
        self.answer(word, |a| &mut a.evidence, look_up)
    }

    /// The mark index's value of `key`, else `look_up`'s answer, kept.
    pub(super) fn mark(&self, key: &str, look_up: impl FnOnce() -> Option<u64>) -> Option<u64> {
        self.answer(key, |a| &mut a.mark, look_up)
    }

    /// Where `word` leads in the mark index, else `walk`'s answer, kept.
    pub(super) fn prefix(
        &self,
        word: &str,
        walk: impl FnOnce() -> Option<walk::Prefix>,
    ) -> Option<walk::Prefix> {
        self.answer(word, |a| &mut a.prefix, walk)
    }

    /// The mark `word` is a typo of, else `search`'s answer, kept.
    pub(super) fn typo(
        &self,
        word: &str,
        search: impl FnOnce() -> Option<lookalike::Near>,
    ) -> Option<lookalike::Near> {
        self.answer(word, |a| &mut a.typo, || search().map(Box::new))
            .map(|near| *near)
    }

    /// Forgets every typo answer (the watch list or the options changed what a typo
    /// may be of), keeping the rest, which the snapshot alone decides.
    pub(in crate::detect) fn forget_typos(&mut self) {
        if let Ok(kept) = self.0.get_mut() {
            kept.values_mut().for_each(|answers| answers.typo = None);
        }
    }

    /// The answer `kept` holds in `slot` for `word`, else `decide`'s, kept for the next
    /// checks. Words are kept inline in the map (up to 24 bytes): a lookup reads the
    /// map's own memory, not a string elsewhere on the heap.
    fn answer<V: Clone>(
        &self,
        word: &str,
        slot: fn(&mut Answers) -> &mut Option<V>,
        decide: impl FnOnce() -> V,
    ) -> V {
        let seen = self
            .0
            .lock()
            .ok()
            .and_then(|mut kept| kept.get_mut(word).and_then(|answers| slot(answers).clone()));
        if let Some(seen) = seen {
            return seen;
        }
        let answer = decide();
        if let Ok(mut kept) = self.0.lock() {
            if !kept.contains_key(word) {
                if kept.len() >= KEPT_WORDS {
                    kept.clear();
                }
                kept.insert(CompactString::from(word), Answers::default());
            }
            if let Some(answers) = kept.get_mut(word) {
                *slot(answers) = Some(answer.clone());
            }
        }
        answer
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    /// Asks `kept` for the evidence of `word`, counting the lookups it makes in `asked`.
    fn evidence(kept: &KeptWords, word: &str, asked: &Cell<usize>) -> Option<u64> {
        kept.evidence(word, || {
            asked.set(asked.get() + 1);
            Some(word.len() as u64)
        })
    }

    #[test]
    fn an_answer_is_looked_up_once_and_then_kept() {
        let kept = KeptWords::default();
        let asked = Cell::new(0);
        assert_eq!(evidence(&kept, "pack", &asked), Some(4));
        assert_eq!(evidence(&kept, "pack", &asked), Some(4));
        assert_eq!(asked.get(), 1);
        // A word with nothing to hold is kept as such, not asked again.
        let none = || {
            asked.set(asked.get() + 1);
            None
        };
        assert_eq!(kept.mark("zzqx", none), None);
        assert_eq!(kept.mark("zzqx", || Some(9)), None);
        assert_eq!(asked.get(), 2);
    }

    #[test]
    fn each_question_of_a_word_is_its_own_answer() {
        let kept = KeptWords::default();
        assert_eq!(kept.evidence("disney", || Some(1)), Some(1));
        // The same word's mark value is a different question: asked, not the evidence.
        assert_eq!(kept.mark("disney", || Some(2)), Some(2));
        assert_eq!(kept.prefix("disney", || None), None);
        assert_eq!(kept.typo("disney", || None), None);
        assert_eq!(kept.evidence("disney", || Some(7)), Some(1));
        assert_eq!(kept.mark("disney", || Some(7)), Some(2));
    }

    #[test]
    fn forgetting_typos_keeps_the_snapshots_answers() {
        let mut kept = KeptWords::default();
        let near = |key: &str| lookalike::Near {
            key: key.to_owned(),
            value: 3,
            distance: 1,
            trick: lookalike::Trick::Edits,
        };
        assert_eq!(
            kept.typo("nikee", || Some(near("nike"))),
            Some(near("nike"))
        );
        assert_eq!(kept.evidence("nikee", || Some(5)), Some(5));
        assert_eq!(kept.typo("nikee", || None), Some(near("nike")));
        kept.forget_typos();
        assert_eq!(kept.typo("nikee", || None), None);
        assert_eq!(kept.evidence("nikee", || Some(6)), Some(5));
    }

    #[test]
    fn the_map_keeps_kept_words_words_and_is_emptied_by_the_next_new_one() {
        let kept = KeptWords::default();
        let asked = Cell::new(0);
        for n in 0..KEPT_WORDS {
            evidence(&kept, &format!("w{n}"), &asked);
        }
        // Full: the first word is still kept, and a new question of a kept word adds
        // no entry.
        evidence(&kept, "w0", &asked);
        kept.mark("w1", || None);
        assert_eq!(asked.get(), KEPT_WORDS);
        // One word more empties it: the first word is looked up again.
        evidence(&kept, "one more", &asked);
        evidence(&kept, "w0", &asked);
        assert_eq!(asked.get(), KEPT_WORDS + 2);
    }
}
