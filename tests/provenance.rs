//! Quotes verified against their sources' archived copies: `briefing check`
//! on short fixtures of its own (tests/fixtures/provenance/, a made-up
//! article and briefings citing it), where the copy is found, unreadable
//! copies, and the Alaska briefing against its article in ../shared/sources.

mod support;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use briefing::model::{Proof, QuoteKind, load_paths, load_paths_with};

const FIXTURES: &str = "tests/fixtures/provenance";

fn manifest() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn fixture(name: &str) -> String {
    format!("{FIXTURES}/{name}")
}

/// Runs the binary in the manifest folder with no config, no shared
/// sources folder (unless `env` gives one) and no colour; kills it after 20
/// seconds, so a read that blocks fails the test instead of hanging it.
fn run_with(args: &[&str], env: &[(&str, &Path)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_briefing"));
    support::hermetic(&mut cmd);
    cmd.args(args)
        .current_dir(manifest())
        .env("NO_COLOR", "1")
        .env("XDG_CONFIG_HOME", "/nonexistent/briefing-test-config")
        .env("XDG_DATA_HOME", "/nonexistent/briefing-test-data")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (k, v) in env {
        cmd.env(k, v);
    }
    let mut child = cmd.spawn().unwrap();
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > Duration::from_secs(20) {
            child.kill().unwrap();
            panic!("briefing {args:?} did not finish in 20 s");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

fn run(args: &[&str]) -> Output {
    run_with(args, &[])
}

/// (exit code, stdout, stderr)
fn outcome(out: &Output) -> (Option<i32>, String, String) {
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn verbatim_across_line_breaks_with_closing_punctuation_and_selectors() {
    let (code, out, err) = outcome(&run(&["check", &fixture("ok.toml")]));
    assert_eq!(code, Some(0), "{out}{err}");
    assert!(
        out.contains(
            "ok: tests/fixtures/provenance/ok.toml — Port Elwyn closes its ferry pier \
             (8 quotes: 5 direct verified verbatim, 3 reported located, 0 unverified; \
             4 speakers, 0 events, 0 disagreements)"
        ),
        "{out}"
    );
    assert!(!err.contains("warning"), "{err}");
    assert!(!out.contains("note:"), "{out}");
}

#[test]
fn each_quote_is_placed_where_the_source_says_it() {
    let report = load_paths(&[manifest().join(fixture("ok.toml"))]);
    assert!(report.findings.is_empty(), "{:?}", report.findings);
    let b = &report.briefings[0];
    let archive = std::fs::read_to_string(manifest().join(fixture("port-elwyn.txt"))).unwrap();
    let at = |id: &str| {
        let qi = b.quotes.iter().position(|q| q.id == id).unwrap();
        let proof = &b.provenance.quotes[qi];
        assert!(proof.is_verified(), "{id}: {proof:?}");
        &archive[proof.place().unwrap()]
    };
    assert_eq!(
        at("pilings"),
        "the pilings are older than anyone in this room, and\nthey will not last another winter."
    );
    assert_eq!(at("gamble"), "We will not gamble with people’s\nlives,");
    assert_eq!(at("disappointed"), "disappointed but not surprised");
    let first = archive.find("the end of the ferry").unwrap();
    let second = archive.rfind("the end of the ferry").unwrap();
    assert_ne!(first, second);
    let qi = |id: &str| b.quotes.iter().position(|q| q.id == id).unwrap();
    assert_eq!(
        b.provenance.quotes[qi("not-the-end")]
            .place()
            .unwrap()
            .start,
        first
    );
    assert_eq!(
        b.provenance.quotes[qi("ebb-not-the-end")]
            .place()
            .unwrap()
            .start,
        second
    );
    assert!(matches!(
        b.provenance.quotes[qi("not-the-end")],
        Proof::Verbatim { occurrences: 1, .. }
    ));
    assert_eq!(
        at("new-pier"),
        "the association would ask for a new pier to be built"
    );
    assert_eq!(
        at("report"),
        "the council would publish the engineer’s report on Friday."
    );
    assert_eq!(
        at("vote"),
        "The harbour council of Port Elwyn voted on Tuesday to close the old ferry pier,"
    );
}

#[test]
fn a_mistyped_word_fails_at_the_quote_with_the_closest_passage_and_a_diff() {
    let (code, out, err) = outcome(&run(&["check", &fixture("mistyped.toml")]));
    assert_eq!(code, Some(1), "{out}{err}");
    assert!(
        err.contains(
            "error: direct quote is not verbatim in `tests/fixtures/provenance/port-elwyn.txt`"
        ),
        "{err}"
    );
    assert!(
        err.contains("--> tests/fixtures/provenance/mistyped.toml:38:8"),
        "{err}"
    );
    assert!(
        err.contains(
            "= note: closest passage, at tests/fixtures/provenance/port-elwyn.txt:2:29: \
             `the pilings are older than anyone in this room, and they will not last another winter.`"
        ),
        "{err}"
    );
    assert!(
        err.contains("= diff: the pilings are older than any[-body-]{+one+} in this room"),
        "{err}"
    );
    assert!(
        out.contains(
            "(1 quote: 0 direct verified verbatim, 0 reported located, 0 unverified, 1 failed;"
        ),
        "{out}"
    );
    assert!(out.starts_with("FAILED: "), "{out}");
}

#[test]
fn the_diff_is_coloured_only_when_colour_is_on() {
    let report = load_paths(&[manifest().join(fixture("mistyped.toml"))]);
    let finding = &report.findings[0];
    let coloured = briefing::diag::render_failure(finding, true);
    assert!(
        coloured.contains("\x1b[31m[-body-]\x1b[0m\x1b[32m{+one+}\x1b[0m"),
        "{coloured:?}"
    );
    let plain = briefing::diag::render_failure(finding, false);
    assert!(!plain.contains('\x1b'), "{plain:?}");
}

#[test]
fn a_sha256_mismatch_is_an_error_at_the_digest_and_nothing_is_verified() {
    let (code, out, err) = outcome(&run(&["check", &fixture("sha-mismatch.toml")]));
    assert_eq!(code, Some(1), "{out}{err}");
    assert!(err.contains("does not match its sha256"), "{err}");
    assert!(
        err.contains("--> tests/fixtures/provenance/sha-mismatch.toml:13:10"),
        "{err}"
    );
    assert!(
        err.contains("c813401be0d6bd808185486f57b9863649297f543f094b3773fce11ffbcffc1a"),
        "{err}"
    );
    assert!(err.contains(&"0".repeat(64)), "{err}");
    assert!(
        out.contains("0 direct verified verbatim, 0 reported located, 8 unverified"),
        "{out}"
    );
}

#[test]
fn a_source_with_no_copy_here_is_unverified_and_strict_makes_it_an_error() {
    let (code, out, err) = outcome(&run(&["check", &fixture("no-copy.toml")]));
    assert_eq!(code, Some(0), "{out}{err}");
    assert!(
        out.contains("10 quotes: 0 direct verified verbatim, 0 reported located, 10 unverified"),
        "{out}"
    );
    assert!(
        out.contains(
            "  note: 8 quotes cite `harbour-news`, whose archived copy `not-here.txt` is not here: \
             pass --sources DIR"
        ),
        "{out}"
    );
    assert!(out.contains("  note: 1 quote names no source"), "{out}");
    assert!(
        out.contains("  note: 1 reported statement has no `prefix` or `suffix` to locate it by"),
        "{out}"
    );
    let (code, out, err) = outcome(&run(&["check", "--strict", &fixture("no-copy.toml")]));
    assert_eq!(code, Some(1), "{out}{err}");
    assert!(out.starts_with("FAILED: "), "{out}");
    assert!(
        out.contains("  error: 8 quotes cite `harbour-news`"),
        "{out}"
    );
    assert!(err.contains("--strict"), "{err}");
    // Each unverified quote is an error of its own, at its line and column.
    let path = fixture("no-copy.toml");
    for (id, line, why) in [
        (
            "pilings",
            38,
            "the archived copy `not-here.txt` is not here",
        ),
        ("unsourced", 107, "it names no `source`"),
        (
            "unselected",
            114,
            "a reported statement with no `prefix` or `suffix` to locate it by",
        ),
    ] {
        let message = format!("error: quote `{id}` is unverified: {why}\n --> {path}:{line}:8");
        assert!(err.contains(&message), "{message}\n{err}");
    }
    assert_eq!(err.matches("is unverified").count(), 10, "{err}");
    // Strict passes when everything is verified.
    let (code, out, err) = outcome(&run(&["check", "--strict", &fixture("ok.toml")]));
    assert_eq!(code, Some(0), "{out}{err}");
}

#[test]
fn a_quote_that_occurs_twice_without_a_selector_is_a_warning() {
    let (code, out, err) = outcome(&run(&["check", &fixture("ambiguous.toml")]));
    assert_eq!(code, Some(0), "{out}{err}");
    assert!(
        err.contains("warning: occurs 2 times in `tests/fixtures/provenance/port-elwyn.txt`"),
        "{err}"
    );
    assert!(
        err.contains("--> tests/fixtures/provenance/ambiguous.toml:38:8"),
        "{err}"
    );
    assert!(err.contains("= help: add a `prefix` or `suffix`"), "{err}");
    assert!(out.contains("1 quote: 1 direct verified verbatim"), "{out}");
}

#[test]
fn a_selector_that_matches_nowhere_is_an_error_at_the_selector() {
    let (code, out, err) = outcome(&run(&["check", &fixture("selector-nowhere.toml")]));
    assert_eq!(code, Some(1), "{out}{err}");
    // A direct quote whose text occurs, but not after this prefix.
    assert!(
        err.contains("--> tests/fixtures/provenance/selector-nowhere.toml:41:10"),
        "{err}"
    );
    assert!(
        err.contains("the `prefix` fits none of the 2 places where the quote occurs"),
        "{err}"
    );
    // A reported statement whose prefix is not in the source.
    assert!(
        err.contains("--> tests/fixtures/provenance/selector-nowhere.toml:50:10"),
        "{err}"
    );
    assert!(
        err.contains(
            "error: selector matches nowhere in `tests/fixtures/provenance/port-elwyn.txt`\n"
        ),
        "{err}"
    );
    assert!(
        out.contains(
            "2 quotes: 0 direct verified verbatim, 0 reported located, 0 unverified, 2 failed"
        ),
        "{out}"
    );
}

/// A temporary folder holding a copy of ok.toml, without its source.
fn alone() -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ok.toml");
    std::fs::copy(manifest().join(fixture("ok.toml")), &path).unwrap();
    (dir, path.to_str().unwrap().to_string())
}

#[test]
fn the_copy_is_found_beside_in_sources_or_in_the_data_folder() {
    let (dir, path) = alone();
    let (code, out, _) = outcome(&run(&["check", &path]));
    assert_eq!(code, Some(0));
    assert!(out.contains("8 unverified"), "{out}");
    assert!(out.contains("`port-elwyn.txt` is not here"), "{out}");

    let (code, out, err) = outcome(&run(&["check", "--sources", FIXTURES, &path]));
    assert_eq!(code, Some(0), "{err}");
    assert!(
        out.contains("5 direct verified verbatim, 3 reported located, 0 unverified"),
        "{out}"
    );

    let data = dir.path().join("data");
    let shared = data.join("briefing/sources");
    std::fs::create_dir_all(&shared).unwrap();
    std::fs::copy(
        manifest().join(fixture("port-elwyn.txt")),
        shared.join("port-elwyn.txt"),
    )
    .unwrap();
    let (code, out, err) = outcome(&run_with(&["check", &path], &[("XDG_DATA_HOME", &data)]));
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains("0 unverified"), "{out}");

    // Beside the briefing comes first: a changed copy there is the one checked.
    std::fs::write(dir.path().join("port-elwyn.txt"), "another text").unwrap();
    let (code, _, err) = outcome(&run_with(&["check", &path], &[("XDG_DATA_HOME", &data)]));
    assert_eq!(code, Some(1));
    assert!(err.contains("does not match its sha256"), "{err}");
}

#[test]
fn the_sources_folder_must_be_a_readable_folder() {
    let (code, _, err) = outcome(&run(&[
        "check",
        "--sources",
        "no/such/folder",
        &fixture("ok.toml"),
    ]));
    assert_eq!(code, Some(2));
    assert!(
        err.contains("error: --sources no/such/folder: cannot read this folder"),
        "{err}"
    );
    let (code, _, err) = outcome(&run(&[
        "check",
        "--sources",
        &fixture("ok.toml"),
        &fixture("ok.toml"),
    ]));
    assert_eq!(code, Some(2));
    assert!(err.contains("not a folder"), "{err}");
    for args in [
        vec![
            "export",
            "--format",
            "json",
            "--sources",
            "nope",
            "briefings",
        ],
        vec!["render", "--sources", "nope", "briefings"],
    ] {
        let (code, _, err) = outcome(&run(&args));
        assert_eq!(code, Some(2), "{args:?}");
        assert!(err.contains("--sources nope"), "{err}");
    }
}

#[test]
fn export_and_the_reader_take_sources_too() {
    let (dir, path) = alone();
    let (code, out, err) = outcome(&run(&[
        "export",
        "--format",
        "json",
        "--sources",
        FIXTURES,
        &path,
    ]));
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains("pilings"), "{out}");
    let (code, _, err) = outcome(&run(&["render", "--sources", FIXTURES, &path]));
    assert_eq!(code, Some(0), "{err}");
    // The library sees the same copies.
    let report = load_paths_with(&[PathBuf::from(&path)], &[manifest().join(FIXTURES)]);
    let b = &report.briefings[0];
    assert!(b.provenance.quotes.iter().all(Proof::is_verified));
    drop(dir);
}

/// A briefing whose archived copy is `archived`, in a temporary folder.
fn citing(archived: &str) -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(manifest().join(fixture("ok.toml")))
        .unwrap()
        .replace(
            "archived = \"port-elwyn.txt\"",
            &format!("archived = \"{archived}\""),
        );
    let path = dir.path().join("b.toml");
    std::fs::write(&path, text).unwrap();
    (dir, path.to_str().unwrap().to_string())
}

fn assert_unreadable(out: &Output) {
    let (code, out, err) = outcome(out);
    assert_eq!(code, Some(1), "{out}{err}");
    assert!(err.contains("cannot read the archived copy"), "{err}");
    assert!(err.contains("not a regular file"), "{err}");
    assert!(err.contains("b.toml:12:12"), "{err}");
    assert!(out.contains("8 unverified"), "{out}");
}

#[test]
fn a_fifo_a_device_or_a_folder_as_the_copy_never_hangs() {
    let (dir, path) = citing("fifo");
    let fifo = dir.path().join("fifo");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    assert_unreadable(&run(&["check", &path]));

    let (dir, path) = citing("folder");
    std::fs::create_dir(dir.path().join("folder")).unwrap();
    assert_unreadable(&run(&["check", &path]));

    // Found in --sources /dev: /dev/zero never ends, and is not read.
    let (_dir, path) = citing("zero");
    assert_unreadable(&run(&["check", "--sources", "/dev", &path]));
}

// The Alaska briefing against its article, which is not in the repository:
// ../shared/sources beside the checkout. Without it these tests fail.

fn shared_sources() -> PathBuf {
    manifest().join("../shared/sources")
}

fn article() -> PathBuf {
    let path = shared_sources().join("alaska-summit-2025-08-17.txt");
    assert!(
        path.is_file(),
        "the Alaska article is not at {}: these tests verify the briefing against it; \
         put the shared sources beside the checkout",
        path.display()
    );
    path
}

const ALASKA: &str = "briefings/alaska-summit-2025.toml";

fn direct_quotes() -> Vec<String> {
    let b = load_paths(&[manifest().join(ALASKA)]).briefings.remove(0);
    (b.quotes.iter())
        .filter(|q| q.kind == QuoteKind::Direct)
        .map(|q| q.text.clone())
        .collect()
}

/// 1-based line and column (in characters) of byte `at` of `text`.
fn line_col(text: &str, at: usize) -> (usize, usize) {
    let before = &text[..at];
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    (
        before.matches('\n').count() + 1,
        before[start..].chars().count() + 1,
    )
}

#[test]
fn alaska_every_direct_quote_is_verified_verbatim() {
    article();
    let (code, out, err) = outcome(&run(&[
        "check",
        "--sources",
        "../shared/sources",
        "briefings/",
    ]));
    assert_eq!(code, Some(0), "{out}{err}");
    let direct = direct_quotes().len();
    assert!(direct >= 14, "{direct}");
    assert!(
        out.contains(&format!("{direct} direct verified verbatim")),
        "{out}"
    );
    assert!(!out.contains("failed"), "{out}");
    assert!(!err.contains("error"), "{err}");
}

#[test]
fn alaska_a_mistyped_quote_fails_at_its_line_and_column() {
    let article = article();
    let original = std::fs::read_to_string(manifest().join(ALASKA)).unwrap();
    // The first direct quote written plainly in the file; its longest word
    // loses its second letter.
    let quote = direct_quotes()
        .into_iter()
        .find(|t| original.contains(&format!("text = \"{t}\"")))
        .expect("a direct quote written as a plain string");
    let word = quote
        .split(|c: char| !c.is_alphabetic())
        .max_by_key(|w| w.len())
        .unwrap()
        .to_string();
    let mut chars: Vec<char> = word.chars().collect();
    chars.remove(1);
    let typo: String = chars.into_iter().collect();
    let mistyped = quote.replacen(&word, &typo, 1);
    let at = original.find(&format!("text = \"{quote}\"")).unwrap() + "text = ".len();
    let (line, column) = line_col(&original, at);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("alaska-summit-2025.toml");
    std::fs::write(
        &path,
        original.replacen(
            &format!("text = \"{quote}\""),
            &format!("text = \"{mistyped}\""),
            1,
        ),
    )
    .unwrap();
    let sources = article.parent().unwrap().to_str().unwrap();
    let (code, out, err) = outcome(&run(&[
        "check",
        "--sources",
        sources,
        path.to_str().unwrap(),
    ]));
    assert_eq!(code, Some(1), "{out}{err}");
    assert!(
        err.contains(&format!("--> {}:{line}:{column}", path.display())),
        "{line}:{column}\n{err}"
    );
    assert!(err.contains("error: direct quote is not verbatim"), "{err}");
    let note = err
        .lines()
        .find(|l| l.contains("= note: closest passage, at "))
        .unwrap_or_else(|| panic!("{err}"));
    assert!(note.contains("alaska-summit-2025-08-17.txt:"), "{note}");
    assert!(note.contains(&word), "{note}");
    let diff = err.lines().find(|l| l.contains("= diff: ")).unwrap();
    assert!(diff.contains("{+"), "{diff}");
    assert!(out.contains("1 failed"), "{out}");
}

#[test]
fn alaska_a_changed_article_is_a_sha256_mismatch() {
    let article = std::fs::read_to_string(article()).unwrap();
    let original = std::fs::read_to_string(manifest().join(ALASKA)).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let at = article.find(" the ").expect("a word to change");
    let changed = format!("{} a {}", &article[..at], &article[at + 5..]);
    std::fs::write(dir.path().join("alaska-summit-2025-08-17.txt"), changed).unwrap();
    let path = dir.path().join("alaska-summit-2025.toml");
    std::fs::write(&path, &original).unwrap();
    let (code, out, err) = outcome(&run(&["check", path.to_str().unwrap()]));
    assert_eq!(code, Some(1), "{out}{err}");
    assert!(err.contains("does not match its sha256"), "{err}");
    let at = original.find("sha256 = \"").unwrap() + "sha256 = ".len();
    let (line, column) = line_col(&original, at);
    assert!(
        err.contains(&format!("--> {}:{line}:{column}", path.display())),
        "{err}"
    );
}

/// ok.toml and its source in a temporary folder, with `extra` appended to
/// the briefing.
fn with_quotes(extra: &str) -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        manifest().join(fixture("port-elwyn.txt")),
        dir.path().join("port-elwyn.txt"),
    )
    .unwrap();
    let text = std::fs::read_to_string(manifest().join(fixture("ok.toml"))).unwrap();
    let path = dir.path().join("b.toml");
    std::fs::write(&path, format!("{text}\n{extra}")).unwrap();
    (dir, path.to_str().unwrap().to_string())
}

#[test]
fn selectors_that_bracket_nothing_or_fit_twice_are_reported() {
    let (_dir, path) = with_quotes(
        r#"[[quotes]]
id = "twice"
kind = "reported"
speaker = "quist"
text = "The ferry goes on."
at = 2031-04-02
source = "harbour-news"
prefix = "council"

[[quotes]]
id = "nothing"
kind = "reported"
speaker = "quist"
text = "Something was said."
at = 2031-04-02
source = "harbour-news"
prefix = "with people’s"
suffix = "lives"
"#,
    );
    let (code, out, err) = outcome(&run(&["check", &path]));
    assert_eq!(code, Some(1), "{out}{err}");
    assert!(
        err.contains("warning: its selector fits 2 places in"),
        "{err}"
    );
    assert!(
        err.contains("error: the selector brackets no words in"),
        "{err}"
    );
    let nothing = text_line(&path, "suffix = \"lives\"");
    assert!(err.contains(&format!("{path}:{nothing}:10")), "{err}");
}

#[test]
fn a_quote_cut_inside_a_word_is_not_verbatim() {
    let (_dir, path) = with_quotes(
        r#"[[quotes]]
id = "cut"
speaker = "quist"
text = "e will not gamble"
at = 2031-04-02
source = "harbour-news"
"#,
    );
    let (code, out, err) = outcome(&run(&["check", &path]));
    assert_eq!(code, Some(1), "{out}{err}");
    assert!(err.contains("direct quote is not verbatim"), "{err}");
    let line = text_line(&path, "text = \"e will not gamble\"");
    assert!(err.contains(&format!("{path}:{line}:8")), "{err}");
}

/// The 1-based line of `path` that is `line`.
fn text_line(path: &str, line: &str) -> usize {
    let text = std::fs::read_to_string(path).unwrap();
    text.lines().position(|l| l == line).unwrap() + 1
}
