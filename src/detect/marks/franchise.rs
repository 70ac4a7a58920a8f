//! Members of a franchise the listing names: a character or line whose name is an
//! ordinary word ("George" of Peppa Pig, "Marshall" of PAW Patrol, "Tails" of Sonic) is
//! low on its own, but a listing that names the franchise means the character. The
//! curated list says which franchise each of its marks belongs to; the listing's other
//! findings say which franchises it names.
//!
//! The member is judged medium: it names the franchise's character by the listing's
//! own words, and cites the curated record of that franchise, not a namesake (the amp
//! maker Marshall). This module only matches the candidates the field pass set aside
//! (capitalised, low, with a curated record) against the franchises found. A curated
//! row's member names (`Rubble`, `Bingo`: words a listing uses in their ordinary sense
//! every day) lead only here: alone they are no finding at all — unless the listing
//! names its fans ("for Gunners fans", "Spurs supporters"): a word has no fans, a team,
//! band or character has. Another name of a mark the listing names in full ("Man City"
//! beside "Manchester City") is that mark, judged medium the same way.

use super::ordinary::{Gap, Word};
use super::overlaps;
use crate::detect::Engine;
use crate::listing::{Field, Finding, FindingKind, Severity};
use crate::text;
use std::collections::HashSet;
use std::ops::Range;

/// A candidate the field pass judged low that a curated record stands behind: a member
/// of some franchise, if the listing names it.
#[derive(Debug, Clone)]
pub(super) struct SetAside {
    /// Where it stands.
    pub field: Field,
    /// The bullet's index.
    pub index: Option<usize>,
    /// Start in UTF-16 units.
    pub start: usize,
    /// End in UTF-16 units.
    pub end: usize,
    /// The text as written.
    pub text: String,
    /// Its mark key.
    pub key: String,
    /// Its index value.
    pub value: u64,
    /// The product is for its fans ([`for_its_fans`]: "for Gunners fans").
    pub fans: bool,
}

/// Words after a name that say it has followers: a team, band or character, not the
/// ordinary word ("for Gunners fans", "for Spurs supporters").
pub(super) const FANS: &[&str] = &["fan", "fans", "supporter", "supporters"];

/// Whether the words at `span` stand between "for" and a word of [`FANS`] ("for
/// Gunners fans"): the product is for followers of what they name. Without the "for",
/// the words may describe the fans ("Knitted Scarf Winter Fans").
pub(super) fn for_its_fans(words: &[Word<'_>], span: Range<usize>) -> bool {
    let tight = |i: usize| words[i].gap == Gap::Tight;
    span.start > 0
        && words[span.start - 1].text == "for"
        && tight(span.start - 1)
        && tight(span.end - 1)
        && words.get(span.end).is_some_and(|w| FANS.contains(&w.text))
}

impl Engine {
    /// Findings for the set-aside candidates whose curated record belongs to a
    /// franchise that `findings` (high ones) name, by mark or by franchise, where no
    /// finding of `findings` or `short_forms` stands already.
    pub(super) fn franchise_members(
        &self,
        findings: &[Finding],
        short_forms: &[Finding],
        set_aside: &[SetAside],
    ) -> Vec<Finding> {
        let named: HashSet<String> = findings
            .iter()
            // Only a high finding names a franchise firmly enough: a medium one may be
            // a word worth a look ("Sharks"), and members must not follow from it.
            .filter(|f| {
                f.severity == Severity::High
                    && matches!(
                        f.kind,
                        FindingKind::FamousBrand | FindingKind::RegisteredMark
                    )
            })
            .flat_map(|f| {
                let franchise = f.enforcement.as_ref().and_then(|e| e.franchise.as_deref());
                std::iter::once(text::mark_key(&f.mark)).chain(franchise.map(text::mark_key))
            })
            .collect();
        let mut out: Vec<Finding> = Vec::new();
        for s in set_aside.iter().filter(|s| s.fans || !named.is_empty()) {
            let taken = findings
                .iter()
                .filter(|f| f.severity > Severity::Low)
                .chain(short_forms)
                .chain(&out)
                .any(|f| overlaps(f, (s.field, s.index), s.start..s.end));
            if taken {
                continue;
            }
            let kept = self.records(s.value, &s.key);
            let member = kept
                .protection
                .claims()
                .iter()
                .filter(|c| c.enforced)
                .filter_map(|c| kept.cite(c.record, &s.key, &self.snapshot))
                .chain(kept.member_records(&s.key, &self.snapshot).iter().cloned())
                .find_map(|r| {
                    // Another name of a mark the listing names ("Man City" beside
                    // "Manchester City") is that mark.
                    let own_key = text::mark_key(&r.mark);
                    if own_key != s.key && named.contains(&own_key) {
                        let mark = r.mark.clone();
                        return Some((r, mark));
                    }
                    let franchise = r.enforcement.as_ref()?.franchise.clone()?;
                    (s.fans || named.contains(&text::mark_key(&franchise)))
                        .then_some((r, franchise))
                });
            let Some((record, franchise)) = member else {
                continue;
            };
            out.push(Finding {
                field: s.field,
                index: s.index,
                start: s.start,
                end: s.end,
                text: s.text.clone(),
                kind: FindingKind::FamousBrand,
                severity: Severity::Medium,
                mark: record.mark.clone(),
                reason: {
                    let mut reason = if franchise == record.mark {
                        format!(
                            "{}: another name of {franchise}, which this listing names",
                            s.text
                        )
                    } else if named.contains(&text::mark_key(&franchise)) {
                        format!(
                            "{}: a mark of {franchise}, which this listing names",
                            record.mark
                        )
                    } else {
                        format!(
                            "{}: a mark of {franchise}, whose fans it names",
                            record.mark
                        )
                    };
                    if record
                        .enforcement
                        .as_ref()
                        .is_some_and(|e| e.sues_sellers())
                    {
                        reason.push_str("; ");
                        reason.push_str(super::risk::SUES_SELLERS);
                    }
                    reason
                },
                records: vec![super::risk::record_ref(&record)],
                suggestion: "remove".to_owned(),
                source: None,
                enforcement: super::risk::enforcement_ref(&record),
            });
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::super::ordinary::tests::words;
    use super::*;

    #[test]
    fn a_name_between_for_and_fans_is_for_its_fans() {
        let w = words("Scarf for Manchester United fans");
        assert!(for_its_fans(&w, 2..4));
        // Without "for" the words may describe the fans; without "fans" nobody follows.
        assert!(!for_its_fans(&words("Scarf Manchester United fans"), 1..3));
        assert!(!for_its_fans(&words("Scarf for Manchester United"), 2..4));
        assert!(!for_its_fans(
            &words("Scarf for Manchester United supporter"),
            2..3
        ));
    }

    #[test]
    fn punctuation_after_for_or_before_fans_breaks_the_phrase() {
        // The gap after "for" counts, not the one after the name's first word.
        assert!(!for_its_fans(
            &words("Scarf for , Manchester United fans"),
            2..4
        ));
        assert!(!for_its_fans(
            &words("Scarf for Manchester United , fans"),
            2..4
        ));
        assert!(for_its_fans(&words("Scarf for Spurs supporters"), 2..3));
    }
}
