//! Screen snapshots: the real app drawn on ratatui's TestBackend after a key
//! sequence, compared with the committed text in tests/snapshots/. And at the
//! edge sizes of the layout and common ones: boxes whole, nothing drawn
//! outside the frame.

mod support;

use briefing::app::layout::{MIN_COLUMNS, MIN_ROWS, WIDE_MIN_COLUMNS};
use briefing::app::{Action, App, Pane, ScreenLayout};
use briefing::ui::{self, Context};
use ratatui::backend::TestBackend;
use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::{Position, Rect};
use ratatui::{Terminal, TerminalOptions, Viewport};

fn screen(keys: &str, width: u16, height: u16) -> String {
    support::screen(&mut support::alaska(), keys, width, height)
}

macro_rules! snapshots {
    ($($name:ident: $keys:expr;)*) => {
        mod wide {
            $(#[test] fn $name() { insta::assert_snapshot!(super::screen($keys, 120, 40)); })*
        }
        mod narrow {
            $(#[test] fn $name() { insta::assert_snapshot!(super::screen($keys, 80, 24)); })*
        }
    };
}

snapshots! {
    timeline_focused: "";
    speakers_focused: "2j";
    quotes_focused: "3jj";
    disagreements_focused: "4jj";
    quote_detail: "3j<Enter>";
    disagreement_detail: "4<Enter>";
    help: "?";
    topic_picker: "tjj<Space>";
    topic_filter_applied: "tjj<Space><Enter>3";
    followed_speaker: "]]3";
    search_matches: "3/guarantee";
    overview: "i";
    briefing_list: "b";
    header_filters: "[t<Space>j<Space>j<Space><Enter>";
    empty_under_filter: "[tjjj<Space><Enter>3";
    copy_menu: "3jy";
    copy_menu_in_detail: "4<Enter>yj";
    speaker_choice: "1s";
}

#[test]
fn too_small_says_so() {
    let text = screen("", 39, 11);
    assert!(text.contains("Terminal too small: 39×11"), "{text}");
}

/// Widths and heights at the edges of the layout: nothing, one and two cells,
/// around the minimum size and around the switch to the wide layout.
const EDGE_WIDTHS: [u16; 10] = [
    0,
    1,
    2,
    MIN_COLUMNS - 1,
    MIN_COLUMNS,
    MIN_COLUMNS + 1,
    WIDE_MIN_COLUMNS - 1,
    WIDE_MIN_COLUMNS,
    WIDE_MIN_COLUMNS + 1,
    300,
];
const EDGE_HEIGHTS: [u16; 7] = [0, 1, 2, MIN_ROWS - 1, MIN_ROWS, MIN_ROWS + 1, 100];
/// Common terminal sizes and odd ones, on top of every edge combination.
const SIZES: [(u16, u16); 9] = [
    (80, 24),
    (60, 20),
    (120, 40),
    (300, 100),
    (41, 13),
    (57, 19),
    (77, 23),
    (133, 37),
    (211, 61),
];
/// Key sequences reaching each popup, a search and the plain screen.
const SEQUENCES: [&str; 8] = ["", "3<Enter>", "4<Enter>", "?", "t", "i", "b", "3/a"];

/// Rounded (unfocused panes, popups) and thick (the focused pane) borders:
/// top-left, top-right, bottom-left, bottom-right corners and the side.
const ROUNDED: [&str; 5] = ["╭", "╮", "╰", "╯", "│"];
const THICK: [&str; 5] = ["┏", "┓", "┗", "┛", "┃"];

/// The app after `keys` on a `viewport`-sized screen, drawn into that
/// viewport of a larger terminal; returns the app and the whole terminal.
fn draw_in(keys: &str, viewport: Rect) -> (App, Buffer) {
    let mut app = support::alaska();
    let theme = support::theme(true);
    let ctx = Context { theme: &theme };
    app.update(Action::Resize(viewport.width, viewport.height));
    support::press(&mut app, keys);
    let backend = TestBackend::new(viewport.right() + 3, viewport.bottom() + 2);
    let options = TerminalOptions {
        viewport: Viewport::Fixed(viewport),
    };
    let mut terminal = Terminal::with_options(backend, options).unwrap();
    terminal.draw(|frame| ui::draw(frame, &app, &ctx)).unwrap();
    let buffer = terminal.backend().buffer().clone();
    (app, buffer)
}

/// Everything wrong with the box at `rect` drawn in `style`, ignoring the
/// cells under `covered` (a popup drawn over it): corners, and the left and
/// right sides (top and bottom rows hold titles).
fn box_errors(buf: &Buffer, rect: Rect, style: [&str; 5], covered: Rect) -> Vec<String> {
    let mut errors = Vec::new();
    let (left, top) = (rect.left(), rect.top());
    let (right, bottom) = (rect.right() - 1, rect.bottom() - 1);
    let mut expect = |x: u16, y: u16, symbol: &str| {
        let found = buf[(x, y)].symbol();
        if found != symbol && !covered.contains(Position::new(x, y)) {
            errors.push(format!(
                "({x},{y}) of {rect:?}: {found:?}, expected {symbol:?}"
            ));
        }
    };
    expect(left, top, style[0]);
    expect(right, top, style[1]);
    expect(left, bottom, style[2]);
    expect(right, bottom, style[3]);
    for y in top + 1..bottom {
        expect(left, y, style[4]);
        expect(right, y, style[4]);
    }
    errors
}

/// The popup's box: the smallest complete rounded box around the middle of
/// the screen that is not a pane.
fn popup_box(buf: &Buffer, area: Rect, panes: &[Rect]) -> Option<Rect> {
    let middle = Position::new(area.x + area.width / 2, area.y + area.height / 2);
    let mut found: Option<Rect> = None;
    for top in area.top()..=middle.y {
        for left in area.left()..=middle.x {
            if buf[(left, top)].symbol() != ROUNDED[0] {
                continue;
            }
            for right in middle.x..area.right() {
                for bottom in middle.y..area.bottom() {
                    let rect = Rect::new(left, top, right - left + 1, bottom - top + 1);
                    if buf[(right, top)].symbol() == ROUNDED[1]
                        && buf[(left, bottom)].symbol() == ROUNDED[2]
                        && !panes.contains(&rect)
                        && box_errors(buf, rect, ROUNDED, Rect::ZERO).is_empty()
                        && found.is_none_or(|f| rect.area() < f.area())
                    {
                        found = Some(rect);
                    }
                }
            }
        }
    }
    found
}

fn count(buf: &Buffer, area: Rect, symbol: &str) -> usize {
    area.positions()
        .filter(|&p| buf[p].symbol() == symbol)
        .count()
}

/// Everything wrong with the screen drawn in `area` of `buf` after `app`'s
/// keys.
fn screen_errors(app: &App, buf: &Buffer, area: Rect) -> Vec<String> {
    let mut errors = Vec::new();
    // Nothing outside the frame.
    for p in buf.area.positions() {
        if !area.contains(p) && buf[p] != Cell::default() {
            errors.push(format!("drawn outside the frame at {p:?}: {:?}", buf[p]));
        }
    }
    let all_borders = ROUNDED.iter().chain(&THICK);
    let screen = ScreenLayout::new(area.width, area.height, app.focus());
    if screen.too_small {
        if all_borders.clone().any(|s| count(buf, area, s) > 0) {
            errors.push("a border on the too-small screen".into());
        }
        if area.width >= 20 && area.height >= 3 {
            let text = briefing::headless::to_text(buf);
            if !text.contains("Terminal too small") {
                errors.push("no too-small message".into());
            }
        }
        return errors;
    }
    let panes: Vec<(Pane, Rect)> = Pane::ALL
        .into_iter()
        .filter_map(|p| screen.panes[p.index()].map(|r| (p, r)))
        .collect();
    let pane_rects: Vec<Rect> = panes.iter().map(|&(_, r)| r).collect();
    let covered = if app.popups().is_empty() {
        // With no popup every box is whole: corners come in pairs, one box
        // per pane, exactly one of them (the focused pane) thick.
        for style in [ROUNDED, THICK] {
            for (a, b) in [(0, 2), (1, 3), (0, 1)] {
                let (na, nb) = (count(buf, area, style[a]), count(buf, area, style[b]));
                if na != nb {
                    errors.push(format!("{na} {} but {nb} {}", style[a], style[b]));
                }
            }
        }
        let boxes = count(buf, area, ROUNDED[0]) + count(buf, area, THICK[0]);
        if boxes != panes.len() || count(buf, area, THICK[0]) != 1 {
            errors.push(format!("{boxes} boxes for {} panes", panes.len()));
        }
        Rect::ZERO
    } else {
        match popup_box(buf, area, &pane_rects) {
            Some(rect) => rect,
            None => {
                errors.push("no whole popup box".into());
                area
            }
        }
    };
    for (pane, rect) in panes {
        let style = if pane == app.focus() { THICK } else { ROUNDED };
        errors.extend(box_errors(buf, rect, style, covered));
    }
    errors
}

#[test]
fn edge_and_common_sizes_draw_whole_boxes_inside_the_frame() {
    let sizes = EDGE_WIDTHS
        .iter()
        .flat_map(|&w| EDGE_HEIGHTS.iter().map(move |&h| (w, h)))
        .chain(SIZES);
    let mut failures = Vec::new();
    for (width, height) in sizes {
        for keys in SEQUENCES {
            let area = Rect::new(0, 0, width, height);
            let (app, buf) = draw_in(keys, area);
            let errors = screen_errors(&app, &buf, area);
            if !errors.is_empty() {
                failures.push(format!(
                    "{width}x{height} after {keys:?}:\n  {}\n{}",
                    errors.join("\n  "),
                    briefing::headless::to_text(&buf)
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_screen_checks_catch_broken_borders_and_cells_outside_the_frame() {
    let area = Rect::new(0, 0, 120, 40);
    for keys in ["", "?"] {
        let (app, buf) = draw_in(keys, area);
        assert_eq!(screen_errors(&app, &buf, area), Vec::<String>::new());
        // Text over the left side of the timeline pane (outside any popup).
        let mut broken = buf.clone();
        broken[(0, 5)].set_symbol("x");
        assert!(!screen_errors(&app, &broken, area).is_empty(), "{keys:?}");
        // A cell drawn beside the frame.
        let mut outside = buf.clone();
        outside[(120, 3)].set_symbol("x");
        assert!(!screen_errors(&app, &outside, area).is_empty(), "{keys:?}");
    }
    // A popup's missing corner.
    let (app, mut buf) = draw_in("?", area);
    let corner = area
        .positions()
        .filter(|&p| buf[p].symbol() == "╯")
        .find(|&p| p.x > 0 && p.x < 119)
        .unwrap();
    buf[corner].set_symbol("─");
    assert!(!screen_errors(&app, &buf, area).is_empty());
}

/// Each kind of detail view at 60x20, 80x24 and 200x60, and the other
/// popups scrolled.
macro_rules! popup_snapshots {
    ($($name:ident: $keys:expr;)*) => {
        mod popup_small {
            $(#[test] fn $name() { insta::assert_snapshot!(super::screen($keys, 60, 20)); })*
        }
        mod popup_common {
            $(#[test] fn $name() { insta::assert_snapshot!(super::screen($keys, 80, 24)); })*
        }
        mod popup_large {
            $(#[test] fn $name() { insta::assert_snapshot!(super::screen($keys, 200, 60)); })*
        }
    };
}

popup_snapshots! {
    quote_detail: "3jjjjjjjj<Enter>";
    quote_detail_end: "3jjjjjjjj<Enter>G";
    event_detail: "1jj<Enter>";
    speaker_detail: "2<Enter>";
    disagreement_detail: "4jjjj<Enter>";
    disagreement_detail_scrolled: "4jjjj<Enter><C-d>";
    overview_scrolled: "i<C-d>";
    help_scrolled: "?<C-d><C-d>";
    briefing_list_scrolled: "bG";
    popup_search: "?/search<Enter>n";
}

/// Provenance on screen: the marks, the detail's sentence and the source
/// view, with the article at hand and without it.
mod provenance {
    fn proven(keys: &str, width: u16, height: u16) -> String {
        crate::support::screen(&mut crate::support::alaska_proven(), keys, width, height)
    }

    fn without_copy(keys: &str, width: u16, height: u16) -> String {
        crate::support::screen(
            &mut crate::support::alaska_without_copy(),
            keys,
            width,
            height,
        )
    }

    #[test]
    fn marks_narrow() {
        insta::assert_snapshot!(proven("3", 80, 24));
    }

    #[test]
    fn marks_small() {
        insta::assert_snapshot!(proven("3j", 60, 20));
    }

    #[test]
    fn marks_without_copy() {
        insta::assert_snapshot!(without_copy("3", 80, 24));
    }

    #[test]
    fn quote_detail_verified() {
        insta::assert_snapshot!(proven("3j<Enter>G", 80, 24));
    }

    #[test]
    fn quote_detail_without_copy_small() {
        insta::assert_snapshot!(without_copy("3j<Enter>G", 60, 20));
    }

    #[test]
    fn source_view_narrow() {
        insta::assert_snapshot!(proven("3jc", 80, 24));
    }

    #[test]
    fn source_view_small() {
        insta::assert_snapshot!(proven("3jc", 60, 20));
    }

    #[test]
    fn source_view_next_quote_small() {
        insta::assert_snapshot!(proven("3jcnn", 60, 20));
    }

    #[test]
    fn source_view_without_copy_narrow() {
        insta::assert_snapshot!(without_copy("3jc", 80, 24));
    }

    #[test]
    fn source_view_without_copy_small() {
        insta::assert_snapshot!(without_copy("3jc", 60, 20));
    }

    fn mistyped(keys: &str, width: u16, height: u16) -> String {
        let mut app = crate::support::provenance_fixture("mistyped.toml");
        crate::support::screen(&mut app, keys, width, height)
    }

    #[test]
    fn marks_failed() {
        insta::assert_snapshot!(mistyped("3", 80, 24));
    }

    #[test]
    fn quote_detail_failed_small() {
        insta::assert_snapshot!(mistyped("3<Enter>G", 60, 20));
    }

    #[test]
    fn source_view_closest_passage_small() {
        insta::assert_snapshot!(mistyped("3c", 60, 20));
    }

    #[test]
    fn source_view_without_copy_small_end() {
        insta::assert_snapshot!(without_copy("3jcG", 60, 20));
    }

    #[test]
    fn source_view_without_copy_next_quote() {
        insta::assert_snapshot!(without_copy("3jcn", 80, 24));
    }

    #[test]
    fn source_view_copy_differs_small() {
        let mut app = crate::support::alaska_copy_differs();
        insta::assert_snapshot!(crate::support::screen(&mut app, "3c", 60, 20));
    }
}
