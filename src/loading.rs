//! Loading briefings for the reader with progress on screen: the files load
//! on other threads; when they take longer than a quarter of a second, the
//! terminal is set up and shows how many files are done until they are,
//! and Ctrl-c, q or Esc stops the load and the reader.

use std::io;
use std::thread;
use std::time::{Duration, Instant};

use ratatui::crossterm::event::{self, Event, KeyCode, KeyEventKind, KeyModifiers};

use crate::model::{LoadReport, Progress};
use crate::terminal::{self, Tui};

/// How long loading may take before the progress screen shows.
pub const QUIET: Duration = Duration::from_millis(250);

/// What came of loading.
pub enum Loaded {
    /// Everything loaded; the terminal, if it was set up to show progress
    /// (the caller restores it).
    Done(LoadReport, Option<Box<Tui>>),
    /// The user stopped the load; the terminal is restored.
    Stopped,
}

/// Runs `load` on another thread, showing its progress once it has taken
/// [`QUIET`], with the mouse captured if `mouse`.
pub fn with_progress<F>(load: F, mouse: bool, ascii: bool) -> io::Result<Loaded>
where
    F: FnOnce(&Progress) -> LoadReport + Send,
{
    let progress = Progress::default();
    thread::scope(|scope| {
        let loader = scope.spawn(|| load(&progress));
        let quiet_until = Instant::now() + QUIET;
        while !loader.is_finished() && Instant::now() < quiet_until {
            thread::sleep(Duration::from_millis(5));
        }
        let join = |loader: thread::ScopedJoinHandle<'_, LoadReport>| {
            loader
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
        };
        if loader.is_finished() {
            return Ok(Loaded::Done(join(loader), None));
        }
        let mut tui = terminal::setup(mouse)?;
        let shown = show(&mut tui, &progress, ascii, || loader.is_finished());
        match shown {
            Ok(true) => Ok(Loaded::Done(join(loader), Some(Box::new(tui)))),
            Ok(false) => {
                progress.cancel();
                terminal::restore();
                // Files already started finish; nothing else is read.
                drop(join(loader));
                Ok(Loaded::Stopped)
            }
            Err(e) => {
                progress.cancel();
                terminal::restore();
                Err(e)
            }
        }
    })
}

/// Draws the progress until `finished` says so (true) or the user stops
/// (false).
fn show(
    tui: &mut Tui,
    progress: &Progress,
    ascii: bool,
    finished: impl Fn() -> bool,
) -> io::Result<bool> {
    loop {
        terminal::exit_if_terminated();
        tui.draw(|frame| {
            crate::ui::loading::draw(frame, progress.done(), progress.total(), ascii)
        })?;
        if finished() {
            return Ok(true);
        }
        if !event::poll(Duration::from_millis(50))? {
            continue;
        }
        if let Event::Key(key) = event::read()?
            && key.kind != KeyEventKind::Release
        {
            let ctrl_c = key.code == KeyCode::Char('c') && key.modifiers == KeyModifiers::CONTROL;
            if ctrl_c || matches!(key.code, KeyCode::Char('q') | KeyCode::Esc) {
                return Ok(false);
            }
        }
    }
}
