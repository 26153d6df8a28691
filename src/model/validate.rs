//! Cross-checks of a read document: id syntax, duplicate ids, references to
//! unknown entities, empty quotes.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use toml::Spanned;
use toml::de::DeValue;

use super::parse::{Document, Read, Reader};
use crate::diag::Suggester;
use crate::diag::toml::{field, span_of};

/// Is `id` made of lowercase letters, digits and `-` only (and not empty)?
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// The ids of one kind of entity, each with where it is defined.
struct IdSet<'s> {
    kind: &'static str,
    ids: HashMap<&'s str, Range<usize>>,
    /// Ids of entities of this kind that could not be read (already reported).
    unread: HashSet<&'s str>,
    /// Built at the first unknown reference: most files have none.
    suggester: Option<Suggester<'s>>,
}

impl<'s> IdSet<'s> {
    /// "did you mean" for an unknown `value`: bounded work per distinct value.
    fn suggest(&mut self, value: &str) -> Option<String> {
        let ids = &self.ids;
        let suggester = self.suggester.get_or_insert_with(|| {
            // In file order, so that ties are settled the same way every run.
            let mut names: Vec<(&'s str, usize)> =
                ids.iter().map(|(&id, span)| (id, span.start)).collect();
            names.sort_unstable_by_key(|&(_, start)| start);
            Suggester::new(names.into_iter().map(|(id, _)| id))
        });
        suggester.did_you_mean(value)
    }
}

impl Reader<'_> {
    /// Checks ids of one kind: syntax and uniqueness. Returns the set for reference checks.
    fn collect_ids<'s, T>(
        &mut self,
        kind: &'static str,
        items: &'s [Read<'_, T>],
        unread: HashSet<&'s str>,
        id: impl Fn(&T) -> &str,
    ) -> IdSet<'s> {
        let mut ids: HashMap<&'s str, Range<usize>> = HashMap::with_capacity(items.len());
        for item in items {
            let value = id(&item.value);
            let span = span_of(item.table, "id", None);
            if !is_valid_id(value) {
                self.problems
                    .error(span.clone(), format!("invalid {kind} id `{value}`"))
                    .with_label("ids use lowercase letters, digits and `-` only")
                    .help = Some(format!("try `{}`", suggest_id(value)));
            }
            if let Some(first) = ids.get(value) {
                self.problems
                    .error(span, format!("duplicate {kind} id `{value}`"))
                    .with_label("defined again here")
                    .with_related(first.clone(), "first defined here")
                    .with_help(format!("give each {kind} its own id"));
            } else {
                ids.insert(value, span);
            }
        }
        IdSet {
            kind,
            ids,
            unread,
            suggester: None,
        }
    }

    /// Reports `value` if it is not an id in `set`.
    fn check_ref(&mut self, set: &mut IdSet<'_>, value: &str, span: Range<usize>) {
        if set.ids.contains_key(value) || set.unread.contains(value) {
            return;
        }
        let help = set.suggest(value).unwrap_or_else(|| {
            if set.ids.is_empty() {
                format!("this file defines no {}s", set.kind)
            } else {
                format!(
                    "define a {} with id `{value}`, or use an existing one",
                    set.kind
                )
            }
        });
        self.problems
            .error(span, format!("unknown {} `{value}`", set.kind))
            .with_label(format!("no {} has this id", set.kind))
            .help = Some(help);
    }

    fn check_refs(
        &mut self,
        set: &mut IdSet<'_>,
        values: &[String],
        table: &Spanned<DeValue<'_>>,
        key: &str,
    ) {
        for (i, value) in values.iter().enumerate() {
            self.check_ref(set, value, span_of(table, key, Some(i)));
        }
    }

    /// Runs every cross-check on `doc`, adding diagnostics.
    pub(crate) fn validate(&mut self, doc: &Document<'_>) {
        if let Some(meta) = &doc.meta
            && !is_valid_id(&meta.value.id)
        {
            self.problems
                .error(
                    span_of(meta.table, "id", None),
                    format!("invalid briefing id `{}`", meta.value.id),
                )
                .help = Some(format!("try `{}`", suggest_id(&meta.value.id)));
        }
        let unread = std::mem::take(&mut self.unread_ids);
        let unread_in = |section: &str| -> HashSet<&str> {
            (unread.iter().filter(|(s, _)| s == section))
                .map(|(_, id)| id.as_str())
                .collect()
        };
        let mut topics = self.collect_ids("topic", &doc.topics, unread_in("topics"), |t| &t.id);
        let mut speakers =
            self.collect_ids("speaker", &doc.speakers, unread_in("speakers"), |s| &s.id);
        let mut events = self.collect_ids("event", &doc.events, unread_in("events"), |e| &e.id);
        let mut quotes = self.collect_ids("quote", &doc.quotes, unread_in("quotes"), |q| &q.id);
        let mut sources = self.collect_ids("source", &doc.sources, unread_in("sources"), |s| &s.id);
        self.check_sources(doc);
        self.collect_ids("disagreement", &doc.disagreements, HashSet::new(), |d| {
            &d.id
        });

        for speaker in &doc.speakers {
            let s = &speaker.value;
            if s.kind == super::SpeakerKind::Person && s.role.trim().is_empty() {
                self.problems
                    .error(span_of(speaker.table, "role", None), "missing field `role`")
                    .with_label("a person needs a role")
                    .help = Some(
                    "add `role = \"...\"`, or `kind = \"organisation\"` or \
                     `kind = \"government\"` for a body that speaks as one"
                        .into(),
                );
            }
        }
        for event in &doc.events {
            self.check_refs(
                &mut speakers,
                &event.value.speakers,
                event.table,
                "speakers",
            );
            self.check_refs(&mut topics, &event.value.topics, event.table, "topics");
        }
        for quote in &doc.quotes {
            let q = &quote.value;
            self.check_ref(
                &mut speakers,
                &q.speaker,
                span_of(quote.table, "speaker", None),
            );
            if let Some(by) = &q.reported_by {
                self.check_ref(&mut speakers, by, span_of(quote.table, "reported_by", None));
                if q.kind == super::QuoteKind::Direct {
                    self.problems
                        .error(
                            span_of(quote.table, "reported_by", None),
                            "`reported_by` on a direct quote",
                        )
                        .with_label("only reported statements have a reporter")
                        .help = Some("add `kind = \"reported\"`, or remove `reported_by`".into());
                }
            }
            if let Some(event) = &q.event {
                self.check_ref(&mut events, event, span_of(quote.table, "event", None));
            }
            self.check_refs(&mut topics, &q.topics, quote.table, "topics");
            match &q.source {
                Some(source) => {
                    self.check_ref(&mut sources, source, span_of(quote.table, "source", None))
                }
                None => {
                    for (key, value) in [("prefix", &q.prefix), ("suffix", &q.suffix)] {
                        if value.is_some() {
                            self.problems
                                .error(
                                    span_of(quote.table, key, None),
                                    format!("`{key}` without a `source`"),
                                )
                                .with_label("a selector says where the quote is in a source")
                                .help = Some(
                                "add `source = \"...\"` naming the [[sources]] entry it comes from"
                                    .into(),
                            );
                        }
                    }
                }
            }
            for (key, value) in [("prefix", &q.prefix), ("suffix", &q.suffix)] {
                if value.as_deref().is_some_and(|v| v.trim().is_empty()) {
                    self.problems
                        .error(span_of(quote.table, key, None), format!("empty `{key}`"))
                        .help = Some(format!(
                        "give a few words of the source around the quote, or remove `{key}`"
                    ));
                }
            }
            if q.text.trim().is_empty() {
                self.problems
                    .error(
                        span_of(quote.table, "text", None),
                        format!("quote `{}` has no text", q.id),
                    )
                    .help = Some("put the words said in `text`, or remove the quote".into());
            }
        }
        for d in &doc.disagreements {
            self.check_refs(&mut topics, &d.value.topics, d.table, "topics");
            let tables = d
                .table
                .get_ref()
                .as_table()
                .and_then(|t| field(t, "positions"));
            let tables = tables.and_then(|p| p.get_ref().as_array());
            // Each party's first position here, to find a second one.
            let mut first: std::collections::HashMap<&str, std::ops::Range<usize>> =
                std::collections::HashMap::new();
            for (i, position) in d.value.positions.iter().enumerate() {
                let Some(table) = tables.and_then(|t| t.get(i)) else {
                    continue;
                };
                let at = span_of(table, "speaker", None);
                match first.get(position.speaker.as_str()) {
                    Some(earlier) => {
                        self.problems
                            .warning(
                                at.clone(),
                                format!(
                                    "a second position of `{}` on this disagreement",
                                    position.speaker
                                ),
                            )
                            .with_label("views that show one stance per party show the first")
                            .with_related(earlier.clone(), "the first")
                            .help = Some(
                            "give the party one position, its stance saying all it holds".into(),
                        );
                    }
                    None => {
                        first.insert(position.speaker.as_str(), at.clone());
                    }
                }
                self.check_ref(
                    &mut speakers,
                    &position.speaker,
                    span_of(table, "speaker", None),
                );
                self.check_refs(&mut quotes, &position.quotes, table, "quotes");
                if let Some(label) = &position.label {
                    self.check_label(label, span_of(table, "label", None));
                }
            }
        }
    }
}

/// The most words and characters a position's `label` may have.
pub const LABEL_WORDS: usize = 6;
pub const LABEL_CHARS: usize = 40;

impl Reader<'_> {
    /// A position's `label`: a few words, not a sentence.
    fn check_label(&mut self, label: &str, span: std::ops::Range<usize>) {
        let words = label.split_whitespace().count();
        let chars = label.trim().chars().count();
        let why = if words == 0 {
            "an empty label"
        } else if words > LABEL_WORDS || chars > LABEL_CHARS {
            "a label longer than a few words"
        } else {
            return;
        };
        self.problems
            .error(span, why)
            .with_label(format!("{words} words, {chars} characters"))
            .help = Some(format!(
            "give the stance in at most {LABEL_WORDS} words and {LABEL_CHARS} characters \
             (\"for\", \"against\", \"wants details first\"), or leave `label` out: \
             the stance itself says the rest"
        ));
    }

    /// The sources' own fields: the old `[briefing] sources` form, the
    /// archived copy's path, its digest and the language tag.
    fn check_sources(&mut self, doc: &Document<'_>) {
        if let Some(meta) = &doc.meta
            && !meta.value.sources.is_empty()
        {
            let span = span_of(meta.table, "sources", None);
            if doc.sources.is_empty() {
                self.problems
                    .warning(span, "sources under [briefing] are the old form")
                    .with_label("read, but quotes cannot cite these")
                    .help = Some(
                    "move each to a [[sources]] table with an `id` (docs/FORMAT.md, Sources); \
                     quotes then cite it with `source = \"id\"`"
                        .into(),
                );
            } else {
                self.problems
                    .error(span, "sources are listed both here and in [[sources]]")
                    .with_label("the old form")
                    .help = Some("move these to [[sources]] tables, each with an `id`".into());
            }
        }
        for source in &doc.sources {
            let s = &source.value;
            if let Some(archived) = &s.archived {
                let span = span_of(source.table, "archived", None);
                if archived.trim().is_empty() {
                    self.problems.error(span, "empty `archived` path").help =
                        Some("name the plain-text copy of the source, or remove `archived`".into());
                } else if std::path::Path::new(archived).is_absolute() {
                    self.problems
                        .error(span, "`archived` is an absolute path")
                        .with_label("relative to the briefing file, so it works on every machine")
                        .help = Some(
                        "write the path from the briefing's folder, or just the file name and \
                         pass the folder to `briefing check --sources DIR`"
                            .into(),
                    );
                }
            }
            if let Some(sha) = &s.sha256 {
                let span = span_of(source.table, "sha256", None);
                if sha.len() != 64 || !sha.bytes().all(|b| b.is_ascii_hexdigit()) {
                    self.problems
                        .error(span.clone(), "`sha256` is not a SHA-256 digest")
                        .with_label("expected 64 hexadecimal digits")
                        .help = Some(
                        "compute it with `sha256sum FILE` (or `shasum -a 256 FILE`) and paste \
                         the first field"
                            .into(),
                    );
                } else if s.archived.is_none() {
                    self.problems
                        .error(span, "`sha256` without `archived`")
                        .with_label("the digest is of the archived copy")
                        .help = Some("add `archived = \"FILE\"`, or remove `sha256`".into());
                }
            }
            if let Some(tag) = &s.language
                && !is_language_tag(tag)
            {
                self.problems
                    .error(
                        span_of(source.table, "language", None),
                        format!("`{tag}` is not a language tag"),
                    )
                    .help = Some("use a BCP 47 tag such as `en`, `uk`, `ru` or `pt-BR`".into());
            }
        }
    }
}

/// A BCP 47 language tag in shape: a 2–3 letter language, then subtags of
/// 1–8 letters or digits separated by `-` (`en`, `pt-BR`, `zh-Hant-TW`).
fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let first = parts.next().unwrap_or_default();
    (2..=3).contains(&first.len())
        && first.bytes().all(|b| b.is_ascii_alphabetic())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// A valid id close to `id`: lowercased, other characters turned into `-`.
pub(super) fn suggest_id(id: &str) -> String {
    let mut out = String::new();
    for c in id.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            out.push(c);
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    let out = out.trim_matches('-');
    if out.is_empty() {
        "item-1".into()
    } else {
        out.into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn id_syntax() {
        assert!(is_valid_id("alaska-summit-2025"));
        assert!(!is_valid_id(""));
        assert!(!is_valid_id("Witkoff"));
        assert!(!is_valid_id("a_b"));
        assert_eq!(suggest_id("Steve Witkoff!"), "steve-witkoff");
    }

    #[test]
    fn language_tags() {
        for good in ["en", "uk", "pt-BR", "zh-Hant-TW", "deu"] {
            assert!(is_language_tag(good), "{good}");
        }
        for bad in ["", "e", "english", "en_GB", "en-", "en-toolongsubtag"] {
            assert!(!is_language_tag(bad), "{bad}");
        }
    }
}
