//! `briefing config`: where the file is, the default one (which `config
//! check` accepts), checking a file, and the committed schema.

mod support;

use std::path::Path;
use std::process::{Command, Output};

fn run(args: &[&str], config_home: &Path) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_briefing"));
    support::hermetic(&mut cmd)
        .args(args)
        .env("XDG_CONFIG_HOME", config_home)
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn path_names_the_file_and_whether_it_is_there() {
    let home = tempfile::tempdir().unwrap();
    let out = run(&["config", "path"], home.path());
    assert_eq!(out.status.code(), Some(0));
    let expected = home.path().join("briefing").join("config.toml");
    assert_eq!(text(&out.stdout), format!("{}\n", expected.display()));
    assert!(text(&out.stderr).starts_with("not there: the defaults are in use"));
    std::fs::create_dir_all(expected.parent().unwrap()).unwrap();
    std::fs::write(&expected, "mouse = false\n").unwrap();
    let out = run(&["config", "path"], home.path());
    assert!(
        text(&out.stderr).starts_with("in use"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn the_default_config_passes_check_and_changes_nothing() {
    let home = tempfile::tempdir().unwrap();
    let out = run(&["config", "default"], home.path());
    assert_eq!(out.status.code(), Some(0));
    let default = text(&out.stdout);
    assert!(default.starts_with("#:schema config.schema.json\n"));
    for needle in [
        "[keys.panes]",
        "[keys.popup]",
        "[theme]",
        "selection_bg",
        "mouse = true",
    ] {
        assert!(
            default.contains(needle),
            "the default config shows {needle}"
        );
    }
    let dir = home.path().join("briefing");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("config.toml"), &default).unwrap();
    // The file in use, found as the reader finds it.
    let out = run(&["config", "check"], home.path());
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stderr).starts_with("ok: "));
}

#[test]
fn check_reports_problems_at_their_place_and_exits_1() {
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join("bad.toml");
    std::fs::write(&file, "mouse = true\ntheme = \"ligth\"\n").unwrap();
    let out = run(&["config", "check", file.to_str().unwrap()], home.path());
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(err.contains("bad.toml:2:9"), "{err}");
    assert!(err.contains("did you mean `light`?"), "{err}");
    let out = run(
        &["config", "check", "/nonexistent/config.toml"],
        home.path(),
    );
    assert_eq!(out.status.code(), Some(2));
    // Nothing to check: the defaults are in use.
    let out = run(&["config", "check"], home.path());
    assert_eq!(out.status.code(), Some(0));
    assert!(text(&out.stderr).contains("the defaults are in use"));
}

#[test]
fn the_committed_config_schema_is_current() {
    let committed = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join(briefing::config::SCHEMA_PATH),
    )
    .unwrap();
    assert_eq!(
        committed,
        briefing::config::config_schema_json(),
        "regenerate with: cargo run -- config schema > {}",
        briefing::config::SCHEMA_PATH
    );
}

#[test]
fn ascii_in_the_config_or_on_the_command_line_draws_plain_borders() {
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join("ascii.toml");
    std::fs::write(&file, "ascii = true\n").unwrap();
    let boxed = |out: &Output| text(&out.stdout).contains('╭');
    let plain = run(&["render", "--config", file.to_str().unwrap()], home.path());
    assert_eq!(plain.status.code(), Some(0), "{}", text(&plain.stderr));
    assert!(!boxed(&plain) && text(&plain.stdout).contains("+ 1 Timeline"));
    let flag = run(&["render", "--ascii"], home.path());
    assert!(!boxed(&flag));
    assert!(boxed(&run(&["render"], home.path())));
}
