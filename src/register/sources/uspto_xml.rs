//! Reader of the USPTO trademark XML (`trademark-applications-daily`, DTD v2.0): the
//! annual backfile parts and the daily files, plain or zipped. Every `case-file` element
//! becomes one [`Record`] of the US register, wherever it sits (bulk files nest it in
//! `application-information/file-segments/action-keys`; other wrappers are accepted too).
//!
//! Field mapping: `serial-number` → number; `registration-number` (all zeros = none);
//! `case-file-header`: `mark-identification` → mark, `status-code` → status through USPTO
//! Table 1, `mark-drawing-code` → drawing kind, `filing-date`, `registration-date`;
//! `classifications/classification`: each `international-code` that is a Nice class,
//! unless the classification's `status-code` says the class was cancelled, abandoned or
//! expired (a live case whose every class is marked inactive keeps its classes);
//! `case-file-owners/case-file-owner`: the `party-name` of the latest party type (10
//! applicant → 20 owner at publication → 30 registrant → 40+ later owners; 70 is a
//! correspondent), the lowest `entry-number` among joint owners;
//! `case-file-statements/case-file-statement` by `type-code`: `D0…`/`D1…` disclaimers
//! (the disclaimed words when the text is the standard "no claim is made to the exclusive
//! right to use … apart from the mark as shown"), `PM…` pseudo-marks, `TR…`/`TLIT…` translations.
//!
//! A case with no serial number, no known status code or no words (empty mark text or a
//! design-only drawing) is reported as skipped with its serial number; so is one the XML
//! breaks inside. Memory is constant: one case file at a time.
//! This module must not decide what goes into a snapshot; it only reads.

use super::uspto_codes::{
    class_is_active, disclaimed_words, drawing_from_code, parse_date, parse_nice_class,
    parse_registration, parse_serial, statement_kind, status_from_code, StatementKind,
};
use super::xml_records::{path_names, read_records, RecordHandler, XmlSourceError, MAX_DEPTH};
use crate::register::{Drawing, Record, RecordSink, Register, SkipReason, Skipped};
use std::path::Path;

/// Why a USPTO XML file could not be read at all.
pub type UsptoXmlError = XmlSourceError;

/// Reads the USPTO trademark XML file at `path` (plain `.xml` or `.zip`) and delivers one
/// record per case file to `sink`.
pub fn read(path: &Path, sink: &mut dyn RecordSink) -> Result<(), UsptoXmlError> {
    read_records(path, "case-file", &mut CaseFile::default(), sink)
}

/// The case file being read.
#[derive(Debug, Default)]
struct CaseFile {
    serial: String,
    registration: String,
    mark: String,
    status: String,
    drawing: String,
    filed: String,
    registered: String,
    classes: Vec<u8>,
    inactive_classes: Vec<u8>,
    /// The current classification's codes and status.
    class_codes: Vec<u8>,
    class_status: String,
    /// Owner: (party type, entry number, name) of the best so far, and the current one.
    owner: Option<(u16, u16, String)>,
    party: (Option<u16>, Option<u16>, String),
    /// The current statement's type code and text.
    statement: (String, String),
    disclaimers: Vec<String>,
    pseudo_marks: Vec<String>,
    translations: Vec<String>,
}

impl RecordHandler for CaseFile {
    fn begin(&mut self, _attributes: &[(String, String)]) {
        *self = CaseFile::default();
    }

    fn end(&mut self, path: &[String], text: &str) {
        let mut names = [""; MAX_DEPTH];
        let Some(depth) = path_names(path, &mut names) else {
            return;
        };
        match &names[..depth] {
            ["serial-number"] => self.serial = text.to_string(),
            ["registration-number"] => self.registration = text.to_string(),
            ["case-file-header", field] => {
                let slot = match *field {
                    "mark-identification" => &mut self.mark,
                    "status-code" => &mut self.status,
                    "mark-drawing-code" => &mut self.drawing,
                    "filing-date" => &mut self.filed,
                    "registration-date" => &mut self.registered,
                    _ => return,
                };
                *slot = text.to_string();
            }
            ["classifications", "classification", "international-code"] => {
                self.class_codes.extend(parse_nice_class(text));
            }
            ["classifications", "classification", "status-code"] => {
                self.class_status = text.to_string()
            }
            ["classifications", "classification"] => {
                let codes = std::mem::take(&mut self.class_codes);
                if class_is_active(&std::mem::take(&mut self.class_status)) {
                    self.classes.extend(codes);
                } else {
                    self.inactive_classes.extend(codes);
                }
            }
            ["case-file-owners", "case-file-owner", field] => match *field {
                "entry-number" => self.party.1 = text.parse().ok(),
                "party-type" => self.party.0 = text.parse().ok(),
                "party-name" => self.party.2 = text.to_string(),
                _ => {}
            },
            ["case-file-owners", "case-file-owner"] => {
                let (party_type, entry, name) = std::mem::take(&mut self.party);
                // An unreadable party type counts as the original applicant (10).
                let party_type = party_type.unwrap_or(10);
                let entry = entry.unwrap_or(u16::MAX);
                if name.is_empty() || party_type >= 70 {
                    return;
                }
                let better = match &self.owner {
                    None => true,
                    Some((t, e, _)) => party_type > *t || (party_type == *t && entry < *e),
                };
                if better {
                    self.owner = Some((party_type, entry, name));
                }
            }
            ["case-file-statements", "case-file-statement", "type-code"] => {
                self.statement.0 = text.to_string()
            }
            ["case-file-statements", "case-file-statement", "text"] => {
                if !self.statement.1.is_empty() {
                    self.statement.1.push(' ');
                }
                self.statement.1.push_str(text);
            }
            ["case-file-statements", "case-file-statement"] => {
                let (code, text) = std::mem::take(&mut self.statement);
                if text.is_empty() {
                    return;
                }
                match statement_kind(&code) {
                    Some(StatementKind::Disclaimer) => {
                        self.disclaimers.push(disclaimed_words(&text))
                    }
                    Some(StatementKind::PseudoMark) => self.pseudo_marks.push(text),
                    Some(StatementKind::Translation) => self.translations.push(text),
                    None => {}
                }
            }
            _ => {}
        }
    }

    fn finish(&mut self, sink: &mut dyn RecordSink, file: &str, broken: Option<String>) {
        let case = std::mem::take(self);
        let serial = parse_serial(&case.serial);
        let location = match serial {
            Some(s) => format!("serial {s:08}"),
            None if case.serial.is_empty() => "case file without serial number".to_string(),
            None => format!("serial {}", case.serial),
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
        let Some(serial) = serial else {
            let detail = if case.serial.is_empty() {
                "no serial-number".to_string()
            } else {
                format!("serial-number `{}` is not a serial number", case.serial)
            };
            let reason = if case.serial.is_empty() {
                SkipReason::MissingField
            } else {
                SkipReason::InvalidValue
            };
            return skip(reason, detail);
        };
        let Some(status) = case.status.parse::<u16>().ok().and_then(status_from_code) else {
            return if case.status.is_empty() {
                skip(SkipReason::MissingField, "no status-code".into())
            } else {
                skip(
                    SkipReason::InvalidValue,
                    format!("status code `{}` is not in USPTO Table 1", case.status),
                )
            };
        };
        let drawing = drawing_from_code(&case.drawing);
        if case.mark.is_empty() {
            return skip(SkipReason::NoMarkText, "no mark-identification".into());
        }
        if drawing == Drawing::DesignOnly {
            let detail = format!(
                "design-only mark (drawing code {}) has no words to match",
                case.drawing
            );
            return skip(SkipReason::NoMarkText, detail);
        }
        let owner = case.owner.map(|(_, _, name)| name).unwrap_or_default();
        let mut record = Record::new(Register::US, case.mark, owner);
        record.number = format!("{serial:08}");
        record.registration = parse_registration(&case.registration);
        record.status = status;
        record.drawing = drawing;
        record.filed = parse_date(&case.filed).unwrap_or(0);
        record.registered = parse_date(&case.registered).unwrap_or(0);
        let mut classes = case.classes;
        if classes.is_empty() && status.is_live() {
            classes = case.inactive_classes;
        }
        classes.sort_unstable();
        classes.dedup();
        record.classes = classes;
        record.disclaimers = case.disclaimers;
        record.pseudo_marks = case.pseudo_marks;
        record.translations = case.translations;
        sink.record(record);
    }
}
