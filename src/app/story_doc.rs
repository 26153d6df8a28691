//! What a detail view adds in the story view: the briefings an item is in,
//! a disagreement's status over time and each party's earlier stances, a
//! speaker's role over time.

use super::detail_doc::field_lines;
use super::document::{DocLine, Tone};
use super::popup::Target;
use crate::model::Briefing;
use crate::model::library::status_word;
use crate::text::wrap;

/// (label, value) fields after the item's own, in the story view.
pub fn fields(b: &Briefing, target: Target) -> Vec<(&'static str, String)> {
    let Some(library) = b.library() else {
        return Vec::new();
    };
    let tags = |members: Option<&Vec<usize>>| {
        (members.into_iter().flatten())
            .map(|&m| library.tag(m).to_string())
            .collect::<Vec<_>>()
            .join(", ")
    };
    match target {
        Target::Quote(q) => vec![("Briefings", tags(library.quote_members.get(q)))],
        Target::Event(e) => vec![("Briefings", tags(library.event_members.get(e)))],
        Target::Disagreement(d) => {
            let steps = library.statuses.get(d).map_or(&[][..], Vec::as_slice);
            let history = (steps.iter())
                .map(|s| format!("{} {}", status_word(s.status), library.tag(s.member)))
                .collect::<Vec<_>>()
                .join(" → ");
            vec![("History", history)]
        }
        Target::Speaker(_) => Vec::new(),
    }
}

/// Sections after the fields (a speaker) or the positions (a
/// disagreement), in the story view: what changed, newest first.
pub fn sections(b: &Briefing, target: Target, width: usize) -> Vec<DocLine> {
    let Some(library) = b.library() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    match target {
        Target::Speaker(s) => {
            let Some(steps) = library.roles.get(s).filter(|r| r.len() > 1) else {
                return out;
            };
            out.push(DocLine::blank());
            out.push(DocLine::new(Tone::Heading, "Role over time (newest first)"));
            for step in steps {
                let mut role: Vec<&str> = Vec::new();
                if !step.role.trim().is_empty() {
                    role.push(step.role.trim());
                }
                role.extend(step.affiliation.as_deref());
                out.extend(field_lines(
                    library.tag(step.member),
                    &role.join(", "),
                    width,
                ));
            }
        }
        Target::Disagreement(d) => {
            let Some(positions) = library.stances.get(d) else {
                return out;
            };
            if positions.iter().all(|steps| steps.len() < 2) {
                return out;
            }
            out.push(DocLine::blank());
            out.push(DocLine::new(
                Tone::Heading,
                "Earlier stances (newest first)",
            ));
            for (p, steps) in positions.iter().enumerate().filter(|(_, s)| s.len() > 1) {
                let speaker = &b.disagreements[d].positions[p].speaker;
                let name = b.speaker(speaker).map_or(speaker.as_str(), |s| &s.name);
                out.extend(
                    wrap(name, width)
                        .into_iter()
                        .map(|l| DocLine::new(Tone::Bold, l)),
                );
                for step in &steps[1..] {
                    out.extend(field_lines(library.tag(step.member), &step.stance, width));
                }
            }
        }
        Target::Quote(_) | Target::Event(_) => {}
    }
    out
}
