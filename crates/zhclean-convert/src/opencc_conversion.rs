//! ## What it does
//! Converts the text with OpenCC when `--convert` names a configuration (`t2s`, `s2t`, `tw2sp`,
//! …), logging every changed run of characters as an edit.
//!
//! ## Why
//! Corpora mix scripts; converting to one is a deliberate choice the user makes.
//!
//! ## Example
//! ```text
//! 雙方將推動合作       → 双方将推动合作 (--convert t2s)
//! ```
//!
//! ## Fix safety
//! Safe as asked for: it never runs by default, and then converts the whole text as OpenCC does,
//! phrase by phrase.

/// Rule name.
pub const NAME: &str = zhclean_core::registry::OPENCC_CONVERSION.name;
