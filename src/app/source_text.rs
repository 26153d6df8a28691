//! A long text laid out lazily for the source view: its segments (lines,
//! cut where one is very long) found once when the view opens, each wrapped
//! only when it is drawn or scrolled through, so a frame costs the lines on
//! screen, not the length of the text.

use std::ops::Range;
use std::sync::Arc;

use unicode_width::UnicodeWidthStr;

use crate::text::one_line;

/// The longest segment, in bytes: a longer line is cut (at a space where
/// there is one) so that wrapping one segment stays cheap.
pub const MAX_SEGMENT: usize = 4096;

/// Below this size the whole text is wrapped to count its rows exactly
/// (for the scrollbar); above it rows are counted by segment.
const EXACT_BELOW: usize = 64 * 1024;

/// Where each segment of a text starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segments {
    starts: Arc<[usize]>,
    /// With hanging indents: per segment, the indent of its continuation
    /// rows, and whether its first row is one too (a long line cut).
    hangs: Option<Arc<[(usize, bool)]>>,
}

/// Continuation rows of an indented line are indented this much more.
const HANG_MORE: usize = 2;

/// A row on screen: segment `seg`, its row `row` once wrapped.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Pos {
    pub seg: usize,
    pub row: usize,
}

impl Segments {
    /// The segments of `text`: one pass over it.
    pub fn new(text: &str) -> Segments {
        let mut starts = vec![0];
        let mut at = 0;
        for line in text.split_inclusive('\n') {
            let mut start = at;
            let end = at + line.len();
            while end - start > MAX_SEGMENT {
                let mut cut = start + MAX_SEGMENT;
                while !text.is_char_boundary(cut) {
                    cut -= 1;
                }
                if let Some(space) = text[start..cut].rfind(' ') {
                    cut = start + space + 1;
                }
                starts.push(cut);
                start = cut;
            }
            at = end;
            if at < text.len() {
                starts.push(at);
            }
        }
        Segments {
            starts: starts.into(),
            hangs: None,
        }
    }

    /// The segments of `text` laid out with hanging indents: the rows
    /// after the first of an indented line (`  Name: value`) are indented
    /// two columns more than it, so a wrapped value stays under its field.
    pub fn hanging(text: &str) -> Segments {
        let mut segments = Segments::new(text);
        let mut hangs = Vec::with_capacity(segments.len());
        let mut line_hang = 0;
        for i in 0..segments.len() {
            let start = segments.starts[i];
            let starts_line = start == 0 || text.as_bytes()[start - 1] == b'\n';
            if starts_line {
                let range = segments.range(text, i);
                let line = &text[range];
                let indent = line.len() - line.trim_start_matches(' ').len();
                line_hang = if indent > 0 { indent + HANG_MORE } else { 0 };
            }
            hangs.push((line_hang, !starts_line));
        }
        segments.hangs = Some(hangs.into());
        segments
    }

    /// The indent of segment `i`'s continuation rows at `width`, and
    /// whether its first row is one.
    fn hang(&self, i: usize, width: usize) -> (usize, bool) {
        match &self.hangs {
            Some(h) => (h[i].0.min(width / 2), h[i].1),
            None => (0, false),
        }
    }

    /// The columns drawn before `row` (a row of this text at `width`): its
    /// hanging indent when it continues a line.
    pub fn indent(&self, row: &Range<usize>, width: usize) -> usize {
        let seg = self.segment_of(row.start);
        let (hang, continues) = self.hang(seg, width);
        if continues || row.start > self.starts[seg] {
            hang
        } else {
            0
        }
    }

    pub fn len(&self) -> usize {
        self.starts.len()
    }

    pub fn is_empty(&self) -> bool {
        false
    }

    /// The bytes of segment `i`, without its line break.
    pub fn range(&self, text: &str, i: usize) -> Range<usize> {
        let start = self.starts[i];
        let mut end = self.starts.get(i + 1).copied().unwrap_or(text.len());
        let bytes = text.as_bytes();
        if end > start && bytes[end - 1] == b'\n' {
            end -= 1;
        }
        if end > start && bytes[end - 1] == b'\r' {
            end -= 1;
        }
        start..end
    }

    /// The segment holding byte `at`.
    pub fn segment_of(&self, at: usize) -> usize {
        self.starts.partition_point(|&s| s <= at).saturating_sub(1)
    }

    /// The rows of segment `i` wrapped to `width` columns.
    pub fn rows(&self, text: &str, i: usize, width: usize) -> Vec<Range<usize>> {
        let (hang, continues) = self.hang(i, width);
        let first = if continues { width - hang } else { width };
        wrap_hanging(text, self.range(text, i), first, width - hang)
    }

    /// The position of byte `at` wrapped to `width`.
    pub fn pos_of(&self, text: &str, at: usize, width: usize) -> Pos {
        let seg = self.segment_of(at);
        let rows = self.rows(text, seg, width);
        let row = rows.iter().rposition(|r| r.start <= at).unwrap_or(0);
        Pos { seg, row }
    }

    /// `pos` moved by `delta` rows, stopping at either end.
    pub fn step(&self, text: &str, mut pos: Pos, delta: isize, width: usize) -> Pos {
        let mut rows = self.rows(text, pos.seg, width).len();
        pos.row = pos.row.min(rows - 1);
        for _ in 0..delta.unsigned_abs() {
            if delta > 0 {
                if pos.row + 1 < rows {
                    pos.row += 1;
                } else if pos.seg + 1 < self.len() {
                    pos = Pos {
                        seg: pos.seg + 1,
                        row: 0,
                    };
                    rows = self.rows(text, pos.seg, width).len();
                } else {
                    break;
                }
            } else if pos.row > 0 {
                pos.row -= 1;
            } else if pos.seg > 0 {
                rows = self.rows(text, pos.seg - 1, width).len();
                pos = Pos {
                    seg: pos.seg - 1,
                    row: rows - 1,
                };
            } else {
                break;
            }
        }
        pos
    }

    /// The last first row: the end of the text at the bottom of a view
    /// `height` rows high.
    pub fn max_top(&self, text: &str, width: usize, height: usize) -> Pos {
        let last = self.len() - 1;
        let end = Pos {
            seg: last,
            row: self.rows(text, last, width).len() - 1,
        };
        self.step(text, end, -(height.saturating_sub(1) as isize), width)
    }

    /// `top` kept within the text for a view `height` rows high.
    pub fn clamp(&self, text: &str, top: Pos, width: usize, height: usize) -> Pos {
        let seg = top.seg.min(self.len() - 1);
        let rows = self.rows(text, seg, width).len();
        let top = Pos {
            seg,
            row: top.row.min(rows - 1),
        };
        top.min(self.max_top(text, width, height))
    }

    /// The rows shown from `top`, at most `height`, as byte ranges.
    pub fn visible(&self, text: &str, top: Pos, width: usize, height: usize) -> Vec<Range<usize>> {
        let mut out = Vec::with_capacity(height);
        let mut seg = top.seg;
        let mut skip = top.row;
        while out.len() < height && seg < self.len() {
            let rows = self.rows(text, seg, width);
            out.extend(rows.into_iter().skip(skip).take(height - out.len()));
            skip = 0;
            seg += 1;
        }
        out
    }

    /// Rows in all at `width`, for a short text; `None` for a long one.
    pub fn exact_rows(&self, text: &str, width: usize) -> Option<usize> {
        (text.len() <= EXACT_BELOW).then(|| self.extent(text, Pos::default(), width).0)
    }

    /// Rows in all and the index of `top` among them, for the scrollbar:
    /// exact for a short text, counted by segment for a long one.
    pub fn extent(&self, text: &str, top: Pos, width: usize) -> (usize, usize) {
        if text.len() > EXACT_BELOW {
            return (self.len(), top.seg);
        }
        let mut total = 0;
        let mut at = 0;
        for seg in 0..self.len() {
            if seg == top.seg {
                at = total + top.row;
            }
            total += self.rows(text, seg, width).len();
        }
        (total, at)
    }
}

/// The columns `c` takes once escaped for the terminal.
pub fn shown_width(c: char) -> usize {
    if c.is_ascii_graphic() || c == ' ' {
        1
    } else {
        let mut buf = [0; 4];
        one_line(c.encode_utf8(&mut buf)).width()
    }
}

/// `range` of `text` wrapped to rows at most `width` columns wide, broken
/// after spaces, or inside a word wider than a row. Always one row at least.
pub fn wrap_ranges(text: &str, range: Range<usize>, width: usize) -> Vec<Range<usize>> {
    wrap_hanging(text, range, width, width)
}

/// `range` of `text` wrapped as [`wrap_ranges`] does, its first row at
/// most `first` columns wide and the others at most `rest`.
pub fn wrap_hanging(
    text: &str,
    range: Range<usize>,
    first: usize,
    rest: usize,
) -> Vec<Range<usize>> {
    let mut rows = Vec::new();
    let mut start = range.start;
    let mut width = first.max(1);
    loop {
        let mut used = 0;
        // Where a row may end: after its last space.
        let mut space = None;
        let mut end = None;
        for (i, c) in text[start..range.end].char_indices() {
            let i = start + i;
            let w = shown_width(c);
            if used + w > width && used > 0 && c != ' ' {
                end = Some(space.unwrap_or(i));
                break;
            }
            used += w;
            if c == ' ' {
                space = Some(i + 1);
            }
        }
        match end {
            Some(e) => {
                rows.push(start..e);
                start = e;
                width = rest.max(1);
            }
            None => {
                rows.push(start..range.end);
                return rows;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(text: &str, width: usize) -> Vec<&str> {
        wrap_ranges(text, 0..text.len(), width)
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn rows_break_after_spaces_and_inside_long_words() {
        assert_eq!(shown("one two three", 7), ["one two ", "three"]);
        assert_eq!(shown("one two three", 6), ["one ", "two ", "three"]);
        assert_eq!(shown("abcdefghij", 4), ["abcd", "efgh", "ij"]);
        assert_eq!(shown("", 4), [""]);
        assert_eq!(shown("“quoted” text", 9), ["“quoted” ", "text"]);
    }

    #[test]
    fn segments_are_lines_and_cut_long_ones() {
        let text = "a\nbb\r\n\nccc";
        let s = Segments::new(text);
        let lines: Vec<&str> = (0..s.len()).map(|i| &text[s.range(text, i)]).collect();
        assert_eq!(lines, ["a", "bb", "", "ccc"]);
        assert_eq!(s.segment_of(text.find('c').unwrap()), 3);
        let long = "word ".repeat(3000);
        let s = Segments::new(&long);
        assert!(s.len() >= 4);
        assert!((0..s.len()).all(|i| s.range(&long, i).len() <= MAX_SEGMENT));
    }

    #[test]
    fn steps_stop_at_both_ends() {
        let text = "one two three\nfour";
        let s = Segments::new(text);
        let end = s.step(text, Pos::default(), 100, 6);
        assert_eq!(end, Pos { seg: 1, row: 0 });
        assert_eq!(s.step(text, end, -100, 6), Pos::default());
        assert_eq!(s.max_top(text, 6, 2), Pos { seg: 0, row: 2 });
        let rows = s.visible(text, Pos { seg: 0, row: 1 }, 6, 10);
        let rows: Vec<&str> = rows.into_iter().map(|r| &text[r]).collect();
        assert_eq!(rows, ["two ", "three", "four"]);
        assert_eq!(s.extent(text, Pos { seg: 0, row: 1 }, 6), (4, 1));
    }

    #[test]
    fn an_indented_lines_continuation_rows_hang_under_it() {
        let text = "Heading wraps here\n  Key: abcdefghijkl\n  one two three four";
        let s = Segments::hanging(text);
        let rows: Vec<(usize, &str)> = (0..s.len())
            .flat_map(|i| s.rows(text, i, 10))
            .map(|r| (s.indent(&r, 10), &text[r]))
            .collect();
        assert_eq!(
            rows,
            [
                (0, "Heading "),
                (0, "wraps here"),
                (0, "  Key: "),
                (4, "abcdef"),
                (4, "ghijkl"),
                (0, "  one two "),
                (4, "three "),
                (4, "four"),
            ]
        );
        // Without hanging indents, nothing is indented.
        let plain = Segments::new(text);
        let r = plain.rows(text, 1, 10)[1].clone();
        assert_eq!((plain.indent(&r, 10), &text[r]), (0, "abcdefghij"));
    }
}
