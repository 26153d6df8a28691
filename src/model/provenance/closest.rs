//! The passage of a source closest to each quote that is not in it, and a
//! character-level diff of the two.
//!
//! All quotes are placed in two passes over the archive: the first counts
//! how often each 8-byte gram of the quotes occurs there; in the second,
//! each quote's rarest grams (as many as a fixed budget of votes allows)
//! vote for where the quote would start. The densest run of votes wins.
//! Then a character diff of the quote against that neighbourhood trims the
//! passage to where they agree.

use std::ops::Range;
use std::time::Duration;

use similar::{Algorithm, ChangeTag, TextDiff};

use super::hash::{Filter, U64Map};
use super::locate::floor;
use crate::diag::Piece;

/// Bytes in a gram.
const GRAM: usize = 8;
/// Votes one quote may cast, at most (its rarest grams first).
const VOTES: usize = 20_000;
/// Characters a shared run needs to count as where the passage starts or
/// ends (shorter ones are chance matches, "th" of "that" for "the").
const MIN_RUN: usize = 4;

/// Each [`GRAM`]-byte window of `s` packed in a number, with where it starts.
fn grams(s: &str) -> impl Iterator<Item = (usize, u64)> + '_ {
    let mut g = 0u64;
    s.bytes().enumerate().filter_map(move |(i, b)| {
        g = (g << 8) | u64::from(b);
        (i + 1 >= GRAM).then(|| (i + 1 - GRAM, g))
    })
}

/// Calls `each` with every gram of `text` in `filter`, and where it starts.
fn scan(text: &str, filter: &Filter, mut each: impl FnMut(usize, u64)) {
    for (at, g) in grams(text) {
        if filter.may_hold(g) {
            each(at, g);
        }
    }
}

/// For each quote (whitespace squeezed), the range of `text` most like it,
/// or `None` when no part of `text` resembles it. Two passes over `text`,
/// whatever the number of quotes.
pub fn closest(text: &str, quotes: &[&str]) -> Vec<Option<Range<usize>>> {
    // Every gram of the quotes, counted in the archive.
    let mut count: U64Map<u32> = U64Map::default();
    let mut filter = Filter::for_keys(quotes.iter().map(|q| q.len()).sum());
    for q in quotes {
        for (_, g) in grams(q) {
            count.insert(g, 0);
            filter.insert(g);
        }
    }
    scan(text, &filter, |_, g| {
        if let Some(n) = count.get_mut(&g) {
            *n = n.saturating_add(1);
        }
    });
    // Each quote's rarest grams that occur, within its budget of votes.
    let mut voters: U64Map<Vec<(u32, u32)>> = U64Map::default();
    let mut filter = Filter::for_keys(count.len());
    for (qi, q) in quotes.iter().enumerate() {
        let mut own: Vec<(u32, usize, u64)> = grams(q)
            .map(|(at, g)| (count[&g], at, g))
            .filter(|&(n, _, _)| n > 0)
            .collect();
        own.sort_unstable();
        let mut budget = VOTES;
        for (n, at, g) in own {
            if n as usize > budget {
                break;
            }
            budget -= n as usize;
            voters.entry(g).or_default().push((qi as u32, at as u32));
            filter.insert(g);
        }
    }
    // Per quote, the starts voted for.
    let mut votes: Vec<Vec<u32>> = vec![Vec::new(); quotes.len()];
    scan(text, &filter, |at, g| {
        for &(qi, offset) in voters.get(&g).into_iter().flatten() {
            if let Some(start) = (at as u32).checked_sub(offset) {
                votes[qi as usize].push(start);
            }
        }
    });
    quotes
        .iter()
        .zip(votes)
        .map(|(q, mut starts)| {
            let start = densest(&mut starts, (q.len() / 8).max(8))?;
            Some(refine(text, q, start as usize))
        })
        .collect()
}

/// The start voted for most often, counting votes within `width` of each
/// other together; `None` without votes.
fn densest(starts: &mut [u32], width: usize) -> Option<u32> {
    starts.sort_unstable();
    let (mut best, mut best_count, mut lo) = (None, 0, 0);
    for hi in 0..starts.len() {
        while starts[hi] - starts[lo] > width as u32 {
            lo += 1;
        }
        if hi - lo + 1 > best_count {
            best_count = hi - lo + 1;
            best = Some(starts[lo + (hi - lo) / 2]);
        }
    }
    best
}

/// A run of characters that the quote and the text share: where in the
/// window (bytes) and where in the quote (characters).
struct Run {
    start: usize,
    end: usize,
    chars: usize,
    q_start: usize,
    q_end: usize,
}

/// The passage near `start` that agrees most with `quote`, widened to whole
/// words.
fn refine(text: &str, quote: &str, start: usize) -> Range<usize> {
    let slack = quote.len() / 4 + 16;
    let lo = floor(text, start.saturating_sub(slack));
    let hi = floor(text, start + quote.len() + slack);
    let window = &text[lo..hi];
    let diff = TextDiff::configure()
        .algorithm(Algorithm::Myers)
        .timeout(Duration::from_millis(50))
        .diff_chars(quote, window);
    // Runs both sides share, as (start, end) in `window`; the passage runs
    // from the first to the last that is not a chance match of a few letters.
    // Each run also records where it is in the quote, in characters.
    let mut runs: Vec<Run> = Vec::new();
    let (mut at, mut q) = (0, 0);
    for change in diff.iter_all_changes() {
        let len = change.value().len();
        match change.tag() {
            ChangeTag::Equal => match runs.last_mut() {
                Some(run) if run.end == at && run.q_end == q => {
                    run.end += len;
                    run.chars += 1;
                    run.q_end += 1;
                }
                _ => runs.push(Run {
                    start: at,
                    end: at + len,
                    chars: 1,
                    q_start: q,
                    q_end: q + 1,
                }),
            },
            ChangeTag::Insert => {}
            ChangeTag::Delete => {
                q += 1;
                continue;
            }
        }
        if change.tag() == ChangeTag::Equal {
            q += 1;
        }
        at += len;
    }
    let solid = |r: &&Run| r.chars >= MIN_RUN.min(quote.len());
    let first = runs.iter().find(solid).or(runs.first());
    let last = runs.iter().rev().find(solid).or(runs.last());
    let (start, end) = match (first, last) {
        (Some(f), Some(l)) if l.end >= f.start => {
            // What the quote has before its first solid run (a word changed
            // at its start) is taken from the text just before, as many
            // characters; likewise after the last.
            let before = text[lo..lo + f.start].chars().rev().take(f.q_start);
            let start = lo + f.start - before.map(char::len_utf8).sum::<usize>();
            let q_after = quote.chars().count().saturating_sub(l.q_end);
            let after = text[lo + l.end..hi].chars().take(q_after);
            let end = lo + l.end + after.map(char::len_utf8).sum::<usize>();
            (start, end)
        }
        _ => (lo, lo),
    };
    // Whole words: a word cut at either end is taken whole.
    let word = |c: char| c.is_alphanumeric();
    let mut start = start;
    if text[start..].starts_with(word) {
        while let Some(c) = text[lo..start].chars().next_back().filter(|&c| word(c)) {
            start -= c.len_utf8();
        }
    }
    let mut end = end;
    if text[..end].ends_with(word) {
        while let Some(c) = text[end..hi].chars().next().filter(|&c| word(c)) {
            end += c.len_utf8();
        }
    }
    start..end
}

/// Characters of unchanged text kept on each side of a change in a diff.
const CONTEXT: usize = 30;
/// Characters of one change shown, at most.
const MAX_CHANGE: usize = 200;

/// A character-level diff from `quote` to `passage`, as pieces: text both
/// share (long runs cut to [`CONTEXT`] characters around the changes),
/// text only the quote has, and text only the passage has.
pub fn diff(quote: &str, passage: &str) -> Vec<Piece> {
    let diff = TextDiff::configure()
        .algorithm(Algorithm::Myers)
        .timeout(Duration::from_millis(100))
        .diff_chars(quote, passage);
    let mut pieces: Vec<Piece> = Vec::new();
    for change in diff.iter_all_changes() {
        let v = change.value();
        match (change.tag(), pieces.last_mut()) {
            (ChangeTag::Equal, Some(Piece::Same(s)))
            | (ChangeTag::Delete, Some(Piece::Removed(s)))
            | (ChangeTag::Insert, Some(Piece::Added(s))) => s.push_str(v),
            (ChangeTag::Equal, _) => pieces.push(Piece::Same(v.to_string())),
            (ChangeTag::Delete, _) => pieces.push(Piece::Removed(v.to_string())),
            (ChangeTag::Insert, _) => pieces.push(Piece::Added(v.to_string())),
        }
    }
    let mut pieces = merge_changes(pieces);
    let n = pieces.len();
    for (i, piece) in pieces.iter_mut().enumerate() {
        match piece {
            Piece::Same(s) => *s = elide(s, i > 0, i + 1 < n),
            Piece::Removed(s) | Piece::Added(s) => *s = cut(s, MAX_CHANGE),
        }
    }
    pieces
}

/// Changes separated by a chance match of one or two characters made one
/// change: `any[-b-]o[-dy-]{+ne+}` reads as `any[-body-]{+one+}`.
fn merge_changes(pieces: Vec<Piece>) -> Vec<Piece> {
    let mut out = Vec::new();
    let (mut removed, mut added) = (String::new(), String::new());
    let flush = |out: &mut Vec<Piece>, removed: &mut String, added: &mut String| {
        if !removed.is_empty() {
            out.push(Piece::Removed(std::mem::take(removed)));
        }
        if !added.is_empty() {
            out.push(Piece::Added(std::mem::take(added)));
        }
    };
    let n = pieces.len();
    for (i, piece) in pieces.into_iter().enumerate() {
        match piece {
            Piece::Removed(t) => removed.push_str(&t),
            Piece::Added(t) => added.push_str(&t),
            Piece::Same(t) => {
                let inside = (!removed.is_empty() || !added.is_empty()) && i + 1 < n;
                if inside && t.chars().count() <= 2 {
                    removed.push_str(&t);
                    added.push_str(&t);
                } else {
                    flush(&mut out, &mut removed, &mut added);
                    out.push(Piece::Same(t));
                }
            }
        }
    }
    flush(&mut out, &mut removed, &mut added);
    out
}

/// `s` cut to its first and last [`CONTEXT`] characters where a change
/// follows (`after`) or precedes (`before`) it.
fn elide(s: &str, before: bool, after: bool) -> String {
    let chars: Vec<char> = s.chars().collect();
    let keep_head = if before { CONTEXT } else { 0 };
    let keep_tail = if after { CONTEXT } else { 0 };
    if chars.len() <= keep_head + keep_tail + 1 {
        return s.to_string();
    }
    let head: String = chars[..keep_head].iter().collect();
    let tail: String = chars[chars.len() - keep_tail..].iter().collect();
    format!("{head}…{tail}")
}

/// `s` cut to `max` characters, with `…` where it was cut.
fn cut(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_change_at_the_start_or_end_is_inside_the_passage() {
        let text = "the two sides agreed to “robust security guarantees that I would \
                    describe as game-changing”. He added that";
        let at = |quote: &str| {
            let r = closest(text, &[quote])[0].clone().unwrap();
            &text[r]
        };
        assert_eq!(
            at("strong security guarantees that I would describe as game-changing"),
            "robust security guarantees that I would describe as game-changing"
        );
        assert_eq!(
            at("robust security guarantees that I would describe as world-changing"),
            "robust security guarantees that I would describe as game-changing"
        );
        let text = "He also said “we’re not at the precipice of a peace agreement” and";
        let r = closest(text, &["we're not at the precipice of a peace agreement"])[0]
            .clone()
            .unwrap();
        assert_eq!(&text[r], "we’re not at the precipice of a peace agreement");
    }

    #[test]
    fn finds_the_passage_with_a_word_changed() {
        let text = "Intro text here. We were able to win the following concession: \
                    that the US could offer protection. Other text follows here.";
        let quote = "We were able to win the following concessions: that the US could offer";
        let at = closest(text, &[quote, "zzzzzzzzzzzz"]);
        assert_eq!(
            &text[at[0].clone().unwrap()],
            "We were able to win the following concession: that the US could offer"
        );
        assert_eq!(at[1], None);
    }

    #[test]
    fn the_diff_marks_what_changed() {
        let d = diff(
            "the following concessions: that",
            "the following concession: that",
        );
        assert_eq!(
            d,
            vec![
                Piece::Same("the following concession".into()),
                Piece::Removed("s".into()),
                Piece::Same(": that".into()),
            ]
        );
        let d = diff("older than anybody in", "older than anyone in");
        assert_eq!(
            d,
            vec![
                Piece::Same("older than any".into()),
                Piece::Removed("body".into()),
                Piece::Added("one".into()),
                Piece::Same(" in".into()),
            ]
        );
        let long = "x".repeat(100);
        let d = diff(&format!("{long}a{long}"), &format!("{long}b{long}"));
        let Piece::Same(head) = &d[0] else { panic!() };
        assert_eq!(head.chars().count(), CONTEXT + 1);
        assert!(head.starts_with('…'));
    }
}
