//! `--ascii`: no line-drawing character, block or mark reaches the screen,
//! in any pane, popup or view, at any size.

mod support;

use briefing::app::Action;
use briefing::config::ThemeColors;
use briefing::headless;
use briefing::keys::parse_sequence;
use briefing::ui::{Context, Theme};
use support::alaska;

const STATES: &[&str] = &[
    "",
    "3jj",
    "4<Enter>",
    "?",
    "i",
    "b",
    "t",
    "m",
    "mjl",
    "C",
    "Cl",
    "Cvllv",
    "3/guarantee",
    ":peace",
    "y",
    "!",
    "3jc",
    "z",
];

#[test]
fn every_drawn_mark_is_ascii() {
    let theme = Theme::new(ThemeColors::defaults(), false).with_ascii(true);
    let ctx = Context { theme: &theme };
    let mut cells = 0;
    for (w, h) in [(120, 40), (80, 24), (60, 20), (40, 12), (20, 6)] {
        for keys in STATES {
            let mut app = alaska();
            app.update(Action::Resize(w, h));
            let keys = parse_sequence(keys).unwrap();
            let buffer = headless::render(&mut app, &ctx, &keys, w, h);
            for (i, cell) in buffer.content.iter().enumerate() {
                cells += 1;
                // Letters of other scripts in the briefing's own text are
                // text, not marks.
                let odd = cell
                    .symbol()
                    .chars()
                    .find(|c| !c.is_ascii() && !c.is_alphabetic());
                assert!(
                    odd.is_none(),
                    "{keys:?} at {w}x{h}: {:?} at {:?}\n{}",
                    cell.symbol(),
                    buffer.pos_of(i),
                    headless::to_text(&buffer)
                );
            }
        }
    }
    assert!(cells > 100_000);
}
