//! Fuzz target: arbitrary text as `render --keys`, and as one key name.
//!
//! - `parse_sequence` and `Key::from_str` must not panic;
//! - every key parsed has a name (what help shows) that is safe to print and
//!   reads back as the same key, alone and between `<` and `>`;
//! - the keys drive the reader from a fresh start on a small screen without
//!   panicking, and the screen is safe.

#![no_main]

use libfuzzer_sys::fuzz_target;

use briefing::keys::{Key, parse_sequence};
use briefing::text::unsafe_chars;

#[path = "../../tests/support/mod.rs"]
mod support;

fuzz_target!(|data: &[u8]| {
    let Ok(written) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(key) = written.parse::<Key>() {
        let name = key.to_string();
        assert!(unsafe_chars(&name).next().is_none(), "unsafe name {name:?}");
        assert_eq!(name.parse::<Key>().ok(), Some(key), "{name:?} does not read back");
    }
    let Ok(keys) = parse_sequence(written) else {
        return;
    };
    for key in &keys {
        let name = key.to_string();
        assert!(unsafe_chars(&name).next().is_none(), "unsafe name {name:?}");
        assert_eq!(
            parse_sequence(&format!("<{name}>")).ok(),
            Some(vec![*key]),
            "<{name}> does not read back"
        );
    }
    if keys.len() <= 200 {
        let mut app = support::alaska();
        let screen = support::screen(&mut app, written, 60, 20);
        assert!(
            unsafe_chars(&screen).all(|(_, c)| c == '\n'),
            "unsafe screen after {written:?}"
        );
    }
});
