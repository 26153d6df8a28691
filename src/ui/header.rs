//! The header line: briefing title, as-of date, active topic filter and the
//! followed speaker.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::Context;
use crate::app::App;
use crate::text::{one_line, truncate};

pub fn draw(frame: &mut Frame, area: Rect, app: &App, ctx: &Context) {
    let b = app.briefing();
    let mut tail = vec![Span::styled(
        format!(" · as of {}", b.meta.as_of.date().format("%Y-%m-%d")),
        ctx.theme.muted(),
    )];
    if !app.topics.is_empty() {
        let names: Vec<String> = app
            .topics
            .iter()
            .map(|&t| one_line(&b.topics[t].name).into_owned())
            .collect();
        tail.push(Span::raw(" │ topics: "));
        tail.push(Span::styled(names.join(", "), ctx.theme.marked()));
    }
    if let Some(s) = app.followed {
        tail.push(Span::raw(" │ following: "));
        tail.push(Span::styled(
            one_line(&b.speakers[s].name).into_owned(),
            ctx.theme.marked(),
        ));
    }
    for tag in super::search_line::header_tags(app) {
        tail.push(Span::raw(" │ "));
        tail.push(Span::styled(tag, ctx.theme.marked()));
    }
    let tail_width: usize = tail.iter().map(Span::width).sum();
    // The title gives way to the date and filters, but keeps at least 12 columns.
    let room = usize::from(area.width)
        .saturating_sub(tail_width + 1)
        .max(12);
    let title = truncate(&one_line(&b.meta.title), room).into_owned();
    let mut spans = vec![Span::raw(" "), Span::styled(title, ctx.theme.title())];
    spans.extend(tail);
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
