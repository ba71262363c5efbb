//! ## What it does
//! Reports an encoding that was detected with low confidence: a legacy-encoded input with too
//! few Chinese characters to be sure (fewer than about six Han characters), a few bytes that are
//! valid UTF-8 but read better as GBK, or text whose best reading is still poor.
//!
//! ## Why
//! GBK, Big5 and UTF-8 overlap: `系统` in GBK (`CF B5 CD B3`) is also valid UTF-8 (`ϵͳ`). A
//! wrong guess turns every character of the file into another one, and cleaning then works on
//! nonsense.
//!
//! ## Example
//! ```text
//! short.txt:1:1: warning[ZH001] low-confidence-encoding: read as UTF-8 with confidence 0.30;
//!                pass --encoding NAME if that is wrong
//! ```
//!
//! ## Fix safety
//! No fix: name the encoding with `--encoding` (for example `--encoding gbk`).

pub use zhclean_core::registry::LOW_CONFIDENCE_ENCODING as RULE;
