//! The listing a seller writes and the findings Clearmark reports on it.
//!
//! These types are the JSON contract shared by the CLI (`clearmark check`), the wasm
//! engine behind the extension and the evaluation commands. Offsets are always UTF-16
//! code units into the original field string, as JavaScript's `String.prototype.slice`
//! counts them. This module owns the shapes only; it must not hold detection logic.

use serde::{Deserialize, Serialize};

pub mod limits;
pub use limits::{LimitError, MAX_BULLETS, MAX_FIELD_UNITS, MAX_FINDINGS_PER_FIELD};

/// One marketplace listing as the seller writes it. Every field but `id` is optional and
/// unknown JSON fields are ignored.
#[cfg_attr(test, derive(ts_rs::TS))]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Listing {
    /// The caller's identifier, echoed back in the findings line.
    pub id: String,
    /// The marketplace domain, e.g. `amazon.com`.
    #[cfg_attr(test, ts(optional = nullable))]
    pub marketplace: Option<String>,
    /// The marketplace category path, e.g. `Toys & Games > Building Toys`.
    #[cfg_attr(test, ts(optional = nullable))]
    pub category: Option<String>,
    /// The seller's own brand: it and its registered variants are never flagged.
    #[cfg_attr(test, ts(optional = nullable))]
    pub brand: Option<String>,
    /// The listing title.
    #[cfg_attr(test, ts(optional = nullable))]
    pub title: Option<String>,
    /// The bullet points, in order.
    #[cfg_attr(test, ts(as = "Option<Vec<String>>", optional))]
    pub bullets: Vec<String>,
    /// The long description.
    #[cfg_attr(test, ts(optional = nullable))]
    pub description: Option<String>,
    /// The backend search terms.
    #[cfg_attr(test, ts(optional = nullable))]
    pub keywords: Option<String>,
}

/// Which part of a listing a finding lies in.
#[cfg_attr(test, derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    /// The title.
    Title,
    /// One bullet point; [`Finding::index`] says which.
    Bullets,
    /// The description.
    Description,
    /// The search terms.
    Keywords,
}

impl Listing {
    /// Every non-empty text field of the listing with its field name and bullet index,
    /// in the order the findings are reported.
    pub fn fields(&self) -> Vec<(Field, Option<usize>, &str)> {
        let mut out = Vec::new();
        if let Some(t) = self.title.as_deref() {
            out.push((Field::Title, None, t));
        }
        for (i, b) in self.bullets.iter().enumerate() {
            out.push((Field::Bullets, Some(i), b.as_str()));
        }
        if let Some(d) = self.description.as_deref() {
            out.push((Field::Description, None, d));
        }
        if let Some(k) = self.keywords.as_deref() {
            out.push((Field::Keywords, None, k));
        }
        out.retain(|(_, _, text)| !text.is_empty());
        out
    }
}

/// What a finding is about.
#[cfg_attr(test, derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FindingKind {
    /// A live, registered trademark.
    RegisteredMark,
    /// A trademark application that is pending.
    PendingMark,
    /// A famous brand, protected beyond its goods classes.
    FamousBrand,
    /// A misspelling, spacing trick or homoglyph of a mark.
    Lookalike,
    /// Text copied from another seller's listing.
    CopiedCopy,
}

/// How much a finding matters to the seller.
#[cfg_attr(test, derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Informational; not underlined by default.
    Low,
    /// Worth a look before publishing.
    Medium,
    /// Likely to get the listing taken down.
    High,
}

/// A register record cited by a finding, in the shape the UI shows it.
#[cfg_attr(test, derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordRef {
    /// The register: `US`, `EU`, `FAMOUS` or `WATCH`.
    pub register: String,
    /// Serial or application number; for `FAMOUS`, the digits of the brand's Wikidata
    /// id (`483915` for Q483915) or empty; empty for `WATCH`.
    pub number: String,
    /// Registration number, when registered.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    #[cfg_attr(test, ts(optional))]
    pub registration: Option<String>,
    /// The owner's name; for a `FAMOUS` record of the brand lists, the lists that name
    /// the brand and its reach (a curated record, cited with the finding's
    /// `enforcement`, names its owner).
    pub owner: String,
    /// Nice classes of the record.
    pub classes: Vec<u8>,
    /// `registered`, `pending` or `dead`.
    pub status: String,
}

/// What is publicly known of how a mark's owner enforces it against marketplace sellers
/// (marks on the curated list of enforced marks).
#[cfg_attr(test, derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EnforcementRef {
    /// The owner is a documented plaintiff of "Schedule A" / TRO lawsuits against
    /// marketplace sellers.
    pub schedule_a: bool,
    /// The owner takes part in eBay's VeRO programme.
    pub vero: bool,
    /// Case numbers, where certain.
    pub cases: Vec<String>,
    /// The owner.
    pub owner: String,
    /// The franchise or house mark the mark belongs to, if any.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    #[cfg_attr(test, ts(optional))]
    pub franchise: Option<String>,
}

/// The listing a copied run was taken from.
#[cfg_attr(test, derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CopySource {
    /// The corpus listing's id.
    pub id: String,
    /// Where the seller saw it, when known.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    #[cfg_attr(test, ts(optional))]
    pub url: Option<String>,
    /// The source listing's title.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    #[cfg_attr(test, ts(optional))]
    pub title: Option<String>,
    /// The source field's text, for the side-by-side view.
    pub text: String,
    /// UTF-16 span of the copied words inside `text`.
    pub start: usize,
    /// End of that span (exclusive).
    pub end: usize,
    /// Share of the checked field found in the source, 0..=1.
    pub similarity: f32,
}

/// One flagged span of a listing field.
#[cfg_attr(test, derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    /// The field the span lies in.
    pub field: Field,
    /// The bullet index for [`Field::Bullets`], else `None`.
    pub index: Option<usize>,
    /// Start of the span in UTF-16 code units of the original field string.
    pub start: usize,
    /// End of the span (exclusive), in UTF-16 code units.
    pub end: usize,
    /// The span's text, exactly as the seller wrote it.
    pub text: String,
    /// What kind of problem this is.
    pub kind: FindingKind,
    /// How much it matters.
    pub severity: Severity,
    /// The mark (or brand) the span matches or imitates, as registered.
    pub mark: String,
    /// Which evidence decided the kind and severity, in words a seller understands.
    pub reason: String,
    /// The register records behind the finding.
    pub records: Vec<RecordRef>,
    /// A safer wording, or "remove".
    pub suggestion: String,
    /// For copied copy: the listing the run was taken from.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    #[cfg_attr(test, ts(optional))]
    pub source: Option<CopySource>,
    /// For a mark on the curated list of enforced marks: its owner's enforcement
    /// evidence (absent otherwise).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    #[cfg_attr(test, ts(optional))]
    pub enforcement: Option<EnforcementRef>,
}

/// The findings for one listing: one line of `clearmark check` output.
#[cfg_attr(test, derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// The listing's id.
    pub id: String,
    /// Every finding, ordered by field, bullet index and start.
    pub findings: Vec<Finding>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use ts_rs::TS;

    /// The extension's declarations of the contract (`extension/contract.d.ts`), as
    /// generated from these types.
    fn typescript_declarations() -> String {
        let mut out = String::from(
            "// The JSON contract of listings and findings, generated from src/listing.rs by\n\
             // `CLEARMARK_BLESS=1 cargo test --lib listing::tests`; do not edit by hand.\n",
        );
        for decl in [
            Listing::decl(),
            Field::decl(),
            FindingKind::decl(),
            Severity::decl(),
            RecordRef::decl(),
            EnforcementRef::decl(),
            CopySource::decl(),
            Finding::decl(),
            Report::decl(),
        ] {
            out.push_str("\nexport ");
            out.push_str(&decl);
            out.push('\n');
        }
        out
    }

    #[test]
    fn the_extensions_contract_declarations_are_generated_from_these_types() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/extension/contract.d.ts");
        let generated = typescript_declarations();
        if std::env::var_os("CLEARMARK_BLESS").is_some() {
            std::fs::write(path, &generated).expect("write extension/contract.d.ts");
        }
        let checked_in = std::fs::read_to_string(path).unwrap_or_default();
        assert!(
            checked_in == generated,
            "extension/contract.d.ts is not the contract of src/listing.rs; regenerate it with \
             `CLEARMARK_BLESS=1 cargo test --lib listing::tests` and commit it"
        );
    }

    #[test]
    fn listing_ignores_unknown_fields_and_defaults_the_rest() {
        let l: Listing = serde_json::from_str(r#"{"id":"a","title":"T","extra":1}"#).unwrap();
        assert_eq!(l.id, "a");
        assert_eq!(l.title.as_deref(), Some("T"));
        assert!(l.bullets.is_empty());
    }

    #[test]
    fn fields_come_in_report_order_and_skip_empty_ones() {
        let l = Listing {
            title: Some("t".into()),
            bullets: vec!["a".into(), String::new(), "c".into()],
            keywords: Some("k".into()),
            ..Default::default()
        };
        let f: Vec<_> = l.fields().into_iter().map(|(f, i, _)| (f, i)).collect();
        assert_eq!(
            f,
            vec![
                (Field::Title, None),
                (Field::Bullets, Some(0)),
                (Field::Bullets, Some(2)),
                (Field::Keywords, None)
            ]
        );
    }

    #[test]
    fn finding_serialises_to_the_documented_shape() {
        let f = Finding {
            field: Field::Title,
            index: None,
            start: 0,
            end: 4,
            text: "LEGO".into(),
            kind: FindingKind::FamousBrand,
            severity: Severity::High,
            mark: "LEGO".into(),
            reason: "r".into(),
            records: vec![],
            suggestion: "remove".into(),
            source: None,
            enforcement: None,
        };
        let v = serde_json::to_value(&f).unwrap();
        assert_eq!(v["field"], "title");
        assert_eq!(v["index"], serde_json::Value::Null);
        assert_eq!(v["kind"], "famous_brand");
        assert_eq!(v["severity"], "high");
        assert!(v.get("source").is_none());
    }
}
