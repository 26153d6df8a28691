//! Watches the briefing files and folders the reader opened, and says which
//! of their files changed, appeared or went away.
//!
//! Each change is found the same way, however it was noticed: the watched
//! files are looked at (size, modification time, inode; a folder's `*.toml`
//! list) and compared with the last look. File events (`notify`, debounced)
//! only say when to look, so an editor that saves by writing a new file and
//! renaming it over the old one (vim) is seen like any other save, and
//! events about other files in the same folders are ignored. Where events
//! cannot be had (or `BRIEFING_WATCH=poll`), the files are looked at every
//! [`POLL_EVERY`]. `BRIEFING_WATCH=off` watches nothing.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::time::{Duration, SystemTime};

use notify_debouncer_mini::notify::RecursiveMode;
use notify_debouncer_mini::{DebounceEventResult, new_debouncer};

/// How long file events are gathered before the files are looked at.
pub const DEBOUNCE: Duration = Duration::from_millis(100);
/// How often the files are looked at when no events can be had.
pub const POLL_EVERY: Duration = Duration::from_millis(500);

/// How changes are noticed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// File events from the system (inotify, FSEvents, ...).
    Events,
    /// Looking at the files every [`POLL_EVERY`].
    Polling,
    /// Not watching.
    Off,
}

impl Method {
    /// As help and `--version` say it.
    pub fn describe(self) -> String {
        match self {
            Method::Events => format!(
                "live reload: file events, debounced {} ms",
                DEBOUNCE.as_millis()
            ),
            Method::Polling => format!("live reload: polling every {} ms", POLL_EVERY.as_millis()),
            Method::Off => "live reload: off (BRIEFING_WATCH=off)".into(),
        }
    }
}

/// What one look at a file found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Stamp {
    len: u64,
    modified: Option<SystemTime>,
    inode: u64,
}

impl Stamp {
    /// The file's stamp, or `None` when it is not there. Only metadata is
    /// read: a FIFO or a huge file costs nothing here.
    fn of(path: &Path) -> Option<Stamp> {
        let m = fs::metadata(path).ok()?;
        #[cfg(unix)]
        let inode = std::os::unix::fs::MetadataExt::ino(&m);
        #[cfg(not(unix))]
        let inode = 0;
        Some(Stamp {
            len: m.len(),
            modified: m.modified().ok(),
            inode,
        })
    }
}

/// The paths given on the command line, as the loader reads them.
#[derive(Debug, Clone)]
struct Targets {
    files: Vec<PathBuf>,
    folders: Vec<PathBuf>,
}

/// Every watched file's stamp. A named file that is missing has `None`; a
/// folder's file that is missing is not in it.
type Snapshot = BTreeMap<PathBuf, Option<Stamp>>;

impl Targets {
    fn look(&self) -> Snapshot {
        let mut snap: Snapshot = self
            .files
            .iter()
            .map(|f| (f.clone(), Stamp::of(f)))
            .collect();
        for dir in &self.folders {
            let Ok(entries) = fs::read_dir(dir) else {
                continue;
            };
            for path in entries.filter_map(Result::ok).map(|e| e.path()) {
                if path.extension().is_some_and(|x| x == "toml") {
                    let stamp = Stamp::of(&path);
                    snap.insert(path, stamp);
                }
            }
        }
        snap
    }

    /// The folders to ask for events about: each folder, and the folder of
    /// each file (a save by rename replaces the file's inode).
    fn folders_to_watch(&self) -> Vec<PathBuf> {
        let mut dirs: Vec<PathBuf> = self.folders.clone();
        for f in &self.files {
            let parent = match f.parent() {
                Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
                _ => PathBuf::from("."),
            };
            dirs.push(parent);
        }
        dirs.sort();
        dirs.dedup();
        dirs
    }
}

/// What changed between two looks.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Changes {
    /// Files new or changed, and named files that went missing: to load
    /// again (a missing one then fails to load, and the reader keeps what
    /// it had).
    pub changed: Vec<PathBuf>,
    /// Files of a watched folder that are no longer there.
    pub removed: Vec<PathBuf>,
}

impl Changes {
    pub fn is_empty(&self) -> bool {
        self.changed.is_empty() && self.removed.is_empty()
    }
}

fn diff(before: &Snapshot, after: &Snapshot) -> Changes {
    let mut changes = Changes::default();
    for (path, stamp) in after {
        if before.get(path) != Some(stamp) {
            changes.changed.push(path.clone());
        }
    }
    for path in before.keys() {
        if !after.contains_key(path) {
            changes.removed.push(path.clone());
        }
    }
    changes
}

/// A running watcher: its thread hands each [`Changes`] found to the
/// callback given to [`Watcher::start`], on that thread.
pub struct Watcher {
    method: Method,
    /// Asks the thread to look now (after the editor exits).
    poke: Option<Sender<()>>,
    /// Keeps the file-event watcher alive.
    _events: Option<Box<dyn std::any::Any>>,
}

impl Watcher {
    /// Starts watching `paths` (files and folders, as given to the loader).
    /// Never fails: without file events it polls. `method` forces one
    /// (`BRIEFING_WATCH=poll` or `off`).
    /// `on_change` runs on the watch thread (so it may load files without
    /// holding up the screen); it returns `false` to stop watching.
    pub fn start(
        paths: &[PathBuf],
        forced: Option<Method>,
        on_change: impl FnMut(Changes) -> bool + Send + 'static,
    ) -> Watcher {
        let targets = Targets {
            files: paths.iter().filter(|p| !p.is_dir()).cloned().collect(),
            folders: paths.iter().filter(|p| p.is_dir()).cloned().collect(),
        };
        if forced == Some(Method::Off) || paths.is_empty() {
            return Watcher {
                method: Method::Off,
                poke: None,
                _events: None,
            };
        }
        let (poke, poked) = mpsc::channel::<()>();
        let mut events = None;
        let mut method = Method::Polling;
        if forced != Some(Method::Polling) {
            let tick = poke.clone();
            let debouncer = new_debouncer(DEBOUNCE, move |res: DebounceEventResult| {
                if res.is_ok_and(|events| !events.is_empty()) {
                    let _ = tick.send(());
                }
            });
            if let Ok(mut debouncer) = debouncer {
                let watched = targets.folders_to_watch().iter().all(|dir| {
                    debouncer
                        .watcher()
                        .watch(dir, RecursiveMode::NonRecursive)
                        .is_ok()
                });
                if watched {
                    method = Method::Events;
                    events = Some(Box::new(debouncer) as Box<dyn std::any::Any>);
                }
            }
        }
        let every = (method == Method::Polling).then_some(POLL_EVERY);
        let first = targets.look();
        let spawned = std::thread::Builder::new()
            .name("watch".into())
            .spawn(move || run(&targets, first, &poked, every, on_change));
        if spawned.is_err() {
            method = Method::Off;
        }
        Watcher {
            method,
            poke: Some(poke),
            _events: events,
        }
    }

    /// The method chosen by `BRIEFING_WATCH` (`poll`, `off`), if any.
    pub fn forced_by_env() -> Option<Method> {
        match std::env::var("BRIEFING_WATCH").ok().as_deref() {
            Some("poll") => Some(Method::Polling),
            Some("off") => Some(Method::Off),
            _ => None,
        }
    }

    pub fn method(&self) -> Method {
        self.method
    }

    /// Asks for a look now, as after an editor exits.
    pub fn look_now(&self) {
        if let Some(p) = &self.poke {
            let _ = p.send(());
        }
    }
}

/// The watch thread: waits for a poke (an event, or a request) or the poll
/// interval, looks, and sends what changed. Ends when the reader is gone.
fn run(
    targets: &Targets,
    mut last: Snapshot,
    poked: &Receiver<()>,
    every: Option<Duration>,
    mut on_change: impl FnMut(Changes) -> bool,
) {
    loop {
        let woke = match every {
            Some(d) => poked.recv_timeout(d),
            None => poked.recv().map_err(|_| RecvTimeoutError::Disconnected),
        };
        if woke == Err(RecvTimeoutError::Disconnected) {
            return;
        }
        while poked.try_recv().is_ok() {}
        let now = targets.look();
        let changes = diff(&last, &now);
        last = now;
        if !changes.is_empty() && !on_change(changes) {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn start(paths: &[PathBuf], method: Method) -> (Watcher, Receiver<Changes>) {
        let (tx, rx) = mpsc::channel();
        let w = Watcher::start(paths, Some(method), move |c| tx.send(c).is_ok());
        (w, rx)
    }

    /// Changes until one names `path` (a file written in two steps can
    /// be seen half written first, then again).
    fn wait(rx: &Receiver<Changes>, path: &Path) -> Changes {
        loop {
            let c = rx
                .recv_timeout(Duration::from_secs(10))
                .expect("a change seen within 10 s");
            if c.changed.iter().chain(&c.removed).any(|p| p == path) {
                return c;
            }
        }
    }

    fn check(method: Method) {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("lib");
        fs::create_dir(&folder).unwrap();
        let named = dir.path().join("one.toml");
        fs::write(&named, "a").unwrap();
        fs::write(folder.join("a.toml"), "a").unwrap();
        fs::write(dir.path().join("other.txt"), "x").unwrap();
        let (w, rx) = start(&[named.clone(), folder.clone()], method);
        assert_eq!(w.method(), method);

        // A save by rename, as vim does.
        let tmp = dir.path().join("one.toml.swp");
        fs::write(&tmp, "bb").unwrap();
        fs::rename(&tmp, &named).unwrap();
        assert_eq!(wait(&rx, &named).changed, vec![named.clone()]);

        fs::write(folder.join("notes.txt"), "ignored").unwrap();
        fs::write(folder.join("b.toml"), "b").unwrap();
        assert_eq!(
            wait(&rx, &folder.join("b.toml")).changed,
            [folder.join("b.toml")]
        );

        fs::remove_file(folder.join("a.toml")).unwrap();
        let c = wait(&rx, &folder.join("a.toml"));
        assert_eq!(c.removed, [folder.join("a.toml")]);
        assert!(!c.changed.contains(&folder.join("a.toml")));

        fs::remove_file(&named).unwrap();
        assert_eq!(wait(&rx, &named).changed, [named]);
    }

    #[test]
    fn events_see_saves_new_and_deleted_files() {
        check(Method::Events);
    }

    #[test]
    fn polling_sees_saves_new_and_deleted_files() {
        check(Method::Polling);
    }

    #[test]
    fn off_watches_nothing() {
        let (w, rx) = start(&[PathBuf::from(".")], Method::Off);
        assert_eq!(w.method(), Method::Off);
        w.look_now();
        assert!(rx.recv_timeout(Duration::from_millis(200)).is_err());
    }
}
