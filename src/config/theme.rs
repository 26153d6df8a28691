//! The `[theme]` section: the colours the reader draws with, their defaults
//! from `assets/theme.toml`, and the checks of a user's colours.

use std::path::Path;
use std::str::FromStr;

use ratatui::style::Color;
use toml::de::DeTable;

use crate::diag::toml::a_type;
use crate::diag::{Collector, did_you_mean};

/// The default colours, embedded in the binary.
pub const DEFAULT_THEME: &str = include_str!("../../assets/theme.toml");

const COLOUR_HELP: &str = "a colour is a name (black red green yellow blue magenta cyan gray \
    darkgray lightred lightgreen lightyellow lightblue lightmagenta lightcyan white), \
    \"#rrggbb\", a palette index 0-255, or \"reset\"";

const COLOUR_NAMES: &[&str] = &[
    "reset",
    "black",
    "red",
    "green",
    "yellow",
    "blue",
    "magenta",
    "cyan",
    "gray",
    "darkgray",
    "lightred",
    "lightgreen",
    "lightyellow",
    "lightblue",
    "lightmagenta",
    "lightcyan",
    "white",
];

/// The colours the reader draws with, one per key of `assets/theme.toml`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ThemeColors {
    /// Focused pane border, header title.
    pub accent: Color,
    /// Secondary text: dates, roles, resolved items.
    pub muted: Color,
    pub selection_fg: Color,
    pub selection_bg: Color,
    /// The selection of a pane without focus.
    pub unfocused_fg: Color,
    pub unfocused_bg: Color,
    /// Items linked to the selection or the followed speaker.
    pub marked: Color,
    pub match_fg: Color,
    /// Search matches.
    pub match_bg: Color,
    /// Reported (not verbatim) statements.
    pub reported: Color,
    /// Disagreement status: open.
    pub open: Color,
    /// Disagreement status: narrowing.
    pub narrowing: Color,
    /// Disagreement status: resolved.
    pub resolved: Color,
}

impl ThemeColors {
    /// The names of the colours, as written in `[theme]`.
    pub const NAMES: [&'static str; 13] = [
        "accent",
        "muted",
        "selection_fg",
        "selection_bg",
        "marked",
        "match_fg",
        "match_bg",
        "reported",
        "open",
        "narrowing",
        "resolved",
        "unfocused_fg",
        "unfocused_bg",
    ];

    /// The colour called `name`.
    fn slot(&mut self, name: &str) -> Option<&mut Color> {
        Some(match name {
            "accent" => &mut self.accent,
            "muted" => &mut self.muted,
            "selection_fg" => &mut self.selection_fg,
            "selection_bg" => &mut self.selection_bg,
            "marked" => &mut self.marked,
            "match_fg" => &mut self.match_fg,
            "match_bg" => &mut self.match_bg,
            "reported" => &mut self.reported,
            "open" => &mut self.open,
            "narrowing" => &mut self.narrowing,
            "resolved" => &mut self.resolved,
            "unfocused_fg" => &mut self.unfocused_fg,
            "unfocused_bg" => &mut self.unfocused_bg,
            _ => return None,
        })
    }

    /// The embedded default colours (`assets/theme.toml`).
    pub fn defaults() -> ThemeColors {
        let mut problems = Collector::new(Path::new("assets/theme.toml"));
        let root = DeTable::parse(DEFAULT_THEME).expect("the embedded theme is valid TOML");
        let mut colors = ThemeColors {
            accent: Color::Reset,
            muted: Color::Reset,
            selection_fg: Color::Reset,
            selection_bg: Color::Reset,
            unfocused_fg: Color::Reset,
            unfocused_bg: Color::Reset,
            marked: Color::Reset,
            match_fg: Color::Reset,
            match_bg: Color::Reset,
            reported: Color::Reset,
            open: Color::Reset,
            narrowing: Color::Reset,
            resolved: Color::Reset,
        };
        read(&mut problems, root.get_ref(), &mut colors);
        assert!(
            problems.is_empty(),
            "the embedded theme is valid: {:?}",
            problems.finish(DEFAULT_THEME)
        );
        colors
    }
}

impl Default for ThemeColors {
    fn default() -> Self {
        ThemeColors::defaults()
    }
}

/// Reads `[theme]` into `colors`.
pub(super) fn read(problems: &mut Collector<'_>, table: &DeTable<'_>, colors: &mut ThemeColors) {
    for (name, value) in table {
        let name_str = name.get_ref().as_ref();
        let Some(slot) = colors.slot(name_str) else {
            let help = did_you_mean(name_str, ThemeColors::NAMES).unwrap_or_else(|| {
                format!("the theme colours are {}", ThemeColors::NAMES.join(", "))
            });
            problems
                .error(name.span(), format!("unknown theme colour `{name_str}`"))
                .with_label("not a theme colour")
                .with_help(help);
            continue;
        };
        let Some(written) = value.get_ref().as_str() else {
            problems
                .error(
                    value.span(),
                    format!("the colour `{name_str}` must be a string"),
                )
                .with_label(format!("this is {}", a_type(value)))
                .with_help("write it in double quotes, e.g. \"cyan\" or \"#ff8800\"");
            continue;
        };
        match Color::from_str(written) {
            Ok(color) => *slot = color,
            Err(_) => {
                let lower = written.to_ascii_lowercase();
                let help = match did_you_mean(&lower, COLOUR_NAMES.iter().copied()) {
                    Some(s) => format!("{s} {COLOUR_HELP}"),
                    None => COLOUR_HELP.into(),
                };
                problems
                    .error(value.span(), format!("unknown colour `{written}`"))
                    .with_label("not a colour")
                    .with_help(help);
            }
        }
    }
}
