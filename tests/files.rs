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
    let message = only_message(&[path]);
    assert!(
        message.contains("file is 67,108,865 bytes but files are limited to 64 MiB"),
        "{message}"
    );
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

/// Writes `content` to a temporary `name` and loads it: (briefings, first message).
fn load_one(name: &str, content: &[u8]) -> (usize, Option<String>) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, content).unwrap();
    let report = load_paths(&[path]);
    let message = report
        .failures
        .first()
        .map(|f| f.diagnostics[0].message.clone());
    (report.briefings.len(), message)
}

const VALID: &str = include_str!("fixtures/valid-minimal.toml");

#[test]
fn deep_nesting_is_a_syntax_error_not_a_stack_overflow() {
    let arrays = format!(
        "format = 1\nx = {}{}\n",
        "[".repeat(10_000),
        "]".repeat(10_000)
    );
    let (ok, message) = load_one("deep.toml", arrays.as_bytes());
    assert_eq!(ok, 0);
    assert!(message.unwrap().contains("recursion"));
    let tables = format!(
        "format = 1\nx = {}1{}\n",
        "{a=".repeat(10_000),
        "}".repeat(10_000)
    );
    assert!(
        load_one("deep-tables.toml", tables.as_bytes())
            .1
            .unwrap()
            .contains("recursion")
    );
    let unclosed = format!("format = 1\nx = {}\n", "[".repeat(10_000));
    assert!(load_one("unclosed.toml", unclosed.as_bytes()).1.is_some());
}

#[test]
fn many_comment_lines_load() {
    let text = format!("{}{VALID}", "# a comment line\n".repeat(8_000));
    assert_eq!(load_one("comments.toml", text.as_bytes()).0, 1);
}

#[test]
fn a_ten_megabyte_string_loads() {
    let long = "word ".repeat(2_000_000);
    let text = VALID.replace("text = \"It is not.\"", &format!("text = \"{long}\""));
    assert_eq!(load_one("long.toml", text.as_bytes()).0, 1);
}

#[test]
fn a_million_element_array_is_reported() {
    let items = vec!["\"budget\""; 1_000_000].join(",");
    let text = VALID.replace(
        "topics = [\"budget\"]\n\n[[quotes]]\nid = \"ana",
        &format!("topics = [{items}]\n\n[[quotes]]\nid = \"ana"),
    );
    // A million references to one topic are valid.
    assert_eq!(load_one("array.toml", text.as_bytes()).0, 1);
    let unknown = vec!["\"nope\""; 1_000_000].join(",");
    let text = VALID.replace(
        "topics = [\"budget\"]\n\n[[quotes]]\nid = \"ana",
        &format!("topics = [{unknown}]\n\n[[quotes]]\nid = \"ana"),
    );
    let (ok, message) = load_one("array-bad.toml", text.as_bytes());
    assert_eq!(ok, 0);
    assert!(message.unwrap().contains("unknown topic `nope`"));
}

#[test]
fn a_nul_byte_is_a_syntax_error() {
    let text = format!("{VALID}\n\0\n");
    let (ok, message) = load_one("nul.toml", text.as_bytes());
    assert_eq!(ok, 0);
    assert!(message.unwrap().starts_with("TOML syntax"));
}

#[test]
fn an_unreadable_regular_file_gets_a_clear_error() {
    // /proc/self/mem is a regular file that cannot be read from offset 0, even by root.
    let m = only_message(&[PathBuf::from("/proc/self/mem")]);
    assert!(m.starts_with("cannot read this file"), "{m}");
}

#[cfg(unix)]
#[test]
fn a_symlink_loop_gets_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.toml");
    let b = dir.path().join("b.toml");
    std::os::unix::fs::symlink(&b, &a).unwrap();
    std::os::unix::fs::symlink(&a, &b).unwrap();
    let m = only_message(&[a]);
    assert!(m.starts_with("cannot read this file"), "{m}");
    // In a folder, both links fail and nothing else is hidden.
    std::fs::write(dir.path().join("good.toml"), VALID).unwrap();
    let report = load_paths(&[dir.path().to_path_buf()]);
    assert_eq!((report.briefings.len(), report.failures.len()), (1, 2));
}

#[test]
fn a_folder_of_a_thousand_files_with_one_bad() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..1000 {
        let text = VALID.replace("id = \"minimal\"", &format!("id = \"b{i}\""));
        let text = if i == 500 {
            text.replace("format = 1", "format = 9")
        } else {
            text
        };
        std::fs::write(dir.path().join(format!("{i:04}.toml")), text).unwrap();
    }
    let report = load_paths(&[dir.path().to_path_buf()]);
    assert_eq!(report.briefings.len(), 999);
    assert_eq!(report.failures.len(), 1);
    assert!(report.failures[0].path.ends_with("0500.toml"));
}

/// A folder of briefings, some broken, and a missing file after it.
fn mixed_library() -> (tempfile::TempDir, Vec<PathBuf>) {
    let dir = tempfile::tempdir().unwrap();
    for (k, (name, text)) in briefing::synthetic::library(40, 50).into_iter().enumerate() {
        let text = if k % 7 == 3 {
            text.replacen("format = 1", "format = 1\nformat = 2", 1)
        } else {
            text
        };
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    let paths = vec![
        dir.path().to_path_buf(),
        PathBuf::from("/nonexistent/x.toml"),
    ];
    (dir, paths)
}

/// Files load in parallel, and the report lists them in the order the
/// paths name them, as one thread would: briefings, failures and findings.
#[test]
fn parallel_loading_keeps_the_order_of_one_thread() {
    use briefing::model::{Progress, load_paths_on};
    let (_dir, paths) = mixed_library();
    let ids = |r: &briefing::model::LoadReport| -> (Vec<String>, Vec<PathBuf>, Vec<PathBuf>) {
        (
            r.briefings.iter().map(|b| b.meta.id.clone()).collect(),
            r.failures.iter().map(|f| f.path.clone()).collect(),
            r.findings.iter().map(|f| f.path.clone()).collect(),
        )
    };
    let progress = Progress::default();
    let one = load_paths_on(&paths, &[], &progress, 1);
    assert_eq!((progress.done(), progress.total()), (41, 41));
    let four = load_paths_on(&paths, &[], &Progress::default(), 4);
    assert_eq!(one.briefings.len(), 34);
    assert_eq!(one.failures.len(), 7);
    assert_eq!(ids(&one), ids(&four));
    let mut sorted = ids(&one).0;
    sorted.sort();
    assert_eq!(ids(&one).0, sorted, "a folder's files load in name order");
}

/// A cancelled load reads nothing more.
#[test]
fn a_cancelled_load_stops() {
    use briefing::model::{Progress, load_paths_on};
    let (_dir, paths) = mixed_library();
    let progress = Progress::default();
    progress.cancel();
    let report = load_paths_on(&paths, &[], &progress, 2);
    assert!(report.briefings.is_empty() && report.failures.is_empty());
    assert_eq!((progress.done(), progress.total()), (0, 41));
}
