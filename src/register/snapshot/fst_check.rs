//! Structure checks of the two `fst` sections, so a damaged or crafted index is refused
//! instead of crashing the process (natively) or the worker (wasm).
//!
//! The `fst` crate trusts its bytes: `fst::Map::new` reads the footer without bounds
//! checks on 32-bit targets (a root address above 4 GiB panics in its `u64_to_usize`)
//! and checks the root address only for empty maps, and every node it decodes indexes
//! the bytes with the sizes the node declares. A file whose SHA-256 was recomputed after
//! a bit flip passes the checksum, so the checksum is no defence; these checks are.
//!
//! - [`footer`] — cheap, at every load, before `fst::Map::new`: the version and type
//!   words, a root address where the builder puts it, no key in an empty map, and a key
//!   count a 32-bit engine can hold (`fst` reads it as a pointer-sized number and panics
//!   past it). The count has no bound in the section's size: keys share their nodes,
//!   and 200 keys "zorb0" to "zorb199" take 138 bytes.
//! - [`walk`] — proportional to the section, at verification: decodes every node
//!   reachable from the root exactly as `fst` 0.4 decodes it (state byte, pack sizes,
//!   transition count, inputs, outputs, transition index) with checked arithmetic, and
//!   requires every transition to lead to a node at a lower address (the builder writes
//!   children before parents), so every read `fst` will make stays inside the section
//!   and every walk ends; then, from the lowest node up, the largest sum of outputs on
//!   any path, with checked additions, so the sums `fst` adds along a key (unchecked
//!   `u64` additions, a panic in debug builds) cannot overflow, and the number of keys
//!   (paths from the root to a final state), which must be the footer's key count.
//!
//! This module mirrors the node layout of `fst` 0.4 (`src/raw/node.rs`); it must not
//! decide what the keys or values mean (that is `index`).

/// The `fst` format version our builder writes (the one with a CRC32 in the footer).
const FST_VERSION: u64 = 3;
/// Bytes of the `fst` header: version and type, one `u64` each.
const HEADER_LEN: usize = 16;
/// Bytes of the `fst` footer: key count, root address (one `u64` each), CRC32.
const FOOTER_LEN: usize = 8 + 8 + 4;
/// The address of the empty final node, which is never written.
const EMPTY_ADDRESS: usize = 0;
/// A node with more transitions than this carries a 256-byte index of its inputs.
const TRANS_INDEX_THRESHOLD: usize = 32;

/// Why an `fst` section cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FstDamage {
    /// Shorter than an empty map.
    #[error("{len} bytes is shorter than the smallest index")]
    TooShort {
        /// The section's length.
        len: usize,
    },
    /// The version or type word is not what the builder writes.
    #[error("index version {version}, type {kind}: not written by Clearmark's builder")]
    Version {
        /// The version word.
        version: u64,
        /// The type word.
        kind: u64,
    },
    /// The root address is not where the builder puts the root node.
    #[error("the root address {root} does not fit the {len}-byte index")]
    Root {
        /// The root address read from the footer.
        root: u64,
        /// The section's length.
        len: usize,
    },
    /// The key count is not the number of keys the index holds.
    #[error("the index claims {keys} keys and holds {held}")]
    KeyCount {
        /// The key count read from the footer.
        keys: u64,
        /// The keys the nodes hold (0 for an empty map; `u64::MAX` past counting).
        held: u64,
    },
    /// More keys than a 32-bit engine can count.
    #[error("the index claims {keys} keys, more than any snapshot can hold")]
    TooManyKeys {
        /// The key count read from the footer.
        keys: u64,
    },
    /// A node's declared sizes reach outside the index, or a transition does not lead
    /// to a lower address.
    #[error("the index node at byte {addr} is damaged")]
    Node {
        /// The node's address.
        addr: usize,
    },
}

/// The footer of an `fst` section, checked: what `fst::Map::new` will read, so that it
/// cannot panic, and a root address where the builder puts it.
pub fn footer(bytes: &[u8]) -> Result<(), FstDamage> {
    let len = bytes.len();
    if len < HEADER_LEN + FOOTER_LEN {
        return Err(FstDamage::TooShort { len });
    }
    let (version, kind) = (u64_at(bytes, 0), u64_at(bytes, 8));
    if version != FST_VERSION || kind != 0 {
        return Err(FstDamage::Version { version, kind });
    }
    let keys = u64_at(bytes, len - FOOTER_LEN);
    let root = u64_at(bytes, len - FOOTER_LEN + 8);
    // The root node's last byte sits right before the footer, unless the map is empty
    // (its root is the empty final node, never written).
    let empty = len == HEADER_LEN + FOOTER_LEN;
    let expected = if empty {
        EMPTY_ADDRESS as u64
    } else {
        (len - FOOTER_LEN - 1) as u64
    };
    if root != expected {
        return Err(FstDamage::Root { root, len });
    }
    // An empty map has no key (the empty key would need a final root).
    if empty && keys != 0 {
        return Err(FstDamage::KeyCount { keys, held: 0 });
    }
    // The same limit natively and in wasm (32-bit), where `fst` would panic past it.
    if keys > u64::from(u32::MAX) {
        return Err(FstDamage::TooManyKeys { keys });
    }
    Ok(())
}

/// Decodes every node reachable from the root as `fst` does, with every size checked.
/// Call after [`footer`] succeeded.
pub fn walk(bytes: &[u8]) -> Result<(), FstDamage> {
    footer(bytes)?;
    let len = bytes.len();
    let root = len - FOOTER_LEN - 1;
    if len == HEADER_LEN + FOOTER_LEN {
        return Ok(());
    }
    // Nodes live between the header and the footer.
    let nodes = &bytes[..len - FOOTER_LEN];
    let mut seen = vec![0u64; nodes.len().div_ceil(64)];
    let mut todo = vec![root];
    while let Some(addr) = todo.pop() {
        if addr == EMPTY_ADDRESS {
            continue;
        }
        let (word, bit) = (addr / 64, 1u64 << (addr % 64));
        if seen[word] & bit != 0 {
            continue;
        }
        seen[word] |= bit;
        let node = Node::decode(nodes, addr).ok_or(FstDamage::Node { addr })?;
        for child in node.children(nodes) {
            let child = child.ok_or(FstDamage::Node { addr })?;
            todo.push(child);
        }
    }
    let held = keys_and_largest_output_sum(nodes, &seen)?.0;
    let keys = u64_at(bytes, len - FOOTER_LEN);
    if held != keys {
        return Err(FstDamage::KeyCount { keys, held });
    }
    Ok(())
}

/// The number of keys (paths from the root to a final state) and the largest sum of
/// outputs on any of them, over the nodes `seen` (every node reachable from the root,
/// already decoded once): children sit below their parents, so visiting addresses
/// upwards finds every child's figures before its parents need them. An overflowing
/// sum is damage; a key count past `u64` is counted as `u64::MAX`.
fn keys_and_largest_output_sum(nodes: &[u8], seen: &[u64]) -> Result<(u64, u64), FstDamage> {
    // Each reachable node's figures are kept by its rank among the reachable nodes (its
    // address's set bit in `seen`, counted from the start), so the table holds 16 bytes
    // a node, sized once: a node's address need not be stored, and a table grown by
    // doubling once took 6.4 MB to check a 2.7 MB file.
    let mut ranks_before = Vec::with_capacity(seen.len());
    let mut reachable_count = 0usize;
    for &bits in seen {
        ranks_before.push(reachable_count);
        reachable_count += bits.count_ones() as usize;
    }
    let rank = |addr: usize| {
        let (word, bit) = (addr / 64, addr % 64);
        let bits = *seen.get(word)?;
        (bits & (1u64 << bit) != 0)
            .then(|| ranks_before[word] + (bits & ((1u64 << bit) - 1)).count_ones() as usize)
    };
    // (keys from it, largest sum from it), in ascending address order, that is by rank.
    let mut sums: Vec<(u64, u64)> = Vec::with_capacity(reachable_count);
    let reachable = seen.iter().enumerate().flat_map(|(word, &bits)| {
        (0..64)
            .filter(move |bit| bits & (1u64 << bit) != 0)
            .map(move |bit| word * 64 + bit)
    });
    for addr in reachable {
        let damaged = FstDamage::Node { addr };
        let node = Node::decode(nodes, addr).ok_or(damaged.clone())?;
        let mut best = node.final_output(nodes).ok_or(damaged.clone())?;
        let mut keys = u64::from(node.is_final());
        for (i, child) in node.children(nodes).enumerate() {
            let child = child.ok_or(damaged.clone())?;
            // The empty final node ends exactly one key.
            let (below_keys, below) = if child == EMPTY_ADDRESS {
                (1, 0)
            } else {
                // A child at or above its parent has no figures yet: damage.
                let at = rank(child).ok_or(damaged.clone())?;
                *sums.get(at).ok_or(damaged.clone())?
            };
            keys = keys.saturating_add(below_keys);
            let out = node.output(nodes, i).ok_or(damaged.clone())?;
            best = best.max(out.checked_add(below).ok_or(damaged.clone())?);
        }
        sums.push((keys, best));
    }
    Ok(sums.last().map_or((0, 0), |&(keys, sum)| (keys, sum)))
}

fn u64_at(bytes: &[u8], at: usize) -> u64 {
    let mut word = [0u8; 8];
    word.copy_from_slice(&bytes[at..at + 8]);
    u64::from_le_bytes(word)
}

/// A little-endian unsigned integer of `size` bytes (1 to 8) at `at`.
fn uint_at(bytes: &[u8], at: usize, size: usize) -> Option<u64> {
    let slice = bytes.get(at..at.checked_add(size)?)?;
    Some(
        slice
            .iter()
            .rev()
            .fold(0u64, |n, &b| (n << 8) | u64::from(b)),
    )
}

/// A decoded node: where its transitions' addresses are, and how they are packed.
struct Node {
    /// The node's address (its state byte).
    addr: usize,
    /// Its lowest byte: transitions lead to addresses below it.
    end: usize,
    kind: Kind,
}

enum Kind {
    /// One transition to the node right below this one.
    Next,
    /// One transition whose address delta is `size` bytes at `at`, its output the
    /// `osize` bytes below.
    One {
        at: usize,
        size: usize,
        osize: usize,
    },
    /// `count` transitions whose address deltas are `size` bytes each, the first
    /// (the last transition) at `at`; below the deltas, `count` outputs of `osize`
    /// bytes each, then the final output when `is_final`.
    Any {
        at: usize,
        size: usize,
        count: usize,
        osize: usize,
        is_final: bool,
    },
}

impl Node {
    /// Decodes the node at `addr` the way `fst` 0.4 does, `None` where `fst` would read
    /// outside the bytes, underflow, or fail an assertion.
    fn decode(bytes: &[u8], addr: usize) -> Option<Node> {
        let state = *bytes.get(addr)?;
        // Common inputs are encoded in the state byte; others take a byte below it.
        let input_len = |low6: u8| usize::from(low6 == 0);
        match state >> 6 {
            0b11 => {
                let end = addr.checked_sub(input_len(state & 0b11_1111))?;
                // The transition leads to `end - 1`; the header sits below every node.
                (end > HEADER_LEN).then_some(Node {
                    addr,
                    end,
                    kind: Kind::Next,
                })
            }
            0b10 => {
                let sizes_at = addr.checked_sub(input_len(state & 0b11_1111) + 1)?;
                let (tsize, osize) = pack_sizes(*bytes.get(sizes_at)?)?;
                if tsize == 0 {
                    return None;
                }
                let at = sizes_at.checked_sub(tsize)?;
                let end = at.checked_sub(osize)?;
                (end >= HEADER_LEN).then_some(Node {
                    addr,
                    end,
                    kind: Kind::One {
                        at,
                        size: tsize,
                        osize,
                    },
                })
            }
            _ => {
                let ntrans_in_state = usize::from(state & 0b11_1111);
                let ntrans_len = usize::from(ntrans_in_state == 0);
                let count = if ntrans_in_state != 0 {
                    ntrans_in_state
                } else {
                    match *bytes.get(addr.checked_sub(1)?)? {
                        1 => 256,
                        n => usize::from(n),
                    }
                };
                let sizes_at = addr.checked_sub(ntrans_len + 1)?;
                let (tsize, osize) = pack_sizes(*bytes.get(sizes_at)?)?;
                if count > 0 && tsize == 0 {
                    return None;
                }
                let index = if count > TRANS_INDEX_THRESHOLD {
                    256
                } else {
                    0
                };
                let inputs_end = sizes_at.checked_sub(index)?;
                let deltas_end = inputs_end.checked_sub(count)?;
                let at = deltas_end.checked_sub(tsize)?;
                let final_osize = if state & 0b0100_0000 != 0 { osize } else { 0 };
                let end = deltas_end
                    .checked_sub(count.checked_mul(tsize)?)?
                    .checked_sub(count.checked_mul(osize)?)?
                    .checked_sub(final_osize)?;
                (end >= HEADER_LEN).then_some(Node {
                    addr,
                    end,
                    kind: Kind::Any {
                        at,
                        size: tsize,
                        count,
                        osize,
                        is_final: state & 0b0100_0000 != 0,
                    },
                })
            }
        }
    }

    /// The addresses the node's transitions lead to; `None` for one that does not lead
    /// below the node.
    fn children<'a>(&'a self, bytes: &'a [u8]) -> impl Iterator<Item = Option<usize>> + 'a {
        let (count, size, first) = match self.kind {
            Kind::Next => (1, 0, 0),
            Kind::One { at, size, .. } => (1, size, at),
            Kind::Any {
                at, size, count, ..
            } => (count, size, at),
        };
        (0..count).map(move |i| match self.kind {
            Kind::Next => Some(self.end - 1),
            _ => {
                let delta = uint_at(bytes, first.checked_sub(i.checked_mul(size)?)?, size)?;
                self.target(delta)
            }
        })
    }

    /// The output of transition `i` (in [`Node::children`] order), read where `fst` 0.4
    /// reads it.
    fn output(&self, bytes: &[u8], i: usize) -> Option<u64> {
        match self.kind {
            Kind::Next => Some(0),
            Kind::One { osize: 0, .. } | Kind::Any { osize: 0, .. } => Some(0),
            Kind::One { at, osize, .. } => uint_at(bytes, at.checked_sub(osize)?, osize),
            Kind::Any {
                at,
                size,
                count,
                osize,
                ..
            } => {
                // The deltas span `at + size - count * size .. at + size`; outputs
                // are packed below them, the first transition's highest.
                let outputs_top = at
                    .checked_add(size)?
                    .checked_sub(count.checked_mul(size)?)?;
                let offset = i.checked_add(1)?.checked_mul(osize)?;
                uint_at(bytes, outputs_top.checked_sub(offset)?, osize)
            }
        }
    }

    /// Whether a key ends at this node (`fst` 0.4 writes final nodes with any number of
    /// transitions in the general layout only).
    fn is_final(&self) -> bool {
        matches!(self.kind, Kind::Any { is_final: true, .. })
    }

    /// The output of reaching this node as a final state (0 for a node that is not).
    fn final_output(&self, bytes: &[u8]) -> Option<u64> {
        match self.kind {
            Kind::Any {
                osize,
                is_final: true,
                ..
            } if osize > 0 => uint_at(bytes, self.end, osize),
            _ => Some(0),
        }
    }

    /// Where an address delta leads: nowhere (the empty final node) for 0, else to a
    /// node at a lower address inside the bytes.
    fn target(&self, delta: u64) -> Option<usize> {
        if delta == 0 {
            return Some(EMPTY_ADDRESS);
        }
        let delta = usize::try_from(delta).ok()?;
        let child = self.end.checked_sub(delta)?;
        (child < self.addr && (child == EMPTY_ADDRESS || child >= HEADER_LEN)).then_some(child)
    }
}

/// The transition and output pack sizes of a node's pack-size byte; `None` when either
/// is above 8 (`fst` asserts on it).
fn pack_sizes(byte: u8) -> Option<(usize, usize)> {
    let (tsize, osize) = (usize::from(byte >> 4), usize::from(byte & 0b1111));
    (tsize <= 8 && osize <= 8).then_some((tsize, osize))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map(keys: &[(&str, u64)]) -> Vec<u8> {
        fst::Map::from_iter(keys.iter().map(|&(k, v)| (k, v)))
            .unwrap()
            .into_fst()
            .into_inner()
    }

    /// Enough keys that the root has more than 32 transitions (the 256-byte index),
    /// long shared suffixes (one-transition nodes) and multi-byte outputs.
    fn big_map() -> Vec<u8> {
        let mut keys: Vec<String> = (0u32..600)
            .map(|i| format!("{}{}word{}", char::from(b'!' + (i % 90) as u8), i, i % 7))
            .collect();
        keys.sort();
        keys.dedup();
        fst::Map::from_iter(
            keys.iter()
                .enumerate()
                .map(|(i, k)| (k, i as u64 * 1_000_003)),
        )
        .unwrap()
        .into_fst()
        .into_inner()
    }

    #[test]
    fn maps_the_builder_writes_pass() {
        for bytes in [
            map(&[]),
            map(&[("", 7)]),
            map(&[("lego", 1), ("nike", 300)]),
            big_map(),
        ] {
            assert_eq!(footer(&bytes), Ok(()));
            assert_eq!(walk(&bytes), Ok(()));
        }
    }

    #[test]
    fn a_root_address_elsewhere_is_refused() {
        let mut bytes = map(&[("lego", 1), ("nike", 2)]);
        let at = bytes.len() - 12;
        bytes[at..at + 8].copy_from_slice(&0xFFFFu64.to_le_bytes());
        assert!(matches!(
            footer(&bytes),
            Err(FstDamage::Root { root: 0xFFFF, .. })
        ));
        bytes[at..at + 8].copy_from_slice(&u64::MAX.to_le_bytes());
        assert!(matches!(footer(&bytes), Err(FstDamage::Root { .. })));
    }

    #[test]
    fn versions_and_short_sections_are_refused() {
        let mut bytes = map(&[("lego", 1)]);
        assert_eq!(footer(&bytes[..35]), Err(FstDamage::TooShort { len: 35 }));
        bytes[0] = 2;
        assert!(matches!(
            footer(&bytes),
            Err(FstDamage::Version { version: 2, .. })
        ));
    }

    #[test]
    fn a_key_count_other_than_the_keys_held_is_refused_by_the_walk() {
        let original = map(&[("lego", 1), ("lego duplo", 2), ("nerf", 3)]);
        assert_eq!(walk(&original), Ok(()));
        let at = original.len() - 20;
        for claimed in [0u64, 2, 4, u64::from(u32::MAX)] {
            let mut bytes = original.clone();
            bytes[at..at + 8].copy_from_slice(&claimed.to_le_bytes());
            assert_eq!(
                walk(&bytes),
                Err(FstDamage::KeyCount {
                    keys: claimed,
                    held: 3
                }),
                "{claimed} keys claimed"
            );
        }
    }

    /// Keys share their nodes: an index may hold more keys than it has bytes, and the
    /// builder's own such index passes both checks (a watch list of 200 marks "Zorb0" to
    /// "Zorb199" was once refused as damaged).
    #[test]
    fn more_keys_than_bytes_pass() {
        let mut keys: Vec<String> = (0..200).map(|i| format!("zorb{i}")).collect();
        keys.sort();
        let bytes = fst::Map::from_iter(keys.iter().enumerate().map(|(i, k)| (k, i as u64)))
            .unwrap()
            .into_fst()
            .into_inner();
        assert!(keys.len() > bytes.len(), "{} bytes", bytes.len());
        assert_eq!(footer(&bytes), Ok(()));
        assert_eq!(walk(&bytes), Ok(()));
    }

    #[test]
    fn a_key_count_past_32_bits_is_refused_before_fst_reads_it() {
        let original = map(&[("lego", 1)]);
        let at = original.len() - 20;
        let claim = |keys: u64| {
            let mut bytes = original.clone();
            bytes[at..at + 8].copy_from_slice(&keys.to_le_bytes());
            footer(&bytes)
        };
        assert_eq!(claim(u64::from(u32::MAX)), Ok(()));
        let past = u64::from(u32::MAX) + 1;
        assert_eq!(claim(past), Err(FstDamage::TooManyKeys { keys: past }));
        assert_eq!(
            claim(u64::MAX),
            Err(FstDamage::TooManyKeys { keys: u64::MAX })
        );
    }

    /// `fst` reads a map of no node at all, its root the empty final node, as empty
    /// (its own builder writes a root node even for no keys): it passes as such, and
    /// claiming a key or another root it is refused.
    #[test]
    fn the_empty_form_with_no_node_written_is_an_empty_map() {
        let form = |keys: u64, root: u64| {
            let mut bytes = Vec::new();
            bytes.extend_from_slice(&FST_VERSION.to_le_bytes());
            bytes.extend_from_slice(&0u64.to_le_bytes());
            bytes.extend_from_slice(&keys.to_le_bytes());
            bytes.extend_from_slice(&root.to_le_bytes());
            bytes.extend_from_slice(&[0; 4]);
            bytes
        };
        let empty = form(0, EMPTY_ADDRESS as u64);
        assert_eq!(empty.len(), HEADER_LEN + FOOTER_LEN);
        assert_eq!(footer(&empty), Ok(()));
        assert_eq!(walk(&empty), Ok(()));
        read_everything(empty, &["lego"]);
        assert_eq!(
            footer(&form(1, EMPTY_ADDRESS as u64)),
            Err(FstDamage::KeyCount { keys: 1, held: 0 })
        );
        assert!(matches!(
            footer(&form(0, 15)),
            Err(FstDamage::Root { root: 15, .. })
        ));
    }

    #[test]
    fn an_empty_map_claiming_a_key_is_refused() {
        let mut bytes = map(&[]);
        assert_eq!(walk(&bytes), Ok(()));
        let at = bytes.len() - 20;
        bytes[at..at + 8].copy_from_slice(&1u64.to_le_bytes());
        assert_eq!(walk(&bytes), Err(FstDamage::KeyCount { keys: 1, held: 0 }));
    }

    /// Every single-bit flip in the nodes either is refused by the walk or leaves an
    /// index `fst` can stream to the end without panicking.
    /// Streams every key of a map that passed the walk and looks up `keys`, as the
    /// engine would: panics if `fst` would.
    fn read_everything(bytes: Vec<u8>, keys: &[&str]) {
        let fst = fst::Map::new(bytes).unwrap();
        let mut stream = fst.stream();
        while fst::Streamer::next(&mut stream).is_some() {}
        for key in keys {
            let _ = fst.get(key);
        }
    }

    #[test]
    fn no_flipped_bit_that_passes_the_walk_makes_fst_panic() {
        let original = big_map();
        let nodes_end = original.len() - FOOTER_LEN;
        let mut refused = 0;
        for at in (HEADER_LEN..nodes_end).step_by(5) {
            for bit in 0..8 {
                let mut bytes = original.clone();
                bytes[at] ^= 1 << bit;
                if walk(&bytes).is_err() {
                    refused += 1;
                    continue;
                }
                read_everything(bytes, &["!0word0", "a45word3x", "zzz", ""]);
            }
        }
        assert!(refused > 0, "some flips must be refused");
    }

    #[test]
    fn outputs_that_sum_past_u64_on_a_path_are_refused() {
        // Values near u64::MAX: the shared prefix's output is huge, the rest small. Any
        // output byte raised to 0xFF makes some path's sum overflow, which `fst` adds
        // unchecked (a panic in debug builds, this test's).
        let original = map(&[("aa", u64::MAX - 1), ("ab", u64::MAX), ("b", 5)]);
        let nodes_end = original.len() - FOOTER_LEN;
        let mut refused = 0;
        for at in HEADER_LEN..nodes_end {
            let mut bytes = original.clone();
            bytes[at] = 0xFF;
            if walk(&bytes).is_err() {
                refused += 1;
                continue;
            }
            read_everything(bytes, &["aa", "ab", "b", "a"]);
        }
        assert!(refused > 0, "some raised bytes must be refused");
        assert_eq!(largest_output_sum_of(&original), Some(u64::MAX));
    }

    /// A key that is a prefix of another keeps its value as a final output: its path's
    /// sum counts it ("a" = u64::MAX beside "ab" = 1: 1 on the shared transition, the
    /// rest on the final state).
    #[test]
    fn a_final_output_counts_in_its_paths_sum() {
        assert_eq!(
            largest_output_sum_of(&map(&[("a", u64::MAX), ("ab", 1)])),
            Some(u64::MAX)
        );
    }

    /// The largest output sum of an undamaged map's paths.
    fn largest_output_sum_of(bytes: &[u8]) -> Option<u64> {
        let nodes = &bytes[..bytes.len() - FOOTER_LEN];
        walk(bytes).ok()?;
        let mut reach = vec![0u64; nodes.len().div_ceil(64)];
        let mut todo = vec![nodes.len() - 1];
        while let Some(addr) = todo.pop() {
            if addr == EMPTY_ADDRESS || reach[addr / 64] & (1 << (addr % 64)) != 0 {
                continue;
            }
            reach[addr / 64] |= 1 << (addr % 64);
            todo.extend(Node::decode(nodes, addr)?.children(nodes).flatten());
        }
        keys_and_largest_output_sum(nodes, &reach)
            .ok()
            .map(|(_, sum)| sum)
    }
}
