//! Decoding any bytes never panics, and what it returns is what it claims: UTF-8 decoding of
//! valid UTF-8 gives the same text back.
#![no_main]

use libfuzzer_sys::fuzz_target;
use zhclean_encoding::{DecodeOptions, decode};

fuzz_target!(|bytes: &[u8]| {
    for lossy in [false, true] {
        if let Ok(decoded) = decode(bytes, &DecodeOptions { lossy, ..DecodeOptions::default() })
            && decoded.info.encoding == "UTF-8"
            && !decoded.info.bom
            && let Ok(text) = std::str::from_utf8(bytes)
        {
            assert_eq!(decoded.text, text);
        }
    }
});
