//! `clearmark audit` on the hand-written catalogue fixtures of every export format
//! (tests/fixtures/catalogue/, see its README): the readers give exactly the listings the
//! fixtures show, and each findings line is exactly what `clearmark check` writes for
//! that listing.

mod common;

use clearmark::catalogue;
use clearmark::register::snapshot::SnapshotBuilder;
use clearmark::register::{Record, Register};
use clearmark::Listing;
use common::clearmark;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/catalogue");

/// The catalogue files, in the order they are audited.
const FILES: &[&str] = &[
    "amazon-template.txt",
    "ebay-file-exchange.csv",
    "etsy-listings.csv",
    "listings.jsonl",
    "shopify-products.csv",
];

fn fixture(name: &str) -> PathBuf {
    Path::new(FIXTURES).join(name)
}

/// A scratch folder unique to the calling test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("clearmark-audit-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

/// A snapshot of the brands the fixtures name, written into `dir`.
fn snapshot(dir: &Path) -> PathBuf {
    let mut b = SnapshotBuilder::new(20260101);
    for (mark, owner, classes) in [
        ("LEGO", "LEGO A/S", vec![28u8]),
        ("DISNEY", "Disney Enterprises, Inc.", vec![9, 16, 25, 28]),
        ("POKÉMON", "Nintendo of America Inc.", vec![9, 16, 28]),
        ("NIKE", "Nike, Inc.", vec![18, 25]),
        ("HELLO KITTY", "Sanrio Co., Ltd.", vec![14, 16, 28]),
        (
            "HARRY POTTER",
            "Warner Bros. Entertainment Inc.",
            vec![9, 16, 28],
        ),
    ] {
        let mut r = Record::new(Register::Famous, mark, owner);
        r.classes = classes;
        r.famous = true;
        b.add(r);
    }
    let mut stanley = Record::new(
        Register::US,
        "STANLEY QUENCHER",
        "Pacific Market International, LLC",
    );
    stanley.number = "97123456".into();
    stanley.classes = vec![21];
    b.add(stanley);
    let path = dir.join("fixture-brands.snap");
    std::fs::write(&path, b.finish(None)).expect("write snapshot");
    path
}

/// The expected listings, by (file, row), as written in expected-listings.jsonl.
fn expected() -> BTreeMap<(String, usize), (Listing, Value)> {
    let text =
        std::fs::read_to_string(fixture("expected-listings.jsonl")).expect("expected listings");
    text.lines()
        .map(|line| {
            let value: Value = serde_json::from_str(line).expect("expected line is JSON");
            let file = value["source_file"]
                .as_str()
                .expect("source_file")
                .to_owned();
            let row = value["row"].as_u64().expect("row") as usize;
            let listing: Listing = serde_json::from_str(line).expect("expected line is a listing");
            ((file, row), (listing, value))
        })
        .collect()
}

fn file_name(path: &str) -> String {
    Path::new(path)
        .file_name()
        .expect("a file name")
        .to_string_lossy()
        .into_owned()
}

/// Runs `clearmark audit` on every fixture; returns its output and findings lines.
fn audit(dir: &Path, snap: &Path, extra: &[&str]) -> (std::process::Output, String) {
    let out = dir.join("out");
    let mut args = vec![
        "audit".to_owned(),
        "--snapshot".to_owned(),
        snap.display().to_string(),
        "--out".to_owned(),
        out.display().to_string(),
    ];
    args.extend(extra.iter().map(|s| s.to_string()));
    args.extend(FILES.iter().map(|f| fixture(f).display().to_string()));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let output = clearmark(&args, b"");
    let lines = std::fs::read_to_string(out.join("findings.jsonl")).unwrap_or_default();
    (output, lines)
}

#[test]
fn the_readers_give_exactly_the_listings_the_fixtures_show() {
    let mut read = BTreeMap::new();
    for name in FILES {
        let bytes = std::fs::read(fixture(name)).expect("fixture");
        let catalogue = catalogue::read(&bytes).expect("a catalogue");
        for r in catalogue.rows {
            read.insert((name.to_string(), r.row), r.listing);
        }
    }
    let expected: BTreeMap<_, _> = expected().into_iter().map(|(k, (l, _))| (k, l)).collect();
    assert_eq!(
        read.keys().collect::<Vec<_>>(),
        expected.keys().collect::<Vec<_>>()
    );
    for (key, listing) in &expected {
        assert_eq!(&read[key], listing, "{key:?}");
    }
}

#[test]
fn each_findings_line_is_what_check_gives_for_the_listing_plus_row_and_file() {
    let dir = scratch("equivalence");
    let snap = snapshot(&dir);
    let (_, lines) = audit(&dir, &snap, &[]);
    let expected = expected();

    // The same listings through `check`, in the same order.
    let mut input = String::new();
    for (_, value) in expected.values() {
        let mut listing = value.clone();
        let object = listing.as_object_mut().expect("object");
        object.remove("source_file");
        object.remove("row");
        input.push_str(&listing.to_string());
        input.push('\n');
    }
    let checked = clearmark(
        &["check", "--snapshot", snap.to_str().expect("utf-8")],
        input,
    );
    assert!(
        checked.status.success(),
        "{}",
        String::from_utf8_lossy(&checked.stderr)
    );
    let checked: Vec<Value> = String::from_utf8(checked.stdout)
        .expect("utf-8")
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON"))
        .collect();

    let mut audited = BTreeMap::new();
    for line in lines.lines() {
        let mut value: Value = serde_json::from_str(line).expect("findings line is JSON");
        let object = value.as_object_mut().expect("object");
        let file = file_name(
            object
                .remove("source_file")
                .expect("source_file")
                .as_str()
                .expect("str"),
        );
        let row = object.remove("row").expect("row").as_u64().expect("number") as usize;
        audited.insert((file, row), value);
    }
    assert_eq!(
        audited.keys().collect::<Vec<_>>(),
        expected.keys().collect::<Vec<_>>()
    );
    for (key, check_line) in expected.keys().zip(&checked) {
        assert_eq!(&audited[key], check_line, "{key:?}");
    }

    // Findings there are, at the UTF-16 offsets the fixture text puts them: "Soft socks 😀
    // for Disney fans" has Disney at 18..24 (the emoji is two units).
    let sock = &audited[&("amazon-template.txt".to_owned(), 8)]["findings"];
    assert!(
        sock.as_array()
            .expect("array")
            .iter()
            .any(|f| f["field"] == "description"
                && f["text"] == "Disney"
                && f["start"] == 18
                && f["end"] == 24),
        "{sock}"
    );
    let mug = &audited[&("amazon-template.txt".to_owned(), 5)]["findings"];
    assert_eq!(mug.as_array().map(Vec::len), Some(0), "{mug}");
}

#[test]
fn skipped_rows_are_named_with_file_and_row_and_the_exit_status_is_1() {
    let dir = scratch("skipped");
    let snap = snapshot(&dir);
    let (output, _) = audit(&dir, &snap, &[]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8(output.stderr).expect("utf-8");
    for (file, row, why) in [
        ("amazon-template.txt", 6, "no id"),
        ("amazon-template.txt", 7, "not valid UTF-8"),
        ("ebay-file-exchange.csv", 6, "no id"),
        ("etsy-listings.csv", 4, "no id"),
        ("listings.jsonl", 3, "no id"),
        ("shopify-products.csv", 6, "no id"),
    ] {
        assert!(
            stderr.contains(&format!("{file}: row {row}: {why}")),
            "{file} row {row} in:\n{stderr}"
        );
    }
    // Each file is named with the format its header says and the listings it holds.
    for (file, format, listings) in [
        ("amazon-template.txt", "Amazon flat file", 3),
        ("ebay-file-exchange.csv", "eBay listings CSV", 2),
        ("etsy-listings.csv", "Etsy listings CSV", 2),
        ("listings.jsonl", "listing JSON lines", 3),
        ("shopify-products.csv", "Shopify products CSV", 2),
    ] {
        assert!(
            stderr.contains(&format!("{file}: read as {format}, {listings} listing(s)")),
            "{file} in:\n{stderr}"
        );
    }
}

#[test]
fn a_catalogue_without_bad_rows_exits_0() {
    let dir = scratch("clean");
    let snap = snapshot(&dir);
    let file = dir.join("clean.jsonl");
    std::fs::write(&file, "{\"id\":\"a\",\"title\":\"Bamboo cutting board\"}\n").expect("write");
    let out = dir.join("out");
    let output = clearmark(
        &[
            "audit",
            "--snapshot",
            snap.to_str().expect("utf-8"),
            "--out",
            out.to_str().expect("utf-8"),
            file.to_str().expect("utf-8"),
        ],
        b"",
    );
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn more_jobs_give_the_same_lines_in_the_same_order() {
    let dir = scratch("jobs");
    let snap = snapshot(&dir);
    // Enough listings for several threads' worth of work, every other one naming a brand.
    let file = dir.join("many.jsonl");
    let lines: String = (0..300)
        .map(|i| match i % 2 {
            0 => format!("{{\"id\":\"L{i}\",\"title\":\"Bricks set {i}, fits LEGO\"}}\n"),
            _ => format!("{{\"id\":\"L{i}\",\"title\":\"Plain mug {i}\"}}\n"),
        })
        .collect();
    std::fs::write(&file, lines).expect("write");
    let run = |jobs: &str| {
        let out = dir.join(format!("out-{jobs}"));
        let output = clearmark(
            &[
                "audit",
                "--jobs",
                jobs,
                "--snapshot",
                snap.to_str().expect("utf-8"),
                "--out",
                out.to_str().expect("utf-8"),
                file.to_str().expect("utf-8"),
            ],
            b"",
        );
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        std::fs::read_to_string(out.join("findings.jsonl")).expect("findings")
    };
    let one = run("1");
    let three = run("3");
    assert_eq!(one, three);
    let ids: Vec<String> = three
        .lines()
        .map(|l| {
            serde_json::from_str::<Value>(l).expect("JSON")["id"]
                .as_str()
                .expect("id")
                .to_owned()
        })
        .collect();
    assert_eq!(ids, (0..300).map(|i| format!("L{i}")).collect::<Vec<_>>());
    let flagged = three
        .lines()
        .filter(|l| l.contains("\"text\":\"LEGO\""))
        .count();
    assert_eq!(flagged, 150, "every other listing names LEGO");
}

#[test]
fn the_report_loads_nothing_and_a_hostile_title_stays_text() {
    let dir = scratch("report");
    let snap = snapshot(&dir);
    audit(&dir, &snap, &[]);
    let html = std::fs::read_to_string(dir.join("out/report.html")).expect("report.html");
    // The fixture's title `</script><img src=x onerror=...>` appears only escaped.
    assert!(!html.contains("<img"), "an <img> element in the report");
    assert!(html.contains("\\u003c/script\\u003e\\u003cimg src=x"));
    // One data block and one inline script, each closed once.
    assert_eq!(html.matches("</script>").count(), 2);
    let open = "<script type=\"application/json\" id=\"audit-data\">";
    let start = html.find(open).expect("the data block") + open.len();
    let end = start + html[start..].find("</script>").expect("its end");
    assert!(!html[start..end].contains('<'), "a < in the data block");
    // Outside the data, the page names nothing to fetch.
    let page = format!("{}{}", &html[..start], &html[end..]);
    for external in ["<link", " src=", "http://", "https://", "@import", "url("] {
        assert!(!page.contains(external), "{external} in the report");
    }
}
