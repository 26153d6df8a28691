//! Briefings generated as TOML text, for tests and benches at scale.

use std::fmt::Write as _;

/// The start of a briefing (format, `[briefing]`), without entities.
pub fn head() -> String {
    "format = 1\n\n[briefing]\nid = \"scale\"\ntitle = \"Scale\"\nas_of = 2025-01-02\n\
     summary = \"Generated.\"\n"
        .to_string()
}

pub fn topic(out: &mut String, id: &str) {
    let _ = write!(out, "\n[[topics]]\nid = \"{id}\"\nname = \"Topic\"\n");
}

pub fn speaker(out: &mut String, id: &str) {
    let _ = write!(
        out,
        "\n[[speakers]]\nid = \"{id}\"\nname = \"Name\"\nrole = \"Role\"\n"
    );
}

/// A quote; `topics` is the inside of the TOML list (`"\"t\""`).
pub fn quote(out: &mut String, id: &str, speaker: &str, topics: &str) {
    let _ = write!(
        out,
        "\n[[quotes]]\nid = \"{id}\"\nspeaker = \"{speaker}\"\ntext = \"Said {id}.\"\n\
         at = 2025-01-02\ntopics = [{topics}]\n"
    );
}

/// `n` speakers `speaker-I` and `n` quotes, quote I citing `spaeker-I` (or,
/// when `right`, `speaker-I`).
pub fn references(n: usize, right: bool) -> String {
    let mut out = head();
    topic(&mut out, "t");
    for i in 0..n {
        speaker(&mut out, &format!("speaker-{i}"));
    }
    let cited = if right { "speaker" } else { "spaeker" };
    for i in 0..n {
        quote(
            &mut out,
            &format!("q-{i}"),
            &format!("{cited}-{i}"),
            "\"t\"",
        );
    }
    out
}

/// One speaker `s` with `n` quotes.
pub fn one_speaker_many_quotes(n: usize) -> String {
    let mut out = head();
    topic(&mut out, "t");
    speaker(&mut out, "s");
    for i in 0..n {
        quote(&mut out, &format!("q-{i}"), "s", "\"t\"");
    }
    out
}
