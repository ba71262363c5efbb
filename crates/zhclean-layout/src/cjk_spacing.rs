//! ## What it does
//! Removes the spaces that a PDF extractor left inside Chinese text, only in a document that shows
//! them to be extraction artifacts: single ASCII spaces between Chinese characters that recur at one
//! wrap width (the distances between them cluster around the width of the page's lines). There,
//! every such space inside a line goes, and in the GB/T 15834 profile so do spaces between Chinese
//! and a number. A short unpunctuated line aligned with no-break spaces (a signature block) gets one
//! ideographic space between its words.
//!
//! ## Why
//! Extractors that join the lines of a page with spaces leave one where each line wrapped, cutting
//! words (`向外国 司法机构`).
//!
//! ## Example
//! ```text
//! 或向外国 司法机构或多边法律机制提供协助   → 或向外国司法机构或多边法律机制提供协助
//! ```
//!
//! ## Fix safety
//! Safe: without wrap evidence no space is touched (`第 1 條`, `和平薪火 时代新章`, `第一条　为了`
//! are the author's), spaces around Latin words always stay, and ideographic spaces are never removed.

use crate::text::{display_width, is_space, is_unpunctuated};
use zhclean_core::chars::{at_most_chars, is_cjk_punctuation, is_han};
use zhclean_core::{Change, Profile, TextRange};

/// Rule name.
pub const NAME: &str = zhclean_core::registry::CJK_SPACING.name;

/// Longest line, in characters, treated as a column or headline line.
const MAX_COLUMN_LINE: usize = 40;
/// Narrowest wrap width, in display columns, that counts as evidence.
const MIN_WRAP: usize = 20;
/// Segments within this many columns of the wrap width count as wrapped.
const WRAP_TOLERANCE: usize = 4;
/// Least number of wrapped segments, and least share of the long segments, for evidence.
const MIN_WRAPPED: usize = 3;
const MIN_WRAPPED_SHARE: f32 = 0.5;

/// Proposes the removal of extraction spaces, and one U+3000 in aligned column lines.
/// `extracted` tells whether the document's spaces show a wrap (see [`has_wrap_spaces`]).
pub fn changes(text: &str, profile: Profile, extracted: bool) -> Vec<Change> {
    let mut changes = Vec::new();
    for (line_start, line) in zhclean_core::lines_with_starts(text) {
        line_changes(line.trim_end_matches('\n'), line_start, profile, extracted, &mut changes);
    }
    changes
}

fn line_changes(line: &str, offset: usize, profile: Profile, extracted: bool, changes: &mut Vec<Change>) {
    let body_start = line.len() - line.trim_start_matches(is_space).len();
    let body = line[body_start..].trim_end_matches(is_space);
    let column_line = is_column_line(body);
    for (start, end) in space_runs(body) {
        let (left, right) = (body[..start].chars().next_back(), body[end..].chars().next());
        let (Some(left), Some(right)) = (left, right) else { continue };
        let run = &body[start..end];
        let range = TextRange::new(offset + body_start + start, offset + body_start + end);
        if column_line && run.contains('\u{A0}') && is_han_like(left) && is_han_like(right) {
            changes.push(Change::replace(NAME, range, "\u{3000}"));
        } else if extracted
            && !column_line
            && run.bytes().all(|b| b == b' ')
            && joins_without_space(left, right, profile)
            && !is_latin_word(&body[..start], &body[end..])
        {
            changes.push(Change::delete(NAME, range));
        }
    }
}

/// Byte ranges of the runs of spaces inside `body`.
fn space_runs(body: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut run_start = None;
    body.char_indices().chain([(body.len(), 'x')]).filter_map(move |(i, c)| match (is_space(c), run_start) {
        (true, None) => {
            run_start = Some(i);
            None
        }
        (false, Some(start)) => {
            run_start = None;
            Some((start, i))
        }
        _ => None,
    })
}

/// True when single ASCII spaces between Chinese characters recur at one wrap width: the
/// distances between them, and from the start of a line to the first, cluster around a width
/// of at least [`MIN_WRAP`] columns.
pub fn has_wrap_spaces(text: &str) -> bool {
    let mut segments = Vec::new();
    for line in lines_with_a_space(text) {
        let body = line.trim_start_matches(is_space);
        let mut from = 0;
        for (start, end) in space_runs(body) {
            let chinese_on_both_sides = body[..start].chars().next_back().is_some_and(is_chinese)
                && body[end..].chars().next().is_some_and(is_chinese);
            if &body[start..end] == " " && chinese_on_both_sides {
                segments.push(display_width(&body[from..start]));
                from = end;
            }
        }
    }
    let mut long: Vec<usize> = segments.into_iter().filter(|&w| w >= MIN_WRAP).collect();
    long.sort_unstable();
    // The most segments within WRAP_TOLERANCE of one width: a window sliding over the sorted widths.
    let (mut best, mut low) = (0, 0);
    for (high, &width) in long.iter().enumerate() {
        while long[low] + 2 * WRAP_TOLERANCE < width {
            low += 1;
        }
        best = best.max(high + 1 - low);
    }
    best >= MIN_WRAPPED && best as f32 >= MIN_WRAPPED_SHARE * long.len() as f32
}

/// The lines of `text` (without their line break) that hold an ASCII space, found by searching
/// for the space.
fn lines_with_a_space(text: &str) -> impl Iterator<Item = &str> {
    let mut from = 0;
    let bytes = text.as_bytes();
    std::iter::from_fn(move || {
        let space = from + memchr::memchr(b' ', &bytes[from..])?;
        let start = memchr::memrchr(b'\n', &bytes[..space]).map_or(0, |i| i + 1);
        let end = memchr::memchr(b'\n', &bytes[space..]).map_or(text.len(), |i| space + i);
        from = (end + 1).min(text.len());
        Some(text[start..end].strip_suffix('\r').unwrap_or(&text[start..end]))
    })
}

/// A short unpunctuated line of at least two words separated by spaces.
pub fn is_column_line(line: &str) -> bool {
    at_most_chars(line, MAX_COLUMN_LINE)
        && is_unpunctuated(line)
        && line.split(is_space).filter(|word| !word.is_empty()).count() >= 2
        && line.chars().any(is_han)
}

fn is_chinese(c: char) -> bool {
    is_han(c) || is_cjk_punctuation(c)
}

fn is_han_like(c: char) -> bool {
    is_han(c) || matches!(c, '·' | '・' | '）' | '（' | '》' | '《')
}

/// True when the ASCII token next to a space, on either side, is a Latin word rather than a
/// number (`GB18030`, `UTF-8`): spaces around Latin words stay, so a token keeps both or none.
fn is_latin_word(before: &str, after: &str) -> bool {
    let is_token = |c: char| c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '_');
    let left: String = before.chars().rev().take_while(|&c| is_token(c)).collect();
    let right: String = after.chars().take_while(|&c| is_token(c)).collect();
    left.chars().chain(right.chars()).any(|c| c.is_ascii_alphabetic())
}

fn joins_without_space(left: char, right: char, profile: Profile) -> bool {
    let digits = profile == Profile::GbT15834;
    (is_chinese(left) && (is_chinese(right) || (digits && right.is_ascii_digit())))
        || (digits && left.is_ascii_digit() && is_chinese(right))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixed(text: &str, profile: Profile) -> String {
        let mut doc = zhclean_core::Document::new(text);
        doc.apply(changes(text, profile, has_wrap_spaces(text)));
        doc.into_text()
    }

    /// Three paragraphs of a PDF whose lines (18 characters, 36 columns) were joined with spaces.
    const EXTRACTED: &str = "双方指出两国关系达到历史最高水平并将继 续发展各领域务实合作取得丰硕成果双方同 意进一步加强合作\n\
        双方认为应当加强在国际事务中的协调配合 共同维护国际公平正义和多边主义原则双方 将继续合作\n\
        双方强调充分利用 2024—2025 年中俄文化 年契机在文艺演出博物馆等领域开展合作双 方满意\n";

    #[test]
    fn wrap_spaces_go_where_the_document_shows_them() {
        assert!(has_wrap_spaces(EXTRACTED));
        let cleaned = fixed(EXTRACTED, Profile::GbT15834);
        assert_eq!(cleaned.matches(' ').count(), 0, "{cleaned}");
        assert!(cleaned.contains("利用2024—2025年中俄文化年契机"));
        let copywriting = fixed(EXTRACTED, Profile::Copywriting);
        assert!(copywriting.contains("利用 2024—2025 年中俄文化年契机"), "{copywriting}");
    }

    #[test]
    fn authors_spaces_stay() {
        for text in [
            "第 1 條 為防制菸害，維護國民健康，特制定本法。\n第 2 條 本法用詞，定義如下：\n",
            "“和平薪火 时代新章——纪念中国人民抗日战争胜利80周年”\n",
            "（新华社莫斯科5月8日电 新华社记者）\n",
            "第一条　为了促进公共图书馆事业发展，发挥公共图书馆功能。\n第一章　总　　则\n",
            "它支持 UTF-8、GB18030 和 Big5 等编码。\n",
            "加强人文交流 传承伟大友谊\n",
            "中国东北地区 and 俄罗斯远东地区，合作\n",
        ] {
            assert_eq!(fixed(text, Profile::GbT15834), text);
        }
    }

    #[test]
    fn spaces_around_latin_words_stay_even_in_extracted_text() {
        let text = format!("{EXTRACTED}支持 AUKUS 以及 UTF-8、GB18030 和 Big5 等编码\n");
        assert!(fixed(&text, Profile::GbT15834).ends_with("支持 AUKUS 以及 UTF-8、GB18030 和 Big5 等编码\n"));
    }

    #[test]
    fn aligned_column_lines_get_one_ideographic_space() {
        assert_eq!(
            fixed("中华人民共和国主席\u{A0}\u{A0}\u{A0}\u{A0}俄罗斯联邦总统", Profile::GbT15834),
            "中华人民共和国主席\u{3000}俄罗斯联邦总统"
        );
        assert_eq!(fixed("习近平\u{A0} \u{A0} \u{A0} 弗·弗·普京", Profile::GbT15834), "习近平\u{3000}弗·弗·普京");
    }
}
