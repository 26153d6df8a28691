//! What the reader says about a quote's provenance: the one-character mark
//! its rows carry (verified, failed, unverified) and the sentence its detail
//! view spells out, naming the archived copy and the line and column.

use crate::model::provenance::ArchiveState;
use crate::model::{Briefing, Proof, QuoteKind, Source};
use crate::text::one_line;

/// Checked against the archived source and found (verbatim or located).
pub const VERIFIED: &str = "✓";
/// Checked against the archived source and not found there.
pub const FAILED: &str = "✗";
/// Not checked against an archived source: none named, no copy here, or
/// nothing to locate a reported statement by.
pub const UNVERIFIED: &str = "○";

/// The three states a quote's mark shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    Verified,
    Failed,
    Unverified,
}

impl Standing {
    pub fn mark(self) -> &'static str {
        match self {
            Standing::Verified => VERIFIED,
            Standing::Failed => FAILED,
            Standing::Unverified => UNVERIFIED,
        }
    }
}

/// Where quote `qi` stands; `None` while verification has not run.
pub fn standing(b: &Briefing, qi: usize) -> Option<Standing> {
    let proof = b.provenance.quotes.get(qi)?;
    Some(if proof.is_verified() {
        Standing::Verified
    } else if proof.is_failed() {
        Standing::Failed
    } else if *proof == Proof::Unchecked {
        return None;
    } else {
        Standing::Unverified
    })
}

/// Quote `qi`'s mark; `None` while verification has not run.
pub fn mark(b: &Briefing, qi: usize) -> Option<&'static str> {
    standing(b, qi).map(Standing::mark)
}

/// The index in `b.sources` of the source quote `qi` cites.
pub fn source_index(b: &Briefing, qi: usize) -> Option<usize> {
    let id = b.quotes[qi].source.as_deref()?;
    b.sources.iter().position(|s| s.id == id)
}

/// The archived text of source `si`, when it is at hand.
pub fn archive_text(b: &Briefing, si: usize) -> Option<&str> {
    match b.provenance.archives.get(si)? {
        ArchiveState::Found(a) => Some(&a.text),
        _ => None,
    }
}

/// The archived copy's name as the briefing gives it (escaped), else the source's label.
pub fn archive_name(s: &Source) -> String {
    match &s.archived {
        Some(a) => one_line(a).into_owned(),
        None => s.named(),
    }
}

/// The 1-based line and column (in characters) of byte `at` of `text`.
pub fn line_column(text: &str, at: usize) -> (usize, usize) {
    let before = &text[..at.min(text.len())];
    let line = before.bytes().filter(|&c| c == b'\n').count() + 1;
    let start = before.rfind('\n').map_or(0, |n| n + 1);
    (line, before[start..].chars().count() + 1)
}

/// Why the archived copy of source `si` is not used here, as the end of a
/// sentence: "… is not available here (pass --sources DIR)".
pub fn missing_copy(b: &Briefing, si: usize) -> String {
    let s = &b.sources[si];
    let name = archive_name(s);
    match b.provenance.archives.get(si) {
        Some(ArchiveState::NotNamed) => "its source names no archived copy".into(),
        None if s.archived.is_none() => "its source names no archived copy".into(),
        None => format!("the archived copy {name} has not been read"),
        Some(ArchiveState::NotFound { .. }) => format!(
            "the archived copy {name} is not available here (pass --sources DIR, \
             the folder that holds it)"
        ),
        Some(ArchiveState::Unreadable { path, reason }) => format!(
            "the archived copy {} could not be read: {}",
            one_line(&path.display().to_string()),
            one_line(reason)
        ),
        Some(ArchiveState::Mismatch { path, .. }) => format!(
            "the archived copy {} is not the one the briefing was written against \
             (its sha256 differs)",
            one_line(&path.display().to_string())
        ),
        Some(ArchiveState::Found(_)) => format!("the archived copy {name} is at hand"),
    }
}

/// In a few words, why source `si`'s archived copy is not shown, for the
/// source view's title: the same reason [`missing_copy`] spells out.
pub fn missing_copy_tag(b: &Briefing, si: usize) -> &'static str {
    match b.provenance.archives.get(si) {
        Some(ArchiveState::NotNamed) => "(no archived copy)",
        None if b.sources[si].archived.is_none() => "(no archived copy)",
        None => "(copy not read)",
        Some(ArchiveState::NotFound { .. }) => "(no copy here)",
        Some(ArchiveState::Unreadable { .. }) => "(copy unreadable)",
        Some(ArchiveState::Mismatch { .. }) => "(copy differs)",
        Some(ArchiveState::Found(_)) => "",
    }
}

/// The detail view's sentence on quote `qi`'s provenance, with its mark.
pub fn sentence(b: &Briefing, qi: usize) -> String {
    let proof = b
        .provenance
        .quotes
        .get(qi)
        .cloned()
        .unwrap_or(Proof::Unchecked);
    let si = source_index(b, qi);
    let text = si.and_then(|si| archive_text(b, si));
    let name = si.map_or_else(String::new, |si| archive_name(&b.sources[si]));
    let at = |byte: usize| match text {
        Some(t) => {
            let (l, c) = line_column(t, byte);
            format!("{name}, line {l}, column {c}")
        }
        None => name.clone(),
    };
    let why = si.map_or_else(
        || "it names no source".to_string(),
        |si| missing_copy(b, si),
    );
    let mark = mark(b, qi).map_or(String::new(), |m| format!("{m} "));
    let said = match proof {
        Proof::Unchecked => "Not checked against its source".to_string(),
        Proof::NoSource => "Not verified: the quote names no source".into(),
        Proof::NoCopy => format!("Not verified: {why}"),
        Proof::NoSelector => "Not verified: a reported statement is found in its source by \
                              its prefix or suffix, and this one has neither"
            .into(),
        Proof::Verbatim { at: r, occurrences } => {
            let mut s = format!("Verified verbatim in {}", at(r.start));
            if occurrences > 1 {
                s.push_str(&format!(
                    " (the text occurs {occurrences} times there; nothing tells the places apart)"
                ));
            }
            s
        }
        Proof::Located { at: r } => format!("Located by its prefix/suffix in {}", at(r.start)),
        Proof::NotVerbatim { closest } => {
            let mut s = format!("Not verbatim: the text does not occur in {name}");
            if let Some(r) = closest {
                let (l, c) = text.map_or((0, 0), |t| line_column(t, r.start));
                if l > 0 {
                    s.push_str(&format!("; the closest passage is at line {l}, column {c}"));
                }
            }
            s
        }
        Proof::NotLocated => match b.quotes[qi].kind {
            QuoteKind::Direct => {
                format!("Not located: its text with its prefix/suffix matches nowhere in {name}")
            }
            QuoteKind::Reported => {
                format!("Not located: its prefix/suffix matches nowhere in {name}")
            }
        },
    };
    format!("{mark}{said}")
}

#[cfg(test)]
mod tests {
    use super::line_column;

    #[test]
    fn lines_and_columns_count_from_one_in_characters() {
        let t = "ab\n“cd” ef\n";
        assert_eq!(line_column(t, 0), (1, 1));
        assert_eq!(line_column(t, 3), (2, 1));
        let e = t.find('e').unwrap();
        assert_eq!(line_column(t, e), (2, 6));
    }
}
