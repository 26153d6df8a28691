//! Markdown export: a readable digest of a briefing. Text from the file is
//! escaped so that no control sequence reaches a terminal.

use std::fmt::Write as _;

use crate::model::{Briefing, QuoteKind, Status};
use crate::text::{multi_line, one_line};

/// The briefing as a Markdown digest: overview, timeline, quotes by speaker,
/// disagreements.
pub fn to_markdown(b: &Briefing) -> String {
    let mut out = String::new();
    let m = &b.meta;
    let _ = writeln!(out, "# {}\n", one_line(&m.title));
    let _ = writeln!(out, "*As of {}*\n", m.as_of);
    let _ = writeln!(out, "{}\n", multi_line(m.summary.trim()));
    if !m.key_points.is_empty() {
        out.push_str("## Key points\n\n");
        for p in &m.key_points {
            let _ = writeln!(out, "- {}", one_line(p));
        }
        out.push('\n');
    }
    if !b.events.is_empty() {
        out.push_str("## Timeline\n\n");
        for &i in &b.index.timeline {
            let e = &b.events[i];
            let place = e
                .place
                .as_deref()
                .map(|p| format!(" ({})", one_line(p)))
                .unwrap_or_default();
            let _ = writeln!(out, "- **{}** — {}{}", e.at, one_line(&e.title), place);
        }
        out.push('\n');
    }
    if !b.speakers.is_empty() {
        out.push_str("## Who said what\n\n");
    }
    for (si, s) in b.speakers.iter().enumerate() {
        let affiliation = s
            .affiliation
            .as_deref()
            .map(|a| format!(", {}", one_line(a)))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "### {} — {}{}\n",
            one_line(&s.name),
            one_line(&s.role),
            affiliation
        );
        for &qi in &b.index.quotes_by_speaker[si] {
            let q = &b.quotes[qi];
            let venue = q
                .venue
                .as_deref()
                .map(|v| format!(", {}", one_line(v)))
                .unwrap_or_default();
            match q.kind {
                QuoteKind::Direct => {
                    let _ = writeln!(out, "> “{}”\n>\n> — {}{}\n", one_line(&q.text), q.at, venue);
                }
                QuoteKind::Reported => {
                    let by = (q.reported_by.as_deref().and_then(|id| b.speaker(id)))
                        .map(|r| format!(", as reported by {}", one_line(&r.name)))
                        .unwrap_or_default();
                    let _ = writeln!(
                        out,
                        "- *Reported:* {} ({}{}{})\n",
                        one_line(&q.text),
                        q.at,
                        venue,
                        by
                    );
                }
            }
        }
    }
    if !b.disagreements.is_empty() {
        out.push_str("## Disagreements\n\n");
    }
    let mut order: Vec<usize> = (0..b.disagreements.len()).collect();
    order.sort_by_key(|&i| b.disagreements[i].status);
    for i in order {
        let d = &b.disagreements[i];
        let status = match d.status {
            Status::Open => "open",
            Status::Narrowing => "narrowing",
            Status::Resolved => "resolved",
        };
        let _ = writeln!(out, "### {} ({status})\n", one_line(&d.title));
        let _ = writeln!(out, "{}\n", multi_line(d.summary.trim()));
        for p in &d.positions {
            let name = b
                .speaker(&p.speaker)
                .map_or(p.speaker.as_str(), |s| s.name.as_str());
            let _ = writeln!(out, "- **{}**: {}", one_line(name), one_line(&p.stance));
        }
        out.push('\n');
    }
    if !m.sources.is_empty() {
        out.push_str("## Sources\n\n");
        for s in &m.sources {
            let mut line = one_line(&s.title).into_owned();
            if let Some(o) = &s.outlet {
                let _ = write!(line, ", {}", one_line(o));
            }
            if let Some(p) = &s.published {
                let _ = write!(line, ", {p}");
            }
            if let Some(u) = &s.url {
                let _ = write!(line, " <{}>", one_line(u));
            }
            let _ = writeln!(out, "- {line}");
        }
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}
