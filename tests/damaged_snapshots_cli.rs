//! Hostile snapshot files against the command line: hundreds of snapshots with bits
//! flipped in the marks index and its footer and the SHA-256 recomputed (as an attacker
//! would), each given to `check`, `snapshot inspect` and `snapshot lookup`. Every run
//! must end with an exit status — refused (1) or, for damage the checks cannot tell from
//! a real index, answered (0) — and never with a signal (an abort inside `fst`).
//!
//! The measurement in the README runs the release binary on more mutants:
//! `cargo build --release && CLEARMARK_BIN=target/release/clearmark
//! CLEARMARK_DAMAGE_RUNS=600 cargo test --test damaged_snapshots_cli -- --nocapture`.

mod damage;

use clearmark::register::snapshot::SnapshotBuilder;
use clearmark::register::{Record, Register};
use std::io::Write;
use std::os::unix::process::ExitStatusExt;
use std::path::Path;
use std::process::{Command, Stdio};

/// A snapshot whose marks index has runs, a posting list and several levels of nodes.
fn snapshot_bytes() -> Vec<u8> {
    let mut b = SnapshotBuilder::new(20261123);
    let marks = [
        "Zorblax",
        "Quixotron",
        "Velmorak",
        "Acme Toys",
        "Lego",
        "Legolas",
        "Nike",
        "Nikon",
        "Orbit",
        "Orbital",
        "Hubsan",
        "Huawei",
        "Apple",
        "Applebee",
    ];
    for (i, mark) in marks.iter().enumerate() {
        for copy in 0..1 + i % 3 {
            let mut r = Record::new(Register::US, *mark, format!("Owner {i}.{copy} Inc."));
            r.number = format!("97{i:03}{copy:03}");
            r.classes = vec![9, 25 + (i % 10) as u8];
            b.add(r);
        }
    }
    b.add_word_frequency("apple", 5.2);
    b.add_word_frequency("orbit", 4.1);
    b.finish(None)
}

/// How one run of the CLI ended.
#[derive(Debug, PartialEq)]
enum End {
    Answered,
    Refused,
    Signal(i32),
    Other(i32),
}

fn run(bin: &Path, args: &[&str], stdin: &[u8]) -> End {
    let mut child = Command::new(bin)
        .args(args)
        .env_remove("CLEARMARK_SNAPSHOT")
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("the clearmark binary runs");
    let _ = child.stdin.take().expect("stdin").write_all(stdin);
    let status = child.wait().expect("clearmark finishes");
    match (status.code(), status.signal()) {
        (Some(0), _) => End::Answered,
        (Some(1), _) => End::Refused,
        (Some(code), _) => End::Other(code),
        (None, Some(signal)) => End::Signal(signal),
        (None, None) => End::Other(-1),
    }
}

#[test]
fn resealed_snapshots_with_a_damaged_marks_index_never_abort_check_inspect_or_lookup() {
    let bin = std::env::var_os("CLEARMARK_BIN")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| env!("CARGO_BIN_EXE_clearmark").into());
    let runs: usize = std::env::var("CLEARMARK_DAMAGE_RUNS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(120);
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("damaged-snapshots-cli");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let bytes = snapshot_bytes();
    let marks = damage::section_range(&bytes, damage::MARKS);
    let listing = b"{\"id\":\"a\",\"title\":\"Zorblax shirt with Lego and Nike print\"}\n";
    // First the damage only the index walk sees: all three must refuse it.
    let walk_only = dir.join("walk-only.snap");
    std::fs::write(&walk_only, damage::damaged_past_loading(&bytes)).unwrap();
    let walk_only = walk_only.to_str().unwrap();
    assert_eq!(
        [
            run(&bin, &["check", "--snapshot", walk_only], listing),
            run(&bin, &["snapshot", "inspect", walk_only], b""),
            run(&bin, &["snapshot", "lookup", walk_only, "lego"], b""),
        ],
        [End::Refused, End::Refused, End::Refused]
    );
    let mut ends: Vec<(usize, &str, End)> = Vec::new();
    for i in 0..runs {
        // Half the mutants in the footer (key count, root address, checksum: the last
        // 24 bytes), half anywhere in the nodes; one to three bits, a fixed pattern.
        let mut mutant = bytes.clone();
        for k in 0..1 + i % 3 {
            let span = if i % 2 == 0 { 24 } else { marks.len() };
            let at = marks.end - 1 - (i * 7919 + k * 104_729) % span;
            mutant[at] ^= 1 << ((i + k * 3) % 8);
        }
        let file = dir.join(format!("mutant-{i}.snap"));
        std::fs::write(&file, damage::reseal(mutant)).unwrap();
        let file = file.to_str().unwrap();
        ends.push((
            i,
            "check",
            run(&bin, &["check", "--snapshot", file], listing),
        ));
        ends.push((i, "inspect", run(&bin, &["snapshot", "inspect", file], b"")));
        ends.push((
            i,
            "lookup",
            run(&bin, &["snapshot", "lookup", file, "lego"], b""),
        ));
    }
    let count = |want: fn(&End) -> bool| ends.iter().filter(|(_, _, e)| want(e)).count();
    println!(
        "{runs} resealed mutants of the marks index x 3 commands ({}): {} refused, {} answered, {} aborted",
        bin.display(),
        count(|e| *e == End::Refused),
        count(|e| *e == End::Answered),
        count(|e| matches!(e, End::Signal(_) | End::Other(_))),
    );
    let bad: Vec<_> = ends
        .iter()
        .filter(|(_, _, e)| !matches!(e, End::Refused | End::Answered))
        .collect();
    assert!(bad.is_empty(), "runs that did not end with 0 or 1: {bad:?}");
    assert!(
        count(|e| *e == End::Refused) >= runs,
        "most damage is refused, not answered"
    );
}
