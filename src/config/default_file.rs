//! The config file `briefing config default` prints: every setting, key
//! binding and theme colour at its default, each with what it does, all
//! commented out so that a copy changes nothing until a line is uncommented.

use std::fmt::Write as _;

use super::{SETTINGS, ThemeColors};
use crate::app::{ACTIONS, Mode};
use crate::keys::Keymap;

/// The default config file, from the declarations of the settings, the
/// actions and the theme colours.
pub fn default_file() -> String {
    let mut out = String::new();
    out.push_str(
        "#:schema config.schema.json\n\
         # briefing's configuration: ~/.config/briefing/config.toml (or\n\
         # $XDG_CONFIG_HOME/briefing/config.toml, or --config PATH).\n\
         # Every setting is shown at its default, commented out: uncomment a line to\n\
         # change it. `briefing config check` checks the file; `briefing config schema\n\
         # > config.schema.json` beside it lets editors complete and check it too.\n\n",
    );
    for setting in SETTINGS {
        if let Some(default) = setting.default {
            let _ = writeln!(
                out,
                "# {}\n# {} = {default}\n",
                setting.description, setting.name
            );
        }
    }
    let keymap = Keymap::default();
    let _ = writeln!(
        out,
        "# Key bindings, per mode. An action given keys here loses its default ones;\n\
         # `quit = []` leaves it without a key. Key names as help shows them (ctrl-d,\n\
         # shift-tab, pagedown); vim's forms work too (C-d, cr)."
    );
    for mode in Mode::ALL {
        let _ = writeln!(out, "\n# {}\n# [keys.{}]", mode.title(), mode.name());
        for spec in ACTIONS.iter().filter(|s| s.works_in(mode)) {
            let keys: Vec<String> = (keymap.keys_for(mode, &spec.action).iter())
                .map(|k| format!("{:?}", k.to_string()))
                .collect();
            let line = format!("{} = [{}]", spec.name, keys.join(", "));
            let _ = writeln!(out, "# {line:<44} # {}", spec.description);
        }
    }
    let dark = ThemeColors::defaults();
    let light = ThemeColors::light();
    let _ = writeln!(
        out,
        "\n# Colours: a name (black red green yellow blue magenta cyan gray darkgray\n\
         # lightred lightgreen lightyellow lightblue lightmagenta lightcyan white),\n\
         # \"#rrggbb\", a palette index \"0\"-\"255\", or \"reset\". Shown with the dark\n\
         # theme's colour; the light theme's follows. NO_COLOR turns colour off.\n\
         # `theme = \"light\"` alone picks a theme; the table changes colours too.\n\
         # [theme]\n\
         # base = \"auto\"                                # \"auto\", \"dark\" or \"light\": the colours the others change"
    );
    for (name, description) in ThemeColors::NAMES.iter().zip(ThemeColors::DESCRIPTIONS) {
        let (d, l) = (dark.written(name), light.written(name));
        let line = format!("{name} = {:?}", d.unwrap_or_default());
        let _ = writeln!(
            out,
            "# {line:<44} # {description} (light: {:?})",
            l.unwrap_or_default()
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::super::{Background, Config};
    use super::*;

    /// The file with every commented-out setting turned on.
    fn uncommented(text: &str) -> String {
        text.lines()
            .filter_map(|l| l.strip_prefix("# "))
            .filter(|l| {
                let key = l.split(" = ").next().unwrap_or("");
                l.starts_with('[')
                    || (l.contains(" = ")
                        && key.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'))
            })
            .map(|l| l.split(" # ").next().unwrap_or(l).trim_end())
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn the_default_file_is_the_defaults_commented_and_uncommented() {
        let text = default_file();
        let path = Path::new("config.toml");
        assert_eq!(Config::parse(path, &text).unwrap(), Config::defaults());
        let on = uncommented(&text);
        assert!(
            on.contains("[keys.panes]") && on.contains("[theme]"),
            "{on}"
        );
        let config = Config::parse(path, &on).unwrap_or_else(|e| panic!("{e:#?}\n{on}"));
        assert!(config.warnings.is_empty(), "{:#?}", config.warnings);
        assert_eq!(config.keymap, Keymap::default());
        assert_eq!(config.colors(Background::Dark), ThemeColors::defaults());
        assert_eq!(config.mouse, Config::defaults().mouse);
        assert_eq!(config.start, Config::defaults().start);
    }
}
