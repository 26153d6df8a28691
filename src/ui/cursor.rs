//! Where the terminal cursor goes: on the first line of the focused pane's
//! selected row, so that screen readers and braille displays follow the
//! selection (shown or hidden as configured).

use ratatui::layout::Position;

use crate::app::{App, layout::ScreenLayout};

/// The cell the cursor belongs on, on a `width`×`height` screen: the
/// selected row's first column in the focused pane; `None` when a popup
/// covers the panes or the pane is empty.
pub fn position(app: &App, width: u16, height: u16) -> Option<Position> {
    if !app.popups.is_empty() {
        return None;
    }
    let pane = app.focus;
    if app.rows.len(pane) == 0 {
        return None;
    }
    let screen = ScreenLayout::new(width, height, pane);
    let inner = screen.inner(pane)?;
    let list = app.list(pane);
    let mut y = u32::from(inner.y);
    for row in list.offset..list.selected {
        y += u32::from(app.row_height(pane, row, inner.width));
        if y >= u32::from(inner.bottom()) {
            return None;
        }
    }
    let y = u16::try_from(y).ok().filter(|&y| y < inner.bottom())?;
    Some(Position::new(inner.x, y))
}
