//! The key grammar, one for every place a key is written: a key name as in
//! config files and help (`j`, `ctrl-d`, `shift-tab`, `C-d`, `cr`), and key
//! sequences for `render --keys`, where a key name goes between `<` and `>`
//! (`jj<ctrl-d><C-d><Enter><lt>`).

use std::fmt;
use std::str::FromStr;

use ratatui::crossterm::event::{KeyCode, KeyModifiers};

use super::key::{Key, MAX_F, MODIFIERS, NAMES, shifted};
use crate::diag::did_you_mean;

/// Other names for keys, accepted but never shown (vim's among them).
const ALIASES: &[(&str, KeyCode)] = &[
    ("cr", KeyCode::Enter),
    ("return", KeyCode::Enter),
    ("escape", KeyCode::Esc),
    ("bs", KeyCode::Backspace),
    ("del", KeyCode::Delete),
    ("lt", KeyCode::Char('<')),
    ("gt", KeyCode::Char('>')),
];

/// Vim's modifier prefixes (`C-d`, `A-x`, `M-x`, `S-Tab`), accepted but never shown.
const SHORT_MODIFIERS: &[(&str, KeyModifiers)] = &[
    ("c-", KeyModifiers::CONTROL),
    ("a-", KeyModifiers::ALT),
    ("m-", KeyModifiers::ALT),
    ("s-", KeyModifiers::SHIFT),
];

/// What a key name may be, for error messages.
pub const VALID_KEYS: &str = "a key is a single character (\"j\", \"G\", \"?\", \"-\") \
    or one of enter esc tab backtab space backspace delete insert up down left right \
    home end pageup pagedown f1..f12 (vim's cr, bs, del, lt and gt too), optionally \
    after ctrl-, alt- or shift- (or vim's C-, A-, S-): \"ctrl-d\", \"C-d\", \"shift-tab\"";

/// How a key sequence is written, for error messages.
const SEQUENCE_HELP: &str = "plain characters are keys; any other key goes between < and >, \
    written as in help and config files: <enter> <esc> <space> <ctrl-d> <C-d> <shift-tab> \
    <pagedown> <f1>, and <lt> for a literal <";

/// A key name or sequence that could not be parsed: what is wrong, and how
/// to write it.
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

/// The key called `name` (without modifiers), case-insensitively.
fn named(name: &str) -> Option<KeyCode> {
    let lower = name.to_ascii_lowercase();
    if let Some((_, code)) = NAMES.iter().chain(ALIASES).find(|(n, _)| *n == lower) {
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

/// Is `c` a character that would not show as a key name in help: invisible,
/// zero-width, a control, bidi or format character, or whitespace other
/// than the plain space (which help writes `space`)? The same rule as the
/// escaping of text in `crate::text`.
fn is_invisible_key(c: char) -> bool {
    use unicode_width::UnicodeWidthChar as _;
    crate::text::is_unsafe(c)
        || crate::text::is_tag(c)
        || crate::text::is_joiner(c)
        || (c.is_whitespace() && c != ' ')
        || c.width().is_none_or(|w| w == 0)
}

/// The problem with a key written as the invisible character `c`.
fn invisible_key(c: char) -> String {
    format!(
        "`{}` is not a visible character, so it cannot be a key name \
         (help would show it blank)",
        c.escape_unicode()
    )
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
        let mut vim_ctrl = false;
        // A single character is always the key itself, so "-" is the minus key
        // and "ctrl--" is control and minus.
        while rest.chars().nth(1).is_some() {
            let Some((prefix, m)) = MODIFIERS.iter().chain(SHORT_MODIFIERS).find(|(p, _)| {
                rest.get(..p.len())
                    .is_some_and(|head| head.eq_ignore_ascii_case(p))
            }) else {
                break;
            };
            if rest.len() == prefix.len() {
                return Err(fail(format!("`{written}` has no key after `{prefix}`")));
            }
            vim_ctrl |= prefix.len() == 2 && *m == KeyModifiers::CONTROL;
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
            (Some(c), None) if is_invisible_key(c) => return Err(fail(invisible_key(c))),
            // As in vim, `C-D` is the same key as `C-d`.
            (Some(c), None) if vim_ctrl => KeyCode::Char(c.to_ascii_lowercase()),
            (Some(c), None) => KeyCode::Char(c),
            _ => named(rest).ok_or_else(|| {
                let mut candidates: Vec<String> = (NAMES.iter().chain(ALIASES))
                    .map(|(n, _)| n.to_string())
                    .collect();
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

/// Parses a key sequence (`"jj<ctrl-d><Enter>"`): plain characters are keys,
/// and `<name>` is the key called `name` in the key grammar, so every name
/// that help shows can be typed between the brackets; `<lt>` is a literal `<`.
pub fn parse_sequence(written: &str) -> Result<Vec<Key>, KeyError> {
    let fail = |problem: String| KeyError {
        problem,
        help: SEQUENCE_HELP.into(),
    };
    let mut keys = Vec::new();
    let mut rest = written;
    while let Some(c) = rest.chars().next() {
        rest = &rest[c.len_utf8()..];
        let key = match c {
            '<' => {
                // The name has at least one character, so `<>>` is the `>` key.
                let first = rest.chars().next().map_or(0, char::len_utf8);
                let Some(end) = rest.get(first..).and_then(|r| r.find('>')) else {
                    return Err(fail(format!(
                        "unclosed `<` in `{written}`: write <lt> for a literal <"
                    )));
                };
                let inner = &rest[..first + end];
                rest = &rest[first + end + 1..];
                inner.parse::<Key>().map_err(|e| KeyError {
                    problem: format!("<{inner}> in `{written}`: {}", e.problem),
                    help: SEQUENCE_HELP.into(),
                })?
            }
            '\n' | '\r' => Key::plain(KeyCode::Enter),
            '\t' => Key::plain(KeyCode::Tab),
            '\u{1b}' => Key::plain(KeyCode::Esc),
            c if c.is_control() => {
                return Err(fail(format!(
                    "control character `{}` in `{written}`",
                    c.escape_default()
                )));
            }
            c if is_invisible_key(c) => {
                return Err(fail(format!(
                    "{} in `{}`",
                    invisible_key(c),
                    written.escape_unicode()
                )));
            }
            c => Key::char(c),
        };
        keys.push(key);
    }
    Ok(keys)
}

#[cfg(test)]
mod tests {

    use super::*;

    fn name(written: &str) -> Result<Key, String> {
        written.parse().map_err(|e: KeyError| e.to_string())
    }

    fn key(code: KeyCode, mods: KeyModifiers) -> Key {
        Key { code, mods }
    }

    #[test]
    fn parses_single_characters_case_sensitively() {
        for c in ['j', 'G', '?', ']', '1', '/', '-', '<'] {
            assert_eq!(name(&c.to_string()), Ok(Key::char(c)), "{c}");
        }
        assert_ne!(name("g"), name("G"));
        assert_eq!(name(" "), Ok(Key::char(' ')));
    }

    #[test]
    fn parses_names_and_modifiers() {
        let none = KeyModifiers::NONE;
        assert_eq!(name("enter"), Ok(key(KeyCode::Enter, none)));
        assert_eq!(name("ENTER"), Ok(key(KeyCode::Enter, none)));
        assert_eq!(name("PageDown"), Ok(key(KeyCode::PageDown, none)));
        assert_eq!(name("space"), Ok(Key::char(' ')));
        assert_eq!(name("f1"), Ok(key(KeyCode::F(1), none)));
        assert_eq!(name("F12"), Ok(key(KeyCode::F(12), none)));
        assert_eq!(name("ctrl-d"), Ok(Key::ctrl('d')));
        assert_eq!(name("Ctrl-d"), Ok(Key::ctrl('d')));
        assert_eq!(
            name("ctrl-D"),
            Ok(key(KeyCode::Char('D'), KeyModifiers::CONTROL))
        );
        assert_eq!(
            name("alt-x"),
            Ok(key(KeyCode::Char('x'), KeyModifiers::ALT))
        );
        assert_eq!(name("shift-tab"), Ok(key(KeyCode::BackTab, none)));
        assert_eq!(name("backtab"), Ok(key(KeyCode::BackTab, none)));
        assert_eq!(name("shift-g"), Ok(Key::char('G')));
        assert_eq!(
            name("ctrl--"),
            Ok(key(KeyCode::Char('-'), KeyModifiers::CONTROL))
        );
        assert_eq!(
            name("ctrl-alt-delete"),
            Ok(key(
                KeyCode::Delete,
                KeyModifiers::CONTROL | KeyModifiers::ALT
            ))
        );
    }

    #[test]
    fn bad_names_are_explained() {
        let e = name("pgdown").unwrap_err();
        assert!(e.contains("`pgdown`"), "{e}");
        assert!(e.contains("pagedown"), "{e}");
        assert!(e.contains("ctrl-"), "{e}");
        assert!(name("").is_err());
        assert!(name("jj").is_err());
        assert!(name("ctrl-").unwrap_err().contains("no key after"));
        assert!(name("shift-1").is_err());
        assert!(name("f13").is_err());
        assert!(name("\t").is_err());
    }

    #[test]
    fn invisible_characters_are_not_key_names() {
        for c in [
            '\u{202e}',  // right-to-left override
            '\u{2066}',  // left-to-right isolate
            '\u{200b}',  // zero-width space
            '\u{200c}',  // zero-width non-joiner
            '\u{200d}',  // zero-width joiner
            '\u{2060}',  // word joiner
            '\u{feff}',  // byte order mark
            '\u{2028}',  // line separator
            '\u{e0041}', // tag latin capital letter a
            '\u{301}',   // combining acute accent
            '\u{a0}',    // no-break space
            '\u{3000}',  // ideographic space
            '\u{ad}',    // soft hyphen
        ] {
            let e = name(&c.to_string()).unwrap_err();
            assert!(e.contains("not a visible character"), "{c:?}: {e}");
            assert!(e.contains(&c.escape_unicode().to_string()), "{c:?}: {e}");
            for written in [format!("ctrl-{c}"), format!("alt-{c}")] {
                assert!(name(&written).is_err(), "{written:?}");
            }
            let e = parse_sequence(&format!("j{c}")).unwrap_err().to_string();
            assert!(e.contains("not a visible character"), "{c:?}: {e}");
            assert!(parse_sequence(&format!("<{c}>")).is_err(), "{c:?}");
        }
        // Visible characters, wide ones too, and the plain space still are.
        for c in ['é', '中', '\u{1f600}', ' ', 'ß'] {
            assert_eq!(name(&c.to_string()), Ok(Key::char(c)), "{c:?}");
        }
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
        for n in names {
            let k = name(n).unwrap();
            assert_eq!(k.to_string(), n);
            assert_eq!(name(&k.to_string()), Ok(k));
        }
        assert_eq!(name("backtab").unwrap().to_string(), "shift-tab");
        assert_eq!(name("Ctrl-PageUp").unwrap().to_string(), "ctrl-pageup");
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
        assert_eq!(parse_sequence("<>>").unwrap(), vec![Key::char('>')]);
        assert_eq!(parse_sequence("<<>").unwrap(), vec![Key::char('<')]);
    }

    #[test]
    fn one_grammar_for_names_and_sequences() {
        // The names help shows, the config's and vim's all name the same key.
        for written in ["ctrl-d", "C-d", "c-D", "Ctrl-d"] {
            assert_eq!(name(written), Ok(Key::ctrl('d')), "{written}");
            assert_eq!(
                parse_sequence(&format!("<{written}>")).unwrap(),
                vec![Key::ctrl('d')],
                "<{written}>"
            );
        }
        for (written, code) in [
            ("esc", KeyCode::Esc),
            ("escape", KeyCode::Esc),
            ("cr", KeyCode::Enter),
            ("enter", KeyCode::Enter),
            ("bs", KeyCode::Backspace),
            ("lt", KeyCode::Char('<')),
        ] {
            assert_eq!(name(written), Ok(Key::plain(code)), "{written}");
            assert_eq!(
                parse_sequence(&format!("<{written}>")).unwrap(),
                vec![Key::plain(code)]
            );
        }
        // The long form keeps case: ctrl-D is its own key where the terminal
        // can tell it apart.
        assert_eq!(
            name("ctrl-D"),
            Ok(key(KeyCode::Char('D'), KeyModifiers::CONTROL))
        );
    }

    #[test]
    fn bad_sequences_are_errors() {
        let e = parse_sequence("<Nope>").unwrap_err().to_string();
        assert!(e.contains("<Nope>"), "{e}");
        let e = parse_sequence("j<Enter").unwrap_err().to_string();
        assert!(e.contains("unclosed"), "{e}");
        assert!(parse_sequence("<>").is_err());
        assert!(parse_sequence("<X-y>").is_err());
    }
}
