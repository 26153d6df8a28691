//! Every error a new user can meet says what happened and what to do, in
//! one line, with the cargo-style detail when a file is involved.

mod support;

use std::process::{Command, Output, Stdio};

fn run(args: &[&str], dir: &std::path::Path) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_briefing"));
    support::hermetic(&mut cmd)
        .current_dir(dir)
        .env("XDG_CONFIG_HOME", dir)
        .env("NO_COLOR", "1")
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("the binary runs")
}

/// stderr's `error:` lines, and the whole of it.
fn errors(out: &Output) -> (Vec<String>, String) {
    let all = String::from_utf8_lossy(&out.stderr).into_owned();
    let lines = all
        .lines()
        .filter(|l| l.starts_with("error:"))
        .map(str::to_string)
        .collect();
    (lines, all)
}

/// `out` failed with exit code `code`, and one of its `error:` lines says
/// `what` happened and `todo`.
fn says(out: &Output, code: i32, what: &str, todo: &str) {
    let (lines, all) = errors(out);
    assert_eq!(out.status.code(), Some(code), "{all}");
    assert!(
        lines.iter().any(|l| l.contains(what) && l.contains(todo)),
        "no error line says {what:?} and {todo:?}:\n{all}"
    );
}

#[test]
fn a_missing_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(&["nope.toml"], dir.path());
    says(&out, 2, "it does not exist", "check the path");
    says(&out, 2, "no briefing could be loaded", "without a path");
    assert!(errors(&out).1.contains(" --> nope.toml"));
}

#[test]
fn a_folder_without_briefings() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("empty")).unwrap();
    let out = run(&["check", "empty"], dir.path());
    says(
        &out,
        2,
        "no briefing files (*.toml) in this folder",
        "briefing new",
    );
    assert!(errors(&out).1.contains(" --> empty"));
}

#[test]
fn a_bad_config_file() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("bad.toml"), "mouse = 3\n").unwrap();
    let out = run(&["render", "--config", "bad.toml"], dir.path());
    says(&out, 2, "`mouse` must be true or false", "");
    let all = errors(&out).1;
    assert!(
        all.contains("bad.toml:1:9") && all.contains("help: write `mouse = true`"),
        "{all}"
    );
}

#[test]
fn bad_keys_for_render() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(&["render", "--keys", "<ctrl-foo>"], dir.path());
    says(&out, 2, "unknown key `ctrl-foo`", "written as in help");
}

#[test]
fn a_terminal_too_small() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(&["render", "--size", "30x8"], dir.path());
    assert_eq!(out.status.code(), Some(0));
    let screen = String::from_utf8_lossy(&out.stdout)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(screen.contains("Terminal too small: 30×8"), "{screen}");
    assert!(screen.contains("enlarge the window"), "{screen}");
}

#[test]
fn no_terminal_prints_the_digest_and_says_so_in_help() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(&[], dir.path());
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("# After the Alaska summit"));
    let help = String::from_utf8_lossy(&run(&["--help"], dir.path()).stdout).into_owned();
    assert!(
        help.contains("When stdout or stdin is not a terminal"),
        "{help}"
    );
}

#[test]
fn bad_arguments_name_the_fix() {
    let dir = tempfile::tempdir().unwrap();
    says(
        &run(&["render", "--size", "10"], dir.path()),
        2,
        "'10' for '--size <WxH>'",
        "COLUMNSxROWS",
    );
    says(
        &run(&["new", "x.toml", "--as-of", "soon"], dir.path()),
        2,
        "not a date",
        "write it as",
    );
    let out = run(&["completions", "tcsh"], dir.path());
    says(&out, 2, "invalid value 'tcsh'", "");
    assert!(
        errors(&out)
            .1
            .contains("[possible values: bash, zsh, fish, elvish, powershell]")
    );
}
