//! Any bytes given to the snapshot loader are refused with an error or loaded, and any
//! loaded file is verified or refused: never a panic. A file that passes verification is
//! read through every key and record.
//!
//! This follows the loading contract (see `clearmark::register::snapshot`): the fst walk
//! behind `record`/`lookup` trusts files that passed `verify` once, because `fst` does
//! not check its own structure when it is opened. The body is shared with the 32-bit run
//! in tests/wasm_snapshot_damage.rs.
#![no_main]

#[path = "../../tests/damage/load.rs"]
mod load;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| load::exercise(data));
