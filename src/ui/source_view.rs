//! The source view: the rows of the archived text in view (wrapped only as
//! drawn), the current quote highlighted and marked `▸` in the margin, the
//! briefing's other quotes from the same source marked `•`, a match of
//! `/` shown, a scrollbar, and the search line while searching.

use std::ops::Range;

use ratatui::Frame;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::{Context, popup_frame, popup_scrollbar};
use crate::app::App;
use crate::app::proof_text::missing_copy_tag;
use crate::app::source_view::{Shown, SourceView};
use crate::text::{one_line, truncate};

/// Marks looked back over for a row: enough for quotes that overlap.
const LOOK_BACK: usize = 64;

pub fn draw(frame: &mut Frame, app: &App, view: &SourceView, ctx: &Context) {
    let screen = app.screen();
    let b = app.briefing();
    let rects = view.rects_for(b, screen);
    let text = view.text(b);
    let width = SourceView::width(screen);
    let height = usize::from(rects.body.height);
    let top = view.segments.clamp(text, view.top, width, height);
    let where_ = match (&view.shown, view.current) {
        (Shown::Page(p), _) => format!(" {}", missing_copy_tag(b, p.source)),
        (_, Some(m)) => format!(" — quote {} of {}", m + 1, view.marks.len()),
        (_, None) => String::new(),
    };
    // The label gives way first: where the view is stays in the title.
    let room = usize::from(rects.outer.width.saturating_sub(4));
    let label_room = room.saturating_sub("Source: ".len() + where_.width());
    let label = truncate(&one_line(&view.label), label_room.max(8)).into_owned();
    let title = truncate(&format!("Source: {label}{where_}"), room).into_owned();
    popup_frame(frame, rects.outer, &title, ctx);
    let current = view.highlight();
    let hit = view.find.as_ref().and_then(|f| f.hit.clone());
    let lines: Vec<Line> = (view.segments.visible(text, top, width, height).into_iter())
        .map(|row| {
            let indent = view.segments.indent(&row, width);
            let mut line = row_line(text, row, view, current.as_ref(), hit.as_ref(), ctx);
            if indent > 0 {
                line.spans.insert(1, Span::raw(" ".repeat(indent)));
            }
            line
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), rects.text);
    let (total, at) = view.segments.extent(text, top, width);
    popup_scrollbar(frame, rects.text, total, height, at, ctx);
    if let (Some(area), Some(find)) = (rects.find, &view.find) {
        let room = usize::from(area.width).saturating_sub(12);
        let query = one_line(&find.query);
        // The end of a long query stays in view while it is typed.
        let skip = query.chars().count().saturating_sub(room);
        let shown: String = query.chars().skip(skip).collect();
        let mut spans = vec![Span::styled(" /", ctx.theme.title()), Span::raw(shown)];
        if find.editing {
            spans.push(Span::raw("▏"));
        }
        if find.hit.is_none() && !find.query.is_empty() {
            spans.push(Span::styled("  no match", ctx.theme.bold()));
        }
        frame.render_widget(Paragraph::new(Line::from(spans)), area);
    }
}

/// One row: its margin mark, then its text with the quotes styled.
fn row_line<'a>(
    text: &str,
    row: Range<usize>,
    view: &SourceView,
    current: Option<&Range<usize>>,
    hit: Option<&Range<usize>>,
    ctx: &Context,
) -> Line<'a> {
    let overlaps = |r: &Range<usize>| r.start < row.end.max(row.start + 1) && r.end > row.start;
    let upto = view
        .marks
        .partition_point(|m| m.at.start < row.end.max(row.start + 1));
    let others: Vec<Range<usize>> = view.marks[upto.saturating_sub(LOOK_BACK)..upto]
        .iter()
        .map(|m| m.at.clone())
        .filter(|r| overlaps(r) && Some(r) != current)
        .collect();
    let on_current = current.is_some_and(overlaps);
    let margin = if on_current {
        Span::styled("▸", ctx.theme.title())
    } else if !others.is_empty() {
        Span::styled("•", ctx.theme.marked())
    } else {
        Span::raw(" ")
    };
    // Cut the row where a quote starts or ends, and style each piece.
    let mut cuts = vec![row.start, row.end];
    for r in others.iter().chain(current).chain(hit) {
        cuts.extend(
            [r.start, r.end]
                .into_iter()
                .filter(|&c| c > row.start && c < row.end),
        );
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut spans = vec![margin];
    for pair in cuts.windows(2) {
        let piece = pair[0]..pair[1];
        let Some(s) = text.get(piece.clone()) else {
            continue;
        };
        let inside = |r: &Range<usize>| r.start <= piece.start && piece.end <= r.end;
        let style = if hit.is_some_and(inside) {
            ctx.theme.search_match().add_modifier(Modifier::REVERSED)
        } else if current.is_some_and(inside) {
            ctx.theme.selection()
        } else if others.iter().any(inside) {
            ctx.theme.search_match()
        } else {
            Style::default()
        };
        spans.push(Span::styled(one_line(s).into_owned(), style));
    }
    Line::from(spans)
}
