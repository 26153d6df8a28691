//! The results popup of a search across the whole briefing: the query line,
//! then the results grouped by kind, each group under a heading with its
//! count. Only the lines in view are built.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{Context, highlighted, popup_frame, popup_scrollbar};
use crate::app::results::{GROUPS, first_match};
use crate::app::search::target_hidden_match;
use crate::app::{App, Results, Target};
use crate::model::fold::Query;
use crate::model::search_fields;
use crate::text::{one_line, truncate};

/// A line of the list: a group heading (group index) or a result (index).
enum Entry {
    Heading(usize),
    Item(usize),
}

/// The entry on list line `line`: each non-empty group is its heading, then
/// its results. Constant work per line, whatever the number of results.
fn entry(counts: &[usize; 4], mut line: usize) -> Option<Entry> {
    let mut first = 0;
    for (g, &n) in counts.iter().enumerate() {
        if n == 0 {
            continue;
        }
        if line == 0 {
            return Some(Entry::Heading(g));
        }
        if line <= n {
            return Some(Entry::Item(first + line - 1));
        }
        line -= n + 1;
        first += n;
    }
    None
}

/// The list line of result `i`.
fn line_of(counts: &[usize; 4], i: usize) -> usize {
    let (mut line, mut first) = (0, 0);
    for &n in counts.iter().filter(|&&n| n > 0) {
        if i < first + n {
            return line + 1 + (i - first);
        }
        line += n + 1;
        first += n;
    }
    line
}

pub fn draw(frame: &mut Frame, area: Rect, app: &App, r: &Results, ctx: &Context) {
    let width = area.width.saturating_sub(4).clamp(30, 100);
    let height = area.height.saturating_sub(2);
    let rect = crate::app::layout::popup_area(area, width, height);
    let inner = popup_frame(frame, rect, "Search the briefing", ctx);
    if inner.height == 0 {
        return;
    }
    let counts = r.counts();
    let mut query = vec![Span::styled(
        format!(":{}", one_line(&r.query)),
        ctx.theme.bold(),
    )];
    if r.editing {
        query.push(Span::styled("█", ctx.theme.muted()));
    }
    let summary = match r.hits.len() {
        _ if r.query.is_empty() => {
            "  type to search quotes, events, speakers and disagreements".into()
        }
        0 => "  no match".to_string(),
        n => format!("  {n} result{}", if n == 1 { "" } else { "s" }),
    };
    query.push(Span::styled(summary, ctx.theme.muted()));
    let mut lines = vec![Line::from(query)];
    let query = Query::new(&r.query);
    let rows = usize::from(inner.height - 1);
    let total = list_len(&counts);
    // A list that overflows gives its right column to the scrollbar.
    let w = usize::from(inner.width) - usize::from(total > rows);
    let cursor_line = line_of(&counts, r.cursor);
    let offset = (cursor_line + 1).saturating_sub(rows);
    for line in offset..offset + rows {
        let Some(e) = entry(&counts, line) else { break };
        lines.push(match e {
            Entry::Heading(g) => Line::from(Span::styled(
                format!("{} ({})", GROUPS[g].1, counts[g]),
                ctx.theme.title(),
            )),
            Entry::Item(i) => {
                let (text, mark) = item_line(app, r.hits[i], &query, w.saturating_sub(2));
                let mut spans = vec![Span::raw("  ")];
                spans.extend(highlighted(
                    &text,
                    Some(&r.query),
                    Default::default(),
                    ctx.theme.search_match(),
                ));
                if !mark.is_empty() {
                    spans.push(Span::styled(mark, ctx.theme.search_match()));
                }
                let line = Line::from(spans);
                if i == r.cursor && !r.editing {
                    line.patch_style(ctx.theme.selection())
                } else {
                    line
                }
            }
        });
    }
    frame.render_widget(Paragraph::new(lines), inner);
    let list = Rect {
        y: inner.y + 1,
        height: inner.height - 1,
        ..inner
    };
    popup_scrollbar(frame, list, total, rows, offset, ctx);
}

/// The number of list lines: each non-empty group's heading and results.
fn list_len(counts: &[usize; 4]) -> usize {
    counts.iter().filter(|&&n| n > 0).map(|n| n + 1).sum()
}

/// The fields a result line shows (see [`item_text`]).
fn in_line(f: search_fields::Field) -> bool {
    matches!(
        f.name,
        "text" | "speaker" | "title" | "place" | "name" | "role"
    )
}

/// A result's text cut to `room` columns and its mark, which always fits:
/// ` [alias]` when it matched only in a field the line does not show, or
/// the field it matched in (` [text]`) when the cut hides the match.
fn item_line(app: &App, target: Target, query: &Query, room: usize) -> (String, String) {
    let b = app.briefing();
    let full = item_text(app, target);
    let label = target_hidden_match(b, target, query).or_else(|| {
        let cut = truncate(&full, room);
        let shown = cut.strip_suffix('…').filter(|_| cut != full.as_str());
        shown
            .filter(|text| !query.is_in(text))
            .and_then(|_| first_match(b, target, query, in_line))
    });
    let mark = label.map(|l| format!(" [{l}]")).unwrap_or_default();
    let room = room.saturating_sub(mark.chars().count());
    (truncate(&full, room).into_owned(), mark)
}

/// One result on one line, escaped.
fn item_text(app: &App, target: Target) -> String {
    let b = app.briefing();
    match target {
        Target::Quote(q) => {
            let text = one_line(b.quotes[q].text.trim());
            let name = one_line(&b.speaker_of(q).name);
            // The verification mark first, as in the Quotes pane.
            let mark = crate::app::proof_text::mark(b, q)
                .map(|m| format!("{m} "))
                .unwrap_or_default();
            match b.quotes[q].kind {
                crate::model::QuoteKind::Direct => format!("{mark}“{text}” — {name}"),
                crate::model::QuoteKind::Reported => {
                    format!("{mark}Reported: {text} — {name}")
                }
            }
        }
        Target::Event(e) => {
            let e = &b.events[e];
            let mut s = format!("{} {}", e.at.date().format("%Y-%m-%d"), one_line(&e.title));
            if let Some(p) = &e.place {
                s.push_str(&format!(" · {}", one_line(p)));
            }
            s
        }
        Target::Speaker(s) => {
            let s = &b.speakers[s];
            let mut out = one_line(&s.name).into_owned();
            if let Some(kind) = s.kind_word() {
                out.push_str(&format!(" · {kind}"));
            }
            if !s.role.trim().is_empty() {
                out.push_str(&format!(" — {}", one_line(s.role.trim())));
            }
            out
        }
        Target::Disagreement(d) => one_line(&b.disagreements[d].title).into_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_entries_agree() {
        let counts = [2, 0, 1, 3];
        let mut items = Vec::new();
        for line in 0..9 {
            if let Some(Entry::Item(i)) = entry(&counts, line) {
                assert_eq!(line_of(&counts, i), line);
                items.push(i);
            }
        }
        assert_eq!(items, [0, 1, 2, 3, 4, 5]);
        assert!(matches!(entry(&counts, 0), Some(Entry::Heading(0))));
        assert!(matches!(entry(&counts, 3), Some(Entry::Heading(2))));
        assert!(entry(&counts, 9).is_none());
    }
}
