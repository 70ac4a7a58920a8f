//! Why a snapshot file was refused.
//!
//! Every way a snapshot can be unusable has its own variant, so callers (the updater, the
//! CLI, the wasm facade) can react to the kind while the seller reads the message. This
//! module owns the error type only; it must not inspect bytes itself.

use thiserror::Error;

/// A snapshot that cannot be used, and why. Messages are written for a seller: they say
/// what happened and that the previous snapshot stays in use.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum SnapshotError {
    /// The file ends before its structure does (an interrupted download).
    #[error("the snapshot file is incomplete (it ends too early, {len} bytes); the previous snapshot is still in use")]
    Truncated {
        /// The length of the file that was given.
        len: usize,
    },
    /// The file does not start with the snapshot marker: it is some other file.
    #[error(
        "this file is not a Clearmark register snapshot; the previous snapshot is still in use"
    )]
    BadMagic,
    /// The file was written by a newer or older, incompatible builder.
    #[error("the snapshot has format version {found}, this version of Clearmark reads version {supported}; update Clearmark or download the snapshot again (the previous snapshot is still in use)")]
    Version {
        /// The format version written in the file.
        found: u32,
        /// The format version this code reads.
        supported: u32,
    },
    /// A part of the file is inconsistent (damaged bytes, or a builder bug).
    #[error("the snapshot file is damaged (its {section} section is corrupt); the previous snapshot is still in use")]
    Corrupt {
        /// Which part: `header`, `marks`, `postings`, `records`, `owners`, `words`, `trailer`.
        section: &'static str,
    },
    /// The SHA-256 of the contents does not match the one written in the file.
    #[error(
        "the snapshot file is damaged (checksum mismatch); the previous snapshot is still in use"
    )]
    Checksum,
    /// The file is signed, but not by the key Clearmark trusts, or it was altered after signing.
    #[error("the snapshot's signature is not valid (it was altered or not published by Clearmark); the previous snapshot is still in use")]
    Signature,
    /// A signature was required, but the file carries none.
    #[error("the snapshot is not signed, and only signed snapshots are accepted; the previous snapshot is still in use")]
    Unsigned,
    /// A record id that this snapshot does not hold was asked for.
    #[error("record {id} is not in this snapshot (it holds {records} records)")]
    NoSuchRecord {
        /// The id asked for.
        id: u32,
        /// How many records the snapshot holds.
        records: u32,
    },
}
