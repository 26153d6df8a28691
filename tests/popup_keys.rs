//! Key-sequence tests on popups: every line of every popup reachable with
//! j alone, scrolling that stops at the end, links that follow the fields,
//! q going back, search inside a popup, the mouse, and the topic picker.

mod support;

use briefing::app::{Action, App, Mode, Pane, Popup, Target};
use support::{alaska, press};

/// The text of every line of the top popup's document, trimmed.
fn document_lines(app: &App) -> Vec<String> {
    let popup = app.popups().last().expect("a popup");
    let doc = app.popup_document(popup).expect("a document");
    (0..doc.len())
        .map(|i| {
            let line = doc.line(i);
            let text: String = line.segs.iter().map(|s| s.text.as_str()).collect();
            text.trim().to_string()
        })
        .collect()
}

/// The top popup's view height and its document's length.
fn heights(app: &App) -> (usize, usize) {
    let popup = app.popups().last().expect("a popup");
    let doc = app.popup_document(popup).expect("a document");
    let rects = app.popup_rects(popup, &doc);
    (usize::from(rects.body.height), doc.len())
}

fn scroll(app: &App) -> usize {
    app.popups().last().expect("a popup").scroll()
}

fn link(app: &App) -> usize {
    app.popups()
        .last()
        .and_then(Popup::view)
        .expect("a view")
        .link
}

/// Presses `key` until the screen stops changing; every line of the
/// document must have been on screen on the way.
fn assert_every_line_reached(app: &mut App, key: &str, width: u16, height: u16, what: &str) {
    let lines = document_lines(app);
    let mut seen = String::new();
    let state = |app: &App| app.popups().last().and_then(Popup::view).cloned();
    for _ in 0..(lines.len() * 2 + 10) {
        seen.push_str(&support::screen(app, "", width, height));
        let before = state(app);
        press(app, key);
        if state(app) == before {
            break;
        }
    }
    for line in lines.iter().filter(|l| !l.is_empty()) {
        // Each line's words, in order, on one screen row.
        let words: Vec<&str> = line.split_whitespace().collect();
        let found = seen.lines().any(|row| {
            let mut at = 0;
            words.iter().all(|w| match row[at..].find(w) {
                Some(i) => {
                    at += i + w.len();
                    true
                }
                None => false,
            })
        });
        assert!(found, "{what} at {width}x{height}: {line:?} never shown");
    }
}

/// Keys opening each kind of detail view.
const DETAILS: [(&str, &str); 4] = [
    ("quote", "3jjjjjjjj<Enter>"),
    ("event", "1jj<Enter>"),
    ("speaker", "2<Enter>"),
    ("disagreement", "4jjjj<Enter>"),
];

#[test]
fn every_line_of_every_detail_is_reached_with_j_alone() {
    for (width, height) in [(80, 24), (60, 20), (40, 12)] {
        for (what, keys) in DETAILS {
            let mut app = alaska();
            app.update(Action::Resize(width, height));
            press(&mut app, keys);
            assert!(matches!(app.popups(), [Popup::Detail { .. }]), "{what}");
            assert_every_line_reached(&mut app, "j", width, height, what);
        }
    }
}

#[test]
fn every_line_of_help_overview_and_lists_is_reached() {
    for (width, height) in [(80, 24), (60, 20), (40, 12)] {
        for (what, keys) in [
            ("help", "?"),
            ("overview", "i"),
            ("briefings", "b"),
            ("topics", "t"),
        ] {
            for key in ["j", "<C-d>", "<PageDown>"] {
                if what == "topics" && key != "j" {
                    continue;
                }
                let mut app = alaska();
                app.update(Action::Resize(width, height));
                press(&mut app, keys);
                assert_every_line_reached(&mut app, key, width, height, what);
            }
        }
    }
}

#[test]
fn the_zelensky_quote_is_whole_at_80x24_and_60x20() {
    for (width, height) in [(80, 24), (60, 20)] {
        let mut app = alaska();
        app.update(Action::Resize(width, height));
        press(&mut app, "3jjjjjjjj<Enter>");
        let Some(Popup::Detail {
            target: Target::Quote(q),
            ..
        }) = app.popups().last().cloned()
        else {
            panic!()
        };
        assert!(app.briefing().speaker_of(q).name.contains("Zelensky"));
        // The citation's end and the context are reachable, then the links.
        let mut seen = String::new();
        for _ in 0..40 {
            seen.push_str(&support::screen(&mut app, "j", width, height));
        }
        assert!(seen.contains("(Ukraine), 2025-08-17") || seen.contains("08-17"));
        assert!(seen.contains("Context"), "{width}x{height}");
        assert!(seen.contains("Citation"), "{width}x{height}");
        assert!(seen.contains("Links"), "{width}x{height}");
    }
}

#[test]
fn scrolling_stops_at_the_end_and_one_key_comes_back() {
    for keys in ["?", "i", "3jjjjjjjj<Enter>", "4jjjj<Enter>"] {
        let mut app = alaska();
        app.update(Action::Resize(60, 20));
        press(&mut app, keys);
        let (height, len) = heights(&app);
        assert!(len > height, "{keys}: the popup overflows at 60x20");
        press(&mut app, &"j".repeat(len + 20));
        assert_eq!(scroll(&app), len - height, "{keys}: j stops at the end");
        press(&mut app, "G<C-d><PageDown>");
        assert_eq!(scroll(&app), len - height, "{keys}");
        press(&mut app, "g");
        assert_eq!(scroll(&app), 0);
        press(&mut app, "G<C-u>");
        assert_eq!(scroll(&app), len - height - height / 2, "{keys}");
        // Each PageUp goes up a page, and the last one stops at the top.
        while scroll(&app) > 0 {
            let before = scroll(&app);
            press(&mut app, "<PageUp>");
            assert_eq!(scroll(&app), before.saturating_sub(height), "{keys}");
        }
    }
}

#[test]
fn j_moves_between_links_when_they_are_in_view() {
    // At 120x40 a quote's detail fits: j moves from link to link.
    let mut app = alaska();
    press(&mut app, "3jjjjjjjj<Enter>");
    let (height, len) = heights(&app);
    assert!(len <= height);
    assert_eq!(link(&app), 0);
    press(&mut app, "j");
    assert_eq!(link(&app), 1);
    assert_eq!(scroll(&app), 0);
    press(&mut app, "k");
    assert_eq!(link(&app), 0);
    // The first link is the source, the third a disagreement: Enter follows it.
    press(&mut app, "jj<Enter>");
    assert!(matches!(
        app.popups().last(),
        Some(Popup::Detail {
            target: Target::Disagreement(_),
            ..
        })
    ));
}

#[test]
fn a_detail_is_as_tall_as_its_content() {
    let mut app = alaska();
    app.update(Action::Resize(200, 60));
    press(&mut app, "3jjjjjjjj<Enter>");
    let popup = app.popups().last().unwrap();
    let doc = app.popup_document(popup).unwrap();
    let rects = app.popup_rects(popup, &doc);
    assert_eq!(usize::from(rects.outer.height), doc.len() + 2);
    assert!(rects.outer.height < 30, "{rects:?}");
    // The links come right after the fields.
    let lines = document_lines(&app);
    let provenance = lines
        .iter()
        .position(|l| l.starts_with("Provenance"))
        .unwrap();
    let links = lines.iter().position(|l| l.starts_with("Links")).unwrap();
    assert!(links > provenance && links - provenance < 5, "{lines:#?}");
}

#[test]
fn disagreement_positions_side_by_side_when_wide_and_stacked_when_narrow() {
    let rule = |app: &App| document_lines(app).iter().any(|l| l.contains(" │ "));
    let mut app = alaska();
    app.update(Action::Resize(200, 60));
    press(&mut app, "4<Enter>");
    assert!(rule(&app), "side by side at 200 columns");
    let lines = document_lines(&app);
    let row = lines
        .iter()
        .find(|l| l.contains("Steve Witkoff") && l.contains("Marco Rubio"))
        .expect("both parties on one row");
    assert!(row.contains(" │ "));
    for (w, h) in [(60, 20), (40, 12)] {
        app.update(Action::Resize(w, h));
        assert!(!rule(&app), "stacked at {w} columns");
    }
}

#[test]
fn q_goes_back_one_level_and_quits_only_from_the_main_screen() {
    let mut app = alaska();
    press(&mut app, "3j<Enter><Enter>");
    assert_eq!(app.popups().len(), 2);
    press(&mut app, "q");
    assert_eq!(app.popups().len(), 1);
    press(&mut app, "q");
    assert!(app.popups().is_empty());
    assert!(!app.should_quit());
    for keys in ["?q", "iq", "bq", "tq"] {
        let mut app = alaska();
        press(&mut app, keys);
        assert!(app.popups().is_empty(), "{keys}");
        assert!(!app.should_quit(), "{keys}");
    }
    press(&mut app, "q");
    assert!(app.should_quit());
    // Ctrl-c quits from anywhere, even while typing a search in a popup.
    for keys in ["3<Enter><C-c>", "t<C-c>", "?/abc<C-c>"] {
        let mut app = alaska();
        press(&mut app, keys);
        assert!(app.should_quit(), "{keys}");
    }
}

#[test]
fn slash_searches_inside_a_popup() {
    let mut app = alaska();
    app.update(Action::Resize(80, 24));
    press(&mut app, "?/");
    assert_eq!(app.mode(), Mode::Search);
    press(&mut app, "search");
    let f = |app: &App| {
        app.popups()
            .last()
            .and_then(Popup::view)
            .and_then(|v| v.find.clone())
            .expect("a search")
    };
    assert!(f(&app).count >= 2, "{:?}", f(&app));
    // The count shows while typing, on the popup's last line.
    let screen = support::screen(&mut app, "", 80, 24);
    assert!(
        screen.contains(&format!("[1/{}]", f(&app).count)),
        "{screen}"
    );
    // Enter keeps it; n and N step, round the end.
    press(&mut app, "<Enter>");
    assert_eq!(app.mode(), Mode::Popup);
    assert!(!f(&app).editing);
    press(&mut app, "n");
    assert_eq!(f(&app).current, 1);
    press(&mut app, "NN");
    assert_eq!(f(&app).current, f(&app).count - 1);
    assert!(app.message().unwrap().contains("wrapped"));
    // The view scrolled to the match.
    let screen = support::screen(&mut app, "", 80, 24);
    assert!(
        screen.contains(&format!("[{0}/{0}]", f(&app).count)),
        "{screen}"
    );
    // Esc clears the search, a second Esc closes the popup.
    press(&mut app, "<Esc>");
    assert!(app.popups().last().unwrap().view().unwrap().find.is_none());
    assert_eq!(app.popups().len(), 1);
    press(&mut app, "<Esc>");
    assert!(app.popups().is_empty());

    // No match says so; in a detail view too; Esc while typing restores the view.
    let mut app = alaska();
    app.update(Action::Resize(60, 20));
    press(&mut app, "4jjjj<Enter>jjj/zzzz");
    let screen = support::screen(&mut app, "", 60, 20);
    assert!(screen.contains("no match"), "{screen}");
    let before = scroll(&app);
    press(
        &mut app,
        "<Backspace><Backspace><Backspace><Backspace>Zelensky",
    );
    assert!(f(&app).count > 0);
    press(&mut app, "<Esc>");
    assert_eq!(scroll(&app), before);
    assert_eq!(app.mode(), Mode::Popup);
    // A search in the overview jumps to a line further down.
    let mut app = alaska();
    app.update(Action::Resize(60, 20));
    press(&mut app, "i/sources");
    assert!(scroll(&app) > 0, "the view scrolled to the match");
}

#[test]
fn overview_sources_one_bullet_each_urls_whole_under_it() {
    for width in [200, 80, 60, 40] {
        let mut app = alaska();
        app.update(Action::Resize(width, 24));
        press(&mut app, "i");
        let lines = document_lines(&app);
        let start = lines.iter().position(|l| l == "Sources").unwrap() + 1;
        let end = start + lines[start..].iter().position(|l| l.is_empty()).unwrap();
        let sources = &app.briefing().sources;
        let bullets = lines[start..end]
            .iter()
            .filter(|l| l.starts_with('•'))
            .count();
        assert_eq!(bullets, sources.len(), "{width}: {:#?}", &lines[start..end]);
        // Each URL, rejoined from its lines, sits under its own bullet.
        let mut at = start;
        for s in sources {
            let Some(url) = &s.url else { continue };
            let under: String = lines[at..end]
                .iter()
                .skip(1)
                .take_while(|l| !l.starts_with('•'))
                .map(|l| l.trim())
                .collect();
            assert!(under.contains(url.as_str()), "{width}: {url} in {under:?}");
            at += 1 + lines[at + 1..end]
                .iter()
                .position(|l| l.starts_with('•'))
                .unwrap_or(end - at - 1);
        }
    }
}

#[test]
fn topic_picker_cursor_enter_and_t() {
    let mut app = alaska();
    // The cursor is marked without colour.
    let screen = support::screen(&mut app, "tj", 120, 40);
    let marked: Vec<&str> = screen.lines().filter(|l| l.contains("> [ ]")).collect();
    assert_eq!(marked.len(), 1, "{screen}");
    // Enter with nothing ticked applies the highlighted topic.
    press(&mut app, "<Enter>");
    assert!(app.popups().is_empty());
    assert_eq!(app.topics().iter().copied().collect::<Vec<_>>(), vec![1]);
    // t in the picker applies the ticks instead of throwing them away.
    press(&mut app, "Tt<Space>jj<Space>t");
    assert!(app.popups().is_empty());
    assert_eq!(app.topics().iter().copied().collect::<Vec<_>>(), vec![0, 2]);
    // t twice with nothing changed leaves the filter as it was.
    press(&mut app, "tt");
    assert_eq!(app.topics().len(), 2);
    // Esc and q still cancel.
    press(&mut app, "t<Space>q");
    assert_eq!(app.topics().len(), 2);
    // Taking every tick off and pressing Enter clears the filter.
    press(&mut app, "t<Space>jj<Space><Enter>");
    assert!(app.topics().is_empty(), "{:?}", app.topics());
}

#[test]
fn a_filter_that_empties_a_pane_says_so() {
    let mut app = alaska();
    let b = app.briefing().clone();
    // A topic with no event and no disagreement, if the briefing has one.
    let empties = (0..b.topics.len()).find(|&t| {
        let id = &b.topics[t].id;
        !b.events.iter().any(|e| e.topics.contains(id))
    });
    let t = empties.expect("the bundled briefing has a topic without events");
    press(&mut app, &format!("t{}<Enter>", "j".repeat(t)));
    assert_eq!(app.rows().len(Pane::Timeline), 0);
    let message = app.message().expect("a message");
    assert!(message.contains("no timeline"), "{message}");
}

#[test]
fn the_mouse_scrolls_the_popup_under_it_and_clicks_follow_links() {
    let mut app = alaska();
    app.update(Action::Resize(60, 20));
    press(&mut app, "i");
    let popup = app.popups().last().unwrap();
    let doc = app.popup_document(popup).unwrap();
    let rects = app.popup_rects(popup, &doc);
    drop(doc);
    app.update(Action::Scroll(rects.body.x + 2, rects.body.y + 2, 1));
    assert_eq!(scroll(&app), 3);
    app.update(Action::Scroll(rects.body.x + 2, rects.body.y + 2, -1));
    assert_eq!(scroll(&app), 0);
    // A click on a link of a detail follows it.
    let mut app = alaska();
    press(&mut app, "3jjjjjjjj<Enter>");
    let popup = app.popups().last().unwrap().clone();
    let doc = app.popup_document(&popup).unwrap();
    let rects = app.popup_rects(&popup, &doc);
    let line = doc.link_lines(2).start;
    drop(doc);
    app.update(Action::Click(rects.body.x + 3, rects.body.y + line as u16));
    assert!(matches!(
        app.popups(),
        [
            _,
            Popup::Detail {
                target: Target::Disagreement(_),
                ..
            }
        ]
    ));
    // A click on a briefing in the list opens it.
    let mut app = alaska();
    press(&mut app, "3jjb");
    let popup = app.popups().last().unwrap().clone();
    let doc = app.popup_document(&popup).unwrap();
    let rects = app.popup_rects(&popup, &doc);
    drop(doc);
    app.update(Action::Click(rects.body.x + 3, rects.body.y));
    assert!(app.popups().is_empty());
    assert_eq!(app.list(Pane::Quotes).selected, 0, "a fresh view");
}

#[test]
fn a_resize_keeps_the_selected_link_in_view() {
    let mut app = alaska();
    app.update(Action::Resize(200, 60));
    press(&mut app, "2<Enter>G");
    let last = link(&app);
    assert!(last > 0);
    for (w, h) in [(60, 20), (40, 12), (80, 24)] {
        app.update(Action::Resize(w, h));
        let popup = app.popups().last().unwrap();
        let doc = app.popup_document(popup).unwrap();
        let height = usize::from(app.popup_rects(popup, &doc).body.height);
        assert!(popup.view().unwrap().link_visible(&doc, height), "{w}x{h}");
        assert_eq!(link(&app), last);
    }
}

#[test]
fn a_resize_keeps_the_same_text_in_view() {
    let mut app = alaska();
    app.update(Action::Resize(60, 20));
    press(&mut app, "i<C-d><C-d>");
    let top = document_lines(&app)[scroll(&app)].clone();
    let word = top.split_whitespace().last().unwrap().to_string();
    for (w, h) in [(80, 24), (120, 40), (60, 20)] {
        app.update(Action::Resize(w, h));
        let screen = support::screen(&mut app, "", w, h);
        assert!(screen.contains(&word), "{w}x{h}: {word:?} not in\n{screen}");
    }
    // Narrower, the text is longer: the view keeps its share of it.
    app.update(Action::Resize(45, 14));
    assert!(scroll(&app) > 0);
}

// The source view (`c`).

use briefing::app::Effect;
use briefing::app::source_view::{Shown, SourceView};
use briefing::model::Briefing;
use support::{alaska_proven, alaska_without_copy, app_with, prove_by_hand};

/// The source view on top, if it is.
fn source_view(app: &App) -> &SourceView {
    match app.popups().last() {
        Some(Popup::Source(view)) => view,
        other => panic!("not the source view: {other:?}"),
    }
}

/// The text of the rows the source view shows.
fn source_rows(app: &App) -> Vec<String> {
    let view = source_view(app);
    let text = view.text(app.briefing());
    let screen = app.screen();
    let height = usize::from(view.rects_for(app.briefing(), screen).body.height);
    let width = SourceView::width(screen);
    let top = view.segments.clamp(text, view.top, width, height);
    (view.segments.visible(text, top, width, height).into_iter())
        .map(|r| text[r].to_string())
        .collect()
}

/// The quote selected in the Quotes pane.
fn selected_quote(app: &App) -> usize {
    match app.selected_target(Pane::Quotes) {
        Some(Target::Quote(q)) => q,
        other => panic!("{other:?}"),
    }
}

#[test]
fn c_in_the_quotes_pane_shows_the_quote_in_its_source() {
    for (w, h) in [(120, 40), (80, 24), (60, 20)] {
        let mut app = alaska_proven();
        app.update(Action::Resize(w, h));
        press(&mut app, "3j");
        let q = selected_quote(&app);
        press(&mut app, "c");
        let view = source_view(&app);
        assert_eq!(view.quote(), Some(q));
        let said = format!(
            "quote {} of {}",
            view.current.unwrap() + 1,
            view.marks.len()
        );
        let at = view.highlight().expect("the quote is highlighted");
        let text = view.text(app.briefing());
        assert_eq!(&text[at.clone()], app.briefing().quotes[q].text.trim());
        // Scrolled to it: its first words are on screen.
        let rows = source_rows(&app).join("");
        let first: String = text[at].chars().take(20).collect();
        assert!(rows.contains(&first), "{w}x{h}: {rows}");
        assert_eq!(app.message(), Some(said.as_str()));
        // Esc and q go back to the panes.
        press(&mut app, "<Esc>");
        assert!(app.popups().is_empty());
        press(&mut app, "cq");
        assert!(app.popups().is_empty());
        assert_eq!(app.mode(), Mode::Panes);
    }
}

#[test]
fn a_quotes_detail_links_to_its_source_view_first() {
    let mut app = alaska_proven();
    press(&mut app, "3j<Enter>");
    let q = selected_quote(&app);
    let lines = document_lines(&app);
    let source = lines.iter().position(|l| l.starts_with("source")).unwrap();
    assert!(
        lines[source].ends_with("view in context: alaska-summit-2025-08-17.txt, 2025-08-17"),
        "{lines:#?}"
    );
    assert!(lines[source - 1].starts_with("Links"), "{lines:#?}");
    assert_eq!(link(&app), 0);
    press(&mut app, "<Enter>");
    assert_eq!(source_view(&app).quote(), Some(q));
    assert_eq!(app.popups().len(), 2);
    // Back to the detail, where c opens it too.
    press(&mut app, "q");
    assert!(matches!(app.popups(), [Popup::Detail { .. }]));
    press(&mut app, "c");
    assert_eq!(source_view(&app).quote(), Some(q));
    press(&mut app, "<Esc>");
    assert!(matches!(app.popups(), [Popup::Detail { .. }]));
}

#[test]
fn n_and_shift_n_move_between_the_quotes_of_the_source_and_wrap() {
    let mut app = alaska_proven();
    press(&mut app, "3jc");
    let count = source_view(&app).marks.len();
    let b = app.briefing();
    let placed = (0..b.quotes.len())
        .filter(|&q| b.provenance.quotes[q].place().is_some())
        .count();
    assert_eq!(count, placed, "every quote placed in the article is marked");
    assert!(count >= 14, "at least the 14 direct quotes");
    // N back past the first wraps to the last.
    let opened = source_view(&app).current.unwrap();
    press(&mut app, &"N".repeat(opened + 1));
    assert_eq!(
        app.message(),
        Some(format!("quote {count} of {count}").as_str())
    );
    let view = source_view(&app);
    let at = view.highlight().unwrap();
    let first: String = view.text(app.briefing())[at].chars().take(15).collect();
    let rows = source_rows(&app).join("");
    assert!(rows.contains(&first), "{rows}");
    press(&mut app, "n");
    assert_eq!(app.message(), Some(format!("quote 1 of {count}").as_str()));
    press(&mut app, "nn");
    assert_eq!(app.message(), Some(format!("quote 3 of {count}").as_str()));
    // In text order: each next quote starts later in the source.
    let view = source_view(&app);
    assert!(
        view.marks
            .windows(2)
            .all(|w| w[0].at.start <= w[1].at.start)
    );
    // Enter opens the detail of the quote shown.
    let shown = view.quote().unwrap();
    press(&mut app, "<Enter>");
    assert!(matches!(
        app.popups().last(),
        Some(Popup::Detail { target: Target::Quote(q), .. }) if *q == shown
    ));
}

#[test]
fn the_source_view_scrolls_to_both_ends_and_no_further() {
    let mut app = alaska_proven();
    app.update(Action::Resize(60, 20));
    press(&mut app, "3jcg");
    let first = source_rows(&app);
    assert!(
        first[0].trim_start().starts_with("date 2025-08-17"),
        "{first:?}"
    );
    press(&mut app, "k");
    assert_eq!(source_rows(&app), first);
    press(&mut app, "G");
    let last = source_rows(&app);
    press(&mut app, "j<ctrl-d><PageDown>");
    assert_eq!(source_rows(&app), last);
    assert_eq!(
        last.len(),
        usize::from(SourceView::rects(app.screen()).body.height)
    );
    let article = support::alaska_article();
    let end = article.trim_end().lines().last().unwrap();
    assert!(last.join("").contains(end.trim()), "{last:?}");
}

#[test]
fn without_an_archived_copy_the_source_view_says_what_is_known() {
    let mut app = alaska_without_copy();
    press(&mut app, "3jc");
    let view = source_view(&app);
    assert!(matches!(view.shown, Shown::Page(_)));
    let page = view.text(app.briefing()).to_string();
    for expected in [
        "The archived copy alaska-summit-2025-08-17.txt is not available here",
        "--sources DIR",
        "Published: 2025-08-17",
        "SHA-256: b14e93439d9ad915970588bbf006d1672acdb0f7fba06d12e8f21674d62bdd44",
        "Language: en",
        "from this source, in its context",
    ] {
        assert!(page.contains(expected), "{expected}: {page}");
    }
    let q = selected_quote(&app);
    let at = view.highlight().unwrap();
    assert_eq!(
        &page[at],
        format!("“{}”", app.briefing().quotes[q].text.trim())
    );
    // The detail spells out why it is not verified.
    press(&mut app, "<Esc><Enter>");
    let lines = document_lines(&app).join(" ");
    assert!(
        lines.contains("○ Not verified: the archived copy alaska-summit-2025-08-17.txt is not"),
        "{lines}"
    );
}

/// A briefing with a source that has a URL and an archived copy, one
/// without a URL, and a quote that names no source.
fn sourced() -> App {
    let text = r#"format = 1
[briefing]
id = "t"
title = "T"
as_of = 2025-01-02
summary = "S"

[[sources]]
id = "paper"
outlet = "The Paper"
published = 2025-01-02
url = "https://example.com/story"
archived = "story.txt"

[[sources]]
id = "notes"
title = "Notes"

[[speakers]]
id = "a"
name = "Ann"
role = "Mayor"

[[speakers]]
id = "town"
name = "Townsville"
kind = "government"

[[quotes]]
id = "q1"
speaker = "a"
text = "We will build the bridge, and soon"
at = 2025-01-02
source = "paper"

[[quotes]]
id = "q2"
speaker = "town"
text = "The budget is set"
at = 2025-01-02
source = "notes"

[[quotes]]
id = "q3"
speaker = "a"
text = "No source for this one"
at = 2025-01-02

[[disagreements]]
id = "d"
title = "Who pays?"
kind = "question"
status = "open"
summary = "The story asks who pays."

[[disagreements.positions]]
speaker = "a"
stance = "The state should."
quotes = ["q1"]
"#;
    let mut b = Briefing::parse(std::path::Path::new("t.toml"), text).expect("valid");
    prove_by_hand(
        &mut b,
        "The mayor spoke.\n“We will build the bridge, and soon,” she said.\n",
    );
    app_with(vec![b], Vec::new())
}

#[test]
fn o_points_at_the_quote_in_its_source_with_a_text_fragment() {
    let mut app = sourced();
    let url = "https://example.com/story#:~:text=We%20will%20build%20the%20bridge%2C%20and%20soon";
    assert_eq!(press(&mut app, "3o"), [Effect::Open(url.into())]);
    // From the quote's detail and from the source view too.
    assert_eq!(press(&mut app, "<Enter>o"), [Effect::Open(url.into())]);
    assert_eq!(press(&mut app, "<Esc>co"), [Effect::Open(url.into())]);
    // A source without a URL says so.
    press(&mut app, "<Esc>j");
    assert!(press(&mut app, "o").is_empty());
    assert_eq!(app.message(), Some("no URL for this source: Notes"));
    // A quote without a source opens the briefing's first URL.
    press(&mut app, "j");
    assert_eq!(
        press(&mut app, "o"),
        [Effect::Open("https://example.com/story".into())]
    );
    press(&mut app, "c");
    assert_eq!(app.message(), Some("this quote names no source"));
    assert!(app.popups().is_empty());
    // Outside the Quotes pane there is no quote to view.
    press(&mut app, "1c");
    assert!(
        app.message().unwrap().contains("select a quote"),
        "{:?}",
        app.message()
    );
}

#[test]
fn the_copied_citation_names_the_source() {
    let mut app = sourced();
    let copied = press(&mut app, "3yc");
    assert_eq!(
        copied,
        [Effect::Copy(
            "“We will build the bridge, and soon” — Ann, Mayor, 2025-01-02; \
             source: The Paper, 2025-01-02, https://example.com/story"
                .into()
        )]
    );
    // A government with no role: no dangling comma.
    let copied = press(&mut app, "jyc");
    assert_eq!(
        copied,
        [Effect::Copy(
            "“The budget is set” — Townsville, 2025-01-02; source: Notes".into()
        )]
    );
}

#[test]
fn verification_marks_and_kinds_are_spelled_out() {
    let mut app = sourced();
    let screen = support::screen(&mut app, "3", 120, 40);
    // Verified, not verified (no copy: the source names none), no source.
    for mark in ["✓ — Ann", "○ — Townsville", "○ — Ann"] {
        assert!(screen.contains(mark), "{mark}:\n{screen}");
    }
    assert!(screen.contains("Townsville 1 quote"), "{screen}");
    assert!(screen.contains("government"), "{screen}");
    assert!(screen.contains("OPEN question: Who pays?"), "{screen}");
    press(&mut app, "<Enter>");
    let lines = document_lines(&app).join("\n");
    assert!(
        lines.contains("✓ Verified verbatim in story.txt, line 2, column 2"),
        "{lines}"
    );
    press(&mut app, "<Esc>j<Enter>");
    let lines = document_lines(&app).join("\n");
    assert!(
        lines.contains("Speaker       Townsville · government\n"),
        "{lines}"
    );
    assert!(
        lines.contains("Not verified: its source names no archived copy"),
        "{lines}"
    );
    press(&mut app, "<Esc>4<Enter>");
    assert_eq!(
        app.popup_document(app.popups().last().unwrap())
            .unwrap()
            .title,
        "Open question"
    );
    let lines = document_lines(&app);
    assert!(
        lines.iter().any(|l| l == "What each party said"),
        "{lines:#?}"
    );
    assert!(!lines.iter().any(|l| l == "Positions"), "{lines:#?}");
    assert!(
        lines.iter().any(|l| l.starts_with("✓ “We will build")),
        "{lines:#?}"
    );
}

#[test]
fn a_five_megabyte_source_stays_fast() {
    use std::time::{Duration, Instant};
    let para = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod \
                tempor incididunt ut labore et dolore magna aliqua.\n";
    let mut text = para.repeat(2_000_000 / para.len());
    text.push_str("“We will build the bridge, and soon,” she said.\n");
    // A line of a megabyte with no break in it.
    text.push_str(&"word ".repeat(200_000));
    text.push('\n');
    text.push_str(&para.repeat(2_000_000 / para.len()));
    text.push_str("The budget is set\n");
    assert!(text.len() > 5_000_000);
    let mut b = sourced().briefing().clone();
    b.quotes[1].source = Some("paper".into());
    prove_by_hand(&mut b, &text);
    let mut app = app_with(vec![b], Vec::new());
    app.update(Action::Resize(80, 24));
    let theme = support::theme(true);
    let ctx = briefing::ui::Context { theme: &theme };
    let mut slowest = Duration::ZERO;
    let start = Instant::now();
    for keys in [
        "3c",
        "n",
        "N",
        "G",
        "g",
        "<PageDown>",
        "j",
        "<ctrl-d>",
        "n",
        "G",
        "k",
        "<PageUp>",
    ]
    .into_iter()
    .chain(std::iter::repeat_n("<PageDown>", 30))
    {
        let t = Instant::now();
        press(&mut app, keys);
        briefing::headless::draw(&app, &ctx, 80, 24);
        slowest = slowest.max(t.elapsed());
    }
    assert_eq!(source_view(&app).marks.len(), 2);
    let total = start.elapsed();
    // Opening reads the text once; a key and a frame cost what is on screen.
    assert!(total < Duration::from_secs(3), "{total:?}");
    assert!(slowest < Duration::from_millis(400), "{slowest:?}");
    eprintln!("5 MB source: {total:?} in all, slowest key and frame {slowest:?}");
}

#[test]
fn a_hundred_thousand_quotes_from_one_source_stay_fast() {
    use briefing::model::Source;
    use briefing::model::provenance::{Archive, ArchiveState, Proof};
    use std::time::{Duration, Instant};
    let n = 100_000;
    let toml = support::generate::one_speaker_many_quotes(n);
    let mut b = Briefing::parse(std::path::Path::new("scale.toml"), &toml).expect("valid");
    b.sources.push(Source {
        id: "s".into(),
        archived: Some("s.txt".into()),
        ..Source::default()
    });
    let mut text = String::new();
    let mut proofs = Vec::with_capacity(n);
    for q in &mut b.quotes {
        q.source = Some("s".into());
        let at = text.len();
        text.push_str(q.text.trim());
        proofs.push(Proof::Verbatim {
            at: at..text.len(),
            occurrences: 1,
        });
        text.push('\n');
    }
    b.provenance.quotes = proofs;
    b.provenance.archives = vec![ArchiveState::Found(Archive {
        path: "s.txt".into(),
        text,
    })];
    let mut app = app_with(vec![b], Vec::new());
    app.update(Action::Resize(80, 24));
    let theme = support::theme(true);
    let ctx = briefing::ui::Context { theme: &theme };
    let mut slowest = Duration::ZERO;
    let start = Instant::now();
    for keys in [
        "3",
        "G",
        "c",
        "n",
        "n",
        "N",
        "G",
        "g",
        "<Esc>",
        "2<Enter>",
        "G",
        "<Esc><Esc>",
    ] {
        let t = Instant::now();
        press(&mut app, keys);
        briefing::headless::draw(&app, &ctx, 80, 24);
        slowest = slowest.max(t.elapsed());
    }
    let total = start.elapsed();
    assert!(total < Duration::from_secs(5), "{total:?}");
    assert!(slowest < Duration::from_secs(1), "{slowest:?}");
    eprintln!("100,000 quotes: {total:?} in all, slowest key and frame {slowest:?}");
}

#[test]
fn slash_searches_the_source_view_and_n_moves_between_matches() {
    let mut app = alaska_proven();
    app.update(Action::Resize(60, 20));
    press(&mut app, "3jc");
    press(&mut app, "/");
    assert_eq!(app.mode(), Mode::Search);
    press(&mut app, "security");
    let hit = |app: &App| {
        let view = source_view(app);
        let h = view
            .find
            .as_ref()
            .and_then(|f| f.hit.clone())
            .expect("a match");
        (h.start, view.text(app.briefing())[h].to_string())
    };
    let (first, word) = hit(&app);
    assert_eq!(word.to_lowercase(), "security");
    assert!(source_rows(&app).join("").contains(&word));
    // Enter keeps the search; n and N move between its matches, wrapping.
    press(&mut app, "<Enter>");
    assert_eq!(app.mode(), Mode::Popup);
    press(&mut app, "n");
    let (second, _) = hit(&app);
    assert_ne!(second, first);
    press(&mut app, "N");
    assert_eq!(hit(&app).0, first);
    // Esc clears the search; n moves between the quotes again.
    press(&mut app, "<Esc>");
    assert!(source_view(&app).find.is_none());
    assert!(matches!(app.popups().last(), Some(Popup::Source(_))));
    press(&mut app, "n");
    assert!(
        app.message().unwrap().starts_with("quote "),
        "{:?}",
        app.message()
    );
    // A query found nowhere says so and leaves the view where it was.
    // (Leaving the view selected the quote n moved to: c opens on it.)
    press(&mut app, "<Esc>c");
    let opened = source_view(&app).clone();
    press(&mut app, "/qqqzzz");
    assert_eq!(app.message(), Some("no match for qqqzzz"));
    assert_eq!(source_view(&app).top, opened.top);
    let screen = support::screen(&mut app, "", 60, 20);
    assert!(screen.contains("/qqqzzz▏  no match"), "{screen}");
    // Esc while typing goes back to where the search began.
    press(&mut app, "<Esc>");
    assert!(source_view(&app).find.is_none());
    assert_eq!(source_view(&app).top, opened.top);
}

#[test]
fn a_resize_keeps_the_source_view_on_the_same_text() {
    let mut app = alaska_proven();
    app.update(Action::Resize(60, 20));
    press(&mut app, "3jcjjjjjjj");
    let mut top = source_rows(&app)[0].clone();
    assert!(!top.trim_start().starts_with("date"), "{top:?}");
    for (w, h) in [(80, 24), (70, 20), (60, 20)] {
        app.update(Action::Resize(w, h));
        // The row that held the first words shown is the first row now.
        let rows = source_rows(&app);
        let words: String = top.chars().take(20).collect();
        assert!(
            rows[..2].concat().contains(&words),
            "{w}x{h}: {top:?} then {:?}",
            rows[0]
        );
        top = rows[0].clone();
    }
}

/// A briefing with one direct quote from a source with a URL, verified
/// against `archive`.
fn one_quote(text: &str, selector: &str, archive: &str) -> App {
    let toml = format!(
        r#"format = 1
[briefing]
id = "t"
title = "T"
as_of = 2025-01-02
summary = "S"

[[sources]]
id = "paper"
url = "https://example.com/s"
archived = "s.txt"

[[speakers]]
id = "a"
name = "Ann"
role = "Mayor"

[[quotes]]
id = "q"
speaker = "a"
text = "{text}"
at = 2025-01-02
source = "paper"
{selector}
"#
    );
    let mut b = Briefing::parse(std::path::Path::new("t.toml"), &toml).expect("valid");
    prove_by_hand(&mut b, archive);
    app_with(vec![b], Vec::new())
}

#[test]
fn o_takes_context_from_the_archived_copy_right_next_to_the_passage() {
    // The text occurs twice: the directive needs context, and the
    // briefing's prefix ("she said") is not right before the passage in
    // the copy (an opening quotation mark is between), so a browser would
    // not match it. The words right next to the passage are taken, the
    // quotation marks among them, within the paragraph.
    let archive = "Title\n\nAt noon she said “we will go,” and left.\n\nLater: we will go.";
    let mut app = one_quote("we will go", r#"prefix = "she said""#, archive);
    let proof = &app.briefing().provenance.quotes[0];
    assert!(proof.is_verified(), "{proof:?}");
    let url = "https://example.com/s#:~:text=she%20said%20%E2%80%9C-,\
               we%20will%20go,-%2C%E2%80%9D%20and%20left.";
    assert_eq!(press(&mut app, "3o"), [Effect::Open(url.into())]);
}

#[test]
fn o_adds_no_context_to_a_passage_that_occurs_once() {
    // The briefing's selector names words that are not next to the
    // passage in the copy; the text alone finds the one place.
    let archive = "date 2025-01-02 She said “we will go,” and left.\n";
    let mut app = one_quote(
        "we will go",
        r#"prefix = "date 2025-01-02 She said""#,
        archive,
    );
    assert_eq!(
        press(&mut app, "3o"),
        [Effect::Open(
            "https://example.com/s#:~:text=we%20will%20go".into()
        )]
    );
}

#[test]
fn o_without_the_archived_copy_uses_the_briefings_selector() {
    use briefing::model::provenance::{ArchiveState, Proof};
    let mut app = one_quote("we will go", r#"prefix = "she said""#, "");
    let mut b = app.briefing().clone();
    b.provenance.archives = vec![ArchiveState::NotFound { looked_in: vec![] }];
    b.provenance.quotes = vec![Proof::NoCopy];
    app = app_with(vec![b], Vec::new());
    assert_eq!(
        press(&mut app, "3o"),
        [Effect::Open(
            "https://example.com/s#:~:text=she%20said-,we%20will%20go".into()
        )]
    );
}

#[test]
fn the_kind_line_leaves_what_is_proven_to_the_provenance_line() {
    let mut app = one_quote("we will stay", "", "She said “we will go,” and left.\n");
    press(&mut app, "3<Enter>");
    let lines = document_lines(&app);
    let kind = lines.iter().find(|l| l.starts_with("Kind")).unwrap();
    assert_eq!(kind, "Kind          direct quote");
    let proven = lines.iter().find(|l| l.starts_with("Provenance")).unwrap();
    assert!(proven.contains("✗ Not verbatim"), "{proven}");
}

#[test]
fn helps_legend_says_a_reported_statement_is_not_quoted_word_for_word() {
    let mut app = alaska();
    press(&mut app, "?");
    let lines = document_lines(&app);
    let line = lines.iter().find(|l| l.starts_with("Reported:")).unwrap();
    assert!(
        line.ends_with("a statement reported, not quoted word for word"),
        "{line}"
    );
}

#[test]
fn without_a_copy_n_and_shift_n_move_between_the_sources_quotes() {
    let mut app = alaska_without_copy();
    let b = app.briefing().clone();
    let of_source: Vec<usize> = (0..b.quotes.len())
        .filter(|&q| b.quotes[q].source.as_deref() == Some("alaska-article"))
        .collect();
    let n = of_source.len();
    assert!(n > 3, "{n}");
    press(&mut app, "3jc");
    let opened = source_view(&app).quote().unwrap();
    let k = of_source.iter().position(|&q| q == opened).unwrap();
    let heading = |app: &App| {
        let view = source_view(app);
        view.text(app.briefing())
            .lines()
            .next()
            .unwrap()
            .to_string()
    };
    assert_eq!(
        heading(&app),
        format!("Quote {} of {n} from this source, in its context", k + 1)
    );
    // n: the next quote of the source, in the briefing's order, in its
    // prefix/suffix context.
    press(&mut app, "n");
    let next = of_source[(k + 1) % n];
    assert_eq!(
        app.message(),
        Some(format!("quote {} of {n}", (k + 1) % n + 1).as_str())
    );
    let view = source_view(&app);
    assert_eq!(view.quote(), Some(next));
    let page = view.text(app.briefing()).to_string();
    let at = view.highlight().unwrap();
    assert!(page[at].contains(b.quotes[next].text.trim()), "{page}");
    if let Some(p) = &b.quotes[next].prefix {
        assert!(page.contains(p.trim()), "{page}");
    }
    assert_eq!(
        heading(&app),
        format!(
            "Quote {} of {n} from this source, in its context",
            (k + 1) % n + 1
        )
    );
    // N back twice, wrapping past the first.
    press(&mut app, &"N".repeat(k + 2));
    assert_eq!(source_view(&app).quote(), Some(of_source[n - 1]));
    assert_eq!(app.message(), Some(format!("quote {n} of {n}").as_str()));
    // Enter opens the detail of the quote shown.
    press(&mut app, "<Enter>");
    assert!(matches!(
        app.popups().last(),
        Some(Popup::Detail { target: Target::Quote(q), .. }) if *q == of_source[n - 1]
    ));
}

#[test]
fn without_a_copy_a_long_field_value_wraps_under_its_field() {
    let mut app = alaska_without_copy();
    let screen = support::screen(&mut app, "3cG", 60, 20);
    let sha = "b14e93439d9ad915970588bbf006d1672acdb0f7fba06d12e8f21674d62bdd44";
    let lines: Vec<&str> = screen.lines().collect();
    let label = lines.iter().position(|l| l.contains("SHA-256:")).unwrap();
    // The value's rows are indented under the field, as far as each other.
    let rows: Vec<&str> = lines[label + 1..label + 3]
        .iter()
        .map(|l| l.trim_start_matches('│'))
        .collect();
    assert!(
        rows.iter()
            .all(|r| r.starts_with("     ") && !r.starts_with("      ")),
        "{screen}"
    );
    let value: String = rows
        .iter()
        .map(|r| r.trim().trim_end_matches(['│', '█']).trim())
        .collect();
    assert_eq!(value, sha, "{screen}");
}

#[test]
fn leaving_the_source_view_selects_the_quote_last_shown() {
    let mut app = alaska_proven();
    press(&mut app, "3jc");
    let opened = selected_quote(&app);
    press(&mut app, "nn");
    let shown = source_view(&app).quote().unwrap();
    assert_ne!(shown, opened);
    press(&mut app, "<Esc>");
    assert!(app.popups().is_empty());
    assert_eq!(selected_quote(&app), shown);
    // Without the copy too, and with q.
    let mut app = alaska_without_copy();
    press(&mut app, "3cn");
    let shown = source_view(&app).quote().unwrap();
    press(&mut app, "q");
    assert_eq!(selected_quote(&app), shown);
    // A quote the pane does not list (another speaker's, while one is
    // followed) leaves the selection where it was.
    let mut app = alaska_proven();
    press(&mut app, "2s3");
    let opened = selected_quote(&app);
    let listed = app.rows().quotes.clone();
    assert!(!listed.is_empty() && listed.len() < app.briefing().quotes.len());
    press(&mut app, "c");
    let mut moved = 0;
    while listed.contains(&source_view(&app).quote().unwrap()) && moved < 100 {
        press(&mut app, "n");
        moved += 1;
    }
    assert!(!listed.contains(&source_view(&app).quote().unwrap()));
    press(&mut app, "<Esc>");
    assert_eq!(selected_quote(&app), opened);
    // Back to a quote's detail, not to the panes: the pane is left alone.
    let mut app = alaska_proven();
    press(&mut app, "3<Enter>cn<Esc>");
    assert!(matches!(app.popups(), [Popup::Detail { .. }]));
    press(&mut app, "<Esc>");
    assert_eq!(app.list(Pane::Quotes).selected, 0);
}

#[test]
fn a_copy_whose_digest_differs_is_named_so_in_the_title() {
    let mut app = support::alaska_copy_differs();
    for (w, h) in [(80, 24), (60, 20)] {
        let screen = support::screen(&mut app, "3c", w, h);
        let title = screen.lines().find(|l| l.contains("Source:")).unwrap();
        assert!(title.contains("(copy differs)"), "{screen}");
        assert!(!screen.contains("no copy here"), "{screen}");
        assert!(screen.contains("sha256 differs"), "{screen}");
        press(&mut app, "<Esc>");
    }
}
