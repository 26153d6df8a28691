//! The user's configuration: mouse support, key bindings and colours, read
//! from `$XDG_CONFIG_HOME/briefing/config.toml` (or
//! `~/.config/briefing/config.toml`) or from `--config PATH`.
//!
//! ```toml
//! mouse = true
//! [keys]                 # action = ["key", ...]; replaces that action's keys
//! down = ["j", "down", "ctrl-n"]
//! [theme]                # any colour of the default theme
//! accent = "#ff8800"
//! ```

use std::ffi::OsString;
use std::fs;
use std::io::ErrorKind;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use ratatui::style::Color;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::app::{Action, BINDABLE};
use crate::keys::{Keymap, Override, Place};
use crate::model::{Diagnostic, did_you_mean};

/// The default colours, embedded in the binary.
pub const DEFAULT_THEME: &str = include_str!("../assets/theme.toml");

/// Config files larger than this are refused without being read.
pub const MAX_CONFIG_BYTES: u64 = 1024 * 1024;

/// The top-level settings of a config file.
const SETTINGS: &[&str] = &["mouse", "keys", "theme"];

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
    pub const NAMES: [&'static str; 11] = [
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
            _ => return None,
        })
    }

    /// The embedded default colours (`assets/theme.toml`).
    pub fn defaults() -> ThemeColors {
        let path = Path::new("assets/theme.toml");
        let mut checker = Checker::new(path, DEFAULT_THEME);
        let root = checker.parse().expect("the embedded theme is valid TOML");
        let mut colors = ThemeColors {
            accent: Color::Reset,
            muted: Color::Reset,
            selection_fg: Color::Reset,
            selection_bg: Color::Reset,
            marked: Color::Reset,
            match_fg: Color::Reset,
            match_bg: Color::Reset,
            reported: Color::Reset,
            open: Color::Reset,
            narrowing: Color::Reset,
            resolved: Color::Reset,
        };
        checker.theme(root.get_ref(), &mut colors);
        assert!(
            checker.diagnostics.is_empty(),
            "the embedded theme is valid: {:?}",
            checker.diagnostics
        );
        colors
    }
}

impl Default for ThemeColors {
    fn default() -> Self {
        ThemeColors::defaults()
    }
}

/// Everything the user can configure.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    /// Mouse clicks and wheel scrolling (on unless `mouse = false`).
    pub mouse: bool,
    pub keymap: Keymap,
    pub theme: ThemeColors,
}

impl Default for Config {
    fn default() -> Self {
        Config::defaults()
    }
}

impl Config {
    /// The configuration when there is no config file.
    pub fn defaults() -> Config {
        Config {
            mouse: true,
            keymap: Keymap::default(),
            theme: ThemeColors::defaults(),
        }
    }

    /// Parses `source`, the text of the config file at `path`. Every problem
    /// is reported, each with its position in the file.
    pub fn parse(path: &Path, source: &str) -> Result<Config, Vec<Diagnostic>> {
        let mut checker = Checker::new(path, source);
        let Some(root) = checker.parse() else {
            return Err(checker.diagnostics);
        };
        let mut config = Config::defaults();
        for (key, value) in root.get_ref() {
            match key.get_ref().as_ref() {
                "mouse" => match value.get_ref().as_bool() {
                    Some(on) => config.mouse = on,
                    None => {
                        checker
                            .error(value.span(), "`mouse` must be true or false")
                            .with_label(format!("this is {}", a_type(value)))
                            .with_help("write `mouse = true` or `mouse = false`");
                    }
                },
                "keys" => {
                    if let Some(keymap) = checker.keys(value) {
                        config.keymap = keymap;
                    }
                }
                "theme" => match value.get_ref().as_table() {
                    Some(table) => checker.theme(table, &mut config.theme),
                    None => {
                        checker
                            .error(value.span(), "`theme` must be a table")
                            .with_label(format!("this is {}", a_type(value)))
                            .with_help("write [theme] followed by lines like accent = \"cyan\"");
                    }
                },
                other => {
                    let help = match did_you_mean(other, SETTINGS.iter().copied()) {
                        Some(s) => format!("did you mean `{s}`?"),
                        None => "the settings are `mouse`, [keys] and [theme]".into(),
                    };
                    checker
                        .error(key.span(), format!("unknown setting `{other}`"))
                        .with_label("not a setting")
                        .with_help(help);
                }
            }
        }
        if checker.diagnostics.is_empty() {
            Ok(config)
        } else {
            let mut diagnostics = checker.diagnostics;
            diagnostics.sort_by_key(|d| d.span.as_ref().map(|s| s.start));
            Err(diagnostics)
        }
    }
}

/// "a string", "an integer", ...: the TOML type of `value`, for messages.
fn a_type(value: &Spanned<DeValue<'_>>) -> String {
    let name = value.get_ref().type_str();
    let article = if name.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    };
    format!("{article} {name}")
}

/// Checks a config file, collecting diagnostics.
struct Checker<'a> {
    path: &'a Path,
    source: &'a str,
    diagnostics: Vec<Diagnostic>,
}

impl<'a> Checker<'a> {
    fn new(path: &'a Path, source: &'a str) -> Self {
        Checker {
            path,
            source,
            diagnostics: Vec::new(),
        }
    }

    fn error(&mut self, span: Range<usize>, message: impl Into<String>) -> &mut Diagnostic {
        self.diagnostics
            .push(Diagnostic::at(self.path, self.source, span, message));
        self.diagnostics.last_mut().expect("just pushed")
    }

    /// Parses the TOML syntax; every syntax error becomes a diagnostic.
    fn parse(&mut self) -> Option<Spanned<DeTable<'a>>> {
        match crate::model::parse_toml(
            self.path,
            self.source,
            "see the README's Configuration section",
        ) {
            Ok(root) => Some(root),
            Err(diagnostics) => {
                self.diagnostics.extend(diagnostics);
                None
            }
        }
    }

    /// Reads `[keys]` into a keymap.
    fn keys(&mut self, value: &Spanned<DeValue<'_>>) -> Option<Keymap> {
        let Some(table) = value.get_ref().as_table() else {
            self.error(value.span(), "`keys` must be a table")
                .with_label(format!("this is {}", a_type(value)))
                .with_help("write [keys] followed by lines like down = [\"j\", \"down\"]");
            return None;
        };
        let before = self.diagnostics.len();
        let mut overrides = Vec::new();
        // The span of each override's action name and of each of its keys.
        let mut spans: Vec<(Range<usize>, Vec<Range<usize>>)> = Vec::new();
        for (action, list) in table {
            let name = action.get_ref().as_ref();
            let mut keys = Vec::new();
            let mut key_spans = Vec::new();
            match list.get_ref() {
                DeValue::Array(items) => {
                    for item in items {
                        match item.get_ref() {
                            DeValue::String(s) => {
                                keys.push(s.as_ref());
                                key_spans.push(item.span());
                            }
                            other => {
                                let quoted = match other {
                                    DeValue::Integer(i) => format!("\"{}\"", i.as_str()),
                                    _ => "\"j\"".into(),
                                };
                                self.error(item.span(), "a key name must be a string")
                                    .with_label(format!("this is {}", a_type(item)))
                                    .with_help(format!("write it in double quotes: {quoted}"));
                            }
                        }
                    }
                }
                DeValue::String(s) => {
                    self.error(list.span(), format!("the keys of `{name}` must be a list"))
                        .with_label("this is a single string")
                        .with_help(format!("write {name} = [\"{s}\"]"));
                }
                _ => {
                    self.error(list.span(), format!("the keys of `{name}` must be a list"))
                        .with_label(format!("this is {}", a_type(list)))
                        .with_help(format!(
                            "write {name} = [\"key\", ...], or {name} = [] to unbind it"
                        ));
                }
            }
            if !list.get_ref().is_array() {
                // Not a list: leave the action's keys as they are, but still
                // check its name.
                if Action::from_name(name).is_none() {
                    let names: Vec<&str> = BINDABLE.iter().map(|(_, n, _)| *n).collect();
                    let help = match did_you_mean(name, names.iter().copied()) {
                        Some(s) => format!("did you mean `{s}`?"),
                        None => format!("the actions are {}", names.join(", ")),
                    };
                    self.error(action.span(), format!("unknown action `{name}`"))
                        .with_label("not an action")
                        .with_help(help);
                }
                continue;
            }
            overrides.push(Override { action: name, keys });
            spans.push((action.span(), key_spans));
        }
        match Keymap::with_overrides(&overrides) {
            Ok(keymap) => (self.diagnostics.len() == before).then_some(keymap),
            Err(errors) => {
                for e in errors {
                    let span = match e.place {
                        Place::Action(i) => Some(spans[i].0.clone()),
                        Place::Key(i, j) => Some(spans[i].1[j].clone()),
                        Place::Defaults => None,
                    };
                    let d = match span {
                        Some(span) => self.error(span, e.message),
                        None => {
                            self.diagnostics
                                .push(Diagnostic::file(self.path, e.message));
                            self.diagnostics.last_mut().expect("just pushed")
                        }
                    };
                    d.with_label(e.label);
                    if let Some(help) = e.help {
                        d.with_help(help);
                    }
                }
                None
            }
        }
    }

    /// Reads `[theme]` into `colors`.
    fn theme(&mut self, table: &DeTable<'_>, colors: &mut ThemeColors) {
        for (name, value) in table {
            let name_str = name.get_ref().as_ref();
            let Some(slot) = colors.slot(name_str) else {
                let help = match did_you_mean(name_str, ThemeColors::NAMES) {
                    Some(s) => format!("did you mean `{s}`?"),
                    None => format!("the theme colours are {}", ThemeColors::NAMES.join(", ")),
                };
                self.error(name.span(), format!("unknown theme colour `{name_str}`"))
                    .with_label("not a theme colour")
                    .with_help(help);
                continue;
            };
            let Some(written) = value.get_ref().as_str() else {
                self.error(
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
                        Some(s) => format!("did you mean `{s}`? {COLOUR_HELP}"),
                        None => COLOUR_HELP.into(),
                    };
                    self.error(value.span(), format!("unknown colour `{written}`"))
                        .with_label("not a colour")
                        .with_help(help);
                }
            }
        }
    }
}

/// Where the config file is looked for when no `--config` is given:
/// `$XDG_CONFIG_HOME/briefing/config.toml`, else
/// `$HOME/.config/briefing/config.toml`.
pub fn default_path() -> Option<PathBuf> {
    default_path_from(
        std::env::var_os("XDG_CONFIG_HOME"),
        std::env::var_os("HOME"),
    )
}

/// [`default_path`] from the values of `XDG_CONFIG_HOME` and `HOME`. An empty
/// or relative `XDG_CONFIG_HOME` is ignored, as the XDG spec says.
fn default_path_from(xdg: Option<OsString>, home: Option<OsString>) -> Option<PathBuf> {
    let xdg = xdg.map(PathBuf::from).filter(|p| p.is_absolute());
    let base = match xdg {
        Some(dir) => dir,
        None => PathBuf::from(home.filter(|h| !h.is_empty())?).join(".config"),
    };
    Some(base.join("briefing").join("config.toml"))
}

/// Loads the configuration: from `explicit` if given (it must exist), else
/// from [`default_path`] if that file exists, else the defaults.
pub fn load(explicit: Option<&Path>) -> Result<Config, Vec<Diagnostic>> {
    let path = match explicit {
        Some(path) => path.to_path_buf(),
        None => match default_path() {
            Some(path) if exists(&path) => path,
            _ => return Ok(Config::defaults()),
        },
    };
    let source = read_text(&path).map_err(|message| vec![Diagnostic::file(&path, message)])?;
    Config::parse(&path, &source)
}

/// Is there anything at `path` (a broken symlink counts: it is reported)?
fn exists(path: &Path) -> bool {
    match fs::symlink_metadata(path) {
        Ok(_) => true,
        Err(e) => e.kind() != ErrorKind::NotFound,
    }
}

/// Reads the config file at `path`: a regular file, at most
/// [`MAX_CONFIG_BYTES`], UTF-8 (a byte-order mark is skipped).
fn read_text(path: &Path) -> Result<String, String> {
    crate::model::read_bounded(path, MAX_CONFIG_BYTES)
}

#[cfg(test)]
mod tests {
    use std::io::Write as _;

    use super::*;
    use crate::keys::Key;
    use crate::model::Location;

    fn parse(source: &str) -> Result<Config, Vec<Diagnostic>> {
        Config::parse(Path::new("config.toml"), source)
    }

    fn at(d: &Diagnostic) -> (usize, usize) {
        let Location { line, column } = d.location.expect("located");
        (line, column)
    }

    #[test]
    fn embedded_theme_sets_every_colour() {
        let root = DeTable::parse(DEFAULT_THEME).unwrap();
        let mut names: Vec<&str> = root
            .get_ref()
            .iter()
            .map(|(k, _)| k.get_ref().as_ref())
            .collect();
        names.sort_unstable();
        let mut expected = ThemeColors::NAMES.to_vec();
        expected.sort_unstable();
        assert_eq!(names, expected);
        let theme = ThemeColors::defaults();
        assert_eq!(theme.accent, Color::Cyan);
        assert_eq!(theme.muted, Color::DarkGray);
        assert_eq!(theme.open, Color::Red);
    }

    #[test]
    fn empty_config_is_the_defaults() {
        assert_eq!(parse("").unwrap(), Config::defaults());
        assert!(Config::defaults().mouse);
    }

    #[test]
    fn full_config() {
        let config = parse(
            "mouse = false\n\
             [keys]\n\
             down = [\"j\", \"down\", \"ctrl-n\"]\n\
             quit = []\n\
             [theme]\n\
             accent = \"#ff8800\"\n\
             muted = \"Light Blue\"\n\
             marked = \"208\"\n",
        )
        .unwrap();
        assert!(!config.mouse);
        assert_eq!(config.keymap.action(&Key::ctrl('n')), Some(Action::Down));
        assert_eq!(config.keymap.action(&Key::char('k')), Some(Action::Up));
        assert_eq!(config.keymap.action(&Key::char('q')), None);
        assert_eq!(config.theme.accent, Color::Rgb(0xff, 0x88, 0x00));
        assert_eq!(config.theme.muted, Color::LightBlue);
        assert_eq!(config.theme.marked, Color::Indexed(208));
        assert_eq!(config.theme.open, Color::Red);
    }

    #[test]
    fn typo_and_bad_colour_are_located() {
        let source = "mouse = true\n\
                      [keys]\n\
                      dwon = [\"j\"]\n\
                      [theme]\n\
                      accent =   \"#ff88\"\n";
        let ds = parse(source).unwrap_err();
        assert_eq!(ds.len(), 2, "{ds:#?}");
        assert_eq!(ds[0].message, "unknown action `dwon`");
        assert_eq!(ds[0].help.as_deref(), Some("did you mean `down`?"));
        assert_eq!(at(&ds[0]), (3, 1));
        assert_eq!(ds[1].message, "unknown colour `#ff88`");
        assert_eq!(at(&ds[1]), (5, 12));
        assert_eq!(ds[1].path, Path::new("config.toml"));
    }

    #[test]
    fn every_kind_of_problem_is_reported() {
        let source = "mouse = \"yes\"\n\
                      colour = 1\n\
                      [keys]\n\
                      down = [\"j\", \"pgdown\", 3]\n\
                      top = [\"k\"]\n\
                      up = \"k\"\n\
                      dwon = 1\n\
                      [theme]\n\
                      acent = \"red\"\n\
                      muted = 5\n\
                      open = \"cyn\"\n";
        let ds = parse(source).unwrap_err();
        let found: Vec<(usize, usize, &str)> = ds
            .iter()
            .map(|d| {
                let (l, c) = at(d);
                (l, c, d.message.as_str())
            })
            .collect();
        assert_eq!(
            found,
            vec![
                (1, 9, "`mouse` must be true or false"),
                (2, 1, "unknown setting `colour`"),
                (4, 14, "unknown key `pgdown` (did you mean `pagedown`?)"),
                (4, 24, "a key name must be a string"),
                (5, 8, "`k` is bound to both `up` and `top`"),
                (6, 6, "the keys of `up` must be a list"),
                (7, 1, "unknown action `dwon`"),
                (7, 8, "the keys of `dwon` must be a list"),
                (9, 1, "unknown theme colour `acent`"),
                (10, 9, "the colour `muted` must be a string"),
                (11, 8, "unknown colour `cyn`"),
            ]
        );
        assert_eq!(
            ds[1].help.as_deref(),
            Some("the settings are `mouse`, [keys] and [theme]")
        );
        assert_eq!(
            ds[3].help.as_deref(),
            Some("write it in double quotes: \"3\"")
        );
        assert_eq!(ds[6].help.as_deref(), Some("did you mean `down`?"));
        assert_eq!(ds[8].help.as_deref(), Some("did you mean `accent`?"));
        assert!(
            ds[10]
                .help
                .as_deref()
                .unwrap()
                .starts_with("did you mean `cyan`?")
        );
    }

    #[test]
    fn syntax_errors_are_located() {
        let ds = parse("mouse = true\n[keys\n").unwrap_err();
        assert!(!ds.is_empty());
        assert!(ds[0].message.starts_with("TOML syntax"));
        assert_eq!(ds[0].location.unwrap().line, 2);
    }

    #[test]
    fn wrong_section_types() {
        let ds = parse("keys = 1\ntheme = \"dark\"\n").unwrap_err();
        assert_eq!(ds.len(), 2);
        assert_eq!(ds[0].message, "`keys` must be a table");
        assert_eq!(ds[1].message, "`theme` must be a table");
    }

    #[test]
    fn loads_files() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        let mut file = fs::File::create(&path).unwrap();
        file.write_all(b"\xef\xbb\xbfmouse = false\n").unwrap();
        drop(file);
        assert!(!load(Some(&path)).unwrap().mouse);

        let missing = dir.path().join("missing.toml");
        let ds = load(Some(&missing)).unwrap_err();
        assert_eq!(ds.len(), 1);
        assert_eq!(ds[0].path, missing);
        assert!(ds[0].location.is_none());

        let ds = load(Some(dir.path())).unwrap_err();
        assert!(ds[0].message.contains("not a regular file"));

        let bad = dir.path().join("bad.toml");
        fs::write(&bad, "[theme]\naccent = 1\n").unwrap();
        let ds = load(Some(&bad)).unwrap_err();
        assert_eq!(ds[0].path, bad);
        assert_eq!(
            ds[0].location,
            Some(Location {
                line: 2,
                column: 10
            })
        );

        let latin1 = dir.path().join("latin1.toml");
        fs::write(&latin1, b"# caf\xe9\n").unwrap();
        assert!(
            load(Some(&latin1)).unwrap_err()[0]
                .message
                .contains("UTF-8")
        );
    }

    #[test]
    fn default_path_follows_xdg() {
        let os = |s: &str| Some(OsString::from(s));
        assert_eq!(
            default_path_from(os("/x/cfg"), os("/home/u")),
            Some(PathBuf::from("/x/cfg/briefing/config.toml"))
        );
        assert_eq!(
            default_path_from(os(""), os("/home/u")),
            Some(PathBuf::from("/home/u/.config/briefing/config.toml"))
        );
        assert_eq!(
            default_path_from(os("relative"), os("/home/u")),
            Some(PathBuf::from("/home/u/.config/briefing/config.toml"))
        );
        assert_eq!(default_path_from(None, None), None);
    }
}
