//! Briefings as one story: what each briefing adds to the ones before it
//! by as-of date, matched by id (quotes new to the story, disagreements new
//! to it, and disagreements whose status changed).

use std::collections::{HashMap, HashSet};

use super::{Briefing, Status};

/// What one briefing adds to the briefings dated before it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Additions {
    /// Quotes whose ids no earlier briefing has.
    pub new_quotes: usize,
    /// Disagreements whose ids no earlier briefing has.
    pub new_disagreements: usize,
    /// Disagreements an earlier briefing has with another status.
    pub status_changes: usize,
}

/// Per briefing of `briefings` (in their order), what it adds to those
/// dated before it; `None` for the earliest, which has nothing before it.
/// Briefings of one date are taken in their order. Linear in the ids.
pub fn additions(briefings: &[Briefing]) -> Vec<Option<Additions>> {
    let mut order: Vec<usize> = (0..briefings.len()).collect();
    order.sort_by_key(|&i| briefings[i].meta.as_of);
    let mut quotes: HashSet<&str> = HashSet::new();
    let mut statuses: HashMap<&str, Status> = HashMap::new();
    let mut out = vec![None; briefings.len()];
    for (n, &i) in order.iter().enumerate() {
        let b = &briefings[i];
        let mut adds = Additions::default();
        for q in &b.quotes {
            if quotes.insert(&q.id) {
                adds.new_quotes += 1;
            }
        }
        for d in &b.disagreements {
            match statuses.insert(&d.id, d.status) {
                None => adds.new_disagreements += 1,
                Some(before) if before != d.status => adds.status_changes += 1,
                Some(_) => {}
            }
        }
        if n > 0 {
            out[i] = Some(adds);
        }
    }
    out
}

impl Additions {
    /// `adds 3 new quotes · 1 status change`, or `adds nothing new`.
    pub fn describe(&self) -> String {
        use crate::text::plural;
        let parts: Vec<String> = [
            (self.new_quotes, "new quote", "new quotes"),
            (
                self.new_disagreements,
                "new disagreement",
                "new disagreements",
            ),
            (self.status_changes, "status change", "status changes"),
        ]
        .into_iter()
        .filter(|&(n, _, _)| n > 0)
        .map(|(n, one, many)| plural(n, one, many))
        .collect();
        if parts.is_empty() {
            "adds nothing new".into()
        } else {
            format!("adds {}", parts.join(" · "))
        }
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

    /// A briefing dated `as_of` with quotes `q` and disagreements `d` (id, status).
    fn briefing(id: &str, as_of: &str, q: &[&str], d: &[(&str, &str)]) -> Briefing {
        let mut text = format!(
            "format = 1\n[briefing]\nid = \"{id}\"\ntitle = \"T\"\nas_of = {as_of}\nsummary = \"S\"\n\
             [[speakers]]\nid = \"s\"\nname = \"S\"\nrole = \"R\"\n"
        );
        for q in q {
            text.push_str(&format!(
                "[[quotes]]\nid = \"{q}\"\nspeaker = \"s\"\ntext = \"x\"\nat = {as_of}\n"
            ));
        }
        for (d, status) in d {
            text.push_str(&format!(
                "[[disagreements]]\nid = \"{d}\"\ntitle = \"D\"\nstatus = \"{status}\"\nsummary = \"S\"\n"
            ));
        }
        Briefing::parse(Path::new("t.toml"), &text).unwrap()
    }

    #[test]
    fn each_briefing_adds_what_the_earlier_ones_lack() {
        // Given newest first, as the reader holds them.
        let later = briefing(
            "b",
            "2025-08-24",
            &["q1", "q2", "q3"],
            &[("talks", "narrowing"), ("aid", "open")],
        );
        let same = briefing("c", "2025-08-31", &["q3"], &[("talks", "narrowing")]);
        let first = briefing("a", "2025-08-17", &["q1"], &[("talks", "open")]);
        let adds = additions(&[same, later, first]);
        assert_eq!(adds[2], None, "the earliest has nothing before it");
        let later = adds[1].unwrap();
        assert_eq!(
            later,
            Additions {
                new_quotes: 2,
                new_disagreements: 1,
                status_changes: 1
            }
        );
        assert_eq!(
            later.describe(),
            "adds 2 new quotes · 1 new disagreement · 1 status change"
        );
        assert_eq!(adds[0].unwrap().describe(), "adds nothing new");
    }
}
