//! Keys: key notation ([`Key`], key names, key sequences) and the [`Keymap`].

pub mod keymap;
pub mod notation;

pub use keymap::{DEFAULT_KEYMAP, Keymap, KeymapError, Override, Place};
pub use notation::{Key, KeyError, parse_key, parse_sequence};
