//! The Timeline chart (`C`) with 100,000 quotes against 1,000, each figure
//! next to its baseline in the same run (docs/PERFORMANCE.md):
//!
//!     cargo bench --features synthetic --bench chart
//!
//! Groups: chart_frame (the chart zoomed to a 200×50 screen: the axis, the
//! bars and marks from the per-day places, the period's events), screen_frame
//! (the whole 200×50 screen with the chart focused: the other panes show the
//! cursor's period), chart_key (a day left and back: the cursor moves and
//! every pane is narrowed to its new period).

use std::path::Path;

#[path = "../tests/support/mod.rs"]
mod support;

use briefing::app::{Action, App};
use briefing::model::Briefing;
use briefing::synthetic::generate;
use briefing::ui::Context;
use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const SIZES: [usize; 2] = [1_000, 100_000];

/// A reader on `n` generated quotes, 200×50, the chart on and focused,
/// the whole year set as the date filter (`gvGv`): with 1,000 quotes as
/// with 100,000 the chart's list of events and the other panes are full,
/// so the two frames draw as much text.
fn chart_app(n: usize, zoomed: bool) -> App {
    let b = Briefing::parse(Path::new("synthetic.toml"), &generate(n)).expect("valid");
    let mut app = support::app_with(vec![b], Vec::new());
    app.update(Action::Resize(200, 50));
    support::press(&mut app, if zoomed { "CgvGvz" } else { "CgvGv" });
    app
}

fn frames(c: &mut Criterion) {
    let theme = support::theme(false);
    let ctx = Context { theme: &theme };
    for (group, zoomed) in [("chart_frame_200x50", true), ("screen_frame_200x50", false)] {
        let mut g = c.benchmark_group(group);
        for n in SIZES {
            let app = chart_app(n, zoomed);
            let mut terminal = Terminal::new(TestBackend::new(200, 50)).unwrap();
            g.bench_function(format!("{n}_quotes"), |b| {
                b.iter(|| support::full_frame(&mut terminal, &app, &ctx))
            });
        }
        g.finish();
    }
}

fn chart_key(c: &mut Criterion) {
    let mut g = c.benchmark_group("chart_key");
    for n in SIZES {
        let mut app = chart_app(n, false);
        let keys = |k: &str| briefing::keys::parse_sequence(k).unwrap();
        let (left, right) = (keys("h"), keys("l"));
        let (left, right) = (
            app.action_for(&left[0]).unwrap(),
            app.action_for(&right[0]).unwrap(),
        );
        // Left then right: the same work every iteration.
        g.bench_function(format!("{n}_quotes"), |b| {
            b.iter(|| {
                app.update(left.clone());
                app.update(right.clone());
            })
        });
    }
    g.finish();
}

criterion_group!(benches, frames, chart_key);
criterion_main!(benches);
