//! The saved state between the files and the app: read into the app at
//! start (the briefing shown last time several were opened together, then
//! each briefing's place and seen ids), written back when the reader ends.

use std::collections::HashMap;
use std::path::PathBuf;

use briefing::app::App;
use briefing::state::{self, Session, Store, VERSION};

/// What saving needs: the store and each briefing's canonical path.
pub struct Saver {
    store: Store,
    /// Briefing path as loaded → the path its state is kept under.
    keys: HashMap<PathBuf, String>,
    /// The story view's key, when several briefings are open: also what
    /// the session (which one is shown) is kept under.
    story: Option<String>,
}

/// The path a briefing is known by in the state folder: its canonical
/// path, or for the briefing compiled into the binary (no such file) its
/// name marked as such.
fn key(path: &std::path::Path) -> String {
    if path.exists() {
        state::key_of(path)
    } else {
        format!("bundled:{}", path.display())
    }
}

/// The key of the story view of the briefings in `folder`.
fn story_key(folder: &std::path::Path) -> String {
    format!("story:{}", key(folder))
}

/// Reads the saved state into `app`, unless `fresh`; returns what saving
/// needs (`None` where the environment names no state folder) and a note
/// on the first state file ignored, for the status line.
pub fn restore(app: &mut App, fresh: bool) -> (Option<Saver>, Option<String>) {
    let Some(store) = Store::from_env() else {
        return (None, None);
    };
    let mut keys: HashMap<PathBuf, String> = (app.briefings().iter())
        .map(|b| (b.path.clone(), key(&b.path)))
        .collect();
    // The story view of several briefings is remembered as one more, known
    // by the folder that holds them: a briefing added there later joins the
    // same story, its items new.
    let story = (app.briefings().len() > 1).then(|| {
        let path = briefing::model::library::story_path(app.briefings());
        let story = story_key(&path);
        keys.insert(path, story.clone());
        story
    });
    let saver = Saver {
        store,
        keys,
        story: story.clone(),
    };
    if fresh {
        return (Some(saver), None);
    }
    let mut notes = Vec::new();
    if let Some(story) = &story {
        // Which briefing was shown, or the story view, when these were
        // last open together.
        match saver.store.load_session(std::slice::from_ref(story)) {
            Ok(Some(session)) if session.current == *story => app.start_in_story(),
            Ok(Some(session)) => {
                let shown = (saver.keys.iter()).find(|(_, k)| **k == session.current);
                if let Some((path, _)) = shown {
                    app.start_on_briefing(&path.clone());
                }
            }
            Ok(None) => {}
            Err(note) => notes.push(note),
        }
    }
    let items = |b: &briefing::model::Briefing| {
        b.events.len() + b.speakers.len() + b.quotes.len() + b.disagreements.len()
    };
    let mut briefings: Vec<(PathBuf, String, usize)> = (app.briefings().iter())
        .map(|b| (b.path.clone(), b.meta.id.clone(), items(b)))
        .collect();
    if app.briefings().len() > 1 {
        let story = briefing::model::library::story_path(app.briefings());
        let all = app.briefings().iter().map(items).sum();
        briefings.push((story, briefing::model::library::STORY_ID.to_string(), all));
    }
    for (path, id, items) in briefings {
        match saver.store.load_for(&id, &saver.keys[&path], items) {
            Ok(Some(state)) => app.remember(&path, state),
            Ok(None) => {}
            Err(note) => notes.push(note),
        }
    }
    let note = match notes.len() {
        0 => None,
        1 => notes.pop(),
        n => Some(format!("{} (and {} more)", notes[0], n - 1)),
    };
    (Some(saver), note)
}

/// Writes the state of every briefing shown, and which one is shown when
/// several are open. Never over a briefing file.
pub fn save(app: &App, saver: &Saver) -> Result<(), String> {
    let briefing_files: Vec<&String> = saver.keys.values().collect();
    let safe = |file: &std::path::Path| !briefing_files.contains(&&state::key_of(file));
    let mut failed = None;
    for (path, mut st) in app.snapshots() {
        let Some(key) = saver.keys.get(&path) else {
            continue;
        };
        st.path = key.clone();
        let file = saver.store.briefing_file(&st.briefing, key);
        if !safe(&file) {
            continue;
        }
        if let Err(e) = saver.store.save(&st) {
            failed.get_or_insert(format!("{}: {e}", file.display()));
        }
    }
    // A briefing that appeared while the reader was open has no key.
    let current = saver.keys.get(&app.briefing().path);
    if let (Some(story), Some(current)) = (&saver.story, current) {
        let paths = vec![story.clone()];
        let current = current.clone();
        let file = saver.store.session_file(&paths);
        let session = Session {
            version: VERSION,
            paths,
            current,
        };
        if safe(&file)
            && let Err(e) = saver.store.save_session(&session)
        {
            failed.get_or_insert(format!("{}: {e}", file.display()));
        }
    }
    match failed {
        None => Ok(()),
        Some(e) => Err(e),
    }
}
