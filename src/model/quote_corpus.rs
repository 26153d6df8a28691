//! `Corpus`: the searchable fields of every item of one kind (quotes, events,
//! speakers, disagreements), folded for search into one string, so a search
//! over many items is one fast substring scan. Folded once: ignoring case
//! when first searched, keeping it when first searched with an uppercase
//! letter.

use std::cell::OnceCell;

use super::Briefing;
use super::fold::{Query, fold_into};
use super::search_fields;

/// The kinds of item a corpus holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CorpusKind {
    Quotes,
    Events,
    Speakers,
    /// A disagreement with every party's position.
    Disagreements,
}

#[derive(Debug, Clone)]
pub struct Corpus {
    kind: CorpusKind,
    /// Folded ignoring case.
    lower: Folded,
    /// Folded keeping case, built on the first case-sensitive search.
    cased: OnceCell<Folded>,
}

/// The quotes' corpus.
pub type QuoteCorpus = Corpus;

#[derive(Debug, Clone, Default)]
struct Folded {
    text: String,
    /// Where each item's part of `text` starts; one extra entry at the end.
    starts: Vec<usize>,
}

impl CorpusKind {
    fn len(self, b: &Briefing) -> usize {
        match self {
            CorpusKind::Quotes => b.quotes.len(),
            CorpusKind::Events => b.events.len(),
            CorpusKind::Speakers => b.speakers.len(),
            CorpusKind::Disagreements => b.disagreements.len(),
        }
    }

    fn fields(self, b: &Briefing, i: usize, f: &mut impl FnMut(search_fields::Hidden, &str)) {
        match self {
            CorpusKind::Quotes => search_fields::quote(b, i, f),
            CorpusKind::Events => search_fields::event(b, i, f),
            CorpusKind::Speakers => search_fields::speaker(b, i, f),
            CorpusKind::Disagreements => {
                search_fields::disagreement(b, i, f);
                for p in 0..b.disagreements[i].positions.len() {
                    search_fields::position(b, i, p, f);
                }
            }
        }
    }
}

impl Folded {
    fn build(b: &Briefing, kind: CorpusKind, ignore_case: bool) -> Folded {
        let mut text = String::new();
        let n = kind.len(b);
        let mut starts = Vec::with_capacity(n + 1);
        for i in 0..n {
            starts.push(text.len());
            kind.fields(b, i, &mut |_, part| {
                fold_into(&mut text, part, ignore_case);
                // A line break separates fields; a query never holds one.
                text.push('\n');
            });
        }
        starts.push(text.len());
        Folded { text, starts }
    }
}

impl Corpus {
    /// The quotes' corpus.
    pub fn build(b: &Briefing) -> Corpus {
        Corpus::of(b, CorpusKind::Quotes)
    }

    /// The corpus of the items of `kind`.
    pub fn of(b: &Briefing, kind: CorpusKind) -> Corpus {
        Corpus {
            kind,
            lower: Folded::build(b, kind, true),
            cased: OnceCell::new(),
        }
    }

    /// For each item, whether one of its searchable fields contains the
    /// query. A query with a line break matches nothing.
    pub fn matching(&self, b: &Briefing, query: &Query) -> Vec<bool> {
        let corpus = if query.ignores_case() {
            &self.lower
        } else {
            self.cased
                .get_or_init(|| Folded::build(b, self.kind, false))
        };
        let items = corpus.starts.len().saturating_sub(1);
        let mut hits = vec![false; items];
        let needle = query.folded();
        if needle.is_empty() || needle.contains('\n') {
            return hits;
        }
        let mut i = 0;
        for at in memchr::memmem::find_iter(corpus.text.as_bytes(), needle.as_bytes()) {
            // Matches come in order: walk forward instead of searching.
            while i + 1 < corpus.starts.len() && corpus.starts[i + 1] <= at {
                i += 1;
            }
            if i < items {
                hits[i] = true;
            }
        }
        hits
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_quotes_by_text_speaker_or_venue_with_smart_case() {
        let b = Briefing::bundled();
        let corpus = QuoteCorpus::build(&b);
        let hits = corpus.matching(&b, &Query::new("sanctions"));
        for (qi, q) in b.quotes.iter().enumerate() {
            assert_eq!(
                hits[qi],
                q.text.to_lowercase().contains("sanctions"),
                "{}",
                q.id
            );
        }
        // The corpus agrees with testing each field on its own.
        for typed in ["rubio", "Rubio", "mr putin", "we're", "-", "\"", "RUBIO"] {
            let query = Query::new(typed);
            let hits = corpus.matching(&b, &query);
            for (qi, &hit) in hits.iter().enumerate() {
                let mut found = false;
                search_fields::quote(&b, qi, &mut |_, text| found |= query.is_in(text));
                assert_eq!(hit, found, "{typed} in {}", b.quotes[qi].id);
            }
        }
        assert!(
            corpus
                .matching(&b, &Query::new("state of the union"))
                .iter()
                .any(|&h| h)
        );
        assert!(
            !corpus
                .matching(&b, &Query::new("nowhere to be found"))
                .iter()
                .any(|&h| h)
        );
        let lower = corpus
            .matching(&b, &Query::new("putin"))
            .iter()
            .filter(|&&h| h)
            .count();
        let cased = corpus
            .matching(&b, &Query::new("Putin"))
            .iter()
            .filter(|&&h| h)
            .count();
        let shouting = corpus
            .matching(&b, &Query::new("PUTIN"))
            .iter()
            .filter(|&&h| h)
            .count();
        assert!(lower >= cased && cased > 0 && shouting == 0);
    }

    #[test]
    fn every_kind_agrees_with_its_fields() {
        let b = Briefing::bundled();
        for kind in [
            CorpusKind::Quotes,
            CorpusKind::Events,
            CorpusKind::Speakers,
            CorpusKind::Disagreements,
        ] {
            let corpus = Corpus::of(&b, kind);
            for typed in ["alaska", "mr putin", "Rubio", "-", "nato", "zzq"] {
                let query = Query::new(typed);
                let hits = corpus.matching(&b, &query);
                assert_eq!(hits.len(), kind.len(&b));
                for (i, &hit) in hits.iter().enumerate() {
                    let mut found = false;
                    kind.fields(&b, i, &mut |_, text| found |= query.is_in(text));
                    assert_eq!(hit, found, "{typed} in {kind:?} {i}");
                }
            }
        }
    }
}
