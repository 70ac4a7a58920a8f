//! The one byte codec of Clearmark's files (snapshot and corpus): unsigned LEB128
//! varints and length-prefixed UTF-8 strings. Readers return `None` past the end or on a
//! malformed value and never panic; each file format turns that into its own error.

/// Appends an unsigned LEB128 varint.
pub fn put_varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// Reads an unsigned LEB128 varint at `*pos`, advancing it; `None` past the end or on
/// an overlong encoding.
pub fn get_varint(bytes: &[u8], pos: &mut usize) -> Option<u64> {
    let mut v = 0u64;
    let mut shift = 0u32;
    loop {
        let b = *bytes.get(*pos)?;
        *pos += 1;
        if shift >= 64 || (shift == 63 && b > 1) {
            return None;
        }
        v |= u64::from(b & 0x7f) << shift;
        if b & 0x80 == 0 {
            return Some(v);
        }
        shift += 7;
    }
}

/// Appends a string as its UTF-8 length (varint) and bytes.
pub fn put_str(out: &mut Vec<u8>, s: &str) {
    put_varint(out, s.len() as u64);
    out.extend_from_slice(s.as_bytes());
}

/// Reads a string written by [`put_str`] at `*pos`, advancing it; `None` past the end or
/// when the bytes are not UTF-8.
pub fn get_str<'a>(bytes: &'a [u8], pos: &mut usize) -> Option<&'a str> {
    let len = usize::try_from(get_varint(bytes, pos)?).ok()?;
    let end = pos.checked_add(len)?;
    let s = std::str::from_utf8(bytes.get(*pos..end)?).ok()?;
    *pos = end;
    Some(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn varints_round_trip_and_refuse_garbage() {
        for v in [0u64, 1, 127, 128, 300, u32::MAX as u64, u64::MAX] {
            let mut buf = Vec::new();
            put_varint(&mut buf, v);
            let mut pos = 0;
            assert_eq!(get_varint(&buf, &mut pos), Some(v));
            assert_eq!(pos, buf.len());
        }
        assert_eq!(get_varint(&[0x80, 0x80], &mut 0), None);
        assert_eq!(get_varint(&[0xff; 11], &mut 0), None);
    }

    #[test]
    fn strings_round_trip_and_refuse_a_length_past_the_end() {
        let mut buf = Vec::new();
        put_str(&mut buf, "Pokémon 家");
        put_str(&mut buf, "");
        let mut pos = 0;
        assert_eq!(get_str(&buf, &mut pos), Some("Pokémon 家"));
        assert_eq!(get_str(&buf, &mut pos), Some(""));
        assert_eq!(pos, buf.len());
        assert_eq!(get_str(&[3, b'a', b'b'], &mut 0), None);
        assert_eq!(get_str(&[2, 0xff, 0xfe], &mut 0), None);
    }
}
