//! Reading inputs: files or standard input, each failure naming the file.

use rayon::prelude::*;
use std::io::Read;
use std::path::{Path, PathBuf};
use zhclean::{Pipeline, Report};

/// An input as given on the command line.
#[derive(Clone, Debug)]
pub struct Input {
    /// The path, or `-` for standard input.
    pub path: PathBuf,
}

impl Input {
    /// True for `-`.
    pub fn is_stdin(&self) -> bool {
        self.path.as_os_str() == "-"
    }

    /// The path as printed in messages.
    pub fn display(&self) -> String {
        self.path.display().to_string()
    }

    /// Reads all bytes of the input.
    pub fn read(&self) -> Result<Vec<u8>, String> {
        if self.is_stdin() {
            let mut bytes = Vec::new();
            std::io::stdin().read_to_end(&mut bytes).map_err(|e| format!("-: cannot read standard input: {e}"))?;
            return Ok(bytes);
        }
        std::fs::read(&self.path).map_err(|e| read_error(&self.path, &e))
    }
}

fn read_error(path: &Path, error: &std::io::Error) -> String {
    let hint = match error.kind() {
        std::io::ErrorKind::NotFound => "check the path",
        std::io::ErrorKind::PermissionDenied => "check the file's permissions",
        _ if path.is_dir() => "give the files inside the directory, e.g. `dir/*.txt`",
        _ => "check that it is a readable file",
    };
    format!("{}: cannot read: {error}; {hint}", path.display())
}

/// The inputs named on the command line.
pub fn inputs(paths: &[PathBuf]) -> Vec<Input> {
    paths.iter().map(|path| Input { path: path.clone() }).collect()
}

/// Reads and cleans every input in parallel; results keep the order of the inputs. A file that
/// `per-file-ignores` matches is cleaned with those rules switched off.
pub fn clean_all(inputs: &[Input], pipeline: &Pipeline) -> Vec<Result<Report, String>> {
    let config = pipeline.config();
    if config.per_file_ignores.is_empty() {
        return inputs.par_iter().map(|input| clean_one(input, pipeline)).collect();
    }
    inputs
        .par_iter()
        .map(|input| match Pipeline::new(config.for_path(&input.path)) {
            Ok(own) => clean_one(input, &own),
            Err(e) => Err(format!("{}: {e}", input.display())),
        })
        .collect()
}

/// Reads and cleans one input. A panic (a bug) fails this input only, with a message that
/// says so, and the run goes on with the others.
fn clean_one(input: &Input, pipeline: &Pipeline) -> Result<Report, String> {
    let bytes = input.read()?;
    let cleaned = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| pipeline.clean_bytes(&bytes)));
    match cleaned {
        Ok(result) => result.map_err(|e| format!("{}: {e}", input.display())),
        Err(payload) => Err(format!(
            "{}: internal error ({}); this is a bug in zhclean, please report it with this file",
            input.display(),
            panic_message(payload.as_ref())
        )),
    }
}

/// The message a panic carried.
fn panic_message(payload: &(dyn std::any::Any + Send)) -> &str {
    payload
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
        .unwrap_or("panic")
}
