//! "Did you mean ...?": the one place that suggests a name for a misspelt one.
//!
//! A suggestion is the candidate closest to the input by Jaro-Winkler
//! similarity, when it scores at least 0.8. Comparing two strings costs the
//! product of their lengths, so the work is bounded:
//!
//! - names longer than [`MAX_CHARS`] characters are neither compared nor
//!   suggested;
//! - only candidates whose length is within [`window`] of the input's are
//!   compared (a typo rarely changes a name's length by much);
//! - [`Suggester`], for checking many references against one set of ids, sorts
//!   the candidates by length once, answers each distinct input once (a cache),
//!   and for large sets compares only the candidates one edit away from the
//!   input (found through an index of single-character deletions), at most
//!   [`MAX_COMPARED`] of them.

use std::collections::HashMap;

/// Names longer than this (in characters) are not compared.
pub const MAX_CHARS: usize = 64;

/// At most this many candidates are compared for one input of a [`Suggester`].
pub const MAX_COMPARED: usize = 256;

/// A [`Suggester`] with more candidates than this compares only the ones one
/// edit away from the input; with fewer it compares all of similar length.
const SCAN_ALL_UP_TO: usize = 128;

/// The least similarity for a suggestion.
const THRESHOLD: f64 = 0.8;

/// `did you mean `x`?` for the candidate closest to `input`, when one is close
/// enough to be a likely typo. For a few candidates (field names, config keys);
/// many inputs against one large set go through [`Suggester`].
pub fn did_you_mean<'c>(
    input: &str,
    candidates: impl IntoIterator<Item = &'c str>,
) -> Option<String> {
    let len = char_len(input)?;
    candidates
        .into_iter()
        .filter(|c| char_len(c).is_some_and(|n| n.abs_diff(len) <= window(len)))
        .map(|c| (strsim::jaro_winkler(input, c), c))
        .filter(|(score, _)| *score >= THRESHOLD)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| message(c))
}

fn message(candidate: &str) -> String {
    format!("did you mean `{candidate}`?")
}

/// How far a candidate's length (in characters) may be from the input's:
/// 3, or a quarter of the input's length when that is more.
pub fn window(len: usize) -> usize {
    (len / 4).max(3)
}

/// The length of `s` in characters, or `None` when it is over [`MAX_CHARS`]
/// (counting stops there, so a huge string costs nothing).
fn char_len(s: &str) -> Option<usize> {
    if s.len() > 4 * MAX_CHARS {
        return None;
    }
    let n = s.chars().count();
    (n <= MAX_CHARS).then_some(n)
}

/// Suggestions for many inputs against one set of candidates (the ids of one
/// kind of entity), each costing a bounded number of comparisons whatever the
/// size of the set.
#[derive(Debug)]
pub struct Suggester<'c> {
    candidates: Vec<&'c str>,
    /// Indices into `candidates`, by length in characters (`0..=MAX_CHARS`),
    /// each in the order given.
    by_len: Vec<Vec<u32>>,
    /// For large sets, built on the first lookup: the candidates sharing each
    /// deletion variant (by hash).
    deletions: Option<Deletions>,
    cache: HashMap<Box<str>, Option<u32>>,
    compared: usize,
}

impl<'c> Suggester<'c> {
    /// A suggester over `candidates`; ties are won by the later candidate, as
    /// [`did_you_mean`] does.
    pub fn new(candidates: impl IntoIterator<Item = &'c str>) -> Self {
        let mut by_len = vec![Vec::new(); MAX_CHARS + 1];
        let mut kept = Vec::new();
        for c in candidates {
            if let Some(n) = char_len(c) {
                by_len[n].push(u32::try_from(kept.len()).unwrap_or(u32::MAX));
                kept.push(c);
            }
        }
        Suggester {
            candidates: kept,
            by_len,
            deletions: None,
            cache: HashMap::new(),
            compared: 0,
        }
    }

    /// `did you mean `x`?` for the candidate closest to `input`, if any.
    pub fn did_you_mean(&mut self, input: &str) -> Option<String> {
        self.closest(input).map(message)
    }

    /// How many pairs of strings have been compared so far.
    pub fn compared(&self) -> usize {
        self.compared
    }

    /// The candidate closest to `input`, if it is close enough to be a likely typo.
    pub fn closest(&mut self, input: &str) -> Option<&'c str> {
        let len = char_len(input)?;
        if let Some(&found) = self.cache.get(input) {
            return found.map(|i| self.candidates[i as usize]);
        }
        let found = if self.candidates.len() <= SCAN_ALL_UP_TO {
            self.scan(input, len)
        } else {
            self.one_edit_away(input)
        };
        self.cache.insert(input.into(), found);
        found.map(|i| self.candidates[i as usize])
    }

    /// Compares every candidate of similar length, in the order given.
    fn scan(&mut self, input: &str, len: usize) -> Option<u32> {
        let lo = len.saturating_sub(window(len));
        let hi = (len + window(len)).min(MAX_CHARS);
        let mut order: Vec<u32> = self.by_len[lo..=hi].iter().flatten().copied().collect();
        order.sort_unstable();
        self.best(input, &order)
    }

    /// Compares the candidates at most one edit (insertion, deletion,
    /// substitution, transposition) away from `input`: those sharing a
    /// single-character deletion with it (SymSpell's method). Hash collisions
    /// only add candidates, which are then compared and rejected.
    fn one_edit_away(&mut self, input: &str) -> Option<u32> {
        let index = (self.deletions).get_or_insert_with(|| Deletions::new(&self.candidates));
        let mut hashes = Vec::with_capacity(MAX_CHARS + 1);
        deletion_hashes(input, &mut hashes);
        let mut order: Vec<u32> = Vec::new();
        for h in hashes {
            if order.len() >= MAX_COMPARED {
                break;
            }
            order.extend(index.sharing(h).take(MAX_COMPARED));
        }
        order.sort_unstable();
        order.dedup();
        self.best(input, &order)
    }

    /// The best-scoring of `order` (indices in ascending order); ties go to the later one.
    fn best(&mut self, input: &str, order: &[u32]) -> Option<u32> {
        let order = &order[..order.len().min(MAX_COMPARED)];
        self.compared += order.len();
        order
            .iter()
            .map(|&i| (strsim::jaro_winkler(input, self.candidates[i as usize]), i))
            .filter(|(score, _)| *score >= THRESHOLD)
            .max_by(|a, b| a.0.total_cmp(&b.0))
            .map(|(_, i)| i)
    }
}

/// Which candidates share each deletion variant: (hash, candidate) pairs
/// grouped into buckets by the top bits of the hash, about four to a bucket,
/// so that building takes linear time (a counting sort, hashing twice rather
/// than holding every pair twice) and a lookup reads one short bucket.
#[derive(Debug)]
struct Deletions {
    /// log2 of the number of buckets.
    bits: u32,
    /// `starts[b]..starts[b + 1]` are the entries of bucket `b`.
    starts: Vec<u32>,
    /// (low half of the variant's hash, candidate index), by bucket,
    /// candidates ascending in each.
    entries: Vec<(u32, u32)>,
}

impl Deletions {
    fn new(names: &[&str]) -> Self {
        let mut hashes = Vec::with_capacity(MAX_CHARS + 1);
        let total: usize = names.iter().map(|n| n.chars().count() + 1).sum();
        let bits = (total / 4).next_power_of_two().trailing_zeros().max(1);
        let mut index = Deletions {
            bits,
            starts: vec![0; (1 << bits) + 1],
            entries: vec![(0, 0); total],
        };
        for name in names {
            deletion_hashes(name, &mut hashes);
            for &h in &hashes {
                let b = index.bucket(h);
                index.starts[b + 1] += 1;
            }
        }
        for b in 0..1 << bits {
            index.starts[b + 1] += index.starts[b];
        }
        let mut next = index.starts.clone();
        for (i, name) in names.iter().enumerate() {
            let i = u32::try_from(i).unwrap_or(u32::MAX);
            deletion_hashes(name, &mut hashes);
            for &h in &hashes {
                let slot = &mut next[index.bucket(h)];
                index.entries[*slot as usize] = (h as u32, i);
                *slot += 1;
            }
        }
        index
    }

    fn bucket(&self, h: u64) -> usize {
        (h >> (64 - self.bits)) as usize
    }

    /// The candidates with a deletion variant hashing to `h` (and perhaps a
    /// few more, compared and rejected later), ascending.
    fn sharing(&self, h: u64) -> impl Iterator<Item = u32> + '_ {
        let b = self.bucket(h);
        let bucket = &self.entries[self.starts[b] as usize..self.starts[b + 1] as usize];
        bucket.iter().filter(move |e| e.0 == h as u32).map(|e| e.1)
    }
}

/// Hashes of `s` and of each string made by deleting one character of `s`,
/// written to `out` (polynomial hashes, each in constant time from prefix and
/// suffix hashes). `s` has at most [`MAX_CHARS`] characters.
fn deletion_hashes(s: &str, out: &mut Vec<u64>) {
    const BASE: u64 = 0x100_0000_01b3;
    let mut chars = [0u64; MAX_CHARS];
    let mut n = 0;
    for c in s.chars().take(MAX_CHARS) {
        chars[n] = u64::from(c) + 1;
        n += 1;
    }
    // prefix[i]: hash of chars[..i]; suffix[i]: hash of chars[i..]; power[i]: BASE^i.
    let mut prefix = [0u64; MAX_CHARS + 1];
    let mut power = [1u64; MAX_CHARS + 1];
    for i in 0..n {
        prefix[i + 1] = prefix[i].wrapping_mul(BASE).wrapping_add(chars[i]);
        power[i + 1] = power[i].wrapping_mul(BASE);
    }
    let mut suffix = [0u64; MAX_CHARS + 1];
    for i in (0..n).rev() {
        suffix[i] = chars[i]
            .wrapping_mul(power[n - 1 - i])
            .wrapping_add(suffix[i + 1]);
    }
    let mix = |h: u64, len: usize| {
        (h ^ (len as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15)).wrapping_mul(0xff51_afd7_ed55_8ccd)
    };
    out.clear();
    out.push(mix(prefix[n], n));
    for i in 0..n {
        let h = prefix[i]
            .wrapping_mul(power[n - 1 - i])
            .wrapping_add(suffix[i + 1]);
        out.push(mix(h, n - 1));
    }
}

#[cfg(test)]
mod tests {
    use super::{MAX_CHARS, Suggester, did_you_mean};

    #[test]
    fn suggests_close_names_only() {
        let fields = ["speaker", "text", "topics", "venue"];
        assert_eq!(
            did_you_mean("speker", fields).as_deref(),
            Some("did you mean `speaker`?")
        );
        assert_eq!(
            did_you_mean("topic", fields).as_deref(),
            Some("did you mean `topics`?")
        );
        assert_eq!(did_you_mean("colour", fields), None);
    }

    #[test]
    fn a_suggester_agrees_with_did_you_mean_on_small_sets() {
        let ids = ["ana", "ben", "budget", "sanctions", "speaker", "topics"];
        let mut s = Suggester::new(ids);
        for input in ["benn", "budgte", "sanction", "speker", "topic", "xyz", "an"] {
            assert_eq!(s.did_you_mean(input), did_you_mean(input, ids), "{input}");
        }
    }

    #[test]
    fn deletion_hashes_match_across_one_edit() {
        let hashes = |s: &str| {
            let mut out = Vec::new();
            super::deletion_hashes(s, &mut out);
            out
        };
        let shares = |a: &str, b: &str| hashes(b).iter().any(|h| hashes(a).contains(h));
        assert!(shares("speaker-12", "speaker-12"));
        assert!(shares("speaker-12", "spaeker-12")); // transposition
        assert!(shares("speaker-12", "speeker-12")); // substitution
        assert!(shares("speaker-12", "speker-12")); // deletion
        assert!(shares("speaker-12", "speakers-12")); // insertion
        assert!(shares("é", "")); // a multi-byte character
        assert!(!shares("speaker-12", "spaeker-21"));
    }

    #[test]
    fn large_sets_suggest_one_edit_away_within_bounded_work() {
        let ids: Vec<String> = (0..20_000).map(|i| format!("speaker-{i}")).collect();
        let mut s = Suggester::new(ids.iter().map(String::as_str));
        assert_eq!(s.closest("spaeker-123"), Some("speaker-123"));
        assert_eq!(s.closest("speaker-1234x"), Some("speaker-1234"));
        assert_eq!(s.closest("nobody-at-all"), None);
        let before = s.compared();
        // Repeated inputs are answered from the cache.
        for _ in 0..1_000 {
            assert_eq!(s.closest("spaeker-123"), Some("speaker-123"));
        }
        assert_eq!(s.compared(), before);
        // Distinct inputs: bounded work each, not one comparison per id.
        for i in 0..2_000 {
            assert_eq!(
                s.closest(&format!("spaeker-{i}")).map(str::to_string),
                Some(format!("speaker-{i}"))
            );
        }
        assert!(s.compared() - before <= 2_000 * 64, "{}", s.compared());
    }

    #[test]
    fn long_names_are_not_compared() {
        let long = "a".repeat(100_000);
        let near = format!("{}b", &long[1..]);
        let mut s = Suggester::new([long.as_str(), "ana"]);
        assert_eq!(s.closest(&near), None);
        assert_eq!(s.compared(), 0);
        assert_eq!(did_you_mean(&near, [long.as_str()]), None);
        let edge = "a".repeat(MAX_CHARS);
        assert!(did_you_mean(&edge[1..], [edge.as_str()]).is_some());
    }
}
