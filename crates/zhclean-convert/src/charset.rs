//! Sets of characters, one bit each, for the tables of this crate.

/// A set of characters below U+32000 (the BMP and the ideographic planes), one bit each.
pub(crate) struct CharSet(Vec<u64>);

impl CharSet {
    /// The first code point past the set's range.
    pub(crate) const LIMIT: usize = 0x32000;

    pub(crate) fn new(chars: impl Iterator<Item = char>) -> Self {
        let mut bits = vec![0u64; Self::LIMIT / 64];
        for c in chars.map(|c| c as usize).filter(|&c| c < Self::LIMIT) {
            bits[c / 64] |= 1 << (c % 64);
        }
        Self(bits)
    }

    pub(crate) fn contains(&self, c: char) -> bool {
        let c = c as usize;
        c < Self::LIMIT && self.0[c / 64] & (1 << (c % 64)) != 0
    }
}
