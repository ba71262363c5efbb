//! Binary input: known file signatures, and NUL bytes outside UTF-16 and UTF-32.

use crate::error::DecodeError;
use crate::scheme::Scheme;

/// Signatures of binary formats that end up where text is expected, and what they are.
const SIGNATURES: &[(&[u8], &str)] = &[
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or a .docx, .xlsx, .epub or .jar file, which are ZIP archives)"),
    (b"\x89PNG\r\n\x1A\n", "a PNG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\xFF\xD8\xFF", "a JPEG image"),
    (b"\x1F\x8B", "gzip-compressed data"),
    (b"BZh91AY&SY", "bzip2-compressed data"),
    (b"\xFD7zXZ\x00", "xz-compressed data"),
    (b"7z\xBC\xAF\x27\x1C", "a 7-Zip archive"),
    (b"Rar!\x1A\x07", "a RAR archive"),
    (b"\x7FELF", "an ELF executable"),
    (b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", "an old Microsoft Office document (.doc, .xls)"),
    (b"SQLite format 3\x00", "an SQLite database"),
];

/// Fails when `bytes` starts with the signature of a known binary format.
pub(crate) fn check_signature(bytes: &[u8]) -> Result<(), DecodeError> {
    match SIGNATURES.iter().find(|(signature, _)| bytes.starts_with(signature)) {
        Some(&(_, kind)) => Err(DecodeError::Binary { kind }),
        None => Ok(()),
    }
}

/// At most one byte in this many may be NUL in UTF-8 text: a glyph missing from a PDF font
/// comes out as a NUL now and then, while binary data and UTF-16 are full of them.
const MIN_BYTES_PER_NUL: usize = 100;

/// Fails when `bytes`, to be read with `scheme`, has NUL bytes that make it binary: any NUL
/// outside UTF-16/32 and UTF-8, and more than a stray few in UTF-8.
pub(crate) fn check_nul(scheme: Scheme, bytes: &[u8]) -> Result<(), DecodeError> {
    match first_nul(bytes) {
        Some(_) if scheme.is_wide() => Ok(()),
        Some(_) if scheme.is_utf8() && has_stray_nuls_only(bytes) => Ok(()),
        Some(offset) => Err(nul_error(bytes, offset)),
        None => Ok(()),
    }
}

/// At most one byte in this many may be NUL in UTF-8 text whose other bytes are all text.
const MIN_BYTES_PER_DENSE_NUL: usize = 10;

/// True when the NUL bytes of `bytes` are damage inside text, not binary data: a stray few, or
/// up to one in [`MIN_BYTES_PER_DENSE_NUL`] when the other bytes are UTF-8 text beyond ASCII
/// without other control characters (the missing glyphs of a PDF font).
pub(crate) fn has_stray_nuls_only(bytes: &[u8]) -> bool {
    let nuls = bytes.iter().filter(|&&b| b == 0).count();
    nuls * MIN_BYTES_PER_NUL <= bytes.len().max(MIN_BYTES_PER_NUL)
        || (nuls * MIN_BYTES_PER_DENSE_NUL <= bytes.len() && is_text_but_for_nuls(bytes))
}

/// True when `bytes` without its NUL bytes is UTF-8 text with characters beyond ASCII and no
/// control characters but line breaks, tabs and form feeds.
fn is_text_but_for_nuls(bytes: &[u8]) -> bool {
    let rest: Vec<u8> = bytes.iter().copied().filter(|&b| b != 0).collect();
    std::str::from_utf8(&rest).is_ok_and(|text| {
        !text.is_ascii() && !text.chars().any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}'))
    })
}

/// The error for input refused for its NUL bytes, with the UTF-16 hint only when the NUL bytes
/// stand where UTF-16 puts them: on one side of most byte pairs.
pub(crate) fn nul_error(bytes: &[u8], offset: usize) -> DecodeError {
    let mut on_side = [0usize; 2];
    for (i, _) in bytes.iter().enumerate().filter(|&(_, &b)| b == 0) {
        on_side[i % 2] += 1;
    }
    let pairs = bytes.len() / 2;
    let like_utf16 = on_side.iter().any(|&n| n * 4 >= pairs && n * 10 >= (on_side[0] + on_side[1]) * 9);
    DecodeError::NulByte { offset, like_utf16 }
}

/// The offset of the first NUL byte in `bytes`.
pub(crate) fn first_nul(bytes: &[u8]) -> Option<usize> {
    // `contains` is the vectorised search; text rarely has a NUL to locate.
    if bytes.contains(&0) { bytes.iter().position(|&b| b == 0) } else { None }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signatures_are_named() {
        let binary = |kind| Err(DecodeError::Binary { kind });
        assert_eq!(check_signature(b"%PDF-1.7\n"), binary("a PDF document"));
        assert_eq!(check_signature(b"\x89PNG\r\n\x1A\n\0\0"), binary("a PNG image"));
        assert_eq!(check_signature(b"\x7FELF\x02"), binary("an ELF executable"));
        assert_eq!(check_signature(b"%PD"), Ok(()));
        assert_eq!(check_signature("双方".as_bytes()), Ok(()));
    }

    #[test]
    fn nul_bytes_in_utf8_text_and_in_binary_data() {
        assert!(has_stray_nuls_only("双方\0同意".as_bytes()));
        let text = "双方同意加强合作。".repeat(10);
        assert!(has_stray_nuls_only(format!("{text}\0{text}\0").as_bytes()));
        assert!(!has_stray_nuls_only(b"\0\0\x01\x02binary\0"));
        // Missing glyphs of a PDF font: dense, but everything else is text.
        assert!(has_stray_nuls_only("中文\0字符\0再见。\n".as_bytes()));
        assert!(!has_stray_nuls_only("中文\0\0\0\0\0字\0\0\0".as_bytes()));
        assert!(!has_stray_nuls_only(b"abc\0def ghi\0jk\n"));
        assert_eq!(nul_error(b"a\0b\0c\0", 1), DecodeError::NulByte { offset: 1, like_utf16: true });
        assert_eq!(nul_error(b"\0\0\x01\x02\0\x07\x00\x00", 0), DecodeError::NulByte { offset: 0, like_utf16: false });
    }
}
