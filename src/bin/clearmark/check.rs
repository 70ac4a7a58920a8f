//! `clearmark check`: findings for listings read as JSON lines, one output line per
//! input line, in order. A line that is not a listing yields `{"line": N, "error": ...}`
//! in its place, the run goes on, and the exit status is non-zero at the end.
//!
//! Also home of [`load_engine`], which every command that checks listings shares: the
//! snapshot comes from `--snapshot`, else `$CLEARMARK_SNAPSHOT`, else the build's
//! output `dist/snapshot/default.snap` (`make snapshot`).

use crate::engine_args::EngineArgs;
use crate::exit::{Failure, Outcome};
use clap::{Args, ValueEnum};
use clearmark::detect::Engine;
use clearmark::register::snapshot::{Snapshot, SnapshotError};
use clearmark::{Listing, Report};
use std::io::{self, BufRead, BufWriter, Write};
use std::path::{Path, PathBuf};

/// Where the build puts the default snapshot (`make snapshot`).
pub const DEFAULT_SNAPSHOT: &str = "dist/snapshot/default.snap";

/// Arguments of `clearmark check`.
#[derive(Args)]
pub struct CheckArgs {
    #[command(flatten)]
    engine: EngineArgs,
    /// The marketplace domain for listings that do not name one (e.g. amazon.com).
    #[arg(long, value_name = "D")]
    marketplace: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Jsonl)]
    format: Format,
    /// Listings, one JSON object per line (`-` or nothing: standard input).
    input: Option<PathBuf>,
}

/// Output formats.
#[derive(Clone, Copy, ValueEnum)]
pub enum Format {
    /// One JSON report per input line.
    Jsonl,
    /// A table for people.
    Table,
}

/// Why the engine could not be set up.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// No snapshot at the default place and none named.
    #[error("no register snapshot at {0}: pass --snapshot FILE, set CLEARMARK_SNAPSHOT, or build the default one with `make snapshot`")]
    Missing(PathBuf),
    /// The file could not be read.
    #[error("cannot read the snapshot {path}: {source}")]
    Read {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        source: io::Error,
    },
    /// The public key file could not be read.
    #[error("{0}")]
    Key(String),
    /// The file is not a usable snapshot.
    #[error("{path}: {source}")]
    Snapshot {
        /// The file.
        path: PathBuf,
        /// What is wrong with it.
        source: SnapshotError,
    },
}

/// The snapshot path: the argument, else `$CLEARMARK_SNAPSHOT`, else the default.
pub fn snapshot_path(arg: Option<&Path>) -> PathBuf {
    arg.map(Path::to_path_buf)
        .or_else(|| std::env::var_os("CLEARMARK_SNAPSHOT").map(PathBuf::from))
        .unwrap_or_else(|| PathBuf::from(DEFAULT_SNAPSHOT))
}

/// Loads and checks the snapshot (checksum, the signature when `public_key` names the
/// publisher's key file, the structure of its indexes) and builds an engine over it.
pub fn load_engine(arg: Option<&Path>, public_key: Option<&Path>) -> Result<Engine, LoadError> {
    let key = public_key
        .map(crate::keys::verifying_key)
        .transpose()
        .map_err(LoadError::Key)?;
    let path = snapshot_path(arg);
    let bytes = std::fs::read(&path).map_err(|source| {
        if source.kind() == io::ErrorKind::NotFound {
            LoadError::Missing(path.clone())
        } else {
            LoadError::Read {
                path: path.clone(),
                source,
            }
        }
    })?;
    let snapshot = Snapshot::open(bytes, key.as_ref())
        .map_err(|source| LoadError::Snapshot { path, source })?;
    Ok(Engine::new(snapshot))
}

/// Runs `clearmark check`.
pub fn run(args: CheckArgs) -> Outcome {
    let (engine, watch_skipped) = match args.engine.setup("clearmark check") {
        Ok(setup) => (setup.engine, setup.watch_skipped),
        Err(e) => {
            eprintln!("clearmark check: {e}");
            return Err(Failure::Reported);
        }
    };
    let input: Box<dyn BufRead> = match args.input.as_deref() {
        None => Box::new(io::stdin().lock()),
        Some(p) if p == Path::new("-") => Box::new(io::stdin().lock()),
        Some(p) => match std::fs::File::open(p) {
            Ok(f) => Box::new(io::BufReader::new(f)),
            Err(e) => {
                eprintln!("clearmark check: cannot open {}: {e}", p.display());
                return Err(Failure::Reported);
            }
        },
    };
    let mut out = BufWriter::new(io::stdout().lock());
    match check_lines(
        &engine,
        input,
        &mut out,
        args.marketplace.as_deref(),
        args.format,
    ) {
        Ok(0) if watch_skipped > 0 => {
            eprintln!(
                "clearmark check: {watch_skipped} watch-list row(s) were skipped (see above)"
            );
            Err(Failure::Reported)
        }
        Ok(0) => Ok(()),
        Ok(bad) => {
            eprintln!("clearmark check: {bad} line(s) were not valid listings (see their \"error\" lines)");
            Err(Failure::Reported)
        }
        Err(e) => {
            eprintln!("clearmark check: {e}");
            Err(Failure::Reported)
        }
    }
}

/// Checks every line of `input`, writing one output line per input line; returns how
/// many lines were not valid listings.
pub fn check_lines(
    engine: &Engine,
    mut input: impl BufRead,
    out: &mut impl Write,
    marketplace: Option<&str>,
    format: Format,
) -> io::Result<usize> {
    let mut bad = 0;
    let mut buf = Vec::new();
    let mut line_no = 0;
    loop {
        buf.clear();
        let read = read_line_capped(&mut input, &mut buf, MAX_LINE_BYTES)?;
        if read == 0 {
            break;
        }
        line_no += 1;
        let line = buf.strip_suffix(b"\n").unwrap_or(&buf);
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        let parsed = if read > MAX_LINE_BYTES {
            Err(format!(
                "the line is {read} bytes long; a listing line may have at most {MAX_LINE_BYTES}"
            ))
        } else {
            parse_listing(line)
        };
        match parsed {
            Ok(mut listing) => {
                if listing.marketplace.is_none() {
                    listing.marketplace = marketplace.map(str::to_owned);
                }
                let report = engine.check(&listing);
                match format {
                    Format::Jsonl => writeln!(
                        out,
                        "{}",
                        serde_json::to_string(&report).map_err(io::Error::other)?
                    )?,
                    Format::Table => write_table(out, line_no, &report)?,
                }
            }
            Err(error) => {
                bad += 1;
                match format {
                    Format::Jsonl => writeln!(
                        out,
                        "{}",
                        serde_json::json!({"line": line_no, "error": error})
                    )?,
                    Format::Table => writeln!(out, "line {line_no}: error: {error}")?,
                }
            }
        }
    }
    out.flush()?;
    Ok(bad)
}

/// The longest input line read as a listing: every field at its cap
/// ([`clearmark::listing::MAX_FIELD_UNITS`] UTF-16 units, up to 3 bytes each in UTF-8,
/// more once escaped in JSON) fits many times over.
pub const MAX_LINE_BYTES: usize = 4 << 20;

/// Reads one line (with its `\n`) into `buf`, keeping at most `cap + 1` bytes of it;
/// returns the line's whole length, so a caller can tell a line past the cap without
/// holding it in memory.
fn read_line_capped(input: &mut impl BufRead, buf: &mut Vec<u8>, cap: usize) -> io::Result<usize> {
    let mut total = 0;
    loop {
        let chunk = input.fill_buf()?;
        if chunk.is_empty() {
            return Ok(total);
        }
        let (take, done) = match chunk.iter().position(|&b| b == b'\n') {
            Some(i) => (i + 1, true),
            None => (chunk.len(), false),
        };
        let room = (cap + 1).saturating_sub(buf.len());
        buf.extend_from_slice(&chunk[..take.min(room)]);
        total += take;
        input.consume(take);
        if done {
            return Ok(total);
        }
    }
}

/// One input line as a listing within the caps, or what is wrong with it.
fn parse_listing(line: &[u8]) -> Result<Listing, String> {
    let text =
        std::str::from_utf8(line).map_err(|e| format!("the line is not valid UTF-8 ({e})"))?;
    if text.trim().is_empty() {
        return Err("empty line: expected one JSON listing object".to_owned());
    }
    let listing: Listing = serde_json::from_str(text).map_err(|e| format!("not a listing: {e}"))?;
    listing.check_limits().map_err(|e| e.to_string())?;
    Ok(listing)
}

fn write_table(out: &mut impl Write, line_no: usize, report: &Report) -> io::Result<()> {
    if report.findings.is_empty() {
        return writeln!(out, "{} (line {line_no}): no findings", report.id);
    }
    writeln!(out, "{} (line {line_no}):", report.id)?;
    for f in &report.findings {
        let field = match f.index {
            Some(i) => format!("{:?}[{i}]", f.field).to_lowercase(),
            None => format!("{:?}", f.field).to_lowercase(),
        };
        let kind = serde_json::to_value(f.kind)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default();
        writeln!(
            out,
            "  {field:<12} {:>5}-{:<5} {:<6} {kind:<15} {:?} → {}\n      {}\n      suggestion: {}",
            f.start,
            f.end,
            format!("{:?}", f.severity).to_lowercase(),
            f.text,
            f.mark,
            f.reason,
            f.suggestion
        )?;
    }
    Ok(())
}
