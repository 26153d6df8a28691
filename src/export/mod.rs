//! Exports of a loaded briefing for scripts (JSON) and for reading (Markdown).

pub mod json;
pub mod markdown;
