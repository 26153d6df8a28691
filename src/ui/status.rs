//! The status line: the search being typed, a message, or the key hints of
//! the current mode, generated from the keymap and the action declarations.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::Context;
use crate::app::App;
use crate::text::{one_line, truncate};

pub fn draw(frame: &mut Frame, area: Rect, app: &App, ctx: &Context) {
    let width = usize::from(area.width);
    let mode = app.mode();
    let mut spans = Vec::new();
    let mut used = 0;
    let line = super::search_line::spans(app, width, ctx);
    if let Some((line, true)) = &line {
        used += line.iter().map(Span::width).sum::<usize>();
        spans.extend(line.iter().cloned());
    } else if let Some(message) = app.message() {
        let text = truncate(&one_line(message), width).into_owned();
        frame.render_widget(Paragraph::new(Span::styled(text, ctx.theme.marked())), area);
        return;
    } else if let Some((line, false)) = line {
        used += line.iter().map(Span::width).sum::<usize>();
        spans.extend(line);
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
