//! Key-sequence tests of the actions that act on an item: the copy menu,
//! the speaker chooser, and the messages of keys that cannot act.

mod support;

use std::path::Path;

use briefing::app::{App, Effect, Pane, Popup, Target};
use briefing::model::Briefing;
use support::{alaska, app_with, press};

fn parse(text: &str) -> Briefing {
    Briefing::parse(Path::new("test.toml"), text).expect("test briefing is valid")
}

/// A reader on a briefing made of `items` after a fixed header.
fn reader(items: &str) -> App {
    let head =
        "format = 1\n[briefing]\nid = \"t\"\ntitle = \"T\"\nas_of = 2025-01-02\nsummary = \"S\"\n";
    app_with(vec![parse(&format!("{head}{items}"))], Vec::new())
}

/// The one text copied by `keys`.
fn copied(app: &mut App, keys: &str) -> String {
    match press(app, keys).as_slice() {
        [Effect::Copy(text)] => text.clone(),
        other => panic!("{keys}: {other:?}"),
    }
}

fn followed_id(app: &App) -> &str {
    &app.briefing().speakers[app.followed().expect("a speaker is followed")].id
}

fn message(app: &App) -> &str {
    app.message().unwrap_or_default()
}

const SENT: &str = "sent to the terminal's clipboard";

#[test]
fn s_on_an_event_with_two_speakers_opens_a_chooser_and_a_digit_follows() {
    let mut app = alaska();
    press(&mut app, "1s");
    let Some(Popup::SpeakerChoice {
        speakers, cursor, ..
    }) = app.popups().last().cloned()
    else {
        panic!("{:?}", app.popups())
    };
    assert_eq!(cursor, 0);
    let ids: Vec<&str> = (speakers.iter())
        .map(|&s| app.briefing().speakers[s].id.as_str())
        .collect();
    assert_eq!(ids, ["trump", "putin"]);
    assert_eq!(app.followed(), None, "nothing is followed until chosen");
    press(&mut app, "2");
    assert!(app.popups().is_empty());
    assert_eq!(followed_id(&app), "putin");
    assert!(message(&app).contains("following Vladimir Putin"));
}

#[test]
fn the_chooser_moves_with_j_k_and_enter_or_s_follows() {
    let mut app = alaska();
    press(&mut app, "1sj<Enter>");
    assert_eq!(followed_id(&app), "putin");
    let mut app = alaska();
    press(&mut app, "1sjk<Enter>");
    assert_eq!(followed_id(&app), "trump");
    let mut app = alaska();
    press(&mut app, "1sGs");
    assert_eq!(
        followed_id(&app),
        "putin",
        "s again follows the highlighted one"
    );
}

#[test]
fn esc_closes_the_chooser_and_follows_no_one() {
    let mut app = alaska();
    press(&mut app, "1s<Esc>");
    assert!(app.popups().is_empty());
    assert_eq!(app.followed(), None);
    // A digit past the list is not a choice.
    press(&mut app, "s9");
    assert!(matches!(app.popups(), [Popup::SpeakerChoice { .. }]));
    assert_eq!(app.followed(), None);
    assert_eq!(
        message(&app),
        "9 is not a choice here: press a key the menu shows"
    );
}

#[test]
fn one_speaker_is_followed_at_once() {
    let mut app = alaska();
    press(&mut app, "1js");
    assert!(app.popups().is_empty());
    assert_eq!(followed_id(&app), "witkoff");
}

#[test]
fn a_disagreement_offers_its_parties_and_a_position_row_its_party() {
    let mut app = alaska();
    press(&mut app, "4s");
    let Some(Popup::SpeakerChoice { speakers, .. }) = app.popups().last().cloned() else {
        panic!("{:?}", app.popups())
    };
    let b = app.briefing().clone();
    let d = app.rows().disagreements[0].disagreement();
    let parties: Vec<&str> = b.disagreements[d]
        .positions
        .iter()
        .map(|p| p.speaker.as_str())
        .collect();
    let offered: Vec<&str> = speakers
        .iter()
        .map(|&s| b.speakers[s].id.as_str())
        .collect();
    assert_eq!(offered, parties);
    press(&mut app, "<Esc>js");
    assert!(app.popups().is_empty());
    assert_eq!(followed_id(&app), parties[0]);
}

#[test]
fn s_in_a_detail_view_chooses_too_and_following_closes_the_views() {
    let mut app = alaska();
    press(&mut app, "1<Enter>s");
    assert!(matches!(
        app.popups(),
        [Popup::Detail { .. }, Popup::SpeakerChoice { .. }]
    ));
    press(&mut app, "<Esc>");
    assert!(matches!(app.popups(), [Popup::Detail { .. }]));
    press(&mut app, "s2");
    assert!(app.popups().is_empty());
    assert_eq!(followed_id(&app), "putin");
    // A disagreement's detail offers its parties.
    let mut app = alaska();
    press(&mut app, "4<Enter>s");
    assert!(matches!(
        app.popups().last(),
        Some(Popup::SpeakerChoice { .. })
    ));
}

#[test]
fn a_reported_statement_offers_its_speaker_and_who_reported_it() {
    let mut app = alaska();
    let b = app.briefing();
    let q = (0..b.quotes.len())
        .find(|&q| b.quotes[q].reported_by.is_some())
        .expect("the bundled briefing has a reported statement");
    let (speaker, reporter) = (
        b.quotes[q].speaker.clone(),
        b.quotes[q].reported_by.clone().unwrap(),
    );
    let row = app.rows().quotes.iter().position(|&x| x == q).unwrap();
    press(&mut app, &format!("3{}s", "j".repeat(row)));
    let Some(Popup::SpeakerChoice { speakers, .. }) = app.popups().last().cloned() else {
        panic!("{:?}", app.popups())
    };
    let ids: Vec<&str> = (speakers.iter())
        .map(|&s| app.briefing().speakers[s].id.as_str())
        .collect();
    assert_eq!(ids, [speaker.as_str(), reporter.as_str()]);
    // The chooser says who said it and who reported it.
    let text = support::screen(&mut app, "", 120, 40);
    assert!(text.contains("Vladimir Putin (said it), "), "{text}");
    assert!(text.contains("Steve Witkoff (reported it), "), "{text}");
}

#[test]
fn s_without_a_speaker_says_why() {
    let mut app = reader(
        "[[events]]\nid = \"e\"\nat = 2025-01-01\ntitle = \"Quiet day\"\n\
         [[disagreements]]\nid = \"d\"\ntitle = \"D\"\nstatus = \"open\"\nsummary = \"S\"\n",
    );
    press(&mut app, "s");
    assert_eq!(message(&app), "this event names no speaker");
    assert!(app.popups().is_empty());
    press(&mut app, "4s");
    assert_eq!(message(&app), "this disagreement names no party");
    press(&mut app, "3s");
    assert_eq!(
        message(&app),
        "no speaker to follow — no quotes in this briefing"
    );
}

#[test]
fn y_opens_the_copy_menu_and_its_letters_copy_each_form() {
    let mut app = alaska();
    press(&mut app, "3j");
    let Some(Target::Quote(q)) = app.selected_target(Pane::Quotes) else {
        panic!()
    };
    let b = app.briefing().clone();
    let quote = &b.quotes[q];
    press(&mut app, "y");
    assert!(matches!(app.popups(), [Popup::CopyMenu { cursor: 0, .. }]));
    let citation = copied(&mut app, "c");
    assert_eq!(citation, b.citation_with_source(q));
    assert!(citation.contains("; source: "), "{citation}");
    assert!(app.popups().is_empty(), "copying closes the menu");
    assert_eq!(message(&app), format!("quote with citation: {SENT}"));
    assert_eq!(copied(&mut app, "yt"), quote.text.trim());
    let md = copied(&mut app, "ym");
    assert!(md.starts_with("> "), "{md}");
    assert!(md.ends_with(&format!("> — {}", b.attribution(q))), "{md}");
    assert_eq!(
        message(&app),
        format!("Markdown quote with attribution: {SENT}")
    );
    assert_eq!(copied(&mut app, "ya"), b.attribution(q));
    assert_eq!(copied(&mut app, "yi"), quote.id);
}

#[test]
fn the_copy_menu_moves_with_j_k_and_enter_or_y_copies() {
    let mut app = alaska();
    press(&mut app, "3j");
    let Some(Target::Quote(q)) = app.selected_target(Pane::Quotes) else {
        panic!()
    };
    let b = app.briefing().clone();
    assert_eq!(copied(&mut app, "yj<Enter>"), b.quotes[q].text.trim());
    assert_eq!(copied(&mut app, "yG<Enter>"), b.quotes[q].id);
    assert_eq!(copied(&mut app, "yjjk<Enter>"), b.quotes[q].text.trim());
    assert_eq!(
        copied(&mut app, "yy"),
        b.citation_with_source(q),
        "yy copies the first"
    );
    // Esc closes it without copying.
    assert!(press(&mut app, "y<Esc>").is_empty());
    assert!(app.popups().is_empty());
    assert!(app.message().is_none());
}

#[test]
fn events_speakers_and_disagreements_copy_what_makes_sense() {
    let mut app = alaska();
    assert_eq!(
        copied(&mut app, "yc"),
        "2025-08-15 — Trump–Putin summit in Alaska (Alaska)"
    );
    assert_eq!(copied(&mut app, "yi"), "alaska-summit");
    assert_eq!(
        copied(&mut app, "ym"),
        "- **2025-08-15** — Trump–Putin summit in Alaska (Alaska)"
    );
    let detail = copied(&mut app, "yd");
    assert!(detail.starts_with("2025-08-15 — Trump–Putin summit in Alaska (Alaska)\n\n"));
    press(&mut app, "2");
    let b = app.briefing().clone();
    let s = app.rows().speakers[0];
    assert!(
        copied(&mut app, "yc")
            .starts_with(&format!("{}, {}", b.speakers[s].name, b.speakers[s].role))
    );
    assert_eq!(copied(&mut app, "yn"), b.speakers[s].name);
    assert_eq!(copied(&mut app, "yi"), b.speakers[s].id);
    press(&mut app, "4");
    let d = app.rows().disagreements[0].disagreement();
    let text = copied(&mut app, "yc");
    assert!(text.starts_with(&format!("{} (open question)\n\n", b.disagreements[d].title)));
    let md = copied(&mut app, "ym");
    for p in &b.disagreements[d].positions {
        let name = &b.speaker(&p.speaker).unwrap().name;
        assert!(md.contains(&format!("- **{name}**: ")), "{md}");
    }
    assert_eq!(copied(&mut app, "yi"), b.disagreements[d].id);
    // A letter the menu does not offer here says so, even one bound to
    // something under the menu (t: the topic picker).
    assert!(press(&mut app, "yt").is_empty());
    assert!(matches!(app.popups(), [Popup::CopyMenu { .. }]));
    assert_eq!(
        message(&app),
        "t is not a choice here: press a key the menu shows"
    );
    press(&mut app, "x");
    assert_eq!(
        message(&app),
        "x is not a choice here: press a key the menu shows"
    );
}

#[test]
fn y_in_a_detail_view_copies_and_returns_to_it() {
    let mut app = alaska();
    press(&mut app, "3j<Enter>");
    let Some(Popup::Detail {
        target: Target::Quote(q),
        ..
    }) = app.popups().last().cloned()
    else {
        panic!()
    };
    let id = app.briefing().quotes[q].id.clone();
    assert_eq!(copied(&mut app, "yi"), id);
    assert!(matches!(app.popups(), [Popup::Detail { .. }]));
    // A linked speaker's detail copies the speaker (the first link is
    // the quote's source).
    press(&mut app, "j<Enter>");
    let s = app.briefing().index.speaker_of_quote[q];
    let name = app.briefing().speakers[s].name.clone();
    assert_eq!(copied(&mut app, "yn"), name);
}

#[test]
fn copied_text_carries_no_control_character() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hostile");
    let report = briefing::model::load_paths(&[dir]);
    for b in report.briefings {
        let mut app = app_with(vec![b], Vec::new());
        for pane in ["1", "2", "3", "4"] {
            for letter in ["c", "t", "m", "a", "i", "d", "n"] {
                for effect in press(&mut app, &format!("{pane}y{letter}<Esc>")) {
                    let Effect::Copy(text) = effect else { continue };
                    let raw = text
                        .chars()
                        .find(|&c| c != '\n' && briefing::text::is_unsafe(c));
                    assert_eq!(raw, None, "{pane}y{letter}: {text:?}");
                }
            }
        }
    }
}

#[test]
fn keys_that_cannot_act_say_why() {
    let mut app = reader("");
    for (keys, said) in [
        ("y", "nothing to copy — no events in this briefing"),
        ("<Enter>", "nothing to open — no events in this briefing"),
        ("s", "no speaker to follow — no events in this briefing"),
        ("]", "no speaker to follow — no speakers in this briefing"),
        ("[", "no speaker to follow — no speakers in this briefing"),
        ("T", "no topic filter to clear"),
        ("o", "this briefing lists no source URL"),
        ("n", "no search: press / to search"),
        ("N", "no search: press / to search"),
        ("3y", "nothing to copy — no quotes in this briefing"),
        (
            "4<Enter>",
            "nothing to open — no disagreements in this briefing",
        ),
    ] {
        assert!(press(&mut app, keys).is_empty(), "{keys}");
        assert_eq!(message(&app), said, "{keys}");
        assert!(app.popups().is_empty(), "{keys}");
    }
}

#[test]
fn an_empty_pane_under_a_filter_says_so() {
    // A topic only a quote has: the Timeline is empty under it.
    let mut app = reader(
        "[[topics]]\nid = \"a\"\nname = \"A\"\n[[speakers]]\nid = \"p\"\nname = \"P\"\nrole = \"R\"\n\
         [[events]]\nid = \"e\"\nat = 2025-01-01\ntitle = \"E\"\n\
         [[quotes]]\nid = \"q\"\nspeaker = \"p\"\ntext = \"Q\"\nat = 2025-01-01\ntopics = [\"a\"]\n",
    );
    app.start_with(&briefing::app::StartOptions {
        topics: vec!["a".into()],
        speaker: None,
    })
    .unwrap();
    assert!(app.rows().timeline.is_empty());
    press(&mut app, "1y");
    assert_eq!(
        message(&app),
        "nothing to copy — no events under this filter: topic A"
    );
    press(&mut app, "<Enter>");
    assert_eq!(
        message(&app),
        "nothing to open — no events under this filter: topic A"
    );
}

#[test]
fn o_in_a_detail_view_opens_the_source_or_says_why() {
    let mut app = alaska();
    press(&mut app, "3<Enter>o");
    assert_eq!(
        message(&app),
        "no URL for this source: alaska-summit-2025-08-17.txt, 2025-08-17"
    );
    assert!(matches!(app.popups(), [Popup::Detail { .. }]));
}

#[test]
fn y_and_s_in_help_the_overview_and_the_briefing_list_say_why() {
    for (open, place) in [
        ("?", "in help"),
        ("i", "in the overview"),
        ("b", "in the briefing list"),
    ] {
        let mut app = alaska();
        assert!(press(&mut app, &format!("{open}y")).is_empty());
        assert_eq!(message(&app), format!("nothing to copy {place}"));
        press(&mut app, "s");
        assert_eq!(message(&app), format!("no speaker to follow {place}"));
        assert_eq!(app.popups().len(), 1, "{open}: the popup stays open");
        assert_eq!(app.followed(), None);
    }
}

#[test]
fn enter_in_a_detail_view_without_links_says_why() {
    let mut app = reader("[[speakers]]\nid = \"p\"\nname = \"P\"\nrole = \"R\"\n");
    press(&mut app, "2<Enter><Enter>");
    assert_eq!(message(&app), "nothing to follow here: Esc or q goes back");
    assert!(matches!(app.popups(), [Popup::Detail { .. }]));
}

#[test]
fn the_mouse_picks_a_menu_entry_and_a_click_outside_closes_it() {
    use briefing::app::{Action, copy_menu, speaker_choice};
    let mut app = alaska();
    press(&mut app, "3j");
    let Some(target) = app.selected_target(Pane::Quotes) else {
        panic!()
    };
    press(&mut app, "y");
    let outer = copy_menu::area(app.briefing(), target, app.screen());
    // The wheel moves the cursor; a click on the second entry copies it.
    app.update(Action::Scroll(outer.x + 3, outer.y + 2, 1));
    assert!(matches!(app.popups(), [Popup::CopyMenu { cursor: 1, .. }]));
    app.update(Action::Click(outer.x + 3, outer.y + 2));
    let Target::Quote(q) = target else { panic!() };
    assert_eq!(
        app.take_effects(),
        [Effect::Copy(
            app.briefing().quotes[q].text.trim().to_string()
        )]
    );
    assert!(app.popups().is_empty());
    // A click outside closes the menu without copying.
    press(&mut app, "y");
    app.update(Action::Click(0, 0));
    assert!(app.popups().is_empty());
    assert!(app.take_effects().is_empty());
    // The chooser: a click on the second speaker follows them.
    press(&mut app, "1s");
    let outer = speaker_choice::area(2, app.screen());
    app.update(Action::Click(outer.x + 5, outer.y + 2));
    assert_eq!(followed_id(&app), "putin");
}

#[test]
fn t_in_a_briefing_without_topics_says_why() {
    let mut app = reader("[[events]]\nid = \"e\"\nat = 2025-01-01\ntitle = \"Quiet day\"\n");
    press(&mut app, "t");
    assert!(app.popups().is_empty(), "{:?}", app.popups());
    assert_eq!(
        message(&app),
        "no topic to filter by: this briefing names no topics"
    );
}

#[test]
fn the_copy_menu_previews_as_much_as_the_screen_holds() {
    // The Zelensky quote's Markdown form: its attribution is the last line.
    let mut app = alaska();
    let text = support::screen(&mut app, "3jjjjjjjjyjj", 80, 24);
    assert!(text.contains("> — Volodymyr Zelensky"), "{text}");
    assert!(!text.contains("…  │"), "{text}");
}
