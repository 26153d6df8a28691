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
}

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
        wrap_ranges(text, self.range(text, i), width)
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
    let width = width.max(1);
    let mut rows = Vec::new();
    let mut start = range.start;
    let mut used = 0;
    // The last place a row may end (after a space), and the width before it.
    let mut space: Option<(usize, usize)> = None;
    for (i, c) in text[range.clone()].char_indices() {
        let i = range.start + i;
        let w = shown_width(c);
        if used + w > width && used > 0 && c != ' ' {
            match space.filter(|&(at, _)| at > start) {
                Some((at, before)) => {
                    rows.push(start..at);
                    start = at;
                    used -= before;
                }
                None => {
                    rows.push(start..i);
                    start = i;
                    used = 0;
                }
            }
            space = None;
        }
        used += w;
        if c == ' ' {
            space = Some((i + 1, used));
        }
    }
    rows.push(start..range.end);
    rows
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
}
