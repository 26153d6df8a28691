//! Where the terminal cursor goes: on the first line of the focused pane's
//! selected row, or of the selected link or list entry of the top popup, so
//! that screen readers and braille displays follow the selection (shown or
//! hidden as configured).

use ratatui::layout::Position;

use crate::app::{App, Popup, layout::ScreenLayout};

/// The cell the cursor belongs on, on a `width`×`height` screen: the
/// selected row's first column in the focused pane, or the selected line of
/// the top popup; `None` when there is none in view.
pub fn position(app: &App, width: u16, height: u16) -> Option<Position> {
    if let Some(popup) = app.popups.last() {
        return popup_position(app, popup);
    }
    let pane = app.focus;
    if pane == crate::app::Pane::Timeline && app.chart_on() {
        let screen = ScreenLayout::new(width, height, pane).zoomed(app.zoomed());
        return super::timeline_chart::cursor(app, screen.inner(pane)?);
    }
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

/// The first line of the top popup's selected link (a detail view's link,
/// the topic picker's or briefing list's cursor), when it is in view.
fn popup_position(app: &App, popup: &Popup) -> Option<Position> {
    let doc = app.popup_document(popup)?;
    let view = popup.view()?;
    let rects = app.popup_rects(popup, &doc);
    let height = usize::from(rects.body.height);
    if !view.link_visible(&doc, height) {
        return None;
    }
    let first = doc.link_lines(view.link).start.max(view.scroll);
    let y = u16::try_from(first - view.scroll).ok()?;
    Some(Position::new(rects.text.x, rects.text.y.checked_add(y)?))
}
