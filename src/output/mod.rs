//! Outputs: the findings of a report, and one emitter for every format (`Emitter`): human, concise,
//! JSON, JSON lines, GitHub workflow annotations and SARIF; the reviewable report and the
//! detection line.

mod emit;
mod records;

pub use emit::{Emitter, OutputFormat, Statistics};
pub use records::{DiagnosticRecord, EditRecord, Records, records};

use crate::Report;
use serde::Serialize;
use std::fmt::Write;
use std::sync::Arc;
use zhclean_core::{Applicability, CompactString, LineCol, Severity};
use zhclean_encoding::{EncodingInfo, LineEndings};

/// Code of the finding that says `clean` would change a file.
pub const PENDING_EDITS_CODE: &str = "ZH000";

/// One finding about one file, as printed by `check`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// The file, as given on the command line (`-` for standard input); shared by the findings
    /// of the file.
    pub path: Arc<str>,
    /// Stable code (`ZH000` for edits `clean` would make).
    pub code: &'static str,
    /// Rule name.
    pub rule: &'static str,
    /// Severity.
    pub severity: Severity,
    /// 1-based line in the input.
    pub line: u32,
    /// 1-based column in the input, in characters.
    pub column: u32,
    /// Line where the finding ends.
    pub end_line: u32,
    /// Column where the finding ends.
    pub end_column: u32,
    /// What is wrong; shared with the diagnostic it reports.
    pub message: Arc<str>,
    /// Whether `clean` fixes it: `safe`, `unsafe` (with `--unsafe-fixes`) or absent.
    pub fix: Option<Applicability>,
    /// For an edit `clean` would make: the text it replaces and its replacement.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub edit: Option<EditText>,
    /// The line of the input where the finding starts (in the input the findings of a file
    /// share), and where on it (shown under it by the human format, see [`Excerpt`]).
    #[serde(skip)]
    pub source: SourceLine,
}

/// A line of the input (without its line break) and a byte offset in it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SourceLine {
    /// The whole input, shared by the findings of a file: no line is copied.
    input: Arc<str>,
    /// Where the line is in it.
    line: std::ops::Range<usize>,
    /// Where the finding starts in the line.
    pub at: usize,
}

impl SourceLine {
    /// `line` (without its line break), with a finding at byte `at` of it.
    pub fn new(line: &str, at: usize) -> Self {
        Self { input: line.into(), line: 0..line.len(), at }
    }

    /// The line.
    pub fn text(&self) -> &str {
        &self.input[self.line.clone()]
    }
}

/// Where a finding stands on its line of the input: up to [`EXCERPT_CONTEXT`] characters
/// before it, it, and up to as many after, with `…` where the line goes on.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Excerpt {
    /// The text shown.
    pub text: String,
    /// The character of `text` where the finding starts, from 1.
    pub column: u32,
}

/// Characters of the line shown on each side of a finding.
pub const EXCERPT_CONTEXT: usize = 40;
/// Characters of a finding shown, at most.
const EXCERPT_SPAN: usize = 80;

impl Excerpt {
    /// The excerpt of `line` for a finding that starts at byte `at` of it and covers `chars`
    /// characters of it.
    pub fn of(line: &str, at: usize, chars: usize) -> Self {
        let at = (0..=at.min(line.len())).rev().find(|&i| line.is_char_boundary(i)).unwrap_or(0);
        let from = line[..at].char_indices().rev().nth(EXCERPT_CONTEXT - 1).map_or(0, |(i, _)| i);
        let shown = chars.min(EXCERPT_SPAN) + EXCERPT_CONTEXT;
        let to = line[at..].char_indices().nth(shown).map_or(line.len(), |(i, _)| at + i);
        let (cut_before, cut_after) = (from > 0, to < line.len());
        let text =
            format!("{}{}{}", if cut_before { "…" } else { "" }, &line[from..to], if cut_after { "…" } else { "" });
        let column = line[from..at].chars().count() + 1 + usize::from(cut_before);
        Self { text, column: u32::try_from(column).unwrap_or(u32::MAX) }
    }
}

/// What an edit replaces, and with what.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct EditText {
    /// The text of the input it replaces.
    pub before: CompactString,
    /// Its replacement.
    pub after: CompactString,
}

impl Finding {
    /// The finding for an input that could not be cleaned; `message` names the file first.
    pub fn failure(path: &str, message: &str) -> Self {
        let rule = &zhclean_encoding::unreadable_input::RULE;
        let message = message.strip_prefix(path).and_then(|m| m.strip_prefix(": ")).unwrap_or(message);
        Finding {
            path: path.into(),
            code: rule.code,
            rule: rule.name,
            severity: rule.severity,
            line: 1,
            column: 1,
            end_line: 1,
            end_column: 1,
            message: message.into(),
            fix: None,
            edit: None,
            source: SourceLine::default(),
        }
    }
}

/// Every finding of `report`, in order of position: each edit `clean` would make (code `ZH000`,
/// named after the rule that would make it) and each diagnostic.
pub fn findings(path: &str, report: &Report) -> Vec<Finding> {
    let mut all = Vec::new();
    for_each_chunk_of_findings(path, report, usize::MAX, |chunk| all.extend(chunk));
    all
}

/// Findings of `report` made at a time by [`for_each_chunk_of_findings`] for `check`: a large
/// file has hundreds of thousands, which are written a chunk at a time, not held all at once.
pub const FINDINGS_PER_CHUNK: usize = 16_384;

/// The findings of `report`, in the order of [`findings`], handed to `take` up to `per_chunk`
/// at a time: only the positions of all of them are held, and one chunk of findings.
///
/// Made on the calling thread, not on the pool: `check` calls it while the pool's threads may
/// be waiting for it to take the findings of the file they are ahead of.
pub fn for_each_chunk_of_findings(path: &str, report: &Report, per_chunk: usize, mut take: impl FnMut(Vec<Finding>)) {
    let sources: Vec<Source> =
        report.edits().iter().map(Source::Edit).chain(report.diagnostics.iter().map(Source::Diagnostic)).collect();
    let spans = report.spans(&sources.iter().map(Source::range).collect::<Vec<_>>());
    // In order: by position, an edit before a diagnostic at the same place, in the order of
    // the report.
    let mut placed: Vec<_> = spans.into_iter().zip(sources).collect();
    placed.sort_by_key(|((start, _), source)| (start.line, start.column, matches!(source, Source::Diagnostic(_))));
    let lines = SourceLines::of(report);
    let path: Arc<str> = path.into();
    for chunk in placed.chunks(per_chunk.max(1)) {
        take(
            chunk
                .iter()
                .map(|&(span, source)| source.finding(&path, report, span, lines.at(span.0.line, source.range().start)))
                .collect(),
        );
    }
}

/// What a finding reports.
#[derive(Clone, Copy)]
enum Source<'r> {
    Edit(&'r zhclean_core::Edit),
    Diagnostic(&'r zhclean_core::Diagnostic),
}

impl Source<'_> {
    /// Where it is, in the input.
    fn range(&self) -> zhclean_core::TextRange {
        match self {
            Source::Edit(edit) => edit.range,
            Source::Diagnostic(d) => d.range,
        }
    }

    /// The finding of `path` that reports it, at `(start, end)` on `line`.
    fn finding(self, path: &Arc<str>, report: &Report, (start, end): (LineCol, LineCol), line: SourceLine) -> Finding {
        let (code, rule, severity, message, fix, edit) = match self {
            Source::Edit(edit) => (
                PENDING_EDITS_CODE,
                edit.rule,
                report.edit_severities.get(edit.rule).copied().unwrap_or(Severity::Info),
                edit_message(&edit.before, &edit.after).into(),
                Some(Applicability::Safe),
                Some(EditText { before: edit.before.clone(), after: edit.after.clone() }),
            ),
            Source::Diagnostic(d) => {
                (d.code, d.rule, d.severity, Arc::clone(&d.message), d.fix.as_ref().map(|f| f.applicability), None)
            }
        };
        Finding {
            path: Arc::clone(path),
            code,
            rule,
            severity,
            line: start.line,
            column: start.column,
            end_line: end.line,
            end_column: end.column,
            message,
            fix,
            edit,
            source: line,
        }
    }
}

/// The lines of a report's input, found in the input that the findings share.
struct SourceLines<'r> {
    report: &'r Report,
    input: Arc<str>,
}

impl<'r> SourceLines<'r> {
    fn of(report: &'r Report) -> Self {
        Self { report, input: report.document.original_shared() }
    }

    /// Line `line` (from 1), and where byte `offset` of the input is on it.
    fn at(&self, line: u32, offset: usize) -> SourceLine {
        let bytes = self.report.document.original_line_range(line);
        let text = self.input[bytes.clone()].trim_end_matches('\n');
        let text = text.strip_suffix('\r').unwrap_or(text);
        let at = offset.max(bytes.start) - bytes.start;
        SourceLine { input: Arc::clone(&self.input), line: bytes.start..bytes.start + text.len(), at }
    }
}

/// `clean` would replace, delete or insert text: which, shown with escapes for line breaks.
fn edit_message(before: &str, after: &str) -> String {
    let shown = quoted;
    match (before.is_empty(), after.is_empty()) {
        (true, _) => format!("`clean` would insert {}", shown(after)),
        (_, true) => format!("`clean` would delete {}", shown(before)),
        _ => format!("`clean` would replace {} with {}", shown(before), shown(after)),
    }
}

/// `text` in double quotes with the escapes of `{:?}`, quickly for the characters that need none
/// (ideographs, CJK and full-width punctuation, printable ASCII), which most edits hold.
fn quoted(text: &str) -> String {
    if text.chars().all(shown_as_is) { format!("\"{text}\"") } else { format!("{text:?}") }
}

/// True for a character that `{:?}` shows as it is.
fn shown_as_is(c: char) -> bool {
    matches!(c, ' '..='~' | '\u{3001}'..='\u{3029}' | '\u{4E00}'..='\u{9FEF}' | '\u{FF01}'..='\u{FF5E}')
        && c != '"'
        && c != '\\'
}

/// `path:line:column: severity[code] rule: message`, one line per finding.
pub fn human_line(finding: &Finding) -> String {
    let fix = match finding.fix {
        Some(Applicability::Safe) if finding.code != PENDING_EDITS_CODE => " [fixable]",
        Some(Applicability::Unsafe) => " [fixable with --unsafe-fixes]",
        _ => "",
    };
    format!(
        "{}:{}:{}: {}[{}] {}: {}{fix}",
        finding.path, finding.line, finding.column, finding.severity, finding.code, finding.rule, finding.message
    )
}

/// The full report in reviewable text: encoding, every edit with its position (in order of
/// position), every diagnostic.
pub fn render_report(report: &Report) -> String {
    let mut out = String::new();
    let info = &report.encoding;
    let _ = writeln!(out, "encoding: {}{}", info.encoding, if info.bom { " (BOM)" } else { "" });
    let _ = writeln!(out, "edits: {}", report.edits().len());
    let mut edits: Vec<_> = report.edits().iter().collect();
    edits.sort_by_key(|edit| edit.range.start);
    let spans = report.spans(&edits.iter().map(|edit| edit.range).collect::<Vec<_>>());
    for (edit, (at, _)) in edits.into_iter().zip(spans) {
        let _ = writeln!(out, "  {}:{} {} {:?} -> {:?}", at.line, at.column, edit.rule, edit.before, edit.after);
    }
    write_diagnostics(&mut out, report);
    out
}

/// What cleaning changed, for review: a unified diff of the input against the cleaned text
/// whose hunks name the rules that made their edits, then the diagnostics. A rule change shows
/// up in it as the few hunks it touches.
pub fn render_review(report: &Report) -> String {
    let mut out = String::new();
    let (original, cleaned) = (report.document.original(), report.text());
    let spans = report.spans(&report.edits().iter().map(|edit| edit.range).collect::<Vec<_>>());
    let edit_lines: Vec<(u32, u32, &str)> =
        report.edits().iter().zip(spans).map(|(edit, (start, end))| (start.line, end.line, edit.rule)).collect();
    let diff = similar::TextDiff::from_lines(original, cleaned);
    for group in diff.grouped_ops(1) {
        let (first, last) = (&group[0], &group[group.len() - 1]);
        let old = first.old_range().start..last.old_range().end;
        let new = first.new_range().start..last.new_range().end;
        let lines = old.start as u32 + 1..=(old.end as u32).max(old.start as u32 + 1);
        let mut rules: Vec<&str> = edit_lines
            .iter()
            .filter(|&&(start, end, _)| start <= *lines.end() && end >= *lines.start())
            .map(|&(_, _, rule)| rule)
            .collect();
        rules.sort_unstable();
        rules.dedup();
        let _ = writeln!(
            out,
            "@@ -{},{} +{},{} @@ {}",
            old.start + 1,
            old.len(),
            new.start + 1,
            new.len(),
            rules.join(", ")
        );
        for op in &group {
            for change in diff.iter_changes(op) {
                let sign = match change.tag() {
                    similar::ChangeTag::Delete => '-',
                    similar::ChangeTag::Insert => '+',
                    similar::ChangeTag::Equal => ' ',
                };
                let line = change.value();
                let _ = write!(out, "{sign}{line}");
                if !line.ends_with('\n') {
                    let _ = writeln!(out, "\n\\ No newline at end of file");
                }
            }
        }
    }
    write_diagnostics(&mut out, report);
    out
}

/// The diagnostics of `report`, one per line after their count, as the reviewable texts list
/// them.
fn write_diagnostics(out: &mut String, report: &Report) {
    let _ = writeln!(out, "diagnostics: {}", report.diagnostics.len());
    for finding in findings("", report).iter().filter(|f| f.code != PENDING_EDITS_CODE) {
        let _ = writeln!(
            out,
            "  {}:{} {}[{}] {}: {}",
            finding.line, finding.column, finding.severity, finding.code, finding.rule, finding.message
        );
    }
}

/// How a file was decoded, in one line: `path: GB18030, confidence 0.99, no BOM, LF, 25534 bytes`.
pub fn detection_line(path: &str, bytes: usize, info: &EncodingInfo) -> String {
    let low = if info.low_confidence { " (low)" } else { "" };
    let bom = if info.bom { "BOM" } else { "no BOM" };
    let endings = match info.line_endings {
        LineEndings::None => "no line breaks",
        LineEndings::Lf => "LF",
        LineEndings::Crlf => "CRLF",
        LineEndings::Cr => "CR",
        LineEndings::Mixed => "mixed line endings",
    };
    let forced = if info.overridden { ", as given by --encoding" } else { "" };
    format!(
        "{path}: {}, confidence {:.2}{low}, {bom}, {endings}, {bytes} bytes{forced}",
        info.encoding, info.confidence
    )
}

/// `word` or `word`s.
pub fn plural(count: usize, word: &str) -> String {
    if count == 1 { word.to_owned() } else { format!("{word}s") }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Config, Pipeline};

    #[test]
    fn quoting_is_that_of_debug() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32).filter(|&c| shown_as_is(c)) {
            assert_eq!(quoted(&c.to_string()), format!("{:?}", c.to_string()), "U+{:04X}", c as u32);
        }
        for text in ["双方,“合作”", "a\"b\\c", "\r\n", "\u{200B}中", "\u{301}é", "\u{3000}", "", "１２"] {
            assert_eq!(quoted(text), format!("{text:?}"));
        }
        assert!(shown_as_is('中') && shown_as_is('，') && !shown_as_is('\u{200B}') && !shown_as_is('"'));
    }

    #[test]
    fn findings_locate_edits_and_diagnostics_in_the_input() {
        let para = "双方将加强国际奥委会和亚奥理事会有关倡议和决定。";
        let input = format!("指出,利用。\r\n\r\n{para}\r\n\r\n{para}\r\n");
        let report = Pipeline::new(Config::default()).unwrap().clean_bytes(input.as_bytes()).unwrap();
        let lines: Vec<String> = findings("a.txt", &report).iter().map(human_line).collect();
        assert_eq!(
            lines,
            [
                "a.txt:1:3: info[ZH000] halfwidth-punctuation: `clean` would replace \",\" with \"，\"",
                "a.txt:1:7: info[ZH000] line-ending: `clean` would replace \"\\r\\n\" with \"\\n\"",
                "a.txt:2:1: info[ZH000] line-ending: `clean` would replace \"\\r\\n\" with \"\\n\"",
                "a.txt:3:25: info[ZH000] line-ending: `clean` would replace \"\\r\\n\" with \"\\n\"",
                "a.txt:4:1: info[ZH000] line-ending: `clean` would replace \"\\r\\n\" with \"\\n\"",
                "a.txt:5:1: warning[ZH101] duplicate-paragraph: paragraph repeats the paragraph at line 3 \
                 [fixable with --unsafe-fixes]",
                "a.txt:5:25: info[ZH000] line-ending: `clean` would replace \"\\r\\n\" with \"\\n\"",
            ]
        );
        let sources: Vec<(String, usize)> =
            findings("a.txt", &report).into_iter().map(|f| (f.source.text().to_owned(), f.source.at)).collect();
        assert_eq!(sources[0], ("指出,利用。".to_owned(), 6));
        assert_eq!(sources[2], (String::new(), 0));
    }

    #[test]
    fn an_excerpt_shows_the_finding_and_its_neighbours_on_a_long_line() {
        let line = format!("{},{}", "甲".repeat(100), "乙".repeat(100));
        let excerpt = Excerpt::of(&line, 300, 1);
        assert_eq!(excerpt.text, format!("…{},{}…", "甲".repeat(40), "乙".repeat(40)));
        assert_eq!(excerpt.column, 42);
        assert_eq!(Excerpt::of("指出,利用。", 6, 1), Excerpt { text: "指出,利用。".to_owned(), column: 3 });
        // Inside a character, the excerpt starts at it; a finding at the end of a line is shown there.
        assert_eq!(Excerpt::of("指出", 4, 1).column, 2);
        assert_eq!(Excerpt::of("指出", 6, 1), Excerpt { text: "指出".to_owned(), column: 3 });
    }

    #[test]
    fn many_findings_on_one_long_line_share_it() {
        // Every bracket around the ideograph is made full-width: 20,000 findings on one line.
        let input = format!("{}中{}", "(".repeat(10_000), ")".repeat(10_000));
        let report = Pipeline::new(Config::default()).unwrap().clean_bytes(input.as_bytes()).unwrap();
        let found = findings("a.txt", &report);
        assert_eq!(found.iter().filter(|f| f.rule == "halfwidth-punctuation").count(), 20_000);
        // They share the input: no line is copied.
        assert!(found.iter().all(|f| Arc::ptr_eq(&f.source.input, &found[0].source.input)));
        assert!(found.iter().all(|f| f.source.text().len() == input.len()));
        let middle = found.iter().find(|f| f.column == 10_000).unwrap();
        let excerpt = Excerpt::of(middle.source.text(), middle.source.at, 1);
        assert_eq!(excerpt.text, format!("…{}中{}…", "(".repeat(41), ")".repeat(39)));
        assert_eq!(excerpt.text.chars().nth(excerpt.column as usize - 1), Some('('));
    }
}
