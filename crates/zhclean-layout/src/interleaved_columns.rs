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
/// on the next line.
pub fn interleaved(lines: &[&str]) -> bool {
    use rayon::prelude::*;
    let han_seam = |a: &str, b: &str| a.chars().next_back().is_some_and(is_han) && b.chars().next().is_some_and(is_han);
    // Without enough seams between Han characters two lines apart, the segmenter is not needed.
    if lines.windows(3).filter(|w| han_seam(w[0], w[2])).count() < MIN_CUTS {
        return false;
    }
    // The segmenter reads a few characters at each seam, on the threads of the pool.
    let cut = |a: &str, b: &str| han_seam(a, b) && word_across(tail(a, 4), head(b, 4));
    let after_next = lines.par_windows(3).with_min_len(SEAMS_PER_TASK).filter(|w| cut(w[0], w[2])).count();
    after_next >= MIN_CUTS
        && lines.par_windows(2).with_min_len(SEAMS_PER_TASK).filter(|w| cut(w[0], w[1])).count() <= after_next / 2
}

/// Lines read on one thread at a time, at least.
const SEAMS_PER_TASK: usize = 4096;

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
}
