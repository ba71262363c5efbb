//! One module per rule.

pub mod control_character;
pub mod doubled_word;
pub mod duplicate_paragraph;
pub mod latin_word_in_chinese;
pub mod mixed_punctuation_width;
pub mod private_use_character;
pub mod replacement_character;
pub mod section_sequence;
pub mod truncated_ending;
pub mod unbalanced_pair;
