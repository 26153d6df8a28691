//! Following the speaker of an item (`s`): one speaker is followed at once,
//! several (an event's, a disagreement's parties, a reported statement's
//! speaker and reporter) open a chooser, none says why. The chooser's
//! entries are numbered; a digit picks one, as does Enter or `s` again.

use ratatui::crossterm::event::{KeyCode, KeyModifiers};
use ratatui::layout::Rect;

use crate::keys::Key;
use crate::model::Briefing;

use super::menu::{self, Step};
use super::{Action, App, DisagreementRow, Popup, Target};

/// The most entries with a digit key (1 to 9).
pub const NUMBERED: usize = 9;

/// The speakers of `target`, each once, in the order the item names them.
pub fn speakers_of(b: &Briefing, target: Target) -> Vec<usize> {
    let ix = &b.index;
    let by_id = |id: &String| ix.speaker_by_id.get(id).copied();
    let mut out: Vec<usize> = match target {
        Target::Speaker(s) => vec![s],
        Target::Quote(q) => std::iter::once(ix.speaker_of_quote[q])
            .chain(b.quotes[q].reported_by.as_ref().and_then(by_id))
            .collect(),
        Target::Event(e) => b.events[e].speakers.iter().filter_map(by_id).collect(),
        Target::Disagreement(d) => (b.disagreements[d].positions.iter())
            .filter_map(|p| by_id(&p.speaker))
            .collect(),
    };
    // Items name a handful of speakers: a quadratic pass costs nothing.
    let mut seen = Vec::with_capacity(out.len());
    out.retain(|s| {
        let new = !seen.contains(s);
        seen.push(*s);
        new
    });
    out
}

/// Why `target` has no speaker to follow.
fn no_speaker(target: Target) -> &'static str {
    match target {
        Target::Event(_) => "this event names no speaker",
        Target::Disagreement(_) => "this disagreement names no party",
        Target::Quote(_) | Target::Speaker(_) => "no speaker for this item",
    }
}

/// The chooser's outer rectangle on `screen` for `count` speakers.
pub fn area(count: usize, screen: Rect) -> Rect {
    menu::area(screen, count)
}

/// Rows of entries in view in a chooser drawn at `outer`.
pub fn visible(outer: Rect) -> usize {
    usize::from(outer.height.saturating_sub(2))
}

impl App {
    /// Follows the speaker of `target`, or opens the chooser when it has
    /// several, or says why there is none.
    pub(super) fn follow_speaker_of(&mut self, target: Target) {
        let speakers = speakers_of(self.briefing(), target);
        match speakers.as_slice() {
            [] => self.message = Some(no_speaker(target).into()),
            [s] => {
                let s = *s;
                self.popups.clear();
                self.follow(s);
            }
            _ => self.popups.push(Popup::SpeakerChoice {
                speakers,
                cursor: 0,
            }),
        }
    }

    /// The speaker of the selected row of the main screen: a position row of
    /// the Disagreements pane stands for its party alone.
    pub(super) fn follow_selected_speaker(&mut self) {
        let pane = self.focus;
        let row = self.lists[pane.index()].selected;
        if let (super::Pane::Disagreements, Some(DisagreementRow::Position(d, p))) =
            (pane, self.rows.disagreements.get(row))
        {
            let b = self.briefing();
            let party = &b.disagreements[*d].positions[*p].speaker;
            match b.index.speaker_by_id.get(party) {
                Some(&s) => self.follow(s),
                None => self.message = Some(no_speaker(Target::Disagreement(*d)).into()),
            }
            return;
        }
        match self.selected_target(pane) {
            Some(target) => self.follow_speaker_of(target),
            None => self.message = Some(self.empty_pane_says("no speaker to follow", pane)),
        }
    }

    /// What `key` does while the chooser is open: a digit picks the entry
    /// it numbers; other keys as [`App::menu_key`] says.
    pub(super) fn speaker_choice_key(&self, key: &Key) -> Option<Action> {
        let Some(Popup::SpeakerChoice { speakers, .. }) = self.popups.last() else {
            return None;
        };
        let digit = match key.code {
            KeyCode::Char(c @ '1'..='9')
                if !key
                    .mods
                    .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
            {
                Some(usize::from(c as u8 - b'1'))
            }
            _ => None,
        };
        match digit {
            Some(i) if i < speakers.len().min(NUMBERED) => Some(Action::Choose(i)),
            _ => self.menu_key(key, &Action::JumpToSpeaker),
        }
    }

    pub(super) fn update_speaker_choice(&mut self, action: Action) {
        let Some(Popup::SpeakerChoice { speakers, cursor }) = self.popups.last() else {
            return;
        };
        let outer = area(speakers.len(), self.screen());
        let action = match action {
            Action::JumpToSpeaker => Action::Confirm,
            other => other,
        };
        match menu::step(&action, *cursor, speakers.len(), outer, visible(outer)) {
            Step::Move(to) => {
                if let Some(Popup::SpeakerChoice { cursor, .. }) = self.popups.last_mut() {
                    *cursor = to;
                }
            }
            Step::Pick(i) => {
                let s = speakers[i];
                self.popups.clear();
                self.follow(s);
            }
            Step::Close => {
                self.popups.pop();
            }
            Step::Ignore => {}
        }
    }
}
