//! The briefing format v1 as Rust types: what a briefing file holds.
//!
//! Field names here are the file format's contract (docs/FORMAT.md); the JSON
//! Schema in `assets/briefing.schema.json` is generated from these types.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::Moment;

/// The only format version this reader understands.
pub const FORMAT_VERSION: i64 = 1;

/// A whole briefing file, as written.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[schemars(
    title = "Briefing (format v1)",
    description = "A structured news briefing read by the `briefing` terminal reader.",
    deny_unknown_fields
)]
pub struct BriefingFile {
    /// Format version of this file. Must be 1.
    #[schemars(range(min = 1, max = 1))]
    pub format: i64,
    pub briefing: Meta,
    /// The published sources the briefing was written from; quotes cite them by id.
    #[serde(default)]
    pub sources: Vec<Source>,
    #[serde(default)]
    pub topics: Vec<Topic>,
    #[serde(default)]
    pub speakers: Vec<Speaker>,
    #[serde(default)]
    pub events: Vec<Event>,
    #[serde(default)]
    pub quotes: Vec<Quote>,
    #[serde(default)]
    pub disagreements: Vec<Disagreement>,
}

/// What the briefing is: title, date and summary.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Meta {
    #[schemars(pattern(r"^[a-z0-9-]+$"))]
    pub id: String,
    pub title: String,
    /// The date (or datetime) the briefing is current as of.
    pub as_of: Moment,
    pub summary: String,
    /// The outcome in a few lines.
    #[serde(default)]
    pub key_points: Vec<String>,
    /// The old place of the sources, before they had ids: still read, with
    /// a warning saying how to move them to `[[sources]]`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(extend("deprecated" = true))]
    pub sources: Vec<LegacySource>,
}

/// A published source the briefing was written from. Say only what is known:
/// every field but `id` is optional.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Source {
    /// The id quotes use to cite it (`source = "..."`).
    #[schemars(pattern(r"^[a-z0-9-]+$"))]
    pub id: String,
    /// The headline or title, when the source has one.
    pub title: Option<String>,
    /// Who published it.
    pub outlet: Option<String>,
    pub published: Option<Moment>,
    pub url: Option<String>,
    /// A local plain-text (UTF-8) copy of the source, relative to the briefing
    /// file; `briefing check` verifies quotes against it.
    pub archived: Option<String>,
    /// SHA-256 of the archived copy, 64 hex digits: proves the copy found is
    /// the one the briefing was written against.
    #[schemars(pattern(r"^[0-9a-fA-F]{64}$"))]
    pub sha256: Option<String>,
    /// The language of the source, as a BCP 47 tag such as `en` or `uk`.
    pub language: Option<String>,
}

/// A source in the old form, under `[briefing]`, without an id.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct LegacySource {
    pub title: String,
    pub outlet: Option<String>,
    pub published: Option<Moment>,
    pub url: Option<String>,
}

/// A subject a reader can filter by.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Topic {
    #[schemars(pattern(r"^[a-z0-9-]+$"))]
    pub id: String,
    pub name: String,
    pub description: Option<String>,
}

/// What kind of speaker: a person, or a body that speaks as one.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum SpeakerKind {
    /// A named person.
    #[default]
    Person,
    /// A company, party, alliance or other organisation ("Nato said").
    Organisation,
    /// A state or its government, where the source names no person ("Russia said").
    Government,
}

/// A person, organisation or government quoted or reported in the briefing.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Speaker {
    #[schemars(pattern(r"^[a-z0-9-]+$"))]
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub kind: SpeakerKind,
    /// What the speaker is: a person's office, or what an organisation does.
    /// May be left out for a government or organisation.
    #[serde(default)]
    pub role: String,
    pub affiliation: Option<String>,
    /// Other names the source uses for this person.
    #[serde(default)]
    pub aliases: Vec<String>,
}

/// Something that happened, placed on the timeline.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Event {
    #[schemars(pattern(r"^[a-z0-9-]+$"))]
    pub id: String,
    pub at: Moment,
    pub title: String,
    pub place: Option<String>,
    pub detail: Option<String>,
    /// Ids of the speakers taking part.
    #[serde(default)]
    pub speakers: Vec<String>,
    /// Ids of the topics the event touches.
    #[serde(default)]
    pub topics: Vec<String>,
}

/// Whether a quote is the speaker's own words or a statement reported by others.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// Verbatim words of the speaker.
    #[default]
    Direct,
    /// A statement the source reports without quoting it.
    Reported,
}

/// A statement attributed to a speaker.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Quote {
    #[schemars(pattern(r"^[a-z0-9-]+$"))]
    pub id: String,
    /// Id of the speaker who said it.
    pub speaker: String,
    /// Verbatim for a direct quote; a paraphrase for a reported statement.
    pub text: String,
    /// When it was said; for a reported statement with no date of its own, when it was reported.
    pub at: Moment,
    /// Where it was said: a programme, outlet or occasion.
    pub venue: Option<String>,
    /// Id of the event it was said at.
    pub event: Option<String>,
    #[serde(default)]
    pub topics: Vec<String>,
    #[serde(default)]
    pub kind: QuoteKind,
    /// Id of the speaker who reported the statement.
    pub reported_by: Option<String>,
    /// What the statement responds to, or how the source frames it.
    pub context: Option<String>,
    /// Id of the source it comes from.
    pub source: Option<String>,
    /// The words just before the quote in the source (a few are enough): pins
    /// the quote where its text occurs more than once, and shows context
    /// when the archived copy is not at hand. For a reported statement,
    /// `prefix` and `suffix` bracket the passage that reports it.
    pub prefix: Option<String>,
    /// The words just after the quote in the source.
    pub suffix: Option<String>,
}

/// How far a disagreement is from being settled.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize, JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Open,
    Narrowing,
    Resolved,
}

/// Whether named parties take sides, or the source raises a question that no
/// one answers against anyone else.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum DisagreementKind {
    /// Named parties hold positions that contradict each other.
    #[default]
    Dispute,
    /// An open question the source raises; positions, if any, are what each
    /// party has said about it, not sides.
    Question,
}

/// A question the parties still disagree on, or one still open.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Disagreement {
    #[schemars(pattern(r"^[a-z0-9-]+$"))]
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub kind: DisagreementKind,
    pub status: Status,
    #[serde(default)]
    pub topics: Vec<String>,
    pub summary: String,
    #[serde(default)]
    pub positions: Vec<Position>,
}

/// One party's stance in a disagreement.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Position {
    /// Id of the speaker holding this position.
    pub speaker: String,
    pub stance: String,
    /// Ids of the quotes that support the stance.
    #[serde(default)]
    pub quotes: Vec<String>,
    /// The stance in a few words, at most 6 words and 40 characters
    /// ("for", "against", "wants details first"), for views too narrow for
    /// the whole stance.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1, max = 40))]
    pub label: Option<String>,
}
