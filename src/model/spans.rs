//! Where each entity of a loaded briefing is defined in its file: for the
//! diagnostics found after loading (quote verification) and for pointing an
//! editor at an entity.

use std::ops::Range;

use toml::Spanned;
use toml::de::DeValue;

use crate::diag::Location;
use crate::diag::toml::field;

/// Byte ranges into the briefing file's text.
#[derive(Debug, Clone, Default)]
pub struct Spans {
    /// Per quote, in the order of `Briefing::quotes`.
    pub quotes: Vec<QuoteSpans>,
    /// Per source, in the order of `Briefing::sources` (empty ranges for
    /// sources in the old `[briefing]` form).
    pub sources: Vec<SourceSpans>,
    /// Where each topic, speaker, event and disagreement is defined (the
    /// start of its table), in the order of the briefing's lists.
    pub entities: EntitySpans,
}

/// Line and column of the start of each entity's table.
#[derive(Debug, Clone, Default)]
pub struct EntitySpans {
    pub topics: Vec<Location>,
    pub speakers: Vec<Location>,
    pub events: Vec<Location>,
    pub disagreements: Vec<Location>,
}

impl EntitySpans {
    /// The line and column of each of `tables`, located in one pass.
    pub(crate) fn locate<'a>(
        tables: impl Iterator<Item = &'a Spanned<DeValue<'a>>>,
        text: &str,
        lines: &LineStarts,
    ) -> Vec<Location> {
        tables.map(|t| lines.locate(text, t.span().start)).collect()
    }
}

/// Where a quote and the fields verification reports on are.
#[derive(Debug, Clone, Default)]
pub struct QuoteSpans {
    pub table: Range<usize>,
    /// Line and column of the quote's `text` value, for messages about the
    /// quote made after loading, when the file's text is gone.
    pub at: Location,
    pub text: Range<usize>,
    pub source: Option<Range<usize>>,
    pub prefix: Option<Range<usize>>,
    pub suffix: Option<Range<usize>>,
}

/// Where a source and its archived copy's fields are.
#[derive(Debug, Clone, Default)]
pub struct SourceSpans {
    pub table: Range<usize>,
    pub archived: Option<Range<usize>>,
    pub sha256: Option<Range<usize>>,
}

/// The span of `key`'s value in `table`, if the key is there.
fn of(table: &Spanned<DeValue<'_>>, key: &str) -> Option<Range<usize>> {
    table
        .get_ref()
        .as_table()
        .and_then(|t| field(t, key))
        .map(Spanned::span)
}

/// The byte offsets where the lines of a text start, to locate many
/// offsets in one pass over the text.
pub(crate) struct LineStarts(Vec<usize>);

impl LineStarts {
    pub(crate) fn of(text: &str) -> LineStarts {
        let breaks = memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1);
        LineStarts(std::iter::once(0).chain(breaks).collect())
    }

    /// Line and column (in characters) of byte offset `at` of `text`.
    pub(crate) fn locate(&self, text: &str, at: usize) -> Location {
        let line = self.0.partition_point(|&s| s <= at).max(1);
        let start = self.0[line - 1];
        let column = text.get(start..at).map_or(0, |s| s.chars().count()) + 1;
        Location { line, column }
    }
}

impl QuoteSpans {
    pub(crate) fn read(table: &Spanned<DeValue<'_>>, text: &str, lines: &LineStarts) -> QuoteSpans {
        let value = of(table, "text").unwrap_or(table.span());
        QuoteSpans {
            table: table.span(),
            at: lines.locate(text, value.start),
            text: value,
            source: of(table, "source"),
            prefix: of(table, "prefix"),
            suffix: of(table, "suffix"),
        }
    }
}

impl SourceSpans {
    pub(crate) fn read(table: &Spanned<DeValue<'_>>) -> SourceSpans {
        SourceSpans {
            table: table.span(),
            archived: of(table, "archived"),
            sha256: of(table, "sha256"),
        }
    }
}
