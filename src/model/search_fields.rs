//! The searchable fields of each kind of item, and whether its list row shows
//! each one: a field the row does not show has a label (`alias`, `detail`),
//! so a match there can be marked in the row.

use super::Briefing;

/// `None`: the row shows the field; `Some(label)`: it does not.
pub type Hidden = Option<&'static str>;

/// A quote: its text, speaker, reporter and venue as its row shows them; its
/// context and the speaker's other names hidden.
pub fn quote(b: &Briefing, qi: usize, f: &mut (impl FnMut(Hidden, &str) + ?Sized)) {
    let q = &b.quotes[qi];
    let speaker = b.speaker_of(qi);
    f(None, &q.text);
    f(None, &speaker.name);
    if let Some(by) = q.reported_by.as_deref().and_then(|id| b.speaker(id)) {
        f(None, &by.name);
    }
    if let Some(v) = &q.venue {
        f(None, v);
    }
    if let Some(c) = &q.context {
        f(Some("context"), c);
    }
    for a in &speaker.aliases {
        f(Some("alias"), a);
    }
}

/// An event: title and place shown, detail hidden.
pub fn event(b: &Briefing, ei: usize, f: &mut (impl FnMut(Hidden, &str) + ?Sized)) {
    let e = &b.events[ei];
    f(None, &e.title);
    if let Some(p) = &e.place {
        f(None, p);
    }
    if let Some(d) = &e.detail {
        f(Some("detail"), d);
    }
}

/// A speaker: name, role and affiliation shown, other names hidden.
pub fn speaker(b: &Briefing, si: usize, f: &mut (impl FnMut(Hidden, &str) + ?Sized)) {
    let s = &b.speakers[si];
    f(None, &s.name);
    f(None, &s.role);
    if let Some(a) = &s.affiliation {
        f(None, a);
    }
    for a in &s.aliases {
        f(Some("alias"), a);
    }
}

/// A disagreement's heading row: title shown, summary hidden.
pub fn disagreement(b: &Briefing, d: usize, f: &mut (impl FnMut(Hidden, &str) + ?Sized)) {
    let d = &b.disagreements[d];
    f(None, &d.title);
    f(Some("summary"), &d.summary);
}

/// One party's position: name and stance shown, the party's other names hidden.
pub fn position(b: &Briefing, d: usize, p: usize, f: &mut (impl FnMut(Hidden, &str) + ?Sized)) {
    let position = &b.disagreements[d].positions[p];
    f(None, &position.stance);
    match b.speaker(&position.speaker) {
        Some(s) => {
            f(None, &s.name);
            for a in &s.aliases {
                f(Some("alias"), a);
            }
        }
        None => f(None, &position.speaker),
    }
}
