//! Markdown export: a readable digest of a briefing. Text from the file is
//! escaped so that no control sequence reaches a terminal, then so that no
//! Markdown or HTML in it is interpreted when the digest is rendered.

use std::fmt::Write as _;

use super::citations;
use crate::model::{Briefing, DisagreementKind, QuoteKind, SpeakerKind, Status};
use crate::text::{multi_line, one_line};

/// Escapes terminal-safe `text` for use inside a line of Markdown: what
/// could start emphasis, code, a link, an image, inline HTML, an entity, a
/// table cell or strikethrough is backslash-escaped (`*`, `_`, `` ` ``, `[`,
/// `]`, `<`, `|`, `~`, `&` before a name or `#`). A backslash is escaped only
/// where it would escape something (before ASCII punctuation, or at the end
/// of a line, a hard break), so the `\u{…}` the terminal escaping writes
/// reads the same. `>` is only special at the start of a line, see
/// [`block_start`].
fn inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let next = chars.peek().copied();
        let escape = match c {
            '*' | '_' | '`' | '[' | ']' | '<' | '|' | '~' => true,
            '\\' => next.is_none_or(|n| n == '\n' || n.is_ascii_punctuation()),
            '&' => next.is_some_and(|n| n.is_ascii_alphanumeric() || n == '#'),
            _ => false,
        };
        if escape {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Escapes `text` (already through [`inline`]) where it starts a block, so
/// that it is not read as a heading (`#`), block quote (`>`), list item
/// (`-`, `+`, `1.`, `1)`), thematic break or setext underline (`-`, `=`).
/// (`*`, `_`, `` ` ``, `~` and `<` are escaped everywhere already.)
fn block_start(text: &str) -> String {
    let indent = text.len() - text.trim_start_matches(' ').len();
    let (spaces, rest) = text.split_at(indent);
    let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let at = match rest[digits..].chars().next() {
        Some('.' | ')') if digits > 0 => digits,
        Some('#' | '>' | '-' | '+' | '=') if digits == 0 => 0,
        _ => return text.to_owned(),
    };
    format!("{spaces}{}\\{}", &rest[..at], &rest[at..])
}

/// A one-line field for a line of Markdown.
pub(super) fn field(text: &str) -> String {
    inline(&one_line(text))
}

/// A one-line field that starts a block (a list item's text).
pub(super) fn leading_field(text: &str) -> String {
    block_start(&field(text))
}

/// A multi-line field as paragraphs: every line escaped as a block start.
pub(super) fn paragraphs(text: &str) -> String {
    let escaped = multi_line(text);
    let lines: Vec<String> = escaped
        .split('\n')
        .map(|l| block_start(&inline(l)))
        .collect();
    lines.join("\n")
}

/// Heading text: a `#` at its end would be read as the heading's closing
/// sequence and dropped.
pub(super) fn heading(mut text: String) -> String {
    if text.ends_with('#') {
        text.insert(text.len() - 1, '\\');
    }
    text
}

/// A source's URL: an autolink when it is a plain http or https URL,
/// otherwise escaped text between escaped angle brackets, so that a
/// `javascript:` or other URL is shown but never made a link.
pub(super) fn url(u: &str) -> String {
    let lower = u.get(..8).unwrap_or(u).to_ascii_lowercase();
    let plain = (lower.starts_with("http://") || lower.starts_with("https://"))
        && matches!(one_line(u), std::borrow::Cow::Borrowed(_))
        && !u.contains(|c: char| c.is_whitespace() || c == '<' || c == '>');
    if plain {
        format!("<{u}>")
    } else {
        format!("\\<{}\\>", field(u))
    }
}

/// Which items a digest shows, as the reader lists them (indices into the
/// briefing): the rows of its panes under a topic filter and a followed
/// speaker.
#[derive(Debug, Clone, Default)]
pub struct Selection<'a> {
    /// Events, in timeline order.
    pub events: &'a [usize],
    /// Speakers, in the Speakers pane's order.
    pub speakers: &'a [usize],
    /// Quotes, each listed under its speaker.
    pub quotes: &'a [usize],
    /// Disagreements, in the Disagreements pane's order.
    pub disagreements: &'a [usize],
    /// What the selection leaves out, in words ("topic Sanctions, following
    /// Marco Rubio"), shown under the date; `None` for the whole briefing.
    pub filter: Option<String>,
}

/// The briefing as a Markdown digest: overview, timeline, quotes by speaker,
/// disagreements.
pub fn to_markdown(b: &Briefing) -> String {
    let speakers: Vec<usize> = (0..b.speakers.len()).collect();
    let quotes: Vec<usize> = (0..b.quotes.len()).collect();
    let mut disagreements: Vec<usize> = (0..b.disagreements.len()).collect();
    disagreements.sort_by_key(|&i| b.disagreements[i].status);
    digest(
        b,
        &Selection {
            events: &b.index.timeline,
            speakers: &speakers,
            quotes: &quotes,
            disagreements: &disagreements,
            filter: None,
        },
    )
}

/// The digest of the items `view` selects. Under a filter, a speaker with
/// no quote in it is left out; the whole briefing lists every speaker.
pub fn digest(b: &Briefing, view: &Selection) -> String {
    let mut out = String::new();
    let m = &b.meta;
    let _ = writeln!(out, "# {}\n", heading(field(&m.title)));
    let _ = writeln!(out, "*As of {}*\n", m.as_of);
    if let Some(filter) = &view.filter {
        let _ = writeln!(out, "*Shown: {}*\n", field(filter));
    }
    let _ = writeln!(out, "{}\n", paragraphs(m.summary.trim()));
    if !m.key_points.is_empty() {
        out.push_str("## Key points\n\n");
        for p in &m.key_points {
            let _ = writeln!(out, "- {}", leading_field(p));
        }
        out.push('\n');
    }
    if !view.events.is_empty() {
        out.push_str("## Timeline\n\n");
        for &e in view.events {
            let _ = writeln!(out, "{}", event_item(b, e));
        }
        out.push('\n');
    }
    let mut shown = vec![false; b.quotes.len()];
    for &q in view.quotes {
        shown[q] = true;
    }
    let speakers: Vec<usize> = (view.speakers.iter().copied())
        .filter(|&s| {
            view.filter.is_none() || b.index.quotes_by_speaker[s].iter().any(|&q| shown[q])
        })
        .collect();
    if !speakers.is_empty() {
        out.push_str("## Who said what\n\n");
    }
    for si in speakers {
        let _ = writeln!(out, "### {}\n", heading(speaker_heading(b, si)));
        for &qi in b.index.quotes_by_speaker[si].iter().filter(|&&q| shown[q]) {
            let q = &b.quotes[qi];
            let venue = q
                .venue
                .as_deref()
                .map(|v| format!(", {}", field(v)))
                .unwrap_or_default();
            let cite = citations::footnote(b, qi);
            let mark = citations::mark(b, qi);
            match q.kind {
                QuoteKind::Direct => {
                    let _ = writeln!(
                        out,
                        "> “{}”\n>\n> — {}{}{cite}{mark}\n",
                        field(&q.text),
                        q.at,
                        venue
                    );
                }
                QuoteKind::Reported => {
                    let by = (q.reported_by.as_deref().and_then(|id| b.speaker(id)))
                        .map(|r| format!(", as reported by {}", field(&r.name)))
                        .unwrap_or_default();
                    let _ = writeln!(
                        out,
                        "- *Reported:* {} ({}{}{}){cite}{mark}\n",
                        field(&q.text),
                        q.at,
                        venue,
                        by
                    );
                }
            }
        }
    }
    if !view.disagreements.is_empty() {
        out.push_str("## Disagreements\n\n");
    }
    for &d in view.disagreements {
        let _ = writeln!(out, "{}", disagreement(b, d, 3));
    }
    out.push_str(&super::matrix_table::section(b, view.disagreements));
    out.push_str(&citations::sources_section(b, &shown));
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

/// Speaker `si` as a heading's text: `Name — role, affiliation` (each
/// part only when given), with `(organisation)` or `(government)` after
/// the name of a speaker that is not a person.
pub fn speaker_heading(b: &Briefing, si: usize) -> String {
    let s = &b.speakers[si];
    let mut title = field(&s.name);
    if let Some(kind) = speaker_kind_word(s.kind) {
        let _ = write!(title, " ({kind})");
    }
    let about: Vec<String> = [Some(s.role.as_str()), s.affiliation.as_deref()]
        .into_iter()
        .flatten()
        .filter(|t| !t.trim().is_empty())
        .map(field)
        .collect();
    if !about.is_empty() {
        let _ = write!(title, " — {}", about.join(", "));
    }
    title
}

/// The word for a speaker that is not a person; `None` for a person.
pub fn speaker_kind_word(kind: SpeakerKind) -> Option<&'static str> {
    match kind {
        SpeakerKind::Person => None,
        SpeakerKind::Organisation => Some("organisation"),
        SpeakerKind::Government => Some("government"),
    }
}

/// The word for a disagreement's kind.
pub fn kind_word(kind: DisagreementKind) -> &'static str {
    match kind {
        DisagreementKind::Dispute => "dispute",
        DisagreementKind::Question => "question",
    }
}

/// Event `e` as a list item: `- **date** — title (place)`.
pub fn event_item(b: &Briefing, e: usize) -> String {
    let e = &b.events[e];
    let place = e
        .place
        .as_deref()
        .map(|p| format!(" ({})", field(p)))
        .unwrap_or_default();
    format!("- **{}** — {}{}", e.at, field(&e.title), place)
}

/// The word for a disagreement's status.
pub fn status_word(status: Status) -> &'static str {
    match status {
        Status::Open => "open",
        Status::Narrowing => "narrowing",
        Status::Resolved => "resolved",
    }
}

/// Disagreement `d` under a heading of `level`: title and status, summary,
/// then each party's position, ending with a blank line.
pub fn disagreement(b: &Briefing, d: usize, level: usize) -> String {
    let d = &b.disagreements[d];
    let mut out = String::new();
    let hashes = "#".repeat(level);
    let status = status_word(d.status);
    let kind = kind_word(d.kind);
    let _ = writeln!(out, "{hashes} {} ({status} {kind})\n", field(&d.title));
    let _ = writeln!(out, "{}\n", paragraphs(d.summary.trim()));
    for p in &d.positions {
        let name = b
            .speaker(&p.speaker)
            .map_or(p.speaker.as_str(), |s| s.name.as_str());
        let _ = writeln!(out, "- **{}**: {}", field(name), field(&p.stance));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_markdown_and_html_are_escaped() {
        assert_eq!(
            field("<script>alert(1)</script>"),
            "\\<script>alert(1)\\</script>"
        );
        assert_eq!(field("**bold** and _it_"), "\\*\\*bold\\*\\* and \\_it\\_");
        assert_eq!(
            field("[x](javascript:alert(1)) ![i](y)"),
            "\\[x\\](javascript:alert(1)) !\\[i\\](y)"
        );
        assert_eq!(
            field("`code` a|b ~~gone~~"),
            "\\`code\\` a\\|b \\~\\~gone\\~\\~"
        );
        assert_eq!(field("&amp; &#60; & AT&T"), "\\&amp; \\&#60; & AT\\&T");
        // A backslash is escaped only where it would escape something.
        assert_eq!(field(r"C:\dir a\*b end\"), r"C:\dir a\\\*b end\\");
        // Ordinary punctuation stays as it is.
        let plain = "It passed 21–14, a 1.5% rise (in March): “no”! #1? 3 > 2.";
        assert_eq!(field(plain), plain);
    }

    #[test]
    fn terminal_escapes_read_the_same() {
        assert_eq!(field("a\u{1b}[2Jb"), "a^\\[\\[2Jb");
        assert_eq!(field("x\u{202e}y"), "x\\u{202e}y");
    }

    #[test]
    fn block_starts_are_escaped() {
        for (text, escaped) in [
            ("# heading", "\\# heading"),
            ("## heading", "\\## heading"),
            ("> quote", "\\> quote"),
            ("- item", "\\- item"),
            ("+ item", "\\+ item"),
            ("* item", "\\* item"),
            ("1. item", "1\\. item"),
            ("2025) item", "2025\\) item"),
            ("---", "\\---"),
            ("===", "\\==="),
            ("  - indented", "  \\- indented"),
            ("```rust", "\\`\\`\\`rust"),
            ("<div>", "\\<div>"),
            ("[a]: http://x", "\\[a\\]: http://x"),
            ("plain # not a heading", "plain # not a heading"),
            ("1 is a number", "1 is a number"),
            ("", ""),
        ] {
            assert_eq!(leading_field(text), escaped, "{text:?}");
        }
        assert_eq!(
            paragraphs("First line.\n# heading\n\n1. one\n===\r- x\u{2028}> y"),
            "First line.\n\\# heading\n\n1\\. one\n\\===\n\\- x\n\\> y"
        );
    }

    #[test]
    fn headings_keep_a_closing_hash() {
        assert_eq!(heading(field("Learning C#")), "Learning C\\#");
        assert_eq!(heading(field("Title")), "Title");
    }

    #[test]
    fn only_plain_web_urls_become_links() {
        assert_eq!(url("https://example.org/a_b"), "<https://example.org/a_b>");
        assert_eq!(url("HTTP://example.org"), "<HTTP://example.org>");
        assert_eq!(url("javascript:alert(1)"), "\\<javascript:alert(1)\\>");
        assert_eq!(url("https://x/ a"), "\\<https://x/ a\\>");
        assert_eq!(url("https://x/>y"), "\\<https://x/>y\\>");
        assert_eq!(url("https://x/\u{1b}y"), "\\<https://x/^\\[y\\>");
    }
}
