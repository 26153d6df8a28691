//! The text of the scrolling popups (help and overview) as plain lines, so
//! that drawing and scrolling agree on how many lines there are.

use crate::text::plural;
use unicode_width::UnicodeWidthStr;

use super::document::{DocLine, Document, Tone, seg};
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
    (
        "N",
        "new since the briefing (or the story) was last open: u goes to the next",
    ),
    ("OPEN", "a disagreement still open"),
    (
        "NARROWING",
        "a disagreement whose parties are moving closer",
    ),
    ("RESOLVED", "a settled disagreement, dimmed, listed last"),
    ("“…” — Name", "words quoted directly, and who said them"),
    (
        "Reported:",
        "a statement reported, not quoted word for word",
    ),
    ("as reported by", "who relayed a reported statement"),
    (
        "context:",
        "what the quote answers or how the source frames it",
    ),
    ("3/23", "the selected row and how many the pane lists"),
    (
        "Quotes 23●",
        "a tab: its pane's items, ● or ★ when it holds marks",
    ),
    (
        "✓",
        "a quote verified in its archived source: verbatim, or located by its prefix/suffix",
    ),
    (
        "✗",
        "a quote checked against its archived source and not found there",
    ),
    (
        "○",
        "a quote not verified: no source, no copy here (--sources DIR), or no prefix/suffix",
    ),
    (
        "question:",
        "an open question the source raises, not a dispute between sides",
    ),
    (
        "▸ •",
        "in the source view: the quote shown, the briefing's other quotes there",
    ),
    (
        "? ≠ ✓ · Δ",
        "in the stance matrix: a question, a dispute, resolved, no position, a stance that changed",
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
    if !b.sources.is_empty() {
        lines.push(TextLine::blank());
        lines.push(TextLine::new(LineKind::Heading, "Sources"));
        for s in &b.sources {
            let text = s.named();
            // One bullet per source; its URL on lines of its own under it,
            // broken only where it is wider than the popup.
            let mut wrapped = wrap(&text, width.saturating_sub(3));
            if let Some(u) = &s.url {
                wrapped.extend(wrap(&one_line(u), width.saturating_sub(3)));
            }
            for (n, l) in wrapped.iter().enumerate() {
                let bullet = if n == 0 { "• " } else { "  " };
                lines.push(TextLine::new(LineKind::Plain, format!(" {bullet}{l}")));
            }
        }
    }
    lines.push(TextLine::blank());
    lines.push(TextLine::new(
        LineKind::Muted,
        [
            plural(b.speakers.len(), "speaker", "speakers"),
            plural(b.events.len(), "event", "events"),
            plural(b.quotes.len(), "quote", "quotes"),
            plural(b.disagreements.len(), "disagreement", "disagreements"),
            plural(b.topics.len(), "topic", "topics"),
        ]
        .join(" · "),
    ));
    lines
}

/// Help as a document `width` columns wide: keys in a column, their
/// descriptions wrapped beside it.
pub fn help_document(app: &App, width: usize) -> Document<'static> {
    let mut lines = help_lines(&app.keymap, &app.config_path, app.size.0);
    if let Some(how) = app.live_reload() {
        lines.push(TextLine::blank());
        let note = format!("{how}; e opens the selection in $EDITOR, ! lists problems.");
        lines.extend(
            wrap(&note, width)
                .into_iter()
                .map(|l| TextLine::new(LineKind::Muted, l)),
        );
    }
    let key_width = (lines.iter())
        .filter(|l| l.kind == LineKind::Keys)
        .map(|l| l.text.width())
        .max()
        .unwrap_or(0)
        .min(28)
        .min(width / 2);
    let mut doc = Document::new("Help: keys", HELP_WIDTH);
    for l in &lines {
        if l.kind != LineKind::Keys {
            doc.extend(document_lines(l, width));
            continue;
        }
        let keys = wrap(&l.text, key_width.max(1));
        let detail = wrap(l.detail, width.saturating_sub(key_width + 2));
        for n in 0..keys.len().max(detail.len()) {
            let k = keys.get(n).map_or("", String::as_str);
            let pad = " ".repeat(key_width.saturating_sub(k.width()) + 2);
            doc.push(DocLine::from_segs(vec![
                seg(Tone::Key, format!("{k}{pad}")),
                seg(Tone::Plain, detail.get(n).cloned().unwrap_or_default()),
            ]));
        }
    }
    doc
}

/// The overview as a document `width` columns wide.
pub fn overview_document(app: &App, width: usize) -> Document<'static> {
    let mut doc = Document::new("Overview", OVERVIEW_WIDTH);
    for l in overview_lines(app, width) {
        doc.extend(document_lines(&l, width));
    }
    doc
}

/// A line of plain text as document lines, wrapped to `width` if wider.
fn document_lines(line: &TextLine, width: usize) -> Vec<DocLine> {
    let tone = match line.kind {
        LineKind::Title => Tone::Title,
        LineKind::Heading => Tone::Heading,
        LineKind::Muted => Tone::Muted,
        LineKind::Plain => Tone::Plain,
        LineKind::Keys => Tone::Key,
    };
    if line.text.is_empty() {
        return vec![DocLine::blank()];
    }
    if line.text.width() <= width {
        return vec![DocLine::new(tone, line.text.clone())];
    }
    wrap(&line.text, width)
        .into_iter()
        .map(|l| DocLine::new(tone, l))
        .collect()
}
