use crate::{Change, TextRange};
use serde::Serialize;
use std::fmt;
use std::str::FromStr;

/// How serious a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
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
        f.write_str(match self {
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
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fix {
    /// Safe or unsafe.
    pub applicability: Applicability,
    /// The changes, in the coordinates of the text the lint ran on.
    pub changes: Vec<Change>,
}

/// A finding of a lint rule.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// Stable code, e.g. `ZH101`.
    pub code: &'static str,
    /// Kebab-case rule name, e.g. `duplicate-paragraph`.
    pub rule: &'static str,
    /// How serious it is.
    pub severity: Severity,
    /// Where, in the coordinates of the text the lint ran on.
    pub range: TextRange,
    /// What is wrong, in one sentence.
    pub message: String,
    /// A fix, when one is known.
    pub fix: Option<Fix>,
}
