//! Where each entity of a loaded briefing is defined in its file: for the
//! diagnostics found after loading (quote verification) and for pointing an
//! editor at an entity.

use std::ops::Range;

use toml::Spanned;
use toml::de::DeValue;

use crate::diag::toml::field;

/// Byte ranges into the briefing file's text.
#[derive(Debug, Clone, Default)]
pub struct Spans {
    /// Per quote, in the order of `Briefing::quotes`.
    pub quotes: Vec<QuoteSpans>,
    /// Per source, in the order of `Briefing::sources` (empty ranges for
    /// sources in the old `[briefing]` form).
    pub sources: Vec<SourceSpans>,
}

/// Where a quote and the fields verification reports on are.
#[derive(Debug, Clone, Default)]
pub struct QuoteSpans {
    pub table: Range<usize>,
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

impl QuoteSpans {
    pub(crate) fn read(table: &Spanned<DeValue<'_>>) -> QuoteSpans {
        QuoteSpans {
            table: table.span(),
            text: of(table, "text").unwrap_or(table.span()),
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
