//! Tables of deduplicated byte strings addressed by id: owner names, and the distinct
//! sets of Nice classes (one byte per class).
//!
//! Entries are sorted (the id is the rank) and front-coded in buckets of [`BUCKET`]: the
//! first entry of a bucket is whole, each next one is the length it shares with the one
//! before plus the rest. Owner names share long prefixes ("Procter & Gamble ...",
//! evidence strings of the brand lists), so this roughly halves them. Layout: count
//! (varint), (bucket count + 1) u32 LE bucket offsets relative to the data, data.
//! This module owns the table layout; it must not decide what goes in.

use super::SnapshotError;
use crate::codec::{get_varint, put_varint};
use std::ops::Range;

/// Entries per front-coded bucket.
pub const BUCKET: usize = 16;

/// Where a table's parts lie in the file.
#[derive(Debug, Clone)]
pub struct Table {
    count: usize,
    offsets: usize,
    data: Range<usize>,
}

impl Table {
    /// Reads a table's directory; `section` names it in errors.
    pub fn parse(
        bytes: &[u8],
        range: Range<usize>,
        section: &'static str,
    ) -> Result<Table, SnapshotError> {
        let corrupt = SnapshotError::Corrupt { section };
        let s = bytes.get(range.clone()).ok_or(corrupt.clone())?;
        let mut pos = 0;
        let count = get_varint(s, &mut pos).ok_or(corrupt.clone())?;
        let count = usize::try_from(count).map_err(|_| corrupt.clone())?;
        let offsets = range.start + pos;
        let data_start = count
            .div_ceil(BUCKET)
            .checked_add(1)
            .and_then(|n| n.checked_mul(4))
            .and_then(|n| n.checked_add(offsets))
            .ok_or(corrupt.clone())?;
        if data_start > range.end {
            return Err(corrupt);
        }
        Ok(Table {
            count,
            offsets,
            data: data_start..range.end,
        })
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.count
    }

    /// Entry `id`; `None` when out of range or damaged.
    pub fn get(&self, bytes: &[u8], id: usize) -> Option<Vec<u8>> {
        if id >= self.count {
            return None;
        }
        let bucket = id / BUCKET;
        // Offsets are u32 from the file: on 32-bit targets `start + offset` can pass
        // usize::MAX, so every sum is checked.
        let at = |i: usize| -> Option<usize> {
            let p = i.checked_mul(4)?.checked_add(self.offsets)?;
            let offset = u32::from_le_bytes(bytes.get(p..p.checked_add(4)?)?.try_into().ok()?);
            self.data.start.checked_add(usize::try_from(offset).ok()?)
        };
        let (start, end) = (at(bucket)?, at(bucket + 1)?);
        if start > end || end > self.data.end {
            return None;
        }
        let data = bytes.get(start..end)?;
        let mut pos = 0;
        let mut entry: Vec<u8> = Vec::new();
        for i in 0..=id % BUCKET {
            let shared = if i == 0 {
                0
            } else {
                usize::try_from(get_varint(data, &mut pos)?).ok()?
            };
            let len = usize::try_from(get_varint(data, &mut pos)?).ok()?;
            if shared > entry.len() {
                return None;
            }
            entry.truncate(shared);
            entry.extend_from_slice(data.get(pos..pos.checked_add(len)?)?);
            pos += len;
        }
        Some(entry)
    }

    /// Entry `id` as text.
    pub fn get_str(&self, bytes: &[u8], id: usize) -> Option<String> {
        String::from_utf8(self.get(bytes, id)?).ok()
    }
}

/// Writes a table of entries, already sorted, in id order.
pub fn write_table<T: AsRef<[u8]>>(entries: &[T]) -> Vec<u8> {
    let mut out = Vec::new();
    put_varint(&mut out, entries.len() as u64);
    let mut data = Vec::new();
    let mut offsets = vec![0u32];
    for bucket in entries.chunks(BUCKET) {
        let mut prev: &[u8] = &[];
        for (i, e) in bucket.iter().enumerate() {
            let e = e.as_ref();
            let shared = if i == 0 {
                0
            } else {
                e.iter().zip(prev).take_while(|(a, b)| a == b).count()
            };
            if i > 0 {
                put_varint(&mut data, shared as u64);
            }
            put_varint(&mut data, (e.len() - shared) as u64);
            data.extend_from_slice(&e[shared..]);
            prev = e;
        }
        offsets.push(data.len() as u32);
    }
    for o in offsets {
        out.extend_from_slice(&o.to_le_bytes());
    }
    out.extend_from_slice(&data);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_come_back_by_id() {
        let mut entries: Vec<String> = (0..100).map(|i| format!("Owner {} GmbH", i * 7)).collect();
        entries.push(String::new());
        entries.push("Ö".into());
        entries.sort();
        let bytes = write_table(&entries);
        let t = Table::parse(&bytes, 0..bytes.len(), "owners").unwrap();
        assert_eq!(t.len(), entries.len());
        for (i, e) in entries.iter().enumerate() {
            assert_eq!(t.get_str(&bytes, i).as_deref(), Some(e.as_str()));
        }
        assert_eq!(t.get(&bytes, entries.len()), None);
        assert!(bytes.len() < entries.iter().map(String::len).sum::<usize>());
    }

    /// A bucket whose end lies past the table's data (in the next section's bytes) is
    /// damage: none of its entries is read.
    #[test]
    fn a_bucket_ending_past_the_tables_data_is_refused() {
        let table = write_table(&["alpha", "beta"]);
        let data_len = table.len() - 1 - 2 * 4;
        let mut bytes = table.clone();
        bytes[5..9].copy_from_slice(&(data_len as u32 + 8).to_le_bytes());
        bytes.extend_from_slice(b"the next section");
        let t = Table::parse(&bytes, 0..table.len(), "owners").unwrap();
        assert_eq!(t.get(&bytes, 0), None);
        assert_eq!(t.get(&bytes, 1), None);
    }
}
