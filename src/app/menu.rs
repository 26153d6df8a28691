//! What the small menus (the copy menu, the speaker chooser) share: where
//! one is drawn, which entries are in view, and what a key or the mouse does
//! to its cursor.

use ratatui::layout::{Margin, Position, Rect};

use super::layout::popup_area;
use super::{Action, App, Mode, Popup};
use crate::keys::Key;

/// A menu's width, border included, on screens wide enough.
pub const WIDTH: u16 = 60;

/// What an action does in a menu.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Highlight entry `i`.
    Move(usize),
    /// Act on entry `i` (Enter, its letter, a click).
    Pick(usize),
    /// Close the menu, acting on nothing.
    Close,
    /// Nothing for the menu to do.
    Ignore,
}

/// A menu's outer rectangle on `screen`, for `lines` lines of content.
pub fn area(screen: Rect, lines: usize) -> Rect {
    let height = u16::try_from(lines + 2).unwrap_or(u16::MAX);
    popup_area(screen, WIDTH, height)
}

/// The first entry shown when `visible` rows of entries fit and the cursor
/// is at `cursor`: the cursor is always in view.
pub fn first_visible(cursor: usize, visible: usize) -> usize {
    cursor.saturating_sub(visible.max(1) - 1)
}

/// What `action` does to a menu of `len` entries drawn at `outer`, the
/// cursor on `cursor`, with `visible` rows of entries at the top of its
/// inner area.
pub fn step(action: &Action, cursor: usize, len: usize, outer: Rect, visible: usize) -> Step {
    let last = len.saturating_sub(1);
    match *action {
        Action::Down => Step::Move((cursor + 1).min(last)),
        Action::Up => Step::Move(cursor.saturating_sub(1)),
        Action::Top | Action::PageUp | Action::HalfPageUp => Step::Move(0),
        Action::Bottom | Action::PageDown | Action::HalfPageDown => Step::Move(last),
        Action::Scroll(_, _, delta) => {
            Step::Move(cursor.saturating_add_signed(isize::from(delta)).min(last))
        }
        Action::Confirm if len > 0 => Step::Pick(cursor),
        Action::Choose(i) if i < len => Step::Pick(i),
        Action::Back | Action::Quit => Step::Close,
        Action::Click(x, y) => {
            if !outer.contains(Position::new(x, y)) {
                return Step::Close;
            }
            let inner = outer.inner(Margin::new(1, 1));
            let row = usize::from(y.saturating_sub(inner.y));
            let i = first_visible(cursor, visible) + row;
            if inner.contains(Position::new(x, y)) && row < visible && i < len {
                Step::Pick(i)
            } else {
                Step::Ignore
            }
        }
        _ => Step::Ignore,
    }
}

/// The actions a menu takes from the popup keys besides its own entry keys:
/// moving, choosing, closing, help and suspending, and `also` (the key
/// that opened it, which picks the highlighted entry).
fn takes(action: &Action, also: &Action) -> bool {
    action == also
        || matches!(
            action,
            Action::Down
                | Action::Up
                | Action::Top
                | Action::Bottom
                | Action::PageDown
                | Action::PageUp
                | Action::HalfPageDown
                | Action::HalfPageUp
                | Action::Confirm
                | Action::Back
                | Action::Quit
                | Action::Help
                | Action::Suspend
        )
}

impl App {
    /// The status-line word of `action` (declared as `declared`) while a
    /// menu is open: Enter copies or follows, Esc goes back, moving keeps
    /// its word, and the other popup hints do not apply. `None` when no
    /// menu is open.
    pub(super) fn menu_hint(
        &self,
        action: &Action,
        declared: &'static str,
    ) -> Option<Option<&'static str>> {
        let verb = match self.popups.last()? {
            Popup::CopyMenu { .. } => "copy",
            Popup::SpeakerChoice { .. } => "follow",
            _ => return None,
        };
        Some(match action {
            Action::Confirm => Some(verb),
            Action::Back => Some("back"),
            Action::Down | Action::Up => Some(declared),
            _ => None,
        })
    }

    /// What `key` does in an open menu whose entry keys found nothing: a
    /// popup key the menu takes, or else, for a key that would act on
    /// what lies under the menu or is not bound, a message saying it is
    /// not a choice. Keys other than characters are left to the keymap.
    pub(super) fn menu_key(&self, key: &Key, also: &Action) -> Option<Action> {
        let action = self.keymap().action(Mode::Popup, key);
        match action {
            Some(action) if takes(&action, also) => Some(action),
            _ if matches!(key.code, ratatui::crossterm::event::KeyCode::Char(_))
                || action.is_some() =>
            {
                Some(Action::Notify(format!(
                    "{key} is not a choice here: press a key the menu shows"
                )))
            }
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_move_pick_and_close() {
        let outer = Rect::new(10, 5, 20, 7);
        let s = |a: Action, cursor| step(&a, cursor, 3, outer, 3);
        assert_eq!(s(Action::Down, 2), Step::Move(2));
        assert_eq!(s(Action::Up, 0), Step::Move(0));
        assert_eq!(s(Action::Bottom, 0), Step::Move(2));
        assert_eq!(s(Action::Confirm, 1), Step::Pick(1));
        assert_eq!(s(Action::Choose(2), 0), Step::Pick(2));
        assert_eq!(s(Action::Choose(3), 0), Step::Ignore);
        assert_eq!(s(Action::Back, 0), Step::Close);
        // The second entry is on the second inner row; outside closes.
        assert_eq!(s(Action::Click(12, 7), 0), Step::Pick(1));
        assert_eq!(s(Action::Click(12, 9), 0), Step::Ignore);
        assert_eq!(s(Action::Click(0, 0), 0), Step::Close);
    }

    #[test]
    fn the_cursor_stays_in_view() {
        assert_eq!(first_visible(0, 3), 0);
        assert_eq!(first_visible(5, 3), 3);
        assert_eq!(first_visible(5, 0), 5);
    }
}
