//! `QuoteCorpus`: every quote's searchable text (text, speaker name, venue),
//! lowercased into one string, so a case-insensitive search over many quotes
//! is one fast substring scan.

use super::Briefing;

#[derive(Debug, Clone, Default)]
pub struct QuoteCorpus {
    text: String,
    /// Where each quote's part of `text` starts; one extra entry at the end.
    starts: Vec<usize>,
}

impl QuoteCorpus {
    pub fn build(b: &Briefing) -> QuoteCorpus {
        let mut text = String::new();
        let mut starts = Vec::with_capacity(b.quotes.len() + 1);
        for (qi, q) in b.quotes.iter().enumerate() {
            starts.push(text.len());
            for part in [
                Some(q.text.as_str()),
                Some(b.speaker_of(qi).name.as_str()),
                q.venue.as_deref(),
            ]
            .into_iter()
            .flatten()
            {
                // `str::to_lowercase`, as the other panes' search uses (it
                // knows about final sigma). A line break separates fields; a
                // query never holds one.
                text.push_str(&part.to_lowercase());
                text.push('\n');
            }
        }
        starts.push(text.len());
        QuoteCorpus { text, starts }
    }

    /// For each quote, whether its text, speaker name or venue contains
    /// `needle` (already lowercase, without line breaks).
    pub fn matching(&self, needle: &str) -> Vec<bool> {
        let quotes = self.starts.len().saturating_sub(1);
        let mut hits = vec![false; quotes];
        if needle.is_empty() {
            return hits;
        }
        for at in memchr::memmem::find_iter(self.text.as_bytes(), needle.as_bytes()) {
            let q = self.starts.partition_point(|&s| s <= at).saturating_sub(1);
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
    fn finds_quotes_by_text_speaker_or_venue_ignoring_case() {
        let b = Briefing::bundled();
        let corpus = QuoteCorpus::build(&b);
        let hits = corpus.matching("sanctions");
        for (qi, q) in b.quotes.iter().enumerate() {
            assert_eq!(
                hits[qi],
                q.text.to_lowercase().contains("sanctions"),
                "{}",
                q.id
            );
        }
        let by_name = corpus.matching("rubio");
        assert!(b.quotes.iter().enumerate().all(|(qi, _)| by_name[qi]
            == (b.speaker_of(qi).name == "Marco Rubio")
            || b.quotes[qi].text.to_lowercase().contains("rubio")));
        assert!(corpus.matching("state of the union").iter().any(|&h| h));
        assert!(!corpus.matching("nowhere to be found").iter().any(|&h| h));
    }
}
