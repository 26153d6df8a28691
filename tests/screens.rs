//! Screen snapshots: the real app drawn on ratatui's TestBackend after a key
//! sequence, compared with the committed text in tests/snapshots/.

use briefing::app::App;
use briefing::config::ThemeColors;
use briefing::headless::{render, to_text};
use briefing::keys::{Keymap, parse_sequence};
use briefing::model::Briefing;
use briefing::ui::{Context, Theme};

fn screen(keys: &str, width: u16, height: u16) -> String {
    let mut app = App::new(vec![Briefing::bundled()], Vec::new());
    let keymap = Keymap::default();
    let theme = Theme::new(ThemeColors::defaults(), true);
    let ctx = Context {
        keymap: &keymap,
        theme: &theme,
    };
    to_text(&render(
        &mut app,
        &ctx,
        &parse_sequence(keys).unwrap(),
        width,
        height,
    ))
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
}

#[test]
fn too_small_says_so() {
    let text = screen("", 39, 11);
    assert!(text.contains("Terminal too small: 39×11"), "{text}");
}

#[test]
fn every_size_from_0x0_to_300x100_draws_without_panic() {
    let widths = (0..=300)
        .step_by(23)
        .chain([1, 2, 39, 40, 41, 99, 100, 101, 299, 300]);
    let heights: Vec<u16> = (0..=100)
        .step_by(9)
        .chain([1, 2, 11, 12, 13, 99, 100])
        .collect();
    for width in widths {
        for &height in &heights {
            for keys in ["", "3<Enter>", "4<Enter>", "?", "t", "i", "b", "3/a"] {
                screen(keys, width, height);
            }
        }
    }
}
