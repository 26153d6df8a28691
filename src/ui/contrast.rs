//! WCAG 2 contrast between terminal colours, with named colours read as the
//! xterm default palette.

use ratatui::style::Color;

/// The WCAG minimum for normal text.
pub const MIN_RATIO: f64 = 4.5;

/// The colour as red, green, blue; `None` for `Reset` (the terminal's own).
pub fn rgb(color: Color) -> Option<(u8, u8, u8)> {
    Some(match color {
        Color::Reset => return None,
        Color::Black => (0, 0, 0),
        Color::Red => (205, 0, 0),
        Color::Green => (0, 205, 0),
        Color::Yellow => (205, 205, 0),
        Color::Blue => (0, 0, 238),
        Color::Magenta => (205, 0, 205),
        Color::Cyan => (0, 205, 205),
        Color::Gray => (229, 229, 229),
        Color::DarkGray => (127, 127, 127),
        Color::LightRed => (255, 0, 0),
        Color::LightGreen => (0, 255, 0),
        Color::LightYellow => (255, 255, 0),
        Color::LightBlue => (92, 92, 255),
        Color::LightMagenta => (255, 0, 255),
        Color::LightCyan => (0, 255, 255),
        Color::White => (255, 255, 255),
        Color::Rgb(r, g, b) => (r, g, b),
        Color::Indexed(i) => return indexed(i),
    })
}

/// The xterm 256-colour palette.
fn indexed(i: u8) -> Option<(u8, u8, u8)> {
    const BASE: [Color; 16] = [
        Color::Black,
        Color::Red,
        Color::Green,
        Color::Yellow,
        Color::Blue,
        Color::Magenta,
        Color::Cyan,
        Color::Gray,
        Color::DarkGray,
        Color::LightRed,
        Color::LightGreen,
        Color::LightYellow,
        Color::LightBlue,
        Color::LightMagenta,
        Color::LightCyan,
        Color::White,
    ];
    match i {
        0..16 => rgb(BASE[usize::from(i)]),
        16..232 => {
            let level = |n: u8| if n == 0 { 0 } else { 55 + 40 * n };
            let n = i - 16;
            Some((level(n / 36), level(n / 6 % 6), level(n % 6)))
        }
        _ => {
            let v = 8 + 10 * (i - 232);
            Some((v, v, v))
        }
    }
}

/// WCAG relative luminance, 0 (black) to 1 (white).
pub fn luminance((r, g, b): (u8, u8, u8)) -> f64 {
    let channel = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
}

/// The contrast ratio of two colours, 1 to 21; `None` when either is the
/// terminal's own colour, which cannot be known.
pub fn ratio(a: Color, b: Color) -> Option<f64> {
    let (la, lb) = (luminance(rgb(a)?), luminance(rgb(b)?));
    let (hi, lo) = if la > lb { (la, lb) } else { (lb, la) };
    Some((hi + 0.05) / (lo + 0.05))
}

/// Is `fg` readable on `bg` (a known ratio of at least [`MIN_RATIO`])?
pub fn readable(fg: Color, bg: Color) -> bool {
    ratio(fg, bg).is_some_and(|r| r >= MIN_RATIO)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn black_on_white_is_21() {
        let r = ratio(Color::Black, Color::White).unwrap();
        assert!((r - 21.0).abs() < 1e-9, "{r}");
        assert!(ratio(Color::Reset, Color::White).is_none());
    }

    #[test]
    fn palette_matches_xterm() {
        assert_eq!(rgb(Color::Indexed(196)), Some((255, 0, 0)));
        assert_eq!(rgb(Color::Indexed(237)), Some((58, 58, 58)));
        assert_eq!(rgb(Color::Indexed(6)), rgb(Color::Cyan));
        assert!(!readable(Color::DarkGray, Color::Cyan));
        assert!(readable(Color::Black, Color::Cyan));
    }
}
