//! Screen snapshots of the story view (tests/fixtures/story merged), at
//! 120×40 and 80×24: the panes with their briefing tags, a speaker whose
//! role changed, the status history and earlier stances.

mod support;

use std::path::Path;

use briefing::model::load_paths;

fn screen(keys: &str, width: u16, height: u16) -> String {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/story");
    let mut app = support::app_with(load_paths(&[dir]).briefings, Vec::new());
    app.start_in_story();
    support::screen(&mut app, keys, width, height)
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
    story_panes: "";
    story_speakers: "2";
    story_quotes_followed: "3]";
    story_disagreements: "4";
    story_speaker_detail: "2<Enter>";
    story_disagreement_detail: "4jjj<Enter>";
    story_disagreement_detail_end: "4jjj<Enter>G";
    story_quotes_of_one_briefing: "3&03-09<Enter>";
}
