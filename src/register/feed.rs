//! The update feed: the signed `latest.json` that announces a new register snapshot, and
//! every check an update must pass before it replaces the snapshot in use.
//!
//! A feed is a folder on a web server holding one snapshot file and a [`FeedManifest`]
//! (`latest.json`) that names it and gives its snapshot format, snapshot version, build
//! date, size, SHA-256, the lowest extension version that can read it and the moment the
//! manifest expires, with an ed25519 signature over all of those
//! ([`FeedManifest::signed_message`]). The publisher signs ([`FeedManifest::sign`]) and
//! republishes before `expires` (`clearmark snapshot publish --expires-days N`); the
//! extension checks in this order: the signature ([`FeedManifest::check_signature`]),
//! freshness ([`FeedManifest::check_fresh`]: a manifest past its `expires` is a frozen or
//! replayed feed — TUF's timestamp role — and reads as "updates are stale", never as "up
//! to date"), the offer itself ([`FeedManifest::check_offer`]: readable format, extension
//! new enough, strictly newer than the snapshot in use — never a downgrade) before
//! downloading, then the body
//! ([`FeedManifest::check_body`]: size and SHA-256) and the signature
//! ([`FeedManifest::check_signature`]) after. This module owns only those rules; it does
//! no I/O, knows nothing of HTTP, IndexedDB or the browser, and never decides to keep or
//! drop a snapshot — callers keep the current one whenever a check fails.

use super::snapshot::{date_to_days, days_to_date};
use ed25519_dalek::{Signature, Signer, SigningKey, Verifier, VerifyingKey};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::cmp::Ordering;
use std::fmt::Write as _;

/// The name of the manifest file in a feed folder.
pub const MANIFEST_FILE: &str = "latest.json";

/// The first line of every signed message: names the manifest schema, so a signature made
/// for another purpose (or another schema version) can never verify as a feed manifest.
/// v2 added `expires`; a v1 manifest (no expiry) is refused, since accepting it would
/// keep open the replay of an old feed that v2 closes.
const SIGNED_PREFIX: &str = "clearmark-feed-v2";

/// The largest `latest.json` a client reads (the extension stops reading past it): a
/// manifest is a few hundred bytes, and a feed must not make a client hold megabytes.
pub const MAX_MANIFEST_BYTES: usize = 64 * 1024;

/// Why an update was refused. Every message says what happened and that the snapshot in
/// use stays in use, in words a seller understands.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FeedError {
    /// `latest.json` is not valid JSON or misses or garbles a field.
    #[error("the update feed's {MANIFEST_FILE} is not valid ({detail}); the current snapshot stays in use")]
    Manifest {
        /// What is wrong with it.
        detail: String,
    },
    /// The snapshot is in a format this version of Clearmark cannot read.
    #[error("the update uses snapshot format {found} but this version of Clearmark reads format {supported}; update the extension to get it (the current snapshot stays in use)")]
    Format {
        /// The format the feed offers.
        found: u32,
        /// The format this build reads.
        supported: u32,
    },
    /// The feed needs a newer extension.
    #[error("the update needs Clearmark {required} or later (this is {current}); update the extension to get it (the current snapshot stays in use)")]
    ExtensionTooOld {
        /// The lowest extension version the feed accepts.
        required: String,
        /// This extension's version.
        current: String,
    },
    /// The offered snapshot is not newer than the one in use: refusing it prevents a
    /// replayed old feed from rolling the register back.
    #[error("the update offers snapshot version {offered}, which is not newer than the one in use ({current}); nothing was changed")]
    NotNewer {
        /// The version the feed offers.
        offered: u64,
        /// The version in use.
        current: u64,
    },
    /// The downloaded file does not have the announced size.
    #[error("the downloaded snapshot has {found} bytes but the feed announced {expected}: the download was cut off or altered; the current snapshot stays in use")]
    Size {
        /// The size the manifest announced.
        expected: u64,
        /// The size received.
        found: u64,
    },
    /// The downloaded file's SHA-256 differs from the announced one.
    #[error(
        "the downloaded snapshot is damaged (SHA-256 mismatch); the current snapshot stays in use"
    )]
    Checksum,
    /// The signed manifest is past its `expires`: the feed is frozen, or an old manifest
    /// is being replayed. Nothing newer can be known until the feed is republished.
    #[error("updates are stale: the update feed's signed manifest expired at {expires} (the feed was not republished, or an old one is being replayed); the current snapshot stays in use")]
    Expired {
        /// When the manifest expired, `yyyy-mm-ddThh:mm:ssZ`.
        expires: String,
    },
    /// No trusted key verifies the manifest's signature.
    #[error("the update is not signed by a trusted Clearmark key and was refused; the current snapshot stays in use")]
    Signature,
    /// The extension has no trusted update key, so no update can be accepted.
    #[error("no trusted update key is installed, so updates cannot be verified; the current snapshot stays in use")]
    NoTrustedKeys,
    /// A public or private key could not be read.
    #[error("the key is not valid ({detail})")]
    Key {
        /// What is wrong with it.
        detail: String,
    },
}

/// The contents of `latest.json`: what a feed offers and the publisher's signature over it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeedManifest {
    /// The snapshot format version of the offered file.
    pub format_version: u32,
    /// The snapshot version: strictly increasing from one publication to the next.
    pub snapshot_version: u64,
    /// The snapshot's build date, `yyyy-mm-dd`.
    pub date: String,
    /// The snapshot's file name, relative to `latest.json` (a plain name, no folders).
    pub file: String,
    /// The snapshot file's size in bytes.
    pub size: u64,
    /// The snapshot file's SHA-256, lower-case hex.
    pub sha256: String,
    /// The lowest extension version that may install it (dotted numbers, `0.1.0`).
    pub min_extension_version: String,
    /// When this manifest stops being trusted, UTC, `yyyy-mm-ddThh:mm:ssZ`: a client that
    /// reads it later says "updates are stale" instead of "up to date". Empty only when
    /// read from a v1 manifest, which [`FeedManifest::from_json`] refuses.
    #[serde(default)]
    pub expires: String,
    /// The ed25519 signature over [`FeedManifest::signed_message`], lower-case hex.
    pub signature: String,
}

/// What a publisher states about a snapshot before signing it: the manifest without its
/// signature.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Offer {
    /// The snapshot format version.
    pub format_version: u32,
    /// The snapshot version.
    pub snapshot_version: u64,
    /// The build date, `yyyy-mm-dd`.
    pub date: String,
    /// The snapshot's file name in the feed folder.
    pub file: String,
    /// The lowest extension version that may install it.
    pub min_extension_version: String,
    /// When the manifest expires, `yyyy-mm-ddThh:mm:ssZ` ([`utc_timestamp`]).
    pub expires: String,
}

impl FeedManifest {
    /// Signs `offer` for the snapshot file `bytes`: fills in size and SHA-256 from the
    /// bytes and signs everything with `key`.
    pub fn sign(offer: Offer, bytes: &[u8], key: &SigningKey) -> Result<FeedManifest, FeedError> {
        let mut manifest = FeedManifest {
            format_version: offer.format_version,
            snapshot_version: offer.snapshot_version,
            date: offer.date,
            file: offer.file,
            size: bytes.len() as u64,
            sha256: sha256_hex(bytes),
            min_extension_version: offer.min_extension_version,
            expires: offer.expires,
            signature: String::new(),
        };
        manifest.validate()?;
        manifest.signature = hex(&key.sign(&manifest.signed_message()).to_bytes());
        Ok(manifest)
    }

    /// Reads and validates `latest.json` (field shapes only; the signature is checked by
    /// [`FeedManifest::check_signature`]). A text longer than [`MAX_MANIFEST_BYTES`] is
    /// refused before it is parsed, whoever read it.
    pub fn from_json(text: &str) -> Result<FeedManifest, FeedError> {
        if text.len() > MAX_MANIFEST_BYTES {
            return Err(manifest_error(&format!(
                "longer than {} KiB, which no manifest is",
                MAX_MANIFEST_BYTES / 1024
            )));
        }
        let manifest: FeedManifest =
            serde_json::from_str(text).map_err(|e| FeedError::Manifest {
                detail: e.to_string(),
            })?;
        manifest.validate()?;
        if parse_hex::<64>(&manifest.signature).is_none() {
            return Err(manifest_error("`signature` is not 64 bytes of hex"));
        }
        Ok(manifest)
    }

    /// The manifest as pretty JSON, as written to `latest.json`.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("a manifest always serialises") + "\n"
    }

    /// The exact bytes the signature covers: a schema line, then one `name=value` line per
    /// field in a fixed order. Field values are validated to hold no line breaks, so the
    /// message is unambiguous.
    pub fn signed_message(&self) -> Vec<u8> {
        format!(
            "{SIGNED_PREFIX}\nformat_version={}\nsnapshot_version={}\ndate={}\nfile={}\nsize={}\nsha256={}\nmin_extension_version={}\nexpires={}\n",
            self.format_version,
            self.snapshot_version,
            self.date,
            self.file,
            self.size,
            self.sha256,
            self.min_extension_version,
            self.expires
        )
        .into_bytes()
    }

    /// Checks, before anything is downloaded, that the offer can be installed: its format
    /// is the one this build reads, this extension is new enough, and it is strictly newer
    /// than the snapshot in use (`current`, `None` when nothing is installed).
    pub fn check_offer(
        &self,
        supported_format: u32,
        extension_version: &str,
        current: Option<u64>,
    ) -> Result<(), FeedError> {
        if self.format_version != supported_format {
            return Err(FeedError::Format {
                found: self.format_version,
                supported: supported_format,
            });
        }
        if compare_versions(extension_version, &self.min_extension_version) == Ordering::Less {
            return Err(FeedError::ExtensionTooOld {
                required: self.min_extension_version.clone(),
                current: extension_version.to_string(),
            });
        }
        if let Some(current) = current {
            if self.snapshot_version <= current {
                return Err(FeedError::NotNewer {
                    offered: self.snapshot_version,
                    current,
                });
            }
        }
        Ok(())
    }

    /// Checks that the manifest has not expired at `now` (seconds since 1970, UTC).
    pub fn check_fresh(&self, now: u64) -> Result<(), FeedError> {
        match parse_utc_timestamp(&self.expires) {
            Some(expires) if now < expires => Ok(()),
            _ => Err(FeedError::Expired {
                expires: self.expires.clone(),
            }),
        }
    }

    /// Checks the downloaded file against the announced size and SHA-256.
    pub fn check_body(&self, bytes: &[u8]) -> Result<(), FeedError> {
        if bytes.len() as u64 != self.size {
            return Err(FeedError::Size {
                expected: self.size,
                found: bytes.len() as u64,
            });
        }
        if sha256_hex(bytes) != self.sha256 {
            return Err(FeedError::Checksum);
        }
        Ok(())
    }

    /// Checks that one of the trusted `keys` signed this manifest.
    pub fn check_signature(&self, keys: &[VerifyingKey]) -> Result<(), FeedError> {
        if keys.is_empty() {
            return Err(FeedError::NoTrustedKeys);
        }
        let signature = parse_hex::<64>(&self.signature)
            .map(|bytes| Signature::from_bytes(&bytes))
            .ok_or(FeedError::Signature)?;
        let message = self.signed_message();
        if keys
            .iter()
            .any(|key| key.verify(&message, &signature).is_ok())
        {
            Ok(())
        } else {
            Err(FeedError::Signature)
        }
    }

    /// Runs every check in order: signature, freshness at `now` (seconds since 1970),
    /// offer, body.
    pub fn check_all(
        &self,
        bytes: &[u8],
        keys: &[VerifyingKey],
        supported_format: u32,
        extension_version: &str,
        current: Option<u64>,
        now: u64,
    ) -> Result<(), FeedError> {
        self.check_signature(keys)?;
        self.check_fresh(now)?;
        self.check_offer(supported_format, extension_version, current)?;
        self.check_body(bytes)
    }

    fn validate(&self) -> Result<(), FeedError> {
        if !is_date(&self.date) {
            return Err(manifest_error("`date` is not yyyy-mm-dd"));
        }
        if !is_file_name(&self.file) {
            return Err(manifest_error(
                "`file` must be a plain file name (letters, digits, '.', '_', '-')",
            ));
        }
        if parse_hex::<32>(&self.sha256).is_none()
            || self.sha256.bytes().any(|b| b.is_ascii_uppercase())
        {
            return Err(manifest_error("`sha256` is not 32 bytes of lower-case hex"));
        }
        if parse_version(&self.min_extension_version).is_none() {
            return Err(manifest_error(
                "`min_extension_version` is not a dotted version like 0.1.0",
            ));
        }
        if self.expires.is_empty() {
            return Err(manifest_error(
                "it has no `expires`: it was written by an older publisher (feed format v1), which cannot say when it goes stale; republish the feed with `clearmark snapshot publish`",
            ));
        }
        if parse_utc_timestamp(&self.expires).is_none() {
            return Err(manifest_error(
                "`expires` is not a UTC time like 2026-12-16T14:00:00Z",
            ));
        }
        Ok(())
    }
}

/// Reads a list of trusted public keys: one key per line as 64 hex digits; blank lines and
/// lines starting with `#` are ignored. An empty list is not an error here (a build may
/// ship without keys); [`FeedManifest::check_signature`] refuses every update then.
pub fn parse_public_keys(text: &str) -> Result<Vec<VerifyingKey>, FeedError> {
    text.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .map(parse_public_key)
        .collect()
}

/// Reads one public key written as 64 hex digits.
pub fn parse_public_key(text: &str) -> Result<VerifyingKey, FeedError> {
    let bytes = parse_hex::<32>(text.trim()).ok_or_else(|| FeedError::Key {
        detail: "a public key is 64 hex digits".into(),
    })?;
    VerifyingKey::from_bytes(&bytes).map_err(|_| FeedError::Key {
        detail: "not a valid ed25519 public key".into(),
    })
}

/// Writes a public key as 64 lower-case hex digits, the form [`parse_public_key`] reads.
pub fn public_key_hex(key: &VerifyingKey) -> String {
    hex(key.as_bytes())
}

/// The SHA-256 of `bytes` as lower-case hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

/// Seconds since 1970 as `yyyy-mm-ddThh:mm:ssZ` (UTC), the form of `expires`.
/// Times past 2199-12-31 are written as that day's.
pub fn utc_timestamp(secs: u64) -> String {
    let last = date_to_days(21_991_231).expect("2199-12-31 is in range");
    let days = u32::try_from(secs / 86_400).unwrap_or(u32::MAX);
    let date = days_to_date(epoch_days().saturating_add(days).min(last));
    let s = secs % 86_400;
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
        date / 10_000,
        date / 100 % 100,
        date % 100,
        s / 3600,
        s / 60 % 60,
        s % 60
    )
}

/// Reads `yyyy-mm-ddThh:mm:ssZ` (UTC, years 1970–2199) as seconds since 1970.
pub fn parse_utc_timestamp(text: &str) -> Option<u64> {
    let b = text.as_bytes();
    let shape = b.len() == 20
        && b[4] == b'-'
        && b[7] == b'-'
        && b[10] == b'T'
        && b[13] == b':'
        && b[16] == b':'
        && b[19] == b'Z';
    if !shape || !is_date(&text[..10]) {
        return None;
    }
    let number = |r: std::ops::Range<usize>| -> Option<u32> {
        let part = &text[r];
        part.bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| part.parse().ok())?
    };
    let date = number(0..4)? * 10_000 + number(5..7)? * 100 + number(8..10)?;
    let (h, m, s) = (number(11..13)?, number(14..16)?, number(17..19)?);
    if h > 23 || m > 59 || s > 59 {
        return None;
    }
    let days = date_to_days(date)?.checked_sub(epoch_days())?;
    Some(u64::from(days) * 86_400 + u64::from(h * 3600 + m * 60 + s))
}

/// 1970-01-01 in the snapshot's day count.
fn epoch_days() -> u32 {
    date_to_days(19_700_101).expect("1970-01-01 is in range")
}

/// Compares dotted numeric versions (`0.10.2` > `0.9`); missing parts count as 0 and an
/// unreadable version sorts below every readable one.
pub fn compare_versions(a: &str, b: &str) -> Ordering {
    match (parse_version(a), parse_version(b)) {
        (Some(mut a), Some(mut b)) => {
            let len = a.len().max(b.len());
            a.resize(len, 0);
            b.resize(len, 0);
            a.cmp(&b)
        }
        (None, Some(_)) => Ordering::Less,
        (Some(_), None) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

fn parse_version(text: &str) -> Option<Vec<u64>> {
    let parts: Option<Vec<u64>> = text
        .split('.')
        .map(|part| {
            // An empty part passes this and then does not parse.
            if part.len() > 9 || !part.bytes().all(|b| b.is_ascii_digit()) {
                None
            } else {
                part.parse().ok()
            }
        })
        .collect();
    parts.filter(|parts| (1..=4).contains(&parts.len()))
}

fn is_date(text: &str) -> bool {
    let b = text.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
        && (1..=12).contains(&text[5..7].parse::<u32>().unwrap_or(0))
        && (1..=31).contains(&text[8..10].parse::<u32>().unwrap_or(0))
}

fn is_file_name(text: &str) -> bool {
    !text.is_empty()
        && text.len() <= 128
        && !text.starts_with('.')
        && text
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'_' || b == b'-')
}

fn manifest_error(detail: &str) -> FeedError {
    FeedError::Manifest {
        detail: detail.to_string(),
    }
}

fn hex(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        let _ = write!(out, "{b:02x}");
    }
    out
}

/// Parses exactly `N` bytes written as hex (either case).
pub(crate) fn parse_hex<const N: usize>(text: &str) -> Option<[u8; N]> {
    let text = text.as_bytes();
    if text.len() != N * 2 {
        return None;
    }
    let mut out = [0u8; N];
    for (i, pair) in text.chunks(2).enumerate() {
        let digit = |c: u8| (c as char).to_digit(16);
        out[i] = (digit(pair[0])? * 16 + digit(pair[1])?) as u8;
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(seed: u8) -> SigningKey {
        SigningKey::from_bytes(&[seed; 32])
    }

    fn offer(version: u64) -> Offer {
        Offer {
            format_version: 1,
            snapshot_version: version,
            date: "2026-11-23".into(),
            file: format!("clearmark-{version}.snap"),
            min_extension_version: "0.1.0".into(),
            expires: EXPIRES.into(),
        }
    }

    /// When the test manifests expire, and that moment in seconds since 1970 (computed
    /// with Python's datetime: 20,793 days from 1970-01-01 to 2026-12-06, plus 14 h).
    const EXPIRES: &str = "2026-12-06T14:00:00Z";
    const EXPIRES_AT: u64 = 20_793 * 86_400 + 14 * 3600;
    /// A moment before the test manifests expire.
    const NOW: u64 = EXPIRES_AT - 86_400;

    fn published(version: u64, body: &[u8]) -> FeedManifest {
        FeedManifest::sign(offer(version), body, &key(7)).unwrap()
    }

    #[test]
    fn a_signed_manifest_round_trips_through_json_and_verifies() {
        let body = b"snapshot bytes";
        let manifest = published(5, body);
        let read = FeedManifest::from_json(&manifest.to_json()).unwrap();
        assert_eq!(read, manifest);
        let keys = [key(7).verifying_key()];
        assert_eq!(
            read.check_all(body, &keys, 1, "0.1.0", Some(4), NOW),
            Ok(())
        );
        assert_eq!(read.check_all(body, &keys, 1, "0.1.0", None, NOW), Ok(()));
    }

    #[test]
    fn any_changed_field_breaks_the_signature() {
        let manifest = published(5, b"x");
        let keys = [key(7).verifying_key()];
        let changes: Vec<fn(&mut FeedManifest)> = vec![
            |m| m.snapshot_version += 1,
            |m| m.format_version += 1,
            |m| m.date = "2026-11-24".into(),
            |m| m.file = "other.snap".into(),
            |m| m.size += 1,
            |m| m.sha256 = sha256_hex(b"y"),
            |m| m.min_extension_version = "0.0.1".into(),
            |m| m.expires = "2099-01-01T00:00:00Z".into(),
        ];
        for change in changes {
            let mut forged = manifest.clone();
            change(&mut forged);
            assert_eq!(forged.check_signature(&keys), Err(FeedError::Signature));
        }
    }

    #[test]
    fn a_manifest_is_stale_from_the_second_it_expires() {
        let manifest = published(5, b"x");
        assert_eq!(parse_utc_timestamp(EXPIRES), Some(EXPIRES_AT));
        assert_eq!(manifest.check_fresh(EXPIRES_AT - 1), Ok(()));
        let stale = Err(FeedError::Expired {
            expires: EXPIRES.into(),
        });
        assert_eq!(manifest.check_fresh(EXPIRES_AT), stale);
        assert_eq!(manifest.check_fresh(EXPIRES_AT + 86_400 * 365), stale);
        let keys = [key(7).verifying_key()];
        // A replayed old manifest offering a newer snapshot is stale too, not installed.
        assert_eq!(
            manifest.check_all(b"x", &keys, 1, "0.1.0", Some(4), EXPIRES_AT),
            stale
        );
        let message = manifest.check_fresh(EXPIRES_AT).unwrap_err().to_string();
        assert!(message.starts_with("updates are stale"), "{message}");
    }

    #[test]
    fn a_v1_manifest_without_expiry_is_refused_with_the_reason() {
        let mut json: serde_json::Value =
            serde_json::from_str(&published(5, b"x").to_json()).unwrap();
        json.as_object_mut().unwrap().remove("expires");
        let err = FeedManifest::from_json(&json.to_string())
            .unwrap_err()
            .to_string();
        assert!(err.contains("no `expires`"), "{err}");
        assert!(err.contains("republish"), "{err}");
    }

    #[test]
    fn utc_timestamps_round_trip_and_garbage_is_refused() {
        assert_eq!(utc_timestamp(0), "1970-01-01T00:00:00Z");
        assert!(utc_timestamp(u64::MAX).starts_with("2199-12-31T"));
        assert_eq!(utc_timestamp(EXPIRES_AT), EXPIRES);
        assert_eq!(utc_timestamp(EXPIRES_AT - 1), "2026-12-06T13:59:59Z");
        assert_eq!(parse_utc_timestamp("1970-01-01T00:00:00Z"), Some(0));
        assert_eq!(
            parse_utc_timestamp("2024-02-29T23:59:59Z"),
            Some(19_782 * 86_400 + 86_399)
        );
        for bad in [
            "2023-02-29T00:00:00Z",
            "2026-12-06T24:00:00Z",
            "2026-12-06T14:60:00Z",
            "2026-12-06 14:00:00Z",
            "2026-12-06T14:00:00",
            "2026-12-06T14:00:00+01:00",
            "1969-12-31T23:59:59Z",
            "",
        ] {
            assert_eq!(parse_utc_timestamp(bad), None, "{bad}");
        }
        let mut bad = published(5, b"x");
        bad.expires = "tomorrow".into();
        assert!(FeedManifest::from_json(&bad.to_json())
            .unwrap_err()
            .to_string()
            .contains("`expires`"));
    }

    #[test]
    fn only_trusted_keys_are_accepted_and_any_of_several_will_do() {
        let manifest = published(5, b"x");
        assert_eq!(
            manifest.check_signature(&[key(8).verifying_key()]),
            Err(FeedError::Signature)
        );
        assert_eq!(manifest.check_signature(&[]), Err(FeedError::NoTrustedKeys));
        assert_eq!(
            manifest.check_signature(&[key(8).verifying_key(), key(7).verifying_key()]),
            Ok(())
        );
    }

    #[test]
    fn the_body_must_match_size_and_checksum() {
        let manifest = published(5, b"abcdef");
        assert_eq!(
            manifest.check_body(b"abc"),
            Err(FeedError::Size {
                expected: 6,
                found: 3
            })
        );
        assert_eq!(manifest.check_body(b"abcdeX"), Err(FeedError::Checksum));
        assert_eq!(manifest.check_body(b"abcdef"), Ok(()));
    }

    #[test]
    fn older_or_equal_versions_are_refused() {
        let manifest = published(5, b"x");
        assert_eq!(
            manifest.check_offer(1, "0.1.0", Some(5)),
            Err(FeedError::NotNewer {
                offered: 5,
                current: 5
            })
        );
        assert_eq!(
            manifest.check_offer(1, "0.1.0", Some(9)),
            Err(FeedError::NotNewer {
                offered: 5,
                current: 9
            })
        );
    }

    #[test]
    fn format_and_extension_version_are_checked() {
        let mut o = offer(5);
        o.min_extension_version = "0.10.0".into();
        let manifest = FeedManifest::sign(o, b"x", &key(7)).unwrap();
        assert!(matches!(
            manifest.check_offer(1, "0.9.9", None),
            Err(FeedError::ExtensionTooOld { .. })
        ));
        assert_eq!(manifest.check_offer(1, "0.10", None), Ok(()));
        assert_eq!(
            manifest.check_offer(2, "1.0.0", None),
            Err(FeedError::Format {
                found: 1,
                supported: 2
            })
        );
    }

    #[test]
    fn versions_have_one_to_four_parts_of_at_most_nine_digits() {
        assert_eq!(parse_version("0.10.2"), Some(vec![0, 10, 2]));
        assert_eq!(parse_version("1.2.3.4"), Some(vec![1, 2, 3, 4]));
        assert_eq!(parse_version("123456789"), Some(vec![123_456_789]));
        for bad in [
            "",
            "1..2",
            ".1",
            "1.2.3.4.5",
            "1234567890",
            "1.a",
            "+1",
            "1 .2",
        ] {
            assert_eq!(parse_version(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn a_date_is_yyyy_mm_dd_with_a_month_and_a_day_in_range() {
        for good in ["2026-11-23", "2026-01-01", "2026-12-31"] {
            assert!(is_date(good), "{good}");
        }
        for bad in [
            "2026-11-2",
            "2026-11-234",
            "2026/11/23",
            "2026-11/23",
            "2026/11-23",
            "2026-1a-23",
            "20x6-11-23",
            "2026-11-2x",
            "2026-00-10",
            "2026-13-10",
            "2026-12-00",
            "2026-12-32",
        ] {
            assert!(!is_date(bad), "{bad}");
        }
    }

    #[test]
    fn a_file_name_is_plain_short_and_not_hidden() {
        for good in [
            "clearmark-2026112300.snap",
            "a",
            "A_b-1.snap",
            &"a".repeat(128),
        ] {
            assert!(is_file_name(good), "{good}");
        }
        let long = "a".repeat(129);
        for bad in [
            "",
            ".snap",
            "../x.snap",
            "a/b.snap",
            "a b.snap",
            "a\\b",
            &long,
        ] {
            assert!(!is_file_name(bad), "{bad}");
        }
    }

    #[test]
    fn a_manifest_longer_than_64_kib_is_refused_before_it_is_read() {
        assert_eq!(MAX_MANIFEST_BYTES, 65_536);
        let json = published(5, b"x").to_json();
        // JSON allows white space after the value: padded to the limit it still reads.
        let at_limit = format!("{json}{}", " ".repeat(MAX_MANIFEST_BYTES - json.len()));
        assert!(FeedManifest::from_json(&at_limit).is_ok());
        let err = FeedManifest::from_json(&format!("{at_limit} "))
            .unwrap_err()
            .to_string();
        assert!(err.contains("longer than 64 KiB"), "{err}");
    }

    #[test]
    fn malformed_manifests_are_refused_with_the_reason() {
        let good = published(5, b"x");
        let cases = [("not json", "expected"), ("{}", "missing field")];
        for (text, needle) in cases {
            let err = FeedManifest::from_json(text).unwrap_err().to_string();
            assert!(err.contains(needle), "{err}");
        }
        let mut bad = good.clone();
        bad.file = "../../etc/passwd".into();
        assert!(FeedManifest::from_json(&bad.to_json())
            .unwrap_err()
            .to_string()
            .contains("plain file name"));
        let mut bad = good.clone();
        bad.date = "23/11/2026".into();
        assert!(FeedManifest::from_json(&bad.to_json()).is_err());
        let mut bad = good.clone();
        bad.signature = "00".into();
        assert!(FeedManifest::from_json(&bad.to_json()).is_err());
        let mut bad = good;
        bad.sha256 = bad.sha256.to_uppercase();
        assert!(FeedManifest::from_json(&bad.to_json()).is_err());
    }

    #[test]
    fn public_key_lists_skip_comments_and_refuse_garbage() {
        let a = public_key_hex(&key(1).verifying_key());
        let b = public_key_hex(&key(2).verifying_key());
        let text = format!("# production\n\n{a}\n  {b}  \n");
        assert_eq!(parse_public_keys(&text).unwrap().len(), 2);
        assert_eq!(parse_public_keys("# none yet\n").unwrap().len(), 0);
        assert!(parse_public_keys("zz").is_err());
    }

    #[test]
    fn versions_compare_numerically() {
        assert_eq!(compare_versions("0.10.0", "0.9.9"), Ordering::Greater);
        assert_eq!(compare_versions("1.0", "1.0.0"), Ordering::Equal);
        assert_eq!(compare_versions("1.0.0", "1.0.1"), Ordering::Less);
        assert_eq!(compare_versions("garbage", "0.0.1"), Ordering::Less);
    }
}
