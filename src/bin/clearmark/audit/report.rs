//! `report.html`: one self-contained page of an audit for the seller — no network, no
//! external script, style or font. Listings ranked by risk (high findings, then medium,
//! then low) with their text and findings highlighted, filters by kind, severity, field
//! and mark, totals per mark and per owner, and a bar chart of findings by severity
//! (inline SVG).
//!
//! Listings are hostile input. Everything this file writes into the HTML goes through
//! [`html_escape`]; the listings themselves travel as JSON in a
//! `<script type="application/json">` with every `<` escaped (so no `</script>` in a
//! title can end it), and `report.js` draws them with `textContent` only.
//!
//! It lives in the binary, not the library: it is a CLI artefact (the extension draws
//! its own pages), and the page's CSS and script would only weigh down the wasm.

use super::{Audit, Audited};
use clearmark::{Field, Finding, Severity};
use html_escape::{encode_double_quoted_attribute as attr, encode_text as text};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use std::io::{self, Write};

const STYLE: &str = include_str!("report.css");
const SCRIPT: &str = include_str!("report.js");

/// A listing as the page's script draws it.
#[derive(Serialize)]
struct PageListing<'a> {
    id: &'a str,
    file: &'a str,
    row: usize,
    high: usize,
    medium: usize,
    low: usize,
    fields: Vec<PageField<'a>>,
    findings: &'a [Finding],
}

/// What the page's script reads from `#audit-data`.
#[derive(Serialize)]
struct PageData<'a> {
    listings: Vec<PageListing<'a>>,
}

/// One text field of a listing, as checked.
#[derive(Serialize)]
struct PageField<'a> {
    field: Field,
    index: Option<usize>,
    text: &'a str,
}

/// How many findings of each severity a listing has.
fn counts(a: &Audited) -> [usize; 3] {
    let n = |s| a.report.findings.iter().filter(|f| f.severity == s).count();
    [n(Severity::High), n(Severity::Medium), n(Severity::Low)]
}

/// The listings, riskiest first: most high findings, then medium, then low; ties keep
/// the input order.
fn ranked(audit: &Audit) -> Vec<(&Audited, [usize; 3])> {
    let mut ranked: Vec<_> = audit.listings.iter().map(|a| (a, counts(a))).collect();
    ranked.sort_by(|(_, x), (_, y)| y.cmp(x));
    ranked
}

/// Findings and listings per mark or per owner.
#[derive(Default)]
struct Tally {
    findings: usize,
    high: usize,
    listings: BTreeSet<usize>,
}

/// Writes the report of `audit`.
pub fn write(audit: &Audit, out: &mut impl Write) -> io::Result<()> {
    let ranked = ranked(audit);
    let mut per_mark: BTreeMap<&str, Tally> = BTreeMap::new();
    let mut per_owner: BTreeMap<&str, Tally> = BTreeMap::new();
    let mut by_severity = [0usize; 3];
    let (mut kinds, mut fields) = (BTreeSet::new(), BTreeSet::new());
    for (i, (a, c)) in ranked.iter().enumerate() {
        for s in 0..3 {
            by_severity[s] += c[s];
        }
        for f in &a.report.findings {
            kinds.insert(json_name(&f.kind));
            fields.insert(json_name(&f.field));
            let high = usize::from(f.severity == Severity::High);
            let t = per_mark.entry(f.mark.as_str()).or_default();
            t.findings += 1;
            t.high += high;
            t.listings.insert(i);
            let owners: BTreeSet<&str> = f.records.iter().map(|r| r.owner.as_str()).collect();
            for owner in owners {
                let t = per_owner.entry(owner).or_default();
                t.findings += 1;
                t.high += high;
                t.listings.insert(i);
            }
        }
    }
    let flagged = ranked
        .iter()
        .filter(|(_, c)| c.iter().sum::<usize>() > 0)
        .count();

    out.write_all(b"<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")?;
    out.write_all(b"<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n")?;
    out.write_all(b"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")?;
    out.write_all(b"<title>Clearmark catalogue audit</title>\n")?;
    writeln!(out, "<style>\n{STYLE}</style>\n</head>\n<body>")?;
    out.write_all(b"<header><h1>Clearmark catalogue audit</h1>\n")?;
    writeln!(
        out,
        "<p id=\"summary\">{} listings from {} file(s): <strong>{flagged}</strong> with findings; {} row(s) skipped.</p>\n<ul id=\"files\">",
        audit.listings.len(),
        audit.files.len(),
        audit.skipped.len()
    )?;
    for f in &audit.files {
        writeln!(
            out,
            "<li>{}: read as {}, {} listing(s)</li>",
            text(&f.name),
            text(&f.format.to_string()),
            f.listings
        )?;
    }
    out.write_all(b"</ul>\n</header>\n")?;

    out.write_all(b"<section id=\"overview\">\n")?;
    write_chart(out, &by_severity)?;
    write_tally(out, "Findings per mark", "per-mark", "Mark", &per_mark)?;
    write_tally(out, "Findings per owner", "per-owner", "Owner", &per_owner)?;
    out.write_all(b"</section>\n")?;

    write_filters(out, &kinds, &fields, &per_mark)?;
    out.write_all(b"<p id=\"shown\" aria-live=\"polite\"></p>\n<main id=\"listings\"></main>\n")?;
    write_skipped(out, audit)?;

    let listings: Vec<PageListing> = ranked
        .iter()
        .map(|(a, c)| PageListing {
            id: &a.report.id,
            file: &a.source_file,
            row: a.row,
            high: c[0],
            medium: c[1],
            low: c[2],
            fields: a
                .listing
                .fields()
                .into_iter()
                .map(|(field, index, text)| PageField { field, index, text })
                .collect(),
            findings: &a.report.findings,
        })
        .collect();
    out.write_all(b"<script type=\"application/json\" id=\"audit-data\">")?;
    serde_json::to_writer(ScriptSafe(&mut *out), &PageData { listings })
        .map_err(io::Error::other)?;
    writeln!(out, "</script>")?;
    writeln!(out, "<script>\n{SCRIPT}</script>\n</body>\n</html>")
}

/// A writer of JSON that cannot end its `<script>` element or open a comment in it:
/// every `<`, `>` and `&` (in JSON only ever inside strings) goes out as a JSON escape,
/// which `JSON.parse` reads back as the same character.
struct ScriptSafe<W>(W);

impl<W: Write> Write for ScriptSafe<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let mut plain = 0;
        for (i, byte) in buf.iter().enumerate() {
            let escape: &[u8] = match byte {
                b'<' => b"\\u003c",
                b'>' => b"\\u003e",
                b'&' => b"\\u0026",
                _ => continue,
            };
            self.0.write_all(&buf[plain..i])?;
            self.0.write_all(escape)?;
            plain = i + 1;
        }
        self.0.write_all(&buf[plain..])?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.0.flush()
    }
}

/// A serialised enum's name (`famous_brand`, `bullets`).
fn json_name<T: Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// The bar chart of findings by severity.
fn write_chart(out: &mut impl Write, by_severity: &[usize; 3]) -> io::Result<()> {
    const WIDTH: usize = 320;
    const BAR: usize = 28;
    let most = by_severity.iter().copied().max().unwrap_or(0).max(1);
    let height = 3 * (BAR + 12) + 8;
    writeln!(
        out,
        "<figure id=\"chart\"><figcaption>Findings by severity</figcaption>\n<svg width=\"{}\" height=\"{height}\" role=\"img\" aria-label=\"Findings by severity: {} high, {} medium, {} low\">",
        WIDTH + 150,
        by_severity[0],
        by_severity[1],
        by_severity[2]
    )?;
    for (i, (label, count)) in ["high", "medium", "low"]
        .iter()
        .zip(by_severity)
        .enumerate()
    {
        let y = 4 + i * (BAR + 12);
        let w = count * WIDTH / most;
        writeln!(
            out,
            "<text x=\"0\" y=\"{}\" class=\"axis\">{label}</text><rect class=\"bar sev-{label}\" x=\"70\" y=\"{y}\" width=\"{w}\" height=\"{BAR}\"><title>{count} {label}</title></rect><text x=\"{}\" y=\"{}\" class=\"value\" data-severity=\"{label}\">{count}</text>",
            y + BAR * 2 / 3,
            76 + w,
            y + BAR * 2 / 3
        )?;
    }
    out.write_all(b"</svg></figure>\n")
}

/// A table of findings, high findings and listings per mark or owner, most first.
fn write_tally(
    out: &mut impl Write,
    caption: &str,
    id: &str,
    what: &str,
    tally: &BTreeMap<&str, Tally>,
) -> io::Result<()> {
    let mut rows: Vec<_> = tally.iter().collect();
    rows.sort_by(|(a, x), (b, y)| (y.high, y.findings, a).cmp(&(x.high, x.findings, b)));
    writeln!(
        out,
        "<div class=\"tally\"><table id=\"{id}\"><caption>{caption}</caption>\n<thead><tr><th>{what}</th><th>findings</th><th>high</th><th>listings</th></tr></thead><tbody>"
    )?;
    for (name, t) in rows {
        writeln!(
            out,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            text(name),
            t.findings,
            t.high,
            t.listings.len()
        )?;
    }
    out.write_all(b"</tbody></table></div>\n")
}

/// The filter controls; the script applies them.
fn write_filters(
    out: &mut impl Write,
    kinds: &BTreeSet<String>,
    fields: &BTreeSet<String>,
    per_mark: &BTreeMap<&str, Tally>,
) -> io::Result<()> {
    out.write_all(b"<form id=\"filters\" onsubmit=\"return false\">\n")?;
    let marks: Vec<&str> = per_mark.keys().copied().collect();
    let severities = ["high", "medium", "low"].map(str::to_owned);
    for (name, label, values) in [
        ("kind", "Kind", kinds.iter().cloned().collect::<Vec<_>>()),
        ("severity", "Severity", severities.to_vec()),
        ("field", "Field", fields.iter().cloned().collect()),
        (
            "mark",
            "Mark",
            marks.iter().map(|m| m.to_string()).collect(),
        ),
    ] {
        write!(
            out,
            "<label>{label} <select id=\"filter-{name}\" name=\"{name}\"><option value=\"\">any</option>"
        )?;
        for v in values {
            write!(
                out,
                "<option value=\"{}\">{}</option>",
                attr(&v),
                text(&v.replace('_', " "))
            )?;
        }
        out.write_all(b"</select></label>\n")?;
    }
    out.write_all(b"<label><input type=\"checkbox\" id=\"filter-clean\"> listings without findings too</label>\n</form>\n")
}

/// The rows and files that were not audited.
fn write_skipped(out: &mut impl Write, audit: &Audit) -> io::Result<()> {
    if audit.skipped.is_empty() {
        return Ok(());
    }
    out.write_all(b"<section id=\"skipped\"><h2>Not audited</h2><table><thead><tr><th>file</th><th>row</th><th>why</th></tr></thead><tbody>\n")?;
    for s in &audit.skipped {
        writeln!(
            out,
            "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
            text(&s.source_file),
            s.row.map_or_else(|| "—".to_owned(), |r| r.to_string()),
            text(&s.reason)
        )?;
    }
    out.write_all(b"</tbody></table></section>\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_json_cannot_close_its_script_element() {
        let mut bytes = Vec::new();
        serde_json::to_writer(
            ScriptSafe(&mut bytes),
            "</script><img src=x onerror=alert(1)>&",
        )
        .unwrap();
        let safe = String::from_utf8(bytes).unwrap();
        assert!(!safe.contains('<') && !safe.contains('>'));
        let back: String = serde_json::from_str(&safe).unwrap();
        assert_eq!(back, "</script><img src=x onerror=alert(1)>&");
    }
}
