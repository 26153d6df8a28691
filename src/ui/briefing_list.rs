//! The list of loaded briefings (title, as-of date, counts), then the files
//! that failed to load and why.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{Context, popup_frame};
use crate::app::App;
use crate::text::{one_line, truncate};

pub fn draw(frame: &mut Frame, area: Rect, app: &App, cursor: usize, ctx: &Context) {
    let rows = app.briefings.len() * 2 + app.failures.len() * 2 + 3;
    let inner = popup_frame(
        frame,
        area,
        96,
        u16::try_from(rows + 2).unwrap_or(u16::MAX),
        "Briefings",
        ctx,
    );
    let width = usize::from(inner.width.saturating_sub(4));
    let mut lines: Vec<Line> = Vec::new();
    let mut cursor_line = 0;
    for (i, b) in app.briefings.iter().enumerate() {
        let current = if i == app.current { "▶ " } else { "  " };
        let title = truncate(&one_line(&b.meta.title), width.saturating_sub(14)).into_owned();
        let mut first = Line::from(vec![
            Span::styled(current, ctx.theme.marked()),
            Span::styled(title, ctx.theme.bold()),
            Span::styled(format!("  {}", b.meta.as_of.shown()), ctx.theme.muted()),
        ]);
        if i == cursor {
            first = ctx.theme.selected_line(first);
            cursor_line = lines.len();
        }
        lines.push(first);
        let counts = format!(
            "    {} quotes · {} speakers · {} events · {} disagreements · {}",
            b.quotes.len(),
            b.speakers.len(),
            b.events.len(),
            b.disagreements.len(),
            one_line(&b.path.display().to_string())
        );
        lines.push(Line::from(Span::styled(
            truncate(&counts, width + 2).into_owned(),
            ctx.theme.muted(),
        )));
    }
    if !app.failures.is_empty() {
        lines.push(Line::default());
        lines.push(Line::from(Span::styled(
            format!("  {} file(s) failed to load:", app.failures.len()),
            ctx.theme.status(crate::model::Status::Open),
        )));
    }
    for (j, f) in app.failures.iter().enumerate() {
        let mut path = Line::from(Span::raw(format!(
            "  ✗ {}",
            truncate(&one_line(&f.path.display().to_string()), width)
        )));
        if app.briefings.len() + j == cursor {
            path = ctx.theme.selected_line(path);
            cursor_line = lines.len();
        }
        lines.push(path);
        let first = f
            .diagnostics
            .first()
            .map(|d| format!("{}: {}", d.position(), d.message))
            .unwrap_or_default();
        let more = f.diagnostics.len().saturating_sub(1);
        let more = if more > 0 {
            format!(" (+{more} more; run `briefing check`)")
        } else {
            String::new()
        };
        lines.push(Line::from(Span::styled(
            truncate(&one_line(&format!("    {first}{more}")), width + 2).into_owned(),
            ctx.theme.muted(),
        )));
    }
    let scroll =
        u16::try_from((cursor_line + 2).saturating_sub(usize::from(inner.height))).unwrap_or(0);
    frame.render_widget(Paragraph::new(lines).scroll((scroll, 0)), inner);
}
