//! Terminal events → `Action`s: a key through [`App::action_for`], mouse
//! clicks and wheel, resizes.

use ratatui::crossterm::event::{Event, KeyEventKind, MouseButton, MouseEventKind};

use crate::app::{Action, App};
use crate::keys::Key;

/// The action for a terminal event, if any. Mouse events are ignored unless
/// `mouse` is on.
pub fn event_action(app: &App, mouse: bool, event: &Event) -> Option<Action> {
    match event {
        Event::Key(k) if k.kind != KeyEventKind::Release => app.action_for(&Key::from_event(k)),
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
