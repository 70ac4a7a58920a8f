//! `clearmark snapshot publish`: turns a built snapshot into an update feed folder — the
//! snapshot file under a versioned name and a signed `latest.json` beside it.
//!
//! The file is checked first (it must load and its checksum hold; a signature it carries
//! must be the publishing key's), the manifest expires `--expires-days` after now (so a
//! feed that stops being republished, or an old `latest.json` replayed, reads as "updates
//! are stale" in the extension), the feed must not go backwards (a `latest.json`
//! already in the folder with an equal or higher version is an error), and the switch is
//! atomic: the snapshot file lands first, `latest.json` is renamed into place last, so a
//! client never reads a manifest naming a file that is not there yet. The signing rules
//! live in `clearmark::register::feed`; this file only reads, checks and writes files.

use clap::Args;
use clearmark::register::feed::{utc_timestamp, FeedManifest, Offer, MANIFEST_FILE};
use clearmark::register::snapshot::Snapshot;
use clearmark::register::update::build_date;
use std::fs;
use std::path::{Path, PathBuf};

/// Arguments of `clearmark snapshot publish`.
#[derive(Args)]
pub struct PublishArgs {
    /// The private signing key (from `clearmark keygen`). Never commit it.
    #[arg(long, value_name = "KEY")]
    key: PathBuf,
    /// The feed folder to write (created if missing).
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
    /// The lowest extension version that may install this snapshot.
    #[arg(long, value_name = "VERSION", default_value = env!("CARGO_PKG_VERSION"))]
    min_extension_version: String,
    /// Days until the manifest expires: republish (same snapshot, `--refresh`) before then,
    /// or clients report "updates are stale". 1 to 366.
    #[arg(long, value_name = "N", default_value_t = 14, value_parser = clap::value_parser!(u64).range(1..=366))]
    expires_days: u64,
    /// Re-sign the snapshot the feed already offers with a new expiry (a heartbeat: the
    /// feed has nothing newer, and says so freshly).
    #[arg(long)]
    refresh: bool,
    /// The built snapshot file.
    #[arg(value_name = "FILE")]
    file: PathBuf,
}

/// Runs `clearmark snapshot publish`; the error is a message for stderr.
pub fn run(args: PublishArgs) -> Result<(), String> {
    let manifest = publish(&args).map_err(|e| format!("snapshot publish: {e}"))?;
    eprintln!(
        "published snapshot {} ({}, {} bytes) to {}",
        manifest.snapshot_version,
        manifest.date,
        manifest.size,
        args.out.join(MANIFEST_FILE).display()
    );
    Ok(())
}

fn publish(args: &PublishArgs) -> Result<FeedManifest, String> {
    let key = crate::keys::signing_key(&args.key)?;
    let bytes = fs::read(&args.file).map_err(|e| format!("{}: {e}", args.file.display()))?;
    let snapshot =
        Snapshot::from_bytes(bytes.clone()).map_err(|e| format!("{}: {e}", args.file.display()))?;
    snapshot
        .verify(None)
        .map_err(|e| format!("{}: {e}", args.file.display()))?;
    if snapshot.is_signed() && snapshot.verify(Some(&key.verifying_key())).is_err() {
        return Err(format!(
            "{} is signed by a different key than {}; publish it with the key it was built with",
            args.file.display(),
            args.key.display()
        ));
    }
    let header = snapshot.header();
    let manifest_path = args.out.join(MANIFEST_FILE);
    if let Ok(text) = fs::read_to_string(&manifest_path) {
        let published = published_version(&text)
            .map_err(|e| format!("{}: not a feed manifest ({e})", manifest_path.display()))?;
        let same = published == header.snapshot_version;
        if published > header.snapshot_version || (same && !args.refresh) {
            return Err(format!(
                "{} already offers snapshot {}; a feed only moves forward (build with a higher snapshot version)",
                manifest_path.display(),
                published
            ));
        }
    }
    let offer = Offer {
        format_version: header.format_version,
        snapshot_version: header.snapshot_version,
        date: build_date(header.build_date),
        file: format!("clearmark-{}.snap", header.snapshot_version),
        min_extension_version: args.min_extension_version.clone(),
        expires: utc_timestamp(now().saturating_add(args.expires_days * 86_400)),
    };
    let manifest = FeedManifest::sign(offer, &bytes, &key).map_err(|e| e.to_string())?;
    fs::create_dir_all(&args.out).map_err(|e| format!("{}: {e}", args.out.display()))?;
    write_atomically(&args.out.join(&manifest.file), &bytes)?;
    write_atomically(&manifest_path, manifest.to_json().as_bytes())?;
    Ok(manifest)
}

/// The snapshot version a feed folder's `latest.json` offers (any manifest version: one
/// written before `expires` existed is still a floor the feed must not go below).
fn published_version(text: &str) -> Result<u64, serde_json::Error> {
    #[derive(serde::Deserialize)]
    struct Published {
        snapshot_version: u64,
    }
    serde_json::from_str::<Published>(text).map(|p| p.snapshot_version)
}

/// Seconds since 1970, UTC.
fn now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

/// Writes through a temporary file in the same folder and renames it into place.
fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), String> {
    let tmp = path.with_extension("tmp");
    fs::write(&tmp, bytes).map_err(|e| format!("{}: {e}", tmp.display()))?;
    fs::rename(&tmp, path).map_err(|e| format!("{}: {e}", path.display()))
}
