//! The reflow: decides, for every line break, whether it ends a paragraph, and removes page
//! furniture on the way.
//!
//! Rules applied here: `stray-line-break` (a join, with its confidence), `paragraph-separator`
//! (blank lines normalised to the configured separator), `indentation` (leading whitespace),
//! and the furniture removals `page-number`, `running-header`, `page-footer` and
//! `continuation-marker`. Diagnostics: `possible-stray-break`, `truncated-paragraph`,
//! `continuation-marker`.

use crate::continuation_marker::{self, Direction};
use crate::line_kind::{self, Kind};
use crate::stray_break::{self, JOIN};
use crate::text::*;
use crate::{ParagraphSeparator, cjk_spacing, page_footer, page_number, running_header, truncated_paragraph};
use std::collections::{HashMap, HashSet};
use zhclean_core::chars::is_han;
use zhclean_core::{Change, Diagnostic, Document, TextRange};

/// Rule name of separator normalisation.
pub const SEPARATOR: &str = crate::paragraph_separator::NAME;
/// Rule name of indentation removal.
pub const INDENTATION: &str = crate::indentation::NAME;

/// Connectives that open a paragraph in any document.
const CONNECTIVES: &[&str] =
    &["此外", "另外", "同时", "因此", "为此", "总之", "首先", "其次", "最后", "然而", "与此同时"];

/// A line holding a paragraph start this often elsewhere in the document opens paragraphs.
const MIN_OPENER_COUNT: usize = 2;
/// Page numbers are furniture only when at least this many show a sequence of pages.
const MIN_PAGES: usize = 2;
/// A running header stands at most this many lines from a page boundary.
const HEADER_REACH: usize = 3;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    Blank,
    Furniture { rule: &'static str, forward: bool },
    Content(Kind),
}

#[derive(Debug)]
struct Line<'a> {
    start: usize,
    content_start: usize,
    content_end: usize,
    raw_end: usize,
    /// The whitespace before the content.
    indent: &'a str,
    text: &'a str,
    role: Role,
}

impl Line<'_> {
    fn kind(&self) -> Kind {
        match self.role {
            Role::Content(kind) => kind,
            _ => Kind::Body,
        }
    }

    fn indented(&self) -> bool {
        self.content_start > self.start
    }

    fn last_char(&self) -> char {
        self.text.chars().next_back().unwrap_or(' ')
    }

    fn first_char(&self) -> char {
        self.text.chars().next().unwrap_or(' ')
    }
}

/// What to do with one line break.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Decision {
    Join(f32),
    Paragraph,
    Line,
    /// A paragraph break kept without certainty: reported.
    Unsure,
    /// A paragraph break after a line that stops mid-sentence: reported.
    Truncated,
}

/// Document-wide evidence.
struct Evidence {
    openers: HashSet<(char, char)>,
    wrap_width: Option<usize>,
    indented_paragraphs: bool,
    first_body: Option<usize>,
    /// Content lines (by index) of short-line blocks; see [`short_line_blocks`].
    short_block_lines: HashSet<usize>,
}

/// Reflows `doc`: one batch of changes, and the diagnostics for the breaks it kept unsure.
pub fn run(doc: &mut Document, separator: ParagraphSeparator, enabled: &dyn Fn(&str) -> bool) {
    let text = doc.text();
    let lines = classify(text, enabled);
    let content: Vec<usize> = (0..lines.len()).filter(|&i| matches!(lines[i].role, Role::Content(_))).collect();
    let evidence = Evidence::gather(&lines, &content);
    let mut changes = Vec::new();
    let mut diagnostics = Vec::new();
    leading_changes(&lines, content.first().copied(), &mut changes);
    let mut depth = 0;
    for pair in content.windows(2) {
        let (a, b) = (&lines[pair[0]], &lines[pair[1]]);
        let gap = &lines[pair[0] + 1..pair[1]];
        depth += bracket_depth(a.text);
        let decision = evidence.decide(pair[0], a, b, gap, depth > 0);
        if !matches!(decision, Decision::Join(_)) {
            depth = 0;
        }
        report(decision, a, b, text, &mut diagnostics);
        gap_changes(decision, a, b, gap, separator, &mut changes);
    }
    for line in lines.iter().skip(content.last().map_or(0, |&i| i + 1)) {
        if let Role::Furniture { rule, forward: false } = line.role {
            changes.push(Change::delete(rule, TextRange::new(line.content_start, line.raw_end)));
        }
    }
    for line in &lines {
        if matches!(line.role, Role::Furniture { forward: true, .. }) {
            let message = format!(
                "`{}`: the article continues on another page; what follows probably belongs to another article",
                &text[line.content_start..line.content_end]
            );
            diagnostics.push(
                continuation_marker::RULE.diagnostic(TextRange::new(line.content_start, line.content_end), message),
            );
        }
    }
    let changes: Vec<Change> = changes.into_iter().filter(|c| enabled(c.rule)).collect();
    for diagnostic in diagnostics.into_iter().filter(|d| enabled(d.rule)) {
        doc.record(diagnostic);
    }
    doc.apply(changes);
}

fn classify<'a>(text: &'a str, enabled: &dyn Fn(&str) -> bool) -> Vec<Line<'a>> {
    let mut lines = Vec::new();
    let mut start = 0;
    for raw in text.split_inclusive('\n') {
        let body = raw.strip_suffix('\n').unwrap_or(raw);
        let indent = body.len() - body.trim_start_matches(is_space).len();
        let content = body[indent..].trim_end_matches(is_space);
        let line = Line {
            start,
            content_start: start + indent,
            content_end: start + indent + content.len(),
            raw_end: start + body.len(),
            indent: &body[..indent],
            text: content,
            role: role(content),
        };
        lines.push(line);
        start += raw.len();
    }
    mark_running_headers(&mut lines);
    require_page_evidence(&mut lines);
    mark_metadata(&mut lines);
    for line in &mut lines {
        if let Role::Furniture { rule, .. } = line.role
            && !enabled(rule)
        {
            line.role = Role::Content(line_kind::classify(line.text));
        }
    }
    lines
}

fn role(content: &str) -> Role {
    let short = content.len() <= 64;
    if content.is_empty() {
        Role::Blank
    } else if !short {
        Role::Content(line_kind::classify(content))
    } else if page_number::is_page_number(content) {
        Role::Furniture { rule: page_number::NAME, forward: false }
    } else if page_footer::is_page_footer(content) {
        Role::Furniture { rule: page_footer::NAME, forward: false }
    } else if let Some(direction) = continuation_marker::marker(content) {
        Role::Furniture { rule: continuation_marker::RULE.name, forward: direction == Direction::Forward }
    } else {
        Role::Content(line_kind::classify(content))
    }
}

fn mark_running_headers(lines: &mut [Line]) {
    let texts: Vec<&str> =
        lines.iter().map(|l| if matches!(l.role, Role::Content(Kind::Body)) { l.text } else { "" }).collect();
    for index in running_header::find(&texts, |_| true) {
        lines[index].role = Role::Furniture { rule: running_header::NAME, forward: false };
    }
}

/// Keeps page numbers and running headers as furniture only where the document shows pages.
///
/// A lone `3` or `第3页` is text: pages show as a run of at least [`MIN_PAGES`] page-number lines
/// whose numbers increase. A running header must stand next to a page boundary (the start of the
/// document, or within [`HEADER_REACH`] lines of a page number): a label that a transcript or a
/// form repeats is not one.
fn require_page_evidence(lines: &mut [Line]) {
    let page_lines: Vec<usize> = (0..lines.len()).filter(|&i| lines[i].role == furniture(page_number::NAME)).collect();
    let numbers: Vec<Option<u32>> = page_lines.iter().map(|&i| page_number::number(lines[i].text)).collect();
    let paged = page_lines.len() >= MIN_PAGES && numbers.windows(2).all(|w| matches!(w, [Some(a), Some(b)] if a < b));
    if !paged {
        for &i in &page_lines {
            lines[i].role = Role::Content(line_kind::classify(lines[i].text));
        }
    }
    let first_content = lines.iter().position(|l| l.role != Role::Blank).unwrap_or(0);
    // Non-blank lines before each line, so that the distance between two lines is a subtraction.
    let mut before = Vec::with_capacity(lines.len() + 1);
    before.push(0);
    for line in lines.iter() {
        before.push(before.last().copied().unwrap_or(0) + usize::from(line.role != Role::Blank));
    }
    let near_page_boundary = |i: usize| {
        // The page lines on either side of `i` are the nearest ones.
        let next = page_lines.partition_point(|&p| p < i);
        let neighbours = [next.checked_sub(1), Some(next)].into_iter().flatten().filter_map(|k| page_lines.get(k));
        (i == first_content)
            || (paged && neighbours.into_iter().any(|&p| before[p.max(i)] - before[p.min(i)] <= HEADER_REACH))
    };
    let headers: Vec<usize> = (0..lines.len()).filter(|&i| lines[i].role == furniture(running_header::NAME)).collect();
    let at_boundaries = headers.iter().filter(|&&i| near_page_boundary(i)).count();
    if !paged || at_boundaries * 2 < headers.len() {
        for &i in &headers {
            lines[i].role = Role::Content(line_kind::classify(lines[i].text));
        }
    }
}

/// The role of a line of page furniture removed by `rule`.
fn furniture(rule: &'static str) -> Role {
    Role::Furniture { rule, forward: false }
}

/// Marks the `key: value` lines that open the document (two or more in a row).
fn mark_metadata(lines: &mut [Line]) {
    let first = lines.iter().position(|l| l.role != Role::Blank).unwrap_or(lines.len());
    let count = lines[first..].iter().take_while(|l| line_kind::is_metadata(l.text)).count();
    if count >= 2 {
        for line in &mut lines[first..first + count] {
            line.role = Role::Content(Kind::Metadata);
        }
    }
}

impl Evidence {
    fn gather(lines: &[Line], content: &[usize]) -> Self {
        let mut counts: HashMap<(char, char), usize> = HashMap::new();
        let mut widths = Vec::new();
        let mut open_ends = Vec::new();
        let (mut body, mut indented) = (0, 0);
        for pair in content.windows(2) {
            let (a, b) = (&lines[pair[0]], &lines[pair[1]]);
            let confirmed_start = ends_sentence(a.text) || a.kind() == Kind::Heading;
            if confirmed_start && b.kind() == Kind::Body {
                *counts.entry(opening_bigram(b.text).unwrap_or((' ', ' '))).or_default() += 1;
            }
            if matches!(a.kind(), Kind::Body | Kind::ListItem) {
                widths.push(display_width(a.text));
                open_ends.push((display_width(a.text), !is_sentence_punctuation(a.last_char())));
            }
        }
        for &i in content {
            if lines[i].kind() == Kind::Body {
                body += 1;
                indented += usize::from(lines[i].indented());
            }
        }
        let wrap_width = wrap_width(&widths).filter(|&width| cut_anywhere(&open_ends, width));
        Self {
            openers: counts.into_iter().filter(|&(_, n)| n >= MIN_OPENER_COUNT).map(|(k, _)| k).collect(),
            short_block_lines: short_line_blocks(lines, content, wrap_width),
            wrap_width,
            indented_paragraphs: indented >= 2 && indented * 10 <= body * 8,
            first_body: content.iter().copied().find(|&i| lines[i].kind() != Kind::Metadata),
        }
    }

    fn is_opener(&self, line: &str) -> bool {
        opening_bigram(line).is_some_and(|b| self.openers.contains(&b))
            || CONNECTIVES.iter().any(|c| line.starts_with(c))
    }

    /// A short unpunctuated line that does not open like running text: a title or a name.
    fn is_title_like(&self, line: &str) -> bool {
        line.chars().count() <= 20 && is_unpunctuated(line) && !self.is_opener(line)
    }

    /// A line of running text that ends in a word, as if the rest of the sentence were lost.
    fn stops_mid_sentence(&self, line: &Line) -> bool {
        let last = line.last_char();
        (is_han(last) || last.is_ascii_digit()) && (line.kind() == Kind::ListItem || !self.is_title_like(line.text))
    }

    fn is_full(&self, line: &Line) -> bool {
        self.wrap_width.is_some_and(|width| display_width(line.text) + 3 >= width)
    }

    fn decide(&self, a_index: usize, a: &Line, b: &Line, gap: &[Line], open_bracket: bool) -> Decision {
        if gap.iter().any(|l| matches!(l.role, Role::Furniture { forward: true, .. })) {
            return Decision::Paragraph;
        }
        let short_block = !self.indented_paragraphs && self.short_block_lines.contains(&a_index);
        if gap.is_empty() && short_block && !is_non_initial(b.first_char()) {
            return Decision::Line;
        }
        match (a.kind(), b.kind()) {
            (Kind::Metadata, Kind::Metadata) => return Decision::Line,
            (Kind::Metadata, _) | (_, Kind::Metadata) => return Decision::Paragraph,
            _ => {}
        }
        if is_non_initial(b.first_char()) && a.kind() != Kind::Heading {
            return Decision::Join(0.99);
        }
        // A number cut in two (`就业12` / `00万人`): no line ends inside a number on purpose.
        if a.last_char().is_ascii_digit() && b.first_char().is_ascii_digit() && a.kind() == Kind::Body {
            return Decision::Join(0.9);
        }
        if a.kind() == Kind::Heading {
            return Decision::Paragraph;
        }
        if matches!(b.kind(), Kind::Heading | Kind::ListItem) {
            return if self.stops_mid_sentence(a) { Decision::Truncated } else { Decision::Paragraph };
        }
        let last = a.last_char();
        if Some(a_index) == self.first_body && is_unpunctuated_title(a.text) && !self.is_full(a) {
            return Decision::Paragraph;
        }
        if self.indented_paragraphs {
            return if b.indented() { Decision::Paragraph } else { Decision::Join(0.95) };
        }
        let full = self.is_full(a);
        if ends_sentence(a.text) {
            return if full { Decision::Unsure } else { Decision::Paragraph };
        }
        if matches!(last, '：' | ':') {
            return if full { Decision::Join(0.7) } else { Decision::Paragraph };
        }
        // A semicolon closes a clause whole: across a blank line it ends an item or a paragraph.
        if matches!(last, '；' | ';') && !gap.is_empty() {
            return Decision::Paragraph;
        }
        if is_non_terminal(last) {
            return Decision::Join(0.95);
        }
        if self.wrap_width.is_some() {
            return match (full, open_bracket) {
                (true, _) => Decision::Join(0.9),
                (false, true) => Decision::Join(0.7),
                (false, false) if self.is_title_like(a.text) => Decision::Paragraph,
                (false, false) => Decision::Unsure,
            };
        }
        self.decide_unwrapped(a, b, open_bracket)
    }

    /// A line that ends in a word, in a document whose lines are whole paragraphs except where
    /// a page or column break cut one.
    fn decide_unwrapped(&self, a: &Line, b: &Line, open_bracket: bool) -> Decision {
        // A `label：value` line (`時間：…`, `楊仁壽：…`) is an entry of its own, and an indented
        // line opens a paragraph: the rest of a paragraph cut by a page break is not indented.
        if is_closing(a.last_char()) || line_kind::is_metadata(a.text) || line_kind::is_metadata(b.text) || b.indented()
        {
            return Decision::Paragraph;
        }
        // Before a paragraph opener, a short line without Chinese sentence punctuation is a
        // heading or a caption, not a sentence cut short.
        let running_text = has_chinese_sentence_punctuation(a.text) || a.text.chars().count() > MAX_HEADING_CHARS;
        if self.is_opener(b.text) {
            return if running_text { Decision::Truncated } else { Decision::Paragraph };
        }
        let b_is_name = b.text.chars().count() <= 10 && is_unpunctuated(b.text);
        let b_is_note = b.text.starts_with(['（', '(']) && b.text.ends_with(['）', ')']);
        if self.is_title_like(a.text) || cjk_spacing::is_column_line(a.text) || b_is_name || b_is_note {
            return Decision::Paragraph;
        }
        Decision::Join(if open_bracket { 0.9 } else { 0.8 })
    }
}

/// True when `line` has Chinese sentence punctuation (full-width, or a half-width mark right
/// after a Han character, as extractors and typists leave it): it is running text.
fn has_chinese_sentence_punctuation(line: &str) -> bool {
    let mut prev = ' ';
    line.chars().any(|c| {
        let found = matches!(c, '，' | '。' | '、' | '；' | '：' | '？' | '！')
            || (matches!(c, ',' | ';' | ':') && is_han(prev));
        prev = c;
        found
    })
}

/// Longest heading or caption, in characters.
const MAX_HEADING_CHARS: usize = 40;

/// Lines in a block this many or more, all far shorter than any wrap width, are verse or a
/// list of short entries (an address, a transcript's header), not wrapped text.
const MIN_SHORT_BLOCK_LINES: usize = 3;
/// A line narrower than this many columns (or than half the wrap width) is far from any wrap.
const SHORT_LINE_WIDTH: usize = 20;

/// The content lines (indexes into `lines`) that belong to a short-line block: at least
/// [`MIN_SHORT_BLOCK_LINES`] lines separated by single line breaks, every one far shorter than
/// the wrap width. Their line breaks are the author's: a wrap never breaks a line that short,
/// and several in a row are not the end of a wrapped paragraph.
fn short_line_blocks(lines: &[Line], content: &[usize], wrap_width: Option<usize>) -> HashSet<usize> {
    let blank_line_style = content.windows(2).any(|pair| pair[1] > pair[0] + 1);
    // Without a wrap width, a document that separates paragraphs by blank lines breaks lines
    // inside them only on purpose: every such block keeps its lines (a label and a speech).
    let (limit, min_lines) = match wrap_width {
        Some(width) => (SHORT_LINE_WIDTH.max(width / 2), MIN_SHORT_BLOCK_LINES),
        None if blank_line_style => (usize::MAX, 2),
        None => (SHORT_LINE_WIDTH, MIN_SHORT_BLOCK_LINES),
    };
    let is_short = |i: usize| display_width(lines[i].text) < limit && matches!(lines[i].kind(), Kind::Body);
    let mut found = HashSet::new();
    let mut block: Vec<usize> = Vec::new();
    let mut flush = |block: &mut Vec<usize>| {
        if block.len() >= min_lines && block.iter().all(|&i| is_short(i)) {
            found.extend(block.iter().copied());
        }
        block.clear();
    };
    for (k, &i) in content.iter().enumerate() {
        let follows_directly = k > 0 && content[k - 1] + 1 == i;
        if !follows_directly {
            flush(&mut block);
        }
        block.push(i);
    }
    flush(&mut block);
    found
}

/// True when at least half the lines of about `width` columns end inside a sentence, as lines
/// that a wrap cuts do; lines of one width that all end at punctuation are verse.
fn cut_anywhere(lines: &[(usize, bool)], width: usize) -> bool {
    let full: Vec<bool> = lines.iter().filter(|(w, _)| w.abs_diff(width) <= 3).map(|&(_, open)| open).collect();
    full.iter().filter(|&&open| open).count() * 2 >= full.len()
}

/// The display width of the document's full lines, when its paragraphs are wrapped into lines
/// of a fixed width: the width that most lines reach, if at least 30% of them reach it.
fn wrap_width(widths: &[usize]) -> Option<usize> {
    let mut sorted: Vec<usize> = widths.iter().copied().filter(|&w| w >= 20).collect();
    sorted.sort_unstable();
    let mut best: Option<(usize, usize)> = None;
    let (mut low, mut high) = (0, 0);
    for &width in &sorted {
        while sorted[low] + 3 < width {
            low += 1;
        }
        while high < sorted.len() && sorted[high] <= width + 2 {
            high += 1;
        }
        let count = high - low;
        if best.is_none_or(|(n, _)| count >= n) {
            best = Some((count, width));
        }
    }
    best.filter(|&(count, _)| count >= 3 && count * 10 >= widths.len() * 3).map(|(_, width)| width)
}

/// A title has no sentence punctuation except the enumeration comma `、`.
fn is_unpunctuated_title(line: &str) -> bool {
    !line.chars().any(|c| c != '、' && is_sentence_punctuation(c))
}

/// Opening minus closing brackets and quotes in `text`.
fn bracket_depth(text: &str) -> i32 {
    text.chars().map(|c| i32::from(is_opening(c)) - i32::from(is_closing(c) && !matches!(c, '"' | '\''))).sum()
}

fn report(decision: Decision, a: &Line, b: &Line, text: &str, diagnostics: &mut Vec<Diagnostic>) {
    let tail_start = text[a.content_start..a.content_end]
        .char_indices()
        .rev()
        .nth(5)
        .map_or(a.content_start, |(i, _)| a.content_start + i);
    let tail = &text[tail_start..a.content_end];
    let head: String = b.text.chars().take(6).collect();
    let range = TextRange::new(tail_start, a.content_end);
    match decision {
        Decision::Unsure => diagnostics.push(stray_break::RULE.diagnostic(
            range,
            format!("kept the line break after `…{tail}` before `{head}…`, but the paragraph may continue"),
        )),
        Decision::Truncated => diagnostics.push(truncated_paragraph::RULE.diagnostic(
            range,
            format!(
                "paragraph stops mid-sentence at `…{tail}` and `{head}…` starts a new one; text is probably missing"
            ),
        )),
        _ => {}
    }
}

/// The removal of the indentation of a line that starts a paragraph. An indent of ideographic
/// spaces (`　　`) is the Chinese paragraph indent, typed by the author, and stays; other
/// indentation (ASCII spaces, tabs) is layout left by extraction and goes.
fn indentation_removal(line: &Line) -> Option<Change> {
    let ideographic = !line.indent.is_empty() && line.indent.chars().all(|c| c == '\u{3000}');
    (!ideographic).then(|| Change::delete(INDENTATION, TextRange::new(line.start, line.content_start)))
}

/// Deletes blank lines, furniture and indentation before the first content line.
fn leading_changes(lines: &[Line], first: Option<usize>, changes: &mut Vec<Change>) {
    let Some(first) = first else { return };
    let mut cursor = 0;
    for line in &lines[..first] {
        if let Role::Furniture { rule, forward: false } = line.role {
            changes.push(Change::delete(SEPARATOR, TextRange::new(cursor, line.content_start)));
            changes.push(Change::delete(rule, TextRange::new(line.content_start, line.raw_end)));
            cursor = line.raw_end;
        }
    }
    changes.push(Change::delete(SEPARATOR, TextRange::new(cursor, lines[first].start)));
    changes.extend(indentation_removal(&lines[first]));
}

/// The changes between the end of `a` and the text of `b`: furniture deleted, and the
/// separator the decision calls for.
fn gap_changes(
    decision: Decision,
    a: &Line,
    b: &Line,
    gap: &[Line],
    separator: ParagraphSeparator,
    changes: &mut Vec<Change>,
) {
    let (rule, first_separator, confidence) = match decision {
        Decision::Join(confidence) => {
            // Latin words cut by a wrap get their space back; a number cut by one does not.
            let latin = a.last_char().is_ascii_alphabetic() && b.first_char().is_ascii_alphabetic();
            (JOIN, if latin { " " } else { "" }, Some(confidence))
        }
        Decision::Line => (SEPARATOR, "\n", None),
        _ => (SEPARATOR, separator.as_str(), None),
    };
    let segment = |start, end, replacement: &str| {
        let change = Change::replace(rule, TextRange::new(start, end), replacement);
        match confidence {
            Some(c) => change.with_confidence(c),
            None => change,
        }
    };
    let mut cursor = a.raw_end;
    let mut replacement = first_separator;
    for line in gap {
        match line.role {
            Role::Furniture { forward: true, .. } => {
                // Kept as its own paragraph: it is the only sign that the text on either side
                // belongs to different articles.
                changes.push(segment(cursor, line.start, replacement));
                changes.push(Change::delete(INDENTATION, TextRange::new(line.start, line.content_start)));
                cursor = line.raw_end;
                replacement = separator.as_str();
            }
            Role::Furniture { rule: furniture, .. } => {
                changes.push(segment(cursor, line.content_start, replacement));
                changes.push(Change::delete(furniture, TextRange::new(line.content_start, line.raw_end)));
                cursor = line.raw_end;
                replacement = "";
            }
            _ => {}
        }
    }
    if rule == JOIN {
        changes.push(segment(cursor, b.content_start, replacement));
    } else {
        changes.push(segment(cursor, b.start, replacement));
        changes.extend(indentation_removal(b));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reflow(text: &str) -> (String, Vec<&'static str>) {
        let mut doc = Document::new(text);
        run(&mut doc, ParagraphSeparator::BlankLine, &|_| true);
        let rules = doc.diagnostics().iter().map(|d| d.rule).collect();
        (doc.into_text(), rules)
    }

    /// Three paragraphs that make `双方` a paragraph opener of the document.
    const OPENERS: &str = "双方指出，合作。\n\n双方认为，发展。\n\n双方强调，友好。\n\n";

    #[test]
    fn page_and_column_breaks_inside_a_paragraph_are_joined() {
        let cases = [
            (
                "俄方重申恪守一个中国原则，实\n\n现国家统一所采取的举措。\n",
                "俄方重申恪守一个中国原则，实现国家统一所采取的举措。\n",
            ),
            (
                "双方对日本计划今年向海洋排放福\n\n岛核电站事故放射性污染水表示严重关切。\n",
                "双方对日本计划今年向海洋排放福岛核电站事故放射性污染水表示严重关切。\n",
            ),
            ("在数字经济、\n\n人工智能技术发展的背景下合作。\n", "在数字经济、人工智能技术发展的背景下合作。\n"),
            (
                "呼吁避免危机失控。双方\n\n强调，对话是解决危机的良好途径。\n",
                "呼吁避免危机失控。双方强调，对话是解决危机的良好途径。\n",
            ),
            ("双方认为，这是一个\n\n，很长的句子。\n", "双方认为，这是一个，很长的句子。\n"),
            ("We agree, on the\n\ntext here, 双方。\n", "We agree, on the text here, 双方。\n"),
        ];
        for (input, expected) in cases {
            assert_eq!(reflow(&format!("{OPENERS}{input}")), (format!("{OPENERS}{expected}"), vec![]), "{input}");
        }
    }

    #[test]
    fn a_line_before_a_paragraph_opener_is_truncated_not_joined() {
        let input = format!(
            "{OPENERS}双方计划完善1992年6月19日签订的《中华人民共和国和俄罗斯联邦关于民事和刑事司法协助的条约》中所规定的法律判决认可和\n\n双方将继续加强务实合作。\n\n双方商定：\n\n——支持中俄各界代表参与在两国举办的重要\n——不断提升两国投资合作水平。\n"
        );
        let expected = format!(
            "{OPENERS}双方计划完善1992年6月19日签订的《中华人民共和国和俄罗斯联邦关于民事和刑事司法协助的条约》中所规定的法律判决认可和\n\n双方将继续加强务实合作。\n\n双方商定：\n\n——支持中俄各界代表参与在两国举办的重要\n\n——不断提升两国投资合作水平。\n"
        );
        assert_eq!(reflow(&input), (expected, vec!["truncated-paragraph", "truncated-paragraph"]));
    }

    #[test]
    fn titles_headings_lists_and_signatures_keep_their_lines() {
        let input = "\n\n中华人民共和国和俄罗斯联邦联合声明\n\n应俄罗斯联邦总统邀请，习近平进行国事访问。\n\n一\n\n双方商定：\n——加强合作。\n——深化交流。\n\n铭记共同的历史记忆\n\n当地时间5月7日晚，活动举行。\n\n俄罗斯联邦总统\u{3000}中华人民共和国主席\n\n习近平\n\n弗·弗·普京\n\n（新华社北京5月16日电）\n";
        let expected = "中华人民共和国和俄罗斯联邦联合声明\n\n应俄罗斯联邦总统邀请，习近平进行国事访问。\n\n一\n\n双方商定：\n\n——加强合作。\n\n——深化交流。\n\n铭记共同的历史记忆\n\n当地时间5月7日晚，活动举行。\n\n俄罗斯联邦总统\u{3000}中华人民共和国主席\n\n习近平\n\n弗·弗·普京\n\n（新华社北京5月16日电）\n";
        assert_eq!(reflow(input), (expected.to_owned(), vec![]));
    }

    #[test]
    fn scraper_header_lines_stay_together() {
        let input = "标题: 联合声明\n链接: http://example.com/a.html\n发布时间: 2025-05-09\n\n\n\n正文。\n";
        let expected = "标题: 联合声明\n链接: http://example.com/a.html\n发布时间: 2025-05-09\n\n正文。\n";
        assert_eq!(reflow(input), (expected.to_owned(), vec![]));
    }

    #[test]
    fn continuation_markers() {
        let forward =
            format!("{OPENERS}遵守各国法律和《联合国\n\n（下转第三版）\n\n当地时间5月7日，国家主席致贺信。\n");
        let expected =
            format!("{OPENERS}遵守各国法律和《联合国\n\n（下转第三版）\n\n当地时间5月7日，国家主席致贺信。\n");
        assert_eq!(reflow(&forward), (expected, vec!["continuation-marker"]));
        let backward = format!("{OPENERS}中方表示，中国和俄罗斯将继续\n（接第一版）\n加强合作。\n");
        assert_eq!(reflow(&backward), (format!("{OPENERS}中方表示，中国和俄罗斯将继续加强合作。\n"), vec![]));
    }

    #[test]
    fn page_numbers_and_running_headers_between_lines_are_removed() {
        let input = format!("{OPENERS}中方表示，中国和俄罗斯将继续\n\n— 3 —\n\n加强合作。\n\n— 4 —\n");
        assert_eq!(reflow(&input).0.trim_end(), format!("{OPENERS}中方表示，中国和俄罗斯将继续加强合作。"));
        let mut pages = String::new();
        for n in 1..=3 {
            pages.push_str(&format!(
                "人民日报 第{n}版\n双方指出，第{n}页的内容。\n双方认为，内容继续。\n双方强调，还有一段。\n{n}\n\n"
            ));
        }
        let cleaned = reflow(&pages).0;
        assert!(!cleaned.contains("人民日报"), "{cleaned}");
    }

    #[test]
    fn page_furniture_needs_pages() {
        let lone_number = format!("{OPENERS}中方表示，合作继续。\n\n— 3 —\n");
        assert_eq!(reflow(&lone_number).0, lone_number);
        let decreasing = format!("{OPENERS}第一段。\n\n3\n\n第二段。\n\n2\n");
        assert_eq!(reflow(&decreasing).0, decreasing);
        let transcript = "记者：\n问题一。\n\n发言人：\n回答一。\n\n记者：\n问题二。\n\n发言人：\n回答二。\n\n记者：\n问题三。\n\n发言人：\n回答三。\n";
        assert_eq!(reflow(transcript).0.matches("记者：").count(), 3);
        assert_eq!(reflow(transcript).0.matches("发言人：").count(), 3);
    }

    #[test]
    fn indented_paragraphs_of_wrapped_lines() {
        let input = "\u{3000}\u{3000}双方指出，两国关系\n达到历史最高水平。\n不断向前发展。\n\u{3000}\u{3000}双方认为，合作\n前景广阔。\n";
        assert_eq!(
            reflow(input).0,
            "\u{3000}\u{3000}双方指出，两国关系达到历史最高水平。不断向前发展。\n\n\u{3000}\u{3000}双方认为，合作前景广阔。\n"
        );
        let spaces = "  双方指出，两国关系\n达到历史最高水平。\n不断向前发展。\n  双方认为，合作\n前景广阔。\n";
        assert_eq!(
            reflow(spaces).0,
            "双方指出，两国关系达到历史最高水平。不断向前发展。\n\n双方认为，合作前景广阔。\n"
        );
    }

    #[test]
    fn wrap_width_needs_many_lines_of_one_width() {
        assert_eq!(wrap_width(&[40, 40, 39, 40, 12, 38, 40]), Some(40));
        assert_eq!(wrap_width(&[120, 300, 80, 45, 640, 200, 77]), None);
    }
}
