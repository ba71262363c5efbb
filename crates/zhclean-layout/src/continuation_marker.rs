//! ## What it does
//! Finds newspaper continuation markers that stand on their own line — `（下转第三版）`,
//! `（转第2版）`, `（上接第一版）`, `接上页`, `续表`. A marker that points back is removed and the
//! paragraph it interrupted is rejoined; a marker that sends the reader elsewhere (`下转`, `转`)
//! is kept as its own paragraph and reported: the article continues on another page, and the
//! text after the marker in this file probably belongs to a different article.
//!
//! ## Why
//! Newspaper OCR and page-by-page extraction keep these markers inside the text. A marker that
//! points forward means the article is truncated here; one that points back means the paragraph
//! before the page break goes on after it.
//!
//! ## Example
//! ```text
//! 双方支持联合国在人工智能治理中发挥核心作用，……遵守各国法律和《联合国
//!
//! （下转第三版）          ← kept and reported: the rest of the article is on page 3
//!
//! 当地时间5月7日，……      ← another article
//! ```
//!
//! ## Fix safety
//! A backward marker is always removed (it is not part of the text). A forward marker is kept:
//! without it nothing would show that the cut paragraph and the next one belong to different
//! articles, and cleaning the output again would join them. Only a reader can tell where the
//! other article ends, so nothing after the marker is removed.

pub use zhclean_core::registry::CONTINUATION_MARKER as RULE;

/// Which way a continuation marker points.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    /// The article goes on elsewhere (`下转`, `转`): what follows is not its continuation.
    Forward,
    /// The text continues from before the page break (`上接`, `接上页`, `续表`).
    Backward,
}

/// The direction of the marker, when the trimmed line is one.
pub fn marker(line: &str) -> Option<Direction> {
    let compact: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    if matches!(compact.as_str(), "接上页" | "续表" | "（续）" | "(续)" | "续上页" | "（续上页）") {
        return Some(Direction::Backward);
    }
    let inner = compact.strip_prefix(['（', '(']).and_then(|r| r.strip_suffix(['）', ')']))?;
    let (direction, page) = if let Some(page) = inner.strip_prefix("下转") {
        (Direction::Forward, page)
    } else if let Some(page) = inner.strip_prefix("上接").or_else(|| inner.strip_prefix("接")) {
        (Direction::Backward, page)
    } else {
        (Direction::Forward, inner.strip_prefix("转")?)
    };
    is_page_reference(page).then_some(direction)
}

/// `第三版`, `第2版`, `第A3版`, `2版`.
fn is_page_reference(page: &str) -> bool {
    let page = page.strip_prefix('第').unwrap_or(page);
    page.strip_suffix('版').or_else(|| page.strip_suffix('页')).is_some_and(|number| {
        !number.is_empty()
            && number.chars().count() <= 4
            && number.chars().all(|c| c.is_ascii_alphanumeric() || "一二三四五六七八九十〇零".contains(c))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_and_their_direction() {
        assert_eq!(marker("（下转第三版）"), Some(Direction::Forward));
        assert_eq!(marker("(转第2版)"), Some(Direction::Forward));
        assert_eq!(marker("（上接第一版）"), Some(Direction::Backward));
        assert_eq!(marker("（接第A3版）"), Some(Direction::Backward));
        assert_eq!(marker("接上页"), Some(Direction::Backward));
        assert_eq!(marker("续表"), Some(Direction::Backward));
    }

    #[test]
    fn ordinary_lines_are_not_markers() {
        for line in ["（新华社莫斯科5月8日电）", "（转载）", "下转第三版的文章很长", "（草案）", "（三）"]
        {
            assert_eq!(marker(line), None, "{line}");
        }
    }
}
