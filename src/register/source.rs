//! The contract between source readers (USPTO XML, case-file CSVs, EUIPO XML, brand
//! lists) and the snapshot builder: readers push records and skipped-record reports into
//! a [`RecordSink`]; the builder decides what to keep.
//!
//! This module owns the contract only; it must not parse any format.

use super::Record;
use std::fmt;

/// Why an input record was skipped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SkipReason {
    /// The record has no word element (design-only mark or empty mark text).
    NoMarkText,
    /// A required field (serial number, status, ...) is missing.
    MissingField,
    /// A field has a value the format does not allow (bad date, class, status code).
    InvalidValue,
    /// The record could not be read at all (malformed XML/CSV row).
    Malformed,
}

impl fmt::Display for SkipReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            SkipReason::NoMarkText => "no mark text",
            SkipReason::MissingField => "missing field",
            SkipReason::InvalidValue => "invalid value",
            SkipReason::Malformed => "malformed record",
        })
    }
}

/// One skipped input record: where it was and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// The input file.
    pub file: String,
    /// Where in it: `line N`, `serial 12345678`, `row N`.
    pub location: String,
    /// The reason class, for the build summary.
    pub reason: SkipReason,
    /// The detail a person needs to fix the input.
    pub detail: String,
}

impl fmt::Display for Skipped {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {}: {} ({})",
            self.file, self.location, self.reason, self.detail
        )
    }
}

/// Where readers deliver what they read.
pub trait RecordSink {
    /// A well-formed record.
    fn record(&mut self, record: Record);
    /// A record that was skipped, with the reason.
    fn skipped(&mut self, skipped: Skipped);
    /// Progress through the current input, in bytes; `total` is 0 when unknown.
    fn progress(&mut self, _done: u64, _total: u64) {}
}
