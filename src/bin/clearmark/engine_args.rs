//! The options that set up the engine of every command that checks a seller's listings
//! (`check`, `audit`, `dev bench audit`), and the one way they turn into an [`Engine`]: the
//! snapshot ([`crate::check::load_engine`]), the reference corpus, the watch list, own
//! brands, registers and low findings. A command takes them with
//! `#[command(flatten)]`, so each flag means the same everywhere.

use clap::{Args, ValueEnum};
use clearmark::corpus::CorpusIndex;
use clearmark::detect::{Engine, Options};
use clearmark::register::snapshot::Snapshot;
use clearmark::register::watch_csv;
use clearmark::register::watch_list::WatchList;
use clearmark::register::Register;
use std::path::{Path, PathBuf};

/// How a command that checks listings sets up its engine.
#[derive(Args)]
pub struct EngineArgs {
    /// The register snapshot (default: $CLEARMARK_SNAPSHOT, else dist/snapshot/default.snap).
    #[arg(long)]
    snapshot: Option<PathBuf>,
    /// The publisher's public key (hex file from `clearmark keygen`): the snapshot must be
    /// signed by it, checked before the file is read.
    #[arg(long, value_name = "KEY")]
    public_key: Option<PathBuf>,
    /// A brand of the seller, never flagged (repeatable); each listing's `brand` counts too.
    #[arg(long = "own-brand", value_name = "NAME")]
    own_brand: Vec<String>,
    /// Registers whose records count (famous-brand and watch lists always count).
    #[arg(long, value_enum, value_delimiter = ',')]
    register: Vec<RegisterArg>,
    /// Also report low-severity (informational) findings.
    #[arg(long)]
    show_low: bool,
    /// Other sellers' listings for the copied-copy pass: a `clearmark corpus build` file,
    /// or JSON lines / CSV indexed on the fly.
    #[arg(long, value_name = "FILE")]
    corpus: Option<PathBuf>,
    /// Your watch list: a CSV with a header naming a `name` column (optional `owner`,
    /// `classes` like 9;28, `aliases`, `note`); its marks are flagged as if registered.
    /// Bad rows are reported on stderr with their line and make the exit status non-zero.
    #[arg(long = "watch-list", value_name = "CSV")]
    watch_list: Option<PathBuf>,
}

/// Registers selectable on the command line.
#[derive(Clone, Copy, ValueEnum)]
enum RegisterArg {
    /// United States (USPTO).
    Us,
    /// European Union (EUIPO).
    Eu,
}

/// An engine set up from the options, and how many watch-list rows were skipped (each
/// already reported on stderr).
pub struct Setup {
    /// The engine.
    pub engine: Engine,
    /// Watch-list rows that could not be read.
    pub watch_skipped: usize,
    /// What the engine was made of, for more engines alike.
    parts: Parts,
}

/// What an engine is made of: everything but its caches.
struct Parts {
    snapshot: Snapshot,
    corpus: Option<CorpusIndex>,
    watch: Option<WatchList>,
    own_brands: Vec<String>,
    options: Options,
}

impl Parts {
    fn engine(&self) -> Engine {
        let mut engine = Engine::new(self.snapshot.clone());
        if let Some(corpus) = &self.corpus {
            engine.set_corpus(Some(corpus.clone()));
        }
        if let Some(watch) = &self.watch {
            engine.set_watch_list(watch.clone());
        }
        engine.set_own_brands(self.own_brands.clone());
        engine.set_options(self.options.clone());
        engine
    }
}

impl Setup {
    /// Another engine that finds exactly what [`Setup::engine`] finds, over the same
    /// snapshot bytes (shared, not copied), with a copy of the corpus and watch list and
    /// caches of its own: one per thread, so threads never wait on each other's cache
    /// locks.
    pub fn another_engine(&self) -> Engine {
        self.parts.engine()
    }
}

impl EngineArgs {
    /// Loads and checks the snapshot ([`crate::check::load_engine`]), the corpus and the
    /// watch list, and sets the engine up; `command` prefixes the messages (`clearmark
    /// check`). The error is the message to print.
    pub fn setup(&self, command: &str) -> Result<Setup, String> {
        let loaded =
            crate::check::load_engine(self.snapshot.as_deref(), self.public_key.as_deref())
                .map_err(|e| e.to_string())?;
        let corpus = match &self.corpus {
            Some(path) => Some(crate::corpus::load(path).map_err(|e| e.to_string())?),
            None => None,
        };
        let (watch, watch_skipped) = match &self.watch_list {
            Some(path) => {
                let (list, skipped) = load_watch_list(path, command)?;
                (Some(list), skipped)
            }
            None => (None, 0),
        };
        let parts = Parts {
            snapshot: loaded.snapshot().clone(),
            corpus,
            watch,
            own_brands: self.own_brand.clone(),
            options: Options {
                registers: self
                    .register
                    .iter()
                    .map(|r| match r {
                        RegisterArg::Us => Register::US,
                        RegisterArg::Eu => Register::EU,
                    })
                    .collect(),
                show_low: self.show_low,
            },
        };
        Ok(Setup {
            engine: parts.engine(),
            watch_skipped,
            parts,
        })
    }
}

/// Reads a watch-list CSV, reports each skipped row on stderr and returns the list and
/// how many rows were skipped; a file that cannot be read or has no usable row is an
/// error.
fn load_watch_list(path: &Path, command: &str) -> Result<(WatchList, usize), String> {
    let bytes = std::fs::read(path)
        .map_err(|e| format!("cannot read the watch list {}: {e}", path.display()))?;
    let list = watch_csv::parse(&bytes)
        .and_then(watch_csv::WatchCsv::require_marks)
        .map_err(|e| format!("{}: {e}", path.display()))?;
    for e in &list.errors {
        eprintln!("{command}: {}: {e}", path.display());
    }
    Ok((WatchList::new(list.records), list.errors.len()))
}
