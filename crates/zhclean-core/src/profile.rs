/// The typographic convention the stages follow: one switch for every rule that depends on it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Profile {
    /// GB/T 15834-2011, the national standard: no spaces between Chinese characters and digits
    /// or Latin words, full-width punctuation in Chinese text.
    #[default]
    GbT15834,
    /// Copywriting conventions (as `autocorrect` applies them): one space between Chinese
    /// characters and Latin words or digits.
    Copywriting,
}
