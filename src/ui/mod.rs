//! Drawing: `draw(frame, app, ctx)` renders the state; it never changes it.
//! One file per pane and per popup.

mod briefing_list;
mod detail;
mod disagreements;
mod header;
mod help;
mod overview;
mod pane;
mod quotes;
mod search_line;
mod search_results;
mod speakers;
mod status;
mod tabs;
pub mod theme;
mod timeline;
mod topic_picker;

use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Flex, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Clear, Paragraph, Wrap};

use crate::app::{App, Pane, Popup, layout};

pub use theme::Theme;

/// What drawing needs besides the state.
pub struct Context<'a> {
    pub theme: &'a Theme,
}

/// Draws the whole screen for `app`.
pub fn draw(frame: &mut Frame, app: &App, ctx: &Context) {
    let area = frame.area();
    // The frame's own size decides the layout; the terminal loop keeps the
    // app's size (used for scrolling and the mouse) in step with it.
    let screen = layout::ScreenLayout::new(area.width, area.height, app.focus).zoomed(app.zoomed());
    if screen.too_small {
        too_small(frame, area, ctx);
        return;
    }
    header::draw(frame, screen.header, app, ctx);
    if let Some(tabs) = screen.tabs {
        tabs::draw(frame, tabs, app, ctx);
    }
    for pane in Pane::ALL {
        let Some(rect) = screen.panes[pane.index()] else {
            continue;
        };
        match pane {
            Pane::Timeline => timeline::draw(frame, rect, app, ctx),
            Pane::Speakers => speakers::draw(frame, rect, app, ctx),
            Pane::Quotes => quotes::draw(frame, rect, app, ctx),
            Pane::Disagreements => disagreements::draw(frame, rect, app, ctx),
        }
    }
    status::draw(frame, screen.status, app, ctx);
    for popup in &app.popups {
        match popup {
            Popup::Detail { target, link } => detail::draw(frame, area, app, *target, *link, ctx),
            Popup::Help { scroll } => help::draw(frame, area, app, *scroll, ctx),
            Popup::Topics { cursor, chosen } => {
                topic_picker::draw(frame, area, app, *cursor, chosen, ctx)
            }
            Popup::Overview { scroll } => overview::draw(frame, area, app, *scroll, ctx),
            Popup::Briefings { cursor } => briefing_list::draw(frame, area, app, *cursor, ctx),
            Popup::Results(results) => search_results::draw(frame, area, app, results, ctx),
        }
    }
}

fn too_small(frame: &mut Frame, area: Rect, ctx: &Context) {
    let text = format!(
        "Terminal too small: {}×{}. The reader needs at least {}×{}.",
        area.width,
        area.height,
        layout::MIN_COLUMNS,
        layout::MIN_ROWS
    );
    let p = Paragraph::new(text)
        .style(ctx.theme.bold())
        .alignment(Alignment::Center)
        .wrap(Wrap { trim: true });
    let [middle] = Layout::vertical([Constraint::Length(3)])
        .flex(Flex::Center)
        .areas(area);
    frame.render_widget(p, middle);
}

/// A popup frame centred in `area`: at most `width`×`height`, never larger
/// than the screen. Clears what is under it and returns the inner area.
fn popup_frame(
    frame: &mut Frame,
    area: Rect,
    width: u16,
    height: u16,
    title: &str,
    ctx: &Context,
) -> Rect {
    let rect = layout::popup_area(area, width, height);
    frame.render_widget(Clear, rect);
    let block = Block::new()
        .borders(Borders::ALL)
        .border_type(BorderType::Rounded)
        .border_style(ctx.theme.border(true))
        .title(Span::styled(format!(" {title} "), ctx.theme.title()));
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    inner
}

/// `text` as spans, with the matches of `needle` (lowercase) highlighted.
fn highlighted(text: &str, needle: Option<&str>, base: Style, hit: Style) -> Vec<Span<'static>> {
    let Some(needle) = needle else {
        return vec![Span::styled(text.to_string(), base)];
    };
    let mut spans = Vec::new();
    let mut at = 0;
    for range in crate::app::search::match_ranges(text, needle) {
        if range.start > at {
            spans.push(Span::styled(text[at..range.start].to_string(), base));
        }
        spans.push(Span::styled(
            text[range.clone()].to_string(),
            base.patch(hit),
        ));
        at = range.end;
    }
    if at < text.len() {
        spans.push(Span::styled(text[at..].to_string(), base));
    }
    spans
}

/// A line made of a 2-column gutter (marker) and content spans.
fn row_line(marker: Option<&str>, ctx: &Context, mut content: Vec<Span<'static>>) -> Line<'static> {
    let gutter = match marker {
        Some(m) => Span::styled(format!("{m} "), ctx.theme.marked()),
        None => Span::raw("  "),
    };
    content.insert(0, gutter);
    Line::from(content)
}

/// A line of a scrolling popup, styled by its kind, one column in.
fn text_line(line: &crate::app::popup_text::TextLine, ctx: &Context) -> Line<'static> {
    use crate::app::popup_text::LineKind;
    let style = match line.kind {
        LineKind::Title | LineKind::Keys => ctx.theme.title(),
        LineKind::Heading => ctx.theme.bold(),
        LineKind::Muted => ctx.theme.muted(),
        LineKind::Plain => Style::default(),
    };
    if line.text.is_empty() {
        return Line::default();
    }
    Line::from(Span::styled(format!(" {}", line.text), style))
}
