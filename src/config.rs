use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use thiserror::Error;
use zhclean_convert::Backend;
pub use zhclean_core::Profile;
use zhclean_core::Severity;
use zhclean_encoding::DecodeOptions;
pub use zhclean_layout::ParagraphSeparator;
pub use zhclean_punct::RangeDash;

/// What the pipeline does; the default follows GB/T 15834 and changes nothing it is unsure of.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Config {
    /// How to decode: a forced encoding (`--encoding`) and lossy decoding (`--lossy`).
    pub decode: DecodeOptions,
    /// OpenCC configuration to convert with (`t2s`, `s2t`, …); no conversion when `None`.
    pub convert: Option<String>,
    /// The OpenCC implementation that converts.
    pub opencc_backend: Backend,
    /// Also apply fixes marked unsafe (they may remove text somebody wanted).
    pub unsafe_fixes: bool,
    /// Rules switched off, by name (any stage) or by code (lint rules).
    pub disabled: BTreeSet<String>,
    /// Severities that replace the rules' defaults, by rule name or code.
    pub severity: BTreeMap<String, Severity>,
    /// How paragraphs are separated in the output.
    pub paragraph_separator: ParagraphSeparator,
    /// The typographic convention: GB/T 15834 (default) or copywriting.
    pub profile: Profile,
    /// How number ranges are written (`2026—2027年` or `2026～2027年`).
    pub range_dash: RangeDash,
    /// Rules switched off for the files whose path matches a glob (`[per-file-ignores]`).
    pub per_file_ignores: Vec<(String, Vec<String>)>,
}

/// A configuration the pipeline cannot run with.
#[derive(Debug, Error)]
pub enum ConfigError {
    /// `--convert` named no known OpenCC configuration, or it failed to load.
    #[error(transparent)]
    Convert(#[from] zhclean_convert::ConvertError),
    /// A disabled rule does not exist.
    #[error("unknown rule `{0}`; `zhclean rules` lists them")]
    UnknownRule(String),
    /// A settings file could not be read or holds a mistake.
    #[error("{}: {message}", path.display())]
    File {
        /// The settings file.
        path: PathBuf,
        /// What is wrong, and where.
        message: String,
    },
}

/// True for a file named as a Markdown source.
fn is_markdown_source(path: &std::path::Path) -> bool {
    path.extension().is_some_and(|ext| ext.eq_ignore_ascii_case("md") || ext.eq_ignore_ascii_case("markdown"))
}

/// True for a file of delimited records (`*.csv`, `*.tsv`): its commas, tabs, quotes and line
/// breaks are the syntax of its fields.
fn is_delimited_data(path: &std::path::Path) -> bool {
    path.extension().is_some_and(|ext| ext.eq_ignore_ascii_case("csv") || ext.eq_ignore_ascii_case("tsv"))
}

impl Config {
    /// True when the file at `path` needs a configuration of its own (see [`for_path`](Self::for_path)).
    pub fn varies_by_path(&self, path: &std::path::Path) -> bool {
        !self.per_file_ignores.is_empty() || is_markdown_source(path) || is_delimited_data(path)
    }

    /// This configuration for the file at `path`: the rules of every `per-file-ignores` glob
    /// that matches the path (as given, or its file name) are switched off too, and so is
    /// `markdown-heading` for a Markdown source (`*.md`, `*.markdown`), whose `#` marks are its
    /// structure, not a converter's noise, and, for delimited records (`*.csv`, `*.tsv`), every
    /// rule that edits but those that fix bytes (line endings, mojibake, missing glyphs, the
    /// final newline) and a conversion asked for: the commas, quotes and line breaks of records
    /// are syntax.
    pub fn for_path(&self, path: &std::path::Path) -> Config {
        let mut config = self.clone();
        if is_markdown_source(path) {
            config.disabled.insert(zhclean_core::registry::MARKDOWN_HEADING.name.to_owned());
        }
        if is_delimited_data(path) {
            let edits_records = |rule: &zhclean_core::RuleMeta| {
                zhclean_core::verbatim::edits_verbatim(rule.name)
                    || rule.name == zhclean_core::registry::OPENCC_CONVERSION.name
            };
            let structural = zhclean_core::registry::RULES
                .iter()
                .filter(|rule| rule.kind == zhclean_core::registry::Kind::Edit && !edits_records(rule));
            config.disabled.extend(structural.map(|rule| rule.name.to_owned()));
        }
        for (glob, rules) in &self.per_file_ignores {
            let Ok(glob) = globset::Glob::new(glob) else { continue };
            let matcher = glob.compile_matcher();
            if matcher.is_match(path) || path.file_name().is_some_and(|name| matcher.is_match(name)) {
                config.disabled.extend(rules.iter().cloned());
            }
        }
        config.per_file_ignores.clear();
        config
    }

    /// True unless the rule with this name or code (in any case) is switched off.
    pub fn enabled(&self, name_or_code: &str) -> bool {
        let name = zhclean_core::registry::find(name_or_code).map_or(name_or_code, |rule| rule.name);
        !self.disabled.contains(name)
            && !self.disabled.iter().any(|key| zhclean_core::registry::find(key).is_some_and(|r| r.name == name))
    }

    /// The severity configured for a rule, by name or code (in any case).
    pub fn severity_of(&self, name: &str, code: &str) -> Option<Severity> {
        self.severity
            .iter()
            .find(|(key, _)| key.as_str() == name || key.eq_ignore_ascii_case(code))
            .map(|(_, &severity)| severity)
    }
}
