//! `Diagnostic`: one problem in one file, located by byte span, with an
//! optional second place ("first defined here").

use std::ops::Range;
use std::path::{Path, PathBuf};

/// One problem in one file. `span` is a byte range into the file's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub path: PathBuf,
    pub message: String,
    pub span: Option<Range<usize>>,
    /// A short note under the caret ("unknown field", "defined again here").
    pub label: Option<String>,
    /// What to do about it ("did you mean `speaker`?").
    pub help: Option<String>,
    /// Line and column (1-based, column in characters), when the span is known.
    pub location: Option<Location>,
    /// Other places that explain this one, such as where a duplicate id was
    /// first defined.
    pub related: Vec<Label>,
    pub severity: Severity,
    /// Facts that explain the problem, each shown on a `= note:` line
    /// ("closest passage: article.txt:12:5").
    pub notes: Vec<String>,
    /// A character-level diff shown on a `= diff:` line, as git's word diff
    /// shows one: what was written `[-removed-]`, what is there `{+added+}`.
    pub diff: Vec<Piece>,
}

/// A piece of a character-level diff: text both sides share, text only the
/// first side has, or text only the second side has.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    Same(String),
    Removed(String),
    Added(String),
}

/// An error makes a file unusable; a warning is worth knowing but changes
/// nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Severity {
    #[default]
    Error,
    Warning,
}

/// A second place in the same file, with a note.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    pub span: Range<usize>,
    pub text: String,
    /// Filled in with the diagnostic's own location.
    pub location: Option<Location>,
}

/// A 1-based line and column; the column counts characters, as editors do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Location {
    pub line: usize,
    pub column: usize,
}

impl Location {
    /// Line and column of byte offset `at` in `source` (clamped to the text).
    /// Linear in `source`: to locate many offsets, use [`locate_all`].
    pub fn of(source: &str, at: usize) -> Location {
        let mut at = at.min(source.len());
        while !source.is_char_boundary(at) {
            at -= 1;
        }
        let before = &source[..at];
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        Location {
            line: before.matches('\n').count() + 1,
            column: source[line_start..at].chars().count() + 1,
        }
    }
}

impl Diagnostic {
    /// A problem with the file as a whole (it cannot be read, for instance).
    pub fn file(path: &Path, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            path: path.to_path_buf(),
            message: message.into(),
            span: None,
            label: None,
            help: None,
            location: None,
            related: Vec::new(),
            severity: Severity::Error,
            notes: Vec::new(),
            diff: Vec::new(),
        }
    }

    /// A problem at `span`, its line and column to be filled in by [`locate_all`].
    pub fn unlocated(path: &Path, span: Range<usize>, message: impl Into<String>) -> Self {
        Diagnostic {
            span: Some(span),
            ..Diagnostic::file(path, message)
        }
    }

    /// A problem at `span` of `source`, located at once.
    pub fn at(path: &Path, source: &str, span: Range<usize>, message: impl Into<String>) -> Self {
        let mut d = Diagnostic::unlocated(path, span, message);
        locate_all(std::slice::from_mut(&mut d), source);
        d
    }

    pub fn with_label(&mut self, label: impl Into<String>) -> &mut Self {
        self.label = Some(label.into());
        self
    }

    pub fn with_help(&mut self, help: impl Into<String>) -> &mut Self {
        self.help = Some(help.into());
        self
    }

    /// Adds a fact that explains the problem, shown on its own `= note:` line.
    pub fn with_note(&mut self, note: impl Into<String>) -> &mut Self {
        self.notes.push(note.into());
        self
    }

    /// Adds a second place, such as where a duplicate was first defined.
    pub fn with_related(&mut self, span: Range<usize>, text: impl Into<String>) -> &mut Self {
        self.related.push(Label {
            span,
            text: text.into(),
            location: None,
        });
        self
    }

    /// `path:line:column`, or just the path when there is no position.
    pub fn position(&self) -> String {
        match self.location {
            Some(Location { line, column }) => format!("{}:{line}:{column}", self.path.display()),
            None => self.path.display().to_string(),
        }
    }
}

/// Sorts `diagnostics` by position and fills in the line and column of every
/// span, related ones included, in one pass over `source` (linear, however
/// many problems a file has).
pub fn locate_all(diagnostics: &mut [Diagnostic], source: &str) {
    diagnostics.sort_by_key(|d| d.span.as_ref().map_or(0, |s| s.start));
    // (offset, diagnostic, 0 for its span or 1 + the index of a related label)
    let mut wanted: Vec<(usize, usize, usize)> = Vec::new();
    for (i, d) in diagnostics.iter().enumerate() {
        if let Some(span) = &d.span {
            wanted.push((span.start, i, 0));
        }
        wanted.extend(
            d.related
                .iter()
                .enumerate()
                .map(|(j, l)| (l.span.start, i, j + 1)),
        );
    }
    wanted.sort_unstable();
    let (mut line, mut column) = (1, 1);
    let mut chars = source.char_indices().peekable();
    for (at, i, which) in wanted {
        while let Some(&(offset, c)) = chars.peek() {
            if offset >= at.min(source.len()) {
                break;
            }
            chars.next();
            if c == '\n' {
                line += 1;
                column = 1;
            } else {
                column += 1;
            }
        }
        let location = Some(Location { line, column });
        match which {
            0 => diagnostics[i].location = location,
            j => diagnostics[i].related[j - 1].location = location,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locate_all_agrees_with_location_of() {
        let src = "a = 1\nbé = \"x\"\n\nlast";
        let path = Path::new("f.toml");
        let mut ds: Vec<Diagnostic> = [12, 0, 7, 3, 100]
            .into_iter()
            .map(|at| {
                let mut d = Diagnostic::unlocated(path, at..at, "m");
                d.with_related(at / 2..at / 2, "first");
                d
            })
            .collect();
        locate_all(&mut ds, src);
        for d in &ds {
            assert_eq!(
                d.location,
                Some(Location::of(src, d.span.clone().unwrap().start))
            );
            let related = &d.related[0];
            assert_eq!(
                related.location,
                Some(Location::of(src, related.span.start))
            );
        }
    }

    #[test]
    fn location_counts_lines_and_characters() {
        let src = "a = 1\nbé = \"x\"\n";
        assert_eq!(Location::of(src, 0), Location { line: 1, column: 1 });
        let x = src.find('x').unwrap();
        assert_eq!(Location::of(src, x), Location { line: 2, column: 7 });
        assert_eq!(Location::of(src, 10_000).line, 3);
    }
}
