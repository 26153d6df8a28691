//! The stance matrix view: drawing it with 100,000 quotes against 1,000
//! (target: within 1.1×), in the corner of the matrix as at its start, and
//! a key moving the cursor, at both sizes, next to a key on the main screen.
//!
//!     cargo bench --features synthetic --bench matrix

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

/// A reader on `n` generated quotes with the matrix open, 120×40.
fn matrix_app(n: usize, keys: &str) -> App {
    let b = Briefing::parse(Path::new("synthetic.toml"), &generate(n)).expect("valid");
    let mut app = support::app_with(vec![b], Vec::new());
    app.update(Action::Resize(120, 40));
    support::press(&mut app, "m");
    support::press(&mut app, keys);
    app
}

fn draw(c: &mut Criterion) {
    let theme = support::theme(false);
    let ctx = Context { theme: &theme };
    let mut g = c.benchmark_group("matrix_frame_120x40");
    for (name, n, keys) in [
        ("1000_quotes", 1_000, ""),
        ("100000_quotes", 100_000, ""),
        ("1000_quotes_far_corner", 1_000, "G$"),
        ("100000_quotes_far_corner", 100_000, "G$"),
    ] {
        let app = matrix_app(n, keys);
        assert!(app.matrix_view().is_some());
        let m = &app.matrix_view().unwrap().matrix;
        eprintln!(
            "{name}: {} parties × {} disagreements",
            m.parties.len(),
            m.columns.len()
        );
        let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
        g.bench_function(name, |b| {
            b.iter(|| support::full_frame(&mut terminal, &app, &ctx))
        });
    }
    g.finish();
}

fn key(c: &mut Criterion) {
    let mut g = c.benchmark_group("matrix_key");
    for n in [1_000, 100_000] {
        let mut app = matrix_app(n, "jjjlll");
        // Right then Left leaves the cursor where it was.
        g.bench_function(format!("{n}_quotes"), |b| {
            b.iter(|| {
                app.update(Action::Right);
                app.update(Action::Left);
            })
        });
        // For comparison: the same two keys' worth on the main screen.
        let mut panes = matrix_app(n, "q");
        assert!(panes.matrix_view().is_none());
        g.bench_function(format!("{n}_quotes_main_screen"), |b| {
            b.iter(|| {
                panes.update(Action::Down);
                panes.update(Action::Up);
            })
        });
    }
    g.finish();
}

criterion_group!(benches, draw, key);
criterion_main!(benches);
