//! The `theme` setting: a dark (`assets/theme.toml`) and a light
//! (`assets/theme-light.toml`) set of colours, which one to use (`theme =
//! "auto"|"dark"|"light"`, or `base` in a `[theme]` table), and the checks of
//! a user's colours.

use std::path::Path;
use std::str::FromStr;

use ratatui::style::Color;
use toml::de::DeTable;

use crate::diag::toml::a_type;
use crate::diag::{Collector, did_you_mean};

/// The default colours, for dark backgrounds, embedded in the binary.
pub const DEFAULT_THEME: &str = include_str!("../../assets/theme.toml");

/// The colours for light backgrounds, embedded in the binary.
pub const LIGHT_THEME: &str = include_str!("../../assets/theme-light.toml");

/// The terminal's background, which picks the colours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Background {
    Dark,
    Light,
}

/// Which colours the config asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ThemeChoice {
    /// As the terminal's background, when it can be asked; else dark.
    #[default]
    Auto,
    Dark,
    Light,
}

impl ThemeChoice {
    pub const NAMES: [&'static str; 3] = ["auto", "dark", "light"];

    fn from_name(name: &str) -> Option<ThemeChoice> {
        Some(match name {
            "auto" => ThemeChoice::Auto,
            "dark" => ThemeChoice::Dark,
            "light" => ThemeChoice::Light,
            _ => return None,
        })
    }
}

/// The `theme` setting as read: the choice and the colours it overrides.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ThemeSetting {
    pub choice: ThemeChoice,
    /// Each colour the user set, by its place in [`ThemeColors::NAMES`].
    pub overrides: Vec<(usize, Color)>,
}

impl ThemeSetting {
    /// The colours to draw with on `background`.
    pub fn colors(&self, background: Background) -> ThemeColors {
        let mut colors = match background {
            Background::Dark => ThemeColors::defaults(),
            Background::Light => ThemeColors::light(),
        };
        for &(i, color) in &self.overrides {
            if let Some(slot) = colors.slot(ThemeColors::NAMES[i]) {
                *slot = color;
            }
        }
        colors
    }
}

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

    /// What each colour of [`ThemeColors::NAMES`] is for.
    pub const DESCRIPTIONS: [&'static str; 13] = [
        "focused pane border, header title",
        "secondary text: dates, roles, resolved items",
        "text of the selected row",
        "the selected row",
        "items linked to the selection or the followed speaker",
        "text of a search match",
        "search matches",
        "reported (not verbatim) statements",
        "disagreement status: open",
        "disagreement status: narrowing",
        "disagreement status: resolved",
        "text of the selection of a pane without focus",
        "the selection of a pane without focus",
    ];

    /// The colour called `name`, as the theme file writes it.
    pub fn written(&self, name: &str) -> Option<String> {
        let mut copy = *self;
        copy.slot(name).map(|c| color_name(*c))
    }

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

    /// The embedded default colours, for dark backgrounds
    /// (`assets/theme.toml`).
    pub fn defaults() -> ThemeColors {
        ThemeColors::embedded("assets/theme.toml", DEFAULT_THEME)
    }

    /// The embedded colours for light backgrounds
    /// (`assets/theme-light.toml`).
    pub fn light() -> ThemeColors {
        ThemeColors::embedded("assets/theme-light.toml", LIGHT_THEME)
    }

    fn embedded(name: &str, text: &str) -> ThemeColors {
        let mut problems = Collector::new(Path::new(name));
        let root = DeTable::parse(text).expect("an embedded theme is valid TOML");
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
        let setting = read_colors(&mut problems, root.get_ref());
        assert!(
            problems.is_empty(),
            "the embedded theme {name} is valid: {:?}",
            problems.finish(text)
        );
        for (i, color) in setting {
            if let Some(slot) = colors.slot(ThemeColors::NAMES[i]) {
                *slot = color;
            }
        }
        colors
    }
}

impl Default for ThemeColors {
    fn default() -> Self {
        ThemeColors::defaults()
    }
}

/// `color` as a theme file writes it (`"cyan"`, `"#ff8800"`, `"237"`).
fn color_name(color: Color) -> String {
    match color {
        Color::Rgb(r, g, b) => format!("#{r:02x}{g:02x}{b:02x}"),
        Color::Indexed(i) => i.to_string(),
        other => other.to_string().to_ascii_lowercase(),
    }
}

/// Reads the `theme` setting: a name (`theme = "light"`) or a table of
/// colours, with the name as its `base`.
pub(super) fn read(
    problems: &mut Collector<'_>,
    value: &toml::de::DeValue<'_>,
    span: std::ops::Range<usize>,
) -> ThemeSetting {
    let mut setting = ThemeSetting::default();
    match value {
        toml::de::DeValue::String(name) => {
            if let Some(choice) = choice(problems, name, span) {
                setting.choice = choice;
            }
        }
        toml::de::DeValue::Table(table) => {
            let mut colors = DeTable::default();
            for (key, value) in table {
                if key.get_ref().as_ref() == "base" {
                    match value.get_ref().as_str() {
                        Some(name) => {
                            if let Some(choice) = choice(problems, name, value.span()) {
                                setting.choice = choice;
                            }
                        }
                        None => {
                            problems
                                .error(
                                    value.span(),
                                    "`base` must be \"auto\", \"dark\" or \"light\"",
                                )
                                .with_label(format!("this is {}", a_type(value)))
                                .with_help(
                                    "write `base = \"light\"`: the colours the others change",
                                );
                        }
                    }
                } else {
                    colors.insert(key.clone(), value.clone());
                }
            }
            setting.overrides = read_colors(problems, &colors);
        }
        _ => {
            problems
                .error(span, "`theme` must be a name or a table of colours")
                .with_label("neither a name nor a table")
                .with_help(
                    "write `theme = \"light\"` (or \"dark\", \"auto\"), or [theme] followed by lines like accent = \"cyan\"",
                );
        }
    }
    setting
}

fn choice(
    problems: &mut Collector<'_>,
    name: &str,
    span: std::ops::Range<usize>,
) -> Option<ThemeChoice> {
    let found = ThemeChoice::from_name(name);
    if found.is_none() {
        let help = did_you_mean(name, ThemeChoice::NAMES).unwrap_or_else(|| {
            "\"auto\" asks the terminal for its background; \"dark\" and \"light\" pick the colours for one".into()
        });
        problems
            .error(span, format!("unknown theme `{name}`"))
            .with_label("not a theme: the themes are auto, dark and light")
            .with_help(help);
    }
    found
}

/// Reads a table of colours: each name's place in [`ThemeColors::NAMES`]
/// and its colour.
fn read_colors(problems: &mut Collector<'_>, table: &DeTable<'_>) -> Vec<(usize, Color)> {
    let mut out = Vec::new();
    for (name, value) in table {
        let name_str = name.get_ref().as_ref();
        let Some(slot) = ThemeColors::NAMES.iter().position(|n| *n == name_str) else {
            let help = did_you_mean(name_str, ThemeColors::NAMES).unwrap_or_else(|| {
                format!(
                    "the theme colours are base, {}",
                    ThemeColors::NAMES.join(", ")
                )
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
            Ok(color) => out.push((slot, color)),
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
    out
}
