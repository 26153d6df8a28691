//! The speaker chooser: the speakers an item names, numbered; the chosen
//! one is followed.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

use super::{Context, menu};
use crate::app::menu::first_visible;
use crate::app::speaker_choice::{NUMBERED, area, visible};
use crate::app::{Action, App};
use crate::export::snippet::speaker_line;

pub fn draw(
    frame: &mut Frame,
    screen: Rect,
    app: &App,
    speakers: &[usize],
    cursor: usize,
    ctx: &Context,
) {
    let b = app.briefing();
    let outer = area(speakers.len(), screen);
    let last = speakers.len().min(NUMBERED);
    let footer = format!(
        "1–{last} or {}: follow · {}: back",
        menu::key_name(app, &Action::Confirm),
        menu::key_name(app, &Action::Back)
    );
    let inner = menu::frame_at(frame, outer, "Follow which speaker?", &footer, ctx);
    let width = usize::from(inner.width);
    let first = first_visible(cursor, visible(outer));
    let lines: Vec<Line> = (speakers.iter().enumerate().skip(first).take(visible(outer)))
        .map(|(i, &s)| {
            let key = if i < NUMBERED {
                (i + 1).to_string()
            } else {
                String::new()
            };
            menu::entry(&key, &speaker_line(b, s), i == cursor, width, ctx)
        })
        .collect();
    menu::render(frame, inner, lines);
}
