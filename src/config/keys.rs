//! The `[keys]` section: a user's key bindings, checked against the actions
//! and the default keymap.

use std::ops::Range;

use toml::Spanned;
use toml::de::DeValue;

use crate::app::{Action, BINDABLE};
use crate::diag::toml::a_type;
use crate::diag::{Collector, did_you_mean};
use crate::keys::{Keymap, Override, Place};

/// Reads `[keys]` into a keymap.
pub(super) fn read(problems: &mut Collector<'_>, value: &Spanned<DeValue<'_>>) -> Option<Keymap> {
    let Some(table) = value.get_ref().as_table() else {
        problems
            .error(value.span(), "`keys` must be a table")
            .with_label(format!("this is {}", a_type(value)))
            .with_help("write [keys] followed by lines like down = [\"j\", \"down\"]");
        return None;
    };
    let before = problems.len();
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
                            problems
                                .error(item.span(), "a key name must be a string")
                                .with_label(format!("this is {}", a_type(item)))
                                .with_help(format!("write it in double quotes: {quoted}"));
                        }
                    }
                }
            }
            DeValue::String(s) => {
                problems
                    .error(list.span(), format!("the keys of `{name}` must be a list"))
                    .with_label("this is a single string")
                    .with_help(format!("write {name} = [\"{s}\"]"));
            }
            _ => {
                problems
                    .error(list.span(), format!("the keys of `{name}` must be a list"))
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
                let help = did_you_mean(name, names.iter().copied())
                    .unwrap_or_else(|| format!("the actions are {}", names.join(", ")));
                problems
                    .error(action.span(), format!("unknown action `{name}`"))
                    .with_label("not an action")
                    .with_help(help);
            }
            continue;
        }
        overrides.push(Override { action: name, keys });
        spans.push((action.span(), key_spans));
    }
    match Keymap::with_overrides(&overrides) {
        Ok(keymap) => (problems.len() == before).then_some(keymap),
        Err(errors) => {
            for e in errors {
                let span = match e.place {
                    Place::Action(i) => Some(spans[i].0.clone()),
                    Place::Key(i, j) => Some(spans[i].1[j].clone()),
                    Place::Defaults => None,
                };
                let d = match span {
                    Some(span) => problems.error(span, e.message),
                    None => problems.file_error(e.message),
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
