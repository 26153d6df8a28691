//! The `[keys]` section: a user's key bindings, for every mode at once
//! (`[keys]`) or for one mode (`[keys.popup]`), checked against the declared
//! actions and the default keymap.

use std::ops::Range;

use toml::Spanned;
use toml::de::DeValue;

use crate::app::{ACTIONS, Action, Mode};
use crate::diag::toml::a_type;
use crate::diag::{Collector, did_you_mean};
use crate::keys::{Keymap, Override, Place};

/// Where each override was written: its action name and each of its keys.
type Spans = Vec<(Range<usize>, Vec<Range<usize>>)>;

/// Reads `[keys]` into a keymap; `None` when it has problems (reported).
pub(super) fn read(problems: &mut Collector<'_>, value: &Spanned<DeValue<'_>>) -> Option<Keymap> {
    let Some(table) = value.get_ref().as_table() else {
        problems
            .error(value.span(), "`keys` must be a table")
            .with_label(format!("this is {}", a_type(value)))
            .with_help("write [keys] followed by lines like down = [\"j\", \"down\"]");
        return None;
    };
    let before = problems.found();
    let mut overrides = Vec::new();
    let mut spans = Spans::new();
    for (name, list) in table {
        let name_str = name.get_ref().as_ref();
        match (Mode::from_name(name_str), list.get_ref()) {
            (Some(mode), DeValue::Table(section)) => {
                for (name, list) in section {
                    one_override(problems, name, list, Some(mode), &mut overrides, &mut spans);
                }
            }
            (None, DeValue::Table(_)) if Action::is_name(name_str) => {
                problems
                    .error(
                        list.span(),
                        format!("the keys of `{name_str}` must be a list"),
                    )
                    .with_label(format!("this is {}", a_type(list)))
                    .with_help(format!("write {name_str} = [\"key\", ...]"));
            }
            (None, DeValue::Table(_)) => {
                let modes = Mode::ALL.map(Mode::name);
                let help = did_you_mean(name_str, modes)
                    .unwrap_or_else(|| format!("the modes are {}", modes.join(", ")));
                problems
                    .error(name.span(), format!("unknown mode `{name_str}`"))
                    .with_label("not a mode")
                    .with_help(help);
            }
            _ => one_override(problems, name, list, None, &mut overrides, &mut spans),
        }
    }
    match Keymap::with_overrides(&overrides) {
        Ok(keymap) => {
            for (o, (span, _)) in overrides.iter().zip(&spans) {
                if o.keys.is_empty() {
                    let help = if o.action == "quit" {
                        "ctrl-c always quits; to quit with another key, list it here"
                    } else {
                        "it cannot be used now; list a key to use it"
                    };
                    problems
                        .warning(span.clone(), format!("`{}` has no key", o.action))
                        .with_label("unbound here")
                        .with_help(help);
                }
            }
            (problems.found() == before).then_some(keymap)
        }
        Err(errors) => {
            for e in errors {
                let d = match e.place {
                    Place::Action(i) => problems.error(spans[i].0.clone(), e.message),
                    Place::Key(i, j) => problems.error(spans[i].1[j].clone(), e.message),
                    Place::Defaults => problems.file_error(e.message),
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

/// One `action = ["key", ...]` line.
fn one_override<'a>(
    problems: &mut Collector<'_>,
    action: &'a Spanned<std::borrow::Cow<'a, str>>,
    list: &'a Spanned<DeValue<'a>>,
    mode: Option<Mode>,
    overrides: &mut Vec<Override<'a>>,
    spans: &mut Spans,
) {
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
        // Not a list: leave the action's keys as they are, but still check
        // its name.
        if !Action::is_name(name) {
            let names = ACTIONS.iter().map(|s| s.name);
            let help = did_you_mean(name, names.clone()).unwrap_or_else(|| {
                format!("the actions are {}", names.collect::<Vec<_>>().join(", "))
            });
            problems
                .error(action.span(), format!("unknown action `{name}`"))
                .with_label("not an action")
                .with_help(help);
        }
        return;
    }
    overrides.push(Override {
        mode,
        action: name,
        keys,
    });
    spans.push((action.span(), key_spans));
}
