//! Live reload on `App`: a briefing loaded again keeps the reader where it
//! was, by id (pane, selection, place on screen, topic filter, followed
//! speaker, search and filter, detail view); a file that breaks keeps its
//! last good version with a problems badge and view; `e` and `Enter` in the
//! problems view ask for the editor at the right line.

mod support;

use std::path::{Path, PathBuf};

use briefing::app::{Action, App, Effect, Pane, Popup, Reload, Target};
use briefing::model::{BUNDLED, Briefing, LoadReport};
use support::{alaska, app_with, press, screen};

/// The bundled briefing's text with `from` replaced by `to` (which must be there).
fn edited(from: &str, to: &str) -> String {
    assert!(
        BUNDLED.1.contains(from),
        "the bundled briefing has {from:?}"
    );
    BUNDLED.1.replacen(from, to, 1)
}

/// The outcome of loading `text` as the bundled file again.
fn reload_of(text: &str) -> Reload {
    let path = PathBuf::from(BUNDLED.0);
    let report = match Briefing::parse(&path, text) {
        Ok(b) => LoadReport {
            briefings: vec![b],
            ..LoadReport::default()
        },
        Err(diagnostics) => LoadReport {
            failures: vec![briefing::model::Failure {
                path: path.clone(),
                source: Some(text.to_string()),
                diagnostics,
            }],
            ..LoadReport::default()
        },
    };
    Reload {
        changed: vec![path],
        removed: Vec::new(),
        report,
    }
}

fn reload(app: &mut App, text: &str) {
    app.update(Action::Reloaded(Box::new(reload_of(text))));
}

/// The id of the item selected in `pane`.
fn selected_id(app: &App, pane: Pane) -> String {
    let b = app.briefing();
    match app.selected_target(pane).expect("a selection") {
        Target::Quote(q) => b.quotes[q].id.clone(),
        Target::Event(e) => b.events[e].id.clone(),
        Target::Speaker(s) => b.speakers[s].id.clone(),
        Target::Disagreement(d) => b.disagreements[d].id.clone(),
    }
}

/// A new quote, dated before every other, so it comes first in the
/// Quotes pane and in the file: every index after it moves.
const NEW_FIRST_QUOTE: &str = "[[quotes]]
id = \"a-new-first-quote\"
speaker = \"witkoff\"
text = \"A quote added while the reader was open.\"
at = 2025-08-01
topics = [\"security-guarantees\"]

[[quotes]]
id = \"putin-agrees-article-5-style-guarantee\"";

#[test]
fn a_changed_quote_is_shown_and_the_selection_stays_on_its_id() {
    let mut app = alaska();
    press(&mut app, "3jjj");
    let before = selected_id(&app, Pane::Quotes);
    let row = app.list(Pane::Quotes).selected;
    let text = edited(
        "[[quotes]]\nid = \"putin-agrees-article-5-style-guarantee\"",
        NEW_FIRST_QUOTE,
    );
    reload(&mut app, &text);
    assert_eq!(app.focus(), Pane::Quotes);
    assert_eq!(selected_id(&app, Pane::Quotes), before);
    assert_eq!(
        app.list(Pane::Quotes).selected,
        row + 1,
        "one quote came before it"
    );
    assert_eq!(app.briefing().quotes.len(), 24);
    assert!(
        app.message().unwrap().contains("reloaded"),
        "{:?}",
        app.message()
    );

    let text = edited("Witkoff had never before heard", "Witkoff had NEVER heard");
    let mut app = alaska();
    press(&mut app, "3jj");
    let shown = screen(&mut app, "", 120, 40);
    assert!(shown.contains("Witkoff had never before heard"));
    reload(&mut app, &text);
    let shown = screen(&mut app, "", 120, 40);
    assert!(shown.contains("Witkoff had NEVER heard"), "{shown}");
    assert_eq!(
        selected_id(&app, Pane::Quotes),
        "witkoff-first-time-putin-agreed"
    );
}

#[test]
fn the_scroll_position_is_kept() {
    let mut app = alaska();
    press(&mut app, "3Gkkk");
    let list = app.list(Pane::Quotes);
    assert!(list.offset > 0, "scrolled: {list:?}");
    reload(
        &mut app,
        &edited("Witkoff had never before heard", "Witkoff had NEVER heard"),
    );
    assert_eq!(app.list(Pane::Quotes), list);
}

#[test]
fn topic_filter_followed_speaker_and_search_are_kept_by_id() {
    let mut app = alaska();
    // Follow the first speaker, filter by the first topic, search quotes.
    press(&mut app, "]t<enter>3/Putin<enter>");
    let followed = app
        .followed()
        .map(|s| app.briefing().speakers[s].id.clone());
    let topics: Vec<String> = (app.topics().iter())
        .map(|&t| app.briefing().topics[t].id.clone())
        .collect();
    assert!(followed.is_some() && !topics.is_empty());
    let matches = app.search().unwrap().matches.len();
    // Topics and speakers reordered in the file: their indices change.
    let text = edited(
        "[[topics]]",
        "[[topics]]\nid = \"zz-new-topic\"\nname = \"A new topic\"\n\n[[topics]]",
    );
    let text = text.replacen(
        "[[speakers]]",
        "[[speakers]]\nid = \"zz-new-speaker\"\nname = \"Someone New\"\n\n[[speakers]]",
        1,
    );
    reload(&mut app, &text);
    let b = app.briefing();
    assert_eq!(app.followed().map(|s| b.speakers[s].id.clone()), followed);
    let after: Vec<String> = app
        .topics()
        .iter()
        .map(|&t| b.topics[t].id.clone())
        .collect();
    assert_eq!(after, topics);
    assert_eq!(app.search().unwrap().query, "Putin");
    assert_eq!(app.search().unwrap().matches.len(), matches);
}

#[test]
fn an_open_detail_follows_its_item_and_closes_when_it_is_gone() {
    let mut app = alaska();
    press(&mut app, "3jj<enter>");
    let text = edited(
        "[[quotes]]\nid = \"putin-agrees-article-5-style-guarantee\"",
        NEW_FIRST_QUOTE,
    );
    reload(&mut app, &text);
    match app.popups() {
        [
            Popup::Detail {
                target: Target::Quote(q),
                ..
            },
        ] => {
            assert_eq!(
                app.briefing().quotes[*q].id,
                "witkoff-first-time-putin-agreed"
            )
        }
        other => panic!("the detail stays open: {other:?}"),
    }
    // Renamed (with the disagreement that cites it): gone by its old id.
    let gone = BUNDLED
        .1
        .replace("witkoff-first-time-putin-agreed", "renamed");
    reload(&mut app, &gone);
    assert!(
        app.popups().is_empty(),
        "its item is gone: {:?}",
        app.popups()
    );
}

#[test]
fn a_broken_save_keeps_the_last_good_version_with_a_badge_and_the_problems() {
    let mut app = alaska();
    press(&mut app, "3jj");
    let broken = edited(
        "id = \"witkoff-first-time-putin-agreed\"",
        "id = \"witkoff-first-time-putin-agreed",
    );
    reload(&mut app, &broken);
    assert_eq!(app.briefing().quotes.len(), 23, "the last good version");
    assert_eq!(
        selected_id(&app, Pane::Quotes),
        "witkoff-first-time-putin-agreed"
    );
    assert_eq!(app.problem_count(), 1);
    let shown = screen(&mut app, "", 80, 24);
    assert!(shown.contains("⚠ 1 problem"), "{shown}");
    assert!(shown.contains("last good version"), "{shown}");
    let shown = screen(&mut app, "!", 80, 24);
    assert!(shown.contains("Problems: 1 problem"), "{shown}");
    assert!(shown.contains("alaska-summit-2025.toml:"), "{shown}");
    let line = BUNDLED.1[..BUNDLED.1.find("id = \"witkoff-first-time").unwrap()]
        .lines()
        .count()
        + 1;
    let effects = press(&mut app, "<enter>");
    match effects.as_slice() {
        [Effect::Edit { path, line: l, .. }] => {
            assert_eq!(path, Path::new(BUNDLED.0));
            assert_eq!(*l, line);
        }
        other => panic!("Enter opens the editor: {other:?}"),
    }
    // Fixed: the badge goes, the problems view closes its empty list.
    press(&mut app, "<esc>");
    reload(&mut app, BUNDLED.1);
    assert_eq!(app.problem_count(), 0);
    assert!(!screen(&mut app, "", 80, 24).contains('⚠'));
    press(&mut app, "!");
    assert_eq!(app.message(), Some("no problems in the files loaded"));
}

#[test]
fn e_asks_for_the_editor_at_the_item() {
    let mut app = alaska();
    let text_line = |needle: &str| BUNDLED.1[..BUNDLED.1.find(needle).unwrap()].lines().count();
    let effects = press(&mut app, "3jje");
    match effects.as_slice() {
        [Effect::Edit { line, .. }] => {
            assert_eq!(*line, text_line("text = \"Witkoff had never before") + 1)
        }
        other => panic!("{other:?}"),
    }
    // In a detail view, the item shown.
    let effects = press(&mut app, "2<enter>e");
    let b = app.briefing();
    let Some(Popup::Detail {
        target: Target::Speaker(s),
        ..
    }) = app.popups().last()
    else {
        panic!("a speaker's detail")
    };
    let id = format!("id = \"{}\"", b.speakers[*s].id);
    match effects.as_slice() {
        // The table's header, the line before its id.
        [Effect::Edit { line, .. }] => assert_eq!(*line, text_line(&id)),
        other => panic!("{other:?}"),
    }
}

#[test]
fn new_and_deleted_files_appear_and_go() {
    let mut app = app_with(vec![Briefing::bundled()], Vec::new());
    let other = PathBuf::from("dir/later.toml");
    let later = edited("as_of = 2025-08-17", "as_of = 2025-08-24");
    let b = Briefing::parse(&other, &later).unwrap();
    app.update(Action::Reloaded(Box::new(Reload {
        changed: vec![other.clone()],
        removed: Vec::new(),
        report: LoadReport {
            briefings: vec![b],
            ..LoadReport::default()
        },
    })));
    assert_eq!(app.briefings().len(), 2);
    assert_eq!(
        app.briefing().path,
        Path::new(BUNDLED.0),
        "still on the briefing shown"
    );
    app.update(Action::Reloaded(Box::new(Reload {
        changed: Vec::new(),
        removed: vec![other],
        report: LoadReport::default(),
    })));
    assert_eq!(app.briefings().len(), 1);
    assert_eq!(app.briefing().path, Path::new(BUNDLED.0));
}
