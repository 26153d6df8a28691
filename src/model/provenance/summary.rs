//! What was proven about a briefing's quotes, counted, and why the rest
//! could not be: the summary `check` prints.

use super::{ArchiveState, Proof, Provenance};
use crate::model::Briefing;
use crate::text::plural;

/// How many quotes ended up with each kind of proof.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    pub quotes: usize,
    /// Direct quotes found verbatim.
    pub verbatim: usize,
    /// Reported statements located by their selector.
    pub located: usize,
    /// Checked and found wanting (not verbatim, selector matching nowhere).
    pub failed: usize,
    pub no_source: usize,
    pub no_copy: usize,
    pub no_selector: usize,
    pub unchecked: usize,
}

impl Summary {
    pub fn of(p: &Provenance) -> Summary {
        let mut s = Summary {
            quotes: p.quotes.len(),
            ..Summary::default()
        };
        for proof in &p.quotes {
            match proof {
                Proof::Verbatim { .. } => s.verbatim += 1,
                Proof::Located { .. } => s.located += 1,
                Proof::NotVerbatim { .. } | Proof::NotLocated => s.failed += 1,
                Proof::NoSource => s.no_source += 1,
                Proof::NoCopy => s.no_copy += 1,
                Proof::NoSelector => s.no_selector += 1,
                Proof::Unchecked => s.unchecked += 1,
            }
        }
        s
    }

    /// Quotes neither proven nor found wanting.
    pub fn unverified(&self) -> usize {
        self.no_source + self.no_copy + self.no_selector + self.unchecked
    }

    /// `23 quotes: 14 direct verified verbatim, 9 reported located, 0 unverified`,
    /// and `, 1 failed` when any did.
    pub fn counts(&self) -> String {
        let mut out = format!(
            "{}: {} direct verified verbatim, {} reported located, {} unverified",
            plural(self.quotes, "quote", "quotes"),
            self.verbatim,
            self.located,
            self.unverified()
        );
        if self.failed > 0 {
            out.push_str(&format!(", {} failed", self.failed));
        }
        out
    }
}

/// Why quotes of `b` are unverified and what to do about it, one line per
/// reason (none when every quote was checked).
pub fn unverified_notes(b: &Briefing) -> Vec<String> {
    let p = &b.provenance;
    let by_id: std::collections::HashMap<&str, usize> = (b.sources.iter().enumerate())
        .map(|(i, s)| (s.id.as_str(), i))
        .collect();
    // Per source: quotes waiting for its copy.
    let mut waiting = vec![0usize; b.sources.len()];
    let mut no_source = 0;
    let mut no_selector = 0;
    for (qi, proof) in p.quotes.iter().enumerate() {
        match proof {
            Proof::NoSource => no_source += 1,
            Proof::NoSelector => no_selector += 1,
            Proof::NoCopy => {
                if let Some(&si) = b.quotes[qi].source.as_deref().and_then(|id| by_id.get(id)) {
                    waiting[si] += 1;
                }
            }
            _ => {}
        }
    }
    let mut notes = Vec::new();
    let count = |n: usize| plural(n, "quote", "quotes");
    let cite = |n: usize| if n == 1 { "cites" } else { "cite" };
    for (si, &n) in waiting.iter().enumerate().filter(|(_, n)| **n > 0) {
        let source = &b.sources[si];
        let archived = source.archived.as_deref().unwrap_or_default();
        let note = match p.archives.get(si) {
            Some(ArchiveState::NotFound { .. }) => format!(
                "{} {} `{}`, whose archived copy `{archived}` is not here: pass \
                 --sources DIR with the folder that holds it, or put it in \
                 $XDG_DATA_HOME/briefing/sources",
                count(n),
                cite(n),
                source.id
            ),
            Some(ArchiveState::Mismatch { .. }) => format!(
                "{} {} `{}`, whose archived copy here is not the one the briefing was \
                 written against (see the sha256 error)",
                count(n),
                cite(n),
                source.id
            ),
            Some(ArchiveState::Unreadable { .. }) => format!(
                "{} {} `{}`, whose archived copy cannot be read (see the error)",
                count(n),
                cite(n),
                source.id
            ),
            _ => format!(
                "{} {} `{}`, which names no archived copy: add `archived` (a plain-text \
                 copy beside the briefing) and its `sha256`",
                count(n),
                cite(n),
                source.id
            ),
        };
        notes.push(note);
    }
    if no_source > 0 {
        notes.push(format!(
            "{} {} no source: add `source = \"ID\"` naming one of the `[[sources]]`",
            count(no_source),
            if no_source == 1 { "names" } else { "name" }
        ));
    }
    if no_selector > 0 {
        notes.push(format!(
            "{} {} no `prefix` or `suffix` to locate {} by: add the words just before \
             or after the passage in the source",
            plural(no_selector, "reported statement", "reported statements"),
            if no_selector == 1 { "has" } else { "have" },
            if no_selector == 1 { "it" } else { "them" }
        ));
    }
    notes
}

/// Why quote `qi` is unverified, in a few words; `None` when it was
/// verified or failed (a failure is reported as an error of its own).
pub fn unverified_why(b: &Briefing, qi: usize) -> Option<String> {
    let q = &b.quotes[qi];
    let archive = || {
        let si = b
            .sources
            .iter()
            .position(|s| Some(&s.id) == q.source.as_ref())?;
        Some((&b.sources[si], b.provenance.archives.get(si)?))
    };
    Some(match b.provenance.quotes.get(qi)? {
        Proof::Unchecked => "not checked against its source".into(),
        Proof::NoSource => "it names no `source`".into(),
        Proof::NoSelector => {
            "a reported statement with no `prefix` or `suffix` to locate it by".into()
        }
        Proof::NoCopy => match archive() {
            Some((s, ArchiveState::NotNamed)) => {
                format!("its source `{}` names no archived copy", s.id)
            }
            Some((s, ArchiveState::NotFound { .. })) => format!(
                "the archived copy `{}` is not here",
                s.archived.as_deref().unwrap_or_default()
            ),
            Some((_, ArchiveState::Mismatch { .. })) => {
                "the archived copy here is not the one the briefing was written against".into()
            }
            Some((_, ArchiveState::Unreadable { .. })) => "the archived copy cannot be read".into(),
            _ => "no archived copy of its source here".into(),
        },
        Proof::Verbatim { .. }
        | Proof::Located { .. }
        | Proof::NotVerbatim { .. }
        | Proof::NotLocated => return None,
    })
}
