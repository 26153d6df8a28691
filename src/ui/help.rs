//! The help overlay, generated from the keymap: every binding with its description.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{Context, popup_frame};

pub fn draw(frame: &mut Frame, area: Rect, scroll: u16, ctx: &Context) {
    let entries = ctx.keymap.help_entries();
    let key_width = entries
        .iter()
        .map(|(k, _)| k.chars().count())
        .max()
        .unwrap_or(0)
        .min(28);
    let height = u16::try_from(entries.len() + 4).unwrap_or(u16::MAX);
    let inner = popup_frame(frame, area, 72, height, "Help: keys", ctx);
    let mut lines: Vec<Line> = entries
        .iter()
        .map(|(keys, desc)| {
            Line::from(vec![
                Span::styled(format!(" {keys:<key_width$}  "), ctx.theme.title()),
                Span::raw(desc.to_string()),
            ])
        })
        .collect();
    lines.push(Line::default());
    lines.push(Line::from(Span::styled(
        " Keys can be changed in ~/.config/briefing/config.toml [keys].",
        ctx.theme.muted(),
    )));
    frame.render_widget(Paragraph::new(lines).scroll((scroll, 0)), inner);
}
