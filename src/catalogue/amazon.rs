//! Amazon flat files: the inventory file templates sellers fill in and the category
//! listings report Amazon fills in for them (same layout), and the inventory reports
//! (`seller-sku`, `item-name`, `item-description`). Tab-separated text.
//!
//! A template starts with a `TemplateType=…` (or `settings=…`) row and label rows; the
//! header is the first row naming an id attribute (`item_sku`, `sku`, `seller-sku` or
//! `contribution_sku`), and data rows follow it. Attribute names are read in both
//! spellings Amazon has used: the classic `bullet_point1` … `bullet_point5`,
//! `generic_keywords` (or `generic_keywords1`…) and the newer
//! `bullet_point[marketplace_id=…][language_tag=…]#3.value`.
//!
//! The category given to the checker (which infers Nice classes from its words, as
//! `check` does from a listing's `category`) is `item_type` (the browse keyword) then
//! `feed_product_type`, with CamelCase, `_` and `-` spelt as spaces
//! (`ConsumerElectronics` → `Consumer Electronics`).

use super::table::{self, Cells, Columns};
use super::{table_rows, CatalogueError, Format, Rows};
use crate::listing::Listing;
use csv::ByteRecord;

/// Attribute names an id is read from, in order of preference.
const ID_ATTRIBUTES: &[&str] = &["item_sku", "sku", "seller_sku", "contribution_sku"];

/// How the id columns are named in messages.
const ID_COLUMNS: &str = "item_sku";

/// Bullet points a listing may have in a template.
const BULLETS: usize = 5;

/// Whether `bytes` (without a byte-order mark) look like an Amazon flat file.
pub(crate) fn recognises(bytes: &[u8]) -> bool {
    let first_line = bytes.split(|&b| b == b'\n').next().unwrap_or_default();
    if !first_line.contains(&b'\t') {
        return false;
    }
    first_line.starts_with(b"TemplateType=")
        || first_line.starts_with(b"settings=")
        || header_row(&table::head(bytes, b'\t')).is_some()
}

/// The id attributes as Amazon writes them in the attribute row: lower case, where the
/// label rows above say `SKU` or `Seller SKU`.
const ID_ATTRIBUTES_AS_WRITTEN: &[&[u8]] =
    &[b"item_sku", b"sku", b"seller-sku", b"contribution_sku"];

/// The index of the attribute row among the first records.
fn header_row(head: &[ByteRecord]) -> Option<usize> {
    head.iter().position(|r| {
        r.iter().any(|cell| {
            let name = cell
                .split(|&b| b == b'[' || b == b'#')
                .next()
                .unwrap_or_default();
            ID_ATTRIBUTES_AS_WRITTEN.contains(&name.trim_ascii())
        })
    })
}

/// An attribute key split into its name and its number: `bullet_point3` → (`bullet_point`,
/// 3), `bullet_point[marketplace_id=x]#3.value` → (`bullet_point`, 3), `item_name` →
/// (`item_name`, 0).
fn attribute(key: &str) -> (&str, usize) {
    if let Some(cut) = key.find(['[', '#']) {
        let name = &key[..cut];
        let number = key[cut..]
            .rsplit('#')
            .next()
            .and_then(|tail| tail.split('.').next())
            .and_then(|n| n.parse().ok())
            .unwrap_or(0);
        return (name, number);
    }
    let digits = key.len() - key.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    let (name, number) = key.split_at(key.len() - digits);
    (name, number.parse().unwrap_or(0))
}

/// Where each listing field is in an Amazon header.
struct Layout {
    id: Option<usize>,
    title: Option<usize>,
    brand: Option<usize>,
    bullets: Vec<Option<usize>>,
    description: Option<usize>,
    keywords: Vec<Option<usize>>,
    category: [Option<usize>; 2],
}

impl Layout {
    fn new(header: &ByteRecord) -> Layout {
        let columns = Columns::new(header);
        let attributes: Vec<(String, usize)> = table::keys(header)
            .iter()
            .map(|k| {
                let (name, number) = attribute(k);
                (name.to_owned(), number)
            })
            .collect();
        // The first column with this attribute name and number (the newer templates
        // repeat names with marketplace qualifiers).
        let numbered = |names: &[&str], number: usize| {
            attributes
                .iter()
                .position(|(n, k)| names.contains(&n.as_str()) && *k == number)
        };
        let named = |names: &[&str]| {
            columns.find(names).or_else(|| {
                names
                    .iter()
                    .find_map(|n| numbered(&[n], 1).or(numbered(&[n], 0)))
            })
        };
        let mut keywords: Vec<Option<usize>> = (1..=BULLETS)
            .map(|i| numbered(&["generic_keywords", "generic_keyword"], i))
            .collect();
        if keywords.iter().all(Option::is_none) {
            keywords = vec![named(&["generic_keywords", "generic_keyword"])];
        }
        Layout {
            id: named(ID_ATTRIBUTES),
            title: named(&["item_name"]),
            brand: named(&["brand_name", "brand"]),
            bullets: (1..=BULLETS)
                .map(|i| numbered(&["bullet_point"], i))
                .collect(),
            description: named(&["product_description", "item_description"]),
            keywords,
            category: [
                named(&["item_type", "item_type_keyword"]),
                named(&["feed_product_type", "product_type"]),
            ],
        }
    }

    fn listing(&self, cells: &Cells) -> Listing {
        Listing {
            id: cells.text(self.id).unwrap_or_default(),
            marketplace: None,
            category: category(cells, &self.category),
            brand: cells.text(self.brand),
            title: cells.text(self.title),
            bullets: self.bullets.iter().filter_map(|&c| cells.text(c)).collect(),
            description: cells.text(self.description),
            keywords: cells.joined(&self.keywords, " "),
        }
    }
}

/// The category path of a row: its browse keyword and product type, as words.
fn category(cells: &Cells, columns: &[Option<usize>]) -> Option<String> {
    let parts: Vec<String> = columns
        .iter()
        .filter_map(|&c| cells.get(c))
        .map(as_words)
        .collect();
    (!parts.is_empty()).then(|| parts.join(" > "))
}

/// `ConsumerElectronics`, `TOY_FIGURE`, `building-toys` as words.
fn as_words(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 4);
    let mut previous: Option<char> = None;
    for c in value.chars() {
        let c = if c == '_' || c == '-' { ' ' } else { c };
        if c.is_uppercase() && previous.is_some_and(char::is_lowercase) {
            out.push(' ');
        }
        out.push(c);
        previous = Some(c);
    }
    out
}

/// Reads an Amazon flat file (see the module docs).
pub(crate) fn read(bytes: &[u8]) -> Result<Rows, CatalogueError> {
    let records = table::records(bytes, b'\t').map_err(|source| CatalogueError::Csv {
        format: Format::Amazon,
        source,
    })?;
    let head: Vec<ByteRecord> = records.iter().take(10).map(|(_, r)| r.clone()).collect();
    let header = header_row(&head).ok_or(CatalogueError::NoIdColumn {
        format: Format::Amazon,
        columns: ID_COLUMNS,
    })?;
    let layout = Layout::new(&records[header].1);
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
    use crate::catalogue::{RowError, SkippedRow};

    const TEMPLATE: &str = "TemplateType=fptcustom\tVersion=2021.1014\tThe top 3 rows are for Amazon.com use only.\n\
Product Type\tSeller SKU\tBrand Name\tProduct Name\tKey Product Features\tKey Product Features\tProduct Description\tSearch Terms\tItem Type Keyword\n\
feed_product_type\titem_sku\tbrand_name\titem_name\tbullet_point1\tbullet_point2\tproduct_description\tgeneric_keywords\titem_type\n\
toysandgames\tSKU-1\tAcme\tAcme blocks\tFits LEGO bricks\tSafe\tA set.\tblocks bricks\tbuilding-toys\n";

    #[test]
    fn the_attribute_row_after_the_label_rows_is_the_header() {
        let (rows, skipped) = read(TEMPLATE.as_bytes()).unwrap();
        assert!(skipped.is_empty());
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].row, 4);
        let l = &rows[0].listing;
        assert_eq!(l.id, "SKU-1");
        assert_eq!(l.brand.as_deref(), Some("Acme"));
        assert_eq!(l.title.as_deref(), Some("Acme blocks"));
        assert_eq!(l.bullets, vec!["Fits LEGO bricks", "Safe"]);
        assert_eq!(l.description.as_deref(), Some("A set."));
        assert_eq!(l.keywords.as_deref(), Some("blocks bricks"));
        assert_eq!(l.category.as_deref(), Some("building toys > toysandgames"));
    }

    #[test]
    fn the_newer_qualified_attribute_names_are_read_too() {
        let file = "settings=contentLanguageTag=en_US\n\
contribution_sku#1.value\titem_name[marketplace_id=ATVPDKIKX0DER][language_tag=en_US]#1.value\tbullet_point[marketplace_id=ATVPDKIKX0DER]#2.value\tbullet_point[marketplace_id=ATVPDKIKX0DER]#1.value\tproduct_type#1.value\n\
S1\tTitle\tsecond\tfirst\tTOY_FIGURE\n";
        let (rows, _) = read(file.as_bytes()).unwrap();
        let l = &rows[0].listing;
        assert_eq!(l.id, "S1");
        assert_eq!(l.title.as_deref(), Some("Title"));
        assert_eq!(l.bullets, vec!["first", "second"]);
        assert_eq!(l.category.as_deref(), Some("TOY FIGURE"));
    }

    #[test]
    fn an_inventory_report_names_its_columns_with_hyphens() {
        let file = "item-name\titem-description\tlisting-id\tseller-sku\n\
Mug\tA mug\t0101\tM-1\n";
        assert!(recognises(file.as_bytes()));
        let (rows, _) = read(file.as_bytes()).unwrap();
        assert_eq!(rows[0].listing.id, "M-1");
        assert_eq!(rows[0].listing.description.as_deref(), Some("A mug"));
    }

    #[test]
    fn a_row_without_a_sku_is_skipped_with_its_row() {
        let file = "item_sku\titem_name\n\tNo sku\nS2\tFine\n";
        let (rows, skipped) = read(file.as_bytes()).unwrap();
        assert_eq!(rows.len(), 1);
        assert_eq!(
            skipped,
            vec![SkippedRow {
                row: 2,
                reason: RowError::NoId { column: ID_COLUMNS }
            }]
        );
    }

    #[test]
    fn camel_case_product_types_are_spelt_as_words() {
        assert_eq!(as_words("ConsumerElectronics"), "Consumer Electronics");
        assert_eq!(as_words("building-toys"), "building toys");
    }
}
