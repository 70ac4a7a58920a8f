//! eBay listing files: File Exchange / Seller Hub Reports upload templates and the
//! active listings download, CSV.
//!
//! A template may open with `Info,…` or `#INFO…` rows; its header's first column is the
//! action, `*Action(SiteID=US|Country=US|Currency=USD|Version=1193)` or, in Seller Hub
//! templates, `Action(SiteID=…)`; rows whose action is `Info` are instructions. Columns,
//! matched by `table::key` (a leading `*` and case do not count): the id is
//! `ItemID` / `Item number` (the active listings download) / `Item ID`, else the seller's
//! `CustomLabel` / `Custom label (SKU)`; `Title`; `Description` (HTML: read as the text it
//! shows, see [`super::html`]); `C:Brand` (the brand item specific); `eBay category 1
//! name` (the category, when the file names it; `Category` is a number).

use super::html::HtmlText;
use super::table::{self, Cells, Columns};
use super::{table_rows, CatalogueError, Format, Rows};
use crate::listing::Listing;
use csv::ByteRecord;

/// eBay's listing number columns.
const ITEM_ID: &[&str] = &["itemid", "item_number", "item_id"];

/// The seller's own label columns.
const CUSTOM_LABEL: &[&str] = &["customlabel", "custom_label"];

/// How the id columns are named in messages.
const ID_COLUMNS: &str = "ItemID or CustomLabel";

/// The index of the header among the first records: a row whose first cell is the action
/// column, or that has a listing number or custom label beside a title.
pub(crate) fn header_row(head: &[ByteRecord]) -> Option<usize> {
    head.iter().position(|r| {
        let keys = table::keys(r);
        let action = keys.first().is_some_and(|k| k == "action");
        let ids = keys
            .iter()
            .any(|k| ITEM_ID.contains(&k.as_str()) || CUSTOM_LABEL.contains(&k.as_str()));
        action || (ids && keys.iter().any(|k| k == "title"))
    })
}

/// Where each listing field is in the header.
struct Layout {
    action: Option<usize>,
    item_id: Option<usize>,
    custom_label: Option<usize>,
    title: Option<usize>,
    description: Option<usize>,
    brand: Option<usize>,
    category: Option<usize>,
}

impl Layout {
    fn new(header: &ByteRecord) -> Layout {
        let c = Columns::new(header);
        Layout {
            action: c.find(&["action"]),
            item_id: c.find(ITEM_ID),
            custom_label: c.find(CUSTOM_LABEL),
            title: c.find(&["title"]),
            description: c.find(&["description"]),
            brand: c.find(&["c:brand"]),
            category: c.find(&["ebay_category_1_name", "category_name"]),
        }
    }

    /// An instruction row of the template (`Info` in the action column).
    fn is_info(&self, cells: &Cells) -> bool {
        cells
            .get(self.action)
            .is_some_and(|a| a.eq_ignore_ascii_case("info") || a.starts_with('#'))
    }

    fn listing(&self, cells: &Cells) -> Listing {
        Listing {
            id: cells
                .text(self.item_id)
                .or_else(|| cells.text(self.custom_label))
                .unwrap_or_default(),
            marketplace: None,
            category: cells.text(self.category),
            brand: cells.text(self.brand),
            title: cells.text(self.title),
            bullets: Vec::new(),
            description: cells
                .get(self.description)
                .map(|html| HtmlText::from_html(html).text)
                .filter(|text| !text.is_empty()),
            keywords: None,
        }
    }
}

/// Reads an eBay listings CSV (see the module docs).
pub(crate) fn read(bytes: &[u8]) -> Result<Rows, CatalogueError> {
    let records = table::records(bytes, b',').map_err(|source| CatalogueError::Csv {
        format: Format::Ebay,
        source,
    })?;
    let head: Vec<ByteRecord> = records.iter().take(10).map(|(_, r)| r.clone()).collect();
    let header = header_row(&head).ok_or(CatalogueError::UnknownFormat)?;
    let layout = Layout::new(&records[header].1);
    if layout.item_id.is_none() && layout.custom_label.is_none() {
        return Err(CatalogueError::NoIdColumn {
            format: Format::Ebay,
            columns: ID_COLUMNS,
        });
    }
    Ok(table_rows(
        &records[header + 1..],
        |cells| layout.is_info(cells),
        |cells| layout.listing(cells),
        ID_COLUMNS,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn info_rows_before_and_after_the_header_are_not_listings() {
        let csv = "Info,Version=1.0.0,Template=fx_category_template_EBAY_US\n\
*Action(SiteID=US|Country=US|Currency=USD|Version=1193),CustomLabel,*Category,*Title,*Description,*C:Brand\n\
Info,>>> For categoryId: 261328\n\
Add,SKU-9,261328,Card sleeve,<p>Fits <b>Pokemon</b> cards</p>,Acme\n";
        let (rows, skipped) = read(csv.as_bytes()).unwrap();
        assert!(skipped.is_empty());
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].row, 4);
        let l = &rows[0].listing;
        assert_eq!(l.id, "SKU-9");
        assert_eq!(l.title.as_deref(), Some("Card sleeve"));
        assert_eq!(l.description.as_deref(), Some("Fits Pokemon cards"));
        assert_eq!(l.brand.as_deref(), Some("Acme"));
    }

    #[test]
    fn the_item_number_is_the_id_when_there_is_one() {
        let csv = "Item number,Title,Custom label (SKU),eBay category 1 name\n\
1234567890,Mug,M-1,Mugs\n,Plate,P-1,Plates\n";
        let (rows, _) = read(csv.as_bytes()).unwrap();
        assert_eq!(rows[0].listing.id, "1234567890");
        assert_eq!(rows[0].listing.category.as_deref(), Some("Mugs"));
        assert_eq!(rows[1].listing.id, "P-1");
    }

    #[test]
    fn a_header_without_an_id_column_is_refused() {
        let csv = "*Action(SiteID=US),*Title\nAdd,Mug\n";
        assert!(matches!(
            read(csv.as_bytes()),
            Err(CatalogueError::NoIdColumn { .. })
        ));
    }
}
