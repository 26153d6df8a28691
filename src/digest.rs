//! The digest the reader prints when it is not in a terminal: the Markdown
//! of what its panes list under the start options (`--topic`, `--speaker`,
//! `--from`, `--to`).

use briefing::app::{App, DisagreementRow};
use briefing::export::markdown::{self, Selection};

/// The digest of the rows `app` shows: the whole briefing's when nothing
/// is filtered, else the filtered rows with the filter named under the date.
pub fn of_view(app: &App) -> String {
    let b = app.briefing();
    let rows = app.rows();
    if app.topics().is_empty() && app.followed().is_none() && app.date_filter().is_none() {
        return markdown::to_markdown(b);
    }
    let disagreements: Vec<usize> = (rows.disagreements.iter())
        .filter_map(|row| match row {
            DisagreementRow::Heading(d) => Some(*d),
            DisagreementRow::Position(..) => None,
        })
        .collect();
    let mut filter = Vec::new();
    if !app.topics().is_empty() {
        let names: Vec<&str> = (app.topics().iter())
            .map(|&t| b.topics[t].name.as_str())
            .collect();
        let noun = if names.len() == 1 { "topic" } else { "topics" };
        filter.push(format!("{noun} {}", names.join(", ")));
    }
    if let Some(s) = app.followed() {
        filter.push(format!("following {}", b.speakers[s].name));
    }
    if let Some(range) = app.date_filter() {
        filter.push(format!("dates {}", app.dates_tag(range)));
    }
    markdown::digest(
        b,
        &Selection {
            events: &rows.timeline,
            speakers: &rows.speakers,
            quotes: &rows.quotes,
            disagreements: &disagreements,
            filter: Some(filter.join("; ")),
        },
    )
}
