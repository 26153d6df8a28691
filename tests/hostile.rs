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

/// Every sequence in `bytes` that the program would not write itself: any
/// escape that is not a CSI sequence, any other C0 or C1 control, DEL, and
/// bidi controls. Returns a description of each.
fn leaks(bytes: &[u8]) -> Vec<String> {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return vec!["output is not UTF-8".into()];
    };
    let mut found = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        if c == '\x1b' {
            // CSI: ESC [ parameters intermediates final.
            if chars.next_if(|&(_, n)| n == '[').is_none() {
                found.push(format!(
                    "ESC not starting a CSI at byte {at}: {:?}",
                    &text[at..(at + 12).min(text.len())]
                ));
                continue;
            }
            while chars.next_if(|&(_, n)| ('0'..='?').contains(&n)).is_some() {}
            while chars.next_if(|&(_, n)| (' '..='/').contains(&n)).is_some() {}
            if chars.next_if(|&(_, n)| ('@'..='~').contains(&n)).is_none() {
                found.push(format!("unterminated CSI at byte {at}"));
            }
        } else if c == '\n' {
            continue;
        } else if briefing::text::is_unsafe(c) {
            found.push(format!("{:?} at byte {at}", c));
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
    let out = Command::new(env!("CARGO_BIN_EXE_briefing"))
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
    assert!(files.len() >= 13);
    let mut outputs = 0;
    let mut leaked = Vec::new();
    for file in &files {
        let path = file.to_str().unwrap();
        let mut check = |what: String, bytes: Vec<u8>| {
            outputs += 1;
            leaked.extend(leaks(&bytes).into_iter().map(|l| format!("{what}: {l}")));
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
    let out = Command::new(env!("CARGO_BIN_EXE_briefing"))
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
