//! The records behind a mark key, as the passes ask about them: whether anything backs
//! the key, what its records protect ([`risk::Protection`]), and the few records a
//! finding cites.
//!
//! A common word can stand behind hundreds of records, so nothing here decodes a record
//! to judge it: each record's standing (register, status, drawing, famous flag, class
//! set) is read from the snapshot's columns, and a record is decoded whole only when it
//! disclaims words (to see which) or is cited. What was read is kept between checks,
//! bounded ([`KEPT_CLAIMS`]): a seller's words recur from one keystroke's check to the
//! next and across listings. This module must not judge or search text.

use super::risk::{self, Claim, Protection};
use crate::register::snapshot::{KeyKind, Posting, Snapshot, Standing};
use crate::register::watch_list::WatchList;
use crate::register::{Drawing, Record, Register, Status};
use foldhash::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

/// The most claims the keeper holds between checks, about 50 bytes each, in two
/// generations: when the newer one holds half of them it becomes the older one (and the
/// older one is dropped); a key met again in the older generation moves to the newer.
/// So keys that recur in every listing (common words) stay, and memory stays bounded.
pub const KEPT_CLAIMS: usize = 200_000;

/// The most class sets whose masks are kept (a register has tens of thousands).
const KEPT_CLASS_SETS: usize = 100_000;

/// Where a cited record is read from.
enum Source {
    /// A record of the snapshot.
    Snapshot(Posting),
    /// A record of the seller's watch list.
    Watch(Arc<Record>),
}

/// The records of one key that the options let count: what they protect, and what the
/// overlap and disguise passes ask of them.
pub struct KeyRecords {
    /// Some record (dead ones too) is a registration or a famous brand: what wins an
    /// overlap against a name that is only on a brand list.
    pub backed: bool,
    /// Some live record is a registration or a famous brand: the key is worth looking
    /// for in disguise.
    pub live_backed: bool,
    /// Some live record is a famous brand.
    pub live_famous: bool,
    /// Some live record's owner has sued marketplace sellers (the curated list's
    /// evidence).
    pub live_sues_sellers: bool,
    /// Some live record is on the curated list of enforced marks.
    pub live_enforced: bool,
    /// What the records protect; claims are numbered in the order the records were read.
    pub protection: Protection,
    /// Live curated records of which the key is only a member name (an ordinary word
    /// such as "Rubble"): they protect nothing here and count only where the listing
    /// names their franchise.
    pub members: Vec<Posting>,
    /// Where the records the protection can cite are, by claim number (ascending).
    sources: Vec<(u32, Source)>,
    /// Records decoded for citing, by claim number.
    cited: Mutex<HashMap<u32, Arc<Record>>>,
    /// The member records, decoded the first time they are asked for.
    member_records: OnceLock<Vec<Arc<Record>>>,
}

impl KeyRecords {
    /// The record claim `n` names, decoded once (`None`: the file cannot give it back,
    /// or the protection cannot cite it).
    pub fn cite(&self, n: u32, key: &str, snapshot: &Snapshot) -> Option<Arc<Record>> {
        if let Some(r) = self.cited.lock().ok().and_then(|c| c.get(&n).cloned()) {
            return Some(r);
        }
        let at = self.sources.binary_search_by_key(&n, |(m, _)| *m).ok()?;
        let record = match &self.sources[at].1 {
            Source::Snapshot(p) => Arc::new(snapshot.posting_record(*p, key)),
            Source::Watch(r) => Arc::clone(r),
        };
        if record.mark.is_empty() {
            return None;
        }
        if let Ok(mut cited) = self.cited.lock() {
            cited.insert(n, Arc::clone(&record));
        }
        Some(record)
    }

    /// The records of which the key is a member name, decoded once (a member name's
    /// record is found by walking the index back from its id).
    pub fn member_records(&self, key: &str, snapshot: &Snapshot) -> &[Arc<Record>] {
        self.member_records.get_or_init(|| {
            self.members
                .iter()
                .map(|p| snapshot.posting_record(*p, key))
                .filter(|r| !r.mark.is_empty())
                .map(Arc::new)
                .collect()
        })
    }
}

/// What the engine keeps of the register between checks: each key's records as read so
/// far, and the masks of the class sets they named.
#[derive(Default)]
pub struct Keeper {
    keys: Mutex<Kept>,
    class_masks: Mutex<HashMap<u32, Option<u64>>>,
}

/// Keys read, by index value, in two generations (see [`KEPT_CLAIMS`]).
struct Kept {
    newer: HashMap<u64, Arc<KeyRecords>>,
    older: HashMap<u64, Arc<KeyRecords>>,
    /// Claims (plus one per key) in the newer generation.
    claims: usize,
    /// The most claims kept in both generations.
    limit: usize,
}

impl Default for Kept {
    fn default() -> Self {
        Kept {
            newer: HashMap::default(),
            older: HashMap::default(),
            claims: 0,
            limit: KEPT_CLAIMS,
        }
    }
}

impl Kept {
    fn get(&mut self, value: u64) -> Option<Arc<KeyRecords>> {
        if let Some(kept) = self.newer.get(&value) {
            return Some(Arc::clone(kept));
        }
        let kept = self.older.remove(&value)?;
        self.keep(value, Arc::clone(&kept));
        Some(kept)
    }

    fn keep(&mut self, value: u64, records: Arc<KeyRecords>) {
        let size = records.sources.len() + 1;
        if self.claims + size > self.limit / 2 {
            self.older = std::mem::take(&mut self.newer);
            self.claims = 0;
        }
        self.claims += size;
        self.newer.insert(value, records);
    }
}

/// What records count, and where they are read from.
pub struct Registers<'a> {
    /// The snapshot.
    pub snapshot: &'a Snapshot,
    /// The seller's watch list.
    pub watch: &'a WatchList,
    /// The registers whose records count (brand lists and watch lists always count);
    /// empty: every register.
    pub only: &'a [Register],
}

impl Registers<'_> {
    fn counts(&self, register: Register) -> bool {
        self.only.is_empty()
            || matches!(register, Register::Famous | Register::Watch)
            || self.only.contains(&register)
    }
}

impl Keeper {
    /// The records behind the index value of `key`, read once and kept. A key of both
    /// the snapshot and the watch list has the records of both, whichever value names
    /// it.
    pub fn get(&self, value: u64, key: &str, from: &Registers<'_>) -> Arc<KeyRecords> {
        if let Some(kept) = self.keys.lock().ok().and_then(|mut k| k.get(value)) {
            return kept;
        }
        let read = Arc::new(self.read(value, key, from));
        if let Ok(mut kept) = self.keys.lock() {
            kept.keep(value, Arc::clone(&read));
        }
        read
    }

    fn read(&self, value: u64, key: &str, from: &Registers<'_>) -> KeyRecords {
        let (snapshot_value, watched) = if WatchList::is_watch_value(value) {
            (from.snapshot.marks().get(key), from.watch.records(value))
        } else if from.watch.is_empty() {
            (Some(value), &[][..])
        } else {
            (Some(value), from.watch.key_records(key))
        };
        let mut records = KeyRecords {
            backed: false,
            live_backed: false,
            live_famous: false,
            live_sues_sellers: false,
            live_enforced: false,
            protection: Protection::default(),
            members: Vec::new(),
            sources: Vec::new(),
            cited: Mutex::default(),
            member_records: OnceLock::new(),
        };
        let mut claims = Vec::new();
        // Where each claiming record is, by claim number; kept for those citable.
        let mut sources = Vec::new();
        let mut masks = self.class_masks.lock().ok();
        let standings = snapshot_value.map(|v| from.snapshot.standings(v));
        for (posting, st) in standings.into_iter().flatten() {
            if !from.counts(st.register) {
                continue;
            }
            if posting.kind == KeyKind::MemberName {
                if st.status.is_live() {
                    records.members.push(posting);
                }
                continue;
            }
            records.note(st.register, st.status, st.famous);
            records.live_sues_sellers |= st.status.is_live() && st.sues_sellers;
            records.live_enforced |= st.status.is_live() && st.enforced;
            let n = sources.len() as u32;
            let claim = if st.disclaims {
                // Which words it disclaims is in the record itself.
                let whole = Arc::new(from.snapshot.posting_record(posting, key));
                let claim = Claim::of(n, &whole, key);
                if let (Some(_), Ok(cited)) = (&claim, records.cited.get_mut()) {
                    cited.insert(n, whole);
                }
                claim
            } else {
                Claim::protecting(st.status, st.drawing, || false).then(|| Claim {
                    record: n,
                    register: st.register,
                    status: st.status,
                    stylised: st.drawing == Drawing::StylisedWords,
                    famous: st.famous,
                    enforced: st.enforced,
                    sues_sellers: st.sues_sellers,
                    classes: class_mask(masks.as_deref_mut(), from.snapshot, &st),
                    alias: posting.kind != KeyKind::Mark,
                })
            };
            if let Some(claim) = claim {
                claims.push(claim);
                sources.push(Some(Source::Snapshot(posting)));
            }
        }
        for r in watched {
            records.note(r.register, r.status, r.famous);
            records.live_sues_sellers |=
                r.status.is_live() && r.enforcement.as_ref().is_some_and(|e| e.sues_sellers());
            records.live_enforced |= r.status.is_live() && r.enforcement.is_some();
            if let Some(claim) = Claim::of(sources.len() as u32, r, key) {
                claims.push(claim);
                sources.push(Some(Source::Watch(Arc::new(r.clone()))));
            }
        }
        records.protection = Protection::of(claims);
        let mut citable: Vec<u32> = records
            .protection
            .claims()
            .iter()
            .map(|c| c.record)
            .collect();
        citable.sort_unstable();
        records.sources = citable
            .iter()
            .filter_map(|&n| Some((n, sources.get_mut(n as usize)?.take()?)))
            .collect();
        if let Ok(cited) = records.cited.get_mut() {
            cited.retain(|n, _| citable.binary_search(n).is_ok());
        }
        records
    }
}

impl KeyRecords {
    fn note(&mut self, register: Register, status: Status, famous: bool) {
        let backing = register != Register::Famous || famous;
        self.backed |= backing;
        self.live_backed |= status.is_live() && backing;
        self.live_famous |= status.is_live() && famous;
    }
}

/// The classes of a record's class set as a [`risk::class_mask`] (`None`: it names
/// none, or the set cannot be read), through the kept masks when they can be had.
fn class_mask(
    kept: Option<&mut HashMap<u32, Option<u64>>>,
    snapshot: &Snapshot,
    st: &Standing,
) -> Option<u64> {
    let read = || {
        snapshot
            .class_set(st.class_set)
            .filter(|c| !c.is_empty())
            .map(|c| risk::class_mask(&c))
    };
    match kept {
        None => read(),
        Some(kept) => {
            if let Some(mask) = kept.get(&st.class_set) {
                return *mask;
            }
            if kept.len() >= KEPT_CLASS_SETS {
                kept.clear();
            }
            *kept.entry(st.class_set).or_insert_with(read)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::register::snapshot::SnapshotBuilder;

    fn record(register: Register, mark: &str, classes: &[u8]) -> Record {
        let mut r = Record::new(register, mark, "Owner");
        r.classes = classes.to_vec();
        r
    }

    /// Records of every kind the standing tells apart, under a few keys.
    fn snapshot() -> Snapshot {
        let mut records = Vec::new();
        for i in 0..90u8 {
            let mut r = record(Register::US, "Star", &[i % 45 + 1]);
            r.status = [Status::Registered, Status::Pending, Status::Dead][usize::from(i % 3)];
            r.drawing = [Drawing::Word, Drawing::StylisedWords, Drawing::DesignOnly]
                [usize::from(i % 5 % 3)];
            if i % 7 == 0 {
                r.disclaimers = vec![if i % 2 == 0 { "STAR" } else { "SHOES" }.into()];
            }
            if i % 11 == 0 {
                r.classes.clear();
            }
            records.push(r);
        }
        records.push(record(Register::EU, "Star", &[25]));
        let mut famous = record(Register::Famous, "Star", &[]);
        famous.famous = true;
        records.push(famous);
        let mut enforced = record(Register::Famous, "Star", &[28]);
        enforced.famous = true;
        enforced.enforcement = Some(crate::register::Enforcement {
            schedule_a: true,
            ..Default::default()
        });
        records.push(enforced);
        records.push(record(Register::Famous, "Nimbus", &[9]));
        for mark in ["Zorbix", "Quazar", "Vortan"] {
            let mut dead = record(Register::US, mark, &[25]);
            dead.status = Status::Dead;
            records.push(dead);
        }
        let mut b = SnapshotBuilder::new(20260101);
        b.include_dead(true);
        records.into_iter().for_each(|r| b.add(r));
        Snapshot::from_bytes(b.finish(None)).unwrap()
    }

    /// Claims without the caller's numbering, to compare two readings.
    fn claims(p: &Protection) -> Vec<Claim> {
        p.claims()
            .iter()
            .map(|c| Claim { record: 0, ..*c })
            .collect()
    }

    #[test]
    fn reading_standings_protects_what_decoding_the_records_does() {
        let snapshot = snapshot();
        let watch = WatchList::default();
        for only in [&[][..], &[Register::EU][..]] {
            let from = Registers {
                snapshot: &snapshot,
                watch: &watch,
                only,
            };
            for key in ["star", "nimbus", "zorbix"] {
                let value = snapshot.marks().get(key).unwrap();
                let kept = Keeper::default().get(value, key, &from);
                let decoded: Vec<Record> = snapshot
                    .lookup(key)
                    .into_iter()
                    .filter(|r| from.counts(r.register))
                    .collect();
                let expected = Protection::of_records(&decoded, key);
                assert_eq!(
                    claims(&kept.protection),
                    claims(&expected),
                    "{key} {only:?}"
                );
                let backing = |r: &&Record| r.register != Register::Famous || r.famous;
                assert_eq!(kept.backed, decoded.iter().any(|r| backing(&r)), "{key}");
                assert_eq!(
                    kept.live_backed,
                    decoded.iter().any(|r| r.status.is_live() && backing(&r)),
                    "{key}"
                );
                assert_eq!(
                    kept.live_famous,
                    decoded.iter().any(|r| r.status.is_live() && r.famous),
                    "{key}"
                );
                for c in kept.protection.claims() {
                    let cited = kept.cite(c.record, key, &snapshot).unwrap();
                    assert_eq!(Claim::of(c.record, &cited, key), Some(*c), "{key}");
                }
            }
        }
    }

    #[test]
    fn keys_met_again_survive_a_generation_and_the_rest_go() {
        let snapshot = snapshot();
        let watch = WatchList::default();
        let from = Registers {
            snapshot: &snapshot,
            watch: &watch,
            only: &[],
        };
        let keeper = Keeper::default();
        keeper.keys.lock().unwrap().limit = 8;
        let value = |key: &str| snapshot.marks().get(key).unwrap();
        let held = |key: &str| {
            let k = keeper.keys.lock().unwrap();
            k.newer.contains_key(&value(key)) || k.older.contains_key(&value(key))
        };
        // Limit 8: a generation holds 4 (a key counts its claims plus one). "nimbus"
        // (one claim) and "zorbix" (dead, none) fit one generation.
        let nimbus = keeper.get(value("nimbus"), "nimbus", &from);
        keeper.get(value("zorbix"), "zorbix", &from);
        assert!(held("nimbus") && held("zorbix"));
        // "star" fills a generation of its own: the others become the older one.
        keeper.get(value("star"), "star", &from);
        assert!(held("nimbus") && held("zorbix") && held("star"));
        // Met again, "nimbus" moves to a newer generation with its kept records; "star"
        // becomes the older one, and "zorbix", not met again, goes.
        assert!(Arc::ptr_eq(
            &nimbus,
            &keeper.get(value("nimbus"), "nimbus", &from)
        ));
        assert!(held("nimbus") && held("star") && !held("zorbix"));
    }

    #[test]
    fn every_register_counts_unless_some_are_chosen_and_lists_always_do() {
        let snapshot = snapshot();
        let watch = WatchList::default();
        let only = |only: &'static [Register]| Registers {
            snapshot: &snapshot,
            watch: &watch,
            only,
        };
        let all = only(&[]);
        for register in [
            Register::US,
            Register::EU,
            Register::Famous,
            Register::Watch,
        ] {
            assert!(all.counts(register), "{register:?}");
        }
        let eu = only(&[Register::EU]);
        assert!(
            eu.counts(Register::EU) && eu.counts(Register::Famous) && eu.counts(Register::Watch)
        );
        assert!(!eu.counts(Register::US));
    }

    #[test]
    fn a_generation_holds_half_the_limit_a_key_counting_its_claims_plus_one() {
        let snapshot = snapshot();
        let watch = WatchList::default();
        let from = Registers {
            snapshot: &snapshot,
            watch: &watch,
            only: &[],
        };
        let keeper = Keeper::default();
        keeper.keys.lock().unwrap().limit = 8;
        let get = |key: &str| {
            keeper.get(snapshot.marks().get(key).unwrap(), key, &from);
        };
        let newer = || keeper.keys.lock().unwrap().newer.len();
        // "nimbus" has one claim (2), each dead key none (1 each): 2 + 1 + 1 is half
        // the limit exactly, still one generation.
        get("nimbus");
        get("zorbix");
        get("quazar");
        assert_eq!(newer(), 3);
        // One more past half: a new generation.
        get("vortan");
        assert_eq!(newer(), 1);
        assert_eq!(keeper.keys.lock().unwrap().older.len(), 3);
    }

    #[test]
    fn a_watched_name_is_not_enforced_and_does_not_unmake_an_enforced_key() {
        let snapshot = snapshot();
        let mut glimmer = Record::new(Register::Watch, "Glimmer", "Glim Ltd");
        glimmer.classes = vec![28];
        let watch = WatchList::new(vec![
            Record::new(Register::Watch, "Star", "Star Ltd"),
            glimmer,
        ]);
        let from = Registers {
            snapshot: &snapshot,
            watch: &watch,
            only: &[],
        };
        let read = |key: &str| {
            let value = snapshot
                .marks()
                .get(key)
                .or_else(|| watch.marks().get(key))
                .unwrap();
            Keeper::default().get(value, key, &from)
        };
        // "star" is curated, its owner suing sellers, in the snapshot: still so with a
        // watched "Star" beside it.
        let star = read("star");
        assert!(star.live_enforced && star.live_sues_sellers);
        // A watched name alone carries no enforcement.
        let glimmer = read("glimmer");
        assert!(!glimmer.live_enforced && !glimmer.live_sues_sellers);
        assert!(glimmer.live_backed);
    }

    #[test]
    fn the_masks_of_class_sets_read_are_kept() {
        let snapshot = snapshot();
        let watch = WatchList::default();
        let from = Registers {
            snapshot: &snapshot,
            watch: &watch,
            only: &[],
        };
        let keeper = Keeper::default();
        keeper.get(snapshot.marks().get("star").unwrap(), "star", &from);
        // "Star"'s records name many class sets one by one: their masks are all kept,
        // not only the last one read.
        let n = keeper.class_masks.lock().unwrap().len();
        assert!(n > 1, "{n}");
    }
}
