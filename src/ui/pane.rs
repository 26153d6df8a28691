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
/// highlighted when the pane has focus.
pub fn rows(
    frame: &mut Frame,
    inner: Rect,
    app: &App,
    pane: Pane,
    ctx: &Context,
    empty: &str,
    mut row: impl FnMut(usize) -> Vec<Line<'static>>,
) {
    let len = app.rows.len(pane);
    if len == 0 {
        frame.render_widget(
            Paragraph::new(Span::styled(empty.to_string(), ctx.theme.muted())),
            inner,
        );
        return;
    }
    let list = app.lists[pane.index()];
    let mut lines: Vec<Line> = Vec::with_capacity(usize::from(inner.height));
    for i in list.offset..len {
        if lines.len() >= usize::from(inner.height) {
            break;
        }
        let mut row_lines = row(i);
        super::search_line::mark_hidden_match(app, pane, i, &mut row_lines, inner.width, ctx);
        if i == list.selected {
            let style = if app.focus == pane {
                ctx.theme.selection()
            } else {
                ctx.theme.bold()
            };
            for l in &mut row_lines {
                if !l.spans.is_empty() || app.focus == pane {
                    *l = std::mem::take(l).patch_style(style);
                }
            }
        }
        lines.extend(row_lines);
    }
    lines.truncate(usize::from(inner.height));
    frame.render_widget(Paragraph::new(lines), inner);
}
