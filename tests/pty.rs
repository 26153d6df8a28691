//! Runs the interactive reader in a real pseudo-terminal: the reader appears,
//! the help overlay opens and closes, `q` quits with status 0, and the
//! terminal is left as it was found (main screen, cursor shown, raw mode off).

#![cfg(unix)]

use std::io::{Read as _, Write};
use std::num::NonZeroU16;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

const ROWS: u16 = 40;
const COLS: u16 = 120;

/// How long the reader may take to show something expected. Debug builds
/// under a loaded machine can be slow, so this is generous.
const SCREEN_TIMEOUT: Duration = Duration::from_secs(20);
/// How long the reader may take to exit after `q`.
const EXIT_TIMEOUT: Duration = Duration::from_secs(10);
/// How long to wait for the last output once the process has exited.
const DRAIN_TIMEOUT: Duration = Duration::from_secs(5);
const POLL: Duration = Duration::from_millis(20);

const ENTER_ALT: &[u8] = b"\x1b[?1049h";
const LEAVE_ALT: &[u8] = b"\x1b[?1049l";
const SHOW_CURSOR: &[u8] = b"\x1b[?25h";
const HIDE_CURSOR: &[u8] = b"\x1b[?25l";

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
    parser: vt100::Parser,
    /// The pty's line-discipline modes before the reader started.
    modes_before: String,
    _config_home: tempfile::TempDir,
}

impl Session {
    fn start() -> Session {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows: ROWS,
                cols: COLS,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("cannot open a pseudo-terminal");
        let modes_before = tty_modes(pty.master.as_ref());
        // An empty config directory, so that no user config changes the keys.
        let config_home = tempfile::tempdir().expect("cannot create a temporary directory");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_briefing"));
        cmd.cwd(env!("CARGO_MANIFEST_DIR"));
        cmd.env("TERM", "xterm-256color");
        cmd.env("NO_COLOR", "1");
        cmd.env("XDG_CONFIG_HOME", config_home.path());
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
            parser: vt100::Parser::new(nonzero(ROWS), nonzero(COLS), 0),
            modes_before,
            _config_home: config_home,
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

    fn take(&mut self, bytes: &[u8]) {
        self.raw.extend_from_slice(bytes);
        self.parser.process(bytes);
    }

    fn screen(&self) -> String {
        self.parser.screen().contents()
    }

    /// A description of the current state for failure messages.
    fn report(&mut self) -> String {
        let status = match self.child.try_wait() {
            Ok(Some(status)) => format!("exited: {status}"),
            Ok(None) => "still running".to_string(),
            Err(e) => format!("unknown ({e})"),
        };
        let tail_start = self.raw.len().saturating_sub(400);
        format!(
            "process: {status}\nbytes received: {}\nlast bytes: {:?}\n\
             ---- screen ({COLS}x{ROWS}) ----\n{}\n---- end of screen ----",
            self.raw.len(),
            String::from_utf8_lossy(&self.raw[tail_start..]),
            self.screen(),
        )
    }

    /// Waits until `ready` holds for the screen contents, failing with the
    /// screen after `timeout`.
    fn wait_for(&mut self, what: &str, timeout: Duration, ready: impl Fn(&str) -> bool) {
        let deadline = Instant::now() + timeout;
        loop {
            if ready(&self.screen()) {
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

    /// Waits for the process to exit and then for the end of its output.
    fn wait_exit(&mut self, timeout: Duration) -> portable_pty::ExitStatus {
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
                panic!("the reader did not exit within {timeout:?} after `q`\n{report}");
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
}

impl Drop for Session {
    fn drop(&mut self) {
        // Do not leave the reader running if a check failed.
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
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

fn nonzero(n: u16) -> NonZeroU16 {
    NonZeroU16::new(n).expect("the screen size is not zero")
}

/// Where `needle` last occurs in `haystack`.
fn rfind(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

fn shows_reader(screen: &str) -> bool {
    ["Timeline", "Quotes", "Disagreements"]
        .iter()
        .all(|title| screen.contains(title))
}

#[test]
fn reader_opens_shows_help_quits_and_restores_terminal() {
    let mut session = Session::start();

    session.wait_for(
        "the reader (Timeline, Quotes and Disagreements)",
        SCREEN_TIMEOUT,
        shows_reader,
    );
    assert!(
        session.parser.screen().alternate_screen(),
        "the reader is not drawn on the alternate screen\n{}",
        session.report()
    );

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

    session.press("q");
    let status = session.wait_exit(EXIT_TIMEOUT);
    assert!(
        status.success(),
        "the reader exited with {status} after `q`, not 0\n{}",
        session.report()
    );

    let raw = session.raw.clone();
    let entered = rfind(&raw, ENTER_ALT).unwrap_or_else(|| {
        panic!(
            "the reader never entered the alternate screen\n{}",
            session.report()
        )
    });
    let after = &raw[entered..];
    let left = rfind(after, LEAVE_ALT).unwrap_or_else(|| {
        panic!(
            "the alternate screen was not left after it was last entered\n{}",
            session.report()
        )
    });
    let shown = rfind(after, SHOW_CURSOR).unwrap_or_else(|| {
        panic!(
            "the cursor was not shown again after the alternate screen was last entered\n{}",
            session.report()
        )
    });
    assert!(
        rfind(after, HIDE_CURSOR).is_none_or(|hidden| hidden < shown),
        "the cursor was hidden again after it was shown\n{}",
        session.report()
    );
    let restore_end = (left + LEAVE_ALT.len()).max(shown + SHOW_CURSOR.len());
    let trailing = &after[restore_end..];
    assert!(
        trailing.is_empty(),
        "output continued after the terminal was restored: {:?}\n{}",
        String::from_utf8_lossy(trailing),
        session.report()
    );

    let screen = session.parser.screen();
    assert!(
        !screen.alternate_screen(),
        "the terminal is still on the alternate screen after exit\n{}",
        session.report()
    );
    assert!(
        !screen.hide_cursor(),
        "the cursor is still hidden after exit\n{}",
        session.report()
    );

    let restored = tty_modes(session.master.as_ref());
    assert_eq!(
        restored, session.modes_before,
        "raw mode was not turned off on exit (terminal modes differ from before start)"
    );
}
