//! `clearmark check` and `clearmark dev eval brands` as a seller's script runs them: a real
//! snapshot file built in the test, JSON lines in, one line out per line in.

mod common;

use clearmark::register::snapshot::SnapshotBuilder;
use clearmark::register::{Record, Register};
use common::clearmark;
use std::path::PathBuf;

/// A snapshot file with two marks, unique to the calling test.
fn snapshot_file(name: &str) -> PathBuf {
    let mut b = SnapshotBuilder::new(20260101);
    for (mark, classes) in [("HUBSAN", vec![9u8, 28]), ("ORANGE", vec![38])] {
        let mut r = Record::new(Register::US, mark, "Owner Inc.");
        r.number = "97000001".into();
        r.classes = classes;
        b.add(r);
    }
    b.add_word_frequency("orange", 4.6);
    let dir = std::env::temp_dir().join(format!("clearmark-cli-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("test.snap");
    std::fs::write(&path, b.finish(None)).expect("write snapshot");
    path
}

#[test]
fn one_line_out_per_line_in_and_bad_lines_do_not_stop_the_run() {
    let snap = snapshot_file("lines");
    let mut input = Vec::new();
    input
        .extend_from_slice(b"{\"id\":\"a\",\"title\":\"Blades for Hubsan X4 \xF0\x9F\x98\x80\"}\n");
    input.extend_from_slice(b"{\"id\": \"broken\"\n");
    input.extend_from_slice(b"\xFF\xFE not utf-8\n");
    input.extend_from_slice(b"{\"id\":\"s\",\"title\":\"lone \\ud800 surrogate\"}\n");
    input.extend_from_slice(b"\n");
    input.extend_from_slice(
        b"{\"id\":\"b\",\"title\":\"Orange scarf\",\"category\":\"Clothing\"}\n",
    );
    let out = clearmark(
        &["check", "--snapshot", snap.to_str().expect("utf-8 path")],
        &input,
    );
    let stdout = String::from_utf8(out.stdout).expect("utf-8 output");
    let lines: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("every output line is JSON"))
        .collect();
    assert_eq!(lines.len(), 6, "{stdout}");
    assert_eq!(lines[0]["id"], "a");
    let f = &lines[0]["findings"][0];
    assert_eq!(
        (f["text"].as_str(), f["start"].as_u64(), f["end"].as_u64()),
        (Some("Hubsan"), Some(11), Some(17))
    );
    assert_eq!(f["severity"], "high");
    for (i, line) in lines.iter().enumerate().take(5).skip(1) {
        assert_eq!(line["line"], i + 1, "{line}");
        assert!(
            line["error"].as_str().is_some_and(|e| !e.is_empty()),
            "{line}"
        );
    }
    assert_eq!(lines[5]["id"], "b");
    assert_eq!(lines[5]["findings"], serde_json::json!([]));
    assert!(
        !out.status.success(),
        "bad lines make the exit status non-zero"
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("4 line(s)"));
}

#[test]
fn own_brands_from_the_command_line_are_never_flagged() {
    let snap = snapshot_file("own");
    let out = clearmark(
        &[
            "check",
            "--snapshot",
            snap.to_str().expect("utf-8 path"),
            "--own-brand",
            "Hubsan Inc.",
        ],
        b"{\"id\":\"a\",\"title\":\"Hubsan X4 blades\"}\n",
    );
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        r#"{"id":"a","findings":[]}"#
    );
}

#[test]
fn a_missing_snapshot_is_a_clear_error() {
    let out = clearmark(
        &["check", "--snapshot", "/nonexistent/clearmark.snap"],
        b"{}\n",
    );
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("no register snapshot") && err.contains("CLEARMARK_SNAPSHOT"),
        "{err}"
    );
}

#[test]
fn eval_brands_scores_a_labelled_set() {
    let snap = snapshot_file("eval");
    let set = snap.with_file_name("set.jsonl");
    std::fs::write(
        &set,
        concat!(
            r#"{"id":"1","title":"Blades for Hubsan X4","bullets":[],"brand":"Acme","category":"Hobbies > RC","#,
            r#""gold":[{"field":"title","index":null,"text":"Hubsan","start":11,"end":17,"kind":"third_party"}],"generic_traps":[]}"#,
            "\n",
            r#"{"id":"2","title":"Orange scarf","bullets":[],"brand":"","category":"Clothing","#,
            r#""gold":[],"generic_traps":[{"field":"title","index":null,"text":"Orange","start":0,"end":6}]}"#,
            "\n"
        ),
    )
    .expect("write set");
    let out = clearmark(
        &[
            "dev",
            "eval",
            "brands",
            "--set",
            set.to_str().expect("utf-8"),
            "--snapshot",
            snap.to_str().expect("utf-8"),
        ],
        b"",
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}");
    assert!(
        stdout.contains("third-party recall  100.0% (1/1)"),
        "{stdout}"
    );
    assert!(
        stdout.contains("trap flag rate      0.0% (0/1)"),
        "{stdout}"
    );
    assert!(
        stdout.contains("precision           100.0% (1/1;"),
        "{stdout}"
    );
}

/// A damaged snapshot is refused by every command that reads records, with the reason
/// and a failing exit status — never walked (a damaged index could crash the reader).
#[test]
fn a_damaged_snapshot_is_refused_by_check_lookup_and_inspect() {
    let snap = snapshot_file("damaged");
    let mut bytes = std::fs::read(&snap).expect("read snapshot");
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0xff;
    std::fs::write(&snap, bytes).expect("write damaged snapshot");
    let path = snap.to_str().expect("utf-8 path");
    for args in [
        vec!["check", "--snapshot", path],
        vec!["snapshot", "lookup", path, "HUBSAN"],
        vec!["snapshot", "inspect", path],
    ] {
        let out = clearmark(&args, b"{\"id\":\"a\",\"title\":\"Hubsan\"}\n");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{args:?} must fail");
        assert!(stderr.contains("damaged"), "{args:?}: {stderr}");
    }
}

/// A famous brand's card data survives the snapshot: `snapshot lookup` shows the lists
/// and reach that make it famous and its Wikidata id, and `check` cites the same record
/// (the id's digits as its number, protocol.js RecordRef).
#[test]
fn a_famous_brand_is_cited_with_its_lists_and_wikidata_id() {
    let fixture = |p: &str| format!("{}/tests/fixtures/brands/{p}", env!("CARGO_MANIFEST_DIR"));
    let dir = std::env::temp_dir().join(format!("clearmark-cli-{}-famous", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let snap = dir.join("famous.snap");
    let snap = snap.to_str().expect("utf-8 path");
    let (si, nsi) = (fixture("simple-icons"), fixture("name-suggestion-index"));
    let out = clearmark(
        &[
            "snapshot", "build", "--out", snap, "--famous", &si, "--famous", &nsi,
        ],
        b"",
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let out = clearmark(&["snapshot", "lookup", snap, "Fernwick"], b"");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}");
    assert!(stdout.contains("FAMOUS Q999 "), "{stdout}");
    assert!(
        stdout.contains("Fernwick [famous] — simple-icons; name-suggestion-index; 3 countries"),
        "{stdout}"
    );

    let out = clearmark(
        &["check", "--snapshot", snap],
        b"{\"id\":\"a\",\"title\":\"Fernwick rain jacket\",\"category\":\"Clothing\"}\n",
    );
    let line: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON line out");
    let r = &line["findings"][0]["records"][0];
    assert_eq!(
        (&r["register"], &r["number"], &r["owner"]),
        (
            &serde_json::json!("FAMOUS"),
            &serde_json::json!("999"),
            &serde_json::json!("simple-icons; name-suggestion-index; 3 countries")
        ),
        "{line}"
    );
    std::fs::remove_dir_all(&dir).expect("clean up");
}

#[test]
fn a_listing_past_the_caps_gets_a_line_error_and_the_run_goes_on() {
    let snap = snapshot_file("caps");
    let mut input = Vec::new();
    // A 5 MB title: past the 4 MiB line cap, never held whole.
    input.extend_from_slice(b"{\"id\":\"huge\",\"title\":\"");
    input.extend(std::iter::repeat_n(b'a', 5_000_000));
    input.extend_from_slice(b"\"}\n");
    // A title one unit past the field cap, in a line well within the line cap.
    input.extend_from_slice(
        format!("{{\"id\":\"long\",\"title\":\"{}\"}}\n", "b".repeat(20_001)).as_bytes(),
    );
    input.extend_from_slice(b"{\"id\":\"ok\",\"title\":\"Blades for Hubsan X4\"}\n");
    let out = clearmark(&["check", "--snapshot", snap.to_str().unwrap()], &input);
    assert!(!out.status.success());
    let stdout = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3, "{stdout}");
    assert_eq!(lines[0]["line"], 1);
    assert!(lines[0]["error"]
        .as_str()
        .unwrap()
        .contains("may have at most 4194304"));
    assert_eq!(lines[1]["line"], 2);
    assert_eq!(
        lines[1]["error"],
        "the title is 20001 characters long; Clearmark checks at most 20000 per field"
    );
    assert_eq!(lines[2]["id"], "ok");
    assert_eq!(lines[2]["findings"][0]["text"], "Hubsan");
}

/// A two-mark snapshot file signed by `signer` (unsigned when `None`), and the public key
/// file of key seed 1, in a folder unique to `name`.
fn signed_snapshot_file(name: &str, signer: Option<u8>) -> (PathBuf, PathBuf) {
    use ed25519_dalek::SigningKey;
    let key = |seed: u8| SigningKey::from_bytes(&[seed; 32]);
    let mut b = SnapshotBuilder::new(20260101);
    let mut r = Record::new(Register::US, "HUBSAN", "Owner Inc.");
    r.number = "97000001".into();
    r.classes = vec![9];
    b.add(r);
    let dir = std::env::temp_dir().join(format!("clearmark-cli-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("test.snap");
    std::fs::write(&path, b.finish(signer.map(key).as_ref())).expect("write snapshot");
    let public = dir.join("trusted.pub");
    let hex: String = key(1)
        .verifying_key()
        .as_bytes()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    std::fs::write(&public, hex + "\n").expect("write key");
    (path, public)
}

#[test]
fn with_a_public_key_check_inspect_and_lookup_refuse_unsigned_and_foreign_snapshots() {
    let listing = "{\"id\":\"a\",\"title\":\"Hubsan blades\"}\n";
    for (name, signer, refusal) in [
        ("unsigned", None, Some("not signed")),
        ("foreign", Some(2), Some("signature is not valid")),
        ("trusted", Some(1), None),
    ] {
        let (snap, public) = signed_snapshot_file(&format!("pk-{name}"), signer);
        let (snap, public) = (snap.to_str().unwrap(), public.to_str().unwrap());
        let runs = [
            clearmark(
                &["check", "--snapshot", snap, "--public-key", public],
                listing,
            ),
            clearmark(&["snapshot", "inspect", "--public-key", public, snap], ""),
            clearmark(
                &["snapshot", "lookup", "--public-key", public, snap, "hubsan"],
                "",
            ),
        ];
        for out in runs {
            let stderr = String::from_utf8_lossy(&out.stderr);
            match refusal {
                Some(words) => {
                    assert_eq!(out.status.code(), Some(1), "{name}: {stderr}");
                    assert!(stderr.contains(words), "{name}: {stderr}");
                    assert!(
                        out.stdout.is_empty(),
                        "{name}: nothing is read from a refused file"
                    );
                }
                None => assert!(out.status.success(), "{name}: {stderr}"),
            }
        }
    }
}

/// A reader that stops early (`| head`) ends the output quietly: no crash report, the
/// exit status a shell gives a process ended by a closed pipe. The pipe's reading end
/// is closed before the command starts, so its first line meets it.
#[test]
fn a_reader_that_stops_early_ends_the_output_quietly() {
    use std::process::{Command, Stdio};
    let snap = snapshot_file("pipe");
    let (reader, writer) = std::io::pipe().expect("a pipe");
    drop(reader);
    let out = Command::new(env!("CARGO_BIN_EXE_clearmark"))
        .args([
            "snapshot",
            "lookup",
            snap.to_str().expect("utf-8 path"),
            "Hubsan",
        ])
        .stdout(Stdio::from(writer))
        .stderr(Stdio::piped())
        .output()
        .expect("clearmark runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(out.status.code(), Some(141), "{stderr}");
}
