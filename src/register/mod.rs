//! The register: what the offices and brand lists say, read from their published formats
//! and kept in one compact snapshot file.
//!
//! `record` is the shape every source produces. The snapshot format and the per-source
//! builders live beside it. Nothing here knows about listings, detection or the browser.

pub mod feed;
pub mod record;
pub mod snapshot;
pub mod source;
pub mod update;
pub mod watch_csv;
pub mod watch_list;

#[cfg(not(target_arch = "wasm32"))]
pub mod sources;

pub use record::{Date, Drawing, Enforcement, Record, Register, Status};
pub use source::{RecordSink, SkipReason, Skipped};
