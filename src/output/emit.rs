//! One emitter per output format. Each writes a list of findings (of any number of files) to a
//! writer; `check --output-format` picks one.

use super::{Excerpt, Finding, PENDING_EDITS_CODE, human_line};
use serde::Serialize;
use std::collections::BTreeMap;
use std::io::{self, Write};
use zhclean_core::{Severity, registry};

/// How `check` prints its findings.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum OutputFormat {
    /// `path:line:col: severity[code] rule: message`, the source line with the span underlined.
    #[default]
    Human,
    /// One line per finding.
    Concise,
    /// A JSON array of findings.
    Json,
    /// One JSON object per line.
    JsonLines,
    /// GitHub Actions workflow commands (`::warning file=…`), shown as annotations.
    Github,
    /// SARIF 2.1.0, for code-scanning services.
    Sarif,
}

/// Writes findings in one output format as they come, the findings of one file at a time, so
/// that a run over many files holds the findings of the files in flight, not of all of them.
/// The line formats and JSON are written at once; SARIF, whose list of rules names every code
/// found, is written by [`finish`](Self::finish).
pub struct Emitter<W: Write> {
    format: OutputFormat,
    color: bool,
    out: W,
    /// Findings written so far: JSON separates them with commas.
    written: usize,
    /// The findings of a SARIF log, held until it is written.
    held: Vec<Finding>,
}

impl<W: Write> Emitter<W> {
    /// An emitter of `format` to `out`; `color` asks the human format for ANSI colours.
    pub fn new(format: OutputFormat, color: bool, out: W) -> Self {
        Self { format, color, out, written: 0, held: Vec::new() }
    }

    /// Writes `findings`, or holds them for SARIF.
    pub fn write<'f>(&mut self, findings: impl IntoIterator<Item = &'f Finding>) -> io::Result<()> {
        let out = &mut self.out;
        for finding in findings {
            match self.format {
                OutputFormat::Human => writeln!(out, "{}", human_block(finding, self.color))?,
                OutputFormat::Concise => writeln!(out, "{}", human_line(finding))?,
                OutputFormat::Json => {
                    out.write_all(if self.written == 0 { b"[\n" } else { b",\n" })?;
                    out.write_all(json_array_element(finding).as_bytes())?;
                }
                OutputFormat::JsonLines => {
                    writeln!(out, "{}", serde_json::to_string(finding).expect("findings serialize"))?
                }
                OutputFormat::Github => writeln!(out, "{}", github_line(finding))?,
                OutputFormat::Sarif => self.held.push(finding.clone()),
            }
            self.written += 1;
        }
        Ok(())
    }

    /// Ends the output (closes the JSON array, writes the SARIF log) and returns the writer.
    pub fn finish(mut self) -> io::Result<W> {
        match self.format {
            OutputFormat::Json if self.written == 0 => writeln!(self.out, "[]")?,
            OutputFormat::Json => writeln!(self.out, "\n]")?,
            OutputFormat::Sarif => {
                writeln!(self.out, "{}", serde_json::to_string_pretty(&sarif(&self.held)).expect("SARIF serializes"))?
            }
            _ => {}
        }
        Ok(self.out)
    }
}

/// `finding` as an element of a pretty-printed JSON array: indented one level, without the
/// comma or the line break that separate it from the next.
fn json_array_element(finding: &Finding) -> String {
    let array = serde_json::to_string_pretty(std::slice::from_ref(finding)).expect("findings serialize");
    array.strip_prefix("[\n").and_then(|a| a.strip_suffix("\n]")).expect("a pretty array of one").to_owned()
}

/// The count of findings per rule, most frequent first, counted as they come.
#[derive(Debug, Default)]
pub struct Statistics {
    counts: BTreeMap<(&'static str, &'static str), usize>,
}

impl Statistics {
    /// Counts `findings`.
    pub fn add<'f>(&mut self, findings: impl IntoIterator<Item = &'f Finding>) {
        for finding in findings {
            *self.counts.entry((finding.code, finding.rule)).or_default() += 1;
        }
    }

    /// A line per rule: `12  ZH308  halfwidth-punctuation`.
    pub fn table(&self) -> String {
        let mut rows: Vec<(&(&str, &str), &usize)> = self.counts.iter().collect();
        rows.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        rows.iter().map(|((code, rule), n)| format!("{n:>6}  {code:<6} {rule}\n")).collect()
    }
}

/// The human form: the finding's line, then the source line with the span underlined.
fn human_block(finding: &Finding, color: bool) -> String {
    let mut line = human_line(finding);
    if color {
        let paint = match finding.severity {
            Severity::Error => "\x1b[1;31m",
            Severity::Warning => "\x1b[1;33m",
            Severity::Info => "\x1b[1;36m",
        };
        let tag = format!("{}[{}]", finding.severity, finding.code);
        line = line.replacen(&tag, &format!("{paint}{tag}\x1b[0m"), 1);
    }
    if finding.source.text().is_empty() {
        return line;
    }
    let span_chars = if finding.end_line == finding.line {
        (finding.end_column.saturating_sub(finding.column) as usize).max(1)
    } else {
        usize::MAX
    };
    let excerpt = Excerpt::of(finding.source.text(), finding.source.at, span_chars);
    let source: String = excerpt.text.chars().map(|c| if c == '\t' { ' ' } else { c }).collect();
    let width = |chars: &str| chars.chars().map(char_width).sum::<usize>();
    let before: String = source.chars().take(excerpt.column as usize - 1).collect();
    let span: String = source.chars().skip(excerpt.column as usize - 1).take(span_chars).collect();
    let marks = "^".repeat(width(&span).max(1));
    format!("{line}\n  | {source}\n  | {}{marks}", " ".repeat(width(&before)))
}

/// Display width: Chinese characters and full-width forms take two columns.
fn char_width(c: char) -> usize {
    if (c as u32) >= 0x1100 && !matches!(c, '\u{2000}'..='\u{206F}') { 2 } else { 1 }
}

/// A GitHub Actions workflow command: the finding becomes an annotation on its line.
fn github_line(finding: &Finding) -> String {
    let level = match finding.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    };
    // Workflow commands escape `%`, CR and LF in the message, and also `,` and `:` in properties.
    let escape_data = |s: &str| s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A");
    let escape_property = |s: &str| escape_data(s).replace(':', "%3A").replace(',', "%2C");
    format!(
        "::{level} file={},line={},col={},endLine={},endColumn={},title={}::{}",
        escape_property(&finding.path),
        finding.line,
        finding.column,
        finding.end_line,
        finding.end_column,
        escape_property(&format!("{} {}", finding.code, finding.rule)),
        escape_data(&finding.message)
    )
}

#[derive(Serialize)]
struct Sarif {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: Vec<SarifRun>,
}

#[derive(Serialize)]
struct SarifRun {
    tool: serde_json::Value,
    results: Vec<serde_json::Value>,
}

/// The findings as a SARIF 2.1.0 log: one run, every rule of the registry that the findings
/// name as a reporting descriptor, one result per finding.
fn sarif(findings: &[Finding]) -> Sarif {
    let mut rule_ids: Vec<&str> = findings.iter().map(|f| f.code).collect();
    rule_ids.sort_unstable();
    rule_ids.dedup();
    let rules: Vec<serde_json::Value> = rule_ids
        .iter()
        .filter_map(|code| registry::find(code))
        .map(|rule| {
            serde_json::json!({
                "id": rule.code,
                "name": rule.name,
                "shortDescription": { "text": rule.summary },
                "fullDescription": { "text": rule.documentation() },
                "defaultConfiguration": { "level": sarif_level(rule.severity) },
            })
        })
        .collect();
    let results = findings
        .iter()
        .map(|f| {
            serde_json::json!({
                "ruleId": f.code,
                "level": sarif_level(f.severity),
                "message": { "text": if f.code == PENDING_EDITS_CODE { format!("{}: {}", f.rule, f.message) } else { f.message.to_string() } },
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": { "uri": f.path },
                        "region": {
                            "startLine": f.line,
                            "startColumn": f.column,
                            "endLine": f.end_line,
                            "endColumn": f.end_column.max(f.column),
                        }
                    }
                }],
            })
        })
        .collect();
    let tool = serde_json::json!({
        "driver": {
            "name": "zhclean",
            "version": env!("CARGO_PKG_VERSION"),
            "informationUri": env!("CARGO_PKG_REPOSITORY"),
            "rules": rules,
        }
    });
    Sarif {
        schema: "https://json.schemastore.org/sarif-2.1.0.json",
        version: "2.1.0",
        runs: vec![SarifRun { tool, results }],
    }
}

fn sarif_level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use zhclean_core::Applicability;

    fn finding() -> Finding {
        Finding {
            path: "a.txt".into(),
            code: "ZH106",
            rule: "unbalanced-pair",
            severity: Severity::Warning,
            line: 2,
            column: 3,
            end_line: 2,
            end_column: 4,
            message: "`《` has no matching `》`, here".into(),
            fix: Some(Applicability::Unsafe),
            edit: None,
            source: crate::output::SourceLine::new("双方《联合国宪章", 6),
        }
    }

    fn emitted_all(format: OutputFormat, findings: &[Finding]) -> String {
        let mut emitter = Emitter::new(format, false, Vec::new());
        // Two calls, as for two files.
        let (first, rest) = findings.split_at(findings.len().min(1));
        emitter.write(first).unwrap();
        emitter.write(rest).unwrap();
        String::from_utf8(emitter.finish().unwrap()).unwrap()
    }

    fn emitted(format: OutputFormat) -> String {
        emitted_all(format, &[finding()])
    }

    #[test]
    fn human_underlines_the_span() {
        assert_eq!(
            emitted(OutputFormat::Human),
            "a.txt:2:3: warning[ZH106] unbalanced-pair: `《` has no matching `》`, here [fixable with --unsafe-fixes]\n  \
             | 双方《联合国宪章\n  |     ^^\n"
        );
    }

    #[test]
    fn github_annotations_escape_their_properties() {
        assert_eq!(
            emitted(OutputFormat::Github),
            "::warning file=a.txt,line=2,col=3,endLine=2,endColumn=4,title=ZH106 unbalanced-pair::`《` has no matching `》`, here\n"
        );
    }

    #[test]
    fn json_lines_and_sarif() {
        let line: serde_json::Value = serde_json::from_str(emitted(OutputFormat::JsonLines).trim()).unwrap();
        assert_eq!(line["code"], "ZH106");
        let sarif: serde_json::Value = serde_json::from_str(&emitted(OutputFormat::Sarif)).unwrap();
        assert_eq!(sarif["version"], "2.1.0");
        assert_eq!(sarif["runs"][0]["results"][0]["level"], "warning");
        assert_eq!(sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"], 2);
        assert_eq!(sarif["runs"][0]["tool"]["driver"]["rules"][0]["id"], "ZH106");
    }

    #[test]
    fn statistics_count_per_rule() {
        let mut other = finding();
        other.code = "ZH000";
        other.rule = "halfwidth-punctuation";
        let mut statistics = Statistics::default();
        statistics.add(&[finding(), other.clone()]);
        statistics.add(&[other]);
        assert_eq!(statistics.table(), "     2  ZH000  halfwidth-punctuation\n     1  ZH106  unbalanced-pair\n");
    }

    #[test]
    fn json_is_one_pretty_array_written_as_the_findings_come() {
        let mut other = finding();
        other.line = 7;
        for findings in [vec![], vec![finding()], vec![finding(), other.clone(), other]] {
            let whole = serde_json::to_string_pretty(&findings).unwrap() + "\n";
            assert_eq!(emitted_all(OutputFormat::Json, &findings), whole);
        }
    }
}
