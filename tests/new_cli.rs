//! `briefing new FILE`: a briefing `check` accepts, never written over an
//! existing file, with clear errors for a bad date or folder.

mod support;

use std::process::{Command, Output};

fn run(args: &[&str], dir: &std::path::Path) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_briefing"));
    support::hermetic(&mut cmd)
        .current_dir(dir)
        .args(args)
        .output()
        .expect("the binary runs")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn a_new_briefing_passes_check_and_opens() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(
        &[
            "new",
            "Geneva talks.toml",
            "--title",
            "Talks in \"Geneva\"",
            "--as-of",
            "2025-09-01",
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("`briefing check 'Geneva talks.toml'`"),
        "{}",
        stderr(&out)
    );
    let text = std::fs::read_to_string(dir.path().join("Geneva talks.toml")).unwrap();
    assert!(text.starts_with("#:schema briefing.schema.json\n"));
    assert!(text.contains("id = \"geneva-talks\""));
    assert!(text.contains("as_of = 2025-09-01"));
    let out = run(&["check", "Geneva talks.toml"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let out = run(
        &["render", "--size", "80x24", "Geneva talks.toml"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains("Talks in \"Geneva\""));
}

#[test]
fn new_never_writes_over_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mine.toml");
    std::fs::write(&path, "my work").unwrap();
    let out = run(&["new", "mine.toml"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("already exists"), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "my work");
}

#[test]
fn a_bad_date_or_folder_is_a_clear_error_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(&["new", "b.toml", "--as-of", "tomorrow"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("not a date: write it as 2025-08-17"),
        "{}",
        stderr(&out)
    );
    assert!(!dir.path().join("b.toml").exists());
    let out = run(&["new", "no/such/folder/b.toml"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("check that its folder exists"),
        "{}",
        stderr(&out)
    );
}
