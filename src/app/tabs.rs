//! The tab row of the one-pane layout: each pane's number, name and item
//! count, with `●` where the pane holds items linked to what is shown, fit
//! to the screen's width; shared by drawing and mouse clicks.

use super::{App, DisagreementRow, Pane, Target};
use crate::text::truncate;

/// One tab: its pane, label, start column and width.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tab {
    pub pane: Pane,
    pub label: String,
    pub x: u16,
    pub width: u16,
}

/// A short name per pane for the narrowest rows, in `Pane::ALL` order.
const SHORT: [&str; 4] = ["Time", "Spk", "Quot", "Dis"];

/// How tabs are set apart: padded labels one column apart (three blank
/// columns between names), bare labels two apart, or bare labels one apart.
#[derive(Clone, Copy)]
enum Spacing {
    Padded,
    Bare(u16),
}

/// The unfocused tabs' names: cut to a width, short, or left out.
#[derive(Clone, Copy)]
enum Names {
    Cut(usize),
    Short,
    None,
}

impl App {
    /// The tabs for a row of `width` columns. The focused tab keeps its
    /// whole name; the others' names shorten ("Timeli…", down to "Tim…"),
    /// then the gaps narrow, then short names ("Time", "Spk") stand in,
    /// and only then do the names go, leaving number and count ("2 6").
    pub fn tabs(&self, width: u16) -> Vec<Tab> {
        let longest = Pane::ALL.iter().map(|p| p.title().len()).max().unwrap_or(0);
        let two = [Spacing::Padded, Spacing::Bare(2)];
        let all = [Spacing::Padded, Spacing::Bare(2), Spacing::Bare(1)];
        // A name cut shorter than four columns ("Ti…") says nothing.
        let tries = ((4..=longest).rev())
            .flat_map(|w| two.map(|s| (Names::Cut(w), s)))
            .chain(all.map(|s| (Names::Short, s)))
            .chain(all.map(|s| (Names::None, s)));
        let mut tabs = Vec::new();
        for (names, spacing) in tries {
            tabs = self.lay_out(names, spacing);
            let end = tabs.last().map_or(0, |t| t.x + t.width);
            if end <= width {
                break;
            }
        }
        tabs
    }

    /// The tabs with unfocused names from `name`, set apart by `spacing`.
    fn lay_out(&self, names: Names, spacing: Spacing) -> Vec<Tab> {
        let (pad, gap, mut x) = match spacing {
            Spacing::Padded => (" ", 1, 0),
            Spacing::Bare(gap) => ("", gap, 1),
        };
        Pane::ALL
            .into_iter()
            .map(|pane| {
                let name = if pane == self.focus {
                    pane.title().to_string()
                } else {
                    match names {
                        Names::Cut(w) => truncate(pane.title(), w).into_owned(),
                        Names::Short => SHORT[pane.index()].to_string(),
                        Names::None => String::new(),
                    }
                };
                let label = format!("{pad}{}{pad}", self.tab_label(pane, &name));
                let width = u16::try_from(label.chars().count()).unwrap_or(u16::MAX);
                let tab = Tab {
                    pane,
                    label,
                    x,
                    width,
                };
                x = x.saturating_add(width).saturating_add(gap);
                tab
            })
            .collect()
    }

    /// "2 Speakers 6", and "●" when the pane has linked items. The count is
    /// of items: a disagreement and its positions count once.
    fn tab_label(&self, pane: Pane, name: &str) -> String {
        let mark = match pane {
            _ if !self.has_linked(pane) => "",
            Pane::Speakers => "★",
            _ => "●",
        };
        let count = match pane {
            Pane::Disagreements => (self.rows.disagreements.iter())
                .filter(|r| matches!(r, DisagreementRow::Heading(_)))
                .count(),
            _ => self.rows.len(pane),
        };
        let name = if name.is_empty() {
            String::new()
        } else {
            format!("{name} ")
        };
        format!("{} {name}{count}{mark}", pane.index() + 1)
    }

    /// Does `pane` mark items linked to the followed speaker or to the
    /// focused selection (the `●` and `★` the panes draw)? Looks only at the
    /// few items linked, never at every row: a pane with rows is marked when
    /// anything is linked to it, even if the filter hides that item.
    pub fn has_linked(&self, pane: Pane) -> bool {
        if pane == self.focus || self.rows.len(pane) == 0 {
            return false;
        }
        let b = self.briefing();
        let ix = &b.index;
        let followed = self.followed;
        let quote = self.focused_quote();
        match pane {
            Pane::Speakers => followed.is_some(),
            Pane::Timeline => {
                followed.is_some_and(|s| !ix.events_by_speaker[s].is_empty())
                    || quote.is_some_and(|q| b.quotes[q].event.is_some())
            }
            Pane::Quotes => match self.selected_target(self.focus) {
                Some(Target::Event(e)) => !ix.quotes_by_event[e].is_empty(),
                Some(Target::Disagreement(_)) => {
                    let row = self.lists[Pane::Disagreements.index()].selected;
                    match self.rows.disagreements.get(row) {
                        Some(DisagreementRow::Position(d, p)) => {
                            !b.disagreements[*d].positions[*p].quotes.is_empty()
                        }
                        Some(DisagreementRow::Heading(d)) => b.disagreements[*d]
                            .positions
                            .iter()
                            .any(|p| !p.quotes.is_empty()),
                        None => false,
                    }
                }
                _ => false,
            },
            Pane::Disagreements => {
                followed.is_some_and(|s| !ix.positions_by_speaker[s].is_empty())
                    || quote.is_some_and(|q| !ix.positions_by_quote[q].is_empty())
            }
        }
    }
}
