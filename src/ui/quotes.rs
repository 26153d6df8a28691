//! The Quotes pane: wrapped text, speaker, venue and date; reported statements
//! set apart from direct quotes.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::{Context, highlighted, pane, row_line};
use crate::app::proof_text::{Standing, standing};
use crate::app::row_text::quote_row;
use crate::app::{App, DisagreementRow, Pane, Target};
use crate::model::QuoteKind;

pub fn draw(frame: &mut Frame, rect: Rect, app: &App, ctx: &Context) {
    let inner = pane::frame(frame, rect, app, Pane::Quotes, ctx);
    let b = app.briefing();
    let needle = app.highlight(Pane::Quotes);
    // Quotes linked to the selection in the focused pane.
    let linked: Vec<usize> = match app.focus {
        Pane::Timeline => match app.selected_target(Pane::Timeline) {
            Some(Target::Event(e)) => b.index.quotes_by_event[e].clone(),
            _ => Vec::new(),
        },
        Pane::Disagreements => {
            let row = app
                .rows
                .disagreements
                .get(app.lists[Pane::Disagreements.index()].selected);
            let d = &b.disagreements;
            let ids: Vec<&String> = match row {
                Some(DisagreementRow::Position(di, pi)) => {
                    d[*di].positions[*pi].quotes.iter().collect()
                }
                Some(DisagreementRow::Heading(di)) => {
                    d[*di].positions.iter().flat_map(|p| &p.quotes).collect()
                }
                None => Vec::new(),
            };
            ids.iter()
                .filter_map(|id| b.index.quote_by_id.get(*id).copied())
                .collect()
        }
        _ => Vec::new(),
    };
    pane::rows(frame, inner, app, Pane::Quotes, ctx, |i| {
        let qi = app.rows.quotes[i];
        let reported = b.quotes[qi].kind == QuoteKind::Reported;
        let body_style = if reported {
            ctx.theme.reported()
        } else {
            Default::default()
        };
        let row = quote_row(b, qi, inner.width);
        let marker = linked.contains(&qi).then_some("●");
        let hit = ctx.theme.search_match();
        let mut out: Vec<_> = row
            .body
            .iter()
            .enumerate()
            .map(|(n, l)| {
                let spans = highlighted(l, needle.as_deref(), body_style, hit);
                row_line(if n == 0 { marker } else { None }, ctx, spans)
            })
            .collect();
        let credit = highlighted(&row.credit, needle.as_deref(), ctx.theme.muted(), hit);
        let mut credit = row_line(None, ctx, credit);
        // The verification mark stands in the credit line's gutter.
        if let Some(standing) = standing(b, qi) {
            let style = match standing {
                Standing::Failed => ctx.theme.status(crate::model::Status::Open),
                Standing::Verified => ctx.theme.marked(),
                Standing::Unverified => ctx.theme.muted(),
            };
            credit.spans[0] = Span::styled(format!("{} ", standing.mark()), style);
        }
        out.push(credit);
        if let Some(context) = &row.context {
            let context = highlighted(context, needle.as_deref(), ctx.theme.context(), hit);
            out.push(row_line(None, ctx, context));
        }
        out.push(Line::default());
        out
    });
}
