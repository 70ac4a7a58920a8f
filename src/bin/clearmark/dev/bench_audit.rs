//! `clearmark dev bench audit`: listings per second of `audit` on catalogue files, against
//! `check` on the same listings as JSON lines, in the same process and on the same
//! engine.
//!
//! An audit round is what `clearmark audit` does after reading the files from disk:
//! recognise and parse each file, check every listing on `--jobs` threads, write
//! findings.jsonl and report.html (into memory). A check round is what `clearmark check`
//! does: parse each JSON line, check, write the findings line (into a sink), on one
//! thread. The audit's parts are timed too. One unmeasured audit first fills the engine's per-word caches for both; then
//! rounds alternate and the medians are printed. For a per-core figure, run `--jobs 1`.

use crate::audit::{self, Input};
use crate::check::{self, Format};
use crate::engine_args::EngineArgs;
use crate::exit::{Failure, Outcome};
use clap::Args;
use indicatif::ProgressBar;
use std::io;
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// Arguments of `clearmark dev bench audit`.
#[derive(Args)]
pub struct BenchAuditArgs {
    #[command(flatten)]
    engine: EngineArgs,
    /// Threads the audit checks on (check always runs on one).
    #[arg(long, value_name = "N", default_value_t = 1, value_parser = clap::value_parser!(u16).range(1..))]
    jobs: u16,
    /// Measured rounds of each (the medians are printed).
    #[arg(long, default_value_t = 3)]
    rounds: usize,
    /// Catalogue files, in any format `audit` reads.
    #[arg(required = true, value_name = "FILE")]
    files: Vec<PathBuf>,
}

/// Runs `clearmark dev bench audit`.
pub fn run(args: BenchAuditArgs) -> Outcome {
    match bench(&args) {
        Ok(()) => Ok(()),
        Err(e) => {
            eprintln!("clearmark dev bench audit: {e}");
            Err(Failure::Reported)
        }
    }
}

fn bench(args: &BenchAuditArgs) -> Result<(), String> {
    let setup = args.engine.setup("clearmark dev bench audit")?;
    let engines = audit::engines(setup, args.jobs);
    let engine = &engines[0];
    let mut inputs = Vec::new();
    for path in &args.files {
        let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
        inputs.push(Ok(Input {
            name: path.display().to_string(),
            bytes,
        }));
    }
    let quiet = ProgressBar::hidden();

    let warm = audit::audit(&engines, &inputs, &quiet);
    let listings = warm.listings.len();
    if listings == 0 {
        return Err("the files hold no listing".to_owned());
    }
    let mut as_lines = Vec::new();
    for a in &warm.listings {
        serde_json::to_writer(&mut as_lines, &a.listing).map_err(|e| e.to_string())?;
        as_lines.push(b'\n');
    }

    let (mut audit_times, mut check_times) = (Vec::new(), Vec::new());
    // Each audit round's parts: parse, check, findings.jsonl, report.html.
    let mut parts: [Vec<Duration>; 4] = Default::default();
    for _ in 0..args.rounds.max(1) {
        let start = Instant::now();
        let read = audit::read_catalogues(&inputs);
        let parsed = Instant::now();
        let done = audit::check_rows(&engines, read, &quiet);
        let checked = Instant::now();
        let mut written = Vec::new();
        audit::write_findings(&done, &mut written).map_err(|e| e.to_string())?;
        let lines = Instant::now();
        audit::report::write(&done, &mut written).map_err(|e| e.to_string())?;
        let end = Instant::now();
        audit_times.push(end - start);
        for (part, time) in parts.iter_mut().zip([
            parsed - start,
            checked - parsed,
            lines - checked,
            end - lines,
        ]) {
            part.push(time);
        }

        let start = Instant::now();
        let bad = check::check_lines(engine, &as_lines[..], &mut io::sink(), None, Format::Jsonl)
            .map_err(|e| e.to_string())?;
        check_times.push(start.elapsed());
        if bad > 0 {
            return Err(format!("{bad} listing(s) were refused by check"));
        }
    }
    let audit_time = median(&mut audit_times);
    let check_time = median(&mut check_times);
    let per_second = |d: Duration| listings as f64 / d.as_secs_f64();
    let per_listing = |d: Duration| d.as_secs_f64() * 1e6 / listings as f64;
    println!(
        "{listings} listings from {} file(s), {} skipped row(s); medians of {} rounds",
        inputs.len(),
        warm.skipped.len(),
        audit_times.len()
    );
    println!(
        "audit ({} thread(s)): {:>10.0} listings/s  {:>8.1} µs a listing  ({:.0} listings/s per thread)",
        args.jobs,
        per_second(audit_time),
        per_listing(audit_time),
        per_second(audit_time) / f64::from(args.jobs)
    );
    let [parse, checks, findings, report] = parts.map(|mut p| per_listing(median(&mut p)));
    println!(
        "  of which, µs a listing: parse {parse:.1}, check {checks:.1}, findings.jsonl {findings:.1}, report.html {report:.1}"
    );
    println!(
        "check (1 thread):    {:>10.0} listings/s  {:>8.1} µs a listing",
        per_second(check_time),
        per_listing(check_time)
    );
    println!(
        "audit / check, time a listing: {:.2}",
        audit_time.as_secs_f64() / check_time.as_secs_f64()
    );
    Ok(())
}

fn median(times: &mut [Duration]) -> Duration {
    times.sort_unstable();
    times[times.len() / 2]
}
