//! Snapshot updates end to end on the Rust side: `clearmark snapshot publish` writes a
//! feed, the same code the extension runs in wasm accepts it or refuses it with the right
//! reason, and `clearmark fetch` downloads USPTO bulk files from a real HTTP server on
//! 127.0.0.1 (with misbehaviour) or from a folder.

mod common;
mod damage;

use clearmark::register::feed::{
    parse_utc_timestamp, public_key_hex, utc_timestamp, FeedError, FeedManifest, Offer,
};
use clearmark::register::snapshot::{SnapshotBuilder, SnapshotError, FORMAT_VERSION};
use clearmark::register::update::{accept_from_feed, accept_signed_file, UpdateError};
use clearmark::register::{Record, Register};
use common::clearmark;
use ed25519_dalek::{SigningKey, VerifyingKey};
use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

const EXTENSION: &str = env!("CARGO_PKG_VERSION");

/// A fresh scratch folder for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("update-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn key(seed: u8) -> SigningKey {
    SigningKey::from_bytes(&[seed; 32])
}

fn write_key(dir: &Path, key: &SigningKey) -> PathBuf {
    let path = dir.join("feed.key");
    let hex: String = key.to_bytes().iter().map(|b| format!("{b:02x}")).collect();
    std::fs::write(&path, format!("{hex}\n")).unwrap();
    path
}

/// A small real snapshot of `version` holding `marks`.
fn snapshot(version: u64, marks: &[&str], sign: Option<&SigningKey>) -> Vec<u8> {
    let mut builder = SnapshotBuilder::new(20261100 + (version % 28) as u32 + 1);
    builder.snapshot_version(version);
    for (i, mark) in marks.iter().enumerate() {
        let mut record = Record::new(Register::US, *mark, "Test Owner Inc.");
        record.number = format!("9{:07}", i + 1);
        record.classes = vec![25];
        builder.add(record);
    }
    builder.finish(sign)
}

/// Publishes `bytes` into `feed` with `key` through the CLI; returns the manifest.
fn publish(dir: &Path, feed: &Path, key: &SigningKey, version: u64, bytes: &[u8]) -> FeedManifest {
    let file = dir.join(format!("built-{version}.snap"));
    std::fs::write(&file, bytes).unwrap();
    let key_file = write_key(dir, key);
    let out = clearmark(
        &[
            "snapshot",
            "publish",
            "--key",
            key_file.to_str().unwrap(),
            "--out",
            feed.to_str().unwrap(),
            file.to_str().unwrap(),
        ],
        "",
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    FeedManifest::from_json(&std::fs::read_to_string(feed.join("latest.json")).unwrap()).unwrap()
}

/// Seconds since 1970: `publish` signs an expiry counted from the real clock.
fn now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs()
}

fn trusted() -> Vec<VerifyingKey> {
    vec![key(1).verifying_key()]
}

#[test]
fn a_published_feed_is_accepted_by_the_extension_checks() {
    let dir = scratch("accept");
    let feed = dir.join("feed");
    let bytes = snapshot(2, &["Zorblax", "Quixotron"], None);
    let manifest = publish(&dir, &feed, &key(1), 2, &bytes);
    assert_eq!(manifest.snapshot_version, 2);
    assert_eq!(manifest.file, "clearmark-2.snap");
    let served = std::fs::read(feed.join(&manifest.file)).unwrap();
    assert_eq!(served, bytes);
    let (snapshot, accepted) =
        accept_from_feed(served, &manifest, &trusted(), EXTENSION, Some(1), now()).unwrap();
    assert_eq!(accepted.snapshot_version, 2);
    assert_eq!(accepted.size, bytes.len() as u64);
    assert_eq!(snapshot.lookup("quixotron").len(), 1);
}

#[test]
fn damaged_forged_short_and_old_downloads_are_refused_with_their_reason() {
    let dir = scratch("refuse");
    let feed = dir.join("feed");
    let bytes = snapshot(5, &["Zorblax"], None);
    let manifest = publish(&dir, &feed, &key(1), 5, &bytes);

    let mut flipped = bytes.clone();
    flipped[bytes.len() / 2] ^= 1;
    assert_eq!(
        accept_from_feed(flipped, &manifest, &trusted(), EXTENSION, Some(1), now()).unwrap_err(),
        UpdateError::Feed(FeedError::Checksum)
    );

    let short = bytes[..bytes.len() - 100].to_vec();
    assert_eq!(
        accept_from_feed(short, &manifest, &trusted(), EXTENSION, Some(1), now()).unwrap_err(),
        UpdateError::Feed(FeedError::Size {
            expected: bytes.len() as u64,
            found: bytes.len() as u64 - 100
        })
    );

    let strangers = vec![key(2).verifying_key()];
    assert_eq!(
        accept_from_feed(
            bytes.clone(),
            &manifest,
            &strangers,
            EXTENSION,
            Some(1),
            now()
        )
        .unwrap_err(),
        UpdateError::Feed(FeedError::Signature)
    );
    assert_eq!(
        accept_from_feed(bytes.clone(), &manifest, &[], EXTENSION, Some(1), now()).unwrap_err(),
        UpdateError::Feed(FeedError::NoTrustedKeys)
    );

    for current in [5, 6] {
        assert_eq!(
            accept_from_feed(
                bytes.clone(),
                &manifest,
                &trusted(),
                EXTENSION,
                Some(current),
                now()
            )
            .unwrap_err(),
            UpdateError::Feed(FeedError::NotNewer {
                offered: 5,
                current
            })
        );
    }

    // A manifest signed by the trusted key but lying about the file's header.
    let lying = FeedManifest::sign(
        Offer {
            format_version: manifest.format_version,
            snapshot_version: 9,
            date: manifest.date.clone(),
            file: manifest.file.clone(),
            min_extension_version: "0.0.1".into(),
            expires: manifest.expires.clone(),
        },
        &bytes,
        &key(1),
    )
    .unwrap();
    assert!(matches!(
        accept_from_feed(bytes.clone(), &lying, &trusted(), EXTENSION, Some(1), now()).unwrap_err(),
        UpdateError::Mismatch {
            field: "snapshot version",
            ..
        }
    ));

    // A valid signature over a file that is no snapshot at all.
    let junk = b"not a snapshot at all, but signed".to_vec();
    let signed_junk = FeedManifest::sign(
        Offer {
            format_version: manifest.format_version,
            snapshot_version: 10,
            date: manifest.date.clone(),
            file: "junk.snap".into(),
            min_extension_version: "0.0.1".into(),
            expires: manifest.expires.clone(),
        },
        &junk,
        &key(1),
    )
    .unwrap();
    assert!(matches!(
        accept_from_feed(junk, &signed_junk, &trusted(), EXTENSION, Some(1), now()).unwrap_err(),
        UpdateError::Snapshot(_)
    ));
}

#[test]
fn every_refusal_message_says_the_current_snapshot_stays() {
    let dir = scratch("messages");
    let bytes = snapshot(3, &["Zorblax"], None);
    let manifest = publish(&dir, &dir.join("feed"), &key(1), 3, &bytes);
    let mut flipped = bytes.clone();
    flipped[10] ^= 1;
    let errors = [
        accept_from_feed(flipped, &manifest, &trusted(), EXTENSION, None, now()).unwrap_err(),
        accept_from_feed(
            bytes.clone(),
            &manifest,
            &[key(3).verifying_key()],
            EXTENSION,
            None,
            now(),
        )
        .unwrap_err(),
        accept_from_feed(
            bytes[..50].to_vec(),
            &manifest,
            &trusted(),
            EXTENSION,
            None,
            now(),
        )
        .unwrap_err(),
        accept_from_feed(
            bytes.clone(),
            &manifest,
            &trusted(),
            EXTENSION,
            Some(3),
            now(),
        )
        .unwrap_err(),
    ];
    for e in errors {
        let text = e.to_string();
        assert!(
            text.contains("current snapshot stays in use") || text.contains("nothing was changed"),
            "{text}"
        );
    }
}

#[test]
fn publish_only_moves_the_feed_forward_and_refuses_damaged_files() {
    let dir = scratch("forward");
    let feed = dir.join("feed");
    publish(&dir, &feed, &key(1), 4, &snapshot(4, &["Zorblax"], None));
    let before = std::fs::read_to_string(feed.join("latest.json")).unwrap();

    let key_file = write_key(&dir, &key(1));
    let older = dir.join("older.snap");
    std::fs::write(&older, snapshot(4, &["Other"], None)).unwrap();
    let out = clearmark(
        &[
            "snapshot",
            "publish",
            "--key",
            key_file.to_str().unwrap(),
            "--out",
            feed.to_str().unwrap(),
            older.to_str().unwrap(),
        ],
        "",
    );
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("only moves forward"));

    let mut damaged = snapshot(8, &["Zorblax"], None);
    let at = damaged.len() / 2;
    damaged[at] ^= 1;
    let damaged_file = dir.join("damaged.snap");
    std::fs::write(&damaged_file, damaged).unwrap();
    let out = clearmark(
        &[
            "snapshot",
            "publish",
            "--key",
            key_file.to_str().unwrap(),
            "--out",
            feed.to_str().unwrap(),
            damaged_file.to_str().unwrap(),
        ],
        "",
    );
    assert!(!out.status.success());
    assert_eq!(
        std::fs::read_to_string(feed.join("latest.json")).unwrap(),
        before
    );

    // A snapshot signed at build time by another key is not published under this one.
    let foreign = dir.join("foreign.snap");
    std::fs::write(&foreign, snapshot(9, &["Zorblax"], Some(&key(2)))).unwrap();
    let out = clearmark(
        &[
            "snapshot",
            "publish",
            "--key",
            key_file.to_str().unwrap(),
            "--out",
            feed.to_str().unwrap(),
            foreign.to_str().unwrap(),
        ],
        "",
    );
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("different key"));
    assert_eq!(
        std::fs::read_to_string(feed.join("latest.json")).unwrap(),
        before
    );
}

#[test]
fn an_imported_file_without_manifest_must_carry_a_trusted_signature() {
    let signed = snapshot(6, &["Zorblax"], Some(&key(1)));
    let (_, accepted) = accept_signed_file(signed.clone(), &trusted(), Some(5)).unwrap();
    assert_eq!(accepted.snapshot_version, 6);
    assert_eq!(
        accept_signed_file(signed.clone(), &trusted(), Some(6)).unwrap_err(),
        UpdateError::Feed(FeedError::NotNewer {
            offered: 6,
            current: 6
        })
    );
    assert_eq!(
        accept_signed_file(snapshot(6, &["Zorblax"], None), &trusted(), None).unwrap_err(),
        UpdateError::Snapshot(SnapshotError::Unsigned)
    );
    assert_eq!(
        accept_signed_file(snapshot(6, &["Zorblax"], Some(&key(2))), &trusted(), None).unwrap_err(),
        UpdateError::Snapshot(SnapshotError::Signature)
    );
    // One byte changed after signing: its SHA-256 no longer matches, checked first.
    let mut flipped = signed;
    let at = flipped.len() / 3;
    flipped[at] ^= 1;
    assert_eq!(
        accept_signed_file(flipped, &trusted(), None).unwrap_err(),
        UpdateError::Snapshot(SnapshotError::Checksum)
    );
}

#[test]
fn an_unsigned_or_foreign_file_is_refused_before_any_of_it_is_parsed() {
    // Damage that the parser would report first: a wrong header length (unsigned file)
    // and an index only the structure walk refuses (file signed by a stranger). The
    // signature check comes first, so both are refused for their signature.
    let mut unsigned = snapshot(6, &["Zorblax"], None);
    unsigned[12] ^= 0x40;
    let unsigned = damage::reseal(unsigned);
    assert_eq!(
        clearmark::register::snapshot::Snapshot::from_bytes(unsigned.clone()).unwrap_err(),
        SnapshotError::Corrupt { section: "header" }
    );
    assert_eq!(
        accept_signed_file(unsigned, &trusted(), None).unwrap_err(),
        UpdateError::Snapshot(SnapshotError::Unsigned)
    );
    let foreign = damage::damaged_past_loading(&snapshot(6, &["Zorblax"], Some(&key(2))));
    assert_eq!(
        accept_signed_file(foreign, &trusted(), None).unwrap_err(),
        UpdateError::Snapshot(SnapshotError::Signature)
    );
    assert_eq!(
        accept_signed_file(b"PK\x03\x04 a zip".to_vec(), &trusted(), None).unwrap_err(),
        UpdateError::Snapshot(SnapshotError::BadMagic)
    );
}

#[test]
fn a_signed_download_whose_index_is_damaged_is_refused_not_walked() {
    // The publisher's own checks were skipped (or older): the manifest vouches for the
    // bytes, but the marks index in them is broken.
    let damaged = damage::damaged_past_loading(&snapshot(7, &["Zorblax", "Quixotron"], None));
    let manifest = FeedManifest::sign(
        Offer {
            format_version: FORMAT_VERSION,
            snapshot_version: 7,
            date: "2026-11-08".into(),
            file: "clearmark-7.snap".into(),
            min_extension_version: "0.0.1".into(),
            expires: utc_timestamp(now() + 86_400),
        },
        &damaged,
        &key(1),
    )
    .unwrap();
    assert_eq!(
        accept_from_feed(damaged, &manifest, &trusted(), EXTENSION, None, now()).unwrap_err(),
        UpdateError::Snapshot(SnapshotError::Corrupt { section: "marks" })
    );
}

/// Publishes `file` into `feed` with extra arguments; returns the CLI's output.
fn publish_with(dir: &Path, feed: &Path, file: &Path, extra: &[&str]) -> std::process::Output {
    let key_file = write_key(dir, &key(1));
    let mut args = vec![
        "snapshot",
        "publish",
        "--key",
        key_file.to_str().unwrap(),
        "--out",
        feed.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    args.push(file.to_str().unwrap());
    clearmark(&args, "")
}

fn read_manifest(feed: &Path) -> FeedManifest {
    FeedManifest::from_json(&std::fs::read_to_string(feed.join("latest.json")).unwrap()).unwrap()
}

#[test]
fn publish_signs_an_expiry_and_a_manifest_replayed_past_it_reads_as_stale() {
    let dir = scratch("expiry");
    let feed = dir.join("feed");
    let bytes = snapshot(4, &["Zorblax"], None);
    let before = now();
    let manifest = publish(&dir, &feed, &key(1), 4, &bytes);
    let expires = parse_utc_timestamp(&manifest.expires).unwrap();
    assert!(
        (before + 14 * 86_400..=now() + 14 * 86_400).contains(&expires),
        "default expiry is 14 days: {}",
        manifest.expires
    );
    // Up to the second before it expires the manifest is good; from then on it is stale,
    // even though its signature still holds and it offers a newer snapshot.
    assert!(accept_from_feed(
        bytes.clone(),
        &manifest,
        &trusted(),
        EXTENSION,
        Some(1),
        expires - 1
    )
    .is_ok());
    assert_eq!(
        accept_from_feed(
            bytes.clone(),
            &manifest,
            &trusted(),
            EXTENSION,
            Some(1),
            expires
        )
        .unwrap_err(),
        UpdateError::Feed(FeedError::Expired {
            expires: manifest.expires.clone()
        })
    );

    // A heartbeat: the same snapshot re-signed with a later expiry needs --refresh.
    let file = dir.join("built-4.snap");
    let out = publish_with(&dir, &feed, &file, &["--expires-days", "3"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("only moves forward"));
    let out = publish_with(&dir, &feed, &file, &["--expires-days", "3", "--refresh"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let refreshed = read_manifest(&feed);
    assert_eq!(refreshed.snapshot_version, 4);
    let expires = parse_utc_timestamp(&refreshed.expires).unwrap();
    assert!((before + 3 * 86_400..=now() + 3 * 86_400).contains(&expires));
    for days in ["0", "367"] {
        let out = publish_with(&dir, &feed, &file, &["--expires-days", days, "--refresh"]);
        assert!(!out.status.success(), "--expires-days {days} was accepted");
    }
}

#[test]
fn a_v1_manifest_in_the_feed_folder_still_sets_the_floor_for_publish() {
    let dir = scratch("v1-floor");
    let feed = dir.join("feed");
    std::fs::create_dir_all(&feed).unwrap();
    // What publish wrote before `expires` existed (its signature is of no account here).
    std::fs::write(
        feed.join("latest.json"),
        r#"{"format_version":1,"snapshot_version":9,"date":"2026-11-10","file":"clearmark-9.snap","size":1,"sha256":"00","min_extension_version":"0.1.0","signature":"00"}"#,
    )
    .unwrap();
    let file = dir.join("old.snap");
    std::fs::write(&file, snapshot(8, &["Zorblax"], None)).unwrap();
    let out = publish_with(&dir, &feed, &file, &[]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("already offers snapshot 9"));
    std::fs::write(&file, snapshot(10, &["Zorblax"], None)).unwrap();
    let out = publish_with(&dir, &feed, &file, &[]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(read_manifest(&feed).snapshot_version, 10);
}

#[test]
fn published_public_keys_round_trip_through_the_key_list_format() {
    let text = format!(
        "# production\n{}\n",
        public_key_hex(&key(1).verifying_key())
    );
    assert_eq!(
        clearmark::register::feed::parse_public_keys(&text).unwrap(),
        trusted()
    );
}

// ---- clearmark fetch ------------------------------------------------------------------

/// How the test server answers one path.
#[derive(Clone)]
enum Reply {
    Ok(Vec<u8>),
    /// Announces the full length, sends `sent` bytes, then closes.
    Cut {
        body: Vec<u8>,
        sent: usize,
    },
    Status(u16),
}

/// A real HTTP/1.1 server on 127.0.0.1 serving `routes`, one connection at a time, until
/// the test ends. Returns its base URL and the log of requested paths.
fn serve(routes: HashMap<String, Reply>) -> (String, Arc<Mutex<Vec<String>>>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let log = Arc::new(Mutex::new(Vec::new()));
    let seen = Arc::clone(&log);
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut line = String::new();
            if reader.read_line(&mut line).is_err() {
                continue;
            }
            let path = line.split_whitespace().nth(1).unwrap_or("/").to_string();
            loop {
                let mut header = String::new();
                if reader.read_line(&mut header).unwrap_or(0) == 0 || header == "\r\n" {
                    break;
                }
            }
            seen.lock().unwrap().push(path.clone());
            let reply = routes.get(&path).cloned().unwrap_or(Reply::Status(404));
            let _ = match reply {
                Reply::Ok(body) => write!(
                    stream,
                    "HTTP/1.1 200 OK\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                    body.len()
                )
                .and_then(|_| stream.write_all(&body)),
                Reply::Cut { body, sent } => write!(
                    stream,
                    "HTTP/1.1 200 OK\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                    body.len()
                )
                .and_then(|_| stream.write_all(&body[..sent])),
                Reply::Status(code) => write!(
                    stream,
                    "HTTP/1.1 {code} Nope\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                ),
            };
            let _ = stream.flush();
        }
    });
    (base, log)
}

/// A real zip holding one small XML file, like a USPTO daily file.
fn bulk_zip(name: &str) -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    {
        let mut zip = zip::ZipWriter::new(&mut out);
        zip.start_file(
            name.replace(".zip", ".xml"),
            zip::write::SimpleFileOptions::default(),
        )
        .unwrap();
        zip.write_all(b"<?xml version=\"1.0\"?><trademark-applications-daily/>")
            .unwrap();
        zip.finish().unwrap();
    }
    out.into_inner()
}

fn fetch(from: &str, out: &Path, since: Option<&str>) -> std::process::Output {
    let mut args = vec!["fetch", "--from", from, "--out", out.to_str().unwrap()];
    if let Some(since) = since {
        args.extend(["--since", since]);
    }
    clearmark(&args, "")
}

fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

#[test]
fn fetch_downloads_the_listed_files_since_a_day_and_skips_what_it_has() {
    let files = [
        "apc251120.zip",
        "apc251121.zip",
        "apc251122.zip",
        "apc18840407-20241231-01.zip",
    ];
    let mut routes: HashMap<String, Reply> = files
        .iter()
        .map(|f| (format!("/tm/{f}"), Reply::Ok(bulk_zip(f))))
        .collect();
    let index = files
        .iter()
        .map(|f| format!("<a href=\"{f}\">{f}</a>\n"))
        .collect::<String>();
    routes.insert(
        "/tm/".into(),
        Reply::Ok(format!("<html><body>{index}<a href=\"../\">up</a></body></html>").into_bytes()),
    );
    let (base, log) = serve(routes);
    let out = scratch("fetch-http");

    let run = fetch(&format!("{base}/tm/"), &out, Some("2025-11-21"));
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert_eq!(names(&out), ["apc251121.zip", "apc251122.zip"]);
    assert_eq!(
        std::fs::read(out.join("apc251122.zip")).unwrap(),
        bulk_zip("apc251122.zip")
    );

    let requests_before = log.lock().unwrap().len();
    let again = fetch(&format!("{base}/tm/"), &out, Some("2025-11-21"));
    assert!(again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("0 file(s) fetched"));
    assert_eq!(
        log.lock().unwrap().len(),
        requests_before + 1,
        "only the listing is read again"
    );

    let all = fetch(&format!("{base}/tm/"), &out, None);
    assert!(all.status.success());
    assert_eq!(names(&out).len(), 4);
}

#[test]
fn fetch_fails_cleanly_on_a_cut_connection_a_broken_zip_or_a_dead_server() {
    let good = bulk_zip("apc251122.zip");
    let routes = HashMap::from([
        (
            "/cut/".to_string(),
            Reply::Ok(b"<a href=\"apc251122.zip\">x</a>".to_vec()),
        ),
        (
            "/cut/apc251122.zip".to_string(),
            Reply::Cut {
                body: good.clone(),
                sent: good.len() / 2,
            },
        ),
        ("/junk/".to_string(), Reply::Ok(b"apc251123.zip".to_vec())),
        (
            "/junk/apc251123.zip".to_string(),
            Reply::Ok(b"this is not a zip file".to_vec()),
        ),
        (
            "/gone/".to_string(),
            Reply::Ok(b"<a href=\"apc251124.zip\">x</a>".to_vec()),
        ),
        (
            "/empty/".to_string(),
            Reply::Ok(b"<a href=\"readme.txt\">nothing here</a>".to_vec()),
        ),
    ]);
    let (base, _) = serve(routes);

    for (path, needle) in [
        ("/cut/", "apc251122.zip"),
        ("/junk/", "not a readable zip"),
        ("/gone/", "404"),
        ("/empty/", "no USPTO trademark files"),
    ] {
        let out = scratch(&format!("fetch-fail{}", path.replace('/', "-")));
        let run = fetch(&format!("{base}{path}"), &out, None);
        let stderr = String::from_utf8_lossy(&run.stderr);
        assert!(!run.status.success(), "{path}: {stderr}");
        assert!(stderr.contains(needle), "{path}: {stderr}");
        assert!(names(&out).is_empty(), "{path} left {:?}", names(&out));
    }

    let dead = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/tm/", dead.local_addr().unwrap());
    drop(dead);
    let run = fetch(&url, &scratch("fetch-dead"), None);
    assert!(!run.status.success());
    assert!(String::from_utf8_lossy(&run.stderr).contains("cannot read"));
}

#[test]
fn fetch_reads_a_local_mirror_folder_or_file_url() {
    let mirror = scratch("mirror");
    for f in ["apc251120.zip", "apc251121.zip"] {
        std::fs::write(mirror.join(f), bulk_zip(f)).unwrap();
    }
    std::fs::write(mirror.join("notes.txt"), "not a bulk file").unwrap();
    let out = scratch("mirror-out");
    let run = fetch(mirror.to_str().unwrap(), &out, Some("2025-11-21"));
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert_eq!(names(&out), ["apc251121.zip"]);

    let out = scratch("mirror-url-out");
    let run = fetch(&format!("file://{}", mirror.display()), &out, None);
    assert!(run.status.success());
    assert_eq!(names(&out), ["apc251120.zip", "apc251121.zip"]);
}
