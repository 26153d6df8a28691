//! Reading briefing files and folders from disk, safely: bounded size, regular
//! files only, UTF-8 only. One bad file never hides the good ones. Each
//! briefing loaded is verified against its sources' archived copies.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

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

/// How far a load has got: files done of the total, shared with whoever
/// shows progress, and a flag to stop early.
#[derive(Debug, Default)]
pub struct Progress {
    done: AtomicUsize,
    total: AtomicUsize,
    cancelled: AtomicBool,
}

impl Progress {
    /// Files loaded (or failed) so far.
    pub fn done(&self) -> usize {
        self.done.load(Ordering::Relaxed)
    }

    /// Files to load, once the folders have been listed (0 until then).
    pub fn total(&self) -> usize {
        self.total.load(Ordering::Relaxed)
    }

    /// Asks the load to stop: files not yet started are skipped.
    pub fn cancel(&self) {
        self.cancelled.store(true, Ordering::Relaxed);
    }

    pub fn is_cancelled(&self) -> bool {
        self.cancelled.load(Ordering::Relaxed)
    }
}

/// What became of one file.
enum Outcome {
    Loaded(Box<Briefing>, Option<Failure>),
    Failed(Failure),
}

/// Loads `path`, verified against the archived copies found beside it, in
/// `sources`, or in the shared folder.
fn load_file(path: &Path, sources: &[PathBuf]) -> Outcome {
    let text = match read_bounded(path, MAX_FILE_BYTES) {
        Err(message) => return Outcome::Failed(Failure::unreadable(path, message)),
        Ok(text) => text,
    };
    match Briefing::parse(path, &text) {
        Ok(mut b) => {
            let mut diagnostics = b.warnings.clone();
            diagnostics.extend(provenance::verify(&mut b, &text, sources));
            diagnostics.sort_by_key(|d| d.span.as_ref().map_or(usize::MAX, |s| s.start));
            let findings = (!diagnostics.is_empty()).then(|| Failure {
                path: path.to_path_buf(),
                source: Some(text),
                diagnostics,
            });
            Outcome::Loaded(Box::new(b), findings)
        }
        Err(diagnostics) => Outcome::Failed(Failure {
            path: path.to_path_buf(),
            source: Some(text),
            diagnostics,
        }),
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
    load_paths_progress(paths, sources, &Progress::default())
}

/// [`load_paths_with`], counting files done in `progress` and stopping early
/// when it is cancelled. Files load in parallel, one thread per core; the
/// report lists them in the order the paths name them (a folder's files by
/// name), whatever order they finish in.
pub fn load_paths_progress(
    paths: &[PathBuf],
    sources: &[PathBuf],
    progress: &Progress,
) -> LoadReport {
    let cores = std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get);
    load_paths_on(paths, sources, progress, cores)
}

/// [`load_paths_progress`] on at most `threads` threads (for measuring how
/// loading scales with cores).
pub fn load_paths_on(
    paths: &[PathBuf],
    sources: &[PathBuf],
    progress: &Progress,
    threads: usize,
) -> LoadReport {
    // Each path is a file to load, or a folder that could not be used.
    let mut jobs: Vec<Result<PathBuf, Failure>> = Vec::new();
    for path in paths {
        if path.is_dir() {
            match toml_files_in(path) {
                Ok(files) if files.is_empty() => jobs.push(Err(Failure::unreadable(
                    path,
                    "no briefing files (*.toml) in this folder: name a folder that holds some, or start one with `briefing new FILE.toml`",
                ))),
                Ok(files) => jobs.extend(files.into_iter().map(Ok)),
                Err(message) => jobs.push(Err(Failure::unreadable(path, message))),
            }
        } else {
            jobs.push(Ok(path.clone()));
        }
    }
    progress.total.store(jobs.len(), Ordering::Relaxed);
    let outcomes = run_in_parallel(
        threads,
        &jobs,
        |job| {
            let outcome = match job {
                Ok(path) => load_file(path, sources),
                Err(failure) => Outcome::Failed(failure.clone()),
            };
            progress.done.fetch_add(1, Ordering::Relaxed);
            outcome
        },
        progress,
    );
    let mut report = LoadReport::default();
    for outcome in outcomes.into_iter().flatten() {
        match outcome {
            Outcome::Loaded(b, findings) => {
                report.briefings.push(*b);
                report.findings.extend(findings);
            }
            Outcome::Failed(failure) => report.failures.push(failure),
        }
    }
    report
}

/// `work` on each of `jobs`, on up to `threads` threads, each taking the next job not yet taken; the results in the jobs'
/// order (`None` for a job skipped after `progress` was cancelled).
fn run_in_parallel<J: Sync, T: Send>(
    threads: usize,
    jobs: &[J],
    work: impl Fn(&J) -> T + Sync,
    progress: &Progress,
) -> Vec<Option<T>> {
    let threads = threads.min(jobs.len());
    let next = AtomicUsize::new(0);
    let worker = || {
        let mut done = Vec::new();
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            if i >= jobs.len() || progress.is_cancelled() {
                return done;
            }
            done.push((i, work(&jobs[i])));
        }
    };
    let mut results: Vec<Option<T>> = std::iter::repeat_with(|| None).take(jobs.len()).collect();
    let batches: Vec<Vec<(usize, T)>> = if threads <= 1 {
        vec![worker()]
    } else {
        std::thread::scope(|scope| {
            let handles: Vec<_> = (1..threads).map(|_| scope.spawn(worker)).collect();
            let mut batches = vec![worker()];
            for handle in handles {
                match handle.join() {
                    Ok(batch) => batches.push(batch),
                    Err(panic) => std::panic::resume_unwind(panic),
                }
            }
            batches
        })
    };
    for (i, result) in batches.into_iter().flatten() {
        results[i] = Some(result);
    }
    results
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
