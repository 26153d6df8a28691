//! `Action`: everything that can change the reader's state.

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
/// [`Action::BINDABLE`]); the others come from the terminal (resize, mouse,
/// text typed into the search line).
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
    /// `Enter`: open detail, follow a link, apply, confirm the search.
    Confirm,
    /// `Esc`: back out of whatever is innermost.
    Back,
    /// `Space`: toggle the item under the cursor (topic picker).
    Toggle,
    Copy,
    OpenSource,
    Overview,
    BriefingList,
    Help,
    /// Stop the reader and give the shell back (`fg` resumes).
    Suspend,
    /// The terminal now has this many columns and rows.
    Resize(u16, u16),
    /// A mouse click at column, row.
    Click(u16, u16),
    /// Mouse wheel at column, row: positive scrolls down.
    Scroll(u16, u16, i8),
    /// A character typed while the search line is open.
    Input(char),
    /// Backspace while the search line is open.
    DeleteChar,
}

/// Name (as written in keymap files) and description (as shown in help) of
/// each bindable action, in help order.
pub const BINDABLE: &[(Action, &str, &str)] = &[
    (Action::Quit, "quit", "quit"),
    (Action::NextPane, "next_pane", "next pane"),
    (Action::PrevPane, "prev_pane", "previous pane"),
    (
        Action::Focus(Pane::Timeline),
        "focus_timeline",
        "focus Timeline",
    ),
    (
        Action::Focus(Pane::Speakers),
        "focus_speakers",
        "focus Speakers",
    ),
    (Action::Focus(Pane::Quotes), "focus_quotes", "focus Quotes"),
    (
        Action::Focus(Pane::Disagreements),
        "focus_disagreements",
        "focus Disagreements",
    ),
    (Action::Down, "down", "move down"),
    (Action::Up, "up", "move up"),
    (Action::Top, "top", "go to the top"),
    (Action::Bottom, "bottom", "go to the bottom"),
    (Action::HalfPageDown, "half_page_down", "half a page down"),
    (Action::HalfPageUp, "half_page_up", "half a page up"),
    (Action::PageDown, "page_down", "page down"),
    (Action::PageUp, "page_up", "page up"),
    (
        Action::NextSpeaker,
        "next_speaker",
        "follow the next speaker",
    ),
    (
        Action::PrevSpeaker,
        "prev_speaker",
        "follow the previous speaker",
    ),
    (
        Action::JumpToSpeaker,
        "jump_to_speaker",
        "follow the speaker of the selection",
    ),
    (Action::TopicPicker, "topic_picker", "filter by topic"),
    (
        Action::ClearTopics,
        "clear_topics",
        "clear the topic filter",
    ),
    (Action::Search, "search", "search the focused pane"),
    (Action::NextMatch, "next_match", "next match"),
    (Action::PrevMatch, "prev_match", "previous match"),
    (
        Action::Confirm,
        "confirm",
        "open detail / follow link / apply",
    ),
    (
        Action::Back,
        "back",
        "back / close / release / clear search",
    ),
    (
        Action::Toggle,
        "toggle",
        "toggle topic (in the topic picker)",
    ),
    (Action::Copy, "copy", "copy the quote with its citation"),
    (Action::OpenSource, "open_source", "open the source URL"),
    (Action::Overview, "overview", "briefing overview"),
    (Action::BriefingList, "briefing_list", "loaded briefings"),
    (Action::Help, "help", "help"),
    (
        Action::Suspend,
        "suspend",
        "suspend to the shell (fg resumes)",
    ),
];

impl Action {
    /// The keymap name of a bindable action.
    pub fn name(&self) -> Option<&'static str> {
        BINDABLE
            .iter()
            .find(|(a, _, _)| a == self)
            .map(|(_, n, _)| *n)
    }

    /// The help description of a bindable action.
    pub fn description(&self) -> Option<&'static str> {
        BINDABLE
            .iter()
            .find(|(a, _, _)| a == self)
            .map(|(_, _, d)| *d)
    }

    /// The bindable action called `name` in keymap files.
    pub fn from_name(name: &str) -> Option<Action> {
        BINDABLE
            .iter()
            .find(|(_, n, _)| *n == name)
            .map(|(a, _, _)| a.clone())
    }
}
