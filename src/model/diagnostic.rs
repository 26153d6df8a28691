//! `Diagnostic`: one problem found in a briefing file, located by byte span.

use std::ops::Range;
use std::path::{Path, PathBuf};

/// One problem in one file. `span` is a byte range into the file's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub path: PathBuf,
    pub message: String,
    pub span: Option<Range<usize>>,
    /// A short note under the caret ("unknown field", "defined here").
    pub label: Option<String>,
    /// What to do about it ("did you mean `speaker`?").
    pub help: Option<String>,
    /// Line and column (1-based, column in characters), when the span is known.
    pub location: Option<Location>,
}

/// A 1-based line and column; the column counts characters, as editors do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Location {
    pub line: usize,
    pub column: usize,
}

impl Location {
    /// Line and column of byte offset `at` in `source` (clamped to the text).
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
        }
    }

    /// A problem at `span` of `source`.
    pub fn at(path: &Path, source: &str, span: Range<usize>, message: impl Into<String>) -> Self {
        Diagnostic {
            location: Some(Location::of(source, span.start)),
            ..Diagnostic::unlocated(path, span, message)
        }
    }

    /// A problem at `span`, its line and column to be filled in by [`locate_all`].
    pub fn unlocated(path: &Path, span: Range<usize>, message: impl Into<String>) -> Self {
        Diagnostic {
            span: Some(span),
            ..Diagnostic::file(path, message)
        }
    }

    pub fn with_label(&mut self, label: impl Into<String>) -> &mut Self {
        self.label = Some(label.into());
        self
    }

    pub fn with_help(&mut self, help: impl Into<String>) -> &mut Self {
        self.help = Some(help.into());
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

/// Sorts `diagnostics` by position and fills in every line and column in one
/// pass over `source` (linear, however many problems a file has).
pub fn locate_all(diagnostics: &mut [Diagnostic], source: &str) {
    diagnostics.sort_by_key(|d| d.span.as_ref().map_or(0, |s| s.start));
    let (mut line, mut column) = (1, 1);
    let mut chars = source.char_indices().peekable();
    for d in diagnostics.iter_mut() {
        let Some(span) = &d.span else { continue };
        while let Some(&(i, c)) = chars.peek() {
            if i >= span.start.min(source.len()) {
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
        d.location = Some(Location { line, column });
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
            .map(|at| Diagnostic::unlocated(path, at..at, "m"))
            .collect();
        locate_all(&mut ds, src);
        for d in &ds {
            assert_eq!(
                d.location,
                Some(Location::of(src, d.span.clone().unwrap().start))
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
