//! The bundled Alaska summit briefing: valid, complete, faithful to its source,
//! and its JSON export is stable.

use std::path::Path;

use briefing::export::json::to_json;
use briefing::model::{Briefing, QuoteKind};

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

#[test]
fn direct_quotes_are_verbatim_from_the_source() {
    let source = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/sources/alaska-summit-2025-08-17.txt");
    let Ok(article) = std::fs::read_to_string(&source) else {
        eprintln!(
            "source article not found at {}; verbatim check not run",
            source.display()
        );
        return;
    };
    for q in alaska()
        .quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::Direct)
    {
        assert!(article.contains(&q.text), "not verbatim: {}", q.id);
    }
}

#[test]
fn json_export_snapshot() {
    insta::assert_snapshot!(to_json(&alaska()));
}
