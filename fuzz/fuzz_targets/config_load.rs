//! Fuzz target: arbitrary bytes as a config file (`config.toml`).
//!
//! - `Config::parse` must not panic;
//! - every diagnostic and warning, rendered with and without the source,
//!   must contain no terminal-unsafe character but `\n`;
//! - a config that loads drives the reader: its keymap is used for a few key
//!   sequences, and help (which lists every binding) is drawn; the screen
//!   must be safe too.

#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;

use briefing::config::Config;
use briefing::diag;
use briefing::text::unsafe_chars;

#[path = "../../tests/support/mod.rs"]
mod support;

fn assert_safe(what: &str, text: &str) {
    if let Some((at, c)) = unsafe_chars(text).find(|&(_, c)| c != '\n') {
        panic!("{what}: unsafe character {c:?} at byte {at} in:\n{text:?}");
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(source) = std::str::from_utf8(data) else {
        return;
    };
    let config = match Config::parse(Path::new("config.toml"), source) {
        Ok(config) => config,
        Err(diagnostics) => {
            for d in &diagnostics {
                assert_safe("diagnostic", &diag::render(d, Some(source), false));
                assert_safe("diagnostic without source", &diag::render(d, None, false));
            }
            return;
        }
    };
    for w in &config.warnings {
        assert_safe("warning", &diag::render(w, Some(source), false));
    }
    for keys in ["?G", "?jjjj", "3jj<Enter>", "t<Space><Enter>", "/ab<BS><Enter>n"] {
        let mut app = support::alaska().with_keymap(config.keymap.clone());
        let screen = support::screen(&mut app, keys, 80, 24);
        assert_safe(&format!("screen after {keys:?}"), &screen);
    }
});
