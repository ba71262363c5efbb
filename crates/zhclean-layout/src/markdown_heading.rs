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
//! Safe: only a line set apart by blank lines (or the document's edges) that starts with one run
//! of marks, a space and text is touched (`#话题`, `# # …`, the `#` lines of a numbered list or
//! of comments above commands stay). A document that is Markdown elsewhere too (a fenced code
//! block, a link, list items) keeps its marks, as files named as Markdown sources (`*.md`,
//! `*.markdown`) do: there they are the document's structure.

use zhclean_core::{Change, TextRange};

/// Rule name.
pub const NAME: &str = zhclean_core::registry::MARKDOWN_HEADING.name;

/// Proposes the removal of the `#` marks (and the space after them) that open a heading line
/// set apart by blank lines, in a document that is not Markdown.
pub fn changes(text: &str) -> Vec<Change> {
    if !text.contains('#') || is_markdown(text) {
        return Vec::new();
    }
    let mut changes = Vec::new();
    let mut lines = zhclean_core::lines_with_starts(text).peekable();
    let mut after_blank = true;
    while let Some((line_start, line)) = lines.next() {
        let before_blank = lines.peek().is_none_or(|(_, next)| next.trim().is_empty());
        if let Some(len) = heading_mark_len(line).filter(|_| after_blank && before_blank) {
            changes.push(Change::delete(NAME, TextRange::new(line_start, line_start + len)));
        }
        after_blank = line.trim().is_empty();
    }
    changes
}

/// True when `text` shows Markdown besides headings: a fenced code block, a link, or list
/// items (two lines that start with `- `, `* ` or `+ `).
fn is_markdown(text: &str) -> bool {
    let list_items = zhclean_core::lines_with_starts(text)
        .filter(|(_, line)| line.starts_with("- ") || line.starts_with("* ") || line.starts_with("+ "))
        .take(2)
        .count();
    list_items >= 2 || text.contains("](") || !zhclean_core::verbatim::fenced_blocks(text).is_empty()
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

    fn clean(text: &str) -> String {
        let mut doc = zhclean_core::Document::new(text);
        doc.apply(changes(text));
        doc.into_text()
    }

    #[test]
    fn heading_marks_set_apart_go() {
        let text = "## 五\n\n# 九\n\n#话题 不是标题\n\n###\n\n# # # 十\n";
        assert_eq!(clean(text), "五\n\n九\n\n#话题 不是标题\n\n###\n\n# # # 十\n");
    }

    #[test]
    fn comments_lists_and_markdown_documents_keep_their_marks() {
        let commands = "执行以下命令：\n\n# 更新软件源\nsudo apt update\n# 安装\nsudo apt install nginx\n";
        assert_eq!(clean(commands), commands);
        let numbered = "== 参见 ==\n\n# 西湖\n# 京杭大运河\n";
        assert_eq!(clean(numbered), numbered);
        let markdown = "# 项目简介\n\n一个工具。\n\n## 安装\n\n```bash\npip install mytool\n```\n";
        assert_eq!(clean(markdown), markdown);
        let listed = "# 说明\n\n- 导入模块\n- 调用函数\n";
        assert_eq!(clean(listed), listed);
    }
}
