//! Text as the detector sees it: normalised, tokenised, with an exact map back to the
//! UTF-16 offsets of the seller's original string.
//!
//! This module must not know about registers, snapshots or the browser.

/// The key a mark is indexed under in the snapshot and looked up by: NFKC, lower case,
/// words of letters and digits joined by single spaces. The detector builds the same key
/// from listing text, so both sides must call this one function.
pub fn mark_key(mark: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let folded: String = mark.nfkc().flat_map(char::to_lowercase).collect();
    folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mark_key_folds_case_width_and_punctuation() {
        assert_eq!(mark_key("Hot-Wheels®"), "hot wheels");
        assert_eq!(mark_key("ＬＥＧＯ"), "lego");
        assert_eq!(mark_key("  Melissa & Doug "), "melissa doug");
    }
}
