//! A library: several briefings merged into one story. [`merge`] builds one
//! [`Briefing`] holding every item of every briefing (each id once, the
//! newest briefing's version kept), so every pane, search and detail view
//! reads it as any briefing; its [`Library`] says where each item came from
//! (the tag its row shows), how each speaker's role and each
//! disagreement's status and stances changed over time, and what `check`
//! warns about (a role that changes, a topic id with two names). Linear in
//! the items: hash maps by id, one pass oldest briefing first.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::{
    Briefing, Disagreement, Event, Index, Meta, Moment, Position, Provenance, Quote, Source, Spans,
    Speaker, Status, Topic,
};
use crate::diag::{Diagnostic, Failure, Severity};

/// What merging several briefings knows besides the merged items.
#[derive(Debug, Clone, Default)]
pub struct Library {
    /// The briefings merged, in the order given.
    pub members: Vec<Member>,
    /// Indices into `members`, oldest as-of date first.
    pub order: Vec<usize>,
    /// Per merged item, the briefing and the index there of the version kept.
    pub origins: Origins,
    /// Per merged quote and event, the briefings it is in, oldest first
    /// (the first is where it entered the story).
    pub quote_members: Vec<Vec<usize>>,
    pub event_members: Vec<Vec<usize>>,
    /// Per merged speaker, its role and affiliation in each briefing where
    /// they differ from the briefing before, newest first.
    pub roles: Vec<Vec<RoleStep>>,
    /// Per merged disagreement, its status in each briefing where it
    /// changed, oldest first: `open 08-17 → narrowing 08-24`.
    pub statuses: Vec<Vec<StatusStep>>,
    /// Per merged disagreement and position (in the order of its merged
    /// `positions`), the party's stances, newest first; the first is the
    /// one the merged position holds.
    pub stances: Vec<Vec<Vec<StanceStep>>>,
    /// Library-wide problems: a speaker's role changes, a topic id has two
    /// names. Warnings only; [`check`] locates them in their files.
    pub warnings: Vec<Warning>,
}

/// One briefing of a library.
#[derive(Debug, Clone)]
pub struct Member {
    pub path: PathBuf,
    pub id: String,
    pub title: String,
    pub as_of: Moment,
    /// Short name shown in rows: the as-of date (`08-17`, with the year
    /// when the briefings span years), or the briefing's id when two share
    /// a date.
    pub tag: String,
}

/// Where the version of an item kept in the merge comes from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Origin {
    /// Index into [`Library::members`].
    pub member: usize,
    /// Index of the item in that briefing.
    pub item: usize,
}

/// The origin of every merged item, in the merged briefing's order.
#[derive(Debug, Clone, Default)]
pub struct Origins {
    pub sources: Vec<Origin>,
    pub topics: Vec<Origin>,
    pub speakers: Vec<Origin>,
    pub events: Vec<Origin>,
    pub quotes: Vec<Origin>,
    pub disagreements: Vec<Origin>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoleStep {
    pub member: usize,
    pub role: String,
    pub affiliation: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StatusStep {
    pub member: usize,
    pub status: Status,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StanceStep {
    pub member: usize,
    pub stance: String,
    pub quotes: Vec<String>,
    pub label: Option<String>,
}

/// A library-wide warning, anchored at an entity's key in one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    pub path: PathBuf,
    pub message: String,
    pub label: String,
    pub note: Option<String>,
    /// `[[speakers]]` or `[[topics]]` array name, the entity's id, and the
    /// key whose value the warning is about.
    pub array: &'static str,
    pub id: String,
    pub key: &'static str,
}

impl Library {
    /// The tag of the briefing where merged quote `qi` entered the story.
    pub fn quote_tag(&self, qi: usize) -> &str {
        self.first_tag(&self.quote_members, qi)
    }

    /// The tag of the briefing where merged event `ei` entered the story.
    pub fn event_tag(&self, ei: usize) -> &str {
        self.first_tag(&self.event_members, ei)
    }

    fn first_tag(&self, of: &[Vec<usize>], i: usize) -> &str {
        (of.get(i).and_then(|m| m.first())).map_or("", |&m| &self.members[m].tag)
    }

    /// The tags of the other briefings merged item `i` of `of` is in, space-separated.
    fn later_tags(&self, of: &[Vec<usize>], i: usize) -> String {
        let Some(members) = of.get(i) else {
            return String::new();
        };
        (members.iter().skip(1))
            .map(|&m| self.members[m].tag.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The tags of the later briefings quote `qi` is in too.
    pub fn quote_later_tags(&self, qi: usize) -> String {
        self.later_tags(&self.quote_members, qi)
    }

    /// The tags of the later briefings event `ei` is in too.
    pub fn event_later_tags(&self, ei: usize) -> String {
        self.later_tags(&self.event_members, ei)
    }

    /// Quote `qi`'s tags as its row shows them, `[03-02 03-09]` (at most
    /// [`TAGS_SHOWN`], then `+N`), and the tags it leaves out.
    pub fn quote_tags(&self, qi: usize) -> (String, String) {
        self.tags_of(&self.quote_members, qi, TAGS_SHOWN)
    }

    /// Event `ei`'s tags as its row shows them, `[03-02 +1]` (the first,
    /// then how many more), and the tags it leaves out.
    pub fn event_tags(&self, ei: usize) -> (String, String) {
        self.tags_of(&self.event_members, ei, 1)
    }

    /// Quote `qi`'s tags as its row shows them (the first of
    /// [`Library::quote_tags`], without the ones it leaves out): built for
    /// every row measured and drawn, so with one allocation.
    pub fn quote_row_tags(&self, qi: usize) -> String {
        self.row_tags(&self.quote_members, qi, TAGS_SHOWN)
    }

    /// Event `ei`'s tags as its row shows them.
    pub fn event_row_tags(&self, ei: usize) -> String {
        self.row_tags(&self.event_members, ei, 1)
    }

    fn row_tags(&self, of: &[Vec<usize>], i: usize, shown: usize) -> String {
        let members = of.get(i).map_or(&[][..], Vec::as_slice);
        let mut row = String::with_capacity(2 + 6 * shown.min(members.len()) + 6);
        row.push('[');
        for (k, &m) in members.iter().take(shown).enumerate() {
            if k > 0 {
                row.push(' ');
            }
            row.push_str(&self.members[m].tag);
        }
        if members.len() > shown {
            use std::fmt::Write as _;
            let _ = write!(row, " +{}", members.len() - shown);
        }
        row.push(']');
        row
    }

    fn tags_of(&self, of: &[Vec<usize>], i: usize, shown: usize) -> (String, String) {
        let members = of.get(i).map_or(&[][..], Vec::as_slice);
        let tag = |m: &usize| self.members[*m].tag.as_str();
        let mut row = members
            .iter()
            .take(shown)
            .map(tag)
            .collect::<Vec<_>>()
            .join(" ");
        if members.len() > shown {
            row.push_str(&format!(" +{}", members.len() - shown));
        }
        let rest = members
            .iter()
            .skip(shown)
            .map(tag)
            .collect::<Vec<_>>()
            .join(" ");
        (format!("[{row}]"), rest)
    }

    /// The tag of member `m`.
    pub fn tag(&self, m: usize) -> &str {
        &self.members[m].tag
    }

    /// `open 08-17 → narrowing 08-24`: disagreement `d`'s status history,
    /// oldest first; `None` when it never changed.
    pub fn status_line(&self, d: usize) -> Option<String> {
        let steps = self.statuses.get(d)?;
        (steps.len() > 1).then(|| {
            (steps.iter())
                .map(|s| format!("{} {}", status_word(s.status), self.tag(s.member)))
                .collect::<Vec<_>>()
                .join(" → ")
        })
    }

    /// Speaker `s`'s role and affiliation as of member `m`: the newest
    /// change dated on or before it; `None` when the role never changed.
    pub fn role_at(&self, s: usize, m: usize) -> Option<&RoleStep> {
        let steps = self.roles.get(s).filter(|r| r.len() > 1)?;
        let as_of = self.members[m].as_of;
        (steps.iter())
            .find(|r| self.members[r.member].as_of <= as_of)
            .or(steps.last())
    }

    /// The role and affiliation of quote `qi`'s speaker `s` when the
    /// quote entered the story; `None` when the role never changed.
    pub fn quote_role(&self, s: usize, qi: usize) -> Option<&RoleStep> {
        self.role_at(s, *self.quote_members.get(qi)?.first()?)
    }

    /// Did speaker `s`'s role or affiliation change over the briefings?
    pub fn role_changed(&self, s: usize) -> bool {
        self.roles.get(s).is_some_and(|r| r.len() > 1)
    }
}

/// The most briefing tags a quote's row shows.
pub const TAGS_SHOWN: usize = 3;

/// `open`, `narrowing`, `resolved`.
pub fn status_word(status: Status) -> &'static str {
    match status {
        Status::Open => "open",
        Status::Narrowing => "narrowing",
        Status::Resolved => "resolved",
    }
}

/// The tag of each briefing: its as-of month and day, with the year when
/// the dates span years; where another briefing has that date, its id;
/// where another has that id too, its file name; then its number.
fn tags(members: &[(&Path, &Meta)]) -> Vec<String> {
    use chrono::Datelike as _;
    let one_year =
        (members.windows(2)).all(|w| w[0].1.as_of.date().year() == w[1].1.as_of.date().year());
    let format = if one_year { "%m-%d" } else { "%Y-%m-%d" };
    let short = |s: &str| crate::text::truncate(&crate::text::one_line(s), 20).into_owned();
    let mut tags: Vec<String> = (members.iter())
        .map(|(_, m)| m.as_of.date().format(format).to_string())
        .collect();
    // Each pass renames the tags another briefing shares.
    for pass in 0..3 {
        let mut count: HashMap<&str, usize> = HashMap::new();
        for t in &tags {
            *count.entry(t.as_str()).or_default() += 1;
        }
        let shared: Vec<bool> = tags.iter().map(|t| count[t.as_str()] > 1).collect();
        for (i, shared) in shared.into_iter().enumerate() {
            if !shared {
                continue;
            }
            let (path, meta) = members[i];
            tags[i] = match pass {
                0 => short(&meta.id),
                1 => short(&path.file_stem().unwrap_or_default().to_string_lossy()),
                _ => format!("{}#{}", tags[i], i + 1),
            };
        }
    }
    tags
}

/// Items of one kind merged by id: the newest version of each (merging
/// goes oldest first, so a later one replaces an earlier), in the order
/// first seen.
struct ById<T> {
    items: Vec<T>,
    origins: Vec<Origin>,
    members: Vec<Vec<usize>>,
    at: HashMap<String, usize>,
}

impl<T: Clone> ById<T> {
    fn new() -> Self {
        ById::with_capacity(0)
    }

    /// Room for `n` items without growing (the sum of every briefing's:
    /// most quotes are in one briefing only).
    fn with_capacity(n: usize) -> Self {
        ById {
            items: Vec::with_capacity(n),
            origins: Vec::with_capacity(n),
            members: Vec::with_capacity(n),
            at: HashMap::with_capacity(n),
        }
    }

    /// Adds `item` of member `m` (index `i` there); returns its merged
    /// index and the version it replaces, if any.
    fn add(&mut self, id: &str, item: &T, m: usize, i: usize) -> (usize, Option<T>) {
        let origin = Origin { member: m, item: i };
        match self.at.get(id) {
            Some(&k) => {
                let before = std::mem::replace(&mut self.items[k], item.clone());
                self.origins[k] = origin;
                if self.members[k].last() != Some(&m) {
                    self.members[k].push(m);
                }
                (k, Some(before))
            }
            None => {
                let k = self.items.len();
                self.at.insert(id.to_string(), k);
                self.items.push(item.clone());
                self.origins.push(origin);
                self.members.push(vec![m]);
                (k, None)
            }
        }
    }
}

/// The order to merge `briefings` in (oldest as-of date first) and each
/// one as a member of the library.
fn members_of(briefings: &[Briefing]) -> (Vec<usize>, Vec<Member>) {
    let mut order: Vec<usize> = (0..briefings.len()).collect();
    order.sort_by_key(|&i| briefings[i].meta.as_of);
    let metas: Vec<(&Path, &Meta)> = (briefings.iter())
        .map(|b| (b.path.as_path(), &b.meta))
        .collect();
    let tags = tags(&metas);
    let members = (briefings.iter().zip(tags))
        .map(|(b, tag)| Member {
            path: b.path.clone(),
            id: b.meta.id.clone(),
            title: b.meta.title.clone(),
            as_of: b.meta.as_of,
            tag,
        })
        .collect();
    (order, members)
}

/// Topics and speakers merged by id, each speaker's role over time, and
/// the warnings they give: what [`check`] needs, without merging the rest.
struct People {
    topics: ById<Topic>,
    speakers: ById<Speaker>,
    roles: Vec<Vec<RoleStep>>,
    warnings: Vec<Warning>,
}

fn people(briefings: &[Briefing], order: &[usize], members: &[Member]) -> People {
    let mut topics = ById::<Topic>::new();
    let mut speakers = ById::<Speaker>::new();
    let mut roles: Vec<Vec<RoleStep>> = Vec::new();
    let mut warnings = Vec::new();
    // Topics whose name differs, warned once per topic and file.
    let mut first_name_in: Vec<usize> = Vec::new();
    for &m in order {
        let b = &briefings[m];
        for (i, t) in b.topics.iter().enumerate() {
            let (k, before) = topics.add(&t.id, t, m, i);
            match before {
                None => first_name_in.push(m),
                Some(before) => {
                    // The first name is kept.
                    let first = before.name.clone();
                    topics.items[k] = before;
                    if t.name != first {
                        let other = &members[first_name_in[k]];
                        warnings.push(Warning {
                            path: b.path.clone(),
                            message: format!(
                                "topic `{}` is named `{}` here but `{}` in {}",
                                t.id,
                                t.name,
                                first,
                                other.path.display()
                            ),
                            label: "another name for the same topic id".into(),
                            note: Some(format!(
                                "the library shows it as `{first}`, its name in the earliest briefing"
                            )),
                            array: "topics",
                            id: t.id.clone(),
                            key: "name",
                        });
                    }
                }
            }
        }
        for (i, s) in b.speakers.iter().enumerate() {
            let (k, _) = speakers.add(&s.id, s, m, i);
            if k == roles.len() {
                roles.push(Vec::new());
            }
            let step = RoleStep {
                member: m,
                role: s.role.clone(),
                affiliation: s.affiliation.clone(),
            };
            let history = &mut roles[k];
            match history.last() {
                Some(last) if last.role == step.role && last.affiliation == step.affiliation => {}
                Some(last) => {
                    let (key, what, was, now) = if last.role != step.role {
                        ("role", "role", last.role.clone(), step.role.clone())
                    } else {
                        (
                            "affiliation",
                            "affiliation",
                            last.affiliation.clone().unwrap_or_default(),
                            step.affiliation.clone().unwrap_or_default(),
                        )
                    };
                    let before = &members[last.member];
                    warnings.push(Warning {
                        path: b.path.clone(),
                        message: format!(
                            "speaker `{}`'s {what} changes: `{was}` in {} (as of {}), `{now}` here",
                            s.id,
                            before.path.display(),
                            before.as_of.shown()
                        ),
                        label: format!("{what} as of {}", b.meta.as_of.shown()),
                        note: Some(format!(
                            "the library shows the newest {what} and the change over time"
                        )),
                        array: "speakers",
                        id: s.id.clone(),
                        key,
                    });
                    history.push(step);
                }
                None => history.push(step),
            }
        }
    }
    People {
        topics,
        speakers,
        roles,
        warnings,
    }
}

/// Merges `briefings` (at least one) into one briefing whose
/// [`Briefing::library`] says what the merge knows. Briefings are taken
/// oldest as-of date first (one date: in the order given); an item whose id
/// several briefings have is the same item, the newest version kept.
pub fn merge(briefings: &[Briefing]) -> Briefing {
    assert!(!briefings.is_empty(), "a library needs a briefing");
    let (order, members) = members_of(briefings);

    let mut sources = ById::<Source>::new();
    let mut events = ById::<Event>::new();
    let mut quotes = ById::<Quote>::with_capacity(briefings.iter().map(|b| b.quotes.len()).sum());
    let mut disagreements = ById::<Disagreement>::new();
    let mut statuses: Vec<Vec<StatusStep>> = Vec::new();
    // Per (disagreement, party): index into `parties[d]`.
    let mut party_at: HashMap<(usize, String), usize> = HashMap::new();
    let mut parties: Vec<Vec<(String, Vec<StanceStep>)>> = Vec::new();
    let People {
        topics,
        speakers,
        mut roles,
        warnings,
    } = people(briefings, &order, &members);

    for &m in &order {
        let b = &briefings[m];
        for (i, s) in b.sources.iter().enumerate() {
            sources.add(&s.id, s, m, i);
        }
        for (i, e) in b.events.iter().enumerate() {
            events.add(&e.id, e, m, i);
        }
        for (i, q) in b.quotes.iter().enumerate() {
            quotes.add(&q.id, q, m, i);
        }
        for (i, d) in b.disagreements.iter().enumerate() {
            let (k, _) = disagreements.add(&d.id, d, m, i);
            if k == statuses.len() {
                statuses.push(Vec::new());
                parties.push(Vec::new());
            }
            if statuses[k].last().is_none_or(|s| s.status != d.status) {
                statuses[k].push(StatusStep {
                    member: m,
                    status: d.status,
                });
            }
            for p in &d.positions {
                let at = *party_at.entry((k, p.speaker.clone())).or_insert_with(|| {
                    parties[k].push((p.speaker.clone(), Vec::new()));
                    parties[k].len() - 1
                });
                let steps = &mut parties[k][at].1;
                if steps.last().is_none_or(|s| {
                    s.stance != p.stance || s.quotes != p.quotes || s.label != p.label
                }) {
                    steps.push(StanceStep {
                        member: m,
                        stance: p.stance.clone(),
                        quotes: p.quotes.clone(),
                        label: p.label.clone(),
                    });
                }
            }
        }
    }

    // Each party's newest stance, the newest version's parties first.
    let mut stances = Vec::with_capacity(parties.len());
    for (k, d) in disagreements.items.iter_mut().enumerate() {
        let mut these = std::mem::take(&mut parties[k]);
        let newest: HashMap<&str, usize> = (d.positions.iter().enumerate())
            .map(|(n, p)| (p.speaker.as_str(), n))
            .collect();
        these.sort_by_key(|(speaker, steps)| {
            (
                newest.get(speaker.as_str()).copied().unwrap_or(usize::MAX),
                std::cmp::Reverse(steps.last().map(|s| briefings[s.member].meta.as_of)),
            )
        });
        let mut positions = Vec::with_capacity(these.len());
        let mut histories = Vec::with_capacity(these.len());
        for (speaker, mut steps) in these {
            steps.reverse();
            let now = &steps[0];
            positions.push(Position {
                speaker,
                stance: now.stance.clone(),
                quotes: now.quotes.clone(),
                label: now.label.clone(),
            });
            histories.push(steps);
        }
        d.positions = positions;
        stances.push(histories);
    }
    for history in &mut roles {
        history.reverse();
    }

    let newest = &briefings[*order.last().expect("at least one")];
    let n = briefings.len();
    let meta = Meta {
        id: STORY_ID.into(),
        title: if n == 1 {
            newest.meta.title.clone()
        } else {
            format!(
                "Story of {n} briefings, {} to {}",
                members[order[0]].tag,
                members[*order.last().expect("at least one")].tag
            )
        },
        as_of: newest.meta.as_of,
        summary: newest.meta.summary.clone(),
        key_points: newest.meta.key_points.clone(),
        sources: Vec::new(),
    };
    let archives_known = briefings.iter().any(|b| !b.provenance.archives.is_empty());
    let provenance = Provenance {
        archives: if archives_known {
            (sources.origins.iter())
                .map(|o| {
                    (briefings[o.member].provenance.archives.get(o.item))
                        .cloned()
                        .unwrap_or_default()
                })
                .collect()
        } else {
            Vec::new()
        },
        quotes: (quotes.origins.iter())
            .map(|o| {
                (briefings[o.member].provenance.quotes.get(o.item))
                    .cloned()
                    .unwrap_or_default()
            })
            .collect(),
    };
    let spans = Spans {
        quotes: (quotes.origins.iter())
            .map(|o| {
                (briefings[o.member].spans.quotes.get(o.item))
                    .cloned()
                    .unwrap_or_default()
            })
            .collect(),
        sources: (sources.origins.iter())
            .map(|o| {
                (briefings[o.member].spans.sources.get(o.item))
                    .cloned()
                    .unwrap_or_default()
            })
            .collect(),
        // Where each item is defined in the file of the version kept
        // (`Library::origins` names that file).
        entities: {
            let at = |origins: &[Origin], of: fn(&Briefing) -> &Vec<crate::diag::Location>| {
                (origins.iter())
                    .map(|o| {
                        of(&briefings[o.member])
                            .get(o.item)
                            .copied()
                            .unwrap_or_default()
                    })
                    .collect()
            };
            crate::model::spans::EntitySpans {
                topics: at(&topics.origins, |b| &b.spans.entities.topics),
                speakers: at(&speakers.origins, |b| &b.spans.entities.speakers),
                events: at(&events.origins, |b| &b.spans.entities.events),
                disagreements: at(&disagreements.origins, |b| &b.spans.entities.disagreements),
            }
        },
    };
    let index = Index::build(
        &topics.items,
        &speakers.items,
        &events.items,
        &quotes.items,
        &disagreements.items,
    );
    let library = Library {
        origins: Origins {
            sources: sources.origins,
            topics: topics.origins,
            speakers: speakers.origins,
            events: events.origins,
            quotes: quotes.origins,
            disagreements: disagreements.origins,
        },
        quote_members: quotes.members,
        event_members: events.members,
        members,
        order,
        roles,
        statuses,
        stances,
        warnings,
    };
    Briefing {
        path: story_path(briefings),
        meta,
        sources: sources.items,
        topics: topics.items,
        speakers: speakers.items,
        events: events.items,
        quotes: quotes.items,
        disagreements: disagreements.items,
        index,
        spans,
        warnings: Vec::new(),
        provenance,
        library: Some(Arc::new(library)),
        quote_corpus: Default::default(),
        corpora: Default::default(),
    }
}

/// The id of the merged briefing.
pub const STORY_ID: &str = "library";

/// The path the merged briefing is known by: the deepest folder that holds
/// all of `briefings` (`.` when they share none), never a briefing file.
pub fn story_path(briefings: &[Briefing]) -> PathBuf {
    let parent = |b: &Briefing| b.path.parent().map(Path::to_path_buf).unwrap_or_default();
    let mut common = parent(&briefings[0]);
    for b in &briefings[1..] {
        while !b.path.starts_with(&common) {
            if !common.pop() {
                break;
            }
        }
    }
    if common.as_os_str().is_empty() {
        PathBuf::from(".")
    } else {
        common
    }
}

impl Warning {
    /// The warning as a diagnostic, located at its key in `source` (the
    /// text of its file) when found there. For many warnings of one file,
    /// [`check`] parses and locates once.
    pub fn diagnostic(&self, source: Option<&str>) -> Diagnostic {
        let root = source.and_then(|s| toml::de::DeTable::parse(s).ok());
        let index = root.as_ref().map(|r| Entries::of(r.get_ref()));
        let mut d = self.unlocated(index.as_ref().and_then(|i| i.span(self)));
        if let Some(s) = source {
            crate::diag::locate_all(std::slice::from_mut(&mut d), s);
        }
        d
    }

    /// The diagnostic at `span` (the whole file without one), not yet located.
    fn unlocated(&self, span: Option<std::ops::Range<usize>>) -> Diagnostic {
        let mut d = match span {
            Some(span) => Diagnostic::unlocated(&self.path, span, self.message.clone()),
            None => Diagnostic::file(&self.path, self.message.clone()),
        };
        d.severity = Severity::Warning;
        d.with_label(self.label.clone());
        if let Some(note) = &self.note {
            d.with_note(note.clone());
        }
        d
    }
}

/// The tables of a parsed briefing's arrays by id, to find many keys in
/// one pass.
struct Entries<'a> {
    by_id: HashMap<(&'static str, &'a str), &'a toml::Spanned<toml::de::DeValue<'a>>>,
    /// The `[briefing]` table.
    meta: Option<&'a toml::Spanned<toml::de::DeValue<'a>>>,
}

impl<'a> Entries<'a> {
    fn of(root: &'a toml::de::DeTable<'a>) -> Entries<'a> {
        let mut by_id = HashMap::new();
        for array in ["topics", "speakers"] {
            let items = crate::diag::toml::field(root, array).and_then(|v| v.get_ref().as_array());
            for entry in items.into_iter().flatten() {
                let id = (entry.get_ref().as_table())
                    .and_then(|t| crate::diag::toml::field(t, "id"))
                    .and_then(|v| v.get_ref().as_str());
                if let Some(id) = id {
                    by_id.entry((array, id)).or_insert(entry);
                }
            }
        }
        let meta = crate::diag::toml::field(root, "briefing");
        Entries { by_id, meta }
    }

    fn span(&self, w: &Warning) -> Option<std::ops::Range<usize>> {
        let entry = match w.array {
            "briefing" => self.meta?,
            array => self.by_id.get(&(array, w.id.as_str()))?,
        };
        Some(crate::diag::toml::span_of(entry, w.key, None))
    }
}

/// The library-wide warnings of `briefings` as [`check`] finds them, but
/// located from what the loader kept (each speaker's and topic's table),
/// without reading the files again: for the reader's problems view, where
/// a library of a thousand files should not be read twice to start.
pub fn findings(briefings: &[Briefing]) -> Vec<Failure> {
    if briefings.len() < 2 {
        return Vec::new();
    }
    let (order, members) = members_of(briefings);
    let library = people(briefings, &order, &members);
    let duplicates = duplicate_ids(briefings);
    let warnings = library.warnings.iter().chain(&duplicates);
    let mut by_file: HashMap<&Path, Vec<Diagnostic>> = HashMap::new();
    let at: HashMap<&Path, &Briefing> = briefings.iter().map(|b| (b.path.as_path(), b)).collect();
    for w in warnings {
        let mut d = w.unlocated(None);
        let b = at.get(w.path.as_path());
        d.location = b.and_then(|b| {
            let e = &b.spans.entities;
            match w.array {
                "speakers" => (b.index.speaker_by_id.get(&w.id)).and_then(|&i| e.speakers.get(i)),
                "topics" => (b.index.topic_by_id.get(&w.id)).and_then(|&i| e.topics.get(i)),
                _ => None,
            }
            .copied()
        });
        by_file
            .entry(b.map_or(Path::new(""), |b| b.path.as_path()))
            .or_default()
            .push(d);
    }
    (briefings.iter())
        .filter_map(|b| {
            let mut diagnostics = by_file.remove(b.path.as_path())?;
            diagnostics.sort_by_key(|d| d.location.map_or(usize::MAX, |l| l.line));
            Some(Failure {
                path: b.path.clone(),
                source: None,
                diagnostics,
            })
        })
        .collect()
}

/// A warning for each briefing whose id an earlier one (in the order
/// given) has already.
fn duplicate_ids(briefings: &[Briefing]) -> Vec<Warning> {
    let mut duplicates = Vec::new();
    let mut first_with: HashMap<&str, &Path> = HashMap::new();
    for b in briefings {
        match first_with.get(b.meta.id.as_str()) {
            None => {
                first_with.insert(&b.meta.id, &b.path);
            }
            Some(other) => duplicates.push(Warning {
                path: b.path.clone(),
                message: format!(
                    "briefing id `{}` is also the id of {}",
                    b.meta.id,
                    other.display()
                ),
                label: "the same id as another briefing".into(),
                note: Some(
                    "give each briefing its own id; the story view tells these two apart by file name"
                        .into(),
                ),
                array: "briefing",
                id: b.meta.id.clone(),
                key: "id",
            }),
        }
    }
    duplicates
}

/// The library-wide warnings of `briefings` (roles that change, topic ids
/// with two names), located in their files, one entry per file with any,
/// in the order of `briefings`. Each file with a warning is read again to
/// place it; nothing when fewer than two briefings are given.
pub fn check(briefings: &[Briefing]) -> Vec<Failure> {
    if briefings.len() < 2 {
        return Vec::new();
    }
    // Topics and speakers only: the quotes need not be merged for this.
    let (order, members) = members_of(briefings);
    let library = people(briefings, &order, &members);
    // Two files with one briefing id: the library tells them apart by file
    // name, but a reader of `check` should know.
    let duplicates = duplicate_ids(briefings);
    let mut by_file: HashMap<&Path, Vec<&Warning>> = HashMap::new();
    for w in library.warnings.iter().chain(&duplicates) {
        by_file.entry(w.path.as_path()).or_default().push(w);
    }
    let mut out: Vec<Failure> = Vec::new();
    for b in briefings {
        let Some(mine) = by_file.remove(b.path.as_path()) else {
            continue;
        };
        let source = crate::diag::read_bounded(&b.path, super::MAX_FILE_BYTES).ok();
        // The file parsed and its lines found once for all its warnings.
        let root = (source.as_deref()).and_then(|s| toml::de::DeTable::parse(s).ok());
        let index = root.as_ref().map(|r| Entries::of(r.get_ref()));
        let mut diagnostics: Vec<Diagnostic> = mine
            .iter()
            .map(|w| w.unlocated(index.as_ref().and_then(|i| i.span(w))))
            .collect();
        if let Some(s) = &source {
            crate::diag::locate_all(&mut diagnostics, s);
        }
        diagnostics.sort_by_key(|d| d.span.as_ref().map_or(usize::MAX, |s| s.start));
        out.push(Failure {
            path: b.path.clone(),
            source,
            diagnostics,
        });
    }
    out
}

impl Briefing {
    /// What the merge knows, when this briefing is a library's merged view.
    pub fn library(&self) -> Option<&Library> {
        self.library.as_deref()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FIRST: &str = r#"format = 1
[briefing]
id = "a"
title = "First"
as_of = 2031-03-02
summary = "S1"
[[topics]]
id = "water"
name = "Water"
[[speakers]]
id = "mara"
name = "Mara"
role = "Harbour warden"
[[speakers]]
id = "ilo"
name = "Ilo"
role = "Mayor"
[[events]]
id = "e1"
at = 2031-03-01
title = "Flood"
[[quotes]]
id = "q1"
speaker = "mara"
text = "The wall holds."
at = 2031-03-01
topics = ["water"]
[[disagreements]]
id = "wall"
title = "The wall"
status = "open"
summary = "S"
[[disagreements.positions]]
speaker = "mara"
stance = "Raise it"
quotes = ["q1"]
[[disagreements.positions]]
speaker = "ilo"
stance = "Leave it"
"#;

    const SECOND: &str = r#"format = 1
[briefing]
id = "b"
title = "Second"
as_of = 2031-03-09
summary = "S2"
[[topics]]
id = "water"
name = "Flooding"
[[speakers]]
id = "mara"
name = "Mara"
role = "Deputy mayor"
[[speakers]]
id = "ilo"
name = "Ilo"
role = "Mayor"
[[events]]
id = "e2"
at = 2031-03-08
title = "Vote"
[[quotes]]
id = "q1"
speaker = "mara"
text = "The wall holds."
at = 2031-03-01
topics = ["water"]
[[quotes]]
id = "q2"
speaker = "ilo"
text = "We raise it a metre."
at = 2031-03-08
[[disagreements]]
id = "wall"
title = "The wall"
status = "narrowing"
summary = "S"
[[disagreements.positions]]
speaker = "ilo"
stance = "Raise it a metre"
quotes = ["q2"]
[[disagreements.positions]]
speaker = "mara"
stance = "Raise it"
quotes = ["q1"]
"#;

    fn two() -> Vec<Briefing> {
        // Newest first, as the reader holds them.
        vec![
            Briefing::parse(Path::new("b.toml"), SECOND).unwrap(),
            Briefing::parse(Path::new("a.toml"), FIRST).unwrap(),
        ]
    }

    #[test]
    fn items_merge_by_id_newest_version_kept() {
        let m = merge(&two());
        let lib = m.library().unwrap();
        assert_eq!(m.quotes.len(), 2, "q1 is in both, once");
        assert_eq!(m.events.len(), 2);
        assert_eq!(m.speakers.len(), 2);
        assert_eq!(m.topics.len(), 1);
        assert_eq!(m.topics[0].name, "Water", "the first name is kept");
        assert_eq!(m.speaker("mara").unwrap().role, "Deputy mayor", "newest");
        assert_eq!(m.index.timeline.len(), 2);
        assert_eq!(m.events[m.index.timeline[0]].id, "e1", "date order");
        let q1 = m.index.quote_by_id["q1"];
        assert_eq!(lib.quote_tag(q1), "03-02", "entered the story on 03-02");
        assert_eq!(lib.quote_later_tags(q1), "03-09");
        assert_eq!(lib.origins.quotes[q1].member, 0, "the newest version");
        assert!(m.meta.title.contains("Story of 2 briefings"));
    }

    #[test]
    fn histories_and_stances() {
        let m = merge(&two());
        let lib = m.library().unwrap();
        let mara = m.index.speaker_by_id["mara"];
        let roles: Vec<&str> = lib.roles[mara].iter().map(|r| r.role.as_str()).collect();
        assert_eq!(roles, ["Deputy mayor", "Harbour warden"], "newest first");
        assert!(!lib.role_changed(m.index.speaker_by_id["ilo"]));
        let q1 = m.index.quote_by_id["q1"];
        assert_eq!(lib.quote_role(mara, q1).unwrap().role, "Harbour warden");
        assert!(
            m.citation(q1).contains("Mara, Harbour warden"),
            "a quote is credited with the role its speaker had then: {}",
            m.citation(q1)
        );
        assert_eq!(
            lib.status_line(0).as_deref(),
            Some("open 03-02 → narrowing 03-09")
        );
        let d = &m.disagreements[0];
        assert_eq!(d.status, Status::Narrowing);
        assert_eq!(d.positions[0].speaker, "ilo", "the newest version's order");
        assert_eq!(d.positions[0].stance, "Raise it a metre");
        let ilo: Vec<&str> = lib.stances[0][0]
            .iter()
            .map(|s| s.stance.as_str())
            .collect();
        assert_eq!(ilo, ["Raise it a metre", "Leave it"], "earlier stance kept");
        assert_eq!(
            lib.stances[0][1].len(),
            1,
            "an unchanged stance is one step"
        );
    }

    #[test]
    fn warnings_name_the_other_file_and_locate_in_this_one() {
        let m = merge(&two());
        let w = &m.library().unwrap().warnings;
        assert_eq!(w.len(), 2, "{w:#?}");
        assert!(w.iter().all(|w| w.path == Path::new("b.toml")));
        let topic = w.iter().find(|w| w.array == "topics").unwrap();
        assert!(
            topic
                .message
                .contains("`Flooding` here but `Water` in a.toml")
        );
        let role = w.iter().find(|w| w.array == "speakers").unwrap();
        assert!(
            role.message.contains("`Harbour warden` in a.toml"),
            "{}",
            role.message
        );
        let d = role.diagnostic(Some(SECOND));
        assert_eq!(d.severity, Severity::Warning);
        let at = d.location.unwrap();
        assert_eq!(
            SECOND.lines().nth(at.line - 1).unwrap(),
            "role = \"Deputy mayor\""
        );
    }

    #[test]
    fn tags_are_dates_or_ids_when_dates_collide() {
        let at = |id: &str, date: &str| {
            let text = FIRST
                .replace("id = \"a\"", &format!("id = \"{id}\""))
                .replace("as_of = 2031-03-02", &format!("as_of = {date}"));
            Briefing::parse(Path::new(&format!("{id}.toml")), &text).unwrap()
        };
        let m = merge(&[
            at("x", "2031-03-02"),
            at("y", "2031-03-02"),
            at("z", "2031-04-01"),
        ]);
        let tags: Vec<&str> = (m.library().unwrap().members.iter())
            .map(|m| m.tag.as_str())
            .collect();
        assert_eq!(tags, ["x", "y", "04-01"]);
        // Ids shared too: the file names.
        let (mut x, mut y) = (at("x", "2031-03-02"), at("x", "2031-03-02"));
        x.path = "dir/first.toml".into();
        y.path = "dir/second.toml".into();
        let m = merge(&[x.clone(), y, x]);
        let tags: Vec<&str> = (m.library().unwrap().members.iter())
            .map(|m| m.tag.as_str())
            .collect();
        assert_eq!(tags, ["first#1", "second", "first#3"], "then the number");
        let m = merge(&[at("x", "2030-12-30"), at("y", "2031-01-02")]);
        let tags: Vec<&str> = (m.library().unwrap().members.iter())
            .map(|m| m.tag.as_str())
            .collect();
        assert_eq!(
            tags,
            ["2030-12-30", "2031-01-02"],
            "the year when they span years"
        );
    }

    #[test]
    fn one_briefing_merges_to_itself() {
        let b = &two()[1];
        let m = merge(std::slice::from_ref(b));
        assert_eq!(m.meta.title, "First");
        assert_eq!(m.quotes.len(), b.quotes.len());
        assert!(m.library().unwrap().warnings.is_empty());
    }
}
