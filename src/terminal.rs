//! Terminal setup and restore: raw mode, alternate screen, mouse capture,
//! cursor. Restored on exit, on error, on panic, on SIGINT/SIGTERM/SIGHUP/
//! SIGQUIT from outside, and while suspended (Ctrl-Z or SIGTSTP).

use std::io::{self, BufWriter, Stdout, Write as _};
use std::sync::atomic::{AtomicBool, AtomicI32, Ordering};
use std::time::Duration;

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use ratatui::crossterm::terminal::{
    Clear, ClearType, EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::crossterm::{cursor, execute};
use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP};

/// The terminal the reader draws on: output is buffered and flushed once per frame.
pub type Tui = Terminal<CrosstermBackend<BufWriter<Stdout>>>;

/// Whether reader mode captures the mouse (needed to re-enter after a suspend).
static MOUSE: AtomicBool = AtomicBool::new(false);
/// Set by SIGTSTP: the main loop should suspend.
static SUSPEND: AtomicBool = AtomicBool::new(false);
/// Set by SIGCONT: the screen must be redrawn from scratch.
static REDRAW: AtomicBool = AtomicBool::new(false);
/// A terminating signal received (0: none); the main loop ends the process.
static TERMINATE: AtomicI32 = AtomicI32::new(0);
/// True while the reader has handed the terminal back (suspended, or
/// continued in the background): then nothing may touch the terminal.
static SUSPENDED: AtomicBool = AtomicBool::new(false);
/// True while an editor has the terminal: a Ctrl-Z there (an editor sends
/// SIGTSTP to the whole process group) stops the reader with it, as the
/// shell expects, instead of asking for a suspend later.
static HANDED_OVER: AtomicBool = AtomicBool::new(false);

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

/// Restores the terminal, stops the process until `fg`, then re-enters
/// reader mode and redraws everything. Called on the main thread only, so no
/// frame is drawn while the terminal is handed back.
///
/// Continued in the background (`bg`, or a shell's `kill %1`, which sends
/// SIGCONT after the signal), it waits without touching the terminal, which
/// would stop it again (SIGTTOU): until it is in the foreground again, or a
/// terminating signal ends it, quietly, since the terminal is restored.
pub fn suspend(tui: &mut Tui) -> io::Result<()> {
    restore();
    SUSPENDED.store(true, Ordering::SeqCst);
    let _ = signal_hook::low_level::raise(signal_hook::consts::SIGSTOP);
    loop {
        let signal = TERMINATE.load(Ordering::SeqCst);
        if signal != 0 {
            end(signal);
        }
        if in_foreground() {
            break;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    SUSPENDED.store(false, Ordering::SeqCst);
    enter()?;
    full_redraw(tui)
}

/// Hands the terminal to `program` (an editor) until it exits: leaves
/// reader mode, runs it, and re-enters reader mode and redraws everything,
/// whether it ran or not.
pub fn hand_over(
    tui: &mut Tui,
    program: &mut std::process::Command,
) -> io::Result<io::Result<std::process::ExitStatus>> {
    restore();
    SUSPENDED.store(true, Ordering::SeqCst);
    HANDED_OVER.store(true, Ordering::SeqCst);
    let status = program.status();
    HANDED_OVER.store(false, Ordering::SeqCst);
    SUSPENDED.store(false, Ordering::SeqCst);
    enter()?;
    full_redraw(tui)?;
    Ok(status)
}

/// Is this process the terminal's foreground process group (so that it may
/// change the terminal's modes without being stopped)?
fn in_foreground() -> bool {
    // SAFETY: plain system calls on a file descriptor, no memory involved.
    unsafe { libc::tcgetpgrp(libc::STDOUT_FILENO) == libc::getpgrp() }
}

/// Clears the screen and forgets what is on it, so the next draw writes every
/// cell. (Unlike `Terminal::clear`, it does not query the cursor position.)
pub fn full_redraw(tui: &mut Tui) -> io::Result<()> {
    execute!(tui.backend_mut(), Clear(ClearType::All))?;
    tui.swap_buffers();
    tui.swap_buffers();
    Ok(())
}

/// True once after SIGTSTP: the caller should [`suspend`].
pub fn take_suspend_request() -> bool {
    SUSPEND.swap(false, Ordering::SeqCst)
}

/// Ends the process if a terminating signal arrived: restores the terminal,
/// then takes the signal's default action. Called by the main loop between
/// frames, so no frame is half written when the terminal is restored.
pub fn exit_if_terminated() {
    let signal = TERMINATE.load(Ordering::SeqCst);
    if signal != 0 {
        terminate(signal);
    }
}

/// Has a terminating signal arrived? The main loop then returns, so that
/// the caller can save what it must before [`end_if_terminated`].
pub fn terminating() -> bool {
    TERMINATE.load(Ordering::SeqCst) != 0
}

/// Ends the process by the terminating signal that arrived, if one did,
/// touching nothing: the caller has restored the terminal.
pub fn end_if_terminated() {
    let signal = TERMINATE.load(Ordering::SeqCst);
    if signal != 0 {
        end(signal);
    }
}

/// Restores the terminal, unless the reader has handed it back, and ends
/// the process by `signal`.
fn terminate(signal: i32) -> ! {
    if !SUSPENDED.load(Ordering::SeqCst) {
        restore();
    }
    end(signal)
}

/// Ends the process by `signal`'s default action, touching nothing.
fn end(signal: i32) -> ! {
    let _ = signal_hook::low_level::emulate_default_handler(signal);
    std::process::exit(128 + signal);
}

/// True once after SIGCONT: the caller should [`full_redraw`].
pub fn take_redraw_request() -> bool {
    REDRAW.swap(false, Ordering::SeqCst)
}

/// After a hang-up the terminal reads as end of file for ever, and the
/// input reader would spin on it without returning to the main loop: the
/// input is swapped for an empty pipe (whose writing end stays open), so
/// reads find nothing and the loop notices the signal and saves its state.
fn quiet_input() {
    let mut fds = [0; 2];
    // SAFETY: plain system calls on file descriptors owned here; the pipe's
    // writing end is deliberately left open until the process ends.
    unsafe {
        if libc::pipe(fds.as_mut_ptr()) != 0 {
            return;
        }
        let flags = libc::fcntl(fds[0], libc::F_GETFL);
        libc::fcntl(fds[0], libc::F_SETFL, flags | libc::O_NONBLOCK);
        libc::dup2(fds[0], libc::STDIN_FILENO);
    }
}

/// Terminating signals restore the terminal and then take their default
/// action; SIGTSTP asks the main loop to suspend (like Ctrl-Z); SIGCONT asks
/// for a full redraw.
fn handle_signals() -> io::Result<()> {
    let mut signals =
        signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGTSTP, SIGCONT])?;
    std::thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            for signal in signals.forever() {
                match signal {
                    SIGTSTP if HANDED_OVER.load(Ordering::SeqCst) => {
                        let _ = signal_hook::low_level::raise(signal_hook::consts::SIGSTOP);
                    }
                    SIGTSTP => SUSPEND.store(true, Ordering::SeqCst),
                    SIGCONT => REDRAW.store(true, Ordering::SeqCst),
                    _ => {
                        // The main loop ends the process between frames; if
                        // it does not within a second (busy), end it here.
                        TERMINATE.store(signal, Ordering::SeqCst);
                        if signal == SIGHUP {
                            quiet_input();
                        }
                        std::thread::sleep(Duration::from_secs(1));
                        terminate(signal);
                    }
                }
            }
        })?;
    Ok(())
}
