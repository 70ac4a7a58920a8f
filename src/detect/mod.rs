//! Detection: from listing text and a register snapshot to findings.
//!
//! [`Engine::check`] runs two passes over a listing's fields and merges their findings
//! in field order:
//!
//! 1. [`marks`] — registered marks, famous brands, watch-list marks and their lookalikes
//!    (candidates from the snapshot's index, judged by [`marks::risk`]);
//! 2. [`copy`] — copied copy: runs taken from other sellers' listings in a reference
//!    corpus ([`Engine::set_corpus`]), judged by [`copy::judge`].
//!
//! The seller's watch list ([`Engine::set_watch_list`]) is searched beside the snapshot
//! by the same passes: its marks are found exactly, spaced, in homoglyphs, leetspeak and
//! typos like registered ones, and its records are judged like registrations
//! ([`marks::risk`]: `registered_mark`, high for a coined mark within its classes or without
//! any, medium outside them; an everyday word needs brand-position evidence). A key in
//! both has the records of both. The seller's own brands still win.
//! This module must not know about wasm, the DOM or the CLI.
//!
//! ```
//! use clearmark::detect::Engine;
//! use clearmark::register::snapshot::{Snapshot, SnapshotBuilder};
//! use clearmark::register::{Record, Register};
//! use clearmark::{Listing, Severity};
//!
//! let mut b = SnapshotBuilder::new(20260101);
//! let mut r = Record::new(Register::US, "HUBSAN", "Hubsan Inc.");
//! r.classes = vec![28];
//! b.add(r);
//! let engine = Engine::new(Snapshot::from_bytes(b.finish(None)).unwrap());
//! let listing = Listing {
//!     id: "sku-1".into(),
//!     title: Some("Spare blades for Hubsan X4 quadcopter".into()),
//!     ..Default::default()
//! };
//! let report = engine.check(&listing);
//! assert_eq!(report.findings[0].text, "Hubsan");
//! assert_eq!(report.findings[0].severity, Severity::High);
//! ```

pub mod copy;
#[cfg(test)]
mod corpus_tests;
pub mod marks;
#[cfg(test)]
mod watch_tests;

use crate::corpus::CorpusIndex;
use crate::listing::{Listing, Report, Severity};
use crate::register::snapshot::Snapshot;
use crate::register::watch_list::WatchList;
use crate::register::Register;
use marks::key_records::Keeper;
use marks::KeptWords;

/// What the engine reports.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    /// Registers whose records count (`US`, `EU`); famous-brand lists and watch lists
    /// always count. Empty: every register.
    pub registers: Vec<Register>,
    /// Report low-severity (informational) findings too.
    pub show_low: bool,
}

/// The detector: a register snapshot, the seller's own brands and options. Build it once
/// and call [`Engine::check`] for every listing; it holds no per-listing state.
pub struct Engine {
    snapshot: Snapshot,
    own_brands: Vec<String>,
    options: Options,
    /// Other sellers' listings for the copied-copy pass (see [`copy`]).
    corpus: Option<CorpusIndex>,
    /// The seller's watch list, searched beside the snapshot.
    watch: WatchList,
    /// What earlier checks read of the records behind keys.
    kept: Keeper,
    /// What earlier checks learnt of each word: its evidence, its place in the mark
    /// index, whether it is a typo.
    kept_words: KeptWords,
}

impl Engine {
    /// An engine over `snapshot`, with no own brands and default [`Options`].
    pub fn new(snapshot: Snapshot) -> Engine {
        Engine {
            snapshot,
            own_brands: Vec::new(),
            options: Options::default(),
            corpus: None,
            watch: WatchList::default(),
            kept: Keeper::default(),
            kept_words: KeptWords::default(),
        }
    }

    /// Replaces the seller's watch list: marks to flag as if registered, in addition to
    /// the snapshot's (see the module docs). An empty list turns it off.
    pub fn set_watch_list(&mut self, watch: WatchList) {
        self.watch = watch;
        // Kept records and typo verdicts came from the old list too (its values are
        // positions in it, reused by the new one).
        self.kept = Keeper::default();
        self.kept_words.forget_typos();
    }

    /// The watch list in use.
    pub fn watch_list(&self) -> &WatchList {
        &self.watch
    }

    /// The seller's own brands, never flagged in any listing (in addition to each
    /// listing's `brand`).
    pub fn set_own_brands(&mut self, names: Vec<String>) {
        self.own_brands = names;
    }

    /// Sets what the engine reports.
    pub fn set_options(&mut self, options: Options) {
        self.options = options;
        // Kept records were filtered by the old options, and typo verdicts depend on them.
        self.kept = Keeper::default();
        self.kept_words.forget_typos();
    }

    /// Gives the engine a reference corpus: from then on [`check`](Engine::check)
    /// adds the copied-copy findings of [`copy::find`] (low ones only with
    /// [`Options::show_low`](Options::show_low)). `None` turns the pass off.
    pub fn set_corpus(&mut self, corpus: Option<CorpusIndex>) {
        self.corpus = corpus;
    }

    /// The reference corpus, to add or remove listings in place.
    pub fn corpus_mut(&mut self) -> Option<&mut CorpusIndex> {
        self.corpus.as_mut()
    }

    /// The snapshot the engine checks against.
    pub fn snapshot(&self) -> &Snapshot {
        &self.snapshot
    }

    /// Checks one listing: every finding in every field, ordered by field, bullet index
    /// and start. Never panics on any input text; checks only what
    /// [`Listing::clipped`] keeps, and reports at most
    /// [`MAX_FINDINGS_PER_FIELD`](crate::listing::MAX_FINDINGS_PER_FIELD) findings a field.
    pub fn check(&self, listing: &Listing) -> Report {
        // Bounded work for any input: past the documented caps nothing is checked.
        let listing = &*listing.clipped();
        let mut findings = self.marks_pass(listing);
        if let Some(corpus) = &self.corpus {
            let copied = copy::find_with_own_brands(corpus, listing, &self.own_brands);
            findings.extend(
                copied
                    .into_iter()
                    .filter(|f| self.options.show_low || f.severity > Severity::Low),
            );
            findings.sort_by_key(|f| (f.field, f.index, f.start));
        }
        Report {
            id: listing.id.clone(),
            findings,
        }
    }
}
