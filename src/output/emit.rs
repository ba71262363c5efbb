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

/// Writes `findings` in `format`; `color` asks the human format for ANSI colours.
pub fn emit(format: OutputFormat, findings: &[Finding], color: bool, out: &mut dyn Write) -> io::Result<()> {
    match format {
        OutputFormat::Human => findings.iter().try_for_each(|f| writeln!(out, "{}", human_block(f, color))),
        OutputFormat::Concise => findings.iter().try_for_each(|f| writeln!(out, "{}", human_line(f))),
        OutputFormat::Json => writeln!(out, "{}", serde_json::to_string_pretty(findings).expect("findings serialize")),
        OutputFormat::JsonLines => {
            findings.iter().try_for_each(|f| writeln!(out, "{}", serde_json::to_string(f).expect("findings serialize")))
        }
        OutputFormat::Github => findings.iter().try_for_each(|f| writeln!(out, "{}", github_line(f))),
        OutputFormat::Sarif => {
            writeln!(out, "{}", serde_json::to_string_pretty(&sarif(findings)).expect("SARIF serializes"))
        }
    }
}

/// The count of findings per rule, most frequent first: `12  ZH308  halfwidth-punctuation`.
pub fn statistics(findings: &[Finding]) -> String {
    let mut counts: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    for finding in findings {
        *counts.entry((finding.code, finding.rule)).or_default() += 1;
    }
    let mut rows: Vec<((&str, &str), usize)> = counts.into_iter().collect();
    rows.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    rows.iter().map(|((code, rule), n)| format!("{n:>6}  {code:<6} {rule}\n")).collect()
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
    if finding.source.text.is_empty() {
        return line;
    }
    let span_chars = if finding.end_line == finding.line {
        (finding.end_column.saturating_sub(finding.column) as usize).max(1)
    } else {
        usize::MAX
    };
    let excerpt = Excerpt::of(&finding.source.text, finding.source.at, span_chars);
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
                "message": { "text": if f.code == PENDING_EDITS_CODE { format!("{}: {}", f.rule, f.message) } else { f.message.clone() } },
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
            path: "a.txt".to_owned(),
            code: "ZH106",
            rule: "unbalanced-pair",
            severity: Severity::Warning,
            line: 2,
            column: 3,
            end_line: 2,
            end_column: 4,
            message: "`《` has no matching `》`, here".to_owned(),
            fix: Some(Applicability::Unsafe),
            edit: None,
            source: crate::output::SourceLine { text: "双方《联合国宪章".into(), at: 6 },
        }
    }

    fn emitted(format: OutputFormat) -> String {
        let mut out = Vec::new();
        emit(format, &[finding()], false, &mut out).unwrap();
        String::from_utf8(out).unwrap()
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
        let findings = [finding(), other.clone(), other];
        assert_eq!(statistics(&findings), "     2  ZH000  halfwidth-punctuation\n     1  ZH106  unbalanced-pair\n");
    }
}
