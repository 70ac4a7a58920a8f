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
pub mod brands;
#[cfg(not(target_arch = "wasm32"))]
pub mod enforced;
#[cfg(not(target_arch = "wasm32"))]
pub mod euipo_xml;
#[cfg(not(target_arch = "wasm32"))]
pub mod lexicon;
#[cfg(not(target_arch = "wasm32"))]
pub mod names;
#[cfg(not(target_arch = "wasm32"))]
pub mod pokemon;
#[cfg(not(target_arch = "wasm32"))]
pub mod uspto_codes;
#[cfg(not(target_arch = "wasm32"))]
pub mod uspto_csv;
#[cfg(not(target_arch = "wasm32"))]
pub mod uspto_xml;
#[cfg(not(target_arch = "wasm32"))]
pub mod wordfreq;
#[cfg(not(target_arch = "wasm32"))]
mod xml_records;
#[cfg(not(target_arch = "wasm32"))]
pub use xml_records::XmlSourceError;

pub use record::{Date, Drawing, Enforcement, Record, Register, Status};
pub use source::{RecordSink, SkipReason, Skipped};
