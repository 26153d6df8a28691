//! Terminal events → `Action`s: a key through [`App::action_for`], mouse
//! clicks and wheel, resizes.

use std::time::{Duration, Instant};

use ratatui::crossterm::event::{
    Event, KeyCode, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind,
};

use crate::app::{Action, App};
use crate::keys::Key;

/// The action for a terminal event, if any. Mouse events are ignored unless
/// `mouse` is on.
pub fn event_action(app: &App, mouse: bool, event: &Event) -> Option<Action> {
    match event {
        Event::Key(k) if k.kind != KeyEventKind::Release => app.action_for(&Key::from_event(k)),
        Event::Mouse(m) if mouse => match m.kind {
            MouseEventKind::Down(MouseButton::Left) => Some(Action::Click(m.column, m.row)),
            MouseEventKind::ScrollDown => Some(Action::Scroll(m.column, m.row, 1)),
            MouseEventKind::ScrollUp => Some(Action::Scroll(m.column, m.row, -1)),
            _ => None,
        },
        Event::Resize(w, h) => Some(Action::Resize(*w, *h)),
        _ => None,
    }
}

/// The terminal's answer to the background question (OSC 11) when it comes
/// after the reader stopped waiting for it: `ESC ] 11 ; rgb:… ST` would
/// otherwise read as Alt-], then keys (`b`, `/`, …), then Alt-\\. While a
/// late answer may still come, the first Alt-] begins one and every key up
/// to its end (ST or BEL) is dropped.
#[derive(Debug, Default)]
pub struct LateReply {
    /// Until when an answer may still come; `None` once one came or none is
    /// expected.
    until: Option<Instant>,
    /// Keys dropped so far of an answer being read.
    inside: Option<usize>,
}

/// How long after start a late answer is still looked for.
const LATE_FOR: Duration = Duration::from_secs(10);

/// The most keys an answer can read as (`ESC]11;rgb:ffff/ffff/ffff ESC\\`
/// is 26 bytes); past this the keys are the user's again.
const LONGEST: usize = 40;

impl LateReply {
    /// An answer may still come (the question timed out), or not.
    pub fn expected(late: bool) -> LateReply {
        LateReply {
            until: late.then(|| Instant::now() + LATE_FOR),
            inside: None,
        }
    }

    /// Is `event` part of a late answer (and so not the user's)?
    pub fn swallows(&mut self, event: &Event) -> bool {
        let Event::Key(k) = event else {
            return false;
        };
        if let Some(n) = self.inside.as_mut() {
            *n += 1;
            let st = k.code == KeyCode::Char('\\') && k.modifiers.contains(KeyModifiers::ALT);
            let bel = k.code == KeyCode::Char('g') && k.modifiers.contains(KeyModifiers::CONTROL);
            if st || bel || *n > LONGEST {
                // One answer only.
                self.inside = None;
                self.until = None;
            }
            return true;
        }
        let starts = k.code == KeyCode::Char(']') && k.modifiers.contains(KeyModifiers::ALT);
        if starts && self.until.is_some_and(|t| Instant::now() < t) {
            self.inside = Some(0);
            return true;
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::KeyEvent;

    fn key(code: KeyCode, mods: KeyModifiers) -> Event {
        Event::Key(KeyEvent::new(code, mods))
    }

    fn keys(text: &str) -> Vec<Event> {
        text.chars()
            .map(|c| key(KeyCode::Char(c), KeyModifiers::NONE))
            .collect()
    }

    #[test]
    fn a_late_answer_is_dropped_and_the_keys_after_it_are_kept() {
        let mut late = LateReply::expected(true);
        let mut events = vec![key(KeyCode::Char(']'), KeyModifiers::ALT)];
        events.extend(keys("11;rgb:ffff/ffff/ffff"));
        events.push(key(KeyCode::Char('\\'), KeyModifiers::ALT));
        assert!(events.iter().all(|e| late.swallows(e)));
        // After it, and for a second one, keys are the user's.
        assert!(!late.swallows(&keys("b")[0]));
        assert!(!late.swallows(&key(KeyCode::Char(']'), KeyModifiers::ALT)));
        // Not expected: nothing is dropped.
        let mut none = LateReply::expected(false);
        assert!(!none.swallows(&key(KeyCode::Char(']'), KeyModifiers::ALT)));
        // BEL ends one too, and a runaway one ends by its length.
        let mut bel = LateReply::expected(true);
        bel.swallows(&key(KeyCode::Char(']'), KeyModifiers::ALT));
        assert!(bel.swallows(&key(KeyCode::Char('g'), KeyModifiers::CONTROL)));
        assert!(!bel.swallows(&keys("j")[0]));
        let mut long = LateReply::expected(true);
        long.swallows(&key(KeyCode::Char(']'), KeyModifiers::ALT));
        let dropped = keys(&"x".repeat(100))
            .iter()
            .filter(|e| long.swallows(e))
            .count();
        assert_eq!(dropped, LONGEST + 1);
    }
}
