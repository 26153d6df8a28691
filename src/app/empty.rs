//! Why a pane is empty: nothing of its kind in the briefing, or nothing
//! under what narrows it now.

use super::{App, Pane};
use crate::text::one_line;

impl App {
    /// What an empty `pane` says: "no events in this briefing", or "no events
    /// under this filter: topic Territory".
    pub fn empty_message(&self, pane: Pane) -> String {
        let b = self.briefing();
        let (kind, total) = match pane {
            Pane::Timeline => ("events", b.events.len()),
            Pane::Speakers => ("speakers", b.speakers.len()),
            Pane::Quotes => ("quotes", b.quotes.len()),
            Pane::Disagreements => ("disagreements", b.disagreements.len()),
        };
        let narrowing = self.narrowing(pane);
        if total == 0 || narrowing.is_empty() {
            return format!("no {kind} in this briefing");
        }
        format!("no {kind} under this filter: {}", narrowing.join("; "))
    }

    /// What narrows `pane` now, one phrase each ("topic Territory",
    /// "following Donald Trump"). Every filter of the rows adds its phrase
    /// here, so that an empty pane can say why it is empty.
    pub fn narrowing(&self, pane: Pane) -> Vec<String> {
        let b = self.briefing();
        let mut out = Vec::new();
        match self.topics.len() {
            0 => {}
            1 => {
                let t = *self.topics.first().expect("one topic");
                out.push(format!("topic {}", one_line(&b.topics[t].name)));
            }
            n => out.push(format!("any of {n} topics")),
        }
        if pane == Pane::Quotes
            && let Some(s) = self.followed
        {
            out.push(format!("following {}", one_line(&b.speakers[s].name)));
        }
        if let Some(range) = self.date_range() {
            out.push(format!("dates {}", self.dates_tag(range)));
        }
        if let Some(f) = (self.filter.as_ref()).filter(|f| f.pane == pane && !f.query.is_empty()) {
            out.push(format!("matching “{}”", one_line(&f.query)));
        }
        out
    }
}
