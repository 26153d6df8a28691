//! The [`Key`] type: one key press in a normal form, and its canonical name
//! (the name help and hints show, which the key grammar reads back).

use std::fmt;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// One key press: a key code and the modifiers held with it.
///
/// Keys are kept in a normal form, so that a key read from the terminal equals
/// the key parsed from its name:
/// - a character never carries SHIFT (the character itself says it: `G`);
/// - shift-tab is always [`KeyCode::BackTab`] without SHIFT.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

/// Named keys, by their canonical (lower-case) name. The first name of a code
/// is the one shown.
pub(super) const NAMES: &[(&str, KeyCode)] = &[
    ("enter", KeyCode::Enter),
    ("esc", KeyCode::Esc),
    ("tab", KeyCode::Tab),
    ("backtab", KeyCode::BackTab),
    ("space", KeyCode::Char(' ')),
    ("backspace", KeyCode::Backspace),
    ("delete", KeyCode::Delete),
    ("insert", KeyCode::Insert),
    ("up", KeyCode::Up),
    ("down", KeyCode::Down),
    ("left", KeyCode::Left),
    ("right", KeyCode::Right),
    ("home", KeyCode::Home),
    ("end", KeyCode::End),
    ("pageup", KeyCode::PageUp),
    ("pagedown", KeyCode::PageDown),
];

/// Modifier prefixes of key names, in the order they are shown.
pub(super) const MODIFIERS: &[(&str, KeyModifiers)] = &[
    ("ctrl-", KeyModifiers::CONTROL),
    ("alt-", KeyModifiers::ALT),
    ("shift-", KeyModifiers::SHIFT),
];

/// The highest function key with a name (`f12`).
pub(super) const MAX_F: u8 = 12;

impl Key {
    /// `code` with `mods`, in normal form.
    pub fn new(code: KeyCode, mods: KeyModifiers) -> Key {
        let mut mods = mods;
        let code = match code {
            KeyCode::Char(c) if mods.contains(KeyModifiers::SHIFT) => {
                mods.remove(KeyModifiers::SHIFT);
                KeyCode::Char(shifted(c).unwrap_or(c))
            }
            KeyCode::Tab if mods.contains(KeyModifiers::SHIFT) => {
                mods.remove(KeyModifiers::SHIFT);
                KeyCode::BackTab
            }
            KeyCode::BackTab => {
                mods.remove(KeyModifiers::SHIFT);
                KeyCode::BackTab
            }
            other => other,
        };
        Key { code, mods }
    }

    /// `code` without modifiers.
    pub fn plain(code: KeyCode) -> Key {
        Key::new(code, KeyModifiers::NONE)
    }

    /// The character `c` typed alone.
    pub fn char(c: char) -> Key {
        Key::plain(KeyCode::Char(c))
    }

    /// Control and `c`.
    pub fn ctrl(c: char) -> Key {
        Key::new(KeyCode::Char(c), KeyModifiers::CONTROL)
    }

    /// The key of a terminal key event, in normal form. Only presses and
    /// repeats should be looked up: callers filter out
    /// [`KeyEventKind::Release`](ratatui::crossterm::event::KeyEventKind)
    /// before calling this (the event's kind is not looked at here).
    pub fn from_event(event: &KeyEvent) -> Key {
        Key::new(event.code, event.modifiers)
    }
}

/// The upper-case form of a lower-case letter, if it is a single character.
pub(super) fn shifted(c: char) -> Option<char> {
    if !c.is_lowercase() {
        return None;
    }
    let mut upper = c.to_uppercase();
    match (upper.next(), upper.next()) {
        (Some(u), None) => Some(u),
        _ => None,
    }
}

impl fmt::Display for Key {
    /// The canonical name of the key, which the key grammar reads back
    /// (in a config file as it is, in a key sequence between `<` and `>`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (prefix, m) in MODIFIERS {
            if self.mods.contains(*m) {
                f.write_str(prefix)?;
            }
        }
        for (prefix, m) in [
            ("super-", KeyModifiers::SUPER),
            ("hyper-", KeyModifiers::HYPER),
            ("meta-", KeyModifiers::META),
        ] {
            if self.mods.contains(m) {
                f.write_str(prefix)?;
            }
        }
        if let Some((name, _)) = NAMES.iter().find(|(_, c)| *c == self.code) {
            return match self.code {
                KeyCode::BackTab => f.write_str("shift-tab"),
                _ => f.write_str(name),
            };
        }
        match self.code {
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::F(n) => write!(f, "f{n}"),
            other => f.write_str(&format!("{other:?}").to_ascii_lowercase()),
        }
    }
}

#[cfg(test)]
mod tests {
    use ratatui::crossterm::event::KeyEventKind;

    use super::*;

    fn key(code: KeyCode, mods: KeyModifiers) -> Key {
        Key { code, mods }
    }

    #[test]
    fn events_are_normalised() {
        let ev = |code, mods| Key::from_event(&KeyEvent::new(code, mods));
        assert_eq!(ev(KeyCode::Char('G'), KeyModifiers::SHIFT), Key::char('G'));
        assert_eq!(ev(KeyCode::Char('g'), KeyModifiers::SHIFT), Key::char('G'));
        assert_eq!(ev(KeyCode::Char('?'), KeyModifiers::SHIFT), Key::char('?'));
        let backtab = key(KeyCode::BackTab, KeyModifiers::NONE);
        assert_eq!(ev(KeyCode::BackTab, KeyModifiers::SHIFT), backtab);
        assert_eq!(ev(KeyCode::BackTab, KeyModifiers::NONE), backtab);
        assert_eq!(ev(KeyCode::Tab, KeyModifiers::SHIFT), backtab);
        assert_eq!(
            ev(KeyCode::Char('d'), KeyModifiers::CONTROL),
            Key::ctrl('d')
        );
        assert_eq!(
            ev(KeyCode::Char('x'), KeyModifiers::ALT),
            key(KeyCode::Char('x'), KeyModifiers::ALT)
        );
        assert_eq!(
            ev(KeyCode::Up, KeyModifiers::SHIFT),
            key(KeyCode::Up, KeyModifiers::SHIFT)
        );
        let repeat =
            KeyEvent::new_with_kind(KeyCode::Char('j'), KeyModifiers::NONE, KeyEventKind::Repeat);
        assert_eq!(Key::from_event(&repeat), Key::char('j'));
    }
}
