//! Start options (`--topic`, `--speaker`, the overview first): the view the
//! reader opens with.

use std::collections::BTreeSet;

use super::App;

/// What the reader starts with.
#[derive(Debug, Clone, Default)]
pub struct StartOptions {
    /// Topic ids to filter by.
    pub topics: Vec<String>,
    /// Speaker id to follow.
    pub speaker: Option<String>,
}

impl App {
    /// Applies start options; an unknown id is an error naming the closest one.
    pub fn start_with(&mut self, options: &StartOptions) -> Result<(), String> {
        let b = self.briefing();
        let mut topics = BTreeSet::new();
        for id in &options.topics {
            let t = b
                .index
                .topic_by_id
                .get(id)
                .ok_or_else(|| unknown("topic", id, b.topics.iter().map(|t| t.id.as_str())))?;
            topics.insert(*t);
        }
        let speaker =
            match &options.speaker {
                Some(id) => Some(*b.index.speaker_by_id.get(id).ok_or_else(|| {
                    unknown("speaker", id, b.speakers.iter().map(|s| s.id.as_str()))
                })?),
                None => None,
            };
        self.topics = topics;
        self.refresh_rows();
        if let Some(s) = speaker {
            self.follow(s);
        }
        Ok(())
    }

    /// Opens on the overview, so that a first-time reader sees the summary
    /// and key points before knowing a key; the status line says how to
    /// reach the panes. Nothing happens when the briefing has neither.
    pub fn start_on_overview(&mut self) {
        let m = &self.briefing().meta;
        if m.summary.trim().is_empty() && m.key_points.is_empty() {
            return;
        }
        if self.popups.is_empty() {
            self.popups.push(super::Popup::Overview {
                view: Default::default(),
            });
        }
    }
}

/// "unknown topic `x`; did you mean `y`?"
fn unknown<'a>(kind: &str, id: &str, ids: impl Iterator<Item = &'a str>) -> String {
    let ids: Vec<&str> = ids.collect();
    match crate::diag::did_you_mean(id, ids.iter().copied()) {
        Some(s) => format!("unknown {kind} `{}`; {s}", crate::text::one_line(id)),
        None => format!(
            "unknown {kind} `{}`; this briefing has: {}",
            crate::text::one_line(id),
            ids.join(", ")
        ),
    }
}
