//! Legacy encodings that `encoding_rs` cannot decode but that Chinese and Korean files still
//! come in: EUC-TW (CNS 11643) and Johab. They are recognised so that they can be refused by
//! name instead of being read as something else.

use crate::profile::Profile;

/// Least share of the Han characters of a GB18030 reading that real GB text has in the first
/// level of GB2312 (real text: 0.98 and more; EUC-TW read as GB18030: about 0.66).
const MIN_FREQUENT_GB_SHARE: f32 = 0.8;
/// Least Johab Hangul syllables for a Johab verdict.
const MIN_SYLLABLES: usize = 6;
/// Least share of the non-ASCII bytes of a Johab text that form valid Hangul syllables.
const MIN_JOHAB_SHARE: f32 = 0.9;
/// At least one Johab syllable in this many has a trail byte outside EUC-KR's range.
const MIN_SYLLABLES_PER_LOW_TRAIL: usize = 5;

/// True when `window` is EUC-TW: it is structured as EUC-TW and has at least two of its
/// four-byte sequences (`8E A1–B0` + two bytes `A1–FE`), which GBK and Big5 text practically
/// never has, or its GB18030 reading (`gb`) is not GB text: too few of its Han characters are
/// frequent ones. (EUC-TW's two-byte plane is byte for byte the shape of GB2312.)
pub(crate) fn is_euc_tw(window: &[u8], gb: &Profile) -> bool {
    euc_tw_planes(window).is_some_and(|planes| {
        planes >= 2 || (gb.han >= 6 && (gb.simplified as f32) < MIN_FREQUENT_GB_SHARE * gb.han as f32)
    })
}

/// The number of four-byte sequences in `window`, when every non-ASCII byte belongs to an
/// EUC-TW sequence.
fn euc_tw_planes(window: &[u8]) -> Option<usize> {
    let high = |b: &u8| (0xA1..=0xFE).contains(b);
    let (mut i, mut planes) = (0, 0);
    while i < window.len() {
        match &window[i..] {
            [0x8E, plane, a, b, ..] if (0xA1..=0xB0).contains(plane) && high(a) && high(b) => {
                planes += 1;
                i += 4;
            }
            [a, b, ..] if high(a) && high(b) => i += 2,
            [a, ..] if a.is_ascii() => i += 1,
            // The sample may end inside a character.
            [a] if high(a) => i += 1,
            _ => return None,
        }
    }
    Some(planes)
}

/// True when the non-ASCII bytes of `window` are, nearly all, Johab Hangul syllables (a set
/// bit, then three five-bit jamo indexes that are each valid), and enough of them have a trail
/// byte below `A1`, which EUC-KR never has (EUC-KR text otherwise often reads as valid Johab).
pub(crate) fn is_johab(window: &[u8]) -> bool {
    let (mut i, mut syllables, mut high_bytes, mut low_trails) = (0, 0, 0, 0);
    while i < window.len() {
        let byte = window[i];
        if byte.is_ascii() {
            i += 1;
            continue;
        }
        match window.get(i + 1) {
            Some(&trail) if is_johab_syllable(byte, trail) => {
                syllables += 1;
                low_trails += usize::from(trail < 0xA1);
                high_bytes += 2;
                i += 2;
            }
            _ => {
                high_bytes += 1;
                i += 1;
            }
        }
    }
    syllables >= MIN_SYLLABLES
        && (2 * syllables) as f32 >= MIN_JOHAB_SHARE * high_bytes as f32
        && low_trails * MIN_SYLLABLES_PER_LOW_TRAIL >= syllables
}

fn is_johab_syllable(lead: u8, trail: u8) -> bool {
    if !(0x84..=0xD3).contains(&lead) || !matches!(trail, 0x41..=0x7E | 0x81..=0xFE) {
        return false;
    }
    let code = u16::from_be_bytes([lead, trail]);
    let (initial, medial, last) = ((code >> 10) & 0x1F, (code >> 5) & 0x1F, code & 0x1F);
    let medial_ok = matches!(medial, 3..=7 | 10..=15 | 18..=23 | 26..=29);
    (1..=20).contains(&initial) && medial_ok && matches!(last, 1..=17 | 19..=29) && !(initial == 1 && last == 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn euc_tw_structure_and_planes() {
        let no_text = Profile::default();
        assert!(is_euc_tw(b"\x8E\xA2\xA1\xA1 \xC4\xA1\x8E\xA2\xA1\xA2", &no_text));
        assert!(!is_euc_tw(b"\x8E\xA2\xA1\xA1 \xC4\xA1", &no_text));
        assert!(!is_euc_tw(b"\x8E\xA2\xA1\xA1\x8E\xA2\xA1\xA2\x81\x40", &no_text));
    }

    #[test]
    fn two_byte_euc_tw_reads_as_rare_gb_characters() {
        // Pairs from rows D8–F7, where GB2312 keeps its second-level (rare) characters.
        let bytes: Vec<u8> = (0..12u8).flat_map(|n| [0xD8 + n, 0xA1 + 3 * n]).collect();
        let gb = Profile::of(&encoding_rs::GB18030.decode(&bytes).0);
        assert!(is_euc_tw(&bytes, &gb));
    }

    #[test]
    fn gb_text_is_not_euc_tw() {
        let (bytes, _, _) = encoding_rs::GB18030.encode("双方同意加强合作，推动两国关系发展。");
        let gb = Profile::of(&encoding_rs::GB18030.decode(&bytes).0);
        assert!(!is_euc_tw(&bytes, &gb));
    }

    #[test]
    fn johab_hangul() {
        // Syllables built from the bit layout: initial, medial, final jamo indexes.
        let syllable = |i: u16, m: u16, f: u16| (0x8000 | (i << 10) | (m << 5) | f).to_be_bytes();
        let text: Vec<u8> = (0..8).flat_map(|n| syllable(2 + n, 3 + (n % 5), 1)).chain(*b" ok").collect();
        assert!(is_johab(&text));
        assert!(!is_johab("naïve café résumé déjà".as_bytes()));
        let (euc_kr, _, _) = encoding_rs::EUC_KR.encode("대한민국 국민은 모든 권리를 가진다");
        assert!(!is_johab(&euc_kr), "EUC-KR is not Johab");
    }
}
