//! Model tests: paths that are not briefings get a clear error, quickly.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use briefing::model::{MAX_FILE_BYTES, load_paths};

fn only_message(paths: &[PathBuf]) -> String {
    let report = load_paths(paths);
    assert!(report.briefings.is_empty());
    assert_eq!(report.failures.len(), 1);
    let f = &report.failures[0];
    assert!(f.source.is_none(), "unreadable files have no source");
    f.diagnostics[0].message.clone()
}

#[test]
fn missing_file() {
    let m = only_message(&[PathBuf::from("/nonexistent/briefing.toml")]);
    assert!(m.starts_with("cannot read this file"), "{m}");
}

#[test]
fn non_utf8_names_the_position() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("latin1.toml");
    std::fs::write(&path, b"format = 1\ntitle = \"caf\xe9\"\n").unwrap();
    let m = only_message(&[path]);
    assert!(m.contains("not valid UTF-8 at line 2, column 13"), "{m}");
}

#[test]
fn utf16_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("utf16.toml");
    std::fs::write(&path, b"\xff\xfef\x00o\x00").unwrap();
    assert!(only_message(&[path]).contains("UTF-16"));
}

#[test]
fn utf8_bom_is_accepted() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bom.toml");
    let text = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid-minimal.toml"),
    )
    .unwrap();
    let mut f = std::fs::File::create(&path).unwrap();
    f.write_all(b"\xef\xbb\xbf").unwrap();
    f.write_all(&text).unwrap();
    assert_eq!(load_paths(&[path]).briefings.len(), 1);
}

#[test]
fn oversized_file_is_refused_without_reading_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.toml");
    // A sparse file: large on paper, nothing written.
    std::fs::File::create(&path)
        .unwrap()
        .set_len(MAX_FILE_BYTES + 1)
        .unwrap();
    assert!(only_message(&[path]).contains("limited to 64 MiB"));
}

#[test]
fn dev_zero_is_not_a_regular_file() {
    assert!(only_message(&[PathBuf::from("/dev/zero")]).contains("not a regular file"));
}

#[cfg(unix)]
#[test]
fn fifo_is_refused_without_blocking() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pipe.toml");
    let status = std::process::Command::new("mkfifo")
        .arg(&path)
        .status()
        .unwrap();
    assert!(status.success());
    // Loading the folder must not block on the FIFO either.
    let report = load_paths(&[dir.path().to_path_buf()]);
    assert_eq!(report.failures.len(), 1);
    assert!(
        report.failures[0].diagnostics[0]
            .message
            .contains("not a regular file")
    );
}
