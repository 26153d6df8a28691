//! The reader asks the terminal for its background (OSC 11) and draws the
//! light colours on a light one; a terminal that never answers delays the
//! start by no more than the short timeout.

#![cfg(unix)]

mod support;

use std::io::Write as _;
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

/// The question for the background colour, and the fence after it
/// (primary device attributes, which every terminal answers).
const ASK_BACKGROUND: &[u8] = b"\x1b]11;?";
const ASK_ATTRIBUTES: &[u8] = b"\x1b[c";

/// How the fake terminal answers.
#[derive(Clone, Copy)]
enum Answers {
    /// A white background, then the device attributes.
    Light,
    /// Nothing at all, ever.
    Nothing,
    /// The config says `theme = "dark"`: nothing is asked.
    NotAsked,
}

/// Starts the reader in a pty whose "terminal" answers as `answers` does,
/// and returns the screen once the panes are drawn, with how long that took.
fn start(answers: Answers) -> (vt100::Parser, Duration) {
    let pty = native_pty_system()
        .openpty(PtySize {
            rows: 24,
            cols: 80,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let home = tempfile::tempdir().unwrap();
    let config_dir = home.path().join("briefing");
    std::fs::create_dir_all(&config_dir).unwrap();
    let config = match answers {
        Answers::NotAsked => "start = \"panes\"\ntheme = \"dark\"\n",
        _ => "start = \"panes\"\n",
    };
    std::fs::write(config_dir.join("config.toml"), config).unwrap();
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_briefing"));
    cmd.cwd(home.path());
    cmd.env("TERM", "xterm-256color");
    cmd.env_remove("NO_COLOR");
    cmd.env("XDG_CONFIG_HOME", home.path());
    cmd.env("XDG_STATE_HOME", home.path().join("state"));
    let started = Instant::now();
    let mut child = pty.slave.spawn_command(cmd).unwrap();
    drop(pty.slave);
    let output = support::pty_output(pty.master.try_clone_reader().unwrap());
    let mut writer = pty.master.take_writer().unwrap();
    let mut raw = Vec::new();
    let mut answered = false;
    let n = |v: u16| std::num::NonZeroU16::new(v).unwrap();
    let mut parser = vt100::Parser::new(n(24), n(80), 0);
    let deadline = started + Duration::from_secs(20);
    let drawn = loop {
        assert!(
            Instant::now() < deadline,
            "no panes drawn: {:?}",
            String::from_utf8_lossy(&raw)
        );
        if let Ok(chunk) = output.recv_timeout(Duration::from_millis(10)) {
            parser.process(&chunk);
            raw.extend_from_slice(&chunk);
        }
        let asked = raw
            .windows(ASK_BACKGROUND.len())
            .any(|w| w == ASK_BACKGROUND)
            && raw
                .windows(ASK_ATTRIBUTES.len())
                .any(|w| w == ASK_ATTRIBUTES);
        if asked && !answered {
            answered = true;
            if let Answers::Light = answers {
                writer
                    .write_all(b"\x1b]11;rgb:ffff/ffff/ffff\x1b\\\x1b[?62;22c")
                    .unwrap();
                writer.flush().unwrap();
            }
        }
        if parser.screen().contents().contains("1 Timeline") {
            break started.elapsed();
        }
    };
    match answers {
        Answers::NotAsked => assert!(
            !answered,
            "the background was asked though the config names the theme"
        ),
        _ => assert!(answered, "the background was never asked"),
    }
    writer.write_all(b"q").unwrap();
    writer.flush().unwrap();
    let _ = child.wait();
    (parser, drawn)
}

/// The background colour of the selected row: the cell under the first
/// selection marker of the focused pane.
fn selection_background(parser: &vt100::Parser) -> vt100::Color {
    let screen = parser.screen();
    for row in 0..24 {
        for col in 0..80 {
            let cell = screen.cell(row, col).unwrap();
            if cell.bgcolor() != vt100::Color::Default && cell.contents().trim() != "" {
                return cell.bgcolor();
            }
        }
    }
    vt100::Color::Default
}

#[test]
fn a_light_terminal_gets_the_light_colours() {
    let (light, _) = start(Answers::Light);
    let (dark, _) = start(Answers::NotAsked);
    // The light theme's selection is blue (palette 4); the dark one's cyan (6).
    assert_eq!(selection_background(&light), vt100::Color::Idx(4));
    assert_eq!(selection_background(&dark), vt100::Color::Idx(6));
}

#[test]
fn a_terminal_that_never_answers_delays_the_start_by_the_timeout_only() {
    // Both in one run, so the machine's speed is the same for both.
    let (_, silent) = start(Answers::Nothing);
    let (_, not_asked) = start(Answers::NotAsked);
    // The wait is bounded by the reader's 100 ms timeout, well under the
    // query library's own default of a second.
    assert!(
        silent < not_asked + Duration::from_millis(600),
        "start-up took {silent:?} against {not_asked:?} when nothing is asked"
    );
}
