//! Key-sequence tests on `App`: keys go through the default keymap into
//! `App::update`; no terminal involved.

use std::path::Path;

use briefing::app::{Action, App, Effect, Pane, Popup, StartOptions, Target};
use briefing::input::key_action;
use briefing::keys::{Keymap, parse_sequence};
use briefing::model::{Briefing, load_paths};

fn alaska() -> App {
    let mut app = App::new(vec![Briefing::bundled()], Vec::new());
    app.update(Action::Resize(120, 40));
    app
}

fn press(app: &mut App, keys: &str) {
    let keymap = Keymap::default();
    for key in parse_sequence(keys).unwrap() {
        if let Some(action) = key_action(app, &keymap, &key) {
            app.update(action);
        }
    }
}

fn speaker_id(app: &App, s: usize) -> &str {
    &app.briefing().speakers[s].id
}

fn selected_quote_speaker(app: &App) -> String {
    match app.selected_target(Pane::Quotes) {
        Some(Target::Quote(q)) => app.briefing().speaker_of(q).id.clone(),
        other => panic!("no quote selected: {other:?}"),
    }
}

#[test]
fn quit_with_q_and_ctrl_c() {
    let mut app = alaska();
    press(&mut app, "q");
    assert!(app.quit);
    let mut app = alaska();
    press(&mut app, "<C-c>");
    assert!(app.quit);
}

#[test]
fn panes_cycle_and_number_keys_focus() {
    let mut app = alaska();
    assert_eq!(app.focus, Pane::Timeline);
    press(&mut app, "<Tab>");
    assert_eq!(app.focus, Pane::Speakers);
    press(&mut app, "<S-Tab><S-Tab>");
    assert_eq!(app.focus, Pane::Disagreements);
    press(&mut app, "3");
    assert_eq!(app.focus, Pane::Quotes);
    press(&mut app, "1");
    assert_eq!(app.focus, Pane::Timeline);
}

#[test]
fn movement_keys_stay_inside_the_list() {
    let mut app = alaska();
    press(&mut app, "3");
    let len = app.rows.quotes.len();
    press(&mut app, "jj<Down>");
    assert_eq!(app.lists[2].selected, 3);
    press(&mut app, "k<Up>");
    assert_eq!(app.lists[2].selected, 1);
    press(&mut app, "G");
    assert_eq!(app.lists[2].selected, len - 1);
    press(&mut app, "jjj");
    assert_eq!(app.lists[2].selected, len - 1, "no move past the end");
    press(&mut app, "g");
    assert_eq!(app.lists[2].selected, 0);
    press(&mut app, "<End>");
    assert_eq!(app.lists[2].selected, len - 1);
    press(&mut app, "<Home><C-d>");
    let half = app.lists[2].selected;
    assert!(half > 0);
    press(&mut app, "<C-u>");
    assert_eq!(app.lists[2].selected, 0);
    press(&mut app, "<PageDown>");
    assert!(app.lists[2].selected >= half);
    press(&mut app, "<PageUp>");
    assert_eq!(app.lists[2].selected, 0);
}

#[test]
fn scrolling_keeps_the_selection_in_view() {
    let mut app = alaska();
    press(&mut app, "3G");
    let list = app.lists[2];
    assert!(list.offset > 0, "the list scrolled");
    assert!(list.offset <= list.selected);
    press(&mut app, "g");
    assert_eq!(app.lists[2].offset, 0);
}

#[test]
fn speaker_jumps_make_every_pane_follow() {
    let mut app = alaska();
    press(&mut app, "]");
    let first = app.followed.expect("following someone");
    assert_eq!(
        speaker_id(&app, first),
        app.briefing().speakers[app.rows.speakers[0]].id
    );
    // Quotes pane lists only their quotes.
    assert!(
        app.rows
            .quotes
            .iter()
            .all(|&q| app.briefing().index.speaker_of_quote[q] == first)
    );
    // Speakers pane selects them.
    assert_eq!(app.rows.speakers[app.lists[1].selected], first);
    press(&mut app, "]");
    let second = app.followed.unwrap();
    assert_ne!(first, second);
    press(&mut app, "[");
    assert_eq!(app.followed, Some(first));
    press(&mut app, "[");
    let last = *app.rows.speakers.last().unwrap();
    assert_eq!(app.followed, Some(last), "wraps around");
    // Works from any pane, and Esc releases.
    press(&mut app, "4]");
    assert_eq!(app.focus, Pane::Disagreements);
    assert_eq!(app.followed, Some(app.rows.speakers[0]));
    press(&mut app, "<Esc>");
    assert_eq!(app.followed, None);
    assert_eq!(app.rows.quotes.len(), app.briefing().quotes.len());
}

#[test]
fn s_follows_the_speaker_of_the_selection() {
    let mut app = alaska();
    press(&mut app, "3jjj");
    let expected = selected_quote_speaker(&app);
    press(&mut app, "s");
    assert_eq!(speaker_id(&app, app.followed.unwrap()), expected);
    press(&mut app, "<Esc>4");
    // The first disagreement heading: its first party.
    let first_party = app.briefing().disagreements[app.rows.disagreements[0].disagreement()]
        .positions[0]
        .speaker
        .clone();
    press(&mut app, "s");
    assert_eq!(speaker_id(&app, app.followed.unwrap()), first_party);
    // A position row: that party.
    press(&mut app, "<Esc>jj");
    let row = app.rows.disagreements[app.lists[3].selected];
    let briefing::app::DisagreementRow::Position(d, p) = row else {
        panic!("{row:?}")
    };
    let party = app.briefing().disagreements[d].positions[p].speaker.clone();
    press(&mut app, "s");
    assert_eq!(speaker_id(&app, app.followed.unwrap()), party);
}

#[test]
fn topic_picker_filters_every_pane() {
    let mut app = alaska();
    let b = app.briefing().clone();
    let sanctions = b.index.topic_by_id["sanctions"];
    // Move the cursor to "sanctions", tick it, apply.
    press(&mut app, "t");
    press(&mut app, &"j".repeat(sanctions));
    press(&mut app, "<Space><Enter>");
    assert!(app.popups.is_empty());
    assert_eq!(app.topics.iter().copied().collect::<Vec<_>>(), [sanctions]);
    let on_topic = |ids: &[String]| ids.iter().any(|t| t == "sanctions");
    assert!(!app.rows.quotes.is_empty());
    assert!(
        app.rows
            .quotes
            .iter()
            .all(|&q| on_topic(&b.quotes[q].topics))
    );
    assert_eq!(
        app.rows.quotes.len(),
        b.index.quotes_by_topic[sanctions].len()
    );
    assert!(
        app.rows
            .disagreements
            .iter()
            .all(|r| on_topic(&b.disagreements[r.disagreement()].topics))
    );
    assert!(
        app.rows
            .speakers
            .iter()
            .all(|&s| app.rows.quote_counts[s] > 0)
    );
    assert!(app.rows.speakers.len() < b.speakers.len());
    // T clears.
    press(&mut app, "T");
    assert!(app.topics.is_empty());
    assert_eq!(app.rows.quotes.len(), b.quotes.len());
}

#[test]
fn several_topics_mean_any_of_them_and_esc_cancels_the_picker() {
    let mut app = alaska();
    let b = app.briefing().clone();
    press(&mut app, "t<Space>j<Space><Enter>");
    let (a, c) = (&b.topics[0].id, &b.topics[1].id);
    let expected = b
        .quotes
        .iter()
        .filter(|q| q.topics.contains(a) || q.topics.contains(c))
        .count();
    assert_eq!(app.rows.quotes.len(), expected);
    press(&mut app, "t<Space><Esc>");
    assert_eq!(app.topics.len(), 2, "Esc leaves the filter as it was");
}

#[test]
fn search_is_incremental_with_next_and_previous() {
    let mut app = alaska();
    press(&mut app, "3/sanction");
    assert!(app.is_typing());
    let b = app.briefing().clone();
    let first = app.rows.quotes[app.lists[2].selected];
    assert!(b.quotes[first].text.to_lowercase().contains("sanction"));
    press(&mut app, "<Enter>");
    assert!(!app.is_typing());
    press(&mut app, "n");
    let second = app.rows.quotes[app.lists[2].selected];
    assert_ne!(first, second);
    assert!(b.quotes[second].text.to_lowercase().contains("sanction"));
    press(&mut app, "N");
    assert_eq!(app.rows.quotes[app.lists[2].selected], first);
    // Esc clears the search; n then says there is none.
    press(&mut app, "<Esc>");
    assert!(app.search.is_none());
    press(&mut app, "n");
    assert!(app.message.as_deref().unwrap().contains("no search"));
}

#[test]
fn search_typing_and_backspace_and_cancel() {
    let mut app = alaska();
    press(&mut app, "3jj");
    press(&mut app, "/zzzz");
    assert!(
        app.message
            .as_deref()
            .unwrap_or_default()
            .contains("no match")
    );
    press(&mut app, "<BS><BS><BS><BS>");
    assert_eq!(app.search.as_ref().unwrap().query, "");
    press(&mut app, "q");
    assert!(!app.quit, "q is text while typing a search");
    press(&mut app, "<Esc>");
    assert!(app.search.is_none());
    assert_eq!(
        app.lists[2].selected, 2,
        "cancel returns to where the search began"
    );
}

#[test]
fn topic_filter_and_search_combined() {
    let mut app = alaska();
    let b = app.briefing().clone();
    let sanctions = b.index.topic_by_id["sanctions"];
    press(&mut app, "t");
    press(&mut app, &"j".repeat(sanctions));
    press(&mut app, "<Space><Enter>3/table<Enter>");
    let q = app.rows.quotes[app.lists[2].selected];
    assert!(b.quotes[q].topics.iter().any(|t| t == "sanctions"));
    assert!(b.quotes[q].text.contains("table"));
    // n cycles only through the filtered rows.
    press(&mut app, "n");
    let q2 = app.rows.quotes[app.lists[2].selected];
    assert!(b.quotes[q2].topics.iter().any(|t| t == "sanctions"));
}

#[test]
fn enter_opens_detail_follows_links_and_esc_goes_back() {
    let mut app = alaska();
    press(&mut app, "3j<Enter>");
    let Some(Popup::Detail {
        target: Target::Quote(q),
        ..
    }) = app.popups.last().cloned()
    else {
        panic!("{:?}", app.popups)
    };
    // The first link of a quote is its speaker.
    press(&mut app, "<Enter>");
    assert_eq!(app.popups.len(), 2);
    let Some(Popup::Detail {
        target: Target::Speaker(s),
        ..
    }) = app.popups.last().cloned()
    else {
        panic!()
    };
    assert_eq!(s, app.briefing().index.speaker_of_quote[q]);
    press(&mut app, "<Esc>");
    assert_eq!(app.popups.len(), 1);
    press(&mut app, "<Esc>");
    assert!(app.popups.is_empty());
    assert!(!app.quit);
}

#[test]
fn copy_puts_the_quote_and_citation_on_the_clipboard() {
    let mut app = alaska();
    press(&mut app, "3jy");
    let Some(Effect::Copy(text)) = app.effects.first() else {
        panic!("{:?}", app.effects)
    };
    let Some(Target::Quote(q)) = app.selected_target(Pane::Quotes) else {
        panic!()
    };
    let b = app.briefing();
    assert!(text.contains(b.quotes[q].text.trim()));
    assert!(text.contains(&b.speaker_of(q).name));
    assert!(text.contains(&b.speaker_of(q).role));
    assert!(text.contains(&b.quotes[q].at.to_string()));
    // Outside the Quotes pane there is nothing to copy.
    let mut app = alaska();
    press(&mut app, "y");
    assert!(app.effects.is_empty());
}

#[test]
fn open_source_without_url_says_so() {
    let mut app = alaska();
    press(&mut app, "o");
    assert!(app.effects.is_empty());
    assert!(app.message.as_deref().unwrap().contains("no source URL"));
}

#[test]
fn overview_help_and_briefing_list_toggle() {
    let mut app = alaska();
    press(&mut app, "i");
    assert!(matches!(app.popups.last(), Some(Popup::Overview { .. })));
    press(&mut app, "<Esc>?");
    assert!(matches!(app.popups.last(), Some(Popup::Help { .. })));
    press(&mut app, "?");
    assert!(app.popups.is_empty());
    press(&mut app, "b");
    assert!(matches!(app.popups.last(), Some(Popup::Briefings { .. })));
}

#[test]
fn several_briefings_open_newest_first_and_b_switches() {
    let report = load_paths(&[Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mixed")]);
    assert_eq!(report.failures.len(), 1);
    let mut app = App::new(report.briefings, report.failures);
    app.update(Action::Resize(120, 40));
    assert_eq!(app.briefing().meta.id, "minimal-later", "newest first");
    assert!(app.message.as_deref().unwrap().contains("failed to load"));
    press(&mut app, "bj<Enter>");
    assert_eq!(app.briefing().meta.id, "minimal");
    assert!(app.popups.is_empty());
    // The failed file is listed but cannot be opened.
    press(&mut app, "bjj<Enter>");
    assert!(matches!(app.popups.last(), Some(Popup::Briefings { .. })));
}

#[test]
fn start_options_filter_and_follow() {
    let mut app = alaska();
    let start = StartOptions {
        topics: vec!["sanctions".into()],
        speaker: Some("rubio".into()),
    };
    app.start_with(&start).unwrap();
    assert_eq!(app.topics.len(), 1);
    assert_eq!(speaker_id(&app, app.followed.unwrap()), "rubio");
    let bad = StartOptions {
        topics: vec!["sanction".into()],
        speaker: None,
    };
    let err = alaska().start_with(&bad).unwrap_err();
    assert!(err.contains("did you mean `sanctions`"), "{err}");
}

#[test]
fn mouse_click_focuses_and_selects_and_wheel_scrolls() {
    let mut app = alaska();
    let layout = app.layout();
    let speakers = layout.inner(Pane::Speakers).unwrap();
    // Second speaker row: two lines per speaker.
    app.update(Action::Click(speakers.x + 3, speakers.y + 2));
    assert_eq!(app.focus, Pane::Speakers);
    assert_eq!(app.lists[1].selected, 1);
    let quotes = layout.inner(Pane::Quotes).unwrap();
    app.update(Action::Scroll(quotes.x + 3, quotes.y + 3, 1));
    assert_eq!(app.lists[2].selected, 1);
    assert_eq!(app.focus, Pane::Speakers, "the wheel does not steal focus");
}

#[test]
fn narrow_terminal_shows_one_pane_and_tabs_are_clickable() {
    let mut app = alaska();
    app.update(Action::Resize(80, 24));
    let layout = app.layout();
    assert_eq!(layout.panes.iter().filter(|p| p.is_some()).count(), 1);
    let tabs = layout.tabs.unwrap();
    let (pane, start, _) = briefing::app::layout::tab_spans()[2];
    app.update(Action::Click(tabs.x + start + 1, tabs.y));
    assert_eq!(app.focus, pane);
}

#[test]
fn a_filter_that_empties_a_pane_then_a_resize_does_not_panic() {
    // Found by the property test: follow the last speaker, filter by a topic
    // they never spoke on, resize.
    let mut app = alaska();
    press(&mut app, "[t<Space><Enter>");
    assert!(app.rows.quotes.is_empty());
    app.update(Action::Resize(100, 12));
    app.update(Action::Resize(120, 40));
    press(&mut app, "3jG<C-d>");
    assert_eq!(app.lists[2].selected, 0);
}
