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

/// The facts about one candidate.
#[derive(Debug, Clone)]
pub struct Facts<'a> {
    /// The mark key the span matched (or imitates).
    pub key: &'a str,
    /// Every record of that key, live or not.
    pub records: &'a [Record],
    /// The listing's Nice classes (empty: unknown).
    pub listing_classes: &'a [u8],
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

/// Judges one candidate; `None` when no live record protects the words.
pub fn judge(f: &Facts<'_>) -> Option<Verdict> {
    assess(f).map(|a| a.verdict(f))
}

/// Kind and severity of a candidate with the evidence that decided them, before the
/// records are cited: what a caller needs to decide whether to report it at all.
#[derive(Debug, Clone)]
pub struct Assessment<'r> {
    /// The finding's kind.
    pub kind: FindingKind,
    /// Its severity.
    pub severity: Severity,
    /// The evidence that decided, in words.
    why: Vec<String>,
    /// The records that protect the words.
    live: Vec<&'r Record>,
}

/// Assesses one candidate like [`judge`] without citing its records (a common word can
/// have hundreds); `None` when no live record protects the words.
pub fn assess<'r>(f: &Facts<'r>) -> Option<Assessment<'r>> {
    let live: Vec<&Record> = f
        .records
        .iter()
        .filter(|r| r.status.is_live() && r.drawing != Drawing::DesignOnly && !disclaims(r, f.key))
        .collect();
    if live.is_empty() {
        return None;
    }
    // Registrations (US, EU, a watch list) protect words; brand lists only say a name
    // is a brand, strongly when it is famous.
    let registered_any = live.iter().any(|r| r.register != Register::Famous);
    let famous = live.iter().any(|r| r.famous);
    if !f.key.chars().any(char::is_alphabetic) && !registered_any {
        // A number on a brand list ("76") is not a brand in a listing's text.
        return None;
    }
    let registered = live
        .iter()
        .any(|r| r.status == Status::Registered && r.register != Register::Famous);
    let stylised_only = live.iter().all(|r| r.drawing == Drawing::StylisedWords);
    let classes = relate(&live, f.listing_classes);

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
            let registrations: Vec<&Record> = live
                .iter()
                .copied()
                .filter(|r| r.register != Register::Famous)
                .collect();
            let classes = relate(&registrations, f.listing_classes);
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
    let watch_only = live.iter().all(|r| r.register == Register::Watch);
    why.push(
        match classes {
            Classes::Overlap if watch_only => "on your watch list for the goods of this listing",
            Classes::Overlap => "registered for the goods of this listing",
            Classes::Unknown if f.listing_classes.is_empty() => {
                "the listing's goods class is unknown"
            }
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
    } else if !watch_only && live.iter().any(|r| r.register == Register::Watch) {
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
    } else if live.iter().any(|r| r.status == Status::Pending) {
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
        live,
    })
}

/// The most records a finding cites. A common word can stand behind hundreds of
/// registrations ("star", "eagle"); a seller reads the most relevant few, and the reason
/// says how many there are.
pub const CITED_RECORDS: usize = 10;

impl Assessment<'_> {
    /// The verdict: the mark as registered, the reason and the records cited, most
    /// relevant first (at most [`CITED_RECORDS`]). `f` are the facts the assessment
    /// came from.
    pub fn verdict(mut self, f: &Facts<'_>) -> Verdict {
        // Most relevant first: in the listing's classes, registered rather than on a
        // brand list, registered rather than pending; ties in record order. Only the
        // cited few are sorted.
        let live = std::mem::take(&mut self.live);
        let mut ranked: Vec<((bool, bool, bool), usize)> = live
            .iter()
            .enumerate()
            .map(|(i, r)| {
                let rank = (
                    !r.classes.iter().any(|c| f.listing_classes.contains(c)),
                    r.register == Register::Famous,
                    r.status != Status::Registered,
                );
                (rank, i)
            })
            .collect();
        if ranked.len() > CITED_RECORDS {
            self.why.push(format!(
                "{} live records, the {CITED_RECORDS} most relevant cited",
                ranked.len()
            ));
            ranked.select_nth_unstable(CITED_RECORDS);
            ranked.truncate(CITED_RECORDS);
        }
        ranked.sort_unstable();
        let cited: Vec<&Record> = ranked.iter().map(|&(_, i)| live[i]).collect();
        let mark = cited[0].mark.clone();
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

/// How the live records relate to the listing's classes.
fn relate(live: &[&Record], listing: &[u8]) -> Classes {
    let with_classes: Vec<&&Record> = live.iter().filter(|r| !r.classes.is_empty()).collect();
    if listing.is_empty() || with_classes.is_empty() {
        return Classes::Unknown;
    }
    if with_classes
        .iter()
        .any(|r| r.classes.iter().any(|c| listing.contains(c)))
    {
        Classes::Overlap
    } else {
        Classes::Unrelated
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
        judge(&Facts {
            key: "x",
            records,
            listing_classes: listing,
            common,
            usage: &usage,
            disguise: None,
        })
        .map(|v| v.severity)
    }

    #[test]
    fn many_records_are_cited_most_relevant_first_and_counted() {
        let mut records: Vec<Record> = (0..30).map(|_| rec("STAR", &[9])).collect();
        records.push(rec("STAR", &[28]));
        let usage = Usage::Neutral;
        let v = judge(&Facts {
            key: "star",
            records: &records,
            listing_classes: &[28],
            common: None,
            usage: &usage,
            disguise: None,
        })
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
        let v = judge(&Facts {
            key: "lego",
            records: &[f],
            listing_classes: &[25],
            common: None,
            usage: &Usage::Neutral,
            disguise: None,
        })
        .unwrap();
        assert_eq!(
            (v.kind, v.severity),
            (FindingKind::FamousBrand, Severity::High)
        );
    }
}
