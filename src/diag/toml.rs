//! TOML helpers for checkers: parsing with every syntax error reported, and
//! finding the span of a key or an array element for a diagnostic.

use std::ops::Range;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::Collector;

/// Files up to this size get every TOML error from the `toml` crate's
/// recovering parser, whose errors cost a few hundred bytes each.
const RECOVER_ALL_BYTES: usize = 64 * 1024;

/// [`parse`], on two threads for a large text: cut before a line `header`
/// (an array of tables, such as `[[quotes]]`) near the middle, when the
/// parts give the same table as the whole (see [`super::toml_split`]).
pub fn parse_in_parts<'a>(
    source: &'a str,
    into: &mut Collector<'_>,
    hint: &str,
    header: &str,
) -> Option<Spanned<DeTable<'a>>> {
    if source.len() >= super::toml_split::MIN_BYTES
        && let Some(root) = super::toml_split::parse(source, header)
    {
        return Some(root);
    }
    parse(source, into, hint)
}

/// Parses TOML text into a spanned table. Syntax errors go to `into` (which
/// keeps the first ones and counts the rest), with help that ends with
/// `hint` (where to find a valid example). Memory stays linear in the text
/// with a small constant however many errors it has.
pub fn parse<'a>(
    source: &'a str,
    into: &mut Collector<'_>,
    hint: &str,
) -> Option<Spanned<DeTable<'a>>> {
    // The first error only, in bounded memory: most files have none.
    let first = match DeTable::parse(source) {
        Ok(root) => return Some(root),
        Err(e) => e,
    };
    let mut report = |span: Range<usize>, message: &str| {
        into.error(span, format!("TOML syntax: {}", message.trim_end()))
            .with_help(format!("fix the TOML syntax here; {hint}"));
    };
    if source.len() <= RECOVER_ALL_BYTES {
        for error in DeTable::parse_recoverable(source).1 {
            report(error.span().unwrap_or(0..0), error.message());
        }
        return None;
    }
    // A large file: its syntax errors straight from the parser, each turned
    // into a diagnostic at once (the collector keeps a bounded number), and
    // the `toml` crate's first error if the parser found none.
    let tokens = toml_parser::Source::new(source).lex().into_vec();
    let mut found = 0;
    let mut sink = |error: toml_parser::ParseError| {
        found += 1;
        let span = error.unexpected().map_or(0..0, |s| s.start()..s.end());
        report(span, &parse_error_message(&error));
    };
    let mut decode = Decode {
        source: toml_parser::Source::new(source),
    };
    toml_parser::parser::parse_document(&tokens, &mut decode, &mut sink);
    if found == 0 {
        report(first.span().unwrap_or(0..0), first.message());
    }
    None
}

/// Decodes each key and scalar as the `toml` crate does, so that their errors
/// (an empty key, an unquoted string) are reported too; keeps nothing.
struct Decode<'i> {
    source: toml_parser::Source<'i>,
}

impl toml_parser::parser::EventReceiver for Decode<'_> {
    fn simple_key(
        &mut self,
        span: toml_parser::Span,
        kind: Option<toml_parser::decoder::Encoding>,
        error: &mut dyn toml_parser::ErrorSink,
    ) {
        if let Some(raw) = self.raw(span, kind) {
            raw.decode_key(&mut std::borrow::Cow::Borrowed(""), error);
        }
    }

    fn scalar(
        &mut self,
        span: toml_parser::Span,
        kind: Option<toml_parser::decoder::Encoding>,
        error: &mut dyn toml_parser::ErrorSink,
    ) {
        if let Some(raw) = self.raw(span, kind) {
            let _kind = raw.decode_scalar(&mut std::borrow::Cow::Borrowed(""), error);
        }
    }
}

impl<'i> Decode<'i> {
    /// The text at `span`, with how it is quoted.
    fn raw(
        &self,
        span: toml_parser::Span,
        kind: Option<toml_parser::decoder::Encoding>,
    ) -> Option<toml_parser::Raw<'i>> {
        let text = self.source.input().get(span.start()..span.end())?;
        Some(toml_parser::Raw::new_unchecked(text, kind, span))
    }
}

/// A parser error as the `toml` crate words it: what is wrong, and what was
/// expected.
fn parse_error_message(error: &toml_parser::ParseError) -> String {
    let mut message = error.description().to_string();
    if let Some(expected) = error.expected() {
        let expected: Vec<String> = expected
            .iter()
            .map(|e| match e {
                toml_parser::Expected::Literal(l) => format!("`{l}`"),
                toml_parser::Expected::Description(d) => d.to_string(),
                _ => "etc".to_string(),
            })
            .collect();
        message.push_str(", expected ");
        message.push_str(if expected.is_empty() { "nothing" } else { "" });
        message.push_str(&expected.join(", "));
    }
    message
}

/// The value under `key` in `table`, with its span.
pub fn field<'t, 'a>(table: &'t DeTable<'a>, key: &str) -> Option<&'t Spanned<DeValue<'a>>> {
    table
        .iter()
        .find(|(k, _)| k.get_ref() == key)
        .map(|(_, v)| v)
}

/// The span of `table[key]`, or of element `index` of that array; the
/// table's own span when there is no such key.
pub fn span_of(table: &Spanned<DeValue<'_>>, key: &str, index: Option<usize>) -> Range<usize> {
    let Some(fields) = table.get_ref().as_table() else {
        return table.span();
    };
    let Some(value) = field(fields, key) else {
        return table.span();
    };
    match (index, value.get_ref().as_array()) {
        (Some(i), Some(items)) => items.get(i).map_or(value.span(), Spanned::span),
        _ => value.span(),
    }
}

/// "a string", "an integer", ...: the TOML type of `value`, for labels.
pub fn a_type(value: &Spanned<DeValue<'_>>) -> String {
    let name = value.get_ref().type_str();
    let article = if name.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    };
    format!("{article} {name}")
}
