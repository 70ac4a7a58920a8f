//! `clearmark fetch`: downloads the USPTO trademark bulk files (daily `apcYYMMDD.zip` and
//! annual `apcYYYYMMDD-YYYYMMDD-NN.zip`) that a snapshot build reads, from the office or
//! from a mirror.
//!
//! The source is a folder, a `file://` URL, an `http(s)://` URL of a listing (an HTML
//! index or any text that links or names the files; relative links resolve against it)
//! or the URL of one file. Files whose date is before `--since` are skipped, files already
//! in the output folder are kept (a download lands under a `.part` name and is renamed
//! only once complete and readable as a zip), and any failure ends the command with a
//! non-zero status after saying which file failed. This command only moves files; it
//! never parses trademark records — the snapshot builders do that.

use clap::Args;
use std::fs;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Arguments of `clearmark fetch`.
#[derive(Args)]
pub struct FetchArgs {
    /// Where the files are: a folder, a file:// URL, the http(s) URL of a listing page,
    /// or the URL of one file.
    #[arg(long, value_name = "URL_OR_DIR")]
    from: String,
    /// The folder to download into (created if missing).
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
    /// Skip files dated before this day (yyyy-mm-dd); an annual file counts by its last day.
    #[arg(long, value_name = "DATE", value_parser = parse_day)]
    since: Option<u32>,
    /// Send the value of this environment variable as the `X-API-KEY` header (the USPTO
    /// Open Data Portal wants one); the key itself never appears on the command line.
    #[arg(long, value_name = "VAR")]
    api_key_env: Option<String>,
    /// Only the daily files or only the annual backfile parts (default: both).
    #[arg(long, value_enum)]
    only: Option<Kind>,
    /// Give up on a connection that sends nothing for this many seconds.
    #[arg(long, value_name = "SECONDS", default_value_t = 60)]
    stall_timeout: u64,
}

/// The two kinds of USPTO bulk file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum Kind {
    /// `apcYYMMDD.zip`: one day's new and changed applications.
    Daily,
    /// `apcYYYYMMDD-YYYYMMDD-NN.zip`: a part of the full backfile.
    Annual,
}

impl Kind {
    fn of(name: &str) -> Kind {
        if name.contains('-') {
            Kind::Annual
        } else {
            Kind::Daily
        }
    }
}

/// Why a fetch failed.
#[derive(Debug, thiserror::Error)]
enum FetchError {
    #[error("cannot read {url}: {detail}")]
    Http { url: String, detail: String },
    #[error("{path}: {source}")]
    Io { path: PathBuf, source: io::Error },
    #[error(
        "no USPTO trademark files (apcYYMMDD.zip or apcYYYYMMDD-YYYYMMDD-NN.zip) are listed at {0}"
    )]
    NothingListed(String),
    #[error("{name} from {url} is incomplete ({found} of {expected} bytes)")]
    Incomplete {
        name: String,
        url: String,
        found: u64,
        expected: u64,
    },
    #[error("{name} from {url} is not a readable zip file ({detail})")]
    NotZip {
        name: String,
        url: String,
        detail: String,
    },
    #[error("environment variable {0} (given by --api-key-env) is not set")]
    MissingApiKey(String),
}

/// One USPTO bulk file: its name, where to get it and the day it covers up to.
#[derive(Debug, Clone, PartialEq, Eq)]
struct BulkFile {
    name: String,
    location: Location,
    day: u32,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Location {
    Path(PathBuf),
    Url(String),
}

/// Runs `clearmark fetch`; the error is a message for stderr.
pub fn run(args: FetchArgs) -> Result<(), String> {
    let summary = fetch(&args).map_err(|e| format!("fetch: {e}"))?;
    eprintln!("{summary}");
    Ok(())
}

fn fetch(args: &FetchArgs) -> Result<String, FetchError> {
    let api_key = match &args.api_key_env {
        Some(var) => Some(std::env::var(var).map_err(|_| FetchError::MissingApiKey(var.clone()))?),
        None => None,
    };
    let client = Client::new(api_key, Duration::from_secs(args.stall_timeout));
    let listed = list(&args.from, &client)?;
    if listed.is_empty() {
        return Err(FetchError::NothingListed(args.from.clone()));
    }
    let wanted: Vec<&BulkFile> = listed
        .iter()
        .filter(|file| args.since.is_none_or(|since| file.day >= since))
        .filter(|file| args.only.is_none_or(|only| Kind::of(&file.name) == only))
        .collect();
    fs::create_dir_all(&args.out).map_err(|e| io_error(&args.out, e))?;
    let (mut fetched, mut present, mut bytes) = (0, 0, 0u64);
    for file in &wanted {
        let target = args.out.join(&file.name);
        if target.exists() {
            present += 1;
            continue;
        }
        bytes += download(file, &target, &client)?;
        fetched += 1;
        eprintln!("fetched {}", file.name);
    }
    Ok(format!(
        "{fetched} file(s) fetched ({bytes} bytes), {present} already present, {} listed, {} left out by --since/--only",
        listed.len(),
        listed.len() - wanted.len()
    ))
}

/// Lists the bulk files a source offers, sorted by day then name.
fn list(from: &str, client: &Client) -> Result<Vec<BulkFile>, FetchError> {
    let mut files = if let Some(path) = from.strip_prefix("file://") {
        list_dir(Path::new(path))?
    } else if from.starts_with("http://") || from.starts_with("https://") {
        let last = from.rsplit('/').next().unwrap_or_default();
        if let Some(day) = bulk_file_day(last) {
            vec![BulkFile {
                name: last.to_string(),
                location: Location::Url(from.to_string()),
                day,
            }]
        } else {
            let page = client.get_text(from)?;
            let mut files: Vec<BulkFile> = linked_names(&page)
                .into_iter()
                .filter_map(|link| {
                    let name = link.rsplit('/').next()?.to_string();
                    let day = bulk_file_day(&name)?;
                    Some(BulkFile {
                        name,
                        location: Location::Url(resolve(from, &link)),
                        day,
                    })
                })
                .collect();
            files.sort_by(|a, b| a.name.cmp(&b.name));
            files.dedup_by(|a, b| a.name == b.name);
            files
        }
    } else {
        list_dir(Path::new(from))?
    };
    files.sort_by(|a, b| (a.day, &a.name).cmp(&(b.day, &b.name)));
    Ok(files)
}

fn list_dir(dir: &Path) -> Result<Vec<BulkFile>, FetchError> {
    let entries = fs::read_dir(dir).map_err(|e| io_error(dir, e))?;
    let mut files = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| io_error(dir, e))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if let Some(day) = bulk_file_day(&name) {
            files.push(BulkFile {
                name,
                location: Location::Path(entry.path()),
                day,
            });
        }
    }
    Ok(files)
}

/// Copies or downloads one file to `target` through a `.part` file; returns its size.
fn download(file: &BulkFile, target: &Path, client: &Client) -> Result<u64, FetchError> {
    let part = target.with_extension("zip.part");
    let source = match &file.location {
        Location::Path(path) => path.display().to_string(),
        Location::Url(url) => url.clone(),
    };
    let written = match &file.location {
        Location::Path(path) => fs::copy(path, &part).map_err(|e| io_error(path, e))?,
        Location::Url(url) => client.download(url, &part, &file.name)?,
    };
    if let Err(detail) = check_zip(&part) {
        let _ = fs::remove_file(&part);
        return Err(FetchError::NotZip {
            name: file.name.clone(),
            url: source,
            detail,
        });
    }
    fs::rename(&part, target).map_err(|e| io_error(target, e))?;
    Ok(written)
}

fn check_zip(path: &Path) -> Result<(), String> {
    let file = fs::File::open(path).map_err(|e| e.to_string())?;
    zip::ZipArchive::new(file)
        .map(|_| ())
        .map_err(|e| e.to_string())
}

/// A blocking HTTP client with a stall timeout and an optional API key header.
struct Client {
    agent: ureq::Agent,
    api_key: Option<String>,
}

impl Client {
    fn new(api_key: Option<String>, stall: Duration) -> Client {
        let agent = ureq::Agent::config_builder()
            .timeout_connect(Some(Duration::from_secs(30)))
            .timeout_per_read(Some(stall))
            .build()
            .new_agent();
        Client { agent, api_key }
    }

    fn get(&self, url: &str) -> Result<ureq::http::Response<ureq::Body>, FetchError> {
        let mut request = self.agent.get(url);
        if let Some(key) = &self.api_key {
            request = request.header("X-API-KEY", key);
        }
        request.call().map_err(|e| http_error(url, e))
    }

    fn get_text(&self, url: &str) -> Result<String, FetchError> {
        self.get(url)?
            .body_mut()
            .with_config()
            .limit(64 * 1024 * 1024)
            .read_to_string()
            .map_err(|e| http_error(url, e))
    }

    fn download(&self, url: &str, part: &Path, name: &str) -> Result<u64, FetchError> {
        let mut response = self.get(url)?;
        let expected = response
            .headers()
            .get("content-length")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.parse::<u64>().ok());
        let mut out = fs::File::create(part).map_err(|e| io_error(part, e))?;
        let mut reader = response.body_mut().with_config().limit(u64::MAX).reader();
        let mut buffer = vec![0u8; 256 * 1024];
        let mut written = 0u64;
        loop {
            let n = match reader.read(&mut buffer) {
                Ok(0) => break,
                Ok(n) => n,
                Err(e) => {
                    drop(out);
                    let _ = fs::remove_file(part);
                    return Err(FetchError::Http {
                        url: url.to_string(),
                        detail: e.to_string(),
                    });
                }
            };
            out.write_all(&buffer[..n]).map_err(|e| io_error(part, e))?;
            written += n as u64;
        }
        out.sync_all().map_err(|e| io_error(part, e))?;
        if let Some(expected) = expected.filter(|&expected| expected != written) {
            let _ = fs::remove_file(part);
            return Err(FetchError::Incomplete {
                name: name.to_string(),
                url: url.to_string(),
                found: written,
                expected,
            });
        }
        Ok(written)
    }
}

fn http_error(url: &str, e: ureq::Error) -> FetchError {
    FetchError::Http {
        url: url.to_string(),
        detail: e.to_string(),
    }
}

fn io_error(path: &Path, source: io::Error) -> FetchError {
    FetchError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// The day a USPTO bulk file name covers up to, as yyyymmdd: `apc251122.zip` (daily) is
/// 2025-11-22, `apc18840407-20241231-01.zip` (annual backfile part) counts as 2024-12-31.
fn bulk_file_day(name: &str) -> Option<u32> {
    let stem = name.strip_prefix("apc")?.strip_suffix(".zip")?;
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let day = match stem.split('-').collect::<Vec<_>>()[..] {
        [yymmdd] if yymmdd.len() == 6 && digits(yymmdd) => {
            20_000_000 + yymmdd.parse::<u32>().ok()?
        }
        [from, to, part]
            if from.len() == 8
                && to.len() == 8
                && part.len() == 2
                && digits(from)
                && digits(to)
                && digits(part) =>
        {
            to.parse().ok()?
        }
        _ => return None,
    };
    let (month, dom) = (day / 100 % 100, day % 100);
    ((1..=12).contains(&month) && (1..=31).contains(&dom)).then_some(day)
}

/// Every `href` target of an HTML page, plus bare names that look like bulk files (for
/// JSON or plain-text listings).
fn linked_names(page: &str) -> Vec<String> {
    let mut links = Vec::new();
    let lower = page.to_ascii_lowercase();
    let mut at = 0;
    while let Some(found) = lower[at..].find("href=") {
        let start = at + found + 5;
        let rest = &page[start..];
        let (quote, body) = match rest.chars().next() {
            Some(q @ ('"' | '\'')) => (Some(q), &rest[1..]),
            _ => (None, rest),
        };
        let end = body
            .find(|c: char| {
                Some(c) == quote || (quote.is_none() && (c.is_whitespace() || c == '>'))
            })
            .unwrap_or(body.len());
        links.push(body[..end].to_string());
        at = start;
    }
    for word in page.split(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '.')) {
        if bulk_file_day(word).is_some() {
            links.push(word.to_string());
        }
    }
    links
}

/// Resolves a link found on the page at `base` (absolute, root-relative or relative).
fn resolve(base: &str, link: &str) -> String {
    if link.starts_with("http://") || link.starts_with("https://") {
        return link.to_string();
    }
    let scheme_end = base.find("://").map_or(0, |i| i + 3);
    if let Some(path) = link.strip_prefix('/') {
        let host_end = base[scheme_end..]
            .find('/')
            .map_or(base.len(), |i| scheme_end + i);
        return format!("{}/{}", &base[..host_end], path);
    }
    let base = base.split(['?', '#']).next().unwrap_or(base);
    let dir_end = base
        .rfind('/')
        .filter(|&i| i >= scheme_end)
        .map_or(base.len(), |i| i + 1);
    let dir = &base[..dir_end];
    if dir.ends_with('/') {
        format!("{dir}{link}")
    } else {
        format!("{dir}/{link}")
    }
}

fn parse_day(text: &str) -> Result<u32, String> {
    let b = text.as_bytes();
    let shaped = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    let day = shaped
        .then(|| text.replace('-', "").parse::<u32>().ok())
        .flatten();
    day.filter(|day| (1..=12).contains(&(day / 100 % 100)) && (1..=31).contains(&(day % 100)))
        .ok_or_else(|| format!("{text:?} is not a date like 2026-11-23"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bulk_file_names_give_their_day() {
        assert_eq!(bulk_file_day("apc251122.zip"), Some(20251122));
        assert_eq!(bulk_file_day("apc18840407-20241231-01.zip"), Some(20241231));
        assert_eq!(bulk_file_day("apc251322.zip"), None);
        assert_eq!(bulk_file_day("apc2511.zip"), None);
        assert_eq!(bulk_file_day("readme.txt"), None);
        assert_eq!(bulk_file_day("apc251122.zip.part"), None);
        assert_eq!(Kind::of("apc251122.zip"), Kind::Daily);
        assert_eq!(Kind::of("apc18840407-20241231-01.zip"), Kind::Annual);
    }

    #[test]
    fn links_and_bare_names_are_found_and_resolved() {
        let page = r#"<a href="apc251121.zip">x</a> <A HREF='/data/apc251122.zip'> <a href=../x.html>
            {"fileName": "apc18840407-20241231-01.zip"}"#;
        let names = linked_names(page);
        assert!(names.contains(&"apc251121.zip".to_string()));
        assert!(names.contains(&"/data/apc251122.zip".to_string()));
        assert!(names.contains(&"apc18840407-20241231-01.zip".to_string()));
        let base = "http://127.0.0.1:8080/mirror/index.html";
        assert_eq!(
            resolve(base, "apc251121.zip"),
            "http://127.0.0.1:8080/mirror/apc251121.zip"
        );
        assert_eq!(
            resolve(base, "/data/a.zip"),
            "http://127.0.0.1:8080/data/a.zip"
        );
        assert_eq!(resolve("http://h/m/", "a.zip"), "http://h/m/a.zip");
        assert_eq!(resolve("http://h", "a.zip"), "http://h/a.zip");
        assert_eq!(resolve(base, "https://o/a.zip"), "https://o/a.zip");
    }

    #[test]
    fn since_accepts_only_real_dates() {
        assert_eq!(parse_day("2026-11-23"), Ok(20261123));
        assert!(parse_day("23-11-2026").is_err());
        assert!(parse_day("2026-13-01").is_err());
        assert!(parse_day("yesterday").is_err());
    }
}
