//! `clearmark corpus …`: build a reference corpus file from listings (JSON lines or
//! CSV) and inspect one (the copied-copy benchmark is `clearmark dev bench copy`).

use crate::exit::{Failure, Outcome};
use clap::{Args, Subcommand};
use clearmark::corpus::{read_listings, CorpusError, CorpusIndex, DEFAULT_CAPACITY};
use std::path::{Path, PathBuf};

/// Corpus subcommands.
#[derive(Subcommand)]
pub enum CorpusCommand {
    /// Build a corpus file from JSON-lines or CSV listings.
    Build(BuildArgs),
    /// Print what a corpus file holds and weighs.
    Inspect {
        /// The corpus file.
        file: PathBuf,
    },
}

/// Arguments of `corpus build`.
#[derive(Args)]
pub struct BuildArgs {
    /// Where to write the corpus file.
    #[arg(long)]
    out: PathBuf,
    /// Most listings kept; the oldest (first read) are evicted beyond it.
    #[arg(long, default_value_t = DEFAULT_CAPACITY)]
    capacity: usize,
    /// Listing files: `.csv` is read as CSV, anything else as JSON lines.
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
}

/// Runs one `corpus` subcommand.
pub fn run(cmd: CorpusCommand) -> Outcome {
    match cmd {
        CorpusCommand::Build(args) => build(args),
        CorpusCommand::Inspect { file } => inspect(&file),
    }
}

fn build(args: BuildArgs) -> Outcome {
    let mut corpus = CorpusIndex::new(args.capacity);
    let mut failed = false;
    let mut evicted = 0;
    for input in &args.inputs {
        match read_listings(input) {
            Ok((listings, bad)) => {
                for e in &bad {
                    eprintln!("{e}");
                }
                failed |= !bad.is_empty();
                for l in listings {
                    evicted += corpus.add(l).len();
                }
            }
            Err(e) => {
                eprintln!("error: {e}");
                return Err(Failure::Reported);
            }
        }
    }
    if let Err(e) = std::fs::write(&args.out, corpus.to_bytes()) {
        eprintln!("error: cannot write {}: {e}", args.out.display());
        return Err(Failure::Reported);
    }
    let sizes = corpus.sizes();
    eprintln!(
        "wrote {}: {} listings ({} evicted as oldest), index {:.0} bytes per listing, file {:.0} bytes per listing",
        args.out.display(),
        sizes.listings,
        evicted,
        sizes.index_bytes as f64 / sizes.listings.max(1) as f64,
        sizes.total_bytes as f64 / sizes.listings.max(1) as f64,
    );
    if failed {
        eprintln!("some input lines were not listings (see above); the rest were built");
        Err(Failure::Reported)
    } else {
        Ok(())
    }
}

fn inspect(file: &Path) -> Outcome {
    match load(file) {
        Ok(c) => {
            let s = c.sizes();
            println!("listings:        {}", s.listings);
            println!("capacity:        {}", c.capacity());
            println!("index keys:      {}", s.keys);
            println!(
                "index bytes:     {} ({:.0} per listing)",
                s.index_bytes,
                s.index_bytes as f64 / s.listings.max(1) as f64
            );
            println!(
                "file bytes:      {} ({:.0} per listing)",
                s.total_bytes,
                s.total_bytes as f64 / s.listings.max(1) as f64
            );
            Ok(())
        }
        Err(e) => {
            eprintln!("error: {e}");
            Err(Failure::Reported)
        }
    }
}

/// Loads a corpus: a file written by `corpus build`, or listings (JSON lines / CSV)
/// indexed on the fly. Bad listing lines are reported on stderr and skipped.
pub fn load(path: &Path) -> Result<CorpusIndex, CorpusError> {
    let bytes = std::fs::read(path).map_err(|source| CorpusError::Read {
        path: path.display().to_string(),
        source,
    })?;
    if bytes.starts_with(b"CLMKCORP") {
        return CorpusIndex::from_bytes(&bytes);
    }
    let (listings, bad) = read_listings(path)?;
    for e in bad {
        eprintln!("{e}");
    }
    let mut corpus = CorpusIndex::new(DEFAULT_CAPACITY.max(listings.len()));
    for l in listings {
        corpus.add(l);
    }
    corpus.compact();
    Ok(corpus)
}
