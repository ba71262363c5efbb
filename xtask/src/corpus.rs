//! The corpus: every file under `corpus/`, cleaned with one pipeline.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use zhclean::{Pipeline, Report};

/// One corpus file and what cleaning it gave.
pub struct Cleaned {
    /// Path relative to `corpus/`.
    pub relative: PathBuf,
    /// Size of the input in bytes.
    pub bytes: usize,
    /// The report, or why the file could not be cleaned.
    pub result: Result<Report, String>,
}

/// The documents of the corpus: the `.txt` files directly in `dir`, in sorted order. (The
/// encoded variants in `corpus/encodings/` are fixtures of the decoder's tests.)
pub fn files(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut files = Vec::new();
    for entry in entries {
        let path = entry.map_err(|e| format!("{}: {e}", dir.display()))?.path();
        if path.is_file() && path.extension().is_some_and(|ext| ext == "txt") {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

/// Cleans every corpus file; returns the results and the time spent in the pipeline.
pub fn clean(pipeline: &Pipeline) -> Result<(Vec<Cleaned>, Duration), String> {
    let dir = crate::root().join("corpus");
    let mut cleaned = Vec::new();
    let mut spent = Duration::ZERO;
    for path in files(&dir)? {
        let relative = path.strip_prefix(&dir).expect("under corpus/").to_owned();
        let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let started = Instant::now();
        let result = pipeline.clean_bytes(&bytes).map_err(|e| format!("corpus/{}: {e}", relative.display()));
        spent += started.elapsed();
        cleaned.push(Cleaned { relative, bytes: bytes.len(), result });
    }
    Ok((cleaned, spent))
}
