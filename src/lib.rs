//! briefing: a terminal reader for structured news briefings.

pub mod export;
pub mod model;
pub mod report;
pub mod schema;
pub mod text;
