//! The Markdown digest's provenance: each quote's footnote naming its source,
//! the mark on a quote that is not verified, and the Sources section.

use std::collections::HashMap;
use std::fmt::Write as _;

use super::markdown::{field, leading_field, url};
use super::proof;
use crate::model::provenance::ArchiveState;
use crate::model::{Briefing, Proof, Source};

/// The footnote reference to quote `qi`'s source (`[^alaska-article]`),
/// or nothing when it cites none.
pub fn footnote(b: &Briefing, qi: usize) -> String {
    // A loaded briefing cites only sources it defines.
    (b.quotes[qi].source.as_deref())
        .map(|id| format!("[^{}]", field(id)))
        .unwrap_or_default()
}

/// What to say after a quote that is not verified against its archived
/// source (` · **unverified**: why`); nothing for a verified quote.
pub fn mark(b: &Briefing, qi: usize) -> String {
    let (word, why) = match proof::of(b, qi) {
        Proof::Verbatim { .. } | Proof::Located { .. } => return String::new(),
        Proof::Unchecked => ("unverified", "not checked against its source"),
        Proof::NoSource => ("unverified", "cites no source"),
        Proof::NoCopy => ("unverified", no_copy_why(b, qi)),
        Proof::NoSelector => ("unverified", "no prefix or suffix to locate it by"),
        Proof::NotVerbatim { .. } => ("not verbatim", "not found word for word in its source"),
        Proof::NotLocated => ("not located", "its selector fits nowhere in its source"),
    };
    format!(" · **{word}**: {why}")
}

/// Why quote `qi` has no copy to be checked against: none here, or one
/// that is not the copy the briefing was written against.
fn no_copy_why(b: &Briefing, qi: usize) -> &'static str {
    let source = b.quotes[qi].source.as_deref();
    let si = source.and_then(|id| b.sources.iter().position(|s| s.id == id));
    match si.and_then(|si| b.provenance.archives.get(si)) {
        Some(ArchiveState::Mismatch { .. }) => {
            "the archived copy here is not the one the briefing was written against (sha256 differs)"
        }
        Some(ArchiveState::Unreadable { .. }) => "its source's archived copy cannot be read",
        _ => "no archived copy of its source here",
    }
}

/// What is known of a source on one line: title, outlet, date and URL,
/// whichever are given (its id when it has neither title nor outlet), then
/// its archived copy and whether it was found.
fn describe(s: &Source, archive: Option<&ArchiveState>) -> String {
    // The first part is escaped as a block start: it starts a list item.
    let mut parts: Vec<String> = [&s.title, &s.outlet]
        .into_iter()
        .flatten()
        .enumerate()
        .map(|(i, t)| if i == 0 { leading_field(t) } else { field(t) })
        .collect();
    if parts.is_empty() {
        parts.push(leading_field(&s.id));
    }
    if let Some(p) = &s.published {
        parts.push(p.to_string());
    }
    let mut line = parts.join(", ");
    if let Some(u) = &s.url {
        let _ = write!(line, " {}", url(u));
    }
    if let Some(file) = &s.archived {
        let state = match archive {
            None => "",
            Some(ArchiveState::Found(_)) => ", found here",
            Some(ArchiveState::Mismatch { .. }) => ", found but not the copy the briefing cites",
            Some(ArchiveState::NotFound { .. }) => ", not available here",
            Some(ArchiveState::Unreadable { .. }) => ", unreadable here",
            Some(ArchiveState::NotNamed) => "",
        };
        let sha = s
            .sha256
            .as_deref()
            .map(|d| format!(", SHA-256 {}", field(d)))
            .unwrap_or_default();
        let _ = write!(line, "; archived copy {}{sha}{state}", field(file));
    }
    line
}

/// The Sources section: a footnote definition for each source a shown
/// quote cites (`[^id]: …`, each followed by a blank line), then a bullet
/// for each other source; empty when the briefing has no sources.
pub fn sources_section(b: &Briefing, shown: &[bool]) -> String {
    if b.sources.is_empty() {
        return String::new();
    }
    let by_id: HashMap<&str, usize> = (b.sources.iter().enumerate())
        .map(|(i, s)| (s.id.as_str(), i))
        .collect();
    let mut cited = vec![false; b.sources.len()];
    for (qi, _) in shown.iter().enumerate().filter(|(_, s)| **s) {
        if let Some(&si) = b.quotes[qi].source.as_deref().and_then(|id| by_id.get(id)) {
            cited[si] = true;
        }
    }
    let mut out = String::from("## Sources\n\n");
    for (si, s) in b.sources.iter().enumerate() {
        let line = describe(s, b.provenance.archives.get(si));
        if cited[si] {
            // Each definition its own block.
            let _ = writeln!(out, "[^{}]: {line}\n", field(&s.id));
        }
    }
    for (si, s) in b.sources.iter().enumerate().filter(|&(si, _)| !cited[si]) {
        let line = describe(s, b.provenance.archives.get(si));
        let _ = writeln!(out, "- {line}");
    }
    out
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;
    use crate::export::markdown::to_markdown;
    use crate::model::provenance::Archive;

    fn verified_alaska() -> Briefing {
        let mut b = Briefing::bundled();
        b.provenance.archives = vec![ArchiveState::Found(Archive {
            path: PathBuf::from("alaska-summit-2025-08-17.txt"),
            text: String::new(),
        })];
        for (qi, q) in b.quotes.iter().enumerate() {
            b.provenance.quotes[qi] = match q.kind {
                crate::model::QuoteKind::Direct => Proof::Verbatim {
                    at: 0..0,
                    occurrences: 1,
                },
                crate::model::QuoteKind::Reported => Proof::Located { at: 0..0 },
            };
        }
        b
    }

    #[test]
    fn verified_quotes_cite_their_source_without_a_mark() {
        let md = to_markdown(&verified_alaska());
        assert!(!md.contains("**unverified**"), "{md}");
        assert!(
            md.contains("> — 2025-08-17, ABC[^alaska-article]\n"),
            "{md}"
        );
        assert!(
            md.contains("\n[^alaska-article]: alaska-article, 2025-08-17; archived copy alaska-summit-2025-08-17.txt, SHA-256 b14e"),
            "{md}"
        );
        assert!(md.trim_end().ends_with(", found here"), "{md}");
    }

    #[test]
    fn each_unverified_state_is_marked_in_words() {
        let mut b = verified_alaska();
        let abc = b.index.quote_by_id["rubio-president-clear-consequences"];
        for (proof, mark) in [
            (
                Proof::Unchecked,
                "**unverified**: not checked against its source",
            ),
            (Proof::NoSource, "**unverified**: cites no source"),
            (
                Proof::NoCopy,
                "**unverified**: no archived copy of its source here",
            ),
            (
                Proof::NoSelector,
                "**unverified**: no prefix or suffix to locate it by",
            ),
            (
                Proof::NotVerbatim { closest: None },
                "**not verbatim**: not found word for word in its source",
            ),
            (
                Proof::NotLocated,
                "**not located**: its selector fits nowhere in its source",
            ),
        ] {
            b.provenance.quotes[abc] = proof;
            let md = to_markdown(&b);
            let line = format!("> — 2025-08-17, ABC[^alaska-article] · {mark}\n");
            assert!(md.contains(&line), "{line:?} in\n{md}");
            assert_eq!(md.matches(" · **").count(), 1, "{md}");
        }
    }

    #[test]
    fn a_source_no_shown_quote_cites_is_a_bullet() {
        let b = Briefing::bundled();
        let section = sources_section(&b, &vec![false; b.quotes.len()]);
        assert_eq!(
            section,
            "## Sources\n\n- alaska-article, 2025-08-17; archived copy \
             alaska-summit-2025-08-17.txt, SHA-256 \
             b14e93439d9ad915970588bbf006d1672acdb0f7fba06d12e8f21674d62bdd44\n"
        );
    }
}
