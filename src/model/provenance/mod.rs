//! Provenance: each quote tied to its place in an archived copy of its
//! source, and what could be proven about it.
//!
//! [`verify`] finds each source's archived copy, checks its digest, and
//! locates every quote in it: a direct quote verbatim (only runs of
//! whitespace may differ), a reported statement by its `prefix`/`suffix`
//! selector. No terminal code: the reader and `check` both show the result.

mod archive;
mod closest;
mod hash;
mod locate;
mod normal;
mod summary;
mod verify;

use std::ops::Range;
use std::path::PathBuf;

pub use archive::{data_dir, sha256};
pub use normal::{Normal, squeeze};
pub use summary::{Summary, unverified_notes, unverified_why};
pub use verify::{verify, verify_in};

/// What was proven about each quote of one briefing.
#[derive(Debug, Clone, Default)]
pub struct Provenance {
    /// Per source, in the order of `Briefing::sources`.
    pub archives: Vec<ArchiveState>,
    /// Per quote, in the order of `Briefing::quotes`.
    pub quotes: Vec<Proof>,
}

/// Whether a source's archived copy is at hand.
#[derive(Debug, Clone, Default)]
pub enum ArchiveState {
    /// The source names no archived copy.
    #[default]
    NotNamed,
    /// Named, but not found in any of these places.
    NotFound { looked_in: Vec<PathBuf> },
    /// Found, but it could not be read (too large, not UTF-8, not a file).
    Unreadable { path: PathBuf, reason: String },
    /// Found, but its SHA-256 is not the one the briefing gives: it is not
    /// the copy the briefing was written against, so nothing is verified
    /// against it.
    Mismatch { path: PathBuf, found: String },
    /// Found, read, and its digest (if given) matches.
    Found(Archive),
}

/// An archived copy of a source, as read.
#[derive(Debug, Clone)]
pub struct Archive {
    pub path: PathBuf,
    pub text: String,
}

/// What is proven about one quote.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Proof {
    /// Verification has not run (the reader before loading sources).
    #[default]
    Unchecked,
    /// The quote names no source.
    NoSource,
    /// Its source's archived copy is not available here (or is not the
    /// copy the briefing was written against).
    NoCopy,
    /// A reported statement that cites a source with no `prefix`/`suffix`
    /// to locate it by.
    NoSelector,
    /// A direct quote found verbatim at `at` (byte range of the archive);
    /// `occurrences` > 1 when its text occurs more than once and nothing
    /// tells the places apart.
    Verbatim {
        at: Range<usize>,
        occurrences: usize,
    },
    /// A reported statement located by its selector: `at` is the passage
    /// between `prefix` and `suffix`.
    Located { at: Range<usize> },
    /// A direct quote whose text does not occur in the archive; `closest`
    /// is the most similar passage, when one was found.
    NotVerbatim { closest: Option<Range<usize>> },
    /// The selector (or the text together with it) matches nowhere.
    NotLocated,
}

impl Proof {
    /// Proven against the archived source: verbatim, or located.
    pub fn is_verified(&self) -> bool {
        matches!(self, Proof::Verbatim { .. } | Proof::Located { .. })
    }

    /// Checked against the archived source, and found wanting.
    pub fn is_failed(&self) -> bool {
        matches!(self, Proof::NotVerbatim { .. } | Proof::NotLocated)
    }

    /// Where the quote is in its archived source, when it was found.
    pub fn place(&self) -> Option<Range<usize>> {
        match self {
            Proof::Verbatim { at, .. } | Proof::Located { at } => Some(at.clone()),
            _ => None,
        }
    }
}

impl Provenance {
    /// Nothing checked yet: `quotes` quotes, no archives.
    pub fn unchecked(quotes: usize) -> Provenance {
        Provenance {
            archives: Vec::new(),
            quotes: vec![Proof::Unchecked; quotes],
        }
    }
}
