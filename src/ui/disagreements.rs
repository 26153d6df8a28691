//! The Disagreements pane: open ones first with their status, resolved ones
//! dimmed, each party's stance beneath.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Span;

use super::{Context, highlighted, pane, row_line};
use crate::app::row_text::disagreement_lines;
use crate::app::{App, DisagreementRow, Pane};
use crate::model::{DisagreementKind, Status};
use crate::text::truncate;

pub fn draw(frame: &mut Frame, rect: Rect, app: &App, ctx: &Context) {
    let inner = pane::frame(frame, rect, app, Pane::Disagreements, ctx);
    let b = app.briefing();
    let needle = app.highlight(Pane::Disagreements);
    let selected_quote = app.focused_quote();
    let width = usize::from(inner.width.saturating_sub(2));
    pane::rows(frame, inner, app, Pane::Disagreements, ctx, |i| {
        let row = app.rows.disagreements[i];
        let d = &b.disagreements[row.disagreement()];
        let dim = d.status == Status::Resolved;
        let lines = disagreement_lines(b, row, inner.width);
        match row {
            DisagreementRow::Heading(_) => {
                let badge = match d.status {
                    Status::Open => "OPEN",
                    Status::Narrowing => "NARROWING",
                    Status::Resolved => "RESOLVED",
                };
                // An open question reads differently from a dispute.
                let label = match d.kind {
                    DisagreementKind::Question => "question: ",
                    DisagreementKind::Dispute => "",
                };
                let room = width.saturating_sub(badge.len() + 1 + label.len());
                let title = truncate(&lines[0], room).into_owned();
                let base = if dim {
                    ctx.theme.resolved()
                } else {
                    ctx.theme.bold()
                };
                let mut spans = vec![
                    Span::styled(badge, ctx.theme.status(d.status)),
                    Span::raw(" "),
                    Span::styled(label, ctx.theme.muted()),
                ];
                spans.extend(highlighted(
                    &title,
                    needle.as_deref(),
                    base,
                    ctx.theme.search_match(),
                ));
                vec![row_line(None, ctx, spans)]
            }
            DisagreementRow::Position(di, pi) => {
                let position = &b.disagreements[di].positions[pi];
                let followed = app
                    .followed
                    .is_some_and(|s| b.speakers[s].id == position.speaker);
                let cites = selected_quote
                    .is_some_and(|q| b.index.positions_by_quote[q].contains(&(di, pi)));
                let marker = (followed || cites).then_some("●");
                let base = if dim {
                    ctx.theme.resolved()
                } else {
                    Default::default()
                };
                lines
                    .iter()
                    .enumerate()
                    .map(|(n, l)| {
                        let mut spans = vec![Span::raw("  ")];
                        spans.extend(highlighted(
                            l,
                            needle.as_deref(),
                            base,
                            ctx.theme.search_match(),
                        ));
                        row_line(if n == 0 { marker } else { None }, ctx, spans)
                    })
                    .collect()
            }
        }
    });
}
