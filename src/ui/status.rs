//! The status line: the search being typed, a message, or key hints generated
//! from the keymap.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::Context;
use crate::app::{Action, App, Popup};
use crate::text::{one_line, truncate};

/// The actions hinted at in the status line, in order, for the main screen.
const MAIN_HINTS: &[Action] = &[
    Action::Quit,
    Action::Help,
    Action::NextPane,
    Action::Confirm,
    Action::Search,
    Action::TopicPicker,
    Action::NextSpeaker,
    Action::JumpToSpeaker,
    Action::Copy,
    Action::Overview,
];

/// Hints inside popups.
const POPUP_HINTS: &[Action] = &[Action::Back, Action::Down, Action::Up, Action::Confirm];
const TOPIC_HINTS: &[Action] = &[
    Action::Toggle,
    Action::Confirm,
    Action::ClearTopics,
    Action::Back,
];

pub fn draw(frame: &mut Frame, area: Rect, app: &App, ctx: &Context) {
    let width = usize::from(area.width);
    if let Some(search) = app
        .search
        .as_ref()
        .filter(|s| s.editing && app.popups.is_empty())
    {
        let query = one_line(&search.query);
        let line = Line::from(vec![
            Span::styled(format!("/{query}"), ctx.theme.bold()),
            Span::styled("█", ctx.theme.muted()),
            Span::styled(
                format!(
                    "   search {} · Enter keep · Esc cancel",
                    search.pane.title()
                ),
                ctx.theme.muted(),
            ),
        ]);
        frame.render_widget(Paragraph::new(line), area);
        return;
    }
    if let Some(message) = &app.message {
        let text = truncate(&one_line(message), width).into_owned();
        frame.render_widget(Paragraph::new(Span::styled(text, ctx.theme.marked())), area);
        return;
    }
    let actions = match app.popups.last() {
        None => MAIN_HINTS,
        Some(Popup::Topics { .. }) => TOPIC_HINTS,
        Some(_) => POPUP_HINTS,
    };
    let mut spans = Vec::new();
    let mut used = 0;
    for action in actions {
        let (Some(key), Some(desc)) = (ctx.keymap.hint(action), action.description()) else {
            continue;
        };
        let desc = short(desc);
        let w = key.chars().count() + desc.chars().count() + 3;
        if used + w > width {
            break;
        }
        used += w;
        spans.push(Span::styled(format!(" {key}"), ctx.theme.title()));
        spans.push(Span::styled(format!(" {desc} "), ctx.theme.muted()));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// The first words of a description, for the narrow status line.
fn short(desc: &str) -> &str {
    desc.split(" / ")
        .next()
        .unwrap_or(desc)
        .split(" (")
        .next()
        .unwrap_or(desc)
}
