//! The updater's wasm functions: the background's extension/updater.js calls
//! `checkUpdateOffer` to check a feed offer before downloading, and a
//! [`SnapshotBuffer`](super::SnapshotBuffer)'s `verifyUpdate` / `verifySnapshotFile`
//! (which call the checks here) to verify a downloaded or imported snapshot in place,
//! with the same Rust code as `clearmark snapshot publish` ([`crate::register::feed`],
//! [`crate::register::update`]). Only conversion lives here: JS strings in, plain
//! objects out, a sentence for the seller thrown as a string on refusal.

use super::convert::{refuse, to_js};
use crate::register::feed::{parse_public_keys, FeedManifest};
use crate::register::snapshot::{Snapshot, FORMAT_VERSION};
use crate::register::update::{accept_from_feed, accept_signed_file, build_date, Accepted};
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// What the background needs to know of an offer before downloading it.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct OfferView {
    file: String,
    size: f64,
    snapshot_version: f64,
    date: String,
    expires: String,
}

/// An accepted (or bundled) snapshot, as the background stores and shows it.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct SnapshotView {
    snapshot_version: f64,
    date: String,
    size: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    sha256: Option<String>,
}

impl From<Accepted> for SnapshotView {
    fn from(a: Accepted) -> SnapshotView {
        SnapshotView {
            snapshot_version: a.snapshot_version as f64,
            date: a.date,
            size: a.size as f64,
            sha256: Some(a.sha256),
        }
    }
}

/// A version from JS (a whole, non-negative number) as u64; anything else counts as none.
fn version(value: Option<f64>) -> Option<u64> {
    value
        .filter(|v| v.is_finite() && *v >= 0.0 && v.fract() == 0.0)
        .map(|v| v as u64)
}

/// A time from JS (`Date.now()`, milliseconds since 1970) as seconds; a time that is not
/// one (NaN, negative) counts as the far future, so every manifest reads as expired:
/// fail closed.
fn seconds(now_ms: f64) -> u64 {
    if now_ms.is_finite() && now_ms >= 0.0 {
        (now_ms / 1000.0) as u64
    } else {
        u64::MAX
    }
}

/// `checkUpdateOffer(manifestJson, publicKeys, extensionVersion, nowMs, currentVersion?)`:
/// reads a feed's `latest.json` and checks, before anything is downloaded, that a trusted
/// key signed it (so a forged manifest costs no download), that it has not expired at
/// `nowMs` (`Date.now()`; an expired one throws a sentence starting "updates are
/// stale") and that its snapshot can be installed (format, extension version, strictly
/// newer than `currentVersion`). Returns `{file, size, snapshotVersion, date, expires}`;
/// throws the reason as a string.
#[wasm_bindgen(js_name = checkUpdateOffer)]
pub fn check_update_offer(
    manifest_json: &str,
    public_keys: &str,
    extension_version: &str,
    now_ms: f64,
    current_version: Option<f64>,
) -> Result<JsValue, JsValue> {
    let manifest = FeedManifest::from_json(manifest_json).map_err(refuse)?;
    let keys = parse_public_keys(public_keys).map_err(refuse)?;
    manifest.check_signature(&keys).map_err(refuse)?;
    manifest.check_fresh(seconds(now_ms)).map_err(refuse)?;
    manifest
        .check_offer(FORMAT_VERSION, extension_version, version(current_version))
        .map_err(refuse)?;
    to_js(&OfferView {
        file: manifest.file,
        size: manifest.size as f64,
        snapshot_version: manifest.snapshot_version as f64,
        date: manifest.date,
        expires: manifest.expires,
    })
}

/// Every check a feed download must pass (see `register::update::accept_from_feed`), on
/// bytes already in wasm memory (`SnapshotBuffer.verifyUpdate`); `public_keys` is the
/// text of update-keys.txt. The loaded snapshot and `{snapshotVersion, date, size,
/// sha256}`, or the reason as a string.
pub(super) fn verified_from_feed(
    bytes: Vec<u8>,
    manifest_json: &str,
    public_keys: &str,
    extension_version: &str,
    now_ms: f64,
    current_version: Option<f64>,
) -> Result<(Snapshot, JsValue), JsValue> {
    let manifest = FeedManifest::from_json(manifest_json).map_err(refuse)?;
    let keys = parse_public_keys(public_keys).map_err(refuse)?;
    let (snapshot, accepted) = accept_from_feed(
        bytes,
        &manifest,
        &keys,
        extension_version,
        version(current_version),
        seconds(now_ms),
    )
    .map_err(refuse)?;
    Ok((snapshot, to_js(&SnapshotView::from(accepted))?))
}

/// The checks for a snapshot file imported without its manifest — intact, signed by a
/// trusted key, strictly newer — on bytes already in wasm memory
/// (`SnapshotBuffer.verifySnapshotFile`). The loaded snapshot and `{snapshotVersion,
/// date, size, sha256}`, or the reason as a string.
pub(super) fn verified_signed_file(
    bytes: Vec<u8>,
    public_keys: &str,
    current_version: Option<f64>,
) -> Result<(Snapshot, JsValue), JsValue> {
    let keys = parse_public_keys(public_keys).map_err(refuse)?;
    let (snapshot, accepted) =
        accept_signed_file(bytes, &keys, version(current_version)).map_err(refuse)?;
    Ok((snapshot, to_js(&SnapshotView::from(accepted))?))
}

/// `{snapshotVersion, date, size}` of a structure-checked snapshot.
pub(super) fn snapshot_view(snapshot: &Snapshot) -> SnapshotView {
    let header = snapshot.header();
    SnapshotView {
        snapshot_version: header.snapshot_version as f64,
        date: build_date(header.build_date),
        size: snapshot.as_bytes().len() as f64,
        sha256: None,
    }
}
