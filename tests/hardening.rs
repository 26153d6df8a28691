//! The real binary against hostile arguments, file names and files: nothing
//! reaches the terminal raw, nothing hangs, memory stays bounded, a closed
//! pipe is a quiet exit. Each run has a time limit and, where load is
//! involved, a memory limit (`ulimit -v`).

mod support;

use std::io::Read as _;
use std::path::Path;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_briefing");

/// What a run printed and how it ended.
struct Run {
    status: ExitStatus,
    stdout: Vec<u8>,
    stderr: Vec<u8>,
}

/// Waits for `child` at most `limit`, killing it if it is still running.
fn finish(mut child: Child, limit: Duration, what: &str) -> Run {
    let deadline = Instant::now() + limit;
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if Instant::now() >= deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{what}: still running after {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let mut stdout = Vec::new();
    let mut stderr = Vec::new();
    if let Some(mut out) = child.stdout.take() {
        out.read_to_end(&mut stdout).unwrap();
    }
    if let Some(mut err) = child.stderr.take() {
        err.read_to_end(&mut stderr).unwrap();
    }
    Run {
        status,
        stdout,
        stderr,
    }
}

/// Runs the binary with `args` under a time limit and, when `memory_kib` is
/// given, a limit on its address space. Output goes to files, so a large
/// output cannot fill a pipe and stall the run.
fn run_limited(args: &[&str], env: &[(&str, &str)], memory_kib: Option<u64>) -> Run {
    let dir = tempfile::tempdir().unwrap();
    let (out, err) = (dir.path().join("out"), dir.path().join("err"));
    let mut cmd = match memory_kib {
        Some(kib) => {
            let mut cmd = Command::new("sh");
            cmd.args(["-c", &format!("ulimit -v {kib}; exec \"$0\" \"$@\""), BIN]);
            cmd
        }
        None => Command::new(BIN),
    };
    support::hermetic(&mut cmd);
    cmd.args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .env("XDG_CONFIG_HOME", "/nonexistent/briefing-test-config")
        .stdin(Stdio::null())
        .stdout(std::fs::File::create(&out).unwrap())
        .stderr(std::fs::File::create(&err).unwrap());
    for (k, v) in env {
        cmd.env(k, v);
    }
    let child = cmd.spawn().unwrap();
    let run = finish(child, Duration::from_secs(60), &format!("{args:?}"));
    Run {
        stdout: std::fs::read(&out).unwrap(),
        stderr: std::fs::read(&err).unwrap(),
        ..run
    }
}

fn run(args: &[&str]) -> Run {
    run_limited(args, &[], None)
}

/// Every byte that must never reach a terminal: C0 controls but newline,
/// DEL, C1, and bidi controls.
fn raw_controls(bytes: &[u8]) -> Vec<String> {
    String::from_utf8_lossy(bytes)
        .chars()
        .filter(|&c| c != '\n' && briefing::text::is_unsafe(c))
        .map(|c| format!("U+{:04X}", c as u32))
        .collect()
}

#[test]
fn hostile_arguments_and_file_names_are_escaped_in_every_message() {
    let dir = tempfile::tempdir().unwrap();
    let name = "--\u{1b}]2;PWNED\u{7}.toml";
    std::fs::write(dir.path().join(name), "format = 1\n").unwrap();
    let file = dir.path().join(name);
    let file = file.to_str().unwrap();
    let cases: Vec<Vec<&str>> = vec![
        vec!["check", name],
        vec!["check", file],
        vec!["render", "--size", "\u{1b}]0;X\u{7}x1"],
        vec!["\u{1b}]0;X\u{7}"],
        vec!["--\u{1b}]0;X\u{7}"],
        vec!["export", "--format", "\u{1b}[31337m", "briefings"],
        vec!["check", "\u{202e}gnp.toml"],
        vec!["--topic", "\u{202e}x\u{1b}[2J", "briefings"],
        vec!["render", "--keys", "<\u{1b}]52;c;SGVsbG8=\u{7}>"],
    ];
    for args in &cases {
        let out = run(args);
        assert_ne!(out.status.code(), Some(0), "{args:?} should fail");
        for (stream, bytes) in [("stdout", &out.stdout), ("stderr", &out.stderr)] {
            let leaked = raw_controls(bytes);
            assert!(
                leaked.is_empty(),
                "{args:?}: {stream} has {leaked:?}:\n{}",
                String::from_utf8_lossy(bytes).escape_debug()
            );
        }
        assert!(!out.stderr.is_empty(), "{args:?}: nothing said");
    }
    // Help and version still print, on stdout, with status 0.
    let help = run(&["--help"]);
    assert_eq!(help.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&help.stdout).contains("Usage"));
}

#[test]
fn a_fifo_or_a_device_as_config_is_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("config.toml");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success(),
        "mkfifo"
    );
    let fifo = fifo.to_str().unwrap();
    for config in [fifo, "/dev/zero"] {
        let out = run_limited(
            &["render", "--config", config, "briefings"],
            &[],
            Some(400_000),
        );
        assert_eq!(out.status.code(), Some(2), "--config {config}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("not a regular file"), "{err}");
    }
    // The default config path, a FIFO.
    let home = dir.path().to_str().unwrap();
    std::fs::create_dir(dir.path().join("briefing")).unwrap();
    Command::new("mkfifo")
        .arg(dir.path().join("briefing/config.toml"))
        .status()
        .unwrap();
    let out = run_limited(&["render", "briefings"], &[("XDG_CONFIG_HOME", home)], None);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn a_file_of_syntax_errors_is_checked_in_bounded_memory_and_output() {
    // 4 MB of `=` lines: 4 million syntax errors.
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.toml");
    std::fs::write(&bad, "=\n".repeat(2_000_000)).unwrap();
    let bad = bad.to_str().unwrap();
    // The parser alone needs about 300 MB for this file; 1 GB of address
    // space leaves room for no more than a small constant on top.
    let out = run_limited(&["check", bad], &[], Some(1_000_000));
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.len() < 100_000, "{} bytes of diagnostics", err.len());
    assert_eq!(err.matches("\nerror: TOML syntax").count() + 1, 50, "{err}");
    assert!(
        err.contains("more problems in this file are not shown"),
        "{err}"
    );
    // Next to a good briefing, the good one still opens.
    let out = run_limited(&["render", bad, "briefings"], &[], Some(1_000_000));
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains("Alaska"));
}

#[test]
fn a_closed_stdout_is_a_quiet_exit() {
    for args in [
        vec!["check", "briefings", "tests/fixtures/mixed"],
        vec![
            "export",
            "--format",
            "markdown",
            "briefings/alaska-summit-2025.toml",
        ],
        vec!["schema"],
        vec!["render", "briefings"],
        vec!["--help"],
    ] {
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        let child = support::hermetic(&mut Command::new(BIN))
            .args(&args)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .env("XDG_CONFIG_HOME", "/nonexistent/briefing-test-config")
            .stdout(writer)
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let out = finish(child, Duration::from_secs(30), "closed stdout");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_ne!(out.status.code(), Some(101), "{args:?} panicked: {err}");
        assert!(!err.contains("panicked"), "{args:?}: {err}");
    }
    // And a closed stderr.
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let child = support::hermetic(&mut Command::new(BIN))
        .args(["check", "tests/fixtures/mixed"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdout(Stdio::null())
        .stderr(writer)
        .spawn()
        .unwrap();
    let out = finish(child, Duration::from_secs(30), "closed stderr");
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn render_sizes_are_bounded() {
    let out = run_limited(
        &["render", "--size", "65535x65535", "briefings"],
        &[],
        Some(1_000_000),
    );
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("at most 1000x1000"), "{err}");
    let out = run(&["render", "--size", "1000x1000", "briefings"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 1000);
    assert!(Path::new(BIN).exists());
}

#[test]
fn huge_ids_and_titles_are_cut_in_messages() {
    let dir = tempfile::tempdir().unwrap();
    let minimal = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid-minimal.toml"),
    )
    .unwrap();
    // A 200 KB title: the `ok:` line is cut.
    let long_title = minimal.replace("A minimal briefing", &"T".repeat(200_000));
    std::fs::write(dir.path().join("title.toml"), long_title).unwrap();
    // A 100 KB id referenced wrongly: the message and help are cut.
    let long_id = minimal.replace(
        "speaker = \"ben\"",
        &format!("speaker = \"{}\"", "b".repeat(100_000)),
    );
    std::fs::write(dir.path().join("id.toml"), long_id).unwrap();
    let out = run(&["check", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stdout.lines().all(|l| l.chars().count() < 400),
        "{} bytes",
        stdout.len()
    );
    assert!(stdout.contains('…'), "{stdout}");
    assert!(
        stderr.len() < 5_000,
        "{} bytes of diagnostics",
        stderr.len()
    );
    assert!(stderr.contains("unknown speaker `bbbb"), "{stderr}");
}
