//! The watcher and the background reload against hostile files: a watched
//! briefing replaced by a FIFO, by a file over the size limit, deleted, or
//! replaced by a folder; each reload comes back (nothing hangs) with the
//! file as a failure, and the reader keeps its last good version.

#![cfg(unix)]

use std::path::Path;
use std::time::Duration;

use briefing::app::{Action, App, Reload};
use briefing::event_loop::Live;
use briefing::model::{self, MAX_FILE_BYTES};
use briefing::watch::Method;

const BRIEFING: &str = include_str!("../briefings/alaska-summit-2025.toml");

/// Waits for the reload of `path` (others may come first, as a file is
/// written in steps).
fn reload_of(live: &Live, path: &Path, what: &str) -> Reload {
    loop {
        let r = live
            .wait_reload(Duration::from_secs(10))
            .unwrap_or_else(|| panic!("no reload within 10 s after {what}"));
        if r.changed.iter().any(|p| p == path) {
            return r;
        }
    }
}

fn check(method: Method) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("b.toml");
    std::fs::write(&path, BRIEFING).unwrap();
    let report = model::load_paths(std::slice::from_ref(&path));
    let mut app = App::new(report.briefings, report.failures);
    let live = Live::start(std::slice::from_ref(&path), &[], Some(method));
    assert_eq!(live.method(), method);

    // Reloads until one fails for `reason` (a replacement made in two
    // steps, delete then create, can be seen as two changes).
    let expect_failure = |app: &mut App, what: &str, reason: &str| loop {
        let r = reload_of(&live, &path, what);
        assert!(r.report.briefings.is_empty(), "{what}");
        let message = r.report.failures[0].diagnostics[0].message.clone();
        app.update(Action::Reloaded(Box::new(r)));
        assert_eq!(
            app.briefing().quotes.len(),
            23,
            "{what}: the last good version"
        );
        assert!(app.problem_count() >= 1, "{what}");
        if message.contains(reason) {
            break;
        }
    };

    std::fs::remove_file(&path).unwrap();
    expect_failure(&mut app, "a delete", "cannot read this file");

    let fifo = std::ffi::CString::new(path.to_str().unwrap()).unwrap();
    // SAFETY: a plain system call on a path.
    assert_eq!(unsafe { libc::mkfifo(fifo.as_ptr(), 0o644) }, 0);
    expect_failure(&mut app, "a FIFO", "not a regular file");
    std::fs::remove_file(&path).unwrap();

    let big = std::fs::File::create(&path).unwrap();
    big.set_len(MAX_FILE_BYTES + 1).unwrap();
    drop(big);
    expect_failure(&mut app, "a file over the limit", "limited to 64 MiB");
    std::fs::remove_file(&path).unwrap();

    std::fs::create_dir(&path).unwrap();
    std::fs::write(path.join("inside.toml"), BRIEFING).unwrap();
    expect_failure(&mut app, "a folder", "a folder");
    std::fs::remove_dir_all(&path).unwrap();

    std::fs::write(&path, BRIEFING).unwrap();
    // The delete may be seen first, then the file written back.
    let r = loop {
        let r = reload_of(&live, &path, "the file back");
        if !r.report.briefings.is_empty() {
            break r;
        }
        app.update(Action::Reloaded(Box::new(r)));
    };
    app.update(Action::Reloaded(Box::new(r)));
    assert_eq!(app.problem_count(), 0);
}

#[test]
fn hostile_replacements_fail_to_load_and_never_hang_with_events() {
    check(Method::Events);
}

#[test]
fn hostile_replacements_fail_to_load_and_never_hang_when_polling() {
    check(Method::Polling);
}

#[test]
fn version_says_how_files_are_watched() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_briefing"))
        .arg("--version")
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let debounce = format!("debounced {} ms", briefing::watch::DEBOUNCE.as_millis());
    let poll = format!(
        "polling every {} ms",
        briefing::watch::POLL_EVERY.as_millis()
    );
    assert!(text.contains(&debounce) && text.contains(&poll), "{text}");
}
