//! ## What it does
//! `zhclean check` reports, as findings of this code, the edits `clean` would make: one finding
//! per edit, at its position in the input, naming the rule that would make it.
//!
//! ## Why
//! `check` answers "is this file clean?". A file that `clean` would change is not, even when no
//! lint rule has anything to say.
//!
//! ## Example
//! ```text
//! report.txt:3:5: info[ZH000] halfwidth-punctuation: `clean` would make 1 edit here and below
//! ```
//!
//! ## Fix safety
//! Safe: these are the edits of rules that are safe by construction; `zhclean clean` makes them.
