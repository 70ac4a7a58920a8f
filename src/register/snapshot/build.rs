//! Building a snapshot: collect records from the source readers, key them, sort them, and
//! write the index, record table, tables and word frequencies.
//!
//! The builder keeps each record in a compact pending form until [`SnapshotBuilder::finish`]
//! (so millions of records fit in memory), drops dead records unless told to keep them,
//! drops exact re-deliveries of the same filing (same register, number and mark, the last
//! delivery wins), and reports what it skipped. It must not read any source format: the
//! readers push into it through [`RecordSink`].

use super::format::{self, Header, SourceInfo, FORMAT_VERSION};
use super::index::{self, KeyKind, Posting};
use super::records::{self, MarkForm, RowContext, BLOCK};
use super::{sign, tables};
use crate::register::{
    Date, Drawing, Enforcement, Record, RecordSink, Register, SkipReason, Skipped, Status,
};
use crate::text::{mark_key, without_accents};
use ed25519_dalek::SigningKey;
use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};

/// What a build kept and dropped, for the CLI's summary.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BuildSummary {
    /// Records written.
    pub records: u64,
    /// Keys in the mark index (marks, pseudo-marks, translations).
    pub keys: u64,
    /// Dead records left out (no `--include-dead`).
    pub dead_dropped: u64,
    /// Records delivered twice (same register, number and mark); the later one was kept.
    pub duplicates_dropped: u64,
    /// Records whose mark has no letters or digits (nothing to look up).
    pub no_mark_text: u64,
    /// Records the readers skipped, by reason.
    pub skipped: BTreeMap<SkipReason, u64>,
    /// The first skipped records, to show the user.
    pub skipped_examples: Vec<Skipped>,
}

/// How many skipped records the summary keeps as examples.
const SKIPPED_EXAMPLES: usize = 20;

/// A record waiting for the build, without the parts held in shared tables.
struct Pending {
    /// The first 8 bytes of the key, big-endian, zero-padded: orders like the key.
    prefix: u64,
    key: Box<str>,
    /// The mark text when it is not a plain function of the key.
    mark: Option<Box<str>>,
    form: MarkForm,
    number: Box<str>,
    registration: Option<Box<str>>,
    lists: Option<Box<[Vec<String>; 3]>>,
    owner: u32,
    classes: u32,
    filed: Date,
    registered: Date,
    seq: u32,
    register: Register,
    status: Status,
    drawing: Drawing,
    famous: bool,
    enforcement: Option<Box<Enforcement>>,
}

impl Pending {
    fn to_record(&self) -> Record {
        let mark = match &self.mark {
            Some(m) => m.to_string(),
            None => self.form.apply(&self.key).unwrap_or_default(),
        };
        let [disclaimers, pseudo_marks, translations] =
            self.lists.as_deref().cloned().unwrap_or_default();
        Record {
            register: self.register,
            number: self.number.to_string(),
            registration: self.registration.as_deref().map(str::to_string),
            mark,
            owner: String::new(),
            classes: Vec::new(),
            status: self.status,
            filed: self.filed,
            registered: self.registered,
            drawing: self.drawing,
            disclaimers,
            pseudo_marks,
            translations,
            famous: self.famous,
            enforcement: self.enforcement.as_deref().cloned(),
        }
    }
}

/// Interns byte strings.
#[derive(Default)]
struct Interner {
    ids: HashMap<Box<[u8]>, u32>,
    entries: Vec<Box<[u8]>>,
}

impl Interner {
    fn intern(&mut self, s: &[u8]) -> u32 {
        if let Some(&id) = self.ids.get(s) {
            return id;
        }
        let id = self.entries.len() as u32;
        self.ids.insert(s.into(), id);
        self.entries.push(s.into());
        id
    }

    /// Entries sorted (the table front-codes them), and the map from first-seen id to
    /// final id.
    fn finish(self) -> (Vec<Box<[u8]>>, Vec<u32>) {
        let mut order: Vec<u32> = (0..self.entries.len() as u32).collect();
        order.sort_by(|&a, &b| self.entries[a as usize].cmp(&self.entries[b as usize]));
        let mut remap = vec![0u32; order.len()];
        for (new, &old) in order.iter().enumerate() {
            remap[old as usize] = new as u32;
        }
        let mut entries: Vec<Option<Box<[u8]>>> = self.entries.into_iter().map(Some).collect();
        let sorted = order
            .iter()
            .map(|&old| entries[old as usize].take().unwrap_or_default())
            .collect();
        (sorted, remap)
    }
}

/// Collects records and word frequencies and writes a snapshot file.
///
/// Feed it through [`RecordSink`] (the source readers do) or [`SnapshotBuilder::add`];
/// call [`SnapshotBuilder::begin_source`] before each input so the header can say where
/// the records came from.
pub struct SnapshotBuilder {
    build_date: u32,
    snapshot_version: u64,
    include_dead: bool,
    pending: Vec<Pending>,
    owners: Interner,
    classes: Interner,
    words: HashMap<String, u64>,
    sources: Vec<SourceInfo>,
    /// Per register: how often each length occurs among zero-padded numbers.
    padded_lengths: [HashMap<u8, u64>; 4],
    summary: BuildSummary,
}

impl SnapshotBuilder {
    /// A builder for a snapshot dated `build_date` (`yyyymmdd`), whose snapshot version
    /// defaults to `build_date × 100`.
    pub fn new(build_date: u32) -> SnapshotBuilder {
        SnapshotBuilder {
            build_date,
            snapshot_version: u64::from(build_date) * 100,
            include_dead: false,
            pending: Vec::new(),
            owners: Interner::default(),
            classes: Interner::default(),
            words: HashMap::new(),
            sources: Vec::new(),
            padded_lengths: Default::default(),
            summary: BuildSummary::default(),
        }
    }

    /// Sets the snapshot version (updates only replace a snapshot with a higher one).
    pub fn snapshot_version(&mut self, version: u64) -> &mut Self {
        self.snapshot_version = version;
        self
    }

    /// Keeps dead records (abandoned, cancelled, expired); by default they are dropped.
    pub fn include_dead(&mut self, include: bool) -> &mut Self {
        self.include_dead = include;
        self
    }

    /// Starts a new input: the records and skips that follow are counted under it.
    pub fn begin_source(&mut self, kind: &str, name: &str, date: u32) {
        self.sources.push(SourceInfo {
            kind: kind.into(),
            name: name.into(),
            date,
            records: 0,
            skipped: 0,
        });
    }

    fn source(&mut self) -> &mut SourceInfo {
        if self.sources.is_empty() {
            self.begin_source("records", "added directly", 0);
        }
        let last = self.sources.len() - 1;
        &mut self.sources[last]
    }

    /// Adds one record. Its classes are sorted and deduplicated, and classes outside
    /// 1..=45 are dropped.
    pub fn add(&mut self, record: Record) {
        self.source().records += 1;
        if !record.status.is_live() && !self.include_dead {
            self.summary.dead_dropped += 1;
            return;
        }
        let key = mark_key(&record.mark);
        if key.is_empty() {
            self.summary.no_mark_text += 1;
            return;
        }
        let reg = records::register_code(record.register) as usize;
        for n in std::iter::once(&record.number).chain(record.registration.as_ref()) {
            if n.len() > 1
                && n.len() <= 19
                && n.starts_with('0')
                && n.bytes().all(|b| b.is_ascii_digit())
            {
                *self.padded_lengths[reg].entry(n.len() as u8).or_default() += 1;
            }
        }
        let mut classes = record.classes;
        classes.retain(|c| (1..=45).contains(c));
        classes.sort_unstable();
        classes.dedup();
        let form = MarkForm::of(&record.mark, &key);
        let has_lists = !(record.disclaimers.is_empty()
            && record.pseudo_marks.is_empty()
            && record.translations.is_empty());
        let owner = if record.owner.is_empty() {
            0
        } else {
            self.owners.intern(record.owner.as_bytes()) + 1
        };
        let mut prefix = [0u8; 8];
        let head = &key.as_bytes()[..key.len().min(8)];
        prefix[..head.len()].copy_from_slice(head);
        let pending = Pending {
            prefix: u64::from_be_bytes(prefix),
            mark: (form == MarkForm::Literal).then(|| record.mark.into_boxed_str()),
            key: key.into_boxed_str(),
            form,
            number: record.number.into_boxed_str(),
            registration: record.registration.map(String::into_boxed_str),
            lists: has_lists
                .then(|| Box::new([record.disclaimers, record.pseudo_marks, record.translations])),
            owner,
            classes: self.classes.intern(&classes),
            filed: record.filed,
            registered: record.registered,
            seq: self.pending.len() as u32,
            register: record.register,
            status: record.status,
            drawing: record.drawing,
            famous: record.famous,
            enforcement: record.enforcement.map(Box::new),
        };
        self.pending.push(pending);
    }

    /// Adds a word's frequency on the Zipf scale (log10 per billion words). The word is
    /// keyed like marks; when several inputs give a word, the highest frequency wins.
    pub fn add_word_frequency(&mut self, word: &str, zipf: f32) {
        let key = mark_key(word);
        if key.is_empty() || !zipf.is_finite() {
            return;
        }
        let v = (zipf.max(0.0) * 100.0).round() as u64;
        let e = self.words.entry(key).or_insert(v);
        if v > *e & (super::WORD_IS_NAME - 1) {
            *e = v;
        }
        self.source().records += 1;
    }

    /// The Zipf frequency given so far for `word` (keyed like marks), if any: lets a
    /// reader read later in the build leave out ordinary words.
    pub fn word_zipf(&self, word: &str) -> Option<f32> {
        self.words
            .get(&mark_key(word))
            .map(|&v| super::word_value_zipf(v))
    }

    /// Records that the frequency source writes `word` mostly capitalised, as a name
    /// (see [`Snapshot::word_is_name`](super::Snapshot::word_is_name)). Call it after
    /// [`SnapshotBuilder::add_word_frequency`] for the same word; unknown words are ignored.
    pub fn mark_name(&mut self, word: &str) {
        if let Some(v) = self.words.get_mut(&mark_key(word)) {
            *v |= super::WORD_IS_NAME;
        }
    }

    /// Adds a first name (see [`WORD_IS_GIVEN_NAME`](super::WORD_IS_GIVEN_NAME)): the word
    /// is a person's name, whatever its frequency (a name no frequency list knows gets
    /// none: Zipf 0). Keyed like marks.
    pub fn add_given_name(&mut self, name: &str) {
        let key = mark_key(name);
        if key.is_empty() {
            return;
        }
        *self.words.entry(key).or_insert(0) |= super::WORD_IS_GIVEN_NAME;
        self.source().records += 1;
    }

    /// Adds a word of the listing vocabulary (see
    /// [`WORD_IS_LISTING_VOCABULARY`](super::WORD_IS_LISTING_VOCABULARY)): a known word
    /// with at least `zipf` as its frequency (a lexicon knows words, not how often they
    /// are used), flagged as vocabulary. Add it after the frequency lists.
    pub fn add_listing_word(&mut self, word: &str, zipf: f32) {
        let key = mark_key(word);
        if key.is_empty() || !zipf.is_finite() {
            return;
        }
        let v = (zipf.max(0.0) * 100.0).round() as u64;
        let e = self.words.entry(key).or_insert(v);
        if *e & (super::WORD_IS_NAME - 1) < v {
            *e = (*e & !(super::WORD_IS_NAME - 1)) | v;
        }
        *e |= super::WORD_IS_LISTING_VOCABULARY;
        self.source().records += 1;
    }

    /// What the builder has kept and dropped so far (final after [`SnapshotBuilder::finish_with_summary`]).
    pub fn summary(&self) -> &BuildSummary {
        &self.summary
    }

    /// Writes the snapshot, signed if a key is given.
    pub fn finish(self, key: Option<&SigningKey>) -> Vec<u8> {
        self.finish_with_summary(key).0
    }

    /// Writes the snapshot and says what went into it.
    pub fn finish_with_summary(mut self, key: Option<&SigningKey>) -> (Vec<u8>, BuildSummary) {
        let widths = self.padded_lengths.map(|m| {
            m.into_iter()
                .max_by_key(|&(len, n)| (n, std::cmp::Reverse(len)))
                .map(|(len, _)| len)
                .unwrap_or(0)
        });
        let (owner_names, owner_remap) = std::mem::take(&mut self.owners).finish();
        let (class_sets, class_remap) = std::mem::take(&mut self.classes).finish();

        let mut pending = std::mem::take(&mut self.pending);
        // The key's first bytes, held in the record, settle most comparisons without
        // following the key's pointer.
        pending.sort_unstable_by(|a, b| {
            a.prefix
                .cmp(&b.prefix)
                .then_with(|| a.key.cmp(&b.key))
                .then(a.register.cmp(&b.register))
                .then_with(|| a.number.cmp(&b.number))
                .then(a.enforcement.is_some().cmp(&b.enforcement.is_some()))
                .then(a.seq.cmp(&b.seq))
        });
        let before = pending.len();
        // The later delivery of the same filing wins: keep the last of each run. A record
        // with enforcement evidence sorts after one without, so a curated brand wins over
        // a brand list's entry with the same Wikidata id, whatever the input order.
        pending.reverse();
        pending.dedup_by(|later_in_vec, kept| {
            !kept.number.is_empty()
                && kept.key == later_in_vec.key
                && kept.register == later_in_vec.register
                && kept.number == later_in_vec.number
        });
        pending.reverse();
        self.summary.duplicates_dropped = (before - pending.len()) as u64;
        self.summary.records = pending.len() as u64;

        let (marks, postings, recoverable, phrase_heads) = build_index(&pending);
        self.summary.keys = fst::Map::new(marks.as_slice())
            .map(|m| m.len() as u64)
            .unwrap_or(0);

        let mut record_section = Vec::new();
        crate::codec::put_varint(&mut record_section, pending.len() as u64);
        let mut blocks = Vec::new();
        let mut offsets = vec![0u32];
        let mut rows = Vec::with_capacity(BLOCK);
        for (b, chunk) in pending.chunks(BLOCK).enumerate() {
            rows.clear();
            for (i, p) in chunk.iter().enumerate() {
                let ctx = RowContext {
                    owner: if p.owner == 0 {
                        0
                    } else {
                        u64::from(owner_remap[p.owner as usize - 1]) + 1
                    },
                    classes: u64::from(class_remap[p.classes as usize]),
                    width: widths[records::register_code(p.register) as usize],
                    key_recoverable: recoverable[b * BLOCK + i],
                    form: p.form,
                };
                rows.push(records::encode_row(&p.to_record(), &p.key, &ctx));
            }
            records::encode_block(&rows, &mut blocks);
            offsets.push(blocks.len() as u32);
        }
        for o in offsets {
            record_section.extend_from_slice(&o.to_le_bytes());
        }
        record_section.extend_from_slice(&blocks);
        drop(pending);

        let mut words: Vec<(String, u64)> = std::mem::take(&mut self.words).into_iter().collect();
        words.sort_unstable();
        let words_fst = fst::Map::from_iter(words.iter().map(|(k, v)| (k.as_bytes(), *v)))
            .map(fst::Map::into_fst)
            .map(fst::raw::Fst::into_inner)
            .unwrap_or_default();

        let header = Header {
            format_version: FORMAT_VERSION,
            build_date: self.build_date,
            snapshot_version: self.snapshot_version,
            sources: std::mem::take(&mut self.sources),
            records: self.summary.records as u32,
            keys: self.summary.keys,
            owners: owner_names.len() as u32,
            words: words.len() as u64,
            includes_dead: self.include_dead,
            number_widths: widths,
        };
        let sections = [
            marks,
            postings,
            record_section,
            tables::write_table(&owner_names),
            tables::write_table(&class_sets),
            words_fst,
            phrase_heads,
        ];
        let body = format::write_body(&header, &sections);
        (sign::seal(body, key), self.summary)
    }
}

/// Builds the mark index over records sorted by key: returns the fst bytes, the posting
/// lists, for each record whether its key can be recovered from its id, and the phrase
/// heads of the keys.
fn build_index(pending: &[Pending]) -> (Vec<u8>, Vec<u8>, Vec<bool>, Vec<u8>) {
    let mut aliases: Vec<(String, u32, KeyKind)> = Vec::new();
    for (id, p) in pending.iter().enumerate() {
        if let Some(lists) = &p.lists {
            for (list, kind) in [
                (&lists[1], KeyKind::PseudoMark),
                (&lists[2], KeyKind::Translation),
            ] {
                for alias in list {
                    let key = mark_key(alias);
                    if !key.is_empty() && *key != *p.key {
                        aliases.push((key, id as u32, kind));
                    }
                }
            }
        }
        for name in p.enforcement.iter().flat_map(|e| &e.member_names) {
            let key = mark_key(name);
            if !key.is_empty() && *key != *p.key {
                aliases.push((key, id as u32, KeyKind::MemberName));
            }
        }
    }
    // Sellers type without accents: "Chloe" leads to the curated Chloé as one of its
    // pseudo-marks (a member name stays one). Only curated marks: an unaccented key is
    // also a typo target, and a brand list's "smöoy" would make "Smoby" its typo.
    let curated = |id: u32| pending[id as usize].enforcement.is_some();
    let unaccented: Vec<(String, u32, KeyKind)> = pending
        .iter()
        .enumerate()
        .map(|(id, p)| (&*p.key, id as u32, KeyKind::PseudoMark))
        .chain(aliases.iter().map(|(k, id, kind)| (k.as_str(), *id, *kind)))
        .filter(|&(_, id, _)| curated(id))
        .filter_map(|(key, id, kind)| match without_accents(key) {
            Cow::Owned(plain) => Some((plain, id, kind)),
            _ => None,
        })
        .collect();
    aliases.extend(unaccented);
    aliases.sort_unstable();
    aliases.dedup_by(|b, a| a.0 == b.0 && a.1 == b.1);

    let mut builder = fst::MapBuilder::memory();
    let mut postings = Vec::new();
    let mut recoverable = vec![false; pending.len()];
    let mut phrases = Vec::new();
    let mut i = 0;
    let mut a = 0;
    while i < pending.len() || a < aliases.len() {
        let primary = pending.get(i).map(|p| &*p.key);
        let alias = aliases.get(a).map(|x| x.0.as_str());
        let key = match (primary, alias) {
            (Some(p), Some(x)) => p.min(x),
            (Some(p), None) => p,
            (None, Some(x)) => x,
            (None, None) => break,
        }
        .to_string();
        let first = i;
        while i < pending.len() && *pending[i].key == *key {
            i += 1;
        }
        let first_alias = a;
        while a < aliases.len() && aliases[a].0 == key {
            a += 1;
        }
        let own = i - first;
        let run = if first_alias == a {
            index::run_value(first as u32, own)
        } else {
            None
        };
        let value = match run {
            Some(v) => {
                recoverable[first..i].iter_mut().for_each(|r| *r = true);
                v
            }
            None => {
                let mut list: Vec<Posting> = (first..i)
                    .map(|id| Posting {
                        id: id as u32,
                        kind: KeyKind::Mark,
                    })
                    .collect();
                list.extend(
                    aliases[first_alias..a]
                        .iter()
                        .map(|x| Posting { id: x.1, kind: x.2 }),
                );
                list.sort_unstable();
                list.dedup_by_key(|p| p.id);
                index::write_postings(&mut postings, &list)
            }
        };
        // Keys arrive sorted and distinct, so insertion cannot fail.
        let _ = builder.insert(key.as_bytes(), value);
        if key.contains(' ') {
            phrases.push(key);
        }
    }
    (
        builder.into_inner().unwrap_or_default(),
        postings,
        recoverable,
        index::phrase_heads(&phrases).into_fst().into_inner(),
    )
}

impl RecordSink for SnapshotBuilder {
    fn record(&mut self, record: Record) {
        self.add(record);
    }

    fn skipped(&mut self, skipped: Skipped) {
        self.source().skipped += 1;
        *self.summary.skipped.entry(skipped.reason).or_default() += 1;
        if self.summary.skipped_examples.len() < SKIPPED_EXAMPLES {
            self.summary.skipped_examples.push(skipped);
        }
    }
}
