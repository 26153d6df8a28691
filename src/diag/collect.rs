//! `Collector`: gathers the diagnostics of one file as a checker finds them,
//! and hands them back located and in file order.

use std::ops::Range;
use std::path::Path;

use super::diagnostic::{Diagnostic, locate_all};

/// The diagnostics found so far in the file at `path`.
#[derive(Debug)]
pub struct Collector<'a> {
    pub path: &'a Path,
    diagnostics: Vec<Diagnostic>,
}

impl<'a> Collector<'a> {
    pub fn new(path: &'a Path) -> Self {
        Collector {
            path,
            diagnostics: Vec::new(),
        }
    }

    /// Records a problem at `span`; label, help and related places are added
    /// to what is returned.
    pub fn error(&mut self, span: Range<usize>, message: impl Into<String>) -> &mut Diagnostic {
        self.diagnostics
            .push(Diagnostic::unlocated(self.path, span, message));
        self.diagnostics.last_mut().expect("just pushed")
    }

    /// Records a problem with the file as a whole.
    pub fn file_error(&mut self, message: impl Into<String>) -> &mut Diagnostic {
        self.diagnostics.push(Diagnostic::file(self.path, message));
        self.diagnostics.last_mut().expect("just pushed")
    }

    /// Adds diagnostics found elsewhere (a TOML syntax check).
    pub fn extend(&mut self, diagnostics: impl IntoIterator<Item = Diagnostic>) {
        self.diagnostics.extend(diagnostics);
    }

    pub fn is_empty(&self) -> bool {
        self.diagnostics.is_empty()
    }

    pub fn len(&self) -> usize {
        self.diagnostics.len()
    }

    /// Every diagnostic, in file order, with lines and columns from `source`.
    pub fn finish(mut self, source: &str) -> Vec<Diagnostic> {
        locate_all(&mut self.diagnostics, source);
        self.diagnostics
    }
}
