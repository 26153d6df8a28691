//! JSON export: the briefing with every reference resolved (a quote carries
//! its speaker's name). The shape is documented in docs/EXPORT.md.

use std::collections::HashMap;

use serde::Serialize;

use super::proof::{self, Place, Placer};
use crate::model::{Briefing, DisagreementKind, Moment, QuoteKind, SpeakerKind, Status};

/// Version of the export shape; bumped on any incompatible change.
pub const EXPORT_VERSION: u32 = 1;

#[derive(Serialize)]
pub(super) struct Export<'a> {
    export_version: u32,
    id: &'a str,
    title: &'a str,
    as_of: Moment,
    summary: &'a str,
    key_points: &'a [String],
    sources: Vec<SourceOut<'a>>,
    topics: Vec<TopicOut<'a>>,
    speakers: Vec<SpeakerOut<'a>>,
    events: Vec<EventOut<'a>>,
    quotes: Vec<QuoteOut<'a>>,
    disagreements: Vec<DisagreementOut<'a>>,
}

#[derive(Serialize)]
struct Ref<'a> {
    id: &'a str,
    name: &'a str,
}

#[derive(Serialize)]
struct SourceOut<'a> {
    id: &'a str,
    title: Option<&'a str>,
    outlet: Option<&'a str>,
    published: Option<Moment>,
    url: Option<&'a str>,
    archived: Option<&'a str>,
    sha256: Option<&'a str>,
    language: Option<&'a str>,
    archive: &'static str,
}

#[derive(Serialize)]
struct SourceRef<'a> {
    id: &'a str,
    title: Option<&'a str>,
    outlet: Option<&'a str>,
    url: Option<&'a str>,
}

#[derive(Serialize)]
struct TopicOut<'a> {
    id: &'a str,
    name: &'a str,
    description: Option<&'a str>,
    quote_count: usize,
}

#[derive(Serialize)]
struct SpeakerOut<'a> {
    id: &'a str,
    name: &'a str,
    kind: SpeakerKind,
    role: &'a str,
    affiliation: Option<&'a str>,
    aliases: &'a [String],
    quote_count: usize,
}

#[derive(Serialize)]
struct EventOut<'a> {
    id: &'a str,
    at: Moment,
    title: &'a str,
    place: Option<&'a str>,
    detail: Option<&'a str>,
    speakers: Vec<Ref<'a>>,
    topics: Vec<Ref<'a>>,
    quotes: Vec<&'a str>,
}

#[derive(Serialize)]
struct SpeakerRef<'a> {
    id: &'a str,
    name: &'a str,
    kind: SpeakerKind,
    role: &'a str,
    affiliation: Option<&'a str>,
}

#[derive(Serialize)]
struct EventRef<'a> {
    id: &'a str,
    title: &'a str,
    at: Moment,
}

#[derive(Serialize)]
struct QuoteOut<'a> {
    id: &'a str,
    kind: QuoteKind,
    text: &'a str,
    at: Moment,
    speaker: SpeakerRef<'a>,
    reported_by: Option<Ref<'a>>,
    venue: Option<&'a str>,
    event: Option<EventRef<'a>>,
    topics: Vec<Ref<'a>>,
    context: Option<&'a str>,
    source: Option<SourceRef<'a>>,
    prefix: Option<&'a str>,
    suffix: Option<&'a str>,
    verification: &'static str,
    location: Option<Place>,
    occurrences: Option<usize>,
    closest: Option<Place>,
}

#[derive(Serialize)]
struct PositionOut<'a> {
    speaker: Ref<'a>,
    stance: &'a str,
    /// The stance in a few words, when the file gives one.
    #[serde(skip_serializing_if = "Option::is_none")]
    label: Option<&'a str>,
    quotes: Vec<QuoteRef<'a>>,
}

#[derive(Serialize)]
struct QuoteRef<'a> {
    id: &'a str,
    text: &'a str,
}

#[derive(Serialize)]
struct DisagreementOut<'a> {
    id: &'a str,
    title: &'a str,
    kind: DisagreementKind,
    status: Status,
    summary: &'a str,
    topics: Vec<Ref<'a>>,
    positions: Vec<PositionOut<'a>>,
}

fn topic_refs<'a>(b: &'a Briefing, ids: &'a [String]) -> Vec<Ref<'a>> {
    ids.iter()
        .filter_map(|id| b.topic(id))
        .map(|t| Ref {
            id: &t.id,
            name: &t.name,
        })
        .collect()
}

fn speaker_ref<'a>(b: &'a Briefing, id: &str) -> Option<Ref<'a>> {
    b.speaker(id).map(|s| Ref {
        id: &s.id,
        name: &s.name,
    })
}

pub(super) fn build(b: &Briefing) -> Export<'_> {
    let ix = &b.index;
    let placer = Placer::new(b);
    let sources_by_id: HashMap<&str, usize> = (b.sources.iter().enumerate())
        .map(|(i, s)| (s.id.as_str(), i))
        .collect();
    Export {
        export_version: EXPORT_VERSION,
        id: &b.meta.id,
        title: &b.meta.title,
        as_of: b.meta.as_of,
        summary: &b.meta.summary,
        key_points: &b.meta.key_points,
        sources: (b.sources.iter().enumerate())
            .map(|(i, s)| SourceOut {
                id: &s.id,
                title: s.title.as_deref(),
                outlet: s.outlet.as_deref(),
                published: s.published,
                url: s.url.as_deref(),
                archived: s.archived.as_deref(),
                sha256: s.sha256.as_deref(),
                language: s.language.as_deref(),
                archive: proof::archive(b.provenance.archives.get(i)),
            })
            .collect(),
        topics: (b.topics.iter().enumerate())
            .map(|(i, t)| TopicOut {
                id: &t.id,
                name: &t.name,
                description: t.description.as_deref(),
                quote_count: ix.quotes_by_topic[i].len(),
            })
            .collect(),
        speakers: (b.speakers.iter().enumerate())
            .map(|(i, s)| SpeakerOut {
                id: &s.id,
                name: &s.name,
                kind: s.kind,
                role: &s.role,
                affiliation: s.affiliation.as_deref(),
                aliases: &s.aliases,
                quote_count: ix.quotes_by_speaker[i].len(),
            })
            .collect(),
        events: (ix.timeline.iter().map(|&i| (i, &b.events[i])))
            .map(|(i, e)| EventOut {
                id: &e.id,
                at: e.at,
                title: &e.title,
                place: e.place.as_deref(),
                detail: e.detail.as_deref(),
                speakers: e
                    .speakers
                    .iter()
                    .filter_map(|s| speaker_ref(b, s))
                    .collect(),
                topics: topic_refs(b, &e.topics),
                quotes: ix.quotes_by_event[i]
                    .iter()
                    .map(|&q| b.quotes[q].id.as_str())
                    .collect(),
            })
            .collect(),
        quotes: (ix.quotes_in_order.iter().map(|&i| (i, &b.quotes[i])))
            .map(|(i, q)| {
                let s = b.speaker_of(i);
                QuoteOut {
                    id: &q.id,
                    kind: q.kind,
                    text: &q.text,
                    at: q.at,
                    speaker: SpeakerRef {
                        id: &s.id,
                        name: &s.name,
                        kind: s.kind,
                        role: &s.role,
                        affiliation: s.affiliation.as_deref(),
                    },
                    reported_by: q.reported_by.as_deref().and_then(|id| speaker_ref(b, id)),
                    venue: q.venue.as_deref(),
                    event: (q.event.as_deref().and_then(|id| b.event(id))).map(|e| EventRef {
                        id: &e.id,
                        title: &e.title,
                        at: e.at,
                    }),
                    topics: topic_refs(b, &q.topics),
                    context: q.context.as_deref(),
                    source: (q.source.as_deref())
                        .and_then(|id| sources_by_id.get(id))
                        .map(|&si| &b.sources[si])
                        .map(|s| SourceRef {
                            id: &s.id,
                            title: s.title.as_deref(),
                            outlet: s.outlet.as_deref(),
                            url: s.url.as_deref(),
                        }),
                    prefix: q.prefix.as_deref(),
                    suffix: q.suffix.as_deref(),
                    verification: proof::verification(proof::of(b, i)),
                    location: placer.found(i),
                    occurrences: match proof::of(b, i) {
                        crate::model::Proof::Verbatim { occurrences, .. } => Some(*occurrences),
                        _ => None,
                    },
                    closest: placer.closest(i),
                }
            })
            .collect(),
        disagreements: (b.disagreements.iter())
            .map(|d| DisagreementOut {
                id: &d.id,
                title: &d.title,
                kind: d.kind,
                status: d.status,
                summary: &d.summary,
                topics: topic_refs(b, &d.topics),
                positions: (d.positions.iter())
                    .map(|p| PositionOut {
                        speaker: speaker_ref(b, &p.speaker).unwrap_or(Ref {
                            id: &p.speaker,
                            name: &p.speaker,
                        }),
                        stance: &p.stance,
                        label: p.label.as_deref(),
                        quotes: (p.quotes.iter().filter_map(|id| b.quote(id)))
                            .map(|q| QuoteRef {
                                id: &q.id,
                                text: &q.text,
                            })
                            .collect(),
                    })
                    .collect(),
            })
            .collect(),
    }
}

/// The briefing as pretty-printed JSON. Beyond JSON's own escapes, C1 controls
/// and bidi controls are written as `\uXXXX` so the output is terminal-safe.
pub fn to_json(b: &Briefing) -> String {
    write(&build(b))
}

/// `value` as pretty-printed, terminal-safe JSON ending in a newline.
pub(super) fn write(value: &impl Serialize) -> String {
    let mut out = Vec::new();
    let mut ser = serde_json::Serializer::with_formatter(&mut out, SafeFormatter::default());
    value
        .serialize(&mut ser)
        .expect("serializing to memory cannot fail");
    let mut s = String::from_utf8(out).expect("serde_json writes UTF-8");
    s.push('\n');
    s
}

/// serde_json's pretty formatter, escaping every character `text::unsafe_chars`
/// names (controls, bidi, invisible characters, tags, stray joiners).
#[derive(Default)]
struct SafeFormatter(serde_json::ser::PrettyFormatter<'static>);

impl serde_json::ser::Formatter for SafeFormatter {
    fn write_string_fragment<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        fragment: &str,
    ) -> std::io::Result<()> {
        let mut written = 0;
        for (at, c) in crate::text::unsafe_chars(fragment) {
            w.write_all(&fragment.as_bytes()[written..at])?;
            // JSON escapes a character outside the BMP as a surrogate pair.
            let mut units = [0u16; 2];
            for unit in c.encode_utf16(&mut units) {
                write!(w, "\\u{unit:04x}")?;
            }
            written = at + c.len_utf8();
        }
        w.write_all(&fragment.as_bytes()[written..])
    }

    fn begin_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.begin_array(w)
    }
    fn end_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_array(w)
    }
    fn begin_array_value<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.0.begin_array_value(w, first)
    }
    fn end_array_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_array_value(w)
    }
    fn begin_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.begin_object(w)
    }
    fn end_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_object(w)
    }
    fn begin_object_key<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.0.begin_object_key(w, first)
    }
    fn begin_object_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.begin_object_value(w)
    }
    fn end_object_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_object_value(w)
    }
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;
    use crate::model::Proof;
    use crate::model::provenance::{Archive, ArchiveState};

    #[test]
    fn quotes_carry_their_source_selector_and_verification() {
        let mut b = Briefing::bundled();
        let text = "intro\nRubio said there would be “additional consequences” as";
        b.provenance.archives = vec![ArchiveState::Found(Archive {
            path: PathBuf::from("copy.txt"),
            text: text.into(),
        })];
        let qi = b.index.quote_by_id["rubio-additional-consequences"];
        let at = text.find("additional").unwrap();
        b.provenance.quotes[qi] = Proof::Verbatim {
            at: at..at + "additional consequences".len(),
            occurrences: 1,
        };
        let v: serde_json::Value = serde_json::from_str(&to_json(&b)).unwrap();
        assert_eq!(v["sources"][0]["id"], "alaska-article");
        assert_eq!(v["sources"][0]["archive"], "found");
        let q = (v["quotes"].as_array().unwrap().iter())
            .find(|q| q["id"] == "rubio-additional-consequences")
            .unwrap();
        assert_eq!(q["source"]["id"], "alaska-article");
        assert_eq!(q["prefix"], "Marco Rubio said there would be");
        assert_eq!(q["suffix"], "as Mr Trump warned before meeting Mr Putin");
        assert_eq!(q["verification"], "verbatim");
        assert_eq!(q["occurrences"], 1);
        assert_eq!(q["location"]["line"], 2);
        assert_eq!(q["location"]["column"], 28);
        assert_eq!(q["location"]["start"], at);
        assert!(q["closest"].is_null());
        let other = (v["quotes"].as_array().unwrap().iter())
            .find(|q| q["id"] == "rubio-long-ways-off")
            .unwrap();
        assert_eq!(other["verification"], "unchecked");
        assert!(other["location"].is_null());
        let russia = (v["speakers"].as_array().unwrap().iter())
            .find(|s| s["id"] == "russia")
            .unwrap();
        assert_eq!(russia["kind"], "government");
        assert_eq!(russia["role"], "");
        assert_eq!(v["disagreements"][0]["kind"], "question");
    }
}
