//! Sellers' catalogue exports read as listings: the files marketplaces let a seller
//! download of every live listing, each recognised by its header.
//!
//! | format | recognised by | id | title | bullets | description | keywords | brand | category |
//! |---|---|---|---|---|---|---|---|---|
//! | [`amazon`] flat file / category listings report (tab-separated) | `TemplateType=` first row, or an `item_sku`/`seller-sku` column | `item_sku` | `item_name` | `bullet_point1`…`5` | `product_description` | `generic_keywords` | `brand_name` | `item_type`, `feed_product_type` |
//! | [`shopify`] products CSV | `Handle` and `Title` columns | `Handle` | `Title` | — | `Body (HTML)`, as shown ([`html`]) | `Tags` | `Vendor` | `Product Category`, else `Type` |
//! | [`ebay`] File Exchange / Seller Hub CSV | an `Action(…)` column, or `Item number`/`ItemID` with a custom label | `ItemID`, else `CustomLabel` | `Title` | — | `Description`, as shown | — | `C:Brand` | `eBay category 1 name` |
//! | [`etsy`] listings CSV export | `TITLE`, `DESCRIPTION` and `TAGS`/`MATERIALS`/`CURRENCY_CODE` | `LISTING_ID`, else `SKU` | `TITLE` | — | `DESCRIPTION` | `TAGS`, `MATERIALS` | — | — |
//! | [`jsonl`] listing JSON lines | a `{` first | the [`Listing`] contract | | | | | | |
//!
//! Each listing comes with its row: the spreadsheet row (the header rows count; a cell
//! with line breaks is one row) or, for JSON lines, the line. A row without an id, not
//! valid UTF-8, or over the caps of [`crate::listing::limits`] is skipped and named with
//! its row and reason ([`SkippedRow`]); the rest is read. A UTF-8 byte-order mark is
//! ignored.
//!
//! This module turns bytes into listings; it must not check them, write files or know of
//! terminals and threads: the CLI's `audit` and the extension's import share it.

pub mod amazon;
pub mod ebay;
pub mod etsy;
pub mod html;
pub mod jsonl;
pub mod shopify;
mod table;

use crate::listing::{LimitError, Listing};
use serde::Serialize;
use std::fmt;

/// The export formats [`read`] recognises.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    /// Amazon flat-file template or category listings / inventory report (tab-separated).
    Amazon,
    /// Shopify products CSV.
    Shopify,
    /// eBay File Exchange template or Seller Hub listings report (CSV).
    Ebay,
    /// Etsy listings CSV export.
    Etsy,
    /// Listing JSON lines, the `clearmark check` input.
    Jsonl,
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Format::Amazon => "Amazon flat file",
            Format::Shopify => "Shopify products CSV",
            Format::Ebay => "eBay listings CSV",
            Format::Etsy => "Etsy listings CSV",
            Format::Jsonl => "listing JSON lines",
        })
    }
}

/// One listing of a catalogue and where it stands in its file.
#[derive(Debug, Clone, PartialEq)]
pub struct CatalogueRow {
    /// 1-based spreadsheet row (CSV, TSV) or line (JSON lines) of the listing; for a
    /// Shopify product, its first row.
    pub row: usize,
    /// The listing as the marketplace shows it.
    pub listing: Listing,
}

/// A row that was not read, and why.
#[derive(Debug, PartialEq)]
pub struct SkippedRow {
    /// 1-based row or line.
    pub row: usize,
    /// What is wrong with it.
    pub reason: RowError,
}

/// Why a row of a catalogue is skipped.
#[derive(Debug, PartialEq, thiserror::Error)]
pub enum RowError {
    /// The id cell is empty.
    #[error("no id (nothing in {column})")]
    NoId {
        /// The column, or columns, an id is read from.
        column: &'static str,
    },
    /// The row's bytes are not UTF-8.
    #[error("not valid UTF-8 (from byte {valid_up_to} of the row); save the file as UTF-8")]
    Encoding {
        /// How many bytes of the row are valid.
        valid_up_to: usize,
    },
    /// A JSON line that is not a listing.
    #[error("not a listing: {0}")]
    NotAListing(String),
    /// A field is past the caps every listing is checked within.
    #[error(transparent)]
    Limits(#[from] LimitError),
}

/// Why a file cannot be read as a catalogue at all.
#[derive(Debug, thiserror::Error)]
pub enum CatalogueError {
    /// Nothing but whitespace.
    #[error("the file is empty")]
    Empty,
    /// No header of a known export.
    #[error("not a catalogue export Clearmark reads: expected an Amazon flat file (tab-separated, item_sku column), a Shopify products CSV (Handle, Title), an eBay File Exchange or listings CSV (Action, ItemID or Item number, CustomLabel), an Etsy listings CSV (TITLE, DESCRIPTION, TAGS) or listing JSON lines")]
    UnknownFormat,
    /// The header lacks the column ids are read from.
    #[error("{format} without an id column ({columns})")]
    NoIdColumn {
        /// The format recognised.
        format: Format,
        /// The columns looked for.
        columns: &'static str,
    },
    /// The CSV or TSV structure cannot be read.
    #[error("{format}: {source}")]
    Csv {
        /// The format recognised.
        format: Format,
        /// What the CSV reader met.
        source: csv::Error,
    },
}

/// A catalogue file read: its format, its listings in file order, and the rows skipped.
#[derive(Debug)]
pub struct Catalogue {
    /// The export format recognised.
    pub format: Format,
    /// The listings, in file order.
    pub rows: Vec<CatalogueRow>,
    /// The rows that were not read, in file order.
    pub skipped: Vec<SkippedRow>,
}

/// The format of a catalogue file, from its header.
pub fn detect(bytes: &[u8]) -> Result<Format, CatalogueError> {
    let bytes = without_bom(bytes);
    let first = bytes.iter().find(|b| !b.is_ascii_whitespace());
    match first {
        None => return Err(CatalogueError::Empty),
        Some(b'{') => return Ok(Format::Jsonl),
        Some(_) => {}
    }
    if amazon::recognises(bytes) {
        return Ok(Format::Amazon);
    }
    let head = table::head(bytes, b',');
    if shopify::header_row(&head).is_some() {
        Ok(Format::Shopify)
    } else if ebay::header_row(&head).is_some() {
        Ok(Format::Ebay)
    } else if etsy::header_row(&head).is_some() {
        Ok(Format::Etsy)
    } else {
        Err(CatalogueError::UnknownFormat)
    }
}

/// Reads a catalogue file of any [`Format`], recognised by its header.
pub fn read(bytes: &[u8]) -> Result<Catalogue, CatalogueError> {
    let format = detect(bytes)?;
    let bytes = without_bom(bytes);
    let (rows, skipped) = match format {
        Format::Amazon => amazon::read(bytes)?,
        Format::Shopify => shopify::read(bytes)?,
        Format::Ebay => ebay::read(bytes)?,
        Format::Etsy => etsy::read(bytes)?,
        Format::Jsonl => jsonl::read(bytes),
    };
    Ok(Catalogue {
        format,
        rows,
        skipped,
    })
}

/// What each format's reader returns: listings and skipped rows, in file order.
type Rows = (Vec<CatalogueRow>, Vec<SkippedRow>);

fn without_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)
}

/// The listings of the data rows of a table (`records` after its header, each with its
/// row number): blank rows, and rows `passed_over` says are no listing, are left out;
/// every other row becomes `listing(row)`, filed by [`file_listing`], or a skipped row
/// with the reason its cells could not be read.
fn table_rows<'r>(
    records: &'r [(usize, csv::ByteRecord)],
    passed_over: impl Fn(&table::Cells<'r>) -> bool,
    listing: impl Fn(&table::Cells<'r>) -> Listing,
    id_column: &'static str,
) -> Rows {
    let (mut rows, mut skipped) = (Vec::new(), Vec::new());
    for (row, record) in records {
        match table::Cells::new(record) {
            Ok(cells) if cells.blank() || passed_over(&cells) => {}
            Ok(cells) => file_listing(*row, listing(&cells), id_column, &mut rows, &mut skipped),
            Err(reason) => skipped.push(SkippedRow { row: *row, reason }),
        }
    }
    (rows, skipped)
}

/// Files a listing of `row` under `rows`, or under `skipped` when it has no id or is past
/// the caps.
fn file_listing(
    row: usize,
    listing: Listing,
    id_column: &'static str,
    rows: &mut Vec<CatalogueRow>,
    skipped: &mut Vec<SkippedRow>,
) {
    let problem = if listing.id.trim().is_empty() {
        Some(RowError::NoId { column: id_column })
    } else {
        listing.check_limits().err().map(RowError::from)
    };
    match problem {
        Some(reason) => skipped.push(SkippedRow { row, reason }),
        None => rows.push(CatalogueRow { row, listing }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_byte_order_mark_does_not_hide_the_header() {
        let csv = "\u{feff}Handle,Title,Body (HTML)\nmug,Mug,<p>Big</p>\n";
        assert_eq!(detect(csv.as_bytes()).unwrap(), Format::Shopify);
    }

    #[test]
    fn json_lines_are_recognised_by_their_brace() {
        assert_eq!(detect(b"\n {\"id\":\"a\"}\n").unwrap(), Format::Jsonl);
    }

    #[test]
    fn an_unknown_header_is_refused_and_an_empty_file_too() {
        assert!(matches!(
            detect(b"name,price\nmug,3\n"),
            Err(CatalogueError::UnknownFormat)
        ));
        assert!(matches!(detect(b" \n"), Err(CatalogueError::Empty)));
    }
}
