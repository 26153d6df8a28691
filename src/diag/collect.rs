//! `Collector`: gathers the diagnostics of one file as a checker finds them,
//! and hands back the first [`SHOWN`] in file order, located, plus a count of
//! the rest. Memory stays bounded however many problems a file has.

use std::ops::Range;
use std::path::Path;

use super::diagnostic::{Diagnostic, locate_all};

/// Diagnostics kept and shown per file, as compilers do; the rest are counted.
pub const SHOWN: usize = 50;

/// The diagnostics found so far in the file at `path`.
#[derive(Debug)]
pub struct Collector<'a> {
    pub path: &'a Path,
    /// At most 2 × [`SHOWN`]: trimmed to the first [`SHOWN`] in file order
    /// when it fills up.
    diagnostics: Vec<Diagnostic>,
    /// Every problem recorded, kept or not.
    found: usize,
    /// Warnings: they never make the file unusable (the first [`SHOWN`]).
    warnings: Vec<Diagnostic>,
}

/// Where a diagnostic is, for keeping the first ones in file order.
fn start(d: &Diagnostic) -> usize {
    d.span.as_ref().map_or(0, |s| s.start)
}

impl<'a> Collector<'a> {
    pub fn new(path: &'a Path) -> Self {
        Collector {
            path,
            diagnostics: Vec::new(),
            found: 0,
            warnings: Vec::new(),
        }
    }

    fn push(&mut self, d: Diagnostic) -> &mut Diagnostic {
        if self.diagnostics.len() >= 2 * SHOWN {
            // Stable, so diagnostics at one place keep the order found.
            self.diagnostics.sort_by_key(start);
            self.diagnostics.truncate(SHOWN);
        }
        self.found += 1;
        self.diagnostics.push(d);
        self.diagnostics.last_mut().expect("just pushed")
    }

    /// Records a problem at `span`; label, help and related places are added
    /// to what is returned.
    pub fn error(&mut self, span: Range<usize>, message: impl Into<String>) -> &mut Diagnostic {
        self.push(Diagnostic::unlocated(self.path, span, message))
    }

    /// Records a problem with the file as a whole.
    pub fn file_error(&mut self, message: impl Into<String>) -> &mut Diagnostic {
        self.push(Diagnostic::file(self.path, message))
    }

    /// Records a warning at `span`: worth knowing, but the file is usable.
    pub fn warning(&mut self, span: Range<usize>, message: impl Into<String>) -> &mut Diagnostic {
        if self.warnings.len() >= SHOWN {
            self.warnings.pop();
        }
        let mut d = Diagnostic::unlocated(self.path, span, message);
        d.severity = super::Severity::Warning;
        self.warnings.push(d);
        self.warnings.last_mut().expect("just pushed")
    }

    /// Adds what `other` (a collector of the same file, used on another
    /// thread) recorded.
    pub fn absorb(&mut self, other: Collector<'_>) {
        // Problems it counted but no longer kept are counted here too.
        self.found += other.found - other.diagnostics.len();
        for d in other.diagnostics {
            self.push(d);
        }
        for w in other.warnings {
            if self.warnings.len() < SHOWN {
                self.warnings.push(w);
            }
        }
    }

    /// Takes the warnings recorded so far, in file order, located in `source`.
    pub fn take_warnings(&mut self, source: &str) -> Vec<Diagnostic> {
        let mut warnings = std::mem::take(&mut self.warnings);
        locate_all(&mut warnings, source);
        warnings
    }

    /// Has no problem (warnings aside) been recorded?
    pub fn is_empty(&self) -> bool {
        self.found == 0
    }

    /// How many problems have been recorded, kept or not.
    pub fn found(&self) -> usize {
        self.found
    }

    /// The first [`SHOWN`] diagnostics in file order, with lines and columns
    /// from `source`, then one saying how many more there are, if any.
    pub fn finish(mut self, source: &str) -> Vec<Diagnostic> {
        self.diagnostics.sort_by_key(start);
        self.diagnostics.truncate(SHOWN);
        locate_all(&mut self.diagnostics, source);
        let more = self.found - self.diagnostics.len();
        if more > 0 {
            let mut d = Diagnostic::file(
                self.path,
                format!("{more} more problems in this file are not shown"),
            );
            d.with_help(format!(
                "the first {SHOWN} are shown; fix them and check again"
            ));
            self.diagnostics.push(d);
        }
        self.diagnostics
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_first_problems_in_file_order_and_counts_the_rest() {
        let source = "x\n".repeat(1000);
        let mut c = Collector::new(Path::new("f.toml"));
        // Found back to front, as a checker may find them.
        for at in (0..1000).rev() {
            c.error(2 * at..2 * at + 1, format!("problem {at}"));
        }
        assert_eq!(c.found(), 1000);
        let ds = c.finish(&source);
        assert_eq!(ds.len(), SHOWN + 1);
        for (i, d) in ds[..SHOWN].iter().enumerate() {
            assert_eq!(d.message, format!("problem {i}"));
            assert_eq!(d.location.unwrap().line, i + 1);
        }
        assert_eq!(
            ds[SHOWN].message,
            "950 more problems in this file are not shown"
        );
    }
}
