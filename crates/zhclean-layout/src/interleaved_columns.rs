//! ## What it does
//! Reports a document whose lines alternate between the two columns of a page, as plain
//! `pdftotext` and some other extractors read a two-column PDF: each line continues the line
//! after next, not the next one. The reflow leaves such a document as it is.
//!
//! ## Why
//! Joining those lines would braid two texts into nonsense. Where text runs on from line to
//! line, a word is often cut at a line end and completed at the start of the next line; in
//! interleaved columns the word is completed two lines down.
//!
//! ## Example
//! ```text
//! 过去一年，我国发展面临多重困     绩，是在我国经济总量超过60万
//! 亿元的高基数上取得的。现在国     难和严峻挑战。在以习近平同志
//! ```
//! read line by line: `…多重困` / `绩，是在…` / `…万` / `亿元…` / `…现在国` / `难和严峻…`.
//!
//! ## Fix safety
//! No automatic fix: the line order cannot be recovered from the text. Extract the PDF again
//! so that it keeps the layout (`pdftotext -layout`, which zhclean reads column by column) or
//! reads columns in order.

use crate::text::{head, tail};
use zhclean_core::chars::is_han;
use zhclean_core::words::word_across;

pub use zhclean_core::registry::INTERLEAVED_COLUMNS as RULE;

/// Words cut across the line after next that interleaved columns show at least.
const MIN_CUTS: usize = 8;

/// True when the lines (in order, without blank lines and page furniture) complete a word cut at
/// a line end at least [`MIN_CUTS`] times two lines down, and at least twice as often there as
/// on the next line or three lines down.
///
/// In interleaved columns the next line and the line three down belong to the other column:
/// words they complete are chance, the rate at which unrelated lines happen to form a word
/// across their seam. A document of unrelated lines (paragraphs of one line each) completes
/// words two lines down by that chance alone, as often as three lines down; in a large one the
/// chance cuts alone exceed [`MIN_CUTS`].
pub fn interleaved(lines: &[&str]) -> bool {
    let han_seam = |a: &str, b: &str| a.chars().next_back().is_some_and(is_han) && b.chars().next().is_some_and(is_han);
    // Without enough seams between Han characters two lines apart, the segmenter is not needed.
    if lines.windows(3).filter(|w| han_seam(w[0], w[2])).count() < MIN_CUTS {
        return false;
    }
    let cut = |a: &str, b: &str| han_seam(a, b) && word_across(tail(a, 4), head(b, 4));
    let after_next = cuts(lines, 2, &cut, usize::MAX);
    // Counting the chance cuts stops once they are more than half of those.
    let chance = after_next / 2;
    after_next >= MIN_CUTS && cuts(lines, 1, &cut, chance + 1) <= chance && cuts(lines, 3, &cut, chance + 1) <= chance
}

/// How many lines `cut` joins to the line `distance` lines down, counted until `limit` is
/// reached. The segmenter reads a few characters at each seam, on the threads of the pool, a
/// block of lines at a time.
fn cuts(lines: &[&str], distance: usize, cut: &(impl Fn(&str, &str) -> bool + Sync), limit: usize) -> usize {
    use rayon::prelude::*;
    let mut count = 0;
    for start in (0..lines.len()).step_by(SEAMS_PER_BLOCK) {
        let block = &lines[start..(start + SEAMS_PER_BLOCK + distance).min(lines.len())];
        count +=
            block.par_windows(distance + 1).with_min_len(SEAMS_PER_TASK).filter(|w| cut(w[0], w[distance])).count();
        if count >= limit {
            break;
        }
    }
    count
}

/// Lines read on one thread at a time, at least.
const SEAMS_PER_TASK: usize = 4096;
/// Lines read before the count is compared with its limit.
const SEAMS_PER_BLOCK: usize = 2 * SEAMS_PER_TASK;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alternating_columns_are_found() {
        let left = ["过去一年，我国发展面临多重困", "难和严峻挑战。在以习近平同志", "为总书记的党中央坚强领导下，"];
        let right = ["绩，是在我国经济总量超过六十", "万亿元的高基数上取得的。现在", "国内生产总值每增长一个百分点"];
        let mut lines = Vec::new();
        for _ in 0..5 {
            for (l, r) in left.iter().zip(right) {
                lines.push(*l);
                lines.push(r);
            }
        }
        assert!(interleaved(&lines));
        let one_column: Vec<&str> = left.iter().chain(&right).copied().cycle().take(30).collect();
        assert!(!interleaved(&one_column));
    }

    #[test]
    fn counting_stops_at_the_first_block_past_the_limit() {
        let lines = vec!["中"; 3 * SEAMS_PER_BLOCK];
        let every = |_: &str, _: &str| true;
        assert_eq!(cuts(&lines, 2, &every, usize::MAX), lines.len() - 2);
        assert_eq!(cuts(&lines, 1, &every, 1), SEAMS_PER_BLOCK);
        assert_eq!(cuts(&lines, 3, &every, SEAMS_PER_BLOCK + 1), 2 * SEAMS_PER_BLOCK);
    }

    #[test]
    fn unrelated_lines_are_not_columns() {
        // Lines of unrelated paragraphs: `困` two lines down meets `难` by chance, and as often
        // three lines down; no line runs on to the next.
        let block = ["双方都面临多重困", "今天天气很好", "难以克服的问题", "难得的机会"];
        let lines: Vec<&str> = block.iter().copied().cycle().take(4 * 20).collect();
        assert!(!interleaved(&lines));
        // The same seams two lines down without the chance ones three lines down are columns.
        let block = ["双方都面临多重困", "今天天气很好", "难以克服的问题", "今天天气很好"];
        let lines: Vec<&str> = block.iter().copied().cycle().take(4 * 20).collect();
        assert!(interleaved(&lines));
    }
}
