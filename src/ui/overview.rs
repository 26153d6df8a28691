//! The overview: the briefing's summary, key points and sources.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::{Context, popup_frame, text_line};
use crate::app::App;
use crate::app::popup_text::{
    OVERVIEW_WIDTH, overview_height, overview_lines, overview_text_width,
};

pub fn draw(frame: &mut Frame, area: Rect, app: &App, scroll: u16, ctx: &Context) {
    let inner = popup_frame(
        frame,
        area,
        OVERVIEW_WIDTH,
        overview_height(area.height),
        "Overview",
        ctx,
    );
    let lines: Vec<Line> = overview_lines(app, overview_text_width(inner))
        .iter()
        .map(|l| text_line(l, ctx))
        .collect();
    frame.render_widget(Paragraph::new(lines).scroll((scroll, 0)), inner);
}
