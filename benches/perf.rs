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
//! with 1,000,000 quotes vs 100,000 and 100: its links and one frame),
//! verify (10,000 quotes against a 5 MB archived source vs one `memmem`
//! pass per quote; 100× growth; many places of one short quote), library
//! (1,000 briefings loaded on one thread vs every core, to the first frame).
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
use briefing::model::provenance::{self, Normal, squeeze};
use briefing::model::{Briefing, Progress, QuoteKind, load_paths_on};
use briefing::synthetic::generate;
use briefing::ui::Context;
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
            b.iter(|| support::full_frame(&mut terminal, &app, &ctx))
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
                support::full_frame(&mut terminal, &app, &ctx);
            })
        });
    }
    g.finish();
}

/// A deterministic stream of numbers (xorshift), for the synthetic source.
struct Seq(u64);

impl Seq {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

/// About `bytes` of English-like text from a vocabulary of 2,000 made-up
/// words, in lines of about 80 characters and paragraphs of 6 lines.
fn synthetic_archive(bytes: usize) -> String {
    let mut seq = Seq(0x5eed_1234_abcd_9876);
    let syllables = [
        "ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "pe", "da", "gri", "tor", "el", "an", "us",
        "ber", "qui", "zo", "fa", "hem",
    ];
    // 2,000 different words of two or three syllables.
    let words: Vec<String> = (0..2000)
        .map(|i| {
            let mut w = format!("{}{}", syllables[i % 20], syllables[i / 20 % 20]);
            if i >= 400 {
                w.push_str(syllables[i / 400]);
            }
            w
        })
        .collect();
    let mut out = String::with_capacity(bytes + 100);
    let (mut line, mut lines) = (0, 0);
    while out.len() < bytes {
        let w = &words[seq.below(words.len())];
        out.push_str(w);
        line += w.len() + 1;
        if seq.below(12) == 0 {
            out.push_str(if seq.below(2) == 0 { "," } else { "." });
        }
        if line > 80 {
            line = 0;
            lines += 1;
            out.push_str(if lines % 6 == 0 { "\n\n" } else { "\n" });
        } else {
            out.push(' ');
        }
    }
    out
}

/// A briefing of `n` quotes citing `archived` (whose digest is `sha256`):
/// direct quotes copied from random places of `archive` (8 to 20 words, line
/// breaks as spaces), one in 10 with a prefix, one in 5 reported with a
/// prefix and suffix; `mistyped` of the direct ones with a letter dropped.
fn citing_briefing(archive: &str, archived: &str, n: usize, mistyped: usize) -> String {
    use std::fmt::Write as _;
    let mut seq = Seq(0x0bad_cafe_f00d_1234);
    let words: Vec<(usize, usize)> = {
        let mut v = Vec::new();
        let mut start = None;
        for (i, c) in archive.char_indices() {
            match (c.is_whitespace(), start) {
                (false, None) => start = Some(i),
                (true, Some(s)) => {
                    v.push((s, i));
                    start = None;
                }
                _ => {}
            }
        }
        v
    };
    let sha = briefing::model::provenance::sha256(archive);
    let mut out = format!(
        "format = 1\n\n[briefing]\nid = \"synthetic\"\ntitle = \"Synthetic\"\n\
         as_of = 2031-01-01\nsummary = \"Quotes from a synthetic source.\"\n\n\
         [[sources]]\nid = \"src\"\narchived = \"{archived}\"\nsha256 = \"{sha}\"\n\n\
         [[speakers]]\nid = \"s\"\nname = \"S\"\nrole = \"R\"\n"
    );
    let squeeze = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    for i in 0..n {
        let len = 8 + seq.below(13);
        let w = 3 + seq.below(words.len() - len - 6);
        let text = squeeze(&archive[words[w].0..words[w + len - 1].1]);
        let _ = write!(
            out,
            "\n[[quotes]]\nid = \"q{i}\"\nspeaker = \"s\"\nat = 2031-01-01\nsource = \"src\"\n"
        );
        let prefix = squeeze(&archive[words[w - 3].0..words[w - 1].1]);
        let suffix = squeeze(&archive[words[w + len].0..words[w + len + 2].1]);
        if i % 5 == 4 {
            let _ = write!(
                out,
                "kind = \"reported\"\ntext = \"A paraphrase.\"\nprefix = \"{prefix}\"\n\
                 suffix = \"{suffix}\"\n"
            );
        } else if i < mistyped * 5 && i % 5 == 0 {
            let mut t = text.clone();
            t.remove(t.len() / 2);
            let _ = writeln!(out, "text = \"{t}\"");
        } else {
            let _ = writeln!(out, "text = \"{text}\"");
            if i % 10 == 1 {
                let _ = writeln!(out, "prefix = \"{prefix}\"");
            }
        }
    }
    out
}

/// The archive and a briefing of `n` quotes citing it, written to a
/// temporary folder; the briefing parsed.
fn verify_setup(archive: &str, n: usize, mistyped: usize) -> (tempfile::TempDir, Briefing, String) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("source.txt"), archive).unwrap();
    let text = citing_briefing(archive, "source.txt", n, mistyped);
    let path = dir.path().join("b.toml");
    std::fs::write(&path, &text).unwrap();
    let b = Briefing::parse(&path, &text).expect("the synthetic briefing is valid");
    (dir, b, text)
}

/// One plain substring pass over the normalised archive per direct quote.
fn memmem_per_quote(b: &Briefing, archive: &str) -> usize {
    let normal = Normal::new(archive);
    b.quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::Direct)
        .filter(|q| {
            memchr::memmem::find(normal.text.as_bytes(), squeeze(&q.text).as_bytes()).is_some()
        })
        .count()
}

fn verify(c: &mut Criterion) {
    let archive = synthetic_archive(5 * 1024 * 1024);
    let mut g = c.benchmark_group("verify");
    g.sample_size(10).measurement_time(Duration::from_secs(10));
    let (_dir, mut b, text) = verify_setup(&archive, 10_000, 10);
    let diagnostics = provenance::verify_in(&mut b, &text, &[], None);
    let summary = provenance::Summary::of(&b.provenance);
    assert_eq!(summary.verbatim + summary.located + summary.failed, 10_000);
    assert_eq!(summary.failed, 10, "{diagnostics:?}");
    g.bench_function("verify_10k_quotes_5mb", |bench| {
        bench.iter(|| provenance::verify_in(black_box(&mut b), &text, &[], None))
    });
    g.bench_function("memmem_per_quote_10k_5mb", |bench| {
        bench.iter(|| memmem_per_quote(black_box(&b), &archive))
    });
    // Growth: 100 times the quotes.
    for n in [1_000, 100_000] {
        let (_dir, mut b, text) = verify_setup(&archive, n, 0);
        g.bench_function(format!("verify_{n}_quotes_5mb"), |bench| {
            bench.iter(|| provenance::verify_in(black_box(&mut b), &text, &[], None))
        });
    }
    // Many places of one short quote: 100,000 quotes of two words that occur
    // thousands of times each, half of them with a prefix.
    let words: Vec<&str> = archive.split_whitespace().take(200).collect();
    let mut many = String::from(
        "format = 1\n\n[briefing]\nid = \"many\"\ntitle = \"Many\"\nas_of = 2031-01-01\n\
         summary = \"s\"\n\n[[sources]]\nid = \"src\"\narchived = \"source.txt\"\n\n\
         [[speakers]]\nid = \"s\"\nname = \"S\"\nrole = \"R\"\n",
    );
    for i in 0..100_000 {
        let pair = format!("{} {}", words[i % 7 * 2], words[i % 7 * 2 + 1]);
        many.push_str(&format!(
            "\n[[quotes]]\nid = \"q{i}\"\nspeaker = \"s\"\nat = 2031-01-01\n\
             source = \"src\"\ntext = \"{}\"\n",
            words[i % 50]
        ));
        if i % 2 == 0 {
            many.push_str(&format!("prefix = \"{pair}\"\n"));
        }
    }
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("source.txt"), &archive).unwrap();
    let path = dir.path().join("many.toml");
    let mut b = Briefing::parse(&path, &many).expect("valid");
    g.bench_function("verify_100k_quotes_of_one_word", |bench| {
        bench.iter(|| provenance::verify_in(black_box(&mut b), &many, &[], None))
    });
    g.finish();
}

/// A library of 1,000 briefings of 100 quotes each, loaded on one thread
/// (as before loading was parallel) and on every core; and the time to the
/// first frame of the reader on it either way.
fn library(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    for (name, text) in briefing::synthetic::library(1000, 100) {
        std::fs::write(dir.path().join(name), text).expect("a writable folder");
    }
    let paths = [dir.path().to_path_buf()];
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    eprintln!("library: 1,000 briefings of 100 quotes, {cores} cores");
    let theme = support::theme(false);
    let ctx = Context { theme: &theme };
    let mut g = c.benchmark_group("library_1000");
    g.sample_size(10).measurement_time(Duration::from_secs(20));
    for threads in [1, cores] {
        g.bench_function(format!("load_{threads}_threads"), |b| {
            b.iter(|| load_paths_on(black_box(&paths), &[], &Progress::default(), threads))
        });
        let mut terminal = Terminal::new(TestBackend::new(200, 50)).unwrap();
        g.bench_function(format!("first_frame_{threads}_threads"), |b| {
            b.iter(|| {
                let report = load_paths_on(black_box(&paths), &[], &Progress::default(), threads);
                let mut app = support::app_with(report.briefings, report.failures);
                app.update(Action::Resize(200, 50));
                support::full_frame(&mut terminal, &app, &ctx);
            })
        });
    }
    g.finish();
    // The story view of the same library (100,000 quotes merged) against
    // one briefing of 100,000 quotes (every pane full in both): a frame,
    // and a move key at the end of the Quotes pane.
    let report = load_paths_on(&paths, &[], &Progress::default(), cores);
    let mut story = support::app_with(report.briefings, report.failures);
    story.update(Action::Resize(200, 50));
    story.start_in_story();
    let mut single = app(100_000);
    // And the story view of a library of 10 such briefings (1,000 quotes):
    // the same rows, tags and histories on screen, a hundredth of the items.
    let small_dir = tempfile::tempdir().expect("a temporary folder");
    for (name, text) in briefing::synthetic::library(10, 100) {
        std::fs::write(small_dir.path().join(name), text).expect("a writable folder");
    }
    let small = load_paths_on(
        &[small_dir.path().to_path_buf()],
        &[],
        &Progress::default(),
        cores,
    );
    let mut small = support::app_with(small.briefings, small.failures);
    small.update(Action::Resize(200, 50));
    small.start_in_story();
    assert_eq!(story.briefing().quotes.len(), 100_000);
    let mut g = c.benchmark_group("story_1000");
    for (name, app) in [
        ("one_briefing_100k", &mut single),
        ("story_of_10", &mut small),
        ("story", &mut story),
    ] {
        let mut terminal = Terminal::new(TestBackend::new(200, 50)).unwrap();
        g.bench_function(format!("frame_{name}"), |b| {
            b.iter(|| support::full_frame(&mut terminal, app, &ctx))
        });
        app.update(Action::Focus(Pane::Quotes));
        app.update(Action::Bottom);
        g.bench_function(format!("move_at_end_{name}"), |b| {
            b.iter(|| {
                app.update(Action::Up);
                app.update(Action::Down);
            })
        });
    }
    g.finish();
}

criterion_group!(
    benches, load, frame, move_key, search, filter, check_refs, detail, verify, library
);
criterion_main!(benches);
