//! 7-bit escape encodings, checked before pure ASCII is taken for UTF-8: HZ (decoded), ISO-2022-JP
//! (decoded by `encoding_rs`), ISO-2022-CN and ISO-2022-KR (refused).

use crate::error::DecodeError;
use crate::hz;
use crate::scheme::Scheme;

/// The escape encoding of the 7-bit input `bytes`, if it uses one.
pub(crate) fn sniff(bytes: &[u8]) -> Result<Option<Scheme>, DecodeError> {
    if let Some(scheme) = iso_2022(bytes)? {
        return Ok(Some(scheme));
    }
    Ok(hz::is_hz(bytes).then_some(Scheme::Hz))
}

/// Classifies the designations `ESC $ ) A` (ISO-2022-CN), `ESC $ ) C` (ISO-2022-KR) and
/// `ESC $ B`, `ESC $ @`, `ESC ( J`, `ESC ( I` (ISO-2022-JP). Other escapes (terminal colours) are
/// ordinary ASCII.
fn iso_2022(bytes: &[u8]) -> Result<Option<Scheme>, DecodeError> {
    let mut japanese = false;
    for (i, _) in bytes.iter().enumerate().filter(|&(_, &b)| b == 0x1B) {
        match &bytes[i + 1..bytes.len().min(i + 4)] {
            [b'$', b')' | b'*' | b'+', b'A' | b'G'..=b'M'] => {
                return Err(DecodeError::Unsupported { encoding: "ISO-2022-CN" });
            }
            [b'$', b')', b'C'] => return Err(DecodeError::Unsupported { encoding: "ISO-2022-KR" }),
            [b'$', b'B' | b'@', ..] | [b'(', b'J' | b'I', ..] => japanese = true,
            _ => {}
        }
    }
    Ok(japanese.then_some(Scheme::Encoding(encoding_rs::ISO_2022_JP)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_escapes() {
        assert_eq!(sniff(b"\x1B$)A\x0E<:\x0F"), Err(DecodeError::Unsupported { encoding: "ISO-2022-CN" }));
        assert_eq!(sniff(b"\x1B$)C\x0E"), Err(DecodeError::Unsupported { encoding: "ISO-2022-KR" }));
        assert_eq!(sniff(b"\x1B$B$3$s\x1B(B"), Ok(Some(Scheme::Encoding(encoding_rs::ISO_2022_JP))));
        assert_eq!(sniff(b"~{<:Ky~}"), Ok(Some(Scheme::Hz)));
        assert_eq!(sniff(b"\x1B[31mred\x1B[0m"), Ok(None));
    }
}
