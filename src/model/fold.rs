//! Search folding: typographic variants read as their plain forms, and smart
//! case. One definition for every search (panes, corpus, filter, popups).
//!
//! | typed | also finds |
//! |---|---|
//! | `'` | `‘ ’ ‚ ‛ ′ ʼ` |
//! | `"` | `“ ” „ ‟ ″ « »` |
//! | `-` | `‐ ‑ ‒ – — ― − ﹘ ﹣ －` |
//! | `...` | `…` |
//! | space | no-break, thin, narrow and other fixed-width spaces |
//! | `fi`, `fl`, `ff`, `ffi`, `ffl` | the ligatures `ﬁ ﬂ ﬀ ﬃ ﬄ` |
//! | (nothing) | soft hyphen, zero-width space and joiners, byte-order mark |
//!
//! Smart case: a query with no uppercase letter ignores case (and `σ` finds
//! final `ς`); a query with one is matched case for case. Folding applies to
//! the query too, so `we’re` and `we're` find the same text.

/// The plain form of a typographic character, if it has one.
fn typographic(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{02BC}' => "'",
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}'
        | '\u{00BB}' => "\"",
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}'
        | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}' => "-",
        '\u{2026}' => "...",
        '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => " ",
        '\u{FB00}' => "ff",
        '\u{FB01}' => "fi",
        '\u{FB02}' => "fl",
        '\u{FB03}' => "ffi",
        '\u{FB04}' => "ffl",
        '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' => "",
        _ => return None,
    })
}

/// Calls `out` with each character `c` folds to.
#[inline]
fn fold_char(c: char, ignore_case: bool, out: &mut impl FnMut(char)) {
    if c.is_ascii() {
        out(if ignore_case {
            c.to_ascii_lowercase()
        } else {
            c
        });
    } else if let Some(plain) = typographic(c) {
        plain.chars().for_each(out);
    } else if ignore_case {
        for l in c.to_lowercase() {
            out(if l == 'ς' { 'σ' } else { l });
        }
    } else {
        out(c);
    }
}

/// Appends `text` folded to `out`. Runs of ASCII are copied whole, so a
/// mostly ASCII text (a quote inside curly quotation marks) folds nearly as
/// fast as a plain one.
pub fn fold_into(out: &mut String, mut text: &str, ignore_case: bool) {
    loop {
        let ascii = text
            .bytes()
            .position(|b| !b.is_ascii())
            .unwrap_or(text.len());
        let (run, rest) = text.split_at(ascii);
        if ignore_case {
            out.extend(run.bytes().map(|b| char::from(b.to_ascii_lowercase())));
        } else {
            out.push_str(run);
        }
        let mut chars = rest.chars();
        let Some(c) = chars.next() else {
            return;
        };
        fold_char(c, ignore_case, &mut |f| out.push(f));
        text = chars.as_str();
    }
}

/// `text` folded.
pub fn fold(text: &str, ignore_case: bool) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(&mut out, text, ignore_case);
    out
}

/// A search query as typed, folded once for matching.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Query {
    folded: String,
    ignore_case: bool,
}

impl Query {
    /// `typed` under smart case: ignore case unless it has an uppercase letter.
    pub fn new(typed: &str) -> Query {
        let ignore_case = !typed.chars().any(char::is_uppercase);
        Query {
            folded: fold(typed, ignore_case),
            ignore_case,
        }
    }

    /// The query folded, as texts are folded to be compared with it.
    pub fn folded(&self) -> &str {
        &self.folded
    }

    pub fn ignores_case(&self) -> bool {
        self.ignore_case
    }

    pub fn is_empty(&self) -> bool {
        self.folded.is_empty()
    }

    /// Does `text` contain the query, folded? An ASCII text is searched in
    /// place, without folding a copy.
    pub fn is_in(&self, text: &str) -> bool {
        let n = self.folded.as_bytes();
        if n.is_empty() {
            return false;
        }
        if !text.is_ascii() {
            return fold(text, self.ignore_case).contains(&self.folded);
        }
        if !self.folded.is_ascii() {
            return false;
        }
        let h = text.as_bytes();
        if n.len() > h.len() {
            return false;
        }
        if !self.ignore_case {
            return memchr::memmem::find(h, n).is_some();
        }
        let first = n[0];
        memchr::memchr2_iter(
            first.to_ascii_lowercase(),
            first.to_ascii_uppercase(),
            &h[..=h.len() - n.len()],
        )
        .any(|i| h[i..i + n.len()].eq_ignore_ascii_case(n))
    }

    /// Byte ranges of `text` the query matches, for highlighting: always on
    /// character boundaries, a folded character matched whole.
    pub fn ranges(&self, text: &str) -> Vec<std::ops::Range<usize>> {
        if self.folded.is_empty() || !self.is_in(text) {
            return Vec::new();
        }
        // Each folded character with the source character it came from.
        let mut folded: Vec<(char, usize, usize)> = Vec::with_capacity(text.len());
        for (i, c) in text.char_indices() {
            let end = i + c.len_utf8();
            fold_char(c, self.ignore_case, &mut |f| folded.push((f, i, end)));
        }
        let n: Vec<char> = self.folded.chars().collect();
        let mut out: Vec<std::ops::Range<usize>> = Vec::new();
        let mut i = 0;
        while i + n.len() <= folded.len() {
            if folded[i..i + n.len()]
                .iter()
                .map(|f| f.0)
                .eq(n.iter().copied())
            {
                let (start, end) = (folded[i].1, folded[i + n.len() - 1].2);
                match out.last_mut() {
                    Some(last) if last.end > start => last.end = last.end.max(end),
                    _ => out.push(start..end),
                }
                i += n.len();
            } else {
                i += 1;
            }
        }
        out
    }
}

#[cfg(test)]
#[allow(clippy::single_range_in_vec_init)]
mod tests {
    use super::*;

    #[test]
    fn smart_case() {
        assert!(Query::new("putin").is_in("Vladimir Putin"));
        assert!(Query::new("Putin").is_in("Vladimir Putin"));
        assert!(!Query::new("PUTIN").is_in("Vladimir Putin"));
        assert!(!Query::new("Putin").is_in("putin"));
        assert!(Query::new("état").is_in("ÉTAT"));
        assert!(!Query::new("État").is_in("état"));
        assert!(Query::new("σ").is_in("λόγος"));
    }

    #[test]
    fn typographic_folding() {
        assert!(Query::new("we're").is_in("we’re here"));
        assert!(Query::new("we’re").is_in("we're here"));
        assert!(Query::new("\"peace").is_in("“Peace”"));
        assert!(Query::new("a-b").is_in("a–b"));
        assert!(Query::new("a-b").is_in("a—b"));
        assert!(Query::new("wait...").is_in("wait…"));
        assert!(Query::new("a b").is_in("a\u{a0}b"));
        assert!(Query::new("office").is_in("o\u{FB03}ce"));
        assert!(Query::new("cooperate").is_in("co\u{AD}operate"));
        assert!(!Query::new("peace").is_in("piece"));
        assert!(!Query::new("").is_in("anything"));
    }

    #[test]
    fn mixed_text_folds_run_by_run() {
        assert_eq!(fold("“We Welcome” – É", true), "\"we welcome\" - é");
        assert_eq!(fold("“We Welcome” – É", false), "\"We Welcome\" - É");
        assert_eq!(fold("plain", true), "plain");
        assert_eq!(fold("", true), "");
    }

    #[test]
    fn ranges_cover_source_characters() {
        let q = Query::new("peace");
        assert_eq!(q.ranges("Peace, peace"), [0..5, 7..12]);
        assert_eq!(Query::new("über").ranges("Über über"), [0..5, 6..11]);
        let text = "we’re";
        let r = Query::new("we're").ranges(text);
        assert_eq!(r, [0..text.len()]);
        assert_eq!(Query::new("\"").ranges("“a”"), [0..3, 4..7]);
        assert_eq!(Query::new("..").ranges("…"), [0..3]);
        assert!(Query::new("Peace").ranges("peace").is_empty());
    }
}
