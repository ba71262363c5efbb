//! ## What it does
//! Turns the Kangxi radicals (U+2F00–U+2FD5) and CJK radicals supplement characters
//! (U+2E80–U+2EFF) that PDF text layers use in place of ordinary characters (`⼀` for `一`, `⻓` for
//! `长`) into the unified ideographs, the supplement ones in the form of the document's script.
//!
//! ## Why
//! The radicals look like the ideographs but are different characters: search, segmentation and
//! counting miss them.
//!
//! ## Example
//! ```text
//! ⼀带⼀路           → 一带一路
//! ```
//!
//! ## Fix safety
//! Safe: Kangxi radicals map through their Unicode compatibility decomposition; radicals without a
//! standalone character (`⺌`) stay.

use unicode_normalization::UnicodeNormalization;
use zhclean_core::{Change, TextRange};

/// Rule name.
pub const NAME: &str = zhclean_core::registry::KANGXI_RADICAL.name;

/// Supplement radicals that stand for a whole character: (radical, simplified, traditional).
const SUPPLEMENT: &[(char, char, char)] = &[
    ('⺟', '母', '母'),
    ('⺠', '民', '民'),
    ('⻄', '西', '西'),
    ('⻅', '见', '見'),
    ('⻆', '角', '角'),
    ('⻉', '贝', '貝'),
    ('⻋', '车', '車'),
    ('⻐', '钅', '金'),
    ('⻑', '長', '長'),
    ('⻓', '长', '長'),
    ('⻔', '门', '門'),
    ('⻘', '青', '青'),
    ('⻛', '风', '風'),
    ('⻝', '食', '食'),
    ('⻠', '饣', '食'),
    ('⻢', '马', '馬'),
    ('⻥', '鱼', '魚'),
    ('⻦', '鸟', '鳥'),
    ('⻨', '麦', '麥'),
    ('⻩', '黄', '黃'),
    ('⻬', '齐', '齊'),
    ('⻮', '齿', '齒'),
    ('⻰', '龙', '龍'),
    ('⻳', '龟', '龜'),
];
/// A Kangxi radical or a radical of the CJK Radicals Supplement.
pub(crate) fn is_trigger(c: char) -> bool {
    ideograph(c, false).is_some() || ideograph(c, true).is_some()
}

/// The unified ideograph a radical stands for.
fn ideograph(c: char, traditional: bool) -> Option<char> {
    match c {
        '\u{2F00}'..='\u{2FD5}' => c.to_string().nfkc().next().filter(|&d| d != c),
        '\u{2E80}'..='\u{2EFF}' => {
            SUPPLEMENT.iter().find(|(r, ..)| *r == c).map(|&(_, s, t)| if traditional { t } else { s })
        }
        _ => None,
    }
}

/// True when `text` holds a character of the CJK Radicals Supplement (U+2E80–U+2EFF), whose
/// ideographs depend on the document's script: found by its first two bytes, `E2 BA` or
/// `E2 BB`, which Chinese characters never start with.
pub fn has_supplement_radical(text: &str) -> bool {
    let bytes = text.as_bytes();
    memchr::memchr_iter(0xE2, bytes).any(|i| matches!(bytes.get(i + 1), Some(0xBA | 0xBB)))
}

/// Proposes the unified ideograph for every radical that stands for one.
pub fn changes(text: &str, traditional: bool) -> Vec<Change> {
    text.char_indices()
        .filter_map(|(i, c)| {
            let target = ideograph(c, traditional)?;
            Some(Change::replace(NAME, TextRange::new(i, i + c.len_utf8()), target.to_string()))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn supplement_radicals_are_found_by_their_bytes() {
        for c in (0x2000..0x3100).filter_map(char::from_u32) {
            let text = format!("双方{c}合作");
            assert_eq!(has_supplement_radical(&text), ('\u{2E80}'..='\u{2EFF}').contains(&c), "U+{:04X}", c as u32);
        }
        assert!(!has_supplement_radical("") && has_supplement_radical("⻓"));
    }

    fn fixed(text: &str, traditional: bool) -> String {
        let mut doc = zhclean_core::Document::new(text);
        doc.apply(changes(text, traditional));
        doc.into_text()
    }

    #[test]
    fn radicals_become_ideographs() {
        assert_eq!(fixed("⼀带⼀路，⼈⺠", false), "一带一路，人民");
        assert_eq!(fixed("成⻓，⻔口", false), "成长，门口");
        assert_eq!(fixed("成⻓，⻔口", true), "成長，門口");
        assert_eq!(fixed("⾧城", false), "長城");
    }

    #[test]
    fn partial_radicals_and_ordinary_text_stay() {
        assert_eq!(fixed("⺌⺗，一带一路", false), "⺌⺗，一带一路");
    }

    #[test]
    fn every_kangxi_radical_has_a_target() {
        for code in 0x2F00..=0x2FD5 {
            let c = char::from_u32(code).unwrap();
            assert!(ideograph(c, false).is_some_and(zhclean_core::chars::is_han), "U+{code:04X}");
        }
    }
}
