//! One owner's marks side by side are one mention of that owner: "Tesla 特斯拉 Model Y
//! Model 3", "Fujifilm X100VI X100V", "Volkswagen Golf 8 GTI" name one house and its
//! models, and the seller has one thing to decide about them. They become one finding
//! over the run, judged by its strongest member, so a title of models is not a row of
//! underlines that all say the same.

use crate::listing::{Field, Finding, FindingKind, Severity};
use crate::text;

/// The owner's names a finding stands for: its franchise or house mark (else its own
/// mark), as a key, and the curated owner where there is one.
struct House {
    key: String,
    mark: String,
    owner: Option<String>,
}

impl House {
    fn of(f: &Finding) -> House {
        let franchise = f.enforcement.as_ref().and_then(|e| e.franchise.as_deref());
        House {
            key: text::mark_key(franchise.unwrap_or(&f.mark)),
            mark: text::mark_key(&f.mark),
            owner: f
                .enforcement
                .as_ref()
                .map(|e| e.owner.clone())
                .filter(|o| !o.is_empty()),
        }
    }

    /// Whether `other` is a mark of the same house: the same franchise or house mark,
    /// the same curated owner, or a mark that starts with this house's name ("Rode
    /// Wireless GO" beside "Rode").
    fn holds(&self, other: &House) -> bool {
        let starts_with = |mark: &str, house: &str| {
            mark.strip_prefix(house)
                .is_some_and(|rest| rest.starts_with(' '))
        };
        self.key == other.key
            || self.owner.is_some() && self.owner == other.owner
            || starts_with(&other.mark, &self.key)
            || starts_with(&self.mark, &other.key)
    }
}

/// The most UTF-16 units between two names of one house that are one mention: room
/// for a model number or two ("Golf 8 GTI", "Tesla / Model Y").
const MAX_GAP_UNITS: usize = 16;

/// What may stand between two names of one house for them to be one mention: spaces,
/// the separators of a list of models, and model numbers ("Golf 8 GTI").
fn joins(gap: &str) -> bool {
    gap.split(|c: char| c.is_whitespace() || matches!(c, '/' | ',' | '&' | '+' | '|' | '-'))
        .filter(|piece| !piece.is_empty())
        .all(|piece| {
            piece.chars().any(|c| c.is_ascii_digit()) && piece.chars().all(char::is_alphanumeric)
        })
}

/// Whether a finding names a mark outright, so that it may join a run (a disguise or a
/// copied run says something else).
fn names_a_mark(f: &Finding) -> bool {
    f.severity > Severity::Low
        && matches!(
            f.kind,
            FindingKind::FamousBrand | FindingKind::RegisteredMark
        )
}

/// `findings` (in field order, by start) with each run of one house's marks in one
/// field joined into one finding: the strongest member's verdict (the first, among
/// equals) over the whole run, with the others' records after its own and their marks
/// named in the reason. `fields` are the listing's fields, as
/// [`Listing::fields`](crate::Listing::fields) gives them.
pub(super) fn join_runs_of_one_house(
    findings: Vec<Finding>,
    fields: &[(Field, Option<usize>, &str)],
) -> Vec<Finding> {
    let original = |f: &Finding| {
        fields
            .iter()
            .find(|(field, index, _)| (*field, *index) == (f.field, f.index))
            .map(|(_, _, text)| *text)
    };
    // Each run: its members, in text order, and their houses (none yet for a run of
    // one that nothing has tried to join).
    let mut runs: Vec<(Vec<Finding>, Vec<House>)> = Vec::new();
    for f in findings {
        let joined = runs.last_mut().is_some_and(|(members, houses)| {
            let last = &members[members.len() - 1];
            let near = (last.field, last.index) == (f.field, f.index)
                && last.end <= f.start
                && f.start - last.end <= MAX_GAP_UNITS
                && names_a_mark(last)
                && names_a_mark(&f)
                && original(&f)
                    .and_then(|t| text::slice_utf16(t, last.end..f.start))
                    .is_some_and(joins);
            if !near {
                return false;
            }
            if houses.is_empty() {
                houses.push(House::of(last));
            }
            let house = House::of(&f);
            let one = houses.iter().any(|h| h.holds(&house));
            if one {
                houses.push(house);
            }
            one
        });
        if joined {
            runs.last_mut().expect("a run was joined").0.push(f);
        } else {
            runs.push((vec![f], Vec::new()));
        }
    }
    runs.into_iter()
        .map(|(members, _)| one_finding(members, &original))
        .collect()
}

/// One finding for a run of one house's marks (a run of one is itself).
fn one_finding<'a>(
    mut members: Vec<Finding>,
    original: &impl Fn(&Finding) -> Option<&'a str>,
) -> Finding {
    if members.len() == 1 {
        return members.remove(0);
    }
    let (start, end) = (members[0].start, members[members.len() - 1].end);
    let strongest = (0..members.len())
        .rev()
        .max_by_key(|&i| members[i].severity)
        .expect("a run has members");
    let mut finding = members.remove(strongest);
    if let Some(text) = original(&finding).and_then(|t| text::slice_utf16(t, start..end)) {
        finding.text = text.to_owned();
    }
    finding.start = start;
    finding.end = end;
    let mut others: Vec<String> = Vec::new();
    for m in members {
        if m.mark != finding.mark && !others.contains(&m.mark) {
            others.push(m.mark);
        }
        for r in m.records {
            if !finding.records.contains(&r) {
                finding.records.push(r);
            }
        }
        if finding.enforcement.is_none() {
            finding.enforcement = m.enforcement;
        }
    }
    if !others.is_empty() {
        finding.reason = format!(
            "{} Beside it, the same owner's {}.",
            finding.reason,
            others.join(", ")
        );
    }
    finding
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::listing::{EnforcementRef, RecordRef};

    fn finding(start: usize, text: &str, mark: &str, franchise: Option<&str>) -> Finding {
        Finding {
            field: Field::Title,
            index: None,
            start,
            end: start + text.encode_utf16().count(),
            text: text.into(),
            kind: FindingKind::FamousBrand,
            severity: Severity::High,
            mark: mark.into(),
            reason: format!("{mark}: a famous brand."),
            records: Vec::new(),
            suggestion: String::new(),
            source: None,
            enforcement: Some(EnforcementRef {
                schedule_a: false,
                vero: false,
                cases: Vec::new(),
                owner: format!("{} Inc.", franchise.unwrap_or(mark)),
                franchise: franchise.map(str::to_owned),
            }),
        }
    }

    fn texts(title: &str, findings: Vec<Finding>) -> Vec<String> {
        join_runs_of_one_house(findings, &[(Field::Title, None, title)])
            .into_iter()
            .map(|f| f.text)
            .collect()
    }

    #[test]
    fn a_house_and_its_models_side_by_side_are_one_finding() {
        let title = "Case for Tesla Model Y Model 3 Black";
        let joined = join_runs_of_one_house(
            vec![
                finding(9, "Tesla", "Tesla", None),
                finding(15, "Model Y", "Model Y", Some("Tesla")),
                finding(23, "Model 3", "Model 3", Some("Tesla")),
            ],
            &[(Field::Title, None, title)],
        );
        assert_eq!(joined.len(), 1);
        assert_eq!(joined[0].text, "Tesla Model Y Model 3");
        assert_eq!((joined[0].start, joined[0].end), (9, 30));
        assert_eq!(joined[0].mark, "Tesla");
        assert_eq!(
            joined[0].reason,
            "Tesla: a famous brand. Beside it, the same owner's Model Y, Model 3."
        );
    }

    #[test]
    fn the_run_cites_each_record_once_and_names_each_other_mark_once() {
        let record = |number: &str| RecordRef {
            register: "FAMOUS".into(),
            number: number.into(),
            registration: None,
            owner: "Tesla, Inc.".into(),
            classes: vec![12],
            status: "registered".into(),
        };
        let mut tesla = finding(0, "Tesla", "Tesla", None);
        tesla.records = vec![record("1")];
        let mut alias = finding(6, "特斯拉", "Tesla", None);
        alias.records = vec![record("1")];
        let mut y = finding(10, "Model Y", "Model Y", Some("Tesla"));
        y.records = vec![record("2")];
        let mut again = finding(18, "Model Y", "Model Y", Some("Tesla"));
        again.records = vec![record("2"), record("3")];
        let joined = join_runs_of_one_house(
            vec![tesla, alias, y, again],
            &[(Field::Title, None, "Tesla 特斯拉 Model Y Model Y")],
        );
        assert_eq!(joined.len(), 1);
        let numbers: Vec<&str> = joined[0]
            .records
            .iter()
            .map(|r| r.number.as_str())
            .collect();
        assert_eq!(numbers, ["1", "2", "3"]);
        assert_eq!(
            joined[0].reason,
            "Tesla: a famous brand. Beside it, the same owner's Model Y."
        );
    }

    #[test]
    fn model_numbers_and_list_separators_may_stand_between_them() {
        assert_eq!(
            texts(
                "for Volkswagen Golf 8 GTI",
                vec![
                    finding(4, "Volkswagen Golf", "VW Golf", Some("Volkswagen")),
                    finding(22, "GTI", "GTI", Some("Volkswagen")),
                ]
            ),
            ["Volkswagen Golf 8 GTI"]
        );
        assert_eq!(
            texts(
                "Tesla/Model Y",
                vec![
                    finding(0, "Tesla", "Tesla", None),
                    finding(6, "Model Y", "Model Y", Some("Tesla")),
                ]
            ),
            ["Tesla/Model Y"]
        );
    }

    #[test]
    fn at_most_max_gap_units_stand_between_them() {
        let apart = |digits: usize| {
            let title = format!("Tesla {} Model Y", "8".repeat(digits));
            texts(
                &title,
                vec![
                    finding(0, "Tesla", "Tesla", None),
                    finding(7 + digits, "Model Y", "Model Y", Some("Tesla")),
                ],
            )
            .len()
        };
        assert_eq!(
            apart(MAX_GAP_UNITS - 2),
            1,
            "16 units: a space, 14 digits, a space"
        );
        assert_eq!(apart(MAX_GAP_UNITS - 1), 2, "17 units");
    }

    #[test]
    fn a_word_between_them_or_another_house_keeps_them_apart() {
        assert_eq!(
            texts(
                "Tesla and Model Y",
                vec![
                    finding(0, "Tesla", "Tesla", None),
                    finding(10, "Model Y", "Model Y", Some("Tesla")),
                ]
            ),
            ["Tesla", "Model Y"]
        );
        assert_eq!(
            texts(
                "Nike Adidas",
                vec![
                    finding(0, "Nike", "Nike", None),
                    finding(5, "Adidas", "Adidas", None)
                ]
            ),
            ["Nike", "Adidas"]
        );
    }

    #[test]
    fn a_mark_that_starts_with_the_house_name_or_has_its_owner_is_of_the_house() {
        let mut rode = finding(0, "Rode", "Rode", None);
        rode.enforcement = None;
        let mut go = finding(5, "Wireless GO", "Rode Wireless GO", None);
        go.enforcement = None;
        assert_eq!(
            texts("Rode Wireless GO", vec![rode, go]),
            ["Rode Wireless GO"]
        );
        let mut a = finding(0, "Casio", "Casio", None);
        let mut b = finding(6, "DW5600", "DW-5600", None);
        for f in [&mut a, &mut b] {
            f.enforcement.as_mut().expect("curated").owner = "Casio Computer Co.".into();
        }
        assert_eq!(texts("Casio DW5600", vec![a, b]), ["Casio DW5600"]);
    }

    #[test]
    fn the_strongest_member_gives_the_verdict_and_low_findings_stay_apart() {
        let title = "Tesla Model Y";
        let mut tesla = finding(0, "Tesla", "Tesla", None);
        tesla.severity = Severity::Medium;
        let joined = join_runs_of_one_house(
            vec![
                tesla.clone(),
                finding(6, "Model Y", "Model Y", Some("Tesla")),
            ],
            &[(Field::Title, None, title)],
        );
        assert_eq!(joined.len(), 1);
        assert_eq!(
            (joined[0].mark.as_str(), joined[0].severity),
            ("Model Y", Severity::High)
        );
        assert!(joined[0]
            .reason
            .ends_with("Beside it, the same owner's Tesla."));
        tesla.severity = Severity::Low;
        assert_eq!(
            texts(
                title,
                vec![tesla, finding(6, "Model Y", "Model Y", Some("Tesla"))]
            ),
            ["Tesla", "Model Y"]
        );
    }
}
