//! The complete example in docs/FORMAT.md is a real briefing: the fixture
//! `tests/fixtures/valid/eastmere-budget-2026.toml`, valid, beside the
//! plain-text copy of the source it cites.

mod support;

use std::path::{Path, PathBuf};

use briefing::model::{Briefing, DisagreementKind, SpeakerKind};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn fixture() -> PathBuf {
    root().join("tests/fixtures/valid/eastmere-budget-2026.toml")
}

/// The TOML block under `## A complete example` in docs/FORMAT.md.
fn documented_example() -> String {
    let doc = std::fs::read_to_string(root().join("docs/FORMAT.md")).unwrap();
    let section = &doc[doc.find("## A complete example").unwrap()..];
    let start = section.find("```toml\n").unwrap() + "```toml\n".len();
    let len = section[start..].find("```\n").unwrap();
    section[start..start + len].to_owned()
}

#[test]
fn the_documented_example_is_the_fixture() {
    let fixture = std::fs::read_to_string(fixture()).unwrap();
    assert!(
        documented_example() == fixture,
        "docs/FORMAT.md's complete example and {} differ: copy one to the other",
        fixture_name()
    );
}

fn fixture_name() -> String {
    fixture()
        .strip_prefix(root())
        .unwrap()
        .display()
        .to_string()
}

#[test]
fn the_example_is_valid_and_uses_the_provenance_fields() {
    let path = fixture();
    let text = std::fs::read_to_string(&path).unwrap();
    let b = Briefing::parse(&path, &text).unwrap_or_else(|e| panic!("{e:#?}"));
    assert!(b.warnings.is_empty(), "{:#?}", b.warnings);
    let minutes = b.source("hearing-minutes").unwrap();
    assert_eq!(
        minutes.archived.as_deref(),
        Some("eastmere-hearing-minutes.txt")
    );
    assert!(
        path.with_file_name("eastmere-hearing-minutes.txt")
            .is_file()
    );
    assert!(b.quotes.iter().all(|q| q.source.is_some()));
    assert!(
        b.quotes
            .iter()
            .any(|q| q.prefix.is_some() && q.suffix.is_some())
    );
    assert!(
        b.speakers
            .iter()
            .any(|s| s.kind == SpeakerKind::Organisation)
    );
    let kinds: Vec<_> = b.disagreements.iter().map(|d| d.kind).collect();
    assert!(kinds.contains(&DisagreementKind::Dispute));
    assert!(kinds.contains(&DisagreementKind::Question));
}

/// `briefing check` run in `dir` on `args`, with no shared sources folder
/// and no colour: its stdout followed by its stderr, and its exit status.
fn check_in(dir: &Path, args: &[&str]) -> (String, Option<i32>) {
    let empty = tempfile::tempdir().unwrap();
    let out = support::hermetic(&mut std::process::Command::new(env!(
        "CARGO_BIN_EXE_briefing"
    )))
    .arg("check")
    .args(args)
    .current_dir(dir)
    .env("NO_COLOR", "1")
    .env("XDG_DATA_HOME", empty.path())
    .output()
    .unwrap();
    let text = String::from_utf8(out.stdout).unwrap() + &String::from_utf8(out.stderr).unwrap();
    (text, out.status.code())
}

#[test]
fn check_verifies_the_example_as_documented() {
    let doc = std::fs::read_to_string(root().join("docs/FORMAT.md")).unwrap();
    let (out, code) = check_in(root(), &["tests/fixtures/valid/eastmere-budget-2026.toml"]);
    assert_eq!(code, Some(0), "{out}");
    let mut lines = out.lines();
    let (ok, note) = (lines.next().unwrap(), lines.next().unwrap());
    assert!(
        ok.contains("(5 quotes: 2 direct verified verbatim, 1 reported located, 2 unverified;"),
        "{out}"
    );
    for line in [ok, note] {
        assert!(doc.contains(line), "docs/FORMAT.md does not show {line:?}");
    }
}

#[test]
fn a_mistyped_quote_in_the_example_fails_as_documented() {
    let dir = tempfile::tempdir().unwrap();
    let valid = root().join("tests/fixtures/valid");
    let minutes = "eastmere-hearing-minutes.txt";
    std::fs::copy(valid.join(minutes), dir.path().join(minutes)).unwrap();
    let text = std::fs::read_to_string(fixture()).unwrap();
    let mistyped = text.replacen(
        "more than the whole book budget.\"",
        "more than the entire book budget.\"",
        1,
    );
    assert_ne!(mistyped, text);
    std::fs::write(dir.path().join("eastmere-budget-2026.toml"), mistyped).unwrap();
    let (out, code) = check_in(dir.path(), &["eastmere-budget-2026.toml"]);
    assert_eq!(code, Some(1), "{out}");
    let doc = std::fs::read_to_string(root().join("docs/FORMAT.md")).unwrap();
    let shown = format!("```text\n{out}```");
    assert!(
        doc.contains(&shown),
        "docs/FORMAT.md should show this output of a mistyped quote:\n{out}"
    );
}
