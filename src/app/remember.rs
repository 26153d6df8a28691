//! Where the reader was, per briefing: `App::snapshot` takes the view of
//! the briefing shown (pane, selection by id, topic filter, followed
//! speaker, zoom) and the ids seen as a [`State`]; `App::restore_state` puts it
//! back, skipping ids that no longer exist. No files here: the binary
//! reads and writes them (`crate::state`).

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use super::unread::{NewMarks, all_seen};
use super::{App, DisagreementRow, ListState, Pane, Target};
use crate::state::{Seen, Selection, State, VERSION};

/// What the app remembers across briefings and runs.
#[derive(Debug, Clone, Default)]
pub struct Memory {
    /// Per briefing path: the state to restore when it is shown (read
    /// from its file, or left when another briefing was shown).
    states: HashMap<PathBuf, State>,
    /// The briefings shown in this run: their states are the ones to save.
    shown: BTreeSet<PathBuf>,
    /// The ids seen in the briefing shown.
    pub(super) seen: Seen,
    pub(super) marks: NewMarks,
}

impl App {
    /// Called once the app is built: the briefing shown is open for the
    /// first time, unless a state is restored over it.
    pub(super) fn begin_memory(&mut self) {
        self.enter_briefing();
    }

    /// The briefing shown is left for another one: its state is kept to
    /// come back to.
    pub(super) fn leave_briefing(&mut self) {
        let state = self.snapshot();
        let path = self.briefing().path.clone();
        self.memory.states.insert(path, state);
    }

    /// A briefing has just been shown with a fresh view: its remembered
    /// state is restored, if any; else all its items count as seen.
    pub(super) fn enter_briefing(&mut self) {
        let path = self.briefing().path.clone();
        self.memory.shown.insert(path.clone());
        match self.memory.states.remove(&path) {
            Some(state) => self.restore_state(&state),
            None => {
                self.memory.seen = all_seen(self.briefing());
                self.refresh_new_marks();
            }
        }
    }

    /// Shows the briefing loaded from `path`, as at start (the one shown
    /// last time several were opened together), without counting the one
    /// shown before as read. False when no briefing has that path.
    pub fn start_on_briefing(&mut self, path: &Path) -> bool {
        let Some(i) = self.briefings.iter().position(|b| b.path == path) else {
            return false;
        };
        if i != self.current {
            let old = self.briefing().path.clone();
            self.switch_to(i);
            self.memory.states.remove(&old);
            self.memory.shown.remove(&old);
        }
        true
    }

    /// Gives the app the state read for the briefing loaded from `path`:
    /// restored now if it is shown, else when it is.
    pub fn remember(&mut self, path: &Path, state: State) {
        if self.briefing().path == path {
            self.restore_state(&state);
        } else if self.briefings.iter().any(|b| b.path == path)
            || (self.briefings.len() > 1
                && crate::model::library::story_path(&self.briefings) == path)
        {
            self.memory.states.insert(path.to_path_buf(), state);
        }
    }

    /// The state of every briefing shown in this run, by path: what to save.
    pub fn snapshots(&self) -> Vec<(PathBuf, State)> {
        let current = &self.briefing().path;
        (self.memory.shown.iter())
            .filter_map(|path| {
                let state = if path == current {
                    self.snapshot()
                } else {
                    self.memory.states.get(path)?.clone()
                };
                Some((path.clone(), state))
            })
            .collect()
    }

    /// The state of the briefing shown: where the reader is in it and the
    /// ids seen (every item but those still marked new). `path` is the
    /// briefing's path as loaded; the binary stores the canonical one.
    pub fn snapshot(&self) -> State {
        let b = self.briefing();
        let id = |pane: Pane| -> Option<String> {
            let target = self.selected_target(pane)?;
            super::unread::kind_and_id(b, target).map(|(_, id)| id.to_string())
        };
        let party =
            match (self.rows.disagreements).get(self.lists[Pane::Disagreements.index()].selected) {
                Some(DisagreementRow::Position(d, p)) => {
                    Some(b.disagreements[*d].positions[*p].speaker.clone())
                }
                _ => None,
            };
        let mut seen = Seen::with_capacity(self.memory.seen.len());
        let items = (b
            .events
            .iter()
            .enumerate()
            .map(|(i, e)| (Target::Event(i), &e.id)))
        .chain((b.speakers.iter().enumerate()).map(|(i, s)| (Target::Speaker(i), &s.id)))
        .chain((b.quotes.iter().enumerate()).map(|(i, q)| (Target::Quote(i), &q.id)))
        .chain((b.disagreements.iter().enumerate()).map(|(i, d)| (Target::Disagreement(i), &d.id)));
        for (target, item_id) in items {
            if !self.is_new(target)
                && let Some((kind, _)) = super::unread::kind_and_id(b, target)
            {
                seen.insert(kind, item_id);
            }
        }
        State {
            version: VERSION,
            briefing: b.meta.id.clone(),
            path: b.path.to_string_lossy().into_owned(),
            pane: Some(self.focus.title().to_lowercase()),
            zoomed: self.zoomed,
            topics: self
                .topics
                .iter()
                .map(|&t| b.topics[t].id.clone())
                .collect(),
            speaker: self.followed.map(|s| b.speakers[s].id.clone()),
            selection: Selection {
                timeline: id(Pane::Timeline),
                speakers: id(Pane::Speakers),
                quotes: id(Pane::Quotes),
                disagreements: id(Pane::Disagreements),
                party,
            },
            seen: Some(seen),
        }
    }

    /// Puts the briefing shown back as `state` says: the pane, the
    /// filters, the followed speaker, zoom, each pane's selection, and the
    /// ids seen (new marks follow). Ids that no longer exist are skipped.
    pub fn restore_state(&mut self, state: &State) {
        let b = self.briefing();
        let topics: BTreeSet<usize> = (state.topics.iter())
            .filter_map(|id| b.index.topic_by_id.get(id).copied())
            .collect();
        let followed =
            (state.speaker.as_ref()).and_then(|id| b.index.speaker_by_id.get(id).copied());
        let focus = (state.pane.as_deref()).and_then(|name| {
            Pane::ALL
                .into_iter()
                .find(|p| p.title().eq_ignore_ascii_case(name))
        });
        let find = |kind: crate::state::Kind, id: &Option<String>| -> Option<Target> {
            let id = id.as_deref()?;
            let ix = &b.index;
            use crate::state::Kind;
            match kind {
                Kind::Event => ix.event_by_id.get(id).map(|&i| Target::Event(i)),
                Kind::Speaker => ix.speaker_by_id.get(id).map(|&i| Target::Speaker(i)),
                Kind::Quote => ix.quote_by_id.get(id).map(|&i| Target::Quote(i)),
                Kind::Disagreement => (b.disagreements.iter())
                    .position(|d| d.id == id)
                    .map(Target::Disagreement),
            }
        };
        use crate::state::Kind;
        let s = &state.selection;
        let wanted = [
            find(Kind::Event, &s.timeline),
            find(Kind::Speaker, &s.speakers),
            find(Kind::Quote, &s.quotes),
            find(Kind::Disagreement, &s.disagreements),
        ];
        let party = match wanted[3] {
            Some(Target::Disagreement(d)) => (s.party.as_deref()).and_then(|p| {
                b.disagreements[d]
                    .positions
                    .iter()
                    .position(|x| x.speaker == p)
            }),
            _ => None,
        };
        self.topics = topics;
        self.followed = followed;
        if let Some(focus) = focus {
            self.focus = focus;
        }
        self.zoomed = state.zoomed;
        self.search = None;
        self.filter = None;
        self.lists = [ListState::default(); 4];
        self.refresh_rows();
        for pane in Pane::ALL {
            let rows = &self.rows;
            let row = match (pane, wanted[pane.index()]) {
                (Pane::Timeline, Some(Target::Event(e))) => {
                    rows.timeline.iter().position(|&x| x == e)
                }
                (Pane::Speakers, Some(Target::Speaker(s))) if followed.is_none() => {
                    rows.speakers.iter().position(|&x| x == s)
                }
                (Pane::Quotes, Some(Target::Quote(q))) => rows.quotes.iter().position(|&x| x == q),
                (Pane::Disagreements, Some(Target::Disagreement(d))) => {
                    let row = match party {
                        Some(p) => DisagreementRow::Position(d, p),
                        None => DisagreementRow::Heading(d),
                    };
                    rows.disagreements.iter().position(|&x| x == row)
                }
                _ => None,
            };
            if let Some(row) = row {
                self.lists[pane.index()] = ListState {
                    selected: row,
                    offset: row,
                };
            }
        }
        self.memory.seen = match &state.seen {
            Some(seen) => seen.clone(),
            None => all_seen(self.briefing()),
        };
        self.refresh_new_marks();
        self.keep_selection_visible();
    }
}
