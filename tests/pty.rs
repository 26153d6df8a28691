//! Runs the interactive reader in a real pseudo-terminal and checks that the
//! terminal is left as it was found (main screen, cursor shown, mouse capture
//! off, raw mode off) however the reader ends: `q`, an error after start-up,
//! a panic inside draw, SIGINT, SIGTERM, SIGHUP and SIGQUIT from outside, and
//! while it is suspended with Ctrl-Z (and that it comes back after SIGCONT).
//!
//! Every restore check goes through [`Session::assert_restored`], which
//! reports each part (`left_alt_screen`, `cursor_shown`, `mouse_off`,
//! `termios_same`, ...) separately, so a failure says which part is missing.

#![cfg(unix)]

mod support;

use std::fmt;
use std::io::{Read as _, Write};
use std::num::NonZeroU16;
use std::process::Command;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, ExitStatus, MasterPty, PtySize, native_pty_system};

const ROWS: u16 = 40;
const COLS: u16 = 120;

/// How long the reader may take to show something expected. Debug builds
/// under a loaded machine can be slow, so this is generous.
const SCREEN_TIMEOUT: Duration = Duration::from_secs(20);
/// How long the reader may take to exit once told to.
const EXIT_TIMEOUT: Duration = Duration::from_secs(10);
/// How long to wait for the last output once the process has exited.
const DRAIN_TIMEOUT: Duration = Duration::from_secs(5);
/// How long the reader may take to stop after Ctrl-Z, and to restore the
/// terminal once stopped.
const STOP_TIMEOUT: Duration = Duration::from_secs(10);
const POLL: Duration = Duration::from_millis(20);

const ENTER_ALT: &[u8] = b"\x1b[?1049h";
const LEAVE_ALT: &[u8] = b"\x1b[?1049l";
const SHOW_CURSOR: &[u8] = b"\x1b[?25h";
const HIDE_CURSOR: &[u8] = b"\x1b[?25l";
/// Device status report: the terminal answers with the cursor position.
const CURSOR_QUERY: &[u8] = b"\x1b[6n";
/// The private modes crossterm's EnableMouseCapture turns on (and
/// DisableMouseCapture turns off). 1000 is the one every terminal knows.
const MOUSE_MODES: [u16; 5] = [1000, 1002, 1003, 1015, 1006];

/// What the pty reader thread sends: a chunk of output, or the end of it.
enum Output {
    Bytes(Vec<u8>),
    End,
}

/// The reader running in a pseudo-terminal, with everything it has written
/// so far, both raw and as parsed by a terminal emulator.
struct Session {
    master: Box<dyn MasterPty + Send>,
    child: Box<dyn Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    output: Receiver<Output>,
    ended: bool,
    raw: Vec<u8>,
    /// How much of `raw` the emulator has processed.
    parsed: usize,
    /// How many cursor-position queries were answered.
    answered: usize,
    parser: vt100::Parser,
    /// The pty's line-discipline modes before the reader started.
    modes_before: String,
    /// Holds the empty config directory, and is the working directory (so
    /// a core dump after SIGQUIT cannot land in the source tree).
    _home: tempfile::TempDir,
}

impl Session {
    /// Starts the reader on the bundled briefing, with `env` added to its
    /// environment.
    fn start(env: &[(&str, &str)]) -> Session {
        Session::start_with_config(env, "start = \"panes\"\n")
    }

    /// Starts the reader with `config` as its config file.
    fn start_with_config(env: &[(&str, &str)], config: &str) -> Session {
        Session::start_with_args(env, config, &[])
    }

    /// Starts the reader with `config` and the command-line arguments `args`.
    fn start_with_args(env: &[(&str, &str)], config: &str, args: &[&str]) -> Session {
        let pty = open_pty();
        let modes_before = tty_modes(pty.master.as_ref());
        // A config directory of its own, so that no user config changes the keys.
        let home = tempfile::tempdir().expect("cannot create a temporary directory");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_briefing"));
        cmd.args(args);
        cmd.cwd(home.path());
        cmd.env("TERM", "xterm-256color");
        cmd.env("NO_COLOR", "1");
        cmd.env("XDG_CONFIG_HOME", home.path());
        // Saved state of its own too (a test can name another in `env`).
        cmd.env("XDG_STATE_HOME", home.path().join("state"));
        let config_dir = home.path().join("briefing");
        std::fs::create_dir_all(&config_dir).expect("cannot create the config directory");
        std::fs::write(config_dir.join("config.toml"), config).expect("cannot write the config");
        cmd.env_remove("BRIEFING_FAULT");
        for (key, value) in env {
            cmd.env(key, value);
        }
        let child = pty
            .slave
            .spawn_command(cmd)
            .expect("cannot start the briefing binary in the pseudo-terminal");
        // Only the child keeps the slave open, so reading the master ends
        // once the child has exited.
        drop(pty.slave);

        let mut reader = pty
            .master
            .try_clone_reader()
            .expect("cannot read from the pseudo-terminal");
        let writer = pty
            .master
            .take_writer()
            .expect("cannot write to the pseudo-terminal");
        let (tx, output) = mpsc::channel();
        thread::spawn(move || {
            let mut buf = [0u8; 8192];
            loop {
                match reader.read(&mut buf) {
                    Ok(0) => break,
                    Ok(n) => {
                        if tx.send(Output::Bytes(buf[..n].to_vec())).is_err() {
                            return;
                        }
                    }
                    Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                    // Linux reports EIO once the last slave descriptor is closed.
                    Err(_) => break,
                }
            }
            let _ = tx.send(Output::End);
        });

        Session {
            master: pty.master,
            child,
            writer,
            output,
            ended: false,
            raw: Vec::new(),
            parsed: 0,
            answered: 0,
            parser: vt100::Parser::new(nonzero(ROWS), nonzero(COLS), 0),
            modes_before,
            _home: home,
        }
    }

    /// The reader's process id, as text for `kill`.
    fn pid(&mut self) -> String {
        match self.child.process_id() {
            Some(pid) => pid.to_string(),
            None => {
                let report = self.report();
                panic!("the reader has no process id\n{report}");
            }
        }
    }

    /// Takes in whatever output arrives within `wait`; returns at the
    /// first chunk so callers can check the screen again.
    fn pump(&mut self, wait: Duration) {
        if self.ended {
            thread::sleep(wait);
            return;
        }
        match self.output.recv_timeout(wait) {
            Ok(Output::Bytes(bytes)) => self.take(&bytes),
            Ok(Output::End) | Err(RecvTimeoutError::Disconnected) => {
                self.ended = true;
                return;
            }
            Err(RecvTimeoutError::Timeout) => return,
        }
        // Whatever else is already there, without waiting.
        while let Ok(message) = self.output.try_recv() {
            match message {
                Output::Bytes(bytes) => self.take(&bytes),
                Output::End => {
                    self.ended = true;
                    break;
                }
            }
        }
    }

    /// Takes in output, and answers cursor-position queries (`\x1b[6n`)
    /// as a real terminal does: ratatui's `Terminal::clear` asks for the
    /// cursor position and the reader fails if no answer comes.
    fn take(&mut self, bytes: &[u8]) {
        // A query may be split across chunks: look again at the last bytes.
        let mut scan_from = self.raw.len().saturating_sub(CURSOR_QUERY.len() - 1);
        self.raw.extend_from_slice(bytes);
        while let Some(i) = find(&self.raw[scan_from..], CURSOR_QUERY) {
            let end = scan_from + i + CURSOR_QUERY.len();
            self.parser.process(&self.raw[self.parsed..end]);
            self.parsed = end;
            scan_from = end;
            let (row, col) = self.parser.screen().cursor_position();
            let answer = format!("\x1b[{};{}R", row + 1, col + 1);
            // The reader may be gone; then nobody needs the answer.
            let _ = self
                .writer
                .write_all(answer.as_bytes())
                .and_then(|()| self.writer.flush());
            self.answered += 1;
        }
        self.parser.process(&self.raw[self.parsed..]);
        self.parsed = self.raw.len();
    }

    fn screen(&self) -> String {
        self.parser.screen().contents()
    }

    /// A description of the current state for failure messages.
    fn report(&mut self) -> String {
        let status = match self.child.try_wait() {
            Ok(Some(status)) => format!("exited: {status} (signal: {:?})", status.signal()),
            Ok(None) => "still running".to_string(),
            Err(e) => format!("unknown ({e})"),
        };
        let state = self
            .child
            .process_id()
            .and_then(proc_state)
            .map_or_else(|| "-".to_string(), |s| s.to_string());
        let tail_start = self.raw.len().saturating_sub(600);
        format!(
            "process: {status}; /proc state: {state}\n\
             bytes received: {}; cursor-position queries answered: {}\nlast bytes: {:?}\n\
             termios before: {}\ntermios now:    {}\n\
             ---- screen ({COLS}x{ROWS}) ----\n{}\n---- end of screen ----",
            self.raw.len(),
            self.answered,
            String::from_utf8_lossy(&self.raw[tail_start..]),
            self.modes_before,
            tty_modes(self.master.as_ref()),
            self.screen(),
        )
    }

    /// Waits until `ready` holds for the session, failing with `what` and
    /// the state after `timeout`.
    fn wait_until(&mut self, what: &str, timeout: Duration, ready: impl Fn(&Session) -> bool) {
        let deadline = Instant::now() + timeout;
        loop {
            if ready(self) {
                return;
            }
            let now = Instant::now();
            if now >= deadline {
                let report = self.report();
                panic!("timed out after {timeout:?} waiting for {what}\n{report}");
            }
            if self.ended {
                let report = self.report();
                panic!("output ended while waiting for {what}\n{report}");
            }
            self.pump(POLL.min(deadline - now));
        }
    }

    /// Waits until `ready` holds for the screen contents.
    fn wait_for(&mut self, what: &str, timeout: Duration, ready: impl Fn(&str) -> bool) {
        self.wait_until(what, timeout, |s| ready(&s.screen()));
    }

    /// Waits until the reader is drawn on the alternate screen, with the
    /// mouse captured (so the mouse check after the restore means something).
    fn wait_for_reader(&mut self) {
        self.wait_for(
            "the reader (Timeline, Quotes and Disagreements)",
            SCREEN_TIMEOUT,
            shows_reader,
        );
        assert!(
            self.parser.screen().alternate_screen(),
            "the reader is not drawn on the alternate screen\n{}",
            self.report()
        );
        assert!(
            find(&self.raw, b"\x1b[?1000h").is_some(),
            "the reader did not turn on mouse capture (\\x1b[?1000h)\n{}",
            self.report()
        );
    }

    fn press(&mut self, keys: &str) {
        let written = self
            .writer
            .write_all(keys.as_bytes())
            .and_then(|()| self.writer.flush());
        if let Err(e) = written {
            let report = self.report();
            panic!("cannot send {keys:?} to the reader: {e}\n{report}");
        }
    }

    /// Sends `signal` (a name such as `INT` or `CONT`) with `kill`.
    fn kill(&mut self, signal: &str) {
        let pid = self.pid();
        let status = Command::new("kill")
            .args([format!("-{signal}"), pid.clone()])
            .status();
        match status {
            Ok(status) if status.success() => {}
            Ok(status) => {
                let report = self.report();
                panic!("`kill -{signal} {pid}` failed: {status}\n{report}");
            }
            Err(e) => panic!("cannot run `kill -{signal} {pid}`: {e}"),
        }
    }

    /// Waits for the process to exit and then for the end of its output;
    /// `after` says what should have ended it, for the failure message.
    fn wait_exit(&mut self, after: &str, timeout: Duration) -> ExitStatus {
        let deadline = Instant::now() + timeout;
        let status = loop {
            match self.child.try_wait() {
                Ok(Some(status)) => break status,
                Ok(None) => {}
                Err(e) => {
                    let report = self.report();
                    panic!("cannot wait for the reader: {e}\n{report}");
                }
            }
            let now = Instant::now();
            if now >= deadline {
                let report = self.report();
                panic!("the reader did not exit within {timeout:?} after {after}\n{report}");
            }
            self.pump(POLL.min(deadline - now));
        };
        let drain_deadline = Instant::now() + DRAIN_TIMEOUT;
        while !self.ended {
            let now = Instant::now();
            if now >= drain_deadline {
                let report = self.report();
                panic!("the output did not end within {DRAIN_TIMEOUT:?} of exit\n{report}");
            }
            self.pump(POLL.min(drain_deadline - now));
        }
        status
    }

    /// Checks every part of the restore against the output so far, the
    /// emulated screen and the pty's current modes.
    fn restore_checks(&self) -> Restore {
        let raw = &self.raw;
        let entered = rfind(raw, ENTER_ALT);
        let after = &raw[entered.unwrap_or(0)..];
        let left = entered.and_then(|_| rfind(after, LEAVE_ALT));
        let shown = entered.and_then(|_| rfind(after, SHOW_CURSOR));
        let hidden = rfind(after, HIDE_CURSOR);
        let cursor_shown = shown.is_some_and(|shown| hidden.is_none_or(|hidden| hidden < shown));

        // Each mouse mode that was turned on must be turned off after it
        // was last turned on.
        let mut mouse_off = true;
        let mut mouse_was_on = false;
        let mut restore_end = left.map_or(0, |i| i + LEAVE_ALT.len());
        restore_end = restore_end.max(shown.map_or(0, |i| i + SHOW_CURSOR.len()));
        for mode in MOUSE_MODES {
            let on = format!("\x1b[?{mode}h");
            let off = format!("\x1b[?{mode}l");
            let Some(last_on) = rfind(raw, on.as_bytes()) else {
                continue;
            };
            mouse_was_on = true;
            match rfind(&raw[last_on..], off.as_bytes()) {
                Some(i) => {
                    let end = last_on + i + off.len();
                    if let Some(entered) = entered {
                        restore_end = restore_end.max(end.saturating_sub(entered));
                    }
                }
                None => mouse_off = false,
            }
        }
        let screen = self.parser.screen();
        mouse_off &= screen.mouse_protocol_mode() == vt100::MouseProtocolMode::None;

        let termios_now = tty_modes(self.master.as_ref());
        let after_restore = if left.is_some() {
            after[restore_end.min(after.len())..].to_vec()
        } else {
            Vec::new()
        };
        Restore {
            entered_alt_screen: entered.is_some(),
            left_alt_screen: left.is_some(),
            cursor_shown,
            mouse_was_on,
            mouse_off,
            emulator_main_screen: !screen.alternate_screen(),
            emulator_cursor_visible: !screen.hide_cursor(),
            termios_same: termios_now == self.modes_before,
            termios_before: self.modes_before.clone(),
            termios_now,
            after_restore,
        }
    }

    /// Asserts every part of the restore, naming the parts that failed;
    /// returns the checks (for what came after the restore).
    fn assert_restored(&mut self, how: &str) -> Restore {
        let checks = self.restore_checks();
        if !checks.ok() {
            let report = self.report();
            panic!("terminal not restored {how}: {checks}\n{checks:#?}\n{report}");
        }
        println!("terminal restored {how}: {checks}");
        checks
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        // Do not leave the reader running (or stopped) if a check failed.
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// Each part of a terminal restore, checked on its own.
#[derive(Debug)]
struct Restore {
    /// `\x1b[?1049h` was written at all (else the other checks mean little).
    entered_alt_screen: bool,
    /// `\x1b[?1049l` was written after the last `\x1b[?1049h`.
    left_alt_screen: bool,
    /// `\x1b[?25h` was written after the last `\x1b[?1049h`, and the cursor
    /// was not hidden again after that.
    cursor_shown: bool,
    /// Some mouse mode was turned on at some point.
    mouse_was_on: bool,
    /// Every mouse mode turned on (`?1000h`, ...) was turned off after it
    /// was last turned on, and the emulator reports no mouse mode.
    mouse_off: bool,
    /// The emulator is back on the main screen.
    emulator_main_screen: bool,
    /// The emulator shows the cursor.
    emulator_cursor_visible: bool,
    /// The pty's input and local modes equal those before the start (raw
    /// mode is off).
    termios_same: bool,
    termios_before: String,
    termios_now: String,
    /// Everything written after the restore sequences.
    after_restore: Vec<u8>,
}

impl Restore {
    fn ok(&self) -> bool {
        self.entered_alt_screen
            && self.left_alt_screen
            && self.cursor_shown
            && self.mouse_off
            && self.emulator_main_screen
            && self.emulator_cursor_visible
            && self.termios_same
    }

    fn after_restore_text(&self) -> String {
        String::from_utf8_lossy(&self.after_restore).into_owned()
    }
}

impl fmt::Display for Restore {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mark = |ok: bool| if ok { "ok" } else { "FAILED" };
        write!(
            f,
            "entered_alt_screen={} left_alt_screen={} cursor_shown={} mouse_off={}{} \
             emulator_main_screen={} emulator_cursor_visible={} termios_same={}",
            mark(self.entered_alt_screen),
            mark(self.left_alt_screen),
            mark(self.cursor_shown),
            mark(self.mouse_off),
            if self.mouse_was_on { "" } else { " (never on)" },
            mark(self.emulator_main_screen),
            mark(self.emulator_cursor_visible),
            mark(self.termios_same),
        )?;
        if !self.termios_same {
            write!(
                f,
                "\n  termios before: {}\n  termios now:    {}",
                self.termios_before, self.termios_now
            )?;
        }
        Ok(())
    }
}

/// The input and local modes of the pty (raw mode changes both), as text.
fn tty_modes(master: &dyn MasterPty) -> String {
    let termios = master
        .get_termios()
        .expect("cannot read the pseudo-terminal's settings");
    format!(
        "input: {:?}, local: {:?}",
        termios.input_flags, termios.local_flags
    )
}

/// The state letter of a process in /proc/<pid>/stat (`T` when stopped).
fn proc_state(pid: u32) -> Option<char> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // The name in parentheses may hold spaces; the state follows it.
    let rest = &stat[stat.rfind(')')? + 1..];
    rest.split_whitespace().next()?.chars().next()
}

fn nonzero(n: u16) -> NonZeroU16 {
    NonZeroU16::new(n).expect("the screen size is not zero")
}

/// Where `needle` last occurs in `haystack`.
fn rfind(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

/// Where `needle` first occurs in `haystack`.
fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn count(haystack: &[u8], needle: &[u8]) -> usize {
    haystack
        .windows(needle.len())
        .filter(|w| *w == needle)
        .count()
}

fn shows_reader(screen: &str) -> bool {
    ["Timeline", "Quotes", "Disagreements"]
        .iter()
        .all(|title| screen.contains(title))
}

/// What a fresh emulator shows after `bytes`.
fn screen_of(bytes: &[u8]) -> vt100::Parser {
    let mut parser = vt100::Parser::new(nonzero(ROWS), nonzero(COLS), 0);
    parser.process(bytes);
    parser
}

/// Asserts that nothing at all was written after the restore.
fn assert_quiet_after_restore(session: &mut Session, checks: &Restore, how: &str) {
    assert!(
        checks.after_restore.is_empty(),
        "output continued after the terminal was restored {how}: {:?}\n{}",
        checks.after_restore_text(),
        session.report()
    );
}

#[test]
fn reader_opens_shows_help_quits_and_restores_terminal() {
    let mut session = Session::start(&[]);
    session.wait_for_reader();

    session.press("?");
    session.wait_for("the help overlay (Help: keys)", SCREEN_TIMEOUT, |s| {
        s.contains("Help: keys")
    });

    // Esc must be seen alone before `q` is sent, or the two bytes could
    // be read together as Alt+q.
    session.press("\x1b");
    session.wait_for("the help overlay to close", SCREEN_TIMEOUT, |s| {
        !s.contains("Help: keys") && shows_reader(s)
    });

    quit_with_q(&mut session, "after help and `q`");
}

/// Way 1: `q` quits with status 0.
#[test]
fn restore_1_after_q() {
    let mut session = Session::start(&[]);
    session.wait_for_reader();
    quit_with_q(&mut session, "after `q`");
}

/// Presses `q`: the reader exits with 0 and leaves the terminal as it was.
fn quit_with_q(session: &mut Session, what: &str) {
    session.press("q");
    let status = session.wait_exit("`q`", EXIT_TIMEOUT);
    assert!(
        status.success(),
        "the reader exited with {status} after `q`, not 0\n{}",
        session.report()
    );
    let checks = session.assert_restored(what);
    assert_quiet_after_restore(session, &checks, what);
}

/// `q` in a popup goes back to the main screen; a second `q` exits 0.
#[test]
fn q_in_a_popup_goes_back_and_a_second_q_quits() {
    let mut session = Session::start(&[]);
    session.wait_for_reader();
    session.press("3\r");
    session.wait_for("a quote's detail (Links)", SCREEN_TIMEOUT, |s| {
        s.contains("Quote: ") && s.contains("Citation")
    });
    session.press("q");
    session.wait_for("the main screen again", SCREEN_TIMEOUT, |s| {
        !s.contains("Citation") && shows_reader(s)
    });
    assert!(
        session.child.try_wait().ok().flatten().is_none(),
        "the reader exited on `q` in a popup\n{}",
        session.report()
    );
    quit_with_q(&mut session, "after `q` in a popup, then `q`");
}

/// Way 2: an I/O error after the first frame (injected in debug builds) ends
/// the reader with status 2; the error is reported after the restore.
#[test]
fn restore_2_after_error_after_start() {
    let mut session = Session::start(&[("BRIEFING_FAULT", "error-after-start")]);
    // The error follows the first frame at once, so the reader may be gone
    // before the screen can be looked at: check the frame afterwards.
    let status = session.wait_exit("an error after start-up", EXIT_TIMEOUT);
    let left = rfind(&session.raw, LEAVE_ALT).unwrap_or(session.raw.len());
    let before_restore = screen_of(&session.raw[..left]);
    assert!(
        before_restore.screen().alternate_screen()
            && shows_reader(&before_restore.screen().contents()),
        "the reader was not drawn on the alternate screen before the error \
         (fault not injected after the first frame?)\n---- screen before restore ----\n{}\n{}",
        before_restore.screen().contents(),
        session.report()
    );
    assert!(
        status.signal().is_none() && status.exit_code() == 2,
        "the reader exited with {status} after an error, not 2\n{}",
        session.report()
    );
    let checks = session.assert_restored("after an error after start-up");
    let message = "injected fault: error after start-up";
    assert!(
        checks.after_restore_text().contains(message),
        "the error ({message:?}) was not reported after the restore; after the restore: {:?}\n{}",
        checks.after_restore_text(),
        session.report()
    );
    assert!(
        !checks.after_restore.contains(&0x1b),
        "escape sequences were written after the restore: {:?}\n{}",
        checks.after_restore_text(),
        session.report()
    );
}

/// Way 3: a panic inside draw (injected in debug builds): the panic hook
/// restores the terminal before the panic message is printed; status 101.
#[test]
fn restore_3_after_panic_in_draw() {
    let mut session = Session::start(&[("BRIEFING_FAULT", "panic-in-draw")]);
    // The first draw panics, so no panes are ever drawn.
    let status = session.wait_exit("a panic inside draw", EXIT_TIMEOUT);
    assert!(
        status.signal().is_none() && status.exit_code() == 101,
        "the reader exited with {status} after a panic, not 101\n{}",
        session.report()
    );
    assert!(
        find(&session.raw, b"\x1b[?1000h").is_some(),
        "the reader did not turn on mouse capture before the panic\n{}",
        session.report()
    );
    let checks = session.assert_restored("after a panic inside draw");
    let message = "injected fault: panic inside draw";
    assert!(
        checks.after_restore_text().contains(message),
        "the panic message ({message:?}) does not come after the restore sequences; \
         after the restore: {:?}\n{}",
        checks.after_restore_text(),
        session.report()
    );
    assert!(
        !checks.after_restore.contains(&0x1b),
        "escape sequences were written after the restore: {:?}\n{}",
        checks.after_restore_text(),
        session.report()
    );
}

/// Ways 4–7: a terminating signal from outside: the reader restores the
/// terminal, then dies of the signal (or exits with 128 + its number).
fn restore_after_signal(name: &str, number: u32, description: &str) {
    let mut session = Session::start(&[]);
    session.wait_for_reader();
    session.kill(name);
    let status = session.wait_exit(&format!("SIG{name}"), EXIT_TIMEOUT);
    let by_signal = status.signal().is_some_and(|s| s.starts_with(description));
    let by_code = status.signal().is_none() && status.exit_code() == 128 + number;
    assert!(
        by_signal || by_code,
        "after SIG{name} the reader ended with {status} (signal {:?}), \
         neither killed by SIG{name} nor exit code {}\n{}",
        status.signal(),
        128 + number,
        session.report()
    );
    let how = format!("after SIG{name} (ended: {status})");
    let checks = session.assert_restored(&how);
    assert_quiet_after_restore(&mut session, &checks, &how);
}

#[test]
fn restore_4_after_sigint() {
    restore_after_signal("INT", 2, "Interrupt");
}

#[test]
fn restore_5_after_sigterm() {
    restore_after_signal("TERM", 15, "Terminated");
}

#[test]
fn restore_6_after_sighup() {
    restore_after_signal("HUP", 1, "Hangup");
}

#[test]
fn restore_7_after_sigquit() {
    restore_after_signal("QUIT", 3, "Quit");
}

/// Ctrl-Z stops the reader with the terminal restored; SIGCONT brings it
/// back on the alternate screen, fully redrawn; `q` then quits normally.
#[cfg(target_os = "linux")]
#[test]
fn restore_while_suspended_and_redraw_after_resume() {
    let mut session = Session::start(&[]);
    session.wait_for_reader();
    let pid: u32 = session.pid().parse().expect("a process id is a number");
    let entered_before = count(&session.raw, ENTER_ALT);

    session.press("\x1a");
    session.wait_until("the reader to stop after Ctrl-Z", STOP_TIMEOUT, |_| {
        proc_state(pid) == Some('T')
    });
    // It restores before it stops, so all of that is written by now; the
    // output may still be on its way to us.
    session.wait_until(
        "the terminal to be restored while suspended",
        STOP_TIMEOUT,
        |s| s.restore_checks().ok(),
    );
    let checks = session.assert_restored("while suspended");
    assert_quiet_after_restore(&mut session, &checks, "while suspended");
    assert_eq!(
        proc_state(pid),
        Some('T'),
        "the reader did not stay stopped\n{}",
        session.report()
    );

    session.kill("CONT");
    session.wait_until(
        "the reader to re-enter the alternate screen and redraw after SIGCONT",
        SCREEN_TIMEOUT,
        |s| {
            count(&s.raw, ENTER_ALT) > entered_before
                && s.parser.screen().alternate_screen()
                && shows_reader(&s.screen())
                // A full redraw: what follows the new enter alone shows
                // the panes on a blank screen.
                && rfind(&s.raw, ENTER_ALT)
                    .is_some_and(|i| shows_reader(&screen_of(&s.raw[i..]).screen().contents()))
        },
    );
    assert_ne!(
        proc_state(pid),
        Some('T'),
        "the reader is still stopped after SIGCONT\n{}",
        session.report()
    );
    let raw_again = tty_modes(session.master.as_ref()) != session.modes_before;
    assert!(
        raw_again,
        "raw mode was not turned on again after SIGCONT\n{}",
        session.report()
    );
    assert!(
        session.parser.screen().hide_cursor(),
        "the cursor was not hidden again after SIGCONT\n{}",
        session.report()
    );

    session.press("q");
    let status = session.wait_exit("`q` after resuming", EXIT_TIMEOUT);
    assert!(
        status.success(),
        "the reader exited with {status} after `q` (after resuming), not 0\n{}",
        session.report()
    );
    let checks = session.assert_restored("after resuming and `q`");
    assert_quiet_after_restore(&mut session, &checks, "after resuming and `q`");
}

/// A pseudo-terminal of ROWS × COLS.
fn open_pty() -> portable_pty::PtyPair {
    native_pty_system()
        .openpty(PtySize {
            rows: ROWS,
            cols: COLS,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("cannot open a pseudo-terminal")
}

/// A shell with job control in a pseudo-terminal, and everything it prints.
struct Shell {
    writer: Box<dyn Write + Send>,
    output: Receiver<Vec<u8>>,
    raw: Vec<u8>,
    _child: Box<dyn Child + Send + Sync>,
    _master: Box<dyn MasterPty + Send>,
    _home: tempfile::TempDir,
}

impl Shell {
    fn start() -> Shell {
        let pty = open_pty();
        let home = tempfile::tempdir().expect("cannot create a temporary directory");
        let mut cmd = CommandBuilder::new("bash");
        cmd.args(["--norc", "--noprofile", "-i"]);
        cmd.cwd(home.path());
        cmd.env("TERM", "xterm-256color");
        cmd.env("NO_COLOR", "1");
        cmd.env("PS1", "$ ");
        cmd.env("XDG_CONFIG_HOME", home.path());
        cmd.env("XDG_STATE_HOME", home.path().join("state"));
        let config_dir = home.path().join("briefing");
        std::fs::create_dir_all(&config_dir).expect("cannot create the config directory");
        std::fs::write(config_dir.join("config.toml"), "start = \"panes\"\n")
            .expect("cannot write the config");
        cmd.env_remove("BRIEFING_FAULT");
        let child = pty.slave.spawn_command(cmd).expect("cannot start bash");
        drop(pty.slave);
        let output = support::pty_output(pty.master.try_clone_reader().unwrap());
        let writer = pty.master.take_writer().unwrap();
        Shell {
            writer,
            output,
            raw: Vec::new(),
            _child: child,
            _master: pty.master,
            _home: home,
        }
    }

    fn send(&mut self, text: &str) {
        self.writer.write_all(text.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    /// Waits until the output since `from` satisfies `ready`.
    fn wait(&mut self, what: &str, from: usize, ready: impl Fn(&[u8]) -> bool) {
        let deadline = Instant::now() + SCREEN_TIMEOUT;
        while !ready(&self.raw[from.min(self.raw.len())..]) {
            let now = Instant::now();
            assert!(
                now < deadline,
                "no {what} within {SCREEN_TIMEOUT:?}; output:\n{}",
                String::from_utf8_lossy(&self.raw).escape_debug()
            );
            if let Ok(bytes) = self.output.recv_timeout(POLL.min(deadline - now)) {
                self.raw.extend(bytes);
            }
        }
    }
}

/// Ctrl-Z in an interactive shell, then `kill %1` (SIGTERM, then SIGCONT from
/// the shell): the reader ends, although it is in the background and may not
/// touch the terminal.
#[cfg(target_os = "linux")]
#[test]
fn a_suspended_reader_can_be_killed_from_the_shell() {
    let mut shell = Shell::start();
    shell.wait("prompt", 0, |o| find(o, b"$ ").is_some());
    shell.send(&format!("{}\r", env!("CARGO_BIN_EXE_briefing")));
    shell.wait("reader", 0, |o| find(o, ENTER_ALT).is_some());
    let mark = shell.raw.len();
    shell.send("\x1a");
    shell.wait("job stopped", mark, |o| find(o, b"Stopped").is_some());
    let mark = shell.raw.len();
    // The echoed command line has `$(`, the answer digits: `PID=1234=END`.
    let pid_in = |o: &[u8]| -> Option<u32> {
        let text = String::from_utf8_lossy(o);
        text.split("PID=")
            .find_map(|t| t.split_once("=END").and_then(|(p, _)| p.parse().ok()))
    };
    shell.send("echo PID=$(jobs -p %1)=END\r");
    shell.wait("pid", mark, |o| pid_in(o).is_some());
    let pid = pid_in(&shell.raw[mark..]).expect("just found");
    assert_eq!(proc_state(pid), Some('T'), "the reader is not stopped");
    shell.send("kill %1\r");
    let deadline = Instant::now() + EXIT_TIMEOUT;
    // Gone, or a zombie waiting for the shell to reap it.
    while !matches!(proc_state(pid), None | Some('Z')) {
        assert!(
            Instant::now() < deadline,
            "the reader is still there (state {:?}) after `kill %1`",
            proc_state(pid)
        );
        thread::sleep(POLL);
    }
    shell.send("exit\r");
}

/// The cursor sits on the selected row of the focused pane, hidden, so that
/// screen readers and braille displays follow the selection.
#[test]
fn the_cursor_follows_the_selection() {
    use briefing::app::{Action, App, Pane};
    let mut session = Session::start(&[]);
    session.wait_for_reader();
    let cursor = |s: &Session| s.parser.screen().cursor_position();
    // The Timeline's first row: inside the border, at the gutter.
    session.wait_until(
        "the cursor on the first Timeline row",
        SCREEN_TIMEOUT,
        |s| cursor(s) == (2, 1),
    );
    session.press("jj");
    session.wait_until(
        "the cursor on the third Timeline row",
        SCREEN_TIMEOUT,
        |s| cursor(s) == (4, 1),
    );
    // In the Quotes pane, rows are several lines high: the same place as
    // the reader computes, after the same keys.
    let mut app = App::new(vec![briefing::model::Briefing::bundled()], Vec::new());
    app.update(Action::Resize(COLS, ROWS));
    for action in [Action::Focus(Pane::Quotes), Action::Down, Action::Down] {
        app.update(action);
    }
    let expected = briefing::ui::cursor::position(&app, COLS, ROWS).expect("a selected row");
    let quotes = app.layout().inner(Pane::Quotes).unwrap();
    assert!(
        expected.x == quotes.x && expected.y > quotes.y + 2,
        "{expected:?}"
    );
    session.press("3jj");
    session.wait_until("the cursor on the third quote", SCREEN_TIMEOUT, |s| {
        cursor(s) == (expected.y, expected.x)
    });
    assert!(
        session.parser.screen().hide_cursor(),
        "the cursor is hidden unless show_cursor = true\n{}",
        session.report()
    );
    // In the quote's detail view: on its selected link.
    app.update(Action::Confirm);
    app.update(Action::Down);
    let link = briefing::ui::cursor::position(&app, COLS, ROWS).expect("a selected link");
    assert_ne!(link, expected);
    session.press("\rj");
    session.wait_until(
        "the cursor on the detail view's second link",
        SCREEN_TIMEOUT,
        |s| cursor(s) == (link.y, link.x),
    );
    session.press("q");
    session.wait_until("the cursor back on the third quote", SCREEN_TIMEOUT, |s| {
        cursor(s) == (expected.y, expected.x)
    });
    quit_with_q(&mut session, "after moving the cursor");
}

/// With `show_cursor = true` the cursor is shown on the selected row.
#[test]
fn show_cursor_shows_it_on_the_selection() {
    let mut session = Session::start_with_config(&[], "start = \"panes\"\nshow_cursor = true\n");
    session.wait_for_reader();
    session.press("j");
    session.wait_until("the cursor shown on the second row", SCREEN_TIMEOUT, |s| {
        s.parser.screen().cursor_position() == (3, 1) && !s.parser.screen().hide_cursor()
    });
    quit_with_q(&mut session, "with the cursor shown");
}

/// By default the reader opens on the overview; Esc goes to the panes.
#[test]
fn opens_on_the_overview_and_esc_goes_to_the_panes() {
    let mut session = Session::start_with_config(&[], "");
    session.wait_for("the overview", SCREEN_TIMEOUT, |s| {
        s.contains("Key points") && s.contains("to the panes")
    });
    session.press("\x1b");
    session.wait_for("the panes", SCREEN_TIMEOUT, |s| {
        shows_reader(s) && !s.contains("Key points")
    });
    quit_with_q(&mut session, "after the overview");
}

#[test]
fn o_over_ssh_copies_the_url_pointing_at_the_quote_instead() {
    use base64::Engine as _;
    let dir = tempfile::tempdir().expect("cannot create a temporary directory");
    let path = dir.path().join("b.toml");
    std::fs::write(
        &path,
        "format = 1\n[briefing]\nid = \"t\"\ntitle = \"T\"\nas_of = 2025-01-02\nsummary = \"S\"\n\
         [[sources]]\nid = \"paper\"\noutlet = \"The Paper\"\nurl = \"https://example.com/s\"\n\
         [[speakers]]\nid = \"a\"\nname = \"Ann\"\nrole = \"Mayor\"\n\
         [[quotes]]\nid = \"q\"\nspeaker = \"a\"\ntext = \"We will build it\"\n\
         at = 2025-01-02\nsource = \"paper\"\n",
    )
    .expect("cannot write the briefing");
    let path = path.to_str().expect("a UTF-8 path");
    let mut session = Session::start_with_args(
        &[("SSH_TTY", "/dev/pts/9"), ("TMUX", ""), ("STY", "")],
        "start = \"panes\"\n",
        &[path],
    );
    session.wait_for_reader();
    session.press("3o");
    session.wait_for("the status line", SCREEN_TIMEOUT, |s| {
        s.contains("no browser over SSH: copied the URL instead")
    });
    let url = "https://example.com/s#:~:text=We%20will%20build%20it";
    let payload = base64::engine::general_purpose::STANDARD.encode(url);
    let osc = format!("\x1b]52;c;{payload}\x1b\\");
    assert!(
        find(&session.raw, osc.as_bytes()).is_some(),
        "no OSC 52 with the URL\n{}",
        session.report()
    );
    quit_with_q(&mut session, "after o over SSH");
}

/// A library large enough to take a while to load in a test build.
fn slow_library() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("cannot create a temporary directory");
    for (name, text) in briefing::synthetic::library(1500, 60) {
        std::fs::write(dir.path().join(name), text).expect("cannot write a briefing");
    }
    dir
}

/// Loading a large library shows its progress instead of a blank screen,
/// and Ctrl-c there stops it: exit 0, terminal restored.
#[test]
fn a_slow_load_shows_progress_and_ctrl_c_stops_it() {
    let library = slow_library();
    let path = library.path().to_str().expect("a UTF-8 temporary path");
    let mut session = Session::start_with_args(&[], "start = \"panes\"\n", &[path]);
    session.wait_for("the loading screen", SCREEN_TIMEOUT, |s| {
        s.contains("Loading briefings:") && s.contains("of 1500 files")
    });
    session.press("\x03");
    let status = session.wait_exit("Ctrl-c while loading", EXIT_TIMEOUT);
    assert!(
        status.success(),
        "the reader exited with {status} after Ctrl-c while loading, not 0\n{}",
        session.report()
    );
    let checks = session.assert_restored("after Ctrl-c while loading");
    assert_quiet_after_restore(&mut session, &checks, "after Ctrl-c while loading");
}

/// Where the reader was is saved when it ends and restored in the next
/// run: the pane and the selection. `--fresh` starts clean; a damaged
/// state file is noted in the status line, not fatal, and replaced at exit;
/// a SIGTERM saves too.
#[test]
fn where_you_were_is_restored_in_the_next_run() {
    let state = tempfile::tempdir().expect("cannot create a temporary directory");
    let home = state.path().to_str().expect("a UTF-8 temporary path");
    let env = [("XDG_STATE_HOME", home)];
    let at_third_quote = |s: &str| s.contains("┏ 3 Quotes") && s.contains(" 3/23 ");

    let mut first = Session::start(&env);
    first.wait_for_reader();
    first.press("3jj");
    first.wait_for("the third quote selected", SCREEN_TIMEOUT, at_third_quote);
    quit_with_q(&mut first, "after `q` in the first run");
    let files: Vec<_> = std::fs::read_dir(state.path().join("briefing"))
        .expect("the state folder was made")
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    let file = &files[0];
    let text = std::fs::read_to_string(file).unwrap();
    assert!(text.contains("pane = \"quotes\""), "{text}");

    let mut second = Session::start(&env);
    second.wait_for("the restored place", SCREEN_TIMEOUT, at_third_quote);
    // Moving on, then SIGTERM: the new place is saved too.
    second.press("j");
    second.wait_for("the fourth quote", SCREEN_TIMEOUT, |s| s.contains(" 4/23 "));
    second.kill("TERM");
    second.wait_exit("SIGTERM", EXIT_TIMEOUT);
    let mut third = Session::start(&env);
    third.wait_for("the place saved on SIGTERM", SCREEN_TIMEOUT, |s| {
        s.contains("┏ 3 Quotes") && s.contains(" 4/23 ")
    });
    quit_with_q(&mut third, "after `q` in the third run");

    let mut fresh = Session::start_with_args(&env, "start = \"panes\"\n", &["--fresh"]);
    fresh.wait_for("a fresh start", SCREEN_TIMEOUT, |s| {
        s.contains("┏ 1 Timeline") && s.contains(" 1/23 ")
    });
    quit_with_q(&mut fresh, "after `q` with --fresh");

    std::fs::write(file, "\u{1b}[31m not = = toml").unwrap();
    let mut damaged = Session::start(&env);
    damaged.wait_for("the note on the damaged file", SCREEN_TIMEOUT, |s| {
        s.contains("saved state ignored, it is not valid TOML") && s.contains("┏ 1 Timeline")
    });
    assert!(
        !damaged.screen().contains("[31m"),
        "the file's text reached the screen raw\n{}",
        damaged.screen()
    );
    quit_with_q(&mut damaged, "after `q` with a damaged state file");
    let text = std::fs::read_to_string(file).unwrap();
    assert!(text.starts_with("version = 1\n"), "{text}");
}
