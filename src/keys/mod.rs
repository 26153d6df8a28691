//! Keys: the [`Key`] type, the one key grammar for names and sequences, and
//! the [`Keymap`] with its modes.

mod key;
pub mod keymap;
mod parse;

pub use key::Key;
pub use keymap::{DEFAULT_KEYMAP, Keymap, KeymapError, Override, Place};
pub use parse::{KeyError, VALID_KEYS, parse_sequence};
