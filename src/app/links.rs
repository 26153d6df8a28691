//! What a detail view links to: the items in the order shown, each once.

use std::collections::HashSet;

use super::popup::Target;
use crate::model::Briefing;

/// The items a detail view links to, in the order shown, each once: runs of
/// items one after another. A speaker's or an event's quotes and a speaker's
/// events are borrowed from the index as they are (they hold no repeats by
/// construction), so showing a few links of a speaker with a million quotes
/// costs what it does with ten; the other runs are short lists made without
/// repeats through a hash set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Links<'b> {
    runs: Vec<Run<'b>>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Run<'b> {
    Items(Vec<Target>),
    Quotes(&'b [usize]),
    Events(&'b [usize]),
}

impl Run<'_> {
    fn len(&self) -> usize {
        match self {
            Run::Items(items) => items.len(),
            Run::Quotes(ix) | Run::Events(ix) => ix.len(),
        }
    }

    fn get(&self, i: usize) -> Option<Target> {
        match self {
            Run::Items(items) => items.get(i).copied(),
            Run::Quotes(ix) => ix.get(i).map(|&q| Target::Quote(q)),
            Run::Events(ix) => ix.get(i).map(|&e| Target::Event(e)),
        }
    }
}

impl Links<'_> {
    pub fn len(&self) -> usize {
        self.runs.iter().map(Run::len).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The link at `i`, in the order shown.
    pub fn get(&self, mut i: usize) -> Option<Target> {
        for run in &self.runs {
            if i < run.len() {
                return run.get(i);
            }
            i -= run.len();
        }
        None
    }

    /// The links from `first` on, in order; skipping costs nothing.
    pub fn iter_from(&self, first: usize) -> impl Iterator<Item = Target> + '_ {
        (first..self.len()).map_while(|i| self.get(i))
    }

    pub fn iter(&self) -> impl Iterator<Item = Target> + '_ {
        self.iter_from(0)
    }
}

/// `items` in order, each once (linear: a hash set of what has been seen).
fn unique(items: impl IntoIterator<Item = Target>) -> Vec<Target> {
    let mut seen = HashSet::new();
    let key = |t: Target| match t {
        Target::Event(i) => (0u8, i),
        Target::Speaker(i) => (1, i),
        Target::Quote(i) => (2, i),
        Target::Disagreement(i) => (3, i),
    };
    items.into_iter().filter(|&t| seen.insert(key(t))).collect()
}

/// What the detail view of `target` links to.
pub fn links(b: &Briefing, target: Target) -> Links<'_> {
    let ix = &b.index;
    let speaker = |id: &str| ix.speaker_by_id.get(id).map(|&s| Target::Speaker(s));
    let runs = match target {
        Target::Quote(q) => {
            let quote = &b.quotes[q];
            let event = quote.event.as_deref().and_then(|e| ix.event_by_id.get(e));
            let items = std::iter::once(Target::Speaker(ix.speaker_of_quote[q]))
                .chain(quote.reported_by.as_deref().and_then(speaker))
                .chain(event.map(|&e| Target::Event(e)))
                .chain(
                    ix.positions_by_quote[q]
                        .iter()
                        .map(|&(d, _)| Target::Disagreement(d)),
                );
            vec![Run::Items(unique(items))]
        }
        // Each quote has one speaker and is listed once under it; an event's
        // speakers are resolved without repeats.
        Target::Speaker(s) => vec![
            Run::Quotes(&ix.quotes_by_speaker[s]),
            Run::Items(unique(
                ix.positions_by_speaker[s]
                    .iter()
                    .map(|&(d, _)| Target::Disagreement(d)),
            )),
            Run::Events(&ix.events_by_speaker[s]),
        ],
        // Each quote has at most one event.
        Target::Event(e) => vec![
            Run::Items(unique(
                b.events[e].speakers.iter().filter_map(|id| speaker(id)),
            )),
            Run::Quotes(&ix.quotes_by_event[e]),
        ],
        Target::Disagreement(d) => {
            let items = b.disagreements[d].positions.iter().flat_map(|p| {
                speaker(&p.speaker).into_iter().chain(
                    p.quotes
                        .iter()
                        .filter_map(|id| ix.quote_by_id.get(id))
                        .map(|&q| Target::Quote(q)),
                )
            });
            vec![Run::Items(unique(items))]
        }
    };
    Links { runs }
}

/// What following a link of a detail view does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Follow {
    /// Opens the detail view of an item.
    Item(Target),
    /// Opens the source view of quote `q`.
    Source(usize),
}

/// The quote whose source view `target`'s detail links to first: a quote
/// that names a source.
pub fn source_link(b: &Briefing, target: Target) -> Option<usize> {
    match target {
        Target::Quote(q) if b.quotes[q].source.is_some() => Some(q),
        _ => None,
    }
}

/// How many links `target`'s detail view has.
pub fn link_count(b: &Briefing, target: Target) -> usize {
    usize::from(source_link(b, target).is_some()) + links(b, target).len()
}

/// What link `link` of `target`'s detail view leads to.
pub fn follow(b: &Briefing, target: Target, link: usize) -> Option<Follow> {
    match (source_link(b, target), link) {
        (Some(q), 0) => Some(Follow::Source(q)),
        (Some(_), l) => links(b, target).get(l - 1).map(Follow::Item),
        (None, l) => links(b, target).get(l).map(Follow::Item),
    }
}
