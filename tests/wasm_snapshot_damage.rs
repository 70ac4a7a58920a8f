//! Damaged snapshots on a 32-bit target (`make test-wasm`, in Node): offsets and counts
//! read from a file must not overflow `usize` (32 bits here), and the `snapshot_load` fuzz
//! target's body (tests/damage/load.rs) never panics on resealed mutants — bits flipped
//! in the marks index, its footer and the other sections, with the SHA-256 recomputed, as
//! an attacker would. A panic in wasm kills the background every tab shares.
//!
//! `CLEARMARK_FUZZ_RUNS=N make test-wasm` (read at compile time) runs N mutants instead of
//! the default 600.
#![cfg(target_arch = "wasm32")]

mod damage;
#[path = "damage/load.rs"]
mod load;

use clearmark::register::snapshot::{Snapshot, SnapshotBuilder, SnapshotError};
use clearmark::register::{Record, Register};
use wasm_bindgen_test::wasm_bindgen_test;

/// Records that give every section something to hold: owners, class sets, runs of
/// records under one key, a key with more records than a run (a posting list), words.
fn snapshot_bytes() -> Vec<u8> {
    let mut b = SnapshotBuilder::new(20261123);
    for (i, mark) in ["Zorblax", "Quixotron", "Velmorak", "Acme Toys", "Lego"]
        .iter()
        .enumerate()
    {
        let mut r = Record::new(Register::US, *mark, format!("Owner {i} Inc."));
        r.number = format!("9700000{i}");
        r.classes = vec![9, 28 + i as u8];
        b.add(r);
    }
    for n in 0..20 {
        let mut r = Record::new(Register::EU, "Orbit", format!("Orbit Holder {n}"));
        r.number = format!("0{:08}", n + 1);
        r.classes = vec![n as u8 % 45 + 1];
        b.add(r);
    }
    b.add_word_frequency("apple", 5.2);
    b.add_word_frequency("orbit", 4.1);
    b.finish(None)
}

/// Owners and records sections (file order: marks, postings, records, owners, ...).
const RECORDS: usize = 2;
const OWNERS: usize = 3;

/// The first u32 offset of a table section: after its count, a one-byte varint here.
fn first_offset(bytes: &[u8], section: usize) -> usize {
    let start = damage::section_range(bytes, section).start;
    assert!(bytes[start] < 0x80, "a one-byte count");
    start + 1
}

#[wasm_bindgen_test]
fn an_owner_offset_past_4_gib_is_refused_not_wrapped() {
    let bytes = snapshot_bytes();
    let mut damaged = bytes.clone();
    let at = first_offset(&bytes, OWNERS);
    damaged[at..at + 4].copy_from_slice(&u32::MAX.to_le_bytes());
    let snapshot = Snapshot::open(damage::reseal(damaged), None).expect("the indexes are intact");
    // The owners of the first bucket cannot be read: their records are refused.
    let refused = (0..snapshot.record_count())
        .filter_map(|id| snapshot.try_record(id).err())
        .collect::<Vec<_>>();
    assert!(!refused.is_empty());
    assert!(refused
        .iter()
        .all(|e| *e == SnapshotError::Corrupt { section: "records" }));
}

#[wasm_bindgen_test]
fn a_record_block_offset_past_4_gib_is_refused_not_wrapped() {
    let bytes = snapshot_bytes();
    let mut damaged = bytes.clone();
    let at = first_offset(&bytes, RECORDS);
    damaged[at + 4..at + 8].copy_from_slice(&u32::MAX.to_le_bytes());
    let snapshot = Snapshot::open(damage::reseal(damaged), None).expect("the indexes are intact");
    assert_eq!(
        snapshot.try_record(0).unwrap_err(),
        SnapshotError::Corrupt { section: "records" }
    );
    assert!(snapshot.lookup("zorblax").iter().all(|r| r.mark.is_empty()));
}

/// xorshift64*: a deterministic stream, so a failing mutant can be found again.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

#[wasm_bindgen_test]
fn resealed_mutants_never_panic_on_32_bit() {
    let runs: usize = option_env!("CLEARMARK_FUZZ_RUNS")
        .and_then(|n| n.parse().ok())
        .unwrap_or(600);
    let bytes = snapshot_bytes();
    let marks = damage::section_range(&bytes, damage::MARKS);
    let body = 0..bytes.len() - damage::TRAILER;
    load::exercise(&bytes);
    load::exercise(&damage::damaged_past_loading(&bytes));
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let (mut loaded, mut verified) = (0, 0);
    for run in 0..runs {
        let mut mutant = bytes.clone();
        // A third in the marks footer (key count, root address, checksum), a third in
        // the marks nodes, a third anywhere in the body.
        for _ in 0..1 + rng.below(3) {
            let at = match run % 3 {
                0 => marks.end - 1 - rng.below(16.min(marks.len())),
                1 => marks.start + rng.below(marks.len()),
                _ => body.start + rng.below(body.len()),
            };
            mutant[at] ^= 1 << rng.below(8);
        }
        let mutant = damage::reseal(mutant);
        load::exercise(&mutant);
        if let Ok(s) = Snapshot::from_bytes(mutant) {
            loaded += 1;
            verified += usize::from(s.verify(None).is_ok());
        }
    }
    web_sys_log(&format!(
        "{runs} resealed mutants on wasm32: {loaded} loaded, {verified} verified, 0 panics"
    ));
}

fn web_sys_log(text: &str) {
    wasm_bindgen_test::console_log!("{text}");
}
