//! The chart's frames with 1,000 and 100,000 quotes drawn in turn, 50 at a
//! time for 60 rounds, so that a busy machine slows both alike; prints the
//! median time of each and their ratio (and at the 25th percentile):
//!
//!     cargo bench --features synthetic --bench chart_interleaved
//!
//! Scenarios: the chart zoomed with the whole year as the date filter (the
//! same amount of text either way), the whole screen so, and the chart
//! zoomed on a month (its list then holds 4 events with 1,000 quotes, a
//! full screen of them with 100,000).

#[path = "../tests/support/mod.rs"]
mod support;
use briefing::app::{Action, App};
use briefing::model::Briefing;
use briefing::ui::{self, Context};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::time::Instant;
fn chart_app(n: usize, keys: &str) -> App {
    let b = Briefing::parse(
        std::path::Path::new("s.toml"),
        &briefing::synthetic::generate(n),
    )
    .unwrap();
    let mut app = support::app_with(vec![b], Vec::new());
    app.update(Action::Resize(200, 50));
    support::press(&mut app, keys);
    app
}
/// Medians of interleaved runs, printed.
fn main() {
    let theme = support::theme(false);
    let ctx = Context { theme: &theme };
    for keys in [
        "CgvGvz",
        "CgvGv",
        "Cg<ctrl-d><ctrl-d><ctrl-d><ctrl-d><ctrl-d>z",
    ] {
        let apps = [chart_app(1_000, keys), chart_app(100_000, keys)];
        let mut t = [vec![], vec![]];
        let mut term = Terminal::new(TestBackend::new(200, 50)).unwrap();
        for _round in 0..60 {
            for (i, app) in apps.iter().enumerate() {
                let start = Instant::now();
                for _ in 0..50 {
                    term.swap_buffers();
                    term.swap_buffers();
                    term.draw(|f| ui::draw(f, std::hint::black_box(app), &ctx))
                        .unwrap();
                }
                t[i].push(start.elapsed().as_secs_f64() / 50.0 * 1e6);
            }
        }
        for v in &mut t {
            v.sort_by(|a, b| a.partial_cmp(b).unwrap());
        }
        let (a, b) = (t[0][30], t[1][30]);
        println!(
            "{keys:?}: 1k {a:.0} µs, 100k {b:.0} µs, ratio {:.2} (p25 {:.2})",
            b / a,
            t[1][15] / t[0][15]
        );
    }
}
