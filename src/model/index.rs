//! `Index`: lookups the reader needs, built once at load from resolved ids.

use std::collections::{HashMap, HashSet};

use super::types::{Disagreement, Event, Quote, Speaker, Topic};

/// A position inside a disagreement: (disagreement index, position index).
pub type PositionRef = (usize, usize);

/// Precomputed relations between the entities of one briefing. All values are
/// indices into the briefing's vectors. Built only from validated data.
#[derive(Debug, Clone, Default)]
pub struct Index {
    pub speaker_by_id: HashMap<String, usize>,
    pub topic_by_id: HashMap<String, usize>,
    pub event_by_id: HashMap<String, usize>,
    pub quote_by_id: HashMap<String, usize>,
    /// For each quote, its speaker.
    pub speaker_of_quote: Vec<usize>,
    /// For each quote, event and disagreement: its topics.
    pub topics_of_quote: Vec<Vec<usize>>,
    pub topics_of_event: Vec<Vec<usize>>,
    pub topics_of_disagreement: Vec<Vec<usize>>,
    pub quotes_by_speaker: Vec<Vec<usize>>,
    pub quotes_by_topic: Vec<Vec<usize>>,
    pub quotes_by_event: Vec<Vec<usize>>,
    pub events_by_speaker: Vec<Vec<usize>>,
    pub positions_by_speaker: Vec<Vec<PositionRef>>,
    /// For each quote, the positions it supports.
    pub positions_by_quote: Vec<Vec<PositionRef>>,
    /// Events in timeline order (see `Moment`'s ordering; ties keep file order).
    pub timeline: Vec<usize>,
    /// Quotes in time order (ties keep file order).
    pub quotes_in_order: Vec<usize>,
    /// Quotes and events by day, for the date axis and the date filter.
    pub days: super::days::Days,
}

/// The indices of `refs`, each once, in the order first written (a reference
/// listed twice must not count twice).
fn resolve(by_id: &HashMap<String, usize>, refs: &[String]) -> Vec<usize> {
    let mut out: Vec<usize> = Vec::with_capacity(refs.len());
    // Most lists are a few items long: a scan is cheaper than hashing there.
    if refs.len() <= 16 {
        for r in refs {
            let i = by_id[r];
            if !out.contains(&i) {
                out.push(i);
            }
        }
        return out;
    }
    let mut seen = HashSet::with_capacity(refs.len());
    out.extend(refs.iter().map(|r| by_id[r]).filter(|&i| seen.insert(i)));
    out
}

fn ids<T>(items: &[T], id: impl Fn(&T) -> &str) -> HashMap<String, usize> {
    items
        .iter()
        .enumerate()
        .map(|(i, x)| (id(x).to_string(), i))
        .collect()
}

impl Index {
    pub fn build(
        topics: &[Topic],
        speakers: &[Speaker],
        events: &[Event],
        quotes: &[Quote],
        disagreements: &[Disagreement],
    ) -> Index {
        let mut ix = Index {
            speaker_by_id: ids(speakers, |s| &s.id),
            topic_by_id: ids(topics, |t| &t.id),
            event_by_id: ids(events, |e| &e.id),
            quote_by_id: ids(quotes, |q| &q.id),
            speaker_of_quote: Vec::with_capacity(quotes.len()),
            topics_of_quote: Vec::with_capacity(quotes.len()),
            topics_of_event: Vec::with_capacity(events.len()),
            topics_of_disagreement: Vec::with_capacity(disagreements.len()),
            quotes_by_speaker: vec![Vec::new(); speakers.len()],
            quotes_by_topic: vec![Vec::new(); topics.len()],
            quotes_by_event: vec![Vec::new(); events.len()],
            events_by_speaker: vec![Vec::new(); speakers.len()],
            positions_by_speaker: vec![Vec::new(); speakers.len()],
            positions_by_quote: vec![Vec::new(); quotes.len()],
            timeline: (0..events.len()).collect(),
            quotes_in_order: (0..quotes.len()).collect(),
            days: super::days::Days::build(events, quotes),
        };
        for (qi, quote) in quotes.iter().enumerate() {
            let speaker = ix.speaker_by_id[&quote.speaker];
            ix.speaker_of_quote.push(speaker);
            ix.quotes_by_speaker[speaker].push(qi);
            let topics = resolve(&ix.topic_by_id, &quote.topics);
            for &topic in &topics {
                ix.quotes_by_topic[topic].push(qi);
            }
            ix.topics_of_quote.push(topics);
            if let Some(event) = &quote.event {
                ix.quotes_by_event[ix.event_by_id[event]].push(qi);
            }
        }
        for (ei, event) in events.iter().enumerate() {
            for speaker in resolve(&ix.speaker_by_id, &event.speakers) {
                ix.events_by_speaker[speaker].push(ei);
            }
            ix.topics_of_event
                .push(resolve(&ix.topic_by_id, &event.topics));
        }
        for (di, d) in disagreements.iter().enumerate() {
            ix.topics_of_disagreement
                .push(resolve(&ix.topic_by_id, &d.topics));
            for (pi, position) in d.positions.iter().enumerate() {
                ix.positions_by_speaker[ix.speaker_by_id[&position.speaker]].push((di, pi));
                for quote in resolve(&ix.quote_by_id, &position.quotes) {
                    ix.positions_by_quote[quote].push((di, pi));
                }
            }
        }
        ix.timeline.sort_by_key(|&i| events[i].at);
        ix.quotes_in_order.sort_by_key(|&i| quotes[i].at);
        ix
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolve_keeps_the_first_of_each_in_order() {
        let by_id: HashMap<String, usize> = (0..100).map(|i| (format!("t{i}"), i)).collect();
        let refs = |ids: &[usize]| -> Vec<String> { ids.iter().map(|i| format!("t{i}")).collect() };
        assert_eq!(resolve(&by_id, &refs(&[3, 1, 3, 2, 1])), vec![3, 1, 2]);
        let long: Vec<usize> = (0..50).chain((0..50).rev()).chain(50..100).collect();
        assert_eq!(resolve(&by_id, &refs(&long)), (0..100).collect::<Vec<_>>());
    }

    /// One list of a million distinct references (a quote's topics): linear,
    /// so well within the guard (a scan per reference took minutes).
    #[test]
    fn resolve_is_linear_in_a_long_list() {
        let n = 1_000_000;
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let by_id: HashMap<String, usize> = (0..n).map(|i| (format!("t{i}"), i)).collect();
            let refs: Vec<String> = (0..n).map(|i| format!("t{i}")).collect();
            let _ = tx.send(resolve(&by_id, &refs).into_iter().eq(0..n));
        });
        let linear = rx.recv_timeout(std::time::Duration::from_secs(30));
        assert_eq!(linear, Ok(true), "resolve did not finish within 30 s");
    }
}
