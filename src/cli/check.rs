use super::args::{CheckArgs, Format};
use super::input::{clean_all, inputs};
use super::{Status, error};
use zhclean::Severity;
use zhclean::output::{Finding, PENDING_EDITS_CODE, findings, human_line, plural};
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
    let mut failed = false;
    for (input, result) in inputs.iter().zip(clean_all(&inputs, &pipeline)) {
        match result {
            Ok(report) => all.extend(findings(&input.display(), &report)),
            Err(message) => {
                if args.format == Format::Human {
                    error(&message);
                }
                all.push(Finding::failure(&input.display(), &message));
                failed = true;
            }
        }
    }
    match args.format {
        Format::Human => print_human(&all),
        Format::Json => println!("{}", serde_json::to_string_pretty(&all).expect("findings serialize")),
    }
    if failed {
        Status::Error
    } else if all.is_empty() {
        Status::Ok
    } else {
        Status::Findings
    }
}

fn print_human(findings: &[Finding]) {
    let is_failure = |f: &Finding| f.code == unreadable_input::RULE.code;
    for finding in findings.iter().filter(|f| !is_failure(f)) {
        println!("{}", human_line(finding));
    }
    let diagnostics = || findings.iter().filter(|f| f.code != PENDING_EDITS_CODE && !is_failure(f));
    let count = |severity| diagnostics().filter(|f| f.severity == severity).count();
    let mut unclean: Vec<&str> =
        findings.iter().filter(|f| f.code == PENDING_EDITS_CODE).map(|f| f.path.as_str()).collect();
    unclean.dedup();
    let failed = findings.iter().filter(|f| is_failure(f)).count();
    let (errors, warnings, infos) = (count(Severity::Error), count(Severity::Warning), count(Severity::Info));
    let total = errors + warnings + infos;
    let failures = if failed > 0 { format!("; {failed} {} failed", plural(failed, "file")) } else { String::new() };
    println!(
        "{total} {} ({errors} {}, {warnings} {}, {infos} info); {} {} would be changed by `zhclean clean`{failures}",
        plural(total, "diagnostic"),
        plural(errors, "error"),
        plural(warnings, "warning"),
        unclean.len(),
        plural(unclean.len(), "file"),
    );
}
