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
    use clearmark::register::uspto_csv::{read, UsptoCsvError};

    fn check_case_files(dir: &str) -> Collect {
        let mut sink = Collect::default();
        read(&fixture(dir), &mut sink).expect("readable directory");
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
        assert!(!blue.famous);

        let mint = sink.mark("Rivermint");
        assert_eq!(mint.status, Status::Pending, "686 published for opposition");
        assert_eq!(mint.registration, None);
        assert_eq!(mint.owner, "Mint, Rivers & Co.");
        assert_eq!(mint.classes, vec![9]);

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
