//! Selection and scrolling: each pane's selection stays inside its list and
//! in view; mouse clicks land on the row under the pointer.

use super::{App, ListState, Pane, ScreenLayout, row_text};

impl App {
    pub(super) fn click(&mut self, x: u16, y: u16) {
        let layout = self.layout();
        let tabs = layout
            .tabs
            .map(|row| self.tabs(row.width))
            .unwrap_or_default();
        if let Some(pane) = layout.tab_at(x, y, &tabs) {
            self.focus = pane;
            return;
        }
        let Some(pane) = layout.pane_at(x, y) else {
            return;
        };
        self.focus = pane;
        let Some(inner) = layout.inner(pane) else {
            return;
        };
        if pane == Pane::Timeline && self.chart.on {
            return self.chart_click(inner, x);
        }
        if y < inner.y || y >= inner.bottom() {
            return;
        }
        let mut top = u32::from(inner.y);
        let list = self.lists[pane.index()];
        for row in list.offset..self.rows.len(pane) {
            let h = u32::from(self.row_height(pane, row, inner.width));
            if u32::from(y) < top + h {
                self.select(pane, row);
                return;
            }
            top += h;
            if top >= u32::from(inner.bottom()) {
                return;
            }
        }
    }

    pub(super) fn select(&mut self, pane: Pane, row: usize) {
        let len = self.rows.len(pane);
        self.lists[pane.index()].selected = row.min(len.saturating_sub(1));
    }

    pub(super) fn move_by(&mut self, pane: Pane, delta: isize) {
        let current = self.lists[pane.index()].selected;
        self.select(pane, current.saturating_add_signed(delta));
    }

    /// Rows in a page of `pane` (its inner height, in rows of one line).
    pub(super) fn page(&self, pane: Pane) -> usize {
        let layout = ScreenLayout::new(self.size.0, self.size.1, pane).zoomed(self.zoomed);
        let height = layout.inner(pane).map_or(1, |r| r.height.max(1));
        let per_row = match pane {
            Pane::Quotes => 4,
            Pane::Speakers => row_text::SPEAKER_ROW_HEIGHT,
            _ => 1,
        };
        usize::from((height / per_row).max(1))
    }

    /// Height in lines of row `row` of `pane` at `width` columns.
    pub fn row_height(&self, pane: Pane, row: usize, width: u16) -> u16 {
        let b = self.briefing();
        let lines = match pane {
            Pane::Timeline => 1,
            Pane::Speakers => usize::from(row_text::SPEAKER_ROW_HEIGHT),
            Pane::Quotes => row_text::quote_lines(b, self.rows.quotes[row], width).len(),
            Pane::Disagreements => {
                row_text::disagreement_lines(b, self.rows.disagreements[row], width).len()
            }
        };
        u16::try_from(lines).unwrap_or(u16::MAX)
    }

    /// Scrolls every shown pane so its selection is in view. Looks only at
    /// rows that fit on screen: when the selection is below the window, the
    /// new offset is found by walking up from the selection.
    pub(super) fn keep_selection_visible(&mut self) {
        let layout = self.layout();
        for pane in Pane::ALL {
            let i = pane.index();
            let list = &mut self.lists[i];
            list.offset = list.offset.min(list.selected);
            let Some(inner) = layout.inner(pane) else {
                continue;
            };
            if self.rows.len(pane) == 0 {
                continue;
            }
            let ListState {
                selected,
                mut offset,
            } = self.lists[i];
            if selected < offset || inner.height == 0 {
                offset = selected;
            } else {
                // The highest offset that still shows the whole selected row
                // (or its top, when it is taller than the pane).
                let height = u32::from(inner.height);
                let mut lowest = selected;
                let mut used = u32::from(self.row_height(pane, selected, inner.width));
                while lowest > offset {
                    let above = u32::from(self.row_height(pane, lowest - 1, inner.width));
                    if used + above > height {
                        break;
                    }
                    used += above;
                    lowest -= 1;
                }
                offset = offset.max(lowest);
            }
            self.lists[i].offset = offset;
        }
    }
}
