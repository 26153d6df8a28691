//! Key-sequence tests on `App`: keys go through the default keymap into
//! `App::update`; no terminal involved.

mod support;

use std::path::Path;

use briefing::app::{Action, App, Effect, Pane, Popup, StartOptions, Target};
use briefing::model::load_paths;
use support::{alaska, press};

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
    assert!(app.should_quit());
    let mut app = alaska();
    press(&mut app, "<C-c>");
    assert!(app.should_quit());
}

#[test]
fn panes_cycle_and_number_keys_focus() {
    let mut app = alaska();
    assert_eq!(app.focus(), Pane::Timeline);
    press(&mut app, "<Tab>");
    assert_eq!(app.focus(), Pane::Speakers);
    press(&mut app, "<S-Tab><S-Tab>");
    assert_eq!(app.focus(), Pane::Disagreements);
    press(&mut app, "3");
    assert_eq!(app.focus(), Pane::Quotes);
    press(&mut app, "1");
    assert_eq!(app.focus(), Pane::Timeline);
}

#[test]
fn movement_keys_stay_inside_the_list() {
    let mut app = alaska();
    press(&mut app, "3");
    let len = app.rows().quotes.len();
    press(&mut app, "jj<Down>");
    assert_eq!(app.list(Pane::Quotes).selected, 3);
    press(&mut app, "k<Up>");
    assert_eq!(app.list(Pane::Quotes).selected, 1);
    press(&mut app, "G");
    assert_eq!(app.list(Pane::Quotes).selected, len - 1);
    press(&mut app, "jjj");
    assert_eq!(
        app.list(Pane::Quotes).selected,
        len - 1,
        "no move past the end"
    );
    press(&mut app, "g");
    assert_eq!(app.list(Pane::Quotes).selected, 0);
    press(&mut app, "<End>");
    assert_eq!(app.list(Pane::Quotes).selected, len - 1);
    press(&mut app, "<Home><C-d>");
    let half = app.list(Pane::Quotes).selected;
    assert!(half > 0);
    press(&mut app, "<C-u>");
    assert_eq!(app.list(Pane::Quotes).selected, 0);
    press(&mut app, "<PageDown>");
    assert!(app.list(Pane::Quotes).selected >= half);
    press(&mut app, "<PageUp>");
    assert_eq!(app.list(Pane::Quotes).selected, 0);
}

#[test]
fn scrolling_keeps_the_selection_in_view() {
    let mut app = alaska();
    press(&mut app, "3G");
    let list = app.list(Pane::Quotes);
    assert!(list.offset > 0, "the list scrolled");
    assert!(list.offset <= list.selected);
    press(&mut app, "g");
    assert_eq!(app.list(Pane::Quotes).offset, 0);
}

#[test]
fn speaker_jumps_make_every_pane_follow() {
    let mut app = alaska();
    press(&mut app, "]");
    let first = app.followed().expect("following someone");
    assert_eq!(
        speaker_id(&app, first),
        app.briefing().speakers[app.rows().speakers[0]].id
    );
    // Quotes pane lists only their quotes.
    assert!(
        app.rows()
            .quotes
            .iter()
            .all(|&q| app.briefing().index.speaker_of_quote[q] == first)
    );
    // Speakers pane selects them.
    assert_eq!(
        app.rows().speakers[app.list(Pane::Speakers).selected],
        first
    );
    press(&mut app, "]");
    let second = app.followed().unwrap();
    assert_ne!(first, second);
    press(&mut app, "[");
    assert_eq!(app.followed(), Some(first));
    press(&mut app, "[");
    let last = *app.rows().speakers.last().unwrap();
    assert_eq!(app.followed(), Some(last), "wraps around");
    // Works from any pane, and Esc releases.
    press(&mut app, "4]");
    assert_eq!(app.focus(), Pane::Disagreements);
    assert_eq!(app.followed(), Some(app.rows().speakers[0]));
    press(&mut app, "<Esc>");
    assert_eq!(app.followed(), None);
    assert_eq!(app.rows().quotes.len(), app.briefing().quotes.len());
}

#[test]
fn s_follows_the_speaker_of_the_selection() {
    let mut app = alaska();
    press(&mut app, "3jjj");
    let expected = selected_quote_speaker(&app);
    press(&mut app, "s");
    assert_eq!(speaker_id(&app, app.followed().unwrap()), expected);
    press(&mut app, "<Esc>4");
    // The first disagreement heading: its parties to choose from, the first first.
    let first_party = app.briefing().disagreements[app.rows().disagreements[0].disagreement()]
        .positions[0]
        .speaker
        .clone();
    press(&mut app, "s<Enter>");
    assert_eq!(speaker_id(&app, app.followed().unwrap()), first_party);
    // A position row: that party.
    press(&mut app, "<Esc>jj");
    let row = app.rows().disagreements[app.list(Pane::Disagreements).selected];
    let briefing::app::DisagreementRow::Position(d, p) = row else {
        panic!("{row:?}")
    };
    let party = app.briefing().disagreements[d].positions[p].speaker.clone();
    press(&mut app, "s");
    assert_eq!(speaker_id(&app, app.followed().unwrap()), party);
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
    assert!(app.popups().is_empty());
    assert_eq!(
        app.topics().iter().copied().collect::<Vec<_>>(),
        [sanctions]
    );
    let on_topic = |ids: &[String]| ids.iter().any(|t| t == "sanctions");
    assert!(!app.rows().quotes.is_empty());
    assert!(
        app.rows()
            .quotes
            .iter()
            .all(|&q| on_topic(&b.quotes[q].topics))
    );
    assert_eq!(
        app.rows().quotes.len(),
        b.index.quotes_by_topic[sanctions].len()
    );
    assert!(
        app.rows()
            .disagreements
            .iter()
            .all(|r| on_topic(&b.disagreements[r.disagreement()].topics))
    );
    assert!(
        app.rows()
            .speakers
            .iter()
            .all(|&s| app.rows().quote_counts[s] > 0)
    );
    assert!(app.rows().speakers.len() < b.speakers.len());
    // T clears.
    press(&mut app, "T");
    assert!(app.topics().is_empty());
    assert_eq!(app.rows().quotes.len(), b.quotes.len());
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
    assert_eq!(app.rows().quotes.len(), expected);
    press(&mut app, "t<Space><Esc>");
    assert_eq!(app.topics().len(), 2, "Esc leaves the filter as it was");
}

#[test]
fn search_is_incremental_with_next_and_previous() {
    let mut app = alaska();
    press(&mut app, "3/sanction");
    assert!(app.is_typing());
    let b = app.briefing().clone();
    let first = app.rows().quotes[app.list(Pane::Quotes).selected];
    assert!(b.quotes[first].text.to_lowercase().contains("sanction"));
    press(&mut app, "<Enter>");
    assert!(!app.is_typing());
    press(&mut app, "n");
    let second = app.rows().quotes[app.list(Pane::Quotes).selected];
    assert_ne!(first, second);
    assert!(b.quotes[second].text.to_lowercase().contains("sanction"));
    press(&mut app, "N");
    assert_eq!(app.rows().quotes[app.list(Pane::Quotes).selected], first);
    // Esc clears the search; n then says there is none.
    press(&mut app, "<Esc>");
    assert!(app.search().is_none());
    press(&mut app, "n");
    assert!(app.message().unwrap().contains("no search"));
}

#[test]
fn search_typing_and_backspace_and_cancel() {
    let mut app = alaska();
    press(&mut app, "3jj");
    press(&mut app, "/zzzz");
    assert!(app.message().unwrap_or_default().contains("no match"));
    press(&mut app, "<BS><BS><BS><BS>");
    assert_eq!(app.search().as_ref().unwrap().query, "");
    press(&mut app, "q");
    assert!(!app.should_quit(), "q is text while typing a search");
    press(&mut app, "<Esc>");
    assert!(app.search().is_none());
    assert_eq!(
        app.list(Pane::Quotes).selected,
        2,
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
    let q = app.rows().quotes[app.list(Pane::Quotes).selected];
    assert!(b.quotes[q].topics.iter().any(|t| t == "sanctions"));
    assert!(b.quotes[q].text.contains("table"));
    // n cycles only through the filtered rows.
    press(&mut app, "n");
    let q2 = app.rows().quotes[app.list(Pane::Quotes).selected];
    assert!(b.quotes[q2].topics.iter().any(|t| t == "sanctions"));
}

#[test]
fn enter_opens_detail_follows_links_and_esc_goes_back() {
    let mut app = alaska();
    press(&mut app, "3j<Enter>");
    let Some(Popup::Detail {
        target: Target::Quote(q),
        ..
    }) = app.popups().last().cloned()
    else {
        panic!("{:?}", app.popups())
    };
    // The first link of a quote is its source, the second its speaker.
    press(&mut app, "j<Enter>");
    assert_eq!(app.popups().len(), 2);
    let Some(Popup::Detail {
        target: Target::Speaker(s),
        ..
    }) = app.popups().last().cloned()
    else {
        panic!()
    };
    assert_eq!(s, app.briefing().index.speaker_of_quote[q]);
    press(&mut app, "<Esc>");
    assert_eq!(app.popups().len(), 1);
    press(&mut app, "<Esc>");
    assert!(app.popups().is_empty());
    assert!(!app.should_quit());
}

#[test]
fn copy_puts_the_quote_and_citation_on_the_clipboard() {
    let mut app = alaska();
    let effects = press(&mut app, "3jyc");
    let Some(Effect::Copy(text)) = effects.first() else {
        panic!("{effects:?}")
    };
    let Some(Target::Quote(q)) = app.selected_target(Pane::Quotes) else {
        panic!()
    };
    let b = app.briefing();
    assert!(text.contains(b.quotes[q].text.trim()));
    assert!(text.contains(&b.speaker_of(q).name));
    assert!(text.contains(&b.speaker_of(q).role));
    assert!(text.contains(&b.quotes[q].at.to_string()));
    // y opens the copy menu; nothing is copied until a choice is made.
    let mut app = alaska();
    assert!(press(&mut app, "y").is_empty());
    assert!(matches!(app.popups(), [Popup::CopyMenu { .. }]));
}

#[test]
fn open_source_without_url_says_so() {
    let mut app = alaska();
    assert!(press(&mut app, "o").is_empty());
    assert!(app.message().unwrap().contains("no source URL"));
}

#[test]
fn overview_help_and_briefing_list_toggle() {
    let mut app = alaska();
    press(&mut app, "i");
    assert!(matches!(app.popups().last(), Some(Popup::Overview { .. })));
    press(&mut app, "<Esc>?");
    assert!(matches!(app.popups().last(), Some(Popup::Help { .. })));
    press(&mut app, "?");
    assert!(app.popups().is_empty());
    press(&mut app, "b");
    assert!(matches!(app.popups().last(), Some(Popup::Briefings { .. })));
}

#[test]
fn several_briefings_open_newest_first_and_b_switches() {
    let report = load_paths(&[Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mixed")]);
    assert_eq!(report.failures.len(), 1);
    let mut app = App::new(report.briefings, report.failures);
    app.update(Action::Resize(120, 40));
    assert_eq!(app.briefing().meta.id, "minimal-later", "newest first");
    assert!(app.message().unwrap().contains("failed to load"));
    press(&mut app, "bj<Enter>");
    assert_eq!(app.briefing().meta.id, "minimal");
    assert!(app.popups().is_empty());
    // The failed file is listed but cannot be opened.
    press(&mut app, "bjj<Enter>");
    assert!(matches!(app.popups().last(), Some(Popup::Briefings { .. })));
}

#[test]
fn braces_step_through_the_briefings_without_the_list_and_wrap() {
    let report = load_paths(&[Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mixed")]);
    let mut app = App::new(report.briefings, report.failures);
    app.update(Action::Resize(120, 40));
    assert_eq!(app.briefing().meta.id, "minimal-later");
    press(&mut app, "3j}");
    assert_eq!(app.briefing().meta.id, "minimal");
    assert!(app.popups().is_empty());
    assert!(
        app.message().unwrap().starts_with("briefing 2 of 2: "),
        "{:?}",
        app.message()
    );
    // A fresh view of the briefing switched to, as from the list.
    assert_eq!(app.list(Pane::Quotes).selected, 0);
    press(&mut app, "}");
    assert_eq!(app.briefing().meta.id, "minimal-later", "wraps round");
    press(&mut app, "{");
    assert_eq!(app.briefing().meta.id, "minimal");
    // A switch is a jump: Ctrl-o goes back.
    press(&mut app, "<C-o>");
    assert_eq!(app.briefing().meta.id, "minimal-later");
    let mut one = alaska();
    press(&mut one, "}");
    assert_eq!(one.briefing().meta.id, "alaska-summit-2025");
    assert!(
        one.message()
            .unwrap()
            .starts_with("only one briefing is loaded")
    );
}

#[test]
fn the_briefing_list_says_what_each_briefing_adds_to_the_ones_before() {
    let report = load_paths(&[Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mixed")]);
    let mut app = App::new(report.briefings, report.failures);
    let text = support::screen(&mut app, "b", 120, 30);
    // The later briefing repeats the earlier one's ids and statuses.
    assert!(
        text.contains("adds nothing new to the briefings before it"),
        "{text}"
    );
    assert_eq!(
        text.matches("to the briefings before it").count(),
        1,
        "{text}"
    );
    assert!(
        text.contains("2 quotes · 2 speakers · 1 event · 1 disagreement"),
        "{text}"
    );
    assert!(text.contains("1 file failed to load:"), "{text}");
}

#[test]
fn start_options_filter_and_follow() {
    let mut app = alaska();
    let start = StartOptions {
        topics: vec!["sanctions".into()],
        speaker: Some("rubio".into()),
    };
    app.start_with(&start).unwrap();
    assert_eq!(app.topics().len(), 1);
    assert_eq!(speaker_id(&app, app.followed().unwrap()), "rubio");
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
    assert_eq!(app.focus(), Pane::Speakers);
    assert_eq!(app.list(Pane::Speakers).selected, 1);
    let quotes = layout.inner(Pane::Quotes).unwrap();
    app.update(Action::Scroll(quotes.x + 3, quotes.y + 3, 1));
    assert_eq!(app.list(Pane::Quotes).selected, 1);
    assert_eq!(
        app.focus(),
        Pane::Speakers,
        "the wheel does not steal focus"
    );
}

#[test]
fn narrow_terminal_shows_one_pane_and_tabs_are_clickable() {
    let mut app = alaska();
    app.update(Action::Resize(80, 24));
    let layout = app.layout();
    assert_eq!(layout.panes.iter().filter(|p| p.is_some()).count(), 1);
    let tabs = layout.tabs.unwrap();
    let tab = app.tabs(tabs.width)[2].clone();
    app.update(Action::Click(tabs.x + tab.x + 1, tabs.y));
    assert_eq!(app.focus(), tab.pane);
}

#[test]
fn a_filter_that_empties_a_pane_then_a_resize_does_not_panic() {
    // Found by the property test: follow the last speaker, filter by a topic
    // they never spoke on, resize.
    let mut app = alaska();
    press(&mut app, "[t<Space><Enter>");
    assert!(app.rows().quotes.is_empty());
    app.update(Action::Resize(100, 12));
    app.update(Action::Resize(120, 40));
    press(&mut app, "3jG<C-d>");
    assert_eq!(app.list(Pane::Quotes).selected, 0);
}

/// A reader with the keys of a config file's `[keys]` section.
fn with_config(keys: &str) -> App {
    let config = briefing::config::Config::parse(Path::new("config.toml"), keys)
        .unwrap_or_else(|e| panic!("{e:#?}"));
    alaska().with_keymap(config.keymap)
}

#[test]
fn a_config_rebinds_keys_on_the_main_screen() {
    let mut app = with_config("[keys.panes]\ndown = [\"ctrl-n\"]\nfocus_quotes = [\"Q\"]\n");
    press(&mut app, "Q<C-n><C-n>j");
    assert_eq!(app.focus(), Pane::Quotes);
    assert_eq!(app.list(Pane::Quotes).selected, 2, "j no longer moves");
    // In a popup, down keeps its default keys.
    press(&mut app, "?j");
    assert!(matches!(app.popups(), [p @ Popup::Help { .. }] if p.scroll() == 1));
}

#[test]
fn a_config_rebinds_keys_in_popups() {
    let mut app = with_config("[keys.popup]\ndown = [\"ctrl-n\"]\nback = [\"h\"]\n");
    press(&mut app, "?<C-n><C-n>j");
    assert!(matches!(app.popups(), [p @ Popup::Help { .. }] if p.scroll() == 2));
    press(&mut app, "h");
    assert!(app.popups().is_empty());
    press(&mut app, "j");
    assert_eq!(
        app.list(Pane::Timeline).selected,
        1,
        "j still moves in panes"
    );
}

#[test]
fn a_config_rebinds_keys_in_the_topic_picker() {
    let mut app = with_config("[keys.picker]\ntoggle = [\"x\"]\nconfirm = [\"a\"]\n");
    press(&mut app, "t<Space>");
    assert!(matches!(app.popups(), [Popup::Topics { chosen, .. }] if chosen.is_empty()));
    press(&mut app, "xa");
    assert!(app.popups().is_empty());
    assert_eq!(app.topics().len(), 1);
}

#[test]
fn a_config_rebinds_keys_in_the_search_line() {
    let mut app = with_config(
        "[keys.search]\ndelete_char = [\"ctrl-h\", \"backspace\"]\nconfirm = [\"ctrl-m\", \"enter\"]\nback = [\"ctrl-g\"]\n",
    );
    press(&mut app, "3/guaranteex<C-h>");
    assert_eq!(app.search().unwrap().query, "guarantee");
    press(&mut app, "<Esc>");
    assert_eq!(
        app.search().unwrap().query,
        "guarantee",
        "esc is unbound: ignored"
    );
    press(&mut app, "<C-g>");
    assert!(app.search().is_none());
    // Unbound printable keys are typed, even q.
    press(&mut app, "/q");
    assert_eq!(app.search().unwrap().query, "q");
    assert!(!app.should_quit());
}

#[test]
fn config_mistakes_in_key_modes_are_located() {
    let source = "[keys.popop]\ndown = [\"j\"]\n[keys.search]\ndown = [\"j\"]\n";
    let ds = briefing::config::Config::parse(Path::new("config.toml"), source).unwrap_err();
    let found: Vec<(usize, usize, &str)> = ds
        .iter()
        .map(|d| {
            let at = d.location.unwrap();
            (at.line, at.column, d.message.as_str())
        })
        .collect();
    assert_eq!(
        found,
        vec![
            (1, 7, "unknown mode `popop`"),
            (4, 1, "`down` does nothing in [keys.search]"),
        ]
    );
    assert_eq!(ds[0].help.as_deref(), Some("did you mean `popup`?"));
}

#[test]
fn help_and_overview_stop_scrolling_at_their_last_line() {
    for popup in ["i", "?"] {
        let mut app = alaska();
        press(&mut app, &format!("{popup}G"));
        let last = app.popups().last().expect("a popup").scroll();
        press(&mut app, &"j".repeat(60));
        assert!(
            app.popups().last().is_some_and(|p| p.scroll() == last),
            "{popup}: {:?}",
            app.popups()
        );
        // One key back up moves at once.
        press(&mut app, "k");
        assert!(
            app.popups()
                .last()
                .is_some_and(|p| p.scroll() + 1 == last.max(1))
        );
        // The last line is on screen: the screen is not empty below the title.
        let mut app = alaska();
        let text = support::screen(&mut app, &format!("{popup}{}", "j".repeat(300)), 100, 30);
        let last_line = if popup == "i" {
            "topics"
        } else {
            "other quotes there"
        };
        assert!(text.contains(last_line), "{popup}:\n{text}");
    }
}

#[test]
fn help_names_the_config_file_in_use() {
    let mut app = alaska().with_config_path("/tmp/my \u{1b}]0;x\u{7}config.toml");
    let text = support::screen(&mut app, "?G", 120, 40);
    assert!(
        text.contains("/tmp/my ^[]0;x^Gconfig.toml under [keys]."),
        "{text}"
    );
}

#[test]
fn ctrl_c_always_quits_even_with_quit_unbound() {
    let config = briefing::config::Config::parse(
        Path::new("config.toml"),
        "[keys]\nquit = []\nsearch = []\nsuspend = []\n",
    )
    .unwrap();
    let found: Vec<(usize, &str)> = config
        .warnings
        .iter()
        .map(|w| (w.location.unwrap().line, w.message.as_str()))
        .collect();
    assert_eq!(
        found,
        vec![
            (2, "`quit` has no key"),
            (3, "`search` has no key"),
            (4, "`suspend` has no key")
        ]
    );
    for keys in ["", "?", "t", "3<Enter>", "3/abc"] {
        let mut app = alaska().with_keymap(config.keymap.clone());
        press(&mut app, keys);
        press(&mut app, "q");
        assert!(!app.should_quit(), "{keys}: q is unbound");
        press(&mut app, "<C-c>");
        assert!(app.should_quit(), "{keys}: ctrl-c must quit");
    }
    let ds = briefing::config::Config::parse(
        Path::new("config.toml"),
        "[keys.popup]\ncopy = [\"ctrl-c\"]\n",
    )
    .unwrap_err();
    assert_eq!(ds[0].message, "`ctrl-c` always quits; it cannot be `copy`");
    assert_eq!(ds[0].location.unwrap().line, 2);
}
