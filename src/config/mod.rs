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

mod default_file;
mod keys;
mod schema;
mod theme;

use std::ffi::OsString;
use std::fs;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};

use crate::diag::toml::a_type;
use crate::diag::{Collector, Diagnostic, Failure, did_you_mean, read_bounded};
use crate::keys::Keymap;

pub use theme::{Background, DEFAULT_THEME, LIGHT_THEME, ThemeChoice, ThemeColors, ThemeSetting};

/// Config files larger than this are refused without being read.
pub const MAX_CONFIG_BYTES: u64 = 1024 * 1024;

pub use default_file::default_file;
pub use schema::{SCHEMA_PATH, config_schema_json};

/// One top-level setting of a config file, declared once for the parser's
/// "did you mean", `config default` and the schema.
pub struct Setting {
    pub name: &'static str,
    /// What it does, for the printed default and the schema.
    pub description: &'static str,
    /// Its default as TOML (`None` for the tables, `[keys]` and `[theme]`).
    pub default: Option<&'static str>,
}

/// The top-level settings of a config file.
pub const SETTINGS: &[Setting] = &[
    Setting {
        name: "mouse",
        description: "Mouse clicks and wheel scrolling; false keeps the terminal's own text selection (as --no-mouse).",
        default: Some("true"),
    },
    Setting {
        name: "start",
        description: "What the reader opens on: \"overview\" (summary and key points first) or \"panes\".",
        default: Some("\"overview\""),
    },
    Setting {
        name: "show_cursor",
        description: "Show the terminal cursor on the selected row (it is placed there for screen readers either way).",
        default: Some("false"),
    },
    Setting {
        name: "ascii",
        description: "Draw borders and marks in plain ASCII, for terminals, fonts and screen readers that mangle box drawing (as --ascii).",
        default: Some("false"),
    },
    Setting {
        name: "theme",
        description: "The colours: \"auto\" (as the terminal's background, asked at start), \"dark\" or \"light\"; or a [theme] table with `base` and the colours to change.",
        default: None,
    },
    Setting {
        name: "keys",
        description: "Key bindings: [keys] for every mode but the search line, [keys.MODE] for one; action = [\"key\", ...] replaces that action's keys.",
        default: None,
    },
];

/// Everything the user can configure.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    /// Mouse clicks and wheel scrolling (on unless `mouse = false`).
    pub mouse: bool,
    pub keymap: Keymap,
    /// Which colours (`theme = "auto"|"dark"|"light"`) and the ones the
    /// user changed; [`Config::colors`] gives the colours to draw with.
    pub theme: ThemeSetting,
    /// What the reader opens on: the overview (the default) or the panes.
    pub start: Start,
    /// Show the terminal cursor on the selected row (off unless asked: it
    /// is always placed there, for screen readers, shown or not).
    pub show_cursor: bool,
    /// Plain ASCII borders and marks (as `--ascii`).
    pub ascii: bool,
    /// What is worth knowing about the file but changes nothing, such as an
    /// action left without a key.
    pub warnings: Vec<Diagnostic>,
}

impl Default for Config {
    fn default() -> Self {
        Config::defaults()
    }
}

impl Config {
    /// The colours to draw with on a terminal with `background`.
    pub fn colors(&self, background: Background) -> ThemeColors {
        self.theme.colors(background)
    }

    /// The configuration when there is no config file.
    pub fn defaults() -> Config {
        Config {
            mouse: true,
            keymap: Keymap::default(),
            theme: ThemeSetting::default(),
            start: Start::Overview,
            show_cursor: false,
            ascii: false,
            warnings: Vec::new(),
        }
    }

    /// Parses `source`, the text of the config file at `path`. Every problem
    /// is reported, each with its position in the file, in file order.
    pub fn parse(path: &Path, source: &str) -> Result<Config, Vec<Diagnostic>> {
        let mut problems = Collector::new(path);
        let Some(root) = crate::diag::toml::parse(
            source,
            &mut problems,
            "see the README's Configuration section",
        ) else {
            return Err(problems.finish(source));
        };
        let mut config = Config::defaults();
        for (key, value) in root.get_ref() {
            match key.get_ref().as_ref() {
                "mouse" => {
                    if let Some(on) = boolean(&mut problems, "mouse", value) {
                        config.mouse = on;
                    }
                }
                "keys" => {
                    if let Some(keymap) = keys::read(&mut problems, value) {
                        config.keymap = keymap;
                    }
                }
                "theme" => config.theme = theme::read(&mut problems, value.get_ref(), value.span()),
                "start" => match value.get_ref().as_str() {
                    Some("overview") => config.start = Start::Overview,
                    Some("panes") => config.start = Start::Panes,
                    _ => {
                        problems
                            .error(value.span(), "`start` must be \"overview\" or \"panes\"")
                            .with_label(match value.get_ref().as_str() {
                                Some(_) => "not a place to start".to_string(),
                                None => format!("this is {}", a_type(value)),
                            })
                            .with_help(
                                "write `start = \"overview\"` (summary and key points first) or `start = \"panes\"`",
                            );
                    }
                },
                "show_cursor" => {
                    if let Some(on) = boolean(&mut problems, "show_cursor", value) {
                        config.show_cursor = on;
                    }
                }
                "ascii" => {
                    if let Some(on) = boolean(&mut problems, "ascii", value) {
                        config.ascii = on;
                    }
                }
                other => {
                    let help =
                        did_you_mean(other, SETTINGS.iter().map(|s| s.name)).unwrap_or_else(|| {
                            "the settings are `mouse`, `start`, `show_cursor`, `ascii`, `theme` and [keys]"
                                .into()
                        });
                    problems
                        .error(key.span(), format!("unknown setting `{other}`"))
                        .with_label("not a setting")
                        .with_help(help);
                }
            }
        }
        if problems.is_empty() {
            config.warnings = problems.take_warnings(source);
            Ok(config)
        } else {
            Err(problems.finish(source))
        }
    }
}

/// The value of the setting `name`, which must be true or false.
fn boolean(
    problems: &mut Collector<'_>,
    name: &str,
    value: &toml::Spanned<toml::de::DeValue<'_>>,
) -> Option<bool> {
    let on = value.get_ref().as_bool();
    if on.is_none() {
        problems
            .error(value.span(), format!("`{name}` must be true or false"))
            .with_label(format!("this is {}", a_type(value)))
            .with_help(format!("write `{name} = true` or `{name} = false`"));
    }
    on
}

/// What the interactive reader opens on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Start {
    /// The overview (summary and key points), when the briefing has either.
    Overview,
    /// The four panes.
    Panes,
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
/// The failure carries the text read, so that the diagnostics can be shown
/// without reading the file again.
pub fn load(explicit: Option<&Path>) -> Result<Config, Failure> {
    let path = match explicit {
        Some(path) => path.to_path_buf(),
        None => match default_path() {
            Some(path) if exists(&path) => path,
            _ => return Ok(Config::defaults()),
        },
    };
    let source = read_bounded(&path, MAX_CONFIG_BYTES)
        .map_err(|message| Failure::unreadable(&path, message))?;
    Config::parse(&path, &source).map_err(|diagnostics| Failure {
        path,
        source: Some(source),
        diagnostics,
    })
}

/// Is there anything at `path` (a broken symlink counts: it is reported)?
fn exists(path: &Path) -> bool {
    match fs::symlink_metadata(path) {
        Ok(_) => true,
        Err(e) => e.kind() != ErrorKind::NotFound,
    }
}

#[cfg(test)]
mod tests {
    use std::io::Write as _;

    use super::*;
    use crate::app::{Action, Mode};
    use crate::diag::Location;
    use crate::keys::Key;
    use ratatui::style::Color;
    use toml::de::DeTable;

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
        let map = &config.keymap;
        assert_eq!(map.action(Mode::Panes, &Key::ctrl('n')), Some(Action::Down));
        assert_eq!(map.action(Mode::Popup, &Key::ctrl('n')), Some(Action::Down));
        assert_eq!(map.action(Mode::Panes, &Key::char('k')), Some(Action::Up));
        assert_eq!(map.action(Mode::Panes, &Key::char('q')), None);
        assert_eq!(
            config.colors(Background::Dark).accent,
            Color::Rgb(0xff, 0x88, 0x00)
        );
        assert_eq!(config.colors(Background::Dark).muted, Color::LightBlue);
        assert_eq!(config.colors(Background::Dark).marked, Color::Indexed(208));
        assert_eq!(config.colors(Background::Dark).open, Color::Red);
    }

    #[test]
    fn the_theme_is_a_name_or_a_table_with_a_base() {
        let light = parse("theme = \"light\"\n").unwrap();
        assert_eq!(light.theme.choice, ThemeChoice::Light);
        assert_eq!(light.colors(Background::Light), ThemeColors::light());
        let table = parse("[theme]\nbase = \"dark\"\naccent = \"red\"\n").unwrap();
        assert_eq!(table.theme.choice, ThemeChoice::Dark);
        // The colours set apply on either background.
        assert_eq!(table.colors(Background::Light).accent, Color::Red);
        assert_eq!(
            table.colors(Background::Light).selection_bg,
            ThemeColors::light().selection_bg
        );
        assert_eq!(parse("").unwrap().theme.choice, ThemeChoice::Auto);
        let ds = parse("theme = \"ligth\"\n").unwrap_err();
        assert_eq!(ds[0].message, "unknown theme `ligth`");
        assert_eq!(ds[0].help.as_deref(), Some("did you mean `light`?"));
        assert_eq!(at(&ds[0]), (1, 9));
        let ds = parse("theme = 3\n").unwrap_err();
        assert_eq!(
            ds[0].message,
            "`theme` must be a name or a table of colours"
        );
        let ds = parse("[theme]\nbase = \"dim\"\n").unwrap_err();
        assert_eq!(at(&ds[0]), (2, 8));
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
            Some("the settings are `mouse`, `start`, `show_cursor`, `ascii`, `theme` and [keys]")
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
        let ds = parse("keys = 1\ntheme = [\"dark\"]\n").unwrap_err();
        assert_eq!(ds.len(), 2);
        assert_eq!(ds[0].message, "`keys` must be a table");
        assert_eq!(
            ds[1].message,
            "`theme` must be a name or a table of colours"
        );
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
        let ds = load(Some(&missing)).unwrap_err().diagnostics;
        assert_eq!(ds.len(), 1);
        assert_eq!(ds[0].path, missing);
        assert!(ds[0].location.is_none());

        let ds = load(Some(dir.path())).unwrap_err().diagnostics;
        assert!(ds[0].message.contains("not a regular file"));

        let bad = dir.path().join("bad.toml");
        fs::write(&bad, "[theme]\naccent = 1\n").unwrap();
        let failure = load(Some(&bad)).unwrap_err();
        assert_eq!(failure.source.as_deref(), Some("[theme]\naccent = 1\n"));
        let ds = failure.diagnostics;
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
            load(Some(&latin1)).unwrap_err().diagnostics[0]
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

    #[test]
    fn start_and_show_cursor_are_read_and_checked() {
        let c = parse("start = \"panes\"\nshow_cursor = true").unwrap();
        assert_eq!((c.start, c.show_cursor), (Start::Panes, true));
        let c = parse("").unwrap();
        assert_eq!((c.start, c.show_cursor), (Start::Overview, false));
        let ds = parse("start = \"pane\"\nshow_cursor = \"yes\"").unwrap_err();
        let found: Vec<_> = ds.iter().map(|d| (at(d), d.message.as_str())).collect();
        assert_eq!(
            found,
            [
                ((1, 9), "`start` must be \"overview\" or \"panes\""),
                ((2, 15), "`show_cursor` must be true or false"),
            ]
        );
    }
}
