//! The text lines of each list row, shared by drawing (which styles them) and
//! scrolling (which needs their heights). All text is escaped.

use crate::model::{Briefing, QuoteKind};
use crate::text::{one_line, wrap};

use super::rows::DisagreementRow;

/// The lines of a Quotes row at `width` columns: the wrapped text, then an
/// attribution line, then a blank separator.
pub fn quote_lines(b: &Briefing, qi: usize, width: u16) -> Vec<String> {
    let q = &b.quotes[qi];
    let body = match q.kind {
        QuoteKind::Direct => format!("“{}”", q.text.trim()),
        QuoteKind::Reported => format!("Reported: {}", q.text.trim()),
    };
    let mut lines = wrap(&body, usize::from(width.saturating_sub(2)));
    lines.push(attribution(b, qi));
    lines.push(String::new());
    lines
}

/// "— Name · venue · date" for a quote.
pub fn attribution(b: &Briefing, qi: usize) -> String {
    let q = &b.quotes[qi];
    let mut s = format!("— {}", one_line(&b.speaker_of(qi).name));
    if let Some(by) = q.reported_by.as_deref().and_then(|id| b.speaker(id)) {
        s.push_str(&format!(" (reported by {})", one_line(&by.name)));
    }
    if let Some(v) = &q.venue {
        s.push_str(&format!(" · {}", one_line(v)));
    }
    s.push_str(&format!(" · {}", q.at));
    s
}

/// The lines of a Disagreements row at `width` columns.
pub fn disagreement_lines(b: &Briefing, row: DisagreementRow, width: u16) -> Vec<String> {
    match row {
        DisagreementRow::Heading(d) => vec![one_line(&b.disagreements[d].title).into_owned()],
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
