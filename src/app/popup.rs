//! Popups over the panes: detail views (a stack), help, topic picker,
//! overview and the briefing list.

use std::collections::BTreeSet;

use crate::model::Briefing;

/// An item a detail view can show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Event(usize),
    Speaker(usize),
    Quote(usize),
    Disagreement(usize),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Popup {
    /// A detail view; `link` is the selected entry of [`links`].
    Detail {
        target: Target,
        link: usize,
    },
    Help {
        scroll: u16,
    },
    /// The topic picker: cursor row and the topics ticked so far.
    Topics {
        cursor: usize,
        chosen: BTreeSet<usize>,
    },
    Overview {
        scroll: u16,
    },
    /// The list of loaded briefings, then the files that failed.
    Briefings {
        cursor: usize,
    },
}

/// The items a detail view links to, in the order shown.
pub fn links(b: &Briefing, target: Target) -> Vec<Target> {
    let ix = &b.index;
    let speaker = |id: &str| ix.speaker_by_id.get(id).map(|&s| Target::Speaker(s));
    let mut out = Vec::new();
    match target {
        Target::Quote(q) => {
            let quote = &b.quotes[q];
            out.push(Target::Speaker(ix.speaker_of_quote[q]));
            out.extend(quote.reported_by.as_deref().and_then(speaker));
            out.extend(
                quote
                    .event
                    .as_deref()
                    .and_then(|e| ix.event_by_id.get(e))
                    .map(|&e| Target::Event(e)),
            );
            out.extend(
                ix.positions_by_quote[q]
                    .iter()
                    .map(|&(d, _)| Target::Disagreement(d)),
            );
        }
        Target::Speaker(s) => {
            out.extend(ix.quotes_by_speaker[s].iter().map(|&q| Target::Quote(q)));
            out.extend(
                ix.positions_by_speaker[s]
                    .iter()
                    .map(|&(d, _)| Target::Disagreement(d)),
            );
            out.extend(ix.events_by_speaker[s].iter().map(|&e| Target::Event(e)));
        }
        Target::Event(e) => {
            out.extend(b.events[e].speakers.iter().filter_map(|id| speaker(id)));
            out.extend(ix.quotes_by_event[e].iter().map(|&q| Target::Quote(q)));
        }
        Target::Disagreement(d) => {
            for p in &b.disagreements[d].positions {
                out.extend(speaker(&p.speaker));
                out.extend(
                    p.quotes
                        .iter()
                        .filter_map(|id| ix.quote_by_id.get(id))
                        .map(|&q| Target::Quote(q)),
                );
            }
        }
    }
    let mut seen = Vec::with_capacity(out.len());
    out.retain(|t| {
        let new = !seen.contains(t);
        seen.push(*t);
        new
    });
    out
}
