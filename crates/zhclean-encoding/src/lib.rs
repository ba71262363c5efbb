//! Detects the encoding of raw bytes and decodes them to UTF-8, refusing rather than guessing.
//!
//! The entry point is [`decode`]. It never replaces bytes silently: input that is not valid in
//! the detected encoding is an error that says where the first bad byte is.

mod error;

pub use error::DecodeError;

use serde::Serialize;

/// The outcome of decoding: the text and how it was read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded {
    /// The decoded text, without a byte order mark.
    pub text: String,
    /// How the bytes were read.
    pub info: EncodingInfo,
}

/// What [`decode`] found out about the bytes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct EncodingInfo {
    /// The WHATWG name of the encoding, e.g. `UTF-8`.
    pub encoding: &'static str,
    /// True when the input started with a byte order mark.
    pub bom: bool,
}

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// Decodes `bytes` as strict UTF-8, with or without a byte order mark.
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    let (body, bom) = match bytes.strip_prefix(UTF8_BOM) {
        Some(body) => (body, true),
        None => (bytes, false),
    };
    match std::str::from_utf8(body) {
        Ok(text) => {
            Ok(Decoded { text: text.to_owned(), info: EncodingInfo { encoding: encoding_rs::UTF_8.name(), bom } })
        }
        Err(error) => Err(DecodeError::invalid_utf8(bytes, bom, error)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        let plain = decode("双方指出".as_bytes()).unwrap();
        assert_eq!((plain.text.as_str(), plain.info.bom), ("双方指出", false));
        let with_bom = decode(b"\xEF\xBB\xBF\xE5\x8F\x8C").unwrap();
        assert_eq!((with_bom.text.as_str(), with_bom.info.bom), ("双", true));
        assert_eq!(with_bom.info.encoding, "UTF-8");
    }

    #[test]
    fn empty_input_is_empty_text() {
        assert_eq!(decode(b"").unwrap().text, "");
    }

    #[test]
    fn input_cut_inside_a_sequence_is_reported() {
        let err = decode(b"ab\xE5\x8F").unwrap_err();
        assert_eq!(err, DecodeError::TruncatedUtf8 { offset: 2 });
    }

    #[test]
    fn invalid_utf8_names_the_first_bad_byte_and_its_line() {
        // "的" in GBK, after one line of ASCII.
        let err = decode(b"ok\n\xB5\xC4").unwrap_err();
        assert_eq!(
            err.to_string(),
            "not valid UTF-8: byte 0xB5 at offset 3 (line 2) starts no valid sequence; \
             convert the file to UTF-8 first (e.g. `iconv -f GB18030 -t UTF-8`)"
        );
    }
}
