//! Whole JSON-lines and CSV files of listings read for the corpus (native only: the
//! extension adds listings one at a time). A bad line is reported with its number beside
//! the good listings.

use super::input::{parse_json_listing, within_caps};
use super::{CorpusError, CorpusListing};

/// Reads listings from a JSON-lines or CSV file (by extension: `.csv` is CSV, anything
/// else JSON lines). Bad lines are returned as errors beside the good listings; a file
/// that cannot be read at all is an `Err`.
pub fn read_listings(
    path: &std::path::Path,
) -> Result<(Vec<CorpusListing>, Vec<CorpusError>), CorpusError> {
    let name = path.display().to_string();
    let read_err = |source| CorpusError::Read {
        path: name.clone(),
        source,
    };
    let is_csv = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("csv"));
    let mut good = Vec::new();
    let mut bad = Vec::new();
    if is_csv {
        let mut rdr = csv::ReaderBuilder::new()
            .flexible(true)
            .from_path(path)
            .map_err(|e| read_err(std::io::Error::other(e)))?;
        let headers: Vec<String> = rdr
            .headers()
            .map_err(|e| read_err(std::io::Error::other(e)))?
            .iter()
            .map(|h| h.trim().to_ascii_lowercase())
            .collect();
        for (n, rec) in rdr.records().enumerate() {
            let line = n + 2;
            match rec {
                Ok(rec) => match csv_listing(&headers, &rec) {
                    Ok(l) => good.push(l),
                    Err(message) => bad.push(CorpusError::BadListing {
                        path: name.clone(),
                        line,
                        message,
                    }),
                },
                Err(e) => bad.push(CorpusError::BadListing {
                    path: name.clone(),
                    line,
                    message: e.to_string(),
                }),
            }
        }
    } else {
        let text = std::fs::read_to_string(path).map_err(read_err)?;
        for (n, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            match parse_json_listing(line) {
                Ok(l) => good.push(l),
                Err(message) => bad.push(CorpusError::BadListing {
                    path: name.clone(),
                    line: n + 1,
                    message,
                }),
            }
        }
    }
    Ok((good, bad))
}

/// One CSV row: columns `id` (or `product_id`), `url`, `brand`, `date`, `title`,
/// `description`, and bullets either as `bullet1`…/`bullet_1`… columns or one `bullets`
/// column with one bullet per line.
fn csv_listing(headers: &[String], rec: &csv::StringRecord) -> Result<CorpusListing, String> {
    let get = |name: &str| {
        headers
            .iter()
            .position(|h| h == name)
            .and_then(|i| rec.get(i))
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .map(str::to_string)
    };
    let id = get("id")
        .or_else(|| get("product_id"))
        .ok_or("it has no id")?;
    let mut bullets: Vec<String> = get("bullets")
        .map(|b| {
            b.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(String::from)
                .collect()
        })
        .unwrap_or_default();
    for (i, h) in headers.iter().enumerate() {
        let numbered = h
            .strip_prefix("bullet")
            .map(|r| r.trim_start_matches(['_', ' ']))
            .is_some_and(|r| !r.is_empty() && r.chars().all(|c| c.is_ascii_digit()));
        if numbered {
            if let Some(v) = rec.get(i).map(str::trim).filter(|v| !v.is_empty()) {
                bullets.push(v.to_string());
            }
        }
    }
    within_caps(CorpusListing {
        id,
        url: get("url"),
        brand: get("brand"),
        date: get("date"),
        title: get("title"),
        bullets,
        description: get("description"),
    })
}
