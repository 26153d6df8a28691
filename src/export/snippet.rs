//! One item of a briefing as text to paste elsewhere: a quote, event, speaker
//! or disagreement, as plain text or Markdown, or its id. Every field is
//! escaped (`crate::text`), so nothing pasted can act on a terminal or a
//! shell; only plain-text fields written on several lines keep their line
//! breaks.

use crate::model::{Briefing, QuoteKind};
use crate::text::{multi_line, one_line};

use super::markdown::{self, field, leading_field};

/// The quote's text alone, on one line.
pub fn quote_text(b: &Briefing, q: usize) -> String {
    one_line(b.quotes[q].text.trim()).into_owned()
}

/// The quote as a Markdown block quote with its attribution:
///
/// ```text
/// > “text”
/// >
/// > — Name, role (affiliation), venue, date
/// ```
pub fn quote_markdown(b: &Briefing, q: usize) -> String {
    let quote = &b.quotes[q];
    let text = match quote.kind {
        QuoteKind::Direct => format!("“{}”", field(quote.text.trim())),
        QuoteKind::Reported => format!("{} (reported)", leading_field(quote.text.trim())),
    };
    format!("> {text}\n>\n> — {}", field(&b.attribution(q)))
}

/// The event on one line: `date — title (place)`.
pub fn event_line(b: &Briefing, e: usize) -> String {
    let event = &b.events[e];
    let place = (event.place.as_deref())
        .map(|p| format!(" ({})", one_line(p)))
        .unwrap_or_default();
    format!("{} — {}{place}", event.at, one_line(&event.title))
}

/// The event's line, then its detail, if it has one.
pub fn event_with_detail(b: &Briefing, e: usize) -> String {
    match b.events[e].detail.as_deref() {
        Some(detail) => format!("{}\n\n{}", event_line(b, e), multi_line(detail.trim())),
        None => event_line(b, e),
    }
}

/// The event as a Markdown list item: `- **date** — title (place)`.
pub fn event_markdown(b: &Briefing, e: usize) -> String {
    markdown::event_item(b, e)
}

/// The speaker on one line: `Name, role (affiliation)`, the role only
/// when given; `Name (government)` or `Name (organisation)` for a speaker
/// that is not a person.
pub fn speaker_line(b: &Briefing, s: usize) -> String {
    let speaker = &b.speakers[s];
    let mut line = one_line(&speaker.name).into_owned();
    if let Some(kind) = markdown::speaker_kind_word(speaker.kind) {
        line.push_str(&format!(" ({kind})"));
    }
    if !speaker.role.trim().is_empty() {
        line.push_str(&format!(", {}", one_line(&speaker.role)));
    }
    if let Some(a) = &speaker.affiliation {
        line.push_str(&format!(" ({})", one_line(a)));
    }
    line
}

/// The speaker's name alone.
pub fn speaker_name(b: &Briefing, s: usize) -> String {
    one_line(&b.speakers[s].name).into_owned()
}

/// The disagreement's title, status and kind, then its summary.
pub fn disagreement_text(b: &Briefing, d: usize) -> String {
    let dis = &b.disagreements[d];
    format!(
        "{} ({} {})\n\n{}",
        one_line(&dis.title),
        markdown::status_word(dis.status),
        markdown::kind_word(dis.kind),
        multi_line(dis.summary.trim())
    )
}

/// The disagreement in Markdown: a heading, the summary and each party's
/// position.
pub fn disagreement_markdown(b: &Briefing, d: usize) -> String {
    markdown::disagreement(b, d, 3).trim_end().to_owned()
}

/// An item's id, as the briefing file names it.
pub fn id(id: &str) -> String {
    one_line(id).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn alaska() -> Briefing {
        Briefing::bundled()
    }

    #[test]
    fn quote_forms() {
        let b = alaska();
        let direct = (0..b.quotes.len())
            .find(|&q| b.quotes[q].kind == QuoteKind::Direct)
            .unwrap();
        assert_eq!(quote_text(&b, direct), b.quotes[direct].text.trim());
        let md = quote_markdown(&b, direct);
        let lines: Vec<&str> = md.lines().collect();
        assert_eq!(lines.len(), 3, "{md}");
        assert!(
            lines[0].starts_with("> “") && lines[0].ends_with('”'),
            "{md}"
        );
        assert_eq!(lines[1], ">");
        let name = &b.speaker_of(direct).name;
        assert!(lines[2].starts_with(&format!("> — {name}, ")), "{md}");
        assert!(b.citation(direct).ends_with(&b.attribution(direct)));
        let reported = b.index.quote_by_id["zelensky-thanks-us"];
        let md = quote_markdown(&b, reported);
        assert!(md.starts_with("> Zelensky thanked the US"), "{md}");
        assert!(md.lines().next().unwrap().ends_with(" (reported)"), "{md}");
        assert!(md.ends_with("> — Volodymyr Zelensky, Ukrainian president (Ukraine), 2025-08-17"));
    }

    #[test]
    fn event_speaker_and_disagreement_forms() {
        let b = alaska();
        let e = b.index.event_by_id["alaska-summit"];
        assert_eq!(
            event_line(&b, e),
            "2025-08-15 — Trump–Putin summit in Alaska (Alaska)"
        );
        assert_eq!(
            event_markdown(&b, e),
            "- **2025-08-15** — Trump–Putin summit in Alaska (Alaska)"
        );
        assert!(event_with_detail(&b, e).starts_with("2025-08-15 — Trump–Putin summit"));
        let s = b.index.speaker_by_id["rubio"];
        assert!(speaker_line(&b, s).starts_with("Marco Rubio, US secretary of state"));
        assert_eq!(speaker_name(&b, s), "Marco Rubio");
        let russia = b.index.speaker_by_id["russia"];
        assert_eq!(speaker_line(&b, russia), "Russia (government)");
        assert!(disagreement_text(&b, 0).contains("(open question)\n"));
        let d = 0;
        let text = disagreement_text(&b, d);
        assert!(text.starts_with(&b.disagreements[d].title));
        let md = disagreement_markdown(&b, d);
        assert!(md.starts_with("### "), "{md}");
        assert_eq!(
            md.lines().filter(|l| l.starts_with("- **")).count(),
            b.disagreements[d].positions.len()
        );
    }

    #[test]
    fn nothing_copied_carries_a_control_character() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hostile");
        let report = crate::model::load_paths(&[dir]);
        assert!(report.briefings.len() >= 3, "{}", report.briefings.len());
        for b in &report.briefings {
            every_form_is_escaped(b);
        }
    }

    fn every_form_is_escaped(b: &Briefing) {
        let mut all = Vec::new();
        for q in 0..b.quotes.len() {
            all.extend([quote_text(b, q), quote_markdown(b, q), b.attribution(q)]);
        }
        for e in 0..b.events.len() {
            all.extend([
                event_line(b, e),
                event_with_detail(b, e),
                event_markdown(b, e),
            ]);
        }
        for s in 0..b.speakers.len() {
            all.extend([
                speaker_line(b, s),
                speaker_name(b, s),
                id(&b.speakers[s].id),
            ]);
        }
        for d in 0..b.disagreements.len() {
            all.extend([disagreement_text(b, d), disagreement_markdown(b, d)]);
        }
        for copied in all {
            let raw = copied
                .chars()
                .find(|&c| c != '\n' && crate::text::is_unsafe(c));
            assert_eq!(raw, None, "{copied:?}");
        }
    }
}
