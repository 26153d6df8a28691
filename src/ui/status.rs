//! The status line: the search being typed, a message, or the key hints of
//! the current mode, generated from the keymap and the action declarations.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::Context;
use crate::app::{App, Hint};
use crate::text::{one_line, truncate};

pub fn draw(frame: &mut Frame, area: Rect, app: &App, ctx: &Context) {
    let area = super::problems::draw_badge(frame, area, app, ctx);
    let width = usize::from(area.width);
    let mut spans = Vec::new();
    let mut used = 0;
    let line = super::search_line::spans(app, width, ctx);
    if let Some((line, true)) = &line {
        used += line.iter().map(Span::width).sum::<usize>();
        spans.extend(line.iter().cloned());
    } else if let Some(message) = app.message() {
        let text = truncate(&one_line(message), width).into_owned();
        frame.render_widget(Paragraph::new(Span::styled(text, ctx.theme.marked())), area);
        return;
    } else if let Some((line, false)) = line {
        used += line.iter().map(Span::width).sum::<usize>();
        spans.extend(line);
    }
    for hint in fit(app.hints(), width.saturating_sub(used)) {
        spans.push(Span::styled(format!(" {}", hint.keys), ctx.theme.title()));
        spans.push(Span::styled(format!(" {} ", hint.word), ctx.theme.muted()));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// The hints that fit in `width` columns, in their order: taken by rank
/// (lowest first) while they fit.
fn fit(hints: Vec<Hint>, width: usize) -> Vec<Hint> {
    let w = |h: &Hint| h.keys.chars().count() + h.word.chars().count() + 3;
    let mut by_rank: Vec<usize> = (0..hints.len()).collect();
    by_rank.sort_by_key(|&i| hints[i].rank);
    let mut keep = vec![false; hints.len()];
    let mut used = 0;
    for i in by_rank {
        if used + w(&hints[i]) <= width {
            used += w(&hints[i]);
            keep[i] = true;
        }
    }
    hints
        .into_iter()
        .zip(keep)
        .filter(|(_, k)| *k)
        .map(|(h, _)| h)
        .collect()
}
