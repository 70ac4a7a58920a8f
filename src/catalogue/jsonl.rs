//! Listing JSON lines, the `clearmark check` input: one [`Listing`] object a line, the
//! row being the line. Blank lines are not listings and are passed over; a line that is
//! not UTF-8, not a listing or has no id is skipped with its line.

use super::{file_listing, RowError, Rows, SkippedRow};
use crate::listing::Listing;

/// How the id is named in messages.
const ID_FIELD: &str = "\"id\"";

/// Reads listing JSON lines (see the module docs).
pub(crate) fn read(bytes: &[u8]) -> Rows {
    let (mut rows, mut skipped) = (Vec::new(), Vec::new());
    for (i, line) in bytes.split(|&b| b == b'\n').enumerate() {
        let row = i + 1;
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if line.trim_ascii().is_empty() {
            continue;
        }
        let parsed = std::str::from_utf8(line)
            .map_err(|e| RowError::Encoding {
                valid_up_to: e.valid_up_to(),
            })
            .and_then(|text| {
                serde_json::from_str::<Listing>(text)
                    .map_err(|e| RowError::NotAListing(e.to_string()))
            });
        match parsed {
            Ok(listing) => file_listing(row, listing, ID_FIELD, &mut rows, &mut skipped),
            Err(reason) => skipped.push(SkippedRow { row, reason }),
        }
    }
    (rows, skipped)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_line_is_a_listing_and_its_row_is_the_line() {
        let (rows, skipped) =
            read(b"{\"id\":\"a\",\"title\":\"T\"}\r\n\n{\"id\":\"b\",\"bullets\":[\"x\"]}\n");
        assert!(skipped.is_empty());
        let ids: Vec<(&str, usize)> = rows
            .iter()
            .map(|r| (r.listing.id.as_str(), r.row))
            .collect();
        assert_eq!(ids, vec![("a", 1), ("b", 3)]);
    }

    #[test]
    fn bad_lines_are_skipped_with_their_reason() {
        let (rows, skipped) =
            read(b"{\"title\":\"no id\"}\nnot json\n{\"id\":\"caf\xE9\"}\n{\"id\":\"ok\"}\n");
        assert_eq!(rows.len(), 1);
        assert_eq!(skipped.len(), 3);
        assert_eq!(skipped[0].reason, RowError::NoId { column: ID_FIELD });
        assert!(matches!(skipped[1].reason, RowError::NotAListing(_)));
        assert_eq!(skipped[2].reason, RowError::Encoding { valid_up_to: 10 });
    }
}
