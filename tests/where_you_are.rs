//! The screen tells the reader where they are: the selection is readable in
//! colour and without it, the header keeps what matters, the tabs count,
//! empty panes say why, the status line offers what can act now.

mod support;

use briefing::app::{Action, App, Pane};
use briefing::config::ThemeColors;
use briefing::headless;
use briefing::ui::contrast::{MIN_RATIO, ratio};
use briefing::ui::{Context, Theme, cursor};
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};
use support::{alaska, press, screen};

/// The app after `keys` at `width`×`height`, drawn with the default colours.
fn coloured(keys: &str, width: u16, height: u16) -> (App, Buffer) {
    coloured_with(ThemeColors::defaults(), keys, width, height)
}

/// The app after `keys` at `width`×`height`, drawn with `colours`.
fn coloured_with(colours: ThemeColors, keys: &str, width: u16, height: u16) -> (App, Buffer) {
    let mut app = alaska();
    app.update(Action::Resize(width, height));
    press(&mut app, keys);
    let theme = Theme::new(colours, false);
    let buffer = headless::draw(&app, &Context { theme: &theme }, width, height);
    (app, buffer)
}

const STATES: &[&str] = &[
    "",
    "j",
    "2j",
    "3",
    "3jj",
    "3/guarantee",
    "3/guarantee<Enter>",
    "4",
    "4jj",
    "4G",
    "]]",
    "]]3",
    "1s",
    "3s2",
    "tjj<Space>",
    "tjj<Space><Enter>",
    "b",
    "3j<Enter>",
    "1s",
    "3jy",
    "4<Enter>yj",
];

#[test]
fn every_style_on_the_selection_keeps_a_contrast_of_4_5() {
    selection_contrast(ThemeColors::defaults());
}

#[test]
fn every_style_on_the_light_selection_keeps_a_contrast_of_4_5() {
    selection_contrast(ThemeColors::light());
}

#[test]
fn the_light_colours_are_readable_on_white() {
    let c = ThemeColors::light();
    for (name, fg) in [
        ("accent", c.accent),
        ("muted", c.muted),
        ("marked", c.marked),
        ("reported", c.reported),
        ("open", c.open),
        ("narrowing", c.narrowing),
        ("resolved", c.resolved),
    ] {
        let r = ratio(fg, Color::White).unwrap();
        assert!(r >= MIN_RATIO, "{name} {fg:?} on white: {r:.2}");
    }
}

fn selection_contrast(colours: ThemeColors) {
    let backgrounds = [colours.selection_bg, colours.unfocused_bg, colours.match_bg];
    let mut checked = 0;
    for (width, height) in [(120, 40), (80, 24), (200, 60)] {
        for keys in STATES {
            let (_, buffer) = coloured_with(colours, keys, width, height);
            for (i, cell) in buffer.content.iter().enumerate() {
                if !backgrounds.contains(&cell.bg) || cell.symbol().trim().is_empty() {
                    continue;
                }
                checked += 1;
                let r = ratio(cell.fg, cell.bg);
                assert!(
                    r.is_some_and(|r| r >= MIN_RATIO),
                    "{keys:?} at {width}x{height}: {:?} on {:?} ({r:?}) at {:?}, {:?}",
                    cell.fg,
                    cell.bg,
                    buffer.pos_of(i),
                    cell.symbol(),
                );
            }
        }
    }
    assert!(checked > 1000, "only {checked} cells on a selection");
}

#[test]
fn the_contrast_check_catches_dim_text_on_the_selection() {
    let c = ThemeColors::defaults();
    assert!(ratio(c.muted, c.selection_bg).unwrap() < MIN_RATIO);
    assert!(ratio(c.reported, c.selection_bg).unwrap() < MIN_RATIO);
    assert!(ratio(c.open, c.selection_bg).unwrap() < MIN_RATIO);
    // The theme keeps the colours that stay readable: yellow on the
    // unfocused grey is kept, not replaced.
    let theme = Theme::new(c, false);
    let marked = theme.marked();
    assert_eq!(theme.on_selection(marked, false).fg, Some(c.marked));
    assert_eq!(
        theme.on_selection(theme.muted(), true).fg,
        Some(c.selection_fg)
    );
}

/// The selected row's cells in `pane`, across the pane's whole inner width.
fn selected_row_cells(app: &App, buffer: &Buffer, pane: Pane) -> Vec<ratatui::buffer::Cell> {
    let inner = app.layout().inner(pane).unwrap();
    let list = app.list(pane);
    let y = inner.y
        + (list.offset..list.selected)
            .map(|r| app.row_height(pane, r, inner.width))
            .sum::<u16>();
    (inner.x..inner.right())
        .map(|x| buffer[(x, y)].clone())
        .collect()
}

#[test]
fn the_selection_spans_the_pane_and_shows_without_focus() {
    let c = ThemeColors::defaults();
    let (app, buffer) = coloured("jj3j", 120, 40);
    let focused = selected_row_cells(&app, &buffer, Pane::Quotes);
    assert!(focused.iter().all(|cell| cell.bg == c.selection_bg));
    let unfocused = selected_row_cells(&app, &buffer, Pane::Timeline);
    assert!(unfocused.iter().all(|cell| cell.bg == c.unfocused_bg));
    // Not the row above.
    let inner = app.layout().inner(Pane::Timeline).unwrap();
    assert_ne!(buffer[(inner.x + 5, inner.y + 1)].bg, c.unfocused_bg);
}

#[test]
fn without_colour_the_selection_is_reversed_and_the_unfocused_one_underlined() {
    let mut app = alaska();
    press(&mut app, "jj3j");
    let theme = Theme::new(ThemeColors::defaults(), true);
    let buffer = headless::draw(&app, &Context { theme: &theme }, 120, 40);
    let focused = selected_row_cells(&app, &buffer, Pane::Quotes);
    assert!(
        focused
            .iter()
            .all(|c| c.modifier.contains(Modifier::REVERSED))
    );
    assert!(
        focused
            .iter()
            .all(|c| c.fg == Color::Reset && c.bg == Color::Reset)
    );
    let unfocused = selected_row_cells(&app, &buffer, Pane::Timeline);
    assert!(
        unfocused
            .iter()
            .all(|c| c.modifier.contains(Modifier::UNDERLINED))
    );
}

#[test]
fn the_cursor_is_on_the_first_line_of_the_selected_row() {
    let (app, _) = coloured("3jj", 120, 40);
    let inner = app.layout().inner(Pane::Quotes).unwrap();
    let p = cursor::position(&app, 120, 40).unwrap();
    let above: u16 = (0..2)
        .map(|r| app.row_height(Pane::Quotes, r, inner.width))
        .sum();
    assert_eq!((p.x, p.y), (inner.x, inner.y + above));
    // In a popup: on the selected link or list entry, which is drawn on
    // the selection; with the link scrolled out of view, nowhere.
    let c = ThemeColors::defaults();
    for keys in ["3jj<Enter>", "3jj<Enter>jj", "tjj", "b", "1<Enter>j"] {
        let (app, buffer) = coloured(keys, 120, 40);
        let p = cursor::position(&app, 120, 40).unwrap_or_else(|| panic!("{keys}"));
        assert_eq!(buffer[(p.x, p.y)].bg, c.selection_bg, "{keys}: {p:?}");
        assert_ne!(buffer[(p.x, p.y - 1)].bg, c.selection_bg, "{keys}: {p:?}");
    }
    let (app, _) = coloured("?", 120, 40);
    assert_eq!(cursor::position(&app, 120, 40), None, "help has no links");
}

fn header(keys: &str, width: u16) -> String {
    let mut app = alaska();
    screen(&mut app, keys, width, 20)
        .lines()
        .next()
        .unwrap()
        .to_string()
}

#[test]
fn the_header_gives_the_title_up_first_and_never_cuts_the_followed_name() {
    // `[` follows the last speaker, Marco Rubio; three topics ticked.
    let keys = "[t<Space>j<Space>j<Space><Enter>";
    let wide = header(keys, 250);
    assert!(
        wide.contains(
            "After the Alaska summit: security guarantees, a peace deal and a long road ahead"
        ),
        "{wide}"
    );
    assert!(wide.contains("as of 2025-08-17"), "{wide}");
    assert!(
        wide.contains("topics: Security guarantees, Ceasefire vs peace deal, Progress"),
        "{wide}"
    );
    assert!(wide.contains("following: Marco Rubio"), "{wide}");
    let mid = header(keys, 100);
    assert!(
        mid.contains("After the Alaska summit: security guarantee…"),
        "{mid}"
    );
    assert!(
        mid.contains("3 topics") && mid.contains("following: Marco Rubio"),
        "{mid}"
    );
    for width in [80, 60, 50, 40] {
        let line = header(keys, width);
        assert!(line.contains("Marco Rubio"), "{width}: {line}");
        assert!(line.contains("3 topics"), "{width}: {line}");
    }
    assert!(header(keys, 80).contains('…'));
}

#[test]
fn the_tabs_count_items_and_stay_readable_down_to_40_columns() {
    let mut app = alaska();
    let text = screen(&mut app, "3", 99, 20);
    let tabs = text.lines().nth(1).unwrap();
    assert!(tabs.contains("1 Timeline 5●"), "{tabs}");
    assert!(tabs.contains("3 Quotes 23"), "{tabs}");
    assert!(tabs.contains("4 Disagreements 3●"), "{tabs}");
    for width in [80, 60, 40] {
        let mut app = alaska();
        let text = screen(&mut app, "3", width, 20);
        let tabs = text.lines().nth(1).unwrap();
        assert!(tabs.contains("3 Quotes 23"), "{width}: {tabs}");
        assert!(
            tabs.contains(" 1 ") && tabs.contains(" 4 "),
            "{width}: {tabs}"
        );
        assert!(tabs.contains(" 3●"), "{width}: {tabs}");
        // Every tab can still be clicked.
        let row = app.layout().tabs.unwrap();
        for i in 0..4 {
            let tab = app.tabs(row.width)[i].clone();
            app.update(Action::Click(row.x + tab.x + tab.width - 2, row.y));
            assert_eq!(app.focus(), tab.pane, "{width}: {tabs}");
        }
    }
}

#[test]
fn a_followed_name_too_long_for_the_screen_ends_with_an_ellipsis() {
    let long = "Volodymyr Oleksandrovych Zelensky-Supercalifragilisticexpialidocious";
    let mut b = briefing::model::Briefing::bundled();
    let zelensky = b
        .speakers
        .iter_mut()
        .find(|s| s.name == "Volodymyr Zelensky");
    zelensky.unwrap().name = long.to_string();
    for width in [250, 80, 60, 40] {
        let mut app = support::app_with(vec![b.clone()], Vec::new());
        let text = screen(&mut app, "]]]]]]", width, 12);
        let line = text.lines().next().unwrap().trim_end();
        if usize::from(width) > long.len() + 3 {
            assert!(line.contains(long), "{width}: {line}");
        } else {
            assert!(line.ends_with('…'), "{width}: {line}");
            assert!(line.contains("Volodymyr Oleksandrovych"), "{width}: {line}");
            assert_eq!(line.chars().count(), usize::from(width), "{line}");
        }
    }
}

#[test]
fn the_header_keeps_the_date_and_topic_names_while_they_fit() {
    let mut app = alaska();
    let text = screen(&mut app, "]]]]]]", 40, 12);
    let line = text.lines().next().unwrap();
    assert_eq!(line.trim_end(), " 2025-08-17 │ ★ Volodymyr Zelensky");
    // The title gives way to its least before the topic name becomes a count.
    let line = header("t<Enter>", 60);
    assert!(line.contains("topics: Security guarantees"), "{line}");
    assert!(line.contains("After the Alask…"), "{line}");
    assert!(header("t<Enter>", 80).contains("as of 2025-08-17"));
}

#[test]
fn narrow_tabs_shorten_names_before_dropping_them_and_count_disagreements() {
    let tabs = |keys: &str, width: u16| {
        let mut app = alaska();
        let text = screen(&mut app, keys, width, 12);
        text.lines().nth(1).unwrap().to_string()
    };
    let forty = tabs("3", 40);
    for name in ["1 Time 5●", "2 Spk 7", "3 Quotes 23", "4 Dis 3●"] {
        assert!(forty.contains(name), "{forty}");
    }
    let sixty = tabs("3", 60);
    for name in [
        "1 Timeline 5●",
        "2 Speakers 7",
        "3 Quotes 23",
        "4 Disagreemen… 3●",
    ] {
        assert!(sixty.contains(name), "{sixty}");
    }
    // The tab counts disagreements; the pane's border counts its rows.
    let app = alaska();
    assert_eq!(app.briefing().disagreements.len(), 3);
    assert!(tabs("4", 80).contains("4 Disagreements 3"));
}

#[test]
fn empty_panes_say_why() {
    let mut app = alaska();
    // Follow Rubio, then filter by a topic he never spoke on.
    press(&mut app, "[tjjj<Space><Enter>3");
    assert!(app.rows().quotes.is_empty());
    let text = screen(&mut app, "", 120, 40);
    assert!(
        text.contains("no quotes under this filter: topic Territory; following Marco Rubio"),
        "{text}"
    );
    let mut empty = briefing::model::Briefing::bundled();
    empty.disagreements.clear();
    let mut app = support::app_with(vec![empty], Vec::new());
    let text = screen(&mut app, "4", 80, 24);
    assert!(text.contains("no disagreements in this briefing"), "{text}");
}

fn status(keys: &str, width: u16) -> String {
    let mut app = alaska();
    screen(&mut app, keys, width, 24)
        .lines()
        .last()
        .unwrap()
        .to_string()
}

#[test]
fn the_status_line_offers_only_what_can_act_now() {
    // On an item: copy, on every kind of item; in a pane the filter emptied: no copy.
    assert!(status("3", 120).contains("y copy"));
    assert!(status("1", 120).contains("y copy"));
    assert!(!status("[tjjj<Space><Enter>3", 120).contains("y copy"));
    // i and b are there from the start, at 80 and 60 columns too.
    for width in [120, 80, 60] {
        let line = status("", width);
        assert!(
            line.contains("i overview") && line.contains("b briefings"),
            "{line}"
        );
        assert!(line.contains("? help"), "{line}");
    }
    // Clear topics only with a filter; Esc says what it does.
    assert!(!status("", 120).contains("T clear topics"));
    assert!(status("tj<Space><Enter>", 120).contains("T clear topics"));
    assert!(status("]j", 120).contains("esc stop following"));
    // The topic picker's Enter applies; clear only with ticks.
    let picker = status("t", 120);
    assert!(picker.contains("enter apply") && !picker.contains("open detail"));
    assert!(!picker.contains("T clear"));
    assert!(status("t<Space>", 120).contains("T clear"));
    // The one popup open: Esc leads back to the panes.
    assert!(
        status("i", 80).contains("esc/q to the panes"),
        "{}",
        status("i", 80)
    );
}

#[test]
fn reported_statements_say_who_reported_whom_and_show_their_context() {
    let mut app = alaska();
    let text = screen(&mut app, "3", 120, 40);
    assert!(text.contains("Vladimir Putin, as reported by Steve Witkoff · 2025-08-15"));
    assert!(!text.contains("— Vladimir Putin"));
    assert!(text.contains("Steve Witkoff, as reported by the source · 2025-08-17"));
    assert!(text.contains("context: Said while speaking alongside Zelensky."));
    assert!(text.contains("— Ursula von der Leyen · news conference in Brussels · 2025-08-17"));
}

#[test]
fn the_reader_can_open_on_the_overview() {
    let mut app = alaska();
    app.start_on_overview();
    let text = screen(&mut app, "", 80, 24);
    assert!(text.contains("│ After Friday's summit in Alaska"), "{text}");
    assert!(text.contains("to the panes"), "{text}");
    let text = screen(&mut app, "<Esc>", 80, 24);
    assert!(
        !text.contains("After Friday's summit") && text.contains("1 Timeline"),
        "{text}"
    );
}
