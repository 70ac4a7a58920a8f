//! The corpus as one self-checking file:
//!
//! magic "CLMKCORP" | version u16 LE | k u8 | w u8 | minhashes u8 | band rows u8 |
//! capacity u32 LE | listings u32 LE | next_seq u64 LE |
//! listing section length u64 LE | index section length u64 LE |
//! listing section | index section | SHA-256 of everything before it.
//!
//! Listing section, per listing in slot order: seq varint, id, url?, brand?, date?,
//! title?, bullets (count + strings), description?, sketches (count + field number u8,
//! field code u8, bullet index varint, MINHASHES bytes). Strings are varint length + UTF-8; options a
//! 0/1 byte first. Index section: per distinct key, ascending: key delta << 1 | (more
//! than one posting) varint, then the posting count varint if more than one, postings (listing number << 5 | field number; ascending deltas, varint).

use sha2::{Digest, Sha256};

use super::fingerprint::{self, MINHASHES};
use super::index::{CorpusIndex, FieldSketch, Slot, FIELD_BITS, MAX_FIELD};
use super::{CorpusError, CorpusListing};
use crate::codec::{get_varint, put_str, put_varint};
use crate::listing::Field;

/// The file format version this build writes and reads.
pub const FORMAT_VERSION: u16 = 1;
const MAGIC: &[u8; 8] = b"CLMKCORP";

const HEADER_LEN: usize = 8 + 2 + 4 + 4 + 4 + 8 + 8 + 8;
const INDEX_LEN_AT: usize = 8 + 2 + 4 + 4 + 4 + 8 + 8;

fn read_u64(b: &[u8], at: usize) -> Option<u64> {
    Some(u64::from_le_bytes(b.get(at..at + 8)?.try_into().ok()?))
}

fn put_opt(out: &mut Vec<u8>, s: &Option<String>) {
    match s {
        Some(s) => {
            out.push(1);
            put_str(out, s);
        }
        None => out.push(0),
    }
}

fn field_code(f: Field) -> u8 {
    match f {
        Field::Title => 0,
        Field::Bullets => 1,
        Field::Description => 2,
        Field::Keywords => 3,
    }
}

struct Reader<'a> {
    b: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn bytes(&mut self, n: usize) -> Result<&'a [u8], CorpusError> {
        let end = self.at.checked_add(n).filter(|&e| e <= self.b.len());
        let end =
            end.ok_or_else(|| CorpusError::Corrupt("a record runs past its section".into()))?;
        let s = &self.b[self.at..end];
        self.at = end;
        Ok(s)
    }
    fn byte(&mut self) -> Result<u8, CorpusError> {
        Ok(self.bytes(1)?[0])
    }
    fn varint(&mut self) -> Result<u64, CorpusError> {
        get_varint(self.b, &mut self.at).ok_or_else(|| {
            CorpusError::Corrupt("a number runs past its section or is too long".into())
        })
    }
    fn string(&mut self) -> Result<String, CorpusError> {
        let n = self.varint()? as usize;
        let s = self.bytes(n)?;
        String::from_utf8(s.to_vec()).map_err(|_| CorpusError::Corrupt("text is not UTF-8".into()))
    }
    fn opt(&mut self) -> Result<Option<String>, CorpusError> {
        match self.byte()? {
            0 => Ok(None),
            1 => Ok(Some(self.string()?)),
            _ => Err(CorpusError::Corrupt("bad optional marker".into())),
        }
    }
}

impl CorpusIndex {
    /// The corpus as one self-checking file (see the format notes in the source).
    pub fn to_bytes(&self) -> Vec<u8> {
        let pending = self
            .pending
            .iter()
            .flat_map(|(&k, slots)| slots.iter().map(move |&s| (k, s)));
        let mut entries: Vec<(u32, u32)> = self
            .entries
            .iter()
            .copied()
            .chain(pending)
            .filter(|&(_, p)| self.slots[(p >> FIELD_BITS) as usize].is_some())
            .collect();
        // Number the live listings 0.. in slot order.
        let mut number = vec![u32::MAX; self.slots.len()];
        let mut n = 0u32;
        for (i, s) in self.slots.iter().enumerate() {
            if s.is_some() {
                number[i] = n;
                n += 1;
            }
        }
        for e in &mut entries {
            e.1 = number[(e.1 >> FIELD_BITS) as usize] << FIELD_BITS | (e.1 & MAX_FIELD);
        }
        entries.sort_unstable();
        entries.dedup();

        let mut listings = Vec::new();
        for s in self.slots.iter().flatten() {
            let l = &s.listing;
            put_varint(&mut listings, s.seq);
            put_str(&mut listings, &l.id);
            put_opt(&mut listings, &l.url);
            put_opt(&mut listings, &l.brand);
            put_opt(&mut listings, &l.date);
            put_opt(&mut listings, &l.title);
            put_varint(&mut listings, l.bullets.len() as u64);
            for b in &l.bullets {
                put_str(&mut listings, b);
            }
            put_opt(&mut listings, &l.description);
            put_varint(&mut listings, s.sketches.len() as u64);
            for f in &s.sketches {
                listings.push(f.number);
                listings.push(field_code(f.field));
                put_varint(&mut listings, f.index.map_or(0, |i| i as u64 + 1));
                listings.extend_from_slice(&f.sketch);
            }
        }
        let mut index = Vec::new();
        let mut i = 0;
        let mut prev_key = 0u32;
        while i < entries.len() {
            let key = entries[i].0;
            let j = entries[i..].partition_point(|e| e.0 == key) + i;
            // Most keys have one posting: the low bit of the delta says "more follow".
            let shared = j - i > 1;
            put_varint(
                &mut index,
                u64::from(key - prev_key) << 1 | u64::from(shared),
            );
            if shared {
                put_varint(&mut index, (j - i) as u64);
            }
            let mut prev = 0u32;
            for e in &entries[i..j] {
                put_varint(&mut index, u64::from(e.1 - prev));
                prev = e.1;
            }
            prev_key = key;
            i = j;
        }
        let mut out = Vec::with_capacity(HEADER_LEN + listings.len() + index.len() + 32);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        out.extend_from_slice(&[
            fingerprint::K as u8,
            fingerprint::W as u8,
            MINHASHES as u8,
            fingerprint::BAND_ROWS as u8,
        ]);
        out.extend_from_slice(&(self.capacity as u32).to_le_bytes());
        out.extend_from_slice(&n.to_le_bytes());
        out.extend_from_slice(&self.next_seq.to_le_bytes());
        out.extend_from_slice(&(listings.len() as u64).to_le_bytes());
        out.extend_from_slice(&(index.len() as u64).to_le_bytes());
        out.extend_from_slice(&listings);
        out.extend_from_slice(&index);
        let digest = Sha256::digest(&out);
        out.extend_from_slice(&digest);
        out
    }

    /// Reads a corpus file written by [`to_bytes`](Self::to_bytes). A file that is not a
    /// corpus, of another version, truncated, damaged or inconsistent is refused.
    pub fn from_bytes(bytes: &[u8]) -> Result<CorpusIndex, CorpusError> {
        if bytes.len() < MAGIC.len() || &bytes[..MAGIC.len()] != MAGIC {
            return Err(CorpusError::NotACorpus);
        }
        if bytes.len() < HEADER_LEN + 32 {
            return Err(CorpusError::Truncated);
        }
        let version = u16::from_le_bytes([bytes[8], bytes[9]]);
        if version != FORMAT_VERSION {
            return Err(CorpusError::Version {
                found: version,
                supported: FORMAT_VERSION,
            });
        }
        let params = [
            fingerprint::K as u8,
            fingerprint::W as u8,
            MINHASHES as u8,
            fingerprint::BAND_ROWS as u8,
        ];
        let listings_len = read_u64(bytes, 30).unwrap_or(u64::MAX);
        let index_len = read_u64(bytes, INDEX_LEN_AT).unwrap_or(u64::MAX);
        let body_end = (HEADER_LEN as u64)
            .checked_add(listings_len)
            .and_then(|v| v.checked_add(index_len))
            .ok_or_else(|| CorpusError::Corrupt("section lengths overflow".into()))?;
        match (body_end + 32).cmp(&(bytes.len() as u64)) {
            std::cmp::Ordering::Greater => return Err(CorpusError::Truncated),
            std::cmp::Ordering::Less => {
                return Err(CorpusError::Corrupt("bytes after the checksum".into()))
            }
            std::cmp::Ordering::Equal => {}
        }
        let body_end = body_end as usize;
        if Sha256::digest(&bytes[..body_end]).as_slice() != &bytes[body_end..] {
            return Err(CorpusError::Checksum);
        }
        if bytes[10..14] != params {
            return Err(CorpusError::Corrupt(
                "it was built with other fingerprint parameters".into(),
            ));
        }
        let capacity = u32::from_le_bytes(bytes[14..18].try_into().unwrap_or_default()) as usize;
        let count = u32::from_le_bytes(bytes[18..22].try_into().unwrap_or_default()) as usize;
        let next_seq = read_u64(bytes, 22).unwrap_or(0);
        // Every listing takes at least one byte: a count past the section's length is
        // a lie that would reserve memory for it (0xFFFFFFFF reserved 64 GB).
        if count as u64 > listings_len {
            return Err(CorpusError::Corrupt(
                "it claims more listings than it holds".into(),
            ));
        }
        let listings_end = HEADER_LEN + listings_len as usize;
        let mut r = Reader {
            b: &bytes[HEADER_LEN..listings_end],
            at: 0,
        };
        let mut corpus = CorpusIndex::new(capacity);
        corpus.next_seq = next_seq;
        let mut ages = Vec::with_capacity(count);
        for slot in 0..count {
            let seq = r.varint()?;
            let mut l = CorpusListing {
                id: r.string()?,
                url: r.opt()?,
                brand: r.opt()?,
                date: r.opt()?,
                title: r.opt()?,
                ..Default::default()
            };
            let bullets = r.varint()? as usize;
            for _ in 0..bullets {
                l.bullets.push(r.string()?);
            }
            l.description = r.opt()?;
            let n = r.varint()? as usize;
            let mut sketches = Vec::with_capacity(n.min(64));
            for _ in 0..n {
                let number = r.byte()?;
                if u32::from(number) > MAX_FIELD {
                    return Err(CorpusError::Corrupt(
                        "a field number is out of range".into(),
                    ));
                }
                let field = match r.byte()? {
                    0 => Field::Title,
                    1 => Field::Bullets,
                    2 => Field::Description,
                    3 => Field::Keywords,
                    _ => return Err(CorpusError::Corrupt("unknown field code".into())),
                };
                let index = match r.varint()? {
                    0 => None,
                    i => Some(i as usize - 1),
                };
                let mut sketch = [0u8; MINHASHES];
                sketch.copy_from_slice(r.bytes(MINHASHES)?);
                sketches.push(FieldSketch {
                    number,
                    field,
                    index,
                    sketch,
                });
            }
            if corpus.by_id.insert(l.id.clone(), slot as u32).is_some() {
                return Err(CorpusError::Corrupt(format!(
                    "listing {} appears twice",
                    l.id
                )));
            }
            ages.push((seq, slot as u32));
            corpus.alive.push(true);
            corpus.slots.push(Some(Slot {
                listing: l,
                seq,
                sketches,
                keys: 0,
            }));
        }
        if r.at != r.b.len() {
            return Err(CorpusError::Corrupt(
                "the listing section has extra bytes".into(),
            ));
        }
        let mut r = Reader {
            b: &bytes[listings_end..body_end],
            at: 0,
        };
        let mut key = 0u64;
        while r.at < r.b.len() {
            let delta = r.varint()?;
            key += delta >> 1;
            let n = if delta & 1 == 1 {
                r.varint()? as usize
            } else {
                1
            };
            let mut slot = 0u64;
            for _ in 0..n {
                slot += r.varint()?;
                if key > u64::from(u32::MAX)
                    || slot > u64::from(u32::MAX)
                    || (slot >> FIELD_BITS) >= count as u64
                {
                    return Err(CorpusError::Corrupt("an index entry points nowhere".into()));
                }
                corpus.entries.push((key as u32, slot as u32));
                if let Some(Some(s)) = corpus.slots.get_mut((slot >> FIELD_BITS) as usize) {
                    s.keys += 1;
                }
            }
        }
        if !corpus.entries.windows(2).all(|w| w[0] < w[1]) {
            return Err(CorpusError::Corrupt("the index is out of order".into()));
        }
        corpus.rebuild_directory();
        ages.sort_unstable();
        corpus.age = ages.into();
        corpus.live = count;
        Ok(corpus)
    }

    /// Sizes of the index proper (fingerprint entries and sketches, excluding listing
    /// text) and of the listing text, in bytes as [`to_bytes`](Self::to_bytes) writes
    /// them.
    pub fn sizes(&self) -> CorpusSizes {
        let bytes = self.to_bytes();
        let index = read_u64(&bytes, INDEX_LEN_AT).unwrap_or(0) as usize;
        let sketches: usize = self
            .slots
            .iter()
            .flatten()
            .map(|s| s.sketches.len() * (MINHASHES + 3))
            .sum();
        CorpusSizes {
            listings: self.live,
            index_bytes: index + sketches,
            total_bytes: bytes.len(),
            keys: self.slots.iter().flatten().map(|s| s.keys).sum(),
        }
    }
}

/// What a corpus weighs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CorpusSizes {
    /// Listings held.
    pub listings: usize,
    /// Bytes of fingerprint index and sketches in the file.
    pub index_bytes: usize,
    /// Bytes of the whole file (index, listing text, header, checksum).
    pub total_bytes: usize,
    /// Index keys over all listings.
    pub keys: usize,
}
#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::tests::listing;

    #[test]
    fn round_trips_through_bytes() {
        let mut c = CorpusIndex::new(10);
        c.add(listing(
            "a",
            "Soft plush bear with embroidered eyes, safe for toddlers",
        ));
        c.add(CorpusListing {
            url: Some("https://example.com/b".into()),
            brand: Some("Acme".into()),
            date: Some("2020-01-02".into()),
            description: Some("Long text. 😀 家具".into()),
            ..listing("b", "Wooden train set with forty pieces and a bridge")
        });
        c.remove("a");
        c.add(listing(
            "c",
            "Magnetic tiles in twelve colours build towers",
        ));
        let bytes = c.to_bytes();
        let d = CorpusIndex::from_bytes(&bytes).unwrap();
        assert_eq!(d.len(), 2);
        let ids: Vec<&str> = d.listings().map(|l| l.id.as_str()).collect();
        assert_eq!(ids, ["b", "c"]);
        assert_eq!(d.to_bytes(), bytes, "re-serialising is stable");
        assert_eq!(d.listings().next().unwrap().brand.as_deref(), Some("Acme"));
    }

    #[test]
    fn damaged_files_are_refused_with_the_right_error() {
        let mut c = CorpusIndex::new(10);
        c.add(listing(
            "a",
            "Soft plush bear with embroidered eyes, safe for toddlers",
        ));
        let bytes = c.to_bytes();
        assert!(matches!(
            CorpusIndex::from_bytes(b"hello"),
            Err(CorpusError::NotACorpus)
        ));
        assert!(matches!(
            CorpusIndex::from_bytes(&bytes[..bytes.len() - 5]),
            Err(CorpusError::Truncated)
        ));
        let mut flipped = bytes.clone();
        flipped[HEADER_LEN + 3] ^= 1;
        assert!(matches!(
            CorpusIndex::from_bytes(&flipped),
            Err(CorpusError::Checksum)
        ));
        let mut version = bytes.clone();
        version[8] = 9;
        assert!(matches!(
            CorpusIndex::from_bytes(&version),
            Err(CorpusError::Version {
                found: 9,
                supported: 1
            })
        ));
        // No panic on any truncation.
        for n in 0..bytes.len() {
            assert!(CorpusIndex::from_bytes(&bytes[..n]).is_err());
        }
    }

    #[test]
    fn a_listing_count_past_the_section_is_refused_even_with_a_recomputed_checksum() {
        let mut c = CorpusIndex::new(10);
        c.add(listing("a", "one two three four five six"));
        let mut bytes = c.to_bytes();
        // The count sits after the marker, version, parameters and capacity.
        bytes[18..22].copy_from_slice(&u32::MAX.to_le_bytes());
        let body_end = bytes.len() - 32;
        let digest = Sha256::digest(&bytes[..body_end]);
        bytes[body_end..].copy_from_slice(&digest);
        assert!(matches!(
            CorpusIndex::from_bytes(&bytes),
            Err(CorpusError::Corrupt(why)) if why.contains("more listings")
        ));
    }
}
