//! Search, filter, the whole-briefing results, the jump list and zoom: key
//! sequences on `App`, and screens where they show.

mod support;

use briefing::app::jumps::MAX_JUMPS;
use briefing::app::{Action, Pane, Popup, Target};
use briefing::model::fold::Query;
use briefing::model::search_fields;
use support::{alaska, press, screen};

/// Quotes whose searchable fields match `typed`, counted independently of
/// the app.
fn quotes_matching(typed: &str) -> usize {
    let b = alaska().briefing().clone();
    let q = Query::new(typed);
    (0..b.quotes.len())
        .filter(|&qi| {
            let mut found = false;
            search_fields::quote(&b, qi, &mut |_, t| found |= q.is_in(t));
            found
        })
        .count()
}

fn selected_quote(app: &briefing::app::App) -> usize {
    app.rows().quotes[app.list(Pane::Quotes).selected]
}

#[test]
fn the_count_shows_while_typing_and_stays_after_enter() {
    let mut app = alaska();
    press(&mut app, "3/putin");
    let n = quotes_matching("putin");
    assert!(n > 2);
    assert_eq!(app.match_count(), Some((Some(1), n)));
    let text = screen(&mut app, "", 80, 24);
    assert!(text.contains(&format!("/putin█ [1/{n}]")), "{text}");
    press(&mut app, "<Enter>n");
    assert_eq!(app.match_count(), Some((Some(2), n)));
    let text = screen(&mut app, "", 80, 24);
    assert!(text.contains(&format!("/putin [2/{n}]")), "{text}");
    press(&mut app, "<Esc>");
    assert!(app.search().is_none());
    assert!(!screen(&mut app, "", 80, 24).contains("/putin"));
}

#[test]
fn no_match_shows_at_once() {
    let mut app = alaska();
    let text = screen(&mut app, "3/zzq", 80, 24);
    assert!(text.contains("/zzq█ no match"), "{text}");
    assert_eq!(app.match_count(), Some((None, 0)));
}

#[test]
fn wrapping_says_so_both_ways() {
    let mut app = alaska();
    press(&mut app, "3/putin<Enter>");
    let n = quotes_matching("putin");
    for _ in 1..n {
        press(&mut app, "n");
        assert!(app.message().is_none(), "{:?}", app.message());
    }
    assert_eq!(app.match_count(), Some((Some(n), n)));
    press(&mut app, "n");
    assert_eq!(app.match_count(), Some((Some(1), n)));
    assert!(app.message().unwrap().contains("back to the first"));
    press(&mut app, "N");
    assert_eq!(app.match_count(), Some((Some(n), n)));
    assert!(app.message().unwrap().contains("on to the last"));
}

#[test]
fn smart_case() {
    let mut app = alaska();
    press(&mut app, "3/putin");
    let lower = app.match_count().unwrap().1;
    press(&mut app, "<Esc>/Putin");
    let cased = app.match_count().unwrap().1;
    press(&mut app, "<Esc>/PUTIN");
    let shouted = app.match_count().unwrap().1;
    assert!(lower >= cased && cased > 0, "{lower} {cased}");
    assert_eq!(shouted, 0);
}

#[test]
fn search_inside_a_popup_uses_smart_case_too() {
    let count = |keys: &str| {
        let mut app = alaska();
        press(&mut app, keys);
        app.popups()
            .last()
            .unwrap()
            .view()
            .unwrap()
            .find
            .as_ref()
            .unwrap()
            .count
    };
    let lower = count("?/search");
    let cased = count("?/Search");
    assert!(lower > 0 && cased > 0 && cased < lower, "{lower} {cased}");
    assert_eq!(count("?/SEARCH"), 0);
}

#[test]
fn typographic_folding_finds_curly_quotes_and_dashes() {
    let mut app = alaska();
    let b = app.briefing().clone();
    press(&mut app, "3/trump's");
    assert!(b.quotes[selected_quote(&app)].text.contains("Trump’s"));
    press(&mut app, "<Esc>/'coalition of the willing\" - including");
    assert_eq!(
        app.match_count().map(|c| c.1),
        Some(0),
        "the ” is not there"
    );
    press(&mut app, "<Esc>/'coalition of the willing' - including");
    assert_eq!(app.match_count().map(|c| c.1), Some(1));
    // Highlighting follows: the curly apostrophe is part of the match.
    let text = screen(&mut app, "<Esc>/trump's", 120, 40);
    assert!(text.contains("Trump’s"), "{text}");
    press(&mut app, "<Esc>1/trump-putin");
    assert_eq!(
        app.match_count().map(|c| c.1),
        Some(1),
        "Trump–Putin summit"
    );
}

#[test]
fn search_finds_reporters_aliases_and_places_and_marks_hidden_fields() {
    let mut app = alaska();
    let b = app.briefing().clone();
    // The reporter of a reported statement, as its attribution line shows.
    let reported = b
        .quotes
        .iter()
        .position(|q| q.reported_by.is_some())
        .unwrap();
    let reporter = b
        .speaker(b.quotes[reported].reported_by.as_deref().unwrap())
        .unwrap();
    assert_ne!(b.speaker_of(reported).id, reporter.id);
    let row = app
        .rows()
        .quotes
        .iter()
        .position(|&q| q == reported)
        .unwrap();
    press(&mut app, &format!("3/{}", reporter.name.to_lowercase()));
    assert!(app.search().unwrap().matches.contains(&row));
    assert_eq!(
        app.hidden_match(Pane::Quotes, row),
        None,
        "shown in the row"
    );
    // A speaker's alias is hidden: the row says where it matched.
    press(&mut app, "<Esc><Esc>2/mr putin");
    let putin = app.rows().speakers[app.list(Pane::Speakers).selected];
    assert_eq!(b.speakers[putin].name, "Vladimir Putin");
    let row = app.list(Pane::Speakers).selected;
    assert_eq!(app.hidden_match(Pane::Speakers, row), Some("alias"));
    let text = screen(&mut app, "", 120, 40);
    assert!(text.contains("[alias]"), "{text}");
    // An event's place.
    press(&mut app, "<Esc>1/brussels");
    let e = app.rows().timeline[app.list(Pane::Timeline).selected];
    assert_eq!(b.events[e].place.as_deref(), Some("Brussels"));
}

#[test]
fn filter_narrows_as_you_type_and_esc_clears() {
    let mut app = alaska();
    let all = app.rows().quotes.len();
    press(&mut app, "3&put");
    assert!(app.is_typing());
    assert_eq!(app.rows().quotes.len(), quotes_matching("put"));
    press(&mut app, "in");
    let n = quotes_matching("putin");
    assert_eq!(app.rows().quotes.len(), n);
    assert!(n < all);
    let text = screen(&mut app, "", 80, 24);
    assert!(text.contains(&format!("&putin█ {n} rows")), "{text}");
    press(&mut app, "<Enter>");
    assert!(!app.is_typing());
    let text = screen(&mut app, "", 80, 24);
    assert!(text.lines().next().unwrap().contains("│ &putin"), "{text}");
    let text = screen(&mut app, "1", 120, 40);
    assert!(
        text.lines().next().unwrap().contains("│ Quotes &putin"),
        "{text}"
    );
    press(&mut app, "3<Esc>");
    assert!(app.filter().is_none());
    assert_eq!(app.rows().quotes.len(), all);
}

#[test]
fn filter_works_with_the_followed_speaker_and_topics() {
    let mut app = alaska();
    let b = app.briefing().clone();
    press(&mut app, "3&putin<Enter>");
    let putin_quotes = app.rows().quotes.clone();
    // Follow the selected quote's speaker (a reported statement: the
    // chooser offers who said it first): both narrow the pane.
    press(&mut app, "s<Enter>");
    let s = app.followed().unwrap();
    assert!(
        app.rows()
            .quotes
            .iter()
            .all(|&q| putin_quotes.contains(&q) && b.index.speaker_of_quote[q] == s)
    );
    // Esc: first the filter, then the speaker.
    press(&mut app, "<Esc>");
    assert!(app.filter().is_none() && app.followed().is_some());
    press(&mut app, "<Esc>");
    assert!(app.followed().is_none());
    // Other panes: the timeline by place.
    press(&mut app, "1&alaska<Enter>");
    assert!(!app.rows().timeline.is_empty());
    for &e in &app.rows().timeline {
        let ev = &b.events[e];
        let text = format!("{} {:?} {:?}", ev.title, ev.place, ev.detail).to_lowercase();
        assert!(text.contains("alaska"), "{text}");
    }
    press(&mut app, "<Esc>4&zzq");
    assert!(app.rows().disagreements.is_empty());
    let text = screen(&mut app, "", 120, 40);
    assert!(text.contains("no disagreements"), "{text}");
}

#[test]
fn results_answer_as_you_type_grouped_and_jump() {
    let mut app = alaska();
    press(&mut app, ":witkoff");
    let Some(Popup::Results(r)) = app.popups().last() else {
        panic!("no results popup");
    };
    assert!(r.editing);
    let counts = r.counts();
    assert!(
        counts[0] > 0 && counts[2] > 0,
        "quotes and speakers: {counts:?}"
    );
    // The groups come in order: quotes, events, speakers, disagreements.
    let order: Vec<usize> = r
        .hits
        .iter()
        .map(|t| match t {
            Target::Quote(_) => 0,
            Target::Event(_) => 1,
            Target::Speaker(_) => 2,
            Target::Disagreement(_) => 3,
        })
        .collect();
    assert!(order.is_sorted());
    let text = screen(&mut app, "", 80, 24);
    assert!(
        text.contains("Quotes (") && text.contains("Speakers ("),
        "{text}"
    );
    // A quote matched only in its context says so.
    let text = screen(&mut alaska(), ":article", 120, 40);
    assert!(text.contains("[context]"), "{text}");
    // Enter ends typing; j moves; Enter jumps to the item in its pane.
    press(&mut app, "<Enter>j");
    let Some(Popup::Results(r)) = app.popups().last() else {
        panic!()
    };
    let target = r.hits[1];
    press(&mut app, "<Enter>");
    assert!(app.popups().is_empty());
    assert_eq!(app.focus(), Pane::Quotes);
    assert_eq!(app.selected_target(Pane::Quotes), Some(target));
    // H goes back to where the search began.
    press(&mut app, "H");
    assert_eq!(app.focus(), Pane::Timeline);
}

#[test]
fn a_result_hidden_by_a_filter_clears_it_and_says_so() {
    let mut app = alaska();
    // A text filter that hides every quote, and a topic filter.
    press(&mut app, "tj<Space><Enter>3&zzq<Enter>");
    assert!(app.rows().quotes.is_empty());
    press(&mut app, ":putin<Enter>");
    let Some(Popup::Results(r)) = app.popups().last() else {
        panic!()
    };
    let target = r.hits[0];
    assert!(matches!(target, Target::Quote(_)));
    press(&mut app, "<Enter>");
    assert!(app.filter().is_none() && app.topics().is_empty());
    assert_eq!(app.selected_target(Pane::Quotes), Some(target));
    assert!(app.message().unwrap().contains("filters cleared"));
    press(&mut app, "H");
    assert_eq!(app.topics().len(), 1, "H brings the filters back");
    assert_eq!(app.filter().map(|f| f.query.as_str()), Some("zzq"));
}

#[test]
fn a_result_opened_from_over_a_popup_closes_every_popup() {
    let mut app = alaska();
    press(&mut app, "i:sanc<Enter><Enter>");
    assert!(app.popups().is_empty(), "{:?}", app.popups());
    assert_eq!(app.focus(), Pane::Quotes);
}

#[test]
fn results_popup_esc_and_retyping() {
    let mut app = alaska();
    press(&mut app, ":zzq");
    let text = screen(&mut app, "", 80, 24);
    assert!(text.contains("no match"), "{text}");
    press(&mut app, "q");
    assert!(!app.should_quit(), "q is typed");
    press(&mut app, "<Esc>");
    assert!(app.popups().is_empty(), "Esc closes the results");
    // `:` and `/` in the results start a new query, as `/` in less.
    press(&mut app, ":nato<Enter>:");
    let Some(Popup::Results(r)) = app.popups().last() else {
        panic!()
    };
    assert!(
        r.editing && r.query.is_empty() && r.hits.is_empty(),
        "{r:?}"
    );
    press(&mut app, "<Esc>:rubio<Enter>/abc");
    let Some(Popup::Results(r)) = app.popups().last() else {
        panic!()
    };
    assert!(r.editing && r.query == "abc", "{r:?}");
    let text = screen(&mut app, "", 80, 24);
    assert!(text.contains(":abc█") && !text.contains("rubio"), "{text}");
}

/// The character left of the results popup's right border on each line.
fn popup_right_column(text: &str) -> Vec<char> {
    text.lines()
        .filter_map(|l| {
            let chars: Vec<char> = l.chars().collect();
            let border = chars.iter().rposition(|&c| c == '│')?;
            let first = chars.iter().position(|&c| c == '│')?;
            (border > first + 1).then(|| chars[border - 1])
        })
        .collect()
}

#[test]
fn the_results_popup_shows_a_scrollbar_when_its_list_overflows() {
    for (w, h) in [(80, 24), (60, 20)] {
        let mut app = alaska();
        let text = screen(&mut app, ":the<Enter>", w, h);
        let column = popup_right_column(&text);
        assert!(column.contains(&'█'), "thumb at {w}x{h}:\n{text}");
        assert!(column.contains(&'│'), "track at {w}x{h}:\n{text}");
        // The thumb is at the top, then at the bottom after G.
        let top = column.iter().position(|&c| c == '█').unwrap();
        let text = screen(&mut app, "G", w, h);
        let column = popup_right_column(&text);
        let bottom = column.iter().rposition(|&c| c == '█').unwrap();
        assert!(bottom > top, "{text}");
        assert_eq!(column.last(), Some(&'█'), "{text}");
    }
    // A list that fits has none.
    let text = screen(&mut alaska(), ":alongside<Enter>", 80, 24);
    assert!(!popup_right_column(&text).contains(&'█'), "{text}");
}

#[test]
fn a_hidden_match_mark_shows_on_a_full_row() {
    for (w, h) in [(80, 24), (60, 20)] {
        let mut app = alaska();
        let text = screen(&mut app, "1/alongside", w, h);
        let row = text
            .lines()
            .find(|l| l.contains("Von der Leyen"))
            .unwrap_or_else(|| panic!("{text}"));
        assert!(row.contains("…"), "{row}");
        assert!(row.contains("[detail]"), "{row}");
    }
}

#[test]
fn a_result_line_cut_before_its_match_says_where_it_matched() {
    let mut app = alaska();
    let text = screen(&mut app, ":ready to do its share", 80, 24);
    let line = text
        .lines()
        .find(|l| l.contains("we welcome"))
        .unwrap_or_else(|| panic!("{text}"));
    assert!(!line.contains("its share"), "cut before the match: {line}");
    assert!(line.contains("…") && line.contains("[text]"), "{line}");
    // A match the line shows needs no mark.
    let text = screen(&mut alaska(), ":we welcome", 80, 24);
    assert!(!text.contains("[text]"), "{text}");
}

#[test]
fn a_direct_quote_is_found_with_the_quotation_marks_it_is_drawn_with() {
    for typed in ["\"we welcome", "“we welcome", "share\"", "share”"] {
        let mut app = alaska();
        press(&mut app, &format!("3/{typed}"));
        assert_eq!(app.match_count(), Some((Some(1), 1)), "{typed}");
        let q = selected_quote(&app);
        assert!(app.briefing().quotes[q].text.starts_with("we welcome"));
        assert_eq!(
            app.hidden_match(Pane::Quotes, app.list(Pane::Quotes).selected),
            None
        );
    }
    // Reported statements have no marks: `"putin` finds no reported one.
    let mut app = alaska();
    press(&mut app, "3/\"putin");
    assert_eq!(app.match_count().map(|c| c.1), Some(0));
    // The whole-briefing search finds it too.
    press(&mut app, "<Esc>:\"we welcome");
    let Some(Popup::Results(r)) = app.popups().last() else {
        panic!()
    };
    assert_eq!(r.counts()[0], 1);
}

#[test]
fn jump_list_walks_back_and_forward_through_speakers_and_filters() {
    let mut app = alaska();
    press(&mut app, "3jj");
    let start = app.list(Pane::Quotes).selected;
    press(&mut app, "s");
    let first = app.followed().unwrap();
    press(&mut app, "]");
    let second = app.followed().unwrap();
    assert_ne!(first, second);
    press(&mut app, "<ctrl-o>");
    assert_eq!(app.followed(), Some(first));
    press(&mut app, "H");
    assert_eq!(app.followed(), None);
    assert_eq!(app.list(Pane::Quotes).selected, start);
    assert_eq!(app.focus(), Pane::Quotes);
    press(&mut app, "H");
    assert!(app.message().unwrap().contains("no earlier"));
    press(&mut app, "LL");
    assert_eq!(app.followed(), Some(second));
    press(&mut app, "L");
    assert!(app.message().unwrap().contains("no later"));
    // A topic filter is a jump too; going back restores it and the selection.
    press(&mut app, "<Esc>tj<Space><Enter>");
    assert_eq!(app.topics().len(), 1);
    press(&mut app, "H");
    assert!(app.topics().is_empty());
    press(&mut app, "L");
    assert_eq!(app.topics().len(), 1);
}

#[test]
fn search_jumps_are_in_the_jump_list() {
    let mut app = alaska();
    press(&mut app, "3/putin<Enter>");
    let first = app.list(Pane::Quotes).selected;
    press(&mut app, "nn");
    press(&mut app, "H");
    assert_eq!(app.match_count().unwrap().0, Some(2));
    press(&mut app, "H");
    assert_eq!(app.list(Pane::Quotes).selected, first);
    press(&mut app, "H");
    assert_eq!(app.list(Pane::Quotes).selected, 0, "before the search");
}

#[test]
fn the_jump_list_is_bounded() {
    let mut app = alaska();
    for _ in 0..MAX_JUMPS + 50 {
        press(&mut app, "]");
    }
    assert_eq!(app.jumps().len().0, MAX_JUMPS);
}

#[test]
fn zoom_fills_the_body_and_keeps_mouse_and_scrolling_right() {
    let mut app = alaska();
    press(&mut app, "3z");
    assert!(app.zoomed());
    let layout = app.layout();
    let quotes = layout.panes[Pane::Quotes.index()].unwrap();
    assert_eq!(
        (quotes.x, quotes.y, quotes.width, quotes.height),
        (0, 1, 120, 38)
    );
    assert!(layout.panes.iter().flatten().count() == 1);
    // A click on the second row's lines selects it.
    let inner = layout.inner(Pane::Quotes).unwrap();
    let first_height = app.row_height(Pane::Quotes, 0, inner.width);
    app.update(Action::Click(10, inner.y + first_height));
    assert_eq!(app.list(Pane::Quotes).selected, 1);
    let text = screen(&mut app, "", 120, 40);
    assert!(text.lines().next().unwrap().contains("zoom"), "{text}");
    assert!(!text.contains("Timeline"), "{text}");
    // Tab moves the zoom to the next pane; z again gives the layout back.
    press(&mut app, "<Tab>");
    assert!(app.layout().panes[Pane::Disagreements.index()].is_some());
    press(&mut app, "z");
    assert!(!app.zoomed());
    assert_eq!(app.layout().panes.iter().flatten().count(), 4);
}

#[test]
fn zoomed_paging_uses_the_zoomed_height() {
    let mut app = alaska();
    press(&mut app, "3<ctrl-d>");
    let half = app.list(Pane::Quotes).selected;
    press(&mut app, "gz<ctrl-d>");
    let zoomed_half = app.list(Pane::Quotes).selected;
    // 120×40: the Quotes pane has 21 inner rows, zoomed 36 (4 per quote).
    assert_eq!((half, zoomed_half), (2, 4));
}

#[test]
fn zoom_in_the_narrow_layout_gives_the_tab_row_to_the_pane() {
    let mut app = alaska();
    app.update(Action::Resize(80, 24));
    press(&mut app, "3");
    let before = app.layout().panes[Pane::Quotes.index()].unwrap();
    press(&mut app, "z");
    let after = app.layout();
    assert!(after.tabs.is_none());
    assert_eq!(
        after.panes[Pane::Quotes.index()].unwrap().height,
        before.height + 1
    );
}

mod screens {
    use super::support::{alaska, screen};

    #[test]
    fn search_count_80x24() {
        insta::assert_snapshot!(screen(&mut alaska(), "3/putin<Enter>n", 80, 24));
    }

    #[test]
    fn filter_80x24() {
        insta::assert_snapshot!(screen(&mut alaska(), "3&witkoff<Enter>", 80, 24));
    }

    #[test]
    fn filter_120x40() {
        insta::assert_snapshot!(screen(&mut alaska(), "3&witkoff<Enter>", 120, 40));
    }

    #[test]
    fn results_80x24() {
        insta::assert_snapshot!(screen(&mut alaska(), ":putin<Enter>jj", 80, 24));
    }

    #[test]
    fn results_120x40() {
        insta::assert_snapshot!(screen(&mut alaska(), ":putin<Enter>jj", 120, 40));
    }

    #[test]
    fn zoom_120x40() {
        insta::assert_snapshot!(screen(&mut alaska(), "3z", 120, 40));
    }

    #[test]
    fn zoom_80x24() {
        insta::assert_snapshot!(screen(&mut alaska(), "3z", 80, 24));
    }

    #[test]
    fn hidden_match_mark_120x40() {
        insta::assert_snapshot!(screen(&mut alaska(), "2/mr putin", 120, 40));
    }
}

#[test]
fn a_filter_that_empties_the_pane_says_so() {
    let mut app = alaska();
    let text = support::screen(&mut app, "3&qqqzzz<Enter>", 80, 24);
    assert!(
        text.contains("no quotes under this filter: matching “qqqzzz”"),
        "{text}"
    );
}

#[test]
fn following_a_link_is_a_jump_h_and_l_walk_the_detail_views() {
    let mut app = alaska();
    press(&mut app, "3<Enter>");
    let quote = app.popups().to_vec();
    // The quote's first link is its source view, the second its speaker.
    press(&mut app, "j<Enter>");
    assert_eq!(app.popups().len(), 2);
    let speaker = app.popups().to_vec();
    press(&mut app, "H");
    assert_eq!(app.popups(), &quote[..], "H goes back to the quote");
    press(&mut app, "L");
    assert_eq!(
        app.popups().iter().map(target).collect::<Vec<_>>(),
        speaker.iter().map(target).collect::<Vec<_>>(),
        "L opens the speaker again"
    );
    // Following the speaker from the detail closes it; Ctrl-o reopens it.
    press(&mut app, "s");
    assert!(app.popups().is_empty() && app.followed().is_some());
    press(&mut app, "<C-o>");
    assert!(app.followed().is_none());
    assert_eq!(app.popups().len(), 2);
}

fn target(p: &Popup) -> Option<Target> {
    match p {
        Popup::Detail { target, .. } => Some(*target),
        _ => None,
    }
}
