//! `clearmark audit`: a seller's whole catalogue, as exported from the marketplaces
//! (read by [`clearmark::catalogue`]), checked listing by listing exactly as `check`
//! checks it, into `DIR/findings.jsonl` (one line per listing: the `check` line plus
//! `row` and `source_file`) and `DIR/report.html` (see [`report`]).
//!
//! A skipped row (no id, not UTF-8, past the caps) or a file that is not a catalogue is
//! reported on stderr with its file and row; the rest is audited and the exit status is
//! 1 at the end. With `--jobs N` the listings are checked on N threads sharing one
//! engine; the output keeps the input order. A progress bar shows on a terminal only.
//!
//! This file is glue: reading files, the threads, the bar, writing the outputs.

pub mod report;

use crate::engine_args::EngineArgs;
use clap::Args;
use clearmark::catalogue::{self, Catalogue, SkippedRow};
use clearmark::detect::Engine;
use clearmark::{Listing, Report};
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use serde::Serialize;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The command's name in messages.
const COMMAND: &str = "clearmark audit";

/// Arguments of `clearmark audit`.
#[derive(Args)]
pub struct AuditArgs {
    #[command(flatten)]
    engine: EngineArgs,
    /// Threads that check listings (default 1; the number of cores uses them all).
    #[arg(long, value_name = "N", default_value_t = 1, value_parser = clap::value_parser!(u16).range(1..))]
    jobs: u16,
    /// The folder the findings and the report are written to (created if missing).
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
    /// Catalogue files: Amazon flat files, Shopify, eBay or Etsy CSV exports, listing
    /// JSON lines; each recognised by its header.
    #[arg(required = true, value_name = "FILE")]
    files: Vec<PathBuf>,
}

/// One catalogue file as given on the command line.
pub struct Input {
    /// The path as the seller wrote it, echoed in `source_file`.
    pub name: String,
    /// The file's bytes.
    pub bytes: Vec<u8>,
}

/// One audited listing: where it came from, its text and its findings.
pub struct Audited {
    /// The file, as named on the command line.
    pub source_file: String,
    /// Its row in that file.
    pub row: usize,
    /// The listing as read.
    pub listing: Listing,
    /// What `check` reports for it.
    pub report: Report,
}

/// A row that was not audited, and where it was.
#[derive(Clone)]
pub struct Skipped {
    /// The file, as named on the command line.
    pub source_file: String,
    /// The row, or `None` when the whole file could not be read.
    pub row: Option<usize>,
    /// Why, in words.
    pub reason: String,
}

/// What an audit found, in input order.
#[derive(Default)]
pub struct Audit {
    /// Every listing read, in file and row order.
    pub listings: Vec<Audited>,
    /// Every row or file not audited, in the order met.
    pub skipped: Vec<Skipped>,
}

/// One line of `findings.jsonl`: the `check` line, then where the listing is.
#[derive(Serialize)]
struct FindingsLine<'a> {
    #[serde(flatten)]
    report: &'a Report,
    row: usize,
    source_file: &'a str,
}

/// Runs `clearmark audit`.
pub fn run(args: AuditArgs) -> ExitCode {
    let setup = match args.engine.setup(COMMAND) {
        Ok(setup) => setup,
        Err(e) => {
            eprintln!("{COMMAND}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let pool = match thread_pool(args.jobs) {
        Ok(pool) => pool,
        Err(e) => {
            eprintln!("{COMMAND}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let inputs = read_inputs(&args.files);
    let bar = progress_bar();
    let audit = pool.install(|| audit(&setup.engine, &inputs, &bar));
    bar.finish_and_clear();
    for s in &audit.skipped {
        match s.row {
            Some(row) => eprintln!("{COMMAND}: {}: row {row}: {}", s.source_file, s.reason),
            None => eprintln!("{COMMAND}: {}: {}", s.source_file, s.reason),
        }
    }
    if let Err(e) = write_outputs(&audit, &args.out) {
        eprintln!("{COMMAND}: cannot write to {}: {e}", args.out.display());
        return ExitCode::FAILURE;
    }
    let flagged = audit
        .listings
        .iter()
        .filter(|a| !a.report.findings.is_empty())
        .count();
    eprintln!(
        "{COMMAND}: {} listings audited, {flagged} with findings, {} rows skipped; wrote {} and {}",
        audit.listings.len(),
        audit.skipped.len(),
        args.out.join("findings.jsonl").display(),
        args.out.join("report.html").display()
    );
    if !audit.skipped.is_empty() || setup.watch_skipped > 0 {
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}

/// A pool of `jobs` threads for the checks.
pub fn thread_pool(jobs: u16) -> Result<rayon::ThreadPool, rayon::ThreadPoolBuildError> {
    rayon::ThreadPoolBuilder::new()
        .num_threads(usize::from(jobs))
        .build()
}

/// Each file's bytes, or why it cannot be read (reported with the skipped rows).
fn read_inputs(files: &[PathBuf]) -> Vec<Result<Input, Skipped>> {
    files
        .iter()
        .map(|path| {
            let name = path.display().to_string();
            std::fs::read(path)
                .map(|bytes| Input {
                    name: name.clone(),
                    bytes,
                })
                .map_err(|e| Skipped {
                    source_file: name,
                    row: None,
                    reason: format!("cannot read the file: {e}"),
                })
        })
        .collect()
}

/// A bar on stderr when it is a terminal, else nothing.
fn progress_bar() -> ProgressBar {
    if !io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(0);
    bar.set_style(
        ProgressStyle::with_template("{msg} [{bar:30}] {pos}/{len} listings ({eta})")
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> "),
    );
    bar.set_message("checking");
    bar
}

/// Reads every input and checks every listing read, on the current rayon pool; results
/// in input order.
pub fn audit(engine: &Engine, inputs: &[Result<Input, Skipped>], bar: &ProgressBar) -> Audit {
    let mut out = Audit::default();
    let mut rows = Vec::new();
    for input in inputs {
        let input = match input {
            Ok(input) => input,
            Err(unread) => {
                out.skipped.push(unread.clone());
                continue;
            }
        };
        match catalogue::read(&input.bytes) {
            Ok(Catalogue {
                rows: read,
                skipped,
                ..
            }) => {
                out.skipped.extend(
                    skipped
                        .into_iter()
                        .map(|SkippedRow { row, reason }| Skipped {
                            source_file: input.name.clone(),
                            row: Some(row),
                            reason: reason.to_string(),
                        }),
                );
                rows.extend(read.into_iter().map(|r| (input.name.as_str(), r)));
            }
            Err(e) => out.skipped.push(Skipped {
                source_file: input.name.clone(),
                row: None,
                reason: e.to_string(),
            }),
        }
    }
    bar.set_length(rows.len() as u64);
    out.listings = rows
        .into_par_iter()
        .map(|(source_file, r)| {
            let report = engine.check(&r.listing);
            bar.inc(1);
            Audited {
                source_file: source_file.to_owned(),
                row: r.row,
                listing: r.listing,
                report,
            }
        })
        .collect();
    out
}

/// Writes `findings.jsonl` and `report.html` into `dir`.
fn write_outputs(audit: &Audit, dir: &Path) -> io::Result<()> {
    std::fs::create_dir_all(dir)?;
    let mut lines = BufWriter::new(std::fs::File::create(dir.join("findings.jsonl"))?);
    write_findings(audit, &mut lines)?;
    lines.flush()?;
    let mut html = BufWriter::new(std::fs::File::create(dir.join("report.html"))?);
    report::write(audit, &mut html)?;
    html.flush()
}

/// One `findings.jsonl` line per audited listing, in input order.
pub fn write_findings(audit: &Audit, out: &mut impl Write) -> io::Result<()> {
    for a in &audit.listings {
        let line = FindingsLine {
            report: &a.report,
            row: a.row,
            source_file: &a.source_file,
        };
        serde_json::to_writer(&mut *out, &line)?;
        out.write_all(b"\n")?;
    }
    Ok(())
}
