//! The stance matrix view: a frame between the header and the status line,
//! the grid with its header row and first column frozen (only the cells in
//! view are drawn), a rule saying where the cursor is and what lies beyond
//! the view, and the selected cell's stance and quotes below.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::{Context, popup_scrollbar};
use crate::app::App;
use crate::app::matrix::{MatrixView, title_mark};
use crate::app::matrix_doc::cell_lines;
use crate::model::Status;
use crate::model::matrix::cell_words;
use crate::text::{one_line, truncate};

pub fn draw(frame: &mut Frame, app: &App, view: &MatrixView, ctx: &Context) {
    let screen = app.screen().intersection(frame.area());
    let b = app.briefing();
    let m = &view.matrix;
    let t = view.transposed(screen);
    let l = view.layout(screen);
    if l.outer.height < 2 || l.outer.width < 2 {
        return;
    }
    frame.render_widget(Clear, l.outer);
    let story = b.library.is_some();
    let title = format!(
        " Stance matrix: {} × {} ",
        crate::text::plural(m.parties.len(), "party", "parties"),
        crate::text::plural(m.columns.len(), "disagreement", "disagreements"),
    );
    let legend = if story {
        " ? question  ≠ dispute  ✓ resolved  · none  Δ changed "
    } else {
        " ? question  ≠ dispute  ✓ resolved  · no position "
    };
    let room = usize::from(l.outer.width.saturating_sub(2));
    let mut block = Block::new()
        .borders(Borders::ALL)
        .border_type(BorderType::Rounded)
        .border_style(ctx.theme.border(true))
        .title(Span::styled(
            truncate(&title, room).into_owned(),
            ctx.theme.title(),
        ));
    if legend.width() + 2 <= room {
        block =
            block.title_bottom(Line::from(Span::styled(legend, ctx.theme.muted())).right_aligned());
    }
    frame.render_widget(block, l.outer);

    if m.is_empty() {
        // What narrows the disagreements, each with how to undo it.
        let mut causes = Vec::new();
        if !app.topics().is_empty() {
            causes.push("the topic filter (T clears it)".to_string());
        }
        if let Some(range) = app.date_filter() {
            causes.push(format!(
                "the dates {} (Esc on the main screen clears them)",
                app.dates_tag(range)
            ));
        }
        if let Some(s) = app.followed() {
            causes.push(format!(
                "following {} (Esc on the main screen stops)",
                one_line(&b.speakers[s].name)
            ));
        }
        let why = if causes.is_empty() {
            "No party has taken a position on a disagreement in this briefing".to_string()
        } else {
            format!("No position to show under {}", causes.join(", "))
        };
        let lines: Vec<Line> = crate::text::wrap(&why, usize::from(l.grid.width).max(1))
            .into_iter()
            .map(|s| Line::styled(s, ctx.theme.muted()))
            .collect();
        let area = Rect {
            height: l.grid.height + l.rule.height + l.detail.height,
            ..l.grid
        };
        frame.render_widget(Paragraph::new(lines), area);
        return;
    }

    let (top, left) = view.window(t, l.rows, l.cols);
    let (cr, cc) = view.cursor(t);
    let (rows, cols) = if t {
        (m.columns.len(), m.parties.len())
    } else {
        (m.parties.len(), m.columns.len())
    };
    let followed = app.followed();
    let cell_w = usize::from(l.cell);
    let first_w = usize::from(l.first);
    // What a visible row or column stands for.
    let party_at = |i: usize| m.parties[i];
    let column_at = |i: usize| m.columns[i];
    let resolved = |c: usize| b.disagreements[m.columns[c]].status == Status::Resolved;

    // The header rows: each column's name over one or two lines.
    let header = usize::from(l.header);
    let corner = if t { "disagreement" } else { "party" };
    let mut heads: Vec<Vec<Span>> = (0..header)
        .map(|k| {
            let text = if k + 1 == header { corner } else { "" };
            vec![Span::styled(
                pad(&truncate(text, first_w.saturating_sub(1)), first_w),
                ctx.theme.muted(),
            )]
        })
        .collect();
    for i in left..(left + l.cols).min(cols) {
        let (mark, text, mut style) = if t {
            let s = party_at(i);
            let mark = if followed == Some(s) { "★" } else { "" };
            (mark, one_line(&b.speakers[s].name), ctx.theme.bold())
        } else {
            let d = column_at(i);
            let style = if resolved(i) {
                ctx.theme.muted()
            } else {
                ctx.theme.bold()
            };
            (title_mark(b, d), one_line(&b.disagreements[d].title), style)
        };
        if i == cc {
            style = ctx.theme.title();
        }
        for (k, part) in head_lines(mark, &text, cell_w, header)
            .into_iter()
            .enumerate()
        {
            heads[k].push(Span::styled(pad(&part, cell_w), style));
            heads[k].push(Span::raw(" "));
        }
    }
    let mut lines: Vec<Line> = heads.into_iter().map(Line::from).collect();

    // The rows.
    for r in top..(top + l.rows).min(rows) {
        let (label, mark, mut style) = if t {
            let d = column_at(r);
            let style = if resolved(r) {
                ctx.theme.muted()
            } else {
                Style::default()
            };
            (
                format!(
                    "{}{}",
                    title_mark(b, d),
                    one_line(&b.disagreements[d].title)
                ),
                " ",
                style,
            )
        } else {
            let s = party_at(r);
            let mark = if followed == Some(s) { "★" } else { " " };
            (
                one_line(&b.speakers[s].name).into_owned(),
                mark,
                Style::default(),
            )
        };
        if r == cr {
            style = ctx.theme.title();
        }
        let mut spans = vec![
            Span::styled(mark, ctx.theme.marked()),
            Span::styled(
                pad(
                    &truncate(&label, first_w.saturating_sub(2)),
                    first_w.saturating_sub(1),
                ),
                style,
            ),
        ];
        for c in left..(left + l.cols).min(cols) {
            let (party_row, col) = if t { (c, r) } else { (r, c) };
            let cell = m.cell(party_row, col);
            let dim = resolved(col);
            let text = match cell {
                Some(cell) => {
                    let words = one_line(cell_words(b, m.columns[col], cell.position)).into_owned();
                    let words = if cell.changed {
                        format!("Δ {words}")
                    } else {
                        words
                    };
                    cut_words(&words, cell_w)
                }
                None => "·".to_string(),
            };
            let mut style = match (cell, dim) {
                (None, _) | (_, true) => ctx.theme.muted(),
                (Some(_), false) => Style::default(),
            };
            if r == cr && c == cc {
                style = ctx.theme.selection();
            }
            spans.push(Span::styled(pad(&text, cell_w), style));
            spans.push(Span::raw(" "));
        }
        lines.push(Line::from(spans));
    }
    frame.render_widget(Paragraph::new(lines), l.grid);

    // The rule: where the cursor is, and what lies beyond the view.
    if l.rule.height > 0 {
        let beyond: String = [
            (top > 0, "▴"),
            (top + l.rows < rows, "▾"),
            (left > 0, "◂"),
            (left + l.cols < cols, "▸"),
        ]
        .iter()
        .filter(|(more, _)| *more)
        .map(|(_, arrow)| *arrow)
        .collect();
        let beyond = if beyond.is_empty() {
            String::new()
        } else {
            format!("· more {beyond} ")
        };
        let where_ = format!(" {}/{} × {}/{} {beyond}", cr + 1, rows, cc + 1, cols);
        let w = usize::from(l.rule.width);
        let text = truncate(&where_, w).into_owned();
        let fill = "─".repeat(w.saturating_sub(text.width()).min(2));
        let rest = "─".repeat(w.saturating_sub(text.width() + fill.width()));
        let mut line = Line::from(vec![
            Span::styled(fill, ctx.theme.muted()),
            Span::styled(text, ctx.theme.muted()),
            Span::styled(rest, ctx.theme.muted()),
        ]);
        if let Some(find) = &view.find {
            line = find_line(find, w, ctx);
        }
        frame.render_widget(Paragraph::new(line), l.rule);
    }

    // The cell's detail.
    if l.detail.height > 0 && l.detail.width > 2 {
        let Some((s, d)) = view.at() else {
            return;
        };
        let text_area = Rect {
            width: l.detail.width - 1,
            ..l.detail
        };
        let position = m.cell(view.row, view.col).map(|c| c.position);
        let doc = cell_lines(
            b,
            s,
            d,
            position,
            usize::from(text_area.width.saturating_sub(1)),
        );
        let height = usize::from(l.detail.height);
        let scroll = view.detail_scroll.min(doc.len().saturating_sub(height));
        let lines: Vec<Line> = (doc.iter().skip(scroll).take(height))
            .map(|line| {
                Line::from(
                    (line.segs.iter())
                        .map(|g| Span::styled(g.text.clone(), super::popup::tone(ctx, g.tone)))
                        .collect::<Vec<_>>(),
                )
            })
            .collect();
        frame.render_widget(Paragraph::new(lines), text_area);
        popup_scrollbar(frame, l.detail, doc.len(), height, scroll, ctx);
    }
}

/// The search line in place of the rule: ` /query▏  2/5`, the end of a
/// long query kept in view.
fn find_line(
    find: &crate::app::matrix_find::MatrixFind,
    width: usize,
    ctx: &Context,
) -> Line<'static> {
    let count = match find.current {
        Some(i) => format!(" {}/{} ", i + 1, find.count),
        None if find.query.is_empty() => String::new(),
        None => " no match ".to_string(),
    };
    let cursor = if find.editing { "▏" } else { "" };
    let room = width.saturating_sub(2 + cursor.width() + count.width());
    let query = one_line(&find.query);
    let skip = query.chars().count().saturating_sub(room);
    let shown: String = query.chars().skip(skip).collect();
    let gap = width.saturating_sub(2 + shown.width() + cursor.width() + count.width());
    Line::from(vec![
        Span::styled(" /", ctx.theme.title()),
        Span::raw(shown),
        Span::raw(cursor),
        Span::raw(" ".repeat(gap)),
        Span::styled(count, ctx.theme.bold()),
    ])
}

/// `mark` then `text` on `n` lines of `width` columns: wrapped under
/// the mark, the last line cut with `…`; a short text on the last line,
/// next to the rows.
fn head_lines(mark: &str, text: &str, width: usize, n: usize) -> Vec<String> {
    let indent = mark.width().min(width / 2);
    let room = width.saturating_sub(indent).max(1);
    let mut lines = word_lines(text, room);
    if lines.len() > n {
        let rest = lines.split_off(n - 1).join(" ");
        lines.push(truncate(&rest, room).into_owned());
    }
    let mut out = vec![String::new(); n - lines.len()];
    for (k, line) in lines.into_iter().enumerate() {
        let head = if k == 0 {
            truncate(mark, indent).into_owned()
        } else {
            " ".repeat(indent)
        };
        out.push(truncate(&format!("{head:<indent$}{line}"), width).into_owned());
    }
    out
}

/// `text` (one line, escaped) in lines of `room` columns, broken between
/// words; a word longer than a line is cut with `…` rather than split.
fn word_lines(text: &str, room: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let word = truncate(word, room);
        if line.is_empty() {
            line = word.into_owned();
        } else if line.width() + 1 + word.width() <= room {
            line.push(' ');
            line.push_str(&word);
        } else {
            lines.push(std::mem::replace(&mut line, word.into_owned()));
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// `text` padded with spaces to `width` columns (already no wider).
fn pad(text: &str, width: usize) -> String {
    let w = text.width();
    format!("{text}{}", " ".repeat(width.saturating_sub(w)))
}

/// `text` cut to `width` columns after a whole word where one ends far
/// enough in, else anywhere, with `…` when cut.
fn cut_words(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    let cut = truncate(text, width);
    let body = cut.strip_suffix('…').unwrap_or(&cut);
    if text[body.len()..].starts_with(' ') {
        return format!("{}…", body.trim_end());
    }
    match body.rfind(' ') {
        Some(at) if text[..at].width() * 2 >= width => format!("{}…", text[..at].trim_end()),
        _ => cut.into_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::cut_words;

    #[test]
    fn headers_break_between_words() {
        assert_eq!(
            super::head_lines("≠ ", "Disagreement 185", 11, 2),
            ["≠ Disagree…", "  185"]
        );
        assert_eq!(super::head_lines("? ", "Short", 11, 2), ["", "? Short"]);
        assert_eq!(
            super::head_lines("? ", "How close is a peace deal?", 12, 2),
            ["? How close", "  is a peac…"]
        );
    }

    #[test]
    fn cells_cut_after_a_word() {
        assert_eq!(cut_words("for", 8), "for");
        assert_eq!(cut_words("wants details first", 12), "wants detai…");
        assert_eq!(cut_words("wants details first", 14), "wants details…");
        assert_eq!(cut_words("wants details first", 16), "wants details…");
        assert_eq!(cut_words("averylongword", 6), "avery…");
    }
}
