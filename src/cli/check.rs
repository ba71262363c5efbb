use super::args::{CheckArgs, FailOn};
use super::input::{Input, clean_each, inputs};
use super::{Status, error, or_exit, unified_diff, write_stdout};
use std::io::{BufWriter, IsTerminal, StdoutLock, Write};
use zhclean::output::{
    Emitter, FINDINGS_PER_CHUNK, Finding, OutputFormat, PENDING_EDITS_CODE, Statistics, for_each_chunk_of_findings,
    plural,
};
use zhclean::{Report, Severity};
use zhclean_encoding::unreadable_input;

pub fn run(args: CheckArgs) -> Status {
    let pipeline = match args.pipeline.pipeline() {
        Ok(pipeline) => pipeline,
        Err(e) => {
            error(e);
            return Status::Error;
        }
    };
    let inputs = inputs(&args.files);
    let color = args.output_format == OutputFormat::Human
        && std::io::stdout().is_terminal()
        && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    // The human formats say on standard error which files failed.
    let text_format = matches!(args.output_format, OutputFormat::Human | OutputFormat::Concise);
    let least = match args.fail_on {
        FailOn::Info => Severity::Info,
        FailOn::Warning => Severity::Warning,
        FailOn::Error => Severity::Error,
    };
    let mut output = Output::new(&args, color);
    let mut tally = Tally::default();
    // The diff of each file is made on its worker thread; its findings are made here, a chunk
    // at a time, and written in the order of the files as soon as they and the files before
    // them are done: a large file's findings are not all held at once.
    let finish = |input: &Input, report: Report| {
        let diff = if args.diff {
            unified_diff(&input.display(), report.document.original(), report.text())
        } else {
            String::new()
        };
        Ok((report, diff))
    };
    clean_each(&inputs, &pipeline, finish, |input, result| {
        let mut write = |found: Vec<Finding>, diff: &str| {
            tally.add(&found, least);
            let shown = found.iter().filter(|f| !(text_format && f.code == unreadable_input::RULE.code));
            or_exit(output.write(shown, diff));
        };
        match result {
            Ok((report, diff)) => {
                for_each_chunk_of_findings(&input.display(), &report, FINDINGS_PER_CHUNK, |found| write(found, ""));
                write(Vec::new(), &diff);
            }
            Err(message) => {
                if text_format {
                    error(&message);
                }
                write(vec![Finding::failure(&input.display(), &message)], "");
            }
        }
    });
    or_exit(output.finish());
    if args.output_format == OutputFormat::Human && !args.diff && !args.statistics {
        write_stdout(&tally.summary());
    }
    // 2 when a file failed; 1 when `clean` would change a file or a diagnostic reaches
    // `--fail-on` (unless `--exit-zero`); 0 otherwise.
    if tally.failed > 0 {
        Status::Error
    } else if tally.fails && !args.exit_zero {
        Status::Findings
    } else {
        Status::Ok
    }
}

/// Where `check` writes: the findings in the chosen format, their count per rule
/// (`--statistics`) or the diffs (`--diff`).
enum Output {
    Findings(Emitter<BufWriter<StdoutLock<'static>>>),
    Statistics(Statistics),
    Diffs,
}

impl Output {
    fn new(args: &CheckArgs, color: bool) -> Self {
        if args.diff {
            Output::Diffs
        } else if args.statistics {
            Output::Statistics(Statistics::default())
        } else {
            Output::Findings(Emitter::new(args.output_format, color, BufWriter::new(std::io::stdout().lock())))
        }
    }

    /// Writes (or counts) the findings of one file, or its diff.
    fn write<'f>(&mut self, findings: impl Iterator<Item = &'f Finding>, diff: &str) -> std::io::Result<()> {
        match self {
            Output::Findings(emitter) => emitter.write(findings),
            Output::Statistics(statistics) => {
                statistics.add(findings);
                Ok(())
            }
            Output::Diffs => {
                write_stdout(diff);
                Ok(())
            }
        }
    }

    fn finish(self) -> std::io::Result<()> {
        match self {
            Output::Findings(emitter) => emitter.finish()?.flush(),
            Output::Statistics(statistics) => {
                write_stdout(&statistics.table());
                Ok(())
            }
            Output::Diffs => Ok(()),
        }
    }
}

/// What the summary line and the exit status need to know of the findings, counted file by
/// file.
#[derive(Default)]
struct Tally {
    errors: usize,
    warnings: usize,
    infos: usize,
    /// Files `clean` would change (a file named twice in a row counts once).
    unclean: usize,
    last_unclean: Option<String>,
    /// Files that could not be cleaned.
    failed: usize,
    /// Whether a finding fails the run: an edit `clean` would make, or a diagnostic at
    /// `--fail-on` or above.
    fails: bool,
}

impl Tally {
    fn add(&mut self, findings: &[Finding], least: Severity) {
        for finding in findings {
            self.fails |= finding.code == PENDING_EDITS_CODE || finding.severity >= least;
            if finding.code == PENDING_EDITS_CODE {
                if self.last_unclean.as_deref() != Some(&*finding.path) {
                    self.unclean += 1;
                    self.last_unclean = Some(finding.path.to_string());
                }
            } else if finding.code == unreadable_input::RULE.code {
                self.failed += 1;
            } else {
                *match finding.severity {
                    Severity::Error => &mut self.errors,
                    Severity::Warning => &mut self.warnings,
                    Severity::Info => &mut self.infos,
                } += 1;
            }
        }
    }

    fn summary(&self) -> String {
        let (errors, warnings, infos, failed) = (self.errors, self.warnings, self.infos, self.failed);
        let total = errors + warnings + infos;
        let failures = if failed > 0 { format!("; {failed} {} failed", plural(failed, "file")) } else { String::new() };
        format!(
            "{total} {} ({errors} {}, {warnings} {}, {infos} info); {} {} would be changed by `zhclean clean`{failures}\n",
            plural(total, "diagnostic"),
            plural(errors, "error"),
            plural(warnings, "warning"),
            self.unclean,
            plural(self.unclean, "file"),
        )
    }
}
