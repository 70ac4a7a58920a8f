//! UTF-16 offsets over Rust strings: the unit every finding's `start`/`end` is counted in,
//! because that is what JavaScript's `String.prototype.slice` uses in the seller's page.
//!
//! This module owns the conversion between byte offsets and UTF-16 offsets and safe
//! slicing by UTF-16 range. It must never panic on a bad range: a range that is out of
//! bounds, reversed or splits a surrogate pair is answered with `None`.

use std::ops::Range;

/// The length of `text` in UTF-16 code units, as JavaScript's `text.length` reports it.
pub fn utf16_len(text: &str) -> usize {
    text.chars().map(char::len_utf16).sum()
}

/// The byte offset in `text` of UTF-16 offset `offset`, or `None` when the offset lies
/// past the end or inside a surrogate pair (in the middle of one astral character).
pub fn byte_offset(text: &str, offset: usize) -> Option<usize> {
    let mut units = 0usize;
    for (byte, c) in text.char_indices() {
        if units == offset {
            return Some(byte);
        }
        units += c.len_utf16();
        if units > offset {
            return None;
        }
    }
    (units == offset).then_some(text.len())
}

/// The UTF-16 offset of byte offset `byte` in `text`, or `None` when `byte` is past the
/// end or not on a character boundary.
pub fn utf16_offset(text: &str, byte: usize) -> Option<usize> {
    let head = text.get(..byte)?;
    Some(utf16_len(head))
}

/// The part of `text` between UTF-16 offsets `range.start` and `range.end`, exactly what
/// `text.slice(start, end)` returns in JavaScript when both ends are valid. `None` when
/// the range is reversed, out of bounds or cuts a surrogate pair in half.
pub fn slice_utf16(text: &str, range: Range<usize>) -> Option<&str> {
    if range.start > range.end {
        return None;
    }
    let start = byte_offset(text, range.start)?;
    let rest = &text[start..];
    let len = byte_offset(rest, range.end - range.start)?;
    Some(&rest[..len])
}

/// Slices of a string by UTF-16 offsets, for spans that come in increasing order: each
/// slice costs the distance from the previous one, not from the start of the string
/// (nothing at all in ASCII text, where UTF-16 offsets are byte offsets).
pub struct Utf16Cursor<'s> {
    text: &'s str,
    ascii: bool,
    byte: usize,
    unit: usize,
}

impl<'s> Utf16Cursor<'s> {
    /// A cursor at the start of `text`.
    pub fn new(text: &'s str) -> Self {
        Utf16Cursor {
            text,
            ascii: text.is_ascii(),
            byte: 0,
            unit: 0,
        }
    }

    /// The byte offset of UTF-16 offset `unit`; the end of the string when `unit` lies
    /// beyond it, and the end of the character when it lies inside one (between the
    /// halves of a surrogate pair), whichever way the cursor came: going back, it steps
    /// to the character's start, then forward over it. Costs the distance from the
    /// previous offset, backwards (overlapping spans) as forwards.
    pub fn seek(&mut self, unit: usize) -> usize {
        if self.ascii {
            return unit.min(self.text.len());
        }
        for c in self.text[..self.byte].chars().rev() {
            if self.unit <= unit {
                break;
            }
            self.unit -= c.len_utf16();
            self.byte -= c.len_utf8();
        }
        for c in self.text[self.byte..].chars() {
            if self.unit >= unit {
                break;
            }
            self.unit += c.len_utf16();
            self.byte += c.len_utf8();
        }
        self.byte
    }

    /// The text between UTF-16 offsets `start` and `end` (see [`seek`](Self::seek) for
    /// offsets past the end or inside a character).
    pub fn slice(&mut self, start: usize, end: usize) -> &'s str {
        let a = self.seek(start);
        let b = self.seek(end);
        self.text.get(a..b).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lengths_count_astral_characters_twice() {
        assert_eq!(utf16_len(""), 0);
        assert_eq!(utf16_len("abc"), 3);
        assert_eq!(utf16_len("é"), 1);
        assert_eq!(utf16_len("😀"), 2);
        assert_eq!(utf16_len("a😀b"), 4);
        assert_eq!(utf16_len("家"), 1);
    }

    #[test]
    fn slices_match_javascript_slice() {
        let s = "a😀b家c";
        assert_eq!(slice_utf16(s, 0..1), Some("a"));
        assert_eq!(slice_utf16(s, 1..3), Some("😀"));
        assert_eq!(slice_utf16(s, 3..5), Some("b家"));
        assert_eq!(slice_utf16(s, 6..6), Some(""));
        assert_eq!(slice_utf16(s, 0..6), Some(s));
    }

    #[test]
    fn bad_ranges_are_none_not_panics() {
        let s = "a😀b";
        assert_eq!(slice_utf16(s, 2..3), None, "starts inside a surrogate pair");
        assert_eq!(slice_utf16(s, 0..2), None, "ends inside a surrogate pair");
        assert_eq!(slice_utf16(s, Range { start: 3, end: 2 }), None, "reversed");
        assert_eq!(slice_utf16(s, 0..5), None, "past the end");
        assert_eq!(slice_utf16(s, 9..9), None, "past the end, empty");
    }

    #[test]
    fn byte_and_utf16_offsets_convert_both_ways() {
        let s = "x😀é";
        assert_eq!(byte_offset(s, 3), Some(5));
        assert_eq!(utf16_offset(s, 5), Some(3));
        assert_eq!(utf16_offset(s, 2), None, "inside the emoji's bytes");
        assert_eq!(byte_offset(s, 4), Some(s.len()));
        assert_eq!(utf16_offset(s, 99), None);
    }

    #[test]
    fn a_cursor_inside_a_surrogate_pair_is_after_it_whichever_way_it_came() {
        let text = "a😀b";
        // Units: a 0, 😀 1-2, b 3; bytes: a 0, 😀 1-4, b 5.
        let mut forwards = Utf16Cursor::new(text);
        assert_eq!(forwards.seek(2), 5);
        let mut backwards = Utf16Cursor::new(text);
        assert_eq!(backwards.seek(4), 6);
        assert_eq!(backwards.seek(2), 5);
        assert_eq!(backwards.seek(1), 1, "the character's start is its start");
        assert_eq!(backwards.seek(2), 5);
        assert_eq!(backwards.seek(0), 0);
    }

    #[test]
    fn a_cursor_slices_ascii_and_other_text_alike_forwards_backwards_and_past_the_end() {
        for text in ["Nike shoes", "Nïke shoes", "N😀ke shoes"] {
            let mut cursor = Utf16Cursor::new(text);
            let len = utf16_len(text);
            for (start, end) in [(5, len), (0, 4), (len, len + 3), (3, 99)] {
                let expected = slice_utf16(text, start.min(len)..end.min(len));
                assert_eq!(
                    Some(cursor.slice(start, end)),
                    expected,
                    "{text} {start}..{end}"
                );
            }
        }
    }
}
