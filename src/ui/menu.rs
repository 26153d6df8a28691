//! How the small menus (the copy menu, the speaker chooser) are drawn: a
//! framed box, one entry per line with its key, the highlighted entry
//! marked with `›` as well as coloured, and the keys that act in the
//! bottom border.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{Context, popup_frame};
use crate::app::copy_menu::PREVIEW_INDENT;
use crate::app::{Action, App, Mode};
use crate::text::truncate;

/// Draws the box at `outer` (as the app placed it) with `title`, and
/// `footer` in its bottom border; returns the inner area.
pub fn frame_at(frame: &mut Frame, outer: Rect, title: &str, footer: &str, ctx: &Context) -> Rect {
    let inner = popup_frame(frame, outer, title, ctx);
    let room = usize::from(outer.width.saturating_sub(4));
    if outer.height > 2 && room > 0 {
        let text = format!(" {} ", truncate(footer, room.saturating_sub(2)));
        let bottom = Rect::new(outer.x + 2, outer.bottom() - 1, outer.width - 4, 1);
        frame.render_widget(
            Paragraph::new(Span::styled(text, ctx.theme.muted())),
            bottom,
        );
    }
    inner
}

/// One entry: the cursor mark, its key, its text; the highlighted one in
/// the selection style across the whole `width`.
pub fn entry(key: &str, text: &str, selected: bool, width: usize, ctx: &Context) -> Line<'static> {
    let mark = if selected { "›" } else { " " };
    let head = format!("{mark} {key:<2} ");
    let room = width.saturating_sub(head.chars().count());
    let text = truncate(text, room).into_owned();
    let pad = room.saturating_sub(unicode_width::UnicodeWidthStr::width(text.as_str()));
    let line = Line::from(vec![
        Span::styled(head, ctx.theme.title()),
        Span::raw(text),
        Span::raw(" ".repeat(pad)),
    ]);
    if selected {
        ctx.theme.selected_line(line)
    } else {
        line
    }
}

/// The first key bound to `action` in popups, for a footer: "enter".
pub fn key_name(app: &App, action: &Action) -> String {
    (app.keymap().keys_for(Mode::Popup, action).first())
        .map_or_else(String::new, ToString::to_string)
}

/// Lines as muted text indented by [`PREVIEW_INDENT`], for a preview.
pub fn muted(lines: Vec<String>, ctx: &Context) -> Vec<Line<'static>> {
    let indent = " ".repeat(PREVIEW_INDENT);
    lines
        .into_iter()
        .map(|l| Line::from(Span::styled(format!("{indent}{l}"), ctx.theme.muted())))
        .collect()
}

pub fn render(frame: &mut Frame, inner: Rect, lines: Vec<Line<'static>>) {
    frame.render_widget(Paragraph::new(lines), inner);
}
