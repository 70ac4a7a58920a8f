//! The Pokémon names of the npm package `pokemon` (MIT): every Pokémon's English name,
//! with its names in the package's other languages written in other scripts (Japanese,
//! Korean, Russian, Thai, simplified and traditional Chinese) as pseudo-marks. Names in
//! Latin script other than the English one (German, French, Spanish) are left out: most
//! are the English name, and the others are local puns that read as typos of English
//! words ("Selfe", German for Uxie, is one letter from "selfie").
//!
//! Each name becomes one [`Register::Famous`] record under the Pokémon franchise: the
//! franchise's owner as owner, its classes, and its enforcement evidence with the
//! franchise named — taken from the curated row named [`FRANCHISE`] when the curated
//! data has one ([`Franchise::from_curated`]). A name the curated data already holds is
//! left to its curated row. The package is not curated: some names are ordinary words
//! ("Ditto", "Golem", "Electrode", "Iron Hands"), so a name whose every word is a common
//! word (the caller's word-frequency evidence) is left out. The package's data is never committed: the build installs it.
//!
//! This module only reads; it must not decide how findings are scored.

use super::enforced::EnforcedMarks;
use crate::register::{Drawing, Enforcement, Record, RecordSink, Register, Status};
use crate::text::mark_key;
use std::path::{Path, PathBuf};

/// The franchise every name of the package belongs to, as the curated data names it.
pub const FRANCHISE: &str = "Pokémon";

/// The franchise's owner when the curated data has no [`FRANCHISE`] row.
pub const DEFAULT_OWNER: &str = "The Pokémon Company";

/// Why the package cannot be read.
#[derive(Debug, thiserror::Error)]
pub enum PokemonError {
    /// A file cannot be read.
    #[error("cannot read {path}: {source}")]
    Open {
        /// The file.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// The folder is not the `pokemon` package, or its data is not in the known shape.
    #[error("{path} is not the npm pokemon package's data: {detail}")]
    Format {
        /// The file or folder.
        path: PathBuf,
        /// What is wrong.
        detail: String,
    },
}

/// What the records of the package's names say of their franchise.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Franchise {
    /// The franchise's name.
    pub name: String,
    /// Its owner.
    pub owner: String,
    /// Its Nice classes (empty: any).
    pub classes: Vec<u8>,
    /// Its owner's enforcement evidence.
    pub enforcement: Enforcement,
}

impl Franchise {
    /// The franchise as the curated data describes its [`FRANCHISE`] row; without such
    /// a row, the franchise with its [`DEFAULT_OWNER`], no classes and no evidence.
    pub fn from_curated(curated: &EnforcedMarks) -> Franchise {
        match curated.get(FRANCHISE) {
            Some(row) => Franchise {
                name: row.name.clone(),
                owner: row.owner.clone(),
                classes: row.classes.clone(),
                enforcement: curated.enforcement(row),
            },
            None => Franchise {
                name: FRANCHISE.to_string(),
                owner: DEFAULT_OWNER.to_string(),
                classes: Vec::new(),
                enforcement: Enforcement::default(),
            },
        }
    }
}

/// The package read: its version and licence (for the snapshot header) and its names.
#[derive(Debug, Clone)]
pub struct PokemonNames {
    /// `pokemon@3.3.1`.
    pub package: String,
    /// The licence the package declares (`MIT`).
    pub license: String,
    /// Per Pokémon: the English name, then its names in the other languages.
    pub names: Vec<(String, Vec<String>)>,
}

impl PokemonNames {
    /// Reads the package folder (`node_modules/pokemon`): `package.json`, then
    /// `data/en.json` and every other `data/*.json`, each a list of names in the same
    /// order.
    pub fn read(dir: &Path) -> Result<PokemonNames, PokemonError> {
        let format = |path: &Path, detail: String| PokemonError::Format {
            path: path.into(),
            detail,
        };
        let manifest_path = dir.join("package.json");
        let manifest: serde_json::Value = serde_json::from_slice(&read(&manifest_path)?)
            .map_err(|e| format(&manifest_path, e.to_string()))?;
        let field = |name: &str| manifest.get(name).and_then(|v| v.as_str()).unwrap_or("");
        if field("name") != "pokemon" {
            return Err(format(dir, format!("package name is `{}`", field("name"))));
        }
        let data = dir.join("data");
        let english = read_names(&data.join("en.json"))?;
        let mut names: Vec<(String, Vec<String>)> =
            english.into_iter().map(|n| (n, Vec::new())).collect();
        let mut others: Vec<PathBuf> = std::fs::read_dir(&data)
            .map_err(|source| PokemonError::Open {
                path: data.clone(),
                source,
            })?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "json") && !p.ends_with("en.json"))
            .collect();
        others.sort();
        for path in others {
            let list = read_names(&path)?;
            if list.len() != names.len() {
                return Err(format(
                    &path,
                    format!("{} names, en.json has {}", list.len(), names.len()),
                ));
            }
            for ((_, aliases), name) in names.iter_mut().zip(list) {
                aliases.push(name);
            }
        }
        Ok(PokemonNames {
            package: format!("pokemon@{}", field("version")),
            license: field("license").to_string(),
            names,
        })
    }

    /// Delivers one record per name under `franchise`, leaving out the names `curated`
    /// already holds and those whose every word `common` says is a common word (it is
    /// given the words of the name's mark key).
    pub fn deliver(
        &self,
        franchise: &Franchise,
        curated: &EnforcedMarks,
        common: &dyn Fn(&str) -> bool,
        sink: &mut dyn RecordSink,
    ) {
        let total = self.names.len() as u64;
        for (done, (name, aliases)) in self.names.iter().enumerate() {
            let key = mark_key(name);
            if curated.get(name).is_some() || key.split(' ').all(common) {
                continue;
            }
            let mut r = Record::new(Register::Famous, name.clone(), franchise.owner.clone());
            r.classes = franchise.classes.clone();
            r.status = Status::Registered;
            r.drawing = Drawing::Word;
            r.famous = true;
            let mut pseudo: Vec<String> = Vec::new();
            for a in aliases
                .iter()
                .filter(|a| !a.chars().any(|c| c.is_ascii_alphabetic()))
            {
                let k = mark_key(a);
                if !k.is_empty() && k != key && !pseudo.iter().any(|p| mark_key(p) == k) {
                    pseudo.push(a.clone());
                }
            }
            r.pseudo_marks = pseudo;
            r.enforcement = Some(Enforcement {
                franchise: Some(franchise.name.clone()),
                ..franchise.enforcement.clone()
            });
            sink.record(r);
            sink.progress(done as u64, total);
        }
        sink.progress(total, total);
    }
}

fn read(path: &Path) -> Result<Vec<u8>, PokemonError> {
    std::fs::read(path).map_err(|source| PokemonError::Open {
        path: path.into(),
        source,
    })
}

fn read_names(path: &Path) -> Result<Vec<String>, PokemonError> {
    serde_json::from_slice(&read(path)?).map_err(|e| PokemonError::Format {
        path: path.into(),
        detail: e.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A package folder in the published shape, written under tmp/.
    fn package(dir: &Path, en: &[&str], zh: &[&str]) {
        std::fs::create_dir_all(dir.join("data")).unwrap();
        std::fs::write(
            dir.join("package.json"),
            r#"{"name":"pokemon","version":"9.9.9","license":"MIT"}"#,
        )
        .unwrap();
        let json = |names: &[&str]| serde_json::to_string(names).unwrap();
        std::fs::write(dir.join("data/en.json"), json(en)).unwrap();
        std::fs::write(dir.join("data/zh-hans.json"), json(zh)).unwrap();
    }

    struct Collect(Vec<Record>);
    impl RecordSink for Collect {
        fn record(&mut self, r: Record) {
            self.0.push(r);
        }
        fn skipped(&mut self, _: crate::register::Skipped) {}
    }

    fn scratch(name: &str) -> PathBuf {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tmp")
            .join(format!("pokemon-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        dir
    }

    #[test]
    fn each_other_spelling_is_an_alias_once_and_only_when_it_differs_from_the_name() {
        let dir = scratch("aliases");
        package(&dir, &["Zubblix"], &["祖布"]);
        for (file, name) in [
            ("zh-hant.json", "祖布"),
            ("ja.json", "Ｚｕｂｂｌｉｘ"),
            ("ko.json", "..."),
        ] {
            std::fs::write(dir.join("data").join(file), format!("[\"{name}\"]")).unwrap();
        }
        // Files of the data folder that are no name list are not read.
        std::fs::write(dir.join("data/README.md"), "not a list").unwrap();
        let names = PokemonNames::read(&dir).unwrap();
        let mut curated = EnforcedMarks::default();
        let csv = format!(
            "{}\nPokémon,Nintendo Test Co.,9 28,Pokemon,,games,,yes,,,,\n",
            super::super::enforced::HEADER
        );
        curated
            .add_file(Path::new("t.csv"), csv.as_bytes())
            .unwrap();
        let mut sink = Collect(Vec::new());
        names.deliver(
            &Franchise::from_curated(&curated),
            &curated,
            &|_| false,
            &mut sink,
        );
        // The same name in two scripts once; the full-width "Ｚｕｂｂｌｉｘ" is the name
        // itself; "..." has no letters at all.
        assert_eq!(sink.0[0].pseudo_marks, ["祖布"]);
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn names_become_records_under_the_curated_franchise_with_other_languages_as_aliases() {
        let dir = scratch("ok");
        package(
            &dir,
            &["Zubblix", "Pikachu", "Ditto", "Iron Hands"],
            &["祖布", "皮卡丘", "百变怪", "铁臂膀"],
        );
        std::fs::write(
            dir.join("data/de.json"),
            r#"["Zublix","Pikachu","Ditto","Eisenhand"]"#,
        )
        .unwrap();
        let names = PokemonNames::read(&dir).unwrap();
        assert_eq!(names.package, "pokemon@9.9.9");
        assert_eq!(names.license, "MIT");
        let mut curated = EnforcedMarks::default();
        let csv = format!(
            "{}\nPokémon,Nintendo Test Co.,9 28,Pokemon,,games,,yes,,,,\nPikachu,Nintendo Test Co.,28,,Pokémon,characters,,,,,,\n",
            super::super::enforced::HEADER
        );
        curated
            .add_file(Path::new("t.csv"), csv.as_bytes())
            .unwrap();
        let franchise = Franchise::from_curated(&curated);
        let mut sink = Collect(Vec::new());
        let common = |w: &str| matches!(w, "ditto" | "iron" | "hands");
        names.deliver(&franchise, &curated, &common, &mut sink);
        // Pikachu is left to its curated row; Ditto and Iron Hands are ordinary words.
        assert_eq!(sink.0.len(), 1);
        let r = &sink.0[0];
        assert_eq!(
            (r.mark.as_str(), r.owner.as_str()),
            ("Zubblix", "Nintendo Test Co.")
        );
        assert_eq!(r.classes, [9, 28]);
        assert_eq!(
            r.pseudo_marks,
            ["祖布"],
            "no Latin-script name but the English one"
        );
        let e = r.enforcement.as_ref().unwrap();
        assert_eq!(e.franchise.as_deref(), Some("Pokémon"));
        assert!(e.schedule_a);
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn without_a_curated_row_the_franchise_has_its_default_owner_and_no_evidence() {
        let f = Franchise::from_curated(&EnforcedMarks::default());
        assert_eq!(f.owner, DEFAULT_OWNER);
        assert!(!f.enforcement.sues_sellers());
    }

    #[test]
    fn languages_of_another_length_are_refused() {
        let dir = scratch("bad");
        package(&dir, &["Zubblix", "Quorp"], &["祖布"]);
        let err = PokemonNames::read(&dir).unwrap_err();
        assert!(err.to_string().contains("zh-hans.json"), "{err}");
        let _ = std::fs::remove_dir_all(&dir);
    }
}
