//! The topic picker: every topic with its quote count; Space ticks, Enter applies.

use std::collections::BTreeSet;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{Context, popup_frame};
use crate::app::App;
use crate::text::{one_line, truncate};

pub fn draw(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    cursor: usize,
    chosen: &BTreeSet<usize>,
    ctx: &Context,
) {
    let b = app.briefing();
    let height = u16::try_from(b.topics.len() + 4).unwrap_or(u16::MAX);
    let inner = popup_frame(frame, area, 60, height, "Filter by topic", ctx);
    let width = usize::from(inner.width);
    let visible = usize::from(inner.height.saturating_sub(2)).max(1);
    let first = cursor.saturating_sub(visible - 1);
    let mut lines: Vec<Line> = (b.topics.iter().enumerate().skip(first).take(visible))
        .map(|(i, t)| {
            let tick = if chosen.contains(&i) { "[x]" } else { "[ ]" };
            let count = format!(" {}", b.index.quotes_by_topic[i].len());
            let name =
                truncate(&one_line(&t.name), width.saturating_sub(count.len() + 5)).into_owned();
            let line = Line::from(vec![
                Span::styled(format!(" {tick} "), ctx.theme.marked()),
                Span::raw(name),
                Span::styled(count, ctx.theme.muted()),
            ]);
            if i == cursor {
                ctx.theme.selected_line(line)
            } else {
                line
            }
        })
        .collect();
    if b.topics.is_empty() {
        lines.push(Line::from(Span::styled(
            " this briefing has no topics",
            ctx.theme.muted(),
        )));
    }
    lines.push(Line::default());
    lines.push(Line::from(Span::styled(
        " several topics: quotes on any of them",
        ctx.theme.muted(),
    )));
    frame.render_widget(Paragraph::new(lines), inner);
}
