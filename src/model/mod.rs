//! The briefing model: types, loading, validation and indexes. No terminal code.

mod citation;
pub mod days;
pub mod fold;
mod index;
pub mod library;
mod load;
pub mod matrix;
mod moment;
mod parse;
pub mod provenance;
mod quote_corpus;
pub mod search_fields;
pub mod skeleton;
mod spans;
pub mod story;
pub mod text_fragment;
mod types;
mod validate;

use std::path::{Path, PathBuf};

use crate::diag::Diagnostic;
pub use crate::diag::Failure;

pub use index::{Index, PositionRef};
pub use load::{
    LoadReport, MAX_FILE_BYTES, Progress, load_paths, load_paths_on, load_paths_progress,
    load_paths_with,
};
pub use moment::Moment;
pub use provenance::{Proof, Provenance};
pub use quote_corpus::{Corpus, CorpusKind, QuoteCorpus};
pub use spans::{EntitySpans, QuoteSpans, SourceSpans, Spans};
pub use types::*;
pub use validate::is_valid_id;

/// The briefing compiled into the binary, used when no path is given and the
/// `briefings/` folder of the source tree it was built from is gone (an
/// installed binary on another machine), or holds no valid briefing.
pub const BUNDLED: (&str, &str) = (
    "alaska-summit-2025.toml",
    include_str!("../../briefings/alaska-summit-2025.toml"),
);

/// A loaded, validated and indexed briefing.
#[derive(Debug, Clone)]
pub struct Briefing {
    /// Where it was read from.
    pub path: PathBuf,
    pub meta: Meta,
    /// The `[[sources]]`, or the old `[briefing] sources` given ids
    /// `source-1`, `source-2`, ...
    pub sources: Vec<Source>,
    pub topics: Vec<Topic>,
    pub speakers: Vec<Speaker>,
    pub events: Vec<Event>,
    pub quotes: Vec<Quote>,
    pub disagreements: Vec<Disagreement>,
    pub index: Index,
    /// Where each quote and source is defined in the file.
    pub spans: Spans,
    /// Problems worth knowing that do not stop the briefing from loading,
    /// located in the file (such as sources in the old form).
    pub warnings: Vec<Diagnostic>,
    /// What is proven about each quote: filled in by
    /// [`provenance::verify`]; until then every quote is unchecked.
    pub provenance: Provenance,
    /// When this is the merged view of several briefings: what the merge
    /// knows (see [`library::merge`]).
    pub library: Option<std::sync::Arc<library::Library>>,
    /// Built on the first search of the Quotes pane.
    quote_corpus: std::cell::OnceCell<QuoteCorpus>,
    /// Events', speakers' and disagreements' corpora, built on first use.
    corpora: [std::cell::OnceCell<Corpus>; 3],
}

impl Briefing {
    /// Parses and validates `source` (the text of the file at `path`).
    /// Every problem found is returned, not only the first.
    pub fn parse(path: &Path, source: &str) -> Result<Briefing, Vec<Diagnostic>> {
        let mut reader = parse::Reader::new(path, source);
        // In file order, as a reader fixes them.
        let fail = |reader: parse::Reader<'_>| Err(reader.problems.finish(source));
        let Some(root) = reader.parse_toml() else {
            return fail(reader);
        };
        let Some(doc) = reader.read(&root) else {
            return fail(reader);
        };
        reader.validate(&doc);
        if !reader.problems.is_empty() {
            return fail(reader);
        }
        let warnings = reader.problems.take_warnings(source);
        let Some(mut meta) = doc.meta else {
            return fail(reader);
        };
        let lines = spans::LineStarts::of(source);
        let at = |tables: Vec<&toml::Spanned<toml::de::DeValue<'_>>>| {
            EntitySpans::locate(tables.into_iter(), source, &lines)
        };
        let entities = EntitySpans {
            topics: at(doc.topics.iter().map(|r| r.table).collect()),
            speakers: at(doc.speakers.iter().map(|r| r.table).collect()),
            events: at(doc.events.iter().map(|r| r.table).collect()),
            disagreements: at(doc.disagreements.iter().map(|r| r.table).collect()),
        };
        let spans = Spans {
            quotes: (doc.quotes.iter())
                .map(|q| QuoteSpans::read(q.table, source, &lines))
                .collect(),
            entities,
            sources: (doc.sources.iter().map(|s| SourceSpans::read(s.table)))
                .chain(meta.value.sources.iter().map(|_| SourceSpans::default()))
                .collect(),
        };
        let legacy = std::mem::take(&mut meta.value.sources);
        let sources = (doc.sources.into_iter().map(|s| s.value))
            .chain(legacy.into_iter().enumerate().map(|(n, s)| Source {
                id: format!("source-{}", n + 1),
                title: Some(s.title),
                outlet: s.outlet,
                published: s.published,
                url: s.url,
                ..Source::default()
            }))
            .collect();
        fn take<T>(items: Vec<parse::Read<'_, T>>) -> Vec<T> {
            items.into_iter().map(|r| r.value).collect()
        }
        let topics = take(doc.topics);
        let speakers = take(doc.speakers);
        let events = take(doc.events);
        let quotes = take(doc.quotes);
        let disagreements = take(doc.disagreements);
        let index = Index::build(&topics, &speakers, &events, &quotes, &disagreements);
        let provenance = Provenance::unchecked(quotes.len());
        Ok(Briefing {
            path: path.to_path_buf(),
            meta: meta.value,
            sources,
            spans,
            warnings,
            provenance,
            topics,
            speakers,
            events,
            quotes,
            disagreements,
            index,
            library: None,
            quote_corpus: std::cell::OnceCell::new(),
            corpora: Default::default(),
        })
    }

    /// The bundled Alaska summit briefing.
    pub fn bundled() -> Briefing {
        Briefing::parse(Path::new(BUNDLED.0), BUNDLED.1).expect("the bundled briefing is valid")
    }

    /// Every quote's searchable text, folded, built on first use.
    pub fn quote_corpus(&self) -> &QuoteCorpus {
        self.quote_corpus.get_or_init(|| QuoteCorpus::build(self))
    }

    /// The searchable text of every item of `kind`, folded, built on first use.
    pub fn corpus(&self, kind: CorpusKind) -> &Corpus {
        let cell = match kind {
            CorpusKind::Quotes => return self.quote_corpus(),
            CorpusKind::Events => &self.corpora[0],
            CorpusKind::Speakers => &self.corpora[1],
            CorpusKind::Disagreements => &self.corpora[2],
        };
        cell.get_or_init(|| Corpus::of(self, kind))
    }

    /// The speaker of quote `qi`.
    pub fn speaker_of(&self, qi: usize) -> &Speaker {
        &self.speakers[self.index.speaker_of_quote[qi]]
    }

    /// The speaker with id `id`.
    pub fn speaker(&self, id: &str) -> Option<&Speaker> {
        self.index.speaker_by_id.get(id).map(|&i| &self.speakers[i])
    }

    /// The topic with id `id`.
    pub fn topic(&self, id: &str) -> Option<&Topic> {
        self.index.topic_by_id.get(id).map(|&i| &self.topics[i])
    }

    /// The event with id `id`.
    pub fn event(&self, id: &str) -> Option<&Event> {
        self.index.event_by_id.get(id).map(|&i| &self.events[i])
    }

    /// The quote with id `id`.
    pub fn quote(&self, id: &str) -> Option<&Quote> {
        self.index.quote_by_id.get(id).map(|&i| &self.quotes[i])
    }
}
