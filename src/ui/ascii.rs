//! `--ascii`: the drawn frame with every line-drawing character, block and
//! mark the reader draws replaced by an ASCII one, for terminals, fonts and
//! screen readers that mangle box drawing. Done on the finished frame, so
//! every pane, popup and view is covered by one table, in one pass over
//! the screen's cells (the same characters in a briefing's own text are
//! replaced too: that is what the user asked for).

use ratatui::buffer::Buffer;

/// The ASCII stand-in for `c`, if it is one the reader draws.
fn plain(c: char) -> Option<&'static str> {
    Some(match c {
        // Horizontal and vertical lines, light, heavy and double.
        '─' | '━' | '═' | '┄' | '┅' | '╌' | '╍' => "-",
        '│' | '┃' | '║' | '┆' | '┇' | '╎' | '╏' | '▏' | '▕' => "|",
        // Corners, tees and crosses of every weight.
        '┌'..='╋' | '╒'..='╬' | '╭'..='╰' => "+",
        // Blocks: the scrollbar's thumb and bars.
        '█' | '▉' | '▊' | '▋' | '▌' | '▍' | '▎' | '▐' | '▀' | '▄' | '▇' | '▆' | '▅' | '▃' | '▂'
        | '▁' | '░' | '▒' | '▓' => "#",
        // Marks.
        '●' | '•' | '◆' | '★' => "*",
        '○' => "o",
        '·' => ".",
        '…' => "~",
        '✓' => "v",
        '✗' | '×' => "x",
        '≠' => "#",
        '⚠' => "!",
        'Δ' => "^",
        '▸' | '▶' | '›' | '→' => ">",
        '◂' | '◀' | '‹' | '←' => "<",
        '▴' | '▲' | '↑' => "^",
        '▾' | '▼' | '↓' => "v",
        '↔' => "=",
        '—' | '–' => "-",
        '“' | '”' => "\"",
        '‘' | '’' => "'",
        _ => return None,
    })
}

/// Replaces, in place, every character of `buffer` that has a stand-in.
pub fn to_ascii(buffer: &mut Buffer) {
    for cell in &mut buffer.content {
        let mut chars = cell.symbol().chars();
        if let (Some(c), None) = (chars.next(), chars.next())
            && let Some(s) = plain(c)
        {
            cell.set_symbol(s);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::layout::Rect;

    #[test]
    fn borders_and_marks_become_ascii() {
        let mut buffer = Buffer::with_lines(["╭─┏━┓╮", "│●…✓┃█", "╰──┗┛╯"]);
        to_ascii(&mut buffer);
        assert_eq!(buffer, Buffer::with_lines(["+-+-++", "|*~v|#", "+--+++"]));
        assert_eq!(buffer.area, Rect::new(0, 0, 6, 3));
    }
}
