//! `Action`: everything that can change the reader's state, and [`ACTIONS`],
//! the one declaration of each bindable action: name, description, the key
//! modes it works in and its hint in each mode's status line.

/// One of the reader's four panes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pane {
    Timeline,
    Speakers,
    Quotes,
    Disagreements,
}

impl Pane {
    pub const ALL: [Pane; 4] = [
        Pane::Timeline,
        Pane::Speakers,
        Pane::Quotes,
        Pane::Disagreements,
    ];

    pub fn index(self) -> usize {
        self as usize
    }

    pub fn title(self) -> &'static str {
        match self {
            Pane::Timeline => "Timeline",
            Pane::Speakers => "Speakers",
            Pane::Quotes => "Quotes",
            Pane::Disagreements => "Disagreements",
        }
    }
}

/// A change to the reader's state. Keys map to the bindable actions (see
/// [`ACTIONS`]); the others come from the terminal (resize, mouse, text typed
/// into the search line) or from the event loop (a failed effect).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    Quit,
    NextPane,
    PrevPane,
    Focus(Pane),
    Down,
    Up,
    Top,
    Bottom,
    HalfPageDown,
    HalfPageUp,
    PageDown,
    PageUp,
    NextSpeaker,
    PrevSpeaker,
    JumpToSpeaker,
    TopicPicker,
    ClearTopics,
    Search,
    NextMatch,
    PrevMatch,
    /// `Enter`: open detail, follow a link, apply, keep the search.
    Confirm,
    /// `Esc`: back out of whatever is innermost.
    Back,
    /// `Space`: toggle the item under the cursor (topic picker).
    Toggle,
    Copy,
    OpenSource,
    Overview,
    BriefingList,
    /// `{`/`}`: the previous / next loaded briefing, without the list.
    PrevBriefing,
    NextBriefing,
    Help,
    /// Stop the reader and give the shell back (`fg` resumes).
    Suspend,
    /// Delete the last character of the search line.
    DeleteChar,
    /// The terminal now has this many columns and rows.
    Resize(u16, u16),
    /// A mouse click at column, row.
    Click(u16, u16),
    /// Mouse wheel at column, row: positive scrolls down.
    Scroll(u16, u16, i8),
    /// A character typed while the search line is open.
    Input(char),
    /// A message for the status line: an effect that failed, a config warning.
    Notify(String),
    /// Entry `i` of the open menu (copy menu, speaker chooser), picked by
    /// the letter or digit it shows.
    Choose(usize),
    /// Narrow the focused pane to the rows that match (`&`).
    Filter,
    /// Search the whole briefing: a results list by kind.
    SearchAll,
    /// Back to the previous place in the jump list.
    JumpBack,
    /// Forward to the next place in the jump list.
    JumpForward,
    /// Zoom the focused pane to the whole body, and back.
    Zoom,
    /// The selected quote in its archived source.
    ViewSource,
    /// The story view (every briefing merged), on or off.
    StoryView,
    /// The next item new since the briefing was last open (`u`).
    NextNew,
    /// Files loaded again after they changed on disk (not a key).
    Reloaded(Box<super::Reload>),
    /// The problems of every file, as `check` shows them (`!`).
    Problems,
    /// Open the selected item, or the selected problem, in `$EDITOR` (`e`).
    Edit,
    /// The stance matrix (`m`): parties × disagreements, open or closed.
    StanceMatrix,
    /// One column left, in the stance matrix.
    Left,
    /// One column right, in the stance matrix.
    Right,
    /// The first column, in the stance matrix.
    FirstColumn,
    /// The last column, in the stance matrix.
    LastColumn,
    /// Swap the stance matrix's rows and columns.
    FlipMatrix,
    /// Scroll the stance matrix's cell detail down a line.
    DetailDown,
    /// Scroll the stance matrix's cell detail up a line.
    DetailUp,
    /// The Timeline pane as a chart on a date axis, or back to the list (`C`).
    TimelineChart,
    /// A key of the chart: move the cursor, select a range.
    Chart(super::chart::ChartKey),
}

/// Where a key is looked up: each mode has its own section of the keymap.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mode {
    /// The main screen: the four panes.
    Panes,
    /// A detail view, help, the overview or the briefing list.
    Popup,
    /// The topic picker.
    Picker,
    /// The search line while typing: unbound printable keys are typed.
    Search,
    /// The stance matrix.
    Matrix,
    /// The Timeline chart with focus; other keys as on the main screen.
    Chart,
}

impl Mode {
    pub const ALL: [Mode; 6] = [
        Mode::Panes,
        Mode::Popup,
        Mode::Picker,
        Mode::Search,
        Mode::Matrix,
        Mode::Chart,
    ];

    pub fn index(self) -> usize {
        self as usize
    }

    /// The mode's section name in keymap and config files (`[keys.popup]`).
    pub fn name(self) -> &'static str {
        match self {
            Mode::Panes => "panes",
            Mode::Popup => "popup",
            Mode::Picker => "picker",
            Mode::Search => "search",
            Mode::Matrix => "matrix",
            Mode::Chart => "chart",
        }
    }

    /// The mode's heading in help.
    pub fn title(self) -> &'static str {
        match self {
            Mode::Panes => "Main screen",
            Mode::Popup => "Detail, help, overview and briefing list",
            Mode::Picker => "Topic picker",
            Mode::Search => "Search line (other keys are typed)",
            Mode::Matrix => "Stance matrix",
            Mode::Chart => "Timeline chart (other keys as on the main screen)",
        }
    }

    /// The mode called `name` in keymap and config files.
    pub fn from_name(name: &str) -> Option<Mode> {
        Mode::ALL.into_iter().find(|m| m.name() == name)
    }
}

/// The declaration of one bindable action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActionSpec {
    pub action: Action,
    /// As written in keymap and config files.
    pub name: &'static str,
    /// As shown in help.
    pub description: &'static str,
    /// The modes the action works in, each with the word the status line
    /// shows for it there (`None`: not hinted in that mode).
    pub modes: &'static [(Mode, Option<&'static str>)],
}

impl ActionSpec {
    /// Does the action work in `mode`?
    pub fn works_in(&self, mode: Mode) -> bool {
        self.modes.iter().any(|(m, _)| *m == mode)
    }

    /// The status-line hint in `mode`, if the action has one there.
    pub fn hint(&self, mode: Mode) -> Option<&'static str> {
        self.modes.iter().find(|(m, _)| *m == mode)?.1
    }
}

use super::chart::ChartKey;
use Mode::Chart;
use Mode::{Matrix, Panes, Picker, Popup, Search};

/// The modes with lists to move in, without hints.
const MOVING: &[(Mode, Option<&str>)] =
    &[(Panes, None), (Popup, None), (Picker, None), (Matrix, None)];

/// Every bindable action, once, in help order.
pub const ACTIONS: &[ActionSpec] = &[
    ActionSpec {
        action: Action::Quit,
        name: "quit",
        description: "quit",
        modes: &[
            (Panes, Some("quit")),
            (Popup, None),
            (Picker, None),
            (Search, None),
            (Matrix, None),
        ],
    },
    ActionSpec {
        action: Action::Help,
        name: "help",
        description: "help: every key",
        modes: &[
            (Panes, Some("help")),
            (Popup, None),
            (Picker, None),
            (Matrix, Some("help")),
        ],
    },
    ActionSpec {
        action: Action::NextPane,
        name: "next_pane",
        description: "next pane",
        modes: &[(Panes, Some("next pane"))],
    },
    ActionSpec {
        action: Action::PrevPane,
        name: "prev_pane",
        description: "previous pane",
        modes: &[(Panes, None)],
    },
    ActionSpec {
        action: Action::Focus(Pane::Timeline),
        name: "focus_timeline",
        description: "focus Timeline",
        modes: &[(Panes, None)],
    },
    ActionSpec {
        action: Action::Focus(Pane::Speakers),
        name: "focus_speakers",
        description: "focus Speakers",
        modes: &[(Panes, None)],
    },
    ActionSpec {
        action: Action::Focus(Pane::Quotes),
        name: "focus_quotes",
        description: "focus Quotes",
        modes: &[(Panes, None)],
    },
    ActionSpec {
        action: Action::Focus(Pane::Disagreements),
        name: "focus_disagreements",
        description: "focus Disagreements",
        modes: &[(Panes, None)],
    },
    ActionSpec {
        action: Action::Down,
        name: "down",
        description: "move down / next link / scroll down",
        modes: &[
            (Panes, None),
            (Popup, Some("down")),
            (Picker, None),
            (Matrix, None),
        ],
    },
    ActionSpec {
        action: Action::Up,
        name: "up",
        description: "move up / previous link / scroll up",
        modes: &[
            (Panes, None),
            (Popup, Some("up")),
            (Picker, None),
            (Matrix, None),
        ],
    },
    ActionSpec {
        action: Action::Top,
        name: "top",
        description: "go to the top",
        modes: MOVING,
    },
    ActionSpec {
        action: Action::Bottom,
        name: "bottom",
        description: "go to the bottom",
        modes: MOVING,
    },
    ActionSpec {
        action: Action::HalfPageDown,
        name: "half_page_down",
        description: "half a page down",
        modes: &[(Panes, None), (Popup, None), (Picker, None), (Matrix, None)],
    },
    ActionSpec {
        action: Action::HalfPageUp,
        name: "half_page_up",
        description: "half a page up",
        modes: &[(Panes, None), (Popup, None), (Picker, None), (Matrix, None)],
    },
    ActionSpec {
        action: Action::PageDown,
        name: "page_down",
        description: "page down",
        modes: &[(Panes, None), (Popup, None), (Picker, None), (Matrix, None)],
    },
    ActionSpec {
        action: Action::PageUp,
        name: "page_up",
        description: "page up",
        modes: &[(Panes, None), (Popup, None), (Picker, None), (Matrix, None)],
    },
    ActionSpec {
        action: Action::Confirm,
        name: "confirm",
        description: "open detail / follow link / apply / keep the search",
        modes: &[
            (Panes, Some("open detail")),
            (Popup, Some("open")),
            (Picker, Some("apply")),
            (Search, Some("keep")),
            (Matrix, Some("open")),
        ],
    },
    ActionSpec {
        action: Action::Back,
        name: "back",
        description: "back / close / release / clear search",
        modes: &[
            (Panes, Some("back")),
            (Popup, Some("back")),
            (Picker, Some("cancel")),
            (Search, Some("cancel")),
            (Matrix, Some("back")),
        ],
    },
    ActionSpec {
        action: Action::Search,
        name: "search",
        description: "search the focused pane or the popup",
        modes: &[
            (Panes, Some("search")),
            (Popup, Some("search")),
            (Matrix, Some("search")),
        ],
    },
    ActionSpec {
        action: Action::NextMatch,
        name: "next_match",
        description: "next match",
        modes: &[(Panes, None), (Popup, None), (Matrix, None)],
    },
    ActionSpec {
        action: Action::PrevMatch,
        name: "prev_match",
        description: "previous match",
        modes: &[(Panes, None), (Popup, None), (Matrix, None)],
    },
    ActionSpec {
        action: Action::DeleteChar,
        name: "delete_char",
        description: "delete the last character",
        modes: &[(Search, None)],
    },
    ActionSpec {
        action: Action::TopicPicker,
        name: "topic_picker",
        description: "filter by topic",
        modes: &[
            (Panes, Some("topics")),
            (Popup, None),
            (Picker, None),
            (Matrix, Some("topics")),
        ],
    },
    ActionSpec {
        action: Action::Toggle,
        name: "toggle",
        description: "toggle the topic under the cursor",
        modes: &[(Picker, Some("toggle"))],
    },
    ActionSpec {
        action: Action::ClearTopics,
        name: "clear_topics",
        description: "clear the topic filter",
        modes: &[
            (Panes, Some("clear topics")),
            (Picker, Some("clear")),
            (Matrix, Some("clear topics")),
        ],
    },
    ActionSpec {
        action: Action::NextSpeaker,
        name: "next_speaker",
        description: "follow the next speaker",
        modes: &[(Panes, Some("next speaker"))],
    },
    ActionSpec {
        action: Action::PrevSpeaker,
        name: "prev_speaker",
        description: "follow the previous speaker",
        modes: &[(Panes, None)],
    },
    ActionSpec {
        action: Action::JumpToSpeaker,
        name: "jump_to_speaker",
        description: "follow the selection's speaker (a choice if several)",
        modes: &[
            (Panes, Some("follow speaker")),
            (Popup, None),
            (Matrix, Some("follow")),
        ],
    },
    ActionSpec {
        action: Action::Copy,
        name: "copy",
        description: "copy (a menu: citation, text, Markdown, id)",
        modes: &[(Panes, Some("copy")), (Popup, None)],
    },
    ActionSpec {
        action: Action::OpenSource,
        name: "open_source",
        description: "open the source URL",
        modes: &[(Panes, None), (Popup, None)],
    },
    ActionSpec {
        action: Action::Overview,
        name: "overview",
        description: "briefing overview",
        modes: &[(Panes, Some("overview")), (Popup, None), (Picker, None)],
    },
    ActionSpec {
        action: Action::BriefingList,
        name: "briefing_list",
        description: "loaded briefings",
        modes: &[(Panes, Some("briefings")), (Popup, None), (Picker, None)],
    },
    ActionSpec {
        action: Action::PrevBriefing,
        name: "prev_briefing",
        description: "previous briefing (in the list's order)",
        modes: &[(Panes, None)],
    },
    ActionSpec {
        action: Action::NextBriefing,
        name: "next_briefing",
        description: "next briefing (in the list's order)",
        modes: &[(Panes, None)],
    },
    ActionSpec {
        action: Action::Suspend,
        name: "suspend",
        description: "suspend to the shell (fg resumes)",
        modes: &[
            (Panes, None),
            (Popup, None),
            (Picker, None),
            (Search, None),
            (Matrix, None),
        ],
    },
    ActionSpec {
        action: Action::Filter,
        name: "filter",
        description: "show only the focused pane's rows that match (Esc clears)",
        modes: &[(Panes, None)],
    },
    ActionSpec {
        action: Action::SearchAll,
        name: "search_all",
        description: "search the whole briefing (in its results: type again)",
        modes: &[(Panes, None), (Popup, None)],
    },
    ActionSpec {
        action: Action::JumpBack,
        name: "jump_back",
        description: "back to the previous place in the jump list",
        modes: &[(Panes, None), (Popup, None)],
    },
    ActionSpec {
        action: Action::JumpForward,
        name: "jump_forward",
        description: "forward in the jump list",
        modes: &[(Panes, None), (Popup, None)],
    },
    ActionSpec {
        action: Action::Zoom,
        name: "zoom",
        description: "zoom the focused pane to the whole screen, and back",
        modes: &[(Panes, None)],
    },
    ActionSpec {
        action: Action::ViewSource,
        name: "view_source",
        description: "the quote in its source, in context (n/N: its other quotes)",
        modes: &[(Panes, None), (Popup, None)],
    },
    ActionSpec {
        action: Action::StoryView,
        name: "story_view",
        description: "the story of every loaded briefing in one view, and back",
        modes: &[(Panes, Some("story")), (Popup, None)],
    },
    ActionSpec {
        action: Action::NextNew,
        name: "next_new",
        description: "the next item new since the briefing was last open",
        modes: &[(Panes, Some("next new"))],
    },
    ActionSpec {
        action: Action::Problems,
        name: "problems",
        description: "every problem of every file, as `briefing check` shows them",
        modes: &[(Panes, None), (Popup, None)],
    },
    ActionSpec {
        action: Action::Edit,
        name: "edit",
        description: "open the selected item or problem in $EDITOR at its line",
        modes: &[(Panes, None), (Popup, None)],
    },
    ActionSpec {
        action: Action::StanceMatrix,
        name: "stance_matrix",
        description: "the stance matrix: who stands where on each disagreement",
        modes: &[(Panes, Some("matrix")), (Popup, None), (Matrix, None)],
    },
    ActionSpec {
        action: Action::Left,
        name: "left",
        description: "one column left",
        modes: &[(Matrix, None)],
    },
    ActionSpec {
        action: Action::Right,
        name: "right",
        description: "one column right",
        modes: &[(Matrix, None)],
    },
    ActionSpec {
        action: Action::FirstColumn,
        name: "first_column",
        description: "the first column",
        modes: &[(Matrix, None)],
    },
    ActionSpec {
        action: Action::LastColumn,
        name: "last_column",
        description: "the last column",
        modes: &[(Matrix, None)],
    },
    ActionSpec {
        action: Action::FlipMatrix,
        name: "flip_matrix",
        description: "swap rows and columns (parties ↔ disagreements)",
        modes: &[(Matrix, Some("flip"))],
    },
    ActionSpec {
        action: Action::DetailDown,
        name: "detail_down",
        description: "scroll the cell's stance and quotes down",
        modes: &[(Matrix, None)],
    },
    ActionSpec {
        action: Action::DetailUp,
        name: "detail_up",
        description: "scroll the cell's stance and quotes up",
        modes: &[(Matrix, None)],
    },
    ActionSpec {
        action: Action::TimelineChart,
        name: "timeline_chart",
        description: "the Timeline as a chart on a date axis, and back to the list",
        modes: &[(Panes, None), (Chart, Some("list"))],
    },
    ActionSpec {
        action: Action::Chart(ChartKey::NextDay),
        name: "next_day",
        description: "chart: the cursor a day later",
        modes: &[(Chart, Some("day"))],
    },
    ActionSpec {
        action: Action::Chart(ChartKey::PrevDay),
        name: "prev_day",
        description: "chart: the cursor a day earlier",
        modes: &[(Chart, None)],
    },
    ActionSpec {
        action: Action::Chart(ChartKey::NextWeek),
        name: "next_week",
        description: "chart: the cursor a week later",
        modes: &[(Chart, Some("week"))],
    },
    ActionSpec {
        action: Action::Chart(ChartKey::PrevWeek),
        name: "prev_week",
        description: "chart: the cursor a week earlier",
        modes: &[(Chart, None)],
    },
    ActionSpec {
        action: Action::Chart(ChartKey::NextMonth),
        name: "next_month",
        description: "chart: the cursor a month later",
        modes: &[(Chart, Some("month"))],
    },
    ActionSpec {
        action: Action::Chart(ChartKey::PrevMonth),
        name: "prev_month",
        description: "chart: the cursor a month earlier",
        modes: &[(Chart, None)],
    },
    ActionSpec {
        action: Action::Chart(ChartKey::FirstDay),
        name: "first_day",
        description: "chart: the cursor on the first day",
        modes: &[(Chart, None)],
    },
    ActionSpec {
        action: Action::Chart(ChartKey::LastDay),
        name: "last_day",
        description: "chart: the cursor on the last day",
        modes: &[(Chart, None)],
    },
    ActionSpec {
        action: Action::Chart(ChartKey::Range),
        name: "select_range",
        description: "chart: start a range of dates, or end it: a date filter on every pane",
        modes: &[(Chart, Some("range"))],
    },
];

impl Action {
    /// The declaration of a bindable action.
    pub fn spec(&self) -> Option<&'static ActionSpec> {
        ACTIONS.iter().find(|s| s.action == *self)
    }

    /// Is `name` the name of a bindable action?
    pub fn is_name(name: &str) -> bool {
        ACTIONS.iter().any(|s| s.name == name)
    }

    /// The bindable action called `name` in keymap files.
    pub fn from_name(name: &str) -> Option<Action> {
        ACTIONS
            .iter()
            .find(|s| s.name == name)
            .map(|s| s.action.clone())
    }
}
