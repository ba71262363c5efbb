//! The line endings of decoded text.

use serde::Serialize;

/// Which line endings a text uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum LineEndings {
    /// No line break at all.
    None,
    /// Only `\n`.
    Lf,
    /// Only `\r\n`.
    Crlf,
    /// Only `\r`.
    Cr,
    /// More than one kind.
    Mixed,
}

impl LineEndings {
    /// The line endings of `text`, known to hold no carriage return.
    pub fn without_cr(text: &str) -> Self {
        if text.contains('\n') { Self::Lf } else { Self::None }
    }

    /// The line endings of `text`.
    pub fn of(text: &str) -> Self {
        let bytes = text.as_bytes();
        if memchr::memchr(b'\r', bytes).is_none() {
            return if memchr::memchr(b'\n', bytes).is_some() { Self::Lf } else { Self::None };
        }
        let (mut lf, mut crlf, mut cr) = (0usize, 0usize, 0usize);
        for at in memchr::memchr2_iter(b'\r', b'\n', bytes) {
            match (bytes[at], at.checked_sub(1).map(|before| bytes[before])) {
                (b'\r', _) if bytes.get(at + 1) == Some(&b'\n') => crlf += 1,
                (b'\r', _) => cr += 1,
                (_, Some(b'\r')) => {}
                _ => lf += 1,
            }
        }
        match (lf > 0, crlf > 0, cr > 0) {
            (true, false, false) => Self::Lf,
            (false, true, false) => Self::Crlf,
            (false, false, true) => Self::Cr,
            _ => Self::Mixed,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds() {
        assert_eq!(LineEndings::of("一"), LineEndings::None);
        assert_eq!(LineEndings::of("一\n二\n"), LineEndings::Lf);
        assert_eq!(LineEndings::of("一\r\n二\r\n"), LineEndings::Crlf);
        assert_eq!(LineEndings::of("一\r二"), LineEndings::Cr);
        assert_eq!(LineEndings::of("一\r\n二\n"), LineEndings::Mixed);
        assert_eq!(LineEndings::of("\r\r\n"), LineEndings::Mixed);
        assert_eq!(LineEndings::of("\r\n\r\n一"), LineEndings::Crlf);
        assert_eq!(LineEndings::of("\n\r"), LineEndings::Mixed);
        assert_eq!(serde_json::to_string(&LineEndings::Crlf).unwrap(), "\"crlf\"");
    }
}
