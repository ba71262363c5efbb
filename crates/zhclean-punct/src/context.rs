//! Where punctuation stands: in Chinese text, in Latin text, or inside something that must
//! not be touched (a URL, an e-mail address, a file path).

use std::ops::Range;
use zhclean_core::chars::{is_cjk_punctuation, is_han};

/// True for characters of Chinese text: Han ideographs and Chinese punctuation.
pub fn is_chinese(c: char) -> bool {
    is_han(c) || is_cjk_punctuation(c)
}

/// Byte ranges that no punctuation rule touches: URLs, e-mail addresses, file paths and the
/// entries of a reference list.
pub struct Protected {
    spans: Vec<Range<usize>>,
}

impl Protected {
    /// Finds the protected spans of `text`: runs of non-space ASCII that look like a URL
    /// (`http://…`, `www.…`), an e-mail address or a path (`/usr/lib`, `C:\data`, `./a.txt`), and
    /// whole lines that are entries of a reference list (see [`is_reference_entry`]).
    pub fn find(text: &str) -> Self {
        let mut spans = Vec::new();
        for (line_start, line) in zhclean_core::lines_with_starts(text) {
            if is_reference_entry(line) {
                spans.push(line_start..line_start + line.len());
            } else {
                push_protected_tokens(line, line_start, &mut spans);
            }
        }
        Self { spans }
    }

    /// True when byte `at` lies in a protected span.
    pub fn contains(&self, at: usize) -> bool {
        let idx = self.spans.partition_point(|s| s.start <= at);
        idx.checked_sub(1).is_some_and(|i| at < self.spans[i].end)
    }
}

/// Pushes the spans of the URLs, addresses and paths of `line` (at `offset` in the text).
fn push_protected_tokens(line: &str, offset: usize, spans: &mut Vec<Range<usize>>) {
    let mut start = None;
    for (i, c) in line.char_indices().chain([(line.len(), ' ')]) {
        let in_token = c.is_ascii_graphic();
        match (start, in_token) {
            (None, true) => start = Some(i),
            (Some(s), false) => {
                // Punctuation after a URL or address belongs to the sentence.
                let token = line[s..i].trim_end_matches([',', '.', ';', ':', '!', '?', ')']);
                if is_protected_token(token) {
                    spans.push(offset + s..offset + s + token.len());
                }
                start = None;
            }
            _ => {}
        }
    }
}

/// The codes of document types that GB/T 7714 puts in brackets after a title (`[J]` a journal
/// article, `[M]` a book, `[EB/OL]` an online resource…).
const DOCUMENT_TYPES: &[&str] = &["M", "C", "N", "J", "D", "R", "S", "P", "G", "Z", "A", "CM", "DS", "EB", "DB", "CP"];

/// True for an entry of a reference list as GB/T 7714 sets it: numbered `[1]` and holding a
/// document type code (`[J]`, `[M]`, `[EB/OL]`). The standard separates its elements with
/// half-width marks (`张伟, 李明. 题名[J]. 刊名, 2021, 34(3): 1-20.`), which stay.
pub fn is_reference_entry(line: &str) -> bool {
    let numbered = line
        .trim_start()
        .strip_prefix('[')
        .and_then(|rest| rest.split_once(']'))
        .is_some_and(|(number, _)| !number.is_empty() && number.bytes().all(|b| b.is_ascii_digit()));
    numbered
        && line.split('[').skip(2).filter_map(|part| part.split_once(']')).any(|(code, _)| {
            let kind = code.split_once('/').map_or(code, |(kind, _)| kind);
            DOCUMENT_TYPES.contains(&kind)
        })
}

fn is_protected_token(token: &str) -> bool {
    let lower = token.to_ascii_lowercase();
    let url = lower.contains("://") || lower.starts_with("www.");
    let email = token.split_once('@').is_some_and(|(user, host)| !user.is_empty() && host.contains('.'));
    let has_letter = token.bytes().any(|b| b.is_ascii_alphabetic());
    let path = has_letter
        && (token.starts_with(['/', '~'])
            || token.starts_with("./")
            || token.starts_with("../")
            || is_drive_path(token));
    url || email || path
}

fn is_drive_path(token: &str) -> bool {
    let bytes = token.as_bytes();
    bytes.len() > 3 && bytes[0].is_ascii_alphabetic() && bytes[1] == b':' && matches!(bytes[2], b'\\' | b'/')
}

/// True for the spaces that may stand next to a punctuation mark inside a line.
pub fn is_inline_space(c: char) -> bool {
    matches!(c, ' ' | '\u{A0}' | '\u{3000}')
}

/// The range `start..end` of a mark, extended over the spaces on each side that separate it
/// from Chinese text (full-width marks carry their own spacing). It never reaches back before
/// `floor`.
pub fn with_spaces_to_chinese(text: &str, start: usize, end: usize, floor: usize) -> Range<usize> {
    let before = text[floor..start].trim_end_matches(is_inline_space);
    let left = if before.chars().next_back().is_some_and(is_chinese) { floor + before.len() } else { start };
    let after = text[end..].trim_start_matches(is_inline_space);
    let right = if after.chars().next().is_some_and(is_chinese) { text.len() - after.len() } else { end };
    left..right
}

/// The character before byte `at`.
pub fn char_before(text: &str, at: usize) -> Option<char> {
    text[..at].chars().next_back()
}

/// The character at or after byte `at`.
pub fn char_at(text: &str, at: usize) -> Option<char> {
    text[at..].chars().next()
}

/// The longest Latin run, in bytes, that still counts as a name or acronym inside Chinese text.
const MAX_NAME_LEN: usize = 64;

/// True when the clause that ends at byte `at` is Chinese: the character before is Chinese,
/// or a short Latin run (a name or acronym of up to three words and [`MAX_NAME_LEN`] bytes)
/// that follows Chinese. Curly quotes serve English too: a Latin run that opens a quotation
/// (`“Hello,`) or holds an apostrophe (`isn’t it?`) is English, whatever stands before it.
///
/// At most [`MAX_NAME_LEN`] bytes are read, so calling it for every mark of a long Latin run
/// stays linear.
pub fn chinese_before(text: &str, at: usize) -> bool {
    let before = &text[..at];
    match before.chars().next_back() {
        Some(c) if is_chinese(c) => true,
        Some(c) if c.is_ascii_alphanumeric() => {
            let is_name_byte = |b: &u8| {
                b.is_ascii_alphanumeric() || matches!(b, b' ' | b'-' | b'.' | b'&' | b'@' | b'/' | b'\\' | b'_' | b':')
            };
            let run_len = before.bytes().rev().take(MAX_NAME_LEN + 1).take_while(is_name_byte).count();
            if run_len > MAX_NAME_LEN {
                return false;
            }
            let run_start = at - run_len;
            let words = before[run_start..].split_whitespace().count();
            let mut preceding = before[..run_start].chars().rev();
            let opener = preceding.next();
            let apostrophe = opener == Some('’') && preceding.next().is_some_and(|c| c.is_ascii_alphabetic());
            let english = apostrophe || matches!(opener, Some('“' | '‘'));
            words <= 3 && !english && opener.is_some_and(is_chinese)
        }
        _ => false,
    }
}

/// True when Chinese text follows byte `at` (after spaces), or the line ends there.
pub fn chinese_after(text: &str, at: usize) -> bool {
    let after = text[at..].trim_start_matches(' ');
    match after.chars().next() {
        None | Some('\n') => true,
        Some(c) => {
            is_chinese(c)
                || (c.is_ascii_digit()
                    && after.trim_start_matches(|c: char| c.is_ascii_digit()).starts_with(|c: char| is_han(c)))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn protected_tokens() {
        let text = "见http://example.com/a,b?x=1 和 a@b.cn 及 /usr/local/bin 与 C:\\data,以及 3.14,1,000";
        let protected = Protected::find(text);
        let comma_in_url = text.find("a,b").unwrap() + 1;
        assert!(protected.contains(comma_in_url));
        assert!(protected.contains(text.find("@b").unwrap()));
        assert!(protected.contains(text.find("local").unwrap()));
        assert!(!protected.contains(text.find("1,000").unwrap() + 1));
    }

    #[test]
    fn reference_entries() {
        assert!(is_reference_entry("[1] 张伟, 李明. 路面病害检测综述[J]. 中国公路学报, 2021, 34(3): 1-20."));
        assert!(is_reference_entry("[12] 国家统计局. 统计公报[EB/OL]. (2024-02-29)."));
        assert!(!is_reference_entry("[1] 双方指出, 合作[很]重要."));
        assert!(!is_reference_entry("见[J]. 刊名, 2021."));
        let text = "正文,见下.\n[2] 王强. 裂缝识别研究[D]. 西安: 长安大学, 2019.\n";
        let protected = Protected::find(text);
        assert!(!protected.contains(text.find(',').unwrap()));
        assert!(protected.contains(text.find(':').unwrap()));
    }

    #[test]
    fn clause_language() {
        let text = "支持AUKUS,以及";
        assert!(chinese_before(text, text.find(',').unwrap()));
        let latin = "Hello world, again";
        assert!(!chinese_before(latin, latin.find(',').unwrap()));
        let long = format!("中{},", "a.".repeat(40));
        assert!(!chinese_before(&long, long.len() - 1), "a long Latin run is not a name");
        assert!(chinese_after("，双方", 0) && chinese_after("", 0) && chinese_after("2025年", 0));
        assert!(!chinese_after(" world", 0) && !chinese_after("3.14", 0));
    }
}
