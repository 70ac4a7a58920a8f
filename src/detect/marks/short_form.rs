//! Short forms: a word that stands for a multi-word mark the listing names in full
//! ("Legend of Zelda … Zelda theme", "Kansas City Chiefs … for Chiefs fans", "The Very
//! Hungry Caterpillar … featuring Caterpillar"). The full mention is the evidence: no
//! word list can vouch for "Chiefs" alone, but a listing that names the team in full
//! and then writes "Chiefs" means the team.
//!
//! The short form is the last word of the mark, where team names, titles and
//! characters put their distinctive word, as the full mention wrote it; standing alone,
//! capitalised as a name. It is judged medium:
//! it names the brand, by the listing's own words, without being the mark. Which last
//! words are distinctive enough is the engine's word evidence
//! (`Engine::short_form_head`); this module finds the mentions.

use super::classes;
use super::ordinary::{Case, Style, Word};
use super::{marking_own, overlaps};
use crate::detect::Engine;
use crate::listing::{Finding, FindingKind, Listing, Severity, MAX_FINDINGS_PER_FIELD};
use crate::text::{self, Normalized};

/// The fewest letters a short form has: shorter last words ("of", "Kid", "Cup") are
/// too often words of their own.
pub const MIN_HEAD_LETTERS: usize = 4;

/// One full mention a short form may stand for: its last word and the finding.
struct Head<'f> {
    word: String,
    full: &'f Finding,
}

impl Engine {
    /// Findings for the short forms, in `listing`'s fields (`normalized` and their word
    /// `views`, in the order of [`Listing::fields`]), of the multi-word marks that `findings` (this listing's,
    /// medium or above) name in full. `own` blocks the seller's brand as elsewhere.
    pub(super) fn short_forms(
        &self,
        listing: &Listing,
        normalized: &[Normalized],
        views: &[Vec<Word<'_>>],
        findings: &[Finding],
        own: &super::own_brand::OwnBrands,
    ) -> Vec<Finding> {
        let heads: Vec<Head<'_>> = findings
            .iter()
            .filter(|f| {
                // A one-word mark has no last word of its own (and its key is not made).
                f.severity > Severity::Low
                    && f.mark.chars().any(|c| !c.is_alphanumeric())
                    && matches!(
                        f.kind,
                        FindingKind::FamousBrand | FindingKind::RegisteredMark
                    )
            })
            .filter_map(|f| {
                // The mark's last word, as the listing wrote it ("Pandora Charms" names
                // the mark Pandora: "Charms" is the product).
                let mark = text::mark_key(&f.mark);
                let (first, last) = mark
                    .split_once(' ')
                    .map(|(a, _)| a)
                    .zip(mark.rsplit_once(' ').map(|(_, b)| b))?;
                // A mark that is its franchise's name and a word ("Disney Cinderella",
                // of Disney Princess) claims the word only together with the name.
                let franchise = f
                    .enforcement
                    .as_ref()
                    .and_then(|e| e.franchise.as_deref())
                    .map(text::mark_key)
                    .unwrap_or_default();
                if franchise.split(' ').next() == Some(first) {
                    return None;
                }
                let written = text::mark_key(&f.text);
                (written.rsplit(' ').next() == Some(last) && self.short_form_head(last)).then(
                    || Head {
                        word: last.to_owned(),
                        full: f,
                    },
                )
            })
            .collect();
        let mut out = Vec::new();
        if heads.is_empty() {
            return out;
        }
        for (((field, index, original), norm), field_views) in
            listing.fields().into_iter().zip(normalized).zip(views)
        {
            let tokens = norm.tokens();
            if !tokens
                .iter()
                .any(|t| heads.iter().any(|h| h.word == t.text))
            {
                continue;
            }
            let words: Vec<&str> = tokens.iter().map(|t| t.text.as_str()).collect();
            let mut blocked = vec![false; words.len()];
            for o in own.occurrences(&words) {
                blocked[o.words].iter_mut().for_each(|b| *b = true);
            }
            let views = marking_own(field_views, &blocked);
            let style = Style::of(&views);
            let mut in_field = findings
                .iter()
                .filter(|f| f.field == field && f.index == index)
                .count();
            for (i, t) in tokens.iter().enumerate() {
                if in_field >= MAX_FINDINGS_PER_FIELD {
                    break;
                }
                let Some(head) = heads.iter().find(|h| h.word == t.text) else {
                    continue;
                };
                // A low finding there (reported only on request) gives way.
                let taken = findings
                    .iter()
                    .filter(|f| f.severity > Severity::Low)
                    .chain(&out)
                    .any(|f| overlaps(f, (field, index), t.start..t.end));
                if blocked[i] || taken || !self.named_as_short_form(&views[i], style, &t.text) {
                    continue;
                }
                let full = head.full;
                out.push(Finding {
                    field,
                    index,
                    start: t.start,
                    end: t.end,
                    text: text::slice_utf16(original, t.start..t.end)
                        .unwrap_or_default()
                        .to_owned(),
                    kind: full.kind,
                    severity: Severity::Medium,
                    mark: full.mark.clone(),
                    reason: format!(
                        "short for {}, which this listing names in full (\"{}\")",
                        full.mark, full.text
                    ),
                    records: full.records.clone(),
                    suggestion: full.suggestion.clone(),
                    source: None,
                    enforcement: full.enforcement.clone(),
                });
                in_field += 1;
            }
        }
        out
    }

    /// Whether the last word of a full mention may stand for it alone: a word of at
    /// least [`MIN_HEAD_LETTERS`] letters that is not an everyday word ("Switch" of
    /// "Nintendo Switch", "Story" of "Toy Story" are too often words of their own), nor
    /// a product noun ("Pets" of "Pillow Pets", "Boots" of a brand's boots: the goods
    /// themselves, however the seller capitalises them).
    fn short_form_head(&self, word: &str) -> bool {
        word.chars().count() >= MIN_HEAD_LETTERS
            && word.chars().all(char::is_alphabetic)
            && !classes::is_product_noun(word)
            && self
                .zipf(word)
                .is_none_or(|z| z < super::ordinary::EVERYDAY_ZIPF)
    }

    /// Whether the word is written as a name: capitalised, and — unless the word list
    /// does not know it or writes it mostly as a name and not often ("Zelda"; not
    /// "Dragon", Zipf 4.3) — capitalised inside running text, where capitals mean a
    /// name ("featuring Caterpillar"); title case and capitalised lead-ins capitalise
    /// every word ("Wooden Tiles", "SHOE CHARMS", "DRAGON ART").
    fn named_as_short_form(&self, w: &super::ordinary::Word<'_>, style: Style, word: &str) -> bool {
        let known = self
            .zipf(word)
            .is_some_and(|z| z >= super::ordinary::KNOWN_ZIPF);
        w.case == Case::Capitalised
            && (!known
                || self.written_as_a_name(word)
                || (style == Style::Prose && !w.sentence_start && !w.shouted))
    }
}
