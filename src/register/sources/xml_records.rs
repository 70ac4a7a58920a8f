//! Streaming of record elements (`case-file` in USPTO files, `TradeMark` in EUIPO files)
//! out of plain or zipped XML, in constant memory: the file is read event by event and
//! only the current record's element path and text are kept.
//!
//! The office-specific readers give a [`RecordHandler`] the start and end of each element
//! inside a record (local names, namespaces dropped); this module finds the records
//! wherever they sit in the document, opens zip archives (every `.xml` entry in turn),
//! reports byte progress through the compressed or plain file, and keeps reading past a
//! broken record. It must not know what any element means.

use crate::register::RecordSink;
use quick_xml::events::Event;
use quick_xml::Reader;
use std::cell::Cell;
use std::fs::File;
use std::io::{BufRead, BufReader, Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};
use std::rc::Rc;

/// Why an XML source file could not be read at all.
#[derive(Debug, thiserror::Error)]
pub enum XmlSourceError {
    /// The file cannot be opened.
    #[error("cannot open {path}: {source}")]
    Open {
        /// The file.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// The file looks like a zip archive but cannot be unzipped.
    #[error("{path} is not a readable zip archive: {detail}")]
    Zip {
        /// The file.
        path: PathBuf,
        /// What the unzipper said.
        detail: String,
    },
    /// The XML breaks off in a way the reader cannot get past (an I/O error or a syntax
    /// error it cannot resynchronise after).
    #[error("cannot read {path} past byte {position}: {detail}")]
    Xml {
        /// The file (and zip entry, if any).
        path: String,
        /// Byte offset in the (uncompressed) XML.
        position: u64,
        /// What the XML parser said.
        detail: String,
    },
}

/// What an office-specific reader does with the elements of one record.
pub(crate) trait RecordHandler {
    /// A record element starts; `attributes` are its (local name, value) pairs.
    fn begin(&mut self, attributes: &[(String, String)]);
    /// An element inside the record starts. `path` runs from the record's child to this
    /// element.
    fn start(&mut self, _path: &[String], _attributes: &[(String, String)]) {}
    /// An element inside the record ends; `text` is its own text, trimmed. See
    /// [`path_names`] for matching `path` without allocating.
    fn end(&mut self, path: &[String], text: &str);
    /// The record ends. `broken` says why it could not be read whole (XML error inside
    /// it, or the file ended within it); the handler reports it to the sink.
    fn finish(&mut self, sink: &mut dyn RecordSink, file: &str, broken: Option<String>);
}

/// A reader that counts the bytes read from the file, for progress.
struct Counted<R> {
    inner: R,
    position: Rc<Cell<u64>>,
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.position.set(self.position.get() + n as u64);
        Ok(n)
    }
}

impl<R: Seek> Seek for Counted<R> {
    fn seek(&mut self, to: SeekFrom) -> std::io::Result<u64> {
        let at = self.inner.seek(to)?;
        self.position.set(at);
        Ok(at)
    }
}

/// Streams every `record` element of the plain or zipped XML file at `path` into
/// `handler`.
pub(crate) fn read_records(
    path: &Path,
    record: &str,
    handler: &mut dyn RecordHandler,
    sink: &mut dyn RecordSink,
) -> Result<(), XmlSourceError> {
    let open_err = |source| XmlSourceError::Open {
        path: path.into(),
        source,
    };
    let mut file = File::open(path).map_err(open_err)?;
    let total = file.metadata().map(|m| m.len()).unwrap_or(0);
    let mut magic = [0u8; 4];
    let is_zip = file.read(&mut magic).map_err(open_err)? == 4 && magic == *b"PK\x03\x04";
    file.seek(SeekFrom::Start(0)).map_err(open_err)?;
    let position = Rc::new(Cell::new(0));
    let counted = Counted {
        inner: file,
        position: Rc::clone(&position),
    };
    let mut progress = |sink: &mut dyn RecordSink| sink.progress(position.get(), total);

    if !is_zip {
        let input = BufReader::with_capacity(1 << 16, counted);
        let name = path.display().to_string();
        stream(input, &name, record, handler, sink, &mut progress)?;
    } else {
        let zip_err = |e: zip::result::ZipError| XmlSourceError::Zip {
            path: path.into(),
            detail: e.to_string(),
        };
        let mut archive = zip::ZipArchive::new(counted).map_err(zip_err)?;
        let mut entries = 0;
        for i in 0..archive.len() {
            let entry = archive.by_index(i).map_err(zip_err)?;
            if !entry.is_file() || !entry.name().to_ascii_lowercase().ends_with(".xml") {
                continue;
            }
            entries += 1;
            let name = format!("{}:{}", path.display(), entry.name());
            let input = BufReader::with_capacity(1 << 16, entry);
            stream(input, &name, record, handler, sink, &mut progress)?;
        }
        if entries == 0 {
            return Err(XmlSourceError::Zip {
                path: path.into(),
                detail: "the archive holds no .xml file".into(),
            });
        }
    }
    sink.progress(total, total);
    Ok(())
}

/// How many XML errors in a row, without the reader moving on, mean it is stuck.
const STUCK_AFTER: u32 = 3;

fn stream<R: BufRead>(
    input: R,
    name: &str,
    record: &str,
    handler: &mut dyn RecordHandler,
    sink: &mut dyn RecordSink,
    progress: &mut dyn FnMut(&mut dyn RecordSink),
) -> Result<(), XmlSourceError> {
    let mut reader = Reader::from_reader(input);
    let config = reader.config_mut();
    config.check_end_names = false;
    config.allow_unmatched_ends = true;
    config.allow_dangling_amp = true;
    config.expand_empty_elements = true;

    let mut buf = Vec::with_capacity(4096);
    // Inside a record: the element path below it and the text of each open element (slots
    // reused from record to record, `depth` of them in use), and the first error met.
    let mut inside = false;
    let mut path: Vec<String> = Vec::new();
    let mut texts: Vec<String> = Vec::new();
    let mut depth = 0usize;
    let mut broken: Option<String> = None;
    let mut errors_here = (0u64, 0u32);
    let mut records = 0u64;
    loop {
        buf.clear();
        let event = match reader.read_event_into(&mut buf) {
            Ok(event) => event,
            Err(e) => {
                let at = reader.buffer_position();
                if matches!(e, quick_xml::Error::Io(_))
                    || (errors_here.0 == at && errors_here.1 >= STUCK_AFTER)
                {
                    if inside {
                        handler.finish(sink, name, Some(format!("XML error at byte {at}: {e}")));
                    }
                    return Err(XmlSourceError::Xml {
                        path: name.into(),
                        position: at,
                        detail: e.to_string(),
                    });
                }
                errors_here = if errors_here.0 == at {
                    (at, errors_here.1 + 1)
                } else {
                    (at, 1)
                };
                if inside && broken.is_none() {
                    broken = Some(format!("XML error at byte {at}: {e}"));
                }
                continue;
            }
        };
        match event {
            Event::Start(e) => {
                let local_name = e.local_name();
                let local = String::from_utf8_lossy(local_name.as_ref());
                // Most elements have no attributes: collecting none allocates nothing.
                let attributes: Vec<(String, String)> = e
                    .attributes()
                    .flatten()
                    .map(|a| {
                        let key = String::from_utf8_lossy(a.key.local_name().as_ref()).into_owned();
                        let value = a
                            .unescape_value()
                            .map(|v| v.into_owned())
                            .unwrap_or_default();
                        (key, value)
                    })
                    .collect();
                if local == record {
                    if inside {
                        handler.finish(
                            sink,
                            name,
                            Some(format!("a new <{record}> starts before this one ends")),
                        );
                    }
                    inside = true;
                    broken = None;
                    depth = 0;
                    handler.begin(&attributes);
                } else if inside {
                    if depth < path.len() {
                        path[depth].clear();
                        path[depth].push_str(&local);
                        texts[depth].clear();
                    } else {
                        path.push(local.into_owned());
                        texts.push(String::new());
                    }
                    depth += 1;
                    handler.start(&path[..depth], &attributes);
                }
            }
            Event::End(e) if inside => {
                let local = e.local_name();
                let local = local.as_ref();
                if depth == 0 {
                    if local == record.as_bytes() {
                        handler.finish(sink, name, broken.take());
                        inside = false;
                        records += 1;
                        if records % 1024 == 0 {
                            progress(sink);
                        }
                    }
                    continue;
                }
                // Close up to the matching element; unmatched ends are ignored.
                let Some(matching) = path[..depth].iter().rposition(|p| p.as_bytes() == local)
                else {
                    if broken.is_none() {
                        broken = Some(format!("unexpected </{}>", String::from_utf8_lossy(local)));
                    }
                    continue;
                };
                while depth > matching {
                    handler.end(&path[..depth], texts[depth - 1].trim());
                    depth -= 1;
                }
            }
            Event::Text(t) if inside && depth > 0 => match t.xml_content() {
                Ok(text) => texts[depth - 1].push_str(&text),
                Err(_) => texts[depth - 1].push_str(&String::from_utf8_lossy(&t)),
            },
            Event::CData(t) if inside && depth > 0 => {
                texts[depth - 1].push_str(&String::from_utf8_lossy(&t))
            }
            Event::GeneralRef(r) if inside && depth > 0 => {
                let current = &mut texts[depth - 1];
                let resolved = match r.resolve_char_ref() {
                    Ok(Some(c)) => Some(c.to_string()),
                    _ => r.decode().ok().and_then(|n| {
                        quick_xml::escape::resolve_xml_entity(&n).map(str::to_string)
                    }),
                };
                match resolved {
                    Some(s) => current.push_str(&s),
                    None => {
                        current.push('&');
                        current.push_str(&String::from_utf8_lossy(&r));
                        current.push(';');
                    }
                }
            }
            Event::Eof => {
                if inside {
                    handler.finish(sink, name, Some("the file ends inside this record".into()));
                }
                progress(sink);
                return Ok(());
            }
            _ => {}
        }
    }
}

/// The deepest element path the readers look at; deeper elements are passed over.
pub(crate) const MAX_DEPTH: usize = 8;

/// `path` as string slices in `names`, for matching against literal paths; `None` when it
/// is deeper than [`MAX_DEPTH`].
pub(crate) fn path_names<'a>(
    path: &'a [String],
    names: &mut [&'a str; MAX_DEPTH],
) -> Option<usize> {
    if path.len() > MAX_DEPTH {
        return None;
    }
    for (slot, name) in names.iter_mut().zip(path) {
        *slot = name;
    }
    Some(path.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::register::{Record, Skipped};

    /// Notes each record: the text of its `<v>` and why it was broken, if it was.
    #[derive(Default)]
    struct Notes {
        v: String,
        seen: Seen,
    }

    impl RecordHandler for Notes {
        fn begin(&mut self, _attributes: &[(String, String)]) {
            self.v.clear();
        }
        fn end(&mut self, path: &[String], text: &str) {
            if path.last().is_some_and(|p| p == "v") {
                self.v = text.to_string();
            }
        }
        fn finish(&mut self, _sink: &mut dyn RecordSink, _file: &str, broken: Option<String>) {
            self.seen.push((std::mem::take(&mut self.v), broken));
        }
    }

    struct Nothing;
    impl RecordSink for Nothing {
        fn record(&mut self, _: Record) {}
        fn skipped(&mut self, _: Skipped) {}
    }

    /// Each record's `<v>` and why it was broken.
    type Seen = Vec<(String, Option<String>)>;

    fn run(input: impl BufRead) -> (Result<(), XmlSourceError>, Seen) {
        let mut notes = Notes::default();
        let result = stream(input, "t.xml", "rec", &mut notes, &mut Nothing, &mut |_| {});
        (result, notes.seen)
    }

    /// Reads its chunks in turn; `None` is a failed read, once.
    struct Chunks(std::collections::VecDeque<Option<&'static [u8]>>);

    impl Read for Chunks {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            match self.0.pop_front() {
                None => Ok(0),
                Some(None) => Err(std::io::Error::other("the disk failed")),
                Some(Some(bytes)) => {
                    let n = bytes.len().min(buf.len());
                    buf[..n].copy_from_slice(&bytes[..n]);
                    if n < bytes.len() {
                        self.0.push_front(Some(&bytes[n..]));
                    }
                    Ok(n)
                }
            }
        }
    }

    #[test]
    fn text_cdata_and_references_make_a_field_and_nothing_outside_one_counts() {
        let xml = "<root>&amp;<![CDATA[out]]></rec>\
                   <rec>&amp;<![CDATA[top]]><v>A &amp; <![CDATA[B<C]]> &#65;&#x42; &bogus;</v></rec>\
                   </root>";
        let (result, seen) = run(xml.as_bytes());
        assert!(result.is_ok(), "{result:?}");
        // The stray </rec> before any record starts none; references and CDATA outside
        // a field are passed over.
        assert_eq!(seen, [("A & B<C AB &bogus;".to_owned(), None)]);
    }

    #[test]
    fn text_that_is_not_utf8_is_kept_with_replacement_characters() {
        let xml: &[u8] = b"<root><rec><v>caf\xe9 <w>x</w></v></rec></root>";
        let (result, seen) = run(xml);
        assert!(result.is_ok(), "{result:?}");
        assert_eq!(seen, [("caf\u{fffd}".to_owned(), None)]);
    }

    #[test]
    fn paths_deeper_than_the_readers_look_are_passed_over() {
        let path = |n: usize| (0..n).map(|i| format!("e{i}")).collect::<Vec<_>>();
        let (deepest, deeper) = (path(MAX_DEPTH), path(MAX_DEPTH + 1));
        let mut names = [""; MAX_DEPTH];
        assert_eq!(path_names(&deepest, &mut names), Some(MAX_DEPTH));
        assert_eq!(names[MAX_DEPTH - 1], "e7");
        assert_eq!(path_names(&deeper, &mut names), None);
    }

    #[test]
    fn a_failed_read_ends_the_file_with_an_error_after_the_records_before_it() {
        let input = Chunks(
            [
                Some(&b"<root><rec><v>1</v></rec>"[..]),
                None,
                Some(&b"<rec><v>2</v></rec></root>"[..]),
            ]
            .into(),
        );
        let (result, seen) = run(BufReader::with_capacity(8, input));
        assert!(
            matches!(result, Err(XmlSourceError::Xml { .. })),
            "{result:?}"
        );
        assert_eq!(
            seen,
            [("1".to_owned(), None)],
            "nothing read after the failure"
        );
    }

    #[test]
    fn a_record_with_xml_errors_reports_the_first_and_the_next_record_is_read() {
        let xml = "<root><rec><v>1</v><!DOCTYPE><!DOCTYPE></rec><rec><v>2</v></rec></root>";
        let (result, seen) = run(xml.as_bytes());
        assert!(result.is_ok(), "{result:?}");
        assert_eq!(seen.len(), 2, "{seen:?}");
        let first = seen[0].1.as_deref().expect("the first record is broken");
        assert!(first.starts_with("XML error at byte 29:"), "{first}");
        assert_eq!(seen[1], ("2".to_owned(), None));
    }
}
