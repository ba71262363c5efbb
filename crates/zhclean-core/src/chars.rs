//! Character classes for Chinese text.

/// True for Han ideographs: the unified blocks, their extensions, compatibility ideographs and
/// the ideographic number zero `〇`.
pub fn is_han(c: char) -> bool {
    matches!(c,
        '\u{3007}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{323AF}')
}

/// True for full-width (Chinese) punctuation: the CJK Symbols and Punctuation block, the
/// full-width forms of ASCII punctuation, and the quotes, dashes, ellipsis and middle dot used in
/// Chinese text.
pub fn is_cjk_punctuation(c: char) -> bool {
    matches!(c,
        '\u{3001}'..='\u{3003}'
        | '\u{3008}'..='\u{3011}'
        | '\u{3014}'..='\u{301F}'
        | '\u{FF01}'..='\u{FF0F}'
        | '\u{FF1A}'..='\u{FF20}'
        | '\u{FF3B}'..='\u{FF40}'
        | '\u{FF5B}'..='\u{FF65}'
        | '‘' | '’' | '“' | '”' | '—' | '…' | '·')
}

/// True when `c` belongs to Chinese text: a Han ideograph or Chinese punctuation.
pub fn is_chinese(c: char) -> bool {
    is_han(c) || is_cjk_punctuation(c)
}

/// Marks that end a sentence.
pub fn is_terminal(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '…' | '!' | '?')
}

/// Closing quotes and brackets, which may follow the mark that ends a sentence.
pub fn is_closing(c: char) -> bool {
    matches!(c, '”' | '’' | '）' | '》' | '」' | '』' | '】' | '〉' | ')' | '"' | '\'')
}

/// True when `text` ends a sentence: a terminal mark, possibly followed by closing marks. A
/// half-width full stop counts after a letter or a Han character (`a full stop.`, `同意.`), not
/// after a digit (`3.` numbers an item).
pub fn ends_sentence(text: &str) -> bool {
    let mut chars = text.trim_end_matches(is_closing).chars().rev();
    match (chars.next(), chars.next()) {
        (Some('.'), Some(before)) => before.is_alphabetic() || before == '.',
        (Some(last), _) => is_terminal(last),
        (None, _) => false,
    }
}

/// True when `text` has at most `n` characters, found without counting a long text (a line of
/// running text may be long, and most questions of length are about short ones): a text of
/// more than `4 * n` bytes has more than `n` characters, and a shorter one is counted whole,
/// with the vectorised count of the standard library.
pub fn at_most_chars(text: &str, n: usize) -> bool {
    text.len() <= n || (text.len() <= n.saturating_mul(4) && text.chars().count() <= n)
}

/// True for an entry of a table of contents: a page number after a leader of dots
/// (`第四章 附则 ………… 15`, `附录.......32`). It ends where no sentence does, and is whole.
pub fn is_contents_entry(line: &str) -> bool {
    let before_number = line.trim_end_matches(|c: char| c.is_ascii_digit()).trim_end();
    before_number.len() < line.len() && before_number.ends_with(['…', '.', '·', '⋯'])
}

/// True for a `key: value` line whose key is a short label: a field (`标题: …`, `发布时间：…`),
/// a speaker (`楊仁壽：…`), a party (`出租方（甲方）：…`) or a numbered caption (`示例 1-2：…`,
/// `图 3.1：…`).
pub fn is_field(line: &str) -> bool {
    // The key is at most ten characters long: only the first eleven can hold the colon.
    let Some((at, colon)) = line.char_indices().take(11).find(|&(_, c)| matches!(c, ':' | '：')) else {
        return false;
    };
    let (key, value) = (&line[..at], &line[at + colon.len_utf8()..]);
    // A label may end in a note in brackets: a role, a party (`出租方（甲方）`).
    let label = key
        .strip_suffix(['）', ')'])
        .and_then(|inner| inner.rfind(['（', '(']).map(|open| &inner[..open]))
        .unwrap_or(key);
    (1..=10).contains(&key.chars().count())
        && label.starts_with(char::is_alphanumeric)
        && label.chars().all(|c| c.is_alphanumeric() || matches!(c, '_' | ' ' | '-' | '.'))
        && !value.trim().is_empty()
}

/// The first `n` characters of `text`.
pub fn head(text: &str, n: usize) -> &str {
    text.char_indices().nth(n).map_or(text, |(i, _)| &text[..i])
}

/// The last `n` characters of `text` (all of it for `n` = 0).
pub fn tail(text: &str, n: usize) -> &str {
    text.char_indices().rev().nth(n.saturating_sub(1)).map_or(text, |(i, _)| &text[i..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn at_most_chars_counts_characters_not_bytes() {
        for (text, n) in [
            ("", 0),
            ("中", 0),
            ("中", 1),
            ("中文", 1),
            ("中文", 2),
            ("ab", 1),
            ("ab", 5),
            ("中文字", 6),
            ("𠀀𠀀", 2),
            ("𠀀𠀀a", 2),
            ("a中𠀀", 3),
        ] {
            assert_eq!(at_most_chars(text, n), text.chars().count() <= n, "{text} {n}");
        }
    }

    #[test]
    fn classes() {
        assert!(is_han('中') && is_han('〇') && is_han('𠀀'));
        assert!(!is_han('，') && !is_han('a') && !is_han('２'));
        assert!(is_cjk_punctuation('，') && is_cjk_punctuation('《') && is_cjk_punctuation('—'));
        assert!(!is_cjk_punctuation(',') && !is_cjk_punctuation('中'));
    }
}
