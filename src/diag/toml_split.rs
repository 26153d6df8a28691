//! Parsing a large TOML document on two threads: the text is cut at a
//! header line of an array of tables (`[[quotes]]`) near its middle, each
//! part is parsed on its own thread, the second part's spans are moved to
//! where they are in the whole text, and the two tables are joined. The
//! result is the table the whole text parses to, spans included; whenever
//! that cannot be shown (a part does not parse, or the parts define the
//! same key other than by appending to one array of tables), the caller
//! parses the whole text as usual.

use std::ops::Range;

use toml::Spanned;
use toml::de::{DeArray, DeTable, DeValue};

/// Texts shorter than this are parsed in one piece: a thread costs more
/// than it saves.
pub const MIN_BYTES: usize = 1 << 20;

/// Parses `source` in two parts cut before a line `header` (such as
/// `[[quotes]]`) near the middle, or `None` when that is not possible or
/// not shown to give the same table as parsing it whole.
pub fn parse<'a>(source: &'a str, header: &str) -> Option<Spanned<DeTable<'a>>> {
    let cut = cut(source, header)?;
    let (first, second) = source.split_at(cut);
    let (first, second) = std::thread::scope(|scope| {
        let later = scope.spawn(|| {
            let table = DeTable::parse(second).ok()?;
            Some(shift_table(table.into_inner(), cut))
        });
        let first = DeTable::parse(first).ok();
        (first, later.join().ok().flatten())
    });
    let (first, second) = (first?, second?);
    let span = first.span();
    join(source, header, first.into_inner(), second).map(|t| Spanned::new(span, t))
}

/// Where to cut: the start of a line that is exactly `header`, at or after
/// the middle, with the same header on an earlier line (so the first part
/// starts the array the second appends to). Whether the line is really a
/// header (not inside a multi-line string) shows when the first part
/// parses: a part that ends inside a string does not.
fn cut(source: &str, header: &str) -> Option<usize> {
    let line = format!("\n{header}\n");
    let bytes = source.as_bytes();
    let middle = source.len() * 11 / 20;
    let at = memchr::memmem::find(&bytes[middle..], line.as_bytes())? + middle + 1;
    let earlier = memchr::memmem::find(&bytes[..at], &line.as_bytes()[..line.len() - 1])
        .is_some_and(|i| i + 1 < at)
        || bytes.starts_with(&line.as_bytes()[1..]);
    earlier.then_some(at)
}

fn shift(span: Range<usize>, by: usize) -> Range<usize> {
    span.start + by..span.end + by
}

fn shift_table(table: DeTable<'_>, by: usize) -> DeTable<'_> {
    table
        .into_iter()
        .map(|(key, value)| {
            let key = Spanned::new(shift(key.span(), by), key.into_inner());
            (key, shift_value(value, by))
        })
        .collect()
}

fn shift_value(value: Spanned<DeValue<'_>>, by: usize) -> Spanned<DeValue<'_>> {
    let span = shift(value.span(), by);
    let inner = match value.into_inner() {
        DeValue::Table(table) => DeValue::Table(shift_table(table, by)),
        DeValue::Array(mut items) => {
            for item in items.iter_mut() {
                let old = std::mem::replace(item, Spanned::new(0..0, DeValue::Boolean(false)));
                *item = shift_value(old, by);
            }
            DeValue::Array(items)
        }
        scalar => scalar,
    };
    Spanned::new(span, inner)
}

/// The first part's table with the second's joined in: a key of only one
/// part is taken as it is; the `header` array of tables in both is the
/// first's items then the second's. Any other key in both: `None`.
fn join<'a>(
    source: &str,
    header: &str,
    mut first: DeTable<'a>,
    second: DeTable<'a>,
) -> Option<DeTable<'a>> {
    let name = header.trim_start_matches('[').trim_end_matches(']');
    for (key, value) in second {
        let Some(existing) = first.get_mut(&key) else {
            first.insert(key, value);
            continue;
        };
        if key.get_ref().as_ref() != name {
            return None;
        }
        let DeValue::Array(items) = existing.get_mut() else {
            return None;
        };
        // The first part's items must come from headers too, not from an
        // inline array (which a header cannot append to).
        let from_headers = |items: &DeArray<'_>| {
            items.iter().all(|item| {
                item.get_ref().is_table()
                    && source
                        .get(item.span().start..)
                        .is_some_and(|rest| rest.starts_with(header))
            })
        };
        if !from_headers(items) {
            return None;
        }
        let DeValue::Array(more) = value.into_inner() else {
            return None;
        };
        for item in more {
            items.push(item);
        }
    }
    Some(first)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every key and value of `a` and `b` equal, with equal spans.
    fn same(a: &Spanned<DeValue<'_>>, b: &Spanned<DeValue<'_>>, path: &str) {
        assert_eq!(a.span(), b.span(), "span of {path}");
        match (a.get_ref(), b.get_ref()) {
            (DeValue::Table(x), DeValue::Table(y)) => same_table(x, y, path),
            (DeValue::Array(x), DeValue::Array(y)) => {
                assert_eq!(x.len(), y.len(), "length of {path}");
                for (k, (i, j)) in x.iter().zip(y.iter()).enumerate() {
                    same(i, j, &format!("{path}[{k}]"));
                }
            }
            (x, y) => assert_eq!(format!("{x:?}"), format!("{y:?}"), "{path}"),
        }
    }

    fn same_table(x: &DeTable<'_>, y: &DeTable<'_>, path: &str) {
        assert_eq!(x.len(), y.len(), "keys of {path}");
        for ((k, v), (l, w)) in x.iter().zip(y.iter()) {
            assert_eq!(k.get_ref(), l.get_ref(), "key in {path}");
            assert_eq!(k.span(), l.span(), "span of key {path}.{}", k.get_ref());
            same(v, w, &format!("{path}.{}", k.get_ref()));
        }
    }

    fn document(quotes: usize) -> String {
        let mut s = String::from("format = 1\n[briefing]\nid = \"x\"\n\n");
        for i in 0..quotes {
            s.push_str(&format!(
                "[[quotes]]\nid = \"q{i}\"\ntext = \"\"\"say \\\"{i}\\\"\"\"\"\ntopics = [\"a\", {{ x = 1 }}]\n\n"
            ));
            if i == quotes / 3 {
                s.push_str("[[disagreements]]\nid = \"d\"\n[[disagreements.positions]]\nspeaker = \"s\"\n\n");
            }
        }
        s.push_str("[[speakers]]\nid = \"s\"\n");
        s
    }

    #[test]
    fn two_parts_give_the_table_and_spans_of_the_whole() {
        let text = document(200);
        let whole = DeTable::parse(&text).unwrap();
        let parts = parse(&text, "[[quotes]]").expect("cut in two");
        assert_eq!(whole.span(), parts.span());
        same_table(whole.get_ref(), parts.get_ref(), "root");
    }

    #[test]
    fn a_cut_inside_a_string_or_a_key_in_both_parts_falls_back() {
        // The only header line after the middle is inside a string.
        let mut text = document(4);
        let long = "n".repeat(5000);
        text.push_str(&format!(
            "note = \"{long}\"\n[[late]]\nx = \"\"\"\n[[quotes]]\n\"\"\"\n"
        ));
        assert!(DeTable::parse(&text).is_ok());
        assert!(parse(&text, "[[quotes]]").is_none());
        // A table in both parts: joining would hide the duplicate.
        let text = format!(
            "{}[briefing]\nid = \"y\"\n",
            document(20).replace("[[speakers]]", "[[quotes]]\nid = \"z\"\n[[speakers]]")
        );
        assert!(DeTable::parse(&text).is_err());
        assert!(parse(&text, "[[quotes]]").is_none());
        // Appending to an inline array is not what headers do.
        let text = format!("quotes = [{{ id = \"a\" }}]\n{}", "x = 1\n".repeat(50));
        let text = format!("{text}[[quotes]]\nid = \"b\"\n");
        assert!(parse(&text, "[[quotes]]").is_none());
    }
}
