//! The fast path of character-level rules: a rule changes nothing on a line that holds none of
//! its trigger characters (`dash-style` needs a dash), so a stage finds in one scan the lines
//! each of its rules has to read, and most lines of clean text are read by none.
//!
//! A rule must only read its own line: what it proposes on a line may not depend on the text
//! of other lines (the line break itself counts as the line's end).

use crate::{Change, TextRange};

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
}

impl TriggerTable {
    /// The table of `triggers`; rule `i` is bit `i` of the masks [`lines`](Self::lines) gives.
    pub fn new(triggers: Vec<Trigger>) -> Self {
        assert!(triggers.len() <= 16, "a trigger table holds 16 rules at most");
        let bmp = (0..=0xFFFF_u32).map(|c| char::from_u32(c).map_or(0, |c| mask_of(&triggers, c))).collect();
        Self { triggers, bmp }
    }

    fn mask(&self, c: char) -> u32 {
        self.bmp.get(c as usize).copied().unwrap_or_else(|| mask_of(&self.triggers, c))
    }

    /// The lines of `text` (each with its line break) that hold a trigger, with the rules they
    /// trigger, one bit per rule.
    pub fn lines(&self, text: &str) -> Vec<(TextRange, u16)> {
        crate::lines_with_starts(text)
            .map(|(start, line)| (TextRange::new(start, start + line.len()), self.present(line)))
            .filter(|&(_, mask)| mask != 0)
            .collect()
    }

    /// The rules (one bit each) that some character of `text` triggers.
    pub fn present(&self, text: &str) -> u16 {
        let mut mask = 0u16;
        let mut previous = '\n';
        for c in text.chars() {
            let bits = self.mask(c);
            mask |= bits as u16;
            if c == previous {
                mask |= (bits >> 16) as u16;
            }
            previous = c;
        }
        mask
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
/// `text`.
pub fn changes_on_lines(
    text: &str,
    lines: &[(TextRange, u16)],
    bit: usize,
    changes: impl Fn(&str) -> Vec<Change>,
) -> Vec<Change> {
    let mut found = Vec::new();
    let mut stretches: Vec<TextRange> = Vec::new();
    for (range, _) in lines.iter().filter(|(_, mask)| mask & (1 << bit) != 0) {
        match stretches.last_mut() {
            Some(last) if last.end == range.start => last.end = range.end,
            _ => stretches.push(*range),
        }
    }
    for stretch in stretches {
        found.extend(changes(&text[stretch.as_range()]).into_iter().map(|mut change| {
            change.range = TextRange::new(change.range.start + stretch.start, change.range.end + stretch.start);
            change
        }));
    }
    found
}

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
