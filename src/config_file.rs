//! `zhclean.toml`: settings kept with the documents, found by walking up from the working
//! directory. Command-line options override them.
//!
//! ```toml
//! profile = "gb"                     # or "copywriting"
//! paragraph-separator = "blank-line" # or "newline"
//! range-dash = "em-dash"             # or "tilde"
//! convert = "t2s"                    # an OpenCC configuration; none by default
//! encoding = "gbk"                   # skip detection
//! unsafe-fixes = false
//! ignore = ["cjk-spacing"]            # rule names or codes (any case); `disable` also works
//!
//! [severity]
//! duplicate-paragraph = "error"      # by rule name or code
//! ZH105 = "warning"
//!
//! [per-file-ignores]                 # globs, matched against the path or the file name
//! "verse/*.txt" = ["stray-line-break"]
//! ```

use crate::{Config, ConfigError, ParagraphSeparator, Profile, RangeDash};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use toml::Spanned;
use zhclean_core::Severity;

/// The names a settings file may have, in the order they are looked for in each directory.
pub const FILE_NAMES: [&str; 2] = ["zhclean.toml", ".zhclean.toml"];

/// The contents of a settings file.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct FileSettings {
    profile: Option<String>,
    paragraph_separator: Option<String>,
    range_dash: Option<String>,
    convert: Option<String>,
    encoding: Option<String>,
    unsafe_fixes: Option<bool>,
    /// Rules switched off (`ignore`, or its older name `disable`).
    #[serde(default, alias = "disable")]
    ignore: Vec<Spanned<String>>,
    #[serde(default)]
    severity: BTreeMap<Spanned<String>, Severity>,
    /// Rules switched off for files whose path matches a glob.
    #[serde(default)]
    per_file_ignores: BTreeMap<Spanned<String>, Vec<Spanned<String>>>,
    /// The text the settings were read from, to locate mistakes.
    #[serde(skip)]
    text: String,
}

/// The nearest settings file in `start` or a directory above it.
pub fn discover(start: &Path) -> Option<PathBuf> {
    start.ancestors().flat_map(|dir| FILE_NAMES.map(|name| dir.join(name))).find(|path| path.is_file())
}

/// Reads and parses the settings file at `path`.
pub fn load(path: &Path) -> Result<FileSettings, ConfigError> {
    let failed = |message: String| ConfigError::File { path: path.to_owned(), message };
    let text = std::fs::read_to_string(path).map_err(|e| failed(e.to_string()))?;
    let mut settings: FileSettings = toml::from_str(&text).map_err(|e| failed(located(&text, e)))?;
    settings.text = text;
    Ok(settings)
}

/// A parse error with the line and column where it is.
fn located(text: &str, error: toml::de::Error) -> String {
    match error.span() {
        Some(span) => format!("{}: {}", line_col(text, span.start), error.message()),
        None => error.message().to_owned(),
    }
}

/// `line:column` (1-based, columns in characters) of a byte offset of `text`.
fn line_col(text: &str, offset: usize) -> String {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().unwrap_or_default().chars().count() + 1;
    format!("{line}:{column}")
}

impl FileSettings {
    /// Writes these settings into `config`.
    pub fn apply(self, path: &Path, config: &mut Config) -> Result<(), ConfigError> {
        let invalid = |key: &str, value: &str, expected: &str| ConfigError::File {
            path: path.to_owned(),
            message: format!("`{key} = \"{value}\"` is not valid; expected {expected}"),
        };
        if let Some(value) = self.profile {
            config.profile = match value.as_str() {
                "gb" => Profile::GbT15834,
                "copywriting" => Profile::Copywriting,
                _ => return Err(invalid("profile", &value, "\"gb\" or \"copywriting\"")),
            };
        }
        if let Some(value) = self.paragraph_separator {
            config.paragraph_separator = match value.as_str() {
                "blank-line" => ParagraphSeparator::BlankLine,
                "newline" => ParagraphSeparator::Newline,
                _ => return Err(invalid("paragraph-separator", &value, "\"blank-line\" or \"newline\"")),
            };
        }
        if let Some(value) = self.range_dash {
            config.range_dash = match value.as_str() {
                "em-dash" => RangeDash::EmDash,
                "tilde" => RangeDash::Tilde,
                _ => return Err(invalid("range-dash", &value, "\"em-dash\" or \"tilde\"")),
            };
        }
        if let Some(value) = self.encoding {
            let encoding = zhclean_encoding::lookup(&value).map_err(|e| ConfigError::File {
                path: path.to_owned(),
                message: format!("`encoding = \"{value}\"`: {e}"),
            })?;
            config.decode.encoding = Some(encoding);
        }
        config.convert = self.convert.or(config.convert.take());
        config.unsafe_fixes |= self.unsafe_fixes.unwrap_or(false);
        let unknown = |name: &Spanned<String>| ConfigError::File {
            path: path.to_owned(),
            message: format!(
                "{}: unknown rule `{}`; `zhclean rules` lists them",
                line_col(&self.text, name.span().start),
                name.get_ref()
            ),
        };
        let per_file_rules = self.per_file_ignores.values().flatten();
        for name in self.ignore.iter().chain(self.severity.keys()).chain(per_file_rules) {
            if zhclean_core::registry::find(name.get_ref()).is_none() {
                return Err(unknown(name));
            }
        }
        for glob in self.per_file_ignores.keys() {
            if let Err(e) = globset::Glob::new(glob.get_ref()) {
                return Err(ConfigError::File {
                    path: path.to_owned(),
                    message: format!(
                        "{}: `{}` is not a valid glob: {e}",
                        line_col(&self.text, glob.span().start),
                        glob.get_ref()
                    ),
                });
            }
        }
        config.per_file_ignores.extend(
            self.per_file_ignores
                .into_iter()
                .map(|(glob, rules)| (glob.into_inner(), rules.into_iter().map(Spanned::into_inner).collect())),
        );
        config.disabled.extend(self.ignore.into_iter().map(Spanned::into_inner));
        config.severity.extend(self.severity.into_iter().map(|(name, severity)| (name.into_inner(), severity)));
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings(text: &str) -> Result<Config, String> {
        let path = Path::new("zhclean.toml");
        let mut file: FileSettings = toml::from_str(text).map_err(|e| e.message().to_owned())?;
        file.text = text.to_owned();
        let mut config = Config::default();
        file.apply(path, &mut config).map_err(|e| e.to_string())?;
        Ok(config)
    }

    #[test]
    fn every_setting() {
        let config = settings(
            "profile = \"copywriting\"\nparagraph-separator = \"newline\"\nrange-dash = \"tilde\"\nconvert = \"t2s\"\n\
             encoding = \"gbk\"\nunsafe-fixes = true\ndisable = [\"cjk-spacing\"]\n[severity]\nZH105 = \"error\"\n",
        )
        .unwrap();
        assert_eq!(config.profile, Profile::Copywriting);
        assert_eq!(config.paragraph_separator, ParagraphSeparator::Newline);
        assert_eq!(config.range_dash, RangeDash::Tilde);
        assert_eq!(config.convert.as_deref(), Some("t2s"));
        assert_eq!(config.decode.encoding.map(|e| e.name()), Some("GBK"));
        assert!(config.unsafe_fixes);
        assert!(config.disabled.contains("cjk-spacing"));
        assert_eq!(config.severity.get("ZH105"), Some(&Severity::Error));
    }

    #[test]
    fn mistakes_are_named() {
        assert!(settings("colour = 1").unwrap_err().starts_with("unknown field `colour`"));
        assert_eq!(
            settings("profile = \"fancy\"").unwrap_err(),
            "zhclean.toml: `profile = \"fancy\"` is not valid; expected \"gb\" or \"copywriting\""
        );
        assert!(settings("[severity]\nZH101 = \"fatal\"").unwrap_err().contains("unknown variant `fatal`"));
        assert_eq!(
            settings("profile = \"gb\"\nignore = [\"cjk-spacing\", \"no-such-rule\"]").unwrap_err(),
            "zhclean.toml: 2:26: unknown rule `no-such-rule`; `zhclean rules` lists them"
        );
        assert_eq!(
            settings("[per-file-ignores]\n\"a/*.txt\" = [\"nope\"]").unwrap_err(),
            "zhclean.toml: 2:14: unknown rule `nope`; `zhclean rules` lists them"
        );
        assert_eq!(
            settings("[severity]\nzh101 = \"error\"\nbogus = \"info\"").unwrap_err(),
            "zhclean.toml: 3:1: unknown rule `bogus`; `zhclean rules` lists them"
        );
    }
}
