//! Reading inputs: files or standard input, each failure naming the file.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex, mpsc};
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

/// Reads and cleans the inputs on the thread pool, where `finish` turns each report into what
/// the command needs (writing the file, formatting the findings), and hands each result to
/// `consume`, on the calling thread and in the order of the inputs, as soon as it and those
/// before it are done. Each thread cleans one file at a time, and at most eight times as many
/// files as there are threads are read or held at a time, so memory does not grow with the
/// number of files, while a slow file holds back the threads only after eight of its
/// followers are done. A file that `per-file-ignores`
/// matches is cleaned with those rules switched off.
pub fn clean_each<T: Send>(
    inputs: &[Input],
    pipeline: &Pipeline,
    finish: impl Fn(&Input, Report) -> Result<T, String> + Sync,
    mut consume: impl FnMut(&Input, Result<T, String>),
) {
    let threads = rayon::current_num_threads();
    let window = 8 * threads;
    let next = AtomicUsize::new(0);
    let consumed = (Mutex::new(0usize), Condvar::new());
    let (sender, receiver) = mpsc::channel();
    rayon::in_place_scope(|scope| {
        for _ in 0..threads.min(inputs.len()) {
            let sender = sender.clone();
            let (next, consumed, finish) = (&next, &consumed, &finish);
            scope.spawn(move |_| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(input) = inputs.get(i) else { break };
                    let mut done = consumed.0.lock().unwrap_or_else(|e| e.into_inner());
                    while i >= *done + window {
                        done = consumed.1.wait(done).unwrap_or_else(|e| e.into_inner());
                    }
                    drop(done);
                    let result = clean_input(input, pipeline).and_then(|report| finish(input, report));
                    if sender.send((i, result)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(sender);
        let mut finished: BTreeMap<usize, Result<T, String>> = BTreeMap::new();
        let mut expected = 0;
        for (i, result) in receiver {
            finished.insert(i, result);
            while let Some(result) = finished.remove(&expected) {
                consume(&inputs[expected], result);
                expected += 1;
                *consumed.0.lock().unwrap_or_else(|e| e.into_inner()) = expected;
                consumed.1.notify_all();
            }
        }
    });
}

/// Cleans one input with `pipeline`, or with its own when `per-file-ignores` matches it.
fn clean_input(input: &Input, pipeline: &Pipeline) -> Result<Report, String> {
    let config = pipeline.config();
    if !config.varies_by_path(&input.path) {
        return clean_one(input, pipeline);
    }
    match Pipeline::new(config.for_path(&input.path)) {
        Ok(own) => clean_one(input, &own),
        Err(e) => Err(format!("{}: {e}", input.display())),
    }
}

/// Reads and cleans one input. A panic (a bug) fails this input only, with a message that
/// says so, and the run goes on with the others.
fn clean_one(input: &Input, pipeline: &Pipeline) -> Result<Report, String> {
    let bytes = input.read()?;
    let cleaned = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| pipeline.clean_owned_bytes(bytes)));
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_in_the_order_of_the_inputs() {
        let dir = tempfile::tempdir().unwrap();
        let mut inputs = Vec::new();
        for i in 0..40 {
            let path = dir.path().join(format!("{i}.txt"));
            // Sizes vary, so that files finish out of order.
            std::fs::write(&path, format!("第{i}段，内容。\n").repeat(1 + (i * 37) % 300)).unwrap();
            inputs.push(Input { path });
        }
        inputs.push(Input { path: dir.path().join("missing.txt") });
        let pipeline = Pipeline::new(zhclean::Config::default()).unwrap();
        let mut seen = Vec::new();
        let first_line = |_: &Input, report: Report| Ok(report.text().lines().next().unwrap_or_default().to_owned());
        clean_each(&inputs, &pipeline, first_line, |input, first_line| {
            seen.push((input.display(), first_line.map_err(|e| e.contains("missing.txt: cannot read"))));
        });
        assert_eq!(seen.len(), 41);
        for (i, (path, first)) in seen.iter().take(40).enumerate() {
            assert!(path.ends_with(&format!("/{i}.txt")));
            assert_eq!(first, &Ok(format!("第{i}段，内容。")));
        }
        assert_eq!(seen[40].1, Err(true));
    }
}
