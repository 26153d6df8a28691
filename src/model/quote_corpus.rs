//! `QuoteCorpus`: every quote's searchable fields, folded for search into one
//! string, so a search over many quotes is one fast substring scan. Folded
//! once: ignoring case when first searched, keeping it when first searched
//! with an uppercase letter.

use std::cell::OnceCell;

use super::Briefing;
use super::fold::{Query, fold_into};
use super::search_fields;

#[derive(Debug, Clone, Default)]
pub struct QuoteCorpus {
    /// Folded ignoring case.
    lower: Folded,
    /// Folded keeping case, built on the first case-sensitive search.
    cased: OnceCell<Folded>,
}

#[derive(Debug, Clone, Default)]
struct Folded {
    text: String,
    /// Where each quote's part of `text` starts; one extra entry at the end.
    starts: Vec<usize>,
}

impl Folded {
    fn build(b: &Briefing, ignore_case: bool) -> Folded {
        let mut text = String::new();
        let mut starts = Vec::with_capacity(b.quotes.len() + 1);
        for qi in 0..b.quotes.len() {
            starts.push(text.len());
            search_fields::quote(b, qi, &mut |_, part| {
                fold_into(&mut text, part, ignore_case);
                // A line break separates fields; a query never holds one.
                text.push('\n');
            });
        }
        starts.push(text.len());
        Folded { text, starts }
    }
}

impl QuoteCorpus {
    pub fn build(b: &Briefing) -> QuoteCorpus {
        QuoteCorpus {
            lower: Folded::build(b, true),
            cased: OnceCell::new(),
        }
    }

    /// For each quote, whether one of its searchable fields contains the
    /// query. A query with a line break matches nothing.
    pub fn matching(&self, b: &Briefing, query: &Query) -> Vec<bool> {
        let corpus = if query.ignores_case() {
            &self.lower
        } else {
            self.cased.get_or_init(|| Folded::build(b, false))
        };
        let quotes = corpus.starts.len().saturating_sub(1);
        let mut hits = vec![false; quotes];
        let needle = query.folded();
        if needle.is_empty() || needle.contains('\n') {
            return hits;
        }
        let mut q = 0;
        for at in memchr::memmem::find_iter(corpus.text.as_bytes(), needle.as_bytes()) {
            // Matches come in order: walk forward instead of searching.
            while q + 1 < corpus.starts.len() && corpus.starts[q + 1] <= at {
                q += 1;
            }
            if q < quotes {
                hits[q] = true;
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
}
