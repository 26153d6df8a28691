//! New-item marks, as newsboat marks unread articles: the items of the
//! briefing shown whose id was not seen the last time it was open, which
//! rows mark; reading an item (selecting it, opening its detail) clears its
//! mark; `u` goes to the next one.

use super::{App, DisagreementRow, Pane, Popup, Target};
use crate::model::Briefing;
use crate::state::{Kind, Seen};

/// Which items of the briefing shown are new, by index, and how many.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NewMarks {
    events: Vec<bool>,
    speakers: Vec<bool>,
    quotes: Vec<bool>,
    disagreements: Vec<bool>,
    count: usize,
}

impl NewMarks {
    /// The items of `b` not in `seen`: one hash and lookup an item.
    pub fn of(b: &Briefing, seen: &Seen) -> NewMarks {
        let mut count = 0;
        let mut marks = |kind: Kind, ids: &mut dyn Iterator<Item = &str>| -> Vec<bool> {
            ids.map(|id| {
                let new = !seen.contains(kind, id);
                count += usize::from(new);
                new
            })
            .collect()
        };
        let events = marks(Kind::Event, &mut b.events.iter().map(|e| e.id.as_str()));
        let speakers = marks(Kind::Speaker, &mut b.speakers.iter().map(|s| s.id.as_str()));
        let quotes = marks(Kind::Quote, &mut b.quotes.iter().map(|q| q.id.as_str()));
        let disagreements = marks(
            Kind::Disagreement,
            &mut b.disagreements.iter().map(|d| d.id.as_str()),
        );
        NewMarks {
            events,
            speakers,
            quotes,
            disagreements,
            count,
        }
    }

    fn slot(&mut self, target: Target) -> Option<&mut bool> {
        match target {
            Target::Event(i) => self.events.get_mut(i),
            Target::Speaker(i) => self.speakers.get_mut(i),
            Target::Quote(i) => self.quotes.get_mut(i),
            Target::Disagreement(i) => self.disagreements.get_mut(i),
        }
    }

    pub fn is_new(&self, target: Target) -> bool {
        let v = match target {
            Target::Event(i) => self.events.get(i),
            Target::Speaker(i) => self.speakers.get(i),
            Target::Quote(i) => self.quotes.get(i),
            Target::Disagreement(i) => self.disagreements.get(i),
        };
        v.copied().unwrap_or(false)
    }

    pub fn count(&self) -> usize {
        self.count
    }
}

/// Every item of `b`, as seen: what a first open remembers.
pub fn all_seen(b: &Briefing) -> Seen {
    let n = b.events.len() + b.speakers.len() + b.quotes.len() + b.disagreements.len();
    let mut seen = Seen::with_capacity(n);
    for e in &b.events {
        seen.insert(Kind::Event, &e.id);
    }
    for s in &b.speakers {
        seen.insert(Kind::Speaker, &s.id);
    }
    for q in &b.quotes {
        seen.insert(Kind::Quote, &q.id);
    }
    for d in &b.disagreements {
        seen.insert(Kind::Disagreement, &d.id);
    }
    seen
}

/// The kind and id of `target` in `b`.
pub fn kind_and_id(b: &Briefing, target: Target) -> Option<(Kind, &str)> {
    Some(match target {
        Target::Event(i) => (Kind::Event, b.events.get(i)?.id.as_str()),
        Target::Speaker(i) => (Kind::Speaker, b.speakers.get(i)?.id.as_str()),
        Target::Quote(i) => (Kind::Quote, b.quotes.get(i)?.id.as_str()),
        Target::Disagreement(i) => (Kind::Disagreement, b.disagreements.get(i)?.id.as_str()),
    })
}

/// What is being read before an update: the briefing shown, the focused
/// pane and its selected item.
pub(super) type Reading = (usize, Pane, Option<Target>);

impl App {
    /// Recomputes the new marks of the briefing shown against the ids
    /// seen. Call it whenever the briefing shown changes under the reader
    /// (a reload): items that appeared since are new.
    pub fn refresh_new_marks(&mut self) {
        let shown = super::story::shown(&self.story, &self.briefings, self.current);
        self.memory.marks = NewMarks::of(shown, &self.memory.seen);
    }

    /// Is `target` (an item of the briefing shown) new since it was last open?
    pub fn is_new(&self, target: Target) -> bool {
        self.memory.marks.is_new(target)
    }

    /// How many items of the briefing shown are new.
    pub fn new_count(&self) -> usize {
        self.memory.marks.count
    }

    /// How many of `pane`'s rows (under the filters) hold a new item. Cost
    /// linear in the pane's rows: for drawing a count, not per row.
    pub fn new_in(&self, pane: Pane) -> usize {
        if self.memory.marks.count == 0 {
            return 0;
        }
        (0..self.rows.len(pane))
            .filter(|&i| self.row_item(pane, i).is_some_and(|t| self.is_new(t)))
            .count()
    }

    /// The item row `i` of `pane` stands for, if it carries a mark: a
    /// disagreement's heading does, its positions do not.
    pub fn row_item(&self, pane: Pane, i: usize) -> Option<Target> {
        match pane {
            Pane::Timeline => self.rows.timeline.get(i).map(|&e| Target::Event(e)),
            Pane::Speakers => self.rows.speakers.get(i).map(|&s| Target::Speaker(s)),
            Pane::Quotes => self.rows.quotes.get(i).map(|&q| Target::Quote(q)),
            Pane::Disagreements => match self.rows.disagreements.get(i) {
                Some(DisagreementRow::Heading(d)) => Some(Target::Disagreement(*d)),
                _ => None,
            },
        }
    }

    /// Marks `target` read: its mark clears and it is remembered as seen.
    pub(super) fn read(&mut self, target: Target) {
        let Some(slot) = self.memory.marks.slot(target) else {
            return;
        };
        if !*slot {
            return;
        }
        *slot = false;
        self.memory.marks.count -= 1;
        let shown = super::story::shown(&self.story, &self.briefings, self.current);
        if let Some((kind, id)) = kind_and_id(shown, target) {
            self.memory.seen.insert(kind, id);
        }
    }

    /// What is being read now, to compare after an update.
    pub(super) fn reading(&self) -> Reading {
        (self.current, self.focus, self.selected_target(self.focus))
    }

    /// After an update: the item the selection moved to, in the same
    /// briefing, and the item of an open detail view are read.
    pub(super) fn read_after(&mut self, before: Reading) {
        if self.memory.marks.count == 0 {
            return;
        }
        if let Some(Popup::Detail { target, .. }) = self.popups.last() {
            self.read(*target);
        }
        let now = self.reading();
        if now != before
            && now.0 == before.0
            && self.popups.is_empty()
            && let Some(target) = now.2
        {
            self.read(target);
        }
    }

    /// `u`: the next new item, from the selection on through the focused
    /// pane, then the other panes in turn, round to where it started.
    pub(super) fn next_new(&mut self) {
        let total = self.memory.marks.count;
        if total == 0 {
            self.message =
                Some("no new items: nothing was added since this briefing was last open".into());
            return;
        }
        let start = self.focus;
        let selected = self.lists[start.index()].selected;
        for k in 0..=4 {
            let pane = Pane::ALL[(start.index() + k) % 4];
            let len = self.rows.len(pane);
            let (from, to) = match k {
                0 => (selected + 1, len),
                4 => (0, (selected + 1).min(len)),
                _ => (0, len),
            };
            let found =
                (from..to).find(|&i| self.row_item(pane, i).is_some_and(|t| self.is_new(t)));
            if let Some(row) = found {
                self.focus = pane;
                self.select(pane, row);
                let left = total - 1;
                self.message = Some(if left == 0 {
                    "the last new item".into()
                } else {
                    format!("{left} more new: u goes on")
                });
                return;
            }
        }
        self.message = Some(format!(
            "{} hidden by the filters",
            crate::text::plural(total, "new item is", "new items are")
        ));
    }
}
