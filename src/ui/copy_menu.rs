//! The copy menu: what can be copied of an item, each with its letter, and
//! a preview of the highlighted choice's text.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

use super::{Context, menu};
use crate::app::copy_menu::{area, choices, preview, title};
use crate::app::{Action, App, Target};

pub fn draw(
    frame: &mut Frame,
    screen: Rect,
    app: &App,
    target: Target,
    cursor: usize,
    ctx: &Context,
) {
    let b = app.briefing();
    let outer = area(b, target, screen);
    let footer = format!(
        "letter or {}: copy · {}: back",
        menu::key_name(app, &Action::Confirm),
        menu::key_name(app, &Action::Back)
    );
    let inner = menu::frame_at(frame, outer, title(b, target), &footer, ctx);
    let width = usize::from(inner.width);
    let mut lines: Vec<Line> = (choices(b, target).iter().enumerate())
        .map(|(i, c)| menu::entry(&c.key.to_string(), c.label, i == cursor, width, ctx))
        .collect();
    lines.push(Line::default());
    lines.extend(menu::muted(preview(b, target, cursor, screen), ctx));
    menu::render(frame, inner, lines);
}
