//! ## What it does
//! Removes the running headers and footers of a paginated source: short lines that repeat at
//! regular intervals and stand next to page boundaries (the start of the document or a page
//! number). They are found by repetition (digits may differ), not by a fixed list.
//!
//! ## Why
//! Headers repeat the title or the chapter on every page and end up inside paragraphs.
//!
//! ## Example
//! ```text
//! 人民日报 第2版 (before each page)   → removed
//! ```
//!
//! ## Fix safety
//! Safe: without a sequence of pages nothing is removed; a label that a transcript or a form repeats
//! (`記者：`) is text.

use crate::text::{at_most_chars, ends_sentence, is_space};
use rustc_hash::FxHashMap as HashMap;

/// Rule name.
pub const NAME: &str = zhclean_core::registry::RUNNING_HEADER.name;

/// Longest line, in characters, that can be a running header.
const MAX_CHARS: usize = 40;
/// A header repeats at least this often.
const MIN_REPEATS: usize = 3;
/// Successive repeats are at least this many lines apart.
const MIN_GAP: usize = 3;

/// Indexes (into `lines`) of the lines that are running headers or footers. `lines` are the
/// trimmed lines of the document, blank ones included, so that gaps count real lines.
pub fn find(lines: &[&str], is_candidate: impl Fn(&str) -> bool) -> Vec<usize> {
    let mut groups: HashMap<String, Vec<usize>> = HashMap::default();
    for (index, line) in lines.iter().enumerate() {
        if !line.is_empty() && at_most_chars(line, MAX_CHARS) && !ends_sentence(line) && is_candidate(line) {
            groups.entry(shape(line)).or_default().push(index);
        }
    }
    let mut found: Vec<usize> = groups.into_values().filter(|indexes| repeats_regularly(indexes)).flatten().collect();
    found.sort_unstable();
    found
}

/// The line with spaces removed and digits replaced, so that `第 3 页` and `第 4 页` match.
pub(crate) fn shape(line: &str) -> String {
    line.chars().filter(|c| !is_space(*c)).map(|c| if c.is_ascii_digit() { '#' } else { c }).collect()
}

fn repeats_regularly(indexes: &[usize]) -> bool {
    if indexes.len() < MIN_REPEATS {
        return false;
    }
    let gaps: Vec<usize> = indexes.windows(2).map(|w| w[1] - w[0]).collect();
    let (min, max) = (gaps.iter().min().copied().unwrap_or(0), gaps.iter().max().copied().unwrap_or(0));
    min >= MIN_GAP && max <= 3 * min
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeated_short_lines_at_regular_intervals() {
        let mut lines = Vec::new();
        for page in 1..=4 {
            lines.extend(["人民日报 2025年5月9日", "", "正文第一段，内容很长很长。", "正文第二段。", ""]);
            let _ = page;
        }
        assert_eq!(find(&lines, |_| true), [0, 5, 10, 15]);
    }

    #[test]
    fn sentences_rare_lines_and_irregular_repeats_stay() {
        let lines = ["双方商定：", "双方商定：", "x", "双方商定：", "标题", "", "", "", "标题", "", "标题"];
        assert_eq!(find(&lines, |_| true), Vec::<usize>::new());
    }
}
