//! Escaping of untrusted text (anything read from a briefing file) before it
//! reaches a terminal, in the reader or on stdout/stderr.
//!
//! Control characters (C0, DEL, C1), bidirectional controls and invisible
//! characters are shown visibly instead of being interpreted or hidden: `ESC`
//! becomes `^[`, DEL `^?`, a C1 control, a bidi override or an invisible
//! character `\u{9b}` / `\u{202e}` / `\u{200b}`. Tabs expand to spaces at
//! stops of [`TAB_WIDTH`] characters; the line and paragraph separators
//! U+2028 and U+2029 are line breaks like `\n`.

use std::borrow::Cow;
use std::fmt::Write as _;

use unicode_segmentation::UnicodeSegmentation as _;
use unicode_width::UnicodeWidthStr as _;

/// Width of a tab stop, in characters.
pub const TAB_WIDTH: usize = 4;

/// Is `c` a character that must never be written to a terminal as it is,
/// wherever it stands? Two kinds are judged by [`unsafe_chars`] instead: the
/// joiners ([`is_joiner`]), which are safe between the characters they join,
/// and the tag characters ([`is_tag`]), which lie outside the Basic
/// Multilingual Plane (every character named here is one `\uXXXX` escape in
/// the JSON export).
pub fn is_unsafe(c: char) -> bool {
    c.is_control() || is_bidi_control(c) || is_invisible(c)
}

/// Bidirectional formatting characters, which can reorder what a reader sees.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Characters that take no room on screen and would hide in copied text:
/// the line and paragraph separators (which do not break a terminal line),
/// the zero-width space, the word joiner and the invisible operators, and
/// the byte order mark.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200b}' | '\u{2028}' | '\u{2029}' | '\u{2060}'..='\u{2064}' | '\u{feff}'
    )
}

/// The tag characters, U+E0000 to U+E007F: invisible, and able to carry a
/// whole hidden ASCII text after any character. They are escaped everywhere,
/// even in the three flag emoji that use them (England, Scotland, Wales),
/// which then show as a black flag followed by the escaped tags.
pub fn is_tag(c: char) -> bool {
    matches!(c, '\u{e0000}'..='\u{e007f}')
}

/// The zero-width non-joiner and joiner, U+200C and U+200D.
pub fn is_joiner(c: char) -> bool {
    matches!(c, '\u{200c}' | '\u{200d}')
}

/// Does a joiner between `before` and `after` do its work, so it is kept?
///
/// Joiners belong in emoji ZWJ sequences (`👩‍👩‍👧`, `🏳️‍🌈`, after a skin tone
/// or a variation selector too), in Indic conjuncts (after a virama) and in
/// Persian and other Arabic-script words (the non-joiner). In all of these
/// both neighbours are non-ASCII characters that are themselves visible, so
/// that is the rule: a joiner is kept between two non-ASCII characters that
/// are neither whitespace, unsafe nor joiners. Anywhere else (at the start or
/// end of a field, next to ASCII, next to a space, doubled) it can only hide
/// something, such as a break inside an ASCII word, command or URL, and it is
/// escaped.
fn joins(before: Option<char>, after: Option<char>) -> bool {
    let visible = |c: Option<char>| {
        c.is_some_and(|c| {
            !c.is_ascii() && !c.is_whitespace() && !is_unsafe(c) && !is_tag(c) && !is_joiner(c)
        })
    };
    visible(before) && visible(after)
}

/// Every character of `text` that [`one_line`] and [`multi_line`] change or
/// escape, with its byte offset: the unsafe characters, the tag characters,
/// and joiners that join nothing. Escaped output has none but the `\n` of [`multi_line`].
pub fn unsafe_chars(text: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    let mut before = None;
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        while let Some((i, c)) = chars.next() {
            let prev = before.replace(c);
            if is_unsafe(c)
                || is_tag(c)
                || (is_joiner(c) && !joins(prev, chars.peek().map(|&(_, n)| n)))
            {
                return Some((i, c));
            }
        }
        None
    })
}

/// Escape `text` for one line of output: each line break (`\n`, `\r\n`, a
/// lone `\r`, U+2028 or U+2029) becomes a space.
pub fn one_line(text: &str) -> Cow<'_, str> {
    escape(text, false)
}

/// Escape `text` keeping its line breaks; `\r\n`, a lone `\r`, U+2028 and
/// U+2029 become `\n`.
pub fn multi_line(text: &str) -> Cow<'_, str> {
    escape(text, true)
}

fn escape(text: &str, keep_newlines: bool) -> Cow<'_, str> {
    let mut unsafe_at = unsafe_chars(text).map(|(i, _)| i).peekable();
    if unsafe_at.peek().is_none() {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    let mut column = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if unsafe_at.next_if_eq(&i).is_none() {
            out.push(c);
            column += 1;
            continue;
        }
        let before = out.len();
        match c {
            '\t' => {
                let spaces = TAB_WIDTH - column % TAB_WIDTH;
                out.extend(std::iter::repeat_n(' ', spaces));
                column += spaces;
                continue;
            }
            '\r' | '\n' | '\u{2028}' | '\u{2029}' => {
                if c == '\r' && chars.peek().is_some_and(|&(_, n)| n == '\n') {
                    chars.next();
                    unsafe_at.next();
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
            c => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
        }
        column += out[before..].chars().count();
    }
    Cow::Owned(out)
}

/// Escapes `text` and wraps it to lines of at most `width` columns (display
/// width, so CJK and emoji count double). Always at least one line.
///
/// Lines break between words as textwrap places them; a word wider than a
/// line is broken between grapheme clusters, never inside one (an emoji ZWJ
/// sequence, a letter with its combining marks, a flag).
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let escaped = multi_line(text);
    let width = width.max(1);
    let mut lines = Vec::new();
    for paragraph in escaped.split('\n') {
        wrap_paragraph(paragraph, width, &mut lines);
    }
    if lines.is_empty() {
        lines.push(String::new());
    }
    lines
}

/// Wraps one paragraph (no line breaks), as `textwrap::wrap` with
/// `break_words(true)` does, but measuring and breaking words per grapheme
/// cluster.
fn wrap_paragraph(paragraph: &str, width: usize, lines: &mut Vec<String>) {
    // Fewer bytes than columns: it fits (textwrap's own shortcut).
    if paragraph.len() < width {
        lines.push(paragraph.trim_end_matches(' ').to_owned());
        return;
    }
    let options = textwrap::Options::new(width);
    let words = options.word_separator.find_words(paragraph);
    let mut broken = Vec::new();
    for word in textwrap::word_splitters::split_words(words, &options.word_splitter) {
        break_word(word, width, &mut broken);
    }
    let mut start = 0;
    for line in options.wrap_algorithm.wrap(&broken, &[width]) {
        let Some(last) = line.last() else {
            lines.push(String::new());
            continue;
        };
        // Words are contiguous slices of the paragraph.
        let len: usize = line.iter().map(|w| w.word.len() + w.whitespace.len()).sum();
        let mut out = paragraph[start..start + len - last.whitespace.len()].to_owned();
        out.push_str(last.penalty);
        lines.push(out);
        start += len;
    }
}

/// Pushes `word` with its width in columns counted per grapheme cluster,
/// broken between clusters into pieces of at most `width` columns when it
/// is wider (a single cluster wider than `width` stays whole).
fn break_word<'a>(
    word: textwrap::core::Word<'a>,
    width: usize,
    out: &mut Vec<textwrap::core::Word<'a>>,
) {
    use textwrap::core::Word;
    let mut piece_start = 0;
    let mut piece_width = 0;
    for (i, g) in word.word.grapheme_indices(true) {
        let w = g.width();
        if piece_width > 0 && piece_width + w > width {
            out.push(Word {
                word: &word.word[piece_start..i],
                whitespace: "",
                penalty: "",
                width: piece_width,
            });
            piece_start = i;
            piece_width = 0;
        }
        piece_width += w;
    }
    out.push(Word {
        word: &word.word[piece_start..],
        width: piece_width,
        ..word
    });
}

/// Cuts an already escaped `text` to at most `width` columns, ending in `…`
/// when something was cut. Cuts fall between grapheme clusters, so an emoji
/// ZWJ sequence or a letter with its marks is kept whole or left out whole.
pub fn truncate(text: &str, width: usize) -> Cow<'_, str> {
    let mut used = 0;
    // Where the text is cut if it turns out not to fit: after the longest
    // prefix that leaves a column for the `…`.
    let mut cut = None;
    for (i, g) in text.grapheme_indices(true) {
        let w = g.width();
        if cut.is_none() && used + w + 1 > width {
            cut = Some(i);
        }
        used += w;
        if used > width {
            let mut out = text[..cut.unwrap_or(i)].to_owned();
            if width > 0 {
                out.push('…');
            }
            return Cow::Owned(out);
        }
    }
    Cow::Borrowed(text)
}

/// A count with its noun: `1 quote`, `2 quotes`.
pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
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
        assert_eq!(truncate("abcd", 4), "abcd");
        assert_eq!(truncate("abcdef", 1), "…");
        assert_eq!(truncate("abcdef", 0), "");
        assert_eq!(truncate("", 0), "");
        assert!(matches!(truncate("abc", 4), Cow::Borrowed(_)));
    }

    #[test]
    fn truncates_cjk_by_display_width() {
        assert_eq!(truncate("中文中文", 5), "中文…");
        // A wide character that does not fit whole is left out.
        assert_eq!(truncate("中文中文", 4), "中…");
        assert_eq!(truncate("a中文", 3), "a…");
        assert_eq!(truncate("中文", 4), "中文");
    }

    /// A family: woman, ZWJ, woman, ZWJ, girl; one cluster two columns wide.
    const FAMILY: &str = "\u{1f469}\u{200d}\u{1f469}\u{200d}\u{1f467}";

    #[test]
    fn truncation_keeps_zwj_sequences_whole() {
        let text = format!("{FAMILY}{FAMILY}{FAMILY}");
        assert_eq!(truncate(&text, 6), text);
        assert_eq!(truncate(&text, 5), format!("{FAMILY}{FAMILY}…"));
        assert_eq!(truncate(&text, 4), format!("{FAMILY}…"));
        assert_eq!(truncate(&format!("ab{FAMILY}"), 3), "ab…");
        // Never half a family: a cut ends before a ZWJ or the whole cluster.
        for width in 0..8 {
            let cut = truncate(&text, width);
            let kept = cut.trim_end_matches('…');
            assert_eq!(kept.len() % FAMILY.len(), 0, "{width}: {cut:?}");
        }
    }

    #[test]
    fn truncation_keeps_combining_marks_with_their_letter() {
        // "é" written as e + combining acute accent, then "tude".
        let text = "e\u{301}e\u{301}e\u{301}tude";
        assert_eq!(truncate(text, 3), "e\u{301}e\u{301}…");
        assert_eq!(truncate(text, 7), text);
        assert_eq!(truncate(text, 6), "e\u{301}e\u{301}e\u{301}tu…");
        // A letter with several marks stays whole.
        let stacked = "a\u{301}\u{323}bc";
        assert_eq!(truncate(stacked, 2), "a\u{301}\u{323}…");
        // A spacing mark has a width of its own: "कि" (ka + vowel sign i) is
        // one cluster two columns wide, never cut after the consonant.
        assert_eq!(truncate("किकिकि", 4), "कि…");
        assert_eq!(truncate("किकिकि", 5), "किकि…");
    }

    #[test]
    fn truncation_keeps_flags_and_skin_tones_whole() {
        let flags = "\u{1f1fa}\u{1f1f8}\u{1f1eb}\u{1f1f7}\u{1f1ef}\u{1f1f5}";
        assert_eq!(truncate(flags, 5), "\u{1f1fa}\u{1f1f8}\u{1f1eb}\u{1f1f7}…");
        let thumbs = "\u{1f44d}\u{1f3fd}\u{1f44d}\u{1f3fd}";
        assert_eq!(truncate(thumbs, 3), "\u{1f44d}\u{1f3fd}…");
    }

    #[test]
    fn truncation_is_linear() {
        // A long run of combining marks on one letter is one cluster.
        let long = format!("x{}y", "\u{301}".repeat(100_000));
        assert_eq!(truncate(&long, 1), "…");
        assert_eq!(truncate(&long, 2), long);
    }

    #[test]
    fn wrapping_plain_text_is_textwraps() {
        let texts = [
            "one two three four five six seven eight nine ten",
            "a well-known, hyphen-separated sentence: state-of-the-art",
            "averyveryverylongwordthatneedsbreaking then short words",
            "  leading and trailing spaces   ",
            "double  spaces  between  words",
            "中文中文中文 mixed 中文 text 中文中文中文中文",
            "https://example.org/a/very/long/path/that/never/fits?q=1",
        ];
        for text in texts {
            for width in 1..30 {
                let expected: Vec<String> =
                    textwrap::wrap(text, textwrap::Options::new(width).break_words(true))
                        .into_iter()
                        .map(|l| l.into_owned())
                        .collect();
                assert_eq!(wrap(text, width), expected, "{text:?} at {width}");
            }
        }
    }

    #[test]
    fn wrapping_keeps_grapheme_clusters_whole() {
        let text = format!("{FAMILY}{FAMILY}{FAMILY}");
        assert_eq!(wrap(&text, 2), [FAMILY, FAMILY, FAMILY]);
        assert_eq!(
            wrap(&text, 4),
            [format!("{FAMILY}{FAMILY}"), FAMILY.to_string()]
        );
        let accents = "e\u{301}e\u{301}e\u{301}";
        assert_eq!(wrap(accents, 2), ["e\u{301}e\u{301}", "e\u{301}"]);
        // Long words are still broken and short ones still flow.
        assert_eq!(wrap("abcdefgh ij", 5), ["abcde", "fgh", "ij"]);
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
            .chain(0xfe00..0x10000)
            .chain(0xe0000..0xe0080)
            .filter_map(char::from_u32)
            .collect();
        assert_eq!(unsafe_chars(&one_line(&all)).count(), 0);
        assert!(unsafe_chars(&multi_line(&all)).all(|(_, c)| c == '\n'));
        assert!(!one_line(&all).chars().any(is_unsafe));
    }

    #[test]
    fn line_and_paragraph_separators_are_line_breaks() {
        assert_eq!(one_line("a\u{2028}b\u{2029}c"), "a b c");
        assert_eq!(multi_line("a\u{2028}b\u{2029}c"), "a\nb\nc");
        assert_eq!(wrap("a\u{2028}b", 10), ["a", "b"]);
        // The column restarts after the break, for tabs.
        assert_eq!(multi_line("abc\u{2029}a\tb"), "abc\na   b");
    }

    #[test]
    fn invisible_characters_are_escaped() {
        assert_eq!(one_line("pay\u{200b}pal"), "pay\\u{200b}pal");
        assert_eq!(one_line("\u{feff}title"), "\\u{feff}title");
        assert_eq!(one_line("a\u{2060}b"), "a\\u{2060}b");
        // Tag characters spelling a hidden "hi".
        assert_eq!(one_line("ok\u{e0068}\u{e0069}"), "ok\\u{e0068}\\u{e0069}");
        assert_eq!(multi_line("x\u{e007f}"), "x\\u{e007f}");
        for c in ['\u{200b}', '\u{2028}', '\u{2029}', '\u{2060}', '\u{feff}'] {
            assert!(is_unsafe(c), "{c:?}");
        }
        assert_eq!(unsafe_chars("\u{e0001}").count(), 1);
    }

    #[test]
    fn joiners_are_kept_only_where_they_join() {
        // Emoji ZWJ sequences, with skin tones and variation selectors.
        for text in [
            FAMILY,
            "\u{1f469}\u{1f3fd}\u{200d}\u{1f4bb}",
            "\u{1f3f3}\u{fe0f}\u{200d}\u{1f308}",
            "\u{1f3c3}\u{200d}\u{2640}\u{fe0f}",
        ] {
            let line = format!("a {text} b");
            assert!(matches!(one_line(&line), Cow::Borrowed(_)), "{text:?}");
            assert_eq!(unsafe_chars(&line).count(), 0, "{text:?}");
        }
        // A Devanagari half form (virama, ZWJ) and a Persian non-joiner.
        assert!(matches!(
            one_line("\u{915}\u{94d}\u{200d}\u{937}"),
            Cow::Borrowed(_)
        ));
        assert!(matches!(
            one_line("\u{645}\u{06cc}\u{200c}\u{062e}"),
            Cow::Borrowed(_)
        ));
        // Joiners that join nothing visible.
        assert_eq!(one_line("pay\u{200c}pal"), "pay\\u{200c}pal");
        assert_eq!(one_line("\u{200d}x"), "\\u{200d}x");
        assert_eq!(one_line("\u{1f469}\u{200d}"), "\u{1f469}\\u{200d}");
        assert_eq!(
            one_line("\u{1f469}\u{200d} \u{1f469}"),
            "\u{1f469}\\u{200d} \u{1f469}"
        );
        assert_eq!(
            one_line("\u{1f469}\u{200d}\u{200d}\u{1f469}"),
            "\u{1f469}\\u{200d}\\u{200d}\u{1f469}"
        );
        assert_eq!(
            one_line("\u{1f469}\u{200d}\u{200b}\u{1f469}"),
            "\u{1f469}\\u{200d}\\u{200b}\u{1f469}"
        );
        assert_eq!(
            unsafe_chars("a\u{200d}\u{1f469}\u{200d}\u{1f469}").collect::<Vec<_>>(),
            [(1, '\u{200d}')]
        );
        // Wrapping keeps a family whole and escapes a stray joiner.
        assert_eq!(
            wrap(&format!("{FAMILY}\u{200d}"), 10),
            [format!("{FAMILY}\\u{{200d}}")]
        );
    }
}
