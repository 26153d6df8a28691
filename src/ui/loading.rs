//! The screen shown while briefings load, when loading takes long enough to
//! notice: how many files are done, of how many, and how to stop.

use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout};
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Gauge, Paragraph};

/// Draws the loading screen: `done` files of `total` (0 while the folders
/// are still being listed).
pub fn draw(frame: &mut Frame, done: usize, total: usize, ascii: bool) {
    let area = frame.area();
    let [line, gauge, hint] = Layout::vertical([Constraint::Length(1); 3])
        .spacing(1)
        .flex(Flex::Center)
        .areas(area);
    let [gauge] = Layout::horizontal([Constraint::Max(60)])
        .flex(Flex::Center)
        .areas(gauge);
    let what = if total == 0 {
        "Loading briefings: listing files…".to_string()
    } else {
        format!(
            "Loading briefings: {done} of {}",
            crate::text::plural(total, "file", "files")
        )
    };
    frame.render_widget(Paragraph::new(Line::from(what).centered()), line);
    let ratio = if total == 0 {
        0.0
    } else {
        (done.min(total) as f64) / (total as f64)
    };
    // The bar is drawn in reverse video, so it shows without colours too.
    let bar = Gauge::default()
        .ratio(ratio)
        .use_unicode(true)
        .gauge_style(Style::new().add_modifier(Modifier::REVERSED))
        // The label is drawn over the bar's middle: the share done, never a
        // gap in the bar.
        .label(format!("{:.0}%", ratio * 100.0));
    frame.render_widget(bar, gauge);
    frame.render_widget(
        Paragraph::new(Line::from("Ctrl-c or q stops").centered())
            .style(Style::new().add_modifier(Modifier::DIM)),
        hint,
    );
    if ascii {
        super::ascii::to_ascii(frame.buffer_mut());
    }
}
