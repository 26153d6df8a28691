//! A popup's content as a document: lines of styled segments, some of them
//! links, built from the state at a width. Drawing, scrolling, the mouse and
//! search inside a popup all read the same document, so they always agree.
//!
//! A detail view may link to every quote of a speaker: those link lines are
//! made only when asked for ([`Document::line`]), one line per link, so a
//! frame costs what is on screen, not what the briefing holds.

use std::borrow::Cow;
use std::ops::Range;

use super::popup::{Links, Target};
use crate::model::{Briefing, DisagreementKind};
use crate::text::{one_line, truncate};

/// How a segment is drawn (the UI maps tones to the theme).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Plain,
    Title,
    Heading,
    Muted,
    /// A key binding in help.
    Key,
    Bold,
    Reported,
    /// A marker: a tick, the cursor, the current briefing.
    Marked,
    Warning,
    /// The rule between columns.
    Rule,
}

/// A run of text in one tone; the text is already escaped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seg {
    pub text: String,
    pub tone: Tone,
}

/// One line of a document; `link` is the link it belongs to, if any.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocLine {
    pub segs: Vec<Seg>,
    pub link: Option<usize>,
}

impl DocLine {
    pub fn new(tone: Tone, text: impl Into<String>) -> DocLine {
        DocLine::from_segs(vec![Seg {
            text: text.into(),
            tone,
        }])
    }

    pub fn from_segs(segs: Vec<Seg>) -> DocLine {
        DocLine { segs, link: None }
    }

    pub fn blank() -> DocLine {
        DocLine::default()
    }

    pub fn linked(mut self, link: usize) -> DocLine {
        self.link = Some(link);
        self
    }
}

pub fn seg(tone: Tone, text: impl Into<String>) -> Seg {
    Seg {
        text: text.into(),
        tone,
    }
}

/// The link lines of a detail view, made on demand: one line per link.
#[derive(Debug, Clone)]
struct LinkTail<'b> {
    briefing: &'b Briefing,
    targets: Links<'b>,
    width: usize,
}

impl LinkTail<'_> {
    fn line(&self, i: usize, link: usize) -> DocLine {
        let Some(t) = self.targets.get(i) else {
            return DocLine::blank();
        };
        let (kind, label) = link_label(self.briefing, t);
        // A quote's verification mark follows its kind.
        let kind = match t {
            Target::Quote(q) => match super::proof_text::mark(self.briefing, q) {
                Some(m) => format!("{kind} {m}"),
                None => kind.to_string(),
            },
            _ => kind.to_string(),
        };
        // Kinds in a column; on a narrow popup, each followed by one space.
        let kind = if self.width >= 50 {
            format!("{kind:<14}")
        } else {
            format!("{kind} ")
        };
        let room = self.width.saturating_sub(kind.chars().count());
        let label = truncate(&one_line(&label), room).into_owned();
        DocLine::from_segs(vec![seg(Tone::Muted, kind), seg(Tone::Plain, label)]).linked(link)
    }
}

/// A link's kind and its label (raw text).
pub fn link_label(b: &Briefing, t: Target) -> (&'static str, String) {
    match t {
        Target::Quote(q) => (
            "quote",
            format!("{}: {}", b.speaker_of(q).name, b.quotes[q].text.trim()),
        ),
        Target::Speaker(s) => ("speaker", b.speakers[s].name_and_role()),
        Target::Event(e) => (
            "event",
            format!("{} {}", b.events[e].at.shown(), b.events[e].title),
        ),
        Target::Disagreement(d) => match b.disagreements[d].kind {
            DisagreementKind::Dispute => ("dispute", b.disagreements[d].title.clone()),
            DisagreementKind::Question => ("question", b.disagreements[d].title.clone()),
        },
    }
}

/// A popup's content at one width.
#[derive(Debug, Clone)]
pub struct Document<'b> {
    pub title: String,
    /// The widest the popup may be, border included.
    pub max_width: u16,
    lines: Vec<DocLine>,
    /// The lines of each link made in `lines`, in order.
    links: Vec<Range<usize>>,
    tail: Option<LinkTail<'b>>,
}

impl<'b> Document<'b> {
    pub fn new(title: impl Into<String>, max_width: u16) -> Document<'b> {
        Document {
            title: title.into(),
            max_width,
            lines: Vec::new(),
            links: Vec::new(),
            tail: None,
        }
    }

    /// Appends a line (its `link`, if any, must be the next link or the last one).
    pub fn push(&mut self, line: DocLine) {
        let at = self.lines.len();
        if let Some(link) = line.link {
            if link < self.links.len() {
                self.links[link].end = at + 1;
            } else {
                self.links.push(at..at + 1);
            }
        }
        self.lines.push(line);
    }

    pub fn extend(&mut self, lines: impl IntoIterator<Item = DocLine>) {
        for l in lines {
            self.push(l);
        }
    }

    /// Ends the document with one line per link of `targets`, made on demand.
    pub fn link_tail(&mut self, briefing: &'b Briefing, targets: Links<'b>, width: usize) {
        self.tail = Some(LinkTail {
            briefing,
            targets,
            width,
        });
    }

    /// Lines in all.
    pub fn len(&self) -> usize {
        self.lines.len() + self.tail.as_ref().map_or(0, |t| t.targets.len())
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Links in all.
    pub fn link_count(&self) -> usize {
        self.links.len() + self.tail.as_ref().map_or(0, |t| t.targets.len())
    }

    /// Line `i` (blank past the end).
    pub fn line(&self, i: usize) -> Cow<'_, DocLine> {
        match self.lines.get(i) {
            Some(l) => Cow::Borrowed(l),
            None => match &self.tail {
                Some(tail) => {
                    let k = i - self.lines.len();
                    Cow::Owned(tail.line(k, self.links.len() + k))
                }
                None => Cow::Owned(DocLine::blank()),
            },
        }
    }

    /// The lines link `link` takes.
    pub fn link_lines(&self, link: usize) -> Range<usize> {
        match self.links.get(link) {
            Some(r) => r.clone(),
            None => {
                let at = self.lines.len() + (link - self.links.len());
                at..at + 1
            }
        }
    }

    /// The link on line `line`, if any.
    pub fn link_at(&self, line: usize) -> Option<usize> {
        if line < self.lines.len() {
            return self.lines[line].link;
        }
        let k = line - self.lines.len();
        self.tail
            .as_ref()
            .filter(|t| k < t.targets.len())
            .map(|_| self.links.len() + k)
    }

    /// The first link starting at or after line `line`.
    pub fn first_link_from(&self, line: usize) -> Option<usize> {
        let made = self.links.partition_point(|r| r.start < line);
        if made < self.links.len() {
            return Some(made);
        }
        let tail = self.tail.as_ref()?;
        let k = line.saturating_sub(self.lines.len());
        (k < tail.targets.len()).then_some(self.links.len() + k)
    }

    /// The last link ending at or before line `end` (exclusive).
    pub fn last_link_before(&self, end: usize) -> Option<usize> {
        if let Some(tail) = &self.tail
            && end > self.lines.len()
        {
            let k = (end - self.lines.len()).min(tail.targets.len());
            if k > 0 {
                return Some(self.links.len() + k - 1);
            }
        }
        self.links.partition_point(|r| r.end <= end).checked_sub(1)
    }
}
