//! Bytes written to the terminal: moving the selection redraws only what
//! changed (ratatui's diff), a small fraction of a full redraw, measured
//! through the real crossterm backend on a 200×50 screen with 100,000
//! quotes; and a copy writes nothing but OSC 52 frames around base64.

use std::cell::RefCell;
use std::io::Write;
use std::rc::Rc;

mod support;

use briefing::app::{Action, Pane};
use briefing::model::Briefing;
use briefing::ui::{self, Context};
use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};

/// A writer whose bytes can be counted from outside.
#[derive(Clone, Default)]
struct Counter(Rc<RefCell<usize>>);

impl Write for Counter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        *self.0.borrow_mut() += buf.len();
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[test]
fn a_selection_move_writes_under_five_percent_of_a_full_redraw() {
    let text = briefing::synthetic::generate(100_000);
    let b = Briefing::parse(std::path::Path::new("synthetic.toml"), &text).unwrap();
    let theme = support::theme(false);
    let ctx = Context { theme: &theme };
    let mut report = Vec::new();
    for pane in Pane::ALL {
        let mut app = support::app_with(vec![b.clone()], Vec::new());
        app.update(Action::Resize(200, 50));
        app.update(Action::Focus(pane));
        app.update(Action::Down);
        let counter = Counter::default();
        let options = TerminalOptions {
            viewport: Viewport::Fixed(Rect::new(0, 0, 200, 50)),
        };
        let mut terminal =
            Terminal::with_options(CrosstermBackend::new(counter.clone()), options).unwrap();
        terminal.draw(|f| ui::draw(f, &app, &ctx)).unwrap();
        let full = std::mem::take(&mut *counter.0.borrow_mut());
        app.update(Action::Down);
        terminal.draw(|f| ui::draw(f, &app, &ctx)).unwrap();
        let moved = *counter.0.borrow();
        let percent = 100.0 * moved as f64 / full as f64;
        report.push(format!(
            "{}: full redraw {full} bytes, one move {moved} bytes ({percent:.1}%)",
            pane.title()
        ));
        assert!(percent <= 5.0, "{}", report.join("\n"));
    }
    println!("{}", report.join("\n"));
}

/// What a copy writes to the terminal, for every item of every hostile
/// briefing in each form (plain, tmux, GNU screen): OSC 52 frames around
/// base64 and nothing else, so no byte of a briefing reaches the terminal.
#[test]
fn a_copy_writes_only_osc52_frames_around_base64() {
    use base64::Engine as _;
    use briefing::app::Effect;
    use briefing::clipboard::{Multiplexer, sequence};
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hostile");
    let report = briefing::model::load_paths(&[dir]);
    let mut copies = 0;
    for b in report.briefings {
        let mut app = support::app_with(vec![b], Vec::new());
        for keys in ["1yc", "1ym", "2yc", "3yc", "3ym", "3ya", "4yc", "4ym"] {
            for effect in support::press(&mut app, keys) {
                let Effect::Copy(text) = effect else { continue };
                copies += 1;
                let payload = base64::engine::general_purpose::STANDARD.encode(&text);
                let plain = format!("\x1b]52;c;{payload}\x1b\\");
                assert_eq!(sequence(&text, Multiplexer::None).unwrap(), plain);
                let tmux = sequence(&text, Multiplexer::Tmux).unwrap();
                let inner = plain.replace('\x1b', "\x1b\x1b");
                assert_eq!(tmux, format!("{plain}\x1bPtmux;{inner}\x1b\\"));
                let screen = sequence(&text, Multiplexer::Screen).unwrap();
                let passed: String = screen
                    .strip_prefix("\x1bP")
                    .and_then(|s| s.strip_suffix("\x1b\\"))
                    .unwrap()
                    .split("\x1b\\\x1bP")
                    .collect();
                assert_eq!(passed, plain, "screen passes on the plain sequence");
            }
            support::press(&mut app, "<Esc>");
        }
    }
    assert!(copies >= 20, "{copies} copies");
}
