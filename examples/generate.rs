//! Writes a synthetic, valid format-v1 briefing to stdout (see
//! `briefing::synthetic`):
//!
//!     cargo run --release --features synthetic --example generate -- 100000 > /tmp/briefing-100k.toml
//!
//! N quotes (default 1000), N/10 speakers, N/20 events, N/50 disagreements.

use std::io::Write as _;

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(1000);
    let text = briefing::synthetic::generate(n);
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
}
