use crate::{Change, TextRange};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;
use std::sync::Arc;

/// How serious a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth knowing; never fails a check.
    Info,
    /// Probably a defect.
    Warning,
    /// A defect: `check` fails on it.
    Error,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        })
    }
}

impl FromStr for Severity {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "info" => Ok(Severity::Info),
            "warning" => Ok(Severity::Warning),
            "error" => Ok(Severity::Error),
            _ => Err(format!("unknown severity `{s}` (expected info, warning or error)")),
        }
    }
}

/// Whether a fix may be applied without a human looking at it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Applicability {
    /// Applied by `clean`.
    Safe,
    /// Applied only with `--unsafe-fixes`: it may remove text somebody wanted.
    Unsafe,
}

/// The changes that resolve a diagnostic.
#[derive(Clone, Debug, PartialEq)]
pub struct Fix {
    /// Safe or unsafe.
    pub applicability: Applicability,
    /// The changes, in the coordinates of the text the lint ran on.
    pub changes: Vec<Change>,
}

/// A finding of a rule.
///
/// A rule creates it with a range of the text it looked at; once recorded in a
/// [`Document`](crate::Document) or a report, the range refers to the original input.
#[derive(Clone, Debug, PartialEq)]
pub struct Diagnostic {
    /// Stable code, e.g. `ZH101`.
    pub code: &'static str,
    /// Kebab-case rule name, e.g. `duplicate-paragraph`.
    pub rule: &'static str,
    /// How serious it is.
    pub severity: Severity,
    /// Where: in the text the rule looked at, or, once recorded, in the original input.
    pub range: TextRange,
    /// What is wrong, in one sentence; shared by the findings that say the same (a large
    /// document may have hundreds of thousands).
    pub message: Arc<str>,
    /// A fix, when one is known.
    pub fix: Option<Fix>,
}

/// A rule of the registry (see [`crate::registry`]): code, name, stage, kind, default,
/// fix applicability, default severity and the source file whose `//!` documentation explains
/// it.
#[derive(Debug)]
pub struct RuleMeta {
    /// Stable code, e.g. `ZH101`.
    pub code: &'static str,
    /// Kebab-case name, e.g. `duplicate-paragraph`.
    pub name: &'static str,
    /// The stage that applies or reports it.
    pub stage: crate::registry::Stage,
    /// Whether it edits text or only reports.
    pub kind: crate::registry::Kind,
    /// Whether it runs unless switched off (`opencc-conversion` runs only when asked).
    pub enabled_by_default: bool,
    /// How safe its changes or fixes are: edits are safe; a report's fix may be unsafe; `None`
    /// when it has no fix.
    pub fix: Option<Applicability>,
    /// Severity unless the configuration overrides it.
    pub severity: Severity,
    /// One-line summary.
    pub summary: &'static str,
    /// Source of the rule's module (`include_str!` of its own file).
    pub source: &'static str,
}

impl RuleMeta {
    /// The rule's documentation: the `//!` comment that opens its source file.
    pub fn documentation(&self) -> String {
        let mut doc = String::new();
        for line in self.source.lines().map_while(|l| l.strip_prefix("//!")) {
            doc.push_str(line.strip_prefix(' ').unwrap_or(line));
            doc.push('\n');
        }
        doc
    }

    /// A diagnostic of this rule, at its default severity, without a fix.
    pub fn diagnostic(&self, range: TextRange, message: impl Into<Arc<str>>) -> Diagnostic {
        Diagnostic {
            code: self.code,
            rule: self.name,
            severity: self.severity,
            range,
            message: message.into(),
            fix: None,
        }
    }
}
