//! Writes synthetic, valid format-v1 briefings (see `briefing::synthetic`).
//!
//! One briefing to stdout:
//!
//!     cargo run --release --features synthetic --example generate -- 100000 > /tmp/briefing-100k.toml
//!
//! N quotes (default 1000), N/10 speakers, N/20 events, N/50 disagreements.
//!
//! A library of FILES briefings of N quotes each on one story, into DIR:
//!
//!     cargo run --release --features synthetic --example generate -- --library 1000 100 /tmp/library
//!
//! They share speakers (whose roles change now and then) and disagreements
//! (whose status moves on from one briefing to the next).

use std::io::Write as _;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--library") {
        let (Some(files), Some(n), Some(dir)) = (
            args.get(1).and_then(|a| a.parse().ok()),
            args.get(2).and_then(|a| a.parse().ok()),
            args.get(3),
        ) else {
            eprintln!("usage: generate --library FILES QUOTES DIR");
            std::process::exit(2);
        };
        std::fs::create_dir_all(dir).expect("the folder can be made");
        for (name, text) in briefing::synthetic::library(files, n) {
            std::fs::write(std::path::Path::new(dir).join(name), text).expect("writable folder");
        }
        return;
    }
    let n: usize = args.first().and_then(|a| a.parse().ok()).unwrap_or(1000);
    let text = briefing::synthetic::generate(n);
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
}
