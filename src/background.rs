//! The terminal's background, light or dark, which picks the colours: asked
//! of the terminal (OSC 11, through `terminal-colorsaurus`, which fences
//! the question so a terminal that does not answer it is known at once)
//! when the config leaves it to the terminal, with a short timeout.

use std::io::IsTerminal as _;
use std::time::Duration;

use crate::config::{Background, ThemeChoice};

/// The longest start-up waits for a terminal that answers nothing at all.
pub const TIMEOUT: Duration = Duration::from_millis(100);

/// What the terminal said, or why not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Answer {
    pub background: Background,
    /// The terminal was asked and did not answer in time: its answer may
    /// still come, and must not be read as keys (`input::LateReply`).
    pub may_come_late: bool,
}

/// The background to draw for. The terminal is asked only for
/// `ThemeChoice::Auto`, on a terminal, with colour on (`no_color` false);
/// dark when it cannot be known.
pub fn detect(choice: ThemeChoice, no_color: bool) -> Answer {
    let known = |background| Answer {
        background,
        may_come_late: false,
    };
    match choice {
        ThemeChoice::Dark => known(Background::Dark),
        ThemeChoice::Light => known(Background::Light),
        ThemeChoice::Auto => {
            let terminal = std::io::stdin().is_terminal() && std::io::stdout().is_terminal();
            if no_color || !terminal {
                return known(Background::Dark);
            }
            let options = {
                let mut o = terminal_colorsaurus::QueryOptions::default();
                o.timeout = TIMEOUT;
                o
            };
            match terminal_colorsaurus::background_color(options) {
                Ok(color) => known(of_lightness(color.perceived_lightness())),
                Err(terminal_colorsaurus::Error::Timeout(_)) => Answer {
                    background: Background::Dark,
                    may_come_late: true,
                },
                Err(_) => known(Background::Dark),
            }
        }
    }
}

/// Light from a perceived lightness (0 black to 1 white) above one half.
fn of_lightness(lightness: f32) -> Background {
    if lightness > 0.5 {
        Background::Light
    } else {
        Background::Dark
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_choice_in_the_config_is_not_asked_and_half_lightness_is_the_line() {
        assert_eq!(
            detect(ThemeChoice::Light, false).background,
            Background::Light
        );
        assert_eq!(
            detect(ThemeChoice::Dark, false).background,
            Background::Dark
        );
        // Under `cargo test` stdout is not a terminal: never asked.
        let auto = detect(ThemeChoice::Auto, false);
        assert_eq!(
            (auto.background, auto.may_come_late),
            (Background::Dark, false)
        );
        assert_eq!(of_lightness(0.9), Background::Light);
        assert_eq!(of_lightness(0.1), Background::Dark);
    }
}
