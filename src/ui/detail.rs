//! The detail view of one item: every field, and its links (Enter follows
//! one, Esc goes back). A disagreement shows its positions side by side.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::{Context, popup_frame};
use crate::app::popup::{Links, links};
use crate::app::{App, Target};
use crate::model::{Briefing, QuoteKind};
use crate::text::{one_line, truncate, wrap};

pub fn draw(frame: &mut Frame, area: Rect, app: &App, target: Target, link: usize, ctx: &Context) {
    let b = app.briefing();
    let (title, fields) = describe(b, target);
    let width = area.width.saturating_sub(6).min(110);
    let inner = popup_frame(
        frame,
        area,
        width + 2,
        area.height.saturating_sub(2),
        &title,
        ctx,
    );
    let targets = links(b, target);
    let links_height = u16::try_from(targets.len() + 1)
        .unwrap_or(u16::MAX)
        .min(inner.height / 3)
        .max(2);
    let [body, links_area] =
        Layout::vertical([Constraint::Min(0), Constraint::Length(links_height)]).areas(inner);
    let text_width = usize::from(body.width.saturating_sub(2)).max(1);
    let mut lines: Vec<Line> = Vec::new();
    for (name, value) in &fields {
        let wrapped = wrap(value, text_width.saturating_sub(14).max(1));
        for (n, l) in wrapped.into_iter().enumerate() {
            let label = if n == 0 {
                format!(" {name:<12} ")
            } else {
                " ".repeat(14)
            };
            lines.push(Line::from(vec![
                Span::styled(label, ctx.theme.muted()),
                Span::raw(l),
            ]));
        }
    }
    if let Target::Disagreement(d) = target {
        let fields_height = u16::try_from(lines.len() + 1)
            .unwrap_or(u16::MAX)
            .min(body.height / 2);
        let [top, columns] =
            Layout::vertical([Constraint::Length(fields_height), Constraint::Min(0)]).areas(body);
        frame.render_widget(Paragraph::new(lines), top);
        positions_side_by_side(frame, columns, b, d, ctx);
    } else {
        frame.render_widget(Paragraph::new(lines), body);
    }
    links_list(frame, links_area, b, &targets, link, ctx);
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
                QuoteKind::Direct => "direct quote (verbatim)",
                QuoteKind::Reported => "reported statement (not verbatim)",
            };
            f.push(("Text", quote.text.trim().to_string()));
            f.push(("Kind", kind.into()));
            f.push(("Speaker", format!("{}, {}", s.name, s.role)));
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
            f.push(("Citation", b.citation(q)));
            format!("Quote: {}", one_line(&s.name))
        }
        Target::Speaker(s) => {
            let sp = &b.speakers[s];
            f.push(("Name", sp.name.clone()));
            f.push(("Role", sp.role.clone()));
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
            "Disagreement".to_string()
        }
    };
    (title, f)
}

fn positions_side_by_side(frame: &mut Frame, area: Rect, b: &Briefing, d: usize, ctx: &Context) {
    let positions = &b.disagreements[d].positions;
    if positions.is_empty() || area.height == 0 {
        return;
    }
    // Columns of at least 16 cells; the positions that do not fit are still
    // reachable through the links below. Rectangles are computed directly:
    // a layout solver is slow with hundreds of constraints.
    let count = positions.len().min(usize::from(area.width / 16).max(1));
    let columns: Vec<Rect> = (0..count)
        .map(|i| {
            let x = area.x + (u32::from(area.width) * i as u32 / count as u32) as u16;
            let next = area.x + (u32::from(area.width) * (i as u32 + 1) / count as u32) as u16;
            Rect::new(x, area.y, next - x, area.height)
        })
        .collect();
    for (p, col) in positions.iter().zip(columns.iter()) {
        let name = b
            .speaker(&p.speaker)
            .map_or(p.speaker.clone(), |s| s.name.clone());
        let block = Block::new()
            .borders(Borders::TOP)
            .border_style(ctx.theme.muted())
            .title(Span::styled(
                format!(
                    " {} ",
                    truncate(&one_line(&name), usize::from(col.width.saturating_sub(2)))
                ),
                ctx.theme.bold(),
            ));
        let inner = block.inner(*col);
        frame.render_widget(block, *col);
        let width = usize::from(inner.width.saturating_sub(1)).max(1);
        let mut lines: Vec<Line> = wrap(&p.stance, width)
            .into_iter()
            .map(|l| Line::from(format!(" {l}")))
            .collect();
        for q in p.quotes.iter().filter_map(|id| b.quote(id)) {
            lines.push(Line::default());
            let text = match q.kind {
                QuoteKind::Direct => format!("“{}”", q.text.trim()),
                QuoteKind::Reported => format!("Reported: {}", q.text.trim()),
            };
            let style = if q.kind == QuoteKind::Reported {
                ctx.theme.reported()
            } else {
                ctx.theme.muted()
            };
            lines.extend(
                wrap(&text, width)
                    .into_iter()
                    .map(|l| Line::from(Span::styled(format!(" {l}"), style))),
            );
        }
        frame.render_widget(Paragraph::new(lines), inner);
    }
}

fn links_list(
    frame: &mut Frame,
    area: Rect,
    b: &Briefing,
    targets: &Links<'_>,
    link: usize,
    ctx: &Context,
) {
    if area.height == 0 {
        return;
    }
    let width = usize::from(area.width.saturating_sub(4));
    let mut lines = vec![Line::from(Span::styled(
        if targets.is_empty() {
            " No links"
        } else {
            " Links (Enter follows, Esc goes back)"
        },
        ctx.theme.bold(),
    ))];
    let visible = usize::from(area.height.saturating_sub(1)).max(1);
    let first = link.saturating_sub(visible - 1);
    // Only the links on screen are looked at.
    for (i, t) in (first..).zip(targets.iter_from(first).take(visible)) {
        let (kind, label) = match t {
            Target::Quote(q) => (
                "quote",
                format!("{}: {}", b.speaker_of(q).name, b.quotes[q].text.trim()),
            ),
            Target::Speaker(s) => (
                "speaker",
                format!("{}, {}", b.speakers[s].name, b.speakers[s].role),
            ),
            Target::Event(e) => (
                "event",
                format!("{} {}", b.events[e].at.shown(), b.events[e].title),
            ),
            Target::Disagreement(d) => ("disagreement", b.disagreements[d].title.clone()),
        };
        let label = truncate(&one_line(&label), width.saturating_sub(15)).into_owned();
        let line = Line::from(vec![
            Span::styled(format!("  {kind:<13}"), ctx.theme.muted()),
            Span::raw(label),
        ]);
        lines.push(if i == link {
            ctx.theme.selected_line(line)
        } else {
            line
        });
    }
    frame.render_widget(Paragraph::new(lines), area);
}
