use crate::{Change, Diagnostic, Edit, LineCol, LineIndex, TextRange};
use std::sync::{Arc, OnceLock};

/// The text being cleaned, with the log of every edit made to it.
///
/// Each call to [`Document::apply`] adds one *layer* to a source map, so that a position in the
/// current text can always be traced back to the original input, however many stages ran.
/// The original input is not kept beside the text (on a large file, that copy was a third of
/// the peak memory): its lines are indexed before any edit, and the text itself is rebuilt
/// from the current text and the edit log when it is first asked for.
#[derive(Debug, Clone)]
pub struct Document {
    text: String,
    layers: Vec<Layer>,
    edits: Vec<Edit>,
    diagnostics: Vec<Diagnostic>,
    original_len: usize,
    original_lines: LineIndex,
    original: OnceLock<Arc<str>>,
    /// The verbatim text of the original input (code, pipe tables), which no edit but a few
    /// enters (see [`crate::verbatim`]).
    verbatim: Vec<TextRange>,
}

/// One batch of applied changes: for each, where it sits after the batch and what it replaced.
#[derive(Debug, Clone)]
struct Layer {
    spans: Vec<Span>,
}

#[derive(Debug, Clone, Copy)]
struct Span {
    after: TextRange,
    before: TextRange,
}

impl Layer {
    /// How many spans start at or before `pos` (in after-coordinates), given that the first
    /// `from` do.
    fn spans_up_to(&self, pos: usize, from: usize) -> usize {
        first_not(&self.spans, from, |span| span.after.start <= pos)
    }

    /// Maps a start position back through this layer, where `up_to` spans start at or before
    /// it; a position inside a replacement maps to the start of what it replaced.
    fn map_start(&self, pos: usize, up_to: usize) -> usize {
        match up_to.checked_sub(1).map(|i| &self.spans[i]) {
            None => pos,
            Some(span) if pos < span.after.end => span.before.start,
            Some(span) => span.before.end + (pos - span.after.end),
        }
    }

    /// Maps an end position back through this layer, where `up_to` spans start at or before
    /// it; a position inside a replacement maps to the end of what it replaced.
    fn map_end(&self, pos: usize, up_to: usize) -> usize {
        match up_to.checked_sub(1).map(|i| &self.spans[i]) {
            None => pos,
            Some(span) if pos == span.after.start => span.before.start,
            Some(span) if pos <= span.after.end => span.before.end,
            Some(span) => span.before.end + (pos - span.after.end),
        }
    }

    /// How many spans start at or before `pos` in the text before this layer, given that the
    /// first `from` do.
    fn spans_before_up_to(&self, pos: usize, from: usize) -> usize {
        first_not(&self.spans, from, |s| s.before.start <= pos)
    }

    /// Maps a position of the text before this layer to the text after it, where `up_to`
    /// spans start at or before it (see [`spans_before_up_to`](Self::spans_before_up_to)); a
    /// position inside a replaced range maps to the start of its replacement.
    fn map_forward(&self, pos: usize, up_to: usize) -> usize {
        match up_to.checked_sub(1).map(|i| &self.spans[i]) {
            None => pos,
            Some(span) if pos < span.before.end => span.after.start,
            Some(span) => span.after.end + (pos - span.before.end),
        }
    }

    /// How many spans start before `pos` in the text before this layer, given that the first
    /// `from` do.
    fn spans_before_below(&self, pos: usize, from: usize) -> usize {
        first_not(&self.spans, from, |s| s.before.start < pos)
    }

    /// Like [`map_forward`](Self::map_forward) for the end of a range, where `below` spans
    /// start before it (see [`spans_before_below`](Self::spans_before_below)): a position
    /// inside a replaced range maps to the end of its replacement.
    fn map_forward_end(&self, pos: usize, below: usize) -> usize {
        match below.checked_sub(1).map(|i| &self.spans[i]) {
            None => pos,
            Some(span) if pos <= span.before.end => span.after.end,
            Some(span) => span.after.end + (pos - span.before.end),
        }
    }
}

/// The index of the first of `spans` at or after `from` that `holds` rejects, where `holds`
/// accepts a prefix of `spans` that reaches at least `from`: found by galloping from `from`,
/// so that positions looked up in order cost a walk through the spans, not a search each.
fn first_not(spans: &[Span], from: usize, holds: impl Fn(&Span) -> bool) -> usize {
    let (mut low, mut high, mut step) = (from, from, 1);
    while high < spans.len() && holds(&spans[high]) {
        low = high + 1;
        high = from + step;
        step *= 2;
    }
    low + spans[low..high.min(spans.len())].partition_point(holds)
}

/// Maps offsets of an earlier text of a document to its current text (see
/// [`Document::to_current_from`]), walking each batch once for offsets given in order.
pub struct ToCurrent<'d> {
    layers: &'d [Layer],
    /// For each layer: how many of its spans start at or before the last offset mapped.
    cursors: Vec<usize>,
    last: usize,
}

impl ToCurrent<'_> {
    /// Where `offset` is now. Offsets are best given in order; one smaller than the one before
    /// is looked up from the beginning.
    pub fn map(&mut self, offset: usize) -> usize {
        if offset < self.last {
            self.cursors.fill(0);
        }
        self.last = offset;
        let mut pos = offset;
        for (layer, cursor) in self.layers.iter().zip(&mut self.cursors) {
            *cursor = layer.spans_before_up_to(pos, *cursor);
            pos = layer.map_forward(pos, *cursor);
        }
        pos
    }
}

/// Maps ranges of the current text to the original input (see [`Document::to_original`]),
/// walking each batch once for ranges given in order of their starts.
pub struct ToOriginal<'d> {
    layers: &'d [Layer],
    /// For each layer: how many of its spans start at or before the last start mapped.
    cursors: Vec<usize>,
    last_start: usize,
}

impl<'d> ToOriginal<'d> {
    fn new(layers: &'d [Layer]) -> Self {
        Self { layers, cursors: vec![0; layers.len()], last_start: 0 }
    }

    /// The range of the original input that `range` came from. Ranges are best given in order
    /// of their starts; one that starts earlier than the one before is looked up from the
    /// beginning.
    pub fn map(&mut self, range: TextRange) -> TextRange {
        if range.start < self.last_start {
            self.cursors.fill(0);
        }
        self.last_start = range.start;
        let (mut start, mut end) = (range.start, range.end);
        for (layer, cursor) in self.layers.iter().zip(&mut self.cursors).rev() {
            *cursor = layer.spans_up_to(start, *cursor);
            let end_up_to = if range.is_empty() { *cursor } else { layer.spans_up_to(end, *cursor) };
            start = layer.map_start(start, *cursor);
            end = if range.is_empty() { start } else { layer.map_end(end, end_up_to) };
        }
        TextRange::new(start, end.max(start))
    }
}

impl Document {
    /// A document whose original input and current text are `text`.
    pub fn new(text: impl Into<String>) -> Self {
        let text = text.into();
        Self {
            original_len: text.len(),
            original_lines: LineIndex::new(&text),
            verbatim: crate::verbatim::ranges(&text),
            text,
            layers: Vec::new(),
            edits: Vec::new(),
            diagnostics: Vec::new(),
            original: OnceLock::new(),
        }
    }

    /// The current text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The original input, as decoded: rebuilt, the first time, by undoing the edits.
    pub fn original(&self) -> &str {
        if self.edits.is_empty() {
            return &self.text;
        }
        self.original_shared_once()
    }

    /// The original input as a shared string, for what outlives the document (the source
    /// lines of findings): rebuilt, or copied when nothing was edited, once.
    pub fn original_shared(&self) -> Arc<str> {
        Arc::clone(self.original_shared_once())
    }

    fn original_shared_once(&self) -> &Arc<str> {
        self.original.get_or_init(|| {
            if self.edits.is_empty() {
                return Arc::from(self.text.as_str());
            }
            let original = undone(&self.text, &self.layers, &self.edits);
            debug_assert_eq!(original.len(), self.original_len);
            Arc::from(original)
        })
    }

    /// True when the current text differs from the original input.
    pub fn is_changed(&self) -> bool {
        !self.edits.is_empty() && (self.text.len() != self.original_len || self.text != self.original())
    }

    /// Every edit applied so far, in the order the stages made them.
    pub fn edits(&self) -> &[Edit] {
        &self.edits
    }

    /// Diagnostics recorded by the stages, with ranges in the original input.
    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.diagnostics
    }

    /// Takes the diagnostics recorded so far out of the document (see
    /// [`diagnostics`](Self::diagnostics)), leaving none.
    pub fn take_diagnostics(&mut self) -> Vec<Diagnostic> {
        std::mem::take(&mut self.diagnostics)
    }

    /// Records a stage's diagnostic whose range refers to the current text; the stored range
    /// refers to the original input.
    /// A finding wholly inside verbatim text (code, a pipe table) is dropped: it is not prose.
    pub fn record(&mut self, mut diagnostic: Diagnostic) {
        diagnostic.range = self.to_original(diagnostic.range);
        if !self.is_verbatim(diagnostic.range) {
            self.diagnostics.push(diagnostic);
        }
    }

    /// True when `original`, a range of the original input, lies wholly inside verbatim text
    /// (code, a pipe table: see [`crate::verbatim`]), where findings are not reported.
    pub fn is_verbatim(&self, original: TextRange) -> bool {
        crate::verbatim::within(&self.verbatim, original)
    }

    /// Records many diagnostics at once (see [`record`](Self::record)), after those recorded
    /// before, without a copy of the larger list: a large document may have hundreds of
    /// thousands.
    pub fn record_all(&mut self, mut diagnostics: Vec<Diagnostic>) {
        let mut to_original = self.to_original_in_order();
        for diagnostic in &mut diagnostics {
            diagnostic.range = to_original.map(diagnostic.range);
        }
        if !self.verbatim.is_empty() {
            diagnostics.retain(|diagnostic| !self.is_verbatim(diagnostic.range));
        }
        // The larger vector takes the other in (the earlier findings stay first).
        if diagnostics.len() > self.diagnostics.len() {
            let earlier = std::mem::replace(&mut self.diagnostics, diagnostics);
            self.diagnostics.splice(0..0, earlier);
        } else {
            self.diagnostics.reserve_exact(diagnostics.len());
            self.diagnostics.append(&mut diagnostics);
        }
    }

    /// Consumes the document, returning the current text.
    pub fn into_text(self) -> String {
        self.text
    }

    /// Applies `changes` (ranges in the current text) as one batch and logs each as an edit.
    ///
    /// Changes are applied in order of position. A change that overlaps an earlier one in the
    /// batch is skipped (it is re-proposed by the next pass of its stage, if still wanted), and a
    /// change that would not alter the text is dropped, as is one inside the verbatim text of
    /// the input (code, a pipe table) by a rule that does not edit it ([`crate::verbatim::edits_verbatim`]). Returns
    /// the number of changes applied.
    pub fn apply(&mut self, mut changes: Vec<Change>) -> usize {
        changes.sort_by_key(|c| (c.range.start, c.range.end));
        // The log grows by what each batch adds, not by doubling (on a large document, doubling
        // leaves megabytes unused at the peak).
        self.edits.reserve_exact(changes.len());
        self.apply_in_order(|_, log| changes.into_iter().for_each(log))
    }

    /// Applies, as one batch, the changes that `produce` hands to the logger it is given, in
    /// order of position (it reads the current text, its first argument): each is logged as an
    /// edit as it comes, so that no list of them is held beside the log (a conversion makes
    /// hundreds of thousands). A change that overlaps or precedes the one before is skipped,
    /// and one that would not alter the text dropped, as [`apply`](Self::apply) does. Returns
    /// the number of changes applied.
    pub fn apply_in_order(&mut self, produce: impl FnOnce(&str, &mut dyn FnMut(Change))) -> usize {
        let Self { text, layers, edits, verbatim, .. } = self;
        let first = edits.len();
        let mut spans = Vec::new();
        // Where the last change kept ends, and how far the text after it moves.
        let (mut end, mut shift) = (0, 0isize);
        let mut to_original = ToOriginal::new(layers);
        produce(text, &mut |change: Change| {
            let range = change.range;
            if range.start < end || range.end > text.len() || text[range.as_range()] == change.replacement {
                return;
            }
            let original = to_original.map(range);
            if !verbatim.is_empty()
                && crate::verbatim::touches(verbatim, original)
                && !crate::verbatim::edits_verbatim(change.rule)
            {
                return;
            }
            end = range.end;
            let start = range.start.checked_add_signed(shift).expect("changes lie inside the text");
            spans.push(Span { after: TextRange::new(start, start + change.replacement.len()), before: range });
            shift += change.replacement.len() as isize - range.len() as isize;
            edits.push(Edit {
                rule: change.rule,
                range: original,
                before: text[range.as_range()].into(),
                after: change.replacement,
                confidence: change.confidence,
            });
        });
        if spans.is_empty() {
            return 0;
        }
        spans.shrink_to_fit();
        let batch = &edits[first..];
        let replacements = spans.iter().zip(batch).map(|(span, edit)| (span.before, edit.after.as_str()));
        splice_in_place(text, replacements);
        let applied = spans.len();
        layers.push(Layer { spans });
        applied
    }

    /// Maps a range of the current text to the range of the original input it came from.
    pub fn to_original(&self, range: TextRange) -> TextRange {
        self.to_original_in_order().map(range)
    }

    /// A mapper of many ranges of the current text to the original input, fastest for ranges
    /// given in order of their starts (see [`ToOriginal`]).
    pub fn to_original_in_order(&self) -> ToOriginal<'_> {
        ToOriginal::new(&self.layers)
    }

    /// Maps a byte offset of the original input to the current text; an offset inside replaced
    /// text maps to the start of its replacement.
    pub fn to_current(&self, offset: usize) -> usize {
        self.to_current_from(0, offset)
    }

    /// How many batches [`apply`](Self::apply) has applied: a mark from which
    /// [`changed_since`](Self::changed_since) and [`to_current_from`](Self::to_current_from)
    /// tell what later batches did.
    pub fn batches(&self) -> usize {
        self.layers.len()
    }

    /// The ranges of the current text that the batches applied after `mark` wrote (an empty
    /// range where they only deleted), sorted, with touching ranges merged. The rest of the
    /// text is as it was at the mark.
    pub fn changed_since(&self, mark: usize) -> Vec<TextRange> {
        let mut changed: Vec<TextRange> = Vec::new();
        for layer in self.layers.iter().skip(mark) {
            // The ranges are sorted and apart, so their starts and ends come in order: each is
            // looked up from where the one before was found.
            let (mut starts_from, mut ends_from) = (0, 0);
            let moved = changed.iter().map(|r| {
                starts_from = layer.spans_before_up_to(r.start, starts_from);
                ends_from = layer.spans_before_below(r.end, ends_from);
                // An empty range where the layer inserted maps to both ends of the insertion.
                let (start, end) = (layer.map_forward(r.start, starts_from), layer.map_forward_end(r.end, ends_from));
                TextRange::new(start.min(end), start.max(end))
            });
            changed = merge_touching(merge_sorted(moved, layer.spans.iter().map(|span| span.after)));
        }
        changed
    }

    /// Maps a byte offset of the text as it was at batch `mark` to the current text (see
    /// [`to_current`](Self::to_current)).
    pub fn to_current_from(&self, mark: usize, offset: usize) -> usize {
        self.to_current_in_order(mark).map(offset)
    }

    /// A mapper of many offsets of the text as it was at batch `mark` to the current text,
    /// fastest for offsets given in order (see [`ToCurrent`]).
    pub fn to_current_in_order(&self, mark: usize) -> ToCurrent<'_> {
        let layers = &self.layers[mark.min(self.layers.len())..];
        ToCurrent { layers, cursors: vec![0; layers.len()], last: 0 }
    }

    /// Line and column (1-based, in characters) of a byte offset of the original input; the
    /// column needs the original (see [`original`](Self::original)).
    pub fn original_line_col(&self, offset: usize) -> LineCol {
        self.original_lines.line_col(self.original(), offset)
    }

    /// Line and column of each of `offsets` of the original input (see
    /// [`original_line_col`](Self::original_line_col)), counting each line's characters once.
    pub fn original_line_cols(&self, offsets: &[usize]) -> Vec<LineCol> {
        self.original_lines.line_cols(self.original(), offsets)
    }

    /// The number of lines of the original input (a final line break starts an empty one).
    pub fn original_lines(&self) -> usize {
        self.original_lines.lines()
    }

    /// The bytes of line `line` (from 1) of the original input, with its line break.
    pub fn original_line_range(&self, line: u32) -> std::ops::Range<usize> {
        self.original_lines.line_range(line, self.original_len)
    }

    /// The line (from 1) of a byte offset of the original input, which needs no text.
    pub fn original_line(&self, offset: usize) -> u32 {
        self.original_lines.line(offset)
    }
}

/// The text before `layers` (and their `edits`, in the same order) were applied to it: each
/// layer is undone, last first, on a list of pieces of `text` and of the edits' replaced texts,
/// and the list is written out once at the end.
fn undone(text: &str, layers: &[Layer], edits: &[Edit]) -> String {
    let mut pieces = vec![Piece { edit: None, start: 0, end: text.len() }];
    let mut first_edit = edits.len();
    for layer in layers.iter().rev() {
        first_edit -= layer.spans.len();
        pieces = layer_undone(&pieces, &layer.spans, first_edit, edits);
    }
    let source = |piece: &Piece| piece.edit.map_or(text, |edit| edits[edit].before.as_str());
    let mut original = String::with_capacity(pieces.iter().map(|p| p.end - p.start).sum());
    for piece in &pieces {
        original.push_str(&source(piece)[piece.start..piece.end]);
    }
    original
}

/// Bytes `start..end` of the current text (`edit` is `None`) or of what an edit replaced.
#[derive(Debug, Clone, Copy)]
struct Piece {
    edit: Option<usize>,
    start: usize,
    end: usize,
}

/// `pieces` (the text after a layer) with each span of the layer replaced by the text its edit
/// (numbered from `first_edit`) replaced.
fn layer_undone(pieces: &[Piece], spans: &[Span], first_edit: usize, edits: &[Edit]) -> Vec<Piece> {
    let mut undone = Vec::with_capacity(pieces.len() + 2 * spans.len());
    let mut rest = PieceCursor { pieces, next: 0, passed: 0, at: 0 };
    for (i, span) in spans.iter().enumerate() {
        rest.pass(span.after.start, Some(&mut undone));
        rest.pass(span.after.end, None);
        let before = edits[first_edit + i].before.len();
        if before > 0 {
            undone.push(Piece { edit: Some(first_edit + i), start: 0, end: before });
        }
    }
    rest.pass(usize::MAX, Some(&mut undone));
    undone
}

/// A position in a list of pieces: `passed` bytes into piece `next`, at byte `at` of the text
/// the list spells.
struct PieceCursor<'p> {
    pieces: &'p [Piece],
    next: usize,
    passed: usize,
    at: usize,
}

impl PieceCursor<'_> {
    /// Moves on to byte `to` of the text (or its end), copying what it passes into `kept`.
    fn pass(&mut self, to: usize, mut kept: Option<&mut Vec<Piece>>) {
        while self.at < to && self.next < self.pieces.len() {
            let piece = self.pieces[self.next];
            let start = piece.start + self.passed;
            let end = piece.end.min(start.saturating_add(to - self.at));
            if let Some(kept) = kept.as_deref_mut() {
                kept.push(Piece { start, end, ..piece });
            }
            self.at += end - start;
            if end == piece.end {
                (self.next, self.passed) = (self.next + 1, 0);
            } else {
                self.passed = end - piece.start;
            }
        }
    }
}

/// Replaces each range of `text` (sorted, apart, on character boundaries) with its string, in
/// the text's own buffer: a large document is not copied once per batch.
///
/// Each unchanged stretch moves by what the replacements before it add or remove. The
/// stretches that move left are moved first to last and those that move right last to first:
/// then no move overwrites a stretch still to be moved (a stretch that moves left lands past
/// the end of every earlier one, one that moves right lands before the start of every later
/// one), and the replacements are written once all stretches are in place.
fn splice_in_place<'a, I>(text: &mut String, replacements: I)
where
    I: DoubleEndedIterator<Item = (TextRange, &'a str)> + Clone,
{
    let growth = |(range, with): (TextRange, &str)| with.len() as isize - range.len() as isize;
    let old_len = text.len();
    let total: isize = replacements.clone().map(growth).sum();
    let new_len = old_len.checked_add_signed(total).expect("a text cannot shrink below nothing");
    #[allow(unsafe_code)]
    // SAFETY: the bytes are rearranged into the unchanged stretches of the text and the
    // replacement strings, each whole and cut on character boundaries (`apply` slices the text
    // at every range it keeps), so the buffer holds valid UTF-8 again when this returns.
    let bytes = unsafe { text.as_mut_vec() };
    bytes.reserve_exact(new_len.saturating_sub(old_len));
    bytes.resize(old_len.max(new_len), 0);
    let shifted = |at: usize, shift: isize| at.checked_add_signed(shift).expect("a stretch moves inside the text");
    let (mut read, mut shift) = (0, 0);
    for (range, with) in replacements.clone().chain([(TextRange::empty(old_len), "")]) {
        if shift < 0 {
            bytes.copy_within(read..range.start, shifted(read, shift));
        }
        shift += growth((range, with));
        read = range.end;
    }
    let (mut end, mut shift) = (old_len, total);
    for (range, with) in replacements.clone().rev() {
        if shift > 0 {
            bytes.copy_within(range.end..end, shifted(range.end, shift));
        }
        shift -= growth((range, with));
        end = range.start;
    }
    let mut shift = 0;
    for (range, with) in replacements {
        let at = shifted(range.start, shift);
        bytes[at..at + with.len()].copy_from_slice(with.as_bytes());
        shift += growth((range, with));
    }
    bytes.truncate(new_len);
    debug_assert!(std::str::from_utf8(bytes).is_ok());
}

/// Sorted ranges with those that overlap or touch merged into one.
/// The ranges of `a` and `b` (each sorted by start, then end) in one sorted list.
fn merge_sorted(a: impl Iterator<Item = TextRange>, b: impl Iterator<Item = TextRange>) -> Vec<TextRange> {
    let key = |r: &TextRange| (r.start, r.end);
    let (mut a, mut b) = (a.peekable(), b.peekable());
    let mut merged = Vec::with_capacity(a.size_hint().0 + b.size_hint().0);
    loop {
        let next = match (a.peek(), b.peek()) {
            (Some(x), Some(y)) if key(x) <= key(y) => a.next(),
            (Some(_), Some(_)) | (None, Some(_)) => b.next(),
            (Some(_), None) => a.next(),
            (None, None) => return merged,
        };
        merged.extend(next);
    }
}

fn merge_touching(sorted: Vec<TextRange>) -> Vec<TextRange> {
    let mut merged: Vec<TextRange> = Vec::with_capacity(sorted.len());
    for range in sorted {
        match merged.last_mut() {
            Some(last) if range.start <= last.end => last.end = last.end.max(range.end),
            _ => merged.push(range),
        }
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::*;

    fn change(rule: &'static str, start: usize, end: usize, with: &str) -> Change {
        Change::replace(rule, TextRange::new(start, end), with)
    }

    #[test]
    fn apply_logs_edits_against_the_original() {
        let mut doc = Document::new("a,b\r\nc,d\r\n");
        doc.apply(vec![change("crlf", 3, 5, "\n"), change("crlf", 8, 10, "\n")]);
        assert_eq!(doc.text(), "a,b\nc,d\n");
        doc.apply(vec![change("comma", 5, 6, "，")]);
        assert_eq!(doc.text(), "a,b\nc，d\n");
        let last = doc.edits().last().unwrap();
        assert_eq!((last.range, last.before.as_str()), (TextRange::new(6, 7), ","));
        assert_eq!(doc.original_line_col(last.range.start), LineCol { line: 2, column: 2 });
    }

    #[test]
    fn positions_after_deletions_and_insertions_map_back() {
        let mut doc = Document::new("xxABCyy");
        doc.apply(vec![Change::delete("del", TextRange::new(0, 2))]);
        assert_eq!(doc.text(), "ABCyy");
        doc.apply(vec![Change::insert("ins", 3, "--")]);
        assert_eq!(doc.text(), "ABC--yy");
        // "yy" now at 5..7 came from 5..7 of the original.
        assert_eq!(doc.to_original(TextRange::new(5, 7)), TextRange::new(5, 7));
        // "B" at 1..2 came from 3..4.
        assert_eq!(doc.to_original(TextRange::new(1, 2)), TextRange::new(3, 4));
        // The inserted "--" maps to the point where it was inserted.
        assert_eq!(doc.to_original(TextRange::new(3, 5)), TextRange::new(5, 5));
        assert_eq!(doc.edits()[1].range, TextRange::empty(5));
        // And forward again: "yy" started at 5, "C" at 4.
        assert_eq!((doc.to_current(5), doc.to_current(4)), (5, 2));
        assert_eq!(doc.to_current(0), 0, "deleted text maps to where it was");
        assert_eq!(doc.original(), "xxABCyy");
    }

    #[test]
    fn what_changed_since_a_mark_in_current_positions() {
        let mut doc = Document::new("甲,乙\n丙丁\n戊己\n");
        doc.apply(vec![change("comma", 3, 4, "，")]);
        let mark = doc.batches();
        assert_eq!(doc.changed_since(0), [TextRange::new(3, 6)]);
        assert!(doc.changed_since(mark).is_empty());
        doc.apply(vec![Change::delete("join", TextRange::new(9, 10)), change("x", 20, 23, "庚辛")]);
        // `乙丙` joined: the deleted break is an empty range; `己` became `庚辛`.
        assert_eq!(doc.text(), "甲，乙丙丁\n戊庚辛\n");
        assert_eq!(doc.changed_since(mark), [TextRange::empty(9), TextRange::new(19, 25)]);
        assert_eq!(doc.changed_since(0), [TextRange::new(3, 6), TextRange::empty(9), TextRange::new(19, 25)]);
        doc.apply(vec![Change::insert("ins", 0, "“")]);
        assert_eq!(doc.changed_since(mark), [TextRange::new(0, 3), TextRange::empty(12), TextRange::new(22, 28)]);
        assert_eq!((doc.to_current_from(mark, 10), doc.to_current_from(mark + 1, 10)), (12, 13));
        doc.apply(vec![Change::insert("ins", 12, "”")]);
        assert_eq!(doc.changed_since(mark), [TextRange::new(0, 3), TextRange::new(12, 15), TextRange::new(25, 31)]);
    }

    #[test]
    fn splicing_grows_and_shrinks_anywhere() {
        let spliced = |text: &str, replacements: &[(usize, usize, &str)]| {
            let mut text = text.to_owned();
            splice_in_place(
                &mut text,
                replacements.iter().map(|&(start, end, with)| (TextRange::new(start, end), with)),
            );
            text
        };
        assert_eq!(spliced("abcdef", &[(0, 1, "XYZ"), (2, 4, ""), (5, 6, "QQ")]), "XYZbeQQ");
        assert_eq!(spliced("abcdef", &[(0, 2, ""), (4, 5, "1234")]), "cd1234f");
        assert_eq!(spliced("甲乙丙", &[(3, 3, "，“"), (6, 9, "")]), "甲，“乙");
        assert_eq!(spliced("ab", &[]), "ab");
        // Stretches that move right and left in one batch.
        assert_eq!(spliced("a,b,c  d  e", &[(1, 2, "，"), (3, 4, "，"), (5, 7, ""), (8, 10, " ")]), "a，b，cd e");
        assert_eq!(spliced("a  b  c,d,e", &[(1, 3, ""), (4, 6, ""), (7, 8, "，"), (9, 10, "，")]), "abc，d，e");
        assert_eq!(spliced("xyz", &[(0, 3, "")]), "");
        assert_eq!(spliced("", &[(0, 0, "甲乙")]), "甲乙");
    }

    #[test]
    fn the_original_is_rebuilt_from_the_edits() {
        let input = "甲,乙\r\n丙丁\r\n戊己";
        let mut doc = Document::new(input);
        assert_eq!((doc.original(), doc.is_changed()), (input, false));
        doc.apply(vec![change("comma", 3, 4, "，"), change("crlf", 7, 9, "\n"), change("crlf", 15, 17, "\n")]);
        doc.apply(vec![Change::delete("join", TextRange::new(9, 10)), change("x", 20, 23, "")]);
        // A later batch rewrites text an earlier one wrote, and deletes at the end.
        doc.apply(vec![
            change("y", 0, 6, "“甲"),
            Change::delete("z", TextRange::new(doc.text().len() - 3, doc.text().len())),
        ]);
        assert_eq!(doc.text(), "“甲乙丙丁\n");
        assert_eq!((doc.original(), doc.is_changed()), (input, true));
        assert_eq!(doc.original_line_col(input.find('丁').unwrap()), LineCol { line: 2, column: 2 });
        assert_eq!(doc.original_line(input.len()), 3);
        let mut restored = Document::new("ab");
        restored.apply(vec![change("x", 0, 1, "c")]);
        restored.apply(vec![change("x", 0, 1, "a")]);
        assert!(!restored.is_changed(), "edits that cancel out leave the text as it was");
    }

    #[test]
    fn diagnostics_recorded_at_once_follow_those_recorded_before() {
        let meta = &crate::registry::DUPLICATE_PARAGRAPH;
        let found = |start: usize| meta.diagnostic(TextRange::empty(start), start.to_string());
        let mut doc = Document::new("甲乙丙丁");
        doc.apply(vec![Change::delete("del", TextRange::new(0, 3))]);
        doc.record(found(0));
        doc.record_all(vec![found(3), found(6)]);
        doc.record_all(vec![found(1)]);
        let recorded: Vec<(usize, &str)> = doc.diagnostics().iter().map(|d| (d.range.start, &*d.message)).collect();
        assert_eq!(recorded, [(3, "0"), (6, "3"), (9, "6"), (4, "1")], "in order, in original positions");
    }

    #[test]
    fn overlapping_and_noop_changes_are_skipped() {
        let mut doc = Document::new("abcdef");
        let applied = doc.apply(vec![change("one", 1, 3, "X"), change("two", 2, 4, "Y"), change("same", 4, 5, "e")]);
        assert_eq!(applied, 1);
        assert_eq!(doc.text(), "aXdef");
        assert_eq!(doc.edits().len(), 1);
    }

    #[test]
    fn changes_handed_over_in_order_are_logged_as_they_come() {
        let mut doc = Document::new("甲乙丙丁戊");
        let applied = doc.apply_in_order(|text, log| {
            assert_eq!(text, "甲乙丙丁戊");
            log(change("one", 3, 6, "二"));
            log(change("before", 0, 3, "一"));
            log(change("overlapping", 3, 9, "X"));
            log(change("same", 9, 12, "丁"));
            log(change("insert", 12, 12, "·"));
            log(change("past", 12, 99, "X"));
        });
        assert_eq!(applied, 2);
        assert_eq!(doc.text(), "甲二丙丁·戊");
        let rules: Vec<&str> = doc.edits().iter().map(|e| e.rule).collect();
        assert_eq!(rules, ["one", "insert"]);
        assert_eq!(doc.to_original(TextRange::new(12, 14)), TextRange::new(12, 12));
        assert_eq!(doc.apply_in_order(|_, _| {}), 0);
        assert_eq!(doc.batches(), 1);
    }
}
