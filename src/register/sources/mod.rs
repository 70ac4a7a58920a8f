//! The readers of the official registers and of the brand and word lists, native only
//! (the extension never reads them: it gets a built snapshot). Each turns one source
//! into [`Record`](super::Record)s for a [`RecordSink`](super::RecordSink), or into word
//! evidence, and reports what it skipped and why; none of them judges anything.

pub mod brands;
pub mod enforced;
pub mod euipo_xml;
pub mod lexicon;
pub mod names;
pub mod pokemon;
pub mod uspto_codes;
pub mod uspto_csv;
pub mod uspto_xml;
pub mod wordfreq;
mod xml_records;

pub use xml_records::XmlSourceError;
