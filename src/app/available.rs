//! Which actions can act right now, for the status line's hints: the hints of
//! the current mode from [`ACTIONS`], kept to the actions available in this
//! state, with the few words that depend on it.

use super::{ACTIONS, Action, App, DisagreementRow, Mode, Pane, Popup};

/// One status-line hint: the keys (the first one or two bound) and the word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hint {
    pub keys: String,
    pub word: &'static str,
    /// Which hints stay when the line is short of room: lower first. Help,
    /// the overview, the briefings and the way back come first: they are
    /// what a first-time reader needs to find the rest.
    pub rank: u8,
}

impl App {
    /// The status-line hints of the current mode, in [`ACTIONS`] order: only
    /// the actions bound in this mode, hinted there, and available now.
    pub fn hints(&self) -> Vec<Hint> {
        let mode = self.mode();
        let mut hints = self.hints_in(mode);
        if mode == Mode::Chart {
            // Then the main screen's, where the chart leaves them their keys.
            let chart = &self.keymap;
            hints.extend(self.hints_in(Mode::Panes).into_iter().filter(|h| {
                let key = h.keys.split('/').next().and_then(|k| k.parse().ok());
                key.is_none_or(|k| chart.action(Mode::Chart, &k).is_none())
            }));
        }
        hints
    }

    fn hints_in(&self, mode: Mode) -> Vec<Hint> {
        ACTIONS
            .iter()
            .filter_map(|spec| {
                let word = self.hint_word(&spec.action, mode, spec.hint(mode)?)?;
                let keys = self.keymap.keys_for(mode, &spec.action);
                // Back shows both its keys (Esc and, where bound, q): the way out.
                let shown = if spec.action == Action::Back { 2 } else { 1 };
                let keys: Vec<String> = keys.iter().take(shown).map(|k| k.to_string()).collect();
                if keys.is_empty() {
                    return None;
                }
                Some(Hint {
                    keys: keys.join("/"),
                    word,
                    rank: rank(&spec.action),
                })
            })
            .collect()
    }

    /// The hint word of `action` in `mode` now (`declared` is its declared
    /// word), or `None` when it cannot act in this state.
    fn hint_word(
        &self,
        action: &Action,
        mode: Mode,
        declared: &'static str,
    ) -> Option<&'static str> {
        if let Some(word) = self.menu_hint(action, declared) {
            return word;
        }
        let b = self.briefing();
        let selected = self.selected_target(self.focus);
        let available = match (mode, action) {
            (Mode::Panes, Action::Confirm) => selected.is_some(),
            (Mode::Panes, Action::Search) => self.rows.len(self.focus) > 0,
            (Mode::Panes, Action::Copy) => selected.is_some(),
            (Mode::Panes, Action::JumpToSpeaker) => self.selection_has_speaker(),
            (Mode::Panes, Action::NextSpeaker | Action::PrevSpeaker) => {
                !self.rows.speakers.is_empty()
            }
            (Mode::Panes, Action::TopicPicker) => !b.topics.is_empty(),
            (Mode::Panes, Action::ClearTopics) => !self.topics.is_empty(),
            (Mode::Panes, Action::NextPane | Action::PrevPane) => true,
            (Mode::Panes, Action::StoryView) if self.story.on => return Some("one briefing"),
            (Mode::Panes, Action::StoryView) => self.briefings.len() > 1,
            (Mode::Panes, Action::NextNew) => self.new_count() > 0,
            (Mode::Panes, Action::Back) => {
                return if self.chart.anchor.is_some() {
                    Some("cancel range")
                } else if self.search.is_some() {
                    Some("clear search")
                } else if self.filter.is_some() {
                    Some("clear filter")
                } else if self.dates.filter.is_some() {
                    Some("clear dates")
                } else if self.followed.is_some() {
                    Some("stop following")
                } else {
                    None
                };
            }
            (Mode::Popup, Action::Confirm) => match self.popups.last() {
                Some(Popup::Detail { target, .. }) => super::links::link_count(b, *target) > 0,
                Some(Popup::Briefings { .. }) => true,
                Some(Popup::CopyMenu { .. } | Popup::SpeakerChoice { .. }) => true,
                Some(Popup::Results(r)) => !r.hits.is_empty(),
                Some(Popup::Source(v)) => v.quote().is_some(),
                _ => false,
            },
            (Mode::Popup, Action::Back) if self.popups.len() == 1 => return Some("to the panes"),
            (Mode::Matrix, Action::ClearTopics) => !self.topics.is_empty(),
            (Mode::Matrix, Action::TopicPicker) => !b.topics.is_empty(),
            (Mode::Matrix, Action::Confirm | Action::JumpToSpeaker) => {
                match self.matrix_view().and_then(|v| v.at()) {
                    None => false,
                    Some((s, _)) if self.followed == Some(s) => {
                        return Some(match action {
                            Action::JumpToSpeaker => "let go",
                            _ => declared,
                        });
                    }
                    Some(_) => true,
                }
            }
            (Mode::Picker, Action::ClearTopics) => match self.popups.last() {
                Some(Popup::Topics { chosen, .. }) => !chosen.is_empty(),
                _ => false,
            },
            _ => true,
        };
        available.then_some(declared)
    }

    /// Has the selection of the focused pane a speaker to follow?
    fn selection_has_speaker(&self) -> bool {
        let b = self.briefing();
        let i = self.lists[self.focus.index()].selected;
        match self.focus {
            Pane::Quotes | Pane::Speakers => self.rows.len(self.focus) > i,
            Pane::Timeline => {
                (self.rows.timeline.get(i)).is_some_and(|&e| !b.events[e].speakers.is_empty())
            }
            Pane::Disagreements => match self.rows.disagreements.get(i) {
                Some(DisagreementRow::Position(..)) => true,
                Some(DisagreementRow::Heading(d)) => !b.disagreements[*d].positions.is_empty(),
                None => false,
            },
        }
    }
}

/// The rank of an action's hint: lower stays longer on a narrow line.
fn rank(action: &Action) -> u8 {
    match action {
        Action::Back | Action::Help => 0,
        Action::Overview | Action::BriefingList => 1,
        Action::Confirm | Action::Toggle => 2,
        Action::Search | Action::ClearTopics => 3,
        // Shown only when there is something new: then worth its room.
        Action::NextNew => 3,
        Action::TopicPicker => 4,
        Action::NextPane => 7,
        Action::Quit => 8,
        _ => 5,
    }
}
