//! The frame shared by the four panes: border, title with counts, and the
//! window of visible rows.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Paragraph};

use super::Context;
use crate::app::{App, Pane};

/// Draws the border of `pane` in `rect` and returns the inner area.
pub fn frame(frame: &mut Frame, rect: Rect, app: &App, pane: Pane, ctx: &Context) -> Rect {
    let focused = app.focus == pane;
    let len = app.rows.len(pane);
    let selected = if len == 0 {
        0
    } else {
        app.lists[pane.index()].selected + 1
    };
    let block = Block::new()
        .borders(Borders::ALL)
        .border_type(if focused {
            BorderType::Thick
        } else {
            BorderType::Rounded
        })
        .border_style(ctx.theme.border(focused))
        .title(Span::styled(
            format!(" {} {} ", pane.index() + 1, pane.title()),
            if focused {
                ctx.theme.title()
            } else {
                Style::new()
            },
        ))
        .title_bottom(
            Line::from(Span::styled(
                format!(" {selected}/{len} "),
                ctx.theme.muted(),
            ))
            .right_aligned(),
        );
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    inner
}

/// Draws the visible rows: `row(i)` gives row `i`'s lines; rows are taken
/// from the pane's offset until the area is full. The selected row is
/// highlighted across the pane's whole width, brighter when the pane has
/// focus; an empty pane says why it is empty.
pub fn rows(
    frame: &mut Frame,
    inner: Rect,
    app: &App,
    pane: Pane,
    ctx: &Context,
    mut row: impl FnMut(usize) -> Vec<Line<'static>>,
) {
    let len = app.rows.len(pane);
    if len == 0 {
        let text = app.empty_message(pane);
        frame.render_widget(
            Paragraph::new(Span::styled(text, ctx.theme.muted()))
                .wrap(ratatui::widgets::Wrap { trim: true }),
            inner.inner(ratatui::layout::Margin::new(1, 0)),
        );
        return;
    }
    let focused = app.focus == pane;
    let list = app.lists[pane.index()];
    let height = usize::from(inner.height);
    let mut lines: Vec<Line> = Vec::with_capacity(height);
    let mut selected_lines = 0..0;
    for i in list.offset..len {
        if lines.len() >= height {
            break;
        }
        let mut row_lines = row(i);
        super::search_line::mark_hidden_match(app, pane, i, &mut row_lines, inner.width, ctx);
        super::new_mark::mark(app, pane, i, &mut row_lines, ctx);
        if i == list.selected {
            // A trailing blank separator is not part of the selection.
            let shown = row_lines.len()
                - row_lines
                    .iter()
                    .rev()
                    .take_while(|l| l.spans.is_empty())
                    .count();
            for l in &mut row_lines[..shown] {
                for span in &mut l.spans {
                    span.style = ctx.theme.on_selection(span.style, focused);
                }
            }
            selected_lines = lines.len()..lines.len() + shown;
        }
        lines.extend(row_lines);
    }
    lines.truncate(height);
    let fill = selected_area(inner, selected_lines);
    frame
        .buffer_mut()
        .set_style(fill, ctx.theme.selected_row(focused));
    frame.render_widget(Paragraph::new(lines), inner);
}

/// The rectangle of the selected row's lines in `inner`, cut to it.
fn selected_area(inner: Rect, lines: std::ops::Range<usize>) -> Rect {
    let top = u16::try_from(lines.start).unwrap_or(u16::MAX);
    let height = u16::try_from(lines.len()).unwrap_or(u16::MAX);
    Rect::new(inner.x, inner.y.saturating_add(top), inner.width, height).intersection(inner)
}
