//! Reader of the USPTO Trademark Case Files Dataset (Office of the Chief Economist): a
//! directory holding `case_file.csv`, `intl_class.csv` and `owner.csv`, joined on
//! `serial_no`, column names as in the dataset's variable tables. Each table may also be
//! zipped as the USPTO publishes it (`case_file.csv.zip`): its `.csv` entry is streamed
//! from the archive without unpacking it.
//!
//! Each `case_file.csv` row becomes one [`Record`] of the US register: `mark_id_char` is
//! the mark, `cfh_status_cd` gives the status through USPTO Table 1
//! ([`super::uspto_codes::status_from_code`]), `mark_draw_cd` the drawing kind, `filing_dt` and
//! `registration_dt` the dates; `intl_class.csv` adds the Nice classes and `owner.csv` the
//! current owner (the party of the latest party type, 10 applicant → 20 owner at
//! publication → 30 registrant → 40+ later owners; the first entry among joint owners).
//! When the directory also holds `statement.csv`, its `D0`/`D1` disclaimers, `PM`
//! pseudo-marks and `TR`/`TLIT` translations are joined too (the other statements,
//! goods and services texts mostly, are passed over).
//!
//! Memory: the files are first scanned once to check they are sorted by serial number (the
//! published dataset is). Sorted files are merge-joined in one streaming pass, in constant
//! memory (measured: 2.8 MB peak for 1 million cases). If any file is not sorted,
//! `intl_class.csv` and `owner.csv` are read into hash maps keyed by serial number that
//! hold only the joined result (a 64-bit class set and the current owner's name per
//! case); `case_file.csv` is still streamed. That costs about 250 bytes per case
//! (measured: 258 MB peak for 1 million shuffled cases), so ≈2.5 GB for the full
//! 10-million-case dataset: sort the files by `serial_no` first where memory is short.
//!
//! Rows without a serial number, a known status code or mark text (design-only marks) are
//! reported to the sink as skipped with their line and reading goes on; a badly written
//! date is read as unknown (0) rather than losing the mark. Class-level status lives in
//! `classification.csv`, which this reader does not join: every listed class is kept.
//! This module must not decide what goes into a snapshot; it only reads.

use super::uspto_codes::{
    disclaimed_words, drawing_from_code, parse_date, parse_nice_class, parse_registration,
    parse_serial, statement_kind, status_from_code, StatementKind,
};
use crate::register::{Drawing, Record, RecordSink, Register, SkipReason, Skipped};
use std::collections::HashMap;
use std::fs::File;
use std::io::{BufReader, Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};

/// Why a case-file directory could not be read.
#[derive(Debug, thiserror::Error)]
pub enum UsptoCsvError {
    /// A file of the dataset is missing or cannot be opened.
    #[error("cannot open {path}: {source} (a USPTO case-file directory holds case_file.csv, intl_class.csv and owner.csv)")]
    Open {
        /// The file.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// A zipped table cannot be unzipped.
    #[error("cannot unzip {path}: {detail}")]
    Zip {
        /// The archive.
        path: PathBuf,
        /// What went wrong.
        detail: String,
    },
    /// A file lacks a column the reader needs.
    #[error("{path} has no `{column}` column; is it a USPTO case-file dataset table?")]
    MissingColumn {
        /// The file.
        path: PathBuf,
        /// The column name.
        column: &'static str,
    },
    /// Reading a file failed part-way (disk or I/O error).
    #[error("cannot read {path}: {source}")]
    Read {
        /// The file.
        path: PathBuf,
        /// What the CSV reader said.
        source: csv::Error,
    },
}

/// Reads the case-file dataset in `dir` and delivers one record per case to `sink`.
pub fn read(dir: &Path, sink: &mut dyn RecordSink) -> Result<(), UsptoCsvError> {
    let case_path = table_path(dir, "case_file.csv");
    let class_path = table_path(dir, "intl_class.csv");
    let owner_path = table_path(dir, "owner.csv");

    let statement_path = table_path(dir, "statement.csv");
    let has_statements = statement_path.is_file();
    let sorted = is_sorted(&case_path)?
        && is_sorted(&class_path)?
        && is_sorted(&owner_path)?
        && (!has_statements || is_sorted(&statement_path)?);
    let mut classes = SideTable::open(&class_path, &["intl_class_cd"], sorted, add_class, sink)?;
    let mut owners = SideTable::open(
        &owner_path,
        &["own_name", "own_type_cd", "own_seq"],
        sorted,
        offer_owner,
        sink,
    )?;
    let mut statements = match has_statements {
        true => Some(SideTable::open(
            &statement_path,
            &["statement_type_cd", "statement_text"],
            sorted,
            add_statement,
            sink,
        )?),
        false => None,
    };

    let mut cases = Table::open(
        &case_path,
        &[
            "serial_no",
            "mark_id_char",
            "cfh_status_cd",
            "registration_no",
            "mark_draw_cd",
            "filing_dt",
            "registration_dt",
        ],
        &["serial_no", "mark_id_char", "cfh_status_cd"],
    )?;
    let total = cases.size;
    let case_file = case_path.display().to_string();
    let mut row = csv::ByteRecord::new();
    let mut count = 0u64;
    while let Some(line) = cases.next_row(&mut row, sink)? {
        count += 1;
        if count % 4096 == 0 {
            sink.progress(cases.reader.position().byte(), total);
        }
        let get = |i: usize| cases.field(&row, i);
        let skip = |reason, detail: String| Skipped {
            file: case_file.clone(),
            location: format!("line {line}"),
            reason,
            detail,
        };
        let serial_text = get(0);
        let Some(serial) = parse_serial(&serial_text) else {
            let (reason, detail) = if serial_text.trim().is_empty() {
                (SkipReason::MissingField, "no serial_no".to_string())
            } else {
                (
                    SkipReason::InvalidValue,
                    format!("serial_no `{serial_text}` is not a serial number"),
                )
            };
            sink.skipped(skip(reason, detail));
            continue;
        };
        // Side rows are taken even when the case is skipped, so they are not reported
        // as orphans.
        let class_set = classes.take(serial, sink)?.unwrap_or_default();
        let owner = owners.take(serial, sink)?;
        let texts = match &mut statements {
            Some(table) => table.take(serial, sink)?.unwrap_or_default(),
            None => Statements::default(),
        };

        let status_text = get(2);
        let status = match status_text.trim().parse::<u16>().ok() {
            Some(code) => status_from_code(code),
            None => None,
        };
        let Some(status) = status else {
            let (reason, detail) = if status_text.trim().is_empty() {
                (
                    SkipReason::MissingField,
                    format!("serial {serial}: no cfh_status_cd"),
                )
            } else {
                (
                    SkipReason::InvalidValue,
                    format!("serial {serial}: status code `{status_text}` is not in USPTO Table 1"),
                )
            };
            sink.skipped(skip(reason, detail));
            continue;
        };
        let drawing_code = get(4);
        let drawing = drawing_from_code(&drawing_code);
        let mark = get(1).trim().to_string();
        if mark.is_empty() || drawing == Drawing::DesignOnly {
            let detail = if mark.is_empty() {
                format!("serial {serial}: no mark text")
            } else {
                format!("serial {serial}: design-only mark (drawing code {drawing_code}) has no words to match")
            };
            sink.skipped(skip(SkipReason::NoMarkText, detail));
            continue;
        }
        let mut record = Record::new(
            Register::US,
            mark,
            owner.map(|o| o.name).unwrap_or_default(),
        );
        record.number = format!("{serial:08}");
        record.registration = parse_registration(&get(3));
        record.status = status;
        record.drawing = drawing;
        record.filed = parse_date(&get(5)).unwrap_or(0);
        record.registered = parse_date(&get(6)).unwrap_or(0);
        record.classes = class_list(class_set);
        record.disclaimers = texts.disclaimers;
        record.pseudo_marks = texts.pseudo_marks;
        record.translations = texts.translations;
        sink.record(record);
    }
    sink.progress(total, total);
    classes.finish(sink)?;
    owners.finish(sink)?;
    if let Some(table) = statements {
        table.finish(sink)?;
    }
    Ok(())
}

/// The Nice classes of one case as a bit set (bit n = class n).
type ClassSet = u64;

fn class_list(set: ClassSet) -> Vec<u8> {
    (1..=45u8).filter(|c| set & (1u64 << c) != 0).collect()
}

fn add_class(set: &mut Option<ClassSet>, fields: &[String]) {
    let bits = set.get_or_insert(0);
    if let Some(class) = parse_nice_class(&fields[0]) {
        *bits |= 1u64 << class;
    }
}

/// The statements of one case that a record keeps.
#[derive(Debug, Default)]
struct Statements {
    disclaimers: Vec<String>,
    pseudo_marks: Vec<String>,
    translations: Vec<String>,
}

fn add_statement(current: &mut Option<Statements>, fields: &[String]) {
    let text = fields[1].trim();
    let Some(kind) = statement_kind(&fields[0]).filter(|_| !text.is_empty()) else {
        return;
    };
    let statements = current.get_or_insert_with(Statements::default);
    match kind {
        StatementKind::Disclaimer => statements.disclaimers.push(disclaimed_words(text)),
        StatementKind::PseudoMark => statements.pseudo_marks.push(text.to_string()),
        StatementKind::Translation => statements.translations.push(text.to_string()),
    }
}

/// The owner picked for a case so far.
#[derive(Debug)]
struct Owner {
    party_type: u8,
    entry: u16,
    name: String,
}

fn loose_int(text: &str) -> Option<u16> {
    let t = text.trim();
    t.strip_suffix(".0").unwrap_or(t).parse().ok()
}

fn offer_owner(current: &mut Option<Owner>, fields: &[String]) {
    let name = fields[0].trim();
    if name.is_empty() {
        return;
    }
    // Party type 70 is a legacy correspondent, not an owner; an unreadable type is taken
    // as the original applicant (10), the earliest.
    let party_type = loose_int(&fields[1]).unwrap_or(10);
    if party_type >= 70 {
        return;
    }
    let party_type = party_type as u8;
    let entry = loose_int(&fields[2]).unwrap_or(u16::MAX);
    let better = match current {
        None => true,
        Some(o) => party_type > o.party_type || (party_type == o.party_type && entry < o.entry),
    };
    if better {
        *current = Some(Owner {
            party_type,
            entry,
            name: name.to_string(),
        });
    }
}

/// A CSV table with its wanted columns located by header name.
struct Table {
    path: PathBuf,
    reader: csv::Reader<BufReader<Box<dyn Read>>>,
    columns: Vec<Option<usize>>,
    /// The size of the (uncompressed) table in bytes, for progress.
    size: u64,
}

impl Table {
    /// Opens `path`, locating `wanted` columns; the `required` ones must exist.
    fn open(
        path: &Path,
        wanted: &[&'static str],
        required: &[&'static str],
    ) -> Result<Self, UsptoCsvError> {
        let (input, size) = open_input(path)?;
        let mut reader = csv::ReaderBuilder::new()
            .flexible(false)
            .from_reader(BufReader::with_capacity(1 << 16, input));
        let headers = reader
            .byte_headers()
            .map_err(|source| UsptoCsvError::Read {
                path: path.to_path_buf(),
                source,
            })?
            .clone();
        let find = |name: &str| {
            headers
                .iter()
                .position(|h| h.trim_ascii() == name.as_bytes())
        };
        for column in required {
            if find(column).is_none() {
                return Err(UsptoCsvError::MissingColumn {
                    path: path.to_path_buf(),
                    column,
                });
            }
        }
        let columns = wanted.iter().map(|c| find(c)).collect();
        Ok(Table {
            path: path.to_path_buf(),
            reader,
            columns,
            size,
        })
    }

    /// Reads the next well-formed row into `row` and returns its line number; malformed
    /// rows are reported to `sink` and passed over.
    fn next_row(
        &mut self,
        row: &mut csv::ByteRecord,
        sink: &mut dyn RecordSink,
    ) -> Result<Option<u64>, UsptoCsvError> {
        loop {
            match self.reader.read_byte_record(row) {
                Ok(false) => return Ok(None),
                Ok(true) => return Ok(Some(row.position().map_or(0, |p| p.line()))),
                Err(e) if e.is_io_error() => {
                    return Err(UsptoCsvError::Read {
                        path: self.path.clone(),
                        source: e,
                    })
                }
                Err(e) => {
                    let line = e.position().map_or(0, |p| p.line());
                    sink.skipped(Skipped {
                        file: self.path.display().to_string(),
                        location: format!("line {line}"),
                        reason: SkipReason::Malformed,
                        detail: e.to_string(),
                    });
                }
            }
        }
    }

    /// The text of wanted column `i` in `row` (empty when the column or field is absent).
    /// Bytes that are not UTF-8 are read as Latin-1 rather than dropped.
    fn field(&self, row: &csv::ByteRecord, i: usize) -> String {
        let bytes = self.columns[i].and_then(|c| row.get(c)).unwrap_or(b"");
        match std::str::from_utf8(bytes) {
            Ok(s) => s.to_string(),
            Err(_) => bytes.iter().map(|&b| b as char).collect(),
        }
    }
}

/// Whether `path`'s serial numbers never decrease (rows without a readable serial are
/// ignored here; the main pass reports them).
fn is_sorted(path: &Path) -> Result<bool, UsptoCsvError> {
    let mut table = Table::open(path, &["serial_no"], &["serial_no"])?;
    let Some(col) = table.columns[0] else {
        return Ok(false);
    };
    let mut row = csv::ByteRecord::new();
    let mut last = 0u32;
    loop {
        match table.reader.read_byte_record(&mut row) {
            Ok(false) => return Ok(true),
            Ok(true) => {}
            Err(e) if e.is_io_error() => {
                return Err(UsptoCsvError::Read {
                    path: path.to_path_buf(),
                    source: e,
                })
            }
            Err(_) => continue,
        }
        let serial = row
            .get(col)
            .and_then(|b| std::str::from_utf8(b).ok())
            .and_then(parse_serial);
        if let Some(serial) = serial {
            if serial < last {
                return Ok(false);
            }
            last = serial;
        }
    }
}

/// `intl_class.csv` or `owner.csv`, aggregated per serial number, either as a cursor
/// over a sorted file or as a map of the whole file.
struct SideTable<T> {
    table: Table,
    fold: fn(&mut Option<T>, &[String]),
    mode: SideMode<T>,
}

enum SideMode<T> {
    /// Sorted file: the next row not yet joined (line, serial, fields).
    Sorted(Option<(u64, u32, Vec<String>)>),
    /// Unsorted file: every serial's folded value, with the line it was first seen on.
    Map(HashMap<u32, (u64, T)>),
}

impl<T> SideTable<T> {
    fn open(
        path: &Path,
        columns: &[&'static str],
        sorted: bool,
        fold: fn(&mut Option<T>, &[String]),
        sink: &mut dyn RecordSink,
    ) -> Result<Self, UsptoCsvError> {
        let mut wanted = vec!["serial_no"];
        wanted.extend_from_slice(columns);
        let table = Table::open(path, &wanted, &wanted)?;
        let mut side = SideTable {
            table,
            fold,
            mode: SideMode::Sorted(None),
        };
        if !sorted {
            let mut map: HashMap<u32, (u64, T)> = HashMap::new();
            while let Some((line, serial, fields)) = side.next(sink)? {
                let entry = map.remove(&serial);
                let (first_line, mut value) = match entry {
                    Some((l, v)) => (l, Some(v)),
                    None => (line, None),
                };
                (side.fold)(&mut value, &fields);
                if let Some(value) = value {
                    map.insert(serial, (first_line, value));
                }
            }
            side.mode = SideMode::Map(map);
        }
        Ok(side)
    }

    /// The next row with a readable serial number. Rows without one cannot be joined to
    /// anything: they are reported.
    fn next(
        &mut self,
        sink: &mut dyn RecordSink,
    ) -> Result<Option<(u64, u32, Vec<String>)>, UsptoCsvError> {
        let mut row = csv::ByteRecord::new();
        while let Some(line) = self.table.next_row(&mut row, sink)? {
            let serial_text = self.table.field(&row, 0);
            match parse_serial(&serial_text) {
                Some(serial) => {
                    let fields = (1..self.table.columns.len())
                        .map(|i| self.table.field(&row, i))
                        .collect();
                    return Ok(Some((line, serial, fields)));
                }
                None => sink.skipped(Skipped {
                    file: self.table.path.display().to_string(),
                    location: format!("line {line}"),
                    reason: SkipReason::InvalidValue,
                    detail: format!("serial_no `{serial_text}` is not a serial number"),
                }),
            }
        }
        Ok(None)
    }

    /// The folded value for `serial` (called with non-decreasing serials when sorted).
    fn take(&mut self, serial: u32, sink: &mut dyn RecordSink) -> Result<Option<T>, UsptoCsvError> {
        let mut pending = match &mut self.mode {
            SideMode::Map(map) => return Ok(map.remove(&serial).map(|(_, v)| v)),
            SideMode::Sorted(pending) => pending.take(),
        };
        let mut value = None;
        loop {
            let row = match pending.take() {
                Some(row) => Some(row),
                None => self.next(sink)?,
            };
            let Some((line, s, fields)) = row else { break };
            if s < serial {
                self.orphan(line, s, sink);
            } else if s > serial {
                self.mode = SideMode::Sorted(Some((line, s, fields)));
                break;
            } else {
                (self.fold)(&mut value, &fields);
            }
        }
        Ok(value)
    }

    fn orphan(&self, line: u64, serial: u32, sink: &mut dyn RecordSink) {
        sink.skipped(Skipped {
            file: self.table.path.display().to_string(),
            location: format!("line {line}"),
            reason: SkipReason::MissingField,
            detail: format!("serial {serial} has no row in case_file.csv"),
        });
    }

    /// Reports the rows that matched no case.
    fn finish(mut self, sink: &mut dyn RecordSink) -> Result<(), UsptoCsvError> {
        match std::mem::replace(&mut self.mode, SideMode::Sorted(None)) {
            SideMode::Map(map) => {
                let mut left: Vec<(u64, u32)> = map.into_iter().map(|(s, (l, _))| (l, s)).collect();
                left.sort_unstable();
                for (line, serial) in left {
                    self.orphan(line, serial, sink);
                }
            }
            SideMode::Sorted(mut next) => {
                while let Some((line, serial, _)) = next {
                    self.orphan(line, serial, sink);
                    next = self.next(sink)?;
                }
            }
        }
        Ok(())
    }
}

/// Where table `name` of `dir` is: `name` itself or, as the USPTO publishes the tables,
/// `name.zip`; `name` when neither exists (its open error names the missing file).
fn table_path(dir: &Path, name: &str) -> PathBuf {
    let plain = dir.join(name);
    let zipped = dir.join(format!("{name}.zip"));
    if !plain.exists() && zipped.is_file() {
        zipped
    } else {
        plain
    }
}

/// The bytes of the table at `path` and their size: the file itself, or the first `.csv`
/// entry of a `.zip` archive, streamed (stored or deflated) without unpacking it to disk.
fn open_input(path: &Path) -> Result<(Box<dyn Read>, u64), UsptoCsvError> {
    let open_err = |source| UsptoCsvError::Open {
        path: path.to_path_buf(),
        source,
    };
    let file = File::open(path).map_err(open_err)?;
    let is_zip = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("zip"));
    if !is_zip {
        let size = file.metadata().map(|m| m.len()).unwrap_or(0);
        return Ok((Box::new(file), size));
    }
    let zip_err = |detail: String| UsptoCsvError::Zip {
        path: path.to_path_buf(),
        detail,
    };
    let mut archive = zip::ZipArchive::new(file).map_err(|e| zip_err(e.to_string()))?;
    let mut found = None;
    for i in 0..archive.len() {
        let entry = archive
            .by_index_raw(i)
            .map_err(|e| zip_err(e.to_string()))?;
        if entry.is_file() && entry.name().to_ascii_lowercase().ends_with(".csv") {
            found = Some((
                entry.data_start(),
                entry.compressed_size(),
                entry.size(),
                entry.compression(),
                entry.crc32(),
            ));
            break;
        }
    }
    let Some((start, compressed, size, method, crc)) = found else {
        return Err(zip_err("the archive holds no .csv file".into()));
    };
    // The entry is read straight from the file so the reader owns its input.
    let mut file = archive.into_inner();
    file.seek(SeekFrom::Start(start)).map_err(open_err)?;
    let raw = file.take(compressed);
    let input: Box<dyn Read> = match method {
        zip::CompressionMethod::Stored => Box::new(raw),
        zip::CompressionMethod::Deflated => {
            Box::new(flate2::read::DeflateDecoder::new(BufReader::new(raw)))
        }
        other => {
            return Err(zip_err(format!(
                "compression {other} is not supported; unzip the table first"
            )))
        }
    };
    Ok((
        Box::new(Checked {
            inner: input,
            hasher: crc32fast::Hasher::new(),
            expected: crc,
            size,
            read: 0,
        }),
        size,
    ))
}

/// A zipped table's bytes, checked against the archive's CRC-32 and size as they are
/// read: damaged compressed data inflates to other bytes as often as to an error, and
/// must not become rows. A mismatch is an I/O error at the end of the table.
struct Checked<R> {
    inner: R,
    hasher: crc32fast::Hasher,
    expected: u32,
    size: u64,
    read: u64,
}

impl<R: Read> Read for Checked<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.hasher.update(&buf[..n]);
        self.read += n as u64;
        let whole = n == 0 || self.read > self.size;
        if whole && (self.read != self.size || self.hasher.clone().finalize() != self.expected) {
            return Err(std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                "the zipped table is damaged: its bytes do not match the archive's checksum",
            ));
        }
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether a `serial_no` column of these serials reads as sorted.
    fn sorted(name: &str, serials: &[&str]) -> bool {
        let path = std::env::temp_dir().join(format!(
            "clearmark-uspto-sorted-{name}-{}.csv",
            std::process::id()
        ));
        let mut text = String::from("serial_no,mark_id_char\n");
        for s in serials {
            text.push_str(&format!("{s},M\n"));
        }
        std::fs::write(&path, text).unwrap();
        let result = is_sorted(&path);
        std::fs::remove_file(&path).unwrap();
        result.expect("readable table")
    }

    #[test]
    fn serials_that_never_decrease_are_sorted() {
        assert!(sorted("empty", &[]));
        assert!(sorted("up", &["70000001", "70000002", "70000009"]));
        assert!(sorted(
            "equal",
            &["70000001", "70000002", "70000002", "70000003"]
        ));
        // Rows without a readable serial say nothing either way.
        assert!(sorted("unreadable", &["70000002", "x", "70000003"]));
        assert!(!sorted("down", &["70000001", "70000003", "70000002"]));
        assert!(!sorted("first-down", &["70000002", "70000001"]));
    }
}
