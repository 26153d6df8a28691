//! A quote with its citation, and its attribution alone, as copied to the clipboard.

use super::{Briefing, QuoteKind, Source, Speaker, SpeakerKind};
use crate::text::one_line;

impl Source {
    /// What is known of the source on one line, escaped: title, outlet and
    /// date, whichever are given; its id when neither title nor outlet is.
    /// `Witkoff interview, CNN, 2025-08-17` or `alaska-article, 2025-08-17`.
    pub fn label(&self) -> String {
        let mut parts: Vec<String> = [&self.title, &self.outlet]
            .into_iter()
            .flatten()
            .map(|s| one_line(s).into_owned())
            .collect();
        if parts.is_empty() {
            parts.push(one_line(&self.id).into_owned());
        }
        if let Some(p) = &self.published {
            parts.push(p.to_string());
        }
        parts.join(", ")
    }

    /// The source's name on one line, escaped, without its URL: title and
    /// outlet, else the archived copy's name, else the id; then the date.
    pub fn named(&self) -> String {
        let mut parts: Vec<String> = [&self.title, &self.outlet]
            .into_iter()
            .flatten()
            .map(|s| one_line(s.trim()).into_owned())
            .collect();
        if parts.is_empty() {
            let name = self.archived.as_deref().unwrap_or(&self.id);
            parts.push(one_line(name).into_owned());
        }
        if let Some(p) = &self.published {
            parts.push(p.to_string());
        }
        parts.join(", ")
    }

    /// The source as a citation names it, escaped: title and outlet,
    /// date, URL, whichever are given. Only when neither title, outlet nor
    /// URL is known does it fall back on the archived copy's name, then the id.
    pub fn cited(&self) -> String {
        let mut parts: Vec<String> = [&self.title, &self.outlet]
            .into_iter()
            .flatten()
            .map(|s| one_line(s.trim()).into_owned())
            .collect();
        if parts.is_empty() && self.url.is_none() {
            let name = self.archived.as_deref().unwrap_or(&self.id);
            parts.push(one_line(name).into_owned());
        }
        if let Some(p) = &self.published {
            parts.push(p.to_string());
        }
        if let Some(u) = &self.url {
            parts.push(one_line(u.trim()).into_owned());
        }
        parts.join(", ")
    }
}

impl Speaker {
    /// What kind of body speaks, for one that is not a person.
    pub fn kind_word(&self) -> Option<&'static str> {
        match self.kind {
            SpeakerKind::Person => None,
            SpeakerKind::Organisation => Some("organisation"),
            SpeakerKind::Government => Some("government"),
        }
    }

    /// The name with the kind of a body and the role, escaped, with no
    /// empty part: `Steve Witkoff, Special envoy`, `Russia · government`,
    /// `Nato · organisation, military alliance`.
    pub fn name_and_role(&self) -> String {
        let mut out = one_line(&self.name).into_owned();
        if let Some(kind) = self.kind_word() {
            out.push_str(" · ");
            out.push_str(kind);
        }
        if !self.role.trim().is_empty() {
            out.push_str(", ");
            out.push_str(&one_line(self.role.trim()));
        }
        out
    }
}

impl Briefing {
    /// The source with id `id`.
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }

    /// The source quote `qi` cites, if any.
    pub fn source_of(&self, qi: usize) -> Option<&Source> {
        self.quotes[qi]
            .source
            .as_deref()
            .and_then(|id| self.source(id))
    }

    /// The quote's text with speaker, role, venue and date on one line:
    /// `“text” — Name, role (affiliation), venue, date`. Every field is
    /// escaped, so pasting it cannot smuggle control sequences (such as the
    /// end of a bracketed paste) into a shell.
    pub fn citation(&self, qi: usize) -> String {
        let q = &self.quotes[qi];
        let text = one_line(q.text.trim());
        let attribution = self.attribution(qi);
        match q.kind {
            QuoteKind::Direct => format!("“{text}” — {attribution}"),
            QuoteKind::Reported => format!("{text} (reported) — {attribution}"),
        }
    }

    /// The citation, then the source it names, as copied:
    /// `“text” — Name, role, venue, date; source: Title, Outlet, date, URL`.
    pub fn citation_with_source(&self, qi: usize) -> String {
        let mut out = self.citation(qi);
        if let Some(s) = self.source_of(qi) {
            out.push_str("; source: ");
            out.push_str(&s.cited());
        }
        out
    }

    /// Who said the quote, where and when, escaped, without the text:
    /// `Name, role (affiliation), as reported by Name, venue, date`.
    pub fn attribution(&self, qi: usize) -> String {
        let q = &self.quotes[qi];
        let s = self.speaker_of(qi);
        let mut out = one_line(&s.name).into_owned();
        // In a library, the role the speaker had when the quote entered the story.
        let then = (self.library()).and_then(|l| l.quote_role(self.index.speaker_of_quote[qi], qi));
        let (role, affiliation) = match then {
            Some(r) => (&r.role, &r.affiliation),
            None => (&s.role, &s.affiliation),
        };
        if !role.trim().is_empty() {
            out.push_str(&format!(", {}", one_line(role.trim())));
        }
        if let Some(a) = affiliation {
            out.push_str(&format!(" ({})", one_line(a)));
        }
        if let Some(by) = q.reported_by.as_deref().and_then(|id| self.speaker(id)) {
            out.push_str(&format!(", as reported by {}", one_line(&by.name)));
        }
        if let Some(v) = &q.venue {
            out.push_str(&format!(", {}", one_line(v)));
        }
        out.push_str(&format!(", {}", q.at));
        out
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use crate::model::Briefing;

    #[test]
    fn citations_carry_no_control_characters() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/hostile/osc52-clipboard.toml");
        let text = std::fs::read_to_string(&path).unwrap();
        let b = Briefing::parse(&path, &text).unwrap();
        for qi in 0..b.quotes.len() {
            let c = b.citation(qi);
            assert!(!c.chars().any(crate::text::is_unsafe), "{c:?}");
            assert_eq!(crate::text::unsafe_chars(&c).count(), 0, "{c:?}");
        }
        let pasted = "ok\u{1b}[201~\ncurl x|sh\n";
        assert!(
            !crate::text::one_line(pasted)
                .chars()
                .any(crate::text::is_unsafe)
        );
    }

    #[test]
    fn citations_show_invisible_characters() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/hostile/invisible-characters.toml");
        let text = std::fs::read_to_string(&path).unwrap();
        let b = Briefing::parse(&path, &text).unwrap();
        let c = b.citation(1);
        assert_eq!(crate::text::unsafe_chars(&c).count(), 0, "{c:?}");
        let family = "\u{1f469}\u{200d}\u{1f469}\u{200d}\u{1f467}";
        assert_eq!(
            c,
            format!(
                "“\\u{{feff}}It is not.\\u{{e0020}}\\u{{e0072}}\\u{{e006d}}\\u{{e007f}} \\u{{200b}}curl\\u{{200d}}x” \
                 — Ben\\u{{200d}} \\u{{2060}}Hid\\u{{200c}}den {family}, Opposition leader, 2025-01-02"
            )
        );
    }
}
