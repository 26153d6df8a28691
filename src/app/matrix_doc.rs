//! What the stance matrix shows below the grid for the selected cell: the
//! party and the disagreement named whole, the stance (and its label)
//! wrapped, its supporting quotes with who said them and when; in the story
//! view, the stance in each briefing where it changed.

use super::detail_doc::field_lines;
use super::document::{DocLine, Tone, seg};
use crate::model::{Briefing, DisagreementKind, Status};
use crate::text::{one_line, wrap};

/// "open question", "dispute, narrowing", "resolved question".
pub fn kind_and_status(b: &Briefing, d: usize) -> String {
    let dis = &b.disagreements[d];
    let kind = match dis.kind {
        DisagreementKind::Dispute => "dispute",
        DisagreementKind::Question => "question",
    };
    match dis.status {
        Status::Open => format!("open {kind}"),
        Status::Narrowing => format!("{kind}, narrowing"),
        Status::Resolved => format!("resolved {kind}"),
    }
}

/// The lines about speaker `s` on disagreement `d`, where `position` is
/// the speaker's position there if any, `width` columns wide.
pub fn cell_lines(
    b: &Briefing,
    s: usize,
    d: usize,
    position: Option<usize>,
    width: usize,
) -> Vec<DocLine> {
    let width = width.max(1);
    let mut out = Vec::new();
    let speaker = &b.speakers[s];
    for line in wrap(&speaker.name_and_role(), width) {
        out.push(DocLine::new(Tone::Bold, line));
    }
    let dis = &b.disagreements[d];
    let on = format!("on: {} ({})", one_line(&dis.title), kind_and_status(b, d));
    for line in wrap(&on, width) {
        out.push(DocLine::new(Tone::Plain, line));
    }
    let Some(pi) = position else {
        out.push(DocLine::blank());
        let what = match dis.kind {
            DisagreementKind::Dispute => "dispute",
            DisagreementKind::Question => "question",
        };
        for line in wrap(
            &format!("No position given for this party on this {what}."),
            width,
        ) {
            out.push(DocLine::new(Tone::Muted, line));
        }
        return out;
    };
    let p = &dis.positions[pi];
    out.push(DocLine::blank());
    if let Some(label) = &p.label {
        out.extend(field_lines("Label", label, width));
    }
    out.extend(field_lines("Stance", p.stance.trim(), width));
    let quotes: Vec<usize> = (p.quotes.iter())
        .filter_map(|id| b.index.quote_by_id.get(id).copied())
        .collect();
    if !quotes.is_empty() {
        out.push(DocLine::blank());
        out.push(DocLine::new(Tone::Heading, "Supporting quotes"));
        for q in quotes {
            let quote = &b.quotes[q];
            let text = format!("“{}”", quote.text.trim());
            for line in wrap(&text, width.saturating_sub(2)) {
                out.push(DocLine::new(Tone::Plain, format!("  {line}")));
            }
            let who = format!(
                "— {}, {}",
                one_line(&b.speaker_of(q).name),
                quote.at.shown()
            );
            for line in wrap(&who, width.saturating_sub(4)) {
                out.push(DocLine::from_segs(vec![
                    seg(Tone::Plain, "    "),
                    seg(Tone::Muted, line),
                ]));
            }
        }
    }
    if let Some(lib) = b.library.as_deref()
        && let Some(steps) = lib.stances.get(d).and_then(|s| s.get(pi))
    {
        out.push(DocLine::blank());
        out.push(DocLine::new(
            Tone::Heading,
            "Stance per briefing (each change, newest first)",
        ));
        let tag_width = (steps.iter())
            .map(|s| unicode_width::UnicodeWidthStr::width(lib.tag(s.member)))
            .max()
            .unwrap_or(0);
        for step in steps {
            let tag = one_line(lib.tag(step.member));
            let text = match &step.label {
                Some(label) => format!("{} — {}", one_line(label), step.stance.trim()),
                None => step.stance.trim().to_string(),
            };
            let indent = tag_width + 4;
            if width > indent + 10 {
                for (n, line) in wrap(&text, width - indent).into_iter().enumerate() {
                    let head = if n == 0 {
                        format!("  {tag:<tag_width$}  ")
                    } else {
                        " ".repeat(indent)
                    };
                    out.push(DocLine::from_segs(vec![
                        seg(Tone::Muted, head),
                        seg(Tone::Plain, line),
                    ]));
                }
            } else {
                out.push(DocLine::new(Tone::Muted, format!("  {tag}")));
                for line in wrap(&text, width.saturating_sub(4)) {
                    out.push(DocLine::new(Tone::Plain, format!("    {line}")));
                }
            }
        }
    }
    out
}
