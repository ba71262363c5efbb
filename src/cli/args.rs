use clap::{Args, Parser, Subcommand, ValueEnum};
use encoding_rs::Encoding;
use std::path::PathBuf;
use zhclean::output::OutputFormat;
use zhclean::{
    Config, ConfigError, DecodeOptions, ParagraphSeparator, Pipeline, Profile, RangeDash, config_file, registry,
};

/// Clean and validate Chinese text documents.
///
/// zhclean decodes a file, repairs its layout (line endings, whitespace), normalises
/// punctuation to GB/T 15834 in Chinese text, converts variants with OpenCC when asked, and lints
/// what it cannot safely fix (duplicated paragraphs, …). Every change is logged with the name of
/// the rule that made it.
#[derive(Debug, Parser)]
#[command(name = "zhclean", version, propagate_version = true)]
#[command(after_help = "Examples:
  zhclean clean report.txt > report.clean.txt
  zhclean clean --in-place corpus/*.txt
  zhclean check --format json corpus/*.txt
  zhclean explain duplicate-paragraph")]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Clean files: one file (or `-`) goes to standard output; several need --out-dir or
    /// --in-place.
    Clean(CleanArgs),
    /// Report what `clean` would change and what the lint rules find; exit 1 on findings.
    Check(CheckArgs),
    /// Print the detected encoding of each file.
    Detect(DetectArgs),
    /// List every rule: code, name, stage, kind (edit or report), default, fix and severity.
    Rules {
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
    },
    /// Explain a rule (by name or code): what it does, why, an example and how safe its fix is.
    Explain {
        /// Rule name or code, e.g. `duplicate-paragraph` or `ZH101`.
        rule: String,
    },
}

#[derive(Debug, Args)]
pub struct CleanArgs {
    /// Files to clean; `-` reads standard input.
    #[arg(value_name = "FILE", default_value = "-")]
    pub files: Vec<PathBuf>,
    /// Write each cleaned file into DIR under its own file name.
    #[arg(long, value_name = "DIR", conflicts_with = "in_place")]
    pub out_dir: Option<PathBuf>,
    /// Rewrite the files in place (atomically: a temporary file is renamed over each one).
    /// A symbolic link's target is rewritten; owner, group and mode are kept.
    #[arg(long)]
    pub in_place: bool,
    /// With --in-place, also rewrite files that have several hard links (the other names keep
    /// the old text); without it such files are refused.
    #[arg(long, requires = "in_place")]
    pub break_hard_links: bool,
    /// Print every edit (rule, position, before and after) and every finding to standard error.
    /// Without it, the lint rules, which only report, are not run (`zhclean check` runs them).
    #[arg(long)]
    pub report: bool,
    /// Print a unified diff of what cleaning would change, per file, and write nothing; exit 1
    /// when there is a difference.
    #[arg(long, conflicts_with_all = ["in_place", "out_dir"])]
    pub diff: bool,
    /// Write files whose encoding was detected with low confidence (by default they are
    /// refused: name the encoding with --encoding instead).
    #[arg(long)]
    pub accept_low_confidence: bool,
    /// Read JSON Lines (one JSON object per line) and write them to standard output with the
    /// text field cleaned, every other field kept, and the findings of each document under
    /// --report-key (or in --sidecar). Positions in the findings count code points.
    #[arg(long, conflicts_with_all = ["in_place", "out_dir", "diff"])]
    pub jsonl: bool,
    /// With --jsonl: the field that holds the text.
    #[arg(long, value_name = "KEY", default_value = "text", requires = "jsonl")]
    pub text_key: String,
    /// With --jsonl: a field that identifies a document in error messages.
    #[arg(long, value_name = "KEY", requires = "jsonl")]
    pub id_key: Option<String>,
    /// With --jsonl: the field the edits and diagnostics of each document go under.
    #[arg(long, value_name = "KEY", default_value = "zhclean", requires = "jsonl")]
    pub report_key: String,
    /// With --jsonl: write the findings to FILE instead, one line per document written (`null`
    /// for a bad line passed through), so that its lines align with the output's.
    #[arg(long, value_name = "FILE", requires = "jsonl")]
    pub sidecar: Option<PathBuf>,
    /// With --jsonl: what becomes of a line that is not a JSON object with a string text field:
    /// it is reported on standard error with its line number, then passed through unchanged or
    /// dropped.
    #[arg(long, value_enum, default_value_t = BadLines::Pass, requires = "jsonl")]
    pub bad_lines: BadLines,
    #[command(flatten)]
    pub pipeline: PipelineArgs,
}

/// What becomes of a bad line of a JSON Lines stream.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum BadLines {
    /// Written to the output unchanged.
    Pass,
    /// Left out of the output.
    Drop,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Files to check; `-` reads standard input.
    #[arg(value_name = "FILE", default_value = "-")]
    pub files: Vec<PathBuf>,
    /// How findings are printed: human (the source line underlined), concise (a line each),
    /// json, json-lines, github (workflow annotations) or sarif.
    #[arg(long, alias = "format", value_enum, default_value_t = OutputFormat::Human)]
    pub output_format: OutputFormat,
    /// Print the number of findings per rule instead of the findings.
    #[arg(long)]
    pub statistics: bool,
    /// Print a unified diff of what `clean` would change instead of the findings.
    #[arg(long)]
    pub diff: bool,
    /// Exit 0 even when there are findings (errors reading files still exit 2).
    #[arg(long)]
    pub exit_zero: bool,
    /// The least severity of a diagnostic that makes the exit status 1 (info findings never do
    /// unless asked; edits `clean` would make always do).
    #[arg(long, value_enum, default_value_t = FailOn::Warning)]
    pub fail_on: FailOn,
    #[command(flatten)]
    pub pipeline: PipelineArgs,
}

/// The least severity that fails `check`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    /// Any diagnostic.
    Info,
    /// Warnings and errors.
    Warning,
    /// Errors only.
    Error,
}

#[derive(Debug, Args)]
pub struct DetectArgs {
    /// Files to inspect; `-` reads standard input.
    #[arg(value_name = "FILE", default_value = "-")]
    pub files: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    #[command(flatten)]
    pub decode: DecodeArgs,
}

/// How input bytes are decoded.
#[derive(Debug, Args)]
pub struct DecodeArgs {
    /// Read the input in this encoding instead of detecting it (a WHATWG label such as gbk,
    /// gb18030, big5, utf-16le, or hz-gb-2312).
    #[arg(long, value_name = "NAME", value_parser = parse_encoding)]
    pub encoding: Option<&'static Encoding>,
    /// Replace bytes that cannot be decoded with U+FFFD instead of refusing the file; every
    /// replacement is reported.
    #[arg(long)]
    pub lossy: bool,
}

impl DecodeArgs {
    /// The decoding options these arguments describe.
    pub fn options(&self) -> DecodeOptions {
        DecodeOptions { encoding: self.encoding, lossy: self.lossy }
    }
}

fn parse_encoding(name: &str) -> Result<&'static Encoding, String> {
    zhclean_encoding::lookup(name).map_err(|e| e.to_string())
}

/// How findings are printed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// `path:line:column: severity[code] rule: message`, then a summary.
    Human,
    /// A JSON array of objects with path, code, rule, severity, line, column, message, fix.
    Json,
}

/// Options that shape the pipeline, shared by `clean` and `check`.
#[derive(Debug, Args)]
pub struct PipelineArgs {
    #[command(flatten)]
    pub decode: DecodeArgs,
    /// Convert variants with this OpenCC configuration: s2t, t2s, s2tw, tw2s, s2twp, tw2sp, s2hk,
    /// hk2s, t2tw, tw2t, t2hk, hk2t.
    #[arg(long, value_name = "CONFIG")]
    pub convert: Option<String>,
    /// The OpenCC implementation for --convert (see README, "OpenCC backends").
    #[arg(long, value_enum, default_value_t = BackendArg::Automaton)]
    pub opencc_backend: BackendArg,
    /// Also apply fixes marked unsafe, such as deleting a repeated paragraph.
    #[arg(long)]
    pub unsafe_fixes: bool,
    /// Run only these rules, by name or code in any case (repeatable, or comma-separated).
    #[arg(long, value_name = "RULE", value_delimiter = ',')]
    pub select: Vec<String>,
    /// Run these rules too, on top of the default set or --select.
    #[arg(long, value_name = "RULE", value_delimiter = ',')]
    pub extend_select: Vec<String>,
    /// Switch rules off, by name or code in any case (repeatable, or comma-separated).
    #[arg(long, alias = "disable", value_name = "RULE", value_delimiter = ',')]
    pub ignore: Vec<String>,
    /// What separates paragraphs in the output [default: blank-line].
    #[arg(long, value_enum, value_name = "SEPARATOR")]
    pub paragraph_separator: Option<Separator>,
    /// Typographic convention: `gb` follows GB/T 15834 (no spaces between Chinese and digits
    /// or Latin words); `copywriting` puts one space there [default: gb].
    #[arg(long, value_enum)]
    pub profile: Option<ProfileArg>,
    /// How number ranges are written in Chinese text: `em-dash` (2026—2027年) or `tilde`
    /// (2026～2027年) [default: em-dash].
    #[arg(long, value_enum)]
    pub range_dash: Option<RangeDashArg>,
    /// Settings file to use instead of the nearest `zhclean.toml` (or `.zhclean.toml`) in this
    /// directory or above; command-line options override it.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
}

/// The OpenCC implementation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum BackendArg {
    /// OpenCC's dictionaries embedded in zhclean, matched by Aho–Corasick automata: the same
    /// conversion as `embedded`, several times faster.
    Automaton,
    /// ferrous-opencc: OpenCC's dictionaries embedded in zhclean; agrees with the system OpenCC.
    Embedded,
    /// opencc-fmmseg: five times faster, with newer dictionaries (`為` for `爲`, and it turns
    /// the `著` of `显著` into `着`).
    Fmmseg,
    /// The system's OpenCC library (in builds with the `system-opencc` feature).
    #[cfg(feature = "system-opencc")]
    System,
}

/// The typographic convention.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ProfileArg {
    /// GB/T 15834-2011, the national standard.
    Gb,
    /// Copywriting conventions: spaces between Chinese and Latin words or digits.
    Copywriting,
}

/// How number ranges are written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum RangeDashArg {
    /// One-em dash: 2026—2027年.
    EmDash,
    /// Wave dash: 2026～2027年.
    Tilde,
}

/// What separates paragraphs in the output.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Separator {
    /// One blank line between paragraphs.
    BlankLine,
    /// A single line break between paragraphs.
    Newline,
}

impl PipelineArgs {
    /// The pipeline these options describe, on top of the settings file.
    pub fn pipeline(&self) -> Result<Pipeline, ConfigError> {
        self.pipeline_with(|_| {})
    }

    /// The pipeline of these settings, after `adjust` has had its say on the configuration.
    pub fn pipeline_with(&self, adjust: impl FnOnce(&mut Config)) -> Result<Pipeline, ConfigError> {
        let mut config = Config::default();
        let cwd = std::env::current_dir().unwrap_or_default();
        if let Some(path) = self.config.clone().or_else(|| config_file::discover(&cwd)) {
            config_file::load(&path)?.apply(&path, &mut config)?;
        }
        self.override_settings(&mut config)?;
        adjust(&mut config);
        Pipeline::new(config)
    }

    /// Selection: `--select` narrows the rules to those named (with `--extend-select`), then
    /// `--ignore` switches rules off.
    fn select_rules(&self, config: &mut Config) -> Result<(), ConfigError> {
        let resolve = |flag: &str, key: &String| {
            registry::find(key)
                .map(|rule| rule.name)
                .ok_or_else(|| ConfigError::UnknownRule(format!("{key}` in `--{flag}")))
        };
        let extend = self.extend_select.iter().map(|k| resolve("extend-select", k)).collect::<Result<Vec<_>, _>>()?;
        if !self.select.is_empty() {
            let selected = self.select.iter().map(|k| resolve("select", k)).collect::<Result<Vec<_>, _>>()?;
            let unselected = registry::RULES.iter().map(|rule| rule.name).filter(|n| !selected.contains(n));
            config.disabled.extend(unselected.map(str::to_owned));
        }
        config.disabled.retain(|name| !extend.contains(&name.as_str()));
        config.disabled.extend(self.ignore.iter().cloned());
        Ok(())
    }

    fn override_settings(&self, config: &mut Config) -> Result<(), ConfigError> {
        config.decode.encoding = self.decode.encoding.or(config.decode.encoding);
        config.decode.lossy |= self.decode.lossy;
        config.convert = self.convert.clone().or(config.convert.take());
        config.unsafe_fixes |= self.unsafe_fixes;
        config.opencc_backend = match self.opencc_backend {
            BackendArg::Automaton => zhclean_convert::Backend::Automaton,
            BackendArg::Embedded => zhclean_convert::Backend::Embedded,
            BackendArg::Fmmseg => zhclean_convert::Backend::Fmmseg,
            #[cfg(feature = "system-opencc")]
            BackendArg::System => zhclean_convert::Backend::System,
        };
        self.select_rules(config)?;
        if let Some(separator) = self.paragraph_separator {
            config.paragraph_separator = match separator {
                Separator::BlankLine => ParagraphSeparator::BlankLine,
                Separator::Newline => ParagraphSeparator::Newline,
            };
        }
        if let Some(profile) = self.profile {
            config.profile = match profile {
                ProfileArg::Gb => Profile::GbT15834,
                ProfileArg::Copywriting => Profile::Copywriting,
            };
        }
        if let Some(range_dash) = self.range_dash {
            config.range_dash = match range_dash {
                RangeDashArg::EmDash => RangeDash::EmDash,
                RangeDashArg::Tilde => RangeDash::Tilde,
            };
        }
        Ok(())
    }
}
