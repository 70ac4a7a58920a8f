//! A seller's watch list from the command line: `clearmark check --watch-list FILE` flags
//! the watched marks like registered ones (in disguise too), reports a bad row with its
//! line and still checks every listing, and the same file builds into a snapshot with
//! `snapshot build --brands`.

mod common;

use clearmark::register::snapshot::SnapshotBuilder;
use clearmark::register::{Record, Register};
use common::clearmark;
use std::path::PathBuf;

/// A folder unique to the calling test, with a one-mark snapshot and `watch.csv`.
fn setup(name: &str, watch_csv: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("clearmark-watch-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let mut b = SnapshotBuilder::new(20260101);
    let mut r = Record::new(Register::US, "HUBSAN", "Hubsan Inc.");
    r.classes = vec![9, 28];
    b.add(r);
    for w in ["insulated", "water", "bottle", "for", "lid"] {
        b.add_word_frequency(w, 4.5);
    }
    std::fs::write(dir.join("test.snap"), b.finish(None)).expect("write snapshot");
    std::fs::write(dir.join("watch.csv"), watch_csv).expect("write watch list");
    dir
}

fn path(dir: &std::path::Path, file: &str) -> String {
    dir.join(file).to_str().expect("utf-8 path").to_owned()
}

/// (text, kind, first record's register) of each finding of each output line.
fn findings(stdout: &[u8]) -> Vec<Vec<(String, String, String)>> {
    String::from_utf8_lossy(stdout)
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("JSON line");
            v["findings"]
                .as_array()
                .expect("findings")
                .iter()
                .map(|f| {
                    (
                        f["text"].as_str().unwrap_or_default().to_owned(),
                        f["kind"].as_str().unwrap_or_default().to_owned(),
                        f["records"][0]["register"]
                            .as_str()
                            .unwrap_or_default()
                            .to_owned(),
                    )
                })
                .collect()
        })
        .collect()
}

const LISTINGS: &str = concat!(
    "{\"id\":\"a\",\"title\":\"Quibbix insulated water bottle\"}\n",
    "{\"id\":\"b\",\"title\":\"Lid for Quibix bottle\"}\n",
    "{\"id\":\"c\",\"title\":\"Spare lid for Hubsan\"}\n",
);

#[test]
fn watched_marks_are_flagged_and_a_bad_row_is_reported_with_its_line() {
    let dir = setup(
        "flag",
        "name,owner,classes,note\nQuibbix,Quib Ltd,21,competitor\nGlimmer,,9;99,bad class\n",
    );
    let snap = path(&dir, "test.snap");
    let watch = path(&dir, "watch.csv");
    let out = clearmark(
        &["check", "--snapshot", &snap, "--watch-list", &watch],
        LISTINGS,
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "a skipped row makes the run fail");
    assert!(stderr.contains("line 3: Glimmer: class \"99\""), "{stderr}");
    let got = findings(&out.stdout);
    assert_eq!(got.len(), 3, "every listing is still checked");
    let s = |t: &str| t.to_owned();
    assert_eq!(got[0], [(s("Quibbix"), s("registered_mark"), s("WATCH"))]);
    assert_eq!(got[1], [(s("Quibix"), s("lookalike"), s("WATCH"))]);
    assert_eq!(got[2], [(s("Hubsan"), s("registered_mark"), s("US"))]);

    // Without the list, the word is nobody's.
    let out = clearmark(&["check", "--snapshot", &snap], LISTINGS);
    assert!(out.status.success());
    assert!(findings(&out.stdout)[0].is_empty());

    // The seller's own brand wins over the watch list.
    let out = clearmark(
        &[
            "check",
            "--snapshot",
            &snap,
            "--watch-list",
            &watch,
            "--own-brand",
            "QUIBBIX",
        ],
        LISTINGS,
    );
    assert!(findings(&out.stdout)[0].is_empty());
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_clean_list_succeeds_and_an_unusable_file_is_a_clear_error() {
    let dir = setup("clean", "Brand\nQuibbix\n");
    let snap = path(&dir, "test.snap");
    let watch = path(&dir, "watch.csv");
    let out = clearmark(
        &["check", "--snapshot", &snap, "--watch-list", &watch],
        LISTINGS,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(findings(&out.stdout)[0][0].0, "Quibbix");

    std::fs::write(dir.join("watch.csv"), "Quibbix,Quib Ltd\n").unwrap();
    let out = clearmark(
        &["check", "--snapshot", &snap, "--watch-list", &watch],
        LISTINGS,
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(out.stdout.is_empty(), "nothing is checked without the list");
    assert!(stderr.contains("header with a `name` column"), "{stderr}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn the_same_file_builds_into_a_snapshot() {
    let dir = setup("build", "name,classes\nQuibbix,21\n,9\n");
    let built = path(&dir, "built.snap");
    let out = clearmark(
        &[
            "snapshot",
            "build",
            "--out",
            &built,
            "--brands",
            &path(&dir, "watch.csv"),
        ],
        "",
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = clearmark(&["check", "--snapshot", &built], LISTINGS);
    assert_eq!(findings(&out.stdout)[0][0].2, "WATCH");
    std::fs::remove_dir_all(&dir).ok();
}
