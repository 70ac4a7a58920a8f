//! How much of a listing Clearmark checks: documented caps, so that no listing — a page
//! that fills a field with megabytes, a CSV cell, a line of JSON — can stall the engine
//! every tab shares or exhaust its memory.
//!
//! Real listings sit far below every cap (Amazon: a 200-character title, five bullets
//! of about 500, a 2,000-character description). Callers that can refuse refuse with a
//! [`LimitError`] (`clearmark check` answers the line with an error, the background
//! answers the request with one); [`Listing::clipped`] is what the engine itself checks,
//! so even a caller that forgot to refuse costs bounded work. This module owns the caps
//! and their checks; it must not detect anything.

use super::{Field, Listing};
use std::borrow::Cow;

/// The most UTF-16 code units of one field that are checked (JavaScript's
/// `String.length`): ten times Amazon's longest field.
pub const MAX_FIELD_UNITS: usize = 20_000;

/// The most bullet points that are checked (Amazon shows five, some marketplaces ten).
pub const MAX_BULLETS: usize = 20;

/// The most findings reported for one field; past it the field is named in no more
/// findings (the first ones, in text order, are kept).
pub const MAX_FINDINGS_PER_FIELD: usize = 200;

/// A listing over one of the caps.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LimitError {
    /// A field is longer than [`MAX_FIELD_UNITS`].
    #[error("the {} is {units} characters long; Clearmark checks at most {MAX_FIELD_UNITS} per field", field_name(*.field, *.index))]
    FieldTooLong {
        /// Which field.
        field: Field,
        /// The bullet's index, for a bullet.
        index: Option<usize>,
        /// Its length in UTF-16 code units.
        units: usize,
    },
    /// More bullets than [`MAX_BULLETS`].
    #[error("the listing has {count} bullet points; Clearmark checks at most {MAX_BULLETS}")]
    TooManyBullets {
        /// How many bullets it has.
        count: usize,
    },
}

fn field_name(field: Field, index: Option<usize>) -> String {
    match (field, index) {
        (Field::Title, _) => "title".to_owned(),
        (Field::Bullets, Some(i)) => format!("bullet point {}", i + 1),
        (Field::Bullets, None) => "bullet point".to_owned(),
        (Field::Description, _) => "description".to_owned(),
        (Field::Keywords, _) => "search terms field".to_owned(),
    }
}

/// The UTF-16 length of `text`, counting no further than `cap + 1` units.
fn units_up_to(text: &str, cap: usize) -> usize {
    let mut units = 0;
    for c in text.chars() {
        units += c.len_utf16();
        if units > cap {
            break;
        }
    }
    units
}

/// `text` cut after at most [`MAX_FIELD_UNITS`] UTF-16 units, at a character boundary.
fn clip(text: &str) -> &str {
    let mut units = 0;
    for (at, c) in text.char_indices() {
        units += c.len_utf16();
        if units > MAX_FIELD_UNITS {
            return &text[..at];
        }
    }
    text
}

/// Whether one field's text is within [`MAX_FIELD_UNITS`].
pub fn check_field(field: Field, index: Option<usize>, text: &str) -> Result<(), LimitError> {
    // A UTF-16 unit takes at least one UTF-8 byte: skip the count when the bytes alone
    // show the text is short enough.
    if text.len() > MAX_FIELD_UNITS && units_up_to(text, MAX_FIELD_UNITS) > MAX_FIELD_UNITS {
        return Err(LimitError::FieldTooLong {
            field,
            index,
            units: text.encode_utf16().count(),
        });
    }
    Ok(())
}

/// Whether `count` bullets are within [`MAX_BULLETS`].
pub fn check_bullet_count(count: usize) -> Result<(), LimitError> {
    if count > MAX_BULLETS {
        return Err(LimitError::TooManyBullets { count });
    }
    Ok(())
}

impl Listing {
    /// Whether the listing is within the caps; the first cap it exceeds otherwise.
    pub fn check_limits(&self) -> Result<(), LimitError> {
        check_bullet_count(self.bullets.len())?;
        self.fields()
            .into_iter()
            .try_for_each(|(field, index, text)| check_field(field, index, text))
    }

    /// The part of the listing that is checked: each field cut after
    /// [`MAX_FIELD_UNITS`], the first [`MAX_BULLETS`] bullets. Borrowed when the
    /// listing is within the caps.
    pub fn clipped(&self) -> Cow<'_, Listing> {
        if self.check_limits().is_ok() {
            return Cow::Borrowed(self);
        }
        let cut = |t: &Option<String>| t.as_deref().map(|t| clip(t).to_owned());
        Cow::Owned(Listing {
            id: self.id.clone(),
            marketplace: self.marketplace.clone(),
            category: cut(&self.category),
            brand: cut(&self.brand),
            title: cut(&self.title),
            bullets: self
                .bullets
                .iter()
                .take(MAX_BULLETS)
                .map(|b| clip(b).to_owned())
                .collect(),
            description: cut(&self.description),
            keywords: cut(&self.keywords),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn titled(title: String) -> Listing {
        Listing {
            id: "x".into(),
            title: Some(title),
            ..Listing::default()
        }
    }

    #[test]
    fn a_field_of_exactly_the_cap_is_checked_whole_and_one_more_unit_is_refused() {
        assert_eq!(titled("a".repeat(20_000)).check_limits(), Ok(()));
        assert_eq!(
            titled("a".repeat(20_001)).check_limits(),
            Err(LimitError::FieldTooLong {
                field: Field::Title,
                index: None,
                units: 20_001
            })
        );
    }

    #[test]
    fn the_cap_counts_utf16_units_not_bytes() {
        // "界" is 3 bytes and 1 unit; "😀" is 4 bytes and 2 units.
        assert_eq!(titled("界".repeat(20_000)).check_limits(), Ok(()));
        assert_eq!(titled("😀".repeat(10_000)).check_limits(), Ok(()));
        assert!(titled(format!("{}a", "😀".repeat(10_000)))
            .check_limits()
            .is_err());
    }

    #[test]
    fn twenty_bullets_are_checked_and_twenty_one_refused() {
        let with = |n: usize| Listing {
            bullets: vec!["b".into(); n],
            ..Listing::default()
        };
        assert_eq!(with(20).check_limits(), Ok(()));
        assert_eq!(
            with(21).check_limits(),
            Err(LimitError::TooManyBullets { count: 21 })
        );
    }

    #[test]
    fn clipping_keeps_whole_characters_up_to_the_cap() {
        let long = titled(format!("{}😀tail", "a".repeat(19_999)));
        let clipped = long.clipped();
        // 19,999 units, then an emoji of two units would pass the cap: it is cut before.
        assert_eq!(clipped.title.as_deref(), Some("a".repeat(19_999).as_str()));
        let within = titled("short".into());
        assert!(matches!(within.clipped(), Cow::Borrowed(_)));
    }

    #[test]
    fn errors_name_the_field_a_seller_sees() {
        let mut l = Listing {
            bullets: vec!["ok".into(), "b".repeat(20_001)],
            ..Listing::default()
        };
        assert_eq!(
            l.check_limits().unwrap_err().to_string(),
            "the bullet point 2 is 20001 characters long; Clearmark checks at most 20000 per field"
        );
        l.bullets.clear();
        l.keywords = Some("k".repeat(20_001));
        assert!(l
            .check_limits()
            .unwrap_err()
            .to_string()
            .starts_with("the search terms field is 20001"));
    }
}
