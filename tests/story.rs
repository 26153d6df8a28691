//! The story view on App: `S` and `--library` merge the briefings loaded
//! (tests/fixtures/story: three briefings on one invented story), and
//! following a speaker, the topic filter, the `&` filter by briefing and
//! search all work across them.

mod support;

use std::path::Path;

use briefing::app::{App, Pane, Popup, Target};
use briefing::model::{Briefing, load_paths};
use support::{app_with, press, screen};

fn story_briefings() -> Vec<Briefing> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/story");
    let report = load_paths(&[dir]);
    assert!(report.failures.is_empty(), "{:?}", report.failures);
    assert_eq!(report.briefings.len(), 3);
    report.briefings
}

/// A reader on the three story briefings, 120×40, on the newest one.
fn reader() -> App {
    app_with(story_briefings(), Vec::new())
}

/// The same, in the story view.
fn story() -> App {
    let mut app = reader();
    press(&mut app, "S");
    assert!(app.in_story());
    app
}

fn quote_ids(app: &App) -> Vec<&str> {
    let b = app.briefing();
    (app.rows().quotes.iter())
        .map(|&q| b.quotes[q].id.as_str())
        .collect()
}

fn selected_quote_id(app: &App) -> String {
    match app.selected_target(Pane::Quotes) {
        Some(Target::Quote(q)) => app.briefing().quotes[q].id.clone(),
        other => panic!("no quote selected: {other:?}"),
    }
}

#[test]
fn s_toggles_the_story_of_every_briefing() {
    let mut app = reader();
    assert_eq!(app.briefing().quotes.len(), 4, "the newest briefing alone");
    assert!(
        app.hints()
            .iter()
            .any(|h| h.keys == "S" && h.word == "story")
    );
    press(&mut app, "S");
    assert!(app.in_story());
    let b = app.briefing();
    assert_eq!(b.quotes.len(), 6, "every quote of the three, each once");
    assert_eq!(b.events.len(), 3);
    assert_eq!(b.speakers.len(), 3);
    assert_eq!(b.library().unwrap().members.len(), 3);
    assert!(app.message().unwrap().contains("story of 3 briefings"));
    let hints: Vec<&str> = app.hints().iter().map(|h| h.word).collect();
    assert!(hints.contains(&"one briefing"), "{hints:?}");
    press(&mut app, "S");
    assert!(!app.in_story());
    assert_eq!(app.briefing().quotes.len(), 4);
    assert!(app.message().unwrap().contains("S shows the story of all"));
}

#[test]
fn with_one_briefing_s_says_so() {
    let mut app = support::alaska();
    let hints: Vec<&str> = app.hints().iter().map(|h| h.word).collect();
    assert!(!hints.contains(&"story"), "not offered: {hints:?}");
    press(&mut app, "S");
    assert!(!app.in_story());
    assert!(
        app.message()
            .unwrap()
            .contains("only one briefing is loaded"),
        "{:?}",
        app.message()
    );
    let text = screen(&mut app, "S", 80, 24);
    assert!(text.contains("only one briefing"), "{text}");
}

#[test]
fn start_in_story_is_the_library_option() {
    let mut app = reader();
    app.start_in_story();
    assert!(app.in_story());
    assert_eq!(app.list(Pane::Timeline).selected, 0, "each pane at its top");
    let mut one = support::alaska();
    one.start_in_story();
    assert!(!one.in_story());
}

#[test]
fn the_selection_is_kept_by_id_both_ways() {
    let mut app = reader();
    press(&mut app, "3j");
    let id = selected_quote_id(&app);
    press(&mut app, "S");
    assert_eq!(selected_quote_id(&app), id, "into the story");
    // A quote only an earlier briefing has: back in the newest, the
    // selection falls back to the top.
    press(&mut app, "g");
    assert_eq!(selected_quote_id(&app), "calder-wall-failed");
    press(&mut app, "S");
    assert_eq!(app.list(Pane::Quotes).selected, 0);
    press(&mut app, "jS");
    let id = selected_quote_id(&app);
    press(&mut app, "S");
    assert_eq!(selected_quote_id(&app), id);
}

#[test]
fn an_open_detail_follows_the_switch() {
    let mut app = reader();
    press(&mut app, "4<enter>");
    press(&mut app, "S");
    match app.popups() {
        [
            Popup::Detail {
                target: Target::Disagreement(d),
                ..
            },
        ] => assert_eq!(app.briefing().disagreements[*d].id, "barrier-gate"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn following_a_speaker_spans_the_briefings() {
    let mut app = story();
    press(&mut app, "]");
    let b = app.briefing();
    assert_eq!(b.speakers[app.followed().unwrap()].id, "ines-calder");
    assert_eq!(
        quote_ids(&app),
        ["calder-wall-failed", "calder-shared-fund", "calder-agreed"],
        "her quotes from all three briefings, in date order"
    );
    let lib = b.library().unwrap();
    let tags: Vec<&str> = (app.rows().quotes.iter())
        .map(|&q| lib.quote_tag(q))
        .collect();
    assert_eq!(tags, ["03-02", "03-09", "03-16"]);
    press(&mut app, "]]");
    assert_eq!(quote_ids(&app), ["penn-boats"]);
    // `s` on a quote of the earliest briefing follows its speaker.
    press(&mut app, "<esc>3gs");
    assert_eq!(
        app.briefing().speakers[app.followed().unwrap()].id,
        "ines-calder"
    );
}

#[test]
fn the_topic_filter_spans_the_briefings() {
    let mut app = story();
    // The topics merged by id: barrier, then money.
    press(&mut app, "tj<space><enter>");
    assert_eq!(
        quote_ids(&app),
        [
            "marsh-no-money",
            "calder-shared-fund",
            "marsh-two-years",
            "calder-agreed"
        ]
    );
    let b = app.briefing();
    assert_eq!(b.topics[0].name, "Tidal barrier", "the earliest name kept");
}

#[test]
fn the_text_filter_narrows_quotes_to_a_briefing() {
    let mut app = story();
    press(&mut app, "3&03-02<enter>");
    assert_eq!(quote_ids(&app), ["calder-wall-failed", "marsh-no-money"]);
    press(&mut app, "<esc>&03-09<enter>");
    assert_eq!(
        quote_ids(&app),
        [
            "calder-wall-failed",
            "calder-shared-fund",
            "marsh-two-years"
        ],
        "every quote in that briefing, also those it repeats"
    );
    // The row shows every briefing the quote is in.
    let text = screen(&mut app, "", 120, 40);
    assert!(text.contains("2031-03-01 · [03-02 03-09]"), "{text}");
    // In the Timeline, the first briefing and how many more: a search
    // says when it matched only those.
    let text = screen(&mut app, "<esc>1/03-16<enter>", 120, 40);
    assert!(text.contains("[03-09 +1] Cou"), "{text}");
    assert!(text.contains("[also in]"), "{text}");
}

#[test]
fn search_covers_the_library() {
    let mut app = story();
    press(&mut app, ":ninety<enter>");
    let Some(Popup::Results(r)) = app.popups().last() else {
        panic!("{:?}", app.popups());
    };
    assert_eq!(r.hits.len(), 1);
    let Target::Quote(q) = r.hits[0] else {
        panic!("{:?}", r.hits)
    };
    assert_eq!(app.briefing().quotes[q].id, "calder-wall-failed");
    // Not in the newest briefing alone.
    let mut one = reader();
    press(&mut one, ":ninety<enter>");
    let Some(Popup::Results(r)) = one.popups().last() else {
        panic!();
    };
    assert!(r.hits.is_empty());
    // `/` in the Quotes pane finds it too.
    let mut app = story();
    press(&mut app, "3/treasurer<esc>G/ninety<enter>");
    assert_eq!(selected_quote_id(&app), "calder-wall-failed");
}

#[test]
fn histories_are_in_the_details() {
    let mut app = story();
    let text = screen(&mut app, "4jjj<enter>", 120, 40);
    assert!(
        text.contains("open 03-02 → narrowing 03-09 → resolved 03-16"),
        "{text}"
    );
    assert!(text.contains("Stances over time (newest first)"), "{text}");
    assert!(text.contains("The council cannot pay for a barrier this year."));
    let mut app = story();
    let text = screen(&mut app, "2<enter>", 120, 40);
    assert!(text.contains("Role over time (newest first)"), "{text}");
    assert!(text.contains("Harbour commissioner, Vellmouth Harbour Board"));
}

#[test]
fn jumps_and_briefing_steps_leave_the_story_cleanly() {
    let mut app = reader();
    press(&mut app, "S");
    assert!(app.in_story());
    press(&mut app, "H");
    assert!(!app.in_story(), "back to the single briefing");
    press(&mut app, "L");
    assert!(app.in_story());
    press(&mut app, "]");
    press(&mut app, "}");
    assert!(!app.in_story(), "}} shows the next briefing");
    assert_eq!(app.current(), 1);
    assert!(app.followed().is_none());
    // Back into the story, then back out: the followed speaker's index is
    // the merged one's; no crash drawing it.
    press(&mut app, "S]");
    let _ = screen(&mut app, "HHH", 80, 24);
}

#[test]
fn rebuilding_keeps_the_view() {
    let mut app = story();
    press(&mut app, "3G");
    let id = selected_quote_id(&app);
    app.rebuild_story();
    assert!(app.in_story());
    assert_eq!(selected_quote_id(&app), id);
}

#[test]
fn choosing_a_briefing_in_the_list_leaves_the_story() {
    let mut app = story();
    press(&mut app, "bjj<enter>");
    assert!(!app.in_story());
    assert_eq!(app.current(), 2);
    assert_eq!(app.briefing().meta.id, "vellmouth-storm");
}

#[test]
fn a_quote_is_cited_with_the_role_its_speaker_had_then() {
    let mut app = story();
    // The first quote: Ines Calder on 03-01, then harbour commissioner.
    let text = screen(&mut app, "3g<enter>", 120, 40);
    assert!(
        text.contains("Harbour commissioner (Vellmouth Harbour Board), Harbour Radio, 2031-03-01"),
        "{text}"
    );
    assert!(
        text.contains("Speaker       Ines Calder, Acting mayor"),
        "{text}"
    );
}

#[test]
fn the_briefing_list_says_the_story_view_shows_them_all() {
    let mut app = story();
    let text = screen(&mut app, "b", 120, 40);
    assert!(
        text.contains("Briefings: all shown in the story view"),
        "{text}"
    );
    assert!(
        !text.contains("▶"),
        "no one briefing is the one shown: {text}"
    );
}

/// The newest briefing's text with `from` replaced by `to`.
fn newest_edited(from: &str, to: &str) -> (std::path::PathBuf, String) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/story/3-vellmouth-2031-03-16.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{from:?}");
    (path, text.replacen(from, to, 1))
}

fn reload_of(path: std::path::PathBuf, text: &str) -> briefing::app::Reload {
    let report = match Briefing::parse(&path, text) {
        Ok(b) => briefing::model::LoadReport {
            briefings: vec![b],
            ..Default::default()
        },
        Err(diagnostics) => briefing::model::LoadReport {
            failures: vec![briefing::model::Failure {
                path: path.clone(),
                source: Some(text.to_string()),
                diagnostics,
            }],
            ..Default::default()
        },
    };
    briefing::app::Reload {
        changed: vec![path],
        removed: Vec::new(),
        report,
    }
}

/// A save while the story view is on: the merged view shows the new text,
/// stays the story view, and keeps the selection by id; a broken save
/// keeps the last good version with its problem counted.
#[test]
fn a_reload_in_the_story_view_merges_again_and_keeps_the_selection() {
    use briefing::app::Action;
    let mut app = story();
    press(&mut app, "3jj");
    let before = selected_quote_id(&app);
    let (path, text) = newest_edited("Two years it is.", "Two years, then.");
    app.update(Action::Reloaded(Box::new(reload_of(path.clone(), &text))));
    assert!(app.in_story(), "still the story view");
    assert_eq!(selected_quote_id(&app), before);
    let b = app.briefing();
    assert!(
        b.quotes
            .iter()
            .any(|q| q.text.starts_with("Two years, then."))
    );
    assert!(
        !b.quotes
            .iter()
            .any(|q| q.text.starts_with("Two years it is."))
    );

    let (path, broken) = newest_edited("Two years it is.", "Two \"years");
    app.update(Action::Reloaded(Box::new(reload_of(path, &broken))));
    assert!(app.in_story());
    assert_eq!(selected_quote_id(&app), before);
    assert!(app.problem_count() > 0, "the broken save is a problem");
    assert!(
        app.briefing()
            .quotes
            .iter()
            .any(|q| q.text.starts_with("Two years, then."))
    );
}

/// The story view is remembered as one more briefing: where the reader was
/// in it comes back, and new marks there count the merged items.
#[test]
fn the_story_view_is_remembered_with_its_own_place_and_marks() {
    let mut app = story();
    press(&mut app, "3jj");
    let at = selected_quote_id(&app);
    let story_path = briefing::model::library::story_path(app.briefings());
    assert_eq!(app.briefing().path, story_path);
    let saved: Vec<_> = app.snapshots();
    let (_, state) = saved
        .iter()
        .find(|(p, _)| *p == story_path)
        .expect("the story view's state is among those to save");
    // A new run on the same briefings, in the story view, with that state.
    let mut next = story();
    next.remember(&story_path, state.clone());
    assert_eq!(selected_quote_id(&next), at);
    assert_eq!(next.focus(), Pane::Quotes);
    assert_eq!(next.new_count(), 0, "every item was seen");
    // Back to one briefing and to the story: the story's place is kept.
    press(&mut next, "SS");
    assert!(next.in_story());
    assert_eq!(selected_quote_id(&next), at);
}

/// Deleting the briefing shown shows another one, with its own ids seen:
/// nothing in it is marked new.
#[test]
fn deleting_the_briefing_shown_marks_nothing_new_in_the_next() {
    use briefing::app::Action;
    let mut app = reader();
    assert_eq!(app.new_count(), 0);
    let shown = app.briefing().path.clone();
    app.update(Action::Reloaded(Box::new(briefing::app::Reload {
        changed: Vec::new(),
        removed: vec![shown.clone()],
        report: Default::default(),
    })));
    assert_ne!(app.briefing().path, shown);
    assert_eq!(app.briefings().len(), 2);
    assert_eq!(app.new_count(), 0, "nothing new in the briefing shown now");
}

/// The reader's problems view lists what `check` says of the library,
/// located at the speaker's or topic's table, without reading the files
/// again.
#[test]
fn library_warnings_are_found_in_memory_for_the_problems_view() {
    let briefings = story_briefings();
    let findings = briefing::model::library::findings(&briefings);
    let all: Vec<_> = findings.iter().flat_map(|f| &f.diagnostics).collect();
    assert_eq!(all.len(), 2, "{all:?}");
    assert!(findings.iter().all(|f| f.source.is_none()));
    assert!(
        all.iter()
            .any(|d| d.message.contains("topic `barrier` is named `Sea wall`"))
    );
    assert!(
        all.iter()
            .any(|d| d.message.contains("speaker `ines-calder`'s role changes"))
    );
    for d in &all {
        assert!(
            d.path.ends_with("2-vellmouth-2031-03-09.toml"),
            "{:?}",
            d.path
        );
        let at = d.location.expect("located at its table");
        assert!(at.line > 1, "{at:?}");
    }
    let app = app_with(briefings, Vec::new()).with_findings(findings);
    assert_eq!(app.problem_count(), 2);
}

/// A row's tags, built in one go for drawing, are the tags the row shows.
#[test]
fn row_tags_are_the_first_of_the_tags() {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in briefing::synthetic::library(12, 60) {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    let mut briefings = load_paths(&[dir.path().to_path_buf()]).briefings;
    briefings.extend(story_briefings());
    let merged = briefing::model::library::merge(&briefings);
    let lib = merged.library().unwrap();
    let plus = (0..merged.quotes.len())
        .filter(|&q| lib.quote_tags(q).0.contains('+'))
        .count();
    assert!(plus > 0 || lib.quote_members.iter().all(|m| m.len() <= 3));
    for q in 0..merged.quotes.len() {
        assert_eq!(lib.quote_row_tags(q), lib.quote_tags(q).0);
    }
    for e in 0..merged.events.len() {
        assert_eq!(lib.event_row_tags(e), lib.event_tags(e).0);
    }
}
