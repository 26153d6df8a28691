//! What the tests share: a reader on the bundled briefing, key presses in
//! `render --keys` notation, the theme and the screen as text. Benches and the
//! fuzz target include this file too.
#![allow(dead_code)]

pub mod generate;

use briefing::app::{Action, App, Effect};
use briefing::config::ThemeColors;
use briefing::headless;
use briefing::keys::parse_sequence;
use briefing::model::{Briefing, Failure};
use briefing::ui::{Context, Theme};

/// A reader over `briefings` on a 120×40 screen, default keys.
pub fn app_with(briefings: Vec<Briefing>, failures: Vec<Failure>) -> App {
    let mut app = App::new(briefings, failures);
    app.update(Action::Resize(120, 40));
    app
}

/// A reader on the bundled Alaska briefing, 120×40, default keys.
pub fn alaska() -> App {
    app_with(vec![Briefing::bundled()], Vec::new())
}

/// Presses `keys` (as `render --keys` takes them: `"3jj<Enter>"`) and
/// returns the effects the app asked for.
pub fn press(app: &mut App, keys: &str) -> Vec<Effect> {
    headless::press(app, &parse_sequence(keys).expect("test keys parse"))
}

/// The default theme; `plain` without colours, as `render` draws.
pub fn theme(plain: bool) -> Theme {
    Theme::new(ThemeColors::defaults(), plain)
}

/// The screen as text after `keys`, at `width`×`height`, without colours.
pub fn screen(app: &mut App, keys: &str, width: u16, height: u16) -> String {
    let theme = theme(true);
    let ctx = Context { theme: &theme };
    let keys = parse_sequence(keys).expect("test keys parse");
    headless::to_text(&headless::render(app, &ctx, &keys, width, height))
}
