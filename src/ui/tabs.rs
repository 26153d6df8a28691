//! The tab row of the one-pane layout: "1 Timeline 5  2 Speakers 6 ...",
//! laid out by [`App::tabs`].

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::Context;
use crate::app::App;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, ctx: &Context) {
    let mut spans = Vec::new();
    let mut x = 0;
    for tab in app.tabs(area.width) {
        let style = if app.focus == tab.pane {
            ctx.theme.selection()
        } else {
            ctx.theme.muted()
        };
        spans.push(Span::raw(" ".repeat(usize::from(tab.x.saturating_sub(x)))));
        spans.push(Span::styled(tab.label, style));
        x = tab.x.saturating_add(tab.width);
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
