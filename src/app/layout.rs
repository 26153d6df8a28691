//! Screen geometry, shared by drawing and by mouse handling: where the
//! header, panes and status line are for a given terminal size.

use ratatui::layout::{Constraint, Layout, Rect};

use super::Pane;

/// Below this width, one pane is shown at a time with tabs.
pub const WIDE_MIN_COLUMNS: u16 = 100;
/// Below this size, only a "terminal too small" message is shown.
pub const MIN_COLUMNS: u16 = 40;
pub const MIN_ROWS: u16 = 12;

/// Where everything goes on a screen of a given size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScreenLayout {
    pub area: Rect,
    pub too_small: bool,
    pub header: Rect,
    /// The tab row, in the one-pane layout.
    pub tabs: Option<Rect>,
    /// Each pane's outer rectangle (with border); `None` when not shown.
    pub panes: [Option<Rect>; 4],
    pub status: Rect,
    /// The focused pane.
    pub focus: Pane,
}

impl ScreenLayout {
    /// The layout of a `width`×`height` screen with `focus` focused.
    pub fn new(width: u16, height: u16, focus: Pane) -> ScreenLayout {
        let area = Rect::new(0, 0, width, height);
        let mut layout = ScreenLayout {
            area,
            too_small: width < MIN_COLUMNS || height < MIN_ROWS,
            header: Rect::default(),
            tabs: None,
            panes: [None; 4],
            status: Rect::default(),
            focus,
        };
        if layout.too_small {
            return layout;
        }
        let wide = width >= WIDE_MIN_COLUMNS;
        let [header, tabs, body, status] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(if wide { 0 } else { 1 }),
            Constraint::Min(0),
            Constraint::Length(1),
        ])
        .areas(area);
        layout.header = header;
        layout.status = status;
        if wide {
            let [left, right] =
                Layout::horizontal([Constraint::Percentage(38), Constraint::Percentage(62)])
                    .areas(body);
            let [timeline, speakers] =
                Layout::vertical([Constraint::Percentage(50), Constraint::Percentage(50)])
                    .areas(left);
            let [quotes, disagreements] =
                Layout::vertical([Constraint::Percentage(62), Constraint::Percentage(38)])
                    .areas(right);
            layout.panes = [
                Some(timeline),
                Some(speakers),
                Some(quotes),
                Some(disagreements),
            ];
        } else {
            layout.tabs = Some(tabs);
            layout.panes[focus.index()] = Some(body);
        }
        layout
    }

    /// The same layout with the focused pane zoomed (when `zoomed`): it
    /// fills the whole body. Wide, the other panes give way; narrow, where
    /// one pane is shown anyway, the tab row does.
    pub fn zoomed(mut self, zoomed: bool) -> ScreenLayout {
        if !zoomed || self.too_small {
            return self;
        }
        let top = self.header.bottom();
        let body = Rect::new(
            self.area.x,
            top,
            self.area.width,
            self.status.y.saturating_sub(top),
        );
        self.tabs = None;
        self.panes = [None; 4];
        self.panes[self.focus.index()] = Some(body);
        self
    }

    /// The area inside a pane's border.
    pub fn inner(&self, pane: Pane) -> Option<Rect> {
        self.panes[pane.index()].map(|r| r.inner(ratatui::layout::Margin::new(1, 1)))
    }

    /// The pane whose rectangle holds the point.
    pub fn pane_at(&self, x: u16, y: u16) -> Option<Pane> {
        let p = ratatui::layout::Position::new(x, y);
        Pane::ALL
            .into_iter()
            .find(|pane| self.panes[pane.index()].is_some_and(|r| r.contains(p)))
    }

    /// The tab under the point, in the one-pane layout, among `tabs`
    /// ([`App::tabs`](super::App::tabs)).
    pub fn tab_at(&self, x: u16, y: u16, tabs: &[super::tabs::Tab]) -> Option<Pane> {
        let row = self.tabs?;
        if y != row.y {
            return None;
        }
        tabs.iter()
            .find(|t| x >= row.x + t.x && x < row.x + t.x + t.width)
            .map(|t| t.pane)
    }
}

/// A popup's outer rectangle: at most `width`×`height`, centred on `screen`,
/// never larger than it.
pub fn popup_area(screen: Rect, width: u16, height: u16) -> Rect {
    let w = width.min(screen.width);
    let h = height.min(screen.height);
    Rect::new(
        screen.x + (screen.width - w) / 2,
        screen.y + (screen.height - h) / 2,
        w,
        h,
    )
    .intersection(screen)
}

/// The area inside a popup's border.
pub fn popup_inner(screen: Rect, width: u16, height: u16) -> Rect {
    popup_area(screen, width, height).inner(ratatui::layout::Margin::new(1, 1))
}
