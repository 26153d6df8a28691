//! Popups over the panes: detail views (a stack), help, topic picker,
//! overview and the briefing list. Each is a document in a [`View`]: the
//! same keys scroll, search and follow links in all of them.

use std::collections::BTreeSet;

use super::document::Document;
use super::popup_view::{PopupRects, View, popup_rects, text_width};
use super::{Action, App, Pane, detail_doc, list_docs, popup_text};

pub use super::links::{Follow, Links, link_count, links};

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
    /// A detail view; the view's link is the selected entry of [`links`].
    Detail {
        target: Target,
        view: View,
    },
    Help {
        view: View,
    },
    /// The topic picker: the view's link is the cursor; the topics ticked so far.
    Topics {
        view: View,
        chosen: BTreeSet<usize>,
    },
    Overview {
        view: View,
    },
    /// The list of loaded briefings, then the files that failed; the view's
    /// link is the cursor.
    Briefings {
        view: View,
    },
    /// The copy menu for an item; `cursor` is the highlighted choice.
    CopyMenu {
        target: Target,
        cursor: usize,
    },
    /// Which of the speakers of `target` to follow.
    SpeakerChoice {
        target: Target,
        speakers: Vec<usize>,
        cursor: usize,
    },
    /// The results of a search across the whole briefing.
    Results(super::Results),
    /// A quote in its archived source.
    Source(super::source_view::SourceView),
    /// Every problem of every file; the view's link is the selected one.
    Problems {
        view: View,
    },
    /// The stance matrix.
    Matrix(super::matrix::MatrixView),
}

impl Popup {
    /// A popup showing `target`, at its top.
    pub fn detail(target: Target) -> Popup {
        Popup::Detail {
            target,
            view: View::default(),
        }
    }

    /// The popup's scroll position, selection and search, when it is a document.
    pub fn view(&self) -> Option<&View> {
        match self {
            Popup::Detail { view, .. }
            | Popup::Help { view }
            | Popup::Topics { view, .. }
            | Popup::Overview { view }
            | Popup::Briefings { view }
            | Popup::Problems { view } => Some(view),
            Popup::CopyMenu { .. }
            | Popup::SpeakerChoice { .. }
            | Popup::Results(_)
            | Popup::Source(_)
            | Popup::Matrix(_) => None,
        }
    }

    fn view_mut(&mut self) -> Option<&mut View> {
        match self {
            Popup::Detail { view, .. }
            | Popup::Help { view }
            | Popup::Topics { view, .. }
            | Popup::Overview { view }
            | Popup::Briefings { view }
            | Popup::Problems { view } => Some(view),
            Popup::CopyMenu { .. }
            | Popup::SpeakerChoice { .. }
            | Popup::Results(_)
            | Popup::Source(_)
            | Popup::Matrix(_) => None,
        }
    }

    /// The first line shown, for popups that scroll.
    pub fn scroll(&self) -> usize {
        self.view().map_or(0, |v| v.scroll)
    }

    /// Is the popup's search line being typed in?
    pub fn is_typing(&self) -> bool {
        if let Popup::Source(v) = self {
            return v.find.as_ref().is_some_and(|f| f.editing);
        }
        if let Popup::Matrix(v) = self {
            return v.find.as_ref().is_some_and(|f| f.editing);
        }
        self.view()
            .and_then(|v| v.find.as_ref())
            .is_some_and(|f| f.editing)
    }
}

/// What a key did to a document's view, for the popup to act on.
#[derive(Debug, Clone, Copy)]
enum Step {
    Done,
    /// Enter, and whether the selected link is on screen.
    Confirm(bool),
    /// A click on a link.
    Clicked(usize),
    Pass,
}

impl App {
    /// The document `popup` shows, laid out for the current screen.
    pub fn popup_document<'a>(&'a self, popup: &Popup) -> Option<Document<'a>> {
        let screen = self.screen();
        Some(match popup {
            Popup::Detail { target, .. } => detail_doc::detail_document(
                self.briefing(),
                *target,
                text_width(screen, detail_doc::DETAIL_WIDTH),
            ),
            Popup::Help { .. } => {
                popup_text::help_document(self, text_width(screen, popup_text::HELP_WIDTH))
            }
            Popup::Overview { .. } => {
                popup_text::overview_document(self, text_width(screen, popup_text::OVERVIEW_WIDTH))
            }
            Popup::Briefings { .. } => {
                list_docs::briefings_document(self, text_width(screen, list_docs::BRIEFINGS_WIDTH))
            }
            Popup::Problems { .. } => super::problems::problems_document(
                self,
                text_width(screen, super::problems::PROBLEMS_WIDTH),
            ),
            Popup::Topics { view, chosen } => list_docs::topics_document(
                self,
                view.link,
                chosen,
                text_width(screen, list_docs::TOPICS_WIDTH),
            ),
            Popup::CopyMenu { .. }
            | Popup::SpeakerChoice { .. }
            | Popup::Results(_)
            | Popup::Source(_)
            | Popup::Matrix(_) => {
                return None;
            }
        })
    }

    /// Where `popup`, showing `doc`, is on screen.
    pub fn popup_rects(&self, popup: &Popup, doc: &Document) -> PopupRects {
        let finding = popup.view().is_some_and(|v| v.find.is_some());
        popup_rects(self.screen(), doc.max_width, doc.len(), finding)
    }

    /// A key while a popup is open: it goes to the topmost popup.
    pub(super) fn update_popup(&mut self, action: Action) {
        match self.popups.last() {
            Some(Popup::CopyMenu { .. }) => return self.update_copy_menu(action),
            Some(Popup::SpeakerChoice { .. }) => return self.update_speaker_choice(action),
            Some(Popup::Source(_)) => return self.update_source_view(action),
            Some(Popup::Matrix(_)) => return self.update_matrix(action),
            _ => {}
        }
        let Some(mut popup) = self.popups.last().cloned() else {
            return;
        };
        if let Popup::Results(_) = popup {
            return self.update_results(action);
        }
        let Some(doc) = self.popup_document(&popup) else {
            return;
        };
        let rects = self.popup_rects(&popup, &doc);
        let height = usize::from(rects.body.height);
        let Some(view) = popup.view_mut() else {
            return;
        };
        let mut message = None;
        let step = if view.find.as_ref().is_some_and(|f| f.editing) {
            view.find_key(&doc, height, &action);
            Step::Done
        } else {
            let closes_find = action == Action::Back && view.find.is_some();
            match action {
                Action::Down => view.down(&doc, height),
                Action::Up => view.up(&doc, height),
                Action::Top => view.top(),
                Action::Bottom => view.bottom(&doc, height),
                Action::HalfPageDown => view.scroll_by(&doc, height, (height / 2).max(1) as isize),
                Action::HalfPageUp => view.scroll_by(&doc, height, -((height / 2).max(1) as isize)),
                Action::PageDown => view.scroll_by(&doc, height, height.max(1) as isize),
                Action::PageUp => view.scroll_by(&doc, height, -(height.max(1) as isize)),
                Action::Scroll(x, y, delta) if rects.outer.contains((x, y).into()) => {
                    view.scroll_by(&doc, height, 3 * isize::from(delta))
                }
                Action::Search => view.start_find(),
                Action::NextMatch => message = view.find_step(&doc, height, 1),
                Action::PrevMatch => message = view.find_step(&doc, height, -1),
                Action::Back if view.find.is_some() => view.find = None,
                _ => {}
            }
            match action {
                Action::Down
                | Action::Up
                | Action::Top
                | Action::Bottom
                | Action::HalfPageDown
                | Action::HalfPageUp
                | Action::PageDown
                | Action::PageUp
                | Action::Scroll(..)
                | Action::Search
                | Action::NextMatch
                | Action::PrevMatch => Step::Done,
                Action::Back if closes_find => Step::Done,
                Action::Confirm => Step::Confirm(view.link_visible(&doc, height)),
                Action::Click(x, y) => {
                    let line = (y >= rects.body.y && y < rects.body.bottom())
                        .then(|| view.scroll + usize::from(y - rects.body.y))
                        .filter(|_| x >= rects.outer.x && x < rects.outer.right());
                    match line.and_then(|l| doc.link_at(l)) {
                        Some(l) => {
                            view.link = l;
                            Step::Clicked(l)
                        }
                        None => Step::Done,
                    }
                }
                _ => Step::Pass,
            }
        };
        drop(doc);
        if let Some(top) = self.popups.last_mut() {
            *top = popup.clone();
        }
        if message.is_some() {
            self.message = message;
        }
        self.popup_step(popup, step, action);
    }

    /// What a key does beyond moving the view, per popup.
    fn popup_step(&mut self, popup: Popup, step: Step, action: Action) {
        if let Step::Done = step {
            return;
        }
        let b = super::story::shown(&self.story, &self.briefings, self.current);
        match popup {
            Popup::Detail { target, view } => match (step, action) {
                (Step::Confirm(true), _) | (Step::Clicked(_), _) => {
                    match super::links::follow(b, target, view.link) {
                        Some(Follow::Item(next)) => {
                            let from = self.place();
                            self.popups.push(Popup::detail(next));
                            self.record_jump_from(from);
                        }
                        Some(Follow::Source(q)) => self.open_source_view(q),
                        None => {}
                    }
                }
                (Step::Confirm(false), _) => {
                    self.message = Some(if super::links::link_count(b, target) == 0 {
                        "nothing to follow here: Esc or q goes back".into()
                    } else {
                        "no link on screen: j moves to the next one".into()
                    });
                }
                (_, Action::Back) => {
                    self.popups.pop();
                }
                (_, Action::JumpToSpeaker) => self.follow_speaker_of(target),
                (_, Action::Copy) => self.open_copy_menu(target),
                (_, Action::OpenSource) => self.open_source(),
                _ => {}
            },
            Popup::Help { .. } | Popup::Overview { .. } => match action {
                Action::Back | Action::Confirm => {
                    self.popups.pop();
                }
                Action::OpenSource => self.open_source(),
                _ => {}
            },
            Popup::Topics { view, mut chosen } => {
                let count = b.topics.len();
                match (step, action) {
                    (Step::Clicked(l), _) => {
                        toggle(&mut chosen, l);
                        self.set_chosen(chosen);
                    }
                    (_, Action::Toggle) if view.link < count => {
                        toggle(&mut chosen, view.link);
                        self.set_chosen(chosen);
                    }
                    // Nothing ticked: the topic under the cursor, unless the
                    // ticks of the filter in force were all taken off.
                    (_, Action::Confirm) => {
                        if chosen.is_empty() && self.topics.is_empty() && view.link < count {
                            chosen.insert(view.link);
                        }
                        self.apply_topics(chosen);
                    }
                    (_, Action::ClearTopics) => self.set_chosen(BTreeSet::new()),
                    (_, Action::Back) => {
                        self.popups.pop();
                    }
                    _ => {}
                }
            }
            // The menus take their keys before the document views do.
            Popup::CopyMenu { .. } | Popup::SpeakerChoice { .. } => {}
            Popup::Briefings { view } => {
                let chosen = match step {
                    Step::Clicked(l) => Some(l),
                    Step::Confirm(true) => Some(view.link),
                    _ => None,
                };
                match (chosen, action) {
                    (Some(i), _) if i < self.briefings.len() => {
                        self.popups.clear();
                        self.switch_to(i);
                    }
                    (None, Action::Back) => {
                        self.popups.pop();
                    }
                    _ => {}
                }
            }
            Popup::Problems { view } => match (step, action) {
                (Step::Confirm(true), _) => self.edit_problem(view.link),
                (Step::Clicked(l), _) => self.edit_problem(l),
                (_, Action::Back) => {
                    self.popups.pop();
                }
                _ => {}
            },
            Popup::Results(_) | Popup::Source(_) | Popup::Matrix(_) => {}
        }
    }

    fn set_chosen(&mut self, new: BTreeSet<usize>) {
        if let Some(Popup::Topics { chosen, .. }) = self.popups.last_mut() {
            *chosen = new;
        }
    }

    /// `t` in the topic picker: applies the ticks as they stand.
    pub(super) fn apply_ticked_topics(&mut self) {
        if let Some(Popup::Topics { chosen, .. }) = self.popups.last() {
            let chosen = chosen.clone();
            self.apply_topics(chosen);
        }
    }

    /// Closes the picker and filters by `chosen`; says so when a pane is
    /// left empty.
    fn apply_topics(&mut self, chosen: BTreeSet<usize>) {
        self.popups.pop();
        self.topics = chosen;
        self.refresh_rows();
        if self.topics.is_empty() {
            return;
        }
        let empty: Vec<String> = Pane::ALL
            .into_iter()
            .filter(|&p| self.rows.len(p) == 0)
            .map(|p| p.title().to_lowercase())
            .collect();
        if !empty.is_empty() {
            self.message = Some(format!(
                "no {} under this topic filter (T clears it)",
                empty.join(", no ")
            ));
        }
    }

    /// Keeps each popup's view inside its document, after every update.
    pub(super) fn clamp_popup_scrolls(&mut self) {
        for i in 0..self.popups.len() {
            let popup = &self.popups[i];
            let Some(doc) = self.popup_document(popup) else {
                continue;
            };
            let height = usize::from(self.popup_rects(popup, &doc).body.height);
            let mut view = popup.view().cloned().unwrap_or_default();
            view.clamp(&doc, height);
            drop(doc);
            if let Some(v) = self.popups[i].view_mut() {
                *v = view;
            }
        }
    }

    /// A new screen size: each popup keeps its selected link in view if it
    /// was, and otherwise the same part of its text at the top (lines move
    /// as the text rewraps: the position is kept as a share of the length).
    pub(super) fn resize(&mut self, width: u16, height: u16) {
        let before: Vec<Option<(bool, usize)>> =
            self.popups.iter().map(|p| self.view_place(p)).collect();
        let sources = self.source_view_places();
        self.size = (width, height);
        self.keep_source_view_places(sources);
        for (i, place) in before.into_iter().enumerate() {
            let Some((shown, old_len)) = place else {
                continue;
            };
            let popup = &self.popups[i];
            let Some(doc) = self.popup_document(popup) else {
                continue;
            };
            let h = usize::from(self.popup_rects(popup, &doc).body.height);
            let mut view = popup.view().cloned().unwrap_or_default();
            if let Some(scroll) = (view.scroll * doc.len()).checked_div(old_len) {
                view.scroll = scroll;
            }
            view.clamp(&doc, h);
            if shown {
                view.reveal(doc.link_lines(view.link), h);
            }
            drop(doc);
            if let Some(v) = self.popups[i].view_mut() {
                *v = view;
            }
        }
    }

    /// Is `popup`'s selected link in view, and how long is its document?
    fn view_place(&self, popup: &Popup) -> Option<(bool, usize)> {
        let doc = self.popup_document(popup)?;
        let h = usize::from(self.popup_rects(popup, &doc).body.height);
        let view = popup.view()?;
        Some((view.link_visible(&doc, h), doc.len()))
    }
}

fn toggle(chosen: &mut BTreeSet<usize>, i: usize) {
    if !chosen.remove(&i) {
        chosen.insert(i);
    }
}
