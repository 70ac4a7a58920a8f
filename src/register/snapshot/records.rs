//! The record table: every record as a row of small integers, stored in blocks of
//! [`BLOCK`] rows with frame-of-reference bit packing per column, plus a per-block heap
//! for what does not fit a small integer (unusual mark spellings, literal numbers,
//! disclaimers, pseudo-marks, translations).
//!
//! Records are sorted by mark key, so neighbours share little: what makes the table small
//! is that most columns are constant or narrow inside a block (register, status, drawing,
//! the mark's spelling given its key) and cost zero or a few bits. A record is read by
//! unpacking its row only — no block is decoded as a whole.
//!
//! Block layout: for each of the [`COLUMNS`] columns a varint minimum and a one-byte bit
//! width; then the columns' bits, column after column, row after row (LSB first); then
//! the heap. Section layout: record count (varint), (block count + 1) u32 LE block
//! offsets relative to the first block, blocks.
//!
//! This module owns the encoding of one record into a row and back; it must not decide
//! which records exist or how marks are keyed (that is `build`).

use crate::codec::{get_str, get_varint, put_str, put_varint};
use crate::register::{Date, Drawing, Enforcement, Record, Register, Status};

/// Rows per block: larger blocks amortise the column headers, smaller ones keep columns
/// narrow.
pub const BLOCK: usize = 64;

/// Column indices of a row.
pub mod col {
    /// Register: 0 US, 1 EU, 2 Famous, 3 Watch.
    pub const REGISTER: usize = 0;
    /// Status: 0 registered, 1 pending, 2 dead.
    pub const STATUS: usize = 1;
    /// Drawing: 0 word, 1 stylised words, 2 design only, 3 other.
    pub const DRAWING: usize = 2;
    /// Famous flag.
    pub const FAMOUS: usize = 3;
    /// How the mark is spelled given its key: see [`super::MarkForm`].
    pub const MARK_FORM: usize = 4;
    /// Number form: see [`super::NumberForm`].
    pub const NUMBER_FORM: usize = 5;
    /// Number value when digits.
    pub const NUMBER: usize = 6;
    /// Registration number form (0 means none).
    pub const REG_FORM: usize = 7;
    /// Registration number value when digits.
    pub const REG: usize = 8;
    /// Owner id + 1 (0: no owner).
    pub const OWNER: usize = 9;
    /// Class-set id in the class dictionary.
    pub const CLASSES: usize = 10;
    /// Filing date: 0 unknown, 1 raw in heap, else days since 1800-01-01 + 2.
    pub const FILED: usize = 11;
    /// Registration date: 0 unknown, 1 raw in heap, else zigzag(days − filing days) + 2.
    pub const REGISTERED: usize = 12;
    /// 1 when the row has a heap entry. Entries follow the bits in row order, each
    /// prefixed with its length, so a row's entry is found by skipping the entries of
    /// the rows before it.
    pub const HEAP: usize = 13;
    /// Enforcement evidence of a curated record: see [`super::enforcement_bits`]
    /// (0: not on the curated list).
    pub const ENFORCEMENT: usize = 14;
}

/// Number of columns in a row.
pub const COLUMNS: usize = 15;

/// Bits of the ENFORCEMENT column: the record is on the curated list, its owner has
/// sued marketplace sellers (Schedule A or a case on record), its owner is a VeRO
/// participant, and the heap holds the franchise, case numbers and member names.
pub mod enforcement_bits {
    /// Carries enforcement evidence.
    pub const CURATED: u64 = 1;
    /// The owner has sued marketplace sellers.
    pub const SUES: u64 = 2;
    /// A Schedule A / TRO plaintiff.
    pub const SCHEDULE_A: u64 = 4;
    /// An eBay VeRO participant.
    pub const VERO: u64 = 8;
}

/// How a record's mark text relates to its key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MarkForm {
    /// The key in upper case (`LEGO`).
    Upper = 0,
    /// The key as it is (`iphone`).
    Key = 1,
    /// The key with each word capitalised (`Hot Wheels`).
    Title = 2,
    /// Spelled out in the heap.
    Literal = 3,
    /// The key's words with their case and the text between them in the heap
    /// (`Uncle Ben's`, `X-LINE`, `Ritter SPORT`): see [`spell`].
    Spelled = 4,
}

impl MarkForm {
    /// The form that reproduces `mark` from `key`, if any other than literal.
    pub fn of(mark: &str, key: &str) -> MarkForm {
        if mark == key.to_uppercase() {
            MarkForm::Upper
        } else if mark == key {
            MarkForm::Key
        } else if mark == title_case(key) {
            MarkForm::Title
        } else {
            MarkForm::Literal
        }
    }

    /// The mark text this form makes of `key` (`None` for literal).
    pub fn apply(self, key: &str) -> Option<String> {
        match self {
            MarkForm::Upper => Some(key.to_uppercase()),
            MarkForm::Key => Some(key.to_string()),
            MarkForm::Title => Some(title_case(key)),
            MarkForm::Literal | MarkForm::Spelled => None,
        }
    }
}

/// How each word of the key is cased in the mark.
const CASE_LOWER: u64 = 0;
const CASE_UPPER: u64 = 1;
const CASE_TITLE: u64 = 2;
const CASE_MASK: u64 = 3;

/// The spelling of `mark` relative to its `key`: per word a 2-bit case code (lower,
/// upper, title, or a bit mask of upper-case letters), then which of the gaps (before
/// the first word, between words, after the last) differ from the usual `""`, `" "`,
/// `""`, and their text. `None` when the mark's words are not the key's words letter for
/// letter (compatibility characters, letters whose case changes their length) or it
/// has too many words to code this way.
pub fn spell(mark: &str, key: &str) -> Option<Vec<u8>> {
    let words: Vec<&str> = key.split(' ').collect();
    if words.len() > 32 {
        return None;
    }
    // Split the mark into gaps and words the way mark_key does.
    let mut gaps: Vec<&str> = Vec::with_capacity(words.len() + 1);
    let mut marks: Vec<&str> = Vec::with_capacity(words.len());
    let mut rest = mark;
    loop {
        let start = rest.find(char::is_alphanumeric).unwrap_or(rest.len());
        gaps.push(&rest[..start]);
        rest = &rest[start..];
        if rest.is_empty() {
            break;
        }
        let end = rest
            .find(|c: char| !c.is_alphanumeric())
            .unwrap_or(rest.len());
        marks.push(&rest[..end]);
        rest = &rest[end..];
    }
    if marks.len() != words.len() {
        return None;
    }
    let mut cases = 0u64;
    let mut masks = Vec::new();
    for (i, (m, w)) in marks.iter().zip(&words).enumerate() {
        let code = if m == w {
            CASE_LOWER
        } else if *m == w.to_uppercase() {
            CASE_UPPER
        } else if *m == title_case(w) {
            CASE_TITLE
        } else {
            let mut mask = 0u64;
            for (j, (mc, wc)) in m.chars().zip(w.chars()).enumerate() {
                if mc != wc {
                    if j >= 64 {
                        return None;
                    }
                    mask |= 1 << j;
                }
            }
            if apply_mask(w, mask)? != *m {
                return None;
            }
            masks.push(mask);
            CASE_MASK
        };
        cases |= code << (2 * i);
    }
    let mut out = Vec::new();
    put_varint(&mut out, cases);
    for m in masks {
        put_varint(&mut out, m);
    }
    let mut gap_mask = 0u64;
    let mut gap_text = Vec::new();
    for (i, g) in gaps.iter().enumerate() {
        let usual = if i == 0 || i == gaps.len() - 1 {
            ""
        } else {
            " "
        };
        if *g != usual {
            gap_mask |= 1 << i;
            put_str(&mut gap_text, g);
        }
    }
    put_varint(&mut out, gap_mask);
    out.extend_from_slice(&gap_text);
    Some(out)
}

/// Upper-cases the letters of `word` whose bit is set; `None` if a letter's upper case
/// is not a single letter.
fn apply_mask(word: &str, mask: u64) -> Option<String> {
    word.chars()
        .enumerate()
        .map(|(j, c)| {
            if j < 64 && mask & (1 << j) != 0 {
                let mut up = c.to_uppercase();
                match (up.next(), up.next()) {
                    (Some(u), None) => Some(u),
                    _ => None,
                }
            } else {
                Some(c)
            }
        })
        .collect()
}

/// The mark spelled by [`spell`]'s bytes at `*pos` from `key`.
fn unspell(key: &str, bytes: &[u8], pos: &mut usize) -> Option<String> {
    let words: Vec<&str> = key.split(' ').collect();
    if words.len() > 32 {
        return None;
    }
    let cases = get_varint(bytes, pos)?;
    let mut spelled = Vec::with_capacity(words.len());
    for (i, w) in words.iter().enumerate() {
        spelled.push(match (cases >> (2 * i)) & 3 {
            CASE_LOWER => w.to_string(),
            CASE_UPPER => w.to_uppercase(),
            CASE_TITLE => title_case(w),
            _ => apply_mask(w, get_varint(bytes, pos)?)?,
        });
    }
    let gap_mask = get_varint(bytes, pos)?;
    let mut out = String::new();
    for i in 0..=words.len() {
        if gap_mask & (1 << i) != 0 {
            out.push_str(get_str(bytes, pos)?);
        } else if i > 0 && i < words.len() {
            out.push(' ');
        }
        if let Some(w) = spelled.get(i) {
            out.push_str(w);
        }
    }
    Some(out)
}

fn title_case(key: &str) -> String {
    let mut out = String::with_capacity(key.len());
    let mut start = true;
    for c in key.chars() {
        if start {
            out.extend(c.to_uppercase());
        } else {
            out.push(c);
        }
        start = c == ' ';
    }
    out
}

/// How a number (serial, application, registration) is stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberForm {
    /// Empty (serial) or absent (registration).
    None = 0,
    /// Decimal digits without leading zeros.
    Natural = 1,
    /// Decimal digits zero-padded to the register's usual width.
    Padded = 2,
    /// Spelled out in the heap.
    Literal = 3,
}

/// Splits a number into its form and value, given the register's usual width.
pub fn number_form(number: &str, width: u8) -> (NumberForm, u64) {
    let digits =
        !number.is_empty() && number.len() <= 19 && number.bytes().all(|b| b.is_ascii_digit());
    if !digits {
        return (NumberForm::Literal, 0);
    }
    let v: u64 = number.parse().unwrap_or(0);
    if v.to_string() == number {
        (NumberForm::Natural, v)
    } else if number.len() == usize::from(width) {
        (NumberForm::Padded, v)
    } else {
        (NumberForm::Literal, 0)
    }
}

fn number_text(form: u64, value: u64, width: u8) -> Option<String> {
    match form {
        1 => Some(value.to_string()),
        2 => Some(format!("{value:0width$}", width = usize::from(width))),
        _ => None,
    }
}

/// Days since 1800-01-01 of a valid `yyyymmdd` date in 1800..=2199.
pub fn date_to_days(date: Date) -> Option<u32> {
    let (y, m, d) = (date / 10000, date / 100 % 100, date % 100);
    if !(1800..=2199).contains(&y) || !(1..=12).contains(&m) || d == 0 || d > days_in_month(y, m) {
        return None;
    }
    Some(civil_to_days(y, m, d) - civil_to_days(1800, 1, 1))
}

/// `yyyymmdd` of a day count from [`date_to_days`] (callers bound counts read from a
/// file first: past about 400 × 366 days the arithmetic overflows).
pub fn days_to_date(days: u32) -> Date {
    // H. Hinnant's civil_from_days, on days counted from 0000-03-01.
    let z = days + civil_to_days(1800, 1, 1);
    let era = z / 146097;
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + u32::from(m <= 2);
    y * 10000 + m * 100 + d
}

/// Days from 0000-03-01 (H. Hinnant's days_from_civil without the Unix shift).
fn civil_to_days(y: u32, m: u32, d: u32) -> u32 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y / 400;
    let yoe = y - era * 400;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe
}

fn days_in_month(y: u32, m: u32) -> u32 {
    match m {
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn zigzag(v: i64) -> u64 {
    ((v << 1) ^ (v >> 63)) as u64
}

fn unzigzag(v: u64) -> i64 {
    ((v >> 1) as i64) ^ -((v & 1) as i64)
}

/// Bits in the heap entry's presence mask.
mod heap_bit {
    pub const MARK: u64 = 1;
    pub const NUMBER: u64 = 2;
    pub const REG: u64 = 4;
    pub const DISCLAIMERS: u64 = 8;
    pub const PSEUDO: u64 = 16;
    pub const TRANSLATIONS: u64 = 32;
    pub const FILED: u64 = 64;
    pub const REGISTERED: u64 = 128;
    pub const SPELLING: u64 = 256;
    pub const ENFORCEMENT: u64 = 512;
}

/// One record reduced to a row plus its heap entry, ready to be packed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// Column values.
    pub cols: [u64; COLUMNS],
    /// Heap entry (empty when nothing spills).
    pub heap: Vec<u8>,
}

/// What the encoder needs besides the record: ids it has assigned.
pub struct RowContext {
    /// The record's owner id + 1, or 0.
    pub owner: u64,
    /// The record's class-set id.
    pub classes: u64,
    /// The usual number width of the record's register.
    pub width: u8,
    /// Whether the key can be recovered from the index (else the mark must be literal).
    pub key_recoverable: bool,
    /// The mark's form as already worked out by the caller ([`MarkForm::of`]).
    pub form: MarkForm,
}

fn put_list(out: &mut Vec<u8>, list: &[String]) {
    put_varint(out, list.len() as u64);
    for s in list {
        put_str(out, s);
    }
}

fn get_string(bytes: &[u8], pos: &mut usize) -> Option<String> {
    get_str(bytes, pos).map(str::to_string)
}

fn get_list(bytes: &[u8], pos: &mut usize) -> Option<Vec<String>> {
    let n = get_varint(bytes, pos)?;
    // Each string takes at least one byte: refuse counts the bytes cannot hold.
    if n > bytes.len() as u64 {
        return None;
    }
    (0..n).map(|_| get_string(bytes, pos)).collect()
}

/// Reduces a record to a row. `key` is its mark key.
pub fn encode_row(r: &Record, key: &str, ctx: &RowContext) -> Row {
    let mut cols = [0u64; COLUMNS];
    let mut mask = 0u64;
    let mut heap = Vec::new();
    cols[col::REGISTER] = register_code(r.register);
    cols[col::STATUS] = match r.status {
        Status::Registered => 0,
        Status::Pending => 1,
        Status::Dead => 2,
    };
    cols[col::DRAWING] = match r.drawing {
        Drawing::Word => 0,
        Drawing::StylisedWords => 1,
        Drawing::DesignOnly => 2,
        Drawing::Other => 3,
    };
    cols[col::FAMOUS] = u64::from(r.famous);
    let mut form = if ctx.key_recoverable {
        ctx.form
    } else {
        MarkForm::Literal
    };
    let mut spelling = None;
    if form == MarkForm::Literal && ctx.key_recoverable {
        spelling = spell(&r.mark, key);
        if spelling.is_some() {
            form = MarkForm::Spelled;
            mask |= heap_bit::SPELLING;
        }
    }
    cols[col::MARK_FORM] = form as u64;
    let mut strings: Vec<&str> = Vec::new();
    if form == MarkForm::Literal {
        mask |= heap_bit::MARK;
        strings.push(&r.mark);
    }
    let (nf, nv) = if r.number.is_empty() {
        (NumberForm::None, 0)
    } else {
        number_form(&r.number, ctx.width)
    };
    cols[col::NUMBER_FORM] = nf as u64;
    cols[col::NUMBER] = nv;
    if nf == NumberForm::Literal {
        mask |= heap_bit::NUMBER;
        strings.push(&r.number);
    }
    let (rf, rv) = match &r.registration {
        None => (NumberForm::None, 0),
        Some(s) => number_form(s, ctx.width),
    };
    cols[col::REG_FORM] = rf as u64;
    cols[col::REG] = rv;
    if rf == NumberForm::Literal {
        mask |= heap_bit::REG;
        strings.push(r.registration.as_deref().unwrap_or(""));
    }
    cols[col::OWNER] = ctx.owner;
    if let Some(e) = &r.enforcement {
        use enforcement_bits::*;
        cols[col::ENFORCEMENT] = CURATED
            | if e.sues_sellers() { SUES } else { 0 }
            | if e.schedule_a { SCHEDULE_A } else { 0 }
            | if e.vero { VERO } else { 0 };
        if e.franchise.is_some() || !e.cases.is_empty() || !e.member_names.is_empty() {
            mask |= heap_bit::ENFORCEMENT;
        }
    }
    cols[col::CLASSES] = ctx.classes;
    let filed_days = date_to_days(r.filed);
    cols[col::FILED] = match (r.filed, filed_days) {
        (0, _) => 0,
        (_, Some(d)) => u64::from(d) + 2,
        (_, None) => {
            mask |= heap_bit::FILED;
            1
        }
    };
    cols[col::REGISTERED] = match (r.registered, date_to_days(r.registered)) {
        (0, _) => 0,
        (_, Some(d)) => zigzag(i64::from(d) - i64::from(filed_days.unwrap_or(0))) + 2,
        (_, None) => {
            mask |= heap_bit::REGISTERED;
            1
        }
    };
    for (bit, list) in [
        (heap_bit::DISCLAIMERS, &r.disclaimers),
        (heap_bit::PSEUDO, &r.pseudo_marks),
        (heap_bit::TRANSLATIONS, &r.translations),
    ] {
        if !list.is_empty() {
            mask |= bit;
        }
    }
    if mask != 0 {
        put_varint(&mut heap, mask);
        for s in strings {
            put_str(&mut heap, s);
        }
        if let Some(sp) = spelling {
            heap.extend_from_slice(&sp);
        }
        for (bit, list) in [
            (heap_bit::DISCLAIMERS, &r.disclaimers),
            (heap_bit::PSEUDO, &r.pseudo_marks),
            (heap_bit::TRANSLATIONS, &r.translations),
        ] {
            if mask & bit != 0 {
                put_list(&mut heap, list);
            }
        }
        if mask & heap_bit::FILED != 0 {
            put_varint(&mut heap, u64::from(r.filed));
        }
        if mask & heap_bit::REGISTERED != 0 {
            put_varint(&mut heap, u64::from(r.registered));
        }
        if let Some(e) = r
            .enforcement
            .as_ref()
            .filter(|_| mask & heap_bit::ENFORCEMENT != 0)
        {
            put_str(&mut heap, e.franchise.as_deref().unwrap_or(""));
            put_list(&mut heap, &e.cases);
            put_list(&mut heap, &e.member_names);
        }
    }
    Row { cols, heap }
}

/// The register's code in the REGISTER column.
pub fn register_code(r: Register) -> u64 {
    match r {
        Register::US => 0,
        Register::EU => 1,
        Register::Famous => 2,
        Register::Watch => 3,
    }
}

/// The register of a REGISTER column code.
pub fn register_of(code: u64) -> Option<Register> {
    Some(match code {
        0 => Register::US,
        1 => Register::EU,
        2 => Register::Famous,
        3 => Register::Watch,
        _ => return None,
    })
}

fn bits_for(v: u64) -> u8 {
    (64 - v.leading_zeros()) as u8
}

/// Packs up to [`BLOCK`] rows into one block.
pub fn encode_block(rows: &[Row], out: &mut Vec<u8>) {
    let mut heap = Vec::new();
    let mut cols: Vec<[u64; COLUMNS]> = Vec::with_capacity(rows.len());
    for row in rows {
        let mut c = row.cols;
        if !row.heap.is_empty() {
            c[col::HEAP] = 1;
            put_varint(&mut heap, row.heap.len() as u64);
            heap.extend_from_slice(&row.heap);
        }
        cols.push(c);
    }
    let mut widths = [0u8; COLUMNS];
    let mut mins = [0u64; COLUMNS];
    for c in 0..COLUMNS {
        let min = cols.iter().map(|r| r[c]).min().unwrap_or(0);
        let max = cols.iter().map(|r| r[c]).max().unwrap_or(0);
        mins[c] = min;
        widths[c] = bits_for(max - min);
        put_varint(out, min);
        out.push(widths[c]);
    }
    let mut bits = BitWriter::default();
    for c in 0..COLUMNS {
        for r in &cols {
            bits.put(r[c] - mins[c], widths[c]);
        }
    }
    out.extend_from_slice(&bits.finish());
    out.extend_from_slice(&heap);
}

#[derive(Default)]
struct BitWriter {
    out: Vec<u8>,
    acc: u128,
    n: u32,
}

impl BitWriter {
    fn put(&mut self, v: u64, width: u8) {
        if width == 0 {
            return;
        }
        self.acc |= u128::from(v) << self.n;
        self.n += u32::from(width);
        while self.n >= 8 {
            self.out.push(self.acc as u8);
            self.acc >>= 8;
            self.n -= 8;
        }
    }

    fn finish(mut self) -> Vec<u8> {
        if self.n > 0 {
            self.out.push(self.acc as u8);
        }
        self.out
    }
}

/// Reads `width` bits at bit offset `at` (LSB first); `None` past the end.
fn get_bits(bytes: &[u8], at: u64, width: u8) -> Option<u64> {
    if width == 0 {
        return Some(0);
    }
    if width > 64 {
        return None;
    }
    let first = usize::try_from(at / 8).ok()?;
    let shift = (at % 8) as u32;
    let need = (shift + u32::from(width)).div_ceil(8) as usize;
    let chunk = bytes.get(first..first.checked_add(need)?)?;
    let mut acc = 0u128;
    for (i, b) in chunk.iter().enumerate() {
        acc |= u128::from(*b) << (8 * i);
    }
    let v = (acc >> shift) as u64;
    Some(if width == 64 {
        v
    } else {
        v & ((1u64 << width) - 1)
    })
}

/// A row read back from a block: its columns and its heap entry.
pub struct RowView<'a> {
    /// Column values.
    pub cols: [u64; COLUMNS],
    heap: &'a [u8],
}

/// Unpacks row `index` of a block; `None` if the block is inconsistent.
pub fn read_row(block: &[u8], rows: usize, index: usize) -> Option<RowView<'_>> {
    let view = BlockView::parse(block, rows)?;
    let mut cols = [0u64; COLUMNS];
    for (c, value) in cols.iter_mut().enumerate() {
        *value = view.column(c, index)?;
    }
    let heap = if cols[col::HEAP] == 1 {
        view.heap_entry(index)?
    } else {
        &[]
    };
    Some(RowView { cols, heap })
}

/// A block's column layout, parsed once to read single columns of many of its rows
/// (what the detector asks of every record of a common word) without unpacking them.
pub struct BlockView<'a> {
    rows: usize,
    mins: [u64; COLUMNS],
    widths: [u8; COLUMNS],
    /// Bit offset of each column in `data`.
    starts: [u64; COLUMNS],
    data: &'a [u8],
    heap: &'a [u8],
}

impl<'a> BlockView<'a> {
    /// The layout of a block of `rows` rows; `None` if its header is inconsistent.
    pub fn parse(block: &'a [u8], rows: usize) -> Option<BlockView<'a>> {
        let mut pos = 0;
        let mut mins = [0u64; COLUMNS];
        let mut widths = [0u8; COLUMNS];
        let mut starts = [0u64; COLUMNS];
        let mut at = 0u64;
        for c in 0..COLUMNS {
            mins[c] = get_varint(block, &mut pos)?;
            widths[c] = *block.get(pos)?;
            if widths[c] > 64 {
                return None;
            }
            pos += 1;
            starts[c] = at;
            at += u64::from(widths[c]) * rows as u64;
        }
        let data = block.get(pos..)?;
        let heap = data.get(usize::try_from(at.div_ceil(8)).ok()?..)?;
        Some(BlockView {
            rows,
            mins,
            widths,
            starts,
            data,
            heap,
        })
    }

    /// Column `c` of row `row`; `None` past the block's rows or if the block is damaged.
    pub fn column(&self, c: usize, row: usize) -> Option<u64> {
        if row >= self.rows || c >= COLUMNS {
            return None;
        }
        let w = self.widths[c];
        let bits = get_bits(self.data, self.starts[c] + row as u64 * u64::from(w), w)?;
        self.mins[c].checked_add(bits)
    }

    /// The heap entry of `row` (which must have one): the entries of the rows before
    /// it are skipped.
    pub fn heap_entry(&self, row: usize) -> Option<&'a [u8]> {
        let mut p = 0;
        for before in 0..row {
            if self.column(col::HEAP, before)? == 1 {
                let len = usize::try_from(get_varint(self.heap, &mut p)?).ok()?;
                p = p.checked_add(len)?;
            }
        }
        let len = usize::try_from(get_varint(self.heap, &mut p)?).ok()?;
        self.heap.get(p..p.checked_add(len)?)
    }

    /// Every row's heap entry (empty for a row without one), in one pass over the heap:
    /// for reading many rows of the block.
    pub fn heap_entries(&self) -> Option<Vec<&'a [u8]>> {
        let mut p = 0;
        (0..self.rows)
            .map(|row| {
                if self.column(col::HEAP, row)? != 1 {
                    return Some(&[][..]);
                }
                let len = usize::try_from(get_varint(self.heap, &mut p)?).ok()?;
                let entry = self.heap.get(p..p.checked_add(len)?)?;
                p += len;
                Some(entry)
            })
            .collect()
    }
}

/// What a record protects, read from its row without decoding it: what the detector
/// asks of every record behind a common word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Standing {
    /// The register.
    pub register: Register,
    /// Live or dead.
    pub status: Status,
    /// Word mark or design.
    pub drawing: Drawing,
    /// On the famous-brand evidence.
    pub famous: bool,
    /// The class-set id (see `Snapshot::class_set`).
    pub class_set: u32,
    /// The record disclaims some words (read the record to see which).
    pub disclaims: bool,
    /// Carries enforcement evidence (a curated record, or a franchise package's name
    /// under a curated franchise).
    pub enforced: bool,
    /// Its owner has sued marketplace sellers (see [`Enforcement::sues_sellers`]).
    pub sues_sellers: bool,
}

/// The [`Standing`] of row `row` of a block whose heap entries are `heap` (see
/// [`BlockView::heap_entries`]); `None` if the row is inconsistent.
pub fn standing_of(view: &BlockView<'_>, heap: &[&[u8]], row: usize) -> Option<Standing> {
    let column = |c: usize| view.column(c, row);
    let enforcement = column(col::ENFORCEMENT)?;
    if enforcement > 15 {
        return None;
    }
    let disclaims = match column(col::HEAP)? {
        0 => false,
        1 => {
            let mut pos = 0;
            get_varint(heap.get(row)?, &mut pos)? & heap_bit::DISCLAIMERS != 0
        }
        _ => return None,
    };
    Some(Standing {
        register: register_of(column(col::REGISTER)?)?,
        status: status_of(column(col::STATUS)?)?,
        drawing: drawing_of(column(col::DRAWING)?)?,
        famous: famous_of(column(col::FAMOUS)?)?,
        class_set: u32::try_from(column(col::CLASSES)?).ok()?,
        disclaims,
        enforced: enforcement & enforcement_bits::CURATED != 0,
        sues_sellers: enforcement & enforcement_bits::SUES != 0,
    })
}

fn status_of(v: u64) -> Option<Status> {
    match v {
        0 => Some(Status::Registered),
        1 => Some(Status::Pending),
        2 => Some(Status::Dead),
        _ => None,
    }
}

fn drawing_of(v: u64) -> Option<Drawing> {
    match v {
        0 => Some(Drawing::Word),
        1 => Some(Drawing::StylisedWords),
        2 => Some(Drawing::DesignOnly),
        3 => Some(Drawing::Other),
        _ => None,
    }
}

fn famous_of(v: u64) -> Option<bool> {
    match v {
        0 => Some(false),
        1 => Some(true),
        _ => None,
    }
}

/// What a row needs from the rest of the snapshot to become a record.
pub struct RowLookup<'a> {
    /// The record's mark key (from the index); `None` if it cannot be recovered.
    pub key: Option<&'a str>,
    /// The owner name for an owner id + 1.
    pub owner: &'a dyn Fn(u64) -> Option<String>,
    /// The classes of a class-set id.
    pub classes: &'a dyn Fn(u64) -> Option<Vec<u8>>,
    /// The usual number width of each register.
    pub widths: [u8; 4],
}

/// Rebuilds the record of a row; `None` if the row is inconsistent.
pub fn decode_row(row: &RowView<'_>, lookup: &RowLookup<'_>) -> Option<Record> {
    let c = &row.cols;
    let register = register_of(c[col::REGISTER])?;
    let width = lookup.widths[c[col::REGISTER] as usize];
    let status = status_of(c[col::STATUS])?;
    let drawing = drawing_of(c[col::DRAWING])?;
    let famous = famous_of(c[col::FAMOUS])?;
    let mut heap_pos = match c[col::HEAP] {
        0 => None,
        1 => Some(0),
        _ => return None,
    };
    let mask = match heap_pos.as_mut() {
        Some(pos) => get_varint(row.heap, pos)?,
        None => 0,
    };
    let mut take_str = |bit: u64| -> Option<Option<String>> {
        if mask & bit == 0 {
            return Some(None);
        }
        get_string(row.heap, heap_pos.as_mut()?).map(Some)
    };
    let mark = match c[col::MARK_FORM] {
        3 => take_str(heap_bit::MARK)??,
        5.. => return None,
        f @ 0..=2 => {
            let form = [MarkForm::Upper, MarkForm::Key, MarkForm::Title][f as usize];
            form.apply(lookup.key?)?
        }
        _ => String::new(), // spelled: read below, after the literal numbers
    };
    let number = match c[col::NUMBER_FORM] {
        0 => String::new(),
        3 => take_str(heap_bit::NUMBER)??,
        f => number_text(f, c[col::NUMBER], width)?,
    };
    let registration = match c[col::REG_FORM] {
        0 => None,
        3 => Some(take_str(heap_bit::REG)??),
        f => Some(number_text(f, c[col::REG], width)?),
    };
    let mark = match c[col::MARK_FORM] {
        4 if mask & heap_bit::SPELLING != 0 => unspell(lookup.key?, row.heap, heap_pos.as_mut()?)?,
        4 => return None,
        _ => mark,
    };
    let mut lists = [Vec::new(), Vec::new(), Vec::new()];
    for (i, bit) in [
        heap_bit::DISCLAIMERS,
        heap_bit::PSEUDO,
        heap_bit::TRANSLATIONS,
    ]
    .into_iter()
    .enumerate()
    {
        if mask & bit != 0 {
            lists[i] = get_list(row.heap, heap_pos.as_mut()?)?;
        }
    }
    let [disclaimers, pseudo_marks, translations] = lists;
    let filed_days = c[col::FILED]
        .checked_sub(2)
        .map(|d| u32::try_from(d).ok())
        .unwrap_or(Some(0))?;
    if filed_days >= 400 * 366 {
        return None;
    }
    let filed = match c[col::FILED] {
        0 => 0,
        1 => u32::try_from(get_varint(row.heap, heap_pos.as_mut()?)?).ok()?,
        _ => days_to_date(filed_days),
    };
    let registered = match c[col::REGISTERED] {
        0 => 0,
        1 => u32::try_from(get_varint(row.heap, heap_pos.as_mut()?)?).ok()?,
        z => {
            let days = i64::from(filed_days) + unzigzag(z - 2);
            days_to_date(u32::try_from(days).ok().filter(|d| *d < 400 * 366)?)
        }
    };
    let bits = c[col::ENFORCEMENT];
    let enforcement = match bits {
        0 if mask & heap_bit::ENFORCEMENT != 0 => return None,
        0 => None,
        16.. => return None,
        _ => {
            let (franchise, cases, member_names) = if mask & heap_bit::ENFORCEMENT != 0 {
                let pos = heap_pos.as_mut()?;
                (
                    get_string(row.heap, pos)?,
                    get_list(row.heap, pos)?,
                    get_list(row.heap, pos)?,
                )
            } else {
                (String::new(), Vec::new(), Vec::new())
            };
            Some(Enforcement {
                schedule_a: bits & enforcement_bits::SCHEDULE_A != 0,
                vero: bits & enforcement_bits::VERO != 0,
                cases,
                franchise: (!franchise.is_empty()).then_some(franchise),
                member_names,
            })
        }
    };
    Some(Record {
        register,
        number,
        registration,
        mark,
        owner: (lookup.owner)(c[col::OWNER])?,
        classes: (lookup.classes)(c[col::CLASSES])?,
        status,
        filed,
        registered,
        drawing,
        disclaimers,
        pseudo_marks,
        translations,
        famous,
        enforcement,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_round_trip_through_days() {
        for date in [
            18000101, 18000228, 18000301, 19000228, 19000301, 19960401, 20000229, 20241231,
            21991231,
        ] {
            let days = date_to_days(date).unwrap_or_else(|| panic!("{date}"));
            assert_eq!(days_to_date(days), date);
        }
        assert_eq!(date_to_days(18000101), Some(0));
        assert_eq!(date_to_days(18000102), Some(1));
        assert_eq!(date_to_days(20230229), None);
        assert_eq!(date_to_days(20241301), None);
        assert_eq!(date_to_days(17991231), None);
    }

    #[test]
    fn a_filing_date_past_the_day_range_is_refused_before_it_is_converted() {
        // Column FILED holds days + 2; a damaged block can hold any u64 there.
        let mut cols = [0u64; COLUMNS];
        cols[col::REGISTER] = register_code(Register::US);
        cols[col::STATUS] = 0;
        cols[col::FILED] = u64::from(u32::MAX);
        let row = RowView { cols, heap: &[] };
        let lookup = RowLookup {
            key: Some("zorblax"),
            owner: &|_| Some(String::new()),
            classes: &|_| Some(Vec::new()),
            widths: [8; 4],
        };
        assert!(decode_row(&row, &lookup).is_none());
    }

    #[test]
    fn every_day_of_two_centuries_round_trips() {
        let mut prev = None;
        for days in 0..(400 * 365) {
            let date = days_to_date(days);
            if date / 10000 > 2199 {
                break;
            }
            assert_eq!(date_to_days(date), Some(days), "{date}");
            assert!(prev < Some(date));
            prev = Some(date);
        }
    }

    #[test]
    fn mark_forms_reproduce_the_mark() {
        assert_eq!(MarkForm::of("LEGO", "lego"), MarkForm::Upper);
        assert_eq!(MarkForm::of("iphone", "iphone"), MarkForm::Key);
        assert_eq!(MarkForm::of("Hot Wheels", "hot wheels"), MarkForm::Title);
        assert_eq!(
            MarkForm::of("Uncle Ben's", "uncle ben s"),
            MarkForm::Literal
        );
        assert_eq!(
            MarkForm::Title.apply("hot wheels").as_deref(),
            Some("Hot Wheels")
        );
    }

    #[test]
    fn numbers_keep_their_leading_zeros() {
        assert_eq!(number_form("000001123", 9), (NumberForm::Padded, 1123));
        assert_eq!(number_form("90123456", 8), (NumberForm::Natural, 90123456));
        assert_eq!(number_form("0012", 9).0, NumberForm::Literal);
        assert_eq!(number_form("DD647392", 9).0, NumberForm::Literal);
        assert_eq!(number_text(2, 1123, 9).as_deref(), Some("000001123"));
    }

    #[test]
    fn bits_round_trip() {
        let mut w = BitWriter::default();
        let vals = [(5u64, 3u8), (0, 0), (u64::MAX, 64), (1, 1), (300, 9)];
        for (v, b) in vals {
            w.put(v, b);
        }
        let bytes = w.finish();
        let mut at = 0;
        for (v, b) in vals {
            assert_eq!(get_bits(&bytes, at, b), Some(v));
            at += u64::from(b);
        }
        assert_eq!(get_bits(&bytes, at + 8, 8), None);
    }

    /// A mark whose words are the key's with their case and punctuation changed is
    /// spelled as per-word case codes, then a mask of the unusual gaps and their text.
    #[test]
    fn a_spelling_codes_each_words_case_and_the_unusual_gaps() {
        // "Uncle" and "Ben" title case (2, 2 << 2), "s" lower case: 10; the third gap is
        // "'" instead of " ": gap mask 1 << 2, then the string "'" (length 1).
        assert_eq!(
            spell("Uncle Ben's", "uncle ben s"),
            Some(vec![10, 4, 1, b'\''])
        );
        // "eBay": case code 3 (a mask) for the only word, the mask 0b10, no odd gaps.
        assert_eq!(spell("eBay", "ebay"), Some(vec![3, 0b10, 0]));
        assert_eq!(
            unspell("ebay", &[3, 0b10, 0], &mut 0).as_deref(),
            Some("eBay")
        );
        // Different words are no spelling of the key.
        assert_eq!(spell("Uncle Bob", "uncle ben"), None);
    }

    /// A case mask upper-cases exactly the letters whose bit is set, and refuses a letter
    /// whose upper case is more than one letter.
    #[test]
    fn a_case_mask_upper_cases_only_its_letters() {
        assert_eq!(apply_mask("ebay", 0b10).as_deref(), Some("eBay"));
        assert_eq!(apply_mask("iphone", 0).as_deref(), Some("iphone"));
        assert_eq!(apply_mask("xline", 0b1001).as_deref(), Some("XliNe"));
        // "ß" upper-cases to "SS".
        assert_eq!(apply_mask("straße", 1 << 4), None);
        assert_eq!(apply_mask("straße", 1).as_deref(), Some("Straße"));
    }

    /// A block view has no row past the block's last: asking for one gives `None`, not
    /// the bits of the next column.
    #[test]
    fn a_block_view_has_no_row_past_its_last() {
        let row = |register: u64, status: u64| Row {
            cols: {
                let mut cols = [0u64; COLUMNS];
                cols[col::REGISTER] = register;
                cols[col::STATUS] = status;
                cols
            },
            heap: Vec::new(),
        };
        let mut block = Vec::new();
        encode_block(&[row(0, 0), row(1, 2)], &mut block);
        let view = BlockView::parse(&block, 2).unwrap();
        assert_eq!(view.column(col::REGISTER, 0), Some(0));
        assert_eq!(view.column(col::REGISTER, 1), Some(1));
        assert_eq!(view.column(col::STATUS, 1), Some(2));
        assert_eq!(view.column(col::REGISTER, 2), None);
        assert_eq!(view.column(col::STATUS, 2), None);
        assert_eq!(view.column(COLUMNS, 0), None);
    }

    /// A curated record with every enforcement bit set (Schedule A, hence sues sellers,
    /// and VeRO: column value 15) keeps its standing: enforced and suing sellers.
    #[test]
    fn a_record_with_every_enforcement_bit_has_a_standing() {
        let mut barbie = Record::new(Register::Famous, "Barbie", "Mattel");
        barbie.famous = true;
        barbie.enforcement = Some(Enforcement {
            schedule_a: true,
            vero: true,
            ..Enforcement::default()
        });
        let ctx = RowContext {
            owner: 0,
            classes: 0,
            width: 8,
            key_recoverable: true,
            form: MarkForm::Title,
        };
        let row = encode_row(&barbie, "barbie", &ctx);
        assert_eq!(row.cols[col::ENFORCEMENT], 1 | 2 | 4 | 8);
        let mut block = Vec::new();
        encode_block(&[row], &mut block);
        let view = BlockView::parse(&block, 1).unwrap();
        let heap = view.heap_entries().unwrap();
        assert_eq!(
            standing_of(&view, &heap, 0),
            Some(Standing {
                register: Register::Famous,
                status: Status::Registered,
                drawing: Drawing::Word,
                famous: true,
                class_set: 0,
                disclaims: false,
                enforced: true,
                sues_sellers: true,
            })
        );
    }

    /// A column may be 64 bits wide (values spanning the whole u64) and no wider: a
    /// block whose layout says 65 is damaged and refused.
    #[test]
    fn a_column_is_at_most_64_bits_wide() {
        let row = |v: u64| Row {
            cols: {
                let mut cols = [0u64; COLUMNS];
                cols[col::OWNER] = v;
                cols
            },
            heap: Vec::new(),
        };
        let mut block = Vec::new();
        encode_block(&[row(0), row(u64::MAX)], &mut block);
        let view = BlockView::parse(&block, 2).unwrap();
        assert_eq!(view.column(col::OWNER, 1), Some(u64::MAX));
        // Every column's minimum is 0 (one varint byte), so column c's width byte is
        // at 2c + 1.
        let width_at = 2 * col::OWNER + 1;
        assert_eq!(block[width_at], 64);
        block[width_at] = 65;
        assert!(BlockView::parse(&block, 2).is_none());
    }

    /// A mark form past the spelled one (4) is damage: the row decodes to nothing, even
    /// where its heap holds a spelling that form 4 would read.
    #[test]
    fn a_mark_form_past_the_last_is_refused() {
        let r = Record::new(Register::US, "ZorbLAX toys", "Owner");
        let ctx = RowContext {
            owner: 0,
            classes: 0,
            width: 8,
            key_recoverable: true,
            form: MarkForm::of(&r.mark, "zorblax toys"),
        };
        let row = encode_row(&r, "zorblax toys", &ctx);
        assert_eq!(row.cols[col::MARK_FORM], MarkForm::Spelled as u64);
        let lookup = RowLookup {
            key: Some("zorblax toys"),
            owner: &|_| Some(String::new()),
            classes: &|_| Some(Vec::new()),
            widths: [8; 4],
        };
        let view = |form: u64| {
            let mut cols = row.cols;
            // What encode_block says of a row with a heap entry.
            cols[col::HEAP] = u64::from(!row.heap.is_empty());
            cols[col::MARK_FORM] = form;
            decode_row(
                &RowView {
                    cols,
                    heap: &row.heap,
                },
                &lookup,
            )
        };
        assert_eq!(view(4).map(|d| d.mark), Some("ZorbLAX toys".to_owned()));
        assert_eq!(view(5), None);
        assert_eq!(view(u64::MAX), None);
    }

    /// A row whose heap holds enforcement evidence while its ENFORCEMENT column says it
    /// is not curated is inconsistent and decodes to nothing.
    #[test]
    fn enforcement_in_the_heap_without_the_column_is_refused() {
        let mut heap = Vec::new();
        put_varint(&mut heap, heap_bit::ENFORCEMENT);
        put_str(&mut heap, "Mattel");
        put_list(&mut heap, &[]);
        put_list(&mut heap, &[]);
        let mut cols = [0u64; COLUMNS];
        cols[col::MARK_FORM] = MarkForm::Key as u64;
        cols[col::HEAP] = 1;
        let lookup = RowLookup {
            key: Some("zorblax"),
            owner: &|_| Some(String::new()),
            classes: &|_| Some(Vec::new()),
            widths: [8; 4],
        };
        // The same row marked curated decodes, with the franchise from the heap.
        cols[col::ENFORCEMENT] = enforcement_bits::CURATED;
        let curated = decode_row(&RowView { cols, heap: &heap }, &lookup).unwrap();
        assert_eq!(curated.mark, "zorblax");
        assert_eq!(
            curated.enforcement,
            Some(Enforcement {
                franchise: Some("Mattel".into()),
                ..Enforcement::default()
            })
        );
        cols[col::ENFORCEMENT] = 0;
        assert_eq!(decode_row(&RowView { cols, heap: &heap }, &lookup), None);
    }
}
