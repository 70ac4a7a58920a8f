//! The project's curated data of enforced marks: `data/enforced-marks/*.csv`, the brands
//! that marketplaces and "Schedule A" / TRO plaintiffs enforce against sellers, each with
//! its owner, Nice classes, the spellings sellers use, the franchise it belongs to and
//! the evidence of enforcement.
//!
//! # Format (the contract with the people who write the data)
//!
//! Every `*.csv` file of the folder is read, in file-name order. UTF-8, RFC 4180 CSV,
//! exactly the header line [`HEADER`]:
//!
//! | column | required | meaning |
//! |---|---|---|
//! | `name` | yes | the mark as its owner writes it (`Pokémon`, `Hello Kitty`, `JBL`) |
//! | `owner` | yes | the owner as publicly known (`The Pokémon Company`) |
//! | `classes` | yes | Nice classes 1–45, space-separated, ascending (`9 16 25 28`) |
//! | `aliases` | no | other spellings, `\|`-separated (`Pokemon\|宝可梦`) |
//! | `parent` | no | the franchise or house mark, the `name` of another row in any file |
//! | `category` | yes | one of [`Category`]'s names (`toys`, `characters`, …) |
//! | `wikidata` | no | the Wikidata item id (`Q…`) |
//! | `schedule_a` | no | `yes`: the owner is a documented Schedule A / TRO plaintiff |
//! | `cases` | no | case numbers, `;`-separated |
//! | `vero` | no | `yes`: the owner is an eBay VeRO participant |
//! | `registrations` | no | US registration numbers, `;`-separated |
//! | `member_names` | no | names that are also ordinary words or first names, `\|`-separated (`Rubble`): matched only where the listing names the `parent`, which the row must have |
//!
//! The data is the project's own and small, so it is held to the contract strictly: any
//! malformed row (a missing required cell, a bad class, an unknown category, a `name`
//! given twice across the files ignoring case, a `parent` that names no row, a parent
//! chain that loops, a Wikidata id not shaped `Q` + digits, a yes/no cell holding
//! anything but `yes` or nothing) fails the whole read with its file and line
//! ([`EnforcedError`]): a build never ships half of the data silently.
//!
//! # Records
//!
//! Each row becomes one [`Register::Famous`] record with `famous: true`: the owner as
//! owner, the classes, the aliases as pseudo-marks, the digits of the Wikidata id as
//! number, the registration numbers (joined by `; `) as registration, and an
//! [`Enforcement`]: the parent as franchise, and the owner's evidence — a row's own
//! `schedule_a`, `vero` and `cases` together with those of its parent chain (whoever owns
//! Pokémon enforces Pikachu; `Grogu` → `Star Wars` → `Disney` inherits Disney's).
//!
//! This module only reads; it must not decide how findings are scored.

use crate::register::{Drawing, Enforcement, Record, RecordSink, Register, Status};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// The exact header line of every file.
pub const HEADER: &str =
    "name,owner,classes,aliases,parent,category,wikidata,schedule_a,cases,vero,registrations,member_names";

/// The product categories a row can name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Category {
    /// `toys`
    Toys,
    /// `characters`
    Characters,
    /// `media`
    Media,
    /// `games`
    Games,
    /// `fashion`
    Fashion,
    /// `luxury`
    Luxury,
    /// `footwear`
    Footwear,
    /// `beauty`
    Beauty,
    /// `drinkware`
    Drinkware,
    /// `home`
    Home,
    /// `outdoor`
    Outdoor,
    /// `electronics`
    Electronics,
    /// `sport`
    Sport,
    /// `cars`
    Cars,
    /// `bands`
    Bands,
    /// `food`
    Food,
}

impl Category {
    /// Every category, with its name in the files.
    pub const ALL: [(&'static str, Category); 16] = [
        ("toys", Category::Toys),
        ("characters", Category::Characters),
        ("media", Category::Media),
        ("games", Category::Games),
        ("fashion", Category::Fashion),
        ("luxury", Category::Luxury),
        ("footwear", Category::Footwear),
        ("beauty", Category::Beauty),
        ("drinkware", Category::Drinkware),
        ("home", Category::Home),
        ("outdoor", Category::Outdoor),
        ("electronics", Category::Electronics),
        ("sport", Category::Sport),
        ("cars", Category::Cars),
        ("bands", Category::Bands),
        ("food", Category::Food),
    ];

    /// The category a cell names, exactly as written.
    pub fn parse(cell: &str) -> Option<Category> {
        Category::ALL
            .iter()
            .find(|(name, _)| *name == cell)
            .map(|(_, c)| *c)
    }
}

/// Why the curated data cannot be read; every variant but the folder's own names the
/// file and line to fix.
#[derive(Debug, thiserror::Error)]
pub enum EnforcedError {
    /// The folder or a file cannot be read.
    #[error("cannot read {path}: {source}")]
    Open {
        /// The folder or file.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// The folder holds no `*.csv` file.
    #[error("{path} holds no .csv file of enforced marks")]
    NoFiles {
        /// The folder.
        path: PathBuf,
    },
    /// A row breaks the contract.
    #[error("{}:{line}: {problem}", file.display())]
    Row {
        /// The file.
        file: PathBuf,
        /// The line (1-based; the header is line 1).
        line: u64,
        /// What is wrong with it.
        problem: RowProblem,
    },
}

/// What is wrong with one row (or the header line).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RowProblem {
    /// The first line is not exactly [`HEADER`].
    #[error("the header must be exactly `{HEADER}` (found `{found}`)")]
    Header {
        /// The line as read.
        found: String,
    },
    /// The line is not CSV or not UTF-8.
    #[error("not a readable CSV line: {detail}")]
    Unreadable {
        /// What the CSV reader said.
        detail: String,
    },
    /// The row has another number of cells than the header.
    #[error("{found} cells, the header has 12")]
    CellCount {
        /// Cells in the row.
        found: usize,
    },
    /// A required cell is empty.
    #[error("the `{column}` cell is required")]
    Missing {
        /// The column.
        column: &'static str,
    },
    /// A class is not an integer 1–45, or the classes are not ascending and distinct.
    #[error("classes must be Nice classes 1-45, space-separated, ascending (found `{found}`)")]
    BadClasses {
        /// The cell.
        found: String,
    },
    /// The category is none of [`Category::ALL`].
    #[error("unknown category `{found}` (one of: toys characters media games fashion luxury footwear beauty drinkware home outdoor electronics sport cars bands food)")]
    BadCategory {
        /// The cell.
        found: String,
    },
    /// The Wikidata id is not `Q` followed by digits.
    #[error("`{found}` is not a Wikidata item id (Q followed by digits)")]
    BadWikidata {
        /// The cell.
        found: String,
    },
    /// A name or alias whose mark key (how listings are matched) is a single
    /// character: `A's` is keyed `a`, which every sentence holds.
    #[error("`{found}` is keyed `{key}`: a single character matches ordinary text, spell it out")]
    TooShort {
        /// The name or alias.
        found: String,
        /// Its mark key.
        key: String,
    },
    /// A yes/no cell holds something else than `yes` or nothing.
    #[error("the `{column}` cell must be `yes` or empty (found `{found}`)")]
    BadFlag {
        /// The column.
        column: &'static str,
        /// The cell.
        found: String,
    },
    /// The name was already given by another row (ignoring case).
    #[error("`{name}` is already a row at {first}")]
    Duplicate {
        /// The name.
        name: String,
        /// `file:line` of the first row.
        first: String,
    },
    /// Member names are given, but no parent: a member name counts only beside its
    /// franchise.
    #[error("member names need a parent: they count only where the listing names it")]
    MembersWithoutParent,
    /// The parent names no row.
    #[error("parent `{parent}` is not the name of any row")]
    UnknownParent {
        /// The cell.
        parent: String,
    },
    /// Following parents comes back to this row.
    #[error("the parent chain of `{name}` comes back to it")]
    ParentCycle {
        /// The row's name.
        name: String,
    },
}

/// One row of the curated data, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EnforcedMark {
    /// The mark as its owner writes it.
    pub name: String,
    /// The owner.
    pub owner: String,
    /// Nice classes, ascending.
    pub classes: Vec<u8>,
    /// Other spellings.
    pub aliases: Vec<String>,
    /// The franchise or house mark (another row's name).
    pub parent: Option<String>,
    /// The product category.
    pub category: Category,
    /// The Wikidata item number (`Q42` → 42).
    pub wikidata: Option<u64>,
    /// The row's own Schedule A flag.
    pub schedule_a: bool,
    /// The row's own case numbers.
    pub cases: Vec<String>,
    /// The row's own VeRO flag.
    pub vero: bool,
    /// US registration numbers.
    pub registrations: Vec<String>,
    /// Names that are also ordinary words, counted only beside the parent.
    pub member_names: Vec<String>,
    /// Where the row is, for messages.
    pub file: PathBuf,
    /// Its line.
    pub line: u64,
}

/// The curated data, every file read and checked.
#[derive(Debug, Clone, Default)]
pub struct EnforcedMarks {
    marks: Vec<EnforcedMark>,
    /// Row index by lower-case name.
    by_name: HashMap<String, usize>,
    files: Vec<PathBuf>,
}

impl EnforcedMarks {
    /// Reads every `*.csv` file of `dir`, in file-name order.
    pub fn read_dir(dir: &Path) -> Result<EnforcedMarks, EnforcedError> {
        let open = |source| EnforcedError::Open {
            path: dir.into(),
            source,
        };
        let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
            .map_err(open)?
            .map(|e| e.map(|e| e.path()))
            .collect::<Result<_, _>>()
            .map_err(open)?;
        files.retain(|p| p.extension().is_some_and(|e| e == "csv") && p.is_file());
        files.sort();
        if files.is_empty() {
            return Err(EnforcedError::NoFiles { path: dir.into() });
        }
        let mut marks = EnforcedMarks::default();
        for file in &files {
            let bytes = std::fs::read(file).map_err(|source| EnforcedError::Open {
                path: file.clone(),
                source,
            })?;
            marks.add_file(file, &bytes)?;
        }
        marks.check_parents()?;
        Ok(marks)
    }

    /// Reads one file's bytes (named `file` in messages) into the data. Call
    /// [`EnforcedMarks::check_parents`] once every file is read.
    pub fn add_file(&mut self, file: &Path, bytes: &[u8]) -> Result<(), EnforcedError> {
        let fail = |line: u64, problem: RowProblem| EnforcedError::Row {
            file: file.into(),
            line,
            problem,
        };
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(bytes);
        let mut rows = reader.byte_records();
        let header = match rows.next() {
            Some(Ok(h)) => h,
            Some(Err(e)) => return Err(fail(1, unreadable(&e))),
            None => {
                return Err(fail(
                    1,
                    RowProblem::Header {
                        found: String::new(),
                    },
                ))
            }
        };
        let found: Vec<String> = header
            .iter()
            .map(|c| String::from_utf8_lossy(c).into_owned())
            .collect();
        let found = found.join(",");
        if found != HEADER {
            return Err(fail(1, RowProblem::Header { found }));
        }
        self.files.push(file.into());
        for row in rows {
            let row = row.map_err(|e| {
                let line = e.position().map_or(0, |p| p.line());
                fail(line, unreadable(&e))
            })?;
            let line = row.position().map_or(0, |p| p.line());
            let row = csv::StringRecord::from_byte_record(row).map_err(|e| {
                fail(
                    line,
                    RowProblem::Unreadable {
                        detail: e.to_string(),
                    },
                )
            })?;
            if row.iter().all(|c| c.trim().is_empty()) {
                continue;
            }
            let mark = parse_row(&row, file, line).map_err(|p| fail(line, p))?;
            let lower = mark.name.to_lowercase();
            if let Some(&first) = self.by_name.get(&lower) {
                let first = &self.marks[first];
                return Err(fail(
                    line,
                    RowProblem::Duplicate {
                        name: mark.name,
                        first: format!("{}:{}", first.file.display(), first.line),
                    },
                ));
            }
            self.by_name.insert(lower, self.marks.len());
            self.marks.push(mark);
        }
        Ok(())
    }

    /// Checks that every parent names a row and no parent chain loops.
    pub fn check_parents(&self) -> Result<(), EnforcedError> {
        for (i, mark) in self.marks.iter().enumerate() {
            let fail = |problem| EnforcedError::Row {
                file: mark.file.clone(),
                line: mark.line,
                problem,
            };
            let mut at = i;
            for _ in 0..=self.marks.len() {
                let Some(parent) = &self.marks[at].parent else {
                    break;
                };
                at = self.index(parent).ok_or_else(|| {
                    fail(RowProblem::UnknownParent {
                        parent: parent.clone(),
                    })
                })?;
                if at == i {
                    return Err(fail(RowProblem::ParentCycle {
                        name: mark.name.clone(),
                    }));
                }
            }
        }
        Ok(())
    }

    fn index(&self, name: &str) -> Option<usize> {
        self.by_name.get(&name.to_lowercase()).copied()
    }

    /// The row named `name` (ignoring case).
    pub fn get(&self, name: &str) -> Option<&EnforcedMark> {
        self.index(name).map(|i| &self.marks[i])
    }

    /// Every row, in file and line order.
    pub fn marks(&self) -> &[EnforcedMark] {
        &self.marks
    }

    /// The files read, in order.
    pub fn files(&self) -> &[PathBuf] {
        &self.files
    }

    /// The enforcement evidence of a row: its parent as franchise, and the owner's
    /// evidence of the row and its parent chain together (see the module docs).
    pub fn enforcement(&self, mark: &EnforcedMark) -> Enforcement {
        let mut e = Enforcement {
            franchise: mark.parent.clone(),
            member_names: mark.member_names.clone(),
            ..Enforcement::default()
        };
        let mut at = Some(mark);
        // A chain is at most as long as the data (check_parents refuses loops).
        for _ in 0..=self.marks.len() {
            let Some(m) = at else { break };
            e.schedule_a |= m.schedule_a;
            e.vero |= m.vero;
            for case in &m.cases {
                if !e.cases.contains(case) {
                    e.cases.push(case.clone());
                }
            }
            at = m.parent.as_deref().and_then(|p| self.get(p));
        }
        e
    }

    /// The record of a row (see the module docs).
    pub fn record(&self, mark: &EnforcedMark) -> Record {
        let mut r = Record::new(Register::Famous, mark.name.clone(), mark.owner.clone());
        r.number = mark.wikidata.map(|q| q.to_string()).unwrap_or_default();
        r.registration = (!mark.registrations.is_empty()).then(|| mark.registrations.join("; "));
        r.classes = mark.classes.clone();
        r.status = Status::Registered;
        r.drawing = Drawing::Word;
        r.famous = true;
        r.pseudo_marks = mark.aliases.clone();
        r.enforcement = Some(self.enforcement(mark));
        r
    }

    /// Delivers one record per row, in file and line order.
    pub fn deliver(&self, sink: &mut dyn RecordSink) {
        let total = self.marks.len() as u64;
        for mark in &self.marks {
            sink.record(self.record(mark));
        }
        sink.progress(total, total);
    }
}

fn unreadable(e: &csv::Error) -> RowProblem {
    RowProblem::Unreadable {
        detail: e.to_string(),
    }
}

/// Checks one row's cells.
fn parse_row(row: &csv::StringRecord, file: &Path, line: u64) -> Result<EnforcedMark, RowProblem> {
    if row.len() != 12 {
        return Err(RowProblem::CellCount { found: row.len() });
    }
    let cell = |i: usize| row.get(i).unwrap_or("").trim();
    let required = |i: usize, column: &'static str| {
        let c = cell(i);
        if c.is_empty() {
            Err(RowProblem::Missing { column })
        } else {
            Ok(c.to_string())
        }
    };
    let flag = |i: usize, column: &'static str| match cell(i) {
        "" => Ok(false),
        "yes" => Ok(true),
        other => Err(RowProblem::BadFlag {
            column,
            found: other.to_string(),
        }),
    };
    let list = |i: usize, sep: char| -> Vec<String> {
        cell(i)
            .split(sep)
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect()
    };
    let name = required(0, "name")?;
    let owner = required(1, "owner")?;
    let classes = parse_classes(&required(2, "classes")?)?;
    let category_cell = required(5, "category")?;
    let category = Category::parse(&category_cell).ok_or(RowProblem::BadCategory {
        found: category_cell,
    })?;
    let wikidata = match cell(6) {
        "" => None,
        q => Some(parse_wikidata(q).ok_or_else(|| RowProblem::BadWikidata {
            found: q.to_string(),
        })?),
    };
    let aliases = list(3, '|');
    let member_names = list(11, '|');
    let parent = Some(cell(4).to_string()).filter(|p| !p.is_empty());
    if parent.is_none() && !member_names.is_empty() {
        return Err(RowProblem::MembersWithoutParent);
    }
    for spelling in std::iter::once(&name).chain(&aliases).chain(&member_names) {
        let key = crate::text::mark_key(spelling);
        if key.chars().count() < 2 && !key.chars().any(is_ideograph_or_kana) {
            return Err(RowProblem::TooShort {
                found: spelling.clone(),
                key,
            });
        }
    }
    Ok(EnforcedMark {
        name,
        owner,
        classes,
        aliases,
        parent,
        category,
        wikidata,
        schedule_a: flag(7, "schedule_a")?,
        cases: list(8, ';'),
        vero: flag(9, "vero")?,
        registrations: list(10, ';'),
        member_names,
        file: file.into(),
        line,
    })
}

/// A CJK ideograph or kana: one of them is a word of its own (`宝`), unlike a Latin
/// letter.
fn is_ideograph_or_kana(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF)
}

/// Space-separated, ascending, distinct classes 1–45.
fn parse_classes(cell: &str) -> Result<Vec<u8>, RowProblem> {
    let bad = || RowProblem::BadClasses {
        found: cell.to_string(),
    };
    let mut classes: Vec<u8> = Vec::new();
    for part in cell.split(' ').filter(|p| !p.is_empty()) {
        let digits = part.bytes().all(|b| b.is_ascii_digit()) && part.len() <= 2;
        let class: u8 = part.parse().ok().filter(|_| digits).ok_or_else(bad)?;
        if !(1..=45).contains(&class) || classes.last().is_some_and(|&last| last >= class) {
            return Err(bad());
        }
        classes.push(class);
    }
    Ok(classes)
}

/// `Q` followed by digits without a leading zero: the item number.
fn parse_wikidata(cell: &str) -> Option<u64> {
    let digits = cell.strip_prefix('Q')?;
    if digits.is_empty() || digits.starts_with('0') || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    const ROW_DISNEY: &str =
        "Disney,The Walt Disney Company,9 16 25 28,迪士尼,,media,Q7414,yes,,yes,,";

    fn read(files: &[(&str, &str)]) -> Result<EnforcedMarks, EnforcedError> {
        let mut marks = EnforcedMarks::default();
        for (name, body) in files {
            marks.add_file(Path::new(name), body.as_bytes())?;
        }
        marks.check_parents()?;
        Ok(marks)
    }

    fn problem_at(files: &[(&str, &str)]) -> (String, u64, RowProblem) {
        match read(files) {
            Err(EnforcedError::Row {
                file,
                line,
                problem,
            }) => (file.display().to_string(), line, problem),
            other => panic!("expected a row error, got {other:?}"),
        }
    }

    fn file(rows: &[&str]) -> String {
        let mut s = format!("{HEADER}\n");
        for r in rows {
            s.push_str(r);
            s.push('\n');
        }
        s
    }

    #[test]
    fn a_well_formed_row_becomes_a_famous_record_with_its_owner_and_evidence() {
        let data = file(&[
            ROW_DISNEY,
            "Stitch,The Walt Disney Company,16 25 28,Lilo and Stitch|史迪奇,Disney,characters,,,1:24-cv-00001,,,",
        ]);
        let marks = read(&[("a.csv", &data)]).unwrap();
        let stitch = marks.get("stitch").unwrap();
        let r = marks.record(stitch);
        assert_eq!(r.register, Register::Famous);
        assert!(r.famous);
        assert_eq!(r.mark, "Stitch");
        assert_eq!(r.owner, "The Walt Disney Company");
        assert_eq!(r.classes, [16, 25, 28]);
        assert_eq!(r.pseudo_marks, ["Lilo and Stitch", "史迪奇"]);
        let e = r.enforcement.unwrap();
        assert_eq!(e.franchise.as_deref(), Some("Disney"));
        assert!(e.schedule_a && e.vero, "inherited from the parent row");
        assert_eq!(e.cases, ["1:24-cv-00001"]);
        let disney = marks.record(marks.get("Disney").unwrap());
        assert_eq!(disney.number, "7414");
        assert_eq!(disney.enforcement.unwrap().franchise, None);
        // Registration numbers only where the row gives them.
        assert_eq!(r.registration, None);
        let data = file(&["Zorblax,Zorblax Inc.,28,,,toys,,,,,1234567; 7654321,"]);
        let marks = read(&[("b.csv", &data)]).unwrap();
        let zorblax = marks.record(marks.get("zorblax").unwrap());
        assert_eq!(zorblax.registration.as_deref(), Some("1234567; 7654321"));
    }

    #[test]
    fn only_the_csv_files_of_the_folder_are_read() {
        let dir = std::env::temp_dir().join(format!("clearmark-enforced-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("old.csv")).unwrap();
        std::fs::write(dir.join("a.csv"), file(&[ROW_DISNEY])).unwrap();
        std::fs::write(dir.join("README.md"), "# not a table\n").unwrap();
        let marks = EnforcedMarks::read_dir(&dir);
        std::fs::remove_dir_all(&dir).unwrap();
        let marks = marks.expect("the CSV file alone is read");
        assert_eq!(marks.files(), [dir.join("a.csv")]);
        assert_eq!(marks.marks().len(), 1);
    }

    #[test]
    fn member_names_are_the_rows_own_and_reach_its_record() {
        let data = file(&[
            ROW_DISNEY,
            "Rubble Digger,The Walt Disney Company,28,,Disney,characters,,,,,,Rubble| Digger ",
        ]);
        let marks = read(&[("a.csv", &data)]).unwrap();
        let row = marks.get("Rubble Digger").unwrap();
        assert_eq!(row.member_names, ["Rubble", "Digger"]);
        let e = marks.record(row).enforcement.unwrap();
        assert_eq!(e.member_names, ["Rubble", "Digger"]);
        let disney = marks.record(marks.get("Disney").unwrap());
        assert!(
            disney.enforcement.unwrap().member_names.is_empty(),
            "not inherited"
        );
    }

    #[test]
    fn the_header_must_be_exact() {
        let (f, line, p) = problem_at(&[("a.csv", "name,owner,classes\nX,Y,9\n")]);
        assert_eq!((f.as_str(), line), ("a.csv", 1));
        assert!(matches!(p, RowProblem::Header { .. }));
    }

    #[test]
    fn a_malformed_row_fails_with_its_file_and_line() {
        /// Whether a problem is the one expected.
        type Expect = fn(&RowProblem) -> bool;
        let cases: [(&str, Expect); 12] = [
            (",Owner,9,,,toys,,,,,,", |p| {
                matches!(p, RowProblem::Missing { column: "name" })
            }),
            ("Zorb,,9,,,toys,,,,,,", |p| {
                matches!(p, RowProblem::Missing { column: "owner" })
            }),
            ("Zorb,Owner,,,,toys,,,,,,", |p| {
                matches!(p, RowProblem::Missing { column: "classes" })
            }),
            ("Zorb,Owner,46,,,toys,,,,,,", |p| {
                matches!(p, RowProblem::BadClasses { .. })
            }),
            ("Zorb,Owner,28 9,,,toys,,,,,,", |p| {
                matches!(p, RowProblem::BadClasses { .. })
            }),
            ("Zorb,Owner,9,,,gadgets,,,,,,", |p| {
                matches!(p, RowProblem::BadCategory { .. })
            }),
            ("Zorb,Owner,9,,,toys,7414,,,,,", |p| {
                matches!(p, RowProblem::BadWikidata { .. })
            }),
            ("Zorb,Owner,9,,,toys,,true,,,,", |p| {
                matches!(
                    p,
                    RowProblem::BadFlag {
                        column: "schedule_a",
                        ..
                    }
                )
            }),
            ("Zorb,Owner,9,,,toys,,,", |p| {
                matches!(p, RowProblem::CellCount { found: 9 })
            }),
            ("Zorb,Owner,9,,,toys,,,,,,Zed", |p| {
                matches!(p, RowProblem::MembersWithoutParent)
            }),
            (
                "Zorb,Owner,9,,Disney,toys,,,,,,Z",
                |p| matches!(p, RowProblem::TooShort { key, .. } if key == "z"),
            ),
            (
                "Oakland Athletics,Owner,28,Athletics|A's,,sport,,,,,,",
                |p| matches!(p, RowProblem::TooShort { key, .. } if key == "a"),
            ),
        ];
        for (row, expected) in cases {
            let data = file(&[ROW_DISNEY, row]);
            let (f, line, p) = problem_at(&[("toys.csv", &data)]);
            assert_eq!((f.as_str(), line), ("toys.csv", 3), "{row}");
            assert!(expected(&p), "{row}: {p:?}");
        }
    }

    #[test]
    fn two_characters_or_one_ideograph_are_long_enough() {
        let data = file(&[ROW_DISNEY, "LV,Owner,18,宝|XO,,luxury,,,,,,"]);
        assert!(read(&[("a.csv", &data)]).is_ok());
    }

    #[test]
    fn a_name_given_twice_across_files_fails_at_the_second() {
        let a = file(&[ROW_DISNEY]);
        let b = file(&["Zorb,Owner,9,,,toys,,,,,,", "DISNEY,Other,9,,,media,,,,,,"]);
        let (f, line, p) = problem_at(&[("a.csv", &a), ("b.csv", &b)]);
        assert_eq!((f.as_str(), line), ("b.csv", 3));
        assert_eq!(
            p,
            RowProblem::Duplicate {
                name: "DISNEY".into(),
                first: "a.csv:2".into()
            }
        );
    }

    #[test]
    fn a_parent_must_name_a_row_in_any_file_and_never_loop() {
        let a = file(&["Grogu,Lucasfilm Ltd.,28,,Star Wars,characters,,,,,,"]);
        let (f, line, p) = problem_at(&[("a.csv", &a)]);
        assert_eq!((f.as_str(), line), ("a.csv", 2));
        assert!(matches!(p, RowProblem::UnknownParent { .. }));
        let b = file(&["Star Wars,Lucasfilm Ltd.,9 28,,,media,,yes,,,,"]);
        let marks = read(&[("a.csv", &a), ("b.csv", &b)]).unwrap();
        let grogu = marks.get("Grogu").unwrap();
        assert!(marks.enforcement(grogu).schedule_a, "the franchise's owner");
        let looped = file(&["Aa,O,9,,Bb,toys,,,,,,", "Bb,O,9,,Aa,toys,,,,,,"]);
        let (_, line, p) = problem_at(&[("c.csv", &looped)]);
        assert_eq!(line, 2);
        assert!(matches!(p, RowProblem::ParentCycle { .. }));
    }

    #[test]
    fn classes_and_wikidata_ids_are_pinned_at_their_bounds() {
        assert_eq!(parse_classes("1 45").unwrap(), [1, 45]);
        assert!(parse_classes("0").is_err());
        assert!(parse_classes("45 45").is_err());
        assert!(parse_classes("9;28").is_err());
        assert!(parse_classes("+9").is_err());
        assert_eq!(parse_wikidata("Q1"), Some(1));
        assert_eq!(parse_wikidata("Q7414"), Some(7414));
        assert_eq!(parse_wikidata("Q"), None);
        assert_eq!(parse_wikidata("Q07"), None);
        assert_eq!(parse_wikidata("q7414"), None);
        assert_eq!(parse_wikidata("Q12a"), None);
    }

    #[test]
    fn a_quoted_cell_may_hold_commas() {
        let data = file(&[
            "\"Sanrio Characters, Hello Kitty\",\"Sanrio Co., Ltd.\",16 25,,,characters,,yes,,,,",
        ]);
        let marks = read(&[("a.csv", &data)]).unwrap();
        assert_eq!(marks.marks()[0].owner, "Sanrio Co., Ltd.");
    }
}
