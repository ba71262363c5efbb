//! The reflow: decides, for every line break, whether it ends a paragraph, and removes page
//! furniture on the way.
//!
//! Rules applied here: `stray-line-break` (a join, with its confidence), `paragraph-separator`
//! (blank lines normalised to the configured separator), `indentation` (leading whitespace),
//! and the furniture removals `page-number`, `running-header`, `page-footer` and
//! `continuation-marker`. Diagnostics: `possible-stray-break`, `truncated-paragraph`,
//! `continuation-marker`.

use crate::break_model::{JOIN_ABOVE, KEEP_BELOW, Regime, Signal, Signals};
use crate::continuation_marker::{self, Direction};
use crate::displaced_glyph;
use crate::interleaved_columns;
use crate::line_kind::{self, Kind};
use crate::stray_break::{self, JOIN};
use crate::text::*;
use crate::{ParagraphSeparator, cjk_spacing, page_footer, page_number, running_header, truncated_paragraph};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::collections::BTreeMap;
use zhclean_core::chars::is_contents_entry;
use zhclean_core::chars::is_han;
use zhclean_core::words::{ends_in_function_word, word_across};
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
/// Blank lines separate paragraphs when at least this many breaks have one (and most do not).
const MIN_BLANK_GAPS: usize = 3;
/// Columns a line of wrapped text is wide at least (narrower lines are verse, names, items).
const MIN_WRAP_WIDTH: usize = 20;
/// A running header stands at most this many lines from a page boundary.
const HEADER_REACH: usize = 3;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    Blank,
    Furniture { rule: &'static str, forward: bool },
    Content(Kind),
}

#[derive(Clone, Debug)]
struct Line<'a> {
    start: usize,
    content_start: usize,
    content_end: usize,
    raw_end: usize,
    /// The whitespace before the content.
    indent: &'a str,
    text: &'a str,
    /// The display width of the indent and the text, in the document's measure (see
    /// [`measure_widths`]): where the line ends.
    width: usize,
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
    /// A join of the two parts of one printed line, with the separator that fills the gap
    /// between them.
    Rejoin(&'static str),
    Paragraph,
    Line,
    /// A paragraph break kept without certainty, with the probability of a join: reported.
    Unsure(f32),
    /// A paragraph break after a line that stops mid-sentence: reported.
    Truncated,
}

/// Document-wide evidence.
struct Evidence {
    /// The bigrams that open paragraphs, each with its share of the sentences it opens that
    /// open a paragraph: near 1 for a paragraph's opener (`第一，`), low for a word that opens
    /// sentences anywhere (`双方`).
    openers: HashMap<(char, char), f32>,
    wrap_width: Option<usize>,
    indented_paragraphs: bool,
    first_body: Option<usize>,
    /// Every signal is computed, even where it cannot change the decision (for calibration).
    exact: bool,
    /// The share of the paragraphs (after a sentence end) that open with one of the openers.
    opener_share: f32,
    /// Paragraphs start with a line short by about an indent: the extractor dropped the indents.
    dropped_indents: bool,
    /// The share of content lines that stop mid-sentence.
    open_line_share: f32,
    /// The share of content lines of running text that stop in a word.
    cut_line_share: f32,
    /// Most breaks between content lines have a blank line in the gap.
    blank_gaps_common: bool,
    /// Some break between content lines has a blank line in the gap.
    any_blank_gap: bool,
    /// Some breaks (at least [`MIN_BLANK_GAPS`]) have a blank line in the gap, most do not:
    /// blank lines separate paragraphs.
    blank_line_style: bool,
    /// Content lines (by index) in runs of single characters; see [`spread_lines`].
    spread_lines: HashSet<usize>,
    /// Content lines (by index) of short-line blocks; see [`short_line_blocks`].
    short_block_lines: HashSet<usize>,
    /// The content lines that are rows of a plain-text table (see [`crate::table`]).
    table_lines: HashSet<usize>,
    /// The content lines that are items of a numbered list: numbered next after the content
    /// line before or next before the one after.
    list_items: HashSet<usize>,
    /// The lines are measured with curly quotes one column wide (see [`measure_widths`]).
    narrow_quotes: bool,
}

/// Reflows `doc`: one batch of changes, and the diagnostics for the breaks it kept unsure.
pub fn run(doc: &mut Document, separator: ParagraphSeparator, enabled: &dyn Fn(&str) -> bool) {
    let text = doc.text();
    let lines = classify(text, enabled);
    let content = content_lines(&lines);
    let evidence = Evidence::gather(&lines, &content);
    if enabled(displaced_glyph::NAME) {
        let changes = displaced_glyphs(&lines, &content, &evidence);
        if !changes.is_empty() {
            // The glyphs put back, the lines are read again (the runs that did not fit stay).
            doc.apply(changes);
            return run(doc, separator, enabled);
        }
    }
    let texts: Vec<&str> = content.iter().map(|&i| lines[i].text).collect();
    if enabled(interleaved_columns::RULE.name) && interleaved_columns::interleaved(&texts) {
        let range = TextRange::new(lines[content[0]].content_start, lines[content[content.len() - 1]].content_end);
        let message = "lines alternate between two columns of a page, so the text was not reflowed; extract it again keeping the layout (`pdftotext -layout`) or reading columns in order".to_owned();
        doc.record(interleaved_columns::RULE.diagnostic(range, message));
        return;
    }
    let mut changes = Vec::new();
    let mut diagnostics = Vec::new();
    leading_changes(&lines, content.first().copied(), &mut changes);
    let decisions = decide_all(&lines, &content, &evidence);
    // Lines that no wrap, page or extractor cut (nothing to join) are the author's, and so is
    // their indentation: a right-aligned signature, the items of an aligned list.
    let paginated = lines.iter().any(|line| matches!(line.role, Role::Furniture { .. }));
    let authors_lines =
        evidence.wrap_width.is_none() && !paginated && decisions.iter().all(|&decision| is_kept_break(decision));
    for (pair, decision) in content.windows(2).zip(decisions) {
        let (a, b) = (&lines[pair[0]], &lines[pair[1]]);
        let gap = &lines[pair[0] + 1..pair[1]];
        report(decision, a, b, text, &mut diagnostics);
        // There each single line break is a paragraph's end or a line of a block (an item, a
        // verse) alike, and no evidence tells which: it stays as it is.
        let authors_break = authors_lines && gap.is_empty() && separator == ParagraphSeparator::BlankLine;
        let decision = if authors_break && is_kept_break(decision) { Decision::Line } else { decision };
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
    let changes: Vec<Change> =
        changes.into_iter().filter(|c| enabled(c.rule) && !(authors_lines && c.rule == INDENTATION)).collect();
    for diagnostic in diagnostics.into_iter().filter(|d| enabled(d.rule)) {
        doc.record(diagnostic);
    }
    doc.apply(changes);
}

/// A line break the break model scores.
#[derive(Clone, Debug)]
pub struct BreakSample {
    /// Byte offset of the text of the line after the break.
    pub next_line: usize,
    /// The signals of the break.
    pub signals: Signals,
}

/// The line breaks of `text` that the break model scores (the document's structure decides
/// the others), for calibration.
pub fn samples(text: &str) -> Vec<BreakSample> {
    let lines = classify(text, &|_| true);
    let content = content_lines(&lines);
    let evidence = Evidence { exact: true, ..Evidence::gather(&lines, &content) };
    let mut samples = Vec::new();
    decisions(&lines, &content, &evidence, |pair, _, signals| {
        samples.extend(signals.map(|signals| BreakSample { next_line: lines[pair[1]].content_start, signals }));
    });
    samples
}

/// True when `text` is one Han character: a glyph, where a line holds nothing else.
fn is_one_han(text: &str) -> bool {
    let mut chars = text.chars();
    chars.next().is_some_and(is_han) && chars.next().is_none()
}

/// The indexes of the content lines of `lines`.
fn content_lines(lines: &[Line]) -> Vec<usize> {
    (0..lines.len()).filter(|&i| matches!(lines[i].role, Role::Content(_))).collect()
}

/// Most characters a run of displaced glyphs holds.
const MAX_DISPLACED_GLYPHS: usize = 4;

/// The edits that put back the glyphs an extractor set after their line (see
/// [`displaced_glyph`]): of a run of adjacent lines of one Han character, the first `n` (as
/// many as can be) after `n + 1` adjacent pieces of text that, with them, fit in one line of
/// the wrap width. The glyphs left over start the next line, where the reflow joins them.
fn displaced_glyphs(lines: &[Line], content: &[usize], evidence: &Evidence) -> Vec<Change> {
    let Some(width) = evidence.wrap_width else { return Vec::new() };
    let is_glyph = |i: usize| lines[i].kind() == Kind::Body && is_one_han(lines[i].text);
    let fits = |run: &[usize], pieces: usize| {
        run.windows(2).all(|pair| pair[0] + 1 == pair[1])
            && run[..pieces].iter().all(|&i| lines[i].kind() == Kind::Body && !is_glyph(i))
            && run.iter().map(|&i| lines[i].width).sum::<usize>() <= width + 2
    };
    let mut changes = Vec::new();
    let mut k = 0;
    while k < content.len() {
        let run_len = content[k..].iter().take_while(|&&i| is_glyph(i)).count();
        if run_len == 0 {
            k += 1;
            continue;
        }
        let start = k;
        k += run_len;
        let longest = (1..=run_len.min(MAX_DISPLACED_GLYPHS).min(start.saturating_sub(1)))
            .rev()
            .find(|&n| fits(&content[start - n - 1..start + n], n + 1));
        if let Some(n) = longest {
            let (pieces, glyphs) = content[start - n - 1..start + n].split_at(n + 1);
            changes.extend(put_back(lines, pieces, glyphs));
        }
    }
    changes
}

/// The edits that put `glyphs` into the cuts between `pieces`, in order, and remove their lines.
fn put_back(lines: &[Line], pieces: &[usize], glyphs: &[usize]) -> Vec<Change> {
    let mut changes: Vec<Change> = pieces
        .windows(2)
        .zip(glyphs)
        .map(|(pair, &glyph)| {
            let cut = TextRange::new(lines[pair[0]].content_end, lines[pair[1]].content_start);
            Change::replace(displaced_glyph::NAME, cut, lines[glyph].text)
        })
        .collect();
    let (last_piece, last_glyph) = (&lines[pieces[pieces.len() - 1]], &lines[glyphs[glyphs.len() - 1]]);
    let removed = TextRange::new(last_piece.content_end, last_glyph.content_end);
    changes.push(Change::delete(displaced_glyph::NAME, removed));
    changes
}

/// Hands `each` the decision for the break between each two consecutive content lines (by
/// index), with the signals when the model scored it, one break after the other.
fn decisions(
    lines: &[Line],
    content: &[usize],
    evidence: &Evidence,
    mut each: impl FnMut([usize; 2], Decision, Option<Signals>),
) {
    let mut carried = Carried::default();
    for pair in content.windows(2) {
        let (decision, signals) = evidence.decide_next(lines, [pair[0], pair[1]], &mut carried);
        each([pair[0], pair[1]], decision, signals);
    }
}

/// Breaks decided on one thread at a time.
const BREAKS_PER_TASK: usize = 4096;

/// The decision for the break between each two consecutive content lines, as [`decisions`]
/// gives them, made on the threads of the current pool.
///
/// A stretch of breaks is decided as if a paragraph break came before it (what a break
/// carries to the next is reset by every paragraph break); where the breaks before it carry
/// something else, its breaks are decided again, one after the other, until one leaves what
/// the first decisions left after it: the rest stand.
fn decide_all(lines: &[Line], content: &[usize], evidence: &Evidence) -> Vec<Decision> {
    decide_in_stretches(lines, content, evidence, BREAKS_PER_TASK)
}

/// [`decide_all`] with stretches of `per_task` breaks.
fn decide_in_stretches(lines: &[Line], content: &[usize], evidence: &Evidence, per_task: usize) -> Vec<Decision> {
    use rayon::prelude::*;
    let pairs: Vec<[usize; 2]> = content.windows(2).map(|pair| [pair[0], pair[1]]).collect();
    let stretches: Vec<(Vec<Decision>, Vec<bool>, Carried)> = pairs
        .par_chunks(per_task)
        .map(|stretch| {
            let mut carried = Carried::default();
            let mut decided = Vec::with_capacity(stretch.len());
            let mut reset = Vec::with_capacity(stretch.len());
            for &pair in stretch {
                decided.push(evidence.decide_next(lines, pair, &mut carried).0);
                reset.push(carried == Carried::default());
            }
            (decided, reset, carried)
        })
        .collect();
    let mut all = Vec::with_capacity(pairs.len());
    let mut carried = Carried::default();
    for ((mut decided, reset, last), stretch) in stretches.into_iter().zip(pairs.chunks(per_task)) {
        let mut agrees = carried == Carried::default();
        for (k, &pair) in stretch.iter().enumerate() {
            if agrees {
                break;
            }
            decided[k] = evidence.decide_next(lines, pair, &mut carried).0;
            agrees = reset[k] && carried == Carried::default();
        }
        if agrees {
            carried = last;
        }
        all.append(&mut decided);
    }
    all
}

/// What a break carries to the next: brackets opened and not closed since the last paragraph
/// break, how many lines ago the first of them was opened (one still open after
/// [`MAX_BRACKET_LINES`] lines is a stray mark, a backtick read as `‘`, not a parenthesis), and
/// the width of a line whose first part (a label set apart) was rejoined to it: its whole.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Carried {
    depth: i32,
    open_for: usize,
    rejoined: Option<usize>,
}

fn classify<'a>(text: &'a str, enabled: &dyn Fn(&str) -> bool) -> Vec<Line<'a>> {
    use rayon::prelude::*;
    let starts: Vec<(usize, &str)> = zhclean_core::lines_with_starts(text).collect();
    let mut lines: Vec<Line> =
        starts.into_par_iter().with_min_len(LINES_PER_TASK).map(|(start, raw)| line(start, raw)).collect();
    mark_verbatim(text, &mut lines);
    mark_running_headers(&mut lines);
    let pages = require_page_evidence(&mut lines);
    mark_headers_by_page(&mut lines, &pages);
    mark_metadata(&mut lines);
    for line in &mut lines {
        if let Role::Furniture { rule, .. } = line.role
            && !enabled(rule)
        {
            line.role = Role::Content(line_kind::classify(line.text));
        }
    }
    measure_widths(&mut lines);
    lines
}

/// Lines read on one thread at a time.
const LINES_PER_TASK: usize = 4096;

/// The line of `raw` (with its line break) at byte `start`, measured and given its role alone.
fn line(start: usize, raw: &str) -> Line<'_> {
    let body = raw.strip_suffix('\n').unwrap_or(raw);
    let indent = body.len() - body.trim_start_matches(is_space).len();
    let content = body[indent..].trim_end_matches(is_space);
    Line {
        start,
        content_start: start + indent,
        content_end: start + indent + content.len(),
        raw_end: start + body.len(),
        indent: &body[..indent],
        text: content,
        width: extent(&body[..indent], content, false),
        role: role(content),
    }
}

/// Measures the lines with curly quotes one column wide when the lines holding quotes reach the
/// width of the other full lines only so: the layout set the quotes in a Western font, and a
/// paragraph's first line holding quotes would otherwise look full where it is short by its
/// indent.
fn measure_widths(lines: &mut [Line]) {
    let is_body = |line: &Line| matches!(line.role, Role::Content(Kind::Body | Kind::ListItem));
    // A line's curly quotes, counted once: narrow, each takes a column less.
    let quotes: Vec<usize> = lines.iter().map(|line| curly_quotes(line.text)).collect();
    let body = || (0..lines.len()).filter(|&i| is_body(&lines[i]));
    let Some(width) = most_common_width(body().filter(|&i| quotes[i] == 0).map(|i| lines[i].width)) else { return };
    let reach = |narrow: bool| {
        let measured = |i: usize| lines[i].width - if narrow { quotes[i] } else { 0 };
        body().filter(|&i| quotes[i] > 0 && measured(i).abs_diff(width) <= 1).count()
    };
    if reach(true) > reach(false) {
        for (line, quotes) in lines.iter_mut().zip(quotes) {
            line.width -= quotes;
        }
    }
}

/// True for the label of a statute's article and nothing else: `第三条`, `第12条`.
fn is_article_label(line: &str) -> bool {
    line.strip_prefix('第').and_then(|rest| rest.strip_suffix('条')).is_some_and(|number| {
        !number.is_empty() && number.chars().all(|c| c.is_ascii_digit() || "零〇一二三四五六七八九十百千".contains(c))
    })
}

/// Where a line of `indent` and `text` ends, in columns, with curly quotes one column wide
/// when `narrow_quotes`.
fn extent(indent: &str, text: &str, narrow_quotes: bool) -> usize {
    let width = if narrow_quotes { display_width_narrow_quotes } else { display_width };
    width(indent) + width(text)
}

/// The most common of `widths` of at least 20 columns (the width of full lines, where lines
/// are wrapped), the widest of equals.
fn most_common_width(widths: impl Iterator<Item = usize>) -> Option<usize> {
    let mut counts: HashMap<usize, usize> = HashMap::default();
    for width in widths.filter(|&w| w >= 20) {
        *counts.entry(width).or_default() += 1;
    }
    counts.into_iter().max_by_key(|&(width, count)| (count, width)).map(|(width, _)| width)
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

/// The lines of subtitle cues, pipe tables, records (of logs, chats) and fenced code keep their
/// breaks and are text, whatever they look like alone (a cue's number is no page number).
fn mark_verbatim(text: &str, lines: &mut [Line]) {
    let texts: Vec<&str> = lines.iter().map(|l| l.text).collect();
    let cues = crate::subtitle::cue_lines(&texts);
    let rows = zhclean_core::verbatim::pipe_rows(&texts);
    let records = crate::record::record_lines(&texts);
    for (k, line) in lines.iter_mut().enumerate() {
        if cues[k] || rows[k] || records[k] {
            line.role = Role::Content(Kind::Verbatim);
        }
    }
    for block in zhclean_core::verbatim::fenced_blocks(text) {
        // The block starts with the line break before its opening fence, if there is one.
        let fence = block.start + usize::from(text.as_bytes()[block.start] == b'\n');
        let first = lines.partition_point(|line| line.start < fence);
        for line in lines[first..].iter_mut().take_while(|line| line.start < block.end) {
            line.role = Role::Content(Kind::Verbatim);
        }
    }
}

fn mark_running_headers(lines: &mut [Line]) {
    let texts: Vec<&str> =
        lines.iter().map(|l| if matches!(l.role, Role::Content(Kind::Body)) { l.text } else { "" }).collect();
    for index in running_header::find(&texts, |_| true) {
        lines[index].role = Role::Furniture { rule: running_header::NAME, forward: false };
    }
}

/// True for a line that holds only a number of at most three digits.
fn is_bare_number(line: &str) -> bool {
    (1..=3).contains(&line.len()) && line.bytes().all(|b| b.is_ascii_digit())
}

/// Lines of text a page holds, at least, on average: numbers a few lines apart number stanzas,
/// questions or sections, not pages.
const MIN_LINES_PER_PAGE: usize = 5;

/// True when the pages that the page-number lines `sequence` bound hold on average at least
/// [`MIN_LINES_PER_PAGE`] lines of text (of the pages between its first and last number).
fn pages_are_long(lines: &[Line], sequence: &[usize]) -> bool {
    let (Some(&first), Some(&last)) = (sequence.first(), sequence.last()) else { return false };
    let text_lines = lines[first..last].iter().filter(|l| matches!(l.role, Role::Content(_))).count();
    text_lines >= MIN_LINES_PER_PAGE * (sequence.len() - 1)
}

/// True when a page-number line says it is one (`第3页`, `— 3 —`), not a bare number or a
/// fraction (`3/10`) that could number a section or a part.
fn written_as_page(line: &str) -> bool {
    // `2/3` numbers the parts of a thread or a list as often as pages.
    let fraction = line.split_once('/').is_some_and(|(n, of)| is_bare_number(n) && is_bare_number(of));
    !fraction && !line.chars().all(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
}

/// True when the page-number line `at` stands inside a sentence: the text before it stops
/// mid-sentence. Pages end wherever the text has filled them, inside sentences as often as not;
/// numbers that each follow the end of a sentence are as likely the numbers of sections (`1`,
/// `2` over the parts of an essay), which are text.
fn breaks_a_sentence(lines: &[Line], at: usize) -> bool {
    lines[..at].iter().rev().find(|l| matches!(l.role, Role::Content(_))).is_some_and(|l| !ends_sentence(l.text))
}

/// True when a line that recurs as a running header stands within [`HEADER_REACH`] lines of
/// at least half of the page-number lines `sequence`: pages whose text ends with their
/// sentences (a newspaper's articles) still show their heads.
fn headed_pages(lines: &[Line], sequence: &[usize]) -> bool {
    let is_header = |l: &Line| l.role == furniture(running_header::NAME);
    let headed = |p: usize| {
        let before = lines[..p].iter().rev().filter(|l| l.role != Role::Blank).take(HEADER_REACH);
        let after = lines[p + 1..].iter().filter(|l| l.role != Role::Blank).take(HEADER_REACH);
        before.chain(after).any(is_header)
    };
    sequence.iter().filter(|&&p| headed(p)).count() * 2 >= sequence.len()
}

/// Keeps page numbers and running headers as furniture only where the document shows pages;
/// returns the page-number lines of each sequence of pages.
///
/// A lone `3` or `第3页` is text: pages show as a run of at least [`MIN_PAGES`] page-number lines
/// whose numbers increase (several runs where documents were joined); bare numbers (`3`, which
/// may number sections) only where one of them at least stands inside a sentence (see
/// [`breaks_a_sentence`]) or running headers stand next to them. A running header must
/// stand next to a page boundary (the start of the document, or within [`HEADER_REACH`] lines
/// of a page number) at least as often as not, and recur on half the pages or more: a label
/// that a transcript or a form repeats is not one.
fn require_page_evidence(lines: &mut [Line]) -> Vec<Vec<usize>> {
    let candidates: Vec<usize> = (0..lines.len()).filter(|&i| lines[i].role == furniture(page_number::NAME)).collect();
    let numbers: Vec<Option<u32>> = candidates.iter().map(|&i| page_number::number(lines[i].text)).collect();
    let pages: Vec<Vec<usize>> = page_sequences(&numbers)
        .into_iter()
        .map(|sequence| sequence.into_iter().map(|k| candidates[k]).collect::<Vec<usize>>())
        .filter(|sequence| {
            // A number written as a page's (`— 3 —`, `第3页`) says so; bare numbers need pages
            // long enough to be pages.
            let inferred = sequence.iter().any(|&p| breaks_a_sentence(lines, p)) || headed_pages(lines, sequence);
            sequence.iter().any(|&p| written_as_page(lines[p].text)) || (inferred && pages_are_long(lines, sequence))
        })
        .collect();
    let paged = !pages.is_empty();
    let mut page_lines: Vec<usize> = pages.concat();
    page_lines.sort_unstable();
    for &i in &candidates {
        if page_lines.binary_search(&i).is_err() {
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
    // Each text (its digits aside) is judged on its own: a header recurs on half the pages or more, next to their
    // boundaries (a glyph an extractor set apart recurs too, but not once per page).
    let mut headers: HashMap<String, Vec<usize>> = HashMap::default();
    for i in (0..lines.len()).filter(|&i| lines[i].role == furniture(running_header::NAME)) {
        headers.entry(running_header::shape(lines[i].text)).or_default().push(i);
    }
    let texts: Vec<Vec<usize>> = headers.into_values().collect();
    for indexes in texts {
        let at_boundaries = indexes.iter().filter(|&&i| near_page_boundary(i)).count();
        if !paged || at_boundaries * 2 < indexes.len() || indexes.len() * 2 < page_lines.len() {
            for &i in &indexes {
                lines[i].role = Role::Content(line_kind::classify(lines[i].text));
            }
        }
    }
    pages
}

/// Marks the lines that recur once per page next to its boundary, whatever they say: the
/// running header is often the document's title, printed again at the top of every page.
///
/// The page boundaries are the page-number lines of each sequence of `pages`. Around each
/// boundary, the nearest content line after it and the nearest before it are candidates; a
/// text that is a candidate at half the boundaries of its sequence or more (and at two at least)
/// is a running header there, and in the first line of the document, which starts page one.
fn mark_headers_by_page(lines: &mut [Line], pages: &[Vec<usize>]) {
    let first = lines.iter().position(|l| matches!(l.role, Role::Content(_)));
    for (n, boundaries) in pages.iter().enumerate() {
        mark_headers_of_sequence(lines, boundaries, first.filter(|_| n == 0));
    }
}

/// Marks the running headers at `boundaries`, one sequence of pages, and at `first` when it
/// recurs there.
fn mark_headers_of_sequence(lines: &mut [Line], boundaries: &[usize], first: Option<usize>) {
    let is_content = |line: &Line| matches!(line.role, Role::Content(_));
    let nearest =
        |range: &mut dyn Iterator<Item = usize>| range.take(HEADER_REACH * 2).find(|&i| is_content(&lines[i]));
    let mut candidates: Vec<usize> = Vec::new();
    for &b in boundaries {
        candidates.extend(nearest(&mut (b + 1..lines.len())));
        candidates.extend(nearest(&mut (0..b).rev()));
    }
    // A header is short and no sentence; each line counts once.
    candidates.retain(|&i| at_most_chars(lines[i].text, MAX_HEADING_CHARS) && !ends_sentence(lines[i].text));
    candidates.sort_unstable();
    candidates.dedup();
    let mut counts: HashMap<&str, usize> = HashMap::default();
    for &i in &candidates {
        *counts.entry(lines[i].text).or_default() += 1;
    }
    let recurring: HashSet<String> = counts
        .into_iter()
        .filter(|&(_, n)| n >= MIN_PAGES && n * 2 >= boundaries.len())
        .map(|(text, _)| text.to_owned())
        .collect();
    for i in candidates.into_iter().chain(first) {
        if recurring.contains(lines[i].text) {
            lines[i].role = furniture(running_header::NAME);
        }
    }
}

/// Lines a bracket stays open across, at most.
const MAX_BRACKET_LINES: usize = 4;

/// Candidates a page number is chained to at most, looking back.
const SEQUENCE_REACH: usize = 64;

/// The sequences of pages: chains (indexes into `numbers`, in order) of at least [`MIN_PAGES`]
/// page numbers that go up one page at a time (or two, where a page has no number line), each
/// in a stretch of text of its own (documents joined into one file each number their pages),
/// the longest first. A number that breaks a sequence (`2018` on a line of its own) is text.
fn page_sequences(numbers: &[Option<u32>]) -> Vec<Vec<usize>> {
    // For each candidate: the length of the best chain ending there, and its predecessor (the
    // nearest, of equally long chains).
    let mut best: Vec<(usize, Option<usize>)> = Vec::with_capacity(numbers.len());
    for (i, number) in numbers.iter().enumerate() {
        let mut entry = (usize::from(number.is_some()), None);
        if let Some(n) = number {
            for j in (i.saturating_sub(SEQUENCE_REACH)..i).rev() {
                let follows = numbers[j].is_some_and(|m| (1..=2).contains(&n.wrapping_sub(m)) && *n > m);
                if follows && best[j].0 + 1 > entry.0 {
                    entry = (best[j].0 + 1, Some(j));
                }
            }
        }
        best.push(entry);
    }
    let mut ends: Vec<usize> = (0..best.len()).filter(|&i| best[i].0 >= MIN_PAGES).collect();
    ends.sort_by_key(|&i| (std::cmp::Reverse(best[i].0), i));
    // Each candidate is walked once: a chain stops where it meets one walked before.
    let mut walked = vec![false; numbers.len()];
    let mut spans: std::collections::BTreeMap<usize, usize> = std::collections::BTreeMap::new();
    let mut sequences = Vec::new();
    for end in ends {
        let mut chain = Vec::new();
        let mut at = Some(end);
        while let Some(i) = at.filter(|&i| !walked[i]) {
            walked[i] = true;
            chain.push(i);
            at = best[i].1;
        }
        chain.reverse();
        let (Some(&first), Some(&last)) = (chain.first(), chain.last()) else { continue };
        let overlaps = spans.range(..=last).next_back().is_some_and(|(_, &span_end)| span_end >= first);
        if chain.len() >= MIN_PAGES && !overlaps {
            spans.insert(first, last);
            sequences.push(chain);
        }
    }
    sequences
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
        let mut widths = Vec::new();
        // Lines by width: how many, how many end inside a sentence and how many hold sentence
        // punctuation.
        let mut tallies: BTreeMap<usize, WidthTally> = BTreeMap::new();
        let (mut body, mut indented) = (0, 0);
        for (k, pair) in content.windows(2).enumerate() {
            let a = &lines[pair[0]];
            if matches!(a.kind(), Kind::Body | Kind::ListItem) {
                widths.push(a.width);
                if a.width >= MIN_WRAP_WIDTH {
                    tallies.entry(a.width).or_default().add(a, k);
                }
            }
        }
        for &i in content {
            if lines[i].kind() == Kind::Body {
                body += 1;
                indented += usize::from(lines[i].indented());
            }
        }
        let cut_at = |k: usize| cut_mid_clause(&lines[content[k]], &lines[content[k + 1]]);
        let wrap_width = wrap_width(&widths, &|width| cut_anywhere(&tallies, width, &cut_at));
        // Paragraphs open after a heading, or after a sentence that ends short of the wrap
        // width: after a full line, the sentence that follows may go on in its paragraph.
        let mut counts: HashMap<(char, char), usize> = HashMap::default();
        for pair in content.windows(2) {
            let (a, b) = (&lines[pair[0]], &lines[pair[1]]);
            let short = wrap_width.is_none_or(|width| a.width + 3 < width);
            let confirmed_start = (ends_sentence(a.text) && short) || a.kind() == Kind::Heading;
            if confirmed_start && b.kind() == Kind::Body {
                *counts.entry(opening_bigram(b.text).unwrap_or((' ', ' '))).or_default() += 1;
            }
        }
        let blank_gaps =
            content.windows(2).filter(|pair| lines[pair[0] + 1..pair[1]].iter().any(|l| l.role == Role::Blank)).count();
        let dropped_indents = wrap_width.is_some_and(|width| indents_dropped(lines, content, width));
        let open_lines = content.iter().filter(|&&i| !ends_sentence(lines[i].text)).count();
        let cut_lines =
            content.iter().filter(|&&i| is_running_text(lines[i].text) && ends_in_word(lines[i].text)).count();
        // The first line holding quotes shows the measure `measure_widths` chose.
        let quoted = lines.iter().find(|l| has_curly_quote(l.text));
        Self {
            exact: false,
            narrow_quotes: quoted.is_some_and(|l| l.width != extent(l.indent, l.text, false)),
            dropped_indents,
            cut_line_share: cut_lines as f32 / content.len().max(1) as f32,
            open_line_share: open_lines as f32 / content.len().max(1) as f32,
            opener_share: opener_share(&counts),
            openers: openers(counts, &sentence_starts_inside_lines(lines, content)),
            short_block_lines: short_line_blocks(lines, content, wrap_width),
            table_lines: table_lines(lines, content),
            list_items: list_items(lines, content),
            spread_lines: spread_lines(lines, content),
            wrap_width,
            blank_gaps_common: blank_gaps * 2 > content.len(),
            any_blank_gap: blank_gaps > 0,
            blank_line_style: blank_gaps >= MIN_BLANK_GAPS && blank_gaps * 2 <= content.len(),
            indented_paragraphs: indents_mark_paragraphs(indented, body, wrap_width.is_some()),
            first_body: content.iter().copied().find(|&i| lines[i].kind() != Kind::Metadata),
        }
    }

    fn is_opener(&self, line: &str) -> bool {
        opening_bigram(line).is_some_and(|b| self.openers.contains_key(&b))
            || CONNECTIVES.iter().any(|c| line.starts_with(c))
    }

    /// A short unpunctuated line that does not open like running text: a title or a name.
    fn is_title_like(&self, line: &str) -> bool {
        at_most_chars(line, 20) && is_unpunctuated(line) && !self.is_opener(line)
    }

    /// A line of running text that ends in a word, as if the rest of the sentence were lost (a
    /// field, `会议时间：14:30`, holds its value whole).
    fn stops_mid_sentence(&self, line: &Line) -> bool {
        let last = line.last_char();
        (is_han(last) || last.is_ascii_digit())
            && line.kind() != Kind::Heading
            && !is_contents_entry(line.text)
            && !line_kind::is_metadata(line.text)
            && (line.kind() == Kind::ListItem || !self.is_title_like(line.text))
    }

    /// The display width of `text` in the document's measure.
    fn width_of(&self, text: &str) -> usize {
        if self.narrow_quotes { display_width_narrow_quotes(text) } else { display_width(text) }
    }

    fn is_full(&self, line: &Line) -> bool {
        self.wrap_width.is_some_and(|width| line.width + 3 >= width)
    }

    /// The decision for the break `pair` (of content lines, by index) given what the break
    /// before carried to it, and the signals when the model scored it; `carried` becomes what
    /// this break carries to the next.
    fn decide_next(&self, lines: &[Line], pair: [usize; 2], carried: &mut Carried) -> (Decision, Option<Signals>) {
        let (mut a, b) = (lines[pair[0]].clone(), &lines[pair[1]]);
        a.width = carried.rejoined.take().unwrap_or(a.width);
        let gap = &lines[pair[0] + 1..pair[1]];
        carried.depth += bracket_depth(a.text);
        carried.open_for = if carried.depth > 0 { carried.open_for + 1 } else { 0 };
        let open_bracket = carried.depth > 0 && carried.open_for <= MAX_BRACKET_LINES;
        let (decision, signals) = self.decide(pair, &a, b, gap, open_bracket);
        if let Decision::Rejoin(_) = decision {
            carried.rejoined = self.wrap_width;
        }
        if !matches!(decision, Decision::Join(_) | Decision::Rejoin(_)) || carried.open_for > MAX_BRACKET_LINES {
            (carried.depth, carried.open_for) = (0, 0);
        }
        (decision, signals)
    }

    /// The decision for the break between `a` and `b`: fixed by the document's structure where
    /// it speaks, else scored by the break model.
    fn decide(
        &self,
        [a_index, b_index]: [usize; 2],
        a: &Line,
        b: &Line,
        gap: &[Line],
        open_bracket: bool,
    ) -> (Decision, Option<Signals>) {
        if let Some(decision) = self.structure([a_index, b_index], a, b, gap) {
            return (decision, None);
        }
        let mut signals = self.signals(a_index, a, b, gap, open_bracket);
        // The word signals need the segmenter (slow to load): they are computed only where
        // they could lift the break into the band of joins and reports.
        let words = word_signals(a, b);
        if self.exact || signals.ceiling(&words) >= KEEP_BELOW {
            set_word_signals(&mut signals, a, b);
        }
        let probability = signals.join_probability();
        let capped = self.ends_at_blank_line(a, b, gap) || self.ends_heading(a) || self.opens_entry(a, b);
        let decision = if probability >= JOIN_ABOVE && !capped {
            Decision::Join(probability)
        } else if probability >= KEEP_BELOW {
            Decision::Unsure(probability)
        } else if self.stops_mid_sentence(a) && self.starts_anew(a, b) {
            Decision::Truncated
        } else {
            Decision::Paragraph
        };
        (decision, Some(signals))
    }

    /// The breaks no score decides: a forward continuation marker separates articles, the
    /// lines of a short-line block (verse, an address) and of a metadata header are the
    /// author's.
    fn structure(&self, [a_index, b_index]: [usize; 2], a: &Line, b: &Line, gap: &[Line]) -> Option<Decision> {
        if gap.iter().any(|l| matches!(l.role, Role::Furniture { forward: true, .. })) {
            return Some(Decision::Paragraph);
        }
        // The lines of a subtitle's cue are where the screen breaks them, and cues stay apart;
        // code's are its syntax.
        if a.kind() == Kind::Verbatim || b.kind() == Kind::Verbatim {
            return Some(if gap.is_empty() { Decision::Line } else { Decision::Paragraph });
        }
        // The rows of a table keep their line breaks, and no line joins one.
        if self.table_lines.contains(&a_index) || self.table_lines.contains(&b_index) {
            return Some(if gap.is_empty() { Decision::Line } else { Decision::Paragraph });
        }
        // A line spread out one character per line (a justified last line, as some extractors
        // read it) is one line.
        if self.spread_lines.contains(&a_index) && self.spread_lines.contains(&b_index) {
            return Some(Decision::Join(0.9));
        }
        // In wrapped text, a line of one Han character is a glyph the extractor set apart (one
        // from a fallback font, often): it neither ends a paragraph nor, after running text that
        // goes on, starts one.
        let glyph = |line: &Line| line.kind() == Kind::Body && is_one_han(line.text);
        if self.wrap_width.is_some() && gap.is_empty() && (glyph(a) || (glyph(b) && !ends_sentence(a.text))) {
            return Some(Decision::Join(0.8));
        }
        if let Some(decision) = self.one_printed_line(a, b, gap) {
            return Some(decision);
        }
        // Indents mark the paragraphs of wrapped text; in text without a wrap every break is the
        // author's, and a block of short lines keeps them (a poem after indented prose).
        let short_block =
            (!self.indented_paragraphs || self.wrap_width.is_none()) && self.short_block_lines.contains(&a_index);
        // A page break inside a block of short lines (a poem over two pages) leaves it one block.
        let page_break_only = is_page_break(gap)
            && gap.iter().all(|l| matches!(l.role, Role::Blank | Role::Furniture { .. }))
            && (self.short_block_lines.contains(&b_index) || b.width <= a.width + 4);
        if (gap.is_empty() || page_break_only) && short_block && !is_non_initial(b.first_char()) {
            // In verse, an unpunctuated line after a line that ends a sentence is the title of
            // the next poem.
            let next_title = ends_sentence(a.text) && is_unpunctuated(b.text) && at_most_chars(b.text, 20);
            return Some(if next_title { Decision::Paragraph } else { Decision::Line });
        }
        // Blank lines between two blocks of short lines (the stanzas of a poem) are the author's.
        let blank_only = !gap.is_empty() && gap.iter().all(|l| l.role == Role::Blank);
        if blank_only && short_block && self.short_block_lines.contains(&b_index) {
            return Some(Decision::Paragraph);
        }
        // No line starts with a mark that cannot start one (`，。）》”`), none ends inside a
        // number (`就业12` / `00万人`) on purpose, and a Latin sentence neither ends in a
        // lowercase word nor starts with one (`on the` / `text here`).
        // An ellipsis may open a line of its author's (`……` for text left out, a pause, a
        // scene's end): it continues only a line the wrap or a page cut.
        if is_non_initial(b.first_char()) && a.kind() != Kind::Heading {
            let opens = b.first_char() == '…' && !self.reaches_wrap(a) && !is_page_break(gap);
            return Some(if opens { Decision::Paragraph } else { Decision::Join(0.99) });
        }
        // The entries of a table of contents are lines of their own, as rows of a table are.
        if gap.is_empty() && is_contents_entry(a.text) && is_contents_entry(b.text) {
            return Some(Decision::Line);
        }
        // A number alone on its line, set apart by blank lines, numbers what follows (a section,
        // a stanza, a question): text runs neither into nor out of it.
        let set_apart = !gap.is_empty() && gap.iter().all(|l| l.role == Role::Blank);
        if set_apart && (is_bare_number(a.text) || is_bare_number(b.text)) {
            return Some(Decision::Paragraph);
        }
        let (last, next) = (a.last_char(), b.first_char());
        // A number cut by a break runs on (`就业12` / `00万人`); a contents entry's page number, a
        // number alone on its line and the number of the list item after it are whole.
        let number_cut = last.is_ascii_digit()
            && next.is_ascii_digit()
            && !is_contents_entry(a.text)
            && !is_bare_number(a.text)
            && !is_bare_number(b.text);
        let latin_wrap = last.is_ascii_lowercase() && next.is_ascii_lowercase();
        if (number_cut || latin_wrap) && a.kind() == Kind::Body {
            let whole = number_cut && b.kind() == Kind::ListItem;
            return Some(if whole { Decision::Paragraph } else { Decision::Join(0.9) });
        }
        // A dash of two em dashes cut in half by a wrap (`活性—` / `—也就是`) is one mark.
        if last == '—' && next == '—' && !a.text.ends_with("——") && !b.text.starts_with("——") {
            return Some(Decision::Join(0.99));
        }
        // A comma or an opening bracket never ends a paragraph: the sentence goes on.
        if matches!(last, '，' | '、' | ',') || is_opening(last) {
            return Some(Decision::Join(0.95));
        }
        // An article's label alone on its line starts the article.
        if is_article_label(b.text) {
            return Some(Decision::Paragraph);
        }
        match (a.kind(), b.kind()) {
            (Kind::Metadata, Kind::Metadata) => return Some(Decision::Line),
            (Kind::Metadata, _) | (_, Kind::Metadata) => return Some(Decision::Paragraph),
            _ => {}
        }
        // A line that stops mid-sentence before something that starts anew lost its end: no
        // layout puts a heading, a list item or (where lines are whole paragraphs) a paragraph
        // opener right after a wrap.
        let anew = matches!(b.kind(), Kind::Heading | Kind::ListItem)
            || (self.wrap_width.is_none() && !self.indented_paragraphs && self.starts_anew(a, b));
        // Items of a list, numbered one after the other, that end in a word, phrases (as short
        // as lines of verse) short of a full line: the list's style, no lost text, and (in text
        // without a wrap, where no extractor split a block) no text goes on after a blank line.
        // Where blank lines set paragraphs apart, items on lines that follow each other are one
        // block.
        let listed = self.list_items.contains(&a_index)
            && a.last_char().is_alphanumeric()
            && a.width <= VERSE_LINE_WIDTH
            && !self.reaches_wrap(a);
        let set_apart = !gap.is_empty() && gap.iter().all(|l| l.role == Role::Blank) && self.wrap_width.is_none();
        if listed && (anew || set_apart) {
            let block = gap.is_empty() && self.any_blank_gap && line_kind::next_item(a.text, b.text);
            return Some(if block { Decision::Line } else { Decision::Paragraph });
        }
        // Bullets list phrases: the line before a bulleted item (its heading, an entry, the item
        // above) and a short bulleted item before another item end as the list's style wants.
        // (Items led by a dash, `——`, list clauses, which end as sentences do; numbered ones,
        // see `listed` above.)
        let short_item = is_bulleted(a.text) && a.width <= VERSE_LINE_WIDTH && !self.reaches_wrap(a);
        let in_list = is_bulleted(b.text) || (short_item && b.kind() == Kind::ListItem);
        anew.then(|| if self.stops_mid_sentence(a) && !in_list { Decision::Truncated } else { Decision::Paragraph })
    }

    /// True when blank lines after `a` end its paragraph, whatever the scores, in a document
    /// where most breaks have none: there an author sets paragraphs and blocks apart by blank
    /// lines, and a page, a column or a text box cuts a paragraph only where its line is full
    /// (or, in text without a wrap, inside a clause). Where most breaks have one, blank lines
    /// are the extractor's way of breaking lines and tell nothing.
    fn ends_at_blank_line(&self, a: &Line, b: &Line, gap: &[Line]) -> bool {
        let blank_gap = !gap.is_empty() && gap.iter().all(|l| l.role == Role::Blank);
        blank_gap && !self.blank_gaps_common && !self.reaches_wrap(a) && !cut_mid_clause(a, b)
    }

    /// True when `a` is a heading (without sentence punctuation: a title) that ends short of
    /// the wrap, where its author ended it: no score joins the text after it (a join the model
    /// wants is only reported).
    fn ends_heading(&self, a: &Line) -> bool {
        a.kind() == Kind::Heading && is_unpunctuated_title(a.text) && !self.reaches_wrap(a)
    }

    /// True when `b` opens with a span of dates (`2019.07-2021.02`, `2022年7月—至今`), an entry
    /// of a résumé or a chronology, after a line short of the wrap: no score joins it (a join
    /// the model wants is only reported).
    fn opens_entry(&self, a: &Line, b: &Line) -> bool {
        !self.reaches_wrap(a) && opens_with_date_span(b.text)
    }

    /// True when `a` ends where the wrap would have cut it, in wrapped text.
    fn reaches_wrap(&self, a: &Line) -> bool {
        self.wrap_width.is_some_and(|width| a.width + 3 >= width)
    }

    /// A short line set apart as its own block (a bold article label `第二条`, a speaker's name),
    /// whose next line fills the rest of its printed line to the wrap width (and the indent,
    /// where the extractor dropped indents): the two parts of one line, which the extractor
    /// read as two blocks. They are joined, with an ideographic space where the columns left
    /// over show a gap between them.
    fn one_printed_line(&self, a: &Line, b: &Line, gap: &[Line]) -> Option<Decision> {
        let width = self.wrap_width?;
        let set_apart = !gap.is_empty() && gap.iter().all(|l| l.role == Role::Blank);
        // Wider than an indent, so that the rest of its line is not a paragraph's first line.
        let label = a.kind() != Kind::Metadata
            && at_most_chars(a.text, MAX_LABEL_CHARS)
            && a.width > PARAGRAPH_INDENT + 1
            && !ends_sentence(a.text);
        if !set_apart || !label || b.kind() != Kind::Body || is_non_initial(b.first_char()) {
            return None;
        }
        // An article's label (`第三条`) heads its first paragraph: statutes print it on the line
        // of the article's text, an ideographic space between.
        if is_article_label(a.text) {
            return Some(Decision::Rejoin("\u{3000}"));
        }
        let indent = if self.dropped_indents && !a.indented() { PARAGRAPH_INDENT } else { 0 };
        let left = width.checked_sub(indent + a.width + b.width)?;
        let gap = left >= 2 && !is_non_terminal(a.last_char()) && a.last_char() != '：';
        (left <= 4).then_some(Decision::Rejoin(if gap { "\u{3000}" } else { "" }))
    }

    /// The signals of the break between `a` and `b` for the break model.
    fn signals(&self, a_index: usize, a: &Line, b: &Line, gap: &[Line], open_bracket: bool) -> Signals {
        let last = a.last_char();
        let regime = match (self.indented_paragraphs, self.wrap_width) {
            (true, _) => Regime::Indented,
            (false, Some(_)) => Regime::Wrapped,
            (false, None) => Regime::Unwrapped,
        };
        let mut s = Signals { regime, ..Signals::default() };
        let sentence = ends_sentence(a.text);
        let word = ends_in_word(a.text);
        s.set(Signal::EndsSentence, sentence);
        s.set(Signal::EndsColon, matches!(last, '：' | ':'));
        let semicolon = matches!(last, '；' | ';');
        s.set(Signal::EndsNonTerminal, is_non_terminal(last) && !semicolon);
        s.set(Signal::EndsSemicolon, semicolon);
        s.set(Signal::EndsClosing, is_closing(last) && !sentence);
        s.set(Signal::EndsWord, word);
        s.set(Signal::OpenBracket, open_bracket);
        if let Some(width) = self.wrap_width {
            let (a_width, b_width) = (a.width, b.width);
            s.set(Signal::Full, a_width + 3 >= width);
            s.set_value(Signal::Shortfall, width.saturating_sub(a_width) as f32 / width as f32);
            let b_short_by_indent = is_short_by_indent(b_width, width);
            s.set(Signal::NextShortByIndent, b_short_by_indent);
            let b_full = b_width + 3 >= width && !b_short_by_indent;
            s.set(Signal::DroppedIndentNextFull, self.dropped_indents && b_full);
            s.set(Signal::DroppedIndentNextShort, self.dropped_indents && b_short_by_indent);
            let goes_on = self.dropped_indents && sentence && b_full;
            s.set(Signal::DroppedIndentSentenceGoesOn, goes_on);
            s.set(Signal::NoRoomForNext, self.width_of(first_unit(b.text)) + a_width >= width);
        }
        let indent_style = self.indented_paragraphs;
        s.set(Signal::NextIndented, !indent_style && b.indented());
        s.set(Signal::IndentStyleNextIndented, indent_style && b.indented());
        s.set(Signal::IndentStyleNextFlush, indent_style && !b.indented());
        let blank = gap.iter().any(|l| l.role == Role::Blank);
        s.set(Signal::BlankGapRare, blank && self.blank_line_style);
        s.set(Signal::SingleBreakInBlankStyle, !blank && self.blank_line_style);
        s.set(Signal::BlankGapCommon, blank && self.blank_gaps_common);
        s.set(Signal::PageBreak, is_page_break(gap));
        s.set(Signal::Heading, a.kind() == Kind::Heading);
        let opener = self.is_opener(b.text);
        let strength = opening_bigram(b.text).and_then(|bigram| self.openers.get(&bigram));
        s.set_value(Signal::NextOpener, if opener { strength.copied().unwrap_or(1.0) } else { 0.0 });
        s.set_value(Signal::UnusualOpening, if opener { 0.0 } else { self.opener_share });
        s.set(Signal::TitleLike, self.is_title_like(a.text) || cjk_spacing::is_column_line(a.text));
        s.set(Signal::NextNameLike, at_most_chars(b.text, 10) && is_unpunctuated(b.text));
        s.set(Signal::NextNote, b.text.starts_with(['（', '(']) && b.text.ends_with(['）', ')']));
        let (a_label, b_label) = (line_kind::is_metadata(a.text), line_kind::is_metadata(b.text));
        s.set(Signal::LabelEntry, a_label || b_label);
        s.set(Signal::LabelAfterLabel, a_label && b_label);
        let title = Some(a_index) == self.first_body && is_unpunctuated_title(a.text) && !self.is_full(a);
        s.set(Signal::DocumentTitle, title);
        s.set(Signal::RunningText, is_running_text(a.text));
        s.set_value(Signal::OpenLineShare, self.open_line_share);
        s.set_value(Signal::CutLineShare, (self.cut_line_share * 10.0).min(1.0));
        s
    }

    /// True when `b` starts something new after `a`: a heading, a list item, or (after running
    /// text) a paragraph opener.
    fn starts_anew(&self, a: &Line, b: &Line) -> bool {
        matches!(b.kind(), Kind::Heading | Kind::ListItem) || (is_running_text(a.text) && self.is_opener(b.text))
    }
}

/// The paragraph openers of `counts` (paragraph starts by opening bigram; those seen at least
/// [`MIN_OPENER_COUNT`] times), each with the share of its sentence starts (`counts` and
/// `inside`, the starts inside lines) that open a paragraph.
fn openers(counts: HashMap<(char, char), usize>, inside: &HashMap<(char, char), usize>) -> HashMap<(char, char), f32> {
    counts
        .into_iter()
        .filter(|&(_, n)| n >= MIN_OPENER_COUNT)
        .map(|(bigram, n)| (bigram, n as f32 / (n + inside.get(&bigram).copied().unwrap_or(0)) as f32))
        .collect()
}

/// The opening bigrams of the sentences that start inside a content line (after `。！？`, and
/// the closing quotes that follow them), counted.
fn sentence_starts_inside_lines(lines: &[Line], content: &[usize]) -> HashMap<(char, char), usize> {
    use rayon::prelude::*;
    content
        .par_iter()
        .with_min_len(LINES_PER_TASK)
        .fold(HashMap::default, |mut counts, &i| {
            for bigram in sentence_starts_inside(lines[i].text) {
                *counts.entry(bigram).or_default() += 1;
            }
            counts
        })
        .reduce(HashMap::default, |mut all, counts| {
            for (bigram, n) in counts {
                *all.entry(bigram).or_default() += n;
            }
            all
        })
}

/// The opening bigrams of the sentences that start inside `line`, after `。！？` (found by
/// their first bytes, `E3` and `EF`, which Chinese characters never start with).
fn sentence_starts_inside(line: &str) -> impl Iterator<Item = (char, char)> + '_ {
    const ENDS: [&str; 3] = ["。", "！", "？"];
    let bytes = line.as_bytes();
    memchr::memchr2_iter(0xE3, 0xEF, bytes)
        .filter(move |&at| ENDS.iter().any(|end| bytes[at..].starts_with(end.as_bytes())))
        .filter_map(|at| opening_bigram(line[at + 3..].trim_start_matches(['”', '’', '」', '』'])))
}

/// The share of the paragraph starts counted in `counts` (by opening bigram) whose bigram
/// opens at least [`MIN_OPENER_COUNT`] of them.
fn opener_share(counts: &HashMap<(char, char), usize>) -> f32 {
    let total: usize = counts.values().sum();
    let habitual: usize = counts.values().filter(|&&n| n >= MIN_OPENER_COUNT).sum();
    habitual as f32 / total.max(1) as f32
}

/// The word signals that can be on for the break between `a` and `b`, by their characters.
fn word_signals(a: &Line, b: &Line) -> Vec<Signal> {
    let (last, next) = (a.last_char(), b.first_char());
    match (is_han(last), is_han(next)) {
        (true, true) => vec![Signal::EndsFunctionWord, Signal::WordCut],
        (true, false) => vec![Signal::EndsFunctionWord],
        _ => Vec::new(),
    }
}

/// Sets the signals that need the segmenter: a function word at the end of `a`, a word cut
/// across the break.
fn set_word_signals(s: &mut Signals, a: &Line, b: &Line) {
    let (last, next) = (a.last_char(), b.first_char());
    s.set(Signal::EndsFunctionWord, is_han(last) && ends_in_function_word(tail(a.text, 6)));
    s.set(Signal::WordCut, is_han(last) && is_han(next) && word_across(tail(a.text, 4), head(b.text, 4)));
}

/// The first unit of `line` a wrap cannot split: opening marks with the character they open, a
/// Latin word or number, or one character, with the marks that cannot start a line after it.
fn first_unit(line: &str) -> &str {
    let opened = line.len() - line.trim_start_matches(is_opening).len();
    let rest = &line[opened..];
    let word = match rest.chars().next() {
        Some(c) if c.is_ascii_alphanumeric() => {
            rest.find(|c: char| c.is_whitespace() || !c.is_ascii()).unwrap_or(rest.len())
        }
        Some(c) => c.len_utf8(),
        None => 0,
    };
    let after = &rest[word..];
    let clinging = after.len() - after.trim_start_matches(is_non_initial).len();
    &line[..opened + word + clinging]
}

/// True when a line of `width` columns is short of the wrap `width` by about a two-character
/// indent.
fn is_short_by_indent(line_width: usize, width: usize) -> bool {
    (3..=6).contains(&width.saturating_sub(line_width))
}

/// True when the lines that follow a sentence end (the first lines of paragraphs, mostly) are
/// short by an indent more often than they are full: the layout indented paragraphs and the
/// extractor dropped the indents.
fn indents_dropped(lines: &[Line], content: &[usize], width: usize) -> bool {
    let (mut short, mut full) = (0, 0);
    for pair in content.windows(2) {
        if ends_sentence(lines[pair[0]].text) {
            let next = lines[pair[1]].width;
            short += usize::from(is_short_by_indent(next, width));
            full += usize::from(next + 3 > width);
        }
    }
    short >= 3 && short > full
}

/// True when `line` is running text: it has sentence punctuation or is longer than a heading.
fn is_running_text(line: &str) -> bool {
    has_chinese_sentence_punctuation(line) || !at_most_chars(line, MAX_HEADING_CHARS)
}

/// True when `line` ends in a word: a Han character, a digit or a letter.
fn ends_in_word(line: &str) -> bool {
    line.chars().next_back().is_some_and(|c| is_han(c) || c.is_alphanumeric())
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

/// A line set apart from the rest of its printed line is at most this many characters long: a
/// label, a name.
const MAX_LABEL_CHARS: usize = 8;
/// The confidence of a join of the parts of one printed line.
const REJOIN_CONFIDENCE: f32 = 0.9;
/// The columns of a paragraph indent of two ideographs.
const PARAGRAPH_INDENT: usize = 4;

/// Lines in a block this many or more, all far shorter than any wrap width, are verse or a
/// list of short entries (an address, a transcript's header), not wrapped text.
const MIN_SHORT_BLOCK_LINES: usize = 3;
/// A line narrower than this many columns (or than half the wrap width) is far from any wrap.
const SHORT_LINE_WIDTH: usize = 20;
/// In text that is neither wrapped nor split into blocks by blank lines, a line narrower than
/// this many columns may be a line of verse: the longest lines of classical verse and of ci
/// (`五花马，千金裘，呼儿将出换美酒，与尔同销万古愁。`) hold about 24 characters with their
/// marks, where lines that are paragraphs of prose run longer.
const VERSE_LINE_WIDTH: usize = 50;

/// The content lines (indexes into `lines`) that belong to a short-line block: at least
/// [`MIN_SHORT_BLOCK_LINES`] lines separated by single line breaks, every one far shorter than
/// the wrap width. Their line breaks are the author's: a wrap never breaks a line that short,
/// and several in a row are not the end of a wrapped paragraph.
fn short_line_blocks(lines: &[Line], content: &[usize], wrap_width: Option<usize>) -> HashSet<usize> {
    let blank_line_style = content.windows(2).any(|pair| pair[1] > pair[0] + 1);
    // Without a wrap width, a document that separates paragraphs by blank lines breaks lines
    // inside them only on purpose: every such block keeps its lines (a label and a speech).
    // One that does not is a block of verse where its lines are as short as verse lines and
    // no indent sets some of them apart as the first lines of paragraphs.
    let (limit, min_lines, verse) = match wrap_width {
        Some(width) => (SHORT_LINE_WIDTH.max(width / 2), MIN_SHORT_BLOCK_LINES, false),
        None if blank_line_style => (usize::MAX, 2, false),
        None => (VERSE_LINE_WIDTH, 2, true),
    };
    let is_short = |i: usize| lines[i].width < limit && matches!(lines[i].kind(), Kind::Body);
    // Indented titles and names are centred; an indent before running text starts a paragraph.
    let punctuated = |i: &usize| !is_unpunctuated(lines[*i].text);
    let indents_alike = |block: &[usize]| {
        let mut indents = block.iter().filter(|i| punctuated(i)).map(|&i| lines[i].indented());
        indents.next().is_none_or(|first| indents.all(|indented| indented == first))
    };
    let mut found = HashSet::default();
    let mut block: Vec<usize> = Vec::new();
    let mut flush = |block: &mut Vec<usize>| {
        if block.len() >= min_lines && block.iter().all(|&i| is_short(i)) && (!verse || indents_alike(block)) {
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

/// The content lines (indexes into `lines`) numbered next after the content line before them,
/// and those lines.
fn list_items(lines: &[Line], content: &[usize]) -> HashSet<usize> {
    let numbers: Vec<_> = content.iter().map(|&i| line_kind::item_number(lines[i].text)).collect();
    let mut items = HashSet::default();
    for (pair, numbers) in content.windows(2).zip(numbers.windows(2)) {
        if line_kind::numbered_next(numbers[0], numbers[1]) {
            items.extend(pair);
        }
    }
    items
}

/// The content lines (indexes into `lines`) that are rows of a plain-text table, found in each
/// run of lines that follow one another directly.
fn table_lines(lines: &[Line], content: &[usize]) -> HashSet<usize> {
    let mut found = HashSet::default();
    let mut run: Vec<usize> = Vec::new();
    let mut flush = |run: &mut Vec<usize>| {
        let cells: Vec<Vec<usize>> = run
            .iter()
            .map(|&i| {
                let indent = display_width(lines[i].indent);
                crate::table::cell_starts(lines[i].text).into_iter().map(|column| indent + column).collect()
            })
            .collect();
        let rows = crate::table::table_rows(&cells);
        found.extend(run.iter().zip(rows).filter(|(_, row)| *row).map(|(&i, _)| i));
        run.clear();
    };
    for (k, &i) in content.iter().enumerate() {
        if k > 0 && content[k - 1] + 1 != i {
            flush(&mut run);
        }
        run.push(i);
    }
    flush(&mut run);
    found
}

/// True when indents mark the paragraphs of a text of `body` body lines, `indented` of them
/// indented: in wrapped text, where they mark each paragraph's first line, unless every line
/// has one (a margin). Lines that are not wrapped are whole paragraphs, or lines the author
/// broke: there an indent joins nothing, and a few indented paragraphs among flush ones (a
/// report pasted before a law) do not make the flush ones continuations.
fn indents_mark_paragraphs(indented: usize, body: usize, wrapped: bool) -> bool {
    indented >= 2 && if wrapped { indented * 10 <= body * 8 } else { indented * 2 >= body }
}

/// Runs of fewer single-character lines than this are text (a heading `一`, a name).
const MIN_SPREAD: usize = 3;

/// The content lines (indexes into `lines`) in runs of at least [`MIN_SPREAD`] consecutive
/// lines of one character each (blank lines and page furniture between them do not count): a
/// line that an extractor spread out one character per line. No verse or list has lines of one
/// character, and headings have text after them; digits that count up one at a time are a count.
fn spread_lines(lines: &[Line], content: &[usize]) -> HashSet<usize> {
    let mut found = HashSet::default();
    let mut run: Vec<usize> = Vec::new();
    // Digits that count up one at a time, a line each, are a count (`1`, `2`, `3`), not a word.
    let counts_up = |run: &[usize]| {
        let digits: Vec<Option<u32>> =
            run.iter().map(|&i| lines[i].text.chars().next().and_then(|c| c.to_digit(10))).collect();
        digits.windows(2).all(|pair| matches!(pair, [Some(a), Some(b)] if *b == a + 1))
    };
    let mut flush = |run: &mut Vec<usize>| {
        if run.len() >= MIN_SPREAD && !counts_up(run) {
            found.extend(run.iter().copied());
        }
        run.clear();
    };
    for &i in content {
        if lines[i].text.chars().nth(1).is_none() {
            run.push(i);
        } else {
            flush(&mut run);
        }
    }
    flush(&mut run);
    found
}

/// The lines of one width, and of those the ones that end inside a sentence and the ones that
/// hold sentence punctuation; the breaks after them (by index among the content lines' breaks).
#[derive(Clone, Debug, Default)]
struct WidthTally {
    lines: usize,
    open: usize,
    punctuated: usize,
    breaks: Vec<usize>,
}

impl WidthTally {
    /// Counts line `a`, followed by break `k`.
    fn add(&mut self, a: &Line, k: usize) {
        self.lines += 1;
        self.open += usize::from(!is_sentence_punctuation(a.last_char()));
        self.punctuated += usize::from(holds_punctuation(a.text));
        self.breaks.push(k);
    }
}

/// True when the break between `a` and `b` falls where no author breaks a line, as a wrap
/// does wherever the width runs out: inside a word or a number, after a comma, or before a
/// mark that cannot start a line.
fn cut_mid_clause(a: &Line, b: &Line) -> bool {
    let (last, next) = (a.last_char(), b.first_char());
    matches!(last, '，' | '、' | ',')
        || is_non_initial(next)
        || (last.is_ascii_digit() && next.is_ascii_digit())
        || (is_han(last) && is_han(next) && word_across(tail(a.text, 4), head(b.text, 4)))
}

/// True when the lines of about `width` columns are running text cut anywhere, as a wrap cuts
/// it: at least half end inside a sentence, at least a third hold sentence punctuation, and
/// at least one in ten (one at least) breaks where no author would (`cut_at`, by break: a wrap
/// cuts words and clauses wherever the width runs out). Lines of one width that all end at
/// punctuation are verse; lines that hold none are free verse, a list or a table of contents
/// (prose holds a comma in most lines); lines that all end where a phrase does are fields,
/// records or a list.
fn cut_anywhere(tallies: &BTreeMap<usize, WidthTally>, width: usize, cut_at: &dyn Fn(usize) -> bool) -> bool {
    let band = || tallies.range(width.saturating_sub(3)..=width + 3).map(|(_, tally)| tally);
    let (lines, open, punctuated) = band()
        .fold((0, 0, 0), |(lines, open, punctuated), t| (lines + t.lines, open + t.open, punctuated + t.punctuated));
    if open * 2 < lines || punctuated * 3 < lines {
        return false;
    }
    let needed = lines.div_ceil(10).max(1);
    band().flat_map(|tally| &tally.breaks).filter(|&&k| cut_at(k)).take(needed).count() == needed
}

/// True when `line` holds sentence punctuation: Chinese (see
/// [`has_chinese_sentence_punctuation`]) or Latin, a mark before a space.
fn holds_punctuation(line: &str) -> bool {
    has_chinese_sentence_punctuation(line)
        || [", ", ". ", "; ", ": ", "? ", "! "].iter().any(|mark| line.contains(mark))
}

/// The display width of the document's full lines, when its paragraphs are wrapped into lines
/// of a fixed width. Bands of widths a few columns apart: if the fullest band holds at least
/// 20% of the lines, the widest band holding at least half as many whose lines are `cut` (see
/// [`cut_anywhere`]) is the wrap (no line of wrapped text is longer; lines set apart in parts
/// are shorter), and in it the most common width (justified lines holding narrow digits fall a
/// column or two short of it; ragged lines spread over the band).
fn wrap_width(widths: &[usize], cut: &dyn Fn(usize) -> bool) -> Option<usize> {
    let mut counts: BTreeMap<usize, usize> = BTreeMap::new();
    for &width in widths.iter().filter(|&&w| w >= MIN_WRAP_WIDTH) {
        *counts.entry(width).or_default() += 1;
    }
    let band = |width: usize| counts.range(width.saturating_sub(3)..=width + 2);
    let bands: Vec<(usize, usize)> = counts.keys().map(|&w| (band(w).map(|(_, n)| n).sum(), w)).collect();
    let fullest = bands.iter().map(|&(count, _)| count).max()?;
    if fullest < 3 || fullest * 5 < widths.len() {
        return None;
    }
    bands
        .iter()
        .rev()
        .filter(|&&(count, _)| count * 2 >= fullest)
        .filter_map(|&(_, top)| band(top).max_by_key(|&(w, n)| (*n, *w)).map(|(w, _)| *w))
        .find(|&width| cut(width))
}

/// A title has no sentence punctuation except the enumeration comma `、`.
fn is_unpunctuated_title(line: &str) -> bool {
    !line.chars().any(|c| c != '、' && is_sentence_punctuation(c))
}

/// Opening minus closing brackets and quotes in `text`. An opening quote that a line uses as
/// its own partner (`‘cargo new‘`, a backtick as some fonts map it: an even number of them and
/// no closing quote) opens nothing.
fn bracket_depth(text: &str) -> i32 {
    // One pass: the depth counting every mark, and what tells a quote used as its own partner.
    let (mut depth, mut single_opened, mut double_opened, mut single_closed, mut double_closed) =
        (0, 0, 0, false, false);
    for c in text.chars() {
        depth += i32::from(is_opening(c)) - i32::from(is_closing(c) && !matches!(c, '"' | '\''));
        match c {
            '‘' => single_opened += 1,
            '“' => double_opened += 1,
            '’' => single_closed = true,
            '”' => double_closed = true,
            _ => {}
        }
    }
    let own_partner = |opened: i32, closed: bool| if opened % 2 == 0 && !closed { opened } else { 0 };
    depth - own_partner(single_opened, single_closed) - own_partner(double_opened, double_closed)
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
        Decision::Unsure(probability) => diagnostics.push(stray_break::RULE.diagnostic(
            range,
            format!(
                "kept the line break after `…{tail}` before `{head}…`, but the paragraph may continue (join probability {:.0}%)",
                probability * 100.0
            ),
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

/// True when `line` opens with a span of dates: a year and a month (`2019.07`, `2019年7月`,
/// `2019-07`, `2019/07`), then a range mark (`-`, `—`, `–`, `～`, `~`, `至`) within a few
/// characters.
fn opens_with_date_span(line: &str) -> bool {
    let bytes = line.as_bytes();
    let year = bytes.len() > 6 && bytes[..4].iter().all(u8::is_ascii_digit);
    let rest = &line[if year { 4 } else { return false }..];
    let Some(month) = rest.strip_prefix(['.', '-', '/']).or_else(|| rest.strip_prefix('年')) else { return false };
    if !month.starts_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    let after_month = month.trim_start_matches(|c: char| c.is_ascii_digit()).trim_start_matches('月');
    after_month.trim_start().starts_with(['-', '—', '–', '～', '~', '至'])
}

/// True when `line` opens with a bullet (a shape, a star, an arrow, `※`, `- `, `* `).
fn is_bulleted(line: &str) -> bool {
    line.starts_with(line_kind::is_bullet) || line.starts_with("- ") || line.starts_with("* ")
}

/// True when the lines between two content lines hold page furniture: a page break.
fn is_page_break(gap: &[Line]) -> bool {
    gap.iter().any(|l| matches!(l.role, Role::Furniture { .. }))
}

/// True for the decisions that keep a line break (as a paragraph break or a line).
fn is_kept_break(decision: Decision) -> bool {
    !matches!(decision, Decision::Join(_) | Decision::Rejoin(_))
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
        Decision::Rejoin(separator) => (JOIN, separator, Some(REJOIN_CONFIDENCE)),
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

    #[test]
    fn lines_alike_without_punctuation_are_no_wrap() {
        // Free verse: lines of one width, none holding a mark; a wrap cuts running text.
        let verse = "我想起那年夏天的河流和岸边的柳树\n母亲在院子里晾晒洗好的白色床单\n父亲从田里回来肩上扛着一把锄头\n我们坐在门槛上等待傍晚的第一颗星\n";
        assert_eq!(reflow(verse).0, verse);
        let prose = "我想起那年夏天，河流和岸边的柳\n树。母亲在院子里晾晒洗好的白色\n床单，父亲从田里回来，肩上扛着\n一把锄头。我们坐在门槛上，等待\n傍晚的第一颗星。\n";
        assert_eq!(reflow(prose).0, prose.replace('\n', "").to_owned() + "\n");
    }

    #[test]
    fn numbered_items_without_full_stops_are_no_lost_text() {
        // Set apart by blank lines, paragraphs; items on lines that follow each other, a block.
        let text = "购物清单\n\n1. 牛奶两盒\n2. 鸡蛋一打\n3. 面包\n\n（一）总体要求\n\n（二）主要任务\n\n记得买好。\n";
        assert_eq!(reflow(text), (text.to_owned(), vec![]));
        // Without blank lines, the author's line breaks stay.
        assert_eq!(reflow("1. 牛奶两盒\n2. 鸡蛋一打\n"), ("1. 牛奶两盒\n2. 鸡蛋一打\n".to_owned(), vec![]));
        // Items out of sequence are no list: the first stops mid-sentence.
        assert_eq!(reflow("说明\n\n1. 牛奶两盒\n3. 鸡蛋一打\n").1, ["truncated-paragraph"]);
    }

    #[test]
    fn sentence_starts_are_found_after_each_full_stop() {
        let line = "他说：“好。”我们走！「走？」？ok。Ａ！。";
        let found: Vec<(char, char)> = sentence_starts_inside(line).collect();
        let mut expected = Vec::new();
        for (at, c) in line.char_indices().filter(|&(_, c)| matches!(c, '。' | '！' | '？')) {
            let rest = line[at + c.len_utf8()..].trim_start_matches(['”', '’', '」', '』']);
            expected.extend(opening_bigram(rest));
        }
        assert_eq!(found, expected);
        assert!(!found.is_empty());
        assert!(has_curly_quote("双方“合作”") && has_curly_quote("‘") && !has_curly_quote("双方「合作」—…"));
    }

    #[test]
    fn breaks_decided_in_stretches_are_decided_as_one_after_the_other() {
        // Wrapped lines, brackets open across several of them, labels set apart: what a break
        // carries to the next matters at many stretch boundaries.
        let pdf = include_str!("../../../corpus/2024-joint-statement.pdf-extract.txt");
        let text =
            format!("{pdf}\n（双方指出，\n合作（发展\n友好）\n继续。\n\n第三条\n\n为了保障公民权利，制定本法。\n{pdf}");
        let lines = classify(&text, &|_| true);
        let content = content_lines(&lines);
        let evidence = Evidence::gather(&lines, &content);
        let mut one_after_the_other = Vec::new();
        decisions(&lines, &content, &evidence, |_, decision, _| one_after_the_other.push(decision));
        assert!(one_after_the_other.iter().any(|d| matches!(d, Decision::Join(_))));
        for per_task in [1, 2, 3, 5, 8, 64, 4096] {
            assert_eq!(decide_in_stretches(&lines, &content, &evidence, per_task), one_after_the_other, "{per_task}");
        }
    }

    /// Three paragraphs that make `双方` a paragraph opener of the document.
    const OPENERS: &str = "双方指出，合作。\n\n双方认为，发展。\n\n双方强调，友好。\n\n";

    #[test]
    fn page_and_column_breaks_inside_a_paragraph_are_joined() {
        let cases = [
            // A word across the break (`实现`) in running text.
            (
                "俄方重申恪守一个中国原则，实\n\n现国家统一所采取的举措。\n",
                "俄方重申恪守一个中国原则，实现国家统一所采取的举措。\n",
            ),
            ("在数字经济、\n\n人工智能技术发展的背景下合作。\n", "在数字经济、人工智能技术发展的背景下合作。\n"),
            ("双方认为，这是一个\n\n，很长的句子。\n", "双方认为，这是一个，很长的句子。\n"),
            ("We agree, on the\n\ntext here, 双方。\n", "We agree, on the text here, 双方。\n"),
            ("就业12\n\n00万人。\n", "就业1200万人。\n"),
        ];
        for (input, expected) in cases {
            assert_eq!(reflow(&format!("{OPENERS}{input}")), (format!("{OPENERS}{expected}"), vec![]), "{input}");
        }
    }

    #[test]
    fn breaks_the_evidence_leaves_open_are_kept_and_reported() {
        // A sentence end before a word that could start a paragraph, in a document whose lines
        // are paragraphs: a column break, or the author's paragraph.
        let input = format!("{OPENERS}呼吁避免危机失控。双方\n\n强调，对话是解决危机的良好途径。\n");
        assert_eq!(reflow(&input), (input.clone(), vec!["possible-stray-break"]));
    }

    #[test]
    fn a_line_before_a_paragraph_opener_is_truncated_not_joined() {
        let input = format!(
            "{OPENERS}双方计划完善1992年6月19日签订的《中华人民共和国和俄罗斯联邦关于民事和刑事司法协助的条约》中所规定的法律判决认可和\n\n双方将继续加强务实合作。\n\n双方商定：\n\n——支持中俄各界代表参与在两国举办的重要\n——不断提升两国投资合作水平。\n"
        );
        let expected = format!(
            "{OPENERS}双方计划完善1992年6月19日签订的《中华人民共和国和俄罗斯联邦关于民事和刑事司法协助的条约》中所规定的法律判决认可和\n\n双方将继续加强务实合作。\n\n双方商定：\n\n——支持中俄各界代表参与在两国举办的重要\n——不断提升两国投资合作水平。\n"
        );
        assert_eq!(reflow(&input), (expected, vec!["truncated-paragraph", "truncated-paragraph"]));
    }

    #[test]
    fn titles_headings_lists_and_signatures_keep_their_lines() {
        let input = "\n\n中华人民共和国和俄罗斯联邦联合声明\n\n应俄罗斯联邦总统邀请，习近平进行国事访问。\n\n一\n\n双方商定：\n——加强合作。\n——深化交流。\n\n铭记共同的历史记忆\n\n当地时间5月7日晚，活动举行。\n\n俄罗斯联邦总统\u{3000}中华人民共和国主席\n\n习近平\n\n弗·弗·普京\n\n（新华社北京5月16日电）\n";
        let expected = "中华人民共和国和俄罗斯联邦联合声明\n\n应俄罗斯联邦总统邀请，习近平进行国事访问。\n\n一\n\n双方商定：\n——加强合作。\n——深化交流。\n\n铭记共同的历史记忆\n\n当地时间5月7日晚，活动举行。\n\n俄罗斯联邦总统\u{3000}中华人民共和国主席\n\n习近平\n\n弗·弗·普京\n\n（新华社北京5月16日电）\n";
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
                "人民日报 第{n}版\n双方指出，第{n}页的内容。\n双方认为，内容继续。\n双方强调，还有一段。\n双方同意，再有一段。\n双方商定，最后一段。\n{n}\n\n"
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
        let input = "\u{3000}\u{3000}双方指出，两国关系\n达到历史最高水平，\n不断向前发展。\n\u{3000}\u{3000}双方认为，合作\n前景广阔。\n";
        assert_eq!(
            reflow(input).0,
            "\u{3000}\u{3000}双方指出，两国关系达到历史最高水平，不断向前发展。\n\n\u{3000}\u{3000}双方认为，合作前景广阔。\n"
        );
        let spaces = "  双方指出，两国关系\n达到历史最高水平，\n不断向前发展。\n  双方认为，合作\n前景广阔。\n";
        assert_eq!(
            reflow(spaces).0,
            "双方指出，两国关系达到历史最高水平，不断向前发展。\n\n双方认为，合作前景广阔。\n"
        );
    }

    #[test]
    fn a_line_spread_one_character_per_line_is_one_line() {
        let input = format!("{OPENERS}请先阅读第三章，然后再\n回\n到\n第\n二\n章\n。\n");
        assert_eq!(reflow(&input).0, format!("{OPENERS}请先阅读第三章，然后再回到第二章。\n"));
        let blank_lines = format!("{OPENERS}请先阅读第三章，然后再\n\n回\n\n到\n\n第\n\n二\n\n章\n\n。\n");
        assert_eq!(reflow(&blank_lines).0, format!("{OPENERS}请先阅读第三章，然后再\n\n回到第二章。\n"));
    }

    #[test]
    fn poems_keep_their_lines_across_a_page_break() {
        let mut input = String::from("唐诗选读\n静夜思\n李白\n床前明月光，疑是地上霜。\n举头望明月，低头思故乡。\n");
        input.push_str("春晓\n孟浩然\n\n1\n\n唐诗选读\n春眠不觉晓，处处闻啼鸟。\n夜来风雨声，花落知多少。\n");
        input.push_str("登鹳雀楼\n王之涣\n白日依山尽，黄河入海流。\n\n2\n\n唐诗选读\n欲穷千里目，更上一层楼。\n");
        let expected = "静夜思\n李白\n床前明月光，疑是地上霜。\n举头望明月，低头思故乡。\n\n春晓\n孟浩然\n春眠不觉晓，处处闻啼鸟。\n夜来风雨声，花落知多少。\n\n登鹳雀楼\n王之涣\n白日依山尽，黄河入海流。\n欲穷千里目，更上一层楼。\n";
        assert_eq!(reflow(&input).0, expected);
    }

    /// Three lines of 26 columns, the last ending the paragraph.
    const WRAPPED_ARTICLE: &str =
        "公共图书馆应当按照平等、开\n放、共享的原则提供服务，并\n且接受社会监督和评价管理。\n";

    /// Asserts that `input` reflows to `expected`, where `{body}` stands for
    /// [`WRAPPED_ARTICLE`] and `{rest}` for its lines joined.
    fn assert_reflows_around_article(input: &str, expected: &str) {
        let rest = WRAPPED_ARTICLE.replace('\n', "");
        let input = input.replace("{body}", WRAPPED_ARTICLE);
        assert_eq!(reflow(&input).0, expected.replace("{rest}", &rest));
    }

    #[test]
    fn a_label_set_apart_rejoins_the_rest_of_its_line() {
        // Lines of 26 columns; the label (6) and the rest of its line (18) leave 2: a gap.
        assert_reflows_around_article(
            "第二条\n\n本法所称图书馆是\n{body}第三条\n\n国家鼓励公民参与\n{body}",
            "第二条\u{3000}本法所称图书馆是{rest}\n\n第三条\u{3000}国家鼓励公民参与{rest}\n",
        );
    }

    #[test]
    fn an_article_label_set_apart_heads_its_article() {
        assert_reflows_around_article(
            "{body}第九条\n\n国家倡导公民使用国旗。\n\n第一章\n\n总则\n",
            "{rest}\n\n第九条\u{3000}国家倡导公民使用国旗。\n\n第一章\n\n总则\n",
        );
        assert!(is_article_label("第二十一条") && is_article_label("第12条"));
        assert!(!is_article_label("第一章") && !is_article_label("第条") && !is_article_label("第三条规定"));
    }

    #[test]
    fn a_label_with_a_note_in_brackets_keeps_its_line() {
        let talk = "主讲人（教授）：王明\n\n今天我们讲一讲唐诗。\n";
        assert_eq!(reflow(talk).0, talk);
    }

    #[test]
    fn a_short_line_before_a_full_one_stays_apart() {
        // A heading whose next line is a paragraph's full first line: together wider than a line.
        assert_reflows_around_article(
            "第一章　总则\n\n{body}\n第二章　设立\n\n{body}",
            "第一章　总则\n\n{rest}\n\n第二章　设立\n\n{rest}\n",
        );
    }

    #[test]
    fn date_spans_open_entries() {
        for line in ["2019.07-2021.02 美团", "2022年7月—至今 数据分析师", "2019/07 ~ 2021/02", "2022.07—至今"]
        {
            assert!(opens_with_date_span(line), "{line}");
        }
        for line in ["2019年7月加入公司", "2019.07", "20190701-02", "双方2019年"] {
            assert!(!opens_with_date_span(line), "{line}");
        }
    }

    #[test]
    fn a_glyph_set_apart_joins_the_running_text() {
        let wrapped = "双方指出，两国关系达到历史最高水平，不断向前发展，合\n作领域持续扩大，人文交流日益密切，双方同意进一步加强\n战略沟通，深化各领域务实合作，推动两国关系迈上新台阶\n";
        let input = format!("{wrapped}前景广阔，\n鎭\n的大櫃臺，櫃裏面豫備熱水，可以隨時溫酒。\n");
        let expected = format!("{}前景广阔，鎭的大櫃臺，櫃裏面豫備熱水，可以隨時溫酒。\n", wrapped.replace('\n', ""));
        assert_eq!(reflow(&input).0, expected);
    }

    #[test]
    fn quotes_used_as_backticks_open_nothing() {
        assert_eq!(bracket_depth("示例：‘cargo new‘ 命令"), 0);
        assert_eq!(bracket_depth("他说：“好"), 1);
        assert_eq!(bracket_depth("（一）和（二"), 1);
        assert_eq!(bracket_depth("a) 《书》「引」『引』【注】〈篇〉(x"), 0);
    }

    #[test]
    fn pages_go_up_one_at_a_time() {
        let numbers = |v: &[u32]| v.iter().map(|&n| Some(n)).collect::<Vec<_>>();
        assert_eq!(page_sequences(&numbers(&[1, 2, 3, 2018, 1, 1, 4])), [vec![0, 1, 2, 6]]);
        assert_eq!(page_sequences(&numbers(&[3, 5, 6])), [vec![0, 1, 2]]);
        assert!(page_sequences(&numbers(&[3, 2])).is_empty());
    }

    #[test]
    fn joined_documents_number_their_own_pages() {
        let numbers = |v: &[u32]| v.iter().map(|&n| Some(n)).collect::<Vec<_>>();
        // Two documents, of 3 and 5 pages; the second's page 4 could follow the first's 3.
        let joined = numbers(&[1, 2, 3, 1, 2, 3, 4, 5]);
        assert_eq!(page_sequences(&joined), [vec![3, 4, 5, 6, 7], vec![0, 1, 2]]);
        // A pair of numbers inside the span of a sequence is not a second one.
        assert_eq!(page_sequences(&numbers(&[1, 7, 2, 8, 3])), [vec![0, 2, 4]]);
    }

    #[test]
    fn wrap_width_needs_many_lines_of_one_width() {
        let any = |_| true;
        assert_eq!(wrap_width(&[40, 40, 39, 40, 12, 38, 40], &any), Some(40));
        assert_eq!(wrap_width(&[120, 300, 80, 45, 640, 200, 77], &any), None);
        // The widest band of many lines: lines set apart in parts are shorter than the wrap.
        assert_eq!(wrap_width(&[74, 58, 74, 60, 70, 58, 74, 58, 62, 74], &any), Some(74));
        assert_eq!(wrap_width(&[74, 58, 74, 60, 70, 58, 74, 58, 62, 74], &|w| w < 70), Some(58));
    }
}
