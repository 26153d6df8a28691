//! What the reader remembers between runs, per briefing: the pane, the
//! selection (by id), the topic filter, the followed speaker, zoom and the
//! ids seen (for new marks); and, for briefings opened together, which one
//! was shown. Kept in small TOML files in the XDG state folder; read
//! bounded, written atomically; a file that cannot be used is ignored with
//! a note. No terminal code.

mod file;
mod path;
mod seen;

use std::cell::RefCell;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

pub use file::{MAX_STATE_BYTES, max_state_bytes, read, read_at_most, write_atomic};
pub use path::{briefing_file_name, key_of, session_file_name, state_dir, state_dir_from};
pub use seen::{Kind, Seen, item_hash};

/// The version of the state files this reader writes and reads.
pub const VERSION: u32 = 1;

/// Where one briefing was left.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct State {
    pub version: u32,
    /// The briefing's id, for people reading the file.
    pub briefing: String,
    /// The briefing file's canonical path: a state file found under
    /// another path's name is not used.
    pub path: String,
    /// The focused pane: `timeline`, `speakers`, `quotes`, `disagreements`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pane: Option<String>,
    #[serde(default, skip_serializing_if = "is_false")]
    pub zoomed: bool,
    /// Topic filter, by topic id.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub topics: Vec<String>,
    /// The followed speaker's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker: Option<String>,
    #[serde(default)]
    pub selection: Selection,
    /// The ids seen; `None` in a state never saved with them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seen: Option<Seen>,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// The selected item of each pane, by id.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Selection {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timeline: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speakers: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quotes: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disagreements: Option<String>,
    /// In the Disagreements pane, the speaker id of the selected party's
    /// position, when a position rather than a heading is selected.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub party: Option<String>,
}

/// Which of several briefings opened together was shown.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Session {
    pub version: u32,
    /// The canonical paths of the briefings opened, sorted.
    pub paths: Vec<String>,
    /// The one shown.
    pub current: String,
}

/// The state folder, and the files met there that must not be written
/// over (written by a newer version of the reader).
#[derive(Debug)]
pub struct Store {
    dir: PathBuf,
    keep: RefCell<BTreeSet<PathBuf>>,
}

impl Store {
    /// The store in `dir`.
    pub fn at(dir: impl Into<PathBuf>) -> Store {
        Store {
            dir: dir.into(),
            keep: RefCell::default(),
        }
    }

    /// The store where the environment says (see [`state_dir`]), if any.
    pub fn from_env() -> Option<Store> {
        state_dir().map(Store::at)
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The state file of the briefing `id` at `key` (see [`key_of`]).
    pub fn briefing_file(&self, id: &str, key: &str) -> PathBuf {
        self.dir.join(briefing_file_name(id, key))
    }

    /// The session file of the briefings at `keys`.
    pub fn session_file(&self, keys: &[String]) -> PathBuf {
        self.dir.join(session_file_name(keys))
    }

    /// The state of the briefing `id` at `key`: `Ok(None)` when there is
    /// none, `Err(note)` when the file is there but cannot be used.
    pub fn load(&self, id: &str, key: &str) -> Result<Option<State>, String> {
        self.load_for(id, key, usize::MAX)
    }

    /// [`Store::load`] for a briefing of `items` items: a file larger than
    /// such a briefing's state can be is refused unread.
    pub fn load_for(&self, id: &str, key: &str, items: usize) -> Result<Option<State>, String> {
        let path = self.briefing_file(id, key);
        let max = file::max_state_bytes(items);
        let Some(state) = self.load_file::<State>(&path, max, |v| v.get("path").is_some())? else {
            return Ok(None);
        };
        if state.path != key {
            return Err(note(&path, "it is for another briefing file"));
        }
        Ok(Some(state))
    }

    /// Saves `state` under its briefing's name, unless a newer reader's
    /// file is there.
    pub fn save(&self, state: &State) -> std::io::Result<()> {
        let path = self.briefing_file(&state.briefing, &state.path);
        self.write(
            &path,
            &toml::to_string(state).map_err(std::io::Error::other)?,
        )
    }

    /// Which of the briefings at `keys` was shown last time they were
    /// opened together.
    pub fn load_session(&self, keys: &[String]) -> Result<Option<Session>, String> {
        let path = self.session_file(keys);
        let Some(session) = self.load_file::<Session>(&path, file::max_state_bytes(0), |v| {
            v.get("current").is_some()
        })?
        else {
            return Ok(None);
        };
        let mut sorted = keys.to_vec();
        sorted.sort_unstable();
        if session.paths != sorted {
            return Err(note(&path, "it is for other briefing files"));
        }
        Ok(Some(session))
    }

    pub fn save_session(&self, session: &Session) -> std::io::Result<()> {
        let path = self.session_file(&session.paths);
        self.write(
            &path,
            &toml::to_string(session).map_err(std::io::Error::other)?,
        )
    }

    fn write(&self, path: &Path, text: &str) -> std::io::Result<()> {
        if self.keep.borrow().contains(path) {
            return Ok(());
        }
        write_atomic(path, text)
    }

    /// Reads and parses the file at `path`; `ours` says whether a TOML
    /// table looks like one of this kind of file.
    fn load_file<T: serde::de::DeserializeOwned>(
        &self,
        path: &Path,
        max: u64,
        ours: impl Fn(&toml::Table) -> bool,
    ) -> Result<Option<T>, String> {
        let Some(text) = read_at_most(path, max).map_err(|e| note(path, &lowercase_first(&e)))?
        else {
            return Ok(None);
        };
        let table: toml::Table = text
            .parse()
            .map_err(|_| note(path, "it is not valid TOML"))?;
        match table.get("version").and_then(toml::Value::as_integer) {
            Some(v) if v == i64::from(VERSION) => {}
            Some(v) if v > i64::from(VERSION) && ours(&table) => {
                self.keep.borrow_mut().insert(path.to_path_buf());
                return Err(note(
                    path,
                    &format!("it was written by a newer version (format {v}); left as is"),
                ));
            }
            _ => return Err(note(path, "it is not a briefing state file")),
        }
        if !ours(&table) {
            return Err(note(path, "it is not a briefing state file"));
        }
        T::deserialize(table)
            .map(Some)
            .map_err(|e| note(path, &format!("it is damaged: {}", e.message())))
    }
}

/// The one-line note for a state file that is ignored.
fn note(path: &Path, why: &str) -> String {
    let why = why.trim_end_matches(['.', '\n']);
    // Under the home folder, the path is shown from `~`.
    let home = std::env::var_os("HOME").map(PathBuf::from);
    let shown = match home.as_deref().and_then(|h| path.strip_prefix(h).ok()) {
        Some(rest) if home.as_deref() != Some(Path::new("/")) => {
            format!("~/{}", rest.display())
        }
        _ => path.display().to_string(),
    };
    crate::text::one_line(&format!("saved state ignored, {why}: {shown}")).into_owned()
}

fn lowercase_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state() -> State {
        let mut seen = Seen::new();
        seen.insert(Kind::Quote, "q-1");
        State {
            version: VERSION,
            briefing: "alaska".into(),
            path: "/b/alaska.toml".into(),
            pane: Some("quotes".into()),
            zoomed: true,
            topics: vec!["talks".into()],
            speaker: Some("putin".into()),
            selection: Selection {
                quotes: Some("q-1".into()),
                ..Selection::default()
            },
            seen: Some(seen),
        }
    }

    #[test]
    fn a_state_round_trips_through_its_file() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::at(dir.path());
        store.save(&state()).unwrap();
        assert_eq!(store.load("alaska", "/b/alaska.toml"), Ok(Some(state())));
        assert_eq!(store.load("alaska", "/c/alaska.toml"), Ok(None));
    }

    #[test]
    fn corrupt_and_foreign_files_are_ignored_with_a_note() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::at(dir.path());
        let path = store.briefing_file("alaska", "/b/alaska.toml");
        let cases = [
            ("\u{1b}[31mnot toml ===", "not valid TOML"),
            ("title = \"a config?\"\n", "not a briefing state file"),
            ("version = 1\n[other]\nx = 1\n", "not a briefing state file"),
            (
                "version = 1\nbriefing = \"alaska\"\npath = \"/b/alaska.toml\"\npane = 3\n",
                "damaged",
            ),
            (
                "version = 1\nbriefing = \"a\"\npath = \"/b/alaska.toml\"\n[seen]\ncount = 2\nhashes = \"AAAA\"\n",
                "damaged",
            ),
            (
                "version = 1\nbriefing = \"a\"\npath = \"/elsewhere.toml\"\n",
                "another briefing file",
            ),
        ];
        for (text, why) in cases {
            std::fs::write(&path, text).unwrap();
            let note = store.load("alaska", "/b/alaska.toml").unwrap_err();
            assert!(note.contains(why), "{text:?}: {note}");
            assert!(!note.contains('\n') && !note.contains('\u{1b}'), "{note}");
            assert!(note.contains(&path.display().to_string()), "{note}");
        }
        std::fs::write(&path, [0xff, 0xfe, 0]).unwrap();
        assert!(store.load("alaska", "/b/alaska.toml").is_err());
    }

    #[test]
    fn a_newer_versions_file_is_ignored_and_left_as_is() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::at(dir.path());
        let path = store.briefing_file("alaska", "/b/alaska.toml");
        let newer = "version = 9\nbriefing = \"alaska\"\npath = \"/b/alaska.toml\"\n";
        std::fs::write(&path, newer).unwrap();
        let note = store.load("alaska", "/b/alaska.toml").unwrap_err();
        assert!(note.contains("newer"), "{note}");
        store.save(&state()).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), newer);
    }

    #[test]
    fn a_session_names_the_briefing_shown() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::at(dir.path());
        let keys = vec!["/b/2.toml".to_string(), "/b/1.toml".to_string()];
        assert_eq!(store.load_session(&keys), Ok(None));
        let mut paths = keys.clone();
        paths.sort();
        let session = Session {
            version: VERSION,
            paths,
            current: "/b/2.toml".into(),
        };
        store.save_session(&session).unwrap();
        assert_eq!(store.load_session(&keys), Ok(Some(session)));
        // A state file is not a session.
        std::fs::write(
            store.session_file(&keys),
            toml::to_string(&state()).unwrap(),
        )
        .unwrap();
        assert!(store.load_session(&keys).is_err());
    }
}
