//! The searchable fields of each kind of item: each with a name (what a mark
//! says when a match is only there: `[alias]`, `[detail]`) and whether the
//! item's list row shows it.

use super::{Briefing, QuoteKind};

/// A direct quote's text as drawn: trimmed, inside typographic quotation
/// marks.
pub fn direct_quote(text: &str) -> String {
    let text = text.trim();
    let mut out = String::with_capacity(text.len() + 6);
    out.push('“');
    out.push_str(text);
    out.push('”');
    out
}

/// A searchable field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Field {
    pub name: &'static str,
    /// Does the item's row in its pane show this field?
    pub in_row: bool,
}

const fn shown(name: &'static str) -> Field {
    Field { name, in_row: true }
}

const fn hidden(name: &'static str) -> Field {
    Field {
        name,
        in_row: false,
    }
}

/// A quote: its text, speaker, reporter, venue and context as its row shows
/// them (a direct quote's text inside the quotation marks drawn around it);
/// the speaker's other names hidden.
pub fn quote(b: &Briefing, qi: usize, f: &mut (impl FnMut(Field, &str) + ?Sized)) {
    let q = &b.quotes[qi];
    let speaker = b.speaker_of(qi);
    match q.kind {
        QuoteKind::Direct => f(shown("text"), &direct_quote(&q.text)),
        QuoteKind::Reported => f(shown("text"), &q.text),
    }
    f(shown("speaker"), &speaker.name);
    if let Some(by) = q.reported_by.as_deref().and_then(|id| b.speaker(id)) {
        f(shown("reporter"), &by.name);
    }
    if let Some(v) = &q.venue {
        f(shown("venue"), v);
    }
    if let Some(c) = &q.context {
        f(shown("context"), c);
    }
    for a in &speaker.aliases {
        f(hidden("alias"), a);
    }
    if let Some(library) = b.library() {
        let (row, rest) = library.quote_tags(qi);
        f(shown("briefing"), &row);
        f(hidden("also in"), &rest);
    }
}

/// An event: title and place shown, detail hidden.
pub fn event(b: &Briefing, ei: usize, f: &mut (impl FnMut(Field, &str) + ?Sized)) {
    let e = &b.events[ei];
    f(shown("title"), &e.title);
    if let Some(p) = &e.place {
        f(shown("place"), p);
    }
    if let Some(d) = &e.detail {
        f(hidden("detail"), d);
    }
    if let Some(library) = b.library() {
        let (row, rest) = library.event_tags(ei);
        f(shown("briefing"), &row);
        f(hidden("also in"), &rest);
    }
}

/// A speaker: name, role and affiliation shown, other names hidden.
pub fn speaker(b: &Briefing, si: usize, f: &mut (impl FnMut(Field, &str) + ?Sized)) {
    let s = &b.speakers[si];
    f(shown("name"), &s.name);
    f(shown("role"), &s.role);
    if let Some(a) = &s.affiliation {
        f(shown("affiliation"), a);
    }
    for a in &s.aliases {
        f(hidden("alias"), a);
    }
}

/// A disagreement's heading row: title shown, summary hidden.
pub fn disagreement(b: &Briefing, d: usize, f: &mut (impl FnMut(Field, &str) + ?Sized)) {
    let d = &b.disagreements[d];
    f(shown("title"), &d.title);
    f(hidden("summary"), &d.summary);
}

/// One party's position: name and stance shown, the party's other names hidden.
pub fn position(b: &Briefing, d: usize, p: usize, f: &mut (impl FnMut(Field, &str) + ?Sized)) {
    let position = &b.disagreements[d].positions[p];
    f(shown("stance"), &position.stance);
    match b.speaker(&position.speaker) {
        Some(s) => {
            f(shown("party"), &s.name);
            for a in &s.aliases {
                f(hidden("alias"), a);
            }
        }
        None => f(shown("party"), &position.speaker),
    }
}
