//! Which script a document is written in, from the characters only one script uses.

use crate::Converter;
use std::sync::LazyLock;

/// The script of a Chinese document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Script {
    /// Simplified characters (mainland China, Singapore).
    Simplified,
    /// Traditional characters (Taiwan, Hong Kong, Macau).
    Traditional,
    /// Too few telling characters, or as many of each script.
    Unknown,
}

/// One script must outnumber the other this many times over.
const MAJORITY: usize = 3;
/// And show at least this many telling characters.
const MIN_TELLING: usize = 3;

/// The loaded converters and the characters each one changes.
pub(crate) struct Scripts {
    pub(crate) t2s: Converter,
    pub(crate) s2t: Converter,
    traditional_forms: CharSet,
    simplified_forms: CharSet,
}

/// A set of characters of the Basic Multilingual Plane, one bit each.
struct CharSet(Vec<u64>);

impl CharSet {
    fn new(chars: impl Iterator<Item = char>) -> Self {
        let mut bits = vec![0u64; 0x10000 / 64];
        for c in chars.map(|c| c as usize).filter(|&c| c < 0x10000) {
            bits[c / 64] |= 1 << (c % 64);
        }
        Self(bits)
    }

    fn contains(&self, c: char) -> bool {
        let c = c as usize;
        c < 0x10000 && self.0[c / 64] & (1 << (c % 64)) != 0
    }
}

/// Built once: every ideograph of the BMP blocks converted both ways, one per line so that no
/// phrase spans two characters.
pub(crate) static SCRIPTS: LazyLock<Scripts> = LazyLock::new(|| {
    let t2s = Converter::new("t2s").expect("the embedded t2s configuration loads");
    let s2t = Converter::new("s2t").expect("the embedded s2t configuration loads");
    let ideographs: Vec<char> = (0x3400..=0x4DBF).chain(0x4E00..=0x9FFF).filter_map(char::from_u32).collect();
    let one_per_line: String = ideographs.iter().flat_map(|&c| [c, '\n']).collect();
    let changed_by = |converter: &Converter| -> CharSet {
        let converted = converter.convert(&one_per_line);
        CharSet::new(
            ideographs.iter().zip(converted.split('\n')).filter(|&(&c, out)| out.chars().ne([c])).map(|(&c, _)| c),
        )
    };
    let traditional_forms = changed_by(&t2s);
    let simplified_forms = changed_by(&s2t);
    Scripts { t2s, s2t, traditional_forms, simplified_forms }
});

impl Scripts {
    /// True for a character that only traditional text uses (`學`).
    pub(crate) fn is_traditional_form(&self, c: char) -> bool {
        self.traditional_forms.contains(c)
    }

    /// True for a character that only simplified text uses (`学`).
    pub(crate) fn is_simplified_form(&self, c: char) -> bool {
        self.simplified_forms.contains(c)
    }
}

/// `text` with its traditional forms replaced by simplified ones, one character for one, for
/// tools whose dictionaries are simplified (word segmentation); `None` when `text` has no
/// traditional form or the conversion would not keep its characters in place.
pub fn simplified_chars(text: &str) -> Option<String> {
    let scripts = &*SCRIPTS;
    if !text.chars().any(|c| scripts.is_traditional_form(c)) {
        return None;
    }
    let converted = scripts.t2s.convert(text);
    (converted.chars().count() == text.chars().count()).then_some(converted)
}

/// The script of `text`, by counting the characters only one script uses.
pub fn detect_script(text: &str) -> Script {
    let scripts = &*SCRIPTS;
    let (mut traditional, mut simplified) = (0, 0);
    for c in text.chars() {
        traditional += usize::from(scripts.is_traditional_form(c));
        simplified += usize::from(scripts.is_simplified_form(c));
    }
    if simplified >= MIN_TELLING && simplified >= MAJORITY * traditional {
        Script::Simplified
    } else if traditional >= MIN_TELLING && traditional >= MAJORITY * simplified {
        Script::Traditional
    } else {
        Script::Unknown
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts() {
        assert_eq!(detect_script("中华人民共和国和俄罗斯联邦关于进一步加强全面战略协作的联合声明"), Script::Simplified);
        assert_eq!(
            detect_script("中華人民共和國和俄羅斯聯邦關於進一步加強全面戰略協作的聯合聲明"),
            Script::Traditional
        );
        assert_eq!(detect_script("中国 Hello"), Script::Unknown);
        assert!(SCRIPTS.is_traditional_form('學') && !SCRIPTS.is_traditional_form('学'));
        assert!(SCRIPTS.is_simplified_form('学') && !SCRIPTS.is_simplified_form('學'));
    }
}
