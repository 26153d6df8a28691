//! The new-item mark: `N` in the gutter of a row whose item is new since
//! the briefing was last open (a letter, so it shows without colour too),
//! unless the gutter already holds a mark of what is linked to the
//! selection.

use ratatui::text::{Line, Span};

use super::Context;
use crate::app::{App, Pane};

/// The mark, as the gutter shows it.
pub const MARK: &str = "N";

/// Puts the mark in the gutter of row `row`'s first line, when its item is new.
pub fn mark(app: &App, pane: Pane, row: usize, lines: &mut [Line<'static>], ctx: &Context) {
    if app.new_count() == 0 || !app.row_item(pane, row).is_some_and(|t| app.is_new(t)) {
        return;
    }
    let Some(gutter) = lines.first_mut().and_then(|l| l.spans.first_mut()) else {
        return;
    };
    if gutter.content == "  " {
        *gutter = Span::styled(format!("{MARK} "), ctx.theme.marked());
    }
}
