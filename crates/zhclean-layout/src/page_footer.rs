//! ## What it does
//! Removes the print-edition line that web copies of newspaper articles carry at their end, such
//! as `《 人民日报 》（ 2025年05月09日 02 版）`.
//!
//! ## Why
//! The line names the print edition, not the article; it repeats across a corpus of articles.
//!
//! ## Example
//! ```text
//! 《 人民日报 》（ 2025年05月09日 02 版）   → removed
//! ```
//!
//! ## Fix safety
//! Safe: only a line of that exact shape (a newspaper title in book-title marks and an edition in
//! brackets) is removed.

/// Rule name.
pub const NAME: &str = zhclean_core::registry::PAGE_FOOTER.name;

/// True when the trimmed line is a print-edition footer: an optional `《title》`, then a
/// bracketed date and page (`（2025年05月09日 02 版）`).
pub fn is_page_footer(line: &str) -> bool {
    let compact: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    let rest = match compact.strip_prefix('《') {
        Some(after) => match after.split_once('》') {
            Some((title, rest)) if !title.is_empty() => rest,
            _ => return false,
        },
        None => compact.as_str(),
    };
    let Some(inner) = rest.strip_prefix(['（', '(']).and_then(|r| r.strip_suffix(['）', ')'])) else {
        return false;
    };
    let Some((date, page)) = inner.split_once('日') else {
        return false;
    };
    let page = page.strip_prefix('第').unwrap_or(page);
    is_date(date) && page.strip_suffix('版').is_some_and(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
}

/// `2025年05月09` (the `日` already split off).
fn is_date(s: &str) -> bool {
    let Some((year, rest)) = s.split_once('年') else { return false };
    let Some((month, day)) = rest.split_once('月') else { return false };
    [year, month, day].iter().all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edition_lines() {
        assert!(is_page_footer("《 人民日报 》（ 2025年05月09日 02 版）"));
        assert!(is_page_footer("《人民日报》（2025年5月9日 第2版）"));
        assert!(is_page_footer("（2025年05月09日 02 版）"));
        assert!(!is_page_footer("《联合国宪章》（1945年）"));
        assert!(!is_page_footer("（新华社莫斯科5月8日电）"));
    }
}
