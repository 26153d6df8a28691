//! What the reader remembers, on `App` without files: a snapshot restored
//! puts the reader back where it was; items not seen before carry new
//! marks, `u` goes from one to the next, and reading clears them.

mod support;

use briefing::app::{App, Pane, Target};
use briefing::model::Briefing;
use briefing::state::{Kind, Seen, State};
use support::{alaska, app_with, press, screen};

/// A state of the bundled briefing where every item was seen but `unseen`.
fn seen_all_but(unseen: &[(Kind, &str)]) -> State {
    let b = Briefing::bundled();
    let mut seen = Seen::new();
    let items = (b.events.iter().map(|e| (Kind::Event, &e.id)))
        .chain(b.speakers.iter().map(|s| (Kind::Speaker, &s.id)))
        .chain(b.quotes.iter().map(|q| (Kind::Quote, &q.id)))
        .chain(b.disagreements.iter().map(|d| (Kind::Disagreement, &d.id)));
    for (kind, id) in items {
        if !unseen.contains(&(kind, id.as_str())) {
            seen.insert(kind, id);
        }
    }
    let mut state = alaska().snapshot();
    state.seen = Some(seen);
    state
}

/// The bundled reader with `unseen` new.
fn with_new(unseen: &[(Kind, &str)]) -> App {
    let mut app = alaska();
    app.restore_state(&seen_all_but(unseen));
    app
}

const NEW: &[(Kind, &str)] = &[
    (Kind::Quote, "rubio-additional-consequences"),
    (Kind::Event, "rubio-abc"),
    (Kind::Disagreement, "ceasefire-or-peace-deal"),
    (Kind::Speaker, "zelensky"),
];

#[test]
fn a_snapshot_restored_puts_the_reader_back() {
    let mut app = alaska();
    // Quotes focused, third quote, a topic, a followed speaker, zoomed; a
    // position selected in Disagreements.
    press(&mut app, "4jj3jjtj<space><enter>]z");
    let state = app.snapshot();
    assert_eq!(state.pane.as_deref(), Some("quotes"));
    assert!(state.zoomed);
    assert_eq!(state.topics.len(), 1);
    assert!(state.speaker.is_some());
    assert!(state.selection.party.is_some(), "{state:?}");
    let mut again = alaska();
    again.restore_state(&state);
    assert_eq!(again.snapshot(), state);
    for pane in Pane::ALL {
        assert_eq!(
            again.selected_target(pane),
            app.selected_target(pane),
            "{pane:?}"
        );
    }
    assert_eq!(again.focus(), Pane::Quotes);
    assert_eq!(again.topics(), app.topics());
    assert_eq!(again.followed(), app.followed());
    assert!(again.zoomed());
    assert_eq!(
        screen(&mut again, "", 100, 30),
        screen(&mut app, "", 100, 30)
    );
}

#[test]
fn ids_that_no_longer_exist_are_skipped_quietly() {
    let mut state = alaska().snapshot();
    state.pane = Some("no-such-pane".into());
    state.topics = vec!["gone".into()];
    state.speaker = Some("gone".into());
    state.selection.quotes = Some("gone".into());
    state.selection.timeline = Some("rubio-nbc".into());
    let mut app = alaska();
    app.restore_state(&state);
    assert_eq!(app.focus(), Pane::Timeline);
    assert!(app.topics().is_empty());
    assert_eq!(app.followed(), None);
    assert_eq!(app.list(Pane::Quotes).selected, 0);
    assert_eq!(
        app.selected_target(Pane::Timeline),
        Some(Target::Event(app.briefing().index.event_by_id["rubio-nbc"]))
    );
    assert_eq!(app.message(), None);
}

#[test]
fn a_first_open_marks_nothing_and_remembers_everything() {
    let app = alaska();
    assert_eq!(app.new_count(), 0);
    let seen = app.snapshot().seen.expect("the seen ids are kept");
    let b = app.briefing();
    assert_eq!(
        seen.len(),
        b.events.len() + b.speakers.len() + b.quotes.len() + b.disagreements.len()
    );
    let text = screen(&mut alaska(), "", 120, 40);
    assert!(!text.lines().next().unwrap().contains(" new"), "{text}");
}

#[test]
fn items_not_seen_last_time_are_marked_and_counted() {
    let mut app = with_new(NEW);
    assert_eq!(app.new_count(), 4);
    let b = app.briefing();
    let q = b.index.quote_by_id["rubio-additional-consequences"];
    assert!(app.is_new(Target::Quote(q)));
    assert!(!app.is_new(Target::Quote(0)));
    let text = screen(&mut app, "", 120, 40);
    assert!(text.contains("│ 4 new"), "{text}");
    assert!(text.contains("┃N 2025-08-17 Rubio on ABC"), "{text}");
    assert!(text.contains("│N Volodymyr Zelensky"), "{text}");
}

#[test]
fn u_goes_to_each_new_item_across_panes_and_reading_clears_them() {
    let mut app = with_new(NEW);
    press(&mut app, "u");
    assert_eq!(app.focus(), Pane::Timeline);
    let b = app.briefing().clone();
    assert_eq!(
        app.selected_target(Pane::Timeline),
        Some(Target::Event(b.index.event_by_id["rubio-abc"]))
    );
    assert_eq!(app.new_count(), 3, "landing on it reads it");
    assert_eq!(app.message(), Some("3 more new: u goes on"));
    press(&mut app, "u");
    assert_eq!(app.focus(), Pane::Speakers);
    press(&mut app, "u");
    assert_eq!(app.focus(), Pane::Quotes);
    assert_eq!(
        app.selected_target(Pane::Quotes),
        Some(Target::Quote(
            b.index.quote_by_id["rubio-additional-consequences"]
        ))
    );
    press(&mut app, "u");
    assert_eq!(app.focus(), Pane::Disagreements);
    assert_eq!(app.message(), Some("the last new item"));
    assert_eq!(app.new_count(), 0);
    press(&mut app, "u");
    assert!(app.message().unwrap().starts_with("no new items"));
    // What was read is seen next time.
    let mut next = alaska();
    next.restore_state(&app.snapshot());
    assert_eq!(next.new_count(), 0);
}

#[test]
fn u_wraps_round_to_a_new_item_before_the_selection() {
    let mut app = with_new(&[(Kind::Event, "alaska-summit")]);
    press(&mut app, "G");
    assert_eq!(app.new_count(), 1);
    press(&mut app, "u");
    assert_eq!(app.list(Pane::Timeline).selected, 0);
    assert_eq!(app.new_count(), 0);
}

#[test]
fn moving_onto_an_item_or_opening_it_reads_it_and_unread_ones_stay_new() {
    let mut app = with_new(NEW);
    // Timeline: rubio-abc is the fourth event.
    press(&mut app, "jj");
    assert_eq!(app.new_count(), 4);
    press(&mut app, "j");
    assert_eq!(app.new_count(), 3);
    // A detail view reads its item: Zelensky's, through the speaker link.
    let mut app = with_new(NEW);
    press(&mut app, "2jjjjj<enter>");
    assert_eq!(app.new_count(), 3);
    // What was not read is still new next time.
    let mut next = alaska();
    next.restore_state(&app.snapshot());
    assert_eq!(next.new_count(), 3);
    assert!(!next.is_new(Target::Speaker(
        next.briefing().index.speaker_by_id["zelensky"]
    )));
}

#[test]
fn new_items_hidden_by_a_filter_are_said_to_be() {
    let mut app = with_new(&[(Kind::Quote, "rubio-additional-consequences")]);
    // Follow Witkoff: the new Rubio quote is not listed.
    press(&mut app, "]");
    press(&mut app, "u");
    assert_eq!(app.message(), Some("1 new item is hidden by the filters"));
    assert_eq!(app.new_count(), 1);
}

#[test]
fn the_status_line_hints_u_only_when_there_is_something_new() {
    let mut plain = alaska();
    assert!(!screen(&mut plain, "", 200, 40).contains("u next new"));
    let mut app = with_new(NEW);
    assert!(screen(&mut app, "", 200, 40).contains("u next new"));
}

#[test]
fn each_briefing_keeps_its_own_place_when_switching() {
    let mut older = Briefing::bundled();
    older.path = "older.toml".into();
    older.meta.as_of =
        briefing::model::Moment::Date(chrono::NaiveDate::from_ymd_opt(2025, 8, 1).unwrap());
    let mut app = app_with(vec![Briefing::bundled(), older], Vec::new());
    press(&mut app, "3jj");
    press(&mut app, "}");
    assert_eq!(app.current(), 1);
    assert_eq!(app.list(Pane::Quotes).selected, 0);
    press(&mut app, "2j");
    press(&mut app, "{");
    assert_eq!(app.focus(), Pane::Quotes);
    assert_eq!(app.list(Pane::Quotes).selected, 2);
    let saved: Vec<_> = app.snapshots().into_iter().map(|(p, _)| p).collect();
    assert_eq!(saved.len(), 2, "{saved:?}");
}

#[test]
fn a_briefing_never_shown_is_not_saved() {
    let mut older = Briefing::bundled();
    older.path = "older.toml".into();
    older.meta.as_of =
        briefing::model::Moment::Date(chrono::NaiveDate::from_ymd_opt(2025, 8, 1).unwrap());
    let mut app = app_with(vec![Briefing::bundled(), older], Vec::new());
    assert!(app.start_on_briefing(std::path::Path::new("older.toml")));
    assert_eq!(app.current(), 1);
    let saved: Vec<_> = app.snapshots().into_iter().map(|(p, _)| p).collect();
    assert_eq!(saved, [std::path::PathBuf::from("older.toml")]);
}

#[test]
fn marks_on_screen() {
    for (w, h) in [(120, 40), (80, 24), (60, 20)] {
        let mut app = with_new(NEW);
        insta::assert_snapshot!(format!("new_marks_{w}x{h}"), screen(&mut app, "", w, h));
    }
    // In the one-pane layout, the Speakers pane, then the Quotes pane after `u` moved on.
    let mut app = with_new(NEW);
    insta::assert_snapshot!("new_marks_speakers_80x24", screen(&mut app, "2", 80, 24));
    let mut app = with_new(&[
        (Kind::Quote, "witkoff-article-5-concession"),
        (Kind::Quote, "witkoff-first-time-putin-agreed"),
    ]);
    insta::assert_snapshot!(
        "new_marks_quotes_after_u_60x20",
        screen(&mut app, "3u", 60, 20)
    );
}
