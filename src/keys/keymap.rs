//! [`Keymap`]: which key does what in each mode. Built from the embedded
//! default keymap (`assets/keymap.toml`, a section per mode), patched by the
//! user's `[keys]`.

use std::collections::{HashMap, HashSet};
use std::fmt;

use toml::de::DeTable;

use super::key::Key;
use crate::app::{ACTIONS, Action, Mode};
use crate::diag::did_you_mean;

/// The default key bindings, embedded in the binary.
pub const DEFAULT_KEYMAP: &str = include_str!("../../assets/keymap.toml");

/// One action's keys as a user wrote them (`down = ["j", "down"]`). They
/// replace that action's keys in `mode`, or, without a mode, in every mode
/// the action works in except the search line. No keys unbinds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Override<'a> {
    pub mode: Option<Mode>,
    pub action: &'a str,
    pub keys: Vec<&'a str>,
}

/// Where a keymap problem is, among the overrides given to
/// [`Keymap::with_overrides`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Place {
    /// The action name of override `i`.
    Action(usize),
    /// Key `j` of override `i`.
    Key(usize, usize),
    /// The embedded default keymap.
    Defaults,
}

/// A problem with a keymap: an unknown action or key name, an action in a
/// mode where it does nothing, or a key bound to two actions in one mode.
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

/// The bindings of one mode.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
struct ModeKeys {
    /// The keys of `ACTIONS[i]`, in the order written.
    keys: Vec<Vec<Key>>,
    /// The index in `ACTIONS` of each bound key's action.
    by_key: HashMap<Key, usize>,
}

/// Keys → actions in each mode, and each action's keys in the order written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    modes: [ModeKeys; Mode::ALL.len()],
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

/// Each mode's list of keys per action, `None` where nothing was written.
type Lists = [Vec<Option<Vec<(Key, Origin)>>>; Mode::ALL.len()];

fn index_of(name: &str) -> Option<usize> {
    ACTIONS.iter().position(|s| s.name == name)
}

fn action_names() -> impl Iterator<Item = &'static str> {
    ACTIONS.iter().map(|s| s.name)
}

/// "`a`, `b` and `c`": the actions that work in `mode`.
fn names_in(mode: Mode) -> String {
    let names: Vec<String> = ACTIONS
        .iter()
        .filter(|s| s.works_in(mode))
        .map(|s| format!("`{}`", s.name))
        .collect();
    names.join(", ")
}

/// The default keys of each action in each mode, from the embedded keymap.
fn defaults(errors: &mut Vec<KeymapError>) -> Lists {
    let mut lists: Lists = std::array::from_fn(|_| vec![None; ACTIONS.len()]);
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
    for (mode_name, section) in root.get_ref() {
        let mode_name = mode_name.get_ref().as_ref();
        let (Some(mode), Some(section)) =
            (Mode::from_name(mode_name), section.get_ref().as_table())
        else {
            fail(format!("`{mode_name}` is not a mode section"));
            continue;
        };
        for (name, value) in section {
            let name = name.get_ref().as_ref();
            let Some(index) = index_of(name).filter(|&i| ACTIONS[i].works_in(mode)) else {
                fail(format!("`{name}` is not an action of [{mode_name}]"));
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
            lists[mode.index()][index] = Some(keys);
        }
    }
    lists
}

impl Keymap {
    /// The default bindings, with the keys of every action named in
    /// `overrides` replaced by the keys given there: first the overrides for
    /// every mode, then those for one mode. Every problem is reported, not
    /// only the first.
    pub fn with_overrides(overrides: &[Override<'_>]) -> Result<Keymap, Vec<KeymapError>> {
        let mut errors = Vec::new();
        let mut lists = defaults(&mut errors);
        let in_order = (overrides
            .iter()
            .enumerate()
            .filter(|(_, o)| o.mode.is_none()))
        .chain(
            overrides
                .iter()
                .enumerate()
                .filter(|(_, o)| o.mode.is_some()),
        );
        for (i, o) in in_order {
            let Some(index) = index_of(o.action) else {
                let help = did_you_mean(o.action, action_names()).unwrap_or_else(|| {
                    format!(
                        "the actions are {}",
                        action_names().collect::<Vec<_>>().join(", ")
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
            let spec = &ACTIONS[index];
            let modes: Vec<Mode> = match o.mode {
                Some(mode) if !spec.works_in(mode) => {
                    errors.push(KeymapError {
                        place: Place::Action(i),
                        message: format!("`{}` does nothing in [keys.{}]", o.action, mode.name()),
                        label: format!("not an action of {}", mode.name()),
                        help: Some(format!(
                            "the actions of [keys.{}] are {}",
                            mode.name(),
                            names_in(mode)
                        )),
                    });
                    continue;
                }
                Some(mode) => vec![mode],
                None => (spec.modes.iter().map(|(m, _)| *m))
                    .filter(|&m| m != Mode::Search)
                    .collect(),
            };
            let mut keys = Vec::with_capacity(o.keys.len());
            for (j, written) in o.keys.iter().enumerate() {
                match written.parse::<Key>() {
                    Ok(key) if key == Key::ctrl('c') && spec.action != Action::Quit => {
                        errors.push(KeymapError {
                            place: Place::Key(i, j),
                            message: format!("`ctrl-c` always quits; it cannot be `{}`", o.action),
                            label: "reserved for quitting".into(),
                            help: Some(format!("choose another key for `{}`", o.action)),
                        });
                    }
                    Ok(key) => keys.push((key, Origin::User(i, j))),
                    Err(e) => errors.push(KeymapError {
                        place: Place::Key(i, j),
                        message: e.problem,
                        label: "not a key".into(),
                        help: Some(e.help),
                    }),
                }
            }
            for mode in modes {
                lists[mode.index()][index] = Some(keys.clone());
            }
        }
        let mut reported = HashSet::new();
        let modes =
            std::array::from_fn(|m| bind(&lists[m], Mode::ALL[m], &mut errors, &mut reported));
        if errors.is_empty() {
            Ok(Keymap { modes })
        } else {
            Err(errors)
        }
    }

    /// The action bound to `key` in `mode`, if any.
    pub fn action(&self, mode: Mode, key: &Key) -> Option<Action> {
        let i = *self.modes[mode.index()].by_key.get(key)?;
        Some(ACTIONS[i].action.clone())
    }

    /// The keys bound to `action` in `mode`, in the order written; empty when
    /// it is unbound there or not a bindable action.
    pub fn keys_for(&self, mode: Mode, action: &Action) -> &[Key] {
        ACTIONS
            .iter()
            .position(|s| s.action == *action)
            .map_or(&[], |i| &self.modes[mode.index()].keys[i])
    }

    /// One help line per action bound in `mode`, in [`ACTIONS`] order: its
    /// keys joined by ", " and its description.
    pub fn help_entries(&self, mode: Mode) -> Vec<(String, &'static str)> {
        ACTIONS
            .iter()
            .zip(&self.modes[mode.index()].keys)
            .filter(|(_, keys)| !keys.is_empty())
            .map(|(spec, keys)| {
                let names: Vec<String> = keys.iter().map(Key::to_string).collect();
                (names.join(", "), spec.description)
            })
            .collect()
    }

    /// The status-line hints of `mode`: the first key of each hinted action
    /// that is bound, with its hint, in [`ACTIONS`] order.
    pub fn hints(&self, mode: Mode) -> Vec<(String, &'static str)> {
        ACTIONS
            .iter()
            .zip(&self.modes[mode.index()].keys)
            .filter_map(|(spec, keys)| Some((keys.first()?.to_string(), spec.hint(mode)?)))
            .collect()
    }
}

/// Binds one mode's keys: the defaults first, then the user's keys in the
/// order written, so that a conflict is reported at the user's key (once,
/// however many modes it shows up in).
fn bind(
    lists: &[Option<Vec<(Key, Origin)>>],
    mode: Mode,
    errors: &mut Vec<KeymapError>,
    reported: &mut HashSet<(Place, usize)>,
) -> ModeKeys {
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
    let mut keys = vec![Vec::new(); ACTIONS.len()];
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
                if !reported.insert((origin.place(), other)) {
                    continue;
                }
                let (this, other) = (ACTIONS[index].name, ACTIONS[other].name);
                let help = match other_origin {
                    Origin::Default => format!(
                        "`{other}` has `{key}` by default in {}: give `{other}` other keys \
                         too (e.g. `{other} = [...]`), or choose another key for `{this}`",
                        mode.name()
                    ),
                    Origin::User(..) => {
                        format!("a key does one thing: remove `{key}` from `{this}` or `{other}`")
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
    let by_key = bound
        .into_iter()
        .map(|(key, (index, _))| (key, index))
        .collect();
    ModeKeys { keys, by_key }
}

/// Every binding of `keymap` as Markdown tables, one per mode, with each
/// action's name in config files: the key table of the README.
pub fn markdown_table(keymap: &Keymap) -> String {
    let mut out = String::new();
    for mode in Mode::ALL {
        out.push_str(&format!(
            "**{}** (`[keys.{}]`)\n\n| keys | action | name |\n|---|---|---|\n",
            mode.title(),
            mode.name()
        ));
        for spec in ACTIONS {
            let keys = keymap.keys_for(mode, &spec.action);
            if keys.is_empty() {
                continue;
            }
            let keys: Vec<String> = keys
                .iter()
                .map(|k| match k.to_string().as_str() {
                    "|" => "`\\|`".to_string(),
                    name => format!("`{name}`"),
                })
                .collect();
            out.push_str(&format!(
                "| {} | {} | `{}` |\n",
                keys.join(", "),
                spec.description.replace('|', "\\|"),
                spec.name
            ));
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use ratatui::crossterm::event::KeyCode;

    use super::*;
    use crate::app::Mode::{Panes, Picker, Popup, Search};

    fn over<'a>(action: &'a str, keys: &[&'a str]) -> Override<'a> {
        Override {
            mode: None,
            action,
            keys: keys.to_vec(),
        }
    }

    fn over_in<'a>(mode: Mode, action: &'a str, keys: &[&'a str]) -> Override<'a> {
        Override {
            mode: Some(mode),
            ..over(action, keys)
        }
    }

    fn first_hint(map: &Keymap, mode: Mode, action: &Action) -> Option<String> {
        map.keys_for(mode, action).first().map(Key::to_string)
    }

    #[test]
    fn embedded_keymap_is_valid_and_binds_every_action_where_it_works() {
        let map = Keymap::with_overrides(&[]).expect("valid");
        for spec in ACTIONS {
            for (mode, _) in spec.modes {
                assert!(
                    !map.keys_for(*mode, &spec.action).is_empty(),
                    "`{}` has no default key in {}",
                    spec.name,
                    mode.name()
                );
            }
        }
        let panes = ACTIONS.iter().filter(|s| s.works_in(Panes)).count();
        assert_eq!(map.help_entries(Panes).len(), panes);
        assert_eq!(Keymap::default(), map);
    }

    #[test]
    fn every_key_name_shown_can_be_typed_back() {
        // What help and hints print reads back as the same key, in a config
        // file as it is and in a key sequence between < and >.
        let map = Keymap::default();
        for mode in Mode::ALL {
            for spec in ACTIONS {
                for key in map.keys_for(mode, &spec.action) {
                    let shown = key.to_string();
                    assert_eq!(shown.parse::<Key>().as_ref(), Ok(key), "{shown}");
                    let sequence = crate::keys::parse_sequence(&format!("<{shown}>"));
                    assert_eq!(sequence, Ok(vec![*key]), "<{shown}>");
                    assert_eq!(map.action(mode, key), Some(spec.action.clone()));
                }
            }
        }
    }

    #[test]
    fn default_lookups() {
        let map = Keymap::default();
        assert_eq!(map.action(Panes, &Key::char('j')), Some(Action::Down));
        assert_eq!(
            map.action(Panes, &Key::plain(KeyCode::Down)),
            Some(Action::Down)
        );
        assert_eq!(map.action(Panes, &Key::char('G')), Some(Action::Bottom));
        assert_eq!(
            map.action(Panes, &Key::ctrl('d')),
            Some(Action::HalfPageDown)
        );
        assert_eq!(
            map.action(Panes, &Key::plain(KeyCode::BackTab)),
            Some(Action::PrevPane)
        );
        assert_eq!(map.action(Panes, &Key::char('%')), None);
        assert_eq!(
            map.action(Panes, &Key::plain(KeyCode::Esc)),
            Some(Action::Back)
        );
        assert_eq!(map.action(Picker, &Key::char(' ')), Some(Action::Toggle));
        assert_eq!(map.action(Panes, &Key::char(' ')), None);
        assert_eq!(map.action(Search, &Key::char('q')), None);
        assert_eq!(map.action(Search, &Key::ctrl('c')), Some(Action::Quit));
        assert_eq!(
            map.action(Search, &Key::plain(KeyCode::Backspace)),
            Some(Action::DeleteChar)
        );
        assert_eq!(first_hint(&map, Panes, &Action::Help), Some("?".into()));
        assert_eq!(map.keys_for(Panes, &Action::Resize(1, 1)), &[]);
        assert_eq!(map.keys_for(Panes, &Action::Input('x')), &[]);
        let help = map.help_entries(Panes);
        assert_eq!(help[0], ("q, ctrl-c".to_string(), "quit"));
        assert!(help.contains(&("shift-tab".to_string(), "previous pane")));
        assert_eq!(map.hints(Picker)[0], ("enter".to_string(), "apply"));
    }

    #[test]
    fn overriding_down_everywhere_keeps_up_and_the_search_line() {
        let map = Keymap::with_overrides(&[over("down", &["ctrl-n", "j"])]).unwrap();
        for mode in [Panes, Popup, Picker] {
            assert_eq!(
                map.keys_for(mode, &Action::Down),
                &[Key::ctrl('n'), Key::char('j')]
            );
            assert_eq!(map.action(mode, &Key::plain(KeyCode::Down)), None);
            assert_eq!(map.action(mode, &Key::char('k')), Some(Action::Up));
        }
        assert_eq!(
            first_hint(&map, Panes, &Action::Down),
            Some("ctrl-n".into())
        );
        // Overriding quit everywhere leaves the search line's ctrl-c alone,
        // so that typing never quits.
        let map = Keymap::with_overrides(&[over("quit", &["x"])]).unwrap();
        assert_eq!(map.action(Search, &Key::char('x')), None);
        assert_eq!(map.action(Search, &Key::ctrl('c')), Some(Action::Quit));
    }

    #[test]
    fn a_mode_section_changes_that_mode_only_and_wins_over_every_mode() {
        let map = Keymap::with_overrides(&[
            over_in(Popup, "down", &["ctrl-n"]),
            over("down", &["ctrl-j"]),
            over_in(Search, "delete_char", &["ctrl-h", "backspace"]),
            over_in(Picker, "toggle", &["x"]),
        ])
        .unwrap();
        assert_eq!(map.keys_for(Popup, &Action::Down), &[Key::ctrl('n')]);
        assert_eq!(map.keys_for(Panes, &Action::Down), &[Key::ctrl('j')]);
        assert_eq!(
            map.action(Search, &Key::ctrl('h')),
            Some(Action::DeleteChar)
        );
        assert_eq!(map.action(Picker, &Key::char('x')), Some(Action::Toggle));
        assert_eq!(map.action(Picker, &Key::char(' ')), None);

        let errors = Keymap::with_overrides(&[over_in(Search, "down", &["j"])]).unwrap_err();
        assert_eq!(errors[0].place, Place::Action(0));
        assert_eq!(errors[0].message, "`down` does nothing in [keys.search]");
        assert!(errors[0].help.as_deref().unwrap().contains("`delete_char`"));
    }

    #[test]
    fn unbinding() {
        let map = Keymap::with_overrides(&[over("quit", &[])]).unwrap();
        assert!(map.keys_for(Panes, &Action::Quit).is_empty());
        assert_eq!(map.action(Panes, &Key::char('q')), None);
        assert!(map.help_entries(Panes).iter().all(|(_, d)| *d != "quit"));
        assert!(map.hints(Panes).iter().all(|(_, h)| *h != "quit"));
        // A key freed by one override may be taken by another (in popups
        // q is back's).
        let map =
            Keymap::with_overrides(&[over("quit", &[]), over_in(Panes, "copy", &["q"])]).unwrap();
        assert_eq!(map.action(Panes, &Key::char('q')), Some(Action::Copy));
    }

    #[test]
    fn conflicts_name_both_actions_once_per_key() {
        // `j` is down's in three modes: reported once.
        let errors = Keymap::with_overrides(&[over("top", &["g", "j"])]).unwrap_err();
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert_eq!(errors[0].place, Place::Key(0, 1));
        assert!(errors[0].message.contains("`down`"), "{}", errors[0]);
        assert!(errors[0].message.contains("`top`"), "{}", errors[0]);

        let errors = Keymap::with_overrides(&[over("copy", &["x"]), over("open_source", &["x"])])
            .unwrap_err();
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].place, Place::Key(1, 0));
        assert!(errors[0].message.contains("`copy`"));
        assert!(errors[0].message.contains("`open_source`"));

        // A conflict in one mode only.
        let errors = Keymap::with_overrides(&[over_in(Picker, "toggle", &["enter"])]).unwrap_err();
        assert_eq!(errors.len(), 1);
        assert!(errors[0].message.contains("`confirm`"));

        // The same key twice for one action is not a conflict.
        let map = Keymap::with_overrides(&[over("down", &["j", "j"])]).unwrap();
        assert_eq!(map.keys_for(Panes, &Action::Down), &[Key::char('j')]);
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
