//! The interactive loop: draw, wait for an event, turn it into an action,
//! update, carry out effects (clipboard, browser) and report their failures
//! back to the app as actions.

use std::io::{self, Write as _};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::time::Duration;

use ratatui::crossterm::event;

use crate::app::{Action, App, Effect, Reload};
use crate::clipboard::{self, Multiplexer};
use crate::input::{LateReply, event_action};
use crate::terminal::{self, Tui};
use crate::ui::{self, Context};
use crate::watch::{Method, Watcher};

/// The briefing files and folders watched, loaded again off the UI thread
/// when they change; each reload waits on a channel for the loop.
pub struct Live {
    watcher: Watcher,
    reloads: Receiver<Reload>,
}

impl Live {
    /// Watches `paths` (as given to the loader); a change loads the files
    /// changed again, on the watch thread, with archived copies looked for
    /// in `sources` too.
    pub fn start(paths: &[PathBuf], sources: &[PathBuf], forced: Option<Method>) -> Live {
        let (tx, reloads) = mpsc::channel();
        let sources = sources.to_vec();
        let watcher = Watcher::start(paths, forced, move |changes| {
            // A named file replaced by a folder is not read as a folder.
            let (files, folders): (Vec<PathBuf>, Vec<PathBuf>) =
                changes.changed.iter().cloned().partition(|p| !p.is_dir());
            let mut report = crate::model::load_paths_with(&files, &sources);
            report.failures.extend(
                folders
                    .iter()
                    .map(|p| crate::model::Failure::unreadable(p, "not a regular file: a folder")),
            );
            let reload = Reload {
                changed: changes.changed,
                removed: changes.removed,
                report,
            };
            tx.send(reload).is_ok()
        });
        Live { watcher, reloads }
    }

    /// How changes are noticed.
    pub fn method(&self) -> Method {
        self.watcher.method()
    }

    /// The next reload that has arrived, if any.
    pub fn try_reload(&self) -> Option<Reload> {
        self.reloads.try_recv().ok()
    }

    /// Waits up to `timeout` for the next reload (for benches and tests).
    pub fn wait_reload(&self, timeout: Duration) -> Option<Reload> {
        self.reloads.recv_timeout(timeout).ok()
    }

    /// Looks at the files now (after the editor exits).
    pub fn look_now(&self) {
        self.watcher.look_now();
    }
}

/// How long the loop waits for a key before it looks for a reload (and a
/// resume that needs a redraw).
fn poll_interval(live: Option<&Live>) -> Duration {
    match live.map(Live::method) {
        Some(Method::Events | Method::Polling) => Duration::from_millis(20),
        _ => Duration::from_millis(250),
    }
}

/// Runs the reader until the user quits.
///
/// The cursor is put on the selected row after each frame; with
/// `show_cursor` it is shown there, else it stays hidden (screen readers
/// follow its position either way).
pub fn run(
    terminal: &mut Tui,
    app: &mut App,
    ctx: &Context,
    mouse: bool,
    show_cursor: bool,
    live: Option<&Live>,
    mut late: LateReply,
) -> io::Result<()> {
    let fault = injected_fault();
    let mut dirty = true;
    while !app.quit {
        while let Some(reload) = live.and_then(Live::try_reload) {
            app.update(Action::Reloaded(Box::new(reload)));
            dirty = true;
        }
        // A terminating signal ends the loop; the caller saves the state,
        // then ends the process by the signal.
        if terminal::terminating() {
            return Ok(());
        }
        if terminal::take_suspend_request() {
            terminal::suspend(terminal)?;
            dirty = true;
        }
        if terminal::take_redraw_request() {
            terminal::full_redraw(terminal)?;
            dirty = true;
        }
        let size = terminal.size()?;
        if (size.width, size.height) != app.size {
            app.update(Action::Resize(size.width, size.height));
            dirty = true;
        }
        if dirty {
            let cursor = ui::cursor::position(app, size.width, size.height);
            terminal.draw(|frame| {
                if fault.as_deref() == Some("panic-in-draw") {
                    panic!("injected fault: panic inside draw");
                }
                ui::draw(frame, app, ctx);
                if let Some(p) = cursor.filter(|_| show_cursor) {
                    frame.set_cursor_position(p);
                }
            })?;
            // Hidden, the cursor is still moved to the selection.
            if let Some(p) = cursor.filter(|_| !show_cursor) {
                terminal.set_cursor_position(p)?;
            }
            dirty = false;
        }
        if fault.as_deref() == Some("error-after-start") {
            return Err(io::Error::other("injected fault: error after start-up"));
        }
        // Wake up now and then to notice a reload, and a resume (SIGCONT)
        // that needs a redraw.
        if !event::poll(poll_interval(live))? {
            continue;
        }
        let event = event::read()?;
        if late.swallows(&event) {
            continue;
        }
        if let Some(action) = event_action(app, mouse, &event) {
            app.update(action);
            dirty = true;
        }
        for effect in app.take_effects() {
            if let Some(failed) = perform(terminal, effect, live)? {
                app.update(failed);
            }
        }
    }
    Ok(())
}

/// Fault injection for the terminal-restore tests (debug builds only):
/// `BRIEFING_FAULT=panic-in-draw` or `error-after-start`.
fn injected_fault() -> Option<String> {
    if cfg!(debug_assertions) {
        std::env::var("BRIEFING_FAULT").ok()
    } else {
        None
    }
}

/// Carries out `effect`. A failure the reader can live with comes back as an
/// action for [`App::update`]; one it cannot is an error.
fn perform(terminal: &mut Tui, effect: Effect, live: Option<&Live>) -> io::Result<Option<Action>> {
    match effect {
        Effect::Suspend => terminal::suspend(terminal)?,
        Effect::Edit { path, line, column } => {
            let editor = match crate::editor::from_env(&path, line, column) {
                Ok(e) => e,
                Err(message) => return Ok(Some(Action::Notify(message))),
            };
            let mut command = Command::new(&editor.program);
            command.args(&editor.args);
            let status = terminal::hand_over(terminal, &mut command)?;
            if let Some(live) = live {
                live.look_now();
            }
            let program = crate::text::one_line(&editor.program.to_string_lossy()).into_owned();
            return Ok(match status {
                Err(e) => Some(Action::Notify(format!(
                    "could not run the editor `{program}`: {e}"
                ))),
                Ok(s) if !s.success() => {
                    Some(Action::Notify(format!("the editor `{program}` {s}")))
                }
                Ok(_) => None,
            });
        }
        Effect::Copy(text) => {
            let bytes = match clipboard::sequence(&text, Multiplexer::from_env()) {
                Ok(bytes) => bytes,
                Err(message) => return Ok(Some(Action::Notify(message))),
            };
            let out = terminal.backend_mut();
            let written = out.write_all(bytes.as_bytes()).and_then(|()| out.flush());
            if written.is_err() {
                let message = "could not write to the terminal's clipboard";
                return Ok(Some(Action::Notify(message.into())));
            }
        }
        Effect::Open(url) => {
            let opener = if cfg!(target_os = "macos") {
                "open"
            } else {
                "xdg-open"
            };
            let env = |name: &str| std::env::var_os(name).is_some_and(|v| !v.is_empty());
            let why = match no_browser(env, cfg!(target_os = "linux")) {
                Some(why) => why.to_string(),
                None => {
                    let spawned = Command::new(opener)
                        .arg(&url)
                        .stdin(Stdio::null())
                        .stdout(Stdio::null())
                        .stderr(Stdio::null())
                        .spawn();
                    match spawned {
                        Ok(_) => return Ok(None),
                        Err(_) => format!("could not run {opener}"),
                    }
                }
            };
            // No browser here: the URL goes to the clipboard instead.
            let copied = clipboard::sequence(&url, Multiplexer::from_env()).and_then(|bytes| {
                let out = terminal.backend_mut();
                (out.write_all(bytes.as_bytes()).and_then(|()| out.flush()))
                    .map_err(|_| "could not write to the terminal's clipboard".to_string())
            });
            let message = match copied {
                Ok(()) => {
                    format!("{why}: copied the URL instead (sent to the terminal's clipboard)")
                }
                Err(e) => format!("{why}, and the URL was not copied: {e}"),
            };
            return Ok(Some(Action::Notify(message)));
        }
    }
    Ok(None)
}

/// Why no browser can be opened here, if it cannot: over SSH (the browser
/// would open on the far machine, if anywhere), or on Linux without a
/// graphical session. `set` says whether an environment variable is set.
fn no_browser(set: impl Fn(&str) -> bool, linux: bool) -> Option<&'static str> {
    if set("SSH_CONNECTION") || set("SSH_TTY") {
        Some("no browser over SSH")
    } else if linux && !set("DISPLAY") && !set("WAYLAND_DISPLAY") {
        Some("no graphical session to open a browser in")
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::no_browser;

    #[test]
    fn ssh_and_a_missing_display_mean_no_browser() {
        let env = |vars: &'static [&'static str]| move |name: &str| vars.contains(&name);
        assert_eq!(no_browser(env(&["DISPLAY"]), true), None);
        assert_eq!(no_browser(env(&["WAYLAND_DISPLAY"]), true), None);
        assert_eq!(no_browser(env(&[]), false), None, "macOS needs no DISPLAY");
        assert!(no_browser(env(&["DISPLAY", "SSH_TTY"]), true).is_some());
        assert!(no_browser(env(&["SSH_CONNECTION"]), false).is_some());
        assert!(no_browser(env(&[]), true).is_some());
    }
}
