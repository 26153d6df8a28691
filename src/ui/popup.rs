//! Any popup that shows a document (detail, help, overview, briefing list,
//! topic picker): its lines in view, the selected link, search matches, a
//! scrollbar when it overflows, and the search line.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{Context, highlighted, popup_frame, popup_scrollbar};
use crate::app::document::Tone;
use crate::app::popup_find::{find_count, needle};
use crate::app::popup_view::Find;
use crate::app::{App, Popup};
use crate::text::{one_line, truncate};

pub fn draw(frame: &mut Frame, app: &App, popup: &Popup, ctx: &Context) {
    let (Some(doc), Some(view)) = (app.popup_document(popup), popup.view()) else {
        return;
    };
    let rects = app.popup_rects(popup, &doc);
    let title = truncate(
        &one_line(&doc.title),
        usize::from(rects.outer.width.saturating_sub(4)),
    )
    .into_owned();
    popup_frame(frame, rects.outer, &title, ctx);
    let height = usize::from(rects.body.height);
    let needle = (view.find.as_ref())
        .map(|f| needle(&f.query))
        .filter(|n| !n.is_empty());
    let selected = view.link_visible(&doc, height).then_some(view.link);
    // The line of the match shown is marked in the left margin.
    let current = view.find.as_ref().and_then(|f| f.line);
    let margin = |i: usize| {
        if current == Some(i) {
            Span::styled("▸", ctx.theme.title())
        } else {
            Span::raw(" ")
        }
    };
    let lines: Vec<Line> = (view.scroll..(view.scroll + height).min(doc.len()))
        .map(|i| {
            let line = doc.line(i);
            let spans: Vec<Span> = (line.segs.iter())
                .flat_map(|s| {
                    highlighted(
                        &s.text,
                        needle.as_deref(),
                        tone(ctx, s.tone),
                        ctx.theme.search_match(),
                    )
                })
                .collect();
            let mut out = Line::from(spans);
            if line.link.is_some() && line.link == selected {
                // Across the whole width, margins included.
                let fill = usize::from(rects.text.width).saturating_sub(out.width() + 1);
                out.spans.insert(0, margin(i));
                out.spans.push(Span::raw(" ".repeat(fill)));
                let selection = ctx.theme.selection();
                out.spans = (out.spans.into_iter())
                    .map(|s| s.patch_style(selection))
                    .collect();
                out
            } else {
                out.spans.insert(0, margin(i));
                out
            }
        })
        .collect();
    // Selected lines are highlighted across the popup's whole width.
    let wide = rects.text;
    frame.render_widget(Paragraph::new(lines), wide);
    popup_scrollbar(frame, wide, doc.len(), height, view.scroll, ctx);
    if let (Some(area), Some(find)) = (rects.find, &view.find) {
        find_line(frame, area, find, ctx);
    }
}

/// `/query` on the left, the match count on the right.
fn find_line(frame: &mut Frame, area: Rect, find: &Find, ctx: &Context) {
    let count = find_count(find);
    let room = usize::from(area.width).saturating_sub(count.chars().count() + 3);
    let query = one_line(&find.query);
    // The end of a long query stays in view while it is typed.
    let shown: String = {
        let chars: Vec<char> = query.chars().collect();
        let skip = chars.len().saturating_sub(room.saturating_sub(1));
        chars[skip..].iter().collect()
    };
    let cursor = if find.editing { "▏" } else { "" };
    let used = shown.chars().count() + cursor.chars().count() + 2;
    let gap = usize::from(area.width).saturating_sub(used + count.chars().count() + 1);
    let line = Line::from(vec![
        Span::styled(" /", ctx.theme.title()),
        Span::raw(shown),
        Span::raw(cursor),
        Span::raw(" ".repeat(gap)),
        Span::styled(count, ctx.theme.bold()),
    ]);
    frame.render_widget(Paragraph::new(line), area);
}

pub(super) fn tone(ctx: &Context, tone: Tone) -> Style {
    match tone {
        Tone::Plain => Style::default(),
        Tone::Title | Tone::Key => ctx.theme.title(),
        Tone::Heading | Tone::Bold => ctx.theme.bold(),
        Tone::Muted | Tone::Rule => ctx.theme.muted(),
        Tone::Reported => ctx.theme.reported(),
        Tone::Marked => ctx.theme.marked(),
        Tone::Warning => ctx.theme.status(crate::model::Status::Open),
    }
}
