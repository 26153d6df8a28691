//! Model tests: every class of problem in a briefing file is reported at the
//! right line and column, and nothing good is lost.

use std::path::{Path, PathBuf};

use briefing::diag::Diagnostic;
use briefing::model::{Briefing, load_paths};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// The diagnostics of one invalid fixture, as (line, column, message).
fn problems(name: &str) -> Vec<(usize, usize, String)> {
    let path = fixture(name);
    let text = std::fs::read_to_string(&path).unwrap();
    let errors = Briefing::parse(&path, &text).expect_err("fixture must be invalid");
    errors
        .iter()
        .map(|d: &Diagnostic| {
            let loc = d
                .location
                .expect("every problem in a readable file has a position");
            (loc.line, loc.column, d.message.clone())
        })
        .collect()
}

fn help_of(name: &str, index: usize) -> String {
    let path = fixture(name);
    let text = std::fs::read_to_string(&path).unwrap();
    let errors = Briefing::parse(&path, &text).unwrap_err();
    errors[index].help.clone().unwrap_or_default()
}

#[test]
fn minimal_fixture_is_valid() {
    let path = fixture("valid-minimal.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    let b = Briefing::parse(&path, &text).unwrap();
    assert_eq!(
        (b.speakers.len(), b.quotes.len(), b.disagreements.len()),
        (2, 2, 1)
    );
}

#[test]
fn every_syntax_error_is_reported() {
    let p = problems("invalid/syntax.toml");
    assert_eq!(p.len(), 2, "{p:?}");
    assert_eq!((p[0].0, p[0].1), (5, 28));
    assert_eq!((p[1].0, p[1].1), (20, 8));
    assert!(p.iter().all(|(_, _, m)| m.starts_with("TOML syntax")));
}

#[test]
fn unknown_fields_are_all_reported_with_suggestions() {
    let p = problems("invalid/unknown-field.toml");
    assert_eq!(
        (p[0].0, p[0].1, p[0].2.as_str()),
        (12, 1, "unknown field `colour`")
    );
    assert_eq!(
        (p[1].0, p[1].1, p[1].2.as_str()),
        (39, 1, "missing field `speaker`")
    );
    assert_eq!(
        (p[2].0, p[2].1, p[2].2.as_str()),
        (41, 1, "unknown field `speker`")
    );
    assert_eq!(
        help_of("invalid/unknown-field.toml", 2),
        "did you mean `speaker`?"
    );
    // Diagnostics come in file order. The quote that lost its speaker is
    // reported once, and nothing cascades
    // from it (the disagreement citing it is not reported).
    assert_eq!(p.len(), 3, "{p:?}");
}

#[test]
fn wrong_type_points_at_the_value() {
    let p = problems("invalid/wrong-type.toml");
    assert_eq!(p.len(), 1, "{p:?}");
    assert_eq!((p[0].0, p[0].1), (26, 9));
    assert!(p[0].2.contains("expected a string"));
}

#[test]
fn missing_field_points_at_the_table() {
    let p = problems("invalid/missing-field.toml");
    assert_eq!(p.len(), 1, "{p:?}");
    assert_eq!(
        (p[0].0, p[0].1, p[0].2.as_str()),
        (13, 1, "missing field `role`")
    );
}

#[test]
fn duplicate_ids_point_at_both_definitions() {
    let p = problems("invalid/duplicate-id.toml");
    assert_eq!(p, vec![(19, 6, "duplicate speaker id `ana`".to_string())]);
    let path = fixture("invalid/duplicate-id.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    let d = &Briefing::parse(&path, &text).unwrap_err()[0];
    let first = &d.related[0];
    assert_eq!(first.text, "first defined here");
    let at = first.location.expect("the first definition is located");
    assert_eq!((at.line, at.column), (14, 6));
    let shown = briefing::diag::render(d, Some(&text), false);
    assert!(shown.contains("14 | id = \"ana\""), "{shown}");
    assert!(shown.contains("---- first defined here"), "{shown}");
    assert!(shown.contains("19 | id = \"ana\""), "{shown}");
    assert!(shown.contains("^^^^^ defined again here"), "{shown}");
}

#[test]
fn unknown_references_are_reported_with_suggestions() {
    let p = problems("invalid/unknown-reference.toml");
    let got: Vec<_> = p.iter().map(|(l, c, m)| (*l, *c, m.as_str())).collect();
    assert_eq!(
        got,
        vec![
            (36, 11, "unknown topic `budgte`"),
            (40, 11, "unknown speaker `benn`"),
            (60, 31, "unknown quote `nobody-said-this`"),
        ]
    );
    assert_eq!(
        help_of("invalid/unknown-reference.toml", 0),
        "did you mean `budget`?"
    );
    assert_eq!(
        help_of("invalid/unknown-reference.toml", 1),
        "did you mean `ben`?"
    );
}

#[test]
fn empty_quote_text_is_an_error() {
    let p = problems("invalid/empty-quote.toml");
    assert_eq!(
        p,
        vec![(41, 8, "quote `ben-not-balanced` has no text".to_string())]
    );
}

#[test]
fn invalid_ids_are_reported_with_a_valid_alternative() {
    let p = problems("invalid/invalid-id.toml");
    assert_eq!(
        (p[0].0, p[0].1, p[0].2.as_str()),
        (10, 6, "invalid topic id `Budget_2025`")
    );
    assert_eq!(help_of("invalid/invalid-id.toml", 0), "try `budget-2025`");
}

#[test]
fn unsupported_format_stops_reading() {
    let p = problems("invalid/unsupported-format.toml");
    assert_eq!(p, vec![(1, 10, "unsupported format".to_string())]);
}

#[test]
fn bad_enum_and_bad_date_name_the_value() {
    let p = problems("invalid/bad-enum.toml");
    assert_eq!((p[0].0, p[0].1), (48, 10));
    assert!(p[0].2.contains("`closed`"), "{p:?}");
    let p = problems("invalid/bad-date.toml");
    assert_eq!((p[0].0, p[0].1), (6, 9));
    assert!(help_of("invalid/bad-date.toml", 0).contains("2025-08-17"));
}

#[test]
fn a_mixed_folder_loads_the_good_and_reports_the_bad() {
    let report = load_paths(&[fixture("mixed")]);
    let mut ids: Vec<_> = report
        .briefings
        .iter()
        .map(|b| b.meta.id.as_str())
        .collect();
    ids.sort();
    assert_eq!(ids, ["minimal", "minimal-later"]);
    assert_eq!(report.failures.len(), 1);
    assert!(report.failures[0].path.ends_with("bad.toml"));
    assert_eq!(report.failures[0].diagnostics.len(), 3);
}

#[test]
fn every_invalid_fixture_fails_and_every_diagnostic_is_located() {
    let report = load_paths(&[fixture("invalid")]);
    assert!(report.briefings.is_empty());
    assert_eq!(report.failures.len(), 12);
    for f in &report.failures {
        assert!(!f.diagnostics.is_empty());
        for d in &f.diagnostics {
            assert!(d.location.is_some(), "{}: {}", f.path.display(), d.message);
        }
    }
}

#[test]
fn reported_by_on_a_direct_quote_is_an_error() {
    let path = fixture("valid-minimal.toml");
    let text = std::fs::read_to_string(&path).unwrap().replace(
        "text = \"It is not.\"",
        "text = \"It is not.\"\nreported_by = \"ana\"",
    );
    let errors = Briefing::parse(&path, &text).unwrap_err();
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].message, "`reported_by` on a direct quote");
}

#[test]
fn an_empty_folder_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let report = load_paths(&[dir.path().to_path_buf()]);
    assert!(
        report.failures[0].diagnostics[0]
            .message
            .contains("no briefing files")
    );
}

#[test]
fn source_problems_are_each_located_with_what_to_do() {
    let p = problems("invalid/sources.toml");
    let expected: &[(usize, usize, &str)] = &[
        (12, 12, "`archived` is an absolute path"),
        (13, 10, "`sha256` is not a SHA-256 digest"),
        (14, 12, "`english` is not a language tag"),
        (18, 10, "`sha256` without `archived`"),
        (21, 6, "duplicate source id `council-minutes`"),
        (38, 10, "unknown source `council-minute`"),
        (46, 10, "`prefix` without a `source`"),
        (47, 10, "`suffix` without a `source`"),
        (47, 10, "empty `suffix`"),
    ];
    let got: Vec<(usize, usize, &str)> = p.iter().map(|(l, c, m)| (*l, *c, m.as_str())).collect();
    assert_eq!(got, expected);
    assert_eq!(
        help_of("invalid/sources.toml", 5),
        "did you mean `council-minutes`?"
    );
    assert!(help_of("invalid/sources.toml", 1).contains("sha256sum"));
}

/// valid-minimal.toml with `extra` inserted after its `[briefing]` table.
fn minimal_with(extra: &str, after: &str) -> (PathBuf, String) {
    let path = fixture("valid-minimal.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    let text = text.replacen(after, &format!("{after}\n{extra}"), 1);
    (path, text)
}

#[test]
fn sources_in_the_old_form_still_load_with_a_warning() {
    let (path, text) = minimal_with(
        "sources = [{ title = \"Budget debate record\", url = \"https://example.org/r\" }]",
        "summary = \"Two people, one quote each.\"",
    );
    let b = Briefing::parse(&path, &text).expect("the old form still loads");
    assert_eq!(b.sources.len(), 1);
    assert_eq!(b.sources[0].id, "source-1");
    assert_eq!(b.sources[0].title.as_deref(), Some("Budget debate record"));
    assert_eq!(b.warnings.len(), 1, "{:?}", b.warnings);
    let w = &b.warnings[0];
    assert_eq!(w.message, "sources under [briefing] are the old form");
    assert!(w.help.as_deref().unwrap().contains("[[sources]]"));
    assert_eq!(w.location.map(|l| l.line), Some(8));
}

#[test]
fn sources_in_both_forms_are_an_error() {
    let (path, text) = minimal_with(
        "sources = [{ title = \"Budget debate record\" }]\n\n[[sources]]\nid = \"record\"",
        "summary = \"Two people, one quote each.\"",
    );
    let errors = Briefing::parse(&path, &text).unwrap_err();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(
        errors[0].message,
        "sources are listed both here and in [[sources]]"
    );
}

#[test]
fn organisations_and_governments_need_no_role_but_people_do() {
    let (path, text) = minimal_with(
        "\n[[speakers]]\nid = \"treasury\"\nname = \"Treasury\"\nkind = \"government\"",
        "name = \"Budget\"",
    );
    let b = Briefing::parse(&path, &text).expect("a government without a role is valid");
    let treasury = b.speaker("treasury").unwrap();
    assert_eq!(treasury.kind, briefing::model::SpeakerKind::Government);
    assert_eq!(treasury.role, "");
    let p = problems("invalid/missing-field.toml");
    assert_eq!(p, vec![(13, 1, "missing field `role`".to_string())]);
    assert!(help_of("invalid/missing-field.toml", 0).contains("kind = \"organisation\""));
}

#[test]
fn quotes_cite_sources_with_selectors_and_disagreements_can_be_questions() {
    let (path, text) = minimal_with(
        "\n[[sources]]\nid = \"record\"\noutlet = \"Council record\"\narchived = \"record.txt\"\n\
         sha256 = \"b14e93439d9ad915970588bbf006d1672acdb0f7fba06d12e8f21674d62bdd44\"\n\
         language = \"en\"",
        "summary = \"Two people, one quote each.\"",
    );
    let text = text
        .replace(
            "text = \"It is not.\"",
            "text = \"It is not.\"\nsource = \"record\"\nprefix = \"Ben replied:\"",
        )
        .replace(
            "status = \"open\"",
            "kind = \"question\"\nstatus = \"open\"",
        );
    let b = Briefing::parse(&path, &text).expect("valid");
    let q = b.quote("ben-not-balanced").unwrap();
    assert_eq!(q.source.as_deref(), Some("record"));
    assert_eq!(q.prefix.as_deref(), Some("Ben replied:"));
    let qi = b.index.quote_by_id["ben-not-balanced"];
    assert_eq!(b.source_of(qi).unwrap().label(), "Council record");
    let span = b.spans.quotes[qi].prefix.clone().unwrap();
    assert_eq!(&text[span], "\"Ben replied:\"");
    assert_eq!(
        b.disagreements[0].kind,
        briefing::model::DisagreementKind::Question
    );
}

/// A position's `label` is a few words: one that is empty or a sentence is
/// an error at the label, saying how long it may be; a short one loads and
/// is exported.
#[test]
fn a_position_label_is_a_few_words() {
    let path = fixture("valid/eastmere-budget-2026.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    let with = |label: &str| {
        text.replacen(
            "quotes = [\"varga-saturdays\"]\n",
            &format!("quotes = [\"varga-saturdays\"]\nlabel = \"{label}\"\n"),
            1,
        )
    };
    let ok = with("keep Saturdays");
    let b = Briefing::parse(&path, &ok).expect("a short label loads");
    let labels: Vec<_> = (b.disagreements.iter())
        .flat_map(|d| &d.positions)
        .filter_map(|p| p.label.as_deref())
        .collect();
    assert_eq!(labels, ["keep Saturdays"]);
    let json = briefing::export::json::to_json(&b);
    assert!(json.contains("\"label\": \"keep Saturdays\""), "{json}");
    for (label, why) in [
        ("   ", "an empty label"),
        (
            "Saturday opening serves the people who cannot come on weekdays",
            "a label longer than a few words",
        ),
    ] {
        let bad = with(label);
        let errors = Briefing::parse(&path, &bad).expect_err("a bad label");
        assert_eq!(errors.len(), 1, "{errors:?}");
        let e = &errors[0];
        assert_eq!(e.message, why);
        let at = bad.find(&format!("label = \"{label}\"")).unwrap() + "label = ".len();
        assert_eq!(e.span.clone().unwrap().start, at);
        assert!(e.help.as_deref().unwrap().contains("at most 6 words"));
    }
}

#[test]
fn a_second_position_of_one_party_is_a_warning_pointing_at_the_first() {
    let path = fixture("valid/eastmere-budget-2026.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    let twice = text.replacen(
        "quotes = [\"varga-saturdays\"]\n",
        "quotes = [\"varga-saturdays\"]\n\n[[disagreements.positions]]\nspeaker = \"ines-varga\"\nstance = \"Also this.\"\n",
        1,
    );
    let b = Briefing::parse(&path, &twice).expect("a warning, not an error");
    assert_eq!(b.warnings.len(), 1, "{:?}", b.warnings);
    let w = &b.warnings[0];
    assert_eq!(
        w.message,
        "a second position of `ines-varga` on this disagreement"
    );
    assert_eq!(w.related.len(), 1, "the first is pointed at");
    assert!(Briefing::parse(&path, &text).unwrap().warnings.is_empty());
}
