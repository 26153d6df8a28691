//! A quote with its citation, as copied to the clipboard.

use super::{Briefing, QuoteKind};

impl Briefing {
    /// The quote's text with speaker, role, venue and date, one line each part:
    /// `“text” — Name, role (affiliation), venue, date`.
    pub fn citation(&self, qi: usize) -> String {
        let q = &self.quotes[qi];
        let s = self.speaker_of(qi);
        let mut out = match q.kind {
            QuoteKind::Direct => format!("“{}” — {}", q.text.trim(), s.name),
            QuoteKind::Reported => format!("{} (reported) — {}", q.text.trim(), s.name),
        };
        out.push_str(&format!(", {}", s.role));
        if let Some(a) = &s.affiliation {
            out.push_str(&format!(" ({a})"));
        }
        if let Some(by) = q.reported_by.as_deref().and_then(|id| self.speaker(id)) {
            out.push_str(&format!(", as reported by {}", by.name));
        }
        if let Some(v) = &q.venue {
            out.push_str(&format!(", {v}"));
        }
        out.push_str(&format!(", {}", q.at));
        out
    }
}
