//! Tables of deduplicated byte strings addressed by id: owner names, and the distinct
//! sets of Nice classes (one byte per class).
//!
//! Layout: count (varint), (count + 1) u32 LE offsets relative to the data, data.
//! Ids are given by the builder most frequent first. This module owns the table layout;
//! it must not decide what goes in.

use super::format::{get_varint, put_varint};
use super::SnapshotError;
use std::ops::Range;

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
    pub fn get<'a>(&self, bytes: &'a [u8], id: usize) -> Option<&'a [u8]> {
        if id >= self.count {
            return None;
        }
        let at = |i: usize| -> Option<usize> {
            let p = self.offsets + i * 4;
            Some(u32::from_le_bytes(bytes.get(p..p + 4)?.try_into().ok()?) as usize)
        };
        let (start, end) = (self.data.start + at(id)?, self.data.start + at(id + 1)?);
        if start > end || end > self.data.end {
            return None;
        }
        bytes.get(start..end)
    }

    /// Entry `id` as text.
    pub fn get_str<'a>(&self, bytes: &'a [u8], id: usize) -> Option<&'a str> {
        std::str::from_utf8(self.get(bytes, id)?).ok()
    }
}

/// Writes a table of entries in id order.
pub fn write_table<T: AsRef<[u8]>>(entries: &[T]) -> Vec<u8> {
    let mut out = Vec::new();
    put_varint(&mut out, entries.len() as u64);
    let mut offset = 0u32;
    out.extend_from_slice(&offset.to_le_bytes());
    for e in entries {
        offset += e.as_ref().len() as u32;
        out.extend_from_slice(&offset.to_le_bytes());
    }
    for e in entries {
        out.extend_from_slice(e.as_ref());
    }
    out
}
