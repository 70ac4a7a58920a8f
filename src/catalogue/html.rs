//! HTML product bodies (Shopify's `Body (HTML)`) as the text a buyer sees, with a map
//! from every UTF-16 offset of that text back to the HTML it came from.
//!
//! The text is what a browser shows, closely enough to check: tags are dropped,
//! `<script>`, `<style>` and comments with their content, entities are decoded
//! (`&amp;` → `&`, `&#8482;` → `™`, `&nbsp;` → U+00A0), every run of whitespace is one
//! space, and block elements (`<p>`, `<br>`, `<li>`, headings, table rows, …) start a
//! new line. A `<` that cannot open a tag (`5 < 6`) is text. Findings are reported in
//! UTF-16 offsets of this text; [`HtmlText::source_span`] gives the span of the HTML
//! that produced them, for a caller that points into the original body.
//!
//! This module must not know about catalogues, files or detection: HTML in, text out.

use std::ops::Range;

/// Elements whose start or end begins a new line of shown text.
const BLOCK_ELEMENTS: &[&str] = &[
    "address",
    "article",
    "blockquote",
    "br",
    "dd",
    "div",
    "dl",
    "dt",
    "figcaption",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "td",
    "th",
    "tr",
    "ul",
];

/// The longest entity name looked for (`&CounterClockwiseContourIntegral;` is 33).
const MAX_ENTITY_CHARS: usize = 34;

/// Elements whose content is never shown.
const HIDDEN_ELEMENTS: &[&str] = &["script", "style", "template", "noscript"];

/// The text an HTML fragment shows, and where each of its UTF-16 code units came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HtmlText {
    /// The shown text.
    pub text: String,
    /// For each UTF-16 code unit of `text`, the UTF-16 span of the HTML that produced it.
    sources: Vec<(u32, u32)>,
}

impl HtmlText {
    /// The shown text of `html`, with its map back to `html` (see the module docs).
    pub fn from_html(html: &str) -> HtmlText {
        let mut out = Builder::default();
        let mut rest = html;
        let mut at = 0u32; // UTF-16 offset of `rest` in `html`
        while let Some(c) = rest.chars().next() {
            let consumed = match c {
                '<' => match markup_len(rest) {
                    Some(len) => {
                        let markup = &rest[..len];
                        let skipped = out.markup(markup, &rest[len..], at);
                        len + skipped
                    }
                    None => out.text_char(c, c.len_utf8(), at),
                },
                '&' => match entity(rest) {
                    Some((len, decoded)) => {
                        out.decoded(&decoded, at, utf16_len(&rest[..len]));
                        len
                    }
                    None => out.text_char(c, c.len_utf8(), at),
                },
                _ => out.text_char(c, c.len_utf8(), at),
            };
            at += utf16_len(&rest[..consumed]);
            rest = &rest[consumed..];
        }
        out.finish()
    }

    /// The UTF-16 span of the HTML that produced the shown text's UTF-16 span
    /// `start..end`; `None` when the span is empty or past the end of the text.
    pub fn source_span(&self, start: usize, end: usize) -> Option<Range<usize>> {
        if start >= end || end > self.sources.len() {
            return None;
        }
        Some(self.sources[start].0 as usize..self.sources[end - 1].1 as usize)
    }
}

/// The shown text as it is built, and the source span of each of its code units.
#[derive(Default)]
struct Builder {
    text: String,
    sources: Vec<(u32, u32)>,
    /// A run of whitespace seen since the last shown character: its source span.
    pending_space: Option<(u32, u32)>,
}

impl Builder {
    /// One character of text at source offset `at`; returns the bytes consumed.
    fn text_char(&mut self, c: char, bytes: usize, at: u32) -> usize {
        self.shown(c, (at, at + c.len_utf16() as u32));
        bytes
    }

    /// The characters an entity decoded to, all mapped to the entity's source span.
    fn decoded(&mut self, decoded: &str, at: u32, len: u32) {
        for c in decoded.chars() {
            self.shown(c, (at, at + len));
        }
    }

    /// A character of text from the source span `span`: whitespace joins the pending run.
    fn shown(&mut self, c: char, span: (u32, u32)) {
        if c.is_ascii_whitespace() {
            let start = self.pending_space.map_or(span.0, |(s, _)| s);
            self.pending_space = Some((start, span.1));
        } else {
            self.push(c, span);
        }
    }

    /// A tag, comment or declaration starting at `at`; `after` is the HTML after it.
    /// Returns how many bytes of `after` are skipped too (a hidden element's content).
    fn markup(&mut self, markup: &str, after: &str, at: u32) -> usize {
        let Some(name) = tag_name(markup) else {
            return 0;
        };
        let span = (at, at + utf16_len(markup));
        if BLOCK_ELEMENTS.contains(&name.as_str()) {
            self.line_break(span);
        }
        let closing = markup.starts_with("</");
        if !closing && HIDDEN_ELEMENTS.contains(&name.as_str()) {
            return hidden_content_len(after, &name);
        }
        0
    }

    /// Starts a new line of shown text unless it is at the start of one.
    fn line_break(&mut self, span: (u32, u32)) {
        self.pending_space = None;
        if !self.text.is_empty() && !self.text.ends_with('\n') {
            self.text.push('\n');
            self.sources.push(span);
        }
    }

    /// A shown character, after the single space a pending whitespace run stands for.
    fn push(&mut self, c: char, span: (u32, u32)) {
        if let Some(space) = self.pending_space.take() {
            if !self.text.is_empty() && !self.text.ends_with('\n') {
                self.text.push(' ');
                self.sources.push(space);
            }
        }
        self.text.push(c);
        for _ in 0..c.len_utf16() {
            self.sources.push(span);
        }
    }

    fn finish(mut self) -> HtmlText {
        while self.text.ends_with('\n') {
            self.text.pop();
            self.sources.pop();
        }
        HtmlText {
            text: self.text,
            sources: self.sources,
        }
    }
}

/// The byte length of the tag, comment or declaration `s` starts with, or `None` when
/// its `<` is text (`5 < 6`, a `<` never closed).
fn markup_len(s: &str) -> Option<usize> {
    let next = s[1..].chars().next()?;
    if s.starts_with("<!--") {
        return Some(s.find("-->").map_or(s.len(), |i| i + 3));
    }
    if !(next.is_ascii_alphabetic() || matches!(next, '/' | '!' | '?')) {
        return None;
    }
    s.find('>').map(|i| i + 1)
}

/// The lower-case element name of a start or end tag; `None` for comments and
/// declarations.
fn tag_name(markup: &str) -> Option<String> {
    let inner = markup
        .strip_prefix("</")
        .or_else(|| markup.strip_prefix('<'))?;
    let name: String = inner
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect();
    (!name.is_empty()).then(|| name.to_ascii_lowercase())
}

/// The bytes of `after` up to and including `</name>` (case-insensitive), or all of it.
fn hidden_content_len(after: &str, name: &str) -> usize {
    let lower = after.to_ascii_lowercase();
    let close = format!("</{name}");
    match lower.find(&close) {
        Some(i) => after[i..].find('>').map_or(after.len(), |j| i + j + 1),
        None => after.len(),
    }
}

/// The entity `s` starts with (`&amp;`, `&#233;`, `&#x2122;`): its byte length and what
/// it decodes to; `None` when `s` does not start with a known one (a bare `&` is text).
fn entity(s: &str) -> Option<(usize, String)> {
    let end = s
        .char_indices()
        .skip(1)
        .take(MAX_ENTITY_CHARS)
        .find(|&(_, c)| c == ';' || c.is_whitespace() || matches!(c, '&' | '<'))
        .filter(|&(i, c)| c == ';' && i > 1)?
        .0;
    let raw = &s[..=end];
    let decoded = html_escape::decode_html_entities(raw);
    (decoded != raw).then(|| (end + 1, decoded.into_owned()))
}

fn utf16_len(s: &str) -> u32 {
    s.encode_utf16().count() as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(html: &str) -> String {
        HtmlText::from_html(html).text
    }

    #[test]
    fn tags_are_dropped_and_blocks_start_lines() {
        assert_eq!(
            shown("<p>Soft <b>cotton</b> tee</p><ul><li>Washable</li><li>Unisex</li></ul>"),
            "Soft cotton tee\nWashable\nUnisex"
        );
    }

    #[test]
    fn entities_are_decoded_named_and_numeric() {
        assert_eq!(
            shown("Salt &amp; pepper&nbsp;mill &#8482; &#x00E9;t&eacute;"),
            "Salt & pepper\u{a0}mill ™ été"
        );
    }

    #[test]
    fn unknown_entities_and_bare_ampersands_stay_text() {
        assert_eq!(shown("R&D &bogus; & co"), "R&D &bogus; & co");
    }

    #[test]
    fn whitespace_runs_are_one_space() {
        assert_eq!(shown("  a \n\t b  "), "a b");
    }

    #[test]
    fn scripts_styles_and_comments_show_nothing() {
        assert_eq!(
            shown("a<script>var x = '<b>';</script>b<style>p{}</style>c<!-- Nike -->d"),
            "abcd"
        );
    }

    #[test]
    fn a_lt_that_opens_no_tag_is_text() {
        assert_eq!(shown("5 < 6 and 7 <8"), "5 < 6 and 7 <8");
    }

    #[test]
    fn source_span_points_at_the_html_that_produced_the_text() {
        let html = "<p>Fits <i>LEGO&reg;</i> bricks</p>";
        let t = HtmlText::from_html(html);
        assert_eq!(t.text, "Fits LEGO® bricks");
        let source: Vec<u16> = html.encode_utf16().collect();
        // "LEGO®" is text units 5..10; its HTML is "LEGO&reg;".
        let span = t.source_span(5, 10).unwrap();
        assert_eq!(String::from_utf16_lossy(&source[span]), "LEGO&reg;");
    }

    #[test]
    fn source_span_counts_utf16_units_of_astral_characters() {
        let html = "<b>😀</b> Disney";
        let t = HtmlText::from_html(html);
        assert_eq!(t.text, "😀 Disney");
        let source: Vec<u16> = html.encode_utf16().collect();
        let span = t.source_span(3, 9).unwrap();
        assert_eq!(String::from_utf16_lossy(&source[span]), "Disney");
    }

    #[test]
    fn a_space_written_as_an_entity_maps_to_the_whole_entity() {
        let html = "a&#32;b";
        let t = HtmlText::from_html(html);
        assert_eq!(t.text, "a b");
        assert_eq!(t.source_span(1, 2), Some(1..6));
    }

    #[test]
    fn source_span_of_nothing_is_none() {
        let t = HtmlText::from_html("abc");
        assert_eq!(t.source_span(2, 2), None);
        assert_eq!(t.source_span(2, 4), None);
    }
}
