//! `clearmark dev size`: bytes per mark of snapshots built from the real register
//! samples (an EUIPO open-data JSON extract, a DPMAregister CSV export) and the
//! famous-brand packages, all fields included. Beside each, a lower bound for the index:
//! the bytes per key of a bare `fst::Set` of the same keys (no values, no records) and of
//! the keys' raw text.
//!
//! The two register samples are not in any official bulk format the builder reads, so
//! this file converts them to records for the measurement only; it must not become a
//! source reader (those live in `clearmark::register`).

use clap::Args;
use clearmark::register::snapshot::{Section, Snapshot, SnapshotBuilder};
use clearmark::register::sources::brands;
use clearmark::register::{Drawing, Record, Register, Status};
use std::path::{Path, PathBuf};

/// Arguments of `clearmark dev size`.
#[derive(Args)]
pub struct SizeArgs {
    /// EUIPO open-data JSON extract (`{"number": {"Text", "Date", "Codes"}}`).
    #[arg(long)]
    euipo_json: Option<PathBuf>,
    /// DPMAregister CSV export (`;`-separated: Datenbestand, Aktenzeichen, Markendarstellung, Aktenzustand).
    #[arg(long)]
    dpma_csv: Option<PathBuf>,
    /// Famous-brand package folders (simple-icons, name-suggestion-index, @cspell/dict-companies).
    #[arg(long)]
    famous: Vec<PathBuf>,
}

/// Runs `clearmark dev size`.
pub fn run(args: SizeArgs) -> Result<(), String> {
    let mut all = Vec::new();
    println!(
        "{:<28} {:>8} {:>8} {:>10} {:>8} {:>10} {:>10}   bytes/record by section",
        "input", "records", "keys", "bytes", "B/rec", "set B/key", "text B/key"
    );
    if let Some(p) = &args.euipo_json {
        let records = euipo_json(p)?;
        report("EUIPO json", &records, &[])?;
        all.extend(records);
    }
    if let Some(p) = &args.dpma_csv {
        let records = dpma_csv(p)?;
        report("DPMA csv (all, dead kept)", &records, &[])?;
        let live: Vec<Record> = records
            .iter()
            .filter(|r| r.status.is_live())
            .cloned()
            .collect();
        report("DPMA csv (live only)", &live, &[])?;
        all.extend(records);
    }
    if !args.famous.is_empty() {
        let paths: Vec<&Path> = args.famous.iter().map(PathBuf::as_path).collect();
        let mut famous = Collect(Vec::new());
        brands::read_famous(&paths, &mut famous).map_err(|e| e.to_string())?;
        report("famous-brand lists", &famous.0, &[])?;
        all.extend(famous.0);
    }
    if !all.is_empty() {
        report("all of the above", &all, &[])?;
    }
    Ok(())
}

struct Collect(Vec<Record>);

impl clearmark::register::RecordSink for Collect {
    fn record(&mut self, record: Record) {
        self.0.push(record);
    }

    fn skipped(&mut self, _: clearmark::register::Skipped) {}
}

fn report(label: &str, records: &[Record], words: &[(&str, f32)]) -> Result<(), String> {
    let mut b = SnapshotBuilder::new(20261123);
    b.include_dead(true);
    for r in records {
        b.add(r.clone());
    }
    for (w, z) in words {
        b.add_word_frequency(w, *z);
    }
    let bytes = b.finish(None);
    let len = bytes.len();
    let snap = Snapshot::from_bytes(bytes).map_err(|e| e.to_string())?;
    let n = f64::from(snap.header().records.max(1));
    let sections: Vec<String> = snap
        .section_sizes()
        .into_iter()
        .filter(|(s, _)| *s != Section::Words)
        .map(|(s, l)| format!("{} {:.2}", s.name(), l as f64 / n))
        .collect();
    let (set, text) = bare_keys(&snap)?;
    let keys = snap.header().keys.max(1) as f64;
    println!(
        "{:<28} {:>8} {:>8} {:>10} {:>8.2} {:>10.2} {:>10.2}   {} (rest: header, trailer)",
        label,
        snap.header().records,
        snap.header().keys,
        len,
        len as f64 / n,
        set as f64 / keys,
        text as f64 / keys,
        sections.join(", ")
    );
    Ok(())
}

/// The bytes of a bare `fst::Set` of the snapshot's index keys, and of the keys' text:
/// what the index costs before it holds a single value or record.
fn bare_keys(snap: &Snapshot) -> Result<(usize, usize), String> {
    use fst::Streamer;
    let mut set = fst::SetBuilder::memory();
    let mut text = 0;
    let mut keys = snap.marks().stream();
    while let Some((key, _)) = keys.next() {
        set.insert(key).map_err(|e| e.to_string())?;
        text += key.len();
    }
    let set = set.into_inner().map_err(|e| e.to_string())?;
    Ok((set.len(), text))
}

/// `yyyy-mm-dd` → `yyyymmdd`, 0 when not a date.
fn iso_date(s: &str) -> u32 {
    let digits: String = s.chars().filter(char::is_ascii_digit).collect();
    if digits.len() == 8 {
        digits.parse().unwrap_or(0)
    } else {
        0
    }
}

/// The EUIPO open-data extract: figurative EU trade marks with their application
/// number, filing date and (for most) the words in the mark. Status and owner are not in
/// the extract: records are taken as registered, owner unknown.
fn euipo_json(path: &Path) -> Result<Vec<Record>, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let v: serde_json::Value =
        serde_json::from_str(&text).map_err(|e| format!("{} is not JSON: {e}", path.display()))?;
    let map = v
        .as_object()
        .ok_or_else(|| format!("{}: expected an object of marks", path.display()))?;
    let mut out = Vec::with_capacity(map.len());
    for (number, m) in map {
        let Some(text) = m.get("Text").and_then(|t| t.as_str()) else {
            continue;
        };
        let mut r = Record::new(Register::EU, text, "");
        r.number = number.clone();
        r.filed = m
            .get("Date")
            .and_then(|d| d.as_str())
            .map(iso_date)
            .unwrap_or(0);
        r.drawing = Drawing::StylisedWords;
        out.push(r);
    }
    Ok(out)
}

/// The DPMAregister export: German (DE), EU (EM) and international (IR) marks with their
/// file number, mark text and file state. `Record` has no German register: DE and IR
/// rows are stored as watch-list records, which costs the same bytes.
fn dpma_csv(path: &Path) -> Result<Vec<Record>, String> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .flexible(true)
        .from_path(path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let mut out = Vec::new();
    for row in reader.records() {
        let Ok(row) = row else { continue };
        let (Some(db), Some(number), Some(mark), Some(state)) =
            (row.get(0), row.get(1), row.get(2), row.get(3))
        else {
            continue;
        };
        let register = if db.trim() == "EM" {
            Register::EU
        } else {
            Register::Watch
        };
        let mut r = Record::new(register, mark.trim(), "");
        r.number = number.trim().to_string();
        let state = state.trim();
        r.status = if state == "Marke eingetragen" {
            Status::Registered
        } else if [
            "gelöscht",
            "vernichtet",
            "zurückgewiesen",
            "zurückgenommen",
            "erloschen",
        ]
        .iter()
        .any(|w| state.contains(w))
        {
            Status::Dead
        } else {
            Status::Pending
        };
        out.push(r);
    }
    Ok(out)
}
