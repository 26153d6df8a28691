//! Terminal setup and restore: raw mode, alternate screen, mouse capture,
//! cursor; restored on exit, on error and on panic.

use std::io::{self, BufWriter, Stdout, Write as _};

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::crossterm::{cursor, execute};

/// The terminal the reader draws on: output is buffered and flushed once per frame.
pub type Tui = Terminal<CrosstermBackend<BufWriter<Stdout>>>;

/// Puts the terminal in reader mode and installs a panic hook that restores
/// it before the panic message is printed.
pub fn setup(mouse: bool) -> io::Result<Tui> {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
    enable_raw_mode()?;
    let mut out = io::stdout();
    let entered = execute!(out, EnterAlternateScreen, cursor::Hide).and_then(|()| {
        if mouse {
            execute!(out, EnableMouseCapture)
        } else {
            Ok(())
        }
    });
    if let Err(e) = entered {
        restore();
        return Err(e);
    }
    let backend = CrosstermBackend::new(BufWriter::with_capacity(1 << 16, io::stdout()));
    match Terminal::new(backend) {
        Ok(t) => Ok(t),
        Err(e) => {
            restore();
            Err(e)
        }
    }
}

/// Leaves reader mode: mouse capture off, main screen, cursor shown, raw mode
/// off. Safe to call more than once, and when setup only half happened.
pub fn restore() {
    let mut out = io::stdout();
    let _ = execute!(out, DisableMouseCapture, LeaveAlternateScreen, cursor::Show);
    let _ = disable_raw_mode();
    let _ = out.flush();
}
