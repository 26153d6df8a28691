//! The reader's state (`App`), its mode, and `App::update`, the one place
//! it changes. Plain data: no terminal, testable with key sequences.

mod action;
mod available;
pub mod chart;
pub mod copy_menu;
pub mod date_axis;
pub mod date_filter;
mod detail_doc;
pub mod document;
mod empty;
pub mod filter;
pub mod jumps;
pub mod layout;
mod links;
mod list_docs;
pub mod matrix;
pub mod matrix_doc;
pub mod matrix_find;
pub mod matrix_layout;
pub mod menu;
mod panes;
pub mod popup;
pub mod popup_find;
pub mod popup_text;
pub mod popup_view;
pub mod problems;
pub mod proof_text;
mod query_line;
pub mod reload;
pub mod remember;
pub mod results;
pub mod row_text;
pub mod rows;
mod scroll;
pub mod search;
pub mod source_find;
pub mod source_text;
pub mod source_view;
pub mod speaker_choice;
mod start;
pub mod story;
mod story_doc;
pub mod tabs;
pub mod unread;

use std::collections::BTreeSet;

pub use action::{ACTIONS, Action, ActionSpec, Mode, Pane};
pub use available::Hint;
pub use filter::TextFilter;
pub use layout::ScreenLayout;
pub use popup::{Popup, Target};
pub use popup_view::View;
pub use reload::Reload;
pub use results::Results;
pub use rows::{DisagreementRow, Rows};
pub use search::Search;
pub use start::StartOptions;

use ratatui::crossterm::event::{KeyCode, KeyModifiers};

use crate::keys::{Key, Keymap};
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
    /// Open this file in the user's editor at this line and column, then
    /// load it again.
    Edit {
        path: std::path::PathBuf,
        line: usize,
        column: usize,
    },
}

/// A pane's selection and scroll position.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ListState {
    pub selected: usize,
    /// First row shown.
    pub offset: usize,
}

/// The reader's whole state. Its fields are private to the crate: outside it
/// the state is read through accessors and changed only by [`App::update`].
#[derive(Debug, Clone)]
pub struct App {
    /// Loaded briefings, newest first.
    pub(crate) briefings: Vec<Briefing>,
    /// Files that failed to load.
    pub(crate) failures: Vec<Failure>,
    /// Problems in briefings that loaded all the same (warnings,
    /// verification), as `check` prints them.
    pub(crate) findings: Vec<Failure>,
    /// Per briefing, what it adds to the ones dated before it.
    pub(crate) additions: Vec<Option<crate::model::story::Additions>>,
    /// Index of the briefing shown.
    pub(crate) current: usize,
    pub(crate) focus: Pane,
    pub(crate) lists: [ListState; 4],
    /// Topic filter (topic indices); empty means no filter.
    pub(crate) topics: BTreeSet<usize>,
    /// The followed speaker.
    pub(crate) followed: Option<usize>,
    pub(crate) search: Option<Search>,
    /// The text filter on one pane (`&`).
    pub(crate) filter: Option<TextFilter>,
    /// Places to go back and forward to.
    pub(crate) jumps: jumps::Jumps,
    /// Is the focused pane zoomed to the whole body?
    pub(crate) zoomed: bool,
    pub(crate) popups: Vec<Popup>,
    /// Rows of each pane under the filter (recomputed when it changes).
    pub(crate) rows: Rows,
    /// Terminal size in columns and rows.
    pub(crate) size: (u16, u16),
    /// A one-line message for the status line.
    pub(crate) message: Option<String>,
    pub(crate) quit: bool,
    /// Work for the terminal loop, taken after each update.
    effects: Vec<Effect>,
    /// Which key does what, in each mode.
    keymap: Keymap,
    /// The config file in use, or where it would be read from, as help names it.
    config_path: String,
    /// How the files are watched for live reload, as help says it (none
    /// when nothing is watched, as in `render`).
    live_reload: Option<String>,
    /// The story view: every briefing merged into one.
    pub(crate) story: story::Story,
    /// Where the reader was in each briefing, the ids seen and the new marks.
    pub(crate) memory: remember::Memory,
    /// The Timeline chart: on or off, its cursor, a range being selected.
    pub(crate) chart: chart::Chart,
    /// The date filter, and the places the chart counts.
    pub(crate) dates: date_filter::Dates,
}

impl App {
    /// A reader over `briefings` (at least one), newest first, with the
    /// default keymap.
    pub fn new(mut briefings: Vec<Briefing>, failures: Vec<Failure>) -> App {
        assert!(!briefings.is_empty(), "the reader needs a briefing");
        briefings.sort_by_key(|b| std::cmp::Reverse(b.meta.as_of));
        let rows = Rows::compute(&briefings[0], &BTreeSet::new(), None);
        let additions = crate::model::story::additions(&briefings);
        let mut app = App {
            additions,
            briefings,
            failures,
            findings: Vec::new(),
            current: 0,
            focus: Pane::Timeline,
            lists: [ListState::default(); 4],
            topics: BTreeSet::new(),
            followed: None,
            search: None,
            filter: None,
            jumps: jumps::Jumps::default(),
            zoomed: false,
            popups: Vec::new(),
            rows,
            size: (80, 24),
            message: None,
            quit: false,
            effects: Vec::new(),
            keymap: Keymap::default(),
            config_path: "the config file".into(),
            live_reload: None,
            story: story::Story::default(),
            memory: remember::Memory::default(),
            chart: chart::Chart::default(),
            dates: date_filter::Dates::default(),
        };
        app.rows_computed();
        app.begin_memory();
        if !app.failures.is_empty() {
            app.message = Some(format!(
                "{} failed to load: press ! for the problems",
                crate::text::plural(app.failures.len(), "file", "files")
            ));
        }
        app
    }

    /// The same reader with `keymap` instead of the default one.
    pub fn with_keymap(mut self, keymap: Keymap) -> App {
        self.keymap = keymap;
        self
    }

    /// The same reader with the problems found in briefings that loaded
    /// (`LoadReport::findings`), for the problems view.
    pub fn with_findings(mut self, findings: Vec<Failure>) -> App {
        self.findings = findings;
        self
    }

    /// The same reader naming `path` in help as the config file.
    pub fn with_config_path(mut self, path: impl Into<String>) -> App {
        self.config_path = path.into();
        self
    }

    /// The same reader saying in help how its files are watched.
    pub fn with_live_reload(mut self, how: impl Into<String>) -> App {
        self.live_reload = Some(how.into());
        self
    }

    /// How the files are watched, if they are.
    pub fn live_reload(&self) -> Option<&str> {
        self.live_reload.as_deref()
    }

    pub fn keymap(&self) -> &Keymap {
        &self.keymap
    }

    /// The config file in use, or where it would be read from.
    pub fn config_path(&self) -> &str {
        &self.config_path
    }

    /// The whole screen, as a rectangle.
    pub fn screen(&self) -> ratatui::layout::Rect {
        ratatui::layout::Rect::new(0, 0, self.size.0, self.size.1)
    }

    /// The mode keys are looked up in: the top popup's, else the search
    /// line's while typing, else the panes'.
    pub fn mode(&self) -> Mode {
        match self.popups.last() {
            Some(p) if p.is_typing() => Mode::Search,
            Some(Popup::Topics { .. }) => Mode::Picker,
            Some(Popup::Results(r)) if r.editing => Mode::Search,
            Some(Popup::Matrix(_)) => Mode::Matrix,
            Some(_) => Mode::Popup,
            None if self.is_typing() => Mode::Search,
            None if self.chart_focused() => Mode::Chart,
            None => Mode::Panes,
        }
    }

    /// The action `key` stands for in the current mode, if any: the keymap's,
    /// or in the search line an unbound printable key, which is typed.
    /// Ctrl-c always quits, whatever the keymap says.
    pub fn action_for(&self, key: &Key) -> Option<Action> {
        if *key == Key::ctrl('c') {
            return Some(Action::Quit);
        }
        if let Some(action) = self.copy_menu_key(key) {
            return Some(action);
        }
        if let Some(action) = self.speaker_choice_key(key) {
            return Some(action);
        }
        let mode = self.mode();
        // The chart's keys first, then the main screen's.
        let chart = (mode == Mode::Chart).then(|| self.keymap.action(Mode::Panes, key));
        let action = self.keymap.action(mode, key).or(chart.flatten());
        action.or_else(|| match key.code {
            KeyCode::Char(c)
                if mode == Mode::Search
                    && !(key.mods).intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
            {
                Some(Action::Input(c))
            }
            _ => None,
        })
    }

    /// Takes the work the last updates asked of the outside world.
    pub fn take_effects(&mut self) -> Vec<Effect> {
        std::mem::take(&mut self.effects)
    }

    /// Has the user asked to quit?
    pub fn should_quit(&self) -> bool {
        self.quit
    }

    /// Loaded briefings, newest first.
    pub fn briefings(&self) -> &[Briefing] {
        &self.briefings
    }

    /// Files that failed to load.
    pub fn failures(&self) -> &[Failure] {
        &self.failures
    }

    /// Index in [`App::briefings`] of the briefing shown.
    pub fn current(&self) -> usize {
        self.current
    }

    pub fn focus(&self) -> Pane {
        self.focus
    }

    /// The selection and scroll position of `pane`.
    pub fn list(&self, pane: Pane) -> ListState {
        self.lists[pane.index()]
    }

    /// The rows of each pane under the current filter.
    pub fn rows(&self) -> &Rows {
        &self.rows
    }

    /// The topic filter (topic indices); empty means no filter.
    pub fn topics(&self) -> &BTreeSet<usize> {
        &self.topics
    }

    /// The followed speaker.
    pub fn followed(&self) -> Option<usize> {
        self.followed
    }

    pub fn search(&self) -> Option<&Search> {
        self.search.as_ref()
    }

    /// Open popups, bottom first.
    pub fn popups(&self) -> &[Popup] {
        &self.popups
    }

    /// The status-line message, if any.
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    /// Terminal size in columns and rows.
    pub fn size(&self) -> (u16, u16) {
        self.size
    }

    pub fn briefing(&self) -> &Briefing {
        story::shown(&self.story, &self.briefings, self.current)
    }

    pub fn layout(&self) -> ScreenLayout {
        ScreenLayout::new(self.size.0, self.size.1, self.focus).zoomed(self.zoomed)
    }

    /// Is the search line taking typed characters?
    pub fn is_typing(&self) -> bool {
        self.popups.is_empty()
            && (self.search.as_ref().is_some_and(|s| s.editing)
                || self.filter.as_ref().is_some_and(|f| f.editing))
    }

    /// The query highlighted in `pane`, as typed, if any: the search's,
    /// else the text filter's.
    pub fn highlight(&self, pane: Pane) -> Option<String> {
        let search = (self.search.as_ref())
            .filter(|s| s.pane == pane && !s.query.is_empty())
            .map(|s| s.query.clone());
        search.or_else(|| {
            (self.filter.as_ref())
                .filter(|f| f.pane == pane && !f.query.is_empty())
                .map(|f| f.query.clone())
        })
    }

    /// Is the focused pane zoomed to the whole body?
    pub fn zoomed(&self) -> bool {
        self.zoomed
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
        let before = self.place();
        let reading = self.reading();
        let walking = matches!(action, Action::JumpBack | Action::JumpForward);
        match action {
            Action::Quit => self.quit = true,
            Action::Suspend => self.effects.push(Effect::Suspend),
            Action::Notify(message) => self.message = Some(message),
            Action::Reloaded(reload) => self.reload(*reload),
            Action::Problems => self.toggle_problems(),
            Action::Edit => self.edit_selected(),
            Action::Resize(w, h) => self.resize(w, h),
            action if self.popups.last().is_some_and(Popup::is_typing) => self.update_popup(action),
            Action::Help => self.toggle_popup(Popup::Help {
                view: View::default(),
            }),
            Action::Overview => self.toggle_popup(Popup::Overview {
                view: View::default(),
            }),
            Action::BriefingList => self.toggle_popup(Popup::Briefings {
                view: View::at(self.current),
            }),
            Action::TopicPicker if matches!(self.popups.last(), Some(Popup::Topics { .. })) => {
                self.apply_ticked_topics()
            }
            Action::TopicPicker if self.briefing().topics.is_empty() => {
                self.message = Some("no topic to filter by: this briefing names no topics".into())
            }
            Action::TopicPicker => {
                let chosen = self.topics.clone();
                let cursor = chosen.first().copied().unwrap_or(0);
                self.toggle_popup(Popup::Topics {
                    view: View::at(cursor),
                    chosen,
                });
            }
            Action::SearchAll => self.open_results(),
            Action::JumpBack => self.jump_back(),
            Action::JumpForward => self.jump_forward(),
            Action::ViewSource if !matches!(self.popups.last(), Some(Popup::Source(_))) => {
                self.view_source()
            }
            Action::StoryView => self.toggle_story(),
            Action::StanceMatrix => self.toggle_matrix(),
            action if !self.popups.is_empty() => match self.popup_cannot(&action) {
                Some(why) => self.message = Some(why),
                None => self.update_popup(action),
            },
            action if self.is_typing() => self.update_search_line(action),
            action => self.update_panes(action),
        }
        if !walking {
            self.record_filter_jump(before);
        }
        self.sync_dates();
        self.keep_selection_visible();
        self.clamp_popup_scrolls();
        self.read_after(reading);
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
}
