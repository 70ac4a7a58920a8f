//! The body of the `snapshot_load` fuzz target (fuzz/fuzz_targets/snapshot_load.rs
//! includes this file): any bytes are loaded or refused, a loaded file is verified or
//! refused, and a verified one is read through every key and record — never a panic.
//! The 32-bit run (tests/wasm_snapshot_damage.rs) runs the same body on wasm32.

use clearmark::register::snapshot::Snapshot;
use fst::Streamer;

/// What one fuzz execution does with `data`.
pub fn exercise(data: &[u8]) {
    let Ok(snapshot) = Snapshot::from_bytes(data.to_vec()) else {
        return;
    };
    let _ = snapshot.header();
    let _ = snapshot.is_signed();
    // Nothing walks the index of a file that failed verification (the loading
    // contract): `fst` would trust its bytes.
    if snapshot.verify(None).is_err() {
        return;
    }
    let mut keys = snapshot.marks().stream();
    while let Some((key, value)) = keys.next() {
        let _ = std::str::from_utf8(key);
        for id in snapshot.record_ids(value) {
            let _ = snapshot.record(id);
        }
        let _ = snapshot.standings(value);
    }
    for id in 0..snapshot.record_count().min(10_000) {
        let _ = snapshot.try_record(id);
    }
    let _ = snapshot.word_zipf("apple");
    let mut heads = snapshot.phrase_heads().stream();
    while heads.next().is_some() {}
}
