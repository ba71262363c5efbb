use super::args::CleanArgs;
use super::input::{Input, clean_each, inputs};
use super::write::{self, InPlace};
use super::{Status, error, unified_diff, write_stdout};
use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use zhclean::Report;
use zhclean::output::{plural, render_report};

/// Where cleaned text goes.
enum Destination {
    Stdout,
    OutDir(PathBuf),
    InPlace(InPlace),
}

pub fn run(args: CleanArgs) -> Status {
    if args.jsonl {
        return super::jsonl::run(&args);
    }
    let inputs = inputs(&args.files);
    let destination = match destination(&args, &inputs) {
        Ok(destination) => destination,
        Err(message) => {
            error(message);
            return Status::Error;
        }
    };
    // The lint rules' findings are printed only with --report; without it they are not made.
    let pipeline = match args.pipeline.pipeline() {
        Ok(pipeline) if args.report => pipeline,
        Ok(pipeline) => pipeline.text_only(),
        Err(e) => {
            error(e);
            return Status::Error;
        }
    };
    if args.diff {
        return print_diffs(&inputs, &pipeline);
    }
    let mut status = Status::Ok;
    let mut cleaned = 0;
    // Files are written here, on the calling thread, which waits for the disk while the worker
    // threads clean the next files; the directories are synced once, at the end.
    let dirs = write::Directories::default();
    let finish = |input: &Input, report: Report| refuse_uncertain_encoding(input, report, &args);
    clean_each(&inputs, &pipeline, finish, |input, result| {
        let written = result.and_then(|report| {
            if args.report {
                eprint!("{}:\n{}", input.display(), render_report(&report));
            }
            let replaced = report.encoding.replacements.len();
            if replaced > 0 {
                eprintln!(
                    "warning: {}: {replaced} undecodable byte {} replaced with U+FFFD (--lossy); --report lists them",
                    input.display(),
                    if replaced == 1 { "sequence" } else { "sequences" }
                );
            }
            write(input, &report, &destination, &dirs)
        });
        match written {
            Ok(()) => cleaned += 1,
            Err(message) => {
                error(message);
                status = Status::Error;
            }
        }
    });
    if let Err(message) = dirs.sync() {
        error(message);
        status = Status::Error;
    }
    if !matches!(destination, Destination::Stdout) {
        eprintln!("cleaned {cleaned} {}, {} failed", plural(cleaned, "file"), inputs.len() - cleaned);
    }
    status
}

/// `clean --diff`: the unified diff of every file, nothing written; 1 when a file would change.
fn print_diffs(inputs: &[Input], pipeline: &zhclean::Pipeline) -> Status {
    let mut status = Status::Ok;
    let diff =
        |input: &Input, report: Report| Ok(unified_diff(&input.display(), report.document.original(), report.text()));
    clean_each(inputs, pipeline, diff, |_, result| match result {
        Ok(diff) => {
            if !diff.is_empty() {
                status = status.max(Status::Findings);
                write_stdout(&diff);
            }
        }
        Err(message) => {
            error(message);
            status = Status::Error;
        }
    });
    status
}

/// Refuses a decode detection was unsure of: writing it could turn every character of the file
/// into another. `--encoding` or `--accept-low-confidence` lifts the refusal.
fn refuse_uncertain_encoding(input: &Input, report: Report, args: &CleanArgs) -> Result<Report, String> {
    let info = &report.encoding;
    if !info.low_confidence || info.overridden || args.accept_low_confidence {
        return Ok(report);
    }
    let runner_up = info.runner_up.map_or(String::new(), |name| format!("; next best: {name}"));
    let example = info.runner_up.unwrap_or("gb18030").to_ascii_lowercase();
    Err(format!(
        "{}: not written: the encoding is uncertain (read as {} with confidence {:.2}{runner_up}); \
         pass --encoding NAME (e.g. --encoding {example}), or --accept-low-confidence to write it anyway",
        input.display(),
        info.encoding,
        info.confidence
    ))
}

fn destination(args: &CleanArgs, inputs: &[Input]) -> Result<Destination, String> {
    if inputs.iter().any(Input::is_stdin) && (args.in_place || args.out_dir.is_some()) {
        return Err("standard input (`-`) can only be cleaned to standard output; name files to use \
                    --in-place or --out-dir"
            .to_owned());
    }
    if let Some(dir) = &args.out_dir {
        check_unique_names(inputs)?;
        if dir.exists() && !dir.is_dir() {
            return Err(format!(
                "{}: not a directory; --out-dir needs a directory (created if missing)",
                dir.display()
            ));
        }
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: cannot create directory: {e}", dir.display()))?;
        check_inputs_outside(dir, inputs)?;
        return Ok(Destination::OutDir(dir.clone()));
    }
    if args.in_place {
        return Ok(Destination::InPlace(InPlace { break_hard_links: args.break_hard_links }));
    }
    if inputs.len() > 1 {
        return Err(format!(
            "{} files given but only one can go to standard output; add --out-dir DIR or --in-place",
            inputs.len()
        ));
    }
    Ok(Destination::Stdout)
}

/// Refuses an output directory that holds one of the inputs: writing there would overwrite it.
fn check_inputs_outside(dir: &Path, inputs: &[Input]) -> Result<(), String> {
    let dir = std::fs::canonicalize(dir).map_err(|e| format!("{}: cannot resolve: {e}", dir.display()))?;
    for input in inputs {
        let parent = input.path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
        if std::fs::canonicalize(parent).is_ok_and(|parent| parent == dir) {
            return Err(format!(
                "--out-dir {} is the directory of {}: cleaning would overwrite the input. \
                 Choose another directory, or use --in-place to rewrite the files",
                dir.display(),
                input.display()
            ));
        }
    }
    Ok(())
}

fn check_unique_names(inputs: &[Input]) -> Result<(), String> {
    let mut seen = HashSet::new();
    for input in inputs {
        let name = input.path.file_name().ok_or_else(|| format!("{}: not a file name", input.display()))?;
        if !seen.insert(name) {
            return Err(format!(
                "two inputs are named `{}`; --out-dir would write both to the same file",
                name.to_string_lossy()
            ));
        }
    }
    Ok(())
}

/// Writes the cleaned text of `input` where it goes; the directory of a file written joins `dirs`.
fn write(input: &Input, report: &Report, destination: &Destination, dirs: &write::Directories) -> Result<(), String> {
    match destination {
        Destination::Stdout => {
            let mut stdout = std::io::stdout().lock();
            stdout.write_all(report.text().as_bytes()).map_err(|e| format!("cannot write standard output: {e}"))
        }
        Destination::OutDir(dir) => {
            let name = input.path.file_name().expect("checked by check_unique_names");
            write::create(&dir.join(name), report.text(), dirs)
        }
        Destination::InPlace(options) if report.changed() => write::replace(&input.path, report.text(), *options, dirs),
        Destination::InPlace(_) => Ok(()),
    }
}
