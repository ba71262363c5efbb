//! `cargo xtask check`: lint the corpus without writing; fail on error-level diagnostics.

use crate::corpus;
use zhclean::output::{PENDING_EDITS_CODE, findings, human_line};
use zhclean::{Config, Pipeline, Severity};

pub fn run(args: &[String]) -> Result<(), String> {
    crate::reject_unknown(args, &[], &[])?;
    let pipeline = Pipeline::new(Config::default()).map_err(|e| e.to_string())?;
    let (cleaned, _) = corpus::clean(&pipeline)?;
    let mut errors = 0;
    for file in &cleaned {
        let report = match &file.result {
            Ok(report) => report,
            Err(message) => {
                eprintln!("error: {message}");
                errors += 1;
                continue;
            }
        };
        let path = format!("corpus/{}", file.relative.display());
        for finding in findings(&path, report).iter().filter(|f| f.code != PENDING_EDITS_CODE) {
            println!("{}", human_line(finding));
            errors += usize::from(finding.severity == Severity::Error);
        }
    }
    if errors == 0 { Ok(()) } else { Err(format!("{errors} errors in the corpus")) }
}
