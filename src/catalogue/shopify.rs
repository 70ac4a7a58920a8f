//! Shopify products CSV (Products → Export): one row per variant or image, the product's
//! text on its first row only.
//!
//! Columns, in both spellings of Shopify's export (help.shopify.com, "Using CSV files to
//! import and export products"): `Handle` or `URL handle` (the id), `Title`,
//! `Body (HTML)` or `Description` (HTML: the listing's description is the text it shows,
//! see [`super::html`]), `Vendor` (the brand), `Tags` (the keywords), `Product Category`
//! or `Product category`, else `Type` (the category). A row with the current product's
//! handle and no title is one of its variants or images and folds into it.

use super::html::HtmlText;
use super::table::{self, Cells, Columns};
use super::{file_listing, CatalogueError, Format, Rows, SkippedRow};
use crate::listing::Listing;
use csv::ByteRecord;

/// The columns a handle is read from.
const HANDLE: &[&str] = &["handle", "url_handle"];

/// How the id column is named in messages.
const ID_COLUMN: &str = "Handle";

/// The index of the header among the first records: a row with a handle and a title.
pub(crate) fn header_row(head: &[ByteRecord]) -> Option<usize> {
    head.iter().position(|r| {
        let keys = table::keys(r);
        keys.iter().any(|k| HANDLE.contains(&k.as_str())) && keys.iter().any(|k| k == "title")
    })
}

/// Where each listing field is in the header.
struct Layout {
    handle: Option<usize>,
    title: Option<usize>,
    body: Option<usize>,
    vendor: Option<usize>,
    tags: Option<usize>,
    category: Option<usize>,
    kind: Option<usize>,
}

impl Layout {
    fn new(header: &ByteRecord) -> Layout {
        let c = Columns::new(header);
        Layout {
            handle: c.find(HANDLE),
            title: c.find(&["title"]),
            body: c.find(&["body", "description"]),
            vendor: c.find(&["vendor"]),
            tags: c.find(&["tags"]),
            category: c.find(&["product_category"]),
            kind: c.find(&["type"]),
        }
    }

    fn listing(&self, cells: &Cells) -> Listing {
        Listing {
            id: cells.text(self.handle).unwrap_or_default(),
            marketplace: None,
            category: cells.text(self.category).or_else(|| cells.text(self.kind)),
            brand: cells.text(self.vendor),
            title: cells.text(self.title),
            bullets: Vec::new(),
            description: cells
                .get(self.body)
                .map(|html| HtmlText::from_html(html).text)
                .filter(|text| !text.is_empty()),
            keywords: cells.text(self.tags),
        }
    }
}

/// Reads a Shopify products CSV (see the module docs).
pub(crate) fn read(bytes: &[u8]) -> Result<Rows, CatalogueError> {
    let records = table::records(bytes, b',').map_err(|source| CatalogueError::Csv {
        format: Format::Shopify,
        source,
    })?;
    let head: Vec<ByteRecord> = records.iter().take(10).map(|(_, r)| r.clone()).collect();
    let header = header_row(&head).ok_or(CatalogueError::UnknownFormat)?;
    let layout = Layout::new(&records[header].1);
    let (mut rows, mut skipped) = (Vec::new(), Vec::new());
    let mut product: Option<String> = None;
    for (row, record) in &records[header + 1..] {
        let cells = match Cells::new(record) {
            Ok(cells) => cells,
            Err(reason) => {
                skipped.push(SkippedRow { row: *row, reason });
                continue;
            }
        };
        if cells.blank() {
            continue;
        }
        let handle = cells.get(layout.handle);
        let variant =
            cells.get(layout.title).is_none() && handle.is_some() && handle == product.as_deref();
        if variant {
            continue;
        }
        product = handle.map(str::to_owned);
        file_listing(
            *row,
            layout.listing(&cells),
            ID_COLUMN,
            &mut rows,
            &mut skipped,
        );
    }
    Ok((rows, skipped))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::RowError;

    #[test]
    fn variant_rows_fold_into_their_product() {
        let csv = "Handle,Title,Body (HTML),Vendor,Type,Tags,Option1 Value\n\
tee,Cotton tee,<p>Soft</p>,Acme,Shirts,\"cotton, tee\",S\n\
tee,,,,,,M\n\
tee,,,,,,L\n\
mug,Mug,,Acme,Mugs,,\n";
        let (rows, skipped) = read(csv.as_bytes()).unwrap();
        assert!(skipped.is_empty());
        let ids: Vec<(&str, usize)> = rows
            .iter()
            .map(|r| (r.listing.id.as_str(), r.row))
            .collect();
        assert_eq!(ids, vec![("tee", 2), ("mug", 5)]);
        let tee = &rows[0].listing;
        assert_eq!(tee.description.as_deref(), Some("Soft"));
        assert_eq!(tee.brand.as_deref(), Some("Acme"));
        assert_eq!(tee.category.as_deref(), Some("Shirts"));
        assert_eq!(tee.keywords.as_deref(), Some("cotton, tee"));
    }

    #[test]
    fn the_body_is_read_as_the_text_it_shows() {
        let csv = "Handle,Title,Body (HTML)\nh,T,\"<p>Salt &amp; pepper</p><p>Grinder</p>\"\n";
        let (rows, _) = read(csv.as_bytes()).unwrap();
        assert_eq!(
            rows[0].listing.description.as_deref(),
            Some("Salt & pepper\nGrinder")
        );
    }

    #[test]
    fn the_product_category_wins_over_the_type() {
        let csv = "Handle,Title,Product Category,Type\nh,T,Toys & Games > Toys,Gift\n";
        let (rows, _) = read(csv.as_bytes()).unwrap();
        assert_eq!(
            rows[0].listing.category.as_deref(),
            Some("Toys & Games > Toys")
        );
    }

    #[test]
    fn the_newer_export_column_names_are_read_too() {
        let csv = "Title,URL handle,Description,Vendor\nT,h,<b>x</b>,V\n";
        let (rows, _) = read(csv.as_bytes()).unwrap();
        assert_eq!(rows[0].listing.id, "h");
        assert_eq!(rows[0].listing.description.as_deref(), Some("x"));
    }

    #[test]
    fn a_product_without_a_handle_is_skipped() {
        let csv = "Handle,Title\n,Orphan\n";
        let (rows, skipped) = read(csv.as_bytes()).unwrap();
        assert!(rows.is_empty());
        assert_eq!(skipped[0].row, 2);
        assert_eq!(skipped[0].reason, RowError::NoId { column: ID_COLUMN });
    }
}
