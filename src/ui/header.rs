//! The header line: briefing title, as-of date, active topic filter and the
//! followed speaker. When room runs short the title gives way first, then the
//! topic names become a count; the followed speaker's name is never cut.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::Context;
use crate::app::App;
use crate::text::{one_line, truncate};

/// The title keeps at least this many columns before the topic names give way.
const TITLE_MIN: usize = 16;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, ctx: &Context) {
    let width = usize::from(area.width);
    let b = app.briefing();
    let date = b.meta.as_of.shown();
    let names: Vec<String> = app
        .topics
        .iter()
        .map(|&t| one_line(&b.topics[t].name).into_owned())
        .collect();
    let count = match names.len() {
        1 => "1 topic".to_string(),
        n => format!("{n} topics"),
    };
    let followed = app
        .followed
        .map(|s| one_line(&b.speakers[s].name).into_owned());
    // From the roomiest to the tightest, with the title's least room in
    // each: the first that fits is used; the last leaves the title out.
    let variants = [
        (
            TITLE_MIN,
            format!(" · as of {date}"),
            "topics: ",
            names.join(", "),
            "following: ",
        ),
        (
            TITLE_MIN,
            format!(" · as of {date}"),
            "",
            count.clone(),
            "following: ",
        ),
        (6, format!(" · {date}"), "", count.clone(), "★ "),
        (0, String::new(), "", count, "★ "),
    ];
    let last = variants.len() - 1;
    for (n, (least, date, topic_label, topics, follow_label)) in variants.into_iter().enumerate() {
        let mut filters: Vec<Vec<Span>> = Vec::new();
        if !app.topics.is_empty() {
            filters.push(vec![
                Span::raw(topic_label),
                Span::styled(topics, ctx.theme.marked()),
            ]);
        }
        if let Some(name) = &followed {
            filters.push(vec![
                Span::raw(follow_label),
                Span::styled(name.clone(), ctx.theme.marked()),
            ]);
        }
        for tag in super::search_line::header_tags(app) {
            filters.push(vec![Span::styled(tag, ctx.theme.marked())]);
        }
        let mut tail = vec![Span::styled(date, ctx.theme.muted())];
        for (i, filter) in filters.into_iter().enumerate() {
            let first_of_all = i == 0 && n == last;
            tail.push(Span::raw(if first_of_all { "" } else { " │ " }));
            tail.extend(filter);
        }
        let tail_width: usize = tail.iter().map(Span::width).sum();
        let room = width.saturating_sub(tail_width + 1);
        if room < least.max(1) && n < last {
            continue;
        }
        // With no room for a title, the filters are what the line is for.
        let title = if n == last {
            String::new()
        } else {
            truncate(&one_line(&b.meta.title), room).into_owned()
        };
        let mut spans = vec![Span::raw(" "), Span::styled(title, ctx.theme.title())];
        spans.extend(tail);
        frame.render_widget(Paragraph::new(Line::from(spans)), area);
        return;
    }
}
