//! Prints load failures as cargo-style diagnostics: `file:line:col`, the
//! source line, a caret under the problem, and a hint. Text from the file is
//! escaped first, and only an excerpt of a very long line is shown.
//!
//! Written here rather than with a snippet crate because the position must
//! come from the model (the excerpt of a long line starts mid-line) and the
//! caret must line up under escaped text by display width.

use std::fmt::Write as _;

use unicode_width::UnicodeWidthStr;

use super::{Diagnostic, Failure, Location, Piece, Severity};
use crate::text;

/// Columns of a message, label or help shown, at most: they can quote a
/// huge id or name from the file.
const MAX_TEXT: usize = 300;

/// `text` escaped for one line and cut to [`MAX_TEXT`] columns.
fn short(text: &str) -> String {
    text::truncate(&text::one_line(text), MAX_TEXT).into_owned()
}

/// Bytes of context shown on each side of a span, at most.
const CONTEXT: usize = 160;

/// ANSI styles, or nothing when colour is off.
struct Style {
    error: &'static str,
    warning: &'static str,
    accent: &'static str,
    help: &'static str,
    removed: &'static str,
    added: &'static str,
    reset: &'static str,
}

const COLOR: Style = Style {
    error: "\x1b[1;31m",
    warning: "\x1b[1;33m",
    accent: "\x1b[1;34m",
    help: "\x1b[1;36m",
    removed: "\x1b[31m",
    added: "\x1b[32m",
    reset: "\x1b[0m",
};
const PLAIN: Style = Style {
    error: "",
    warning: "",
    accent: "",
    help: "",
    removed: "",
    added: "",
    reset: "",
};

/// Renders every diagnostic of `failure`, each followed by a blank line.
pub fn render_failure(failure: &Failure, color: bool) -> String {
    let mut out = String::new();
    for d in &failure.diagnostics {
        out.push_str(&render(d, failure.source.as_deref(), color));
        out.push('\n');
    }
    out
}

/// Renders one diagnostic, with its source lines when `source` is known: the
/// line of the problem marked with `^`, and the line of each related place
/// (a first definition) marked with `-`, in file order.
pub fn render(d: &Diagnostic, source: Option<&str>, color: bool) -> String {
    let s = if color { COLOR } else { PLAIN };
    let mut out = String::new();
    let (kind, style) = match d.severity {
        Severity::Error => ("error", s.error),
        Severity::Warning => ("warning", s.warning),
    };
    let _ = writeln!(out, "{style}{kind}{}: {}", s.reset, short(&d.message));
    let path = text::one_line(&d.path.display().to_string()).into_owned();
    let located = source.zip(d.span.clone()).zip(d.location);
    let Some(((src, span), loc)) = located else {
        let at = d
            .location
            .map(|l| format!(":{}:{}", l.line, l.column))
            .unwrap_or_default();
        let _ = writeln!(out, " {}-->{} {path}{at}", s.accent, s.reset);
        help(&mut out, d, &s, 1);
        return out;
    };
    let mut marks = vec![Mark {
        location: loc,
        span,
        caret: '^',
        label: d.label.as_deref(),
    }];
    marks.extend(d.related.iter().filter_map(|l| {
        Some(Mark {
            location: l.location?,
            span: l.span.clone(),
            caret: '-',
            label: Some(&l.text),
        })
    }));
    marks.sort_by_key(|m| m.location.line);
    let width = marks
        .iter()
        .map(|m| m.location.line.to_string().len())
        .max()
        .unwrap_or(1);
    let pad = " ".repeat(width);
    let _ = writeln!(
        out,
        "{pad}{}-->{} {path}:{}:{}",
        s.accent, s.reset, loc.line, loc.column
    );
    let _ = writeln!(out, "{pad} {}|{}", s.accent, s.reset);
    let mut previous: Option<usize> = None;
    for mark in &marks {
        if previous.is_some_and(|p| mark.location.line > p + 1) {
            let _ = writeln!(out, "{}...{}", s.accent, s.reset);
        }
        previous = Some(mark.location.line);
        mark.write(&mut out, src, width, &s);
    }
    help(&mut out, d, &s, width);
    out
}

/// One marked place in a diagnostic's excerpt.
struct Mark<'d> {
    location: Location,
    span: std::ops::Range<usize>,
    caret: char,
    label: Option<&'d str>,
}

impl Mark<'_> {
    /// The source line (an excerpt of a long one) and the marks under it.
    fn write(&self, out: &mut String, src: &str, width: usize, s: &Style) {
        let pad = " ".repeat(width);
        let (before, marked, after, cut_left, cut_right) = excerpt(src, self.span.clone());
        let before = format!(
            "{}{}",
            if cut_left { "..." } else { "" },
            text::one_line(before)
        );
        let marked = text::one_line(marked);
        let after = format!(
            "{}{}",
            text::one_line(after),
            if cut_right { "..." } else { "" }
        );
        let number = self.location.line;
        let _ = writeln!(
            out,
            "{}{number:>width$} |{} {before}{marked}{after}",
            s.accent, s.reset
        );
        let carets = self.caret.to_string().repeat(marked.width().max(1));
        let label = self
            .label
            .map(|l| format!(" {}", short(l)))
            .unwrap_or_default();
        let style = if self.caret == '^' { s.error } else { s.accent };
        let _ = writeln!(
            out,
            "{pad} {}|{} {}{}{carets}{label}{}",
            s.accent,
            s.reset,
            " ".repeat(before.width()),
            style,
            s.reset
        );
    }
}

/// Columns of a note or diff line shown, at most: a note can quote a long
/// passage of a source.
const MAX_NOTE: usize = 1000;

/// The `= note:` lines, the `= diff:` line and the `= help:` line, in the
/// order cargo prints them.
fn help(out: &mut String, d: &Diagnostic, s: &Style, pad: usize) {
    let pad = " ".repeat(pad);
    for note in &d.notes {
        let note = text::truncate(&text::one_line(note), MAX_NOTE).into_owned();
        let _ = writeln!(out, "{pad} {}={} note: {note}", s.accent, s.reset);
    }
    if !d.diff.is_empty() {
        let _ = writeln!(
            out,
            "{pad} {}={} diff: {}",
            s.accent,
            s.reset,
            diff_line(&d.diff, s)
        );
    }
    if let Some(h) = &d.help {
        let _ = writeln!(
            out,
            "{pad} {}={} {}help{}: {}",
            s.accent,
            s.reset,
            s.help,
            s.reset,
            short(h)
        );
    }
}

/// A diff as git's word diff shows it, `[-removed-]{+added+}`, each piece
/// escaped, the changes coloured when colour is on.
fn diff_line(pieces: &[Piece], s: &Style) -> String {
    let mut line = String::new();
    let mut budget = MAX_NOTE;
    for piece in pieces {
        let (text, open, close, style) = match piece {
            Piece::Same(t) => (t, "", "", ""),
            Piece::Removed(t) => (t, "[-", "-]", s.removed),
            Piece::Added(t) => (t, "{+", "+}", s.added),
        };
        let text = text::truncate(&text::one_line(text), budget).into_owned();
        budget = budget.saturating_sub(text.width() + 4);
        let reset = if style.is_empty() { "" } else { s.reset };
        let _ = write!(line, "{style}{open}{text}{close}{reset}");
        if budget == 0 {
            break;
        }
    }
    line
}

/// The span's line cut into (before, span, after), at most [`CONTEXT`] bytes
/// on each side of the span and of the span itself, so a megabyte-long line
/// costs no more than a short one; and whether it was cut on the left or right.
fn excerpt(src: &str, span: std::ops::Range<usize>) -> (&str, &str, &str, bool, bool) {
    let floor = |mut i: usize| {
        i = i.min(src.len());
        while !src.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let at = floor(span.start);
    let lo = floor(at.saturating_sub(CONTEXT));
    let start = src[lo..at].rfind('\n').map_or(lo, |i| lo + i + 1);
    let cut_left = start == lo && lo > 0 && src.as_bytes()[lo - 1] != b'\n';
    let hi = floor(at + CONTEXT);
    let line_end = src[at..hi].find('\n').map_or(hi, |i| at + i);
    let span_end = floor(span.end).clamp(at, line_end);
    let end = floor(span_end + CONTEXT).min(
        src[span_end..]
            .find('\n')
            .map_or(src.len(), |i| span_end + i),
    );
    let cut_right = end < src.len() && src.as_bytes()[end] != b'\n';
    (
        &src[start..at],
        &src[at..span_end],
        &src[span_end..end],
        cut_left,
        cut_right,
    )
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

    #[test]
    fn cargo_style_with_caret_and_help() {
        let src = "a = 1\nspeaker = \"benn\"\n";
        let mut d = Diagnostic::at(Path::new("f.toml"), src, 16..22, "unknown speaker `benn`");
        d.with_label("no speaker has this id")
            .with_help("did you mean `ben`?");
        let expected = "\
error: unknown speaker `benn`
 --> f.toml:2:11
  |
2 | speaker = \"benn\"
  |           ^^^^^^ no speaker has this id
  = help: did you mean `ben`?
";
        assert_eq!(render(&d, Some(src), false), expected);
    }

    #[test]
    fn a_related_place_is_shown_in_file_order() {
        let src = "[[s]]\nid = \"x\"\n\n[[s]]\nid = \"x\"\n";
        let second = src.rfind("\"x\"").unwrap();
        let first = src.find("\"x\"").unwrap();
        let mut d = Diagnostic::unlocated(Path::new("f.toml"), second..second + 3, "duplicate id");
        d.with_label("defined again here")
            .with_related(first..first + 3, "first defined here");
        super::super::diagnostic::locate_all(std::slice::from_mut(&mut d), src);
        let expected = "\
error: duplicate id
 --> f.toml:5:6
  |
2 | id = \"x\"
  |      --- first defined here
...
5 | id = \"x\"
  |      ^^^ defined again here
";
        assert_eq!(render(&d, Some(src), false), expected);
    }

    #[test]
    fn long_lines_are_cut_around_the_span() {
        let src = format!(
            "x = [{}\"bad\"{}]",
            "1,".repeat(100_000),
            ",2".repeat(100_000)
        );
        let at = src.find("\"bad\"").unwrap();
        let d = Diagnostic::at(Path::new("f.toml"), &src, at..at + 5, "m");
        let out = render(&d, Some(&src), false);
        assert!(out.len() < 1000, "{}", out.len());
        assert!(out.contains(&format!("f.toml:1:{}", at + 1)));
        let line = out.lines().nth(3).unwrap();
        let caret = out.lines().nth(4).unwrap();
        assert_eq!(line.find("\"bad\""), caret.find('^'));
    }

    #[test]
    fn carets_line_up_under_wide_and_escaped_text() {
        let src = "t = \"中文\x1b\" x";
        let at = src.find('x').unwrap();
        let d = Diagnostic::at(Path::new("f.toml"), src, at..at + 1, "m");
        let out = render(&d, Some(src), false);
        let line = out.lines().nth(3).unwrap();
        let caret = out.lines().nth(4).unwrap();
        assert!(line.ends_with("t = \"中文^[\" x"), "{line}");
        assert_eq!(line.width(), caret.width());
    }
}
