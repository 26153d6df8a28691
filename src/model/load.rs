//! Reading briefing files and folders from disk, safely: bounded size, regular
//! files only, UTF-8 only. One bad file never hides the good ones.

use std::fs;
use std::io::Read as _;
use std::path::{Path, PathBuf};

use super::{Briefing, Diagnostic};

/// Files larger than this are refused without being read.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// A file that could not be loaded, with every problem found in it.
#[derive(Debug, Clone)]
pub struct Failure {
    pub path: PathBuf,
    /// The file's text when it could be read (for showing source lines).
    pub source: Option<String>,
    pub diagnostics: Vec<Diagnostic>,
}

/// The outcome of loading a set of paths.
#[derive(Debug, Clone, Default)]
pub struct LoadReport {
    pub briefings: Vec<Briefing>,
    pub failures: Vec<Failure>,
}

impl LoadReport {
    /// Adds the outcome of loading `path`.
    fn file(&mut self, path: &Path) {
        let failure = |source, diagnostics| Failure {
            path: path.to_path_buf(),
            source,
            diagnostics,
        };
        match read_text(path) {
            Err(message) => self
                .failures
                .push(failure(None, vec![Diagnostic::file(path, message)])),
            Ok(text) => match Briefing::parse(path, &text) {
                Ok(b) => self.briefings.push(b),
                Err(ds) => self.failures.push(failure(Some(text), ds)),
            },
        }
    }
}

/// Loads every path: a file as a briefing, a folder as all `*.toml` in it.
pub fn load_paths(paths: &[PathBuf]) -> LoadReport {
    let mut report = LoadReport::default();
    for path in paths {
        if path.is_dir() {
            match toml_files_in(path) {
                Ok(files) if files.is_empty() => report.failures.push(Failure {
                    path: path.clone(),
                    source: None,
                    diagnostics: vec![Diagnostic::file(
                        path,
                        "no briefing files (*.toml) in this folder",
                    )],
                }),
                Ok(files) => files.iter().for_each(|f| report.file(f)),
                Err(message) => report.failures.push(Failure {
                    path: path.clone(),
                    source: None,
                    diagnostics: vec![Diagnostic::file(path, message)],
                }),
            }
        } else {
            report.file(path);
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

/// Reads `path` as UTF-8 text, refusing what is not a regular file, too large,
/// or not UTF-8, without blocking (a FIFO is never opened) and in bounded memory.
/// The error is a message about the file as a whole.
pub fn read_text(path: &Path) -> Result<String, String> {
    read_bounded(path, MAX_FILE_BYTES)
}

/// [`read_text`] with another size limit, for other files the program reads
/// (its config file).
pub fn read_bounded(path: &Path, limit: u64) -> Result<String, String> {
    let meta = fs::metadata(path).map_err(|e| format!("cannot read this file: {e}"))?;
    if !meta.is_file() {
        return Err("not a regular file; give a briefing .toml file or a folder of them".into());
    }
    if meta.len() > limit {
        return Err(format!(
            "file is {} but files are limited to {}; split it into several files",
            human(meta.len()),
            human(limit)
        ));
    }
    let file = fs::File::open(path).map_err(|e| format!("cannot read this file: {e}"))?;
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read this file: {e}"))?;
    if bytes.len() as u64 > limit {
        return Err(format!("file grew past {} while being read", human(limit)));
    }
    if bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]) {
        return Err("file is UTF-16; save it as UTF-8".into());
    }
    let bytes = bytes
        .strip_prefix(b"\xef\xbb\xbf")
        .map(<[u8]>::to_vec)
        .unwrap_or(bytes);
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let text = String::from_utf8_lossy(&e.as_bytes()[..at]).into_owned();
        let line = text.matches('\n').count() + 1;
        let column = text.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        format!(
            "not valid UTF-8 at line {line}, column {column} (byte {at}); save the file as UTF-8"
        )
    })
}

/// A size for people: "64.0 MiB", "512 KiB".
fn human(bytes: u64) -> String {
    if bytes >= 1024 * 1024 {
        format!("{:.1} MiB", bytes as f64 / (1024.0 * 1024.0))
    } else {
        format!("{} KiB", bytes.div_ceil(1024))
    }
}
