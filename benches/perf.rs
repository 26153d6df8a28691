//! Performance, each figure next to its baseline in the same run (see
//! docs/PERFORMANCE.md for the targets and the measured ratios):
//!
//!     cargo bench --features synthetic --bench perf
//!
//! Groups: load (10 MB, and growth 10k → 100k quotes), frame (200×50 with 100k
//! vs 100 quotes), move (a key at the end vs the top of a 100k list), search
//! (one keystroke vs a plain substring pass; also case-sensitive, folded, in
//! the `&` filter and in the `:` results), filter (a topic toggle vs the
//! same pass), check_refs (50,000 misspelled references vs 5,000, next to the
//! same files with every reference right), detail (the detail of a speaker
//! with 1,000,000 quotes vs 100,000 and 100: its links and one frame).
//!
//! One group: `cargo bench --features synthetic --bench perf -- check_refs`.

use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

#[path = "../tests/support/mod.rs"]
mod support;

use briefing::app::popup::links;
use briefing::app::{Action, App, Pane, Popup, Target};
use briefing::diag::Suggester;
use briefing::model::Briefing;
use briefing::synthetic::generate;
use briefing::ui::{self, Context};
use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn parse(text: &str) -> Briefing {
    Briefing::parse(Path::new("synthetic.toml"), text).expect("generated briefings are valid")
}

fn app(n: usize) -> App {
    let mut app = support::app_with(vec![parse(&generate(n))], Vec::new());
    app.update(Action::Resize(200, 50));
    app
}

/// The quotes' texts with a substring test, as plain as it gets.
fn plain_pass(b: &Briefing, needle: &str) -> usize {
    b.quotes.iter().filter(|q| q.text.contains(needle)).count()
}

/// A full frame: forget what is on screen, draw everything.
fn full_frame(terminal: &mut Terminal<TestBackend>, app: &App, ctx: &Context) {
    terminal.swap_buffers();
    terminal.swap_buffers();
    terminal.draw(|f| ui::draw(f, black_box(app), ctx)).unwrap();
}

fn load(c: &mut Criterion) {
    // About 10 MB: 40,000 quotes.
    let ten_mb = generate(40_000);
    let mut g = c.benchmark_group("load");
    g.sample_size(10).measurement_time(Duration::from_secs(10));
    g.bench_function("briefing_10mb", |b| b.iter(|| parse(black_box(&ten_mb))));
    g.bench_function("baseline_toml_table_10mb", |b| {
        b.iter(|| toml::from_str::<toml::Table>(black_box(&ten_mb)).unwrap())
    });
    let small = generate(10_000);
    let large = generate(100_000);
    g.bench_function("briefing_10k_quotes", |b| {
        b.iter(|| parse(black_box(&small)))
    });
    g.bench_function("briefing_100k_quotes", |b| {
        b.iter(|| parse(black_box(&large)))
    });
    // For context: how the untyped parse itself grows.
    g.bench_function("baseline_toml_table_10k_quotes", |b| {
        b.iter(|| toml::from_str::<toml::Table>(black_box(&small)).unwrap())
    });
    g.bench_function("baseline_toml_table_100k_quotes", |b| {
        b.iter(|| toml::from_str::<toml::Table>(black_box(&large)).unwrap())
    });
    g.finish();
    eprintln!(
        "load input sizes: 10 MB case {} bytes, 10k {} bytes, 100k {} bytes",
        ten_mb.len(),
        small.len(),
        large.len()
    );
}

fn frame(c: &mut Criterion) {
    let theme = support::theme(false);
    let ctx = Context { theme: &theme };
    let mut g = c.benchmark_group("frame_200x50");
    // 100 quotes leave the Timeline and Disagreements panes part empty (5
    // events, 2 disagreements); 10,000 fill every pane, as 100,000 do.
    for n in [100, 10_000, 100_000] {
        let app = app(n);
        let mut terminal = Terminal::new(TestBackend::new(200, 50)).unwrap();
        g.bench_function(format!("{n}_quotes"), |b| {
            b.iter(|| full_frame(&mut terminal, &app, &ctx))
        });
    }
    g.finish();
}

fn move_key(c: &mut Criterion) {
    let mut g = c.benchmark_group("move_100k");
    let mut top = app(100_000);
    top.update(Action::Focus(Pane::Quotes));
    let mut end = top.clone();
    end.update(Action::Bottom);
    // Up then Down keeps the selection where it is, so every iteration does the same work.
    g.bench_function("at_top", |b| {
        b.iter(|| {
            top.update(Action::Down);
            top.update(Action::Up);
        })
    });
    g.bench_function("at_end", |b| {
        b.iter(|| {
            end.update(Action::Up);
            end.update(Action::Down);
        })
    });
    g.finish();
}

fn search(c: &mut Criterion) {
    let mut g = c.benchmark_group("search_100k");
    g.sample_size(20);
    let mut app = app(100_000);
    app.update(Action::Focus(Pane::Quotes));
    app.update(Action::Search);
    for ch in "zq".chars() {
        app.update(Action::Input(ch));
    }
    let needle = "zqx";
    // One keystroke of a query that matches nothing: every row is tested.
    g.bench_function("keystroke", |b| {
        b.iter(|| {
            app.update(Action::Input('x'));
            app.update(Action::DeleteChar);
        })
    });
    // The same with an uppercase letter (case-sensitive, its own folded
    // corpus) and with a curly apostrophe (folded to ').
    for (name, typed) in [("keystroke_cased", "Zq"), ("keystroke_folded", "z’")] {
        let mut app = app_typing(&app, "/", typed);
        g.bench_function(name, |b| {
            b.iter(|| {
                app.update(Action::Input('x'));
                app.update(Action::DeleteChar);
            })
        });
    }
    // A keystroke in the `&` filter (the rows are recomputed and narrowed)
    // and in the `:` results (every item of every kind tested).
    let mut filtering = app_typing(&app, "&", "zq");
    g.bench_function("filter_keystroke", |b| {
        b.iter(|| {
            filtering.update(Action::Input('x'));
            filtering.update(Action::DeleteChar);
        })
    });
    let mut results = app_typing(&app, ":", "zq");
    g.bench_function("results_keystroke", |b| {
        b.iter(|| {
            results.update(Action::Input('x'));
            results.update(Action::DeleteChar);
        })
    });
    let briefing = app.briefing().clone();
    g.bench_function("baseline_substring_pass_x2", |b| {
        b.iter(|| {
            (
                plain_pass(&briefing, black_box(needle)),
                plain_pass(&briefing, black_box("zq")),
            )
        })
    });
    g.finish();
}

/// A copy of `app` (its search line closed) with `typed` typed after `key`.
fn app_typing(app: &App, key: &str, typed: &str) -> App {
    let mut app = app.clone();
    app.update(Action::Back);
    support::press(&mut app, key);
    for ch in typed.chars() {
        app.update(Action::Input(ch));
    }
    app
}

fn filter(c: &mut Criterion) {
    let mut g = c.benchmark_group("filter_100k");
    g.sample_size(20);
    let mut app = app(100_000);
    // Toggle the first topic on and off: two filter changes per iteration.
    g.bench_function("topic_toggle_x2", |b| {
        b.iter(|| {
            for _ in 0..2 {
                app.update(Action::TopicPicker);
                app.update(Action::Toggle);
                app.update(Action::Confirm);
            }
        })
    });
    let briefing = app.briefing().clone();
    g.bench_function("baseline_substring_pass_x2", |b| {
        b.iter(|| {
            (
                plain_pass(&briefing, black_box("zqx")),
                plain_pass(&briefing, black_box("zqx")),
            )
        })
    });
    g.finish();
}

fn check_refs(c: &mut Criterion) {
    let mut g = c.benchmark_group("check_refs");
    g.sample_size(10).measurement_time(Duration::from_secs(10));
    for n in [5_000, 50_000] {
        let wrong = support::generate::references(n, false);
        let right = support::generate::references(n, true);
        g.bench_function(format!("misspelled_{n}"), |b| {
            b.iter(|| {
                let problems = Briefing::parse(Path::new("refs.toml"), black_box(&wrong));
                assert_eq!(problems.map_err(|d| d.len()).err(), Some(n));
            })
        });
        // The suggestions alone: a suggester over the n ids, asked for each
        // misspelling once.
        let ids: Vec<String> = (0..n).map(|i| format!("speaker-{i}")).collect();
        let typos: Vec<String> = (0..n).map(|i| format!("spaeker-{i}")).collect();
        g.bench_function(format!("suggestions_only_{n}"), |b| {
            b.iter(|| {
                let mut s = Suggester::new(ids.iter().map(String::as_str));
                let found = typos.iter().filter(|t| s.closest(t).is_some()).count();
                assert_eq!(found, n);
            })
        });
        // The same file with every reference right: reading and indexing alone.
        g.bench_function(format!("baseline_right_{n}"), |b| {
            b.iter(|| parse(black_box(&right)))
        });
    }
    g.finish();
}

fn detail(c: &mut Criterion) {
    let theme = support::theme(false);
    let ctx = Context { theme: &theme };
    let mut g = c.benchmark_group("detail");
    for n in [100, 100_000, 1_000_000] {
        // Loading is not measured: only the links and one frame of the detail.
        let mut app = support::app_with(
            vec![parse(&support::generate::one_speaker_many_quotes(n))],
            Vec::new(),
        );
        app.update(Action::Resize(200, 50));
        support::press(&mut app, "2<Enter>");
        assert!(matches!(app.popups(), [Popup::Detail { .. }]));
        let mut terminal = Terminal::new(TestBackend::new(200, 50)).unwrap();
        g.bench_function(format!("speaker_{n}_quotes"), |b| {
            b.iter(|| {
                let count = links(app.briefing(), Target::Speaker(0)).len();
                assert_eq!(count, n);
                full_frame(&mut terminal, &app, &ctx);
            })
        });
    }
    g.finish();
}

criterion_group!(
    benches, load, frame, move_key, search, filter, check_refs, detail
);
criterion_main!(benches);
