//! The scored decision for a line break: signals of the two lines and of the gap between them
//! combine into the log-odds that the break is a wrap (to be joined) rather than the end of a
//! paragraph. The weights are fitted by `cargo xtask calibrate` (a logistic regression over
//! generated layouts and real extractor output) and checked in as [`weights`].

// Fitted numbers: one may come close to a named constant by chance.
#[rustfmt::skip]
#[allow(clippy::approx_constant)]
mod weights;

/// Join a break whose join probability is at least this.
pub const JOIN_ABOVE: f32 = 0.7;
/// Keep a break whose join probability is below this without comment; between the two
/// thresholds the break is kept and reported as a possible stray break.
pub const KEEP_BELOW: f32 = 0.15;

/// One signal of a line break. The value of each is 0 or 1 unless its documentation says
/// otherwise. "Wrapped" documents are those whose paragraphs are cut into lines of one width.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(usize)]
pub enum Signal {
    /// The line ends a sentence (`。！？…`, possibly followed by closing quotes).
    EndsSentence,
    /// The line ends with a colon.
    EndsColon,
    /// The line ends with a dash (a comma or an opening bracket always joins).
    EndsNonTerminal,
    /// The line ends with a semicolon, which closes a clause whole (and ends list items).
    EndsSemicolon,
    /// The line ends with a closing bracket or quote that does not close a sentence.
    EndsClosing,
    /// The line ends in a word (a Han character, a digit, a Latin letter).
    EndsWord,
    /// The line ends in a function word that cannot end a sentence or a title (`的`, `和`,
    /// `对于`).
    EndsFunctionWord,
    /// A word is cut in two (`…实` / `现国家…`): the segmentation of the text around the break
    /// puts a word across it.
    WordCut,
    /// A bracket or quote opened since the last paragraph break is still open.
    OpenBracket,
    /// The line reaches the document's wrap width.
    Full,
    /// How far the line falls short of the wrap width, as a share of it (0 to 1).
    Shortfall,
    /// The next line is short of the wrap width by about a two-character indent: the first line
    /// of a paragraph whose indent the extractor dropped.
    NextShortByIndent,
    /// The next line reaches the wrap width, in a document whose extractor dropped the paragraph
    /// indents: a paragraph's first line never does.
    DroppedIndentNextFull,
    /// The next line is short by about an indent, in a document whose extractor dropped the
    /// paragraph indents.
    DroppedIndentNextShort,
    /// The line ends a sentence and the next line reaches the wrap width, in a document whose
    /// extractor dropped the paragraph indents: the sentence ended, the paragraph goes on.
    DroppedIndentSentenceGoesOn,
    /// The next line is indented, in a document whose paragraphs are not marked by indents.
    NextIndented,
    /// The next line is indented, in a document that marks paragraphs by indents.
    IndentStyleNextIndented,
    /// The next line is not indented, in a document that marks paragraphs by indents.
    IndentStyleNextFlush,
    /// A blank line in the gap, in a document that separates paragraphs by blank lines (some
    /// breaks have one, most do not).
    BlankGapRare,
    /// No blank line in the gap, in a document that separates paragraphs by blank lines.
    SingleBreakInBlankStyle,
    /// A blank line in the gap, in a document where most breaks have one.
    BlankGapCommon,
    /// Page furniture (a page number, a running header) in the gap: a page break.
    PageBreak,
    /// The line is a heading.
    Heading,
    /// The next line opens like the document's paragraphs do, or with a connective: the share
    /// (0 to 1) of the sentences so opened that open a paragraph (1 for a connective).
    NextOpener,
    /// The next line does not open like the document's paragraphs, weighed by how habitually
    /// they open alike (the share of its paragraphs that start with one of its openers).
    UnusualOpening,
    /// The line is short and without sentence punctuation: a title, a name, a caption.
    TitleLike,
    /// The next line is a short line without sentence punctuation.
    NextNameLike,
    /// The next line is a parenthesised note (`（新华社北京5月16日电）`).
    NextNote,
    /// One of the lines is a `label：value` entry (`時間：…`, `楊仁壽：…`).
    LabelEntry,
    /// The line is the document's first body line and looks like its title.
    DocumentTitle,
    /// The line has sentence punctuation or is longer than a heading: running text.
    RunningText,
    /// The share (0 to 1) of the document's lines that stop mid-sentence: near 1 where a layout
    /// cut the text into lines, low where lines are paragraphs, headings and items.
    OpenLineShare,
    /// How many of the document's lines of running text stop in a word, as cut text does: ten
    /// times their share, at most 1. Correct documents have almost none.
    CutLineShare,
    /// The next line's first unit (a character with the marks that cling to it, or a Latin
    /// word) would not have fit in the room the line leaves before the wrap width: the wrap
    /// moved it down.
    NoRoomForNext,
    /// Both lines open with a label (`時間：…` then `地點：…`): one entry after another.
    LabelAfterLabel,
}

/// Number of signals.
pub const SIGNALS: usize = Signal::LabelAfterLabel as usize + 1;

/// Names of the signals, in order, for the calibration table.
pub const SIGNAL_NAMES: [&str; SIGNALS] = [
    "ends-sentence",
    "ends-colon",
    "ends-non-terminal",
    "ends-semicolon",
    "ends-closing",
    "ends-word",
    "ends-function-word",
    "word-cut",
    "open-bracket",
    "full",
    "shortfall",
    "next-short-by-indent",
    "dropped-indent-next-full",
    "dropped-indent-next-short",
    "dropped-indent-sentence-goes-on",
    "next-indented",
    "indent-style-next-indented",
    "indent-style-next-flush",
    "blank-gap-rare",
    "single-break-in-blank-style",
    "blank-gap-common",
    "page-break",
    "heading",
    "next-opener",
    "unusual-opening",
    "title-like",
    "next-name-like",
    "next-note",
    "label-entry",
    "document-title",
    "running-text",
    "open-line-share",
    "cut-line-share",
    "no-room-for-next",
    "label-after-label",
];

/// Which table of weights scores a break: documents read their breaks differently when they
/// mark paragraphs by indents, when they wrap paragraphs into lines of one width, and when their
/// lines are whole paragraphs (cut only by page or column breaks).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Regime {
    /// Paragraphs wrapped at the document's wrap width.
    #[default]
    Wrapped,
    /// No wrap width: lines are paragraphs, or the author's lines.
    Unwrapped,
    /// Paragraphs start with an indent; the lines between are wrapped.
    Indented,
}

impl Regime {
    /// Every regime, in the order of the weight table.
    pub const ALL: [Regime; REGIMES] = [Regime::Wrapped, Regime::Unwrapped, Regime::Indented];
}

/// Number of regimes.
pub const REGIMES: usize = 3;

/// The signal values of one line break, and the regime of its document.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Signals {
    /// The regime of the document.
    pub regime: Regime,
    /// The value of each signal, in the order of [`Signal`].
    pub values: [f32; SIGNALS],
}

impl Default for Signals {
    fn default() -> Self {
        Self { regime: Regime::default(), values: [0.0; SIGNALS] }
    }
}

impl Signals {
    /// Sets `signal` to 1 when `on`.
    pub fn set(&mut self, signal: Signal, on: bool) {
        self.values[signal as usize] = f32::from(u8::from(on));
    }

    /// Sets `signal` to `value`.
    pub fn set_value(&mut self, signal: Signal, value: f32) {
        self.values[signal as usize] = value;
    }

    /// The log-odds that the break is a wrap.
    pub fn log_odds(&self) -> f32 {
        let regime = self.regime as usize;
        weights::BIAS[regime] + self.values.iter().zip(weights::WEIGHTS[regime]).map(|(x, w)| x * w).sum::<f32>()
    }

    /// The probability that the break is a wrap.
    pub fn join_probability(&self) -> f32 {
        probability(self.log_odds())
    }

    /// The highest join probability the break can reach once the `unknown` signals (still 0)
    /// are known: what decides whether they are worth computing.
    pub fn ceiling(&self, unknown: &[Signal]) -> f32 {
        let weights = weights::WEIGHTS[self.regime as usize];
        probability(self.log_odds() + unknown.iter().map(|&signal| weights[signal as usize].max(0.0)).sum::<f32>())
    }
}

/// The probability of the log-odds `z`.
fn probability(z: f32) -> f32 {
    1.0 / (1.0 + (-z).exp())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_has_a_weight_per_signal() {
        assert_eq!(weights::WEIGHTS.len(), REGIMES);
        assert_eq!(weights::WEIGHTS[0].len(), SIGNALS);
        assert_eq!(SIGNAL_NAMES.len(), SIGNALS);
    }

    #[test]
    fn clear_cases_fall_outside_the_unsure_band() {
        let mut wrap = Signals::default();
        wrap.set(Signal::EndsWord, true);
        wrap.set(Signal::Full, true);
        assert!(wrap.join_probability() >= JOIN_ABOVE, "{}", wrap.join_probability());
        let mut end = Signals::default();
        end.set(Signal::EndsSentence, true);
        end.set_value(Signal::Shortfall, 0.5);
        assert!(end.join_probability() < KEEP_BELOW, "{}", end.join_probability());
    }
}
