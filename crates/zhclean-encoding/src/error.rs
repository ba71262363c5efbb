//! Why bytes could not be decoded. Each message is one sentence saying what is wrong and what to
//! do; the caller prefixes the file path.

use thiserror::Error;

/// Why bytes could not be decoded.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// Some byte sequences are not valid in the encoding (strict mode).
    #[error(
        "{count} byte sequence{plural} not valid {encoding}, the first at offset {offset} (line {line}, \
         byte 0x{byte:02X}); pass --encoding NAME if the file is in another encoding, or --lossy to \
         replace each bad sequence with U+FFFD",
        plural = if *count == 1 { " is" } else { "s are" }
    )]
    InvalidBytes {
        /// The encoding the input was read as.
        encoding: &'static str,
        /// How many malformed sequences the whole input has.
        count: usize,
        /// Byte offset of the first malformed sequence in the input.
        offset: usize,
        /// 1-based line of that sequence.
        line: usize,
        /// The first byte of that sequence.
        byte: u8,
    },
    /// The input ends in the middle of a multi-byte sequence (strict mode).
    #[error(
        "the input ends inside a {encoding} character that starts at offset {offset}, so the file looks \
         cut short; restore its end, or pass --lossy to replace the partial character with U+FFFD"
    )]
    Truncated {
        /// The encoding the input was read as.
        encoding: &'static str,
        /// Byte offset where the incomplete sequence starts.
        offset: usize,
    },
    /// The input starts with the signature of a known binary format.
    #[error("this is {kind}, not text; extract the text first (zhclean reads plain-text files only)")]
    Binary {
        /// What the input looks like, with an article: `a PDF document`.
        kind: &'static str,
    },
    /// The input contains NUL bytes and is not UTF-16 or UTF-32, nor UTF-8 text with a stray NUL.
    #[error(
        "the input contains NUL bytes (the first at offset {offset}), {}",
        if *like_utf16 {
            "placed as in UTF-16 text without a byte order mark; if it is text, pass --encoding utf-16le (or utf-16be)"
        } else {
            "so it is binary data, not text; extract the text first (zhclean reads plain-text files only)"
        }
    )]
    NulByte {
        /// Byte offset of the first NUL byte.
        offset: usize,
        /// True when the NUL bytes stand where UTF-16 text puts them.
        like_utf16: bool,
    },
    /// The input is in an encoding zhclean cannot decode.
    #[error("{encoding} is not supported; convert the file to UTF-8 first (e.g. `iconv -f {encoding} -t UTF-8`)")]
    Unsupported {
        /// The encoding's name, e.g. `ISO-2022-CN`.
        encoding: &'static str,
    },
    /// `--encoding` named a label that no encoding has.
    #[error(
        "`{label}` is not a known encoding; use a WHATWG label such as utf-8, gb18030, gbk, gb2312, big5, \
         utf-16le, utf-16be, hz-gb-2312, shift_jis or euc-kr"
    )]
    UnknownLabel {
        /// The label as given.
        label: String,
    },
    /// `--encoding` named an encoding that is only read from a byte order mark.
    #[error(
        "`{label}` cannot be forced with --encoding: zhclean reads UTF-32 only from its byte order mark; \
         add one, or convert the file to UTF-8"
    )]
    NotForcible {
        /// The label as given.
        label: String,
    },
}
