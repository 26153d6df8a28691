//! Exports of a loaded briefing for scripts (JSON), for reading (Markdown)
//! and of one item for the clipboard (snippets).

pub mod json;
pub mod markdown;
pub mod snippet;
