//! A detail view as a document: every field wrapped under its label, a
//! disagreement's positions side by side (or stacked when columns would be
//! narrow), then the links, one line each.

use unicode_width::UnicodeWidthStr;

use super::document::{DocLine, Document, Seg, Tone, seg};
use super::links::source_link;
use super::popup::{Target, links};
use super::proof_text;
use crate::model::{Briefing, DisagreementKind, Position, QuoteKind};
use crate::text::{one_line, wrap};

/// A detail popup's widest outer width.
pub const DETAIL_WIDTH: u16 = 112;
/// Positions go side by side when each column gets at least this many columns.
pub const MIN_COLUMN: usize = 30;
/// Labels sit beside their values from this text width on, above them below it.
const LABELS_BESIDE_FROM: usize = 40;
const LABEL_WIDTH: usize = 14;
/// Between two columns of positions.
const RULE: &str = " │ ";

/// The document of `target`'s detail view, laid out `width` columns wide.
pub fn detail_document(b: &Briefing, target: Target, width: usize) -> Document<'_> {
    let (title, fields) = describe(b, target);
    let mut doc = Document::new(title, DETAIL_WIDTH);
    for (name, value) in &fields {
        doc.extend(field_lines(name, value, width));
    }
    for (name, value) in super::story_doc::fields(b, target) {
        doc.extend(field_lines(name, &value, width));
    }
    if let Target::Speaker(_) = target {
        doc.extend(super::story_doc::sections(b, target, width));
    }
    if let Target::Disagreement(d) = target {
        let positions = &b.disagreements[d].positions;
        if !positions.is_empty() {
            doc.push(DocLine::blank());
            doc.push(DocLine::new(
                Tone::Heading,
                match b.disagreements[d].kind {
                    DisagreementKind::Dispute => "Positions",
                    DisagreementKind::Question => "What each party said",
                },
            ));
            doc.extend(positions_lines(b, positions, width));
        }
        doc.extend(super::story_doc::sections(b, target, width));
    }
    let targets = links(b, target);
    let source = source_link(b, target);
    doc.push(DocLine::blank());
    doc.push(DocLine::new(
        Tone::Heading,
        if targets.is_empty() && source.is_none() {
            "No links"
        } else {
            "Links (Enter follows, Esc goes back)"
        },
    ));
    if let Some(q) = source {
        doc.push(source_link_line(b, q, width).linked(0));
    }
    doc.link_tail(b, targets, width);
    doc
}

/// The link to quote `q`'s source view: `source   Label — view in context`.
fn source_link_line(b: &Briefing, q: usize, width: usize) -> DocLine {
    let kind = if width >= 50 {
        format!("{:<14}", "source")
    } else {
        "source ".to_string()
    };
    let label = b.source_of(q).map_or_else(
        || one_line(b.quotes[q].source.as_deref().unwrap_or("")).into_owned(),
        |s| s.named(),
    );
    let room = width.saturating_sub(kind.chars().count());
    let text = crate::text::truncate(&format!("view in context: {label}"), room).into_owned();
    DocLine::from_segs(vec![seg(Tone::Muted, kind), seg(Tone::Plain, text)])
}

/// A field's lines: the label beside the value, or above it when narrow.
pub(super) fn field_lines(name: &str, value: &str, width: usize) -> Vec<DocLine> {
    let mut out = Vec::new();
    if width >= LABELS_BESIDE_FROM {
        for (n, l) in wrap(value, width - LABEL_WIDTH).into_iter().enumerate() {
            let label = if n == 0 {
                format!("{name:<w$}", w = LABEL_WIDTH)
            } else {
                " ".repeat(LABEL_WIDTH)
            };
            out.push(DocLine::from_segs(vec![
                seg(Tone::Muted, label),
                seg(Tone::Plain, l),
            ]));
        }
    } else {
        out.push(DocLine::new(Tone::Muted, name));
        out.extend(
            wrap(value, width.saturating_sub(2))
                .into_iter()
                .map(|l| DocLine::new(Tone::Plain, format!("  {l}"))),
        );
    }
    out
}

/// The positions, in rows of as many columns as fit at [`MIN_COLUMN`] each.
fn positions_lines(b: &Briefing, positions: &[Position], width: usize) -> Vec<DocLine> {
    let per_row = ((width + RULE.len()) / (MIN_COLUMN + RULE.width())).max(1);
    let mut out = Vec::new();
    if per_row < 2 {
        for p in positions {
            out.push(DocLine::blank());
            out.extend(
                position_column(b, p, width)
                    .into_iter()
                    .map(|s| DocLine::from_segs(vec![s])),
            );
        }
        return out;
    }
    for chunk in positions.chunks(per_row) {
        let n = chunk.len().max(2);
        let col = (width - RULE.width() * (n - 1)) / n;
        let columns: Vec<Vec<Seg>> = chunk.iter().map(|p| position_column(b, p, col)).collect();
        let height = columns.iter().map(Vec::len).max().unwrap_or(0);
        out.push(DocLine::blank());
        for row in 0..height {
            let mut segs = Vec::new();
            for (c, column) in columns.iter().enumerate() {
                if c > 0 {
                    segs.push(seg(Tone::Rule, RULE));
                }
                let cell = column.get(row).cloned().unwrap_or(seg(Tone::Plain, ""));
                let pad = col.saturating_sub(cell.text.width());
                segs.push(cell);
                if c + 1 < columns.len() {
                    segs.push(seg(Tone::Plain, " ".repeat(pad)));
                }
            }
            out.push(DocLine::from_segs(segs));
        }
    }
    out
}

/// One position as lines of a column `width` wide: who, the stance, the quotes.
fn position_column(b: &Briefing, p: &Position, width: usize) -> Vec<Seg> {
    let name = b
        .speaker(&p.speaker)
        .map_or(p.speaker.clone(), |s| s.name.clone());
    let mut lines: Vec<Seg> = wrap(&name, width)
        .into_iter()
        .map(|l| seg(Tone::Bold, l))
        .collect();
    lines.extend(
        wrap(&p.stance, width)
            .into_iter()
            .map(|l| seg(Tone::Plain, l)),
    );
    for q in p.quotes.iter().filter_map(|id| b.quote(id)) {
        lines.push(seg(Tone::Plain, ""));
        let mark = (b.index.quote_by_id.get(&q.id))
            .and_then(|&qi| proof_text::mark(b, qi))
            .map_or(String::new(), |m| format!("{m} "));
        let (text, tone) = match q.kind {
            QuoteKind::Direct => (format!("{mark}“{}”", q.text.trim()), Tone::Muted),
            QuoteKind::Reported => (format!("{mark}Reported: {}", q.text.trim()), Tone::Reported),
        };
        lines.extend(wrap(&text, width).into_iter().map(|l| seg(tone, l)));
    }
    lines
}

/// A title and (label, value) pairs for `target`. Values are raw text (escaped when wrapped).
fn describe(b: &Briefing, target: Target) -> (String, Vec<(&'static str, String)>) {
    let topic_names = |ids: &[String]| {
        ids.iter()
            .filter_map(|id| b.topic(id))
            .map(|t| t.name.clone())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let speaker_names = |ids: &[String]| {
        ids.iter()
            .filter_map(|id| b.speaker(id))
            .map(|s| s.name.clone())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut f: Vec<(&'static str, String)> = Vec::new();
    let title = match target {
        Target::Quote(q) => {
            let quote = &b.quotes[q];
            let s = b.speaker_of(q);
            let kind = match quote.kind {
                QuoteKind::Direct => "direct quote",
                QuoteKind::Reported => "reported statement (not verbatim)",
            };
            f.push(("Text", quote.text.trim().to_string()));
            f.push(("Kind", kind.into()));
            f.push(("Speaker", s.name_and_role()));
            if let Some(by) = quote.reported_by.as_deref().and_then(|id| b.speaker(id)) {
                f.push(("Reported by", by.name.clone()));
            }
            f.push(("Date", quote.at.shown()));
            f.extend(quote.venue.clone().map(|v| ("Venue", v)));
            f.extend(
                quote
                    .event
                    .as_deref()
                    .and_then(|id| b.event(id))
                    .map(|e| ("Event", e.title.clone())),
            );
            if !quote.topics.is_empty() {
                f.push(("Topics", topic_names(&quote.topics)));
            }
            f.extend(quote.context.clone().map(|c| ("Context", c)));
            f.push(("Citation", b.citation_with_source(q)));
            if let Some(id) = &quote.source {
                let label = b.source(id).map_or_else(|| id.clone(), |s| s.cited());
                f.push(("Source", label));
            }
            if quote.source.is_some() || proof_text::standing(b, q).is_some() {
                f.push(("Provenance", proof_text::sentence(b, q)));
            }
            format!("Quote: {}", one_line(&s.name))
        }
        Target::Speaker(s) => {
            let sp = &b.speakers[s];
            f.push(("Name", sp.name.clone()));
            f.extend(sp.kind_word().map(|k| ("Kind", k.to_string())));
            if !sp.role.trim().is_empty() {
                f.push(("Role", sp.role.clone()));
            }
            f.extend(sp.affiliation.clone().map(|a| ("Affiliation", a)));
            if !sp.aliases.is_empty() {
                f.push(("Also called", sp.aliases.join("; ")));
            }
            f.push(("Quotes", b.index.quotes_by_speaker[s].len().to_string()));
            f.push((
                "Positions",
                b.index.positions_by_speaker[s].len().to_string(),
            ));
            format!("Speaker: {}", one_line(&sp.name))
        }
        Target::Event(e) => {
            let ev = &b.events[e];
            f.push(("Title", ev.title.clone()));
            f.push(("Date", ev.at.shown()));
            f.extend(ev.place.clone().map(|p| ("Place", p)));
            f.extend(ev.detail.clone().map(|d| ("Detail", d)));
            if !ev.speakers.is_empty() {
                f.push(("Speakers", speaker_names(&ev.speakers)));
            }
            if !ev.topics.is_empty() {
                f.push(("Topics", topic_names(&ev.topics)));
            }
            "Event".to_string()
        }
        Target::Disagreement(d) => {
            let dis = &b.disagreements[d];
            f.push(("Title", dis.title.clone()));
            f.push(("Status", format!("{:?}", dis.status).to_lowercase()));
            if !dis.topics.is_empty() {
                f.push(("Topics", topic_names(&dis.topics)));
            }
            f.push(("Summary", dis.summary.trim().to_string()));
            match (dis.kind, dis.status) {
                (DisagreementKind::Dispute, _) => "Dispute".to_string(),
                (DisagreementKind::Question, crate::model::Status::Resolved) => {
                    "Question".to_string()
                }
                (DisagreementKind::Question, _) => "Open question".to_string(),
            }
        }
    };
    (title, f)
}
