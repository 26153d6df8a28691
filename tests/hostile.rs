//! Hostile briefings: no control, escape or bidi sequence from a file reaches
//! the terminal. Every output path is rendered into a byte buffer (the TUI
//! through the real crossterm backend; `check`, `export` and `render` through
//! the real binary) and scanned: the only escape sequences allowed are the CSI
//! sequences the program itself writes.

use std::path::{Path, PathBuf};
use std::process::Command;

mod support;

use briefing::app::Action;
use briefing::keys::parse_sequence;
use briefing::model::{Briefing, load_paths};
use briefing::ui::{self, Context};
use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};

fn hostile_files() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hostile");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
}

/// The DEC private modes the program sets (`ESC[?…h`) and resets
/// (`ESC[?…l`): the cursor (25, ratatui after each draw; `cursor::Hide` and
/// `Show` in `terminal.rs`), the alternate screen (1049, `terminal.rs`) and
/// the mouse modes crossterm's `EnableMouseCapture` and `DisableMouseCapture`
/// write (1000, 1002, 1003, 1015, 1006). The program uses no bracketed paste
/// (2004) and no other mode.
const DEC_MODES: &[&str] = &["25", "1049", "1000", "1002", "1003", "1006", "1015"];

/// Is `ESC [ body` a CSI sequence the program writes itself? Only these:
///
/// - SGR, `ESC[…m`: colours and attributes (`0m`, `1m`, `22m`, `39;49m`,
///   `38;5;6;49m`, `38;5;0;48;5;6m`, `59m`, …), from the crossterm backend;
/// - CUP, `ESC[row;colH`: cursor position, from the crossterm backend;
/// - the DEC private modes in [`DEC_MODES`], set or reset.
///
/// These are all the scanned outputs contain (the TUI draws through the
/// crossterm backend; `check`, `render` and `export` write to a pipe without
/// colour). `terminal.rs` also clears the screen with `ESC[2J` on redraw
/// after a resume, but only on the real terminal, never in an output scanned
/// here, so `ESC[2J` counts as a leak, as does every other CSI: erasing
/// (`2J`, `K`), cursor moves other than CUP, scroll regions, and queries
/// that make the terminal type an answer (`6n`, `c`, `21t`).
fn is_own_csi(body: &str) -> bool {
    let number = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if let Some(params) = body.strip_suffix('m') {
        return params
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b';' || b == b':');
    }
    if let Some(position) = body.strip_suffix('H') {
        return position
            .split_once(';')
            .is_some_and(|(row, col)| number(row) && number(col));
    }
    body.strip_prefix('?')
        .and_then(|b| b.strip_suffix(['h', 'l']))
        .is_some_and(|mode| DEC_MODES.contains(&mode))
}

/// Every sequence in `bytes` that the program would not write itself: any
/// escape that is not one of its own CSI sequences ([`is_own_csi`]), any
/// other C0 or C1 control, DEL, bidi controls, invisible characters and
/// joiners that join nothing (`text::unsafe_chars`). Returns a description
/// of each.
fn leaks(bytes: &[u8]) -> Vec<String> {
    scan(bytes)
}

fn scan(bytes: &[u8]) -> Vec<String> {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return vec!["output is not UTF-8".into()];
    };
    let mut found = Vec::new();
    let excerpt = |at: usize| {
        let end = (at..=text.len().min(at + 12))
            .rev()
            .find(|&i| text.is_char_boundary(i))
            .unwrap_or(at);
        format!("{:?}", &text[at..end])
    };
    for (at, c) in briefing::text::unsafe_chars(text) {
        if c == '\n' {
            continue;
        }
        if c != '\x1b' {
            found.push(format!("{c:?} at byte {at}"));
            continue;
        }
        // CSI: ESC [ parameters intermediates final.
        let mut rest = text[at + 1..].char_indices().peekable();
        if rest.next_if(|&(_, n)| n == '[').is_none() {
            found.push(format!(
                "ESC not starting a CSI at byte {at}: {}",
                excerpt(at)
            ));
            continue;
        }
        while rest.next_if(|&(_, n)| ('0'..='?').contains(&n)).is_some() {}
        while rest.next_if(|&(_, n)| (' '..='/').contains(&n)).is_some() {}
        let Some((end, _)) = rest.next_if(|&(_, n)| ('@'..='~').contains(&n)) else {
            found.push(format!("unterminated CSI at byte {at}: {}", excerpt(at)));
            continue;
        };
        let body = &text[at + 2..at + 1 + end + 1];
        if !is_own_csi(body) {
            found.push(format!(
                "CSI the program does not write at byte {at}: ESC[{body}"
            ));
        }
    }
    found
}

/// The bytes the TUI writes for a series of screens of `briefing`, through
/// the crossterm backend, in colour.
fn tui_bytes(b: &Briefing, width: u16, height: u16) -> Vec<u8> {
    let theme = support::theme(false);
    let ctx = Context { theme: &theme };
    let mut out = Vec::new();
    for keys in [
        "",
        "2",
        "3",
        "4",
        "4jj",
        "1<Enter>",
        "2<Enter>",
        "3<Enter>",
        "3j<Enter>",
        "4<Enter>",
        "i",
        "b",
        "t",
        "?",
        "]",
        "3/a",
        "3/e<Enter>n",
    ] {
        let mut app = support::app_with(vec![b.clone()], Vec::new());
        app.update(Action::Resize(width, height));
        support::press(&mut app, keys);
        let backend = CrosstermBackend::new(&mut out);
        let options = TerminalOptions {
            viewport: Viewport::Fixed(Rect::new(0, 0, width, height)),
        };
        let mut terminal = Terminal::with_options(backend, options).unwrap();
        terminal.draw(|f| ui::draw(f, &app, &ctx)).unwrap();
    }
    out
}

fn run(args: &[&str]) -> Vec<u8> {
    let out = support::hermetic(&mut Command::new(env!("CARGO_BIN_EXE_briefing")))
        .args(args)
        .env("XDG_CONFIG_HOME", "/nonexistent/briefing-test-config")
        .output()
        .unwrap();
    let mut bytes = out.stdout;
    bytes.extend(out.stderr);
    bytes
}

#[test]
fn no_hostile_sequence_reaches_any_output() {
    let files = hostile_files();
    assert!(files.len() >= 16);
    let mut outputs = 0;
    let mut leaked = Vec::new();
    for file in &files {
        let path = file.to_str().unwrap();
        let mut check = |what: String, bytes: Vec<u8>| {
            outputs += 1;
            let found = leaks(&bytes);
            leaked.extend(found.into_iter().map(|l| format!("{what}: {l}")));
        };
        check(format!("check {path}"), run(&["check", path]));
        check(
            format!("render {path}"),
            run(&["render", "--size", "100x30", "--keys", "3<Enter>", path]),
        );
        check(
            format!("reader, stdout not a terminal, {path}"),
            run(&[path]),
        );
        for format in ["markdown", "json"] {
            check(
                format!("export {format} {path}"),
                run(&["export", "--format", format, path]),
            );
        }
        let report = load_paths(std::slice::from_ref(file));
        for b in &report.briefings {
            for (w, h) in [(120, 40), (80, 24)] {
                check(format!("TUI {w}x{h} {path}"), tui_bytes(b, w, h));
            }
        }
    }
    println!(
        "hostile cases: {}, outputs checked: {outputs}, sequences leaked: {}",
        files.len(),
        leaked.len()
    );
    assert!(leaked.is_empty(), "{}", leaked.join("\n"));
}

#[test]
fn the_scanner_catches_what_it_must() {
    assert!(leaks(b"plain \x1b[31mred\x1b[0m \x1b[?1049h").is_empty());
    assert_eq!(leaks(b"\x1b]0;title\x07").len(), 2, "OSC and BEL");
    assert_eq!(leaks("x\u{9b}31m".as_bytes()).len(), 1);
    assert_eq!(leaks("a\u{202e}b".as_bytes()).len(), 1);
    assert_eq!(leaks(b"\x1bP+q\x1b\\").len(), 2);
}

#[test]
fn the_scanner_allows_only_the_programs_own_csi_sequences() {
    // What the crossterm backend and terminal.rs write.
    let own = concat!(
        "\x1b[?1049h\x1b[?25l\x1b[?1000h\x1b[?1002h\x1b[?1003h\x1b[?1015h\x1b[?1006h",
        "\x1b[1;1H\x1b[0m\x1b[1m\x1b[22m\x1b[38;5;6;49mtext\x1b[38;5;0;48;5;6m\x1b[39;49m",
        "\x1b[59m\x1b[12;80H\x1b[?25h\x1b[?1006l\x1b[?1000l\x1b[?1049l",
    );
    assert_eq!(leaks(own.as_bytes()), Vec::<String>::new());
    // Any other CSI is a leak, the program's own ones included when changed.
    for other in [
        "\x1b[2J",     // erase the screen
        "\x1b[6n",     // report the cursor position: the terminal types an answer
        "\x1b[c",      // device attributes: likewise
        "\x1b[21t",    // report the window title
        "\x1b[K",      // erase the line
        "\x1b[5A",     // cursor up
        "\x1b[H",      // cursor home, never written by the backend
        "\x1b[1;2;3H", // not a position
        "\x1b[?2004h", // bracketed paste, not used
        "\x1b[?1049",  // unterminated
        "\x1b[?25x",
        "\x1b[1;31!m",
    ] {
        let found = leaks(format!("ok {other} ok").as_bytes());
        assert_eq!(found.len(), 1, "{other:?}: {found:?}");
    }
    // Invisible characters and joiners that join nothing; not a family.
    assert_eq!(leaks("pay\u{200b}pal".as_bytes()).len(), 1);
    assert_eq!(leaks("pay\u{200d}pal \u{e0041}".as_bytes()).len(), 2);
    assert_eq!(leaks("a\u{2028}b".as_bytes()).len(), 1);
    assert!(leaks("\u{1f469}\u{200d}\u{1f469}\u{200d}\u{1f467}".as_bytes()).is_empty());
}

#[test]
fn csi_sequences_from_a_file_are_caught_raw_and_shown_escaped() {
    for (name, sequences) in [
        ("csi-in-title.toml", &["2J"][..]),
        (
            "csi-not-emitted.toml",
            &["6n", "c", "21t", "2J", "?2004l", "3;1r"][..],
        ),
    ] {
        let file = hostile_files()
            .into_iter()
            .find(|f| f.ends_with(name))
            .unwrap();
        let b = load_paths(std::slice::from_ref(&file)).briefings.remove(0);
        // Written raw, the scanner would report what the program never writes.
        let raw = leaks(b.meta.title.as_bytes());
        let expected: Vec<String> = sequences.iter().map(|s| format!("ESC[{s}")).collect();
        let reported: Vec<&str> = raw.iter().map(|l| l.rsplit(": ").next().unwrap()).collect();
        assert_eq!(reported, expected, "{name}");
        // Through the program, each is shown escaped.
        let out = String::from_utf8(run(&["render", "--size", "160x12", file.to_str().unwrap()]))
            .unwrap();
        assert!(leaks(out.as_bytes()).is_empty(), "{out}");
        for s in sequences {
            assert!(out.contains(&format!("^[[{s}")), "{s} in {out}");
        }
        let md = String::from_utf8(run(&[
            "export",
            "--format",
            "markdown",
            file.to_str().unwrap(),
        ]))
        .unwrap();
        assert!(leaks(md.as_bytes()).is_empty(), "{md}");
    }
}

#[test]
fn hostile_text_is_shown_escaped_not_dropped() {
    let file = hostile_files()
        .into_iter()
        .find(|f| f.ends_with("csi-in-title.toml"))
        .unwrap();
    let out =
        String::from_utf8(run(&["render", "--size", "120x12", file.to_str().unwrap()])).unwrap();
    assert!(out.contains("Budget ^[[2J^[[31mRED"), "{out}");
}

#[test]
fn a_hostile_file_name_is_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("evil\x1b]0;pwned\x07.toml");
    std::fs::write(&path, "format = 2\n").unwrap();
    let out = run(&["check", path.to_str().unwrap()]);
    assert!(leaks(&out).is_empty(), "{}", String::from_utf8_lossy(&out));
    assert!(String::from_utf8_lossy(&out).contains("evil^[]0;pwned^G.toml"));
}

#[test]
fn wide_characters_never_break_borders() {
    let file = hostile_files()
        .into_iter()
        .find(|f| f.ends_with("wide-and-combining.toml"))
        .unwrap();
    let b = load_paths(&[file]).briefings.remove(0);
    let theme = support::theme(true);
    let ctx = Context { theme: &theme };
    for (w, h) in [(120, 40), (100, 30), (80, 24), (41, 13)] {
        for keys in ["", "2", "3", "4"] {
            let mut app = support::app_with(vec![b.clone()], Vec::new());
            let buffer =
                briefing::headless::render(&mut app, &ctx, &parse_sequence(keys).unwrap(), w, h);
            for rect in app.layout().panes.iter().flatten() {
                let border = |x, y| buffer[(x, y)].symbol().to_string();
                for y in rect.top() + 1..rect.bottom().saturating_sub(1) {
                    for x in [rect.left(), rect.right() - 1] {
                        let s = border(x, y);
                        assert!(
                            ["│", "┃"].contains(&s.as_str()),
                            "{w}x{h} keys {keys:?}: {s:?} at ({x},{y}) where a border belongs"
                        );
                    }
                }
            }
        }
    }
}

#[test]
fn markdown_and_html_in_fields_are_escaped_in_the_digest() {
    let file = hostile_files()
        .into_iter()
        .find(|f| f.ends_with("markdown-and-html.toml"))
        .unwrap();
    let out = support::hermetic(&mut Command::new(env!("CARGO_BIN_EXE_briefing")))
        .args(["export", "--format", "markdown", file.to_str().unwrap()])
        .output()
        .unwrap();
    let md = String::from_utf8(out.stdout).unwrap();
    for escaped in [
        r"# \<script>alert(1)\</script> \*\*bold\*\* \#",
        "\n\\# heading\n",
        r"\*\*bold\*\* and \[x\](javascript:alert(1)) \<img src=x onerror=alert(1)>",
        "\n\\- not a list\n1\\. not a list either\n\\> not a quote\n\\---\n",
        r"\&lt;entity\&gt; \| a \| table \|",
        "\n\\`\\`\\`\nnot code\n",
        "- \\# heading\n- \\[x\\](javascript:alert(1))\n- \\<b>html\\</b>\n- 1\\. first\n",
        r"### \*\*Ben\*\* — Opposition leader",
        r"> “It is \<em>not\</em> \[balanced\](javascript:alert(1)).”",
        "\n\\# They disagree\n\\<script>x\\</script>\n",
        r"- **\*\*Ben\*\***: Not balanced.",
        r"- \- a source \<javascript:alert(1)\>",
    ] {
        assert!(md.contains(escaped), "missing {escaped:?} in\n{md}");
    }
    // Nothing from the file is left to be read as Markdown or HTML.
    for raw in [
        "<script",
        "<img",
        "<b>",
        "<em>",
        "<javascript",
        "](",
        "**bold",
        "&lt;",
    ] {
        let unescaped = md.match_indices(raw).any(|(i, _)| !md[..i].ends_with('\\'));
        assert!(!unescaped, "unescaped {raw:?} in\n{md}");
    }
    for line in md.lines() {
        for start in ["# heading", "- not", "1. ", "> not", "---", "```", "# They"] {
            assert!(!line.starts_with(start), "{line:?} starts a block");
        }
    }
}
