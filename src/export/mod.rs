//! Exports of a loaded briefing for scripts (JSON), for reading (Markdown)
//! and of one item for the clipboard (snippets).

pub mod citations;
pub mod json;
pub mod library;
pub mod markdown;
pub mod matrix_table;
pub mod proof;
pub mod snippet;
