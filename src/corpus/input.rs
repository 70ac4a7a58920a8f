//! One listing read for the corpus from a JSON line, within the caps the engine checks
//! (whole files are [`super::files`]' job, natively).

use super::CorpusListing;
use crate::listing::{limits, Field};

/// One input line as the corpus reader accepts it: the listing shape plus `url`,
/// `product_id` and `date`.
#[derive(serde::Deserialize)]
struct InputListing {
    #[serde(flatten)]
    listing: crate::listing::Listing,
    url: Option<String>,
    product_id: Option<String>,
    date: Option<String>,
}

/// Parses one JSON line into a corpus listing (`id`, else `product_id`, is required).
pub fn parse_json_listing(line: &str) -> Result<CorpusListing, String> {
    let input: InputListing = serde_json::from_str(line).map_err(|e| e.to_string())?;
    let l = input.listing;
    let id = if l.id.is_empty() {
        input.product_id.unwrap_or_default()
    } else {
        l.id
    };
    if id.is_empty() {
        return Err("it has no id".into());
    }
    within_caps(CorpusListing {
        id,
        url: input.url,
        brand: l.brand,
        date: input.date,
        title: l.title,
        bullets: l.bullets,
        description: l.description,
    })
}

/// The listing, if its text is within the caps the engine checks
/// ([`crate::listing::MAX_FIELD_UNITS`], [`crate::listing::MAX_BULLETS`]): a corpus
/// built from a file with a 50 MB cell would otherwise fingerprint all of it.
pub(super) fn within_caps(l: CorpusListing) -> Result<CorpusListing, String> {
    let field = |f, i, t: &Option<String>| limits::check_field(f, i, t.as_deref().unwrap_or(""));
    limits::check_bullet_count(l.bullets.len())
        .and_then(|()| field(Field::Title, None, &l.title))
        .and_then(|()| field(Field::Description, None, &l.description))
        .and_then(|()| {
            l.bullets
                .iter()
                .enumerate()
                .try_for_each(|(i, b)| limits::check_field(Field::Bullets, Some(i), b))
        })
        .map_err(|e| e.to_string())?;
    Ok(l)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_lines_accept_the_listing_shape_with_extras() {
        let l = parse_json_listing(
            r#"{"product_id":"p1","url":"u","date":"2020","title":"T","bullets":["b"],"extra":1}"#,
        )
        .unwrap();
        assert_eq!((l.id.as_str(), l.url.as_deref()), ("p1", Some("u")));
        assert!(parse_json_listing(r#"{"title":"no id"}"#).is_err());
        assert!(parse_json_listing("not json").is_err());
    }

    #[test]
    fn a_listing_past_the_field_cap_is_a_bad_line_not_a_fingerprinted_one() {
        let at_cap = format!(r#"{{"id":"a","title":"{}"}}"#, "t".repeat(20_000));
        assert!(parse_json_listing(&at_cap).is_ok());
        let past = format!(r#"{{"id":"a","bullets":["ok","{}"]}}"#, "t".repeat(20_001));
        assert_eq!(
            parse_json_listing(&past).unwrap_err(),
            "the bullet point 2 is 20001 characters long; Clearmark checks at most 20000 per field"
        );
    }
}
