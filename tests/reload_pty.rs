//! Live reload in a real terminal: the reader on a copy of a briefing in a
//! temporary folder, the file changed on disk (saved by rename, as vim
//! does), broken, fixed, and edited through `$EDITOR` (a fake editor script
//! that records its arguments and edits the copy). All along, the files the
//! reader opened must change only when the test or the editor changes them:
//! the reader never writes to a briefing.

#![cfg(unix)]

mod support;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::mpsc::Receiver;
use std::time::{Duration, Instant, SystemTime};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

const ROWS: u16 = 30;
const COLS: u16 = 100;
/// How long the screen may take to show a change (debug builds on a busy
/// machine are slow; a reload itself takes well under a second).
const SCREEN_TIMEOUT: Duration = Duration::from_secs(20);
const CURSOR_QUERY: &[u8] = b"\x1b[6n";

struct Session {
    _master: Box<dyn MasterPty + Send>,
    child: Box<dyn Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    output: Receiver<Vec<u8>>,
    raw: Vec<u8>,
    parser: vt100::Parser,
}

impl Session {
    fn start(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Session {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows: ROWS,
                cols: COLS,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("a pseudo-terminal");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_briefing"));
        cmd.args(args);
        cmd.cwd(dir);
        cmd.env("TERM", "xterm-256color");
        cmd.env("NO_COLOR", "1");
        cmd.env("XDG_CONFIG_HOME", dir.join("config"));
        cmd.env_remove("VISUAL");
        cmd.env_remove("BRIEFING_WATCH");
        for (k, v) in env {
            cmd.env(k, v);
        }
        let config = dir.join("config").join("briefing");
        std::fs::create_dir_all(&config).unwrap();
        std::fs::write(config.join("config.toml"), "start = \"panes\"\n").unwrap();
        let child = pty.slave.spawn_command(cmd).expect("the reader starts");
        drop(pty.slave);
        let output = support::pty_output(pty.master.try_clone_reader().unwrap());
        let writer = pty.master.take_writer().unwrap();
        Session {
            _master: pty.master,
            child,
            writer,
            output,
            raw: Vec::new(),
            parser: vt100::Parser::new(
                std::num::NonZeroU16::new(ROWS).unwrap(),
                std::num::NonZeroU16::new(COLS).unwrap(),
                0,
            ),
        }
    }

    /// Takes in output for up to `wait`, answering cursor-position queries.
    fn pump(&mut self, wait: Duration) {
        if let Ok(bytes) = self.output.recv_timeout(wait) {
            self.take(&bytes);
            while let Ok(bytes) = self.output.try_recv() {
                self.take(&bytes);
            }
        }
    }

    fn take(&mut self, bytes: &[u8]) {
        let queries = bytes
            .windows(CURSOR_QUERY.len())
            .filter(|w| *w == CURSOR_QUERY)
            .count();
        self.raw.extend_from_slice(bytes);
        self.parser.process(bytes);
        for _ in 0..queries {
            let (row, col) = self.parser.screen().cursor_position();
            let _ = write!(self.writer, "\x1b[{};{}R", row + 1, col + 1);
            let _ = self.writer.flush();
        }
    }

    fn screen(&self) -> String {
        self.parser.screen().contents()
    }

    /// Waits until the screen satisfies `ok`, or fails saying `what`.
    fn wait_for(&mut self, what: &str, ok: impl Fn(&str) -> bool) {
        let start = Instant::now();
        while start.elapsed() < SCREEN_TIMEOUT {
            if ok(&self.screen()) {
                return;
            }
            self.pump(Duration::from_millis(20));
        }
        panic!("the screen never showed {what}:\n{}", self.screen());
    }

    fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
        // Let each key be read and drawn before the next test step.
        self.pump(Duration::from_millis(100));
    }

    fn quit(mut self) {
        self.send("q");
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(10) {
            if let Ok(Some(status)) = self.child.try_wait() {
                assert!(status.success(), "the reader exited with {status:?}");
                return;
            }
            self.pump(Duration::from_millis(20));
        }
        let _ = self.child.kill();
        panic!("the reader did not quit");
    }
}

/// The files the reader opened, with the contents and modification times
/// the test (or the editor) last left them with.
struct Files(Vec<(PathBuf, Vec<u8>, SystemTime)>);

impl Files {
    fn record(paths: &[&Path]) -> Files {
        Files(paths.iter().map(|p| Files::now(p)).collect())
    }

    fn now(p: &Path) -> (PathBuf, Vec<u8>, SystemTime) {
        let meta = std::fs::metadata(p).unwrap();
        (
            p.to_path_buf(),
            std::fs::read(p).unwrap(),
            meta.modified().unwrap(),
        )
    }

    /// Fails if any file changed since it was recorded.
    fn assert_unchanged(&self, when: &str) {
        for (path, contents, modified) in &self.0 {
            let (_, c, m) = Files::now(path);
            assert!(
                &c == contents && &m == modified,
                "{} changed {when}, and neither the test nor the editor changed it",
                path.display()
            );
        }
    }

    /// Records `path` as changed by the test or the editor.
    fn changed(&mut self, path: &Path) {
        for entry in &mut self.0 {
            if entry.0 == path {
                *entry = Files::now(path);
            }
        }
    }
}

/// Saves `text` to `path` as vim does: a new file renamed over the old one.
fn save(path: &Path, text: &str) {
    let tmp = path.with_extension("toml.swp");
    std::fs::write(&tmp, text).unwrap();
    std::fs::rename(&tmp, path).unwrap();
}

const BRIEFING: &str = include_str!("../briefings/alaska-summit-2025.toml");

/// The 1-based line of the first `needle` in `text`.
fn line_of(text: &str, needle: &str) -> usize {
    text[..text.find(needle).expect("needle in the text")]
        .lines()
        .count()
        + 1
}

#[test]
fn saves_reload_breaks_keep_the_last_good_version_and_the_editor_round_trips() {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("lib");
    std::fs::create_dir(&lib).unwrap();
    let file = lib.join("alaska.toml");
    let neighbour = lib.join("notes.txt");
    std::fs::write(&file, BRIEFING).unwrap();
    std::fs::write(&neighbour, "not a briefing").unwrap();
    // The fake editor: records its arguments, applies the sed script the
    // test left for it to the file it was given (the copy, never the repo's).
    let bin = dir.path().join("bin");
    std::fs::create_dir(&bin).unwrap();
    let editor = bin.join("vi");
    let args_file = dir.path().join("editor-args");
    let script = dir.path().join("edit.sed");
    std::fs::write(
        &editor,
        format!(
            "#!/bin/sh\nprintf '%s\\n' \"$@\" >> '{}'\nsed -i -f '{}' \"$2\"\n",
            args_file.display(),
            script.display()
        ),
    )
    .unwrap();
    std::fs::set_permissions(&editor, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();

    let mut files = Files::record(&[&file, &neighbour]);
    let editor_env = editor.display().to_string();
    let mut s = Session::start(
        dir.path(),
        &[file.to_str().unwrap()],
        &[("EDITOR", &editor_env)],
    );
    s.wait_for("the panes", |t| t.contains("Timeline"));
    s.send("3jj");
    s.wait_for("the third quote selected", |t| t.contains("3/23"));
    files.assert_unchanged("at start");

    // A quote's text changed on disk: shown, the selection kept.
    let v2 = BRIEFING.replace("Witkoff had never before heard", "Witkoff had NEVER heard");
    save(&file, &v2);
    files.changed(&file);
    s.wait_for("the new text", |t| t.contains("Witkoff had NEVER heard"));
    assert!(
        s.screen().contains("3/23"),
        "selection kept:\n{}",
        s.screen()
    );
    files.assert_unchanged("after a reload");

    // Broken: the badge, and the last good version still shown.
    let broken = v2.replacen(
        "id = \"witkoff-first-time-putin-agreed\"",
        "id = \"witkoff-first-time-putin-agreed",
        1,
    );
    save(&file, &broken);
    files.changed(&file);
    s.wait_for("the problems badge", |t| t.contains("⚠ 1 problem"));
    assert!(
        s.screen().contains("Witkoff had NEVER heard"),
        "{}",
        s.screen()
    );
    assert!(s.screen().contains("3/23"), "{}", s.screen());

    // The problems view; Enter opens the editor at the problem, which fixes it.
    s.send("!");
    s.wait_for("the problems view", |t| t.contains("Problems: 1 problem"));
    std::fs::write(
        &script,
        "s/id = \"witkoff-first-time-putin-agreed$/id = \"witkoff-first-time-putin-agreed\"/\n",
    )
    .unwrap();
    s.send("\r");
    s.wait_for(
        "the file fixed by the editor, the problems view closed",
        |t| !t.contains('⚠') && !t.contains("Problems:") && t.contains("Witkoff had NEVER heard"),
    );
    files.changed(&file);
    let problem_line = line_of(&broken, "id = \"witkoff-first-time-putin-agreed");
    let args = std::fs::read_to_string(&args_file).unwrap();
    assert_eq!(
        args.lines().collect::<Vec<_>>(),
        [format!("+{problem_line}"), file.display().to_string()],
        "the editor got +LINE path"
    );
    assert_eq!(std::fs::read_to_string(&file).unwrap(), v2);
    files.assert_unchanged("after the editor fixed the file");

    // `e` on the selected quote: the editor at its text's line.
    std::fs::remove_file(&args_file).unwrap();
    std::fs::write(
        &script,
        "s/Witkoff had NEVER heard/Witkoff had never, ever heard/\n",
    )
    .unwrap();
    s.send("e");
    s.wait_for("the quote edited in the editor", |t| {
        t.contains("Witkoff had never, ever heard")
    });
    files.changed(&file);
    let args = std::fs::read_to_string(&args_file).unwrap();
    let text_line = line_of(&v2, "text = \"Witkoff had NEVER heard");
    assert_eq!(
        args.lines().collect::<Vec<_>>(),
        [format!("+{text_line}"), file.display().to_string()]
    );
    assert!(
        s.screen().contains("3/23"),
        "selection kept:\n{}",
        s.screen()
    );
    files.assert_unchanged("after the editor round-trip");

    s.quit();
    files.assert_unchanged("after the session");
}

#[test]
fn polling_sees_a_save_and_a_new_file_in_the_folder() {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("lib");
    std::fs::create_dir(&lib).unwrap();
    let file = lib.join("alaska.toml");
    std::fs::write(&file, BRIEFING).unwrap();
    let files = Files::record(&[&file]);
    let mut s = Session::start(dir.path(), &["lib"], &[("BRIEFING_WATCH", "poll")]);
    s.wait_for("the panes", |t| t.contains("Timeline"));
    s.send("3jj");
    s.wait_for("the third quote selected", |t| t.contains("3/23"));
    let later = BRIEFING
        .replace("as_of = 2025-08-17", "as_of = 2025-08-24")
        .replace(
            "title = \"After the Alaska summit",
            "title = \"A week after the Alaska summit",
        );
    save(&lib.join("later.toml"), &later);
    s.send("b");
    s.wait_for("the new briefing in the list", |t| {
        t.contains("A week after the Alaska summit")
    });
    s.send("b");
    s.wait_for("the list closed", |t| t.contains("Timeline"));
    files.assert_unchanged("after a new file appeared");
    s.quit();
    files.assert_unchanged("after the session");
}
