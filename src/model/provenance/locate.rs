//! Finding quotes in a whitespace-normalised archive: every quote text and
//! selector found in one pass (all occurrences, overlapping ones too), then
//! each quote placed by its text and its `prefix`/`suffix`.
//!
//! Placing a quote costs the length of its text times the number of places
//! the rarest of its text, prefix and suffix occurs, never a pass over the
//! archive.

use std::collections::HashMap;
use std::ops::Range;

use aho_corasick::AhoCorasick;

use super::hash::{Filter, U64Map};

/// Reported passages and the sentence a lone selector brackets are at most
/// this many bytes long.
pub const MAX_PASSAGE: usize = 2000;

/// Quotation marks, opening and closing, straight and curly.
fn is_mark(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '”' | '‘' | '’' | '«' | '»' | '‹' | '›' | '„' | '‚'
    )
}

/// Closing quotation marks (straight ones close too).
fn is_closing(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '»' | '›')
}

/// What may stand between a prefix and the quote it announces: the
/// quote's opening mark, and the colon or comma that introduces it.
fn is_gap_before(c: char) -> bool {
    c == ' ' || is_mark(c) || matches!(c, ':' | ',')
}

/// What may stand between a quote and its suffix: the quote's closing
/// mark, and punctuation the quote left out.
fn is_gap_after(c: char) -> bool {
    c == ' ' || is_mark(c) || matches!(c, ',' | '.' | ';' | ':' | '!' | '?')
}

/// Where every needle occurs in one text, overlapping occurrences included,
/// found in one pass.
///
/// Needles of [`ANCHOR`] bytes or more are found by their first [`ANCHOR`]
/// bytes (Rabin–Karp: a rolling hash of each window of the text, a bit
/// filter, then a comparison where a hash matches); shorter ones by an
/// Aho–Corasick automaton, small because they are. Building either costs
/// little however many quotes there are.
#[derive(Debug, Default)]
pub struct Occurrences<'n> {
    ids: HashMap<&'n str, usize>,
    /// Every place found, grouped by needle id, each group in text order.
    all: Vec<u32>,
    /// Per needle id, where its group starts in `all` (and one past the end).
    group: Vec<usize>,
}

/// Bytes of a needle's start that the rolling hash looks for.
pub const ANCHOR: usize = 16;
/// The rolling hash's base.
const BASE: u64 = 0x100_0000_01b3;

/// A node of the trie of needles' chunks: the needles whose last whole
/// chunk it is, and whether longer needles go on from it.
#[derive(Debug, Default)]
struct Node {
    ends: Vec<u32>,
    deeper: bool,
}

/// The key of the trie node after `key` by `chunk`.
fn deeper(key: u64, chunk: &[u8]) -> u64 {
    (key.rotate_left(23) ^ anchor_hash(chunk)).wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

fn anchor_hash(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0u64, |h, &b| {
        h.wrapping_mul(BASE).wrapping_add(u64::from(b))
    })
}

impl<'n> Occurrences<'n> {
    /// Finds every needle (empty ones are ignored) in `text`.
    pub fn find(text: &str, needles: impl IntoIterator<Item = &'n str>) -> Occurrences<'n> {
        let mut ids = HashMap::new();
        let mut patterns = Vec::new();
        for needle in needles {
            if !needle.is_empty() && !ids.contains_key(needle) {
                ids.insert(needle, patterns.len());
                patterns.push(needle);
            }
        }
        // (needle id, where), in text order for each needle.
        let mut hits: Vec<(u32, u32)> = Vec::new();
        let (long, short): (Vec<usize>, Vec<usize>) =
            (0..patterns.len()).partition(|&i| patterns[i].len() >= ANCHOR);
        if !short.is_empty() {
            let ac =
                AhoCorasick::new(short.iter().map(|&i| patterns[i])).expect("short patterns build");
            for m in ac.find_overlapping_iter(text) {
                hits.push((short[m.pattern().as_usize()] as u32, m.start() as u32));
            }
        }
        let bytes = text.as_bytes();
        if !long.is_empty() && bytes.len() >= ANCHOR {
            // A trie of 16-byte chunks, flattened into one map: the key of
            // a needle's first chunk is the rolling hash of it, the key of
            // each next chunk folds that chunk's hash in. A needle is
            // compared in full only at the node of its last whole chunk, so
            // needles sharing a start are not all compared at every place
            // that start occurs.
            let mut trie: U64Map<Node> = U64Map::default();
            let mut filter = Filter::for_keys(long.len());
            for &i in &long {
                let needle = patterns[i].as_bytes();
                let chunks = needle.len() / ANCHOR;
                let mut key = anchor_hash(&needle[..ANCHOR]);
                filter.insert(key);
                for d in 1..chunks {
                    trie.entry(key).or_default().deeper = true;
                    key = deeper(key, &needle[d * ANCHOR..(d + 1) * ANCHOR]);
                }
                trie.entry(key).or_default().ends.push(i as u32);
            }
            let top = (1..ANCHOR).fold(1u64, |p, _| p.wrapping_mul(BASE));
            let mut look = |at: usize, h: u64| {
                if !filter.may_hold(h) {
                    return;
                }
                let (mut key, mut depth) = (h, 1);
                while let Some(node) = trie.get(&key) {
                    for &i in &node.ends {
                        if bytes[at..].starts_with(patterns[i as usize].as_bytes()) {
                            hits.push((i, at as u32));
                        }
                    }
                    let Some(chunk) = bytes.get(at + depth * ANCHOR..at + (depth + 1) * ANCHOR)
                    else {
                        break;
                    };
                    if !node.deeper {
                        break;
                    }
                    key = deeper(key, chunk);
                    depth += 1;
                }
            };
            let mut h = anchor_hash(&bytes[..ANCHOR]);
            // Each window but the last, then the next one's hash.
            for (at, (&out, &next)) in bytes.iter().zip(&bytes[ANCHOR..]).enumerate() {
                look(at, h);
                h = h
                    .wrapping_sub(u64::from(out).wrapping_mul(top))
                    .wrapping_mul(BASE)
                    .wrapping_add(u64::from(next));
            }
            look(bytes.len() - ANCHOR, h);
        }
        // Grouped by needle, keeping text order: a counting sort.
        let mut group = vec![0usize; patterns.len() + 1];
        for &(i, _) in &hits {
            group[i as usize + 1] += 1;
        }
        for i in 0..patterns.len() {
            group[i + 1] += group[i];
        }
        let mut next = group.clone();
        let mut all = vec![0u32; hits.len()];
        for (i, at) in hits {
            all[next[i as usize]] = at;
            next[i as usize] += 1;
        }
        Occurrences { ids, all, group }
    }

    /// Where `needle` starts (it must have been searched for).
    pub fn of(&self, needle: &str) -> &[u32] {
        self.ids
            .get(needle)
            .map_or(&[], |&i| &self.all[self.group[i]..self.group[i + 1]])
    }
}

/// A direct quote's text and selectors, whitespace squeezed.
#[derive(Debug, Clone)]
pub struct Direct<'a> {
    /// The text, less a final `,` or `.` (see [`Direct::punct`]).
    pub stem: &'a str,
    /// A final `,` or `.` of the quote: the source may have it, have the
    /// other one, just inside the closing quotation mark, or end the
    /// quotation there.
    pub punct: Option<char>,
    /// The prefix and suffix without the quotation marks and spaces at the
    /// end that touches the quote.
    pub prefix: Option<&'a str>,
    pub suffix: Option<&'a str>,
}

impl<'a> Direct<'a> {
    pub fn new(text: &'a str, prefix: Option<&'a str>, suffix: Option<&'a str>) -> Direct<'a> {
        let (stem, punct) = match text.chars().next_back() {
            Some(c @ (',' | '.')) if text.len() > 1 => (&text[..text.len() - 1], Some(c)),
            _ => (text, None),
        };
        Direct {
            stem,
            punct,
            prefix: prefix.map(|p| p.trim_end_matches(is_gap_before)),
            suffix: suffix.map(|s| s.trim_start_matches(is_gap_after)),
        }
    }

    /// What to search the archive for.
    pub fn needles(&self) -> impl Iterator<Item = &'a str> {
        [Some(self.stem), self.prefix, self.suffix]
            .into_iter()
            .flatten()
    }
}

/// Where a direct quote was found, or why not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Placed {
    /// At `at` (a range of the normalised archive), one of `count` places
    /// that fit its text and selectors.
    Found { at: Range<usize>, count: usize },
    /// The text occurs, but the prefix (when `prefix`) or else the suffix
    /// matches at none of its places.
    SelectorFails { prefix: bool },
    /// The text occurs nowhere.
    NotFound,
}

/// Places direct quotes in one normalised archive, remembering the places
/// of each text so that many quotes with one text cost one scan of them.
pub struct Placer<'t> {
    text: &'t str,
    found: &'t Occurrences<'t>,
    /// Per (stem, final punctuation): the first place the whole text fits,
    /// and how many places it fits.
    counted: HashMap<(&'t str, Option<char>), FirstFit>,
    /// Per (stem, final punctuation): the places where the whole text fits.
    fits: HashMap<(&'t str, Option<char>), Vec<Range<usize>>>,
    /// Per quote with selectors: where it was placed, so that quotes alike
    /// cost one placing.
    placed: HashMap<Selected<'t>, Placed>,
}

/// The first place a text fits, and how many places it fits.
type FirstFit = (Option<Range<usize>>, usize);

/// A direct quote's text, final punctuation, prefix and suffix.
type Selected<'t> = (&'t str, Option<char>, Option<&'t str>, Option<&'t str>);

impl<'t> Placer<'t> {
    pub fn new(text: &'t str, found: &'t Occurrences<'t>) -> Placer<'t> {
        Placer {
            text,
            found,
            counted: HashMap::new(),
            fits: HashMap::new(),
            placed: HashMap::new(),
        }
    }

    /// The places where the quote's whole text (its final punctuation too)
    /// occurs, computed once per text.
    fn fitting(&mut self, q: &Direct<'t>) -> &[Range<usize>] {
        let (text, found) = (self.text, self.found);
        self.fits.entry((q.stem, q.punct)).or_insert_with(|| {
            (found.of(q.stem).iter())
                .filter_map(|&s| tail(text, s as usize, q).map(|e| s as usize..e))
                .collect()
        })
    }

    fn prefix_fits(&self, start: usize, prefix: &str) -> bool {
        self.text[..start]
            .trim_end_matches(is_gap_before)
            .ends_with(prefix)
    }

    fn suffix_fits(&self, end: usize, suffix: &str) -> bool {
        self.text[end..]
            .trim_start_matches(is_gap_after)
            .starts_with(suffix)
    }

    /// The places that fit the quote's text and the selectors asked for,
    /// found from the rarest of them.
    fn places(&mut self, q: &Direct<'t>, prefix: bool, suffix: bool) -> Vec<Range<usize>> {
        let prefix = q.prefix.filter(|p| prefix && !p.is_empty());
        let suffix = q.suffix.filter(|s| suffix && !s.is_empty());
        let fitting = self.first_fit(q).1;
        let by_prefix = prefix.map_or(usize::MAX, |p| self.found.of(p).len());
        let by_suffix = suffix.map_or(usize::MAX, |s| self.found.of(s).len());
        let text = self.text;
        let mut starts: Vec<usize> = if fitting <= by_prefix.min(by_suffix) {
            self.fitting(q).iter().map(|r| r.start).collect()
        } else if by_prefix <= by_suffix {
            let p = prefix.expect("counted");
            let mut starts = Vec::new();
            for &s in self.found.of(p) {
                let mut at = s as usize + p.len();
                loop {
                    if text[at..].starts_with(q.stem) {
                        starts.push(at);
                    }
                    match text[at..].chars().next() {
                        Some(c) if is_gap_before(c) => at += c.len_utf8(),
                        _ => break,
                    }
                }
            }
            starts
        } else {
            let x = suffix.expect("counted");
            let mut starts = Vec::new();
            for &s in self.found.of(x) {
                let mut at = s as usize;
                loop {
                    if text[..at].ends_with(q.stem) {
                        starts.push(at - q.stem.len());
                    }
                    match text[..at].chars().next_back() {
                        Some(c) if is_gap_after(c) => at -= c.len_utf8(),
                        _ => break,
                    }
                }
            }
            starts
        };
        starts.sort_unstable();
        starts.dedup();
        starts
            .into_iter()
            .filter_map(|start| {
                let end = tail(text, start, q)?;
                let fits = prefix.is_none_or(|p| self.prefix_fits(start, p))
                    && suffix.is_none_or(|x| self.suffix_fits(end, x));
                fits.then_some(start..end)
            })
            .collect()
    }

    /// The first place the quote's whole text fits, and how many places it
    /// fits, selectors aside: one scan of its text's places, once per text.
    fn first_fit(&mut self, q: &Direct<'t>) -> FirstFit {
        let (text, found) = (self.text, self.found);
        let starts = found.of(q.stem);
        self.counted
            .entry((q.stem, q.punct))
            .or_insert_with(|| {
                let mut fits = (starts.iter())
                    .filter_map(|&s| tail(text, s as usize, q).map(|e| s as usize..e));
                let first = fits.next();
                let count = usize::from(first.is_some()) + fits.count();
                (first, count)
            })
            .clone()
    }

    /// How many places the quote's text fits, selectors aside.
    pub fn count(&mut self, q: &Direct<'t>) -> usize {
        self.first_fit(q).1
    }

    /// Where the quote is, or why it cannot be placed.
    ///
    /// Without selectors this costs nothing once the places of its text are
    /// known; with them, the number of places of the rarest of its text,
    /// prefix and suffix, once for all quotes alike.
    pub fn place(&mut self, q: &Direct<'t>) -> Placed {
        if q.stem.is_empty() {
            return Placed::NotFound;
        }
        let selected =
            q.prefix.is_some_and(|p| !p.is_empty()) || q.suffix.is_some_and(|s| !s.is_empty());
        if !selected {
            return match self.first_fit(q) {
                (Some(at), count) => Placed::Found { at, count },
                (None, _) => Placed::NotFound,
            };
        }
        let key = (q.stem, q.punct, q.prefix, q.suffix);
        if let Some(placed) = self.placed.get(&key) {
            return placed.clone();
        }
        let placed = self.place_selected(q);
        self.placed.insert(key, placed.clone());
        placed
    }

    fn place_selected(&mut self, q: &Direct<'t>) -> Placed {
        let places = self.places(q, true, true);
        if let Some(first) = places.first() {
            return Placed::Found {
                at: first.clone(),
                count: places.len(),
            };
        }
        if self.first_fit(q).1 == 0 {
            return Placed::NotFound;
        }
        let prefix = q.prefix.is_some_and(|p| !p.is_empty()) && {
            let with_prefix = self.places(q, true, false);
            with_prefix.is_empty()
        };
        Placed::SelectorFails { prefix }
    }
}

/// Where the quote's text ends in `text` if it starts at `start` with its
/// stem: `None` when its final punctuation does not fit there.
///
/// A quote starts and ends on word boundaries: a quote that starts with a
/// letter or digit may not start inside a word of the source, nor one that
/// ends with a letter or digit end inside one ("obust" is not in "robust").
fn tail(text: &str, start: usize, q: &Direct<'_>) -> Option<usize> {
    let word = |c: char| c.is_alphanumeric();
    // Whole words: not the end of a longer word, nor its start.
    let cut_before = q.stem.starts_with(word) && text[..start].ends_with(word);
    let end = start + q.stem.len();
    let Some(punct) = q.punct else {
        let cut_after = q.stem.ends_with(word) && text[end..].starts_with(word);
        return (!cut_before && !cut_after).then_some(end);
    };
    if cut_before {
        return None;
    }
    let mut rest = text[end..].chars();
    match (rest.next(), rest.next()) {
        (Some(c), _) if c == punct => Some(end + 1),
        (Some(',' | '.'), Some(m)) if is_closing(m) => Some(end + 1),
        (Some(m), _) if is_closing(m) => Some(end),
        _ => None,
    }
}

/// Where a reported statement's passage was found, or which selector failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Passage {
    /// At `at` (a range of the normalised archive), one of `count` places.
    Found { at: Range<usize>, count: usize },
    /// The prefix (when `prefix`) or else the suffix occurs nowhere.
    Nowhere { prefix: bool },
    /// Both occur, but the suffix never follows the prefix closely enough.
    Apart,
    /// The selectors bracket nothing but spaces and punctuation.
    Empty,
}

/// The passage a reported statement's selectors bracket in `text`: between
/// the prefix and the suffix; after a lone prefix, the rest of its
/// sentence; before a lone suffix, the start of its sentence. A sentence
/// never runs across a paragraph break (`breaks`, offsets of the spaces
/// that stand for blank lines, in order).
pub fn passage(
    text: &str,
    breaks: &[u32],
    found: &Occurrences,
    prefix: Option<&str>,
    suffix: Option<&str>,
) -> Passage {
    let prefix = prefix.filter(|p| !p.is_empty());
    let suffix = suffix.filter(|s| !s.is_empty());
    let ps = prefix.map(|p| found.of(p));
    let ss = suffix.map(|s| found.of(s));
    if ps.is_some_and(<[u32]>::is_empty) {
        return Passage::Nowhere { prefix: true };
    }
    if ss.is_some_and(<[u32]>::is_empty) {
        return Passage::Nowhere { prefix: false };
    }
    let (first, count) = match (prefix.zip(ps), suffix.zip(ss)) {
        (Some((p, ps)), Some((_, ss))) => {
            let pairs = pairs(ps, p.len(), ss);
            (pairs.first().cloned(), pairs.len())
        }
        (Some((p, ps)), None) => {
            let start = ps[0] as usize + p.len();
            // A prefix that ends its paragraph points at the next one.
            let from = start + (text[start..].len() - text[start..].trim_start().len());
            let next_break = breaks[breaks.partition_point(|&b| (b as usize) < from)..]
                .first()
                .map_or(text.len(), |&b| b as usize);
            (
                Some(start..sentence_end(text, start).min(next_break)),
                ps.len(),
            )
        }
        (None, Some((_, ss))) => {
            let end = ss[0] as usize;
            // A suffix that starts its paragraph points at the one before.
            let to = text[..end].trim_end().len();
            let after_break = breaks[..breaks.partition_point(|&b| (b as usize) < to)]
                .last()
                .map_or(0, |&b| b as usize + 1);
            (
                Some(sentence_start(text, end).max(after_break)..end),
                ss.len(),
            )
        }
        (None, None) => (None, 0),
    };
    match first {
        Some(first) => {
            let at = trim(text, first);
            let words = text[at.clone()].chars().any(char::is_alphanumeric);
            if words {
                Passage::Found { at, count }
            } else {
                Passage::Empty
            }
        }
        None => Passage::Apart,
    }
}

/// The passages between a prefix (occurring at `ps`, `len` bytes long) and
/// the first suffix (at `ss`) after it, with no other prefix between them,
/// at most [`MAX_PASSAGE`] apart. Costs the rarer list times a binary
/// search in the other.
fn pairs(ps: &[u32], len: usize, ss: &[u32]) -> Vec<Range<usize>> {
    let end = |i: usize| ps[i] as usize + len;
    let mut out = Vec::new();
    if ps.len() <= ss.len() {
        for i in 0..ps.len() {
            let e = end(i);
            let j = ss.partition_point(|&s| (s as usize) < e);
            let Some(&t) = ss.get(j) else { continue };
            let t = t as usize;
            let closer = i + 1 < ps.len() && end(i + 1) <= t;
            if !closer && t - e <= MAX_PASSAGE {
                out.push(e..t);
            }
        }
    } else {
        for (j, &t) in ss.iter().enumerate() {
            let t = t as usize;
            let n = ps.partition_point(|&s| s as usize + len <= t);
            let Some(i) = n.checked_sub(1) else { continue };
            let e = end(i);
            let earlier = j > 0 && ss[j - 1] as usize >= e;
            if !earlier && t - e <= MAX_PASSAGE {
                out.push(e..t);
            }
        }
    }
    out
}

/// Is the sentence over after `text[..i]`: `.`, `!` or `?`, then any closing
/// marks, then a space or the end?
fn ends_sentence(text: &str, i: usize) -> bool {
    let before = text[..i].trim_end_matches(is_closing);
    before.ends_with(['.', '!', '?'])
        && (i == text.len() || text[i..].starts_with(' '))
        && !text[..i].ends_with(' ')
}

/// Where the sentence that goes on at `from` ends (at most
/// [`MAX_PASSAGE`] bytes on).
fn sentence_end(text: &str, from: usize) -> usize {
    let limit = floor(text, from + MAX_PASSAGE);
    let mut at = from;
    for (i, c) in text[from..limit].char_indices() {
        at = from + i + c.len_utf8();
        if ends_sentence(text, at) && at > from + 1 {
            return at;
        }
    }
    at.max(limit)
}

/// Where the sentence that goes on up to `to` starts (at most
/// [`MAX_PASSAGE`] bytes back).
fn sentence_start(text: &str, to: usize) -> usize {
    let limit = floor(text, to.saturating_sub(MAX_PASSAGE));
    let window = text[limit..to].trim_end();
    window
        .char_indices()
        .rev()
        .map(|(i, _)| limit + i)
        .find(|&i| i > limit && ends_sentence(text, i))
        .unwrap_or(limit)
}

/// `range` without spaces at either end.
fn trim(text: &str, range: Range<usize>) -> Range<usize> {
    let s = &text[range.clone()];
    let start = range.start + (s.len() - s.trim_start().len());
    let end = range.end - (s.len() - s.trim_end().len());
    start..end.max(start)
}

/// The largest char boundary of `text` at or before `i`.
pub fn floor(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(text: &str, quote: &str, prefix: Option<&str>, suffix: Option<&str>) -> Placed {
        let q = Direct::new(quote, prefix, suffix);
        let found = Occurrences::find(text, q.needles());
        Placer::new(text, &found).place(&q)
    }

    fn found(text: &str, needle: &str) -> Placed {
        let at = text.find(needle).unwrap();
        Placed::Found {
            at: at..at + needle.len(),
            count: 1,
        }
    }

    #[test]
    fn a_quote_starts_and_ends_on_word_boundaries() {
        let t = "robust security guarantees that I would describe as game-changing";
        assert_eq!(place(t, "obust security", None, None), Placed::NotFound);
        assert_eq!(place(t, "as game-chang", None, None), Placed::NotFound);
        assert_eq!(
            place(t, "robust security", None, None),
            found(t, "robust security")
        );
        // "the" is not counted inside "there" or "them".
        let t = "there, the, them; the";
        assert!(matches!(
            place(t, "the", None, None),
            Placed::Found { count: 2, .. }
        ));
        // A quote that starts or ends with punctuation may sit next to a word.
        let t = "said:“We were able”";
        assert_eq!(
            place(t, "“We were able", None, None),
            found(t, "“We were able")
        );
    }

    #[test]
    fn a_plain_substring_is_found() {
        let t = "He said “we agreed on it” on Sunday.";
        assert_eq!(place(t, "we agreed", None, None), found(t, "we agreed"));
        assert_eq!(place(t, "we agreeed", None, None), Placed::NotFound);
    }

    #[test]
    fn only_whole_words_count() {
        let t = "He bathed endlessly; the end came.";
        assert_eq!(place(t, "the end", None, None), found(t, "the end"));
        let at = t.find("end came").unwrap();
        assert_eq!(
            place(t, "end", None, None),
            Placed::Found {
                at: at..at + 3,
                count: 1
            }
        );
        assert_eq!(place(t, "athed", None, None), Placed::NotFound);
        assert_eq!(place(t, "end.", None, None), Placed::NotFound);
        assert_eq!(place(t, "; the", None, None), found(t, "; the"));
    }

    #[test]
    fn final_punctuation_may_stand_inside_the_closing_mark_or_be_left_out() {
        let t = "“We will do it,” he said. She said “no”.";
        assert_eq!(
            place(t, "We will do it,", None, None),
            found(t, "We will do it,")
        );
        assert_eq!(
            place(t, "We will do it.", None, None),
            found(t, "We will do it,")
        );
        assert_eq!(place(t, "no.", None, None), found(t, "no"));
        assert_eq!(place(t, "he said,", None, None), Placed::NotFound);
    }

    #[test]
    fn selectors_pick_one_of_several_places() {
        let t = "first: “more sanctions” today; second: ‘more sanctions,’ he said";
        assert!(matches!(
            place(t, "more sanctions", None, None),
            Placed::Found { count: 2, .. }
        ));
        let second = t.rfind("more sanctions").unwrap();
        let at = second..second + "more sanctions".len();
        for (p, s) in [
            (Some("second:"), None),
            (Some("second: ‘"), None),
            (None, Some("he said")),
            (None, Some(",’ he")),
            (Some("second"), Some("he said")),
        ] {
            assert_eq!(
                place(t, "more sanctions", p, s),
                Placed::Found {
                    at: at.clone(),
                    count: 1
                },
                "{p:?} {s:?}"
            );
        }
        assert_eq!(
            place(t, "more sanctions", Some("third:"), None),
            Placed::SelectorFails { prefix: true }
        );
        assert_eq!(
            place(t, "more sanctions", Some("second:"), Some("today")),
            Placed::SelectorFails { prefix: false }
        );
    }

    #[test]
    fn a_quote_that_starts_with_a_mark_is_found_after_its_prefix() {
        let t = "and the ‘Coalition of the willing’ – including";
        let q = "‘Coalition of the willing’";
        assert_eq!(place(t, q, Some("and the"), None), found(t, q));
        assert_eq!(place(t, q, None, Some("– including")), found(t, q));
    }

    #[test]
    fn reported_passages_between_after_and_before_selectors() {
        let t = "One. He added that Russia would commit. Then it ended. Two.";
        let get = |p: Option<&str>, s: Option<&str>| {
            let found = Occurrences::find(t, p.into_iter().chain(s));
            match passage(t, &[], &found, p, s) {
                Passage::Found { at, count } => (Some(&t[at]), count),
                other => panic!("{other:?}"),
            }
        };
        assert_eq!(
            get(Some("He added that"), Some("Then")),
            (Some("Russia would commit."), 1)
        );
        assert_eq!(
            get(Some("He added that"), None),
            (Some("Russia would commit."), 1)
        );
        assert_eq!(
            get(None, Some("Then it")),
            (Some("He added that Russia would commit."), 1)
        );
        let found = Occurrences::find(t, ["Nowhere", "Two"]);
        assert_eq!(
            passage(t, &[], &found, Some("Nowhere"), Some("Two")),
            Passage::Nowhere { prefix: true }
        );
        let found = Occurrences::find(t, ["Two", "One"]);
        assert_eq!(
            passage(t, &[], &found, Some("Two"), Some("One")),
            Passage::Apart
        );
    }

    #[test]
    fn selectors_that_bracket_nothing_locate_nothing() {
        let t = "Mr Rubio said on NBC. He also said more.";
        let found = Occurrences::find(t, ["Mr Rubio said on NBC.", "He also said"]);
        assert_eq!(
            passage(
                t,
                &[],
                &found,
                Some("Mr Rubio said on NBC."),
                Some("He also said")
            ),
            Passage::Empty
        );
    }

    #[test]
    fn a_lone_selector_does_not_reach_across_a_paragraph() {
        use super::super::normal::Normal;
        let n = Normal::new(
            "A caption (AP)\n\nMr Rubio said fresh sanctions would not work. “The minute",
        );
        let t = n.text.as_str();
        let found = Occurrences::find(t, ["“The minute", "(AP)"]);
        match passage(t, &n.breaks, &found, None, Some("“The minute")) {
            Passage::Found { at, .. } => {
                assert_eq!(&t[at], "Mr Rubio said fresh sanctions would not work.")
            }
            other => panic!("{other:?}"),
        }
        let n = Normal::new("Said (AP) the caption\n\nNext paragraph.");
        let t = n.text.as_str();
        let found = Occurrences::find(t, ["(AP)"]);
        match passage(t, &n.breaks, &found, Some("(AP)"), None) {
            Passage::Found { at, .. } => assert_eq!(&t[at], "the caption"),
            other => panic!("{other:?}"),
        }
        // A selector at a paragraph's edge points into the paragraph beside it.
        let n = Normal::new("First one. Last one.\n\nNext one. Then more.");
        let t = n.text.as_str();
        let found = Occurrences::find(t, ["Next one.", "Last one."]);
        match passage(t, &n.breaks, &found, None, Some("Next one.")) {
            Passage::Found { at, .. } => assert_eq!(&t[at], "Last one."),
            other => panic!("{other:?}"),
        }
        match passage(t, &n.breaks, &found, Some("Last one."), None) {
            Passage::Found { at, .. } => assert_eq!(&t[at], "Next one."),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn long_and_short_needles_are_all_found_overlapping() {
        let text = "abcabcabcabcabcabcabcabc é abcabcabcabcabcabcabcabc";
        let long = "abcabcabcabcabcabc";
        let found = Occurrences::find(text, [long, "ca", "é abc", "zzzzzzzzzzzzzzzzzzzz"]);
        let want: Vec<u32> = (0..text.len() - long.len() + 1)
            .filter(|&i| text.as_bytes()[i..].starts_with(long.as_bytes()))
            .map(|i| i as u32)
            .collect();
        assert_eq!(want.len(), 6);
        assert_eq!(found.of(long), want);
        assert_eq!(found.of("ca").len(), 14);
        assert_eq!(found.of("é abc"), [25]);
        assert!(found.of("zzzzzzzzzzzzzzzzzzzz").is_empty());
    }

    #[test]
    fn needles_sharing_a_long_start_are_told_apart() {
        let start = "the same words to begin with, ";
        let text = format!("{start}and one end. {start}and another end.");
        let a = format!("{start}and one");
        let b = format!("{start}and another end.");
        let c = start.to_string();
        let short = format!("{start}an");
        let found = Occurrences::find(&text, [a.as_str(), &b, &c, &short]);
        let second = text.rfind(start).unwrap() as u32;
        assert_eq!(found.of(&a), [0]);
        assert_eq!(found.of(&b), [second]);
        assert_eq!(found.of(&c), [0, second]);
        assert_eq!(found.of(&short), [0, second]);
    }

    #[test]
    fn pairs_take_the_closest_prefix_either_way_round() {
        // Prefixes at 0, 10, 20 (length 2); suffixes at 15, 40.
        let ps = [0, 10, 20];
        let ss = [15, 40];
        assert_eq!(pairs(&ps, 2, &ss), vec![12..15, 22..40]);
        let ss = [15, 40, 50, 60];
        assert_eq!(pairs(&ps, 2, &ss), vec![12..15, 22..40]);
    }
}
