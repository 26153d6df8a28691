//! Headless rendering: the same app on a test backend, keys applied, the final
//! screen returned as plain text (`briefing render`).

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;

use crate::app::{Action, App, Effect};
use crate::keys::Key;
use crate::ui::{self, Context};

/// Applies `keys` to `app` as the terminal loop does, up to a quit, and
/// returns the effects asked for instead of carrying them out (no clipboard,
/// no browser, no suspending).
pub fn press(app: &mut App, keys: &[Key]) -> Vec<Effect> {
    let mut effects = Vec::new();
    for key in keys {
        if let Some(action) = app.action_for(key) {
            app.update(action);
        }
        effects.extend(app.take_effects());
        if app.should_quit() {
            break;
        }
    }
    effects
}

/// Draws `app` on a `width`×`height` test backend and returns the screen.
pub fn draw(app: &App, ctx: &Context, width: u16, height: u16) -> Buffer {
    let mut terminal =
        Terminal::new(TestBackend::new(width, height)).expect("a test backend never fails");
    terminal
        .draw(|frame| ui::draw(frame, app, ctx))
        .expect("a test backend never fails");
    terminal.backend().buffer().clone()
}

/// Applies `keys` to `app` on a `width`×`height` screen and returns the screen.
pub fn render(app: &mut App, ctx: &Context, keys: &[Key], width: u16, height: u16) -> Buffer {
    app.update(Action::Resize(width, height));
    let _ignored = press(app, keys);
    draw(app, ctx, width, height)
}

/// The buffer's text, one line per row, trailing spaces removed.
pub fn to_text(buffer: &Buffer) -> String {
    let area = buffer.area;
    let mut out = String::new();
    for y in area.top()..area.bottom() {
        let mut line = String::new();
        let mut skip = 0;
        for x in area.left()..area.right() {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let symbol = buffer[(x, y)].symbol();
            skip = unicode_width::UnicodeWidthStr::width(symbol).saturating_sub(1);
            line.push_str(symbol);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}
