//! The problems badge at the right end of the status line (`⚠ 2 problems`),
//! shown while any file has problems; `!` lists them (the list itself is a
//! document popup, drawn by `popup.rs`).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Span;
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::Context;
use crate::app::App;

/// Draws the badge at the right of `area`, if there are problems and room
/// (a quarter of the line at most), and returns the rest of `area`.
pub fn draw_badge(frame: &mut Frame, area: Rect, app: &App, ctx: &Context) -> Rect {
    let Some(badge) = app.problem_badge() else {
        return area;
    };
    let badge = format!(" {badge} ");
    let width = u16::try_from(badge.width()).unwrap_or(u16::MAX);
    if width > area.width / 4 {
        return area;
    }
    let rest = Rect {
        width: area.width - width,
        ..area
    };
    let at = Rect {
        x: area.x + rest.width,
        width,
        ..area
    };
    let style = ctx.theme.status(crate::model::Status::Open);
    frame.render_widget(Paragraph::new(Span::styled(badge, style)), at);
    rest
}
