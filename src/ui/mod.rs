//! Drawing: `draw(frame, app, ctx)` renders the state; it never changes it.
//! One file per pane and per popup.

mod ascii;
pub mod contrast;
mod copy_menu;
pub mod cursor;
mod disagreements;
mod header;
pub mod loading;
mod matrix;
mod menu;
mod new_mark;
mod pane;
mod popup;
mod problems;
mod quotes;
mod search_line;
mod search_results;
mod source_view;
mod speaker_choice;
mod speakers;
mod status;
mod tabs;
pub mod theme;
mod timeline;
mod timeline_chart;

use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Flex, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Block, BorderType, Borders, Clear, Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState,
    Wrap,
};

use crate::app::{App, Pane, Popup, layout};

pub use theme::Theme;

/// What drawing needs besides the state.
pub struct Context<'a> {
    pub theme: &'a Theme,
}

/// Draws the whole screen for `app`.
pub fn draw(frame: &mut Frame, app: &App, ctx: &Context) {
    draw_screen(frame, app, ctx);
    if ctx.theme.ascii() {
        ascii::to_ascii(frame.buffer_mut());
    }
}

fn draw_screen(frame: &mut Frame, app: &App, ctx: &Context) {
    let area = frame.area();
    // The frame's own size decides the layout; the terminal loop keeps the
    // app's size (used for scrolling and the mouse) in step with it.
    let screen = layout::ScreenLayout::new(area.width, area.height, app.focus).zoomed(app.zoomed());
    if screen.too_small {
        too_small(frame, area, ctx);
        return;
    }
    header::draw(frame, screen.header, app, ctx);
    // The stance matrix covers the tabs and panes: they are not drawn.
    let covered = app.matrix_view().is_some();
    if let Some(tabs) = screen.tabs.filter(|_| !covered) {
        tabs::draw(frame, tabs, app, ctx);
    }
    for pane in Pane::ALL {
        let Some(rect) = screen.panes[pane.index()].filter(|_| !covered) else {
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
    for p in &app.popups {
        match p {
            Popup::CopyMenu { target, cursor } => {
                copy_menu::draw(frame, area, app, *target, *cursor, ctx)
            }
            Popup::SpeakerChoice {
                target,
                speakers,
                cursor,
            } => speaker_choice::draw(frame, area, app, *target, speakers, *cursor, ctx),
            crate::app::Popup::Results(results) => {
                search_results::draw(frame, area, app, results, ctx)
            }
            Popup::Source(view) => source_view::draw(frame, app, view, ctx),
            Popup::Matrix(view) => matrix::draw(frame, app, view, ctx),
            p => popup::draw(frame, app, p, ctx),
        }
    }
}

fn too_small(frame: &mut Frame, area: Rect, ctx: &Context) {
    let text = format!(
        "Terminal too small: {}×{}. The reader needs at least {}×{}: enlarge the window or make the font smaller.",
        area.width,
        area.height,
        layout::MIN_COLUMNS,
        layout::MIN_ROWS
    );
    let p = Paragraph::new(text.as_str())
        .style(ctx.theme.bold())
        .alignment(Alignment::Center)
        .wrap(Wrap { trim: true });
    // As many lines as the sentence takes at this width, so the advice at
    // its end is never cut.
    let lines = crate::text::wrap(&text, usize::from(area.width)).len();
    let [middle] = Layout::vertical([Constraint::Length(u16::try_from(lines).unwrap_or(u16::MAX))])
        .flex(Flex::Center)
        .areas(area);
    frame.render_widget(p, middle);
}

/// A popup frame at `rect`: clears what is under it, draws the border and
/// the title, and returns the inner area.
fn popup_frame(frame: &mut Frame, rect: Rect, title: &str, ctx: &Context) -> Rect {
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

/// A scrollbar in the right column of `area` (a popup's text area with its
/// margins), when `lines` overflow a view `height` lines high scrolled to
/// `scroll`.
fn popup_scrollbar(
    frame: &mut Frame,
    area: Rect,
    lines: usize,
    height: usize,
    scroll: usize,
    ctx: &Context,
) {
    if lines <= height || area.height < 2 || area.width < 3 {
        return;
    }
    // The thumb reaches the end when the position is the last of
    // `content_length`: one position per scroll offset.
    let mut state = ScrollbarState::new(lines - height + 1)
        .position(scroll)
        .viewport_content_length(height);
    let bar = Scrollbar::new(ScrollbarOrientation::VerticalRight)
        .begin_symbol(None)
        .end_symbol(None)
        .track_symbol(Some("│"))
        // On a background of its own: a selected line under it must not
        // lend the thumb its colour.
        .track_style(ctx.theme.muted().bg(ratatui::style::Color::Reset))
        .thumb_symbol("█")
        .thumb_style(ctx.theme.title().bg(ratatui::style::Color::Reset));
    frame.render_stateful_widget(bar, area, &mut state);
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
