//! # Clearmark
//!
//! Clearmark flags the words in a marketplace listing that get listings taken down and
//! sellers sued: registered trademarks, famous brand names, lookalikes of them and copy
//! copied from other sellers' listings. It runs offline, from a register snapshot.
//!
//! The pipeline, one module per step:
//! [`text`] (normalise, keep a map to UTF-16 offsets) → [`register`] (the snapshot and
//! its builders) → [`detect`] (candidates, lookalikes, copied copy, risk) → [`listing`]
//! (findings in the JSON contract). [`catalogue`] reads the catalogue files sellers
//! export (Amazon, Shopify, eBay, Etsy) as listings for a whole-catalogue audit. The
//! `wasm` module only converts types for the browser.
#![deny(missing_docs)]

pub mod catalogue;
pub mod codec;
pub mod corpus;
pub mod detect;
pub mod listing;
pub mod register;
pub mod text;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use listing::{
    CopySource, EnforcementRef, Field, Finding, FindingKind, Listing, RecordRef, Report, Severity,
};
