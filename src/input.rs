//! Terminal events → `Action`s: a key through the keymap of the app's current
//! mode (in the search line, an unbound printable key is typed), mouse clicks
//! and wheel, resizes.

use ratatui::crossterm::event::{
    Event, KeyCode, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind,
};

use crate::app::{Action, App, Mode};
use crate::keys::Key;

/// The action for `key` in the app's current mode.
pub fn key_action(app: &App, key: &Key) -> Option<Action> {
    let mode = app.mode();
    app.keymap().action(mode, key).or_else(|| match key.code {
        KeyCode::Char(c)
            if mode == Mode::Search
                && !key
                    .mods
                    .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
        {
            Some(Action::Input(c))
        }
        _ => None,
    })
}

/// The action for a terminal event, if any. Mouse events are ignored unless
/// `mouse` is on.
pub fn event_action(app: &App, mouse: bool, event: &Event) -> Option<Action> {
    match event {
        Event::Key(k) if k.kind != KeyEventKind::Release => key_action(app, &Key::from_event(k)),
        Event::Mouse(m) if mouse => match m.kind {
            MouseEventKind::Down(MouseButton::Left) => Some(Action::Click(m.column, m.row)),
            MouseEventKind::ScrollDown => Some(Action::Scroll(m.column, m.row, 1)),
            MouseEventKind::ScrollUp => Some(Action::Scroll(m.column, m.row, -1)),
            _ => None,
        },
        Event::Resize(w, h) => Some(Action::Resize(*w, *h)),
        _ => None,
    }
}
