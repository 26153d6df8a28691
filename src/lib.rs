//! briefing: a terminal reader for structured news briefings.

pub mod model;
pub mod text;
pub mod report;
pub mod export;
pub mod schema;
