//! One register record: who owns which words, for which goods, in which state.
//!
//! Every source builder (USPTO XML, USPTO case-file CSVs, EUIPO XML, brand lists) turns
//! its input into [`Record`]s; the snapshot stores them compactly and hands them back.
//! This module owns the shape only; it must not parse or store anything.

use serde::{Deserialize, Serialize};

/// Which register or list a record comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Register {
    /// United States Patent and Trademark Office.
    US,
    /// European Union Intellectual Property Office.
    EU,
    /// A maintained list of famous brands (not a register).
    Famous,
    /// A seller's own watch list.
    Watch,
}

impl Register {
    /// The short code used in findings and the CLI: `US`, `EU`, `FAMOUS`, `WATCH`.
    pub fn code(self) -> &'static str {
        match self {
            Register::US => "US",
            Register::EU => "EU",
            Register::Famous => "FAMOUS",
            Register::Watch => "WATCH",
        }
    }
}

/// The legal state of a record, reduced to what matters to a seller.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Status {
    /// Registered and live.
    Registered,
    /// Applied for, not yet registered (live).
    Pending,
    /// Abandoned, cancelled, expired or otherwise dead.
    Dead,
}

impl Status {
    /// `registered`, `pending` or `dead`.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Registered => "registered",
            Status::Pending => "pending",
            Status::Dead => "dead",
        }
    }

    /// Whether the record still protects its words.
    pub fn is_live(self) -> bool {
        !matches!(self, Status::Dead)
    }
}

/// How the mark is drawn, which says how much its words are protected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Drawing {
    /// Standard characters / word mark: the words themselves are protected.
    Word,
    /// Stylised words or words with a design: the words are protected less strongly.
    StylisedWords,
    /// A design with no words.
    DesignOnly,
    /// Sound, scent, colour or anything else; unknown.
    Other,
}

/// A calendar date as `yyyymmdd` (e.g. `20240612`); 0 when unknown.
pub type Date = u32;

/// One record of a register or brand list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Record {
    /// The register or list.
    pub register: Register,
    /// Serial (US) or application (EU) number. For famous brands, the digits of the
    /// brand's Wikidata id (`483915` for Q483915), empty when it has none; empty for
    /// watch lists.
    pub number: String,
    /// Registration number, when registered.
    pub registration: Option<String>,
    /// The mark's words as registered (e.g. `LEGO`, `Hot Wheels`).
    pub mark: String,
    /// The owner's name. For famous brands of the brand lists, the evidence instead: the
    /// lists that name the brand and its reach (`simple-icons; name-suggestion-index;
    /// worldwide`); for curated records (with [`Record::enforcement`]), the owner.
    pub owner: String,
    /// Nice classes (1..=45), sorted, without duplicates. Empty: any class (famous brands).
    pub classes: Vec<u8>,
    /// Live/dead state.
    pub status: Status,
    /// Filing date.
    pub filed: Date,
    /// Registration date.
    pub registered: Date,
    /// How the mark is drawn.
    pub drawing: Drawing,
    /// Words the owner disclaimed (no exclusive right to them apart from the mark).
    pub disclaimers: Vec<String>,
    /// Pseudo-marks: the office's phonetic or spelled-out variants, searched as the mark.
    pub pseudo_marks: Vec<String>,
    /// Translations of foreign words in the mark.
    pub translations: Vec<String>,
    /// Famous brand: protected beyond its own classes.
    pub famous: bool,
    /// The owner's enforcement evidence, for marks on the project's curated list of
    /// enforced marks (`data/enforced-marks/`); `None` for every other record.
    pub enforcement: Option<Enforcement>,
}

/// What is publicly known of how a mark's owner enforces it against marketplace sellers:
/// the litigation layer of a curated record (see `register::enforced`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Enforcement {
    /// The owner (or its licensing arm) is a documented plaintiff of "Schedule A" / TRO
    /// lawsuits against marketplace sellers.
    pub schedule_a: bool,
    /// The owner takes part in eBay's VeRO programme.
    pub vero: bool,
    /// Case numbers of such lawsuits, only where certain.
    pub cases: Vec<String>,
    /// The franchise or house mark the mark belongs to (`Pokémon` for `Pikachu`).
    pub franchise: Option<String>,
    /// Names of the mark that are also ordinary words or first names ("Rubble" of PAW
    /// Patrol, "George" of Peppa Pig): the index leads them to the record as
    /// member-name postings, which count only in a listing that names the franchise.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub member_names: Vec<String>,
}

impl Enforcement {
    /// Whether the owner has sued marketplace sellers: a Schedule A plaintiff, or a case
    /// on record.
    pub fn sues_sellers(&self) -> bool {
        self.schedule_a || !self.cases.is_empty()
    }
}

impl Record {
    /// A record with the given register, mark and owner and everything else empty: the
    /// starting point for builders and tests.
    pub fn new(register: Register, mark: impl Into<String>, owner: impl Into<String>) -> Self {
        Record {
            register,
            number: String::new(),
            registration: None,
            mark: mark.into(),
            owner: owner.into(),
            classes: Vec::new(),
            status: Status::Registered,
            filed: 0,
            registered: 0,
            drawing: Drawing::Word,
            disclaimers: Vec::new(),
            pseudo_marks: Vec::new(),
            translations: Vec::new(),
            famous: false,
            enforcement: None,
        }
    }
}
