//! The JSON Schema of `config.toml`, built from the declarations the
//! parser checks against: the settings, the modes and actions, the theme
//! colours. `assets/config.schema.json` is this, committed.

use serde_json::{Map, Value, json};

use super::{SETTINGS, ThemeChoice, ThemeColors};
use crate::app::{ACTIONS, Mode};

/// What a colour may be written as: `"#rrggbb"`, a palette index 0-255,
/// or a name (letters, with spaces, `-` or `_`: `"light blue"`).
const COLOUR_PATTERN: &str =
    "^(#[0-9a-fA-F]{6}|[0-9]{1,2}|[01][0-9]{2}|2[0-4][0-9]|25[0-5]|[A-Za-z][A-Za-z _-]*)$";

/// Where the committed schema lives, relative to the repository root.
pub const SCHEMA_PATH: &str = "assets/config.schema.json";

fn description(name: &str) -> &'static str {
    (SETTINGS.iter())
        .find(|s| s.name == name)
        .map(|s| s.description)
        .unwrap_or_default()
}

/// The actions of `mode` as schema properties: a list of key names each.
fn actions(mode: Option<Mode>) -> Map<String, Value> {
    (ACTIONS.iter())
        .filter(|s| match mode {
            Some(mode) => s.works_in(mode),
            None => Mode::ALL
                .iter()
                .any(|&m| m != Mode::Search && s.works_in(m)),
        })
        .map(|s| {
            let keys = json!({
                "description": s.description,
                "type": "array",
                "items": { "type": "string", "minLength": 1 },
                "uniqueItems": true
            });
            (s.name.to_string(), keys)
        })
        .collect()
}

/// The schema as pretty-printed JSON, ending in a newline.
pub fn config_schema_json() -> String {
    let mut keys = actions(None);
    for mode in Mode::ALL {
        keys.insert(
            mode.name().to_string(),
            json!({
                "description": format!("Key bindings of one mode: {}.", mode.title()),
                "type": "object",
                "additionalProperties": false,
                "properties": actions(Some(mode)),
            }),
        );
    }
    let mut colors: Map<String, Value> = ThemeColors::NAMES
        .iter()
        .zip(ThemeColors::DESCRIPTIONS)
        .map(|(name, d)| {
            let colour = json!({
                "description": d,
                "type": "string",
                // "#rrggbb", a palette index 0-255, or a name.
                "pattern": COLOUR_PATTERN,
            });
            (name.to_string(), colour)
        })
        .collect();
    colors.insert(
        "base".into(),
        json!({
            "description": "The colours the others change.",
            "enum": ThemeChoice::NAMES,
        }),
    );
    let schema = json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "briefing config.toml",
        "description": "The configuration of the briefing reader (briefing config default prints it with every default).",
        "type": "object",
        "additionalProperties": false,
        "properties": {
            "mouse": { "description": description("mouse"), "type": "boolean", "default": true },
            "start": { "description": description("start"), "enum": ["overview", "panes"], "default": "overview" },
            "show_cursor": { "description": description("show_cursor"), "type": "boolean", "default": false },
            "ascii": { "description": description("ascii"), "type": "boolean", "default": false },
            "theme": {
                "description": description("theme"),
                "oneOf": [
                    { "enum": ThemeChoice::NAMES },
                    { "type": "object", "additionalProperties": false, "properties": colors }
                ],
                "default": "auto"
            },
            "keys": {
                "description": description("keys"),
                "type": "object",
                "additionalProperties": false,
                "properties": keys
            }
        }
    });
    let mut s = serde_json::to_string_pretty(&schema).expect("a schema serializes");
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_setting_is_in_the_schema() {
        let schema: Value = serde_json::from_str(&config_schema_json()).unwrap();
        let props = schema["properties"].as_object().unwrap();
        let mut names: Vec<&str> = props.keys().map(String::as_str).collect();
        names.sort_unstable();
        let mut declared: Vec<&str> = SETTINGS.iter().map(|s| s.name).collect();
        declared.sort_unstable();
        assert_eq!(names, declared);
        assert!(props["keys"]["properties"]["panes"]["properties"]["quit"].is_object());
        assert!(props["keys"]["properties"]["down"].is_object());
    }
}
