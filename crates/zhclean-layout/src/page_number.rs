//! ## What it does
//! Removes the lines that number the pages of a paginated source (`— 3 —`, `- 3 -`, `第 3 页`,
//! `第 3 页 共 10 页` (or `頁`), `3/10`, `Page 3 of 10`, a bare number), where the document shows pages: at
//! least two such lines whose numbers increase. The layout then decides whether the paragraph
//! around each one continues.
//!
//! ## Why
//! Page numbers cut paragraphs in two and end up inside the text of extracted documents.
//!
//! ## Example
//! ```text
//! ……将继续\n\n— 3 —\n\n加强合作。   → ……将继续加强合作。
//! ```
//!
//! ## Fix safety
//! Safe: a lone number or page label, or numbers that do not increase, are text and stay.

/// Rule name.
pub const NAME: &str = zhclean_core::registry::PAGE_NUMBER.name;

/// True when the trimmed line is a page number.
pub fn is_page_number(line: &str) -> bool {
    let compact: String = line.chars().filter(|c| !c.is_whitespace()).map(ascii_digit).collect();
    let core = compact.trim_matches(|c| matches!(c, '-' | '—' | '–' | '－' | '─' | '~' | '～' | '·'));
    if core.is_empty() || !zhclean_core::chars::at_most_chars(core, 16) {
        return false;
    }
    is_number(core) || is_chinese_page(core) || is_fraction(core) || is_english_page(core)
}

/// The page's number: the first number of a page-number line (`第 3 页 共 10 页` gives 3).
pub fn number(line: &str) -> Option<u32> {
    let digits = line.chars().map(ascii_digit).skip_while(|c| !c.is_ascii_digit());
    digits.take_while(char::is_ascii_digit).collect::<String>().parse().ok()
}

/// `c`, with a full-width digit (`２`, as some encoders write the digits of a page number) read
/// as its ASCII digit.
fn ascii_digit(c: char) -> char {
    match c {
        '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
        _ => c,
    }
}

fn is_number(s: &str) -> bool {
    (1..=4).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
}

/// `第3页`, `第3页共10页`, `第3页/共10页`, `共10页第3页`, and the same with the traditional `頁`.
fn is_chinese_page(s: &str) -> bool {
    let s = s.replace('頁', "页");
    let parts: Vec<&str> = s.split(['/', '，', ',']).collect();
    !parts.is_empty()
        && parts.iter().all(|part| {
            part.split_inclusive('页').all(|piece| {
                let piece = piece.strip_prefix('第').or_else(|| piece.strip_prefix('共')).unwrap_or(piece);
                piece.strip_suffix('页').is_some_and(is_number)
            })
        })
        && s.contains('页')
}

/// `3/10`.
fn is_fraction(s: &str) -> bool {
    s.split_once('/').is_some_and(|(a, b)| is_number(a) && is_number(b))
}

/// `Page3`, `Page3of10` (spaces removed).
fn is_english_page(s: &str) -> bool {
    let lower = s.to_ascii_lowercase();
    lower
        .strip_prefix("page")
        .is_some_and(|rest| rest.split_once("of").map_or(is_number(rest), |(a, b)| is_number(a) && is_number(b)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_numbers() {
        for line in [
            "— 3 —",
            "- 3 -",
            "-12-",
            "第 3 页",
            "第 3 页 共 10 页",
            "第3页/共10页",
            "第 1 頁 共 13 頁",
            "3/10",
            "Page 3 of 10",
            "17",
            "－ 5 －",
            "—２—",
            "第１２页",
        ] {
            assert!(is_page_number(line), "{line}");
        }
    }

    #[test]
    fn the_number_of_a_page() {
        assert_eq!(number("第 3 页 共 10 页"), Some(3));
        assert_eq!(number("—２１—"), Some(21));
        assert_eq!(number("- 12 -"), Some(12));
        assert_eq!(number("页"), None);
    }

    #[test]
    fn text_is_not_a_page_number() {
        for line in ["一", "2025年", "第三版", "第3条", "12345", "3.14", "——", "双方", "- 一根据", "页"]
        {
            assert!(!is_page_number(line), "{line}");
        }
    }
}
