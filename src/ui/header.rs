//! The header line: briefing title, as-of date, active topic filter and the
//! followed speaker. When room runs short the title gives way first, then the
//! topic names become a count, then the date goes; the followed speaker's
//! name is cut, with `…`, only when it cannot fit at all.

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
    // each (`None`: no title): the first that fits is used. The title gives
    // way first, then the labels, then the topic names become a count; the
    // title goes before the date, the date before the followed name is cut.
    let long_date = format!(" · as of {date}");
    let short_date = format!(" · {date}");
    let variants = [
        (
            Some(TITLE_MIN),
            long_date.clone(),
            "topics: ",
            names.join(", "),
            "following: ",
        ),
        (
            Some(TITLE_MIN),
            short_date.clone(),
            "topics: ",
            names.join(", "),
            "★ ",
        ),
        (Some(TITLE_MIN), long_date, "", count.clone(), "following: "),
        (Some(6), short_date, "", count.clone(), "★ "),
        (None, date.to_string(), "", count.clone(), "★ "),
        (None, String::new(), "", count, "★ "),
    ];
    let last = variants.len() - 1;
    for (n, (least, date, topic_label, topics, follow_label)) in variants.into_iter().enumerate() {
        let bare = least.is_none() && date.is_empty();
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
        if let Some(range) = app.date_filter() {
            let tag = app.dates_tag(range);
            filters.push(vec![Span::styled(tag, ctx.theme.marked())]);
        }
        for tag in super::search_line::header_tags(app) {
            filters.push(vec![Span::styled(tag, ctx.theme.marked())]);
        }
        let mut tail = vec![Span::styled(date, ctx.theme.muted())];
        for (i, filter) in filters.into_iter().enumerate() {
            let first_of_all = i == 0 && bare;
            tail.push(Span::raw(if first_of_all { "" } else { " │ " }));
            tail.extend(filter);
        }
        let tail_width: usize = tail.iter().map(Span::width).sum();
        let room = width.saturating_sub(tail_width + 1);
        let fits = match least {
            Some(least) => room >= least.max(1),
            None => tail_width < width,
        };
        if !fits && n < last {
            continue;
        }
        let title = match least {
            Some(_) => truncate(&one_line(&b.meta.title), room).into_owned(),
            None => String::new(),
        };
        if !fits {
            // Even alone the filters do not fit: the followed name is cut,
            // and says so, rather than the line running off the screen.
            if let Some(name) = &followed {
                let others = tail_width + 1 - unicode_width::UnicodeWidthStr::width(name.as_str());
                let cut = truncate(name, width.saturating_sub(others)).into_owned();
                if let Some(span) = tail.iter_mut().find(|s| s.content == name.as_str()) {
                    span.content = cut.into();
                }
            }
        }
        let mut spans = vec![Span::raw(" "), Span::styled(title, ctx.theme.title())];
        spans.extend(tail);
        frame.render_widget(Paragraph::new(Line::from(spans)), area);
        return;
    }
}
