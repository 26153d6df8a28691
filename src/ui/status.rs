//! The status line: the search being typed, a message, or the key hints of
//! the current mode, generated from the keymap and the action declarations.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::Context;
use crate::app::{App, Mode};
use crate::text::{one_line, truncate};

pub fn draw(frame: &mut Frame, area: Rect, app: &App, ctx: &Context) {
    let width = usize::from(area.width);
    let mode = app.mode();
    let mut spans = Vec::new();
    let mut used = 0;
    if let Some(search) = app.search().filter(|_| mode == Mode::Search) {
        let query = one_line(&search.query);
        let label = format!("   search {} ·", search.pane.title());
        used += query.chars().count() + 2 + label.chars().count();
        spans.push(Span::styled(format!("/{query}"), ctx.theme.bold()));
        spans.push(Span::styled("█", ctx.theme.muted()));
        spans.push(Span::styled(label, ctx.theme.muted()));
    } else if let Some(message) = app.message() {
        let text = truncate(&one_line(message), width).into_owned();
        frame.render_widget(Paragraph::new(Span::styled(text, ctx.theme.marked())), area);
        return;
    }
    for (key, hint) in app.keymap().hints(mode) {
        let w = key.chars().count() + hint.chars().count() + 3;
        if used + w > width {
            break;
        }
        used += w;
        spans.push(Span::styled(format!(" {key}"), ctx.theme.title()));
        spans.push(Span::styled(format!(" {hint} "), ctx.theme.muted()));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
