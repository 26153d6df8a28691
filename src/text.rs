//! Escaping of untrusted text (anything read from a briefing file) before it
//! reaches a terminal, in the reader or on stdout/stderr.
//!
//! Control characters (C0, DEL, C1) and bidirectional controls are shown
//! visibly instead of being interpreted: `ESC` becomes `^[`, DEL `^?`, a C1
//! control or a bidi override `\u{9b}` / `\u{202e}`. Tabs expand to spaces at
//! stops of [`TAB_WIDTH`] characters.

use std::borrow::Cow;
use std::fmt::Write as _;

/// Width of a tab stop, in characters.
pub const TAB_WIDTH: usize = 4;

/// Is `c` a character that must never be written to a terminal as it is?
pub fn is_unsafe(c: char) -> bool {
    c.is_control() || is_bidi_control(c)
}

/// Bidirectional formatting characters, which can reorder what a reader sees.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Escape `text` for one line of output: each line break (`\n`, `\r\n` or a
/// lone `\r`) becomes a space.
pub fn one_line(text: &str) -> Cow<'_, str> {
    escape(text, false)
}

/// Escape `text` keeping its line breaks; `\r\n` and a lone `\r` become `\n`.
pub fn multi_line(text: &str) -> Cow<'_, str> {
    escape(text, true)
}

fn escape(text: &str, keep_newlines: bool) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    let mut column = 0;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let before = out.len();
        match c {
            '\t' => {
                let spaces = TAB_WIDTH - column % TAB_WIDTH;
                out.extend(std::iter::repeat_n(' ', spaces));
                column += spaces;
                continue;
            }
            '\r' | '\n' => {
                if c == '\r' && chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push(if keep_newlines { '\n' } else { ' ' });
                column = if keep_newlines { 0 } else { column + 1 };
                continue;
            }
            c if (c as u32) < 0x20 => {
                out.push('^');
                out.push(char::from(b'@' + c as u8));
            }
            '\u{7f}' => out.push_str("^?"),
            c if is_unsafe(c) => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            c => out.push(c),
        }
        column += out[before..].chars().count();
    }
    Cow::Owned(out)
}

/// Escapes `text` and wraps it to lines of at most `width` columns (display
/// width, so CJK and emoji count double). Always at least one line.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let escaped = multi_line(text);
    let width = width.max(1);
    let mut lines = Vec::new();
    for paragraph in escaped.split('\n') {
        let options = textwrap::Options::new(width).break_words(true);
        lines.extend(
            textwrap::wrap(paragraph, options)
                .into_iter()
                .map(|l| l.into_owned()),
        );
    }
    if lines.is_empty() {
        lines.push(String::new());
    }
    lines
}

/// Cuts an already escaped `text` to at most `width` columns, ending in `…`
/// when something was cut.
pub fn truncate(text: &str, width: usize) -> std::borrow::Cow<'_, str> {
    use unicode_width::UnicodeWidthStr;
    if text.width() <= width {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    if width > 0 {
        out.push('…');
    }
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_by_display_width() {
        assert_eq!(wrap("one two three", 7), ["one two", "three"]);
        assert_eq!(wrap("中文中文", 4), ["中文", "中文"]);
        assert_eq!(wrap("", 10), [""]);
        assert_eq!(wrap("a\nb", 10), ["a", "b"]);
    }

    #[test]
    fn truncates_with_an_ellipsis() {
        assert_eq!(truncate("abcdef", 4), "abc…");
        assert_eq!(truncate("abc", 4), "abc");
        assert_eq!(truncate("中文中文", 5), "中文…");
    }

    #[test]
    fn safe_text_is_borrowed() {
        assert!(matches!(one_line("plain – ‘text’ 中文"), Cow::Borrowed(_)));
    }

    #[test]
    fn escapes_sequences_visibly() {
        assert_eq!(one_line("a\x1b[31mb"), "a^[[31mb");
        assert_eq!(one_line("\x1b]0;title\x07"), "^[]0;title^G");
        assert_eq!(one_line("x\u{9b}y\u{7f}"), "x\\u{9b}y^?");
        assert_eq!(
            one_line("abc\u{202e}def\u{2066}"),
            "abc\\u{202e}def\\u{2066}"
        );
        assert_eq!(one_line("a\nb\r\nc\rd"), "a b c d");
    }

    #[test]
    fn expands_tabs_and_normalises_line_breaks() {
        assert_eq!(one_line("a\tb"), "a   b");
        assert_eq!(
            multi_line("one\r\ntwo\rthree\n\tx"),
            "one\ntwo\nthree\n    x"
        );
    }

    #[test]
    fn output_never_contains_unsafe_characters() {
        let all: String = (0u32..0x250)
            .chain(0x2000..0x2070)
            .filter_map(char::from_u32)
            .collect();
        assert!(!one_line(&all).chars().any(is_unsafe));
        assert!(!multi_line(&all).chars().any(|c| c != '\n' && is_unsafe(c)));
    }
}
