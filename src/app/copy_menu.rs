//! The copy menu (`y`): what can be copied of the selected item, each choice
//! with its own letter, and what choosing one does.
//!
//! The letters belong to the menu, as in lazygit's menus: they are shown
//! beside each choice, differ by kind of item, and come before the popup
//! keys while the menu is open. They avoid the keys that move and close
//! (`j`, `k`, `g`, `G`, `q`, `y`). Moving, Enter and Esc are the popup keys
//! of the keymap; `y` again copies the highlighted choice (`yy` copies the
//! first).

use ratatui::crossterm::event::{KeyCode, KeyModifiers};
use ratatui::layout::Rect;

use crate::export::snippet;
use crate::keys::Key;
use crate::model::{Briefing, QuoteKind};

use super::menu::{self, Step};
use super::{Action, App, Effect, Popup, Target};

/// One thing the menu can copy.
#[derive(Debug)]
pub struct Choice {
    /// The key that copies it at once.
    pub key: char,
    /// What it is, as the menu and the status line say.
    pub label: &'static str,
    /// The text, for an item of the choice's kind.
    text: fn(&Briefing, usize) -> String,
    /// Whether the item has it (an event without detail has no detail).
    offered: fn(&Briefing, usize) -> bool,
}

impl Choice {
    const fn new(key: char, label: &'static str, text: fn(&Briefing, usize) -> String) -> Choice {
        Choice {
            key,
            label,
            text,
            offered: |_, _| true,
        }
    }
}

const QUOTE: &[Choice] = &[
    Choice::new('c', "quote with citation", |b, q| b.citation_with_source(q)),
    Choice::new('t', "quote text only", snippet::quote_text),
    Choice::new(
        'm',
        "Markdown quote with attribution",
        snippet::quote_markdown,
    ),
    Choice::new('a', "citation only (who, where, when)", |b, q| {
        b.attribution(q)
    }),
    Choice::new('i', "the quote's id", |b, q| snippet::id(&b.quotes[q].id)),
];

const EVENT: &[Choice] = &[
    Choice::new('c', "date — title (place)", snippet::event_line),
    Choice {
        offered: |b, e| b.events[e].detail.is_some(),
        ..Choice::new(
            'd',
            "date — title (place) and detail",
            snippet::event_with_detail,
        )
    },
    Choice::new('m', "Markdown list item", snippet::event_markdown),
    Choice::new('i', "the event's id", |b, e| snippet::id(&b.events[e].id)),
];

const SPEAKER: &[Choice] = &[
    Choice::new('c', "name, role (affiliation)", snippet::speaker_line),
    Choice::new('n', "name only", snippet::speaker_name),
    Choice::new('i', "the speaker's id", |b, s| {
        snippet::id(&b.speakers[s].id)
    }),
];

const DISAGREEMENT: &[Choice] = &[
    Choice::new('c', "title and summary", snippet::disagreement_text),
    Choice::new(
        'm',
        "Markdown with the positions",
        snippet::disagreement_markdown,
    ),
    Choice::new('i', "the disagreement's id", |b, d| {
        snippet::id(&b.disagreements[d].id)
    }),
];

/// Columns before each preview line.
pub const PREVIEW_INDENT: usize = 2;

/// The item's index in its list.
fn item(target: Target) -> usize {
    match target {
        Target::Event(i) | Target::Speaker(i) | Target::Quote(i) | Target::Disagreement(i) => i,
    }
}

/// The choices for `target`, in menu order.
pub fn choices(b: &Briefing, target: Target) -> Vec<&'static Choice> {
    let all = match target {
        Target::Quote(_) => QUOTE,
        Target::Event(_) => EVENT,
        Target::Speaker(_) => SPEAKER,
        Target::Disagreement(_) => DISAGREEMENT,
    };
    let i = item(target);
    all.iter().filter(|c| (c.offered)(b, i)).collect()
}

/// The text `choice` copies of `target`: every field escaped.
pub fn text(b: &Briefing, target: Target, choice: &Choice) -> String {
    (choice.text)(b, item(target))
}

/// The menu's title: "Copy quote".
pub fn title(b: &Briefing, target: Target) -> &'static str {
    match target {
        Target::Quote(q) if b.quotes[q].kind == QuoteKind::Reported => "Copy reported statement",
        Target::Quote(_) => "Copy quote",
        Target::Event(_) => "Copy event",
        Target::Speaker(_) => "Copy speaker",
        Target::Disagreement(_) => "Copy disagreement",
    }
}

/// The preview of the highlighted choice: its text wrapped to the menu
/// (indented by [`PREVIEW_INDENT`], one column free on the right), in as
/// many lines as the screen leaves under the entries; the last ends in `…`
/// only when even the whole screen cannot hold it.
pub fn preview(b: &Briefing, target: Target, cursor: usize, screen: Rect) -> Vec<String> {
    let all = choices(b, target);
    let Some(choice) = all.get(cursor).copied() else {
        return Vec::new();
    };
    let tallest = menu::area(screen, usize::from(u16::MAX));
    let inner = usize::from(tallest.width.saturating_sub(2));
    let width = inner.saturating_sub(PREVIEW_INDENT + 1).max(1);
    // Rows inside the tallest menu, less the entries and the blank line.
    let room = usize::from(tallest.height.saturating_sub(2))
        .saturating_sub(all.len() + 1)
        .max(1);
    let mut lines = crate::text::wrap(&text(b, target, choice), width);
    if lines.len() > room {
        lines.truncate(room);
        let last = &lines[room - 1];
        let cut = crate::text::truncate(&format!("{last} …"), width).into_owned();
        lines[room - 1] = if cut.ends_with('…') {
            cut
        } else {
            format!("{} …", crate::text::truncate(last, width.saturating_sub(2)))
        };
    }
    lines
}

/// The menu's outer rectangle on `screen`: its entries, a blank line and
/// room for the longest preview, so it stays put as the cursor moves.
pub fn area(b: &Briefing, target: Target, screen: Rect) -> Rect {
    let entries = choices(b, target).len();
    let preview = (0..entries)
        .map(|c| preview(b, target, c, screen).len())
        .max()
        .unwrap_or(0);
    menu::area(screen, entries + 1 + preview)
}

impl App {
    /// Opens the copy menu for `target`.
    pub(super) fn open_copy_menu(&mut self, target: Target) {
        self.popups.push(Popup::CopyMenu { target, cursor: 0 });
    }

    /// What `key` does while the copy menu is open: a plain letter names
    /// one of its choices; other keys as [`App::menu_key`] says.
    pub(super) fn copy_menu_key(&self, key: &Key) -> Option<Action> {
        let Some(Popup::CopyMenu { target, .. }) = self.popups.last() else {
            return None;
        };
        let letter = match key.code {
            KeyCode::Char(c)
                if !key
                    .mods
                    .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
            {
                Some(c)
            }
            _ => None,
        };
        (choices(self.briefing(), *target).iter())
            .position(|choice| Some(choice.key) == letter)
            .map(Action::Choose)
            .or_else(|| self.menu_key(key, &Action::Copy))
    }

    pub(super) fn update_copy_menu(&mut self, action: Action) {
        let Some(&Popup::CopyMenu { target, cursor }) = self.popups.last() else {
            return;
        };
        let b = self.briefing();
        let all = choices(b, target);
        let outer = area(b, target, self.screen());
        let action = match action {
            Action::Copy => Action::Confirm,
            other => other,
        };
        match menu::step(&action, cursor, all.len(), outer, all.len()) {
            Step::Move(to) => {
                if let Some(Popup::CopyMenu { cursor, .. }) = self.popups.last_mut() {
                    *cursor = to;
                }
            }
            Step::Pick(i) => {
                let choice = all[i];
                let copied = text(b, target, choice);
                self.popups.pop();
                self.effects.push(Effect::Copy(copied));
                self.message = Some(format!(
                    "{}: sent to the terminal's clipboard",
                    choice.label
                ));
            }
            Step::Close => {
                self.popups.pop();
            }
            Step::Ignore => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_are_unique_and_leave_the_moving_keys_alone() {
        for all in [QUOTE, EVENT, SPEAKER, DISAGREEMENT] {
            let mut keys: Vec<char> = all.iter().map(|c| c.key).collect();
            keys.sort_unstable();
            keys.dedup();
            assert_eq!(keys.len(), all.len());
            assert!(keys.iter().all(|k| !"jkgGqy?".contains(*k)), "{keys:?}");
        }
    }
}
