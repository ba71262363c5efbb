//! Core types shared by every zhclean stage.
//!
//! A [`Document`] carries the decoded input, the current text and an edit log. Stages propose
//! [`Change`]s against the current text; the document applies them, records each as an [`Edit`]
//! whose range points into the **original** input, and keeps the map that lets any later
//! position (a lint [`Diagnostic`], say) be reported as a line and column of the original.

pub mod chars;
mod diagnostic;
mod document;
mod edit;
mod line_index;
mod pending_edits;
mod profile;
mod range;
pub mod registry;
pub mod testing;
pub mod triggers;
pub mod verbatim;
pub mod words;

pub use compact_str::CompactString;
pub use diagnostic::{Applicability, Diagnostic, Fix, RuleMeta, Severity};
pub use document::{Document, ToCurrent, ToOriginal};
pub use edit::{Change, Edit};
pub use line_index::{LineCol, LineIndex, in_runs, lines_with_starts, read_line_stretches};
pub use profile::Profile;
pub use range::TextRange;
