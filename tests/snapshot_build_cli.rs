//! `clearmark snapshot build` reads the bundled evidence by default: a snapshot built
//! from a register alone still knows ordinary words, `snapshot inspect` lists the
//! sources, and a build without any common-word evidence warns loudly.

use std::path::PathBuf;
use std::process::Command;

fn clearmark() -> Command {
    Command::new(env!("CARGO_BIN_EXE_clearmark"))
}

/// A scratch folder with a small watch list as the only register source.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("clearmark-build-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("marks.csv"),
        "name,classes\nDeluxe,28\nQuibbix,28\n",
    )
    .unwrap();
    dir
}

#[test]
fn a_build_without_common_word_evidence_warns_loudly() {
    let dir = scratch("bare");
    let out = clearmark()
        .args(["snapshot", "build", "--no-defaults", "--out"])
        .arg(dir.join("bare.snap"))
        .arg("--brands")
        .arg(dir.join("marks.csv"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("NO common-word evidence"), "{stderr}");
}

#[test]
fn the_bundled_evidence_is_read_by_default_and_listed_by_inspect() {
    let dir = scratch("defaults");
    let snap = dir.join("default.snap");
    // Tests run in the package root, where the defaults live.
    let out = clearmark()
        .args(["snapshot", "build", "--out"])
        .arg(&snap)
        .arg("--brands")
        .arg(dir.join("marks.csv"))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(!stderr.contains("NO common-word evidence"), "{stderr}");
    let inspect = clearmark()
        .args(["snapshot", "inspect"])
        .arg(&snap)
        .output()
        .unwrap();
    let listed = String::from_utf8_lossy(&inspect.stdout);
    for source in ["word-freq", "lexicon", "names", "famous"] {
        assert!(
            listed.lines().any(|l| l.trim_start().starts_with(source)),
            "{source} not listed:\n{listed}"
        );
    }
    // The registered everyday word is known evidence now: not flagged as a coined mark.
    let listing = dir.join("listing.jsonl");
    std::fs::write(
        &listing,
        r#"{"id":"a","category":"Toys","title":"Deluxe Quibbix racing car"}"#,
    )
    .unwrap();
    let check = clearmark()
        .args(["check", "--snapshot"])
        .arg(&snap)
        .arg(&listing)
        .output()
        .unwrap();
    let findings = String::from_utf8_lossy(&check.stdout);
    assert!(findings.contains("\"Quibbix\""), "{findings}");
    assert!(!findings.contains("\"Deluxe\""), "{findings}");
}
