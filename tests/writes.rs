//! How `zhclean clean` writes files: symbolic and hard links, modes, output directories that
//! would overwrite inputs, temporary files after interruptions, and lossy decoding.

use std::fs;
use std::os::unix::fs::{MetadataExt, PermissionsExt, symlink};
use std::path::Path;
use std::process::{Command, Output};

const DIRTY: &str = "双方指出,利用";
const CLEANED: &str = "双方指出，利用\n";

fn zhclean(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_zhclean")).args(args).current_dir(dir).output().unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> =
        fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    names
}

fn umask() -> u32 {
    let output = Command::new("sh").args(["-c", "umask"]).output().unwrap();
    u32::from_str_radix(String::from_utf8_lossy(&output.stdout).trim(), 8).unwrap()
}

#[test]
fn in_place_through_a_symbolic_link_rewrites_the_target_and_keeps_the_link() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("data")).unwrap();
    fs::write(dir.path().join("data/real.txt"), DIRTY).unwrap();
    symlink("data/real.txt", dir.path().join("link.txt")).unwrap();
    let output = zhclean(&["clean", "--in-place", "link.txt"], dir.path());
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(fs::symlink_metadata(dir.path().join("link.txt")).unwrap().file_type().is_symlink());
    assert_eq!(fs::read_to_string(dir.path().join("data/real.txt")).unwrap(), CLEANED);
    assert_eq!(names(&dir.path().join("data")), ["real.txt"]);
}

#[test]
fn in_place_keeps_the_mode() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.txt");
    fs::write(&path, DIRTY).unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
    let output = zhclean(&["clean", "--in-place", "a.txt"], dir.path());
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(fs::metadata(&path).unwrap().mode() & 0o777, 0o640);
    assert_eq!(fs::read_to_string(&path).unwrap(), CLEANED);
}

#[test]
fn hard_linked_files_are_refused_unless_asked() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), DIRTY).unwrap();
    fs::hard_link(dir.path().join("a.txt"), dir.path().join("b.txt")).unwrap();
    let refused = zhclean(&["clean", "--in-place", "a.txt"], dir.path());
    assert_eq!(refused.status.code(), Some(2));
    assert_eq!(
        stderr(&refused),
        "error: a.txt: has 2 hard links; rewriting it would leave the other names with the old text. \
         Clean it through one name with --out-dir, or pass --break-hard-links\ncleaned 0 files, 1 failed\n"
    );
    assert_eq!(fs::read_to_string(dir.path().join("a.txt")).unwrap(), DIRTY);
    let broken = zhclean(&["clean", "--in-place", "--break-hard-links", "a.txt"], dir.path());
    assert_eq!(broken.status.code(), Some(0), "{}", stderr(&broken));
    assert_eq!(fs::read_to_string(dir.path().join("a.txt")).unwrap(), CLEANED);
    assert_eq!(fs::read_to_string(dir.path().join("b.txt")).unwrap(), DIRTY);
}

#[test]
fn out_dir_files_follow_the_umask() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), DIRTY).unwrap();
    let output = zhclean(&["clean", "--out-dir", "out", "a.txt"], dir.path());
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let mode = fs::metadata(dir.path().join("out/a.txt")).unwrap().mode() & 0o777;
    assert_eq!(mode, 0o666 & !umask());
}

#[test]
fn out_dir_that_holds_an_input_or_is_a_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), DIRTY).unwrap();
    for out in [".", "./", "sub/.."] {
        fs::create_dir_all(dir.path().join("sub")).unwrap();
        let output = zhclean(&["clean", "--out-dir", out, "a.txt"], dir.path());
        assert_eq!(output.status.code(), Some(2), "{out}");
        assert!(stderr(&output).contains("cleaning would overwrite the input"), "{}", stderr(&output));
        assert_eq!(fs::read_to_string(dir.path().join("a.txt")).unwrap(), DIRTY);
    }
    let output = zhclean(&["clean", "--out-dir", "a.txt", "a.txt"], dir.path());
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(stderr(&output), "error: a.txt: not a directory; --out-dir needs a directory (created if missing)\n");
}

#[test]
fn a_stale_temporary_file_is_removed_by_the_next_run() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), DIRTY).unwrap();
    fs::write(dir.path().join(".a.txt.Xy12Ab.zhclean-tmp"), "half-written").unwrap();
    fs::write(dir.path().join(".other.txt.Xy12Ab.zhclean-tmp"), "not ours to judge").unwrap();
    let output = zhclean(&["clean", "--in-place", "a.txt"], dir.path());
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stderr(&output).contains(".a.txt.Xy12Ab.zhclean-tmp`, left by an interrupted run"));
    assert_eq!(names(dir.path()), [".other.txt.Xy12Ab.zhclean-tmp", "a.txt"]);
}

#[test]
fn sigterm_during_in_place_leaves_no_temporary_file_and_a_whole_file() {
    let dir = tempfile::tempdir().unwrap();
    let big = "双方同意,加强合作。\n".repeat(400_000);
    fs::write(dir.path().join("big.txt"), &big).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_zhclean"))
        .args(["clean", "--in-place", "big.txt"])
        .current_dir(dir.path())
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(300));
    Command::new("kill").args(["-TERM", &child.id().to_string()]).status().unwrap();
    child.wait().unwrap();
    assert_eq!(names(dir.path()), ["big.txt"]);
    let after = fs::read_to_string(dir.path().join("big.txt")).unwrap();
    assert!(after == big || after == big.replace(',', "，"), "the file is the old or the new text, whole");
}

#[test]
fn lossy_decoding_always_says_how_many_bytes_were_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let bytes = ["双方同意加强合作。".as_bytes(), b"\xff", "双方同意加强合作。\n".as_bytes()].concat();
    fs::write(dir.path().join("a.txt"), bytes).unwrap();
    let output = zhclean(&["clean", "--lossy", "a.txt"], dir.path());
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(
        stderr(&output),
        "warning: a.txt: 1 undecodable byte sequence replaced with U+FFFD (--lossy); --report lists them\n"
    );
    assert_eq!(String::from_utf8_lossy(&output.stdout), "双方同意加强合作。\u{FFFD}双方同意加强合作。\n");
}
