//! The Timeline chart (`C`) and the date filter, on `App`: the cursor by
//! day, week and month, the preview of its period in the other panes, a
//! range selected with `v` … `v` narrowing every pane, `Esc` cancelling and
//! clearing it, the counts under the topic filter and followed speaker;
//! `--from`/`--to` through `render`; every size drawn without panic or a
//! broken border.

mod support;

use briefing::app::{App, Mode, Pane};
use briefing::model::days::{Day, date_of, day_number};
use chrono::NaiveDate;
use support::{alaska, press, year_library};

fn day(s: &str) -> Day {
    day_number(s.parse::<NaiveDate>().unwrap())
}

fn date(d: Day) -> String {
    date_of(d).to_string()
}

/// Every quote and event listed lies in `from..=to`.
fn all_within(app: &App, (from, to): (Day, Day)) {
    let b = app.briefing();
    for &q in &app.rows().quotes {
        let d = day_number(b.quotes[q].at.date());
        assert!((from..=to).contains(&d), "quote on {}", date(d));
    }
    for &e in &app.rows().timeline {
        let d = day_number(b.events[e].at.date());
        assert!((from..=to).contains(&d), "event on {}", date(d));
    }
}

#[test]
fn the_cursor_moves_by_day_week_and_month_and_its_unit_follows() {
    let mut app = year_library();
    press(&mut app, "C");
    assert!(app.chart_on());
    assert_eq!(app.mode(), Mode::Chart);
    assert_eq!(app.focus(), Pane::Timeline);
    let (first, last) = app.axis_span();
    assert_eq!(
        (date(first), date(last)),
        ("2025-01-01".into(), "2025-12-31".into())
    );
    assert_eq!(app.cursor_day(), last, "the cursor starts on the last day");

    press(&mut app, "g");
    assert_eq!(app.cursor_day(), first);
    press(&mut app, "l");
    assert_eq!(app.cursor_period(), (day("2025-01-02"), day("2025-01-02")));
    press(&mut app, "j");
    assert_eq!(date(app.cursor_day()), "2025-01-09");
    // The week it is in, Monday to Sunday.
    assert_eq!(app.cursor_period(), (day("2025-01-06"), day("2025-01-12")));
    press(&mut app, "<ctrl-d>");
    assert_eq!(date(app.cursor_day()), "2025-02-09");
    assert_eq!(app.cursor_period(), (day("2025-02-01"), day("2025-02-28")));
    press(&mut app, "<pageup>");
    assert_eq!(date(app.cursor_day()), "2025-01-09");
    press(&mut app, "k<left>");
    assert_eq!(date(app.cursor_day()), "2025-01-01");
    assert_eq!(app.cursor_period(), (first, first));
    // Not before the first day; it says so.
    press(&mut app, "h");
    assert_eq!(app.cursor_day(), first);
    assert!(app.message().is_some_and(|m| m.contains("first day")));
    press(&mut app, "G");
    assert_eq!(app.cursor_day(), last);

    // The main screen's keys still work; C goes back to the list.
    press(&mut app, "3");
    assert_eq!((app.focus(), app.mode()), (Pane::Quotes, Mode::Panes));
    press(&mut app, "1");
    assert_eq!(app.mode(), Mode::Chart);
    press(&mut app, "C");
    assert!(!app.chart_on());
    assert_eq!(app.mode(), Mode::Panes);
}

#[test]
fn the_cursor_period_shows_in_the_other_panes_while_the_chart_has_focus() {
    let mut app = alaska();
    let all = app.rows().quotes.len();
    press(&mut app, "C");
    // On the last day, 17 August: its quotes and events only.
    let aug17 = day("2025-08-17");
    all_within(&app, (aug17, aug17));
    assert!(!app.rows().quotes.is_empty() && app.rows().quotes.len() < all);
    assert_eq!(app.rows().timeline.len(), 4);
    // 16 August has nothing: the panes are empty and say why.
    press(&mut app, "h");
    assert!(app.rows().quotes.is_empty());
    assert!(app.rows().speakers.is_empty());
    assert!(
        app.empty_message(Pane::Quotes).contains("dates 08-16"),
        "{}",
        app.empty_message(Pane::Quotes)
    );
    let text = support::screen(&mut app, "", 120, 40);
    assert!(text.contains("Aug 16: 0 events, 0 quotes"), "{text}");
    assert!(
        text.contains("no quotes under this filter: dates 08-16"),
        "{text}"
    );
    // Enter opens the period's first event.
    press(&mut app, "h<enter>");
    assert!(!app.popups().is_empty());
    // Under the detail the panes still show the period.
    let aug15 = day("2025-08-15");
    all_within(&app, (aug15, aug15));
    assert_eq!(app.rows().quotes.len(), 1);
    press(&mut app, "<esc>");
    // Leaving the chart leaves every row to the panes again.
    press(&mut app, "<tab>");
    assert_eq!(app.rows().quotes.len(), all);
    assert_eq!(app.date_range(), None);
}

#[test]
fn a_range_selected_with_v_filters_every_pane_until_esc() {
    let mut app = year_library();
    let all = app.rows().quotes.len();
    press(&mut app, "Cg");
    press(&mut app, "v");
    assert!(app.range_in_progress().is_some());
    assert_eq!(app.date_filter(), None);
    press(&mut app, "jj");
    // From 1 January to the end of the week two weeks on.
    let range = (day("2025-01-01"), day("2025-01-19"));
    assert_eq!(app.range_in_progress(), Some(range));
    all_within(&app, range);
    press(&mut app, "v");
    assert_eq!(app.date_filter(), Some(range));
    assert!(app.range_in_progress().is_none());
    // The panes show the range, the header says it.
    all_within(&app, range);
    let quotes = app.rows().quotes.len();
    assert!(quotes > 0 && quotes < all);
    let text = support::screen(&mut app, "", 120, 40);
    assert!(
        text.lines().next().unwrap().contains("│ 01-01 → 01-19"),
        "{text}"
    );
    // On the main screen too.
    press(&mut app, "3");
    assert_eq!(app.rows().quotes.len(), quotes);
    all_within(&app, range);
    let b = app.briefing();
    // Speakers: quoted or taking part in the range; disagreements: with a
    // position a quote in the range supports.
    for &s in &app.rows().speakers {
        let quoted = app.rows().quote_counts[s] > 0;
        let at_event = app
            .rows()
            .timeline
            .iter()
            .any(|&e| b.events[e].speakers.contains(&b.speakers[s].id));
        assert!(quoted || at_event, "{}", b.speakers[s].name);
    }
    assert!(app.rows().speakers.len() < b.speakers.len());
    assert!(!app.rows().disagreements.is_empty());
    // Esc clears it, on the main screen.
    press(&mut app, "<esc>");
    assert_eq!(app.date_filter(), None);
    assert_eq!(app.rows().quotes.len(), all);
    let text = support::screen(&mut app, "", 120, 40);
    assert!(!text.lines().next().unwrap().contains("→"), "{text}");
}

#[test]
fn esc_cancels_a_range_in_progress_first_then_clears_the_filter() {
    let mut app = alaska();
    press(&mut app, "Cv");
    press(&mut app, "h<esc>");
    assert!(app.range_in_progress().is_none());
    assert_eq!(app.date_filter(), None);
    assert_eq!(app.mode(), Mode::Chart);
    press(&mut app, "vhv");
    let range = (day("2025-08-15"), day("2025-08-16"));
    assert_eq!(app.date_filter(), Some(range));
    press(&mut app, "v<esc>");
    assert_eq!(app.date_filter(), Some(range), "the first Esc cancels");
    press(&mut app, "<esc>");
    assert_eq!(app.date_filter(), None, "the second clears");
    // A range in progress ends when the chart loses focus.
    press(&mut app, "v<tab>");
    press(&mut app, "1");
    assert!(app.range_in_progress().is_none());
}

#[test]
fn the_counts_follow_the_topic_filter_and_the_followed_speaker() {
    let mut app = alaska();
    let (quotes, events) = app.chart_counts();
    assert_eq!(quotes.total(), app.briefing().quotes.len());
    assert_eq!(events.total(), app.briefing().events.len());
    // The first topic.
    press(&mut app, "t<space><enter>");
    let under_topic = app.rows().quotes.len();
    assert!(under_topic < app.briefing().quotes.len());
    assert_eq!(app.chart_counts().0.total(), under_topic);
    assert_eq!(app.chart_counts().1.total(), app.rows().timeline.len());
    press(&mut app, "T]");
    let followed = app.followed().unwrap();
    let theirs = app.briefing().index.quotes_by_speaker[followed].len();
    assert_eq!(app.chart_counts().0.total(), theirs);
    // And the chart's text counts the same.
    press(&mut app, "C");
    let text = support::screen(&mut app, "", 120, 40);
    assert!(text.contains("Aug 17: 4 events,"), "{text}");
}

#[test]
fn the_chart_draws_at_every_size_without_panic_or_a_broken_border() {
    let mut app = alaska();
    press(&mut app, "Cvh");
    for w in 1..=130u16 {
        for h in (1..=45u16).step_by(if w % 7 == 0 { 1 } else { 11 }) {
            let text = support::screen(&mut app, "", w, h);
            if w < 40 || h < 12 {
                continue;
            }
            let rect = app.layout().panes[0].expect("the Timeline is shown");
            let lines: Vec<Vec<char>> = text.lines().map(|l| l.chars().collect()).collect();
            let (x0, x1) = (usize::from(rect.x), usize::from(rect.right() - 1));
            for y in rect.y + 1..rect.bottom() - 1 {
                let line = &lines[usize::from(y)];
                assert_eq!(line[x0], '┃', "{w}x{h} row {y}:\n{text}");
                assert_eq!(line[x1], '┃', "{w}x{h} row {y}:\n{text}");
            }
            // The cursor shows without colour.
            assert!(h < 16 || text.contains('▲'), "{w}x{h}:\n{text}");
        }
    }
}

#[test]
fn render_starts_with_the_dates_of_from_and_to() {
    let out = support::hermetic(&mut std::process::Command::new(env!(
        "CARGO_BIN_EXE_briefing"
    )))
    .args([
        "render",
        "--fresh",
        "--size",
        "80x24",
        "--from",
        "2025-08-15",
        "--to",
        "2025-08-16",
    ])
    .output()
    .unwrap();
    assert!(out.status.success(), "{out:?}");
    let text = String::from_utf8(out.stdout).unwrap();
    let header = text.lines().next().unwrap();
    assert!(header.ends_with("│ 08-15 → 08-16"), "{text}");
    assert!(text.contains("Trump–Putin summit in Alaska"), "{text}");
    assert!(!text.contains("Rubio on ABC"), "{text}");
    assert!(text.contains("Timeline 1 "), "{text}");

    for (args, says) in [
        (
            vec!["--from", "2025-08-17", "--to", "2025-08-15"],
            "--from 2025-08-17 is after --to 2025-08-15",
        ),
        (vec!["--from", "15/08/2025"], "write a date as YYYY-MM-DD"),
        (vec!["--to", "2025-02-30"], "write a date as YYYY-MM-DD"),
    ] {
        let out = support::hermetic(&mut std::process::Command::new(env!(
            "CARGO_BIN_EXE_briefing"
        )))
        .arg("render")
        .args(&args)
        .output()
        .unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(
            err.lines().next().unwrap().contains(says),
            "{args:?}: {err}"
        );
    }
}

#[test]
fn the_digest_holds_what_the_dates_narrow_to() {
    let out = support::hermetic(&mut std::process::Command::new(env!(
        "CARGO_BIN_EXE_briefing"
    )))
    .args(["--from", "2025-08-15", "--to", "2025-08-15"])
    .output()
    .unwrap();
    assert!(out.status.success(), "{out:?}");
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("*Shown: dates 08-15*"), "{text}");
    assert!(text.contains("Trump–Putin summit in Alaska"), "{text}");
    assert!(!text.contains("Rubio on ABC"), "{text}");
}

fn briefing_of(events: &str) -> briefing::model::Briefing {
    let text = format!(
        "format = 1\n[briefing]\nid = \"t\"\ntitle = \"T\"\nas_of = 2025-08-17\nsummary = \"S\"\n{events}"
    );
    briefing::model::Briefing::parse(std::path::Path::new("t.toml"), &text).unwrap()
}

#[test]
fn a_timed_event_sits_at_its_time_of_day_a_dated_one_at_its_day() {
    let b = briefing_of(
        "[[events]]\nid = \"a\"\nat = 2025-08-15\ntitle = \"A\"\n\
         [[events]]\nid = \"b\"\nat = 2025-08-15T18:00:00-08:00\ntitle = \"B\"\n\
         [[events]]\nid = \"c\"\nat = 2025-08-17\ntitle = \"C\"\n",
    );
    let mut app = support::app_with(vec![b], Vec::new());
    // 80 columns: the pane's inside is 76 wide, 25 columns a day.
    let text = support::screen(&mut app, "C", 80, 24);
    let marks = text.lines().nth(4).unwrap();
    let cols: Vec<usize> = (marks.chars().enumerate())
        .filter(|&(_, c)| c == '◆')
        .map(|(i, _)| i)
        .collect();
    // The pane's border and margin take two columns: day one starts at 2.
    // 18:00 at its own offset is three quarters into 15 August (not the
    // next day in UTC); 17 August starts 50 columns on.
    assert_eq!(cols, vec![2, 2 + 18, 2 + 50], "{text}");
    // The list says the time as written.
    let text = support::screen(&mut app, "g", 80, 24);
    assert!(text.contains("Aug 15: 2 events, 0 quotes"), "{text}");
    assert!(text.contains("2025-08-15 18:00 -08:00 B"), "{text}");
}

#[test]
fn a_briefing_with_nothing_dated_draws_its_as_of_day() {
    for (w, h) in [(120, 40), (80, 24), (40, 12), (3, 3)] {
        let mut app = support::app_with(vec![briefing_of("")], Vec::new());
        let text = support::screen(&mut app, "C", w, h);
        assert!(
            w < 40 || text.contains("Aug 17: 0 events, 0 quotes"),
            "{text}"
        );
    }
    // Every key stays on that day; the period of a month move is its month.
    let mut app = support::app_with(vec![briefing_of("")], Vec::new());
    let text = support::screen(&mut app, "Chjv<ctrl-d>gGv", 40, 12);
    assert_eq!(date(app.cursor_day()), "2025-08-17");
    assert_eq!(
        app.date_filter(),
        Some((day("2025-08-01"), day("2025-08-31")))
    );
    assert!(text.contains("08-01 → 08-31: 0 events, 0 quotes"), "{text}");
}

#[test]
fn the_terminal_cursor_sits_on_the_chart_cursor() {
    let app = alaska();
    for (w, h) in [(120u16, 40u16), (80, 24), (40, 12)] {
        let mut chart = app.clone();
        let text = support::screen(&mut chart, "Ch", w, h);
        let p = briefing::ui::cursor::position(&chart, w, h).expect("a cursor");
        let line: Vec<char> = text
            .lines()
            .nth(usize::from(p.y))
            .unwrap()
            .chars()
            .collect();
        assert_eq!(line[usize::from(p.x)], '▲', "{w}x{h} at {p:?}:\n{text}");
    }
}

#[test]
fn a_click_in_the_chart_puts_the_cursor_on_that_day() {
    let mut app = alaska();
    app.update(briefing::app::Action::Resize(80, 24));
    press(&mut app, "C");
    // Inside the border and margin, 25 columns a day from column 2.
    app.update(briefing::app::Action::Click(2 + 25 + 3, 10));
    assert_eq!(date(app.cursor_day()), "2025-08-16");
    app.update(briefing::app::Action::Click(2, 10));
    assert_eq!(date(app.cursor_day()), "2025-08-15");
    assert!(
        app.rows().quotes.len() == 1,
        "the panes show the day clicked"
    );
    // The border is not a day.
    app.update(briefing::app::Action::Click(0, 10));
    assert_eq!(date(app.cursor_day()), "2025-08-15");
}

#[test]
fn the_cursor_period_does_not_narrow_the_stance_matrix_a_date_filter_does() {
    let mut app = alaska();
    // The cursor on Aug 16, a day with no quote: the panes preview it.
    press(&mut app, "Cgl");
    assert!(app.rows().quotes.is_empty());
    press(&mut app, "m");
    let m = &app.matrix_view().unwrap().matrix;
    assert_eq!(
        (m.parties.len(), m.columns.len()),
        (4, 3),
        "the whole matrix"
    );
    // A date filter narrows it.
    let mut filtered = alaska();
    press(&mut filtered, "Cgvv<Tab>m");
    let m = &filtered.matrix_view().unwrap().matrix;
    assert!(m.columns.len() < 3, "only what Aug 15's quotes support");
}

#[test]
fn date_tags_carry_the_year_outside_the_briefings_and_say_which_end_is_open() {
    let tag = |args: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_briefing"))
            .env("XDG_STATE_HOME", support::NO_STATE)
            .args(["render", "--fresh", "--size", "120x14"])
            .args(args)
            .output()
            .unwrap();
        let screen = String::from_utf8(out.stdout).unwrap();
        screen
            .lines()
            .next()
            .unwrap()
            .rsplit('│')
            .next()
            .unwrap()
            .trim()
            .to_string()
    };
    assert_eq!(
        tag(&["--from", "2024-08-16", "--to", "2024-08-17"]),
        "2024-08-16 → 2024-08-17"
    );
    assert_eq!(
        tag(&["--from", "2025-08-15", "--to", "2025-08-16"]),
        "08-15 → 08-16"
    );
    assert_eq!(tag(&["--to", "2025-08-15"]), "until 08-15");
    assert_eq!(tag(&["--from", "2030-01-01"]), "from 2030-01-01");
}

#[test]
fn under_ascii_the_range_and_the_period_have_marks_of_their_own() {
    let theme =
        briefing::ui::Theme::new(briefing::config::ThemeColors::defaults(), true).with_ascii(true);
    let ctx = briefing::ui::Context { theme: &theme };
    let mut app = alaska();
    let keys = briefing::keys::parse_sequence("Cgvl").unwrap();
    let buffer = briefing::headless::render(&mut app, &ctx, &keys, 80, 24);
    let text = briefing::headless::to_text(&buffer);
    let axis = text.lines().find(|l| l.contains('^')).unwrap();
    assert!(axis.contains("=^#"), "range, cursor, period: {axis}");
}

#[test]
fn search_and_the_filter_line_from_the_chart_go_back_to_the_list() {
    for key in ["/", "&"] {
        let mut app = alaska();
        press(&mut app, "C");
        assert!(app.chart_focused());
        press(&mut app, key);
        assert!(!app.chart_focused(), "{key}: the list is back");
        assert_eq!(app.focus(), Pane::Timeline);
        let text = support::screen(&mut app, "Rubio", 100, 30);
        assert!(text.contains("Rubio on ABC"), "{key}:\n{text}");
    }
}
