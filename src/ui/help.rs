//! The help overlay, generated from the keymap: each mode's bindings with
//! their descriptions, and the config file in use.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{Context, popup_frame, text_line};
use crate::app::App;
use crate::app::popup_text::{HELP_WIDTH, LineKind, help_height, help_lines};

pub fn draw(frame: &mut Frame, area: Rect, app: &App, scroll: u16, ctx: &Context) {
    let lines = help_lines(app.keymap(), app.config_path(), area.width);
    let key_width = (lines.iter())
        .filter(|l| l.kind == LineKind::Keys)
        .map(|l| l.text.chars().count())
        .max()
        .unwrap_or(0)
        .min(28);
    let inner = popup_frame(
        frame,
        area,
        HELP_WIDTH,
        help_height(lines.len()),
        "Help: keys",
        ctx,
    );
    let lines: Vec<Line> = lines
        .iter()
        .map(|l| match l.kind {
            LineKind::Keys => Line::from(vec![
                Span::styled(format!(" {:<key_width$}  ", l.text), ctx.theme.title()),
                Span::raw(l.detail),
            ]),
            _ => text_line(l, ctx),
        })
        .collect();
    frame.render_widget(Paragraph::new(lines).scroll((scroll, 0)), inner);
}
