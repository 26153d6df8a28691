//! Briefings loaded again while the reader is open (a save, a new or
//! deleted file in a watched folder): the changed ones are replaced and the
//! screen stays where it was, by id: the briefing shown, each pane's
//! selection and its place on screen, the topic filter, the followed
//! speaker, the search and `&` filter, and open detail views. A file that
//! no longer loads keeps its last good version on screen, and its problems
//! go to the problems view.

use std::path::PathBuf;

use super::rows::DisagreementRow;
use super::{App, Pane, Popup, Target};
use crate::model::{Briefing, Failure, LoadReport};

/// What a reload found: the files looked at again and what loading them gave.
#[derive(Debug, Clone, Default)]
pub struct Reload {
    /// Files loaded again (new, changed, or named and now missing).
    pub changed: Vec<PathBuf>,
    /// Files of a watched folder that are gone.
    pub removed: Vec<PathBuf>,
    /// The outcome of loading `changed`.
    pub report: LoadReport,
}

/// Reloads compare by the files they name (an action must compare; what
/// was loaded is not looked at).
impl PartialEq for Reload {
    fn eq(&self, other: &Reload) -> bool {
        self.changed == other.changed && self.removed == other.removed
    }
}

impl Eq for Reload {}

/// An item, by id, to find again in a briefing loaded anew.
#[derive(Debug, Clone, PartialEq, Eq)]
enum ItemId {
    Event(String),
    Speaker(String),
    Quote(String),
    Disagreement(String),
}

impl ItemId {
    fn of(b: &Briefing, target: Target) -> Option<ItemId> {
        Some(match target {
            Target::Event(i) => ItemId::Event(b.events.get(i)?.id.clone()),
            Target::Speaker(i) => ItemId::Speaker(b.speakers.get(i)?.id.clone()),
            Target::Quote(i) => ItemId::Quote(b.quotes.get(i)?.id.clone()),
            Target::Disagreement(i) => ItemId::Disagreement(b.disagreements.get(i)?.id.clone()),
        })
    }

    fn find(&self, b: &Briefing) -> Option<Target> {
        let ix = &b.index;
        Some(match self {
            ItemId::Event(id) => Target::Event(*ix.event_by_id.get(id)?),
            ItemId::Speaker(id) => Target::Speaker(*ix.speaker_by_id.get(id)?),
            ItemId::Quote(id) => Target::Quote(*ix.quote_by_id.get(id)?),
            ItemId::Disagreement(id) => {
                Target::Disagreement(b.disagreements.iter().position(|d| &d.id == id)?)
            }
        })
    }
}

/// Where the reader is, by id, taken before the briefings change.
struct Anchor {
    path: PathBuf,
    /// Per pane: the selected item, the position in a disagreement (its
    /// row), and how far below the pane's top row the selection was.
    selected: [(Option<ItemId>, Option<usize>, usize); 4],
    topics: Vec<String>,
    followed: Option<String>,
    /// Per popup, the item it shows, if any.
    popups: Vec<Option<ItemId>>,
    /// The topics ticked in an open topic picker.
    ticked: Vec<String>,
}

impl App {
    fn anchor(&self) -> Anchor {
        let b = self.briefing();
        let selected = Pane::ALL.map(|pane| {
            let list = self.lists[pane.index()];
            let item = self.selected_target(pane).and_then(|t| ItemId::of(b, t));
            let position = match (pane, self.rows.disagreements.get(list.selected)) {
                (Pane::Disagreements, Some(DisagreementRow::Position(_, p))) => Some(*p),
                _ => None,
            };
            (item, position, list.selected.saturating_sub(list.offset))
        });
        let topic_ids = |set: &std::collections::BTreeSet<usize>| {
            (set.iter())
                .filter_map(|&t| b.topics.get(t).map(|t| t.id.clone()))
                .collect()
        };
        Anchor {
            path: b.path.clone(),
            selected,
            topics: topic_ids(&self.topics),
            followed: (self.followed)
                .and_then(|s| b.speakers.get(s))
                .map(|s| s.id.clone()),
            popups: (self.popups.iter())
                .map(|p| popup_target(p).and_then(|t| ItemId::of(b, t)))
                .collect(),
            ticked: match self.popups.iter().find_map(|p| match p {
                Popup::Topics { chosen, .. } => Some(chosen),
                _ => None,
            }) {
                Some(chosen) => topic_ids(chosen),
                None => Vec::new(),
            },
        }
    }

    /// Takes in a reload: replaces the briefings it loaded again, drops the
    /// ones gone, keeps the last good version of one that no longer loads,
    /// and puts the screen back where it was.
    pub(super) fn reload(&mut self, reload: Reload) {
        if self.story.on {
            self.reload_in_story(reload);
        } else {
            self.reload_briefings(reload);
        }
    }

    /// [`App::reload`] on the briefings; the one shown is put back by id.
    pub(super) fn reload_briefings(&mut self, reload: Reload) {
        let anchor = self.anchor();
        let Reload {
            changed,
            removed,
            report,
        } = reload;
        let replaced = report.briefings.iter().any(|b| b.path == anchor.path);
        let touched = |p: &PathBuf| changed.contains(p) || removed.contains(p);
        self.failures.retain(|f| !touched(&f.path));
        self.findings.retain(|f| !touched(&f.path));
        for path in &removed {
            if self.briefings.len() > 1 {
                self.briefings.retain(|b| &b.path != path);
            } else if self.briefings[0].path == *path {
                self.failures
                    .push(Failure::unreadable(path, "this file was deleted"));
            }
        }
        let added: Vec<PathBuf> = (report.briefings.iter())
            .map(|b| b.path.clone())
            .filter(|p| !self.briefings.iter().any(|b| &b.path == p))
            .collect();
        let changed: Vec<PathBuf> = changed.into_iter().filter(|p| !added.contains(p)).collect();
        let mut kept = Vec::new();
        for failure in report.failures {
            if self.briefings.iter().any(|b| b.path == failure.path) {
                kept.push(failure.path.clone());
            }
            self.failures.push(failure);
        }
        for b in report.briefings {
            match self.briefings.iter_mut().find(|old| old.path == b.path) {
                Some(old) => *old = b,
                None => self.briefings.push(b),
            }
        }
        self.findings.extend(report.findings);
        self.briefings
            .sort_by_key(|b| std::cmp::Reverse(b.meta.as_of));
        let same = self.briefings.iter().position(|b| b.path == anchor.path);
        self.current = same.unwrap_or(0);
        match same {
            // The briefing shown is gone: the next one, from its top.
            None => {
                self.popups.clear();
                self.search = None;
                self.filter = None;
                self.topics.clear();
                self.followed = None;
                self.lists = [super::ListState::default(); 4];
                self.briefings_changed();
                // Its own ids seen and new marks.
                self.enter_briefing();
            }
            Some(_) if replaced => self.restore_anchor(&anchor),
            // Another file changed: the one shown is as it was.
            Some(_) => self.briefings_changed(),
        }
        self.jumps = super::jumps::Jumps::default();
        if self.problem_count() == 0 {
            self.popups.retain(|p| !matches!(p, Popup::Problems { .. }));
        }
        self.message = Some(reload_message(
            &added,
            &changed,
            &removed,
            &kept,
            self.problem_count(),
        ));
    }

    /// Recomputes everything derived from the loaded briefings: what each
    /// adds to those before it, and the rows of the panes under the filters.
    /// Called whenever the list of briefings or one of them changes.
    pub fn briefings_changed(&mut self) {
        self.current = self.current.min(self.briefings.len() - 1);
        self.additions = crate::model::story::additions(&self.briefings);
        self.rows = super::Rows::compute(self.briefing(), &self.topics, self.followed);
        self.rows_computed();
        self.apply_text_filter();
        self.refresh_matches();
        self.refresh_new_marks();
        self.refresh_matrix();
    }

    /// Puts the selections, filters and popups of `anchor` back, by id, in
    /// the briefing shown (loaded anew), and recomputes what derives from
    /// the briefings.
    fn restore_anchor(&mut self, anchor: &Anchor) {
        let b = &self.briefings[self.current];
        let topic_set = |ids: &[String]| {
            ids.iter()
                .filter_map(|id| b.index.topic_by_id.get(id).copied())
                .collect()
        };
        self.topics = topic_set(&anchor.topics);
        self.followed =
            (anchor.followed.as_ref()).and_then(|id| b.index.speaker_by_id.get(id).copied());
        let ticked = topic_set(&anchor.ticked);
        let mut popups = Vec::new();
        for (popup, id) in self.popups.drain(..).zip(&anchor.popups) {
            let found = id.as_ref().and_then(|id| id.find(b));
            match popup {
                Popup::Detail { view, .. } => {
                    if let Some(target) = found {
                        popups.push(Popup::Detail { target, view });
                    }
                }
                Popup::CopyMenu { cursor, .. } => {
                    if let Some(target) = found {
                        popups.push(Popup::CopyMenu { target, cursor });
                    }
                }
                Popup::Topics { view, .. } => popups.push(Popup::Topics {
                    view,
                    chosen: ticked.clone(),
                }),
                Popup::Results(mut r) => {
                    let query = crate::model::fold::Query::new(&r.query);
                    r.hits = super::results::search_all(b, &query);
                    r.cursor = r.cursor.min(r.hits.len().saturating_sub(1));
                    popups.push(Popup::Results(r));
                }
                // Built on the text of the version replaced.
                Popup::SpeakerChoice { .. } | Popup::Source(_) => {}
                other => popups.push(other),
            }
        }
        self.popups = popups;
        self.briefings_changed();
        for pane in Pane::ALL {
            let (item, position, below_top) = &anchor.selected[pane.index()];
            let target = item
                .as_ref()
                .and_then(|id| id.find(&self.briefings[self.current]));
            let row = target.and_then(|t| self.row_of(pane, t, *position));
            let list = &mut self.lists[pane.index()];
            let len = self.rows.len(pane);
            list.selected = row.unwrap_or(list.selected).min(len.saturating_sub(1));
            list.offset = list.selected.saturating_sub(*below_top);
        }
    }

    /// The row of `pane` listing `target` (a disagreement: its `position`
    /// row if given and still there, else its heading).
    fn row_of(&self, pane: Pane, target: Target, position: Option<usize>) -> Option<usize> {
        match (pane, target) {
            (Pane::Timeline, Target::Event(e)) => self.rows.timeline.iter().position(|&x| x == e),
            (Pane::Speakers, Target::Speaker(s)) => self.rows.speakers.iter().position(|&x| x == s),
            (Pane::Quotes, Target::Quote(q)) => self.rows.quotes.iter().position(|&x| x == q),
            (Pane::Disagreements, Target::Disagreement(d)) => {
                let rows = &self.rows.disagreements;
                let at = |r: DisagreementRow| rows.iter().position(|&x| x == r);
                position
                    .and_then(|p| at(DisagreementRow::Position(d, p)))
                    .or_else(|| at(DisagreementRow::Heading(d)))
            }
            _ => None,
        }
    }
}

/// The item a popup shows, if it shows one.
fn popup_target(popup: &Popup) -> Option<Target> {
    match popup {
        Popup::Detail { target, .. } | Popup::CopyMenu { target, .. } => Some(*target),
        _ => None,
    }
}

/// The status line after a reload.
fn reload_message(
    added: &[PathBuf],
    changed: &[PathBuf],
    removed: &[PathBuf],
    kept: &[PathBuf],
    problems: usize,
) -> String {
    let name = |p: &PathBuf| {
        crate::text::one_line(&p.file_name().map_or_else(
            || p.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        ))
        .into_owned()
    };
    if let Some(p) = kept.first() {
        let _ = problems;
        return format!("{} has errors: showing its last good version", name(p));
    }
    let names = |paths: &[PathBuf]| {
        let shown: Vec<String> = paths.iter().take(3).map(name).collect();
        match paths.len().saturating_sub(3) {
            0 => shown.join(", "),
            more => format!("{} and {more} more", shown.join(", ")),
        }
    };
    let mut parts = Vec::new();
    if !changed.is_empty() {
        parts.push(format!("reloaded {}", names(changed)));
    }
    if !added.is_empty() {
        parts.push(format!("new: {}", names(added)));
    }
    if !removed.is_empty() {
        parts.push(format!(
            "{} gone",
            crate::text::plural(removed.len(), "file", "files")
        ));
    }
    if problems > 0 {
        parts.push(format!(
            "{} (! lists them)",
            crate::text::plural(problems, "problem", "problems")
        ));
    }
    parts.join("; ")
}
