//! The baseline for load and start-up measurements: reads a file and parses it
//! into an untyped `toml::Table`, nothing else.
//!
//!     cargo run --release --example parse_only -- /tmp/briefing-100k.toml

fn main() {
    let path = std::env::args().nth(1).expect("usage: parse_only FILE");
    let text = std::fs::read_to_string(path).expect("readable UTF-8 file");
    let table: toml::Table = toml::from_str(&text).expect("valid TOML");
    println!("{} top-level keys", table.len());
}
