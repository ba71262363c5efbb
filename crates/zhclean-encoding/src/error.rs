use thiserror::Error;

/// Why bytes could not be decoded.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// The input is not valid UTF-8.
    #[error(
        "not valid UTF-8: byte 0x{byte:02X} at offset {offset} (line {line}) starts no valid \
         sequence; convert the file to UTF-8 first (e.g. `iconv -f GB18030 -t UTF-8`)"
    )]
    InvalidUtf8 {
        /// Byte offset of the first invalid byte in the input.
        offset: usize,
        /// 1-based line of that byte.
        line: usize,
        /// The byte itself.
        byte: u8,
    },
    /// The input ends in the middle of a UTF-8 sequence.
    #[error("not valid UTF-8: the input ends inside a multi-byte sequence at offset {offset}")]
    TruncatedUtf8 {
        /// Byte offset where the incomplete sequence starts.
        offset: usize,
    },
}

impl DecodeError {
    pub(crate) fn invalid_utf8(input: &[u8], bom: bool, error: std::str::Utf8Error) -> Self {
        let skipped = if bom { 3 } else { 0 };
        let offset = skipped + error.valid_up_to();
        match error.error_len() {
            None => Self::TruncatedUtf8 { offset },
            Some(_) => Self::InvalidUtf8 {
                offset,
                line: 1 + input[..offset].iter().filter(|&&b| b == b'\n').count(),
                byte: input[offset],
            },
        }
    }
}
