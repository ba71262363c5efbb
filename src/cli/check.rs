use super::args::{CheckArgs, FailOn};
use super::input::{Input, clean_each, inputs};
use super::{Status, error, unified_diff, write_stdout};
use std::io::IsTerminal;
use zhclean::output::{Finding, OutputFormat, PENDING_EDITS_CODE, emit, findings, plural, statistics};
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
    let mut all = Vec::new();
    let mut diffs = String::new();
    let mut failed = false;
    // The findings (and the diff) of each file are made on its worker thread.
    let finish = |input: &Input, report: Report| {
        let diff = if args.diff {
            unified_diff(&input.display(), report.document.original(), report.text())
        } else {
            String::new()
        };
        Ok((findings(&input.display(), &report), diff))
    };
    clean_each(&inputs, &pipeline, finish, |input, result| match result {
        Ok((found, diff)) => {
            diffs.push_str(&diff);
            all.extend(found);
        }
        Err(message) => {
            if matches!(args.output_format, OutputFormat::Human | OutputFormat::Concise) {
                error(&message);
            }
            all.push(Finding::failure(&input.display(), &message));
            failed = true;
        }
    });
    if args.diff {
        write_stdout(&diffs);
    } else if args.statistics {
        write_stdout(&statistics(&all));
    } else {
        let color = args.output_format == OutputFormat::Human
            && std::io::stdout().is_terminal()
            && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
        // The human formats have said on standard error which files failed.
        let text_format = matches!(args.output_format, OutputFormat::Human | OutputFormat::Concise);
        let shown: Vec<Finding> =
            all.iter().filter(|f| !(text_format && f.code == unreadable_input::RULE.code)).cloned().collect();
        let mut out = Vec::new();
        emit(args.output_format, &shown, color, &mut out).expect("writing to memory");
        write_stdout(&String::from_utf8_lossy(&out));
        if args.output_format == OutputFormat::Human {
            write_stdout(&summary(&all));
        }
    }
    status(&all, failed, &args)
}

/// 2 when a file failed; 1 when `clean` would change a file or a diagnostic reaches
/// `--fail-on` (unless `--exit-zero`); 0 otherwise.
fn status(findings: &[Finding], failed: bool, args: &CheckArgs) -> Status {
    let least = match args.fail_on {
        FailOn::Info => Severity::Info,
        FailOn::Warning => Severity::Warning,
        FailOn::Error => Severity::Error,
    };
    let fails = |f: &&Finding| f.code == PENDING_EDITS_CODE || f.severity >= least;
    if failed {
        Status::Error
    } else if !args.exit_zero && findings.iter().any(|f| fails(&f)) {
        Status::Findings
    } else {
        Status::Ok
    }
}

fn summary(findings: &[Finding]) -> String {
    let is_failure = |f: &Finding| f.code == unreadable_input::RULE.code;
    let diagnostics = || findings.iter().filter(|f| f.code != PENDING_EDITS_CODE && !is_failure(f));
    let count = |severity| diagnostics().filter(|f| f.severity == severity).count();
    let mut unclean: Vec<&str> =
        findings.iter().filter(|f| f.code == PENDING_EDITS_CODE).map(|f| f.path.as_str()).collect();
    unclean.dedup();
    let failed = findings.iter().filter(|f| is_failure(f)).count();
    let (errors, warnings, infos) = (count(Severity::Error), count(Severity::Warning), count(Severity::Info));
    let total = errors + warnings + infos;
    let failures = if failed > 0 { format!("; {failed} {} failed", plural(failed, "file")) } else { String::new() };
    format!(
        "{total} {} ({errors} {}, {warnings} {}, {infos} info); {} {} would be changed by `zhclean clean`{failures}\n",
        plural(total, "diagnostic"),
        plural(errors, "error"),
        plural(warnings, "warning"),
        unclean.len(),
        plural(unclean.len(), "file"),
    )
}
