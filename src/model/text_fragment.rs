//! A URL pointing at a passage: the text directive of the URL Fragment Text
//! Directives specification (`#:~:text=[prefix-,]start[,end][,-suffix]`),
//! each term percent-encoded as the specification requires, and a quote's
//! directive built from its text, its selector or its archived passage.

use super::Briefing;
use super::provenance::ArchiveState;

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

/// Words of `text` squeezed to single spaces, the first `n` of them.
fn first_words(text: &str, n: usize) -> Option<String> {
    let words: Vec<&str> = text.split_whitespace().take(n).collect();
    (!words.is_empty()).then(|| words.join(" "))
}

/// The last `n` words of `text` before byte `at`, within its paragraph (a
/// blank line ends it), squeezed to single spaces. The last of them ends
/// right at `at`, so an opening quotation mark between the words and the
/// passage is part of it, as a text directive's prefix must be (only
/// whitespace may lie between a prefix and the start).
pub fn words_before(text: &str, at: usize, n: usize) -> Option<String> {
    let mut words = Vec::new();
    'lines: for (i, line) in text[..at].rsplit('\n').enumerate() {
        if i > 0 && line.trim().is_empty() {
            break;
        }
        for w in line.split_whitespace().rev() {
            if words.len() == n {
                break 'lines;
            }
            words.push(w);
        }
    }
    words.reverse();
    (!words.is_empty()).then(|| words.join(" "))
}

/// The first `n` words of `text` from byte `at`, within its paragraph,
/// squeezed to single spaces; the first starts right at `at`.
pub fn words_after(text: &str, at: usize, n: usize) -> Option<String> {
    let mut words = Vec::new();
    'lines: for (i, line) in text[at..].split('\n').enumerate() {
        if i > 0 && line.trim().is_empty() {
            break;
        }
        for w in line.split_whitespace() {
            if words.len() == n {
                break 'lines;
            }
            words.push(w);
        }
    }
    (!words.is_empty()).then(|| words.join(" "))
}

/// Does `term` (words joined by single spaces) occur in `text` more than
/// once, ignoring case and runs of whitespace as a browser's match does?
fn occurs_more_than_once(text: &str, term: &str) -> bool {
    let hay = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let hay = hay.to_lowercase();
    let term = term.to_lowercase();
    let mut found = hay.match_indices(term.as_str());
    found.next().is_some() && found.next().is_some()
}

impl Briefing {
    /// The text directive that points at quote `qi` in its source.
    ///
    /// Where the archived copy is at hand and the quote was found in it,
    /// the directive is its passage there. It gets context (the words
    /// right before and after the passage in the copy, within its
    /// paragraph) only when needed: when the passage's first words occur
    /// more than once in the copy, so that a browser, which goes to the
    /// first match, would stop elsewhere. Without need, no context: every
    /// word more is a word the page may not have as the copy has it (a
    /// copy's own header, a caption).
    ///
    /// Otherwise (no copy, or the quote not found in it), the quote's text
    /// for a direct quote and its selector for a reported one, with the
    /// briefing's own `prefix`/`suffix` as context where given.
    pub fn text_directive(&self, qi: usize) -> Option<TextDirective> {
        self.archived_directive(qi)
            .or_else(|| self.selector_directive(qi))
    }

    /// The directive from quote `qi`'s passage in its archived copy.
    fn archived_directive(&self, qi: usize) -> Option<TextDirective> {
        let q = &self.quotes[qi];
        let si = (self.sources.iter()).position(|s| Some(&s.id) == q.source.as_ref())?;
        let text = match self.provenance.archives.get(si)? {
            ArchiveState::Found(a) => a.text.as_str(),
            _ => return None,
        };
        let at = self.provenance.quotes.get(qi)?.place()?;
        let mut d = TextDirective::for_text(text.get(at.clone())?)?;
        if occurs_more_than_once(text, &d.start) {
            d.prefix = words_before(text, at.start, CONTEXT_WORDS);
            d.suffix = words_after(text, at.end, CONTEXT_WORDS);
        }
        Some(d)
    }

    /// The directive from quote `qi`'s text or selector, as the briefing
    /// gives them.
    fn selector_directive(&self, qi: usize) -> Option<TextDirective> {
        let q = &self.quotes[qi];
        let given = |t: &Option<String>| t.as_deref().and_then(|t| first_words(t, usize::MAX));
        let (mut prefix, mut suffix) = (given(&q.prefix), given(&q.suffix));
        let mut directive = match q.kind {
            super::QuoteKind::Direct => TextDirective::for_text(&q.text)?,
            // A reported statement's words are not the source's:
            // point at the passage its selector names.
            super::QuoteKind::Reported => {
                let start = prefix.take().or_else(|| suffix.take())?;
                TextDirective::for_text(&start)?
            }
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
        // The forms of the specification's explainer and MDN, on
        // example.com: `text=domain%20is%20for,illustrative%20examples`,
        // `text=this-,domain,-in`, `text=this-,domain,domain`.
        assert_eq!(
            d(None, "domain is for", Some("illustrative examples"), None),
            "domain%20is%20for,illustrative%20examples"
        );
        assert_eq!(
            d(Some("this"), "domain", None, Some("in")),
            "this-,domain,-in"
        );
        assert_eq!(
            d(Some("this"), "domain", Some("domain"), None),
            "this-,domain,domain"
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

    #[test]
    fn context_words_end_at_the_passage_and_stay_in_its_paragraph() {
        let text = "Header line\n\nHe said, as\nhe left: “We will go,” and\nthen left.\n\nNext";
        let at = text.find("We").unwrap();
        // The opening quotation mark is the prefix's last word: only
        // whitespace may lie between a prefix and its start.
        assert_eq!(words_before(text, at, 3).as_deref(), Some("he left: “"));
        assert_eq!(
            words_before(text, at, 9).as_deref(),
            Some("He said, as he left: “")
        );
        let end = text.find(" go").unwrap() + 3;
        assert_eq!(words_after(text, end, 3).as_deref(), Some(",” and then"));
        assert_eq!(
            words_after(text, end, 9).as_deref(),
            Some(",” and then left.")
        );
        // A passage that starts or ends a paragraph has nothing there.
        assert_eq!(words_before(text, text.find("He").unwrap(), 3), None);
        assert_eq!(words_after(text, text.find("\n\nNext").unwrap(), 3), None);
    }

    #[test]
    fn repeats_are_counted_as_a_browser_matches() {
        assert!(occurs_more_than_once("We go.\nwe\n  GO", "we go"));
        assert!(!occurs_more_than_once("We go. We went.", "we go"));
    }
}
