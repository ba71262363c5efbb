use super::args::CleanArgs;
use super::input::{Input, clean_all, inputs};
use super::{Status, error};
use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use zhclean::Report;
use zhclean::output::{plural, render_report};

/// Where cleaned text goes.
enum Destination {
    Stdout,
    OutDir(PathBuf),
    InPlace,
}

pub fn run(args: CleanArgs) -> Status {
    let inputs = inputs(&args.files);
    let destination = match destination(&args, &inputs) {
        Ok(destination) => destination,
        Err(message) => {
            error(message);
            return Status::Error;
        }
    };
    let pipeline = match args.pipeline.pipeline() {
        Ok(pipeline) => pipeline,
        Err(e) => {
            error(e);
            return Status::Error;
        }
    };
    let mut status = Status::Ok;
    let mut cleaned = 0;
    for (input, result) in inputs.iter().zip(clean_all(&inputs, &pipeline)) {
        let written = result.and_then(|report| {
            if args.report {
                eprint!("{}:\n{}", input.display(), render_report(&report));
            }
            write(input, &report, &destination)
        });
        match written {
            Ok(()) => cleaned += 1,
            Err(message) => {
                error(message);
                status = Status::Error;
            }
        }
    }
    if !matches!(destination, Destination::Stdout) {
        eprintln!("cleaned {cleaned} {}, {} failed", plural(cleaned, "file"), inputs.len() - cleaned);
    }
    status
}

fn destination(args: &CleanArgs, inputs: &[Input]) -> Result<Destination, String> {
    if inputs.iter().any(Input::is_stdin) && (args.in_place || args.out_dir.is_some()) {
        return Err("standard input (`-`) can only be cleaned to standard output; name files to use \
                    --in-place or --out-dir"
            .to_owned());
    }
    if let Some(dir) = &args.out_dir {
        check_unique_names(inputs)?;
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: cannot create directory: {e}", dir.display()))?;
        return Ok(Destination::OutDir(dir.clone()));
    }
    if args.in_place {
        return Ok(Destination::InPlace);
    }
    if inputs.len() > 1 {
        return Err(format!(
            "{} files given but only one can go to standard output; add --out-dir DIR or --in-place",
            inputs.len()
        ));
    }
    Ok(Destination::Stdout)
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

fn write(input: &Input, report: &Report, destination: &Destination) -> Result<(), String> {
    match destination {
        Destination::Stdout => {
            let mut stdout = std::io::stdout().lock();
            stdout.write_all(report.text().as_bytes()).map_err(|e| format!("cannot write standard output: {e}"))
        }
        Destination::OutDir(dir) => {
            let name = input.path.file_name().expect("checked by check_unique_names");
            write_atomically(&dir.join(name), report.text())
        }
        Destination::InPlace if report.changed() => write_atomically(&input.path, report.text()),
        Destination::InPlace => Ok(()),
    }
}

/// Writes `text` to a temporary file beside `path`, then renames it over `path`, keeping the
/// permissions of the file it replaces.
fn write_atomically(path: &Path, text: &str) -> Result<(), String> {
    let failed = |e: std::io::Error| format!("{}: cannot write: {e}", path.display());
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let mut temp = tempfile::NamedTempFile::new_in(dir).map_err(failed)?;
    temp.write_all(text.as_bytes()).map_err(failed)?;
    if let Ok(metadata) = std::fs::metadata(path) {
        temp.as_file().set_permissions(metadata.permissions()).map_err(failed)?;
    }
    temp.persist(path).map_err(|e| failed(e.error))?;
    Ok(())
}
