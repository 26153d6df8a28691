//! The terminal's background, light or dark, which picks the colours: asked
//! of the terminal (OSC 11, through `terminal-colorsaurus`, which fences
//! the question so a terminal that does not answer it is known at once)
//! when the config leaves it to the terminal, with a short timeout.

use std::io::IsTerminal as _;
use std::time::Duration;

use crate::config::{Background, ThemeChoice};

/// The longest start-up waits for a terminal that answers nothing at all.
pub const TIMEOUT: Duration = Duration::from_millis(100);

/// The background to draw for. The terminal is asked only for
/// `ThemeChoice::Auto`, on a terminal, with colour on (`no_color` false);
/// dark when it cannot be known.
pub fn detect(choice: ThemeChoice, no_color: bool) -> Background {
    match choice {
        ThemeChoice::Dark => Background::Dark,
        ThemeChoice::Light => Background::Light,
        ThemeChoice::Auto => {
            let terminal = std::io::stdin().is_terminal() && std::io::stdout().is_terminal();
            if no_color || !terminal {
                return Background::Dark;
            }
            let options = {
                let mut o = terminal_colorsaurus::QueryOptions::default();
                o.timeout = TIMEOUT;
                o
            };
            match terminal_colorsaurus::background_color(options) {
                Ok(color) => of_lightness(color.perceived_lightness()),
                Err(_) => Background::Dark,
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
        assert_eq!(detect(ThemeChoice::Light, false), Background::Light);
        assert_eq!(detect(ThemeChoice::Dark, false), Background::Dark);
        // Under `cargo test` stdout is not a terminal: never asked.
        assert_eq!(detect(ThemeChoice::Auto, false), Background::Dark);
        assert_eq!(of_lightness(0.9), Background::Light);
        assert_eq!(of_lightness(0.1), Background::Dark);
    }
}
