//! Risk: the kind and severity of a finding, and the reason that says which evidence
//! decided them.
//!
//! Inputs are facts gathered by the other passes — the live records behind the span,
//! the listing's Nice classes, how common the mark's words are, where the span stands in
//! its field, whether it is a disguise — and the output is one of three severities:
//!
//! | mark | in the listing's classes | classes unknown | other classes only |
//! |---|---|---|---|
//! | coined word, registered or famous | high | high | medium (high if famous) |
//! | coined word, only on a brand list | high | medium | low |
//! | common word, brand position (strong) | high | medium if registered | low |
//! | common word, brand position (weak) or no evidence | medium | low | low |
//! | common word, ordinary use | low | low | low |
//!
//! A famous brand that is also a common word ("Shell", "Target") is judged like any
//! common word: fame does not make "target disc" a brand.
//!
//! Lookalikes of coined marks follow the coined row; a pending application is at most
//! medium; a word the owner disclaimed, a design-only record and a dead record protect
//! nothing. This module owns that table; it must not search text or the index.

use super::ordinary::{self, Usage};
use crate::listing::{FindingKind, RecordRef, Severity};
use crate::register::{Drawing, Record, Register, Status};
use std::sync::Arc;

/// How the live records relate to the listing's goods.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Classes {
    /// A record covers one of the listing's classes.
    Overlap,
    /// The listing's classes are unknown, or the records name none.
    Unknown,
    /// Every record is for other goods.
    Unrelated,
}

/// One record's claim on the words of its key: what judging needs to know of a record
/// that protects them (live, not design-only, not disclaiming them). Read from the
/// snapshot's columns without decoding the record; `record` says which record it is,
/// for citing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Claim {
    /// The caller's number for the record, handed back when it is cited.
    pub record: u32,
    /// Its register.
    pub register: Register,
    /// Registered or pending.
    pub status: Status,
    /// Registered in stylised form only.
    pub stylised: bool,
    /// On the famous-brand evidence.
    pub famous: bool,
    /// Its Nice classes as a [`class_mask`]; `None` when it names none.
    pub classes: Option<u64>,
}

impl Claim {
    /// The claim of a decoded record on `key`, numbered `record`; `None` when it
    /// protects nothing.
    pub fn of(record: u32, r: &Record, key: &str) -> Option<Claim> {
        Claim::protecting(r.status, r.drawing, || disclaims(r, key)).then(|| Claim {
            record,
            register: r.register,
            status: r.status,
            stylised: r.drawing == Drawing::StylisedWords,
            famous: r.famous,
            classes: (!r.classes.is_empty()).then(|| class_mask(&r.classes)),
        })
    }

    /// Whether a record of this status and drawing protects the words of its key;
    /// `disclaimed` (asked last, it may need the whole record) says whether the owner
    /// disclaimed them.
    pub fn protecting(status: Status, drawing: Drawing, disclaimed: impl FnOnce() -> bool) -> bool {
        status.is_live() && drawing != Drawing::DesignOnly && !disclaimed()
    }
}

/// What the records of one key protect, worked out once for the key and kept with it:
/// a common word can stand behind hundreds of records, and every check that meets the
/// word asks the same questions of them.
#[derive(Debug, Clone, Default)]
pub struct Protection {
    /// The claims, in the order they are cited when the listing's classes do not
    /// decide: registrations before brand-list entries, registered before pending,
    /// then in the order given.
    claims: Vec<Claim>,
    /// The classes named by any claim (`None`: none names one).
    classes: Option<u64>,
    /// The same for the registrations' claims (not brand-list entries).
    registered_classes: Option<u64>,
}

impl Protection {
    /// What these claims (of one key's records) protect together.
    pub fn of(mut claims: Vec<Claim>) -> Protection {
        claims.sort_by_key(|c| {
            (
                c.register == Register::Famous,
                c.status != Status::Registered,
            )
        });
        let union = |filter: &dyn Fn(&Claim) -> bool| {
            claims
                .iter()
                .filter(|c| filter(c))
                .filter_map(|c| c.classes)
                .reduce(|a, b| a | b)
        };
        Protection {
            classes: union(&|_| true),
            registered_classes: union(&|c| c.register != Register::Famous),
            claims,
        }
    }

    /// The protection of decoded records of `key` (numbered by position).
    pub fn of_records(records: &[Record], key: &str) -> Protection {
        Protection::of(
            (0..records.len() as u32)
                .zip(records)
                .filter_map(|(i, r)| Claim::of(i, r, key))
                .collect(),
        )
    }

    /// The claims, in the order they are cited when the listing's classes do not decide.
    pub fn claims(&self) -> &[Claim] {
        &self.claims
    }

    fn any(&self, f: impl Fn(&Claim) -> bool) -> bool {
        self.claims.iter().any(f)
    }
}

/// Nice classes as a bit mask: bit `c` for class `c` (classes run from 1 to 45).
pub fn class_mask(classes: &[u8]) -> u64 {
    classes
        .iter()
        .filter(|&&c| c < 64)
        .fold(0, |mask, &c| mask | 1 << c)
}

/// The facts about one candidate.
#[derive(Debug, Clone)]
pub struct Facts<'a> {
    /// The mark key the span matched (or imitates).
    pub key: &'a str,
    /// What the records of that key protect.
    pub protection: &'a Protection,
    /// The listing's Nice classes as a [`class_mask`] (0: unknown).
    pub listing_classes: u64,
    /// The most common of the mark's words, when every word of it is common (or the
    /// mark is a short abbreviation): `(word, zipf)`. `None`: the mark is coined.
    pub common: Option<(&'a str, f32)>,
    /// Where the span stands.
    pub usage: &'a Usage,
    /// The span disguises the mark (typo, spacing, homoglyphs, leetspeak): how.
    pub disguise: Option<String>,
}

/// The verdict on one candidate.
#[derive(Debug, Clone, PartialEq)]
pub struct Verdict {
    /// The finding's kind.
    pub kind: FindingKind,
    /// Its severity.
    pub severity: Severity,
    /// The mark as registered (of the most relevant record).
    pub mark: String,
    /// The evidence that decided, in words.
    pub reason: String,
    /// The records cited, most relevant first.
    pub records: Vec<RecordRef>,
}

/// Judges one candidate; `None` when no live record protects the words. `cite` gives
/// the record a [`Claim`] names.
pub fn judge(f: &Facts<'_>, cite: &dyn Fn(u32) -> Option<Arc<Record>>) -> Option<Verdict> {
    assess(f).map(|a| a.verdict(f, cite))
}

/// Kind and severity of a candidate with the evidence that decided them, before the
/// records are cited: what a caller needs to decide whether to report it at all.
#[derive(Debug, Clone)]
pub struct Assessment {
    /// The finding's kind.
    pub kind: FindingKind,
    /// Its severity.
    pub severity: Severity,
    /// The evidence that decided, in words.
    why: Vec<String>,
}

/// Assesses one candidate like [`judge`] without citing its records (a common word can
/// have hundreds); `None` when no live record protects the words.
pub fn assess(f: &Facts<'_>) -> Option<Assessment> {
    let p = f.protection;
    if p.claims.is_empty() {
        return None;
    }
    // Registrations (US, EU, a watch list) protect words; brand lists only say a name
    // is a brand, strongly when it is famous.
    let registered_any = p.any(|c| c.register != Register::Famous);
    let famous = p.any(|c| c.famous);
    if !f.key.chars().any(char::is_alphabetic) && !registered_any {
        // A number on a brand list ("76") is not a brand in a listing's text.
        return None;
    }
    let registered = p.any(|c| c.status == Status::Registered && c.register != Register::Famous);
    let stylised_only = p.claims.iter().all(|c| c.stylised);
    let classes = relate(p.classes, f.listing_classes);

    let mut why = Vec::new();
    let mut severity = match f.common {
        None => {
            why.push("a coined word, distinctive in any line of goods".to_owned());
            match classes {
                _ if famous => Severity::High,
                Classes::Overlap => Severity::High,
                Classes::Unknown if registered_any => Severity::High,
                Classes::Unknown => {
                    why.push("on a brand list".to_owned());
                    Severity::Medium
                }
                Classes::Unrelated if registered_any => Severity::Medium,
                Classes::Unrelated => Severity::Low,
            }
        }
        Some((word, zipf)) => {
            why.push(if word.chars().count() <= ordinary::ABBREVIATION_LETTERS {
                format!("\"{word}\" is short enough to be an abbreviation")
            } else {
                format!("\"{word}\" is also a common word (Zipf {zipf:.1})")
            });
            // For a common word only registrations say which goods the word is a brand
            // for: brand lists hold too many ordinary words ("Outfit", "Bread").
            let classes = relate(p.registered_classes, f.listing_classes);
            match f.usage {
                Usage::Ordinary { why: w } => {
                    why.push(format!("used as an ordinary word: {w}"));
                    Severity::Low
                }
                Usage::Brand { strong, why: w } => {
                    why.push(if *strong {
                        format!("in brand position: {w}")
                    } else {
                        format!("possibly in brand position: {w}")
                    });
                    match classes {
                        Classes::Overlap if *strong => Severity::High,
                        Classes::Overlap => Severity::Medium,
                        Classes::Unknown if *strong && registered_any => Severity::Medium,
                        _ => Severity::Low,
                    }
                }
                Usage::Neutral => match classes {
                    Classes::Overlap => Severity::Medium,
                    _ => Severity::Low,
                },
            }
        }
    };
    // A seller's watch list is not a register: say so rather than "registered".
    let watch_only = p.claims.iter().all(|c| c.register == Register::Watch);
    why.push(
        match classes {
            Classes::Overlap if watch_only => "on your watch list for the goods of this listing",
            Classes::Overlap => "registered for the goods of this listing",
            Classes::Unknown if f.listing_classes == 0 => "the listing's goods class is unknown",
            Classes::Unknown if watch_only => "on your watch list for any goods",
            Classes::Unknown => "registered without a goods class",
            Classes::Unrelated if famous => "a famous brand, protected beyond its goods",
            Classes::Unrelated if watch_only => "on your watch list only for other goods",
            Classes::Unrelated => "registered only for other goods",
        }
        .to_owned(),
    );
    if watch_only && !why.iter().any(|w| w.contains("watch list")) {
        why.push("on your watch list".to_owned());
    } else if !watch_only && p.any(|c| c.register == Register::Watch) {
        why.push("also on your watch list".to_owned());
    }
    if famous && !why.iter().any(|w| w.contains("famous")) {
        why.push("a famous brand".to_owned());
    }
    if stylised_only && f.common.is_some() && severity > Severity::Low {
        severity = Severity::Medium;
        why.push("registered only in stylised form".to_owned());
    }
    let kind = if f.disguise.is_some() {
        FindingKind::Lookalike
    } else if famous && (classes != Classes::Overlap || !registered) {
        FindingKind::FamousBrand
    } else if registered {
        FindingKind::RegisteredMark
    } else if p.any(|c| c.status == Status::Pending) {
        FindingKind::PendingMark
    } else {
        FindingKind::FamousBrand
    };
    if kind == FindingKind::PendingMark && severity == Severity::High {
        severity = Severity::Medium;
        why.push("only applied for, not yet registered".to_owned());
    }
    Some(Assessment {
        kind,
        severity,
        why,
    })
}

/// The most records a finding cites. A common word can stand behind hundreds of
/// registrations ("star", "eagle"); a seller reads the most relevant few, and the reason
/// says how many there are.
pub const CITED_RECORDS: usize = 10;

impl Assessment {
    /// The verdict: the mark as registered, the reason and the records cited, most
    /// relevant first (at most [`CITED_RECORDS`]). `f` are the facts the assessment
    /// came from; `cite` gives the record a [`Claim`] names (`None`: it cannot be read,
    /// and is not cited).
    pub fn verdict(mut self, f: &Facts<'_>, cite: &dyn Fn(u32) -> Option<Arc<Record>>) -> Verdict {
        // Most relevant first: in the listing's classes, then in the order the
        // protection keeps (registered rather than on a brand list, registered rather
        // than pending, record order). Scanning stops at the cited few.
        let p = f.protection;
        if p.claims.len() > CITED_RECORDS {
            self.why.push(format!(
                "{} live records, the {CITED_RECORDS} most relevant cited",
                p.claims.len()
            ));
        }
        let in_classes = |wanted: bool| {
            p.claims
                .iter()
                .filter(move |c| (c.classes.unwrap_or(0) & f.listing_classes != 0) == wanted)
        };
        let cited: Vec<Arc<Record>> = in_classes(true)
            .chain(in_classes(false))
            .filter_map(|c| cite(c.record))
            .take(CITED_RECORDS)
            .collect();
        let mark = cited
            .first()
            .map_or_else(|| f.key.to_uppercase(), |r| r.mark.clone());
        let mut reason = match &f.disguise {
            Some(d) => format!("Looks like {mark} ({d}): "),
            None => format!("{mark}: "),
        };
        reason.push_str(&self.why.join("; "));
        reason.push('.');
        Verdict {
            kind: self.kind,
            severity: self.severity,
            mark,
            reason,
            records: cited.iter().map(|r| record_ref(r)).collect(),
        }
    }
}

/// How records naming the classes `covered` (`None`: none names any) relate to the
/// listing's classes.
fn relate(covered: Option<u64>, listing: u64) -> Classes {
    match covered {
        _ if listing == 0 => Classes::Unknown,
        None => Classes::Unknown,
        Some(mask) if mask & listing != 0 => Classes::Overlap,
        Some(_) => Classes::Unrelated,
    }
}

/// Whether the owner disclaimed the matched words (no exclusive right to them alone).
fn disclaims(r: &Record, key: &str) -> bool {
    r.disclaimers
        .iter()
        .any(|d| crate::text::mark_key(d) == key)
}

/// A record in the shape findings cite it.
pub fn record_ref(r: &Record) -> RecordRef {
    RecordRef {
        register: r.register.code().to_owned(),
        number: r.number.clone(),
        registration: r.registration.clone(),
        owner: r.owner.clone(),
        classes: r.classes.clone(),
        status: r.status.as_str().to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Cites a test's records by position.
    fn cite(records: &[Record]) -> impl Fn(u32) -> Option<Arc<Record>> + '_ {
        |i| records.get(i as usize).cloned().map(Arc::new)
    }

    fn rec(mark: &str, classes: &[u8]) -> Record {
        let mut r = Record::new(Register::US, mark, "Owner Inc.");
        r.classes = classes.to_vec();
        r
    }

    fn sev(
        records: &[Record],
        listing: &[u8],
        common: Option<(&str, f32)>,
        usage: Usage,
    ) -> Option<Severity> {
        judge(
            &Facts {
                key: "x",
                protection: &Protection::of_records(records, "x"),
                listing_classes: class_mask(listing),
                common,
                usage: &usage,
                disguise: None,
            },
            &cite(records),
        )
        .map(|v| v.severity)
    }

    #[test]
    fn many_records_are_cited_most_relevant_first_and_counted() {
        let mut records: Vec<Record> = (0..30).map(|_| rec("STAR", &[9])).collect();
        records.push(rec("STAR", &[28]));
        let usage = Usage::Neutral;
        let v = judge(
            &Facts {
                key: "star",
                protection: &Protection::of_records(&records, "star"),
                listing_classes: class_mask(&[28]),
                common: None,
                usage: &usage,
                disguise: None,
            },
            &cite(&records),
        )
        .unwrap();
        assert_eq!(v.records.len(), CITED_RECORDS);
        assert_eq!(
            v.records[0].classes,
            [28],
            "the record in the listing's class first"
        );
        assert!(v.reason.contains("31 live records"), "{}", v.reason);
    }

    #[test]
    fn coined_marks_are_high_in_class_and_medium_outside() {
        let r = [rec("HUBSAN", &[9])];
        assert_eq!(
            sev(&r, &[9, 28], None, Usage::Neutral),
            Some(Severity::High)
        );
        assert_eq!(sev(&r, &[25], None, Usage::Neutral), Some(Severity::Medium));
    }

    #[test]
    fn common_words_need_evidence() {
        let r = [rec("ORANGE", &[38])];
        let common = Some(("orange", 4.4));
        assert_eq!(sev(&r, &[24], common, Usage::Neutral), Some(Severity::Low));
        let r = [rec("GALAXY", &[9])];
        let brand = Usage::Brand {
            strong: true,
            why: "w",
        };
        assert_eq!(
            sev(&r, &[9], Some(("galaxy", 3.8)), brand.clone()),
            Some(Severity::High)
        );
        assert_eq!(
            sev(
                &r,
                &[9],
                Some(("galaxy", 3.8)),
                Usage::Ordinary { why: "w" }
            ),
            Some(Severity::Low)
        );
        assert_eq!(
            sev(&r, &[25], Some(("galaxy", 3.8)), brand),
            Some(Severity::Low)
        );
        assert_eq!(
            sev(&r, &[25], Some(("galaxy", 3.8)), Usage::Neutral),
            Some(Severity::Low)
        );
    }

    #[test]
    fn dead_design_only_and_disclaimed_records_protect_nothing() {
        let mut dead = rec("LEGO", &[28]);
        dead.status = Status::Dead;
        assert_eq!(sev(&[dead], &[28], None, Usage::Neutral), None);
        let mut design = rec("LEGO", &[28]);
        design.drawing = Drawing::DesignOnly;
        assert_eq!(sev(&[design], &[28], None, Usage::Neutral), None);
        let mut disclaimed = rec("X TOYS", &[28]);
        disclaimed.disclaimers = vec!["X".into()];
        assert_eq!(sev(&[disclaimed], &[28], None, Usage::Neutral), None);
    }

    #[test]
    fn famous_brands_are_high_anywhere_when_coined() {
        let mut f = Record::new(Register::Famous, "LEGO", "The LEGO Group");
        f.famous = true;
        let records = [f];
        let v = judge(
            &Facts {
                key: "lego",
                protection: &Protection::of_records(&records, "lego"),
                listing_classes: class_mask(&[25]),
                common: None,
                usage: &Usage::Neutral,
                disguise: None,
            },
            &cite(&records),
        )
        .unwrap();
        assert_eq!(
            (v.kind, v.severity),
            (FindingKind::FamousBrand, Severity::High)
        );
    }
}
