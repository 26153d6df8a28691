//! The bytes that put text on the terminal's clipboard (OSC 52), directly or
//! through tmux and GNU screen, and the size a terminal is sent at most.
//!
//! OSC 52 is one-way: the terminal never says whether it took the text, so
//! the reader can only say it was sent. The sequence ends with ST (`ESC \`),
//! which every terminal that implements OSC 52 reads; BEL is an xterm
//! extension. The text is base64 encoded, so nothing in it can act on the
//! terminal.

use base64::Engine as _;

/// The largest base64 payload sent, in bytes. Terminals cap what they take
/// (tmux, kitty, xterm's default) at about this size, and a larger sequence
/// can stall a remote connection.
pub const MAX_PAYLOAD: usize = 100_000;

/// The longest piece GNU screen passes on from one device control string
/// (`ESC P … ESC \`), four bytes under the smallest limit screen has had
/// (256 bytes), leaving room for the `ESC P` and `ESC \` around it.
pub const SCREEN_CHUNK: usize = 252;

const ESC: char = '\x1b';
/// String Terminator.
const ST: &str = "\x1b\\";

/// The program between the reader and the terminal, which the sequence must
/// pass through.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Multiplexer {
    /// None: the sequence goes to the terminal as it is.
    None,
    /// tmux (`$TMUX` is set).
    Tmux,
    /// GNU screen (`$STY` is set).
    Screen,
}

impl Multiplexer {
    /// The multiplexer the environment names. tmux wins when both are set.
    pub fn from_env() -> Multiplexer {
        let set = |name| std::env::var_os(name).is_some_and(|v| !v.is_empty());
        if set("TMUX") {
            Multiplexer::Tmux
        } else if set("STY") {
            Multiplexer::Screen
        } else {
            Multiplexer::None
        }
    }
}

/// The OSC 52 sequence that puts `text` on the clipboard, ended with ST.
pub fn osc52(text: &str) -> Result<String, String> {
    let payload = base64::engine::general_purpose::STANDARD.encode(text);
    if payload.len() > MAX_PAYLOAD {
        return Err(format!(
            "not copied: too long for the terminal's clipboard ({} encoded, {} at most)",
            kilobytes(payload.len()),
            kilobytes(MAX_PAYLOAD)
        ));
    }
    Ok(format!("{ESC}]52;c;{payload}{ST}"))
}

/// What to write to the terminal for `text` under `mux`, or why nothing is
/// written (the text is too large).
///
/// - No multiplexer: the OSC 52 sequence.
/// - tmux: the sequence itself, which tmux takes into its paste buffer and
///   passes on with `set-clipboard on`, then the same sequence wrapped for
///   passthrough (`ESC P tmux; … ESC \`, every inner ESC doubled), which
///   reaches the outer terminal with `allow-passthrough on`. A terminal
///   that receives both sets its clipboard twice to the same text.
/// - GNU screen: the sequence in device control strings of at most
///   [`SCREEN_CHUNK`] bytes each, which screen passes on unread. The inner
///   ST cannot stand inside one (its `ESC \` would end it), so its ESC ends
///   one string, doubled as screen reads it there, and its `\` is the whole
///   next one.
pub fn sequence(text: &str, mux: Multiplexer) -> Result<String, String> {
    let osc = osc52(text)?;
    Ok(match mux {
        Multiplexer::None => osc,
        Multiplexer::Tmux => {
            let doubled = osc.replace(ESC, "\x1b\x1b");
            format!("{osc}{ESC}Ptmux;{doubled}{ST}")
        }
        Multiplexer::Screen => screen_chunks(&osc),
    })
}

/// `osc` (ending with ST) in GNU screen's device control strings.
fn screen_chunks(osc: &str) -> String {
    let body = osc.strip_suffix(ST).unwrap_or(osc);
    // `body` is ASCII (ESC, `]52;c;` and base64), so any byte is a boundary.
    let with_esc = format!("{body}{ESC}");
    let mut out = String::with_capacity(with_esc.len() * 2);
    for chunk in with_esc.as_bytes().chunks(SCREEN_CHUNK) {
        out.push_str(&format!("{ESC}P"));
        out.push_str(std::str::from_utf8(chunk).unwrap_or_default());
        out.push_str(ST);
    }
    out.push_str(&format!("{ESC}P\\{ST}"));
    out
}

/// `bytes` as kilobytes for a message: "134 kB".
fn kilobytes(bytes: usize) -> String {
    format!("{} kB", bytes.div_ceil(1000))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn b64(s: &str) -> String {
        base64::engine::general_purpose::STANDARD.encode(s)
    }

    #[test]
    fn osc52_ends_with_st_not_bel() {
        let seq = sequence("“hi” — A\n", Multiplexer::None).unwrap();
        assert_eq!(seq, format!("\x1b]52;c;{}\x1b\\", b64("“hi” — A\n")));
        assert!(!seq.contains('\x07'));
    }

    #[test]
    fn control_characters_travel_encoded() {
        let seq = sequence("a\x1b]52;c;evil\x07\x1b[201~", Multiplexer::None).unwrap();
        // Only the sequence's own two ESCs: the opening one and ST's.
        assert_eq!(seq.matches('\x1b').count(), 2);
        assert!(!seq.contains('\x07'));
    }

    #[test]
    fn tmux_gets_the_sequence_and_a_passthrough_with_escs_doubled() {
        let text = "quote";
        let osc = format!("\x1b]52;c;{}\x1b\\", b64(text));
        let seq = sequence(text, Multiplexer::Tmux).unwrap();
        let wrapped = format!("\x1bPtmux;\x1b\x1b]52;c;{}\x1b\x1b\\\x1b\\", b64(text));
        assert_eq!(seq, format!("{osc}{wrapped}"));
    }

    #[test]
    fn screen_gets_chunks_it_can_hold_and_the_st_split_across_two() {
        let text = "x".repeat(1000);
        let seq = sequence(&text, Multiplexer::Screen).unwrap();
        let pieces: Vec<&str> = seq
            .strip_prefix("\x1bP")
            .unwrap()
            .strip_suffix("\x1b\\")
            .unwrap()
            .split("\x1b\\\x1bP")
            .collect();
        assert!(pieces.len() > 2, "{pieces:?}");
        for piece in &pieces {
            assert!(piece.len() <= SCREEN_CHUNK, "{}", piece.len());
        }
        // What screen passes on, pieces joined, is the plain sequence.
        let passed: String = pieces.concat();
        assert_eq!(passed, format!("\x1b]52;c;{}\x1b\\", b64(&text)));
        // The ST's ESC ends a string and its backslash is the last one.
        assert_eq!(*pieces.last().unwrap(), "\\");
        assert!(pieces[pieces.len() - 2].ends_with('\x1b'));
        // No piece holds an ESC \ that would end its string early.
        assert!(pieces.iter().all(|p| !p.contains("\x1b\\")));
    }

    #[test]
    fn short_text_in_screen_is_two_strings() {
        let seq = sequence("hi", Multiplexer::Screen).unwrap();
        assert_eq!(
            seq,
            format!("\x1bP\x1b]52;c;{}\x1b\x1b\\\x1bP\\\x1b\\", b64("hi"))
        );
    }

    #[test]
    fn payloads_over_100_kb_are_refused_with_a_message() {
        // 75,000 bytes encode to exactly 100,000.
        let fits = "a".repeat(75_000);
        assert!(sequence(&fits, Multiplexer::None).is_ok());
        let over = "a".repeat(75_001);
        for mux in [Multiplexer::None, Multiplexer::Tmux, Multiplexer::Screen] {
            let message = sequence(&over, mux).unwrap_err();
            assert_eq!(
                message,
                "not copied: too long for the terminal's clipboard (101 kB encoded, 100 kB at most)"
            );
        }
    }
}
