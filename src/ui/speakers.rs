//! The Speakers pane: name, role, affiliation and quote count under the filter.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Span;

use super::{Context, highlighted, pane, row_line};
use crate::app::{App, Pane};
use crate::text::{one_line, truncate};

pub fn draw(frame: &mut Frame, rect: Rect, app: &App, ctx: &Context) {
    let inner = pane::frame(frame, rect, app, Pane::Speakers, ctx);
    let b = app.briefing();
    let needle = app.highlight(Pane::Speakers);
    let width = usize::from(inner.width.saturating_sub(2));
    pane::rows(frame, inner, app, Pane::Speakers, ctx, |i| {
        let si = app.rows.speakers[i];
        let s = &b.speakers[si];
        let count = app.rows.quote_counts[si];
        let count = format!(" {count} quote{}", if count == 1 { "" } else { "s" });
        let marker = (app.followed == Some(si)).then_some("★");
        let name = truncate(&one_line(&s.name), width.saturating_sub(count.len())).into_owned();
        let mut first = highlighted(
            &name,
            needle.as_deref(),
            ctx.theme.bold(),
            ctx.theme.search_match(),
        );
        first.push(Span::styled(count, ctx.theme.muted()));
        // "government · role, affiliation", with no empty part.
        let mut parts: Vec<String> = Vec::new();
        if !s.role.trim().is_empty() {
            parts.push(one_line(s.role.trim()).into_owned());
        }
        parts.extend(s.affiliation.as_deref().map(|a| one_line(a).into_owned()));
        let mut role = parts.join(", ");
        if let Some(kind) = s.kind_word() {
            role = if role.is_empty() {
                kind.to_string()
            } else {
                format!("{kind} · {role}")
            };
        }
        if let Some(since) = crate::app::row_text::role_since(b, si) {
            role = format!("{role} · {since}");
        }
        let role = truncate(&role, width).into_owned();
        vec![
            row_line(marker, ctx, first),
            row_line(
                None,
                ctx,
                highlighted(
                    &role,
                    needle.as_deref(),
                    ctx.theme.muted(),
                    ctx.theme.search_match(),
                ),
            ),
        ]
    });
}
