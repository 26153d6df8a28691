//! A library's export (`export --library`): the merged view in the shape
//! of a single briefing's export, with what the merge knows beside it: the
//! briefings, each disagreement's status history and every party's
//! stances, each speaker's roles, where each quote and event appears, and
//! the library-wide warnings. The shape is documented in docs/EXPORT.md.

use std::fmt::Write as _;

use serde::Serialize;

use super::json::{self, EXPORT_VERSION};
use super::markdown::{self, field, heading};
use crate::model::library::{Library, status_word};
use crate::model::{Briefing, Moment, Status};

#[derive(Serialize)]
struct Export<'a> {
    export_version: u32,
    library: LibraryOut<'a>,
    merged: json::Export<'a>,
}

#[derive(Serialize)]
struct LibraryOut<'a> {
    briefings: Vec<MemberOut<'a>>,
    warnings: Vec<WarningOut<'a>>,
    speakers: Vec<SpeakerOut<'a>>,
    disagreements: Vec<DisagreementOut<'a>>,
    quotes: Vec<Appears<'a>>,
    events: Vec<Appears<'a>>,
}

#[derive(Serialize)]
struct MemberOut<'a> {
    id: &'a str,
    title: &'a str,
    as_of: Moment,
    path: String,
    tag: &'a str,
}

#[derive(Serialize)]
struct WarningOut<'a> {
    path: String,
    message: &'a str,
}

#[derive(Serialize)]
struct SpeakerOut<'a> {
    id: &'a str,
    name: &'a str,
    roles: Vec<RoleOut<'a>>,
}

#[derive(Serialize)]
struct RoleOut<'a> {
    briefing: &'a str,
    as_of: Moment,
    role: &'a str,
    affiliation: Option<&'a str>,
}

#[derive(Serialize)]
struct DisagreementOut<'a> {
    id: &'a str,
    title: &'a str,
    statuses: Vec<StatusOut<'a>>,
    positions: Vec<PositionOut<'a>>,
}

#[derive(Serialize)]
struct StatusOut<'a> {
    briefing: &'a str,
    as_of: Moment,
    status: Status,
}

#[derive(Serialize)]
struct PositionOut<'a> {
    speaker: &'a str,
    stances: Vec<StanceOut<'a>>,
}

#[derive(Serialize)]
struct StanceOut<'a> {
    briefing: &'a str,
    as_of: Moment,
    stance: &'a str,
    quotes: &'a [String],
}

#[derive(Serialize)]
struct Appears<'a> {
    id: &'a str,
    briefings: Vec<&'a str>,
}

fn library_out<'a>(b: &'a Briefing, lib: &'a Library) -> LibraryOut<'a> {
    let id = |m: usize| lib.members[m].id.as_str();
    let as_of = |m: usize| lib.members[m].as_of;
    let appears = |ids: Vec<&'a str>, members: &'a [Vec<usize>]| {
        (ids.into_iter().zip(members))
            .map(|(item, ms)| Appears {
                id: item,
                briefings: ms.iter().map(|&m| id(m)).collect(),
            })
            .collect()
    };
    LibraryOut {
        briefings: (lib.order.iter())
            .map(|&m| {
                let member = &lib.members[m];
                MemberOut {
                    id: &member.id,
                    title: &member.title,
                    as_of: member.as_of,
                    path: member.path.display().to_string(),
                    tag: &member.tag,
                }
            })
            .collect(),
        warnings: (lib.warnings.iter())
            .map(|w| WarningOut {
                path: w.path.display().to_string(),
                message: &w.message,
            })
            .collect(),
        speakers: (b.speakers.iter().zip(&lib.roles))
            .map(|(s, roles)| SpeakerOut {
                id: &s.id,
                name: &s.name,
                roles: (roles.iter())
                    .map(|r| RoleOut {
                        briefing: id(r.member),
                        as_of: as_of(r.member),
                        role: &r.role,
                        affiliation: r.affiliation.as_deref(),
                    })
                    .collect(),
            })
            .collect(),
        disagreements: (b.disagreements.iter().enumerate())
            .map(|(d, dis)| DisagreementOut {
                id: &dis.id,
                title: &dis.title,
                statuses: (lib.statuses[d].iter())
                    .map(|s| StatusOut {
                        briefing: id(s.member),
                        as_of: as_of(s.member),
                        status: s.status,
                    })
                    .collect(),
                positions: (dis.positions.iter().zip(&lib.stances[d]))
                    .map(|(p, steps)| PositionOut {
                        speaker: &p.speaker,
                        stances: (steps.iter())
                            .map(|s| StanceOut {
                                briefing: id(s.member),
                                as_of: as_of(s.member),
                                stance: &s.stance,
                                quotes: &s.quotes,
                            })
                            .collect(),
                    })
                    .collect(),
            })
            .collect(),
        quotes: appears(
            b.quotes.iter().map(|q| q.id.as_str()).collect(),
            &lib.quote_members,
        ),
        events: appears(
            b.events.iter().map(|e| e.id.as_str()).collect(),
            &lib.event_members,
        ),
    }
}

/// The library `merged` (from `model::library::merge`) as JSON.
pub fn to_json(merged: &Briefing) -> String {
    let lib = merged.library().expect("a merged briefing");
    json::write(&Export {
        export_version: EXPORT_VERSION,
        library: library_out(merged, lib),
        merged: json::build(merged),
    })
}

/// The library `merged` as a Markdown digest: the briefings it holds and
/// how the story moved (status histories, earlier stances, roles that
/// changed), then the merged digest's sections.
pub fn to_markdown(merged: &Briefing) -> String {
    let lib = merged.library().expect("a merged briefing");
    let digest = markdown::to_markdown(merged);
    // The library's sections go after the title, date, summary and key points.
    let at = (digest.match_indices("\n## "))
        .map(|(i, _)| i + 1)
        .find(|&i| !digest[i..].starts_with("## Key points\n"))
        .unwrap_or(digest.len());
    let (head, rest) = digest.split_at(at);
    let mut out = head.to_string();
    if !out.ends_with("\n\n") {
        out.push('\n');
    }
    out.push_str("## Briefings\n\n");
    for &m in &lib.order {
        let member = &lib.members[m];
        let _ = writeln!(
            out,
            "- **{}** — {} (as of {})",
            field(&member.tag),
            field(&member.title),
            member.as_of
        );
    }
    out.push('\n');
    let moved: Vec<usize> = (0..merged.disagreements.len())
        .filter(|&d| lib.statuses[d].len() > 1 || lib.stances[d].iter().any(|s| s.len() > 1))
        .collect();
    if !moved.is_empty() {
        out.push_str("## How the disagreements moved\n\n");
    }
    for d in moved {
        let dis = &merged.disagreements[d];
        let _ = writeln!(out, "### {}\n", heading(field(&dis.title)));
        let history: Vec<String> = (lib.statuses[d].iter())
            .map(|s| format!("{} {}", status_word(s.status), field(lib.tag(s.member))))
            .collect();
        let _ = writeln!(out, "Status: {}\n", history.join(" → "));
        for (p, steps) in dis.positions.iter().zip(&lib.stances[d]) {
            let name = (merged.speaker(&p.speaker)).map_or(p.speaker.as_str(), |s| &s.name);
            let _ = writeln!(out, "- **{}**", field(name));
            for s in steps {
                let _ = writeln!(
                    out,
                    "  - {}: {}",
                    field(lib.tag(s.member)),
                    field(&s.stance)
                );
            }
        }
        out.push('\n');
    }
    let changed: Vec<usize> = (0..merged.speakers.len())
        .filter(|&s| lib.role_changed(s))
        .collect();
    if !changed.is_empty() {
        out.push_str("## Roles that changed\n\n");
    }
    for s in changed {
        let _ = writeln!(out, "- **{}**", field(&merged.speakers[s].name));
        for r in &lib.roles[s] {
            let role: Vec<&str> = [Some(r.role.as_str()), r.affiliation.as_deref()]
                .into_iter()
                .flatten()
                .filter(|t| !t.trim().is_empty())
                .collect();
            let _ = writeln!(
                out,
                "  - {}: {}",
                field(lib.tag(r.member)),
                field(&role.join(", "))
            );
        }
    }
    if !out.ends_with("\n\n") {
        out.push('\n');
    }
    out.push_str(rest);
    out
}
