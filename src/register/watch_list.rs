//! The seller's watch list in memory: an index from mark key to the watch-list records
//! filed under it, searched by the detection engine beside the register snapshot.
//!
//! The snapshot is built once and shipped; a watch list changes whenever the seller
//! imports a new file, so it is a small index of its own rather than a rebuilt snapshot.
//! It has the snapshot's shape where the engine needs it — an [`fst::Map`] keyed by
//! [`mark_key`] (each record's mark and its aliases) — so the same walks find its marks.
//! Its index values carry [`WatchList::VALUE_TAG`], a bit no snapshot index value has
//! (snapshot values are runs below 2^36 or posting offsets flagged with bit 63), so one
//! value names one list unambiguously. This module owns the index only; reading the file
//! is [`super::watch_csv`], judging findings is the engine's.
//!
//! ```
//! use clearmark::register::watch_list::WatchList;
//! use clearmark::register::{Record, Register};
//!
//! let list = WatchList::new(vec![Record::new(Register::Watch, "Zorblax", "Zorb Inc.")]);
//! let value = list.marks().get("zorblax").unwrap();
//! assert!(WatchList::is_watch_value(value));
//! assert_eq!(list.records(value)[0].owner, "Zorb Inc.");
//! ```

use super::Record;
use crate::text::mark_key;
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// The watch list the engine consults: records indexed by mark key. Empty by default.
#[derive(Debug, Clone)]
pub struct WatchList {
    marks: fst::Map<Vec<u8>>,
    /// The records of each key, in key order; a value's low bits index this.
    by_key: Vec<Vec<Record>>,
    count: usize,
}

impl Default for WatchList {
    fn default() -> Self {
        WatchList::new(Vec::new())
    }
}

/// The index of a list with no marks, built once: fst's builder sets up a
/// 20,000-cell node registry, which every fresh engine would otherwise pay for again.
fn empty_index() -> fst::Map<Vec<u8>> {
    static EMPTY: OnceLock<fst::Map<Vec<u8>>> = OnceLock::new();
    EMPTY.get_or_init(fst::Map::default).clone()
}

impl WatchList {
    /// The bit every index value of a watch list carries, and no snapshot index value.
    pub const VALUE_TAG: u64 = 1 << 62;

    /// Indexes `records` under the key of their mark and of each alias (pseudo-mark).
    /// Records whose mark has no key (no letter or digit) are left out.
    pub fn new(records: Vec<Record>) -> WatchList {
        let mut keys: BTreeMap<String, Vec<Record>> = BTreeMap::new();
        let mut count = 0;
        for record in records {
            let mark = mark_key(&record.mark);
            if mark.is_empty() {
                continue;
            }
            count += 1;
            let mut own = vec![mark];
            for alias in &record.pseudo_marks {
                let key = mark_key(alias);
                if !key.is_empty() && !own.contains(&key) {
                    own.push(key);
                }
            }
            for key in own {
                keys.entry(key).or_default().push(record.clone());
            }
        }
        // Keys come out of the BTreeMap in byte order, which is the order fst needs.
        let entries = keys
            .keys()
            .enumerate()
            .map(|(i, k)| (k.as_str(), WatchList::VALUE_TAG | i as u64));
        let marks = if keys.is_empty() {
            empty_index()
        } else {
            fst::Map::from_iter(entries).unwrap_or_else(|_| empty_index())
        };
        WatchList {
            marks,
            by_key: keys.into_values().collect(),
            count,
        }
    }

    /// How many records (rows of the file) the list holds.
    pub fn len(&self) -> usize {
        self.count
    }

    /// Whether the list holds no record.
    pub fn is_empty(&self) -> bool {
        self.count == 0
    }

    /// The index: every key (mark or alias) with its value for [`WatchList::records`].
    pub fn marks(&self) -> &fst::Map<Vec<u8>> {
        &self.marks
    }

    /// Whether an index value is a watch list's (rather than a snapshot's).
    pub fn is_watch_value(value: u64) -> bool {
        value & WatchList::VALUE_TAG != 0
    }

    /// The records filed under the key with this index value; empty for a value that is
    /// not this list's.
    pub fn records(&self, value: u64) -> &[Record] {
        if !WatchList::is_watch_value(value) {
            return &[];
        }
        usize::try_from(value & !WatchList::VALUE_TAG)
            .ok()
            .and_then(|i| self.by_key.get(i))
            .map_or(&[], Vec::as_slice)
    }

    /// The records filed under the key of `text` (as a mark or an alias).
    pub fn lookup(&self, text: &str) -> &[Record] {
        self.key_records(&mark_key(text))
    }

    /// The records filed under `key`, already a [`mark_key`] (as the engine's walks
    /// produce them).
    pub fn key_records(&self, key: &str) -> &[Record] {
        self.marks.get(key).map_or(&[], |v| self.records(v))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::register::Register;

    fn watch(mark: &str, aliases: &[&str]) -> Record {
        let mut r = Record::new(Register::Watch, mark, "Owner");
        r.pseudo_marks = aliases.iter().map(|a| a.to_string()).collect();
        r
    }

    #[test]
    fn marks_and_aliases_lead_to_their_records() {
        let list = WatchList::new(vec![
            watch("Acme Rocket", &["ACME Rockets", "Acme-Rocket"]),
            watch("Zorblax", &[]),
            watch("ZORBLAX", &[]),
        ]);
        assert_eq!(list.len(), 3);
        assert_eq!(list.lookup("acme rockets")[0].mark, "Acme Rocket");
        // "Acme-Rocket" has the mark's own key: filed once.
        assert_eq!(list.lookup("Acme Rocket").len(), 1);
        assert_eq!(list.lookup("zorblax").len(), 2);
        assert!(list.lookup("zorb").is_empty());
        assert_eq!(list.marks().len(), 3);
    }

    #[test]
    fn values_are_tagged_and_foreign_values_lead_nowhere() {
        let list = WatchList::new(vec![watch("Zorblax", &[])]);
        let v = list.marks().get("zorblax").unwrap();
        assert!(WatchList::is_watch_value(v));
        assert!(list.records(v & !WatchList::VALUE_TAG).is_empty());
        assert!(list.records(WatchList::VALUE_TAG | 7).is_empty());
        assert!(list.records(1 << 63).is_empty());
    }

    #[test]
    fn marks_without_letters_are_left_out_and_empty_lists_work() {
        let list = WatchList::new(vec![watch("®", &[])]);
        assert!(list.is_empty());
        assert_eq!(list.marks().len(), 0);
        assert!(WatchList::default().lookup("anything").is_empty());
    }
}
