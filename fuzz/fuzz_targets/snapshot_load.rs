//! Any bytes given to the snapshot loader are refused with an error or loaded, and any
//! loaded file is verified or refused: never a panic. A file that passes verification is
//! read through every key and record.
//!
//! This follows the loading contract (see `clearmark::register::snapshot`): the fst walk
//! behind `record`/`lookup` trusts files that passed `verify` once, because `fst` does
//! not check its own structure when it is opened.
#![no_main]

use clearmark::register::snapshot::Snapshot;
use fst::Streamer;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(snapshot) = Snapshot::from_bytes(data.to_vec()) else {
        return;
    };
    let _ = snapshot.header();
    let _ = snapshot.is_signed();
    if snapshot.verify(None).is_err() {
        return;
    }
    let mut keys = snapshot.marks().stream();
    while let Some((key, value)) = keys.next() {
        let _ = std::str::from_utf8(key);
        for id in snapshot.record_ids(value) {
            let _ = snapshot.record(id);
        }
    }
    for id in 0..snapshot.record_count().min(10_000) {
        let _ = snapshot.try_record(id);
    }
});
