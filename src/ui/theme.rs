//! `Theme`: the styles the reader draws with, from the configured colours, or
//! monochrome (reverse-video selection) when `NO_COLOR` is set.

use ratatui::style::{Color, Modifier, Style};
use ratatui::text::Line;

use crate::config::ThemeColors;

#[derive(Debug, Clone)]
pub struct Theme {
    colors: ThemeColors,
    mono: bool,
    /// Plain ASCII borders and marks (`--ascii`).
    ascii: bool,
}

impl Theme {
    pub fn new(colors: ThemeColors, no_color: bool) -> Theme {
        Theme {
            colors,
            mono: no_color,
            ascii: false,
        }
    }

    /// The theme drawing plain ASCII borders and marks, or not.
    pub fn with_ascii(mut self, on: bool) -> Theme {
        self.ascii = on;
        self
    }

    /// Are borders and marks drawn in plain ASCII?
    pub fn ascii(&self) -> bool {
        self.ascii
    }

    /// `NO_COLOR` set to anything non-empty turns colour off.
    pub fn no_color_requested() -> bool {
        std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
    }

    fn fg(&self, color: Color) -> Style {
        if self.mono {
            Style::new()
        } else {
            Style::new().fg(color)
        }
    }

    pub fn border(&self, focused: bool) -> Style {
        match (focused, self.mono) {
            (true, true) => Style::new().add_modifier(Modifier::BOLD),
            (true, false) => Style::new()
                .fg(self.colors.accent)
                .add_modifier(Modifier::BOLD),
            (false, _) => self.fg(self.colors.muted),
        }
    }

    pub fn title(&self) -> Style {
        self.fg(self.colors.accent).add_modifier(Modifier::BOLD)
    }

    pub fn muted(&self) -> Style {
        if self.mono {
            Style::new().add_modifier(Modifier::DIM)
        } else {
            self.fg(self.colors.muted)
        }
    }

    /// The selected row of the focused pane (and of popup lists).
    pub fn selection(&self) -> Style {
        if self.mono {
            Style::new().add_modifier(Modifier::REVERSED)
        } else {
            Style::new()
                .fg(self.colors.selection_fg)
                .bg(self.colors.selection_bg)
        }
    }

    /// The selected row of a pane without focus: still visible, quieter.
    pub fn selection_unfocused(&self) -> Style {
        if self.mono {
            Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
        } else {
            Style::new()
                .fg(self.colors.unfocused_fg)
                .bg(self.colors.unfocused_bg)
        }
    }

    /// The fill of a selected row, focused or not.
    pub fn selected_row(&self, focused: bool) -> Style {
        if focused {
            self.selection()
        } else {
            self.selection_unfocused()
        }
    }

    /// `style` as drawn on a selected row: on the selection background, its
    /// colour kept where it stays readable there (contrast at least 4.5:1),
    /// the selection's foreground otherwise. A style with its own background
    /// (a search match) keeps it.
    pub fn on_selection(&self, style: Style, focused: bool) -> Style {
        let fill = self.selected_row(focused);
        if self.mono || style.bg.is_some() {
            return style;
        }
        let (Some(fill_fg), Some(bg)) = (fill.fg, fill.bg) else {
            return style;
        };
        let fg = style
            .fg
            .filter(|&fg| super::contrast::readable(fg, bg))
            .unwrap_or(fill_fg);
        style.fg(fg).bg(bg)
    }

    /// `line` as the cursor line of a popup list: on the selection, each
    /// span kept readable there (see [`Theme::on_selection`]).
    pub fn selected_line<'a>(&self, mut line: Line<'a>) -> Line<'a> {
        for span in &mut line.spans {
            span.style = self.on_selection(span.style, true);
        }
        line.patch_style(self.selection())
    }

    pub fn marked(&self) -> Style {
        self.fg(self.colors.marked).add_modifier(Modifier::BOLD)
    }

    pub fn search_match(&self) -> Style {
        if self.mono {
            Style::new().add_modifier(Modifier::UNDERLINED | Modifier::BOLD)
        } else {
            Style::new()
                .fg(self.colors.match_fg)
                .bg(self.colors.match_bg)
        }
    }

    pub fn reported(&self) -> Style {
        self.fg(self.colors.reported).add_modifier(Modifier::ITALIC)
    }

    pub fn status(&self, status: crate::model::Status) -> Style {
        use crate::model::Status;
        match status {
            Status::Open => self.fg(self.colors.open).add_modifier(Modifier::BOLD),
            Status::Narrowing => self.fg(self.colors.narrowing).add_modifier(Modifier::BOLD),
            Status::Resolved => self.muted(),
        }
    }

    /// A quote's context line in the list.
    pub fn context(&self) -> Style {
        self.muted().add_modifier(Modifier::ITALIC)
    }

    pub fn resolved(&self) -> Style {
        self.muted()
    }

    pub fn bold(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }
}
