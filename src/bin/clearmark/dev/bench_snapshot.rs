//! `clearmark dev bench snapshot`: how fast a snapshot loads and answers, as ratios against
//! baselines run in the same process (copying the same bytes; a bare fst lookup).
//!
//! Timings are printed, never asserted: speed is watched here, not in tests.

use crate::snapshot::load;
use clap::Args;
use clearmark::register::snapshot::Snapshot;
use fst::Streamer;
use std::hint::black_box;
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// Arguments of `clearmark dev bench snapshot`.
#[derive(Args)]
pub struct BenchArgs {
    /// A snapshot file to measure (e.g. from `clearmark dev synth`); without it, a
    /// synthetic one is built in memory.
    file: Option<PathBuf>,
    /// Records of the in-memory synthetic snapshot.
    #[arg(long, default_value_t = 200_000)]
    marks: u64,
    /// Seed of the in-memory synthetic snapshot.
    #[arg(long, default_value_t = 1)]
    seed: u64,
}

/// Best of `rounds` runs of `f`.
fn best<T>(rounds: u32, mut f: impl FnMut() -> T) -> Duration {
    (0..rounds)
        .map(|_| {
            let t = Instant::now();
            black_box(f());
            t.elapsed()
        })
        .min()
        .unwrap_or_default()
}

/// Runs `clearmark dev bench snapshot`.
pub fn run(args: BenchArgs) -> Result<(), String> {
    let bytes = match &args.file {
        Some(f) => load(f)?.as_bytes().to_vec(),
        None => super::synth::builder(args.marks, args.seed).finish(None),
    };
    let snap = Snapshot::from_bytes(bytes.clone()).map_err(|e| e.to_string())?;
    println!(
        "snapshot: {} records, {} keys, {} bytes",
        snap.header().records,
        snap.header().keys,
        bytes.len()
    );

    // Load = structure checks on bytes already in memory. Baseline: copying them once
    // into a buffer of the same size, the least any loader that owns its bytes must do.
    let mut target = vec![0u8; bytes.len()];
    let copy = best(5, || target.copy_from_slice(&bytes));
    drop(target);
    let mut buffer = Some(bytes.clone());
    let load_time = best(20, || {
        let snapshot = Snapshot::from_bytes(buffer.take().unwrap_or_default());
        buffer = snapshot.map(Snapshot::into_bytes).ok();
    });
    if buffer.is_none() {
        return Err("the snapshot did not load".into());
    }
    println!(
        "load (from_bytes):         {:>10.3} ms   memcpy of the file: {:>8.3} ms   ratio {:.5}",
        ms(load_time),
        ms(copy),
        ratio(load_time, copy)
    );
    let verify = best(3, || snap.verify(None));
    println!(
        "verify (sha-256):          {:>10.3} ms   memcpy of the file: {:>8.3} ms   ratio {:.1}",
        ms(verify),
        ms(copy),
        ratio(verify, copy)
    );

    // Lookups: every 97th key, through the snapshot (key → records) vs the bare fst get.
    let mut keys = Vec::new();
    let mut stream = snap.marks().stream();
    let mut i = 0u64;
    while let Some((k, _)) = stream.next() {
        if i % 97 == 0 {
            keys.push(String::from_utf8_lossy(k).into_owned());
        }
        i += 1;
    }
    let n = keys.len().max(1) as u32;
    let fst_get = best(5, || {
        keys.iter().filter_map(|k| snap.marks().get(k)).count()
    });
    let ids = best(5, || {
        keys.iter()
            .filter_map(|k| snap.marks().get(k))
            .map(|v| snap.record_ids(v).count())
            .sum::<usize>()
    });
    let lookup = best(5, || {
        keys.iter().map(|k| snap.lookup(k).len()).sum::<usize>()
    });
    println!(
        "lookup key → record ids:   {:>10.3} µs/key  bare fst get: {:>8.3} µs/key  ratio {:.2}",
        us(ids) / f64::from(n),
        us(fst_get) / f64::from(n),
        ratio(ids, fst_get)
    );
    println!(
        "lookup key → full records: {:>10.3} µs/key  bare fst get: {:>8.3} µs/key  ratio {:.2}",
        us(lookup) / f64::from(n),
        us(fst_get) / f64::from(n),
        ratio(lookup, fst_get)
    );
    Ok(())
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn us(d: Duration) -> f64 {
    d.as_secs_f64() * 1e6
}

fn ratio(a: Duration, b: Duration) -> f64 {
    a.as_secs_f64() / b.as_secs_f64().max(1e-12)
}
