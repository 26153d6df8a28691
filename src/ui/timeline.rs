//! The Timeline pane: events in date order with date, title and place.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Span;

use super::{Context, highlighted, pane, row_line};
use crate::app::{App, Pane};
use crate::text::{one_line, truncate};

pub fn draw(frame: &mut Frame, rect: Rect, app: &App, ctx: &Context) {
    if app.chart_on() {
        return super::timeline_chart::draw(frame, rect, app, ctx);
    }
    let inner = pane::frame(frame, rect, app, Pane::Timeline, ctx);
    let b = app.briefing();
    let needle = app.highlight(Pane::Timeline);
    // Events linked to the selection elsewhere: the followed speaker's, or the
    // selected quote's event.
    let linked_quote_event = app.focused_quote().and_then(|q| {
        let event = b.quotes[q].event.as_deref()?;
        b.index.event_by_id.get(event).copied()
    });
    let width = usize::from(inner.width.saturating_sub(2));
    pane::rows(frame, inner, app, Pane::Timeline, ctx, |i| {
        let ei = app.rows.timeline[i];
        let e = &b.events[ei];
        let followed = app
            .followed
            .is_some_and(|s| b.index.events_by_speaker[s].contains(&ei));
        let marker = (followed || linked_quote_event == Some(ei)).then_some("●");
        let date = e.at.shown();
        let mut text = one_line(&e.title).into_owned();
        if let Some(tag) = crate::app::row_text::event_tag(b, ei) {
            text = format!("{tag} {text}");
        }
        if let Some(place) = &e.place {
            text.push_str(" · ");
            text.push_str(&one_line(place));
        }
        let text = truncate(&text, width.saturating_sub(date.len() + 1)).into_owned();
        let mut spans = vec![Span::styled(format!("{date} "), ctx.theme.muted())];
        spans.extend(highlighted(
            &text,
            needle.as_deref(),
            Default::default(),
            ctx.theme.search_match(),
        ));
        vec![row_line(marker, ctx, spans)]
    });
}
