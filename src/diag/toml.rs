//! TOML helpers for checkers: parsing with every syntax error reported, and
//! finding the span of a key or an array element for a diagnostic.

use std::ops::Range;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::Collector;

/// Parses TOML text into a spanned table. Every syntax error goes to `into`,
/// with help that ends with `hint` (where to find a valid example).
pub fn parse<'a>(
    source: &'a str,
    into: &mut Collector<'_>,
    hint: &str,
) -> Option<Spanned<DeTable<'a>>> {
    let (root, errors) = DeTable::parse_recoverable(source);
    if errors.is_empty() {
        return Some(root);
    }
    for error in errors {
        let span = error.span().unwrap_or(0..0);
        let message = format!("TOML syntax: {}", error.message().trim_end());
        into.error(span, message)
            .with_help(format!("fix the TOML syntax here; {hint}"));
    }
    None
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
