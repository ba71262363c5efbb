//! The common case in one pass: UTF-8 text without a byte order mark, a binary signature or a
//! NUL byte. encoding_rs's streaming decoder validates and copies it a block at a time, and
//! each block is searched for NUL and CR bytes while it is in cache, so decoding reads the
//! input about once, as plain decoding does.

use encoding_rs::{DecoderResult, Encoding, UTF_8};

/// Bytes read per block: small enough to stay in cache between the search and the copy.
const BLOCK: usize = 1 << 18;

/// The text of `bytes`, and whether it holds a carriage return, when they are UTF-8 that holds
/// a non-ASCII character (pure ASCII may be a 7-bit escape encoding) and no NUL byte; `None`
/// otherwise, for the full detection to decide.
pub(crate) fn decode(bytes: &[u8]) -> Option<(String, bool)> {
    if Encoding::ascii_valid_up_to(bytes) == bytes.len() {
        return None;
    }
    let mut decoder = UTF_8.new_decoder_without_bom_handling();
    let mut text = String::with_capacity(bytes.len() + 16);
    let mut has_cr = false;
    let last = bytes.len().div_ceil(BLOCK).saturating_sub(1);
    for (i, block) in bytes.chunks(BLOCK).enumerate() {
        if !has_cr && let Some(at) = memchr::memchr2(0, b'\r', block) {
            has_cr = true;
            if block[at] == 0 {
                return None;
            }
        }
        if has_cr && memchr::memchr(0, block).is_some() {
            return None;
        }
        let needed = decoder.max_utf8_buffer_length_without_replacement(block.len())?;
        text.reserve(needed);
        let (result, read) = decoder.decode_to_string_without_replacement(block, &mut text, i == last);
        if !matches!(result, DecoderResult::InputEmpty) || read != block.len() {
            return None;
        }
    }
    Some((text, has_cr))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_text_in_one_pass() {
        let text = "双方指出，合作。\n".repeat(20_000);
        assert_eq!(decode(text.as_bytes()), Some((text.clone(), false)));
        let crlf = text.replace('\n', "\r\n");
        assert_eq!(decode(crlf.as_bytes()), Some((crlf.clone(), true)));
    }

    #[test]
    fn what_needs_full_detection() {
        assert_eq!(decode(b"plain ASCII"), None);
        assert_eq!(decode("双方\0指出".as_bytes()), None);
        assert_eq!(decode("双方\r指出\0".as_bytes()), None);
        let mut split = "双方指出".repeat(30_000).into_bytes();
        split.push(0xE5);
        assert_eq!(decode(&split), None);
    }
}
