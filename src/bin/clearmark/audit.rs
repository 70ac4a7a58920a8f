//! `clearmark audit`: a seller's whole catalogue, as exported from the marketplaces
//! (read by [`clearmark::catalogue`]), checked listing by listing exactly as `check`
//! checks it, into `DIR/findings.jsonl` (one line per listing: the `check` line plus
//! `row` and `source_file`) and `DIR/report.html` (see [`report`]).
//!
//! A skipped row (no id, not UTF-8, past the caps) or a file that is not a catalogue is
//! reported on stderr with its file and row; the rest is audited and the exit status is
//! 1 at the end. With `--jobs N` the listings are checked on N threads, an engine each
//! over one copy of the snapshot; the output keeps the input order. A progress bar shows on a terminal only.
//!
//! This file is glue: reading files, the threads, the bar, writing the outputs.

pub mod report;

use crate::engine_args::{EngineArgs, Setup};
use crate::exit::{Failure, Outcome};
use clap::Args;
use clearmark::catalogue::{self, Catalogue, CatalogueRow, Format, SkippedRow};
use clearmark::detect::Engine;
use clearmark::{Listing, Report};
use indicatif::{ProgressBar, ProgressStyle};
use serde::Serialize;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, PoisonError};

/// The command's name in messages.
const COMMAND: &str = "clearmark audit";

/// Arguments of `clearmark audit`.
#[derive(Args)]
pub struct AuditArgs {
    #[command(flatten)]
    engine: EngineArgs,
    /// Threads that check listings, each with its own engine over the same snapshot
    /// (default 1; the number of cores uses them all).
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
    /// Every file read as a catalogue, in the order given.
    pub files: Vec<FileRead>,
    /// Every listing read, in file and row order.
    pub listings: Vec<Audited>,
    /// Every row or file not audited, in the order met.
    pub skipped: Vec<Skipped>,
}

/// A file read as a catalogue: what it was recognised as and how much it held.
#[derive(Clone)]
pub struct FileRead {
    /// The file, as named on the command line.
    pub name: String,
    /// The export format its header says.
    pub format: Format,
    /// Its listings read.
    pub listings: usize,
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
pub fn run(args: AuditArgs) -> Outcome {
    let setup = match args.engine.setup(COMMAND) {
        Ok(setup) => setup,
        Err(e) => {
            eprintln!("{COMMAND}: {e}");
            return Err(Failure::Reported);
        }
    };
    let watch_skipped = setup.watch_skipped;
    let engines = engines(setup, args.jobs);
    let inputs = read_inputs(&args.files);
    let bar = progress_bar();
    let audit = audit(&engines, &inputs, &bar);
    bar.finish_and_clear();
    for f in &audit.files {
        eprintln!(
            "{COMMAND}: {}: read as {}, {} listing(s)",
            f.name, f.format, f.listings
        );
    }
    for s in &audit.skipped {
        match s.row {
            Some(row) => eprintln!("{COMMAND}: {}: row {row}: {}", s.source_file, s.reason),
            None => eprintln!("{COMMAND}: {}: {}", s.source_file, s.reason),
        }
    }
    if let Err(e) = write_outputs(&audit, &args.out) {
        eprintln!("{COMMAND}: cannot write to {}: {e}", args.out.display());
        return Err(Failure::Reported);
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
    if !audit.skipped.is_empty() || watch_skipped > 0 {
        return Err(Failure::Reported);
    }
    Ok(())
}

/// One engine per job: the set-up one, and more alike for more jobs.
pub fn engines(setup: Setup, jobs: u16) -> Vec<Engine> {
    let more: Vec<Engine> = (1..jobs).map(|_| setup.another_engine()).collect();
    std::iter::once(setup.engine).chain(more).collect()
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

/// Reads every input and checks every listing read (see [`check_rows`]); results in
/// input order.
pub fn audit(engines: &[Engine], inputs: &[Result<Input, Skipped>], bar: &ProgressBar) -> Audit {
    check_rows(engines, read_catalogues(inputs), bar)
}

/// The listings of every input, not yet checked, and what could not be read.
pub struct Catalogues<'a> {
    /// The files read as catalogues.
    files: Vec<FileRead>,
    /// Each listing with the name of its file, in file and row order.
    rows: Vec<(&'a str, CatalogueRow)>,
    /// The rows and files not read.
    skipped: Vec<Skipped>,
}

/// Reads every input as a catalogue.
pub fn read_catalogues(inputs: &[Result<Input, Skipped>]) -> Catalogues<'_> {
    let mut out = Catalogues {
        files: Vec::new(),
        rows: Vec::new(),
        skipped: Vec::new(),
    };
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
                format,
                rows,
                skipped,
            }) => {
                out.files.push(FileRead {
                    name: input.name.clone(),
                    format,
                    listings: rows.len(),
                });
                out.skipped.extend(
                    skipped
                        .into_iter()
                        .map(|SkippedRow { row, reason }| Skipped {
                            source_file: input.name.clone(),
                            row: Some(row),
                            reason: reason.to_string(),
                        }),
                );
                out.rows
                    .extend(rows.into_iter().map(|r| (input.name.as_str(), r)));
            }
            Err(e) => out.skipped.push(Skipped {
                source_file: input.name.clone(),
                row: None,
                reason: e.to_string(),
            }),
        }
    }
    out
}

/// How many listings a thread takes at a time.
const CHUNK: usize = 64;

/// Checks every listing read, keeping their order: with one engine on the calling
/// thread, as `check` does; with more, one thread per engine, each taking the next
/// [`CHUNK`] listings until none are left.
///
/// Each thread has an engine of its own ([`crate::engine_args::Setup::another_engine`]:
/// the snapshot's bytes shared, the caches not): two threads sharing one engine wait on
/// its cache locks at every word, and ran slower than one (`dev bench audit --jobs 2`: 61.9
/// µs a listing against 35.4 µs for one thread, on the shared 2-core machine).
pub fn check_rows(engines: &[Engine], read: Catalogues, bar: &ProgressBar) -> Audit {
    bar.set_length(read.rows.len() as u64);
    let check = |engine: &Engine, (source_file, r): (&str, CatalogueRow)| {
        let report = engine.check(&r.listing);
        bar.inc(1);
        Audited {
            source_file: source_file.to_owned(),
            row: r.row,
            listing: r.listing,
            report,
        }
    };
    let listings = match engines {
        [] => Vec::new(),
        [engine] => read.rows.into_iter().map(|r| check(engine, r)).collect(),
        _ => {
            let mut rows = read.rows.into_iter();
            let chunks: Vec<Mutex<Vec<_>>> = std::iter::from_fn(|| {
                let chunk: Vec<_> = rows.by_ref().take(CHUNK).collect();
                (!chunk.is_empty()).then(|| Mutex::new(chunk))
            })
            .collect();
            let done: Vec<Mutex<Vec<Audited>>> =
                chunks.iter().map(|_| Mutex::new(Vec::new())).collect();
            let next = AtomicUsize::new(0);
            std::thread::scope(|threads| {
                for engine in engines {
                    threads.spawn(|| loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(chunk) = chunks.get(i) else { break };
                        let rows = std::mem::take(&mut *lock(chunk));
                        *lock(&done[i]) = rows.into_iter().map(|r| check(engine, r)).collect();
                    });
                }
            });
            done.into_iter()
                .flat_map(|d| d.into_inner().unwrap_or_else(PoisonError::into_inner))
                .collect()
        }
    };
    Audit {
        files: read.files,
        listings,
        skipped: read.skipped,
    }
}

/// The mutex's content; a panic elsewhere has already ended the run.
fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
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
