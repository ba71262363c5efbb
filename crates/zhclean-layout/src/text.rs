//! Character classes and measures that decide how lines fit together.

pub use zhclean_core::chars::{at_most_chars, ends_sentence, head, is_closing, tail};

/// Opening quotes and brackets.
pub fn is_opening(c: char) -> bool {
    matches!(c, '“' | '‘' | '（' | '《' | '「' | '『' | '【' | '〈' | '(')
}

/// Marks that cannot start a line: the line before was cut.
pub fn is_non_initial(c: char) -> bool {
    matches!(
        c,
        '，' | '。'
            | '、'
            | '；'
            | '：'
            | '？'
            | '！'
            | '）'
            | '》'
            | '」'
            | '』'
            | '】'
            | '〉'
            | '”'
            | '’'
            | '…'
            | ','
            | ';'
            | ':'
            | '?'
            | '!'
            | ')'
            | '%'
            | '％'
    )
}

/// Marks that cannot end a paragraph: the sentence goes on.
pub fn is_non_terminal(c: char) -> bool {
    matches!(c, '，' | '、' | '；' | '—' | ',' | ';' | '-' | '－') || is_opening(c)
}

/// Sentence punctuation whose presence shows a line is running text, not a title or a name.
pub fn is_sentence_punctuation(c: char) -> bool {
    matches!(c, '，' | '。' | '、' | '；' | '：' | '？' | '！' | ',' | ';' | ':' | '?' | '!')
}

/// True when the line has no sentence punctuation.
pub fn is_unpunctuated(line: &str) -> bool {
    !line.chars().any(is_sentence_punctuation)
}

/// Display width: wide (Chinese) characters take two columns.
pub fn display_width(line: &str) -> usize {
    display_width_narrow_quotes(line) + curly_quotes(line)
}

/// Display width with curly quotes one column wide: the measure of a layout that sets them in
/// a Western font, as word processors do by default.
///
/// A character takes one column, a wide one two: every character from U+2E80 on (ideographs,
/// CJK and full-width punctuation) and `—…·`. Counted from the bytes, as a loop the compiler
/// vectorises: a character counts once at its first byte, and once more when that byte is
/// `E3` or above (U+3000 on); the few wide characters below U+3000 start with `E2` or `C2`.
pub fn display_width_narrow_quotes(line: &str) -> usize {
    let bytes = line.as_bytes();
    // Summed in bytes, 127 at a time (at most 254), so that a vector holds many.
    let columns: usize = bytes
        .chunks(127)
        .map(|chunk| usize::from(chunk.iter().map(|&b| u8::from(b & 0xC0 != 0x80) + u8::from(b >= 0xE3)).sum::<u8>()))
        .sum();
    let wide_below_u3000 = memchr::memchr2_iter(0xE2, 0xC2, bytes)
        .filter(|&i| match (bytes[i], bytes.get(i + 1), bytes.get(i + 2)) {
            // U+2E80–U+2FFF, `—` (E2 80 94) and `…` (E2 80 A6).
            (0xE2, Some(0xBA..=0xBF), _) | (0xE2, Some(0x80), Some(0x94 | 0xA6)) => true,
            // `·` (C2 B7).
            (0xC2, Some(0xB7), _) => true,
            _ => false,
        })
        .count();
    columns + wide_below_u3000
}

/// How many curly quotes `text` holds, found by their first byte: each makes
/// [`display_width`] one column more than [`display_width_narrow_quotes`].
pub fn curly_quotes(text: &str) -> usize {
    curly_quote_offsets(text).count()
}

/// True when `text` holds a curly quote (`‘’“”`).
pub fn has_curly_quote(text: &str) -> bool {
    curly_quote_offsets(text).next().is_some()
}

/// Where the curly quotes of `text` are: found by their first byte, which Chinese characters
/// (`E3`–`E9`) never start with.
fn curly_quote_offsets(text: &str) -> impl Iterator<Item = usize> + '_ {
    let bytes = text.as_bytes();
    // `‘` `’` `“` `”` are E2 80 98, 99, 9C and 9D.
    memchr::memchr_iter(0xE2, bytes)
        .filter(|&i| bytes.get(i + 1) == Some(&0x80) && matches!(bytes.get(i + 2), Some(0x98 | 0x99 | 0x9C | 0x9D)))
}

/// True for the characters zhclean treats as spacing inside a line.
pub fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{3000}' | '\u{A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}')
}

/// The first two characters of a line, the key of paragraph openers.
pub fn opening_bigram(line: &str) -> Option<(char, char)> {
    let mut chars = line.chars();
    Some((chars.next()?, chars.next()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentence_ends() {
        assert!(ends_sentence("举措。") && ends_sentence("他说：“好。”") && ends_sentence("是吗？）"));
        assert!(!ends_sentence("认可和") && !ends_sentence("商定：") && !ends_sentence("（新华社电）"));
    }

    #[test]
    fn widths() {
        assert_eq!(display_width("双方2025年"), 10);
        assert_eq!(display_width("“好”，a"), 9);
        for text in ["“好”，‘是’——…", "双方", "a—b…c"] {
            assert_eq!(display_width(text) - curly_quotes(text), display_width_narrow_quotes(text), "{text}");
        }
        assert_eq!(curly_quotes("“好”，‘是’——…"), 4);
    }

    #[test]
    fn widths_counted_from_bytes_are_those_of_the_characters() {
        // Curly quotes: wide in a Chinese font, narrow in a Western one.
        let is_curly_quote = |c: char| matches!(c, '“' | '”' | '‘' | '’');
        let wide = |c: char| {
            !is_curly_quote(c) && (zhclean_core::chars::is_chinese(c) || c as u32 >= 0x2E80 || matches!(c, '—' | '…'))
        };
        let mut all = String::new();
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let one = c.to_string();
            assert_eq!(display_width_narrow_quotes(&one), if wide(c) { 2 } else { 1 }, "U+{:04X}", c as u32);
            assert_eq!(display_width(&one), if wide(c) || is_curly_quote(c) { 2 } else { 1 }, "U+{:04X}", c as u32);
            all.push(c);
        }
        let by_characters: usize = all.chars().map(|c| if wide(c) { 2 } else { 1 }).sum();
        assert_eq!(display_width_narrow_quotes(&all), by_characters);
    }
}
