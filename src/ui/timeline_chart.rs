//! The Timeline pane as a chart (`C`): the cursor's period and its counts
//! as text, events as marks, quotes per column as bars (a `Sparkline`),
//! the date axis with the cursor and the date range drawn in its line (so
//! they show without colour), its labels, and the period's events.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Sparkline, SparklineBar};

use super::{Context, pane};
use crate::app::chart::period_name;
use crate::app::date_axis::Axis;
use crate::app::{App, Pane};
use crate::model::days::{Counts, Day, date_of};
use crate::text::{one_line, truncate};
use chrono::Datelike as _;

/// The rows of the chart inside the pane, top to bottom.
struct Rows {
    text: Rect,
    events: Option<Rect>,
    bars: Option<Rect>,
    axis: Option<Rect>,
    labels: Option<Rect>,
    list: Option<Rect>,
}

fn rows(inner: Rect) -> Rows {
    let h = inner.height;
    let at = |y: u16, height: u16| Rect::new(inner.x, inner.y + y, inner.width, height);
    // Kept as the height shrinks, in this order: the text, the bars, the
    // labels, the axis line, the event marks; the list of the period's
    // events only where the chart has room to spare.
    let labels = h >= 3;
    let axis = h >= 4;
    let events = h >= 5;
    let fixed = 1 + u16::from(labels) + u16::from(axis) + u16::from(events);
    let rest = h.saturating_sub(fixed);
    let bars = if rest > 10 { (rest / 2).max(4) } else { rest };
    let list = rest - bars;
    let mut y = 1;
    let mut take = |on: bool, height: u16| {
        (on && height > 0).then(|| {
            let r = at(y, height);
            y += height;
            r
        })
    };
    let events = take(events, 1);
    let bars = take(true, bars);
    let axis = take(axis, 1);
    let labels = take(labels, 1);
    let list = take(true, list);
    Rows {
        text: at(0, h.min(1)),
        events,
        bars,
        axis,
        labels,
        list,
    }
}

/// The chart's area inside the pane (a column of margin each side), its
/// rows and its axis; `None` when the pane is too small to hold it.
fn geometry(app: &App, inner: Rect) -> Option<(Rect, Rows, Axis)> {
    if inner.width < 3 || inner.height == 0 {
        return None;
    }
    let inner = Rect::new(inner.x + 1, inner.y, inner.width - 2, inner.height);
    let (first, last) = app.axis_span();
    Some((inner, rows(inner), Axis::new(first, last, inner.width)))
}

/// Where the terminal cursor goes: the cursor's column on the axis line
/// (or the bars' bottom row when there is no axis line).
pub fn cursor(app: &App, pane_inner: Rect) -> Option<ratatui::layout::Position> {
    let (inner, layout, axis) = geometry(app, pane_inner)?;
    let row = layout.axis.or(layout.bars)?;
    let x = inner.x + axis.column(app.cursor_day());
    Some(ratatui::layout::Position::new(x, row.bottom() - 1))
}

pub fn draw(frame: &mut Frame, rect: Rect, app: &App, ctx: &Context) {
    let inner = pane::frame(frame, rect, app, Pane::Timeline, ctx);
    let Some((inner, layout, axis)) = geometry(app, inner) else {
        return;
    };
    let (first, last) = app.axis_span();
    let (quote_at, event_at) = app.chart_counts();
    let period = app.cursor_period();
    let cursor = app.cursor_day();
    let range = app.range_in_progress().or(app.date_filter());
    let period_cols = axis.columns(period.0, period.1);
    let range_cols = range.map_or(0..0, |(a, b)| axis.columns(a, b));
    let focused = app.focus() == Pane::Timeline;
    let column_style = |col: u16, base: Style| {
        if period_cols.contains(&col) && focused {
            base.patch(ctx.theme.title())
        } else if range_cols.contains(&col) {
            base.patch(ctx.theme.marked())
        } else {
            base
        }
    };

    let summary = summary(app, period, quote_at, event_at, first, last);
    let width = usize::from(inner.width);
    frame.render_widget(
        Paragraph::new(Span::styled(
            truncate(&summary, width).into_owned(),
            ctx.theme.bold(),
        )),
        layout.text,
    );

    let places: Vec<_> = (0..axis.width).map(|c| axis.places(c)).collect();
    if let Some(r) = layout.events {
        let marks: Vec<Span> = (places.iter().enumerate())
            .map(|(c, &(from, to))| {
                let n = event_at.between(from, to);
                let mark = if n > 0 { "◆" } else { " " };
                Span::styled(mark, column_style(c as u16, Style::new()))
            })
            .collect();
        frame.render_widget(Paragraph::new(Line::from(marks)), r);
    }
    if let Some(r) = layout.bars {
        // A quote's bar is its whole day: many quotes give no time.
        let counts: Vec<u64> = (0..axis.width)
            .map(|c| match axis.days(c) {
                (_, _, true) => 0,
                // Per day of the column: a last column of fewer days is
                // not a dip.
                (from, to, false) => {
                    let n = quote_at.between(from, to) as u64;
                    let days = (i64::from(to.0) - i64::from(from.0)).max(1) as u64;
                    n * u64::from(axis.days_per_column()) / days
                }
            })
            .collect();
        // Scaled here so that a column with one quote never rounds to
        // nothing beside one with thousands.
        let levels = u64::from(r.height) * 8;
        let max = counts.iter().copied().max().unwrap_or(0).max(1);
        let bars: Vec<SparklineBar> = (counts.iter().enumerate())
            .map(|(c, &n)| {
                let h = if n == 0 { 0 } else { (n * levels / max).max(1) };
                SparklineBar::from(h).style(column_style(c as u16, ctx.theme.muted()))
            })
            .collect();
        let area = Rect::new(r.x, r.y, axis.width.min(r.width), r.height);
        frame.render_widget(Sparkline::default().data(bars).max(levels), area);
    }
    if let Some(r) = layout.axis {
        let cursor_col = axis.column(cursor);
        // Under --ascii the lines would all become `-`: the period and the
        // range get marks of their own.
        let (period_mark, range_mark) = if ctx.theme.ascii() {
            ("#", "=")
        } else {
            ("━", "═")
        };
        let line: Vec<Span> = (0..axis.width)
            .map(|c| {
                let glyph = if c == cursor_col {
                    "▲"
                } else if period_cols.contains(&c) {
                    period_mark
                } else if range_cols.contains(&c) {
                    range_mark
                } else {
                    "─"
                };
                Span::styled(glyph, column_style(c, ctx.theme.muted()))
            })
            .collect();
        frame.render_widget(Paragraph::new(Line::from(line)), r);
    }
    if let Some(r) = layout.labels {
        let mut spans = Vec::new();
        let mut x = 0u16;
        for (col, text) in axis.labels() {
            spans.push(Span::raw(" ".repeat(usize::from(col - x))));
            x = col + text.chars().count() as u16;
            spans.push(Span::styled(text, ctx.theme.muted()));
        }
        frame.render_widget(Paragraph::new(Line::from(spans)), r);
    }
    if let Some(r) = layout.list {
        // The days the text names: the filter just set, else the period.
        let shown = app.date_filter().filter(|&f| app.date_range() == Some(f));
        list(frame, r, app, shown.unwrap_or(period), ctx);
    }
}

/// "Aug 15: 3 events, 12 quotes · range Aug 14–16 (v ends)".
fn summary(
    app: &App,
    period: (Day, Day),
    quote_at: &Counts,
    event_at: &Counts,
    first: Day,
    last: Day,
) -> String {
    // Just after a range is set, the panes show it: so does the text.
    let filter = app.date_filter().filter(|&f| app.date_range() == Some(f));
    let (from, to) = filter.unwrap_or(period);
    let after = (to.saturating_add(1), 0);
    let quotes = quote_at.between((from, 0), after);
    let events = event_at.between((from, 0), after);
    let years_differ = date_of(first).year() != date_of(last).year();
    let name = match filter {
        Some(range) => app.dates_tag(range),
        None => period_name(period, app.chart().unit, years_differ),
    };
    let mut text = format!(
        "{name}: {}, {}",
        crate::text::plural(events, "event", "events"),
        crate::text::plural(quotes, "quote", "quotes")
    );
    if let Some(range) = app.range_in_progress() {
        text.push_str(&format!(" · range {} (v ends)", app.dates_tag(range)));
    } else if let Some(range) = app.date_filter().filter(|_| filter.is_none()) {
        text.push_str(&format!(" · dates {}", app.dates_tag(range)));
    }
    text
}

/// The period's events, one a line, with what is left over counted.
fn list(frame: &mut Frame, r: Rect, app: &App, period: (Day, Day), ctx: &Context) {
    let b = app.briefing();
    let height = usize::from(r.height);
    let width = usize::from(r.width);
    let (events, total) = app.events_between(period, height);
    let shown = if total > height {
        height.saturating_sub(1)
    } else {
        total
    };
    let mut lines: Vec<Line> = (events.iter().take(shown))
        .map(|&e| {
            let event = &b.events[e];
            let date = event.at.shown();
            let title = truncate(
                &one_line(&event.title),
                width.saturating_sub(date.len() + 1),
            )
            .into_owned();
            Line::from(vec![
                Span::styled(format!("{date} "), ctx.theme.muted()),
                Span::raw(title),
            ])
        })
        .collect();
    if total > shown {
        let more = format!("+{} more", total - shown);
        lines.push(Line::from(Span::styled(
            truncate(&more, width).into_owned(),
            ctx.theme.muted(),
        )));
    }
    frame.render_widget(Paragraph::new(lines), r);
}
