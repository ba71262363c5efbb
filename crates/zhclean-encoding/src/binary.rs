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

/// Fails when `bytes`, to be read with `scheme`, has a NUL byte and `scheme` is not UTF-16/32.
pub(crate) fn check_nul(scheme: Scheme, bytes: &[u8]) -> Result<(), DecodeError> {
    match first_nul(bytes) {
        Some(offset) if !scheme.is_wide() => Err(DecodeError::NulByte { offset }),
        _ => Ok(()),
    }
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
}
