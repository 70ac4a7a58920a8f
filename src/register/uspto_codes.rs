//! The USPTO's code tables that both USPTO readers (trademark XML and the case-file CSVs)
//! need: the case status code (Table 1) reduced to live-registered / live-pending / dead,
//! the classification status code, the first digit of the mark drawing code, and the
//! parsing of the dates, classes and numbers the two formats share.
//!
//! The tables are public-domain facts transcribed from the USPTO's documentation
//! ("Trademark Applications Documentation" v2.3, Table 1 "Trademark Status Codes" and the
//! Classifications and Case File Header sections). This module owns the meaning of the
//! codes only; it must not read files.

use super::{Date, Drawing, Status};

/// The live/dead state of a USPTO case status code, per USPTO Table 1.
///
/// Table 1 gives each code a "Live/Dead indicator": `Live/Registered`, `Live/Pending`,
/// `Live` (717, registered awaiting a divisional fee), `Dead/...` or `Indifferent`.
/// Indifferent codes (000 unknown, 622 misassigned serial number, 970 record created for
/// an assignment request) assert no protection, so they count as dead: the snapshot only
/// claims what the office claims. 715 "cancelled – restored to pendency" is Indifferent
/// in the table, but the application is back under examination, so it counts as pending.
/// `None` means the code is not in Table 1.
pub fn status_from_code(code: u16) -> Option<Status> {
    use Status::{Dead, Pending, Registered};
    Some(match code {
        // Indifferent: unknown, misassigned serial, record created for an assignment.
        0 | 622 | 970 => Dead,
        // IR cancelled / restricted (Madrid), 400-417.
        400..=406 => Dead,
        410 | 413 => Pending,
        411 | 412 | 414..=417 => Dead,
        // Abandoned, terminated, petition to revive received / denied, backfile abandoned.
        600..=610 | 612 | 614 | 618 => Dead,
        616 => Pending,
        620 => Pending,
        624 | 625 => Registered,
        626 => Dead,
        630 | 631 | 638 => Pending,
        632 => Dead,
        640..=661 | 663..=668 | 672 => Pending,
        680..=682 | 686 | 688..=690 | 692..=694 => Pending,
        700..=708 => Registered,
        709..=714 => Dead,
        715 => Pending,
        717 => Registered,
        718..=722 | 724 | 725 | 730..=734 => Pending,
        739 => Registered,
        740 | 744..=746 | 748 | 752 | 753 | 756 | 757 => Pending,
        760 | 762..=766 | 771..=775 | 777 | 779 => Pending,
        778 | 780 => Registered,
        781..=783 => Dead,
        790 => Registered,
        794 => Pending,
        800 => Registered,
        801..=804 | 806..=825 => Pending,
        900 | 901 | 968 => Dead,
        969 | 973 => Pending,
        _ => return None,
    })
}

/// Whether a classification status code (Classifications section, one character) still
/// protects the class. `6` Active, `P` partially paid and `W` fee waived do; the
/// cancellation, abandonment, expiry and termination codes (`1`–`5`, `7`–`9`, `A`–`K`,
/// `X`) do not. An empty code is taken as active. Note that USPTO writes `6` in every
/// class of a dead case too: the case status decides whether the mark lives, the class
/// status only removes classes cancelled from a live registration.
pub fn class_is_active(code: &str) -> bool {
    matches!(code.trim(), "" | "6" | "P" | "W")
}

/// The drawing kind from a mark drawing code (`4000`, `3`, `5`...): its first digit.
/// 1 (typeset, before Nov 2003) and 4 (standard characters / block letters) are word
/// marks; 3 (design with words) and 5 (stylised words) protect the words less strongly;
/// 2 is a design without words; 0 (not yet assigned), 6 (sound etc.) and blanks are other.
pub fn drawing_from_code(code: &str) -> Drawing {
    match code.trim().as_bytes().first() {
        Some(b'1' | b'4') => Drawing::Word,
        Some(b'3' | b'5') => Drawing::StylisedWords,
        Some(b'2') => Drawing::DesignOnly,
        _ => Drawing::Other,
    }
}

/// A date as the USPTO writes it: `yyyymmdd` in the XML; in the case-file CSVs also
/// `yyyy-mm-dd` or a float `19910726.0`. Empty gives `Some(0)` (unknown); anything that
/// is not a plausible calendar date gives `None`.
pub fn parse_date(text: &str) -> Option<Date> {
    let t = text.trim();
    if t.is_empty() {
        return Some(0);
    }
    let t = t.strip_suffix(".0").unwrap_or(t);
    let digits: String = if t.len() == 10 && t.as_bytes()[4] == b'-' && t.as_bytes()[7] == b'-' {
        t.chars().filter(|c| *c != '-').collect()
    } else {
        t.to_string()
    };
    if digits.len() != 8 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let value: u32 = digits.parse().ok()?;
    let (year, month, day) = (value / 10_000, value / 100 % 100, value % 100);
    if value == 0 {
        return Some(0);
    }
    if !(1800..=2200).contains(&year) || !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    Some(value)
}

/// A Nice class from an international class code (`009`, `28`). US-only codes (`A`, `B`,
/// `200`) and anything outside 1..=45 give `None`.
pub fn parse_nice_class(code: &str) -> Option<u8> {
    let n: u8 = code.trim().parse().ok()?;
    (1..=45).contains(&n).then_some(n)
}

/// A serial number: up to 8 digits, at least one non-zero.
pub fn parse_serial(text: &str) -> Option<u32> {
    let t = text.trim();
    if t.is_empty() || t.len() > 8 || !t.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    t.parse().ok().filter(|n| *n > 0)
}

/// A registration number, or `None` when empty or all zeros (not registered).
pub fn parse_registration(text: &str) -> Option<String> {
    let t = text.trim();
    if t.is_empty() || t.bytes().all(|b| b == b'0') {
        None
    } else {
        Some(t.to_string())
    }
}

/// The case-file statements a record keeps, by the first two characters of their type
/// code (USPTO "Case File Statements" section).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatementKind {
    /// `D0…` disclaimer, `D1…` disclaimer with predetermined text.
    Disclaimer,
    /// `PM…` pseudo-mark.
    PseudoMark,
    /// `TR…` translation of words in the mark, `TLIT…` transliteration.
    Translation,
}

/// The kind of a statement type code (`D00000`, `PM0001`, `TR0000`); `None` for the
/// statements a record does not keep (goods and services, descriptions, ...).
pub fn statement_kind(code: &str) -> Option<StatementKind> {
    let code = code.trim();
    if code.starts_with("D0") || code.starts_with("D1") {
        Some(StatementKind::Disclaimer)
    } else if code.starts_with("PM") {
        Some(StatementKind::PseudoMark)
    } else if code.starts_with("TR") || code.starts_with("TLIT") {
        Some(StatementKind::Translation)
    } else {
        None
    }
}

/// The disclaimed words of a standard disclaimer ("NO CLAIM IS MADE TO THE EXCLUSIVE
/// RIGHT TO USE "COFFEE" APART FROM THE MARK AS SHOWN" → `COFFEE`); other texts whole.
pub fn disclaimed_words(text: &str) -> String {
    const LEAD: &str = "RIGHT TO USE";
    const TAIL: &str = "APART FROM THE MARK";
    let upper = text.to_ascii_uppercase();
    if let (Some(start), Some(end)) = (upper.find(LEAD), upper.rfind(TAIL)) {
        let from = start + LEAD.len();
        if from < end {
            let words = text[from..end].trim().trim_end_matches(',').trim();
            let words = words
                .trim_matches(|c: char| c == '"' || c == '\'' || c == '“' || c == '”')
                .trim();
            if !words.is_empty() {
                return words.to_string();
            }
        }
    }
    text.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_codes_follow_table_1() {
        assert_eq!(status_from_code(700), Some(Status::Registered));
        assert_eq!(status_from_code(800), Some(Status::Registered));
        assert_eq!(status_from_code(686), Some(Status::Pending));
        assert_eq!(status_from_code(630), Some(Status::Pending));
        assert_eq!(status_from_code(602), Some(Status::Dead));
        assert_eq!(status_from_code(626), Some(Status::Dead));
        assert_eq!(status_from_code(710), Some(Status::Dead));
        assert_eq!(status_from_code(900), Some(Status::Dead));
        assert_eq!(status_from_code(410), Some(Status::Pending));
        assert_eq!(status_from_code(411), Some(Status::Dead));
        assert_eq!(status_from_code(970), Some(Status::Dead));
        assert_eq!(status_from_code(662), None);
        assert_eq!(status_from_code(999), None);
    }

    #[test]
    fn drawing_codes_by_first_digit() {
        assert_eq!(drawing_from_code("4000"), Drawing::Word);
        assert_eq!(drawing_from_code("1"), Drawing::Word);
        assert_eq!(drawing_from_code("3000"), Drawing::StylisedWords);
        assert_eq!(drawing_from_code("5"), Drawing::StylisedWords);
        assert_eq!(drawing_from_code("2000"), Drawing::DesignOnly);
        assert_eq!(drawing_from_code(" "), Drawing::Other);
        assert_eq!(drawing_from_code("6000"), Drawing::Other);
    }

    #[test]
    fn dates_in_both_spellings() {
        assert_eq!(parse_date("19910726"), Some(19910726));
        assert_eq!(parse_date("1991-07-26"), Some(19910726));
        assert_eq!(parse_date("19910726.0"), Some(19910726));
        assert_eq!(parse_date(""), Some(0));
        assert_eq!(parse_date("19911326"), None);
        assert_eq!(parse_date("soon"), None);
    }

    #[test]
    fn classes_serials_registrations() {
        assert_eq!(parse_nice_class("009"), Some(9));
        assert_eq!(parse_nice_class("45"), Some(45));
        assert_eq!(parse_nice_class("200"), None);
        assert_eq!(parse_nice_class("A"), None);
        assert_eq!(parse_serial("97047941"), Some(97047941));
        assert_eq!(parse_serial("9704794X"), None);
        assert_eq!(parse_serial("00000000"), None);
        assert_eq!(parse_registration("0000000"), None);
        assert_eq!(parse_registration("2667421"), Some("2667421".into()));
        assert!(class_is_active("6"));
        assert!(!class_is_active("B"));
    }

    #[test]
    fn standard_disclaimers_give_their_words() {
        assert_eq!(
            disclaimed_words("NO CLAIM IS MADE TO THE EXCLUSIVE RIGHT TO USE \"COFFEE\" APART FROM THE MARK AS SHOWN"),
            "COFFEE"
        );
        assert_eq!(
            disclaimed_words("No claim is made to the exclusive right to use COFFEE ROASTERS, apart from the mark as shown."),
            "COFFEE ROASTERS"
        );
        assert_eq!(
            disclaimed_words("The word TEA is disclaimed"),
            "The word TEA is disclaimed"
        );
    }

    #[test]
    fn statement_kinds() {
        assert_eq!(statement_kind("D00000"), Some(StatementKind::Disclaimer));
        assert_eq!(statement_kind("D10000"), Some(StatementKind::Disclaimer));
        assert_eq!(statement_kind("PM0001"), Some(StatementKind::PseudoMark));
        assert_eq!(statement_kind("TR0000"), Some(StatementKind::Translation));
        assert_eq!(statement_kind("TLIT00"), Some(StatementKind::Translation));
        assert_eq!(statement_kind("GS0091"), None);
        assert_eq!(statement_kind("DM0000"), None);
    }
}
