//! Reload latency: from the save of a 100-quote briefing to the new frame
//! (the file written and renamed over the old one, as vim saves; the
//! watcher notices, the watch thread loads it again, the app takes the
//! reload, a frame is drawn into a test backend), with file events and with
//! polling, next to its floor in the same run: loading and drawing the same
//! file with no watcher.
//!
//!     cargo bench --features synthetic --bench reload
//!
//! Each save comes after a quarter-second pause (not timed), as people
//! save: back to back, a save can land while the debouncer still holds the
//! last reload's own reads of the file, and is seen early. Polling's figure
//! is then the mean wait for the next look (half the interval) plus the
//! reload. The reader's loop looks for a reload between keys at most every
//! 20 ms, which this does not include (it waits on the reload directly).

use std::path::Path;
use std::time::{Duration, Instant};

#[path = "../tests/support/mod.rs"]
mod support;

use briefing::app::{Action, App};
use briefing::event_loop::Live;
use briefing::model::{self, Briefing};
use briefing::synthetic::generate;
use briefing::ui::{self, Context};
use briefing::watch::Method;
use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// Writes `text` to `path` through a new file renamed over it.
fn save(path: &Path, text: &str) {
    let tmp = path.with_extension("toml.swp");
    std::fs::write(&tmp, text).unwrap();
    std::fs::rename(&tmp, path).unwrap();
}

fn draw(terminal: &mut Terminal<TestBackend>, app: &App, ctx: &Context) {
    terminal.draw(|f| ui::draw(f, app, ctx)).unwrap();
}

fn reload(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("b.toml");
    let text = generate(100);
    // Two versions of the same size, so every save changes the text.
    let versions = [text.clone(), text.replacen("title = \"", "title = \"X", 1)];
    let titles: Vec<String> = (versions.iter())
        .map(|v| Briefing::parse(&path, v).unwrap().meta.title)
        .collect();
    let mut stale = 0usize;
    assert_ne!(versions[0], versions[1]);
    std::fs::write(&path, &versions[0]).unwrap();
    let theme = support::theme(true);
    let ctx = Context { theme: &theme };

    let mut group = c.benchmark_group("reload");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(5));
    for (name, method) in [
        ("save_to_frame_events", None),
        ("save_to_frame_polling", Some(Method::Polling)),
    ] {
        let live = Live::start(std::slice::from_ref(&path), &[], method);
        let b = Briefing::parse(&path, &versions[0]).unwrap();
        let mut app = support::app_with(vec![b], Vec::new());
        let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
        draw(&mut terminal, &app, &ctx);
        let mut n = 0usize;
        group.bench_function(name, |bench| {
            bench.iter_custom(|iters| {
                let mut total = Duration::ZERO;
                for _ in 0..iters {
                    n += 1;
                    // A save after a pause, as people save: the watcher
                    // idle (the last reload's own reads of the file settled),
                    // nothing left over from the last save counted.
                    std::thread::sleep(Duration::from_millis(250));
                    while live.try_reload().is_some() {}
                    let start = Instant::now();
                    save(&path, &versions[n % 2]);
                    // The reload of this save: the version just written.
                    let reload = loop {
                        let r = live
                            .wait_reload(Duration::from_secs(10))
                            .expect("a reload within 10 s");
                        if r.report
                            .briefings
                            .first()
                            .is_some_and(|b| b.meta.title == titles[n % 2])
                        {
                            break r;
                        }
                        stale += 1;
                    };
                    app.update(Action::Reloaded(Box::new(reload)));
                    draw(&mut terminal, &app, &ctx);
                    total += start.elapsed();
                }
                total
            })
        });
        eprintln!("{name}: {stale} reloads of an earlier save skipped");
        stale = 0;
    }
    // The floor: the same save, load and frame with nothing to wait for.
    let mut app = support::app_with(
        vec![Briefing::parse(&path, &versions[0]).unwrap()],
        Vec::new(),
    );
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    let mut n = 0usize;
    group.bench_function("save_load_frame_no_watcher", |bench| {
        bench.iter(|| {
            n += 1;
            save(&path, &versions[n % 2]);
            let report = model::load_paths(std::slice::from_ref(&path));
            app.update(Action::Reloaded(Box::new(briefing::app::Reload {
                changed: vec![path.clone()],
                removed: Vec::new(),
                report,
            })));
            draw(&mut terminal, &app, &ctx);
        })
    });
    group.finish();
}

criterion_group!(benches, reload);
criterion_main!(benches);
