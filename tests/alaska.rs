//! The bundled Alaska summit briefing: valid, complete, faithful to its source,
//! and its JSON export is stable.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use briefing::export::json::to_json;
use briefing::export::markdown::to_markdown;
use briefing::model::provenance::verify;
use briefing::model::{Briefing, Proof, QuoteKind};

fn alaska() -> Briefing {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("briefings/alaska-summit-2025.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    Briefing::parse(&path, &text).unwrap_or_else(|e| panic!("{e:#?}"))
}

#[test]
fn validates_with_every_person_and_quote() {
    let b = alaska();
    let direct = b
        .quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::Direct)
        .count();
    assert_eq!(direct, 14);
    assert!(b.quotes.iter().any(|q| q.kind == QuoteKind::Reported));
    let mut names: Vec<_> = b.speakers.iter().map(|s| s.name.as_str()).collect();
    names.sort();
    assert_eq!(
        names,
        [
            "Donald Trump",
            "Marco Rubio",
            "Russia",
            "Steve Witkoff",
            "Ursula von der Leyen",
            "Vladimir Putin",
            "Volodymyr Zelensky"
        ]
    );
    // Every position is backed by at least one quote.
    for d in &b.disagreements {
        for p in &d.positions {
            assert!(
                !p.quotes.is_empty(),
                "{}: {} has no supporting quote",
                d.id,
                p.speaker
            );
        }
    }
}

#[test]
fn summit_comes_first_on_the_timeline() {
    let b = alaska();
    let first = &b.events[b.index.timeline[0]];
    assert_eq!(first.at.to_string(), "2025-08-15");
    assert!(
        b.index
            .timeline
            .iter()
            .skip(1)
            .all(|&i| b.events[i].at.to_string() == "2025-08-17")
    );
}

#[test]
fn the_compiled_in_copy_is_the_file() {
    let b = Briefing::bundled();
    assert_eq!(b.meta.id, alaska().meta.id);
    assert_eq!(b.quotes.len(), alaska().quotes.len());
}

/// The article the direct quotes are checked against, outside the repository.
fn source_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/sources/alaska-summit-2025-08-17.txt")
}

/// Whether the environment says this is a CI run (`CI=true`).
fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| v.eq_ignore_ascii_case("true"))
}

/// What to do about the source article at `path`.
#[derive(Debug)]
enum Source {
    /// Its text: run the check.
    Article(String),
    /// Missing outside CI: skip the check, saying why.
    Skip(String),
    /// Missing in CI, or present but unreadable: fail, saying why.
    Fail(String),
}

fn source_article(path: &Path, ci: bool) -> Source {
    match std::fs::read_to_string(path) {
        Ok(text) => Source::Article(text),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            let why = format!(
                "source article not found at {}, so direct quotes were not checked \
                 against it",
                path.display()
            );
            if ci {
                Source::Fail(format!(
                    "{why}; CI=true requires the check: provide the article there"
                ))
            } else {
                Source::Skip(format!("SKIPPED verbatim quote check: {why}"))
            }
        }
        Err(e) => Source::Fail(format!("cannot read {}: {e}", path.display())),
    }
}

#[test]
fn every_quote_is_proven_against_the_article() {
    let article = match source_article(&source_path(), in_ci()) {
        Source::Article(text) => text,
        Source::Skip(message) => {
            // Straight to the process's stderr: the test harness captures
            // `eprintln!` of passing tests, and a skip must be seen.
            let _ = writeln!(std::io::stderr(), "{message}");
            return;
        }
        Source::Fail(message) => panic!("{message}"),
    };
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("briefings/alaska-summit-2025.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    let mut b = alaska();
    let dir = source_path().parent().unwrap().to_path_buf();
    let problems = verify(&mut b, &text, &[dir]);
    // No error, and no warning either: no quote fits two places.
    assert!(problems.is_empty(), "{problems:#?}");
    for (q, proof) in b.quotes.iter().zip(&b.provenance.quotes) {
        match q.kind {
            QuoteKind::Direct => {
                assert!(
                    matches!(proof, Proof::Verbatim { occurrences: 1, .. }),
                    "{}: {proof:?}",
                    q.id
                );
                // Every word of the text, exactly, at the place found.
                let at = proof.place().unwrap();
                assert_eq!(
                    &article[at.start..at.start + q.text.len()],
                    q.text,
                    "{}",
                    q.id
                );
            }
            QuoteKind::Reported => {
                assert!(
                    matches!(proof, Proof::Located { .. }),
                    "{}: {proof:?}",
                    q.id
                );
                assert!(q.prefix.is_some() && q.suffix.is_some(), "{}", q.id);
            }
        }
        assert_eq!(q.source.as_deref(), Some("alaska-article"), "{}", q.id);
    }
    // The JSON export says so, quote by quote, with the place of each.
    let v: serde_json::Value = serde_json::from_str(&to_json(&b)).unwrap();
    assert_eq!(v["sources"][0]["archive"], "found");
    for q in v["quotes"].as_array().unwrap() {
        let expected = if q["kind"] == "direct" {
            "verbatim"
        } else {
            "located"
        };
        assert_eq!(q["verification"], expected, "{}", q["id"]);
        assert!(q["location"]["line"].as_u64().unwrap() >= 1, "{}", q["id"]);
    }
    assert!(!to_markdown(&b).contains("**unverified**"));
}

#[test]
fn a_present_source_is_checked_in_and_out_of_ci() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("article.txt");
    std::fs::write(&path, "the text").unwrap();
    for ci in [false, true] {
        assert!(
            matches!(source_article(&path, ci), Source::Article(ref t) if t == "the text"),
            "ci={ci}"
        );
    }
}

#[test]
fn a_missing_source_is_skipped_visibly_outside_ci() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("missing.txt");
    let Source::Skip(message) = source_article(&path, false) else {
        panic!("expected a skip");
    };
    assert!(message.contains("SKIPPED"), "{message}");
    assert!(message.contains(&path.display().to_string()), "{message}");
}

#[test]
fn a_missing_source_fails_in_ci() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("missing.txt");
    let Source::Fail(message) = source_article(&path, true) else {
        panic!("expected a failure");
    };
    assert!(message.contains("not found"), "{message}");
    assert!(message.contains("CI=true"), "{message}");
    assert!(message.contains(&path.display().to_string()), "{message}");
}

#[test]
fn an_unreadable_source_fails_even_outside_ci() {
    // A folder where the file should be: present, but not readable as text.
    let dir = tempfile::tempdir().unwrap();
    assert!(matches!(source_article(dir.path(), false), Source::Fail(_)));
}

#[test]
fn json_export_snapshot() {
    insta::assert_snapshot!(to_json(&alaska()));
}
