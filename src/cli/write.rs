//! Writing cleaned files safely: atomically (a temporary file beside the target, synced, then
//! renamed over it; each directory written to is synced once, when the run's files are all
//! written: [`Directories::sync`]), through symbolic links to their target, keeping
//! the owner, group and mode of the file replaced, and never leaving a temporary file behind on
//! SIGINT or SIGTERM. A temporary file left by a run killed outright (`kill -9`, a power cut)
//! carries [`TEMP_SUFFIX`] in its name, and the next `--in-place` run on that file removes it.

use std::collections::BTreeMap;
use std::fs::{self, File, Metadata, Permissions};
use std::io::Write;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// The end of every temporary file's name: `.NAME.XXXXXX.zhclean-tmp`.
pub const TEMP_SUFFIX: &str = ".zhclean-tmp";

/// Temporary files being written, removed by the interrupt handler.
static IN_FLIGHT: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// Removes the temporary files being written and exits when the process receives SIGINT or
/// SIGTERM (with status 130, as a shell reports an interrupted command).
pub fn remove_temporary_files_on_interrupt() {
    let installed = ctrlc::set_handler(|| {
        for path in IN_FLIGHT.lock().map(|files| files.clone()).unwrap_or_default() {
            let _ = fs::remove_file(path);
        }
        std::process::exit(130);
    });
    if let Err(e) = installed {
        eprintln!("warning: cannot handle interrupts ({e}); an interrupted run may leave `*{TEMP_SUFFIX}` files");
    }
}

/// How `--in-place` treats a file with several hard links.
#[derive(Clone, Copy, Debug, Default)]
pub struct InPlace {
    /// Replace a hard-linked file by a new one (its other names keep the old content).
    pub break_hard_links: bool,
}

/// The directories files were renamed into, to be synced once they are all written: a rename
/// is on disk only when its directory is, and one sync per directory makes every rename of a
/// run durable at the cost of one. New files of `--out-dir` are not synced one by one (their
/// input is still there); the file system that holds them is synced once, at the end.
#[derive(Debug, Default)]
pub struct Directories(Mutex<BTreeMap<PathBuf, Durability>>);

/// What a directory needs to be on disk.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Durability {
    /// Its files were synced before their rename: the directory itself.
    Entries,
    /// Its files were not: the whole file system that holds it.
    FileSystem,
}

impl Directories {
    fn add(&self, dir: &Path, needs: Durability) {
        let mut dirs = self.0.lock().unwrap_or_else(|e| e.into_inner());
        match dirs.get_mut(dir) {
            Some(known) => *known = (*known).max(needs),
            None => {
                dirs.insert(dir.to_owned(), needs);
            }
        }
    }

    /// Syncs every directory written to (and the file systems of unsynced new files); the
    /// error names the directory that failed.
    pub fn sync(self) -> Result<(), String> {
        for (dir, needs) in self.0.into_inner().unwrap_or_else(|e| e.into_inner()) {
            File::open(&dir)
                .and_then(|d| match needs {
                    Durability::Entries => d.sync_all(),
                    Durability::FileSystem => sync_file_system(&d),
                })
                .map_err(|e| format!("{}: cannot sync the directory: {e}", dir.display()))?;
        }
        Ok(())
    }
}

/// Writes to disk everything of the file system that holds `file` (`syncfs`; elsewhere than on
/// Linux, the file itself).
fn sync_file_system(file: &File) -> std::io::Result<()> {
    #[cfg(target_os = "linux")]
    {
        use std::os::fd::AsRawFd;
        #[allow(unsafe_code)]
        // SAFETY: `syncfs` takes a file descriptor, which `file` keeps open for the call.
        let synced = unsafe { libc::syncfs(file.as_raw_fd()) };
        if synced == 0 { Ok(()) } else { Err(std::io::Error::last_os_error()) }
    }
    #[cfg(not(target_os = "linux"))]
    file.sync_all()
}

/// Replaces the content of the file `path` names with `text`: the target of a symbolic link is
/// rewritten (the link stays), and the new file keeps the old one's owner, group and mode.
/// Its directory joins `dirs`, to be synced.
pub fn replace(path: &Path, text: &str, options: InPlace, dirs: &Directories) -> Result<(), String> {
    let target = fs::canonicalize(path).map_err(|e| format!("{}: cannot resolve: {e}", path.display()))?;
    let metadata = fs::metadata(&target).map_err(|e| format!("{}: cannot read metadata: {e}", path.display()))?;
    if metadata.nlink() > 1 && !options.break_hard_links {
        return Err(format!(
            "{}: has {} hard links; rewriting it would leave the other names with the old text. \
             Clean it through one name with --out-dir, or pass --break-hard-links",
            path.display(),
            metadata.nlink()
        ));
    }
    remove_stale_temporary_files(&target);
    write_atomically(&target, text, Some(&metadata), dirs).map_err(|e| format!("{}: cannot write: {e}", path.display()))
}

/// Writes `text` to `path` as a new file (or over an old one), with the mode the umask gives.
/// Its directory joins `dirs`, to be synced.
pub fn create(path: &Path, text: &str, dirs: &Directories) -> Result<(), String> {
    write_atomically(path, text, None, dirs).map_err(|e| format!("{}: cannot write: {e}", path.display()))
}

fn write_atomically(target: &Path, text: &str, keep: Option<&Metadata>, dirs: &Directories) -> std::io::Result<()> {
    let dir = target.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name = target.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let mut temp = tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .suffix(TEMP_SUFFIX)
        .permissions(Permissions::from_mode(0o666))
        .tempfile_in(dir)?;
    let temp_path = temp.path().to_owned();
    track(&temp_path, true);
    let written = (|| {
        temp.write_all(text.as_bytes())?;
        // A file replaced in place is the only copy of its text: the new data (with the
        // owner and mode copied) must be on disk before the rename. A new file's input is
        // still there; it is synced with its file system at the end.
        let needs = match keep {
            Some(metadata) => {
                keep_owner_and_mode(temp.as_file(), metadata)?;
                temp.as_file().sync_all()?;
                Durability::Entries
            }
            None => Durability::FileSystem,
        };
        temp.persist(target).map_err(|e| e.error)?;
        dirs.add(dir, needs);
        Ok(())
    })();
    track(&temp_path, false);
    written
}

/// Gives the new file the owner, group and mode of the one it replaces. Changing the owner
/// needs privileges; without them the file keeps the writer's (as any editor's save does).
fn keep_owner_and_mode(file: &File, old: &Metadata) -> std::io::Result<()> {
    let _ = std::os::unix::fs::fchown(file, Some(old.uid()), Some(old.gid()));
    file.set_permissions(Permissions::from_mode(old.mode() & 0o7777))
}

fn track(temp: &Path, writing: bool) {
    if let Ok(mut files) = IN_FLIGHT.lock() {
        if writing {
            files.push(temp.to_owned());
        } else {
            files.retain(|f| f != temp);
        }
    }
}

/// Removes the temporary files an earlier run killed while writing `target` left beside it.
fn remove_stale_temporary_files(target: &Path) {
    let (Some(dir), Some(name)) = (target.parent(), target.file_name()) else { return };
    let prefix = format!(".{}.", name.to_string_lossy());
    let Ok(entries) = fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let file_name = entry.file_name().to_string_lossy().into_owned();
        let ours = file_name.starts_with(&prefix) && file_name.ends_with(TEMP_SUFFIX);
        if ours && fs::remove_file(entry.path()).is_ok() {
            eprintln!("note: removed `{}`, left by an interrupted run", entry.path().display());
        }
    }
}
