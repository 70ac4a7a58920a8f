//! The seller's watch list as a CSV file: the brands a seller wants to be warned about
//! (competitors' marks, brands they received complaints for) that the register snapshot
//! may not hold.
//!
//! # Format
//!
//! UTF-8 CSV (a byte-order mark is allowed), comma-separated, with a header line naming
//! the columns; only the mark's column is required, the others may be left out or empty
//! and the order is free:
//!
//! | column | meaning | example |
//! |---|---|---|
//! | `name` (or `mark`, `brand`) | the mark, as written | `Acme Rocket` |
//! | `owner` | who owns it | `Acme Corp` |
//! | `classes` | Nice classes (1 to 45) it is protected for, `;`-separated; empty: any goods | `9;28` |
//! | `aliases` | other spellings, searched as the mark, `;`-separated | `ACME Rockets;Acme-Rocket` |
//! | `note` | anything for the seller; not read | `complaint from Acme, May 2026` |
//!
//! Other columns are ignored, cells are trimmed, lines starting with `#` are comments.
//! Each row becomes one [`Register::Watch`] record. A row that cannot be used (no mark, a
//! mark with no letter or digit, a class outside 1..=45, a line that is not UTF-8 text) is reported with
//! its line number ([`LineError`]) and the rest of the file is read; a file whose first
//! line names no mark column is refused as a whole ([`WatchListError`]).
//!
//! ```
//! use clearmark::register::watch_csv;
//!
//! let csv = "name,owner,classes\nZorblax,Zorb Inc.,9;28\nGlimmer,,99\n";
//! let list = watch_csv::parse(csv.as_bytes()).unwrap();
//! assert_eq!(list.records[0].mark, "Zorblax");
//! assert_eq!(list.records[0].classes, vec![9, 28]);
//! assert_eq!(list.errors[0].line, 3);
//! assert_eq!(
//!     list.errors[0].to_string(),
//!     "line 3: Glimmer: class \"99\" is not a Nice class (1 to 45)"
//! );
//! ```
//!
//! This module reads the format only; it must not index marks or judge findings (the
//! engine consults the records through [`super::watch_list::WatchList`]).

use super::{Record, Register};
use crate::text::mark_key;

/// The header names accepted for the mark's column, in lower case.
const NAME_COLUMNS: [&str; 3] = ["name", "mark", "brand"];

/// Why a watch-list file cannot be read at all.
#[derive(Debug, thiserror::Error)]
pub enum WatchListError {
    /// The first line names no mark column.
    #[error("the first line must be a header with a `name` column, like `name,owner,classes,aliases,note` (found `{found}`)")]
    NoHeader {
        /// The first line as read.
        found: String,
    },
    /// Not one row could be used (see [`WatchCsv::require_marks`]).
    #[error("no row has a mark Clearmark can use ({} line(s) skipped{})", skipped.len(), skipped.first().map(|e| format!("; {e}")).unwrap_or_default())]
    NoMarks {
        /// The rows skipped, in file order.
        skipped: Vec<LineError>,
    },
    /// The file could not be read (a disk or network error, not a bad line).
    #[error("the file could not be read: {detail}")]
    Read {
        /// What the system said.
        detail: String,
    },
}

/// Why one row of a watch list was skipped.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RowError {
    /// The mark's cell is empty.
    #[error("no mark in the `name` column")]
    NoName,
    /// The mark has nothing to look for (only symbols or spaces).
    #[error("{name}: a mark needs at least one letter or digit")]
    NoLetters {
        /// The cell as written.
        name: String,
    },
    /// A class that is not a Nice class.
    #[error("{name}: class \"{class}\" is not a Nice class (1 to 45)")]
    BadClass {
        /// The mark of the row.
        name: String,
        /// The class as written.
        class: String,
    },
    /// The line is not valid CSV or not UTF-8 text.
    #[error("the line cannot be read as CSV: {detail}")]
    Malformed {
        /// What the CSV reader said.
        detail: String,
    },
}

impl RowError {
    /// A stable code per kind of error, for translating the message outside Rust:
    /// `no_name`, `no_letters`, `bad_class`, `malformed`.
    pub fn code(&self) -> &'static str {
        match self {
            RowError::NoName => "no_name",
            RowError::NoLetters { .. } => "no_letters",
            RowError::BadClass { .. } => "bad_class",
            RowError::Malformed { .. } => "malformed",
        }
    }

    /// The mark of the row, when it has one.
    pub fn mark(&self) -> &str {
        match self {
            RowError::NoLetters { name } | RowError::BadClass { name, .. } => name,
            RowError::NoName | RowError::Malformed { .. } => "",
        }
    }

    /// Whether the row had no mark text at all (empty, or only symbols).
    pub fn is_missing_mark(&self) -> bool {
        matches!(self, RowError::NoName | RowError::NoLetters { .. })
    }
}

/// A skipped row and its line in the file (1-based, counting the header line).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {error}")]
pub struct LineError {
    /// The line the row starts on.
    pub line: u64,
    /// What is wrong with it.
    pub error: RowError,
}

/// A watch list as read: the records of the good rows, in file order, and the rows
/// skipped.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct WatchCsv {
    /// One [`Register::Watch`] record per good row.
    pub records: Vec<Record>,
    /// The rows skipped, in file order.
    pub errors: Vec<LineError>,
}

impl WatchCsv {
    /// The list, or [`WatchListError::NoMarks`] when not one row could be used: a file
    /// that yields nothing is the wrong file, and must not replace a list in use.
    pub fn require_marks(self) -> Result<WatchCsv, WatchListError> {
        if self.records.is_empty() {
            Err(WatchListError::NoMarks {
                skipped: self.errors,
            })
        } else {
            Ok(self)
        }
    }
}

/// Reads a whole watch list from its bytes (see the module docs for the format).
pub fn parse(input: &[u8]) -> Result<WatchCsv, WatchListError> {
    let mut list = WatchCsv::default();
    read(input, |row| match row {
        Ok(r) => list.records.push(r),
        Err(e) => list.errors.push(e),
    })?;
    Ok(list)
}

/// Reads a watch list row by row from its bytes, handing each good row's record or bad
/// row's error to `row` in file order. Fails only when the header is missing.
pub fn read(
    input: &[u8],
    mut row: impl FnMut(Result<Record, LineError>),
) -> Result<(), WatchListError> {
    // The CSV reader's own line and byte counts drift on byte-order marks, CRLF and
    // comment lines, so lines are counted here from where each record ends.
    let input = input.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(input);
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .trim(csv::Trim::All)
        .comment(Some(b'#'))
        .from_reader(input);
    let headers = reader
        .byte_headers()
        .map_err(|e| WatchListError::Read {
            detail: e.to_string(),
        })?
        .clone();
    let text = |cell: &[u8]| String::from_utf8_lossy(cell).into_owned();
    let column = |names: &[&str]| {
        headers
            .iter()
            .position(|h| names.iter().any(|n| text(h).eq_ignore_ascii_case(n)))
    };
    let Some(name_col) = column(&NAME_COLUMNS) else {
        let found: Vec<String> = headers.iter().map(text).collect();
        return Err(WatchListError::NoHeader {
            found: found.join(","),
        });
    };
    let columns = Columns {
        name: name_col,
        owner: column(&["owner"]),
        classes: column(&["classes", "class"]),
        aliases: column(&["aliases", "alias"]),
    };
    let mut lines = LineCounter::new(input);
    let mut end = reader.position().byte();
    let mut record = csv::ByteRecord::new();
    loop {
        let read = reader.read_byte_record(&mut record);
        let line = lines.record_line(end);
        end = reader.position().byte();
        match read {
            Ok(false) => break,
            Ok(true) => row(columns
                .record(&record)
                .map_err(|error| LineError { line, error })),
            // Reading bytes in memory, the reader has no I/O to fail: what it refuses
            // is the row.
            Err(e) => row(Err(LineError {
                line,
                error: RowError::Malformed {
                    detail: e.to_string(),
                },
            })),
        }
    }
    Ok(())
}

/// Line numbers of records from the byte where the previous record ended.
struct LineCounter<'a> {
    input: &'a [u8],
    /// A byte offset and the line it is on.
    at: (usize, u64),
}

impl<'a> LineCounter<'a> {
    fn new(input: &'a [u8]) -> Self {
        LineCounter { input, at: (0, 1) }
    }

    /// The line of the record that starts after `previous_end` (where the reader stood
    /// after the previous record: at most the `\n` of its terminator, whose empty rest
    /// of a line is skipped like a blank line), past blank lines and comment lines, as
    /// the reader skips them.
    fn record_line(&mut self, previous_end: u64) -> u64 {
        let input = self.input;
        let mut pos = usize::try_from(previous_end)
            .unwrap_or(usize::MAX)
            .min(input.len());
        loop {
            let rest = &input[pos..];
            let line_len = rest.iter().position(|&b| b == b'\n');
            let line = &rest[..line_len.unwrap_or(rest.len())];
            let skipped = line.is_empty() || line == b"\r" || line.first() == Some(&b'#');
            match line_len {
                Some(n) if skipped => pos += n + 1,
                _ => break,
            }
        }
        let (from, line) = self.at;
        let start = pos.max(from);
        let newlines = input[from..start].iter().filter(|&&b| b == b'\n').count();
        self.at = (start, line + newlines as u64);
        self.at.1
    }
}

/// Where each field is in a row.
struct Columns {
    name: usize,
    owner: Option<usize>,
    classes: Option<usize>,
    aliases: Option<usize>,
}

impl Columns {
    /// The record of one row, or why the row cannot be used.
    fn record(&self, row: &csv::ByteRecord) -> Result<Record, RowError> {
        let cell = |col: Option<usize>| -> Result<&str, RowError> {
            let bytes = col.and_then(|c| row.get(c)).unwrap_or_default();
            std::str::from_utf8(bytes).map_err(|e| RowError::Malformed {
                detail: format!("not UTF-8 text ({e}); save the file as CSV UTF-8"),
            })
        };
        let name = cell(Some(self.name))?;
        if name.is_empty() {
            return Err(RowError::NoName);
        }
        if mark_key(name).is_empty() {
            return Err(RowError::NoLetters { name: name.into() });
        }
        let mut classes = Vec::new();
        for class in split_list(cell(self.classes)?) {
            match class.parse::<u8>() {
                Ok(n) if (1..=45).contains(&n) => classes.push(n),
                _ => {
                    return Err(RowError::BadClass {
                        name: name.into(),
                        class: class.into(),
                    })
                }
            }
        }
        classes.sort_unstable();
        classes.dedup();
        let mut record = Record::new(Register::Watch, name, cell(self.owner)?);
        record.classes = classes;
        record.pseudo_marks = split_list(cell(self.aliases)?)
            .filter(|a| !mark_key(a).is_empty())
            .map(str::to_owned)
            .collect();
        Ok(record)
    }
}

/// The items of a `;`-separated cell, trimmed, empty ones dropped.
fn split_list(text: &str) -> impl Iterator<Item = &str> {
    text.split(';').map(str::trim).filter(|s| !s.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marks(list: &WatchCsv) -> Vec<&str> {
        list.records.iter().map(|r| r.mark.as_str()).collect()
    }

    #[test]
    fn rows_become_watch_records_with_classes_owner_and_aliases() {
        let csv = "name,owner,classes,aliases,note\n\
                   Acme Rocket,Acme Corp,28; 9;9,ACME Rockets; Acme-Rocket,competitor\n\
                   Lumo,,,,\n";
        let list = parse(csv.as_bytes()).unwrap();
        assert!(list.errors.is_empty(), "{:?}", list.errors);
        let acme = &list.records[0];
        assert_eq!(acme.register, Register::Watch);
        assert_eq!(acme.owner, "Acme Corp");
        assert_eq!(acme.classes, vec![9, 28]);
        assert_eq!(acme.pseudo_marks, vec!["ACME Rockets", "Acme-Rocket"]);
        assert!(!acme.famous);
        assert!(list.records[1].classes.is_empty());
    }

    #[test]
    fn a_bad_row_is_reported_with_its_line_and_the_rest_is_read() {
        let csv = "name,classes\n\
                   Zorblax,9\n\
                   ,25\n\
                   Glimmer,9;46\n\
                   # a comment\n\
                   ®™,\n\
                   \"Quoted, with comma\",\"9;28\"\n\
                   Lumo\n";
        let list = parse(csv.as_bytes()).unwrap();
        assert_eq!(marks(&list), ["Zorblax", "Quoted, with comma", "Lumo"]);
        let lines: Vec<u64> = list.errors.iter().map(|e| e.line).collect();
        assert_eq!(lines, [3, 4, 6]);
        assert_eq!(list.errors[0].error, RowError::NoName);
        assert_eq!(
            list.errors[1].error,
            RowError::BadClass {
                name: "Glimmer".into(),
                class: "46".into()
            }
        );
        assert!(list.errors[2].error.is_missing_mark());
        let codes: Vec<(&str, &str)> = list
            .errors
            .iter()
            .map(|e| (e.error.code(), e.error.mark()))
            .collect();
        assert_eq!(
            codes,
            [
                ("no_name", ""),
                ("bad_class", "Glimmer"),
                ("no_letters", "®™")
            ]
        );
    }

    #[test]
    fn header_names_are_case_blind_in_any_order_and_mark_or_brand_will_do() {
        let list = parse(b"Classes,Brand,Owner\n28,Zorblax,Zorb Inc.\n").unwrap();
        assert_eq!(list.records[0].mark, "Zorblax");
        assert_eq!(list.records[0].owner, "Zorb Inc.");
        assert_eq!(list.records[0].classes, vec![28]);
        let list = parse(b"MARK\nZorblax\n").unwrap();
        assert_eq!(marks(&list), ["Zorblax"]);
    }

    #[test]
    fn a_file_without_a_mark_column_is_refused() {
        let err = parse(b"Zorblax,Zorb Inc.,9\n").unwrap_err();
        assert!(matches!(err, WatchListError::NoHeader { .. }), "{err}");
        assert!(err.to_string().contains("Zorblax,Zorb Inc.,9"), "{err}");
        assert!(matches!(
            parse(b"").unwrap_err(),
            WatchListError::NoHeader { .. }
        ));
    }

    #[test]
    fn a_file_with_no_usable_row_is_refused_by_require_marks() {
        let err = parse(b"name,classes\nGlimmer,99\n,9\n")
            .unwrap()
            .require_marks()
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "no row has a mark Clearmark can use (2 line(s) skipped; line 2: Glimmer: class \"99\" is not a Nice class (1 to 45))"
        );
        assert!(matches!(
            parse(b"name\n").unwrap().require_marks(),
            Err(WatchListError::NoMarks { skipped }) if skipped.is_empty()
        ));
        assert_eq!(
            parse(b"name\nLumo\n")
                .unwrap()
                .require_marks()
                .unwrap()
                .records
                .len(),
            1
        );
    }

    #[test]
    fn byte_order_mark_crlf_and_bad_utf8_lines() {
        let mut csv = b"\xEF\xBB\xBFname,owner\r\nZorblax,Zorb\r\n".to_vec();
        csv.extend_from_slice(b"Gl\xFFmmer,X\r\nLumo,Y\r\n");
        let list = parse(&csv).unwrap();
        assert_eq!(marks(&list), ["Zorblax", "Lumo"]);
        assert_eq!(list.errors.len(), 1);
        assert_eq!(list.errors[0].line, 3);
        assert!(matches!(list.errors[0].error, RowError::Malformed { .. }));
    }

    #[test]
    fn a_line_spanning_quoted_newlines_keeps_the_numbering_right() {
        let csv = "name,note\n\"Zorblax\",\"two\nlines\"\n,empty\n";
        let list = parse(csv.as_bytes()).unwrap();
        assert_eq!(marks(&list), ["Zorblax"]);
        assert_eq!(list.errors[0].line, 4);
    }

    #[test]
    fn lines_count_right_across_crlf_blank_lines_comments_and_quoted_newlines() {
        let csv = "name,classes\r\n\r\n,\"1\r\nx\"\r\n# c\r\n\nb,99\r\n\r\n   \r\n,";
        let list = parse(csv.as_bytes()).unwrap();
        let lines: Vec<u64> = list.errors.iter().map(|e| e.line).collect();
        assert_eq!(lines, [3, 7, 9, 10], "{:?}", list.errors);
    }
}
