//! zhclean cleans and validates Chinese text documents.
//!
//! The library runs one pipeline, stage by stage:
//!
//! ```text
//! bytes ─► decode ─► Document ─► layout ─► punct ─► convert ─► lint ─► Report
//! ```
//!
//! ```
//! let pipeline = zhclean::Pipeline::new(zhclean::Config::default()).unwrap();
//! let report = pipeline.clean_bytes("双方指出,利用\r\n".as_bytes()).unwrap();
//! assert_eq!(report.text(), "双方指出，利用\n");
//! assert_eq!(report.edits().len(), 2);
//! ```

pub mod allocator;
mod config;
pub mod config_file;
pub mod output;
mod pipeline;
pub mod properties;
mod report;

pub use config::{Config, ConfigError, ParagraphSeparator, Profile, RangeDash};
pub use pipeline::{Pipeline, Stage};
pub use report::Report;
pub use zhclean_core::registry;
pub use zhclean_core::{Applicability, Diagnostic, Document, Edit, LineCol, RuleMeta, Severity, TextRange};
pub use zhclean_encoding::{DecodeError, DecodeOptions, EncodingInfo};
