//! Throughput of the register source readers, against a baseline run in the same process:
//! the bare parser (quick-xml events, csv byte records) over the same bytes. The ratio
//! says what the readers' mapping costs on top of parsing.
//!
//! Input is generated into a temporary folder: `CLEARMARK_BENCH_CASES` case files (default
//! 20 000) shaped like real USPTO records (every case-file-header indicator, 5–25
//! prosecution events, classes, owners), and the same number of case-file CSV rows.
//!
//! Run: `cargo bench --bench sources` (add `CLEARMARK_BENCH_CASES=200000` for a bigger run).

use clearmark::register::sources::{uspto_csv, uspto_xml};
use clearmark::register::{Record, RecordSink, Skipped};
use std::fmt::Write as _;
use std::io::{BufReader, Write};
use std::path::Path;
use std::time::Instant;

#[derive(Default)]
struct Count {
    records: u64,
    skipped: u64,
}

impl RecordSink for Count {
    fn record(&mut self, _: Record) {
        self.records += 1;
    }
    fn skipped(&mut self, _: Skipped) {
        self.skipped += 1;
    }
}

/// A deterministic pseudo-random sequence (xorshift), so runs compare.
struct Rng(u64);

impl Rng {
    fn next(&mut self, below: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % below
    }
    fn mark(&mut self) -> String {
        const SYLLABLES: [&str; 16] = [
            "ka", "lo", "mi", "ne", "ro", "ta", "zu", "vex", "bri", "dor", "fen", "gal", "hum",
            "jax", "qui", "sol",
        ];
        let words = 1 + self.next(3);
        let mut mark = String::new();
        for w in 0..words {
            if w > 0 {
                mark.push(' ');
            }
            for _ in 0..2 + self.next(2) {
                mark.push_str(SYLLABLES[self.next(16) as usize]);
            }
        }
        mark.to_uppercase()
    }
}

const FLAGS: [&str; 12] = [
    "principal-register-amended-in",
    "trademark-in",
    "service-mark-in",
    "cancellation-pending-in",
    "opposition-pending-in",
    "section-2f-in",
    "renewal-filed-in",
    "section-8-filed-in",
    "intent-to-use-in",
    "use-application-currently-in",
    "color-drawing-current-in",
    "standard-characters-claimed-in",
];
const STATUSES: [&str; 8] = ["700", "800", "602", "710", "900", "686", "630", "641"];

fn write_xml(path: &Path, cases: u64, rng: &mut Rng) {
    let mut out = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    out.write_all(b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<trademark-applications-daily><version><version-no>2.0</version-no><version-date>20041108</version-date></version><application-information><file-segments><file-segment>TRMK</file-segment><action-keys><action-key>TX</action-key>\n").unwrap();
    for i in 0..cases {
        let mut c = String::with_capacity(8192);
        let status = STATUSES[rng.next(8) as usize];
        let drawing = ["4000", "4000", "3000", "5000", "2000"][rng.next(5) as usize];
        write!(c, "<case-file><serial-number>{}</serial-number><registration-number>{:07}</registration-number><transaction-date>20250101</transaction-date><case-file-header><filing-date>20190501</filing-date><registration-date>20200101</registration-date><status-code>{status}</status-code><status-date>20200101</status-date><mark-identification>{}</mark-identification><mark-drawing-code>{drawing}</mark-drawing-code>", 70_000_000 + i, rng.next(8_000_000), rng.mark()).unwrap();
        for _ in 0..4 {
            for flag in FLAGS {
                write!(c, "<{flag}>F</{flag}>").unwrap();
            }
        }
        c.push_str("</case-file-header><case-file-statements><case-file-statement><type-code>GS0091</type-code><text>Goods of the class, namely things and other things for use with things</text></case-file-statement><case-file-statement><type-code>PM0001</type-code><text>PSEUDO</text></case-file-statement></case-file-statements><case-file-event-statements>");
        for e in 0..5 + rng.next(20) {
            write!(c, "<case-file-event-statement><code>NWAP</code><type>I</type><description-text>NEW APPLICATION ENTERED IN TRAM</description-text><date>2019{:02}01</date><number>{}</number></case-file-event-statement>", e % 12 + 1, e + 1).unwrap();
        }
        c.push_str("</case-file-event-statements><classifications>");
        for _ in 0..1 + rng.next(3) {
            let class = 1 + rng.next(45);
            write!(c, "<classification><international-code-total-no>1</international-code-total-no><us-code-total-no>1</us-code-total-no><international-code>{class:03}</international-code><us-code>021</us-code><status-code>6</status-code><status-date>20100408</status-date><first-use-anywhere-date>19200913</first-use-anywhere-date><first-use-in-commerce-date>19200913</first-use-in-commerce-date><primary-code>{class:03}</primary-code></classification>").unwrap();
        }
        writeln!(c, "</classifications><correspondent><address-1>Some Counsel</address-1><address-2>1 Main St</address-2></correspondent><case-file-owners><case-file-owner><entry-number>1</entry-number><party-type>10</party-type><nationality><country>US</country></nationality><legal-entity-type-code>03</legal-entity-type-code><party-name>Owner {i} Inc.</party-name><address-1>1 Road</address-1><city>Town</city><state>NY</state><country>US</country><postcode>10001</postcode></case-file-owner></case-file-owners><design-searches><design-search><code>230308</code></design-search></design-searches></case-file>").unwrap();
        out.write_all(c.as_bytes()).unwrap();
    }
    out.write_all(b"</action-keys></file-segments></application-information></trademark-applications-daily>\n").unwrap();
    out.flush().unwrap();
}

fn write_csv(dir: &Path, cases: u64, rng: &mut Rng) {
    let file = |name: &str| std::io::BufWriter::new(std::fs::File::create(dir.join(name)).unwrap());
    let (mut case, mut class, mut owner) = (
        file("case_file.csv"),
        file("intl_class.csv"),
        file("owner.csv"),
    );
    writeln!(case, "serial_no,mark_id_char,registration_no,cfh_status_cd,mark_draw_cd,filing_dt,registration_dt").unwrap();
    writeln!(class, "serial_no,class_id,intl_class_cd").unwrap();
    writeln!(
        owner,
        "serial_no,own_seq,own_type_cd,own_name,own_addr_country_cd,own_id"
    )
    .unwrap();
    for i in 0..cases {
        let serial = 70_000_000 + i;
        let status = STATUSES[rng.next(8) as usize];
        writeln!(
            case,
            "{serial},{},{:07},{status},4000,2019-05-01,2020-01-01",
            rng.mark(),
            rng.next(8_000_000)
        )
        .unwrap();
        for _ in 0..1 + rng.next(2) {
            writeln!(class, "{serial},{i},{:03}", 1 + rng.next(45)).unwrap();
        }
        for party in [10, 30] {
            writeln!(
                owner,
                "{serial},1,{party},\"Owner {i}, type {party} Holdings Inc.\",US,{i}"
            )
            .unwrap();
        }
    }
    for mut f in [case, class, owner] {
        f.flush().unwrap();
    }
}

fn xml_baseline(path: &Path) -> u64 {
    let mut reader = quick_xml::Reader::from_reader(BufReader::with_capacity(
        1 << 16,
        std::fs::File::open(path).unwrap(),
    ));
    let mut buf = Vec::new();
    let mut events = 0;
    loop {
        buf.clear();
        match reader.read_event_into(&mut buf).unwrap() {
            quick_xml::events::Event::Eof => return events,
            _ => events += 1,
        }
    }
}

fn csv_baseline(dir: &Path) -> u64 {
    let mut rows = 0;
    for name in ["case_file.csv", "intl_class.csv", "owner.csv"] {
        let mut reader =
            csv::Reader::from_reader(BufReader::new(std::fs::File::open(dir.join(name)).unwrap()));
        let mut row = csv::ByteRecord::new();
        while reader.read_byte_record(&mut row).unwrap() {
            rows += 1;
        }
    }
    rows
}

fn dir_size(dir: &Path) -> u64 {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().metadata().unwrap().len())
        .sum()
}

fn report(what: &str, bytes: u64, baseline: f64, reader: f64, count: &Count) {
    let mb = bytes as f64 / 1e6;
    println!(
        "{what}: {mb:.0} MB; baseline parse {:.0} MB/s; reader {:.0} MB/s, {:.0} records/s ({} records, {} skipped); reader/baseline time ratio {:.2}",
        mb / baseline,
        mb / reader,
        count.records as f64 / reader,
        count.records,
        count.skipped,
        reader / baseline
    );
}

fn main() {
    let cases: u64 = std::env::var("CLEARMARK_BENCH_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20_000);
    let dir = std::env::temp_dir().join(format!("clearmark-bench-sources-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);

    let xml = dir.join("annual.xml");
    write_xml(&xml, cases, &mut rng);
    let bytes = std::fs::metadata(&xml).unwrap().len();
    let t = Instant::now();
    let events = xml_baseline(&xml);
    let baseline = t.elapsed().as_secs_f64();
    let mut count = Count::default();
    let t = Instant::now();
    uspto_xml::read(&xml, &mut count).unwrap();
    let reader = t.elapsed().as_secs_f64();
    assert!(events > 0 && count.records + count.skipped == cases);
    report("uspto_xml", bytes, baseline, reader, &count);

    let csv_dir = dir.join("csv");
    std::fs::create_dir_all(&csv_dir).unwrap();
    write_csv(&csv_dir, cases * 10, &mut rng);
    let bytes = dir_size(&csv_dir);
    let t = Instant::now();
    let rows = csv_baseline(&csv_dir);
    let baseline = t.elapsed().as_secs_f64();
    let mut count = Count::default();
    let t = Instant::now();
    uspto_csv::read(&csv_dir, &mut count).unwrap();
    let reader = t.elapsed().as_secs_f64();
    assert!(rows > 0 && count.records == cases * 10);
    report("uspto_csv (sorted)", bytes, baseline, reader, &count);

    std::fs::remove_dir_all(&dir).unwrap();
}
