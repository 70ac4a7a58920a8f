//! Reader of the EUIPO EU trade mark bulk XML (namespace
//! `http://www.euipo.europa.eu/EUTM/EUTM_Download`; full `CTMS_*` and difference
//! `DIFF_CTMS_*` files, plain or zipped). Every `TradeMark` element becomes one
//! [`Record`] of the EU register.
//!
//! Field mapping: `ApplicationNumber` → number (also the registration number once
//! registered, as at the EUIPO); `WordMarkSpecification/MarkVerbalElementText` → mark;
//! `MarkCurrentStatusCode` → status (`Registered`; `Application filed/published/under
//! examination/opposed`, `Registration pending`, `Appeal pending` → pending;
//! `Registration cancellation pending` is still registered; `Application refused/
//! withdrawn`, `Registration cancelled/surrendered/expired` → dead); `MarkFeature` →
//! drawing (`Word` → word, `Figurative` → stylised words, others → other);
//! `ApplicationDate`, `RegistrationDate` (`yyyy-mm-dd`); every
//! `GoodsServicesDetails/GoodsServices/ClassDescriptionDetails/ClassDescription/ClassNumber`;
//! the first applicant's `OrganizationName` (or `FirstName LastName`) → owner, applicants
//! marked `operationCode="Delete"` ignored; `MarkDisclaimerDetails/MarkDisclaimer` →
//! disclaimers (the English one when there is one). A `TradeMark` marked
//! `operationCode="Delete"` (difference files) is delivered as dead.
//!
//! A mark without verbal element (a figurative mark that is only a picture), without
//! application number or with a status outside the vocabulary above is reported as
//! skipped with its application number. Memory is constant: one mark at a time.
//! This module must not decide what goes into a snapshot; it only reads.

use super::uspto_codes::{parse_date, parse_nice_class};
use super::xml_records::{path_names, read_records, RecordHandler, XmlSourceError, MAX_DEPTH};
use crate::register::{Date, Drawing, Record, RecordSink, Register, SkipReason, Skipped, Status};
use std::path::Path;

/// Why an EUIPO XML file could not be read at all.
pub type EuipoXmlError = XmlSourceError;

/// Reads the EUIPO XML file at `path` (plain `.xml` or `.zip`) and delivers one record per
/// trade mark to `sink`.
pub fn read(path: &Path, sink: &mut dyn RecordSink) -> Result<(), EuipoXmlError> {
    read_records(path, "TradeMark", &mut TradeMark::default(), sink)
}

/// The live/dead state of an EUIPO `MarkCurrentStatusCode`; `None` outside the vocabulary.
pub fn status_from_text(code: &str) -> Option<Status> {
    let code: String = code
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_ascii_lowercase();
    Some(match code.as_str() {
        "registered" | "registration cancellation pending" => Status::Registered,
        "application filed"
        | "application published"
        | "application under examination"
        | "application opposed"
        | "registration pending"
        | "appeal pending" => Status::Pending,
        "application refused"
        | "application withdrawn"
        | "registration cancelled"
        | "registration surrendered"
        | "registration expired" => Status::Dead,
        _ => return None,
    })
}

/// An EUIPO date (`2004-03-15`, possibly with a time zone suffix) as `yyyymmdd`.
fn euipo_date(text: &str) -> Date {
    let t = text.trim();
    let t = t.get(..10).filter(|d| d.len() == 10).unwrap_or(t);
    parse_date(t).unwrap_or(0)
}

/// The trade mark being read.
#[derive(Debug, Default)]
struct TradeMark {
    deleted: bool,
    number: String,
    mark: String,
    status: String,
    feature: String,
    filed: String,
    registered: String,
    classes: Vec<u8>,
    owner: Option<String>,
    /// The current applicant: deleted?, organisation, first and last names.
    applicant: (bool, String, String, String),
    disclaimers: Vec<(String, String)>,
    disclaimer_language: String,
}

impl RecordHandler for TradeMark {
    fn begin(&mut self, attributes: &[(String, String)]) {
        *self = TradeMark::default();
        self.deleted = is_delete(attributes);
    }

    fn start(&mut self, path: &[String], attributes: &[(String, String)]) {
        match path.last().map(String::as_str) {
            Some("Applicant") if path.len() == 2 => {
                self.applicant = (
                    is_delete(attributes),
                    String::new(),
                    String::new(),
                    String::new(),
                )
            }
            Some("MarkDisclaimer") => {
                self.disclaimer_language = attributes
                    .iter()
                    .find(|(k, _)| k == "languageCode")
                    .map(|(_, v)| v.clone())
                    .unwrap_or_default()
            }
            _ => {}
        }
    }

    fn end(&mut self, path: &[String], text: &str) {
        let mut names = [""; MAX_DEPTH];
        let Some(depth) = path_names(path, &mut names) else {
            return;
        };
        match &names[..depth] {
            ["ApplicationNumber"] => self.number = text.to_string(),
            ["ApplicationDate"] => self.filed = text.to_string(),
            ["RegistrationDate"] => self.registered = text.to_string(),
            ["MarkCurrentStatusCode"] => self.status = text.to_string(),
            ["MarkFeature"] => self.feature = text.to_string(),
            ["WordMarkSpecification", "MarkVerbalElementText"] => self.mark = text.to_string(),
            ["GoodsServicesDetails", "GoodsServices", "ClassDescriptionDetails", "ClassDescription", "ClassNumber"] => {
                self.classes.extend(parse_nice_class(text))
            }
            ["ApplicantDetails", "Applicant", .., "FormattedName", field] => match *field {
                "OrganizationName" => self.applicant.1 = text.to_string(),
                "FirstName" => self.applicant.2 = text.to_string(),
                "LastName" => self.applicant.3 = text.to_string(),
                _ => {}
            },
            ["ApplicantDetails", "Applicant"] => {
                let (deleted, organisation, first, last) = std::mem::take(&mut self.applicant);
                let name = if organisation.is_empty() {
                    format!("{first} {last}").trim().to_string()
                } else {
                    organisation
                };
                if !deleted && !name.is_empty() && self.owner.is_none() {
                    self.owner = Some(name);
                }
            }
            ["MarkDisclaimerDetails", "MarkDisclaimer"] if !text.is_empty() => {
                self.disclaimers.push((
                    std::mem::take(&mut self.disclaimer_language),
                    text.to_string(),
                ))
            }
            _ => {}
        }
    }

    fn finish(&mut self, sink: &mut dyn RecordSink, file: &str, broken: Option<String>) {
        let mark = std::mem::take(self);
        let number = mark.number.trim().to_string();
        let location = if number.is_empty() {
            "trade mark without application number".to_string()
        } else {
            format!("application {number}")
        };
        let mut skip = |reason, detail: String| {
            sink.skipped(Skipped {
                file: file.to_string(),
                location: location.clone(),
                reason,
                detail,
            })
        };
        if let Some(why) = broken {
            return skip(SkipReason::Malformed, why);
        }
        if number.is_empty() {
            return skip(SkipReason::MissingField, "no ApplicationNumber".into());
        }
        let status = if mark.deleted {
            Status::Dead
        } else {
            match status_from_text(&mark.status) {
                Some(status) => status,
                None if mark.status.trim().is_empty() => {
                    return skip(SkipReason::MissingField, "no MarkCurrentStatusCode".into())
                }
                None => {
                    let detail = format!(
                        "status `{}` is not in the EUIPO status vocabulary",
                        mark.status
                    );
                    return skip(SkipReason::InvalidValue, detail);
                }
            }
        };
        let text = mark.mark.trim();
        if text.is_empty() {
            let detail = if mark.deleted {
                "deleted mark (operationCode Delete) without verbal element".to_string()
            } else {
                format!(
                    "{} mark without verbal element",
                    if mark.feature.is_empty() {
                        "a"
                    } else {
                        &mark.feature
                    }
                )
            };
            return skip(SkipReason::NoMarkText, detail);
        }
        let drawing = match mark.feature.trim() {
            "Word" => Drawing::Word,
            "Figurative" => Drawing::StylisedWords,
            _ => Drawing::Other,
        };
        let mut record = Record::new(Register::EU, text, mark.owner.unwrap_or_default());
        record.number = number.clone();
        record.status = status;
        record.drawing = drawing;
        record.filed = euipo_date(&mark.filed);
        record.registered = euipo_date(&mark.registered);
        if record.registered != 0 || status == Status::Registered {
            record.registration = Some(number);
        }
        let mut classes = mark.classes;
        classes.sort_unstable();
        classes.dedup();
        record.classes = classes;
        let english: Vec<String> = mark
            .disclaimers
            .iter()
            .filter(|(l, _)| l == "en")
            .map(|(_, t)| t.clone())
            .collect();
        record.disclaimers = if english.is_empty() {
            mark.disclaimers
                .into_iter()
                .take(1)
                .map(|(_, t)| t)
                .collect()
        } else {
            english
        };
        sink.record(record);
    }
}

fn is_delete(attributes: &[(String, String)]) -> bool {
    attributes
        .iter()
        .any(|(k, v)| k == "operationCode" && v.eq_ignore_ascii_case("delete"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_vocabulary() {
        assert_eq!(status_from_text("Registered"), Some(Status::Registered));
        assert_eq!(
            status_from_text("Registration cancellation pending"),
            Some(Status::Registered)
        );
        assert_eq!(
            status_from_text("Application  published"),
            Some(Status::Pending)
        );
        assert_eq!(status_from_text("Appeal pending"), Some(Status::Pending));
        assert_eq!(status_from_text("Registration expired"), Some(Status::Dead));
        assert_eq!(status_from_text("Application refused"), Some(Status::Dead));
        assert_eq!(status_from_text("Somewhere else"), None);
    }

    /// Every `MarkCurrentStatusCode` value of the EUIPO status vocabulary (as catalogued
    /// from real EUTM bulk files), written out by hand with the state it must give.
    /// "Registration cancellation pending" is listed by the vocabulary among the live
    /// values: the registration stands until the cancellation is decided, so it stays
    /// registered.
    #[rustfmt::skip]
    const VOCABULARY: &[(&str, Status)] = &[
        ("Registered", Status::Registered),
        ("Registration cancellation pending", Status::Registered),
        ("Application filed", Status::Pending),
        ("Application published", Status::Pending),
        ("Application under examination", Status::Pending),
        ("Application opposed", Status::Pending),
        ("Registration pending", Status::Pending),
        ("Appeal pending", Status::Pending),
        ("Application refused", Status::Dead),
        ("Application withdrawn", Status::Dead),
        ("Registration cancelled", Status::Dead),
        ("Registration surrendered", Status::Dead),
        ("Registration expired", Status::Dead),
    ];

    #[test]
    fn every_euipo_status_value_has_its_live_dead_state() {
        for &(value, expected) in VOCABULARY {
            assert_eq!(status_from_text(value), Some(expected), "{value}");
            // Case and spacing as files spell them vary; the value does not.
            let shouted = value.to_uppercase().replace(' ', "  ");
            assert_eq!(
                status_from_text(&format!(" {shouted}\n")),
                Some(expected),
                "{shouted}"
            );
        }
    }

    #[test]
    fn values_outside_the_euipo_vocabulary_are_unknown() {
        for value in [
            "",
            "Registration",
            "Application",
            "Expired",
            "Cancelled",
            "Filed",
        ] {
            assert_eq!(status_from_text(value), None, "{value:?}");
        }
    }

    #[test]
    fn dates_with_and_without_zone() {
        assert_eq!(euipo_date("2004-03-15"), 20040315);
        assert_eq!(euipo_date("2004-03-15+01:00"), 20040315);
        assert_eq!(euipo_date(""), 0);
    }
}
