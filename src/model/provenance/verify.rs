//! Verifying a briefing against its sources' archived copies: a [`Proof`]
//! per quote, an [`ArchiveState`] per source, and diagnostics located in the
//! briefing file.

use std::borrow::Cow;
use std::collections::HashMap;
use std::ops::Range;
use std::path::{Path, PathBuf};

use super::closest::{closest, diff};
use super::locate::{Direct, Occurrences, Passage, Placed, Placer, passage};
use super::normal::{Normal, squeeze};
use super::{Archive, ArchiveState, Proof, Provenance, archive};
use crate::diag::Location;
use crate::diag::{Collector, Diagnostic, SHOWN};
use crate::model::spans::LineStarts;
use crate::model::{Briefing, QuoteKind};
use crate::text;
use crate::text::plural;

/// Verifies every quote of `b` (read from `text`) that cites a source with
/// an archived copy, looked for beside the briefing, in each of `dirs`,
/// then in `$XDG_DATA_HOME/briefing/sources`. Fills `b.provenance`, and
/// returns the problems found, located in `text`, errors and warnings in
/// file order (the first [`SHOWN`] errors, then a count of the rest).
pub fn verify(b: &mut Briefing, text: &str, dirs: &[PathBuf]) -> Vec<Diagnostic> {
    verify_in(b, text, dirs, archive::data_dir().as_deref())
}

/// [`verify`] with `data` as the shared folder of archived sources.
pub fn verify_in(
    b: &mut Briefing,
    text: &str,
    dirs: &[PathBuf],
    data: Option<&Path>,
) -> Vec<Diagnostic> {
    let path = b.path.clone();
    let mut c = Collector::new(&path);
    let by_id: HashMap<&str, usize> = (b.sources.iter().enumerate())
        .map(|(i, s)| (s.id.as_str(), i))
        .collect();
    let mut proofs = vec![Proof::NoSource; b.quotes.len()];
    let mut citing: Vec<Vec<usize>> = vec![Vec::new(); b.sources.len()];
    for (qi, q) in b.quotes.iter().enumerate() {
        let Some(&si) = q.source.as_deref().and_then(|id| by_id.get(id)) else {
            continue;
        };
        let no_selector = q.kind == QuoteKind::Reported && q.prefix.is_none() && q.suffix.is_none();
        proofs[qi] = if no_selector {
            Proof::NoSelector
        } else {
            Proof::NoCopy
        };
        citing[si].push(qi);
    }
    let mut archives = Vec::with_capacity(b.sources.len());
    for (si, source) in b.sources.iter().enumerate() {
        let spans = b.spans.sources.get(si).cloned().unwrap_or_default();
        let state = match &source.archived {
            None => ArchiveState::NotNamed,
            Some(archived) => archive::find(archive::places(&b.path, archived, dirs, data)),
        };
        let state = match state {
            ArchiveState::Found(a) => match &source.sha256 {
                Some(want) => {
                    let found = archive::sha256(&a.text);
                    if found.eq_ignore_ascii_case(want) {
                        ArchiveState::Found(a)
                    } else {
                        mismatch(
                            &mut c,
                            spans.sha256.unwrap_or(spans.table),
                            &a,
                            want,
                            &found,
                        );
                        ArchiveState::Mismatch {
                            path: a.path,
                            found,
                        }
                    }
                }
                None => ArchiveState::Found(a),
            },
            ArchiveState::Unreadable { path, reason } => {
                c.error(
                    spans.archived.unwrap_or(spans.table),
                    format!(
                        "cannot read the archived copy `{}`: {reason}",
                        path.display()
                    ),
                )
                .with_label("named here")
                .with_help("give the path of a plain-text (UTF-8) file, relative to the briefing");
                ArchiveState::Unreadable { path, reason }
            }
            other => other,
        };
        if let ArchiveState::Found(a) = &state {
            Checker {
                b,
                archive: a,
                c: &mut c,
            }
            .check(&citing[si], &mut proofs);
        }
        archives.push(state);
    }
    b.provenance = Provenance {
        archives,
        quotes: proofs,
    };
    let warnings = c.take_warnings(text);
    let mut all = c.finish(text);
    all.extend(warnings);
    // Stable: the "more problems" note stays last among the unplaced.
    all.sort_by_key(|d| d.span.as_ref().map_or(usize::MAX, |s| s.start));
    all
}

/// Records a `sha256` that does not match the copy found.
fn mismatch(c: &mut Collector<'_>, span: Range<usize>, a: &Archive, want: &str, found: &str) {
    let name = a.path.display();
    c.error(
        span,
        format!("the archived copy `{name}` does not match its sha256"),
    )
    .with_label("the digest of the copy the briefing was written against")
    .with_note(format!("sha256 of `{name}`: {found}"))
    .with_note(format!(
        "sha256 the briefing gives: {}",
        want.to_lowercase()
    ))
    .with_note("its quotes are not checked against a copy that is not the one they were taken from")
    .with_help(
        "find the copy the briefing was written against; if this copy is the right one, \
         put its digest in `sha256`",
    );
}

/// Checks the quotes citing one source against its archived copy.
struct Checker<'a, 'c> {
    b: &'a Briefing,
    archive: &'a Archive,
    c: &'a mut Collector<'c>,
}

/// A quote's text and selectors, whitespace squeezed.
struct Squeezed<'b> {
    qi: usize,
    text: Cow<'b, str>,
    prefix: Option<Cow<'b, str>>,
    suffix: Option<Cow<'b, str>>,
}

impl Checker<'_, '_> {
    fn check(&mut self, qis: &[usize], proofs: &mut [Proof]) {
        let normal = Normal::new(&self.archive.text);
        let squeezed: Vec<Squeezed> = qis
            .iter()
            .map(|&qi| {
                let q = &self.b.quotes[qi];
                Squeezed {
                    qi,
                    text: squeeze(&q.text),
                    prefix: q.prefix.as_deref().map(squeeze),
                    suffix: q.suffix.as_deref().map(squeeze),
                }
            })
            .collect();
        let direct = |s: &Squeezed| self.b.quotes[s.qi].kind == QuoteKind::Direct;
        let directs: Vec<Option<Direct<'_>>> = squeezed
            .iter()
            .map(|s| {
                direct(s).then(|| Direct::new(&s.text, s.prefix.as_deref(), s.suffix.as_deref()))
            })
            .collect();
        let needles = squeezed.iter().zip(&directs).flat_map(|(s, d)| {
            let own: Vec<&str> = match d {
                Some(d) => d.needles().collect(),
                None => [s.prefix.as_deref(), s.suffix.as_deref()]
                    .into_iter()
                    .flatten()
                    .collect(),
            };
            own
        });
        let found = Occurrences::find(&normal.text, needles);
        let mut placer = Placer::new(&normal.text, &found);
        // Reported statements alike are located once.
        let mut passages: HashMap<(Option<&str>, Option<&str>), Passage> = HashMap::new();
        let mut failing: Vec<&Squeezed> = Vec::new();
        for (s, d) in squeezed.iter().zip(&directs) {
            let qi = s.qi;
            let spans = &self.b.spans.quotes[qi];
            match d {
                Some(d) => match placer.place(d) {
                    Placed::Found { at, count } => {
                        proofs[qi] = Proof::Verbatim {
                            at: normal.original(at),
                            occurrences: count,
                        };
                        if count > 1 {
                            self.ambiguous(spans.text.clone(), count, s, "its text");
                        }
                    }
                    Placed::SelectorFails { prefix } => {
                        proofs[qi] = Proof::NotLocated;
                        let (key, span) = if prefix {
                            ("prefix", spans.prefix.clone())
                        } else {
                            ("suffix", spans.suffix.clone())
                        };
                        let places = placer.count(d);
                        self.c
                            .error(
                                span.unwrap_or(spans.table.clone()),
                                format!(
                                    "selector matches nowhere in `{}`: the `{key}` fits none \
                                     of the {} where the quote occurs",
                                    self.name(),
                                    plural(places, "place", "places")
                                ),
                            )
                            .with_label(format!(
                                "not {} the quote in the source",
                                if prefix { "just before" } else { "just after" }
                            ))
                            .with_help(format!(
                                "copy the words just {} the quote from the source",
                                if prefix { "before" } else { "after" }
                            ));
                    }
                    Placed::NotFound => {
                        proofs[qi] = Proof::NotVerbatim { closest: None };
                        failing.push(s);
                    }
                },
                None => {
                    if s.prefix.is_none() && s.suffix.is_none() {
                        proofs[qi] = Proof::NoSelector;
                        continue;
                    }
                    let key = (s.prefix.as_deref(), s.suffix.as_deref());
                    let located = passages
                        .entry(key)
                        .or_insert_with(|| {
                            passage(&normal.text, &normal.breaks, &found, key.0, key.1)
                        })
                        .clone();
                    match located {
                        Passage::Found { at, count } => {
                            proofs[qi] = Proof::Located {
                                at: normal.original(at),
                            };
                            if count > 1 {
                                let span = spans.prefix.clone().or(spans.suffix.clone());
                                self.ambiguous(
                                    span.unwrap_or(spans.table.clone()),
                                    count,
                                    s,
                                    "its selector",
                                );
                            }
                        }
                        Passage::Nowhere { prefix } => {
                            proofs[qi] = Proof::NotLocated;
                            let (key, span) = if prefix {
                                ("prefix", &spans.prefix)
                            } else {
                                ("suffix", &spans.suffix)
                            };
                            self.c
                                .error(
                                    span.clone().unwrap_or(spans.table.clone()),
                                    format!("selector matches nowhere in `{}`", self.name()),
                                )
                                .with_label(format!("this `{key}` is not in the source"))
                                .with_help(
                                    "copy the words exactly as the source has them \
                                     (only line breaks and runs of spaces may differ)",
                                );
                        }
                        Passage::Empty => {
                            proofs[qi] = Proof::NotLocated;
                            self.c
                                .error(
                                    spans
                                        .suffix
                                        .clone()
                                        .or(spans.prefix.clone())
                                        .unwrap_or(spans.table.clone()),
                                    format!("the selector brackets no words in `{}`", self.name()),
                                )
                                .with_label("no words where the selector points")
                                .with_help(
                                    "choose a prefix and a suffix that bracket the passage \
                                     reporting the statement",
                                );
                        }
                        Passage::Apart => {
                            proofs[qi] = Proof::NotLocated;
                            self.c
                                .error(
                                    spans.suffix.clone().unwrap_or(spans.table.clone()),
                                    format!(
                                        "selector matches nowhere in `{}`: the `suffix` never \
                                         follows the `prefix` within {} characters",
                                        self.name(),
                                        super::locate::MAX_PASSAGE
                                    ),
                                )
                                .with_label("not found after the prefix")
                                .with_help(
                                    "choose a prefix and a suffix that bracket the passage \
                                     reporting the statement",
                                );
                        }
                    }
                }
            }
        }
        self.not_verbatim(&normal, &failing, proofs);
    }

    /// The archived copy's path, for messages.
    fn name(&self) -> String {
        self.archive.path.display().to_string()
    }

    fn ambiguous(&mut self, span: Range<usize>, count: usize, s: &Squeezed, what: &str) {
        let selected = s.prefix.is_some() || s.suffix.is_some();
        let message = if what == "its selector" {
            format!(
                "its selector fits {} in `{}`",
                plural(count, "place", "places"),
                self.name()
            )
        } else if selected {
            format!(
                "{what} and selectors fit {} in `{}`",
                plural(count, "place", "places"),
                self.name()
            )
        } else {
            format!("occurs {count} times in `{}`", self.name())
        };
        self.c
            .warning(span, message)
            .with_label("which one is meant?")
            .with_help(if selected {
                "add words to the `prefix` or `suffix` until they fit one place"
            } else {
                "add a `prefix` or `suffix` (the words just before or after it in the source) \
                 to say which"
            });
    }

    /// Reports the direct quotes not found verbatim, the first [`SHOWN`]
    /// with the closest passage of the source and a diff.
    fn not_verbatim(&mut self, normal: &Normal, failing: &[&Squeezed], proofs: &mut [Proof]) {
        let shown = &failing[..failing.len().min(SHOWN)];
        let texts: Vec<&str> = shown.iter().map(|s| s.text.as_ref()).collect();
        let places = closest(&normal.text, &texts);
        let text = &self.archive.text;
        let lines = LineStarts::of(text);
        for (i, s) in failing.iter().enumerate() {
            let span = self.b.spans.quotes[s.qi].text.clone();
            let name = self.name();
            let d = self
                .c
                .error(span, format!("direct quote is not verbatim in `{name}`"))
                .with_label("not in the archived source")
                .with_help(
                    "copy the words exactly as the source has them (only line breaks and runs \
                     of spaces may differ), or make it a reported statement \
                     (`kind = \"reported\"`)",
                );
            match places.get(i) {
                Some(Some(at)) => {
                    let original = normal.original(at.clone());
                    let Location { line, column } = lines.locate(text, original.start);
                    let passage = &normal.text[at.clone()];
                    d.with_note(format!(
                        "closest passage, at {name}:{line}:{column}: `{}`",
                        text::truncate(passage, 300)
                    ));
                    d.diff = diff(&s.text, passage);
                    proofs[s.qi] = Proof::NotVerbatim {
                        closest: Some(original),
                    };
                }
                Some(None) => {
                    d.with_note(format!("no passage of `{name}` resembles it"));
                }
                None => {
                    d.with_note(format!(
                        "the closest passage is searched for the first {SHOWN} quotes not found"
                    ));
                }
            }
        }
    }
}
