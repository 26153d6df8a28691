//! briefing: a terminal reader for structured news briefings.

pub mod app;
pub mod background;
pub mod clipboard;
pub mod config;
pub mod diag;
pub mod editor;
pub mod event_loop;
pub mod export;
pub mod headless;
mod input;
pub mod keys;
pub mod loading;
pub mod model;
pub mod schema;
pub mod state;
#[cfg(feature = "synthetic")]
pub mod synthetic;
pub mod terminal;
pub mod text;
pub mod ui;
pub mod watch;
