//! A URL pointing at a passage: the text directive of the URL Fragment Text
//! Directives specification (`#:~:text=[prefix-,]start[,end][,-suffix]`),
//! each term percent-encoded as the specification requires, and a quote's
//! directive built from its text, its selector or its archived passage.

use super::Briefing;
use super::provenance::{ArchiveState, Proof};

/// Up to this many words a quote is matched whole (`start`); a longer
/// one by its first and last words (`start,end`).
const WHOLE_UP_TO: usize = 10;
/// Words in each of `start` and `end` of a long quote.
const EDGE_WORDS: usize = 5;
/// Words of context taken from an archived copy.
const CONTEXT_WORDS: usize = 3;

/// The terms of one text directive.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextDirective {
    pub prefix: Option<String>,
    pub start: String,
    pub end: Option<String>,
    pub suffix: Option<String>,
}

/// Is `b` a character a directive term may hold as it is? The
/// specification's `TextDirectiveExplicitChar`: ASCII letters and digits
/// and `! $ ' ( ) * + . / : ; = ? @ _ ~`. Everything else (among it `-`,
/// `,` and `&`, which delimit terms and directives, `%` and `#`, spaces
/// and every non-ASCII byte) is percent-encoded.
fn explicit(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"!$'()*+./:;=?@_~".contains(&b)
}

/// `term` percent-encoded, byte by byte of its UTF-8, as a directive holds it.
pub fn encode(term: &str) -> String {
    let mut out = String::with_capacity(term.len());
    for &b in term.as_bytes() {
        if explicit(b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

impl TextDirective {
    /// `[prefix-,]start[,end][,-suffix]`, each term encoded.
    pub fn encoded(&self) -> String {
        let mut out = String::new();
        if let Some(p) = &self.prefix {
            out.push_str(&encode(p));
            out.push_str("-,");
        }
        out.push_str(&encode(&self.start));
        if let Some(e) = &self.end {
            out.push(',');
            out.push_str(&encode(e));
        }
        if let Some(s) = &self.suffix {
            out.push_str(",-");
            out.push_str(&encode(s));
        }
        out
    }

    /// The directive matching `text`: whole when short, by its first and
    /// last words when long. Runs of whitespace become one space.
    pub fn for_text(text: &str) -> Option<TextDirective> {
        let words: Vec<&str> = text.split_whitespace().collect();
        if words.is_empty() {
            return None;
        }
        let (start, end) = if words.len() <= WHOLE_UP_TO {
            (words.join(" "), None)
        } else {
            (
                words[..EDGE_WORDS].join(" "),
                Some(words[words.len() - EDGE_WORDS..].join(" ")),
            )
        };
        Some(TextDirective {
            start,
            end,
            ..TextDirective::default()
        })
    }
}

/// `url` with `directive` added to its fragment (`#:~:text=…`, or after
/// an existing fragment).
pub fn with_directive(url: &str, directive: &TextDirective) -> String {
    let sep = if url.contains('#') { ":~:" } else { "#:~:" };
    format!("{url}{sep}text={}", directive.encoded())
}

/// Words of `text` squeezed to single spaces, at most `n` from its end.
fn last_words(text: &str, n: usize) -> Option<String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let from = words.len().saturating_sub(n);
    (!words.is_empty()).then(|| words[from..].join(" "))
}

fn first_words(text: &str, n: usize) -> Option<String> {
    let words: Vec<&str> = text.split_whitespace().take(n).collect();
    (!words.is_empty()).then(|| words.join(" "))
}

impl Briefing {
    /// The text directive that points at quote `qi` in its source: its
    /// passage in the archived copy when it was found there (with a few
    /// words around it when its text occurs more than once), else its
    /// text for a direct quote and its selector for a reported one. The
    /// briefing's own `prefix`/`suffix` are used where given.
    pub fn text_directive(&self, qi: usize) -> Option<TextDirective> {
        let q = &self.quotes[qi];
        let proof = self.provenance.quotes.get(qi);
        let archive = (self.sources.iter())
            .position(|s| Some(&s.id) == q.source.as_ref())
            .and_then(|si| match self.provenance.archives.get(si) {
                Some(ArchiveState::Found(a)) => Some(a.text.as_str()),
                _ => None,
            });
        let given = |t: &Option<String>| t.as_deref().and_then(|t| first_words(t, usize::MAX));
        let (mut prefix, mut suffix) = (given(&q.prefix), given(&q.suffix));
        let mut directive = match (archive, proof.and_then(Proof::place)) {
            (Some(text), Some(at)) if text.get(at.clone()).is_some() => {
                let d = TextDirective::for_text(&text[at.clone()])?;
                let repeated =
                    matches!(proof, Some(Proof::Verbatim { occurrences, .. }) if *occurrences > 1);
                if repeated && prefix.is_none() && suffix.is_none() {
                    prefix = last_words(&text[..at.start], CONTEXT_WORDS);
                    suffix = first_words(&text[at.end..], CONTEXT_WORDS);
                }
                d
            }
            _ => match q.kind {
                super::QuoteKind::Direct => TextDirective::for_text(&q.text)?,
                // A reported statement's words are not the source's:
                // point at the passage its selector names.
                super::QuoteKind::Reported => {
                    let start = prefix.take().or_else(|| suffix.take())?;
                    TextDirective::for_text(&start)?
                }
            },
        };
        directive.prefix = prefix;
        directive.suffix = suffix;
        Some(directive)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(prefix: Option<&str>, start: &str, end: Option<&str>, suffix: Option<&str>) -> String {
        TextDirective {
            prefix: prefix.map(String::from),
            start: start.into(),
            end: end.map(String::from),
            suffix: suffix.map(String::from),
        }
        .encoded()
    }

    /// The examples of the specification's syntax section
    /// (wicg.github.io/scroll-to-text-fragment, "Syntax" and "Context terms").
    #[test]
    fn the_specifications_examples() {
        assert_eq!(
            with_directive(
                "https://example.com",
                &TextDirective::for_text("an example text fragment").unwrap()
            ),
            "https://example.com#:~:text=an%20example%20text%20fragment"
        );
        assert_eq!(
            d(None, "an example", Some("text fragment"), None),
            "an%20example,text%20fragment"
        );
        assert_eq!(
            d(Some("this is"), "an example", None, Some("text fragment")),
            "this%20is-,an%20example,-text%20fragment"
        );
        assert_eq!(
            d(Some("prefix"), "start", Some("end"), Some("suffix")),
            "prefix-,start,end,-suffix"
        );
    }

    #[test]
    fn delimiters_and_non_ascii_are_encoded() {
        // `-`, `,` and `&` delimit terms and directives.
        assert_eq!(
            encode("game-changing, & more"),
            "game%2Dchanging%2C%20%26%20more"
        );
        assert_eq!(encode("100%"), "100%25");
        assert_eq!(encode("#x"), "%23x");
        assert_eq!(encode("Nato’s"), "Nato%E2%80%99s");
        assert_eq!(encode("a.b!(c)'*+/:;=?@_~$"), "a.b!(c)'*+/:;=?@_~$");
    }

    #[test]
    fn long_quotes_are_matched_by_their_first_and_last_words() {
        let short = TextDirective::for_text("  robust security\n guarantees ").unwrap();
        assert_eq!(short.start, "robust security guarantees");
        assert_eq!(short.end, None);
        let long =
            TextDirective::for_text("one two three four five six seven eight nine ten eleven")
                .unwrap();
        assert_eq!(long.start, "one two three four five");
        assert_eq!(long.end.as_deref(), Some("seven eight nine ten eleven"));
        assert_eq!(TextDirective::for_text("  "), None);
    }

    #[test]
    fn an_existing_fragment_is_kept() {
        let d = TextDirective::for_text("x").unwrap();
        assert_eq!(
            with_directive("https://a.b/p#top", &d),
            "https://a.b/p#top:~:text=x"
        );
    }
}
