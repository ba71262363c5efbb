//! `cargo xtask corpus`: regenerates `corpus/encodings/`, the encoded variants of two seeds that
//! the encoding tests decode back (`crates/zhclean-encoding/tests/encodings.rs`).

use encoding_rs::{BIG5, Encoding, GB18030, GBK, WINDOWS_1252};
use ferrous_opencc::OpenCC;
use ferrous_opencc::config::BuiltinConfig;
use std::path::Path;

/// The main seed, encoded whole, and its short name.
const WEB: (&str, &str) = ("2025-joint-statement.web.txt", "2025-web");
/// The second seed, for GBK, and its short name.
const YEAR_2026: (&str, &str) = ("2026-joint-statement.txt", "2026");
/// Lines of the main seed used for Big5 and the mojibake variants.
const HEAD_LINES: usize = 40;
/// Where the expected text of the Big5 variant is kept: the OpenCC `s2tw` conversion (Taiwan
/// standard, the characters Big5 has; plain `s2t` writes e.g. `爲`, which Big5 lacks).
const BIG5_EXPECTED: &str = "crates/zhclean-encoding/tests/fixtures/2025-web-head.s2tw.txt";

pub fn run(args: &[String]) -> Result<(), String> {
    crate::reject_unknown(args, &[], &[])?;
    let root = crate::root();
    let web = read(&root.join("corpus").join(WEB.0))?;
    let year_2026 = read(&root.join("corpus").join(YEAR_2026.0))?;
    let head: String = web.split_inclusive('\n').take(HEAD_LINES).collect();
    let traditional = OpenCC::from_config(BuiltinConfig::S2tw).map_err(|e| format!("OpenCC s2tw: {e}"))?.convert(&head);
    let (web_name, year_name) = (WEB.1, YEAR_2026.1);
    let files = [
        (format!("{web_name}.gb18030.txt"), encode(GB18030, &web)?),
        (format!("{year_name}.gbk.txt"), encode(GBK, &year_2026)?),
        (format!("{web_name}.utf8-bom.txt"), [b"\xEF\xBB\xBF".as_slice(), web.as_bytes()].concat()),
        (format!("{web_name}.utf16le.txt"), utf16(&web, u16::to_le_bytes, false)),
        (format!("{web_name}.utf16le-bom.txt"), utf16(&web, u16::to_le_bytes, true)),
        (format!("{web_name}.utf16be.txt"), utf16(&web, u16::to_be_bytes, false)),
        (format!("{web_name}.utf16be-bom.txt"), utf16(&web, u16::to_be_bytes, true)),
        (format!("{web_name}-head.big5.txt"), encode(BIG5, &traditional)?),
        (format!("{web_name}-head.mojibake-1252.txt"), misread(WINDOWS_1252, &head)),
        (format!("{web_name}-head.mojibake-gbk.txt"), misread(GBK, &head)),
    ];
    let dir = root.join("corpus").join("encodings");
    clear(&dir)?;
    // The variants are exact bytes: no line-ending conversion on checkout.
    write(&dir.join(".gitattributes"), b"* -text\n")?;
    for (name, bytes) in &files {
        write(&dir.join(name), bytes)?;
        println!("corpus/encodings/{name}: {} bytes", bytes.len());
    }
    write(&root.join(BIG5_EXPECTED), traditional.as_bytes())?;
    println!("{BIG5_EXPECTED}: {} bytes", traditional.len());
    Ok(())
}

/// `text` in `encoding`; fails on a character the encoding lacks.
fn encode(encoding: &'static Encoding, text: &str) -> Result<Vec<u8>, String> {
    let mut encoder = encoding.new_encoder();
    let mut bytes = vec![0; encoder.max_buffer_length_from_utf8_without_replacement(text.len()).unwrap_or(0)];
    let (result, read, written) = encoder.encode_from_utf8_without_replacement(text, &mut bytes, true);
    match result {
        encoding_rs::EncoderResult::InputEmpty => {
            bytes.truncate(written);
            Ok(bytes)
        }
        encoding_rs::EncoderResult::Unmappable(c) => {
            Err(format!("{} cannot encode {c:?} (U+{:04X}) at byte {read} of the text", encoding.name(), u32::from(c)))
        }
        encoding_rs::EncoderResult::OutputFull => Err(format!("{}: output buffer too small", encoding.name())),
    }
}

/// `text` in UTF-16, with each code unit turned into bytes by `order`, after a BOM if `bom`.
fn utf16(text: &str, order: fn(u16) -> [u8; 2], bom: bool) -> Vec<u8> {
    let bom = bom.then_some('\u{FEFF}');
    bom.into_iter().collect::<String>().encode_utf16().chain(text.encode_utf16()).flat_map(order).collect()
}

/// Mojibake: the UTF-8 bytes of `text` decoded with `encoding` (replacing what it cannot read,
/// as editors do) and saved again as UTF-8.
fn misread(encoding: &'static Encoding, text: &str) -> Vec<u8> {
    encoding.decode_without_bom_handling(text.as_bytes()).0.into_owned().into_bytes()
}

fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), String> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
    }
    std::fs::write(path, bytes).map_err(|e| format!("{}: {e}", path.display()))
}

/// Removes the files of `dir` (if it exists), so that no stale variant survives.
fn clear(dir: &Path) -> Result<(), String> {
    let Ok(entries) = std::fs::read_dir(dir) else { return Ok(()) };
    for entry in entries {
        let path = entry.map_err(|e| format!("{}: {e}", dir.display()))?.path();
        if path.is_file() {
            std::fs::remove_file(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        }
    }
    Ok(())
}
