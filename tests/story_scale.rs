//! The library at scale: briefings of 100 synthetic quotes each, sharing
//! speakers, events and disagreements (ids) and not quotes, merged in time
//! linear in the items. `cargo test --release --test story_scale --
//! --ignored --nocapture` merges 1,000 of them and prints the time.

use std::path::Path;
use std::time::{Duration, Instant};

use briefing::model::Briefing;
use briefing::model::library::merge;

/// `n` briefings of 100 quotes, dated a day apart; every 3rd changes the
/// disagreements' status, and briefing 500 the speakers' roles.
fn library(n: usize) -> Vec<Briefing> {
    let text = briefing::synthetic::generate(100);
    let start = chrono::NaiveDate::from_ymd_opt(2020, 1, 1).unwrap();
    (0..n)
        .map(|k| {
            let mut t = text
                .replace("id = \"synthetic-100\"", &format!("id = \"lib-{k}\""))
                .replace(
                    "as_of = 2025-12-31",
                    &format!("as_of = {}", start + chrono::Days::new(k as u64)),
                )
                // Quote ids (and references to them) made distinct per briefing.
                .replace("\"q", &format!("\"b{k}-q"));
            let status = ["open", "narrowing", "resolved"][k % 3];
            for s in ["open", "narrowing", "resolved"] {
                t = t.replace(
                    &format!("status = \"{s}\""),
                    &format!("status = \"{status}\""),
                );
            }
            if k == n / 2 {
                t = t.replace("role = \"", "role = \"Acting ");
            }
            Briefing::parse(Path::new(&format!("b{k}.toml")), &t).unwrap()
        })
        .collect()
}

fn cpu_ticks() -> u64 {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").unwrap_or_default();
    let after = stat.rsplit(')').next().unwrap_or("");
    let f: Vec<&str> = after.split_whitespace().collect();
    f.get(11).and_then(|x| x.parse::<u64>().ok()).unwrap_or(0)
        + f.get(12).and_then(|x| x.parse::<u64>().ok()).unwrap_or(0)
}

fn merged_in_time(n: usize, limit: Duration) {
    let briefings = library(n);
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let started = Instant::now();
        let cpu0 = cpu_ticks();
        let merged = merge(&briefings);
        let took = started.elapsed();
        println!("cpu {} ticks of 10 ms", cpu_ticks() - cpu0);
        let lib = merged.library().unwrap();
        let _ = tx.send((
            took,
            merged.quotes.len(),
            lib.statuses.iter().map(Vec::len).max(),
            lib.roles.iter().filter(|r| r.len() > 1).count(),
            merged.speakers.len(),
        ));
    });
    let (took, quotes, steps, changed, speakers) = rx
        .recv_timeout(limit)
        .expect("merging did not finish within the guard");
    println!("merged {n} briefings × 100 quotes ({quotes} quotes) in {took:?}");
    assert_eq!(quotes, n * 100, "no quote id is shared");
    assert_eq!(steps, Some(n), "the status changes in every briefing");
    assert_eq!(changed, speakers, "every speaker's role changed once");
}

#[test]
fn merging_a_hundred_briefings_is_linear() {
    merged_in_time(100, Duration::from_secs(30));
}

#[test]
#[ignore = "1,000 briefings: run with --release --ignored"]
fn merging_a_thousand_briefings() {
    merged_in_time(1000, Duration::from_secs(30));
}
