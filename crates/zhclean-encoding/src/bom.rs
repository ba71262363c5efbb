//! Byte order marks.

use crate::scheme::Scheme;
use encoding_rs::Encoding;

/// The scheme announced by the byte order mark at the start of `bytes`, and the mark's length.
///
/// UTF-32 marks are checked first: `FF FE 00 00` would otherwise read as a UTF-16LE mark followed
/// by U+0000. They count only when the length is a multiple of four.
pub(crate) fn sniff(bytes: &[u8]) -> Option<(Scheme, usize)> {
    if bytes.len() % 4 == 0 {
        if bytes.starts_with(b"\xFF\xFE\x00\x00") {
            return Some((Scheme::Utf32Le, 4));
        }
        if bytes.starts_with(b"\x00\x00\xFE\xFF") {
            return Some((Scheme::Utf32Be, 4));
        }
    }
    Encoding::for_bom(bytes).map(|(encoding, len)| (Scheme::Encoding(encoding), len))
}

/// The length of `encoding`'s own byte order mark at the start of `bytes` (0 when absent).
pub(crate) fn own_bom_len(encoding: &'static Encoding, bytes: &[u8]) -> usize {
    match Encoding::for_bom(bytes) {
        Some((found, len)) if found == encoding => len,
        _ => 0,
    }
}
