//! Where a popup is and how its document moves: the popup's rectangles on
//! screen, and a [`View`] (scroll offset, selected link, search) stepped by
//! keys. j/k move between links while the next one is in view or just
//! below it, and otherwise scroll by a line, so every line can be reached.

use std::ops::Range;

use ratatui::layout::{Margin, Rect};

use super::document::Document;
use super::layout::popup_area;

/// A popup's scroll position, selected link and search.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct View {
    /// The first line shown.
    pub scroll: usize,
    /// The selected link (a briefing, a topic, a detail's link).
    pub link: usize,
    pub find: Option<Find>,
}

/// A search inside a popup.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Find {
    pub query: String,
    /// Typed characters extend the query.
    pub editing: bool,
    /// The match shown, counting from 0 in document order.
    pub current: usize,
    /// The scroll position when the search began.
    pub origin: usize,
    /// Matches in the document, counted when the query last changed.
    pub count: usize,
    /// The line of the match shown.
    pub line: Option<usize>,
}

impl View {
    pub fn at(link: usize) -> View {
        View {
            link,
            ..View::default()
        }
    }
}

/// A popup on screen: its frame, the text area, and the search line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PopupRects {
    pub outer: Rect,
    /// Inside the border, above the search line: the lines with their
    /// margins, the scrollbar in the right-hand column.
    pub text: Rect,
    /// Where the document's lines go: a column of margin on the left, a gap
    /// and the scrollbar on the right.
    pub body: Rect,
    /// The search line, at the bottom, while a search is open.
    pub find: Option<Rect>,
}

/// The outer width of a popup at most `max_width` wide on `screen`: it leaves
/// the screen's edges visible when there is room.
pub fn popup_width(screen: Rect, max_width: u16) -> u16 {
    let room = if screen.width >= 70 {
        screen.width - 4
    } else {
        screen.width
    };
    max_width.min(room)
}

/// The width a popup's text is laid out at.
pub fn text_width(screen: Rect, max_width: u16) -> usize {
    usize::from(popup_width(screen, max_width).saturating_sub(5)).max(1)
}

/// A popup as tall as its `lines` (plus the search line), at most the
/// screen less the header and status rows.
pub fn popup_rects(screen: Rect, max_width: u16, lines: usize, finding: bool) -> PopupRects {
    let want = lines + 2 + usize::from(finding);
    let height = u16::try_from(want)
        .unwrap_or(u16::MAX)
        .min(screen.height.saturating_sub(2).max(3));
    let outer = popup_area(screen, popup_width(screen, max_width), height);
    let inner = outer.inner(Margin::new(1, 1));
    let (text, find) = if finding && inner.height > 1 {
        let find = Rect::new(inner.x, inner.bottom() - 1, inner.width, 1);
        (
            Rect {
                height: inner.height - 1,
                ..inner
            },
            Some(find),
        )
    } else {
        (inner, None)
    };
    let body = Rect {
        x: text.x + 1.min(text.width),
        width: text.width.saturating_sub(3),
        ..text
    };
    PopupRects {
        outer,
        text,
        body,
        find,
    }
}

impl View {
    /// The last scroll position: the last line at the bottom.
    pub fn max_scroll(doc: &Document, height: usize) -> usize {
        doc.len().saturating_sub(height.max(1))
    }

    fn visible(&self, lines: &Range<usize>, height: usize) -> bool {
        lines.start < self.scroll + height && lines.end > self.scroll
    }

    /// Is the selected link on screen?
    pub fn link_visible(&self, doc: &Document, height: usize) -> bool {
        self.link < doc.link_count() && self.visible(&doc.link_lines(self.link), height.max(1))
    }

    /// Scrolls as little as needed to show `lines` (their top, when taller
    /// than the view).
    pub fn reveal(&mut self, lines: Range<usize>, height: usize) {
        let height = height.max(1);
        if lines.end > self.scroll + height {
            self.scroll = lines.end - height;
        }
        if lines.start < self.scroll {
            self.scroll = lines.start;
        }
    }

    pub fn clamp(&mut self, doc: &Document, height: usize) {
        self.scroll = self.scroll.min(View::max_scroll(doc, height));
        self.link = self.link.min(doc.link_count().saturating_sub(1));
    }

    /// j: the next link if it is in view or just below, else a line down.
    pub fn down(&mut self, doc: &Document, height: usize) {
        let height = height.max(1);
        let next = if self.link_visible(doc, height) {
            Some(self.link + 1).filter(|&l| l < doc.link_count())
        } else {
            doc.first_link_from(self.scroll)
        };
        match next {
            Some(n) if doc.link_lines(n).start <= self.scroll + height => {
                self.link = n;
                self.reveal(doc.link_lines(n), height);
            }
            _ => self.scroll_by(doc, height, 1),
        }
    }

    /// k: the previous link if it is in view or just above, else a line up.
    pub fn up(&mut self, doc: &Document, height: usize) {
        let height = height.max(1);
        let prev = if self.link_visible(doc, height) {
            self.link.checked_sub(1)
        } else {
            doc.last_link_before(self.scroll + height)
        };
        match prev {
            Some(p) if doc.link_lines(p).end >= self.scroll => {
                self.link = p;
                self.reveal(doc.link_lines(p), height);
            }
            _ => self.scroll_by(doc, height, -1),
        }
    }

    /// Scrolls by `delta` lines, stopping at either end; the selection moves
    /// to a link in view when it left the view.
    pub fn scroll_by(&mut self, doc: &Document, height: usize, delta: isize) {
        let max = View::max_scroll(doc, height);
        self.scroll = self.scroll.saturating_add_signed(delta).min(max);
        if self.link_visible(doc, height) || doc.link_count() == 0 {
            return;
        }
        let height = height.max(1);
        let candidate = if delta > 0 {
            doc.first_link_from(self.scroll)
        } else {
            doc.last_link_before(self.scroll + height)
        };
        if let Some(l) = candidate
            && self.visible(&doc.link_lines(l), height)
        {
            self.link = l;
        }
    }

    pub fn top(&mut self) {
        self.scroll = 0;
        self.link = 0;
    }

    pub fn bottom(&mut self, doc: &Document, height: usize) {
        self.scroll = View::max_scroll(doc, height);
        self.link = doc.link_count().saturating_sub(1);
    }

    /// Selects `link` and scrolls to it.
    pub fn select(&mut self, doc: &Document, height: usize, link: usize) {
        if link < doc.link_count() {
            self.link = link;
            self.reveal(doc.link_lines(link), height);
        }
    }
}
