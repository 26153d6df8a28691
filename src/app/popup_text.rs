//! The text of the scrolling popups (help and overview) as plain lines, so
//! that drawing and scrolling agree on how many lines there are.

use ratatui::layout::Rect;

use super::layout::popup_inner;
use super::{App, Mode};
use crate::keys::Keymap;
use crate::text::{one_line, wrap};

/// What a line of a popup is, for its style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    Title,
    Heading,
    Muted,
    Plain,
    /// A key binding: the text is the keys, `detail` the description.
    Keys,
}

/// One line of a scrolling popup.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextLine {
    pub kind: LineKind,
    pub text: String,
    pub detail: &'static str,
}

impl TextLine {
    fn new(kind: LineKind, text: impl Into<String>) -> TextLine {
        TextLine {
            kind,
            text: text.into(),
            detail: "",
        }
    }

    fn blank() -> TextLine {
        TextLine::new(LineKind::Plain, "")
    }
}

/// The help popup's width; its height fits its lines.
pub const HELP_WIDTH: u16 = 72;
/// The overview popup's width.
pub const OVERVIEW_WIDTH: u16 = 90;

/// Help: every mode's bindings under the mode's title, then where the
/// config file is, wrapped to fit a screen `columns` wide.
pub fn help_lines(keymap: &Keymap, config_path: &str, columns: u16) -> Vec<TextLine> {
    let mut lines = Vec::new();
    for mode in Mode::ALL {
        let entries = keymap.help_entries(mode);
        if entries.is_empty() {
            continue;
        }
        if !lines.is_empty() {
            lines.push(TextLine::blank());
        }
        lines.push(TextLine::new(LineKind::Heading, mode.title()));
        lines.extend(entries.into_iter().map(|(keys, description)| TextLine {
            kind: LineKind::Keys,
            text: keys,
            detail: description,
        }));
    }
    lines.push(TextLine::blank());
    // Wrapped to the popup, so that a long path is shown whole.
    let note = format!("Keys can be changed in {config_path} under [keys].");
    let width = usize::from(HELP_WIDTH.min(columns).saturating_sub(3));
    let note = wrap(&note, width).into_iter();
    lines.extend(note.map(|l| TextLine::new(LineKind::Muted, l)));
    lines.extend(legend_lines());
    lines
}

/// What the marks the panes draw mean, as help's last section.
const LEGEND: &[(&str, &str)] = &[
    ("●", "linked to the selection or to the followed speaker"),
    ("★", "the followed speaker (Speakers)"),
    ("OPEN", "a disagreement still open"),
    (
        "NARROWING",
        "a disagreement whose parties are moving closer",
    ),
    ("RESOLVED", "a settled disagreement, dimmed, listed last"),
    ("“…” — Name", "words quoted directly, and who said them"),
    (
        "Reported:",
        "a statement in the source's words, not verbatim",
    ),
    ("as reported by", "who relayed a reported statement"),
    (
        "context:",
        "what the quote answers or how the source frames it",
    ),
    ("3/23", "the selected row and how many the pane lists"),
    (
        "Quotes 23●",
        "a tab: its pane's rows, ● or ★ when it holds marks",
    ),
];

fn legend_lines() -> Vec<TextLine> {
    let mut lines = vec![TextLine::blank(), TextLine::new(LineKind::Heading, "Marks")];
    lines.extend(LEGEND.iter().map(|&(mark, meaning)| TextLine {
        kind: LineKind::Keys,
        text: mark.to_string(),
        detail: meaning,
    }));
    lines
}

/// The help popup's outer height for its lines.
pub fn help_height(lines: usize) -> u16 {
    u16::try_from(lines + 2).unwrap_or(u16::MAX)
}

/// The overview popup's outer height on a screen `rows` high.
pub fn overview_height(rows: u16) -> u16 {
    rows.saturating_sub(4).max(10)
}

/// The overview of the briefing shown, wrapped to `width` columns.
pub fn overview_lines(app: &App, width: usize) -> Vec<TextLine> {
    let b = app.briefing();
    let m = &b.meta;
    let mut lines = Vec::new();
    let para = |lines: &mut Vec<TextLine>, text: &str, indent: &str, kind| {
        for l in wrap(text, width.saturating_sub(indent.chars().count())) {
            lines.push(TextLine::new(kind, format!("{indent}{l}")));
        }
    };
    para(&mut lines, &m.title, "", LineKind::Title);
    lines.push(TextLine::new(
        LineKind::Muted,
        format!("as of {}", m.as_of.shown()),
    ));
    lines.push(TextLine::blank());
    para(&mut lines, m.summary.trim(), "", LineKind::Plain);
    if !m.key_points.is_empty() {
        lines.push(TextLine::blank());
        lines.push(TextLine::new(LineKind::Heading, "Key points"));
        for p in &m.key_points {
            let wrapped = wrap(p, width.saturating_sub(3));
            for (n, l) in wrapped.iter().enumerate() {
                let bullet = if n == 0 { "• " } else { "  " };
                lines.push(TextLine::new(LineKind::Plain, format!(" {bullet}{l}")));
            }
        }
    }
    if !m.sources.is_empty() {
        lines.push(TextLine::blank());
        lines.push(TextLine::new(LineKind::Heading, "Sources"));
        for s in &m.sources {
            let mut text = one_line(&s.title).into_owned();
            if let Some(o) = &s.outlet {
                text.push_str(&format!(", {}", one_line(o)));
            }
            if let Some(p) = &s.published {
                text.push_str(&format!(", {p}"));
            }
            if let Some(u) = &s.url {
                text.push_str(&format!(" <{}>", one_line(u)));
            }
            para(&mut lines, &text, "• ", LineKind::Plain);
        }
    }
    lines.push(TextLine::blank());
    lines.push(TextLine::new(
        LineKind::Muted,
        format!(
            "{} speakers · {} events · {} quotes · {} disagreements · {} topics",
            b.speakers.len(),
            b.events.len(),
            b.quotes.len(),
            b.disagreements.len(),
            b.topics.len()
        ),
    ));
    lines
}

/// The width overview text is wrapped to inside a popup of `inner` width.
pub fn overview_text_width(inner: Rect) -> usize {
    usize::from(inner.width.saturating_sub(2)).max(1)
}

impl App {
    /// The last scroll position of the help popup: its last line at the bottom.
    pub(super) fn help_max_scroll(&self) -> u16 {
        let lines = help_lines(&self.keymap, &self.config_path, self.size.0).len();
        let inner = popup_inner(self.screen(), HELP_WIDTH, help_height(lines));
        u16::try_from(lines.saturating_sub(usize::from(inner.height))).unwrap_or(u16::MAX)
    }

    /// The last scroll position of the overview popup.
    pub(super) fn overview_max_scroll(&self) -> u16 {
        let screen = self.screen();
        let inner = popup_inner(screen, OVERVIEW_WIDTH, overview_height(screen.height));
        let lines = overview_lines(self, overview_text_width(inner)).len();
        u16::try_from(lines.saturating_sub(usize::from(inner.height))).unwrap_or(u16::MAX)
    }
}
