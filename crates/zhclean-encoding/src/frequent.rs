//! Frequently used Han characters: the first level of GB2312 (3,755 characters, simplified) and
//! of Big5 (5,401 characters, traditional). Text read in the right encoding is made mostly of
//! these; text read in the wrong one is made of rare characters. The sets are taken from
//! `encoding_rs` itself, by decoding the byte ranges of those levels.

use encoding_rs::{BIG5, Encoding, GBK};
use std::sync::OnceLock;

const FIRST: u32 = 0x4E00;
const LAST: u32 = 0x9FFF;
const SIMPLIFIED: u8 = 1;
const TRADITIONAL: u8 = 2;

/// True when `c` is in the first level of GB2312.
pub(crate) fn is_frequent_simplified(c: char) -> bool {
    class(c) & SIMPLIFIED != 0
}

/// True when `c` is in the first level of Big5.
pub(crate) fn is_frequent_traditional(c: char) -> bool {
    class(c) & TRADITIONAL != 0
}

/// True when `c` is in the first level of GB2312 or of Big5.
pub(crate) fn is_frequent(c: char) -> bool {
    class(c) != 0
}

fn class(c: char) -> u8 {
    let code = u32::from(c);
    if !(FIRST..=LAST).contains(&code) {
        return 0;
    }
    table()[(code - FIRST) as usize]
}

fn table() -> &'static [u8] {
    static TABLE: OnceLock<Box<[u8]>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = vec![0u8; (LAST - FIRST + 1) as usize].into_boxed_slice();
        // GB2312 level 1: rows 16–55, bytes B0A1–D7FE.
        mark(&mut table, GBK, 0xB0..=0xD7, &[0xA1..=0xFE], SIMPLIFIED);
        // Big5 level 1: A440–C67E.
        mark(&mut table, BIG5, 0xA4..=0xC5, &[0x40..=0x7E, 0xA1..=0xFE], TRADITIONAL);
        mark(&mut table, BIG5, 0xC6..=0xC6, &[0x40..=0x7E], TRADITIONAL);
        table
    })
}

/// Decodes every two-byte code `lead, trail` in the ranges and marks the Han characters.
fn mark(
    table: &mut [u8],
    encoding: &'static Encoding,
    leads: std::ops::RangeInclusive<u8>,
    trails: &[std::ops::RangeInclusive<u8>],
    bit: u8,
) {
    let mut bytes = Vec::new();
    for lead in leads {
        for trail in trails.iter().flat_map(|range| range.clone()) {
            bytes.extend([lead, trail]);
        }
    }
    let (text, _) = encoding.decode_without_bom_handling(&bytes);
    for c in text.chars() {
        let code = u32::from(c);
        if (FIRST..=LAST).contains(&code) {
            table[(code - FIRST) as usize] |= bit;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels() {
        assert!(is_frequent_simplified('的') && is_frequent_simplified('国') && !is_frequent_simplified('國'));
        assert!(is_frequent_traditional('國') && is_frequent_traditional('的') && !is_frequent_traditional('国'));
        // Typical characters of GBK mojibake are rare in both.
        assert!(!"鍙屾柟鎸囧嚭".chars().any(is_frequent));
        assert!(!is_frequent('a') && !is_frequent('，'));
    }
}
