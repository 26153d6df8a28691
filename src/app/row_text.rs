//! The text lines of each list row, shared by drawing (which styles them) and
//! scrolling (which needs their heights). All text is escaped.

use crate::model::{Briefing, QuoteKind};
use crate::text::{one_line, truncate, wrap};

use super::rows::DisagreementRow;

/// A Quotes row at a given width: the wrapped text, the credit line, and the
/// context cut to one line, when the quote has one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteRow {
    pub body: Vec<String>,
    pub credit: String,
    pub context: Option<String>,
}

/// The Quotes row of quote `qi` at `width` columns.
pub fn quote_row(b: &Briefing, qi: usize, width: u16) -> QuoteRow {
    let q = &b.quotes[qi];
    let body = match q.kind {
        QuoteKind::Direct => format!("“{}”", q.text.trim()),
        QuoteKind::Reported => format!("Reported: {}", q.text.trim()),
    };
    let inner = usize::from(width.saturating_sub(2));
    QuoteRow {
        body: wrap(&body, inner),
        credit: truncate(&attribution(b, qi), inner).into_owned(),
        context: q
            .context
            .as_deref()
            .map(|c| truncate(&format!("context: {}", one_line(c.trim())), inner).into_owned()),
    }
}

/// The lines of a Quotes row at `width` columns: the wrapped text, the
/// credit line, the context line if any, then a blank separator.
pub fn quote_lines(b: &Briefing, qi: usize, width: u16) -> Vec<String> {
    let row = quote_row(b, qi, width);
    let mut lines = row.body;
    lines.push(row.credit);
    lines.extend(row.context);
    lines.push(String::new());
    lines
}

/// The credit line of a quote: "— Name · venue · date" for words quoted
/// directly; for a reported statement, who reported whom: "Vladimir Putin,
/// as reported by Steve Witkoff · date", or "…, as reported by the source".
pub fn attribution(b: &Briefing, qi: usize) -> String {
    let q = &b.quotes[qi];
    let name = one_line(&b.speaker_of(qi).name);
    let mut s = match q.kind {
        QuoteKind::Direct => format!("— {name}"),
        QuoteKind::Reported => match q.reported_by.as_deref().and_then(|id| b.speaker(id)) {
            Some(by) => format!("{name}, as reported by {}", one_line(&by.name)),
            None => format!("{name}, as reported by the source"),
        },
    };
    if let Some(v) = &q.venue {
        s.push_str(&format!(" · {}", one_line(v)));
    }
    s.push_str(&format!(" · {}", q.at.shown()));
    if let Some(tag) = quote_tag(b, qi) {
        s.push_str(&format!(" · {tag}"));
    }
    s
}

/// In the story view, `[08-17 08-24]`: the briefings quote `qi` is in,
/// the first where it entered the story (at most three, then `+N`).
pub fn quote_tag(b: &Briefing, qi: usize) -> Option<String> {
    Some(b.library()?.quote_row_tags(qi))
}

/// In the story view, `[08-17 +2]`: the briefing where event `ei`
/// entered the story, and how many later ones hold it too.
pub fn event_tag(b: &Briefing, ei: usize) -> Option<String> {
    Some(b.library()?.event_row_tags(ei))
}

/// In the story view, `since 08-24` when speaker `si`'s role or
/// affiliation changed over the briefings.
pub fn role_since(b: &Briefing, si: usize) -> Option<String> {
    let library = b.library()?;
    let newest = library.roles.get(si).filter(|r| r.len() > 1)?.first()?;
    Some(format!("since {}", library.tag(newest.member)))
}

/// The lines of a Disagreements row at `width` columns.
pub fn disagreement_lines(b: &Briefing, row: DisagreementRow, width: u16) -> Vec<String> {
    match row {
        DisagreementRow::Heading(d) => {
            let title = one_line(&b.disagreements[d].title).into_owned();
            // In the story view, the status history after the title.
            match b.library().and_then(|l| l.status_line(d)) {
                Some(history) => vec![format!("{title} · {history}")],
                None => vec![title],
            }
        }
        DisagreementRow::Position(d, p) => {
            let position = &b.disagreements[d].positions[p];
            let name = b
                .speaker(&position.speaker)
                .map_or(position.speaker.as_str(), |s| s.name.as_str());
            wrap(
                &format!("{}: {}", name, position.stance.trim()),
                usize::from(width.saturating_sub(4)),
            )
        }
    }
}

/// Lines per Speakers row: name and count, then role and affiliation.
pub const SPEAKER_ROW_HEIGHT: u16 = 2;
