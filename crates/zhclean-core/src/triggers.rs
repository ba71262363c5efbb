//! The fast path of character-level rules: a rule changes nothing on a line that holds none of
//! its trigger characters (`dash-style` needs a dash), so a stage finds in one scan the lines
//! each of its rules has to read, and most lines of clean text are read by none.
//!
//! A rule must only read its own line: what it proposes on a line may not depend on the text
//! of other lines (the line break itself counts as the line's end).

use crate::{Change, Document, TextRange};

/// The trigger characters of one rule.
#[derive(Clone, Copy)]
pub struct Trigger {
    /// A character that triggers the rule wherever it stands (`-` for `dash-style`).
    pub single: fn(char) -> bool,
    /// A character that triggers it only right after itself (`。。` for `ellipsis-style`).
    pub doubled: fn(char) -> bool,
}

impl Trigger {
    /// A rule triggered by each character `single` accepts.
    pub const fn on(single: fn(char) -> bool) -> Self {
        Self { single, doubled: |_| false }
    }
}

/// The triggers of a stage's rules (at most 16), looked up in one table.
pub struct TriggerTable {
    triggers: Vec<Trigger>,
    /// For every character of the Basic Multilingual Plane: the rules it triggers alone (low
    /// 16 bits) and doubled (high 16 bits).
    bmp: Box<[u32]>,
    /// For every block of 64 code points of the Basic Multilingual Plane (the code point
    /// shifted right by 6): true when no character of the block triggers a rule, alone or
    /// doubled (for most tables, the ideographs and most punctuation).
    inert_block: Box<[bool]>,
}

impl TriggerTable {
    /// The table of `triggers`; rule `i` is bit `i` of the masks [`lines`](Self::lines) gives.
    pub fn new(triggers: Vec<Trigger>) -> Self {
        assert!(triggers.len() <= 16, "a trigger table holds 16 rules at most");
        let bmp: Box<[u32]> =
            (0..=0xFFFF_u32).map(|c| char::from_u32(c).map_or(0, |c| mask_of(&triggers, c))).collect();
        let inert_block = bmp.chunks(64).map(|block| block.iter().all(|&mask| mask == 0)).collect();
        Self { triggers, bmp, inert_block }
    }

    /// The lines of `text` (each with its line break) that hold a trigger, with the rules they
    /// trigger, one bit per rule.
    pub fn lines(&self, text: &str) -> Vec<(TextRange, u16)> {
        let mut found = Vec::new();
        self.scan(text, 0, &mut found);
        found
    }

    /// Like [`lines`](Self::lines), among the lines that `scope` says to read.
    pub fn lines_in(&self, text: &str, scope: &Scope) -> Vec<(TextRange, u16)> {
        match scope {
            Scope::All => self.lines(text),
            Scope::Changed(_) => {
                let mut found = Vec::new();
                for stretch in scope.stretches(text) {
                    self.scan(&text[stretch.as_range()], stretch.start, &mut found);
                }
                found
            }
        }
    }

    /// Pushes the lines of `text` (at `offset` in the document) that hold a trigger.
    fn scan(&self, text: &str, offset: usize, found: &mut Vec<(TextRange, u16)>) {
        found.extend(
            crate::lines_with_starts(text)
                .map(|(start, line)| (TextRange::new(offset + start, offset + start + line.len()), self.present(line)))
                .filter(|&(_, mask)| mask != 0),
        );
    }

    /// The rules (one bit each) that some character of `text` triggers.
    ///
    /// Characters of three bytes in a block without triggers (in Chinese text, ideographs and
    /// most punctuation) are stepped over by their first two bytes, without being decoded.
    pub fn present(&self, text: &str) -> u16 {
        /// No character before (the start of the text, or an inert character).
        const NONE: u32 = u32::MAX;
        let bytes = text.as_bytes();
        let mut mask = 0u16;
        let mut previous = u32::from('\n');
        let mut i = 0;
        while i < bytes.len() {
            let lead = bytes[i];
            let (c, width) = if lead < 0x80 {
                (u32::from(lead), 1)
            } else if lead & 0xF0 == 0xE0 {
                // A lead byte of three is followed by two more (the text is UTF-8): its low four
                // bits and the next byte's low six are the block.
                let (second, third) = (bytes[i + 1] & 0x3F, bytes[i + 2] & 0x3F);
                let block = usize::from(lead & 0x0F) << 6 | usize::from(second);
                if self.inert_block[block] {
                    // An inert character triggers nothing, nor does the same character after it.
                    (i, previous) = (i + 3, NONE);
                    continue;
                }
                ((block as u32) << 6 | u32::from(third), 3)
            } else {
                let c = text[i..].chars().next().expect("`i` is at a character boundary");
                (u32::from(c), c.len_utf8())
            };
            let bits = self.bmp.get(c as usize).copied().unwrap_or_else(|| self.mask_outside_bmp(c));
            mask |= bits as u16;
            if previous == c {
                mask |= (bits >> 16) as u16;
            }
            (i, previous) = (i + width, c);
        }
        mask
    }

    fn mask_outside_bmp(&self, c: u32) -> u32 {
        char::from_u32(c).map_or(0, |c| mask_of(&self.triggers, c))
    }
}

/// Which lines of a document a stage reads.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Scope {
    /// Every line.
    All,
    /// The lines that overlap or touch these ranges of the current text (sorted, as
    /// [`Document::changed_since`] gives them): the stage read the rest, as it is now, when it
    /// last ran, so its rules that read only their own line have nothing to change there.
    Changed(Vec<TextRange>),
}

impl Scope {
    /// The lines of `doc` that changed since batch `mark`, or all of them if there is no mark.
    pub fn since(doc: &Document, mark: Option<usize>) -> Self {
        mark.map_or(Scope::All, |mark| Scope::Changed(doc.changed_since(mark)))
    }

    /// The stretches of whole lines of `text` the scope reads.
    pub fn stretches(&self, text: &str) -> Vec<TextRange> {
        match self {
            Scope::All => vec![TextRange::new(0, text.len())],
            Scope::Changed(ranges) => whole_lines(text, ranges),
        }
    }
}

/// The stretches of whole lines (each with its line break) of `text` that overlap or touch
/// `ranges` (sorted), merged where they meet.
fn whole_lines(text: &str, ranges: &[TextRange]) -> Vec<TextRange> {
    let mut stretches: Vec<TextRange> = Vec::new();
    for range in ranges {
        // A line is searched for only past the stretch before: many ranges in one long line
        // cost one pass over it.
        let searched_from = stretches.last().map_or(0, |last| last.end);
        if range.end < searched_from {
            continue;
        }
        let from = searched_from.min(range.start);
        let start = text[from..range.start].rfind('\n').map_or(from, |i| from + i + 1);
        let end = text[range.end..].find('\n').map_or(text.len(), |i| range.end + i + 1);
        match stretches.last_mut() {
            Some(last) if start <= last.end => last.end = last.end.max(end),
            _ => stretches.push(TextRange::new(start, end)),
        }
    }
    stretches
}

/// The lines of a document that hold a trigger, with the rules each triggers (see
/// [`TriggerTable::lines`]), kept in step with the document: after a batch, only the lines it
/// touched are read again.
pub struct TriggeredLines<'t> {
    table: &'t TriggerTable,
    lines: Vec<(TextRange, u16)>,
    /// The document's batch count when `lines` was read.
    mark: usize,
    /// True when the lines are those of the whole document.
    all: bool,
    /// The lines of the whole document, once asked for, when `lines` are not.
    whole: Option<Box<TriggeredLines<'t>>>,
}

impl<'t> TriggeredLines<'t> {
    /// The lines of `doc` in `scope` that hold a trigger of `table`.
    pub fn new(table: &'t TriggerTable, doc: &Document, scope: &Scope) -> Self {
        let all = *scope == Scope::All;
        Self { table, lines: table.lines_in(doc.text(), scope), mark: doc.batches(), all, whole: None }
    }

    /// The lines of `doc` in `scope`, like [`new`](Self::new), keeping the lines of the whole
    /// document these hold or have read (see [`get_all`](Self::get_all)), to be brought up to
    /// date rather than read again.
    pub fn rescoped(self, doc: &Document, scope: &Scope) -> Self {
        let table = self.table;
        let whole = if self.all { Some(Box::new(self)) } else { self.whole };
        Self { whole, ..Self::new(table, doc, scope) }
    }

    /// The lines of the whole document that hold a trigger: those [`get`](Self::get) gives if
    /// the scope is the whole document, else read once and brought up to date after.
    pub fn get_all(&mut self, doc: &Document) -> &[(TextRange, u16)] {
        if self.all {
            return self.get(doc);
        }
        let table = self.table;
        self.whole.get_or_insert_with(|| Box::new(TriggeredLines::new(table, doc, &Scope::All))).get(doc)
    }

    /// The lines, brought up to date with the batches applied to `doc` since they were read:
    /// a line no batch touched keeps its rules at its new position, the others are read again.
    pub fn get(&mut self, doc: &Document) -> &[(TextRange, u16)] {
        if doc.batches() != self.mark {
            let changed = doc.changed_since(self.mark);
            // The lines come in order, so do where they are now: each is looked up from where
            // the one before was found.
            let mut to_current = doc.to_current_in_order(self.mark);
            let mut next_changed = 0;
            let kept = self.lines.iter().filter_map(|&(line, mask)| {
                let start = to_current.map(line.start);
                let moved = TextRange::new(start, start + line.len());
                // The lines `lines_in` reads again for a changed range: from the line holding
                // its start to the line holding its end.
                while changed.get(next_changed).is_some_and(|r| r.end < moved.start) {
                    next_changed += 1;
                }
                let touched = changed.get(next_changed).is_some_and(|r| r.start < moved.end);
                (!touched).then_some((moved, mask))
            });
            let mut lines: Vec<(TextRange, u16)> =
                kept.chain(self.table.lines_in(doc.text(), &Scope::Changed(changed.clone()))).collect();
            lines.sort_unstable_by_key(|(range, _)| range.start);
            self.lines = lines;
            self.mark = doc.batches();
        }
        &self.lines
    }
}

fn mask_of(triggers: &[Trigger], c: char) -> u32 {
    triggers
        .iter()
        .enumerate()
        .fold(0, |mask, (i, t)| mask | (u32::from((t.single)(c)) << i) | (u32::from((t.doubled)(c)) << (i + 16)))
}

/// The changes `changes` proposes on the lines of `lines` (from [`TriggerTable::lines`]) that
/// trigger rule `bit`, read a stretch of consecutive lines at a time, with their ranges in
/// `text`. Stretches are read on the threads of the current pool when there is enough text
/// to share.
pub fn changes_on_lines(
    text: &str,
    lines: &[(TextRange, u16)],
    bit: usize,
    changes: impl Fn(&str) -> Vec<Change> + Sync,
) -> Vec<Change> {
    use rayon::prelude::*;
    let mut stretches: Vec<TextRange> = Vec::new();
    for (range, _) in lines.iter().filter(|(_, mask)| mask & (1 << bit) != 0) {
        match stretches.last_mut() {
            Some(last) if last.end == range.start => last.end = range.end,
            _ => stretches.push(*range),
        }
    }
    let in_place = |&stretch: &TextRange| {
        let found = changes(&text[stretch.as_range()]);
        found.into_iter().map(move |mut change| {
            change.range = TextRange::new(change.range.start + stretch.start, change.range.end + stretch.start);
            change
        })
    };
    let read: usize = stretches.iter().map(|stretch| stretch.len()).sum();
    if read < PARALLEL_BYTES {
        return stretches.iter().flat_map(in_place).collect();
    }
    stretches.par_iter().with_min_len(64).flat_map_iter(in_place).collect()
}

/// Text a stage reads, in bytes, from which it is worth sharing the reading between threads.
pub const PARALLEL_BYTES: usize = 1 << 18;

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> TriggerTable {
        TriggerTable::new(vec![Trigger::on(|c| c == '-'), Trigger { single: |c| c == '.', doubled: |c| c == '。' }])
    }

    #[test]
    fn lines_holding_triggers() {
        let text = "甲乙。\n2-3\n好。。\n无\n末.";
        let lines = table().lines(text);
        let found: Vec<(&str, u16)> = lines.iter().map(|(r, m)| (&text[r.as_range()], *m)).collect();
        assert_eq!(found, [("2-3\n", 0b01), ("好。。\n", 0b10), ("末.", 0b10)]);
        assert_eq!(table().present(text), 0b11);
        assert_eq!(table().present("甲乙。\n无"), 0);
        // Ideographs are stepped over by block; one between two marks parts them.
        assert_eq!(table().present("。中。"), 0);
        assert_eq!(table().present("中中。。中"), 0b10);
        assert_eq!(table().present("é中-"), 0b01);
        assert_eq!(table().present("\u{20000}."), 0b10);
    }

    #[test]
    fn lines_in_a_scope_are_the_whole_lines_it_touches() {
        let text = "a-\n无\nb-\nc.\n";
        let found = |ranges: Vec<TextRange>| {
            let lines = table().lines_in(text, &Scope::Changed(ranges));
            lines.iter().map(|(r, _)| &text[r.as_range()]).collect::<Vec<_>>()
        };
        assert_eq!(found(vec![TextRange::empty(8)]), ["b-\n"]);
        assert_eq!(found(vec![TextRange::new(1, 2), TextRange::empty(11)]), ["a-\n", "c.\n"]);
        assert_eq!(found(vec![TextRange::new(6, 10)]), ["b-\n", "c.\n"]);
        assert_eq!(found(vec![TextRange::new(3, 6)]), Vec::<&str>::new());
        assert_eq!(table().lines_in(text, &Scope::All), table().lines(text));
    }

    #[test]
    fn triggered_lines_follow_the_batches_applied() {
        let table = table();
        let mut doc = Document::new("a-\n无\nb-\n好。\nc.\n");
        let mut lines = TriggeredLines::new(&table, &doc, &Scope::All);
        assert_eq!(lines.get(&doc).len(), 3);
        // The second line gains a trigger, the third loses its own, the fourth is joined to it.
        doc.apply(vec![
            Change::replace("x", TextRange::new(3, 6), "无-"),
            Change::replace("y", TextRange::new(8, 9), "b"),
            Change::delete("z", TextRange::new(9, 10)),
        ]);
        assert_eq!(doc.text(), "a-\n无-\nbb好。\nc.\n");
        let found: Vec<(&str, u16)> = lines.get(&doc).iter().map(|(r, m)| (&doc.text()[r.as_range()], *m)).collect();
        assert_eq!(found, [("a-\n", 0b01), ("无-\n", 0b01), ("c.\n", 0b10)]);
        assert_eq!(lines.get(&doc), table.lines(doc.text()));
        let mut changed = TriggeredLines::new(&table, &doc, &Scope::Changed(vec![TextRange::empty(0)]));
        assert_eq!(changed.get(&doc).len(), 1);
        assert_eq!(changed.get_all(&doc), table.lines(doc.text()));
        // The whole document's lines, read once, follow later batches, and pass to a new scope.
        doc.apply(vec![Change::replace("x", TextRange::new(0, 1), "-")]);
        assert_eq!(changed.get_all(&doc), table.lines(doc.text()));
        let mut rescoped = changed.rescoped(&doc, &Scope::Changed(vec![TextRange::empty(0)]));
        assert_eq!(rescoped.get(&doc).len(), 1);
        assert!(rescoped.whole.is_some());
        assert_eq!(rescoped.get_all(&doc), table.lines(doc.text()));
    }

    #[test]
    fn changes_are_read_per_stretch_and_placed_in_the_text() {
        let text = "a-\nb-\nc\nd-";
        let lines = table().lines(text);
        let dashes = |s: &str| {
            s.match_indices('-').map(|(i, _)| Change::replace("dash", TextRange::new(i, i + 1), "—")).collect()
        };
        let found: Vec<TextRange> = changes_on_lines(text, &lines, 0, dashes).iter().map(|c| c.range).collect();
        assert_eq!(found, [TextRange::new(1, 2), TextRange::new(4, 5), TextRange::new(9, 10)]);
    }
}
