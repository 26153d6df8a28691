//! The briefing list and the topic picker as documents: each entry is a
//! link, wrapped whole (nothing cut off), the cursor marked without colour.

use std::collections::BTreeSet;

use super::App;
use super::document::{DocLine, Document, Tone, seg};
use crate::text::{one_line, plural, wrap};

pub const BRIEFINGS_WIDTH: u16 = 96;
pub const TOPICS_WIDTH: u16 = 60;

/// Lines of `text` wrapped to `width`, the first after `first`, the others
/// after as many spaces (a hanging indent).
fn hanging(first: &str, text: &str, width: usize, tone: Tone) -> Vec<DocLine> {
    let indent = first.chars().count();
    wrap(text, width.saturating_sub(indent))
        .into_iter()
        .enumerate()
        .map(|(n, l)| {
            let lead = if n == 0 {
                first.to_string()
            } else {
                " ".repeat(indent)
            };
            DocLine::from_segs(vec![seg(Tone::Marked, lead), seg(tone, l)])
        })
        .collect()
}

/// The loaded briefings (the one shown marked ▶), then the files that failed.
pub fn briefings_document(app: &App, width: usize) -> Document<'_> {
    // In the story view every briefing is shown: none is marked.
    let title = if app.in_story() {
        "Briefings: all shown in the story view"
    } else {
        "Briefings"
    };
    let mut doc = Document::new(title, BRIEFINGS_WIDTH);
    for (i, b) in app.briefings.iter().enumerate() {
        let current = if i == app.current && !app.in_story() {
            "▶ "
        } else {
            "  "
        };
        let title = format!("{}  {}", one_line(&b.meta.title), b.meta.as_of.shown());
        doc.extend(
            hanging(current, &title, width, Tone::Bold)
                .into_iter()
                .map(|l| l.linked(i)),
        );
        let counts = format!(
            "{} · {} · {} · {} · {}",
            plural(b.quotes.len(), "quote", "quotes"),
            plural(b.speakers.len(), "speaker", "speakers"),
            plural(b.events.len(), "event", "events"),
            plural(b.disagreements.len(), "disagreement", "disagreements"),
            b.path.display()
        );
        doc.extend(
            hanging("    ", &counts, width, Tone::Muted)
                .into_iter()
                .map(|l| l.linked(i)),
        );
        if let Some(adds) = app.additions.get(i).copied().flatten() {
            let adds = format!("{} to the briefings before it", adds.describe());
            doc.extend(
                hanging("    ", &adds, width, Tone::Muted)
                    .into_iter()
                    .map(|l| l.linked(i)),
            );
        }
    }
    if !app.failures.is_empty() {
        doc.push(DocLine::blank());
        doc.push(DocLine::new(
            Tone::Warning,
            format!(
                "{} failed to load:",
                plural(app.failures.len(), "file", "files")
            ),
        ));
    }
    for (j, f) in app.failures.iter().enumerate() {
        let link = app.briefings.len() + j;
        let path = f.path.display().to_string();
        doc.extend(
            hanging("✗ ", &path, width, Tone::Plain)
                .into_iter()
                .map(|l| l.linked(link)),
        );
        let first = f
            .diagnostics
            .first()
            .map(|d| format!("{}: {}", d.position(), d.message))
            .unwrap_or_default();
        let more = f.diagnostics.len().saturating_sub(1);
        let more = if more > 0 {
            format!(" (+{more} more; run `briefing check`)")
        } else {
            String::new()
        };
        doc.extend(
            hanging("    ", &format!("{first}{more}"), width, Tone::Muted)
                .into_iter()
                .map(|l| l.linked(link)),
        );
    }
    doc
}

/// Every topic with its quote count, ticked or not, the cursor marked `>`.
pub fn topics_document<'a>(
    app: &'a App,
    cursor: usize,
    chosen: &BTreeSet<usize>,
    width: usize,
) -> Document<'a> {
    let b = app.briefing();
    let mut doc = Document::new("Filter by topic", TOPICS_WIDTH);
    for (i, t) in b.topics.iter().enumerate() {
        let mark = if i == cursor { ">" } else { " " };
        let tick = if chosen.contains(&i) { "[x]" } else { "[ ]" };
        let count = b.index.quotes_by_topic[i].len();
        let lead = format!("{mark} {tick} ");
        let indent = lead.chars().count();
        let text = format!("{} ({count})", one_line(&t.name));
        for (n, l) in wrap(&text, width.saturating_sub(indent))
            .into_iter()
            .enumerate()
        {
            let lead = if n == 0 {
                lead.clone()
            } else {
                " ".repeat(indent)
            };
            doc.push(
                DocLine::from_segs(vec![seg(Tone::Marked, lead), seg(Tone::Plain, l)]).linked(i),
            );
        }
    }
    if b.topics.is_empty() {
        doc.push(DocLine::new(Tone::Muted, "this briefing has no topics"));
    }
    doc.push(DocLine::blank());
    doc.extend(
        wrap(
            "Space ticks; Enter applies the ticked topics, or the one under the cursor \
             when none is ticked. Several topics: quotes on any of them.",
            width,
        )
        .into_iter()
        .map(|l| DocLine::new(Tone::Muted, l)),
    );
    doc
}
