//! The reader's state (`App`) and `App::update`, the one place it changes.
//! Plain data: no terminal, testable with key sequences.

mod action;
pub mod layout;
pub mod popup;
pub mod row_text;
pub mod rows;
mod scroll;
pub mod search;

use std::collections::BTreeSet;

pub use action::{Action, BINDABLE, Pane};
pub use layout::ScreenLayout;
pub use popup::{Popup, Target};
pub use rows::{DisagreementRow, Rows};
pub use search::Search;

use crate::model::{Briefing, Failure};

/// Something the app asks the outside world to do (the terminal loop does it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Put this text on the clipboard (OSC 52).
    Copy(String),
    /// Open this URL in a browser.
    Open(String),
    /// Give the terminal back to the shell until resumed.
    Suspend,
}

/// A pane's selection and scroll position.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ListState {
    pub selected: usize,
    /// First row shown.
    pub offset: usize,
}

/// What the reader starts with.
#[derive(Debug, Clone, Default)]
pub struct StartOptions {
    /// Topic ids to filter by.
    pub topics: Vec<String>,
    /// Speaker id to follow.
    pub speaker: Option<String>,
}

/// The reader's whole state.
#[derive(Debug, Clone)]
pub struct App {
    /// Loaded briefings, newest first.
    pub briefings: Vec<Briefing>,
    /// Files that failed to load.
    pub failures: Vec<Failure>,
    /// Index of the briefing shown.
    pub current: usize,
    pub focus: Pane,
    pub lists: [ListState; 4],
    /// Topic filter (topic indices); empty means no filter.
    pub topics: BTreeSet<usize>,
    /// The followed speaker.
    pub followed: Option<usize>,
    pub search: Option<Search>,
    pub popups: Vec<Popup>,
    /// Rows of each pane under the filter (recomputed when it changes).
    pub rows: Rows,
    /// Terminal size in columns and rows.
    pub size: (u16, u16),
    /// A one-line message for the status line.
    pub message: Option<String>,
    pub quit: bool,
    /// Work for the terminal loop, drained after each update.
    pub effects: Vec<Effect>,
}

impl App {
    /// A reader over `briefings` (at least one), newest first.
    pub fn new(mut briefings: Vec<Briefing>, failures: Vec<Failure>) -> App {
        assert!(!briefings.is_empty(), "the reader needs a briefing");
        briefings.sort_by_key(|b| std::cmp::Reverse(b.meta.as_of));
        let rows = Rows::compute(&briefings[0], &BTreeSet::new(), None);
        let mut app = App {
            briefings,
            failures,
            current: 0,
            focus: Pane::Timeline,
            lists: [ListState::default(); 4],
            topics: BTreeSet::new(),
            followed: None,
            search: None,
            popups: Vec::new(),
            rows,
            size: (80, 24),
            message: None,
            quit: false,
            effects: Vec::new(),
        };
        if !app.failures.is_empty() {
            app.message = Some(format!(
                "{} file(s) failed to load: press b for details",
                app.failures.len()
            ));
        }
        app
    }

    /// Applies start options; an unknown id is an error naming the closest one.
    pub fn start_with(&mut self, options: &StartOptions) -> Result<(), String> {
        let b = self.briefing();
        let mut topics = BTreeSet::new();
        for id in &options.topics {
            let t = b
                .index
                .topic_by_id
                .get(id)
                .ok_or_else(|| unknown("topic", id, b.topics.iter().map(|t| t.id.as_str())))?;
            topics.insert(*t);
        }
        let speaker =
            match &options.speaker {
                Some(id) => Some(*b.index.speaker_by_id.get(id).ok_or_else(|| {
                    unknown("speaker", id, b.speakers.iter().map(|s| s.id.as_str()))
                })?),
                None => None,
            };
        self.topics = topics;
        self.refresh_rows();
        if let Some(s) = speaker {
            self.follow(s);
        }
        Ok(())
    }

    pub fn briefing(&self) -> &Briefing {
        &self.briefings[self.current]
    }

    pub fn layout(&self) -> ScreenLayout {
        ScreenLayout::new(self.size.0, self.size.1, self.focus)
    }

    /// Is the search line taking typed characters?
    pub fn is_typing(&self) -> bool {
        self.popups.is_empty() && self.search.as_ref().is_some_and(|s| s.editing)
    }

    /// The lowercase query highlighted in `pane`, if any.
    pub fn highlight(&self, pane: Pane) -> Option<String> {
        self.search
            .as_ref()
            .filter(|s| s.pane == pane && !s.query.is_empty())
            .map(|s| s.query.to_lowercase())
    }

    /// The selected quote, when the Quotes pane has focus (other panes mark
    /// what it links to).
    pub fn focused_quote(&self) -> Option<usize> {
        match self.selected_target(Pane::Quotes) {
            Some(Target::Quote(q)) if self.focus == Pane::Quotes => Some(q),
            _ => None,
        }
    }

    /// The item selected in `pane`, as a detail target.
    pub fn selected_target(&self, pane: Pane) -> Option<Target> {
        let i = self.lists[pane.index()].selected;
        match pane {
            Pane::Timeline => self.rows.timeline.get(i).map(|&e| Target::Event(e)),
            Pane::Speakers => self.rows.speakers.get(i).map(|&s| Target::Speaker(s)),
            Pane::Quotes => self.rows.quotes.get(i).map(|&q| Target::Quote(q)),
            Pane::Disagreements => self
                .rows
                .disagreements
                .get(i)
                .map(|r| Target::Disagreement(r.disagreement())),
        }
    }

    /// The one place state changes.
    pub fn update(&mut self, action: Action) {
        if !matches!(action, Action::Resize(..)) {
            self.message = None;
        }
        match action {
            Action::Quit => self.quit = true,
            Action::Suspend => self.effects.push(Effect::Suspend),
            Action::Resize(w, h) => self.size = (w, h),
            Action::Help => self.toggle_popup(Popup::Help { scroll: 0 }),
            Action::Overview => self.toggle_popup(Popup::Overview { scroll: 0 }),
            Action::BriefingList => self.toggle_popup(Popup::Briefings {
                cursor: self.current,
            }),
            Action::TopicPicker => {
                let chosen = self.topics.clone();
                self.toggle_popup(Popup::Topics { cursor: 0, chosen });
            }
            action if !self.popups.is_empty() => self.update_popup(action),
            action if self.is_typing() => self.update_search_line(action),
            action => self.update_panes(action),
        }
        self.keep_selection_visible();
    }

    fn toggle_popup(&mut self, popup: Popup) {
        let same = |p: &Popup| std::mem::discriminant(p) == std::mem::discriminant(&popup);
        if self.popups.last().is_some_and(same) {
            self.popups.pop();
        } else {
            self.popups.retain(|p| !same(p));
            self.popups.push(popup);
        }
    }

    fn update_panes(&mut self, action: Action) {
        let pane = self.focus;
        match action {
            Action::NextPane => self.focus = Pane::ALL[(pane.index() + 1) % 4],
            Action::PrevPane => self.focus = Pane::ALL[(pane.index() + 3) % 4],
            Action::Focus(p) => self.focus = p,
            Action::Down => self.move_by(pane, 1),
            Action::Up => self.move_by(pane, -1),
            Action::Top => self.select(pane, 0),
            Action::Bottom => self.select(pane, usize::MAX),
            Action::HalfPageDown => self.move_by(pane, (self.page(pane) / 2).max(1) as isize),
            Action::HalfPageUp => self.move_by(pane, -((self.page(pane) / 2).max(1) as isize)),
            Action::PageDown => self.move_by(pane, self.page(pane).max(1) as isize),
            Action::PageUp => self.move_by(pane, -(self.page(pane).max(1) as isize)),
            Action::NextSpeaker => self.step_speaker(1),
            Action::PrevSpeaker => self.step_speaker(-1),
            Action::JumpToSpeaker => self.jump_to_speaker(),
            Action::ClearTopics => {
                self.topics.clear();
                self.refresh_rows();
            }
            Action::Search => {
                let origin = self.lists[pane.index()].selected;
                self.search = Some(Search {
                    pane,
                    query: String::new(),
                    editing: true,
                    origin,
                });
            }
            Action::NextMatch => self.find_match(true, 1),
            Action::PrevMatch => self.find_match(true, -1),
            Action::Confirm => {
                if let Some(target) = self.selected_target(pane) {
                    self.popups.push(Popup::Detail { target, link: 0 });
                }
            }
            // Esc clears the search first, then releases the followed speaker.
            Action::Back if self.search.take().is_none() && self.followed.take().is_some() => {
                self.refresh_rows();
            }
            Action::Copy => self.copy_selected(),
            Action::OpenSource => self.open_source(),
            Action::Click(x, y) => self.click(x, y),
            Action::Scroll(x, y, delta) => {
                if let Some(p) = self.layout().pane_at(x, y) {
                    self.move_by(p, isize::from(delta));
                }
            }
            _ => {}
        }
    }

    fn update_search_line(&mut self, action: Action) {
        let Some(search) = self.search.as_mut() else {
            return;
        };
        match action {
            Action::Input(c) => {
                search.query.push(c);
                self.find_match(false, 1);
            }
            Action::DeleteChar => {
                search.query.pop();
                self.find_match(false, 1);
            }
            Action::Confirm => search.editing = false,
            Action::Back => {
                let origin = search.origin;
                let pane = search.pane;
                self.search = None;
                self.select(pane, origin);
            }
            Action::Quit => self.quit = true,
            _ => {}
        }
    }

    /// Shows briefing `i` with a fresh view.
    fn switch_to(&mut self, i: usize) {
        self.current = i;
        self.lists = [ListState::default(); 4];
        self.topics.clear();
        self.followed = None;
        self.search = None;
        self.refresh_rows();
    }

    /// Recomputes the rows after the filter or followed speaker changed, keeping
    /// each pane on the same item where it is still listed.
    fn refresh_rows(&mut self) {
        let before: Vec<Option<Target>> =
            Pane::ALL.iter().map(|&p| self.selected_target(p)).collect();
        let before_rows: Vec<Option<DisagreementRow>> = vec![
            self.rows
                .disagreements
                .get(self.lists[Pane::Disagreements.index()].selected)
                .copied(),
        ];
        self.rows = Rows::compute(self.briefing(), &self.topics, self.followed);
        for pane in Pane::ALL {
            let i = pane.index();
            let found = match (pane, before[i]) {
                (Pane::Timeline, Some(Target::Event(e))) => {
                    self.rows.timeline.iter().position(|&x| x == e)
                }
                (Pane::Speakers, Some(Target::Speaker(s))) => {
                    self.rows.speakers.iter().position(|&x| x == s)
                }
                (Pane::Quotes, Some(Target::Quote(q))) => {
                    self.rows.quotes.iter().position(|&x| x == q)
                }
                (Pane::Disagreements, _) => before_rows[0]
                    .and_then(|r| self.rows.disagreements.iter().position(|&x| x == r)),
                _ => None,
            };
            self.lists[i].selected = found.unwrap_or(0);
            self.lists[i].offset = self.lists[i].offset.min(self.lists[i].selected);
        }
        if let Some(s) = self.followed
            && let Some(row) = self.rows.speakers.iter().position(|&x| x == s)
        {
            self.lists[Pane::Speakers.index()].selected = row;
        }
    }

    /// Follows speaker `s`: every pane follows.
    fn follow(&mut self, s: usize) {
        self.followed = Some(s);
        self.refresh_rows();
        let name = &self.briefing().speakers[s].name;
        self.message = Some(format!(
            "following {}: Esc releases",
            crate::text::one_line(name)
        ));
    }

    fn step_speaker(&mut self, step: isize) {
        let list = &self.rows.speakers;
        if list.is_empty() {
            return;
        }
        let n = list.len() as isize;
        let next = match self
            .followed
            .and_then(|s| list.iter().position(|&x| x == s))
        {
            Some(at) => (at as isize + step).rem_euclid(n),
            None if step > 0 => 0,
            None => n - 1,
        };
        self.follow(list[next as usize]);
    }

    fn jump_to_speaker(&mut self) {
        let b = self.briefing();
        let i = self.lists[self.focus.index()].selected;
        let speaker = match self.focus {
            Pane::Quotes => self
                .rows
                .quotes
                .get(i)
                .map(|&q| b.index.speaker_of_quote[q]),
            Pane::Speakers => self.rows.speakers.get(i).copied(),
            Pane::Timeline => (self.rows.timeline.get(i))
                .and_then(|&e| b.events[e].speakers.first())
                .and_then(|id| b.index.speaker_by_id.get(id).copied()),
            Pane::Disagreements => {
                let position = match self.rows.disagreements.get(i) {
                    Some(DisagreementRow::Position(d, p)) => b.disagreements[*d].positions.get(*p),
                    Some(DisagreementRow::Heading(d)) => b.disagreements[*d].positions.first(),
                    None => None,
                };
                position.and_then(|p| b.index.speaker_by_id.get(&p.speaker).copied())
            }
        };
        match speaker {
            Some(s) => self.follow(s),
            None => self.message = Some("no speaker for this item".into()),
        }
    }

    /// Moves to the next (`step` 1) or previous (-1) match. `skip_current`
    /// starts after the selection (n/N); typing re-tests from the origin.
    fn find_match(&mut self, skip_current: bool, step: isize) {
        let Some(search) = &self.search else {
            self.message = Some("no search: press / to search".into());
            return;
        };
        let pane = search.pane;
        let needle = search.query.to_lowercase();
        let len = self.rows.len(pane);
        if len == 0 || needle.is_empty() {
            return;
        }
        let start = if skip_current {
            self.lists[pane.index()].selected
        } else {
            search.origin
        };
        let b = &self.briefings[self.current];
        // The Quotes pane can be long: one scan of the quote corpus marks
        // every matching quote, then rows are tested by lookup.
        let hits = (pane == Pane::Quotes && !needle.contains('\n'))
            .then(|| b.quote_corpus().matching(&needle));
        let matches = |row: usize| match &hits {
            Some(hits) => hits[self.rows.quotes[row]],
            None => search::row_matches(b, &self.rows, pane, row, &needle),
        };
        let first = if skip_current { 1 } else { 0 };
        let found = (first..=len)
            .map(|k| (start as isize + step * k as isize).rem_euclid(len as isize) as usize)
            .find(|&row| matches(row));
        match found {
            Some(row) => {
                self.focus = pane;
                self.select(pane, row);
            }
            None => {
                self.message = Some(format!(
                    "no match for “{}”",
                    crate::text::one_line(&search.query)
                ))
            }
        }
    }

    fn copy_selected(&mut self) {
        match self.selected_target(self.focus) {
            Some(Target::Quote(q)) => self.copy_quote(q),
            _ => self.message = Some("select a quote to copy (Quotes pane)".into()),
        }
    }

    fn copy_quote(&mut self, q: usize) {
        let text = self.briefing().citation(q);
        self.effects.push(Effect::Copy(text));
        self.message = Some("copied the quote with its citation".into());
    }

    fn open_source(&mut self) {
        let url = self
            .briefing()
            .meta
            .sources
            .iter()
            .find_map(|s| s.url.clone());
        match url {
            Some(url) if url.starts_with("https://") || url.starts_with("http://") => {
                self.message = Some(format!("opening {}", crate::text::one_line(&url)));
                self.effects.push(Effect::Open(url));
            }
            Some(_) => self.message = Some("the source URL is not an http(s) address".into()),
            None => self.message = Some("this briefing lists no source URL".into()),
        }
    }
}

/// "unknown topic `x`; did you mean `y`?"
fn unknown<'a>(kind: &str, id: &str, ids: impl Iterator<Item = &'a str>) -> String {
    let ids: Vec<&str> = ids.collect();
    match crate::diag::did_you_mean(id, ids.iter().copied()) {
        Some(s) => format!("unknown {kind} `{}`; {s}", crate::text::one_line(id)),
        None => format!(
            "unknown {kind} `{}`; this briefing has: {}",
            crate::text::one_line(id),
            ids.join(", ")
        ),
    }
}
