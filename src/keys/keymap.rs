//! [`Keymap`]: which key does what. Built from the embedded default keymap
//! (`assets/keymap.toml`), patched by the user's `[keys]`.

use std::collections::HashMap;
use std::fmt;

use toml::de::DeTable;

use super::key::Key;
use crate::app::{Action, BINDABLE};
use crate::diag::did_you_mean;

/// The default key bindings, embedded in the binary.
pub const DEFAULT_KEYMAP: &str = include_str!("../../assets/keymap.toml");

/// One action's keys as a user wrote them (`down = ["j", "down"]`). They
/// replace that action's default keys; no keys unbinds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Override<'a> {
    pub action: &'a str,
    pub keys: Vec<&'a str>,
}

/// Where a keymap problem is, among the overrides given to
/// [`Keymap::with_overrides`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// The action name of override `i`.
    Action(usize),
    /// Key `j` of override `i`.
    Key(usize, usize),
    /// The embedded default keymap.
    Defaults,
}

/// A problem with a keymap: an unknown action or key name, or a key bound to
/// two actions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeymapError {
    pub place: Place,
    pub message: String,
    /// A short note about the place ("not an action").
    pub label: String,
    /// What to do about it.
    pub help: Option<String>,
}

impl fmt::Display for KeymapError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)?;
        match &self.help {
            Some(help) => write!(f, " ({help})"),
            None => Ok(()),
        }
    }
}

impl std::error::Error for KeymapError {}

/// Keys → actions, and each bindable action's keys in the order written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    /// The keys of `BINDABLE[i]`.
    keys: Vec<Vec<Key>>,
    /// The index in `BINDABLE` of each bound key's action.
    by_key: HashMap<Key, usize>,
}

impl Default for Keymap {
    /// The embedded default bindings.
    fn default() -> Self {
        Keymap::with_overrides(&[]).expect("the embedded keymap is valid")
    }
}

/// Where a binding came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Origin {
    Default,
    User(usize, usize),
}

impl Origin {
    fn place(self) -> Place {
        match self {
            Origin::Default => Place::Defaults,
            Origin::User(i, j) => Place::Key(i, j),
        }
    }
}

fn index_of(name: &str) -> Option<usize> {
    BINDABLE.iter().position(|(_, n, _)| *n == name)
}

fn name_of(index: usize) -> &'static str {
    BINDABLE[index].1
}

/// The default keys of each bindable action, from the embedded keymap file.
fn defaults(errors: &mut Vec<KeymapError>) -> Vec<Option<Vec<(Key, Origin)>>> {
    let mut lists = vec![None; BINDABLE.len()];
    let mut fail = |message: String| {
        errors.push(KeymapError {
            place: Place::Defaults,
            message: format!("default keymap: {message}"),
            label: "in the default keymap".into(),
            help: None,
        });
    };
    let root = match DeTable::parse(DEFAULT_KEYMAP) {
        Ok(root) => root,
        Err(e) => {
            fail(e.message().trim_end().to_string());
            return lists;
        }
    };
    for (name, value) in root.get_ref() {
        let name = name.get_ref().as_ref();
        let Some(index) = index_of(name) else {
            fail(format!("unknown action `{name}`"));
            continue;
        };
        let Some(items) = value.get_ref().as_array() else {
            fail(format!("the keys of `{name}` are not a list"));
            continue;
        };
        let mut keys = Vec::new();
        for item in items {
            match item.get_ref().as_str().map(str::parse::<Key>) {
                Some(Ok(key)) => keys.push((key, Origin::Default)),
                Some(Err(e)) => fail(format!("`{name}`: {e}")),
                None => fail(format!("a key of `{name}` is not a string")),
            }
        }
        lists[index] = Some(keys);
    }
    lists
}

impl Keymap {
    /// The default bindings, with the keys of every action named in
    /// `overrides` replaced by the keys given there. Every problem is
    /// reported, not only the first.
    pub fn with_overrides(overrides: &[Override<'_>]) -> Result<Keymap, Vec<KeymapError>> {
        let mut errors = Vec::new();
        let mut lists = defaults(&mut errors);
        let mut overridden: Vec<Option<usize>> = vec![None; BINDABLE.len()];
        for (i, o) in overrides.iter().enumerate() {
            let Some(index) = index_of(o.action) else {
                let help = did_you_mean(o.action, BINDABLE.iter().map(|(_, n, _)| *n))
                    .unwrap_or_else(|| {
                        format!(
                            "the actions are {}",
                            BINDABLE
                                .iter()
                                .map(|(_, n, _)| *n)
                                .collect::<Vec<_>>()
                                .join(", ")
                        )
                    });
                errors.push(KeymapError {
                    place: Place::Action(i),
                    message: format!("unknown action `{}`", o.action),
                    label: "not an action".into(),
                    help: Some(help),
                });
                continue;
            };
            if overridden[index].is_some() {
                errors.push(KeymapError {
                    place: Place::Action(i),
                    message: format!("the keys of `{}` are given twice", o.action),
                    label: "given again here".into(),
                    help: Some("keep only one list for each action".into()),
                });
                continue;
            }
            overridden[index] = Some(i);
            let mut keys = Vec::with_capacity(o.keys.len());
            for (j, written) in o.keys.iter().enumerate() {
                match written.parse::<Key>() {
                    Ok(key) => keys.push((key, Origin::User(i, j))),
                    Err(e) => errors.push(KeymapError {
                        place: Place::Key(i, j),
                        message: e.problem,
                        label: "not a key".into(),
                        help: Some(e.help),
                    }),
                }
            }
            lists[index] = Some(keys);
        }

        // Bind the defaults first, then the user's keys in the order written,
        // so that a conflict is reported at the user's key.
        let mut entries: Vec<(Origin, usize, Key)> = lists
            .iter()
            .enumerate()
            .flat_map(|(index, list)| {
                list.iter()
                    .flatten()
                    .map(move |&(key, origin)| (origin, index, key))
            })
            .collect();
        entries.sort_by_key(|&(origin, index, _)| (origin, index));

        let mut keys = vec![Vec::new(); BINDABLE.len()];
        let mut bound: HashMap<Key, (usize, Origin)> = HashMap::new();
        for (origin, index, key) in entries {
            match bound.get(&key) {
                None => {
                    bound.insert(key, (index, origin));
                    keys[index].push(key);
                }
                // The same key twice for the same action: harmless.
                Some(&(other, _)) if other == index => {}
                Some(&(other, other_origin)) => {
                    let (this, other) = (name_of(index), name_of(other));
                    let help = match other_origin {
                        Origin::Default => format!(
                            "`{other}` has `{key}` by default: give `{other}` other keys \
                             too (e.g. `{other} = [...]`), or choose another key for `{this}`"
                        ),
                        Origin::User(..) => {
                            format!(
                                "a key does one thing: remove `{key}` from `{this}` or `{other}`"
                            )
                        }
                    };
                    errors.push(KeymapError {
                        place: origin.place(),
                        message: format!("`{key}` is bound to both `{other}` and `{this}`"),
                        label: format!("already bound to `{other}`"),
                        help: Some(help),
                    });
                }
            }
        }

        if !errors.is_empty() {
            return Err(errors);
        }
        let by_key = bound
            .into_iter()
            .map(|(key, (index, _))| (key, index))
            .collect();
        Ok(Keymap { keys, by_key })
    }

    /// The action bound to `key`, if any.
    pub fn action(&self, key: &Key) -> Option<Action> {
        self.by_key.get(key).map(|&i| BINDABLE[i].0.clone())
    }

    /// The keys bound to `action`, in the order written; empty when it is
    /// unbound or not a bindable action.
    pub fn keys_for(&self, action: &Action) -> &[Key] {
        BINDABLE
            .iter()
            .position(|(a, _, _)| a == action)
            .map_or(&[], |i| &self.keys[i])
    }

    /// One help line per bound action, in [`BINDABLE`] order: its keys joined
    /// by ", " and its description. Unbound actions are left out.
    pub fn help_entries(&self) -> Vec<(String, &'static str)> {
        BINDABLE
            .iter()
            .zip(&self.keys)
            .filter(|(_, keys)| !keys.is_empty())
            .map(|((_, _, description), keys)| {
                let names: Vec<String> = keys.iter().map(Key::to_string).collect();
                (names.join(", "), *description)
            })
            .collect()
    }

    /// The name of the first key bound to `action` (for hints in the status
    /// line), or `None` when it is unbound.
    pub fn hint(&self, action: &Action) -> Option<String> {
        self.keys_for(action).first().map(Key::to_string)
    }
}

#[cfg(test)]
mod tests {
    use ratatui::crossterm::event::KeyCode;

    use super::*;

    fn over<'a>(action: &'a str, keys: &[&'a str]) -> Override<'a> {
        Override {
            action,
            keys: keys.to_vec(),
        }
    }

    #[test]
    fn embedded_keymap_is_valid_and_binds_every_action() {
        let map = Keymap::with_overrides(&[]).expect("valid");
        for (action, name, _) in BINDABLE {
            assert!(
                !map.keys_for(action).is_empty(),
                "`{name}` has no default key"
            );
        }
        assert_eq!(map.help_entries().len(), BINDABLE.len());
        assert_eq!(Keymap::default(), map);
    }

    #[test]
    fn default_lookups() {
        let map = Keymap::default();
        assert_eq!(map.action(&Key::char('j')), Some(Action::Down));
        assert_eq!(map.action(&Key::plain(KeyCode::Down)), Some(Action::Down));
        assert_eq!(map.action(&Key::char('G')), Some(Action::Bottom));
        assert_eq!(map.action(&Key::ctrl('d')), Some(Action::HalfPageDown));
        assert_eq!(
            map.action(&Key::plain(KeyCode::BackTab)),
            Some(Action::PrevPane)
        );
        assert_eq!(map.action(&Key::char('z')), None);
        assert_eq!(map.action(&Key::plain(KeyCode::Esc)), Some(Action::Back));
        assert_eq!(map.hint(&Action::Help), Some("?".into()));
        assert_eq!(map.hint(&Action::Resize(1, 1)), None);
        assert_eq!(map.keys_for(&Action::Input('x')), &[]);
        let help = map.help_entries();
        assert_eq!(help[0], ("q, ctrl-c".to_string(), "quit"));
        assert!(help.contains(&("shift-tab".to_string(), "previous pane")));
    }

    #[test]
    fn overriding_down_keeps_up() {
        let map = Keymap::with_overrides(&[over("down", &["ctrl-n", "j"])]).unwrap();
        assert_eq!(
            map.keys_for(&Action::Down),
            &[Key::ctrl('n'), Key::char('j')]
        );
        assert_eq!(map.action(&Key::plain(KeyCode::Down)), None);
        assert_eq!(map.action(&Key::char('k')), Some(Action::Up));
        assert_eq!(map.hint(&Action::Down), Some("ctrl-n".into()));
    }

    #[test]
    fn unbinding() {
        let map = Keymap::with_overrides(&[over("quit", &[])]).unwrap();
        assert!(map.keys_for(&Action::Quit).is_empty());
        assert_eq!(map.action(&Key::char('q')), None);
        assert_eq!(map.hint(&Action::Quit), None);
        assert!(map.help_entries().iter().all(|(_, d)| *d != "quit"));
        // A key freed by one override may be taken by another.
        let map = Keymap::with_overrides(&[over("quit", &[]), over("copy", &["q"])]).unwrap();
        assert_eq!(map.action(&Key::char('q')), Some(Action::Copy));
    }

    #[test]
    fn conflicts_name_both_actions() {
        let errors = Keymap::with_overrides(&[over("top", &["g", "j"])]).unwrap_err();
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].place, Place::Key(0, 1));
        assert!(errors[0].message.contains("`down`"), "{}", errors[0]);
        assert!(errors[0].message.contains("`top`"), "{}", errors[0]);

        let errors = Keymap::with_overrides(&[over("copy", &["x"]), over("open_source", &["x"])])
            .unwrap_err();
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].place, Place::Key(1, 0));
        assert!(errors[0].message.contains("`copy`"));
        assert!(errors[0].message.contains("`open_source`"));

        // The same key twice for one action is not a conflict.
        let map = Keymap::with_overrides(&[over("down", &["j", "j"])]).unwrap();
        assert_eq!(map.keys_for(&Action::Down), &[Key::char('j')]);
    }

    #[test]
    fn unknown_names_are_reported() {
        let errors = Keymap::with_overrides(&[over("dwon", &["j"]), over("up", &["k", "pgup"])])
            .unwrap_err();
        assert_eq!(errors.len(), 2);
        assert_eq!(errors[0].place, Place::Action(0));
        assert_eq!(errors[0].message, "unknown action `dwon`");
        assert_eq!(errors[0].help.as_deref(), Some("did you mean `down`?"));
        assert_eq!(errors[1].place, Place::Key(1, 1));
        assert!(errors[1].message.contains("`pgup`"));

        let errors = Keymap::with_overrides(&[over("fly", &[])]).unwrap_err();
        assert!(errors[0].help.as_deref().unwrap().contains("next_pane"));
    }
}
