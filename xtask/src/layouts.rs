//! Generated layouts: a clean document wrapped the ways PDF extraction, OCR and e-mail do, with
//! page furniture. `cargo xtask calibrate` fits the break model on them (besides real extractor
//! output), and the layout crate's `generated_layouts` test checks the model restores them.

/// Display width of a character: Chinese characters and punctuation take two columns.
fn char_width(c: char) -> usize {
    if c.is_ascii() { 1 } else { 2 }
}

/// Splits a paragraph into lines of at most `width` columns (the first line `first_short`
/// columns shorter), never inside a run of ASCII letters and digits.
pub fn wrap(paragraph: &str, width: usize, first_short: usize) -> Vec<String> {
    let chars: Vec<char> = paragraph.chars().collect();
    let splits_ascii = |end: usize| {
        end > 0 && end < chars.len() && chars[end - 1].is_ascii_alphanumeric() && chars[end].is_ascii_alphanumeric()
    };
    let mut lines = Vec::new();
    let mut start = 0;
    while start < chars.len() {
        let limit = if start == 0 { width.saturating_sub(first_short).max(1) } else { width };
        let (mut end, mut used) = (start, 0);
        while end < chars.len() && used + char_width(chars[end]) <= limit {
            used += char_width(chars[end]);
            end += 1;
        }
        let fitted = end;
        while splits_ascii(end) && end > start + 1 {
            end -= 1;
        }
        if end == start + 1 && splits_ascii(end) {
            end = fitted;
            while splits_ascii(end) {
                end += 1;
            }
        }
        lines.push(chars[start..end.max(start + 1)].iter().collect());
        start = end.max(start + 1);
    }
    lines
}

/// How a layout marks paragraphs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// Every wrapped line followed by a blank line.
    BlankLineAfterEveryLine,
    /// Single newlines; each paragraph starts with an ideographic-space indent.
    Indented,
    /// Single newlines; the first line is short by a two-character indent that extraction
    /// dropped.
    IndentDropped,
    /// Single newlines; a paragraph ends where a line is short.
    ShortLastLine,
    /// Blank lines between paragraphs, single newlines inside them.
    BlankLineBetween,
    /// One line per paragraph, blank lines between, wrap points turned into spaces.
    SpacesAtWrapPoints,
    /// The clean document itself: one line per paragraph, blank lines between.
    Clean,
    /// One line per paragraph and single newlines, with a page break cutting a paragraph at
    /// each page end.
    PageCutParagraphs,
}

impl Shape {
    /// Every shape.
    pub const ALL: [Shape; 8] = [
        Shape::BlankLineAfterEveryLine,
        Shape::Indented,
        Shape::IndentDropped,
        Shape::ShortLastLine,
        Shape::BlankLineBetween,
        Shape::SpacesAtWrapPoints,
        Shape::Clean,
        Shape::PageCutParagraphs,
    ];
}

/// The page footer of page `n` of `total`, in the style `style` picks.
fn footer(style: usize, n: usize, total: usize) -> String {
    match style % 5 {
        0 => format!("— {n} —"),
        1 => format!("- {n} -"),
        2 => format!("第 {n} 页 共 {total} 页"),
        3 => format!("第{n}页"),
        _ => n.to_string(),
    }
}

/// Page furniture: a footer in one of several styles after every `page` lines, and the running
/// header `header` (often the document's title) at the top of the next page.
#[derive(Clone, Debug)]
pub struct Pages<'a> {
    /// Lines per page.
    pub page: usize,
    /// Footer style (any number; styles repeat).
    pub footer_style: usize,
    /// The running header, if any.
    pub header: Option<&'a str>,
}

/// The units of `text` that a layout wraps separately: its paragraphs, and inside a block of
/// short lines (verse) each line.
pub fn units(text: &str) -> Vec<Vec<String>> {
    text.split("\n\n")
        .filter(|block| !block.trim().is_empty())
        .map(|block| block.lines().filter(|l| !l.trim().is_empty()).map(|l| l.trim().to_owned()).collect())
        .collect()
}

/// `blocks` with every `every`-th paragraph cut short mid-sentence, as a paragraph whose end an
/// extraction lost: its break to the next paragraph stays a paragraph break.
pub fn truncated(blocks: &[Vec<String>], every: usize) -> Vec<Vec<String>> {
    let mut blocks = blocks.to_vec();
    for block in blocks.iter_mut().skip(every - 1).step_by(every) {
        if let [unit] = block.as_mut_slice() {
            let keep = unit.chars().count() * 3 / 5;
            if keep >= 20 {
                *unit = unit
                    .chars()
                    .take(keep)
                    .collect::<String>()
                    .trim_end_matches(|c: char| !c.is_alphanumeric())
                    .to_owned();
            }
        }
    }
    blocks
}

/// The text of `blocks`: blocks separated by blank lines, the lines of a block by newlines.
pub fn text(blocks: &[Vec<String>]) -> String {
    blocks.iter().map(|b| b.join("\n")).collect::<Vec<_>>().join("\n\n") + "\n"
}

/// `blocks` (paragraphs, each one or more lines) laid out in `shape`, wrapped at `width`
/// columns, with the page furniture of `pages`.
pub fn render(blocks: &[Vec<String>], shape: Shape, width: usize, pages: &Pages) -> String {
    match shape {
        Shape::Clean => return text(blocks),
        Shape::PageCutParagraphs => return page_cut(blocks, width, pages),
        _ => {}
    }
    let mut lines: Vec<String> = Vec::new();
    for (b, block) in blocks.iter().enumerate() {
        if b > 0 && shape == Shape::BlankLineBetween {
            lines.push(String::new());
        }
        for unit in block {
            let first_short = if shape == Shape::IndentDropped { 4 } else { 0 };
            let wrapped = wrap(unit, width, first_short);
            match shape {
                Shape::BlankLineAfterEveryLine => {
                    for line in wrapped {
                        lines.push(line);
                        lines.push(String::new());
                    }
                }
                Shape::Indented => {
                    lines.push(format!("\u{3000}\u{3000}{}", wrapped[0]));
                    lines.extend(wrapped[1..].iter().cloned());
                }
                Shape::IndentDropped | Shape::ShortLastLine | Shape::BlankLineBetween => lines.extend(wrapped),
                Shape::SpacesAtWrapPoints => {
                    lines.push(wrapped.join(" "));
                    lines.push(String::new());
                }
                Shape::Clean | Shape::PageCutParagraphs => unreachable!("laid out whole"),
            }
        }
    }
    let total = lines.len().div_ceil(pages.page);
    let mut out = String::new();
    for (i, line) in lines.iter().enumerate() {
        out.push_str(line);
        out.push('\n');
        if (i + 1) % pages.page == 0 && i + 1 < lines.len() {
            out.push_str(&footer(pages.footer_style, (i + 1) / pages.page, total));
            out.push('\n');
            if let Some(header) = pages.header {
                out.push_str(header);
                out.push('\n');
            }
        }
    }
    out
}

/// One line per unit, single newlines; every `pages.page / 4`-th paragraph is cut `width / 2`
/// characters in, by a page break with its furniture or by a column break (a blank line), as
/// page and column breaks cut the paragraphs of a document extracted one paragraph per line.
fn page_cut(blocks: &[Vec<String>], width: usize, pages: &Pages) -> String {
    let every = (pages.page / 4).max(2);
    // Paragraphs separated by single newlines or (as often after OCR) by blank lines.
    let separator = if pages.footer_style & 1 == 0 { "\n" } else { "\n\n" };
    let mut out = String::new();
    let mut page = 0usize;
    for (b, block) in blocks.iter().enumerate() {
        for unit in block {
            // A page break cuts wherever the page ends, numbers and words included.
            let at = unit.char_indices().nth(width / 2).map(|(i, _)| i);
            if let Some(at) = at.filter(|_| b % every == every - 1) {
                page += 1;
                // Page breaks bring furniture; column breaks (every other cut) only a blank line.
                if page & 1 == 0 {
                    out.push_str(&format!("{}\n\n{}", &unit[..at], &unit[at..]));
                } else {
                    let furniture = footer(pages.footer_style, page, blocks.len() / every);
                    out.push_str(&format!("{}\n{furniture}\n", &unit[..at]));
                    if let Some(header) = pages.header {
                        out.push_str(header);
                        out.push('\n');
                    }
                    out.push_str(&unit[at..]);
                }
            } else {
                out.push_str(unit);
            }
            out.push_str(separator);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_keeps_ascii_runs_whole() {
        assert_eq!(wrap("于2025年5月", 4, 0), ["于", "2025", "年5", "月"]);
        assert_eq!(wrap("甲2025年", 5, 0), ["甲", "2025", "年"]);
        assert_eq!(wrap("2025年", 3, 0), ["2025", "年"]);
        assert_eq!(wrap("双方", 1, 0), ["双", "方"]);
        assert_eq!(wrap("双方指出合作", 8, 4), ["双方", "指出合作"]);
    }

    #[test]
    fn pages_get_footers_and_headers() {
        let blocks = vec![vec!["甲乙丙丁".to_owned()], vec!["一二".to_owned()]];
        let pages = Pages { page: 1, footer_style: 2, header: Some("标题") };
        assert_eq!(
            render(&blocks, Shape::ShortLastLine, 4, &pages),
            "甲乙\n第 1 页 共 3 页\n标题\n丙丁\n第 2 页 共 3 页\n标题\n一二\n"
        );
    }
}
