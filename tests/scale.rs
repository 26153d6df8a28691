//! Large generated briefings: checking references and the detail view must
//! stay linear. Each test runs under a generous time guard that only catches
//! runaway (quadratic) work; the growth itself is measured in
//! `benches/perf.rs` (groups `check_refs` and `detail`).

mod support;

use std::fmt::Write as _;
use std::path::Path;
use std::sync::mpsc;
use std::time::Duration;

use briefing::app::Target;
use briefing::app::popup::links;
use briefing::diag::{Diagnostic, SHOWN};
use briefing::model::Briefing;
use support::generate::{self, head, quote, speaker, topic};

/// Far more than any of these tests needs once linear (each takes well under
/// a second in a release build and a few seconds at most in a debug one).
const GUARD: Duration = Duration::from_secs(30);

/// Runs `f` on another thread and fails if it does not finish within [`GUARD`].
fn guarded<T: Send + 'static>(what: &str, f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(f());
    });
    rx.recv_timeout(GUARD)
        .unwrap_or_else(|_| panic!("{what} did not finish within {GUARD:?}"))
}

/// `n` speakers and `n` quotes all citing the same unknown speaker.
fn one_unknown_repeated(n: usize) -> String {
    let mut out = head();
    topic(&mut out, "t");
    for i in 0..n {
        speaker(&mut out, &format!("speaker-{i}"));
    }
    for i in 0..n {
        quote(&mut out, &format!("q-{i}"), "nobody-known", "\"t\"");
    }
    out
}

/// Three speakers with ids of `len` characters, and three quotes citing each
/// id with its first character dropped and an `x` added.
fn long_ids(len: usize) -> String {
    let mut out = head();
    topic(&mut out, "t");
    let ids: Vec<String> = ["a", "b", "c"].iter().map(|c| c.repeat(len)).collect();
    for id in &ids {
        speaker(&mut out, id);
    }
    for (i, id) in ids.iter().enumerate() {
        quote(
            &mut out,
            &format!("q-{i}"),
            &format!("{}x", &id[1..]),
            "\"t\"",
        );
    }
    out
}

/// One quote listing `n` topics, each once.
fn many_topics(n: usize) -> String {
    let mut out = head();
    for i in 0..n {
        topic(&mut out, &format!("t-{i}"));
    }
    speaker(&mut out, "s");
    let list: Vec<String> = (0..n).map(|i| format!("\"t-{i}\"")).collect();
    quote(&mut out, "q", "s", &list.join(", "));
    out
}

/// `n` topics that cannot be read (no `name`) and one quote citing the last
/// of them `n` times.
fn unread_topics(n: usize) -> String {
    let mut out = head();
    for i in 0..n {
        let _ = write!(out, "\n[[topics]]\nid = \"t-{i}\"\n");
    }
    speaker(&mut out, "s");
    let last = format!("\"t-{}\"", n - 1);
    quote(&mut out, "q", "s", &vec![last; n].join(","));
    out
}

fn parse(text: &str) -> Result<Briefing, Vec<Diagnostic>> {
    Briefing::parse(Path::new("scale.toml"), text)
}

#[test]
fn generated_briefings_are_valid_at_small_sizes() {
    assert!(parse(&many_topics(3)).is_ok());
    assert!(parse(&generate::one_speaker_many_quotes(3)).is_ok());
    let fixed = references_wrong(3).replace("spaeker", "speaker");
    assert!(parse(&fixed).is_ok());
}

#[test]
fn misspelled_references_each_get_their_suggestion() {
    let n = 20_000;
    let text = references_wrong(n);
    let ds = guarded("checking 20,000 misspelled references", move || {
        parse(&text).unwrap_err()
    });
    // The first 50 are shown, then a count of the rest.
    let (shown, more) = ds.split_at(SHOWN);
    assert_eq!(
        more[0].message,
        format!("{} more problems in this file are not shown", n - SHOWN)
    );
    for (i, d) in shown.iter().enumerate() {
        assert_eq!(d.message, format!("unknown speaker `spaeker-{i}`"));
        assert_eq!(
            d.help.as_deref(),
            Some(format!("did you mean `speaker-{i}`?").as_str())
        );
    }
}

#[test]
fn one_unknown_reference_repeated_is_looked_up_once() {
    let n = 20_000;
    let text = one_unknown_repeated(n);
    let ds = guarded(
        "checking 20,000 copies of one unknown reference",
        move || parse(&text).unwrap_err(),
    );
    assert_eq!(ds.len(), SHOWN + 1);
    let help = "define a speaker with id `nobody-known`, or use an existing one";
    assert!(ds[..SHOWN].iter().all(|d| d.help.as_deref() == Some(help)));
}

#[test]
fn long_ids_with_near_misses_are_not_compared() {
    let text = long_ids(100_000);
    let ds = guarded("checking three 100 KB near misses", move || {
        parse(&text).unwrap_err()
    });
    assert_eq!(ds.len(), 3);
    for d in &ds {
        assert!(d.message.starts_with("unknown speaker `"), "{}", d.message);
        assert_eq!(
            d.help.as_deref().map(|h| h.starts_with("define a speaker")),
            Some(true)
        );
    }
}

#[test]
fn one_quote_listing_many_topics_is_indexed_once_each() {
    let n = 50_000;
    let text = many_topics(n);
    let b = guarded("loading a quote with 50,000 topics", move || {
        parse(&text).unwrap()
    });
    assert_eq!(b.index.topics_of_quote[0].len(), n);
    assert!(b.index.topics_of_quote[0].iter().copied().eq(0..n));
    assert!(b.index.quotes_by_topic.iter().all(|q| q == &[0]));
}

#[test]
fn references_to_unread_entities_are_not_reported_again() {
    let n = 60_000;
    let text = unread_topics(n);
    let ds = guarded("checking 60,000 references to an unread topic", move || {
        parse(&text).unwrap_err()
    });
    // One "missing field" per topic, nothing for the references to them.
    assert_eq!(ds.len(), SHOWN + 1);
    assert!(
        ds[..SHOWN]
            .iter()
            .all(|d| d.message == "missing field `name`")
    );
    assert_eq!(
        ds[SHOWN].message,
        format!("{} more problems in this file are not shown", n - SHOWN)
    );
}

#[test]
fn the_detail_of_a_speaker_with_many_quotes_is_linear() {
    let n = 40_000;
    let text = generate::one_speaker_many_quotes(n);
    let screen = guarded("the detail of a speaker with 40,000 quotes", move || {
        let b = parse(&text).unwrap();
        let targets = links(&b, Target::Speaker(0));
        assert_eq!(targets.len(), n);
        assert!(targets.iter().eq((0..n).map(Target::Quote)));
        assert_eq!(targets.get(n - 1), Some(Target::Quote(n - 1)));
        assert_eq!(targets.get(n), None);
        let mut app = support::app_with(vec![b], Vec::new());
        // Open the detail, walk through the links, to the end and back up.
        support::screen(&mut app, "2<Enter>jjjjjGkkk", 100, 30)
    });
    assert!(screen.contains("Speaker: Name"), "{screen}");
    assert!(screen.contains("Said q-39996."), "{screen}");
    assert!(!screen.contains("Said q-0."), "{screen}");
}

/// The links of `target` as first written: every list in full, then repeats
/// removed by a scan (quadratic, fine for the bundled briefing).
fn naive_links(b: &Briefing, target: Target) -> Vec<Target> {
    let ix = &b.index;
    let speaker = |id: &str| ix.speaker_by_id.get(id).map(|&s| Target::Speaker(s));
    let mut out = Vec::new();
    match target {
        Target::Quote(q) => {
            let quote = &b.quotes[q];
            out.push(Target::Speaker(ix.speaker_of_quote[q]));
            out.extend(quote.reported_by.as_deref().and_then(speaker));
            let event = quote.event.as_deref().and_then(|e| ix.event_by_id.get(e));
            out.extend(event.map(|&e| Target::Event(e)));
            out.extend(
                ix.positions_by_quote[q]
                    .iter()
                    .map(|&(d, _)| Target::Disagreement(d)),
            );
        }
        Target::Speaker(s) => {
            out.extend(ix.quotes_by_speaker[s].iter().map(|&q| Target::Quote(q)));
            out.extend(
                ix.positions_by_speaker[s]
                    .iter()
                    .map(|&(d, _)| Target::Disagreement(d)),
            );
            out.extend(ix.events_by_speaker[s].iter().map(|&e| Target::Event(e)));
        }
        Target::Event(e) => {
            out.extend(b.events[e].speakers.iter().filter_map(|id| speaker(id)));
            out.extend(ix.quotes_by_event[e].iter().map(|&q| Target::Quote(q)));
        }
        Target::Disagreement(d) => {
            for p in &b.disagreements[d].positions {
                out.extend(speaker(&p.speaker));
                let quotes = p.quotes.iter().filter_map(|id| ix.quote_by_id.get(id));
                out.extend(quotes.map(|&q| Target::Quote(q)));
            }
        }
    }
    let mut kept = Vec::new();
    for t in out {
        if !kept.contains(&t) {
            kept.push(t);
        }
    }
    kept
}

#[test]
fn links_are_those_of_the_plain_definition() {
    let b = Briefing::bundled();
    let targets = (0..b.quotes.len())
        .map(Target::Quote)
        .chain((0..b.speakers.len()).map(Target::Speaker))
        .chain((0..b.events.len()).map(Target::Event))
        .chain((0..b.disagreements.len()).map(Target::Disagreement));
    for target in targets {
        let links = links(&b, target);
        let expected = naive_links(&b, target);
        assert!(links.iter().eq(expected.iter().copied()), "{target:?}");
        assert_eq!(links.len(), expected.len(), "{target:?}");
        for (i, t) in expected.iter().enumerate() {
            assert_eq!(links.get(i), Some(*t), "{target:?} link {i}");
            assert!(links.iter_from(i).eq(expected[i..].iter().copied()));
        }
    }
}

/// `n` speakers `speaker-I` and `n` quotes, quote I citing `spaeker-I`.
fn references_wrong(n: usize) -> String {
    generate::references(n, false)
}

/// A briefing over a megabyte is parsed in two parts on two threads; what
/// is found in the second part is located in the whole file all the same:
/// a misspelled reference in the last quote, and each quote's span.
#[test]
fn a_large_briefing_parsed_in_two_parts_locates_its_second_half() {
    let text = briefing::synthetic::generate(6000);
    assert!(text.len() > briefing::diag::toml_split::MIN_BYTES);
    let b = parse(&text).expect("generated briefings are valid");
    let last = b.quotes.len() - 1;
    let at = text.rfind("[[quotes]]").unwrap();
    let text_at = at + text[at..].find("text = ").unwrap() + "text = ".len();
    assert_eq!(b.spans.quotes[last].text.start, text_at);
    assert_eq!(
        b.spans.quotes[last].at,
        briefing::diag::Location::of(&text, text_at)
    );
    // The last quote's speaker, misspelled.
    let speaker_at = at + text[at..].find("speaker = \"s").unwrap() + "speaker = \"".len();
    let mut broken = text.clone();
    broken.insert(speaker_at, 'x');
    let problems = parse(&broken).expect_err("an unknown speaker");
    assert_eq!(problems.len(), 1, "{problems:?}");
    let span = problems[0].span.clone().expect("located");
    assert_eq!(span.start, speaker_at - 1, "the span is the quoted value");
}

/// A long list of quotes is read on two threads: problems in both halves
/// are found, the first ones shown in file order and the rest counted.
#[test]
fn problems_in_both_halves_of_a_long_list_are_all_counted() {
    let text = briefing::synthetic::generate(30_000);
    let mut broken = String::with_capacity(text.len());
    let mut bad = 0;
    for (k, part) in text.split_inclusive("[[quotes]]\n").enumerate() {
        match part.find("venue = \"") {
            // Every 300th quote gets a number for its venue.
            Some(at) if k % 300 == 299 => {
                let end = at + part[at..].find('\n').unwrap();
                broken.push_str(&part[..at]);
                broken.push_str("venue = 7");
                broken.push_str(&part[end..]);
                bad += 1;
            }
            _ => broken.push_str(part),
        }
    }
    assert_eq!(bad, 100);
    let problems = guarded("reading 30,000 quotes", move || {
        parse(&broken).expect_err("bad venues")
    });
    let shown: Vec<_> = problems.iter().filter(|d| d.span.is_some()).collect();
    assert_eq!(shown.len(), SHOWN);
    let starts: Vec<usize> = shown
        .iter()
        .map(|d| d.span.as_ref().unwrap().start)
        .collect();
    assert!(starts.is_sorted(), "in file order");
    let more = &problems.last().unwrap().message;
    assert!(
        more.starts_with(&format!("{} more problems", bad - SHOWN)),
        "{more}"
    );
}
