//! Loads arbitrary bytes as a briefing file and draws whatever comes out.
//!
//! - Invalid files: every diagnostic is rendered as the CLI prints it; the
//!   text must contain no unsafe character (control or bidi) but `\n`.
//! - Valid files: the JSON and Markdown exports are produced (the Markdown
//!   must be free of unsafe characters but `\n`), then the reader is drawn
//!   headlessly after several key sequences at several screen sizes; the
//!   screen text must be free of unsafe characters but `\n`.
//!
//! Any panic (in parsing, validation, export, key handling or drawing) is a
//! finding as well.

#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;

use briefing::diag;
use briefing::export::{json::to_json, markdown::to_markdown};
use briefing::model::Briefing;
use briefing::text::unsafe_chars;

#[path = "../../tests/support/mod.rs"]
mod support;

/// Key sequences applied before drawing, each from a fresh reader.
const SEQUENCES: &[&str] = &[
    "",
    "3jj<Enter>",
    "4<Enter>",
    "]]t<Space><Enter>",
    "/a",
    "/a<Enter>nn",
    "2jjj<Enter>",
    "i",
    "b",
    "?",
    "G<PageDown><Tab><Tab>kk",
    "s<Enter>3<C-d><C-u>N<S-Tab>",
];

/// Screen sizes (columns, rows).
const SIZES: &[(u16, u16)] = &[(0, 0), (1, 1), (40, 12), (80, 24), (200, 60)];

/// The first unsafe character of `text` other than `\n`, with its byte offset.
fn first_unsafe(text: &str) -> Option<(usize, char)> {
    unsafe_chars(text).find(|&(_, c)| c != '\n')
}

fn assert_safe(what: &str, text: &str) {
    if let Some((at, c)) = first_unsafe(text) {
        panic!("{what}: unsafe character {c:?} (U+{:04X}) at byte {at} in:\n{text:?}", c as u32);
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(source) = std::str::from_utf8(data) else {
        return;
    };
    let path = Path::new("fuzz.toml");
    let briefing = match Briefing::parse(path, source) {
        Ok(b) => b,
        Err(diagnostics) => {
            for d in &diagnostics {
                assert_safe("diagnostic", &diag::render(d, Some(source), false));
                assert_safe("diagnostic without source", &diag::render(d, None, false));
            }
            return;
        }
    };

    let _ = to_json(&briefing);
    assert_safe("markdown export", &to_markdown(&briefing));

    for written in SEQUENCES {
        for &(width, height) in SIZES {
            let mut app = support::app_with(vec![briefing.clone()], Vec::new());
            let screen = support::screen(&mut app, written, width, height);
            if let Some((at, c)) = first_unsafe(&screen) {
                panic!(
                    "screen after {written:?} at {width}x{height}: unsafe character {c:?} \
                     (U+{:04X}) at byte {at} in:\n{screen:?}",
                    c as u32
                );
            }
        }
    }
});
