//! Accepting a new snapshot: every check a downloaded or imported file must pass before it
//! may replace the snapshot in use, returning it loaded.
//!
//! A feed download passes the feed checks ([`super::feed`]: readable format, extension
//! new enough, strictly newer, size, SHA-256, a trusted signature over the manifest) and
//! then the snapshot's structure checks, and must say in its header what the manifest
//! says of it. A file imported without its manifest must carry a signature
//! of its own by a trusted key. The CLI (`clearmark snapshot publish`), the wasm facade
//! (`verifyUpdate`) and the tests all call these functions, so the browser and the
//! publisher cannot disagree. This module decides nothing about storage or swapping.

use super::feed::{FeedError, FeedManifest};
use super::snapshot::{Snapshot, SnapshotError, FORMAT_VERSION};
use ed25519_dalek::VerifyingKey;

/// Why a new snapshot was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum UpdateError {
    /// The feed's manifest, the download's size or checksum, or the signature failed.
    #[error(transparent)]
    Feed(#[from] FeedError),
    /// The file is not a usable snapshot.
    #[error(transparent)]
    Snapshot(#[from] SnapshotError),
    /// The snapshot's header contradicts its manifest.
    #[error("the downloaded snapshot's {field} is {snapshot} but the feed announced {manifest}; it was refused and the current snapshot stays in use")]
    Mismatch {
        /// Which header field: `snapshot version`, `format version` or `build date`.
        field: &'static str,
        /// What the manifest says.
        manifest: String,
        /// What the snapshot's header says.
        snapshot: String,
    },
}

/// What an accepted snapshot is, for the caller to store and show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Accepted {
    /// The snapshot's version.
    pub snapshot_version: u64,
    /// Its build date, `yyyy-mm-dd`.
    pub date: String,
    /// Its size in bytes.
    pub size: u64,
    /// Its SHA-256, lower-case hex.
    pub sha256: String,
}

/// Checks a file downloaded from a feed against its manifest and the trusted keys; returns
/// the loaded snapshot. `current` is the version in use (`None` when nothing is); `now`
/// is the time in seconds since 1970, for the manifest's expiry.
pub fn accept_from_feed(
    bytes: Vec<u8>,
    manifest: &FeedManifest,
    keys: &[VerifyingKey],
    extension_version: &str,
    current: Option<u64>,
    now: u64,
) -> Result<(Snapshot, Accepted), UpdateError> {
    manifest.check_all(
        &bytes,
        keys,
        FORMAT_VERSION,
        extension_version,
        current,
        now,
    )?;
    let sha256 = manifest.sha256.clone();
    // The snapshot's own checksum is not hashed again: the signed SHA-256 above covers
    // every byte, and `clearmark snapshot publish` refuses to sign a file whose own
    // checksum fails. Hashing twice doubled the time an update takes in the browser.
    // Its structure is: the publisher's checks could have been skipped or be older than
    // this build's, and a damaged index must never be walked.
    let snapshot = Snapshot::from_bytes(bytes)?;
    snapshot.check_structure()?;
    let header = snapshot.header();
    let mismatch = |field, manifest: String, snapshot: String| UpdateError::Mismatch {
        field,
        manifest,
        snapshot,
    };
    if header.snapshot_version != manifest.snapshot_version {
        return Err(mismatch(
            "snapshot version",
            manifest.snapshot_version.to_string(),
            header.snapshot_version.to_string(),
        ));
    }
    if header.format_version != manifest.format_version {
        return Err(mismatch(
            "format version",
            manifest.format_version.to_string(),
            header.format_version.to_string(),
        ));
    }
    let date = build_date(header.build_date);
    if date != manifest.date {
        return Err(mismatch("build date", manifest.date.clone(), date));
    }
    let accepted = Accepted {
        snapshot_version: header.snapshot_version,
        date,
        size: manifest.size,
        sha256,
    };
    Ok((snapshot, accepted))
}

/// Checks a snapshot file chosen without its manifest: it must be intact, signed by one of
/// the trusted keys and strictly newer than `current`.
pub fn accept_signed_file(
    bytes: Vec<u8>,
    keys: &[VerifyingKey],
    current: Option<u64>,
) -> Result<(Snapshot, Accepted), UpdateError> {
    if keys.is_empty() {
        return Err(FeedError::NoTrustedKeys.into());
    }
    let size = bytes.len() as u64;
    let sha256 = super::feed::sha256_hex(&bytes);
    // Checksum and signature on the raw bytes first: a file no trusted key signed is
    // refused before any of it is parsed.
    let snapshot = Snapshot::open_signed(bytes, keys)?;
    let header = snapshot.header();
    if let Some(current) = current {
        if header.snapshot_version <= current {
            return Err(FeedError::NotNewer {
                offered: header.snapshot_version,
                current,
            }
            .into());
        }
    }
    let accepted = Accepted {
        snapshot_version: header.snapshot_version,
        date: build_date(header.build_date),
        size,
        sha256,
    };
    Ok((snapshot, accepted))
}

/// A header build date (`yyyymmdd`) as `yyyy-mm-dd`, the manifest's form.
pub fn build_date(yyyymmdd: u32) -> String {
    format!(
        "{:04}-{:02}-{:02}",
        yyyymmdd / 10_000,
        yyyymmdd / 100 % 100,
        yyyymmdd % 100
    )
}
