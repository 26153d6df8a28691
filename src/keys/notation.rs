//! Key notation: the [`Key`] type, key names as written in keymap and config
//! files (`"j"`, `"ctrl-d"`, `"shift-tab"`), and vim-like key sequences for
//! `render --keys` (`"jj<C-d><Enter>"`).

use std::fmt;
use std::str::FromStr;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::diag::did_you_mean;

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
const NAMES: &[(&str, KeyCode)] = &[
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
const MODIFIERS: &[(&str, KeyModifiers)] = &[
    ("ctrl-", KeyModifiers::CONTROL),
    ("alt-", KeyModifiers::ALT),
    ("shift-", KeyModifiers::SHIFT),
];

/// The highest function key with a name (`f12`).
const MAX_F: u8 = 12;

/// What a key name may be, for error messages.
pub const VALID_KEYS: &str = "a key is a single character (\"j\", \"G\", \"?\", \"-\") \
    or one of enter esc tab backtab space backspace delete insert up down left right \
    home end pageup pagedown f1..f12, optionally after ctrl-, alt- or shift- \
    (\"ctrl-d\", \"alt-x\", \"shift-tab\")";

/// A key name that could not be parsed: what is wrong, and how to write it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyError {
    pub problem: String,
    pub help: String,
}

impl fmt::Display for KeyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}; {}", self.problem, self.help)
    }
}

impl std::error::Error for KeyError {}

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
fn shifted(c: char) -> Option<char> {
    if !c.is_lowercase() {
        return None;
    }
    let mut upper = c.to_uppercase();
    match (upper.next(), upper.next()) {
        (Some(u), None) => Some(u),
        _ => None,
    }
}

/// The key called `name` (without modifiers), case-insensitively.
fn named(name: &str) -> Option<KeyCode> {
    let lower = name.to_ascii_lowercase();
    if let Some((_, code)) = NAMES.iter().find(|(n, _)| *n == lower) {
        return Some(*code);
    }
    let n: u8 = lower.strip_prefix('f')?.parse().ok()?;
    (1..=MAX_F).contains(&n).then_some(KeyCode::F(n))
}

/// Applies SHIFT to a character the way a keyboard does, for letters only.
fn shift_char(c: char, written: &str) -> Result<char, KeyError> {
    if c.is_uppercase() {
        return Ok(c);
    }
    shifted(c).ok_or_else(|| KeyError {
        problem: format!("`{written}`: shift- only goes with letters and named keys"),
        help: "write the character that shift gives instead (\"!\" rather than \"shift-1\")".into(),
    })
}

impl FromStr for Key {
    type Err = KeyError;

    /// Parses a key name as written in keymap and config files.
    fn from_str(written: &str) -> Result<Key, KeyError> {
        let fail = |problem: String| KeyError {
            problem,
            help: VALID_KEYS.into(),
        };
        if written.is_empty() {
            return Err(fail("empty key name".into()));
        }
        let mut rest = written;
        let mut mods = KeyModifiers::NONE;
        // A single character is always the key itself, so "-" is the minus key
        // and "ctrl--" is control and minus.
        while rest.chars().nth(1).is_some() {
            let Some((prefix, m)) = MODIFIERS.iter().find(|(p, _)| {
                rest.get(..p.len())
                    .is_some_and(|head| head.eq_ignore_ascii_case(p))
            }) else {
                break;
            };
            if rest.len() == prefix.len() {
                return Err(fail(format!("`{written}` has no key after `{prefix}`")));
            }
            mods |= *m;
            rest = &rest[prefix.len()..];
        }
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
            (Some(c), None) if c.is_control() => {
                return Err(fail(format!(
                    "`{}` is a control character, not a key name",
                    c.escape_default()
                )));
            }
            (Some(c), None) => KeyCode::Char(c),
            _ => named(rest).ok_or_else(|| {
                let mut candidates: Vec<String> =
                    NAMES.iter().map(|(n, _)| n.to_string()).collect();
                candidates.extend((1..=MAX_F).map(|n| format!("f{n}")));
                let lower = rest.to_ascii_lowercase();
                let problem = match did_you_mean(&lower, candidates.iter().map(String::as_str)) {
                    Some(s) => format!("unknown key `{written}` ({s})"),
                    None => format!("unknown key `{written}`"),
                };
                fail(problem)
            })?,
        };
        let code = match code {
            KeyCode::Char(c) if mods.contains(KeyModifiers::SHIFT) => {
                KeyCode::Char(shift_char(c, written)?)
            }
            other => other,
        };
        Ok(Key::new(code, mods))
    }
}

/// Parses a key name as written in keymap and config files: a single
/// character (case-sensitive) or a key name (case-insensitive), after any of
/// `ctrl-`, `alt-`, `shift-`.
pub fn parse_key(written: &str) -> Result<Key, String> {
    written.parse().map_err(|e: KeyError| e.to_string())
}

impl fmt::Display for Key {
    /// The canonical name of the key, which [`parse_key`] reads back.
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

/// Vim names of keys, lower-case, besides the names `parse_key` knows.
const SEQUENCE_NAMES: &[(&str, KeyCode)] = &[
    ("cr", KeyCode::Enter),
    ("return", KeyCode::Enter),
    ("bs", KeyCode::Backspace),
    ("del", KeyCode::Delete),
    ("lt", KeyCode::Char('<')),
    ("gt", KeyCode::Char('>')),
];

const SEQUENCE_HELP: &str = "plain characters are keys; named keys go in angle brackets: \
    <Space> <Enter> <CR> <Esc> <Tab> <S-Tab> <BS> <Del> <Up> <Down> <Left> <Right> \
    <Home> <End> <PageUp> <PageDown> <F1>..<F12>, <C-d> for ctrl, <A-x> for alt, \
    <lt> for a literal <";

/// Parses a key sequence in vim-like notation (`"jj<C-d><Enter>"`): plain
/// characters are keys, `<...>` is a named key, `<lt>` a literal `<`. Names
/// are case-insensitive; `<C-D>` is the same as `<C-d>`, as in vim.
pub fn parse_sequence(written: &str) -> Result<Vec<Key>, String> {
    let mut keys = Vec::new();
    let mut rest = written;
    while let Some(c) = rest.chars().next() {
        rest = &rest[c.len_utf8()..];
        let key = match c {
            '<' => {
                let Some(end) = rest.find('>') else {
                    return Err(format!(
                        "unclosed `<` in `{written}`: write <lt> for a literal <; {SEQUENCE_HELP}"
                    ));
                };
                let inner = &rest[..end];
                rest = &rest[end + 1..];
                bracketed(inner).ok_or_else(|| {
                    format!("unknown key <{inner}> in `{written}`; {SEQUENCE_HELP}")
                })?
            }
            '\n' | '\r' => Key::plain(KeyCode::Enter),
            '\t' => Key::plain(KeyCode::Tab),
            '\u{1b}' => Key::plain(KeyCode::Esc),
            c if c.is_control() => {
                return Err(format!(
                    "control character `{}` in `{written}`; {SEQUENCE_HELP}",
                    c.escape_default()
                ));
            }
            c => Key::char(c),
        };
        keys.push(key);
    }
    Ok(keys)
}

/// The key written `<inner>` in a sequence.
fn bracketed(inner: &str) -> Option<Key> {
    let mut rest = inner;
    let mut mods = KeyModifiers::NONE;
    while rest.len() > 2 && rest.as_bytes()[1] == b'-' {
        mods |= match rest.as_bytes()[0].to_ascii_lowercase() {
            b'c' => KeyModifiers::CONTROL,
            b'a' | b'm' => KeyModifiers::ALT,
            b's' => KeyModifiers::SHIFT,
            _ => return None,
        };
        rest = &rest[2..];
    }
    let mut chars = rest.chars();
    let code = match (chars.next(), chars.next()) {
        (Some(c), None) if mods.contains(KeyModifiers::CONTROL) => {
            KeyCode::Char(c.to_ascii_lowercase())
        }
        (Some(c), None) => KeyCode::Char(c),
        _ => {
            let lower = rest.to_ascii_lowercase();
            match SEQUENCE_NAMES.iter().find(|(n, _)| *n == lower) {
                Some((_, code)) => *code,
                None => named(rest)?,
            }
        }
    };
    if let KeyCode::Char(c) = code
        && mods.contains(KeyModifiers::SHIFT)
        && !c.is_uppercase()
        && shifted(c).is_none()
    {
        return None;
    }
    Some(Key::new(code, mods))
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

    #[test]
    fn parses_single_characters_case_sensitively() {
        for c in ['j', 'G', '?', ']', '1', '/', '-', '<'] {
            assert_eq!(parse_key(&c.to_string()), Ok(Key::char(c)), "{c}");
        }
        assert_ne!(parse_key("g"), parse_key("G"));
        assert_eq!(parse_key(" "), Ok(Key::char(' ')));
    }

    #[test]
    fn parses_names_and_modifiers() {
        let none = KeyModifiers::NONE;
        assert_eq!(parse_key("enter"), Ok(key(KeyCode::Enter, none)));
        assert_eq!(parse_key("ENTER"), Ok(key(KeyCode::Enter, none)));
        assert_eq!(parse_key("PageDown"), Ok(key(KeyCode::PageDown, none)));
        assert_eq!(parse_key("space"), Ok(Key::char(' ')));
        assert_eq!(parse_key("f1"), Ok(key(KeyCode::F(1), none)));
        assert_eq!(parse_key("F12"), Ok(key(KeyCode::F(12), none)));
        assert_eq!(parse_key("ctrl-d"), Ok(Key::ctrl('d')));
        assert_eq!(parse_key("Ctrl-d"), Ok(Key::ctrl('d')));
        assert_eq!(
            parse_key("ctrl-D"),
            Ok(key(KeyCode::Char('D'), KeyModifiers::CONTROL))
        );
        assert_eq!(
            parse_key("alt-x"),
            Ok(key(KeyCode::Char('x'), KeyModifiers::ALT))
        );
        assert_eq!(parse_key("shift-tab"), Ok(key(KeyCode::BackTab, none)));
        assert_eq!(parse_key("backtab"), Ok(key(KeyCode::BackTab, none)));
        assert_eq!(parse_key("shift-g"), Ok(Key::char('G')));
        assert_eq!(
            parse_key("ctrl--"),
            Ok(key(KeyCode::Char('-'), KeyModifiers::CONTROL))
        );
        assert_eq!(
            parse_key("ctrl-alt-delete"),
            Ok(key(
                KeyCode::Delete,
                KeyModifiers::CONTROL | KeyModifiers::ALT
            ))
        );
    }

    #[test]
    fn bad_names_are_explained() {
        let e = parse_key("pgdown").unwrap_err();
        assert!(e.contains("`pgdown`"), "{e}");
        assert!(e.contains("pagedown"), "{e}");
        assert!(e.contains("ctrl-"), "{e}");
        assert!(parse_key("").is_err());
        assert!(parse_key("jj").is_err());
        assert!(parse_key("ctrl-").unwrap_err().contains("no key after"));
        assert!(parse_key("shift-1").is_err());
        assert!(parse_key("f13").is_err());
        assert!(parse_key("\t").is_err());
    }

    #[test]
    fn names_round_trip() {
        let names = [
            "j",
            "G",
            "?",
            "-",
            "ctrl-d",
            "ctrl-D",
            "alt-x",
            "shift-tab",
            "ctrl-shift-tab",
            "enter",
            "esc",
            "tab",
            "space",
            "backspace",
            "delete",
            "insert",
            "up",
            "down",
            "left",
            "right",
            "home",
            "end",
            "pageup",
            "pagedown",
            "f5",
            "shift-up",
            "ctrl--",
        ];
        for name in names {
            let k = parse_key(name).unwrap();
            assert_eq!(k.to_string(), name);
            assert_eq!(parse_key(&k.to_string()), Ok(k));
        }
        assert_eq!(parse_key("backtab").unwrap().to_string(), "shift-tab");
        assert_eq!(parse_key("Ctrl-PageUp").unwrap().to_string(), "ctrl-pageup");
    }

    #[test]
    fn parses_sequences() {
        let seq = parse_sequence("jj<C-d><Enter><lt>G<S-Tab><space><cr>").unwrap();
        assert_eq!(
            seq,
            vec![
                Key::char('j'),
                Key::char('j'),
                Key::ctrl('d'),
                Key::plain(KeyCode::Enter),
                Key::char('<'),
                Key::char('G'),
                Key::plain(KeyCode::BackTab),
                Key::char(' '),
                Key::plain(KeyCode::Enter),
            ]
        );
        assert_eq!(parse_sequence("<C-D>").unwrap(), vec![Key::ctrl('d')]);
        assert_eq!(
            parse_sequence("<A-x><PageDown><BS><Esc><f3>").unwrap(),
            vec![
                key(KeyCode::Char('x'), KeyModifiers::ALT),
                Key::plain(KeyCode::PageDown),
                Key::plain(KeyCode::Backspace),
                Key::plain(KeyCode::Esc),
                Key::plain(KeyCode::F(3)),
            ]
        );
        assert_eq!(parse_sequence("").unwrap(), vec![]);
        assert_eq!(parse_sequence("/é>").unwrap().len(), 3);
    }

    #[test]
    fn bad_sequences_are_errors() {
        assert!(parse_sequence("<Nope>").unwrap_err().contains("<Nope>"));
        assert!(parse_sequence("j<Enter").unwrap_err().contains("unclosed"));
        assert!(parse_sequence("<>").is_err());
        assert!(parse_sequence("<X-y>").is_err());
    }
}
