//! Etsy's listings CSV export (Shop Manager → Settings → Options → Download Data), and
//! files in its layout.
//!
//! Its columns: `TITLE`, `DESCRIPTION` (plain text: Etsy shows no HTML), `PRICE`,
//! `CURRENCY_CODE`, `QUANTITY`, `TAGS` and `MATERIALS` (comma-separated), `IMAGE1`…
//! `IMAGE10`, `VARIATION 1 TYPE`…, `SKU`. The export has no listing number, so the id is
//! `LISTING_ID` when a file has one (bulk-edit tools add it), else the `SKU`: a listing
//! without a SKU cannot be told apart from the others and is skipped. The keywords are
//! the tags, then the materials, joined by `, `.

use super::table::{self, Cells, Columns};
use super::{table_rows, CatalogueError, Format, Rows};
use crate::listing::Listing;
use csv::ByteRecord;

/// How the id columns are named in messages.
const ID_COLUMNS: &str = "LISTING_ID or SKU";

/// The index of the header among the first records: `TITLE` and `DESCRIPTION` with one
/// of Etsy's own columns.
pub(crate) fn header_row(head: &[ByteRecord]) -> Option<usize> {
    head.iter().position(|r| {
        let keys = table::keys(r);
        let has = |k: &str| keys.iter().any(|key| key == k);
        has("title")
            && has("description")
            && (has("tags") || has("materials") || has("currency_code"))
    })
}

/// Where each listing field is in the header.
struct Layout {
    listing_id: Option<usize>,
    sku: Option<usize>,
    title: Option<usize>,
    description: Option<usize>,
    tags: Option<usize>,
    materials: Option<usize>,
}

impl Layout {
    fn new(header: &ByteRecord) -> Layout {
        let c = Columns::new(header);
        Layout {
            listing_id: c.find(&["listing_id"]),
            sku: c.find(&["sku"]),
            title: c.find(&["title"]),
            description: c.find(&["description"]),
            tags: c.find(&["tags"]),
            materials: c.find(&["materials"]),
        }
    }

    fn listing(&self, cells: &Cells) -> Listing {
        Listing {
            id: cells
                .text(self.listing_id)
                .or_else(|| cells.text(self.sku))
                .unwrap_or_default(),
            marketplace: None,
            category: None,
            brand: None,
            title: cells.text(self.title),
            bullets: Vec::new(),
            description: cells.text(self.description),
            keywords: cells.joined(&[self.tags, self.materials], ", "),
        }
    }
}

/// Reads an Etsy listings CSV (see the module docs).
pub(crate) fn read(bytes: &[u8]) -> Result<Rows, CatalogueError> {
    let records = table::records(bytes, b',').map_err(|source| CatalogueError::Csv {
        format: Format::Etsy,
        source,
    })?;
    let head: Vec<ByteRecord> = records.iter().take(10).map(|(_, r)| r.clone()).collect();
    let header = header_row(&head).ok_or(CatalogueError::UnknownFormat)?;
    let layout = Layout::new(&records[header].1);
    if layout.listing_id.is_none() && layout.sku.is_none() {
        return Err(CatalogueError::NoIdColumn {
            format: Format::Etsy,
            columns: ID_COLUMNS,
        });
    }
    Ok(table_rows(
        &records[header + 1..],
        |_| false,
        |cells| layout.listing(cells),
        ID_COLUMNS,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::RowError;

    const HEADER: &str =
        "TITLE,DESCRIPTION,PRICE,CURRENCY_CODE,QUANTITY,TAGS,MATERIALS,IMAGE1,SKU\n";

    #[test]
    fn tags_then_materials_are_the_keywords() {
        let csv = format!(
            "{HEADER}Ring,A ring.,6.15,GBP,3,\"ring,gift\",\"Copper,Stone\",https://i/1.jpg,R-1\n"
        );
        let (rows, _) = read(csv.as_bytes()).unwrap();
        let l = &rows[0].listing;
        assert_eq!(l.id, "R-1");
        assert_eq!(l.title.as_deref(), Some("Ring"));
        assert_eq!(l.description.as_deref(), Some("A ring."));
        assert_eq!(l.keywords.as_deref(), Some("ring,gift, Copper,Stone"));
    }

    #[test]
    fn the_description_keeps_its_line_breaks_and_markup_as_written() {
        let csv = format!("{HEADER}Ring,\"Line one\n<b>two</b>\",1,USD,1,,,,R-2\n");
        let (rows, _) = read(csv.as_bytes()).unwrap();
        assert_eq!(
            rows[0].listing.description.as_deref(),
            Some("Line one\n<b>two</b>")
        );
    }

    #[test]
    fn a_listing_without_a_sku_is_skipped() {
        let csv = format!("{HEADER}Ring,A ring.,1,USD,1,,,,\n");
        let (rows, skipped) = read(csv.as_bytes()).unwrap();
        assert!(rows.is_empty());
        assert_eq!(skipped[0].reason, RowError::NoId { column: ID_COLUMNS });
    }
}
