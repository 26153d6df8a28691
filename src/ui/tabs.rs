//! The tab row of the one-pane layout: "1 Timeline 2 Speakers ...".

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::Context;
use crate::app::layout::tab_label;
use crate::app::{App, Pane};

pub fn draw(frame: &mut Frame, area: Rect, app: &App, ctx: &Context) {
    let mut spans = Vec::new();
    for pane in Pane::ALL {
        let style = if app.focus == pane {
            ctx.theme.selection()
        } else {
            ctx.theme.muted()
        };
        spans.push(Span::styled(tab_label(pane), style));
        spans.push(Span::raw(" "));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
