//! The `briefing` binary's non-interactive commands: exit codes and output.

use std::path::Path;
use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_briefing"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .env("XDG_CONFIG_HOME", "/nonexistent/briefing-test-config")
        .output()
        .unwrap()
}

#[test]
fn check_exit_codes() {
    assert_eq!(run(&["check", "briefings"]).status.code(), Some(0));
    assert_eq!(
        run(&["check", "tests/fixtures/mixed"]).status.code(),
        Some(1)
    );
    assert_eq!(run(&["check", "no/such/file.toml"]).status.code(), Some(2));
    assert_eq!(
        run(&["check"]).status.code(),
        Some(2),
        "no path is a usage error"
    );
}

#[test]
fn check_prints_cargo_style_diagnostics() {
    let out = run(&["check", "tests/fixtures/invalid/unknown-reference.toml"]);
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("error: unknown speaker `benn`"), "{err}");
    assert!(
        err.contains("tests/fixtures/invalid/unknown-reference.toml:40:11"),
        "{err}"
    );
    assert!(err.contains("40 | speaker = \"benn\""), "{err}");
    assert!(err.contains("^^^^^^ no speaker has this id"), "{err}");
    assert!(err.contains("help: did you mean `ben`?"), "{err}");
}

#[test]
fn export_json_resolves_speakers() {
    let out = run(&[
        "export",
        "--format",
        "json",
        "briefings/alaska-summit-2025.toml",
    ]);
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let quote = &v["quotes"][0];
    assert!(quote["speaker"]["name"].is_string());
    assert_eq!(v["export_version"], 1);
}

#[test]
fn export_markdown_is_a_digest() {
    let out = run(&[
        "export",
        "--format",
        "markdown",
        "briefings/alaska-summit-2025.toml",
    ]);
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(md.starts_with("# "));
    for heading in [
        "## Key points",
        "## Timeline",
        "## Who said what",
        "## Disagreements",
    ] {
        assert!(md.contains(heading), "missing {heading}");
    }
}

#[test]
fn committed_schema_is_current() {
    let committed = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join(briefing::schema::SCHEMA_PATH),
    )
    .unwrap();
    assert!(
        committed == briefing::schema::briefing_schema_json(),
        "assets/briefing.schema.json is stale: run `cargo run -- schema > assets/briefing.schema.json`"
    );
}

#[test]
fn version_and_help() {
    assert!(
        String::from_utf8(run(&["--version"]).stdout)
            .unwrap()
            .starts_with("briefing ")
    );
    assert!(
        String::from_utf8(run(&["--help"]).stdout)
            .unwrap()
            .contains("check")
    );
}

#[test]
fn readme_screenshot_is_the_real_program() {
    let out = run(&["render", "--size", "120x40", "--keys", "3jjj"]);
    assert_eq!(out.status.code(), Some(0));
    let committed = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/screenshot.txt"),
    )
    .unwrap();
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        committed,
        "regenerate with: cargo run -- render --size 120x40 --keys 3jjj > assets/screenshot.txt (and paste into README.md)"
    );
}

#[test]
fn reader_prints_the_digest_when_stdout_is_not_a_terminal() {
    let out = run(&[]);
    assert_eq!(out.status.code(), Some(0));
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .starts_with("# After the Alaska summit")
    );
}

#[test]
fn unknown_start_topic_is_a_usage_error_with_a_suggestion() {
    let out = run(&["render", "--topic", "sanction"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .contains("did you mean `sanctions`")
    );
}

#[test]
fn config_errors_name_file_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    std::fs::write(&path, "[keys]\ndonw = [\"j\"]\n").unwrap();
    let out = run(&["render", "--config", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("config.toml:2:1"), "{err}");
    assert!(err.contains("did you mean `down`?"), "{err}");
}

#[test]
fn readme_key_table_is_the_keymap() {
    let table = briefing::keys::keymap::markdown_table(&briefing::keys::Keymap::default());
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let start = readme.find("<!-- keys:start -->\n").expect("start marker") + 20;
    let end = readme.find("<!-- keys:end -->").expect("end marker");
    assert!(
        readme[start..end] == table,
        "README.md's key table is stale; put this between its keys markers:\n{table}"
    );
}
