//! ## What it does
//! Removes the Markdown heading marks (`#` to `######` and a space) that a PDF-to-text converter
//! puts before a heading line; the heading text stays on its own line.
//!
//! ## Why
//! Converters such as pdf-to-markdown tools mark headings with `#`; in a plain-text corpus the
//! marks are noise inside the text.
//!
//! ## Example
//! ```text
//! ## 五             → 五
//! ```
//!
//! ## Fix safety
//! Safe: only a line that starts with one run of marks, a space and text is touched (`#话题` and
//! `# # …` stay). Files named as Markdown sources (`*.md`, `*.markdown`) keep their marks: there
//! they are the document's structure.

use zhclean_core::{Change, TextRange};

/// Rule name.
pub const NAME: &str = zhclean_core::registry::MARKDOWN_HEADING.name;

/// Proposes the removal of the `#` marks (and the space after them) that open a line.
pub fn changes(text: &str) -> Vec<Change> {
    let mut changes = Vec::new();
    for (line_start, line) in zhclean_core::lines_with_starts(text) {
        if let Some(len) = heading_mark_len(line) {
            changes.push(Change::delete(NAME, TextRange::new(line_start, line_start + len)));
        }
    }
    changes
}

fn heading_mark_len(line: &str) -> Option<usize> {
    let hashes = line.len() - line.trim_start_matches('#').len();
    if !(1..=6).contains(&hashes) {
        return None;
    }
    let rest = &line[hashes..];
    let spaces = rest.len() - rest.trim_start_matches([' ', '\t']).len();
    let title = rest[spaces..].trim_end();
    // `# # …` is no heading a converter writes: removing one mark would only make another.
    (spaces > 0 && !title.is_empty() && !title.starts_with('#')).then_some(hashes + spaces)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heading_marks_go() {
        let text = "## 五\n\n# 九\n#话题 不是标题\n###\n# # # 十\n";
        let mut doc = zhclean_core::Document::new(text);
        doc.apply(changes(text));
        assert_eq!(doc.text(), "五\n\n九\n#话题 不是标题\n###\n# # # 十\n");
    }
}
