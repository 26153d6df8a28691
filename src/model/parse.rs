//! TOML text → typed entities, reporting every syntax, shape and type problem
//! with its span (not only the first).

use std::path::Path;

use serde::de::DeserializeOwned;
use toml::Spanned;
use toml::de::{DeTable, DeValue, ValueDeserializer};

use super::types::{Disagreement, Event, FORMAT_VERSION, Meta, Quote, Source, Speaker, Topic};
use crate::diag::toml::field;
use crate::diag::{Collector, did_you_mean};

/// One entity as read, with the TOML table it came from (for spans).
pub(crate) struct Read<'a, T> {
    pub value: T,
    pub table: &'a Spanned<DeValue<'a>>,
}

/// Everything read from one file, before cross-references are checked.
pub(crate) struct Document<'a> {
    pub meta: Option<Read<'a, Meta>>,
    pub sources: Vec<Read<'a, Source>>,
    pub topics: Vec<Read<'a, Topic>>,
    pub speakers: Vec<Read<'a, Speaker>>,
    pub events: Vec<Read<'a, Event>>,
    pub quotes: Vec<Read<'a, Quote>>,
    pub disagreements: Vec<Read<'a, Disagreement>>,
}

/// Reads TOML into entities, collecting diagnostics as it goes.
pub(crate) struct Reader<'a> {
    pub source: &'a str,
    pub problems: Collector<'a>,
    /// (section, id) of entities that could not be read: references to them
    /// are not reported again.
    pub unread_ids: Vec<(String, String)>,
}

const SECTIONS: &[&str] = &[
    "format",
    "briefing",
    "sources",
    "topics",
    "speakers",
    "events",
    "quotes",
    "disagreements",
];

/// The names of a type's fields, from its JSON Schema.
fn field_names<T: schemars::JsonSchema>() -> Vec<String> {
    let schema = schemars::SchemaGenerator::default().into_root_schema_for::<T>();
    schema
        .get("properties")
        .and_then(|p| p.as_object())
        .map(|p| p.keys().cloned().collect())
        .unwrap_or_default()
}

impl<'a> Reader<'a> {
    pub fn new(path: &'a Path, source: &'a str) -> Self {
        Reader {
            source,
            problems: Collector::new(path),
            unread_ids: Vec::new(),
        }
    }

    /// Parses the TOML syntax; every syntax error becomes a diagnostic.
    pub fn parse_toml(&mut self) -> Option<Spanned<DeTable<'a>>> {
        // Quotes make most of a large briefing: it is parsed in two parts,
        // cut at a quote.
        crate::diag::toml::parse_in_parts(
            self.source,
            &mut self.problems,
            "see docs/FORMAT.md for a complete example",
            "[[quotes]]",
        )
    }

    /// Reads the whole document. Returns `None` when the format version is
    /// missing or unsupported (nothing else can be trusted then).
    pub fn read(&mut self, root: &'a Spanned<DeTable<'a>>) -> Option<Document<'a>> {
        let top = root.get_ref();
        self.check_format(top)?;
        let known: Vec<String> = SECTIONS.iter().map(|s| s.to_string()).collect();
        self.check_keys(top, &known, "a top-level key");
        let meta = match field(top, "briefing") {
            Some(table) => self.read_one::<Meta>(table, "[briefing]"),
            None => {
                self.problems
                    .error(0..0, "missing the [briefing] table")
                    .help = Some("add a [briefing] table with id, title, as_of and summary".into());
                None
            }
        };
        if let Some(meta) = &meta {
            let sources = field_names::<super::types::LegacySource>();
            if let Some(list) = meta
                .table
                .get_ref()
                .as_table()
                .and_then(|t| field(t, "sources"))
            {
                for item in list.get_ref().as_array().into_iter().flatten() {
                    if let Some(t) = item.get_ref().as_table() {
                        self.check_keys(t, &sources, "a field of a source");
                    }
                }
            }
        }
        let disagreements = self.read_many::<Disagreement>(top, "disagreements");
        let positions = field_names::<super::types::Position>();
        for d in &disagreements {
            let Some(list) = d
                .table
                .get_ref()
                .as_table()
                .and_then(|t| field(t, "positions"))
            else {
                continue;
            };
            for item in list.get_ref().as_array().into_iter().flatten() {
                if let Some(t) = item.get_ref().as_table() {
                    self.check_keys(t, &positions, "a field of a position");
                }
            }
        }
        Some(Document {
            meta,
            sources: self.read_many(top, "sources"),
            topics: self.read_many(top, "topics"),
            speakers: self.read_many(top, "speakers"),
            events: self.read_many(top, "events"),
            quotes: self.read_many(top, "quotes"),
            disagreements,
        })
    }

    fn check_format(&mut self, top: &DeTable<'a>) -> Option<()> {
        let Some(format) = field(top, "format") else {
            self.problems.error(0..0, "missing `format`").help =
                Some(format!("start the file with `format = {FORMAT_VERSION}`"));
            return None;
        };
        let version = format
            .get_ref()
            .as_integer()
            .and_then(|i| i64::from_str_radix(i.as_str(), i.radix()).ok());
        if version == Some(FORMAT_VERSION) {
            return Some(());
        }
        self.problems
            .error(format.span(), "unsupported format")
            .with_label(format!(
                "this reader understands only format {FORMAT_VERSION}"
            ))
            .help = Some(format!(
            "write `format = {FORMAT_VERSION}` (docs/FORMAT.md), or use a newer briefing reader"
        ));
        None
    }

    /// Reports every key of `table` that is not in `known`, with a suggestion.
    fn check_keys(&mut self, table: &DeTable<'a>, known: &[String], what: &str) {
        for (key, _) in table.iter() {
            let name = key.get_ref().as_ref();
            if known.iter().any(|k| k == name) {
                continue;
            }
            let help = did_you_mean(name, known.iter().map(String::as_str))
                .unwrap_or_else(|| format!("expected {}", list(known)));
            let message = format!("unknown field `{name}`");
            self.problems
                .error(key.span(), message)
                .with_label(format!("not {what}"))
                .help = Some(help);
        }
    }

    /// Deserializes one table into `T`.
    fn read_one<T>(&mut self, table: &'a Spanned<DeValue<'a>>, what: &str) -> Option<Read<'a, T>>
    where
        T: DeserializeOwned + schemars::JsonSchema,
    {
        let Some(fields) = table.get_ref().as_table() else {
            self.problems
                .error(table.span(), format!("{what} must be a table"));
            return None;
        };
        self.check_keys(fields, &field_names::<T>(), &format!("a field of {what}"));
        self.deserialize(table).map(|value| Read { value, table })
    }

    fn deserialize<T: DeserializeOwned>(&mut self, table: &'a Spanned<DeValue<'a>>) -> Option<T> {
        match T::deserialize(ValueDeserializer::from(table.clone())) {
            Ok(value) => Some(value),
            Err(error) => {
                let span = error.span().unwrap_or(table.span());
                let message = error.message().trim_end().to_string();
                let help = type_help(&message);
                self.problems.error(span, message).help = help;
                None
            }
        }
    }

    /// Deserializes every `[[name]]` table into `T`; a bad one is reported and skipped.
    fn read_many<T>(&mut self, top: &'a DeTable<'a>, name: &str) -> Vec<Read<'a, T>>
    where
        T: DeserializeOwned + schemars::JsonSchema + Send,
    {
        let Some(section) = field(top, name) else {
            return Vec::new();
        };
        let Some(items) = section.get_ref().as_array() else {
            self.problems.error(
                section.span(),
                format!("`{name}` must be a list of [[{name}]] tables"),
            );
            return Vec::new();
        };
        // A long list is read in two halves at once, the second by a
        // reader of its own whose problems join this one's.
        let items: &'a [Spanned<DeValue<'a>>] = items;
        if items.len() < PARALLEL_ITEMS {
            return self.read_items(items, name);
        }
        let (head, tail) = items.split_at(items.len() / 2);
        let mut other = Reader::new(self.problems.path, self.source);
        let (mut out, rest) = std::thread::scope(|scope| {
            let rest = scope.spawn(|| other.read_items::<T>(tail, name));
            let out = self.read_items::<T>(head, name);
            let rest = rest.join().unwrap_or_else(|p| std::panic::resume_unwind(p));
            (out, rest)
        });
        out.extend(rest);
        self.problems.absorb(other.problems);
        self.unread_ids.extend(other.unread_ids);
        out
    }

    /// Deserializes each of `items` (the `[[name]]` tables) into `T`; a bad
    /// one is reported and skipped.
    fn read_items<T>(&mut self, items: &'a [Spanned<DeValue<'a>>], name: &str) -> Vec<Read<'a, T>>
    where
        T: DeserializeOwned + schemars::JsonSchema,
    {
        let known = field_names::<T>();
        let what = format!("[[{name}]]");
        let mut out = Vec::with_capacity(items.len());
        for item in items {
            let Some(fields) = item.get_ref().as_table() else {
                self.problems.error(
                    item.span(),
                    format!("each entry of `{name}` must be a table"),
                );
                continue;
            };
            self.check_keys(fields, &known, &format!("a field of {what}"));
            match self.deserialize(item) {
                Some(value) => out.push(Read { value, table: item }),
                None => {
                    if let Some(id) = field(fields, "id").and_then(|v| v.get_ref().as_str()) {
                        self.unread_ids.push((name.to_string(), id.to_string()));
                    }
                }
            }
        }
        out
    }
}

/// Lists at least this long are read on two threads.
const PARALLEL_ITEMS: usize = 20_000;

/// Backticked, comma-separated names.
fn list(names: &[String]) -> String {
    names
        .iter()
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A hint for serde's type errors.
fn type_help(message: &str) -> Option<String> {
    if let Some(rest) = message.strip_prefix("missing field `") {
        let name = rest.split('`').next().unwrap_or_default();
        return Some(format!(
            "add `{name} = ...` to this table (docs/FORMAT.md lists every field)"
        ));
    }
    if message.contains("expected a string") {
        return Some("write the value in double quotes".into());
    }
    if message.contains("Datetime") || message.contains("datetime") {
        return Some(
            "write an unquoted TOML date such as 2025-08-17 or 2025-08-15T11:00:00-08:00".into(),
        );
    }
    if message.contains("unknown variant") {
        return Some("use one of the values listed above".into());
    }
    None
}
