//! The tab row of the one-pane layout: each pane's number, name and row
//! count, with `●` where the pane holds items linked to what is shown, cut
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

impl App {
    /// The tabs for a row of `width` columns, one column apart. The focused
    /// tab keeps its whole name; the others' names shorten until the row
    /// fits, down to number and count ("2 6").
    pub fn tabs(&self, width: u16) -> Vec<Tab> {
        let longest = Pane::ALL.iter().map(|p| p.title().len()).max().unwrap_or(0);
        let mut labels = Vec::new();
        // A name cut shorter than three columns says nothing: then none.
        for name_width in (3..=longest).rev().chain([0]) {
            labels = Pane::ALL
                .iter()
                .map(|&pane| self.tab_label(pane, name_width))
                .collect();
            let total: usize = labels.iter().map(|l| l.chars().count() + 1).sum();
            if total <= usize::from(width) + 1 {
                break;
            }
        }
        let mut x = 0u16;
        Pane::ALL
            .into_iter()
            .zip(labels)
            .map(|(pane, label)| {
                let width = u16::try_from(label.chars().count()).unwrap_or(u16::MAX);
                let tab = Tab {
                    pane,
                    label,
                    x,
                    width,
                };
                x = x.saturating_add(width + 1);
                tab
            })
            .collect()
    }

    /// " 2 Speakers 6 ", the name cut to `name_width` unless focused, and
    /// "●" when the pane has linked items.
    fn tab_label(&self, pane: Pane, name_width: usize) -> String {
        let name = if pane == self.focus {
            pane.title().to_string()
        } else {
            match name_width {
                0 => String::new(),
                w => truncate(pane.title(), w).into_owned(),
            }
        };
        let mark = match pane {
            _ if !self.has_linked(pane) => "",
            Pane::Speakers => "★",
            _ => "●",
        };
        let name = if name.is_empty() {
            String::new()
        } else {
            format!("{name} ")
        };
        format!(" {} {name}{}{mark} ", pane.index() + 1, self.rows.len(pane))
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
