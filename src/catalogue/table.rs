//! What the CSV and TSV exports share: records as bytes with their spreadsheet row,
//! header names matched loosely, and a row's cells as UTF-8 text.
//!
//! Header names are compared by [`key`]: case, a leading `*` (eBay's "required"
//! mark), a parenthesised tail (`Action(SiteID=US|…)`, `Body (HTML)`) and the choice of
//! space, `-` or `_` between words do not count.

use super::RowError;
use csv::{ByteRecord, ReaderBuilder};
use std::collections::HashMap;

/// How many records detection looks at for a header (Amazon templates put two label
/// rows before theirs, eBay templates `Info` rows).
const HEAD_RECORDS: usize = 10;

/// Every record of `bytes` with its 1-based spreadsheet row.
pub(crate) fn records(bytes: &[u8], delimiter: u8) -> Result<Vec<(usize, ByteRecord)>, csv::Error> {
    reader(bytes, delimiter)
        .into_byte_records()
        .enumerate()
        .map(|(i, r)| r.map(|r| (i + 1, r)))
        .collect()
}

/// The first records of `bytes` (as many as can be read), for recognising a header.
pub(crate) fn head(bytes: &[u8], delimiter: u8) -> Vec<ByteRecord> {
    reader(bytes, delimiter)
        .into_byte_records()
        .take(HEAD_RECORDS)
        .map_while(Result::ok)
        .collect()
}

fn reader(bytes: &[u8], delimiter: u8) -> csv::Reader<&[u8]> {
    ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes)
}

/// A header name as compared (see the module docs).
pub(crate) fn key(name: &[u8]) -> String {
    let name = String::from_utf8_lossy(name);
    let name = name.trim().trim_start_matches('*');
    let name = name.split('(').next().unwrap_or("").trim();
    name.to_lowercase().replace([' ', '-'], "_")
}

/// The header keys of a record.
pub(crate) fn keys(record: &ByteRecord) -> Vec<String> {
    record.iter().map(key).collect()
}

/// The columns of a header row, by [`key`].
pub(crate) struct Columns {
    by_key: HashMap<String, usize>,
}

impl Columns {
    /// The columns of `header`; a name given twice means its first column.
    pub(crate) fn new(header: &ByteRecord) -> Columns {
        let mut by_key = HashMap::new();
        for (i, k) in keys(header).into_iter().enumerate() {
            by_key.entry(k).or_insert(i);
        }
        Columns { by_key }
    }

    /// The first of `names` (keys) the header has.
    pub(crate) fn find(&self, names: &[&str]) -> Option<usize> {
        names.iter().find_map(|n| self.by_key.get(*n).copied())
    }
}

/// A data row's cells as text, or why it cannot be read.
pub(crate) struct Cells<'a> {
    cells: Vec<&'a str>,
}

impl<'a> Cells<'a> {
    /// The cells of `record`, or [`RowError::Encoding`] when any is not UTF-8.
    pub(crate) fn new(record: &'a ByteRecord) -> Result<Cells<'a>, RowError> {
        std::str::from_utf8(record.as_slice()).map_err(|e| RowError::Encoding {
            valid_up_to: e.valid_up_to(),
        })?;
        // Each cell is a slice of the valid whole, so valid on its own.
        let cells = record
            .iter()
            .map(|c| std::str::from_utf8(c).unwrap_or_default())
            .collect();
        Ok(Cells { cells })
    }

    /// Every cell is empty (a blank spreadsheet row).
    pub(crate) fn blank(&self) -> bool {
        self.cells.iter().all(|c| c.trim().is_empty())
    }

    /// The cell of `column` as written (trimmed), `None` when missing or empty.
    pub(crate) fn get(&self, column: Option<usize>) -> Option<&'a str> {
        let cell = self.cells.get(column?)?.trim();
        (!cell.is_empty()).then_some(cell)
    }

    /// The cell of `column` as an owned string, `None` when missing or empty.
    pub(crate) fn text(&self, column: Option<usize>) -> Option<String> {
        self.get(column).map(str::to_owned)
    }

    /// The non-empty cells of `columns`, joined by `separator`; `None` when all are empty.
    pub(crate) fn joined(&self, columns: &[Option<usize>], separator: &str) -> Option<String> {
        let parts: Vec<&str> = columns.iter().filter_map(|&c| self.get(c)).collect();
        (!parts.is_empty()).then(|| parts.join(separator))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_keys_ignore_case_required_marks_and_parenthesised_tails() {
        assert_eq!(
            key(b"*Action(SiteID=US|Country=US|Currency=USD|Version=1193)"),
            "action"
        );
        assert_eq!(key(b"Body (HTML)"), "body");
        assert_eq!(key(b"Custom label (SKU)"), "custom_label");
        assert_eq!(key(b"seller-sku"), "seller_sku");
        assert_eq!(key(b" *C:Brand "), "c:brand");
    }

    #[test]
    fn rows_count_spreadsheet_rows_not_lines() {
        let rows = records(b"a,b\n\"x\ny\",1\nz,2\n", b',').unwrap();
        let numbers: Vec<usize> = rows.iter().map(|(n, _)| *n).collect();
        assert_eq!(numbers, vec![1, 2, 3]);
        assert_eq!(&rows[1].1[0], b"x\ny");
    }

    #[test]
    fn a_row_with_invalid_utf8_is_refused_with_where_it_breaks() {
        let record = ByteRecord::from(vec![&b"ok"[..], &b"caf\xE9"[..]]);
        assert!(matches!(
            Cells::new(&record),
            Err(RowError::Encoding { valid_up_to: 5 })
        ));
    }
}
