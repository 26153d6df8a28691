//! The search and filter lines of the status line (`/query█ [2/5]`,
//! `&query█ 12 rows`), and what the header shows of a text filter and zoom.

use ratatui::text::{Line, Span};
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use super::Context;
use crate::app::{App, Mode};
use crate::text::{one_line, truncate};

/// The spans that open the status line for the search or filter, if any,
/// and whether the line is being typed (then the key hints are of the
/// search line).
pub fn spans(app: &App, width: usize, ctx: &Context) -> Option<(Vec<Span<'static>>, bool)> {
    let typing = app.mode() == Mode::Search && app.popups().is_empty();
    let room = (width / 2).max(8);
    if let Some(f) = app.filter().filter(|f| f.editing && typing) {
        let rows = app.rows().len(f.pane);
        let count = if f.query.is_empty() {
            "type to narrow".to_string()
        } else {
            format!("{rows} row{}", if rows == 1 { "" } else { "s" })
        };
        return Some((
            vec![
                Span::styled(format!("&{}", shown(&f.query, room)), ctx.theme.bold()),
                Span::styled("█", ctx.theme.muted()),
                Span::styled(format!(" {count}"), ctx.theme.title()),
                Span::styled(format!("  filter {} ·", f.pane.title()), ctx.theme.muted()),
            ],
            true,
        ));
    }
    let search = app.search()?;
    let editing = search.editing && typing;
    let mut out = vec![Span::styled(
        format!("/{}", shown(&search.query, room)),
        ctx.theme.bold(),
    )];
    if editing {
        out.push(Span::styled("█", ctx.theme.muted()));
    }
    match app.match_count() {
        Some((_, 0)) => out.push(Span::styled(" no match", ctx.theme.marked())),
        Some((Some(at), n)) => out.push(Span::styled(format!(" [{at}/{n}]"), ctx.theme.title())),
        Some((None, n)) => out.push(Span::styled(
            format!(" [{n} match{}]", if n == 1 { "" } else { "es" }),
            ctx.theme.title(),
        )),
        None => {}
    }
    let label = if editing {
        format!("  search {} ·", search.pane.title())
    } else {
        " ·".to_string()
    };
    out.push(Span::styled(label, ctx.theme.muted()));
    Some((out, editing))
}

/// The query as shown: escaped, its end kept when it is long.
fn shown(query: &str, room: usize) -> String {
    let q = one_line(query);
    let chars = q.chars().count();
    if chars <= room {
        return q.into_owned();
    }
    let tail: String = q.chars().skip(chars - room + 1).collect();
    format!("…{}", truncate(&tail, room - 1))
}

/// What the header shows after the filters: the text filter and zoom.
pub fn header_tags(app: &App) -> Vec<String> {
    let mut tags = Vec::new();
    if let Some(f) = app.filter().filter(|f| !f.query.is_empty()) {
        // The pane is named when it is not the one in view.
        let query = one_line(&f.query);
        tags.push(if f.pane == app.focus() {
            format!("&{query}")
        } else {
            format!("{} &{query}", f.pane.title())
        });
    }
    if app.zoomed() {
        tags.push("zoom".into());
    }
    if app.new_count() > 0 {
        tags.push(format!("{} new", app.new_count()));
    }
    tags
}

/// Marks a row that matches the search only in a field it does not show:
/// ` [alias]` after the text of the row's last line with room for it; when
/// no line has room, the last line is cut (ending with `…`) to make room, so
/// the mark always shows.
pub fn mark_hidden_match(
    app: &App,
    pane: crate::app::Pane,
    row: usize,
    lines: &mut [Line<'static>],
    width: u16,
    ctx: &Context,
) {
    let Some(label) = app.hidden_match(pane, row) else {
        return;
    };
    let mark = format!(" [{label}]");
    let room = usize::from(width).saturating_sub(mark.chars().count());
    let line = match lines
        .iter()
        .rposition(|l| l.width() > 2 && l.width() <= room)
    {
        Some(i) => &mut lines[i],
        None => match lines.iter_mut().rev().find(|l| l.width() > 2) {
            Some(line) => {
                cut_line(line, room);
                line
            }
            None => return,
        },
    };
    line.spans
        .push(Span::styled(mark, ctx.theme.search_match()));
}

/// Cuts `line` to `width` columns, ending with `…` (in the style of the
/// text it replaces) when it was wider.
fn cut_line(line: &mut Line<'static>, width: usize) {
    if line.width() <= width {
        return;
    }
    let mut used = 0;
    let mut spans = Vec::with_capacity(line.spans.len());
    // Room for the text before the `…`.
    let room = width.saturating_sub(1);
    let mut style = line.spans.first().map(|s| s.style).unwrap_or_default();
    for span in line.spans.drain(..) {
        let mut kept = String::new();
        for g in span.content.graphemes(true) {
            let w = g.width();
            if used + w > room {
                break;
            }
            used += w;
            kept.push_str(g);
        }
        let whole = kept.len() == span.content.len();
        style = span.style;
        if !kept.is_empty() {
            spans.push(Span::styled(kept, span.style));
        }
        if !whole {
            break;
        }
    }
    if width > 0 {
        spans.push(Span::styled("…", style));
    }
    line.spans = spans;
}
