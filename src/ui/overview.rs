//! The overview: the briefing's summary, key points and sources.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{Context, popup_frame};
use crate::app::App;
use crate::text::{one_line, wrap};

pub fn draw(frame: &mut Frame, area: Rect, app: &App, scroll: u16, ctx: &Context) {
    let b = app.briefing();
    let m = &b.meta;
    let inner = popup_frame(
        frame,
        area,
        90,
        area.height.saturating_sub(4).max(10),
        "Overview",
        ctx,
    );
    let width = usize::from(inner.width.saturating_sub(2)).max(1);
    let mut lines: Vec<Line> = Vec::new();
    let para = |lines: &mut Vec<Line>, text: &str, indent: &str, style| {
        for l in wrap(text, width.saturating_sub(indent.chars().count())) {
            lines.push(Line::from(Span::styled(format!(" {indent}{l}"), style)));
        }
    };
    para(&mut lines, &m.title, "", ctx.theme.title());
    lines.push(Line::from(Span::styled(
        format!(" as of {}", m.as_of),
        ctx.theme.muted(),
    )));
    lines.push(Line::default());
    para(&mut lines, m.summary.trim(), "", Default::default());
    if !m.key_points.is_empty() {
        lines.push(Line::default());
        lines.push(Line::from(Span::styled(" Key points", ctx.theme.bold())));
        for p in &m.key_points {
            let wrapped = wrap(p, width.saturating_sub(3));
            for (n, l) in wrapped.iter().enumerate() {
                let bullet = if n == 0 { "• " } else { "  " };
                lines.push(Line::from(format!("  {bullet}{l}")));
            }
        }
    }
    if !m.sources.is_empty() {
        lines.push(Line::default());
        lines.push(Line::from(Span::styled(" Sources", ctx.theme.bold())));
        for s in &m.sources {
            let mut text = one_line(&s.title).into_owned();
            if let Some(o) = &s.outlet {
                text.push_str(&format!(", {}", one_line(o)));
            }
            if let Some(p) = &s.published {
                text.push_str(&format!(", {p}"));
            }
            if let Some(u) = &s.url {
                text.push_str(&format!(" <{}>", one_line(u)));
            }
            para(&mut lines, &text, "• ", Default::default());
        }
    }
    lines.push(Line::default());
    lines.push(Line::from(Span::styled(
        format!(
            " {} speakers · {} events · {} quotes · {} disagreements · {} topics",
            b.speakers.len(),
            b.events.len(),
            b.quotes.len(),
            b.disagreements.len(),
            b.topics.len()
        ),
        ctx.theme.muted(),
    )));
    frame.render_widget(Paragraph::new(lines).scroll((scroll, 0)), inner);
}
