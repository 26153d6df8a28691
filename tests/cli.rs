//! The `briefing` binary's non-interactive commands: exit codes and output.

mod support;

use std::path::Path;
use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    support::hermetic(&mut Command::new(env!("CARGO_BIN_EXE_briefing")))
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

/// The reader's digest under the start options, against the rows the
/// reader's panes show for the same options.
fn digest_matches_the_panes(args: &[&str], topics: &[&str], speaker: Option<&str>) {
    use briefing::app::{App, DisagreementRow, StartOptions};
    let out = run(args);
    assert_eq!(out.status.code(), Some(0), "{args:?}");
    let md = String::from_utf8(out.stdout).unwrap();
    let mut app = App::new(vec![briefing::model::Briefing::bundled()], Vec::new());
    app.start_with(&StartOptions {
        topics: topics.iter().map(|t| t.to_string()).collect(),
        speaker: speaker.map(str::to_string),
    })
    .unwrap();
    let b = app.briefing();
    let rows = app.rows();
    let section = |name: &str| {
        let start = md
            .find(&format!("## {name}\n"))
            .map_or(md.len(), |i| i + 4 + name.len());
        let end = md[start..].find("\n## ").map_or(md.len(), |i| start + i);
        md[start..end].to_string()
    };
    // Timeline: exactly the events the Timeline pane lists, in its order.
    let timeline = section("Timeline");
    let shown: Vec<&str> = timeline.lines().filter(|l| l.starts_with("- **")).collect();
    assert_eq!(shown.len(), rows.timeline.len(), "{args:?}\n{timeline}");
    for (line, &e) in shown.iter().zip(&rows.timeline) {
        assert!(
            line.contains(&b.events[e].title),
            "{line} vs {}",
            b.events[e].title
        );
    }
    // Quotes: exactly the Quotes pane's.
    let said = section("Who said what");
    let entries = said
        .lines()
        .filter(|l| l.starts_with("> “") || l.starts_with("- *Reported:*"))
        .count();
    assert_eq!(entries, rows.quotes.len(), "{args:?}\n{said}");
    for q in 0..b.quotes.len() {
        let start: String = b.quotes[q].text.chars().take(40).collect();
        assert_eq!(
            said.contains(&start),
            rows.quotes.contains(&q),
            "{args:?}: quote {start}"
        );
    }
    // Speakers: those of the Speakers pane that have a quote shown.
    for &s in &rows.speakers {
        let quoted = rows
            .quotes
            .iter()
            .any(|&q| b.index.speaker_of_quote[q] == s);
        let heading = format!(
            "### {}\n",
            briefing::export::markdown::speaker_heading(b, s)
        );
        assert_eq!(said.contains(&heading), quoted, "{args:?}: {heading}");
    }
    // Disagreements: the Disagreements pane's, in its order.
    let listed = section("Disagreements");
    let headings: Vec<&str> = listed.lines().filter(|l| l.starts_with("### ")).collect();
    let expected: Vec<usize> = (rows.disagreements.iter())
        .filter_map(|r| match r {
            DisagreementRow::Heading(d) => Some(*d),
            DisagreementRow::Position(..) => None,
        })
        .collect();
    assert_eq!(headings.len(), expected.len(), "{args:?}\n{listed}");
    for (line, &d) in headings.iter().zip(&expected) {
        assert!(line.contains(&b.disagreements[d].title), "{line}");
    }
}

#[test]
fn the_digest_lists_what_the_panes_show_under_the_start_options() {
    digest_matches_the_panes(&["--topic", "sanctions"], &["sanctions"], None);
    digest_matches_the_panes(&["--speaker", "putin"], &[], Some("putin"));
    digest_matches_the_panes(
        &["--topic", "sanctions", "--speaker", "rubio"],
        &["sanctions"],
        Some("rubio"),
    );
    digest_matches_the_panes(
        &["--topic", "territory", "--topic", "eu-accession"],
        &["territory", "eu-accession"],
        None,
    );
    digest_matches_the_panes(&[], &[], None);
    let md =
        String::from_utf8(run(&["--topic", "sanctions", "--speaker", "rubio"]).stdout).unwrap();
    assert!(
        md.contains("*Shown: topic Sanctions; following Marco Rubio*"),
        "{md}"
    );
}

#[test]
fn the_unfiltered_digest_is_the_markdown_export() {
    let digest = run(&["briefings/alaska-summit-2025.toml"]).stdout;
    let export = run(&[
        "export",
        "--format",
        "markdown",
        "briefings/alaska-summit-2025.toml",
    ])
    .stdout;
    assert!(!digest.is_empty());
    assert_eq!(digest, export);
}

/// The exit status of each command on `path`: check, the reader (its
/// digest: stdout is not a terminal here), render and export.
fn statuses(path: &str) -> [Option<i32>; 4] {
    [
        run(&["check", path]).status.code(),
        run(&[path]).status.code(),
        run(&["render", path]).status.code(),
        run(&["export", "--format", "json", path]).status.code(),
    ]
}

#[test]
fn a_path_that_cannot_be_read_is_2_for_every_command() {
    assert_eq!(statuses("no/such/file.toml"), [Some(2); 4], "missing");
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    assert_eq!(
        statuses(empty.to_str().unwrap()),
        [Some(2); 4],
        "no briefings in a folder"
    );
    let utf16 = dir.path().join("utf16.toml");
    std::fs::write(&utf16, [0xff, 0xfe, b'f', 0, b'o', 0]).unwrap();
    assert_eq!(statuses(utf16.to_str().unwrap()), [Some(2); 4], "not UTF-8");
    let latin1 = dir.path().join("latin1.toml");
    std::fs::write(&latin1, b"format = 1\n# caf\xe9\n").unwrap();
    assert_eq!(
        statuses(latin1.to_str().unwrap()),
        [Some(2); 4],
        "not UTF-8"
    );
}

#[test]
fn an_invalid_briefing_is_1_for_every_command() {
    for path in [
        "tests/fixtures/invalid/syntax.toml",
        "tests/fixtures/invalid/unknown-reference.toml",
        "tests/fixtures/invalid/wrong-type.toml",
    ] {
        assert_eq!(statuses(path), [Some(1); 4], "{path}");
    }
}

#[test]
fn a_bad_file_among_good_ones_is_1_for_check_and_the_digest() {
    let path = "tests/fixtures/mixed";
    assert_eq!(run(&["check", path]).status.code(), Some(1));
    let digest = run(&[path]);
    assert_eq!(digest.status.code(), Some(1));
    assert!(String::from_utf8(digest.stdout).unwrap().starts_with("# "));
    // A missing path beside a good file: 2, the digest still printed.
    let digest = run(&["briefings", "no/such/file.toml"]);
    assert_eq!(digest.status.code(), Some(2));
    assert!(!digest.stdout.is_empty());
    assert_eq!(
        run(&["check", "briefings", "no/such/file.toml"])
            .status
            .code(),
        Some(2)
    );
    // render draws the briefings that loaded.
    assert_eq!(run(&["render", path]).status.code(), Some(0));
}

#[test]
fn a_bad_config_or_bad_arguments_are_2() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "mouse = \"yes\"\n").unwrap();
    let config = config.to_str().unwrap();
    assert_eq!(run(&["--config", config]).status.code(), Some(2));
    assert_eq!(run(&["render", "--config", config]).status.code(), Some(2));
    assert_eq!(
        run(&["--config", "no/such/config.toml"]).status.code(),
        Some(2)
    );
    for args in [
        &["--bogus"][..],
        &["check", "--bogus", "briefings"],
        &["render", "--size", "huge"],
        &["export", "briefings/alaska-summit-2025.toml"],
        &["--topic", "no-such-topic"],
        &["--speaker", "no-such-speaker"],
        &["render", "--keys", "<nosuchkey>"],
    ] {
        assert_eq!(run(args).status.code(), Some(2), "{args:?}");
    }
}
