//! Saved state through the binary: `render` reads it (unless `--fresh`)
//! and never writes it; a damaged file is noted, not fatal; the session
//! of several briefings names the one shown; new marks show.

mod support;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use briefing::state::{Kind, Seen, Selection, Session, State, Store, VERSION, key_of};

/// A folder with a copy of the bundled briefing and of the Eastmere one,
/// and an empty state home beside it.
struct Setup {
    _dir: tempfile::TempDir,
    briefings: PathBuf,
    state_home: PathBuf,
}

impl Setup {
    fn new() -> Setup {
        let dir = tempfile::tempdir().unwrap();
        let briefings = dir.path().join("briefings");
        std::fs::create_dir(&briefings).unwrap();
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        for from in [
            "briefings/alaska-summit-2025.toml",
            "tests/fixtures/valid/eastmere-budget-2026.toml",
        ] {
            let from = root.join(from);
            std::fs::copy(&from, briefings.join(from.file_name().unwrap())).unwrap();
        }
        let state_home = dir.path().join("state");
        Setup {
            _dir: dir,
            briefings,
            state_home,
        }
    }

    fn alaska(&self) -> PathBuf {
        self.briefings.join("alaska-summit-2025.toml")
    }

    fn store(&self) -> Store {
        Store::at(self.state_home.join("briefing"))
    }

    fn render(&self, paths: &[&Path], extra: &[&str]) -> Output {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_briefing"));
        cmd.args(["render", "--size", "120x40"])
            .args(extra)
            .args(paths)
            .env("NO_COLOR", "1")
            .env("XDG_CONFIG_HOME", "/nonexistent/briefing-test-config")
            .env("XDG_STATE_HOME", &self.state_home)
            .env("HOME", "/nonexistent/briefing-test-home");
        let out = cmd.output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        out
    }

    /// A state of the Alaska copy: Quotes focused on `quote`, every item
    /// seen but `unseen` quotes.
    fn alaska_state(&self, quote: &str, unseen: &[&str]) -> State {
        let b = briefing::model::Briefing::bundled();
        let mut seen = Seen::new();
        for e in &b.events {
            seen.insert(Kind::Event, &e.id);
        }
        for s in &b.speakers {
            seen.insert(Kind::Speaker, &s.id);
        }
        for q in b.quotes.iter().filter(|q| !unseen.contains(&q.id.as_str())) {
            seen.insert(Kind::Quote, &q.id);
        }
        for d in &b.disagreements {
            seen.insert(Kind::Disagreement, &d.id);
        }
        State {
            version: VERSION,
            briefing: b.meta.id.clone(),
            path: key_of(&self.alaska()),
            pane: Some("quotes".into()),
            selection: Selection {
                quotes: Some(quote.into()),
                ..Selection::default()
            },
            seen: Some(seen),
            ..State::default()
        }
    }
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Every file under `dir`, with its contents.
fn files(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    if let Ok(entries) = std::fs::read_dir(dir) {
        for e in entries {
            let path = e.unwrap().path();
            if path.is_dir() {
                out.extend(files(&path));
            } else {
                out.push((path.clone(), std::fs::read(&path).unwrap()));
            }
        }
    }
    out.sort();
    out
}

#[test]
fn render_reads_the_saved_state_and_never_writes_one() {
    let s = Setup::new();
    let alaska = s.alaska();
    let out = text(&s.render(&[&alaska], &["--keys", "3jj"]).stdout);
    assert!(out.contains("┏ 3 Quotes"), "{out}");
    assert!(!s.state_home.exists(), "render wrote state");

    s.store()
        .save(&s.alaska_state("witkoff-first-time-putin-agreed", &[]))
        .unwrap();
    let before = files(&s.state_home);
    let out = text(&s.render(&[&alaska], &[]).stdout);
    assert!(out.contains("┏ 3 Quotes"), "{out}");
    assert!(out.contains(" 3/23 "), "{out}");
    let fresh = text(&s.render(&[&alaska], &["--fresh"]).stdout);
    assert!(fresh.contains("┏ 1 Timeline"), "{fresh}");
    assert!(fresh.contains(" 1/23 "), "{fresh}");
    let _ = s.render(&[&alaska], &["--keys", "jjjq"]);
    assert_eq!(files(&s.state_home), before, "render changed the state");
}

#[test]
fn a_damaged_state_file_is_noted_and_not_fatal() {
    let s = Setup::new();
    let alaska = s.alaska();
    let state = s.alaska_state("witkoff-first-time-putin-agreed", &[]);
    let file = s.store().briefing_file(&state.briefing, &state.path);
    std::fs::create_dir_all(file.parent().unwrap()).unwrap();
    for (bytes, why) in [
        (&b"\x1b[2J\x07 = ="[..], "not valid TOML"),
        (&b"[x]\nversion = 1\n"[..], "not a briefing state file"),
        (&b"\xff\xfe\x00"[..], "UTF-16"),
    ] {
        std::fs::write(&file, bytes).unwrap();
        let out = s.render(&[&alaska], &[]);
        let screen = text(&out.stdout);
        assert!(screen.contains("saved state ignored"), "{screen}");
        assert!(
            screen.contains(why) || screen.contains("…"),
            "{why}: {screen}"
        );
        assert!(screen.contains("┏ 1 Timeline"), "{screen}");
        assert!(
            !out.stdout.iter().any(|&b| b == 0x1b || b == 0x07),
            "raw control bytes on the screen"
        );
    }
}

#[test]
fn the_session_names_the_briefing_shown_of_several() {
    let s = Setup::new();
    let eastmere = s.briefings.join("eastmere-budget-2026.toml");
    let newest = text(&s.render(&[&s.briefings], &[]).stdout);
    // Several briefings' session is known by the folder that holds them
    // (their story), so that a briefing added there later joins it.
    let _ = &eastmere;
    let paths = vec![format!("story:{}", key_of(&s.briefings))];
    s.store()
        .save_session(&Session {
            version: VERSION,
            paths,
            current: key_of(&s.alaska()),
        })
        .unwrap();
    let out = text(&s.render(&[&s.briefings], &[]).stdout);
    assert_ne!(out, newest);
    assert!(
        out.lines()
            .next()
            .unwrap()
            .contains("After the Alaska summit"),
        "{out}"
    );
    // The same files opened one by one have no session.
    let alone = text(&s.render(&[&eastmere], &[]).stdout);
    assert!(!alone.contains("After the Alaska summit"), "{alone}");
}

#[test]
fn items_new_since_the_last_run_are_marked() {
    let s = Setup::new();
    let state = s.alaska_state(
        "putin-agrees-article-5-style-guarantee",
        &["rubio-additional-consequences", "witkoff-moderation"],
    );
    s.store().save(&state).unwrap();
    let out = text(&s.render(&[&s.alaska()], &[]).stdout);
    assert!(out.lines().next().unwrap().ends_with("│ 2 new"), "{out}");
    let out = text(&s.render(&[&s.alaska()], &["--keys", "u"]).stdout);
    assert!(out.lines().next().unwrap().ends_with("│ 1 new"), "{out}");
    assert!(out.contains("1 more new: u goes on"), "{out}");
}
