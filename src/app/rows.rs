//! `Rows`: which items each pane lists under the current topic filter and
//! followed speaker, in display order.

use std::collections::BTreeSet;

use crate::model::Briefing;

/// A row of the Disagreements pane: a disagreement, or one party's position in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DisagreementRow {
    Heading(usize),
    Position(usize, usize),
}

impl DisagreementRow {
    pub fn disagreement(self) -> usize {
        match self {
            DisagreementRow::Heading(d) | DisagreementRow::Position(d, _) => d,
        }
    }
}

/// The items each pane shows, as indices into the briefing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Rows {
    pub timeline: Vec<usize>,
    pub speakers: Vec<usize>,
    pub quotes: Vec<usize>,
    pub disagreements: Vec<DisagreementRow>,
    /// Quote count per speaker under the topic filter.
    pub quote_counts: Vec<usize>,
}

impl Rows {
    /// The rows for `b` under the topic filter (`topics` empty: no filter;
    /// several topics: any of them) and the followed speaker, if any.
    pub fn compute(b: &Briefing, topics: &BTreeSet<usize>, followed: Option<usize>) -> Rows {
        let ix = &b.index;
        let mut wanted = vec![false; b.topics.len()];
        for &t in topics.iter().filter(|&&t| t < b.topics.len()) {
            wanted[t] = true;
        }
        let any = |of: &[usize]| topics.is_empty() || of.iter().any(|&t| wanted[t]);
        let quote_in_filter: Vec<bool> = ix.topics_of_quote.iter().map(|t| any(t)).collect();

        let mut quote_counts = vec![0; b.speakers.len()];
        for (qi, &keep) in quote_in_filter.iter().enumerate() {
            if keep {
                quote_counts[ix.speaker_of_quote[qi]] += 1;
            }
        }
        let quotes = (ix.quotes_in_order.iter().copied())
            .filter(|&qi| quote_in_filter[qi])
            .filter(|&qi| followed.is_none_or(|s| ix.speaker_of_quote[qi] == s))
            .collect();
        let timeline = (ix.timeline.iter().copied())
            .filter(|&ei| {
                any(&ix.topics_of_event[ei])
                    || ix.quotes_by_event[ei].iter().any(|&q| quote_in_filter[q])
            })
            .collect();
        let speakers = (0..b.speakers.len())
            .filter(|&si| topics.is_empty() || quote_counts[si] > 0 || followed == Some(si))
            .collect();
        let mut order: Vec<usize> = (0..b.disagreements.len())
            .filter(|&d| any(&ix.topics_of_disagreement[d]))
            .collect();
        order.sort_by_key(|&d| b.disagreements[d].status);
        let mut disagreements = Vec::new();
        for d in order {
            disagreements.push(DisagreementRow::Heading(d));
            disagreements.extend(
                (0..b.disagreements[d].positions.len()).map(|p| DisagreementRow::Position(d, p)),
            );
        }
        Rows {
            timeline,
            speakers,
            quotes,
            disagreements,
            quote_counts,
        }
    }

    /// How many rows `pane` has.
    pub fn len(&self, pane: super::Pane) -> usize {
        match pane {
            super::Pane::Timeline => self.timeline.len(),
            super::Pane::Speakers => self.speakers.len(),
            super::Pane::Quotes => self.quotes.len(),
            super::Pane::Disagreements => self.disagreements.len(),
        }
    }
}
