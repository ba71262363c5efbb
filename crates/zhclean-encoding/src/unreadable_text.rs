//! ## What it does
//! Reports decoded text that is not readable text in any script: most of its letters are
//! scattered over many unrelated scripts, as when a PDF font has no map from its glyphs to
//! Unicode and the extractor writes glyph numbers as characters (`ᇏ޿ದ૶ࡅݓ…`). zhclean leaves
//! such a document as it is.
//!
//! ## Why
//! The text of a document, in any language, concentrates in one script or two (Han with Latin,
//! kana or hangul); a font without a Unicode map spreads it over whatever scripts its glyph
//! numbers fall into. Cleaning would only dress up nonsense.
//!
//! ## Example
//! ```text
//! ᇏ޿ದ૶ࡅݓ ᇏ૶ದݓ޿ࡅ   ← glyph numbers, not text
//! ```
//!
//! ## Fix safety
//! No fix: extract the text again with a tool that reads the font's mapping, or run OCR.

use zhclean_core::chars::is_han;

pub use zhclean_core::registry::UNREADABLE_TEXT as RULE;

/// Characters (see [`is_counted`]) read at most, from the start of the text.
const SAMPLE: usize = 20_000;
/// Characters the verdict needs at least.
const MIN_LETTERS: usize = 50;
/// Share of the characters outside the scripts of Chinese text above which text may be unreadable.
const MAX_FOREIGN_SHARE: f64 = 0.3;
/// Unicode blocks (of 128 code points) that each hold at least 2% of the characters, at least.
const MIN_SCATTERED_BLOCKS: usize = 5;

/// True for the characters of the scripts Chinese text is written with or quotes: Han, Latin, Greek,
/// Cyrillic, kana, hangul, bopomofo and the full-width forms.
fn is_familiar(c: char) -> bool {
    is_han(c)
        || (c as u32) < 0x0250
        || matches!(c as u32, 0x0370..=0x04FF | 0x3040..=0x31FF | 0xAC00..=0xD7AF | 0xFF00..=0xFFEF)
}

/// True for the characters the verdict counts: all but spaces, digits and punctuation (glyph
/// numbers fall on letters and on unassigned code points alike).
fn is_counted(c: char) -> bool {
    !c.is_whitespace()
        && !c.is_ascii_punctuation()
        && !c.is_numeric()
        && !matches!(c as u32, 0x2000..=0x2BFF | 0x3000..=0x303F | 0xFE30..=0xFE4F)
}

/// The message of the finding when `text` is unreadable, else `None`.
pub fn verdict(text: &str) -> Option<String> {
    let (mut letters, mut foreign) = (0usize, 0usize);
    let mut blocks: std::collections::HashMap<u32, usize> = std::collections::HashMap::new();
    for c in text.chars() {
        if letters == SAMPLE {
            break;
        }
        // The unified ideographs and ASCII letters, most of any Chinese text, are counted and
        // familiar.
        if matches!(c, '\u{4E00}'..='\u{9FFF}') || c.is_ascii_alphabetic() {
            letters += 1;
        } else if is_counted(c) {
            letters += 1;
            if !is_familiar(c) {
                foreign += 1;
                *blocks.entry(c as u32 >> 7).or_default() += 1;
            }
        }
    }
    if letters < MIN_LETTERS {
        return None;
    }
    let share = foreign as f64 / letters as f64;
    let scattered = blocks.values().filter(|&&n| n * 50 >= letters).count();
    (share > MAX_FOREIGN_SHARE && scattered >= MIN_SCATTERED_BLOCKS).then(|| {
        format!(
            "this is not readable text: {:.0}% of its characters are scattered over {scattered} unrelated scripts, as when a PDF font has no Unicode map; extract it again with another tool or run OCR (the text was not cleaned)",
            share * 100.0
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glyph_numbers_are_unreadable() {
        let garbage = "ᇏ޿ದ૶ࡅݓ ᇏ૶ದݓ޿ࡅ ࡅݓᇏ޿ದ૶ ".repeat(10);
        assert!(verdict(&garbage).is_some());
        let chinese = "双方指出，合作是发展的基础。Rust 程序设计语言。".repeat(10);
        assert_eq!(verdict(&chinese), None);
        let thai = "ภาษาไทยเป็นภาษาที่สวยงาม ".repeat(10);
        assert_eq!(verdict(&thai), None);
        let mixed = "中文 日本語のかな 한국어 русский ελληνικά ".repeat(10);
        assert_eq!(verdict(&mixed), None);
    }
}
