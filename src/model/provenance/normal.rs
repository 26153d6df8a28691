//! Whitespace-normalised text: every run of Unicode whitespace (line breaks
//! included) is one space, everything else is kept byte for byte, with a map
//! back to the original's byte offsets.

use std::borrow::Cow;
use std::ops::Range;

/// A text with its whitespace runs made single spaces, and where each of its
/// bytes came from.
#[derive(Debug, Clone, Default)]
pub struct Normal {
    pub text: String,
    /// `from[i]`: the original byte offset of byte `i` of `text` (for a space,
    /// where its whitespace run starts); `from[text.len()]` is the
    /// original's length.
    from: Vec<u32>,
    /// Where paragraphs end: the offsets in `text` of the spaces that stand
    /// for a run of whitespace holding a blank line, in order.
    pub breaks: Vec<u32>,
}

impl Normal {
    /// Normalises `original`, which must be shorter than 4 GiB.
    pub fn new(original: &str) -> Normal {
        let mut text = String::with_capacity(original.len());
        let mut from = Vec::with_capacity(original.len() + 1);
        let mut in_space = false;
        let mut breaks = Vec::new();
        let mut newlines = 0;
        for (at, c) in original.char_indices() {
            if c.is_whitespace() {
                if !in_space {
                    text.push(' ');
                    from.push(at as u32);
                    newlines = 0;
                }
                in_space = true;
                if c == '\n' {
                    newlines += 1;
                    if newlines == 2 {
                        breaks.push((text.len() - 1) as u32);
                    }
                }
            } else {
                text.push(c);
                from.extend((0..c.len_utf8()).map(|k| (at + k) as u32));
                in_space = false;
            }
        }
        from.push(original.len() as u32);
        Normal { text, from, breaks }
    }

    /// The original byte range of `range` (a range of `text`).
    pub fn original(&self, range: Range<usize>) -> Range<usize> {
        let start = self.from[range.start] as usize;
        let end = match range.end {
            0 => 0,
            e if self.text.as_bytes()[e - 1] == b' ' => self.from[e] as usize,
            e => self.from[e - 1] as usize + 1,
        };
        start..end.max(start)
    }
}

/// `s` with every whitespace run made one space and none at either end: how
/// a quote or a selector is compared with a [`Normal`] text. Borrowed when
/// `s` is that already, as most quotes are.
pub fn squeeze(s: &str) -> Cow<'_, str> {
    let mut previous_space = true;
    let squeezed = s.chars().all(|c| {
        let ok = if c.is_whitespace() {
            c == ' ' && !previous_space
        } else {
            true
        };
        previous_space = c.is_whitespace();
        ok
    }) && !s.ends_with(' ');
    if squeezed {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_of_whitespace_become_one_space_and_map_back() {
        let original = "a \n\t b\u{a0}c\u{2003}\u{2003}é\n";
        let n = Normal::new(original);
        assert_eq!(n.text, "a b c é ");
        let b = n.text.find('b').unwrap();
        assert_eq!(&original[n.original(b..b + 1)], "b");
        let e = n.text.find('é').unwrap();
        assert_eq!(&original[n.original(b..e + 2)], "b\u{a0}c\u{2003}\u{2003}é");
        assert_eq!(&original[n.original(0..n.text.len())], original);
        assert_eq!(n.original(0..0), 0..0);
    }

    #[test]
    fn blank_lines_are_paragraph_breaks() {
        let n = Normal::new("One.\nStill one.\n\n Two.\r\n\r\nThree.");
        assert_eq!(n.text, "One. Still one. Two. Three.");
        let at = |s: &str| n.text.find(s).unwrap() as u32 - 1;
        assert_eq!(n.breaks, vec![at("Two"), at("Three")]);
    }

    #[test]
    fn squeeze_trims_and_joins() {
        assert_eq!(squeeze("  we  were\nable \u{2009}"), "we were able");
        assert_eq!(squeeze(" \n "), "");
        assert!(matches!(squeeze("a b"), Cow::Borrowed("a b")));
        assert_eq!(squeeze("a  b "), "a b");
        assert_eq!(squeeze(" a"), "a");
    }
}
