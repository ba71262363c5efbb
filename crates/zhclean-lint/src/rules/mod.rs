//! One module per rule.

pub mod duplicate_paragraph;
