//! Synthetic briefings for benchmarks and for trying the reader at scale:
//! realistic text lengths with accented, Cyrillic and CJK words. The sequence
//! is a fixed-seed xorshift: statistical quality does not matter here,
//! reproducibility does.

use std::fmt::Write as _;

/// A small deterministic generator (xorshift64*).
struct Seq(u64);

impl Seq {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const WORDS: &[&str] = &[
    "the",
    "talks",
    "security",
    "guarantee",
    "ceasefire",
    "peace",
    "deal",
    "sanctions",
    "territory",
    "minister",
    "said",
    "would",
    "could",
    "not",
    "agreement",
    "progress",
    "consequences",
    "partners",
    "allies",
    "summit",
    "we",
    "are",
    "ready",
    "to",
    "do",
    "our",
    "share",
    "details",
    "remain",
    "unclear",
    "negotiations",
    "table",
    "in",
    "and",
    "of",
    "a",
    "for",
    "with",
    "on",
    "is",
    "that",
    "this",
    "will",
    "be",
    "there",
    "no",
    "support",
    "économie",
    "sécurité",
    "Zusammenarbeit",
    "переговоры",
    "безопасность",
    "和平",
    "谈判",
    "安全保障",
    "naïve",
    "café",
];
const FIRST: &[&str] = &[
    "Anna", "Jean", "Søren", "Zoë", "Łukasz", "Olena", "Иван", "美玲", "Marco", "Amira", "Kwame",
    "Ines",
];
const LAST: &[&str] = &[
    "Kowalski",
    "Dubois",
    "Novak",
    "Müller",
    "Petrenko",
    "Іваненко",
    "王",
    "Rossi",
    "Haddad",
    "Mensah",
    "García",
];
const ROLES: &[&str] = &[
    "foreign minister",
    "envoy",
    "spokesperson",
    "prime minister",
    "senator",
    "ambassador",
    "analyst",
];
const PLACES: &[&str] = &[
    "Brussels",
    "Geneva",
    "Kyiv",
    "Washington",
    "Ankara",
    "Helsinki",
    "Doha",
    "Zürich",
];
const VENUES: &[&str] = &[
    "press conference",
    "television interview",
    "radio interview",
    "parliament",
    "summit statement",
];
const TOPICS: &[&str] = &[
    "security-guarantees",
    "ceasefire",
    "sanctions",
    "territory",
    "energy",
    "prisoners",
    "reconstruction",
    "eu-accession",
    "grain",
    "nuclear-safety",
    "humanitarian",
    "elections",
];

fn sentence(seq: &mut Seq, min: usize, max: usize) -> String {
    let target = min + seq.below(max - min);
    let mut s = String::new();
    while s.len() < target {
        if !s.is_empty() {
            s.push(' ');
        }
        s.push_str(seq.pick(WORDS));
    }
    let mut chars = s.chars();
    let first = chars
        .next()
        .map(|c| c.to_uppercase().to_string())
        .unwrap_or_default();
    format!("{first}{}.", chars.as_str())
}

fn date(seq: &mut Seq) -> String {
    format!("2025-{:02}-{:02}", 1 + seq.below(12), 1 + seq.below(28))
}

fn list(ids: &[String]) -> String {
    let quoted: Vec<String> = ids.iter().map(|i| format!("\"{i}\"")).collect();
    format!("[{}]", quoted.join(", "))
}

/// A valid format-v1 briefing with `n` quotes (at least 50), `n`/10 speakers,
/// `n`/20 events and `n`/50 disagreements. The same `n` gives the same text.
pub fn generate(n: usize) -> String {
    let n = n.max(50);
    let mut seq = Seq(0x9e37_79b9_7f4a_7c15 ^ n as u64);
    let speakers = n / 10;
    let events = n / 20;
    let disagreements = n / 50;
    let mut out = String::with_capacity(n * 220);
    let _ = writeln!(out, "#:schema ../assets/briefing.schema.json\nformat = 1\n");
    let _ = writeln!(
        out,
        "[briefing]\nid = \"synthetic-{n}\"\ntitle = \"Synthetic briefing with {n} quotes\"\nas_of = 2025-12-31"
    );
    let _ = writeln!(
        out,
        "summary = \"{}\"\nkey_points = [\"{}\", \"{}\"]\n",
        sentence(&mut seq, 200, 400),
        sentence(&mut seq, 60, 120),
        sentence(&mut seq, 60, 120)
    );
    for t in TOPICS {
        let _ = writeln!(
            out,
            "[[topics]]\nid = \"{t}\"\nname = \"{}\"\n",
            t.replace('-', " ")
        );
    }
    for s in 0..speakers {
        let name = format!("{} {}", seq.pick(FIRST), seq.pick(LAST));
        let _ = writeln!(
            out,
            "[[speakers]]\nid = \"s{s}\"\nname = \"{name}\"\nrole = \"{}\"\naffiliation = \"{}\"\n",
            seq.pick(ROLES),
            seq.pick(PLACES)
        );
    }
    let topic_ids = |seq: &mut Seq| -> Vec<String> {
        let a = seq.pick(TOPICS).to_string();
        let b = seq.pick(TOPICS).to_string();
        if a == b { vec![a] } else { vec![a, b] }
    };
    for e in 0..events {
        let who: Vec<String> = (0..2)
            .map(|_| format!("s{}", seq.below(speakers)))
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect();
        let topics = topic_ids(&mut seq);
        let _ = writeln!(
            out,
            "[[events]]\nid = \"e{e}\"\nat = {}\ntitle = \"{}\"\nplace = \"{}\"\nspeakers = {}\ntopics = {}\n",
            date(&mut seq),
            sentence(&mut seq, 20, 60).trim_end_matches('.'),
            seq.pick(PLACES),
            list(&who),
            list(&topics)
        );
    }
    for q in 0..n {
        let speaker = seq.below(speakers);
        let topics = topic_ids(&mut seq);
        let _ = write!(
            out,
            "[[quotes]]\nid = \"q{q}\"\nspeaker = \"s{speaker}\"\ntext = \"{}\"\nat = {}\nvenue = \"{}\"\ntopics = {}\n",
            sentence(&mut seq, 30, 110),
            date(&mut seq),
            seq.pick(VENUES),
            list(&topics)
        );
        if seq.below(2) == 0 {
            let _ = writeln!(out, "event = \"e{}\"", seq.below(events));
        }
        if seq.below(5) == 0 {
            let _ = write!(
                out,
                "kind = \"reported\"\nreported_by = \"s{}\"\n",
                seq.below(speakers)
            );
        }
        out.push('\n');
    }
    let statuses = ["open", "narrowing", "resolved"];
    for d in 0..disagreements {
        let _ = writeln!(
            out,
            "[[disagreements]]\nid = \"d{d}\"\ntitle = \"{}\"\nstatus = \"{}\"\ntopics = {}\nsummary = \"{}\"\n",
            sentence(&mut seq, 20, 60).trim_end_matches('.'),
            statuses[seq.below(3)],
            list(&topic_ids(&mut seq)),
            sentence(&mut seq, 80, 200)
        );
        for _ in 0..2 + seq.below(2) {
            let quotes: Vec<String> = (0..1 + seq.below(3))
                .map(|_| format!("q{}", seq.below(n)))
                .collect();
            let _ = writeln!(
                out,
                "[[disagreements.positions]]\nspeaker = \"s{}\"\nstance = \"{}\"\nquotes = {}\n",
                seq.below(speakers),
                sentence(&mut seq, 40, 160),
                list(&quotes)
            );
        }
    }
    out
}

/// A library of `files` briefings on one story, `n` quotes each (at least
/// 50), as (file name, text) pairs. The briefings share a pool of speakers
/// (whose roles change now and then from one briefing to the next), topics
/// and disagreements (whose status moves from open to narrowing to
/// resolved); events and quotes are each briefing's own. One briefing is
/// dated a day after the one before it. The same arguments give the same
/// files.
pub fn library(files: usize, n: usize) -> Vec<(String, String)> {
    (0..files).map(|f| library_file(f, files, n)).collect()
}

/// Speakers shared by the briefings of [`library`].
const LIBRARY_SPEAKERS: usize = 200;

fn library_file(f: usize, files: usize, n: usize) -> (String, String) {
    let n = n.max(50);
    let mut seq = Seq(0x9e37_79b9_7f4a_7c15 ^ ((f as u64) << 32) ^ n as u64);
    let events = n / 20;
    let disagreements = (files * n / 50 / 4).max(1);
    let day = chrono::NaiveDate::from_ymd_opt(2025, 1, 1).expect("a valid date")
        + chrono::Days::new(f as u64);
    let mut out = String::with_capacity(n * 240);
    let _ = writeln!(out, "format = 1\n");
    let _ = writeln!(
        out,
        "[briefing]\nid = \"story-{f:04}\"\ntitle = \"The story, part {}\"\nas_of = {day}",
        f + 1
    );
    let _ = writeln!(
        out,
        "summary = \"{}\"\nkey_points = [\"{}\"]\n",
        sentence(&mut seq, 100, 200),
        sentence(&mut seq, 60, 120)
    );
    for t in TOPICS {
        let _ = writeln!(
            out,
            "[[topics]]\nid = \"{t}\"\nname = \"{}\"\n",
            t.replace('-', " ")
        );
    }
    // Each briefing names the speakers it quotes: a window of the pool.
    let first = (f * 7) % LIBRARY_SPEAKERS;
    let speakers: Vec<usize> = (0..20).map(|k| (first + k) % LIBRARY_SPEAKERS).collect();
    for &s in &speakers {
        // Names never change; a role changes every 100 briefings.
        let mut fixed = Seq(0x5851_f42d_4c95_7f2d ^ s as u64);
        let name = format!("{} {}", fixed.pick(FIRST), fixed.pick(LAST));
        let role = ROLES[(fixed.below(ROLES.len()) + f / 100) % ROLES.len()];
        let _ = writeln!(
            out,
            "[[speakers]]\nid = \"s{s}\"\nname = \"{name}\"\nrole = \"{role}\"\naffiliation = \"{}\"\n",
            fixed.pick(PLACES)
        );
    }
    let pick_speaker = |seq: &mut Seq| speakers[seq.below(speakers.len())];
    for e in 0..events {
        let _ = writeln!(
            out,
            "[[events]]\nid = \"f{f}-e{e}\"\nat = {day}\ntitle = \"{}\"\nplace = \"{}\"\nspeakers = [\"s{}\"]\ntopics = [\"{}\"]\n",
            sentence(&mut seq, 20, 60).trim_end_matches('.'),
            seq.pick(PLACES),
            pick_speaker(&mut seq),
            seq.pick(TOPICS)
        );
    }
    for q in 0..n {
        let _ = writeln!(
            out,
            "[[quotes]]\nid = \"f{f}-q{q}\"\nspeaker = \"s{}\"\ntext = \"{}\"\nat = {day}\nvenue = \"{}\"\ntopics = [\"{}\"]\nevent = \"f{f}-e{}\"\n",
            pick_speaker(&mut seq),
            sentence(&mut seq, 30, 110),
            seq.pick(VENUES),
            seq.pick(TOPICS),
            seq.below(events)
        );
    }
    // A window of the shared disagreements, each a little further along.
    let statuses = ["open", "narrowing", "resolved"];
    for k in 0..(n / 50).max(1) {
        let d = (f * 2 + k) % disagreements;
        let _ = writeln!(
            out,
            "[[disagreements]]\nid = \"d{d}\"\ntitle = \"Disagreement {d}\"\nstatus = \"{}\"\ntopics = [\"{}\"]\nsummary = \"{}\"\n",
            statuses[(f * 3 / files.max(1)).min(2)],
            TOPICS[d % TOPICS.len()],
            sentence(&mut seq, 80, 200)
        );
        for _ in 0..2 {
            let _ = writeln!(
                out,
                "[[disagreements.positions]]\nspeaker = \"s{}\"\nstance = \"{}\"\nquotes = [\"f{f}-q{}\"]\n",
                pick_speaker(&mut seq),
                sentence(&mut seq, 40, 160),
                seq.below(n)
            );
        }
    }
    (format!("story-{f:04}.toml"), out)
}

#[cfg(test)]
mod tests {
    #[test]
    fn generated_briefings_are_valid_and_sized() {
        let text = super::generate(1000);
        let b =
            crate::model::Briefing::parse(std::path::Path::new("synthetic.toml"), &text).unwrap();
        assert_eq!(
            (
                b.quotes.len(),
                b.speakers.len(),
                b.events.len(),
                b.disagreements.len()
            ),
            (1000, 100, 50, 20)
        );
        assert_eq!(text, super::generate(1000));
    }

    #[test]
    fn generated_libraries_are_valid_and_share_speakers_and_disagreements() {
        let files = super::library(30, 100);
        assert_eq!(files, super::library(30, 100));
        let mut speakers = std::collections::HashMap::new();
        let mut disagreements = std::collections::HashMap::new();
        for (name, text) in &files {
            let b = crate::model::Briefing::parse(std::path::Path::new(name), text)
                .unwrap_or_else(|e| panic!("{name}: {e:?}"));
            assert_eq!(b.quotes.len(), 100);
            for s in &b.speakers {
                *speakers.entry(s.id.clone()).or_insert(0) += 1;
            }
            for d in &b.disagreements {
                disagreements
                    .entry(d.id.clone())
                    .or_insert_with(Vec::new)
                    .push(d.status);
            }
        }
        assert!(speakers.values().any(|&k| k > 1), "no speaker is shared");
        assert!(
            (disagreements.values()).any(|s| s.first() != s.last()),
            "no disagreement changes status"
        );
    }
}
