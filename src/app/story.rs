//! The story view (`S`, `--library`): every loaded briefing merged into one
//! (`model::library::merge`), shown in the same panes. Switching keeps the
//! selection of each pane, the topic filter, the followed speaker and the
//! open detail views by id, where the other view has them.

use std::collections::BTreeSet;

use super::{App, Pane, Popup, Target};
use crate::model::Briefing;

/// Whether the story view is on, and the merged briefing it shows (merged
/// on first use, kept until the briefings change).
#[derive(Debug, Clone, Default)]
pub struct Story {
    pub(crate) on: bool,
    merged: Option<Box<Briefing>>,
}

/// The briefing shown: the merged one in the story view, else briefing
/// `current`. A function of the fields, so that callers may borrow other
/// fields of the app mutably beside it.
pub(super) fn shown<'a>(
    story: &'a Story,
    briefings: &'a [Briefing],
    current: usize,
) -> &'a Briefing {
    match (&story.merged, story.on) {
        (Some(merged), true) => merged,
        _ => &briefings[current],
    }
}

/// An item by kind and id, to find it again in another briefing.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Key {
    Event(String),
    Speaker(String),
    Quote(String),
    Disagreement(String),
}

fn key_of(b: &Briefing, target: Target) -> Key {
    match target {
        Target::Event(i) => Key::Event(b.events[i].id.clone()),
        Target::Speaker(i) => Key::Speaker(b.speakers[i].id.clone()),
        Target::Quote(i) => Key::Quote(b.quotes[i].id.clone()),
        Target::Disagreement(i) => Key::Disagreement(b.disagreements[i].id.clone()),
    }
}

fn target_of(b: &Briefing, key: &Key) -> Option<Target> {
    let ix = &b.index;
    match key {
        Key::Event(id) => ix.event_by_id.get(id).map(|&i| Target::Event(i)),
        Key::Speaker(id) => ix.speaker_by_id.get(id).map(|&i| Target::Speaker(i)),
        Key::Quote(id) => ix.quote_by_id.get(id).map(|&i| Target::Quote(i)),
        Key::Disagreement(id) => (b.disagreements.iter())
            .position(|d| &d.id == id)
            .map(Target::Disagreement),
    }
}

/// What a view shows, by id.
struct ByIds {
    selected: Vec<(Pane, Key)>,
    topics: Vec<String>,
    followed: Option<String>,
    details: Vec<Key>,
}

impl App {
    /// Is the story view on?
    pub fn in_story(&self) -> bool {
        self.story.on
    }

    /// Starts in the story view (`--library`), each pane at its top; with
    /// one briefing, says why not.
    pub fn start_in_story(&mut self) {
        if self.briefings.len() < 2 {
            self.toggle_story();
            return;
        }
        self.leave_briefing();
        self.merge_story();
        self.story.on = true;
        self.lists = Default::default();
        self.popups.clear();
        self.refresh_rows();
        // Where the reader was in this story last time, if remembered.
        self.enter_briefing();
        self.message = Some(format!(
            "story of {} briefings: S goes back to one briefing",
            self.briefings.len()
        ));
    }

    fn merge_story(&mut self) {
        if self.story.merged.is_none() {
            self.story.merged = Some(Box::new(crate::model::library::merge(&self.briefings)));
        }
    }

    /// `S`: the story view on or off.
    pub(super) fn toggle_story(&mut self) {
        if self.briefings.len() < 2 {
            self.message = Some(
                "only one briefing is loaded: the story view needs several (open a folder or several files)"
                    .into(),
            );
            return;
        }
        let on = !self.story.on;
        self.set_story(on);
        self.message = Some(if on {
            format!(
                "story of {} briefings: S goes back to one briefing",
                self.briefings.len()
            )
        } else {
            format!(
                "briefing {} of {}: S shows the story of all",
                self.current + 1,
                self.briefings.len()
            )
        });
    }

    /// Turns the story view on or off, keeping what is shown by id.
    pub(super) fn set_story(&mut self, on: bool) {
        if on && self.briefings.len() < 2 {
            return;
        }
        let ids = self.by_ids();
        // The view left is remembered (its ids seen too); the one shown
        // gets its own ids seen and new marks, and what was shown by id.
        self.leave_briefing();
        if on {
            self.merge_story();
        }
        self.story.on = on;
        self.refresh_rows();
        self.enter_briefing();
        self.restore_ids(ids);
    }

    /// The seam for reloading: call after `briefings` changed, so that the
    /// story view merges them again (at once when it is on), keeping what
    /// it shows by id.
    pub fn rebuild_story(&mut self) {
        if !self.story.on {
            self.story.merged = None;
            return;
        }
        let ids = self.by_ids();
        self.story.merged = None;
        self.story.on = false;
        if self.briefings.len() >= 2 {
            self.story.merged = Some(Box::new(crate::model::library::merge(&self.briefings)));
            self.story.on = true;
        }
        self.restore_ids(ids);
    }

    /// A reload while the story view is on: the briefings are loaded
    /// again, merged again, and the view put back by id.
    pub(super) fn reload_in_story(&mut self, reload: super::reload::Reload) {
        let ids = self.by_ids();
        let problems_open = (self.popups.iter()).any(|p| matches!(p, Popup::Problems { .. }));
        // The briefings' own view, clean, for the reload to anchor on.
        self.story.on = false;
        self.story.merged = None;
        self.lists = Default::default();
        self.popups.clear();
        self.refresh_rows();
        self.reload_briefings(reload);
        let message = self.message.take();
        if self.briefings.len() >= 2 {
            self.merge_story();
            self.story.on = true;
        }
        self.briefings_changed();
        self.restore_ids(ids);
        if problems_open && self.problem_count() > 0 {
            self.popups.push(Popup::Problems {
                view: Default::default(),
            });
        }
        self.message = message;
    }

    fn by_ids(&self) -> ByIds {
        let b = self.briefing();
        ByIds {
            selected: (Pane::ALL.iter())
                .filter_map(|&p| Some((p, key_of(b, self.selected_target(p)?))))
                .collect(),
            topics: self
                .topics
                .iter()
                .map(|&t| b.topics[t].id.clone())
                .collect(),
            followed: self.followed.map(|s| b.speakers[s].id.clone()),
            details: (self.popups.iter())
                .filter_map(|p| match p {
                    Popup::Detail { target, .. } => Some(key_of(b, *target)),
                    _ => None,
                })
                .collect(),
        }
    }

    fn restore_ids(&mut self, ids: ByIds) {
        let b = self.briefing();
        let topics: BTreeSet<usize> = (ids.topics.iter())
            .filter_map(|id| b.index.topic_by_id.get(id).copied())
            .collect();
        let followed =
            (ids.followed.as_ref()).and_then(|id| b.index.speaker_by_id.get(id).copied());
        let details: Vec<Target> = ids.details.iter().filter_map(|k| target_of(b, k)).collect();
        let selected: Vec<(Pane, Target)> = (ids.selected.iter())
            .filter_map(|(p, k)| Some((*p, target_of(b, k)?)))
            .collect();
        self.topics = topics;
        self.followed = followed;
        self.lists = Default::default();
        self.refresh_rows();
        for (pane, target) in selected {
            let row = match (pane, target) {
                (Pane::Timeline, Target::Event(e)) => {
                    self.rows.timeline.iter().position(|&x| x == e)
                }
                (Pane::Speakers, Target::Speaker(s)) => {
                    self.rows.speakers.iter().position(|&x| x == s)
                }
                (Pane::Quotes, Target::Quote(q)) => self.rows.quotes.iter().position(|&x| x == q),
                (Pane::Disagreements, Target::Disagreement(d)) => self
                    .rows
                    .disagreements
                    .iter()
                    .position(|r| r.disagreement() == d),
                _ => None,
            };
            if let Some(row) = row {
                self.select(pane, row);
            }
        }
        self.popups = details.into_iter().map(Popup::detail).collect();
    }
}
