//! Wraps a clean document the ways PDF extraction, OCR and e-mail do — every line followed by
//! a blank line, single newlines with indented paragraphs, single newlines with paragraphs
//! marked only by a short last line, and wrap points turned into spaces — at several widths,
//! inserts page furniture, and checks that the layout stage restores the paragraphs.

use std::collections::BTreeSet;
use zhclean_core::Document;
use zhclean_layout::LayoutConfig;

fn layout(text: &str) -> String {
    layout_with_unsure(text).0
}

/// The layout of `text` and the byte offsets in it of the breaks reported as unsure.
fn layout_with_unsure(text: &str) -> (String, Vec<usize>) {
    let mut doc = Document::new(text);
    zhclean_layout::run(&mut doc, &LayoutConfig::default(), |_| true);
    let unsure = doc
        .diagnostics()
        .iter()
        .filter(|d| d.rule == zhclean_layout::stray_break::RULE.name)
        .map(|d| doc.to_current(d.range.end))
        .collect();
    (doc.into_text(), unsure)
}

/// The body of the clean web statement: its paragraphs without the scraper header and the
/// signature block.
fn clean_paragraphs() -> Vec<String> {
    let raw = include_str!("../../../corpus/2025-joint-statement.web.txt");
    let cleaned = layout(raw);
    let paragraphs: Vec<String> = cleaned.trim_end().split("\n\n").map(str::to_owned).collect();
    paragraphs[1..paragraphs.len() - 4].to_vec()
}

/// Display width of a character: Chinese characters and punctuation take two columns.
fn char_width(c: char) -> usize {
    if c.is_ascii() { 1 } else { 2 }
}

/// Splits a paragraph into lines of at most `width` columns, never inside a run of ASCII
/// letters and digits.
fn wrap(paragraph: &str, width: usize) -> Vec<String> {
    let chars: Vec<char> = paragraph.chars().collect();
    let splits_ascii = |end: usize| {
        end > 0 && end < chars.len() && chars[end - 1].is_ascii_alphanumeric() && chars[end].is_ascii_alphanumeric()
    };
    let mut lines = Vec::new();
    let mut start = 0;
    while start < chars.len() {
        let (mut end, mut used) = (start, 0);
        while end < chars.len() && used + char_width(chars[end]) <= width {
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

#[derive(Clone, Copy, Debug)]
enum Shape {
    /// Every wrapped line followed by a blank line.
    BlankLineAfterEveryLine,
    /// Single newlines; each paragraph starts with an ideographic-space indent.
    Indented,
    /// Single newlines; a paragraph ends where a line is short.
    ShortLastLine,
    /// One line per paragraph, blank lines between, wrap points turned into spaces.
    SpacesAtWrapPoints,
}

/// The document in `shape`, wrapped at `width`, with a page number and a running header
/// after every `page` lines.
fn render(paragraphs: &[String], shape: Shape, width: usize, page: usize) -> String {
    let mut lines: Vec<String> = Vec::new();
    for paragraph in paragraphs {
        let wrapped = wrap(paragraph, width);
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
            Shape::ShortLastLine => lines.extend(wrapped),
            Shape::SpacesAtWrapPoints => {
                lines.push(wrapped.join(" "));
                lines.push(String::new());
            }
        }
    }
    let mut out = String::new();
    for (i, line) in lines.iter().enumerate() {
        out.push_str(line);
        out.push('\n');
        if (i + 1) % page == 0 {
            out.push_str(&format!("— {} —\n中俄联合声明\n", (i + 1) / page));
        }
    }
    out
}

/// Character offsets, in the text without separators, where paragraphs start.
fn boundaries(paragraphs: &[&str]) -> (String, BTreeSet<usize>) {
    let mut text = String::new();
    let mut starts = BTreeSet::new();
    for paragraph in paragraphs {
        starts.insert(text.chars().count());
        text.push_str(paragraph);
    }
    (text, starts)
}

/// How well the paragraph starts of a cleaned text match the expected ones.
#[derive(Debug)]
struct Score {
    /// Share of the breaks in the output that are real paragraph starts.
    precision: f64,
    /// The same, leaving out the breaks the stage reported as unsure.
    confident_precision: f64,
    /// Share of the real paragraph starts found.
    recall: f64,
    /// Breaks reported as unsure.
    unsure: usize,
}

fn score(expected: &[String], cleaned: &str, unsure_offsets: &[usize]) -> Score {
    let expected: Vec<&str> = expected.iter().map(String::as_str).collect();
    let found: Vec<&str> = cleaned.trim_end().split("\n\n").collect();
    let (expected_text, truth) = boundaries(&expected);
    let (found_text, predicted) = boundaries(&found);
    assert_eq!(found_text, expected_text, "the text itself changed");
    // An unsure break sits at the end of a paragraph: the next paragraph starts there.
    let unsure: BTreeSet<usize> =
        unsure_offsets.iter().map(|&at| cleaned[..at].chars().filter(|&c| c != '\n').count()).collect();
    let confident: BTreeSet<usize> = predicted.difference(&unsure).copied().collect();
    let hits = |set: &BTreeSet<usize>| truth.intersection(set).count() as f64;
    Score {
        precision: hits(&predicted) / predicted.len() as f64,
        confident_precision: hits(&confident) / confident.len() as f64,
        recall: hits(&predicted) / truth.len() as f64,
        unsure: unsure.len(),
    }
}

#[test]
fn generated_layouts_are_restored() {
    let paragraphs = clean_paragraphs();
    assert!(paragraphs.len() > 100, "{}", paragraphs.len());
    let shapes = [Shape::BlankLineAfterEveryLine, Shape::Indented, Shape::ShortLastLine, Shape::SpacesAtWrapPoints];
    let mut failures = Vec::new();
    for shape in shapes {
        for width in [36, 54, 72, 90] {
            let input = render(&paragraphs, shape, width, 37);
            let (cleaned, unsure) = layout_with_unsure(&input);
            // The ideographic indent of a paragraph is the author's, and stays.
            let expected: Vec<String> = match shape {
                Shape::Indented => paragraphs.iter().map(|p| format!("\u{3000}\u{3000}{p}")).collect(),
                _ => paragraphs.clone(),
            };
            let score = score(&expected, &cleaned, &unsure);
            println!("{shape:?} width {width}: {score:?}");
            // Every wrong break must be one the stage reported; the raw precision and the number of
            // reports guard against regressions in the wrapped shapes without indentation.
            if score.confident_precision < 0.99 || score.recall < 0.99 || score.precision < 0.92 || score.unsure > 25 {
                failures.push(format!("{shape:?}/{width}: {score:?}"));
            }
        }
    }
    assert!(failures.is_empty(), "below 0.99: {failures:#?}");
}

#[test]
fn clean_text_is_unchanged() {
    let text = clean_paragraphs().join("\n\n") + "\n";
    assert_eq!(layout(&text), text);
}

#[test]
fn wrapping_keeps_ascii_runs_whole() {
    assert_eq!(wrap("于2025年5月", 4), ["于", "2025", "年5", "月"]);
    assert_eq!(wrap("甲2025年", 5), ["甲", "2025", "年"]);
    assert_eq!(wrap("2025年", 3), ["2025", "年"]);
    assert_eq!(wrap("双方", 1), ["双", "方"]);
}
