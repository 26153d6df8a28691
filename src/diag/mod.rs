//! Diagnostics: problems found in a file the program reads (a briefing or the
//! config), located by span and shown the way cargo shows them. The model and
//! the config both report through this layer; it knows neither of them.

mod collect;
mod diagnostic;
mod read;
mod render;
mod suggest;
pub mod toml;
pub mod toml_split;

use std::path::PathBuf;

pub use collect::{Collector, SHOWN};
pub use diagnostic::{Diagnostic, Label, Location, Piece, Severity, locate_all};
pub use read::{read_bounded, read_bytes_bounded, utf8};
pub use render::{render, render_failure};
pub use suggest::{Suggester, did_you_mean};

/// A file that could not be used, with every problem found in it.
#[derive(Debug, Clone)]
pub struct Failure {
    pub path: PathBuf,
    /// The file's text when it could be read; diagnostics are shown against
    /// it, so the file is never read a second time.
    pub source: Option<String>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Failure {
    /// A file that could not be read at all: one problem, no text.
    pub fn unreadable(path: &std::path::Path, message: impl Into<String>) -> Failure {
        Failure {
            path: path.to_path_buf(),
            source: None,
            diagnostics: vec![Diagnostic::file(path, message)],
        }
    }
}
