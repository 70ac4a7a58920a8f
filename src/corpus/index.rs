//! The corpus in memory: listings, their field sketches and one sorted inverted index
//! from fingerprint to listing, bounded (the oldest listing added is evicted first) and
//! changed one listing at a time (the extension's store does that).

use std::collections::VecDeque;

use super::fingerprint::{self, FnvMap, MINHASHES};
use super::words::FieldWords;
use super::CorpusListing;
use crate::listing::Field;

/// The sketch of one field of a corpus listing.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldSketch {
    /// The field's position in [`CorpusListing::fields`] (as index postings carry it).
    pub number: u8,
    /// Which field.
    pub field: Field,
    /// The bullet index, for bullets.
    pub index: Option<usize>,
    /// The one-byte MinHash sketch of its content words.
    pub sketch: [u8; MINHASHES],
}

#[derive(Debug, Clone)]
pub(super) struct Slot {
    pub(super) listing: CorpusListing,
    pub(super) seq: u64,
    pub(super) sketches: Vec<FieldSketch>,
    pub(super) keys: usize,
}

/// The reference corpus: listings, their sketches and the inverted index from
/// fingerprint to listing. See the module documentation.
#[derive(Debug, Clone)]
pub struct CorpusIndex {
    pub(super) slots: Vec<Option<Slot>>,
    /// Slots removed whose index entries are still to be purged.
    pub(super) tombstones: Vec<u32>,
    pub(super) free: Vec<u32>,
    pub(super) by_id: FnvMap<String, u32>,
    /// (key, slot), sorted.
    pub(super) entries: Vec<(u32, u32)>,
    /// Where each key prefix (the top `directory_bits` bits) starts in `entries`, so a
    /// lookup binary-searches a bucket of about eight entries, not the whole index.
    pub(super) directory: Vec<u32>,
    pub(super) directory_bits: u32,
    /// Whether each slot holds a listing (kept apart from `slots` so that checking a
    /// posting touches one byte, not a whole listing).
    pub(super) alive: Vec<bool>,
    /// Entries added since the last merge, by key.
    pub(super) pending: FnvMap<u32, Vec<u32>>,
    pub(super) pending_len: usize,
    pub(super) age: VecDeque<(u64, u32)>,
    pub(super) next_seq: u64,
    pub(super) capacity: usize,
    pub(super) live: usize,
}

/// Bits of a posting that hold the field number (the rest hold the listing's slot).
pub(super) const FIELD_BITS: u32 = 5;
/// The largest field number a posting can carry.
pub(super) const MAX_FIELD: u32 = (1 << FIELD_BITS) - 1;

/// The most listings a corpus keeps unless told otherwise.
pub const DEFAULT_CAPACITY: usize = 200_000;

impl Default for CorpusIndex {
    fn default() -> Self {
        CorpusIndex::new(DEFAULT_CAPACITY)
    }
}

impl CorpusIndex {
    /// An empty corpus that keeps at most `capacity` listings (at least one).
    pub fn new(capacity: usize) -> CorpusIndex {
        CorpusIndex {
            slots: Vec::new(),
            tombstones: Vec::new(),
            free: Vec::new(),
            by_id: FnvMap::default(),
            entries: Vec::new(),
            directory: vec![0, 0],
            directory_bits: 0,
            alive: Vec::new(),
            pending: FnvMap::default(),
            pending_len: 0,
            age: VecDeque::new(),
            next_seq: 0,
            capacity: capacity.max(1),
            live: 0,
        }
    }

    /// How many listings the corpus holds.
    pub fn len(&self) -> usize {
        self.live
    }

    /// Whether the corpus holds no listing.
    pub fn is_empty(&self) -> bool {
        self.live == 0
    }

    /// The most listings it keeps.
    pub fn capacity(&self) -> usize {
        self.capacity
    }

    /// Whether a listing with this id is in the corpus.
    pub fn contains(&self, id: &str) -> bool {
        self.by_id.contains_key(id)
    }

    /// Adds a listing (replacing one with the same id), evicting the oldest listing
    /// when the corpus is full. Returns the ids evicted.
    pub fn add(&mut self, listing: CorpusListing) -> Vec<String> {
        self.remove(&listing.id);
        let mut evicted = Vec::new();
        while self.live >= self.capacity {
            match self.oldest() {
                Some(id) => {
                    self.remove(&id);
                    evicted.push(id);
                }
                None => break,
            }
        }
        let mut sketches = Vec::new();
        let mut keys: Vec<(u32, u32)> = Vec::new();
        for (number, (field, index, t)) in listing.fields().into_iter().enumerate() {
            let number = number.min(MAX_FIELD as usize) as u8;
            let words = FieldWords::new(t);
            let sig = words.signature();
            keys.extend(
                words
                    .keys(sig.as_ref())
                    .into_iter()
                    .map(|k| (k, u32::from(number))),
            );
            if let Some(sig) = sig {
                sketches.push(FieldSketch {
                    number,
                    field,
                    index,
                    sketch: fingerprint::sketch(&sig),
                });
            }
        }
        // One posting per key and listing (its first field), so counts are listings.
        keys.sort_unstable();
        keys.dedup_by_key(|k| k.0);
        let slot = match self.free.pop() {
            Some(s) => s,
            None => {
                self.slots.push(None);
                self.alive.push(false);
                (self.slots.len() - 1) as u32
            }
        };
        let seq = self.next_seq;
        self.next_seq += 1;
        for &(k, field) in &keys {
            self.pending
                .entry(k)
                .or_default()
                .push(slot << FIELD_BITS | field);
        }
        self.pending_len += keys.len();
        self.by_id.insert(listing.id.clone(), slot);
        self.age.push_back((seq, slot));
        self.alive[slot as usize] = true;
        self.slots[slot as usize] = Some(Slot {
            listing,
            seq,
            sketches,
            keys: keys.len(),
        });
        self.live += 1;
        if self.pending_len > 4096.max(self.entries.len() / 8) {
            self.merge_pending();
        }
        evicted
    }

    /// Removes the listing with this id; `false` when there is none.
    pub fn remove(&mut self, id: &str) -> bool {
        let Some(slot) = self.by_id.remove(id) else {
            return false;
        };
        self.slots[slot as usize] = None;
        self.alive[slot as usize] = false;
        self.tombstones.push(slot);
        self.live -= 1;
        if self.tombstones.len() * 4 > self.slots.len() {
            self.purge();
        }
        true
    }

    fn oldest(&mut self) -> Option<String> {
        while let Some(&(seq, slot)) = self.age.front() {
            match &self.slots[slot as usize] {
                Some(s) if s.seq == seq => return Some(s.listing.id.clone()),
                _ => {
                    self.age.pop_front();
                }
            }
        }
        None
    }

    /// Merges the pending entries into the sorted ones (linear, after sorting the new).
    fn merge_pending(&mut self) {
        if self.pending.is_empty() {
            return;
        }
        let mut new: Vec<(u32, u32)> = self
            .pending
            .drain()
            .flat_map(|(k, slots)| slots.into_iter().map(move |s| (k, s)))
            .collect();
        self.pending_len = 0;
        new.sort_unstable();
        let old = std::mem::take(&mut self.entries);
        let mut merged = Vec::with_capacity(old.len() + new.len());
        let (mut a, mut b) = (old.into_iter().peekable(), new.into_iter().peekable());
        loop {
            let next = match (a.peek(), b.peek()) {
                (Some(x), Some(y)) if x <= y => a.next(),
                (Some(_), Some(_)) => b.next(),
                (Some(_), None) => a.next(),
                (None, Some(_)) => b.next(),
                (None, None) => break,
            };
            merged.extend(next);
        }
        self.entries = merged;
        self.rebuild_directory();
    }

    /// Recomputes where each key prefix starts in `entries`, with about eight entries per
    /// prefix (between 2⁰ and 2²² prefixes).
    pub(super) fn rebuild_directory(&mut self) {
        let buckets = (self.entries.len() / 8)
            .max(1)
            .next_power_of_two()
            .min(1 << 22);
        self.directory_bits = buckets.trailing_zeros();
        self.directory.clear();
        self.directory.reserve(buckets + 1);
        let mut at = 0usize;
        for prefix in 0..=buckets {
            while at < self.entries.len() && self.prefix(self.entries[at].0) < prefix {
                at += 1;
            }
            self.directory.push(at as u32);
        }
    }

    fn prefix(&self, key: u32) -> usize {
        match self.directory_bits {
            0 => 0,
            bits => (key >> (32 - bits)) as usize,
        }
    }

    /// Folds listings added since the last merge into the sorted index and drops the
    /// entries of removed ones. Lookups are fastest right after; `add` and `remove` call
    /// it on their own from time to time, a bulk loader may call it once at the end.
    pub fn compact(&mut self) {
        self.purge();
    }

    /// Drops the index entries of removed listings and frees their slots.
    fn purge(&mut self) {
        self.merge_pending();
        let slots = &self.slots;
        self.entries
            .retain(|&(_, p)| slots[(p >> FIELD_BITS) as usize].is_some());
        self.rebuild_directory();
        self.free.append(&mut self.tombstones);
    }

    /// The (listing slot, field number) pairs carrying `key`, unless it is boilerplate
    /// (a fingerprint common to many listings says nothing about copying). The field
    /// number is the field's position in [`CorpusListing::fields`] (capped at 31).
    pub fn postings(&self, key: u32) -> impl Iterator<Item = (u32, u8)> + '_ {
        let (lo, hi) = self.range(key);
        let pending = self.pending.get(&key).map_or(&[][..], Vec::as_slice);
        let keep = hi - lo + pending.len() < self.boilerplate_listings();
        self.entries[lo..hi]
            .iter()
            .map(|e| e.1)
            .chain(pending.iter().copied())
            .filter(move |_| keep)
            .map(|p| (p >> FIELD_BITS, (p & MAX_FIELD) as u8))
            .filter(|&(s, _)| self.alive[s as usize])
    }

    fn range(&self, key: u32) -> (usize, usize) {
        let prefix = self.prefix(key);
        let (from, to) = match (self.directory.get(prefix), self.directory.get(prefix + 1)) {
            (Some(&a), Some(&b)) => (a as usize, b as usize),
            _ => (0, self.entries.len()),
        };
        let bucket = &self.entries[from..to];
        let lo = bucket.partition_point(|e| e.0 < key);
        let hi = lo + bucket[lo..].partition_point(|e| e.0 <= key);
        (from + lo, from + hi)
    }

    /// How many corpus listings carry fingerprint `key` (removed ones may still count
    /// until the next purge).
    pub fn sharing(&self, key: u32) -> usize {
        let (lo, hi) = self.range(key);
        hi - lo + self.pending.get(&key).map_or(0, Vec::len)
    }

    /// From how many listings sharing a fingerprint on it counts as boilerplate: 3, or one
    /// in a thousand listings of a large corpus. Text found in that many listings is a
    /// template (a maker's standard sentence), not one seller's copy.
    pub fn boilerplate_listings(&self) -> usize {
        3.max(self.live / 1000)
    }

    /// The listing in `slot`, if live.
    pub fn listing(&self, slot: u32) -> Option<&CorpusListing> {
        self.slots.get(slot as usize)?.as_ref().map(|s| &s.listing)
    }

    /// The field sketches of the listing in `slot`.
    pub fn sketches(&self, slot: u32) -> &[FieldSketch] {
        self.slots
            .get(slot as usize)
            .and_then(|s| s.as_ref())
            .map_or(&[], |s| &s.sketches)
    }

    /// The sketch of field number `number` of the listing in `slot`.
    pub fn sketch(&self, slot: u32, number: u8) -> Option<&[u8; MINHASHES]> {
        self.sketches(slot)
            .iter()
            .find(|s| s.number == number)
            .map(|s| &s.sketch)
    }

    /// Every listing, oldest first.
    pub fn listings(&self) -> impl Iterator<Item = &CorpusListing> {
        let mut live: Vec<&Slot> = self.slots.iter().flatten().collect();
        live.sort_by_key(|s| s.seq);
        live.into_iter().map(|s| &s.listing)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::tests::listing;

    #[test]
    fn oldest_is_evicted_first_and_replacing_keeps_one_copy() {
        let mut c = CorpusIndex::new(2);
        assert!(c
            .add(listing("a", "one two three four five six"))
            .is_empty());
        c.add(listing("b", "seven eight nine ten eleven twelve"));
        c.add(listing("a", "one two three four five six seven")); // replaces a, now newest
        assert_eq!(c.len(), 2);
        assert_eq!(c.add(listing("c", "x y z w v u t")), ["b"]);
        assert!(c.contains("a") && c.contains("c") && !c.contains("b"));
    }

    #[test]
    fn removed_listings_leave_no_postings() {
        let mut c = CorpusIndex::new(100);
        let text = "Soft plush bear with embroidered eyes, safe for toddlers";
        c.add(listing("a", text));
        let words = FieldWords::new(text);
        let key = words.keys(None)[0];
        assert_eq!(
            c.postings(key).collect::<Vec<_>>(),
            [(0, 1)],
            "slot 0, bullet = field 1"
        );
        assert_eq!(c.postings(key).count(), 1);
        c.remove("a");
        assert_eq!(c.postings(key).count(), 0);
        for i in 0..50 {
            c.add(listing(
                &format!("x{i}"),
                &format!("filler words number {i} go here now"),
            ));
            c.remove(&format!("x{i}"));
        }
        assert!(c.is_empty());
        assert_eq!(c.postings(key).count(), 0);
    }

    #[test]
    fn every_listing_is_found_before_and_after_merges_and_removals() {
        let mut c = CorpusIndex::new(10_000);
        let text = |i: usize| format!("alpha{i} beta{i} gamma{i} delta{i} epsilon{i} zeta{i}");
        let key = |i: usize| FieldWords::new(&text(i)).keys(None)[0];
        let found = |c: &CorpusIndex, i: usize| {
            c.postings(key(i))
                .any(|(slot, _)| c.listing(slot).is_some_and(|l| l.id == format!("l{i}")))
        };
        for i in 0..1500 {
            c.add(CorpusListing {
                id: format!("l{i}"),
                bullets: vec![text(i)],
                ..Default::default()
            });
        }
        assert!(
            (0..1500).all(|i| found(&c, i)),
            "pending and merged entries"
        );
        c.compact();
        assert!((0..1500).all(|i| found(&c, i)), "after compaction");
        for i in (0..1500).step_by(2) {
            c.remove(&format!("l{i}"));
        }
        assert!(
            (0..1500).all(|i| found(&c, i) == (i % 2 == 1)),
            "removed ones are gone"
        );
        let back = CorpusIndex::from_bytes(&c.to_bytes()).unwrap();
        assert!(
            (0..1500).all(|i| found(&back, i) == (i % 2 == 1)),
            "after a round trip"
        );
    }

    /// The index keys of a bullet, as the corpus computes them.
    fn keys_of(bullet: &str) -> Vec<u32> {
        let w = FieldWords::new(bullet);
        w.keys(w.signature().as_ref())
    }

    const SHARED: &str = "sturdy walnut frame with brushed brass hinges and a velvet lined tray";

    #[test]
    fn a_fingerprint_in_three_listings_is_boilerplate_and_in_two_is_not() {
        for merged in [false, true] {
            let mut c = CorpusIndex::new(100);
            // Other listings first, so the shared keys do not start the index.
            for i in 0..4 {
                c.add(listing(
                    &format!("other:{i}"),
                    &format!("plain cotton tote number {i} with a zip"),
                ));
            }
            c.add(listing("a", SHARED));
            c.add(listing("b", SHARED));
            if merged {
                c.compact();
            }
            let keys = keys_of(SHARED);
            assert!(!keys.is_empty());
            for &k in &keys {
                assert_eq!(c.sharing(k), 2, "merged {merged}");
                assert!(c.sharing(k) < c.boilerplate_listings());
                assert_eq!(c.postings(k).count(), 2);
            }
            c.add(listing("c", SHARED));
            if merged {
                c.compact();
            }
            for &k in &keys {
                assert_eq!(c.sharing(k), 3, "merged {merged}");
                assert!(c.sharing(k) >= c.boilerplate_listings());
                assert_eq!(c.postings(k).count(), 0, "boilerplate leads nowhere");
            }
        }
    }

    #[test]
    fn boilerplate_is_three_listings_or_one_in_a_thousand() {
        let mut c = CorpusIndex::new(10_000);
        assert_eq!(c.boilerplate_listings(), 3);
        for i in 0..4000 {
            c.add(listing(&format!("l{i}"), "x"));
            let expected = match i + 1 {
                0..=3999 => 3,
                _ => 4,
            };
            if [1, 5, 2999, 3000, 3999, 4000].contains(&(i + 1)) {
                assert_eq!(c.boilerplate_listings(), expected, "{} listings", i + 1);
            }
        }
    }
}
