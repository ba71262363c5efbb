//! ## What it does
//! Reports text that looks like mojibake — UTF-8 once misread as Windows-1252/Latin-1 or as GBK
//! and saved again (`鍙屾柟`, `å\u{8F}\u{8C}æ\u{96}¹`) — but that cannot be turned back losslessly.
//! Mojibake that round-trips is repaired instead, as edits of the rule `mojibake-repaired`.
//!
//! ## Why
//! Reading UTF-8 as GBK loses a byte wherever an odd number of UTF-8 bytes meets ASCII: the
//! original character is gone and only a good copy of the document has it.
//!
//! ## Example
//! ```text
//! 浜�2025骞�   ← `于2025年` misread as GBK; two bytes lost
//! ```
//!
//! ## Fix safety
//! No fix: zhclean repairs only what round-trips exactly.

pub use zhclean_core::registry::UNREPAIRABLE_MOJIBAKE as RULE;
