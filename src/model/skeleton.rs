//! The text of a new briefing (`briefing new`): the required fields filled
//! in, and one commented-out example of every kind of item and field
//! (`assets/new-briefing.toml`).

use std::path::Path;

/// The template, with `{id}`, `{title}` and `{as_of}` to fill in.
const TEMPLATE: &str = include_str!("../../assets/new-briefing.toml");

/// What is wrong with what was asked for.
#[derive(Debug, PartialEq, Eq)]
pub struct BadField(pub String);

/// A new briefing for `path`: its id made from the file name, `title`
/// (default: the file name), dated `as_of` (a TOML date or datetime).
pub fn skeleton(path: &Path, title: Option<&str>, as_of: &str) -> Result<String, BadField> {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let id = super::validate::suggest_id(&stem);
    let title = title.map_or_else(|| stem.clone(), str::to_string);
    if title.trim().is_empty() {
        return Err(BadField("the title is empty: give one with --title".into()));
    }
    check_moment(as_of)?;
    Ok(TEMPLATE
        .replacen("{id}", &id, 1)
        .replacen("{title}", &toml::Value::String(title).to_string(), 1)
        .replacen("{as_of}", as_of.trim(), 1))
}

/// Is `as_of` a date or datetime as the format takes them?
fn check_moment(as_of: &str) -> Result<(), BadField> {
    let parsed: Result<toml::Table, _> = format!("as_of = {}", as_of.trim()).parse();
    match parsed
        .ok()
        .filter(|t| t.len() == 1)
        .and_then(|t| t.get("as_of").cloned())
    {
        Some(toml::Value::Datetime(d)) if d.date.is_some() => Ok(()),
        _ => Err(BadField(format!(
            "--as-of {}: not a date: write it as 2025-08-17, or 2025-08-17T14:00:00+02:00",
            crate::text::one_line(as_of)
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Briefing;

    fn parse(text: &str) -> Briefing {
        Briefing::parse(Path::new("new.toml"), text).unwrap_or_else(|e| panic!("{e:#?}\n{text}"))
    }

    /// The text with every commented-out field turned on.
    fn uncommented(text: &str) -> String {
        text.lines()
            .map(|l| match l.strip_prefix("# ") {
                Some(rest) if rest.starts_with('[') || rest.contains(" = ") => rest,
                Some(_) | None if l.starts_with('#') => "",
                _ => l,
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn a_new_briefing_is_valid_with_and_without_its_examples() {
        let text = skeleton(Path::new("dir/Alaska Summit.toml"), None, "2025-08-17").unwrap();
        let b = parse(&text);
        assert_eq!(b.meta.id, "alaska-summit");
        assert_eq!(b.meta.title, "Alaska Summit");
        let full = parse(&uncommented(&text));
        assert_eq!(
            (full.sources.len(), full.topics.len(), full.speakers.len()),
            (1, 1, 1)
        );
        assert_eq!(
            (
                full.events.len(),
                full.quotes.len(),
                full.disagreements.len()
            ),
            (1, 1, 1)
        );
        assert!(full.warnings.is_empty(), "{:#?}", full.warnings);
    }

    #[test]
    fn every_field_of_the_format_has_an_example() {
        let text = skeleton(Path::new("x.toml"), None, "2025-08-17").unwrap();
        let schema: serde_json::Value =
            serde_json::from_str(&crate::schema::briefing_schema_json()).unwrap();
        for (kind, def) in schema["$defs"].as_object().unwrap() {
            // The old form of sources is read, not written.
            if kind == "LegacySource" {
                continue;
            }
            for field in def["properties"]
                .as_object()
                .into_iter()
                .flat_map(|p| p.keys())
            {
                // `positions` is the [[disagreements.positions]] table; the
                // old-form `sources` of [briefing] is not offered.
                if field == "positions" || (kind == "Meta" && field == "sources") {
                    continue;
                }
                let written = text.lines().any(|l| {
                    l.trim_start_matches("# ")
                        .starts_with(&format!("{field} = "))
                });
                // (`# # field` is an example that goes with another choice.)
                assert!(written, "{kind}.{field} has no example in the new briefing");
            }
        }
    }

    #[test]
    fn the_title_is_toml_escaped_and_the_date_checked() {
        let text = skeleton(
            Path::new("b.toml"),
            Some("A \"quoted\"\ntitle"),
            "2025-08-17",
        )
        .unwrap();
        assert_eq!(parse(&text).meta.title, "A \"quoted\"\ntitle");
        assert!(skeleton(Path::new("b.toml"), None, "yesterday").is_err());
        assert!(skeleton(Path::new("b.toml"), None, "2025-08-17\nformat = 2").is_err());
        assert!(skeleton(Path::new("b.toml"), Some("  "), "2025-08-17").is_err());
        skeleton(Path::new("b.toml"), None, "2025-08-17T14:00:00+02:00").unwrap();
    }
}
