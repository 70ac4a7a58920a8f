#![cfg(not(target_arch = "wasm32"))]
//! The copied-copy commands as a seller or an evaluator runs them: `corpus build` from
//! JSON lines and CSV, `corpus inspect`, damaged corpus files refused with a reason,
//! `check --corpus` reporting a copied bullet with its source, and `dev eval copy` scoring a
//! small labelled set. Fixtures are written here; nothing comes from the dev sets.

mod common;

use clearmark::register::snapshot::SnapshotBuilder;
use clearmark::register::{Record, Register};
use common::clearmark;
use std::path::{Path, PathBuf};

fn dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("clearmark-copy-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

const BEAR: &str = "Ultra soft plush bear with hand embroidered eyes and a satin bow, \
    safe for newborns and washable at thirty degrees without losing its shape";
const TRAIN: &str = "Forty pieces of solid beech track with a wooden bridge, two tunnels \
    and a crossing that fit every major brand of wooden railway";

fn write_corpus_inputs(d: &Path) -> (PathBuf, PathBuf) {
    let jsonl = d.join("corpus.jsonl");
    std::fs::write(
        &jsonl,
        format!(
            "{}\n{}\nnot json at all\n",
            serde_json::json!({"id": "ref:bear", "url": "https://market.example/bear",
                "title": "Cuddly Bear for Babies", "bullets": [BEAR, "Gift box included"],
                "date": "2020-03-01"}),
            serde_json::json!({"product_id": "ref:brand", "brand": "Acme",
                "title": "Acme Stacking Cups", "bullets": [
                "Ten bright stacking cups that nest inside each other and float in the bath tub"]}),
        ),
    )
    .unwrap();
    let csv = d.join("more.csv");
    std::fs::write(
        &csv,
        format!("id,title,bullet_1,bullet_2,url\nref:train,Wooden Train Set,\"{TRAIN}\",Ages 3+,https://market.example/train\n"),
    )
    .unwrap();
    (jsonl, csv)
}

#[test]
fn build_reports_bad_lines_keeps_the_rest_and_inspect_reads_the_file() {
    let d = dir("build");
    let (jsonl, csv) = write_corpus_inputs(&d);
    let out_file = d.join("corpus.bin");
    let out = clearmark(
        &[
            "corpus",
            "build",
            "--out",
            out_file.to_str().unwrap(),
            jsonl.to_str().unwrap(),
            csv.to_str().unwrap(),
        ],
        "",
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        !out.status.success(),
        "a bad line makes the run fail: {stderr}"
    );
    assert!(stderr.contains("line 3"), "{stderr}");
    let out = clearmark(&["corpus", "inspect", out_file.to_str().unwrap()], "");
    assert!(out.status.success());
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("listings:        3"), "{stdout}");
}

#[test]
fn damaged_corpus_files_are_refused_with_a_reason() {
    let d = dir("damaged");
    let (_, csv) = write_corpus_inputs(&d);
    let good = d.join("good.bin");
    let out = clearmark(
        &[
            "corpus",
            "build",
            "--out",
            good.to_str().unwrap(),
            csv.to_str().unwrap(),
        ],
        "",
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let bytes = std::fs::read(&good).unwrap();
    let cases: [(&str, Vec<u8>, &str); 2] = [
        ("truncated", bytes[..bytes.len() - 10].to_vec(), "truncated"),
        (
            "flipped",
            {
                let mut b = bytes.clone();
                let at = b.len() / 2;
                b[at] ^= 0x20;
                b
            },
            "checksum",
        ),
    ];
    for (name, content, reason) in cases {
        let f = d.join(format!("{name}.bin"));
        std::fs::write(&f, content).unwrap();
        let out = clearmark(&["corpus", "inspect", f.to_str().unwrap()], "");
        assert!(!out.status.success());
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(reason), "{name}: {stderr}");
    }
}

#[test]
fn check_with_a_corpus_reports_the_copied_bullet_and_its_source() {
    let d = dir("check");
    let (jsonl, csv) = write_corpus_inputs(&d);
    let corpus = d.join("corpus.bin");
    clearmark(
        &[
            "corpus",
            "build",
            "--out",
            corpus.to_str().unwrap(),
            jsonl.to_str().unwrap(),
            csv.to_str().unwrap(),
        ],
        "",
    );
    let mut b = SnapshotBuilder::new(20260101);
    let mut r = Record::new(Register::US, "HUBSAN", "Hubsan Inc.");
    r.classes = vec![28];
    b.add(r);
    let snapshot = d.join("test.snap");
    std::fs::write(&snapshot, b.finish(None)).unwrap();
    let listings = d.join("mine.jsonl");
    let bullet = format!("😀 New! {BEAR}");
    std::fs::write(
        &listings,
        format!(
            "{}\n{}\n",
            serde_json::json!({"id": "mine-1", "title": "Soft bear", "bullets": ["Made by us", bullet]}),
            serde_json::json!({"id": "mine-2", "brand": "ACME", "bullets": [
                "Ten bright stacking cups that nest inside each other and float in the bath tub"]}),
        ),
    )
    .unwrap();
    let out = clearmark(
        &[
            "check",
            "--snapshot",
            snapshot.to_str().unwrap(),
            "--corpus",
            corpus.to_str().unwrap(),
            listings.to_str().unwrap(),
        ],
        "",
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let copied: Vec<&serde_json::Value> = lines[0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["kind"] == "copied_copy")
        .collect();
    assert_eq!(copied.len(), 1, "{:#}", lines[0]);
    let f = copied[0];
    assert_eq!(
        (f["field"].as_str(), f["index"].as_u64()),
        (Some("bullets"), Some(1))
    );
    assert_eq!(f["severity"], "high");
    // UTF-16: the emoji counts two, then a space, "New!" and a space.
    assert_eq!(f["start"], 8);
    assert_eq!(f["source"]["id"], "ref:bear");
    assert_eq!(f["source"]["url"], "https://market.example/bear");
    assert_eq!(f["source"]["start"], 0);
    // The seller's own brand's listing is never a source.
    assert!(
        lines[1]["findings"]
            .as_array()
            .unwrap()
            .iter()
            .all(|f| f["kind"] != "copied_copy"),
        "{:#}",
        lines[1]
    );
}

#[test]
fn eval_copy_scores_recall_and_false_alarms() {
    let d = dir("eval");
    let (jsonl, _) = write_corpus_inputs(&d);
    let set = d.join("set.jsonl");
    let copied = format!("Lovely. {BEAR}");
    let start = "Lovely. ".len();
    std::fs::write(
        &set,
        format!(
            "{}\n{}\n",
            serde_json::json!({"id": "h1", "bullets": [copied], "gold": [{"field": "bullets",
                "index": 0, "start": start, "end": copied.len(), "source": "ref:bear", "kind": "verbatim"}]}),
            serde_json::json!({"id": "h2", "bullets": ["A plain bullet of our own about a cotton blanket"], "gold": []}),
        ),
    )
    .unwrap();
    let out = clearmark(
        &[
            "dev",
            "eval",
            "copy",
            "--set",
            set.to_str().unwrap(),
            "--corpus",
            jsonl.to_str().unwrap(),
        ],
        "",
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("verbatim recall:           100.0 % (1/1)"),
        "{stdout}"
    );
    assert!(stdout.contains("false alarms:   0.0 % (0/1)"), "{stdout}");
}
