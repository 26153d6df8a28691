//! Terminal events → `Action`s: keys through the keymap (or into the search
//! line while it is open), mouse clicks and wheel, resizes.

use ratatui::crossterm::event::{
    Event, KeyCode, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind,
};

use crate::app::{Action, App};
use crate::keys::{Key, Keymap};

/// The action for `key` in the app's current state.
pub fn key_action(app: &App, keymap: &Keymap, key: &Key) -> Option<Action> {
    if app.is_typing() {
        if keymap.action(key) == Some(Action::Suspend) {
            return Some(Action::Suspend);
        }
        let plain = !key
            .mods
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
        return match key.code {
            KeyCode::Char('c') if key.mods.contains(KeyModifiers::CONTROL) => Some(Action::Quit),
            KeyCode::Char(c) if plain => Some(Action::Input(c)),
            KeyCode::Backspace => Some(Action::DeleteChar),
            KeyCode::Enter => Some(Action::Confirm),
            KeyCode::Esc => Some(Action::Back),
            _ => None,
        };
    }
    keymap.action(key)
}

/// The action for a terminal event, if any. Mouse events are ignored unless
/// `mouse` is on.
pub fn event_action(app: &App, keymap: &Keymap, mouse: bool, event: &Event) -> Option<Action> {
    match event {
        Event::Key(k) if k.kind != KeyEventKind::Release => {
            key_action(app, keymap, &Key::from_event(k))
        }
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
