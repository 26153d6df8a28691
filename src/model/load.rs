//! Reading briefing files and folders from disk, safely: bounded size, regular
//! files only, UTF-8 only. One bad file never hides the good ones. Each
//! briefing loaded is verified against its sources' archived copies.

use std::fs;
use std::path::{Path, PathBuf};

use super::{Briefing, provenance};
use crate::diag::{Failure, read_bounded};

/// Files larger than this are refused without being read.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// The outcome of loading a set of paths.
#[derive(Debug, Clone, Default)]
pub struct LoadReport {
    pub briefings: Vec<Briefing>,
    pub failures: Vec<Failure>,
    /// Problems in briefings that loaded all the same: their warnings, and
    /// what verifying their quotes found (errors among them: a quote not
    /// verbatim, a `sha256` that does not match), one entry per briefing
    /// with any, in the order of `briefings`.
    pub findings: Vec<Failure>,
}

impl LoadReport {
    /// Adds the outcome of loading `path`, verified against the archived
    /// copies found beside it, in `sources`, or in the shared folder.
    fn file(&mut self, path: &Path, sources: &[PathBuf]) {
        match read_bounded(path, MAX_FILE_BYTES) {
            Err(message) => self.failures.push(Failure::unreadable(path, message)),
            Ok(text) => match Briefing::parse(path, &text) {
                Ok(mut b) => {
                    let mut diagnostics = b.warnings.clone();
                    diagnostics.extend(provenance::verify(&mut b, &text, sources));
                    diagnostics.sort_by_key(|d| d.span.as_ref().map_or(usize::MAX, |s| s.start));
                    if !diagnostics.is_empty() {
                        self.findings.push(Failure {
                            path: path.to_path_buf(),
                            source: Some(text),
                            diagnostics,
                        });
                    }
                    self.briefings.push(b);
                }
                Err(diagnostics) => self.failures.push(Failure {
                    path: path.to_path_buf(),
                    source: Some(text),
                    diagnostics,
                }),
            },
        }
    }
}

/// Loads every path: a file as a briefing, a folder as all `*.toml` in it.
/// Archived sources are looked for beside each briefing and in the shared
/// folder ([`provenance::data_dir`]).
pub fn load_paths(paths: &[PathBuf]) -> LoadReport {
    load_paths_with(paths, &[])
}

/// [`load_paths`], looking for archived sources in each of `sources` too
/// (after beside the briefing, before the shared folder).
pub fn load_paths_with(paths: &[PathBuf], sources: &[PathBuf]) -> LoadReport {
    let mut report = LoadReport::default();
    for path in paths {
        if path.is_dir() {
            match toml_files_in(path) {
                Ok(files) if files.is_empty() => report.failures.push(Failure::unreadable(
                    path,
                    "no briefing files (*.toml) in this folder",
                )),
                Ok(files) => files.iter().for_each(|f| report.file(f, sources)),
                Err(message) => report.failures.push(Failure::unreadable(path, message)),
            }
        } else {
            report.file(path, sources);
        }
    }
    report
}

/// The `*.toml` files directly inside `dir`, sorted by name.
fn toml_files_in(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let entries = fs::read_dir(dir).map_err(|e| format!("cannot read this folder: {e}"))?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    Ok(files)
}
