//! Terminal setup and restore: raw mode, alternate screen, mouse capture,
//! cursor. Restored on exit, on error, on panic, on SIGINT/SIGTERM/SIGHUP/
//! SIGQUIT from outside, and while suspended (Ctrl-Z or SIGTSTP).

use std::io::{self, BufWriter, Stdout, Write as _};
use std::sync::atomic::{AtomicBool, Ordering};

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::crossterm::{cursor, execute};
use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP};

/// The terminal the reader draws on: output is buffered and flushed once per frame.
pub type Tui = Terminal<CrosstermBackend<BufWriter<Stdout>>>;

/// Whether reader mode captures the mouse (needed to re-enter after a suspend).
static MOUSE: AtomicBool = AtomicBool::new(false);
/// Set when the screen must be redrawn from scratch (after a resume).
static REDRAW: AtomicBool = AtomicBool::new(false);

/// Puts the terminal in reader mode, and installs a panic hook and signal
/// handlers that restore it.
pub fn setup(mouse: bool) -> io::Result<Tui> {
    MOUSE.store(mouse, Ordering::SeqCst);
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
    handle_signals()?;
    if let Err(e) = enter() {
        restore();
        return Err(e);
    }
    let backend = CrosstermBackend::new(BufWriter::with_capacity(1 << 16, io::stdout()));
    Terminal::new(backend).inspect_err(|_| restore())
}

/// Enters reader mode: raw mode, alternate screen, hidden cursor, mouse capture.
fn enter() -> io::Result<()> {
    enable_raw_mode()?;
    let mut out = io::stdout();
    execute!(out, EnterAlternateScreen, cursor::Hide)?;
    if MOUSE.load(Ordering::SeqCst) {
        execute!(out, EnableMouseCapture)?;
    }
    Ok(())
}

/// Leaves reader mode: mouse capture off, main screen, cursor shown, raw mode
/// off. Safe to call more than once, and when setup only half happened.
pub fn restore() {
    let mut out = io::stdout();
    let _ = execute!(out, DisableMouseCapture, LeaveAlternateScreen, cursor::Show);
    let _ = disable_raw_mode();
    let _ = out.flush();
}

/// Restores the terminal and stops the process until `fg`; the SIGCONT that
/// resumes it re-enters reader mode (see [`handle_signals`]).
pub fn suspend() {
    restore();
    let _ = signal_hook::low_level::raise(signal_hook::consts::SIGSTOP);
}

fn resume() {
    if enter().is_err() {
        restore();
    }
    REDRAW.store(true, Ordering::SeqCst);
}

/// True once after a resume: the caller should clear and redraw everything.
pub fn take_redraw_request() -> bool {
    REDRAW.swap(false, Ordering::SeqCst)
}

/// Terminating signals restore the terminal and then take their default
/// action; SIGTSTP suspends like Ctrl-Z; SIGCONT re-enters reader mode.
fn handle_signals() -> io::Result<()> {
    let mut signals =
        signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGTSTP, SIGCONT])?;
    std::thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            for signal in signals.forever() {
                match signal {
                    SIGTSTP => suspend(),
                    SIGCONT => resume(),
                    _ => {
                        restore();
                        let _ = signal_hook::low_level::emulate_default_handler(signal);
                        std::process::exit(128 + signal);
                    }
                }
            }
        })?;
    Ok(())
}
