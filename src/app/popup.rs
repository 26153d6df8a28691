//! Popups over the panes: detail views (a stack), help, topic picker,
//! overview and the briefing list.

use std::collections::{BTreeSet, HashSet};

use crate::model::Briefing;

use super::{Action, App};

/// An item a detail view can show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Event(usize),
    Speaker(usize),
    Quote(usize),
    Disagreement(usize),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Popup {
    /// A detail view; `link` is the selected entry of [`links`].
    Detail {
        target: Target,
        link: usize,
    },
    Help {
        scroll: u16,
    },
    /// The topic picker: cursor row and the topics ticked so far.
    Topics {
        cursor: usize,
        chosen: BTreeSet<usize>,
    },
    Overview {
        scroll: u16,
    },
    /// The list of loaded briefings, then the files that failed.
    Briefings {
        cursor: usize,
    },
    /// The results of a search across the whole briefing.
    Results(super::Results),
}

/// The items a detail view links to, in the order shown, each once: runs of
/// items one after another. A speaker's or an event's quotes and a speaker's
/// events are borrowed from the index as they are (they hold no repeats by
/// construction), so showing a few links of a speaker with a million quotes
/// costs what it does with ten; the other runs are short lists made without
/// repeats through a hash set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Links<'b> {
    runs: Vec<Run<'b>>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Run<'b> {
    Items(Vec<Target>),
    Quotes(&'b [usize]),
    Events(&'b [usize]),
}

impl Run<'_> {
    fn len(&self) -> usize {
        match self {
            Run::Items(items) => items.len(),
            Run::Quotes(ix) | Run::Events(ix) => ix.len(),
        }
    }

    fn get(&self, i: usize) -> Option<Target> {
        match self {
            Run::Items(items) => items.get(i).copied(),
            Run::Quotes(ix) => ix.get(i).map(|&q| Target::Quote(q)),
            Run::Events(ix) => ix.get(i).map(|&e| Target::Event(e)),
        }
    }
}

impl Links<'_> {
    pub fn len(&self) -> usize {
        self.runs.iter().map(Run::len).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The link at `i`, in the order shown.
    pub fn get(&self, mut i: usize) -> Option<Target> {
        for run in &self.runs {
            if i < run.len() {
                return run.get(i);
            }
            i -= run.len();
        }
        None
    }

    /// The links from `first` on, in order; skipping costs nothing.
    pub fn iter_from(&self, first: usize) -> impl Iterator<Item = Target> + '_ {
        (first..self.len()).map_while(|i| self.get(i))
    }

    pub fn iter(&self) -> impl Iterator<Item = Target> + '_ {
        self.iter_from(0)
    }
}

/// `items` in order, each once (linear: a hash set of what has been seen).
fn unique(items: impl IntoIterator<Item = Target>) -> Vec<Target> {
    let mut seen = HashSet::new();
    let key = |t: Target| match t {
        Target::Event(i) => (0u8, i),
        Target::Speaker(i) => (1, i),
        Target::Quote(i) => (2, i),
        Target::Disagreement(i) => (3, i),
    };
    items.into_iter().filter(|&t| seen.insert(key(t))).collect()
}

/// What the detail view of `target` links to.
pub fn links(b: &Briefing, target: Target) -> Links<'_> {
    let ix = &b.index;
    let speaker = |id: &str| ix.speaker_by_id.get(id).map(|&s| Target::Speaker(s));
    let runs = match target {
        Target::Quote(q) => {
            let quote = &b.quotes[q];
            let event = quote.event.as_deref().and_then(|e| ix.event_by_id.get(e));
            let items = std::iter::once(Target::Speaker(ix.speaker_of_quote[q]))
                .chain(quote.reported_by.as_deref().and_then(speaker))
                .chain(event.map(|&e| Target::Event(e)))
                .chain(
                    ix.positions_by_quote[q]
                        .iter()
                        .map(|&(d, _)| Target::Disagreement(d)),
                );
            vec![Run::Items(unique(items))]
        }
        // Each quote has one speaker and is listed once under it; an event's
        // speakers are resolved without repeats.
        Target::Speaker(s) => vec![
            Run::Quotes(&ix.quotes_by_speaker[s]),
            Run::Items(unique(
                ix.positions_by_speaker[s]
                    .iter()
                    .map(|&(d, _)| Target::Disagreement(d)),
            )),
            Run::Events(&ix.events_by_speaker[s]),
        ],
        // Each quote has at most one event.
        Target::Event(e) => vec![
            Run::Items(unique(
                b.events[e].speakers.iter().filter_map(|id| speaker(id)),
            )),
            Run::Quotes(&ix.quotes_by_event[e]),
        ],
        Target::Disagreement(d) => {
            let items = b.disagreements[d].positions.iter().flat_map(|p| {
                speaker(&p.speaker).into_iter().chain(
                    p.quotes
                        .iter()
                        .filter_map(|id| ix.quote_by_id.get(id))
                        .map(|&q| Target::Quote(q)),
                )
            });
            vec![Run::Items(unique(items))]
        }
    };
    Links { runs }
}

impl App {
    /// A key while a popup is open: it goes to the topmost popup.
    pub(super) fn update_popup(&mut self, action: Action) {
        let Some(popup) = self.popups.last_mut() else {
            return;
        };
        let b = &self.briefings[self.current];
        match popup {
            Popup::Results(_) => self.update_results(action),
            Popup::Detail { target, link } => {
                let targets = links(b, *target);
                let count = targets.len();
                match action {
                    Action::Down => *link = (*link + 1).min(count.saturating_sub(1)),
                    Action::Up => *link = link.saturating_sub(1),
                    Action::Top => *link = 0,
                    Action::Bottom => *link = count.saturating_sub(1),
                    Action::Confirm => {
                        if let Some(next) = targets.get(*link) {
                            self.popups.push(Popup::Detail {
                                target: next,
                                link: 0,
                            });
                        }
                    }
                    Action::Back => {
                        self.popups.pop();
                    }
                    Action::JumpToSpeaker => {
                        let speaker = match *target {
                            Target::Speaker(s) => Some(s),
                            Target::Quote(q) => Some(b.index.speaker_of_quote[q]),
                            _ => None,
                        };
                        if let Some(s) = speaker {
                            self.popups.clear();
                            self.follow(s);
                        }
                    }
                    Action::Copy => {
                        if let Target::Quote(q) = *target {
                            self.copy_quote(q);
                        }
                    }
                    _ => {}
                }
            }
            // Scrolling is clamped to the last line after every update.
            Popup::Help { scroll } | Popup::Overview { scroll } => match action {
                Action::Down => *scroll = scroll.saturating_add(1),
                Action::Up => *scroll = scroll.saturating_sub(1),
                Action::PageDown | Action::HalfPageDown => *scroll = scroll.saturating_add(10),
                Action::PageUp | Action::HalfPageUp => *scroll = scroll.saturating_sub(10),
                Action::Top => *scroll = 0,
                Action::Bottom => *scroll = u16::MAX,
                Action::Back | Action::Confirm => {
                    self.popups.pop();
                }
                Action::OpenSource => self.open_source(),
                _ => {}
            },
            Popup::Topics { cursor, chosen } => {
                let count = b.topics.len();
                match action {
                    Action::Down => *cursor = (*cursor + 1).min(count.saturating_sub(1)),
                    Action::Up => *cursor = cursor.saturating_sub(1),
                    Action::Top => *cursor = 0,
                    Action::Bottom => *cursor = count.saturating_sub(1),
                    Action::Toggle if count > 0 && !chosen.remove(cursor) => {
                        chosen.insert(*cursor);
                    }
                    Action::Confirm => {
                        let chosen = std::mem::take(chosen);
                        self.popups.pop();
                        self.topics = chosen;
                        self.refresh_rows();
                    }
                    Action::ClearTopics => chosen.clear(),
                    Action::Back => {
                        self.popups.pop();
                    }
                    _ => {}
                }
            }
            Popup::Briefings { cursor } => {
                let count = self.briefings.len() + self.failures.len();
                match action {
                    Action::Down => *cursor = (*cursor + 1).min(count.saturating_sub(1)),
                    Action::Up => *cursor = cursor.saturating_sub(1),
                    Action::Top => *cursor = 0,
                    Action::Bottom => *cursor = count.saturating_sub(1),
                    Action::Confirm if *cursor < self.briefings.len() => {
                        let chosen = *cursor;
                        self.popups.clear();
                        self.switch_to(chosen);
                    }
                    Action::Back => {
                        self.popups.pop();
                    }
                    _ => {}
                }
            }
        }
    }
}

impl App {
    /// Keeps each scrolling popup's position at or above its last line, after
    /// scrolling or a resize. Scrolling stops at the last line.
    pub(super) fn clamp_popup_scrolls(&mut self) {
        let has = |f: fn(&Popup) -> bool| self.popups.iter().any(f);
        let help = has(|p| matches!(p, Popup::Help { .. })).then(|| self.help_max_scroll());
        let overview =
            has(|p| matches!(p, Popup::Overview { .. })).then(|| self.overview_max_scroll());
        for popup in &mut self.popups {
            match popup {
                Popup::Help { scroll } => *scroll = (*scroll).min(help.unwrap_or(0)),
                Popup::Overview { scroll } => *scroll = (*scroll).min(overview.unwrap_or(0)),
                _ => {}
            }
        }
    }
}
