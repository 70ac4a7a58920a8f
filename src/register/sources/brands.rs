//! Brand lists that are not registers: the seller's own watch lists (CSV) and the famous
//! brands of three maintained npm packages — `simple-icons` (brand titles, CC0),
//! `name-suggestion-index` (brands of shops and amenities with Wikidata ids, BSD-3) and
//! `@cspell/dict-companies` (company names, MIT). The build installs the packages; their
//! data is never committed.
//!
//! Watch lists become [`Register::Watch`] records. Famous-brand names become
//! [`Register::Famous`] records, one per brand name (merged across the lists by
//! [`mark_key`]); `famous` is set only on evidence, because the lists also hold obscure
//! names and ordinary words (a regional bakery chain called "Bread"). The evidence is
//! written into the record so a person can see why a name counts: the owner field names
//! the lists and the reach (`simple-icons; name-suggestion-index; worldwide`, a string
//! shared by many records, so the snapshot stores it once), and the number field holds
//! the digits of the brand's Wikidata id (`483915` for Q483915), where its owner can be
//! looked up. The name-suggestion-index categories only give the Nice classes of names
//! that are not famous; they are not kept as text. The rule:
//!
//! - listed by at least two of the three packages, or
//! - a name-suggestion-index brand with a Wikidata id that is present worldwide (location
//!   set `001`) or in at least [`BROAD_COUNTRIES`] countries.
//!
//! Other names are kept with `famous: false`: a known brand name, weaker evidence, judged
//! by the engine from the listing (position, case, the product) like any brand-list
//! entry. That includes names only the company dictionary lists (Disney, Nintendo and
//! Stanley are among them): word frequency is no evidence against a brand, so a name is
//! not dropped for being on one list. The company dictionary also holds the lower-case
//! connectives of company names ("and", "of"); its lower-case entries are not read.
//! Names shorter than two characters are dropped. Fame beyond these lists comes from the
//! curated data of enforced marks (`register::enforced`), read separately. A
//! name-suggestion-index brand with an English name (`brand:en`) is filed under it, its
//! local name an alias, so "شل" joins "Shell". Famous records have no classes (any class); the others carry the Nice classes
//! their name-suggestion-index categories imply, when the mapping is obvious.
//! This module only reads; it must not decide how findings are scored.

use crate::register::{
    watch_csv, Drawing, Record, RecordSink, Register, SkipReason, Skipped, Status,
};
use crate::text::mark_key;
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};

/// A name-suggestion-index brand present in at least this many countries counts as broad.
pub const BROAD_COUNTRIES: usize = 5;

/// Why a brand list could not be read.
#[derive(Debug, thiserror::Error)]
pub enum BrandsError {
    /// The file or package cannot be opened.
    #[error("cannot open {path}: {source}")]
    Open {
        /// The file.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// Reading failed part-way.
    #[error("cannot read {path}: {detail}")]
    Read {
        /// The file.
        path: PathBuf,
        /// What went wrong.
        detail: String,
    },
    /// The path is none of the known packages.
    #[error("{path} is not a known brand list (expected the simple-icons, name-suggestion-index or @cspell/dict-companies package, or one of their data files)")]
    UnknownList {
        /// The path.
        path: PathBuf,
    },
    /// A package's data file is not in the shape this reader knows.
    #[error("{path} is not in the expected format: {detail}")]
    Format {
        /// The file.
        path: PathBuf,
        /// What the JSON parser said.
        detail: String,
    },
}

/// Reads a seller's watch list (the CSV format of [`crate::register::watch_csv`]: a header with a
/// `name` column, and optionally `owner`, `classes`, `aliases`, `note`). Each row becomes
/// a [`Register::Watch`] record, its aliases pseudo-marks; a row that cannot be used is
/// reported as skipped with its line and the rest is read.
pub fn read_watch_list(path: &Path, sink: &mut dyn RecordSink) -> Result<(), BrandsError> {
    // Watch lists are a seller's own lists, small enough to read whole.
    let bytes = std::fs::read(path).map_err(|source| BrandsError::Open {
        path: path.into(),
        source,
    })?;
    let total = bytes.len() as u64;
    let file_name = path.display().to_string();
    watch_csv::read(&bytes, |row| match row {
        Ok(record) => sink.record(record),
        Err(e) => sink.skipped(Skipped {
            file: file_name.clone(),
            location: format!("line {}", e.line),
            reason: match e.error {
                _ if e.error.is_missing_mark() => SkipReason::NoMarkText,
                watch_csv::RowError::BadClass { .. } => SkipReason::InvalidValue,
                _ => SkipReason::Malformed,
            },
            detail: e.error.to_string(),
        }),
    })
    .map_err(|e| match e {
        watch_csv::WatchListError::NoHeader { .. } | watch_csv::WatchListError::NoMarks { .. } => {
            BrandsError::Format {
                path: path.into(),
                detail: e.to_string(),
            }
        }
        watch_csv::WatchListError::Read { detail } => BrandsError::Read {
            path: path.into(),
            detail,
        },
    })?;
    sink.progress(total, total);
    Ok(())
}

/// Reads the famous-brand packages at `paths` (each a package folder such as
/// `node_modules/simple-icons`, or its data file), merges their names and delivers one
/// [`Register::Famous`] record per brand name. See the module documentation for when a
/// name is marked famous.
pub fn read_famous(paths: &[&Path], sink: &mut dyn RecordSink) -> Result<(), BrandsError> {
    let mut lists = FamousLists::default();
    for path in paths {
        lists.add(path)?;
    }
    lists.finish(sink);
    Ok(())
}

/// The famous-brand lists, merged by mark key while they are read.
#[derive(Debug, Default)]
pub struct FamousLists {
    brands: HashMap<String, Brand>,
}

/// Which package a path holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum BrandList {
    /// npm `simple-icons`.
    SimpleIcons,
    /// npm `name-suggestion-index`.
    NameSuggestionIndex,
    /// npm `@cspell/dict-companies`.
    CspellCompanies,
}

impl BrandList {
    /// The package name, as written in the evidence.
    pub fn name(self) -> &'static str {
        match self {
            BrandList::SimpleIcons => "simple-icons",
            BrandList::NameSuggestionIndex => "name-suggestion-index",
            BrandList::CspellCompanies => "@cspell/dict-companies",
        }
    }

    /// Which package `path` is (a package folder or one of its data files) and the data
    /// file to read.
    pub fn detect(path: &Path) -> Result<(BrandList, PathBuf), BrandsError> {
        let unknown = || BrandsError::UnknownList { path: path.into() };
        if path.is_dir() {
            let manifest =
                std::fs::read_to_string(path.join("package.json")).map_err(|source| {
                    BrandsError::Open {
                        path: path.join("package.json"),
                        source,
                    }
                })?;
            let name = serde_json::from_str::<serde_json::Value>(&manifest)
                .ok()
                .and_then(|v| v.get("name").and_then(|n| n.as_str()).map(str::to_string))
                .ok_or_else(unknown)?;
            let (list, candidates): (BrandList, &[&str]) = match name.as_str() {
                "simple-icons" => (
                    BrandList::SimpleIcons,
                    &["data/simple-icons.json", "_data/simple-icons.json"],
                ),
                "name-suggestion-index" => (
                    BrandList::NameSuggestionIndex,
                    &["dist/json/nsi.json", "dist/nsi.json"],
                ),
                "@cspell/dict-companies" => (BrandList::CspellCompanies, &["dict/companies.txt"]),
                _ => return Err(unknown()),
            };
            let file = candidates
                .iter()
                .map(|c| path.join(c))
                .find(|p| p.is_file());
            return file.map(|f| (list, f)).ok_or_else(|| BrandsError::Format {
                path: path.into(),
                detail: format!("the {name} package has none of {candidates:?}"),
            });
        }
        let file_name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        let list = match file_name {
            "simple-icons.json" => BrandList::SimpleIcons,
            "nsi.json" | "nsi.min.json" => BrandList::NameSuggestionIndex,
            "companies.txt" => BrandList::CspellCompanies,
            _ => return Err(unknown()),
        };
        Ok((list, path.into()))
    }
}

/// What the lists say about one brand name.
#[derive(Debug, Default)]
struct Brand {
    /// The name as first written by the most authoritative list.
    display: String,
    display_rank: u8,
    lists: BTreeSet<BrandList>,
    aliases: BTreeSet<String>,
    wikidata: BTreeSet<String>,
    categories: BTreeSet<String>,
    countries: BTreeSet<String>,
    worldwide: bool,
}

#[derive(Deserialize)]
struct SimpleIcon {
    title: String,
    #[serde(default)]
    aliases: Option<SimpleIconAliases>,
}

#[derive(Deserialize, Default)]
struct SimpleIconAliases {
    #[serde(default)]
    aka: Vec<String>,
    #[serde(default)]
    loc: BTreeMap<String, String>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum SimpleIconsFile {
    List(Vec<SimpleIcon>),
    Wrapped { icons: Vec<SimpleIcon> },
}

#[derive(Deserialize)]
struct NsiFile {
    nsi: BTreeMap<String, NsiCategory>,
}

#[derive(Deserialize)]
struct NsiCategory {
    #[serde(default)]
    items: Vec<NsiItem>,
}

#[derive(Deserialize)]
struct NsiItem {
    #[serde(rename = "displayName", default)]
    display_name: String,
    #[serde(rename = "locationSet", default)]
    location_set: NsiLocationSet,
    #[serde(default)]
    tags: BTreeMap<String, String>,
}

#[derive(Deserialize, Default)]
struct NsiLocationSet {
    #[serde(default)]
    include: Vec<serde_json::Value>,
}

impl FamousLists {
    /// Reads one package (folder or data file) into the merged lists.
    pub fn add(&mut self, path: &Path) -> Result<BrandList, BrandsError> {
        let (list, file) = BrandList::detect(path)?;
        let open = |f: &Path| {
            File::open(f).map_err(|source| BrandsError::Open {
                path: f.into(),
                source,
            })
        };
        let format = |e: serde_json::Error| BrandsError::Format {
            path: file.clone(),
            detail: e.to_string(),
        };
        match list {
            BrandList::SimpleIcons => {
                let parsed: SimpleIconsFile =
                    serde_json::from_reader(BufReader::new(open(&file)?)).map_err(format)?;
                let icons = match parsed {
                    SimpleIconsFile::List(icons) | SimpleIconsFile::Wrapped { icons } => icons,
                };
                for icon in icons {
                    let aliases = icon.aliases.unwrap_or_default();
                    let names = aliases.aka.into_iter().chain(aliases.loc.into_values());
                    if let Some(brand) = self.entry(&icon.title, list, 0) {
                        brand.aliases.extend(names);
                    }
                }
            }
            BrandList::NameSuggestionIndex => {
                let parsed: NsiFile =
                    serde_json::from_reader(BufReader::new(open(&file)?)).map_err(format)?;
                for (key, category) in parsed.nsi {
                    let Some(category_key) = key.strip_prefix("brands/") else {
                        continue;
                    };
                    for item in category.items {
                        let Some(qid) = item.tags.get("brand:wikidata") else {
                            continue;
                        };
                        let local = item.tags.get("brand").unwrap_or(&item.display_name);
                        let name = item.tags.get("brand:en").unwrap_or(local);
                        let Some(brand) = self.entry(name, list, 1) else {
                            continue;
                        };
                        brand.wikidata.insert(qid.clone());
                        brand.categories.insert(category_key.replacen('/', "=", 1));
                        brand.aliases.insert(local.clone());
                        for place in &item.location_set.include {
                            match place.as_str() {
                                Some("001") => brand.worldwide = true,
                                Some(code) if code.len() == 2 => {
                                    brand.countries.insert(code.to_ascii_lowercase());
                                }
                                _ => {}
                            }
                        }
                    }
                }
            }
            BrandList::CspellCompanies => {
                let reader = BufReader::new(open(&file)?);
                for line in reader.lines() {
                    let line = line.map_err(|e| BrandsError::Read {
                        path: file.clone(),
                        detail: e.to_string(),
                    })?;
                    let name = line.trim();
                    // Lower-case entries are the connectives of company names.
                    if name.is_empty()
                        || name.starts_with('#')
                        || !name.chars().any(char::is_uppercase)
                    {
                        continue;
                    }
                    self.entry(name, list, 2);
                }
            }
        }
        Ok(list)
    }

    /// The brand under `name`'s mark key, noting that `list` names it; `None` for names
    /// too short to be told from ordinary text.
    fn entry(&mut self, name: &str, list: BrandList, rank: u8) -> Option<&mut Brand> {
        let name = name.trim();
        let key = mark_key(name);
        if key.chars().count() < 2 {
            return None;
        }
        let brand = self.brands.entry(key).or_insert_with(|| Brand {
            display_rank: u8::MAX,
            ..Brand::default()
        });
        if rank < brand.display_rank {
            brand.display = name.to_string();
            brand.display_rank = rank;
        }
        brand.lists.insert(list);
        Some(brand)
    }

    /// Delivers one record per brand name, in mark-key order.
    pub fn finish(self, sink: &mut dyn RecordSink) {
        let mut brands: Vec<(String, Brand)> = self.brands.into_iter().collect();
        brands.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let total = brands.len() as u64;
        for (done, (_, brand)) in brands.into_iter().enumerate() {
            sink.record(brand.into_record());
            if done % 1024 == 0 {
                sink.progress(done as u64, total);
            }
        }
        sink.progress(total, total);
    }
}

impl Brand {
    fn broad(&self) -> bool {
        !self.wikidata.is_empty() && (self.worldwide || self.countries.len() >= BROAD_COUNTRIES)
    }

    /// The item number of the brand's Wikidata id (`Q483915` → 483915), the lowest when
    /// the merged entries name several.
    fn wikidata_item(&self) -> Option<u64> {
        self.wikidata
            .iter()
            .filter_map(|q| q.strip_prefix('Q')?.parse::<u64>().ok())
            .min()
    }

    /// The evidence a person reads: the lists that name the brand and, for a
    /// name-suggestion-index brand with a Wikidata id, its reach.
    fn evidence(&self) -> String {
        let mut evidence: Vec<String> = self.lists.iter().map(|l| l.name().to_string()).collect();
        if !self.wikidata.is_empty() {
            evidence.push(if self.worldwide {
                "worldwide".to_string()
            } else {
                format!("{} countries", self.countries.len())
            });
        }
        evidence.join("; ")
    }

    fn into_record(self) -> Record {
        let famous = self.lists.len() >= 2 || self.broad();
        let mut record = Record::new(Register::Famous, self.display.clone(), self.evidence());
        if let Some(item) = self.wikidata_item() {
            record.number = item.to_string();
        }
        record.famous = famous;
        record.status = Status::Registered;
        record.drawing = Drawing::Word;
        if !famous {
            let mut classes: Vec<u8> = self
                .categories
                .iter()
                .flat_map(|c| nice_classes(c))
                .copied()
                .collect();
            classes.sort_unstable();
            classes.dedup();
            record.classes = classes;
        }
        let own_key = mark_key(&self.display);
        record.pseudo_marks = self
            .aliases
            .into_iter()
            .filter(|a| !a.trim().is_empty() && mark_key(a) != own_key)
            .collect();
        record
    }
}

/// The Nice classes a name-suggestion-index category (`shop=clothes`) obviously implies;
/// empty when it is not obvious.
fn nice_classes(category: &str) -> &'static [u8] {
    match category {
        "shop=clothes" | "shop=shoes" | "shop=fashion_accessories" => &[25],
        "shop=bag" => &[18],
        "shop=toys" => &[28],
        "shop=sports" | "shop=outdoor" => &[25, 28],
        "shop=electronics" | "shop=computer" | "shop=mobile_phone" | "shop=optician" => &[9],
        "shop=cosmetics" | "shop=perfumery" | "shop=beauty" => &[3],
        "shop=chemist" | "amenity=pharmacy" => &[3, 5],
        "shop=jewelry" => &[14],
        "shop=furniture" | "shop=bed" => &[20],
        "shop=houseware" => &[21],
        "shop=books" => &[16],
        "shop=car" | "shop=car_parts" | "shop=tyres" | "shop=bicycle" => &[12],
        "shop=pet" => &[31],
        "shop=alcohol" => &[33],
        "shop=confectionery" | "shop=pastry" | "shop=bakery" => &[30],
        "shop=supermarket"
        | "shop=convenience"
        | "shop=department_store"
        | "shop=variety_store" => &[35],
        "shop=telecommunication" => &[38],
        "amenity=fuel" => &[4],
        "amenity=fast_food" | "amenity=restaurant" | "amenity=cafe" | "amenity=ice_cream"
        | "amenity=pub" | "tourism=hotel" => &[43],
        "amenity=bank" | "amenity=atm" | "office=insurance" => &[36],
        "amenity=car_rental" | "amenity=parcel_locker" | "amenity=post_office" => &[39],
        "amenity=cinema" | "leisure=fitness_centre" => &[41],
        _ => &[],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::register::Skipped;

    /// Collects the records and the progress a reader delivers.
    #[derive(Default)]
    struct Collect {
        records: Vec<Record>,
        progress: Vec<(u64, u64)>,
    }

    impl RecordSink for Collect {
        fn record(&mut self, record: Record) {
            self.records.push(record);
        }
        fn skipped(&mut self, _skipped: Skipped) {}
        fn progress(&mut self, done: u64, total: u64) {
            self.progress.push((done, total));
        }
    }

    /// A fresh scratch folder holding `files` (name, contents).
    fn scratch(test: &str, files: &[(&str, &str)]) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("clearmark-brands-{test}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        for (name, text) in files {
            std::fs::write(dir.join(name), text).unwrap();
        }
        dir
    }

    fn read(files: &[(&str, &str)], test: &str, file: &str) -> Collect {
        let dir = scratch(test, files);
        let mut lists = FamousLists::default();
        lists.add(&dir.join(file)).expect("a readable list");
        let mut sink = Collect::default();
        lists.finish(&mut sink);
        std::fs::remove_dir_all(&dir).unwrap();
        sink
    }

    #[test]
    fn each_shop_category_implies_its_obvious_classes_and_others_none() {
        let table: &[(&[&str], &[u8])] = &[
            (
                &["shop=clothes", "shop=shoes", "shop=fashion_accessories"],
                &[25],
            ),
            (&["shop=bag"], &[18]),
            (&["shop=toys"], &[28]),
            (&["shop=sports", "shop=outdoor"], &[25, 28]),
            (
                &[
                    "shop=electronics",
                    "shop=computer",
                    "shop=mobile_phone",
                    "shop=optician",
                ],
                &[9],
            ),
            (&["shop=cosmetics", "shop=perfumery", "shop=beauty"], &[3]),
            (&["shop=chemist", "amenity=pharmacy"], &[3, 5]),
            (&["shop=jewelry"], &[14]),
            (&["shop=furniture", "shop=bed"], &[20]),
            (&["shop=houseware"], &[21]),
            (&["shop=books"], &[16]),
            (
                &["shop=car", "shop=car_parts", "shop=tyres", "shop=bicycle"],
                &[12],
            ),
            (&["shop=pet"], &[31]),
            (&["shop=alcohol"], &[33]),
            (&["shop=confectionery", "shop=pastry", "shop=bakery"], &[30]),
            (
                &[
                    "shop=supermarket",
                    "shop=convenience",
                    "shop=department_store",
                    "shop=variety_store",
                ],
                &[35],
            ),
            (&["shop=telecommunication"], &[38]),
            (&["amenity=fuel"], &[4]),
            (
                &[
                    "amenity=fast_food",
                    "amenity=restaurant",
                    "amenity=cafe",
                    "amenity=ice_cream",
                    "amenity=pub",
                    "tourism=hotel",
                ],
                &[43],
            ),
            (&["amenity=bank", "amenity=atm", "office=insurance"], &[36]),
            (
                &[
                    "amenity=car_rental",
                    "amenity=parcel_locker",
                    "amenity=post_office",
                ],
                &[39],
            ),
            (&["amenity=cinema", "leisure=fitness_centre"], &[41]),
            (
                &["shop=florist", "shop=hardware", "amenity=school", ""],
                &[],
            ),
        ];
        for (categories, classes) in table {
            for c in *categories {
                assert_eq!(nice_classes(c), *classes, "{c}");
            }
        }
    }

    #[test]
    fn the_name_suggestion_index_is_recognised_by_either_data_file() {
        for file in ["nsi.json", "nsi.min.json"] {
            let dir = scratch("detect", &[(file, "{}")]);
            let (list, path) = BrandList::detect(&dir.join(file)).unwrap();
            assert_eq!(list, BrandList::NameSuggestionIndex, "{file}");
            assert!(path.ends_with(file));
            std::fs::remove_dir_all(&dir).unwrap();
        }
    }

    #[test]
    fn only_two_letter_codes_are_countries_and_001_is_worldwide() {
        let nsi = r#"{"nsi": {"brands/shop/toys": {"items": [
            {"displayName": "Zentrix", "locationSet": {"include": ["gb", "150", "us-ca.geojson", "DE"]},
             "tags": {"brand": "Zentrix", "brand:wikidata": "Q7"}},
            {"displayName": "Mondover", "locationSet": {"include": ["001"]},
             "tags": {"brand": "Mondover", "brand:wikidata": "Q8"}}
        ]}}}"#;
        let sink = read(&[("nsi.json", nsi)], "codes", "nsi.json");
        let owner = |mark: &str| {
            sink.records
                .iter()
                .find(|r| r.mark == mark)
                .map(|r| r.owner.clone())
        };
        assert_eq!(
            owner("Zentrix").as_deref(),
            Some("name-suggestion-index; 2 countries"),
            "gb and de; a region (150) and a geojson shape are no country"
        );
        assert_eq!(
            owner("Mondover").as_deref(),
            Some("name-suggestion-index; worldwide")
        );
        assert_eq!(
            sink.records
                .iter()
                .find(|r| r.mark == "Zentrix")
                .unwrap()
                .classes,
            [28]
        );
    }

    #[test]
    fn the_company_list_keeps_capitalised_names_of_two_letters_or_more_first_spelling_first() {
        let companies = "# Comment With Capitals\n\nand\nA\n3M\nZentrix\nZENTRIX\nof\n";
        let sink = read(
            &[("companies.txt", companies)],
            "companies",
            "companies.txt",
        );
        let marks: Vec<&str> = sink.records.iter().map(|r| r.mark.as_str()).collect();
        // Comments, blank lines, lower-case connectives and single letters are no
        // names; "ZENTRIX" is "Zentrix" again, shown as first written.
        assert_eq!(marks, ["3M", "Zentrix"]);
        // Progress: at the first record and at the end.
        assert_eq!(sink.progress, [(0, 2), (2, 2)]);
    }
}
