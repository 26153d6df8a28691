//! The jump list, as in vim: places left by a jump (following a speaker or
//! a link, a search jump, a topic filter, another briefing), walked back
//! with `Ctrl-o` or `H` and forward with `L`. Each place restores briefing,
//! focus, selections, filters and the stack of open detail views.

use std::collections::BTreeSet;

use super::filter::TextFilter;
use super::{App, Pane, Popup, Target};

/// The most places kept each way; the oldest go first.
pub const MAX_JUMPS: usize = 100;

/// Where the reader was: enough to put it back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub current: usize,
    /// In the story view?
    pub story: bool,
    pub focus: Pane,
    pub selected: [usize; 4],
    pub topics: BTreeSet<usize>,
    pub followed: Option<usize>,
    pub filter: Option<TextFilter>,
    /// The detail views open, bottom first.
    pub details: Vec<Target>,
}

/// Places behind and ahead of the present one.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Jumps {
    back: Vec<Place>,
    forward: Vec<Place>,
}

impl Jumps {
    /// Places that `H` can go back to, and `L` forward to.
    pub fn len(&self) -> (usize, usize) {
        (self.back.len(), self.forward.len())
    }

    pub fn is_empty(&self) -> bool {
        self.back.is_empty() && self.forward.is_empty()
    }
}

fn push_bounded(list: &mut Vec<Place>, place: Place) {
    if list.len() == MAX_JUMPS {
        list.remove(0);
    }
    list.push(place);
}

impl App {
    /// The present place.
    pub(super) fn place(&self) -> Place {
        Place {
            current: self.current,
            story: self.story.on,
            focus: self.focus,
            selected: self.lists.map(|l| l.selected),
            topics: self.topics.clone(),
            followed: self.followed,
            filter: self.filter.clone().filter(|f| !f.editing),
            details: (self.popups.iter())
                .filter_map(|p| match p {
                    Popup::Detail { target, .. } => Some(*target),
                    _ => None,
                })
                .collect(),
        }
    }

    /// Records `from` as a place jumped away from, unless nothing moved.
    pub(super) fn record_jump_from(&mut self, from: Place) {
        if from == self.place() {
            return;
        }
        if self.jumps.back.last() != Some(&from) {
            push_bounded(&mut self.jumps.back, from);
        }
        self.jumps.forward.clear();
    }

    /// After an update: a change of briefing, topic filter or followed
    /// speaker is a jump from `before`.
    pub(super) fn record_filter_jump(&mut self, before: Place) {
        if before.current != self.current
            || before.story != self.story.on
            || before.topics != self.topics
            || before.followed != self.followed
        {
            self.record_jump_from(before);
        }
    }

    pub(super) fn jump_back(&mut self) {
        match self.jumps.back.pop() {
            Some(place) => {
                let here = self.place();
                push_bounded(&mut self.jumps.forward, here);
                self.restore(place);
            }
            None => self.message = Some("no earlier place in the jump list".into()),
        }
    }

    pub(super) fn jump_forward(&mut self) {
        match self.jumps.forward.pop() {
            Some(place) => {
                let here = self.place();
                push_bounded(&mut self.jumps.back, here);
                self.restore(place);
            }
            None => self.message = Some("no later place in the jump list".into()),
        }
    }

    fn restore(&mut self, place: Place) {
        if place.current >= self.briefings.len() {
            return;
        }
        if place.current != self.current {
            self.current = place.current;
            self.search = None;
        }
        if place.story != self.story.on {
            self.set_story(place.story);
            self.search = None;
        }
        self.topics = place.topics;
        self.followed = place.followed;
        self.filter = place.filter;
        self.refresh_rows();
        self.focus = place.focus;
        for pane in Pane::ALL {
            self.select(pane, place.selected[pane.index()]);
        }
        self.popups = place.details.into_iter().map(Popup::detail).collect();
    }

    /// The jump list.
    pub fn jumps(&self) -> &Jumps {
        &self.jumps
    }
}
