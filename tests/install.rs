//! The binary run from any folder, with no briefing there and no path
//! given, opens the bundled Alaska briefing.

mod support;

use std::process::{Command, Stdio};

#[test]
fn from_any_folder_the_bundled_briefing_opens() {
    let dir = tempfile::tempdir().unwrap();
    let run = |args: &[&str]| {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_briefing"));
        support::hermetic(&mut cmd)
            .current_dir(dir.path())
            .env("HOME", dir.path())
            .env_remove("XDG_CONFIG_HOME")
            .args(args)
            .stdin(Stdio::null())
            .output()
            .unwrap()
    };
    let screen = run(&["render", "--size", "100x30"]);
    assert_eq!(screen.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&screen.stdout).starts_with(" After the Alaska summit"));
    let digest = run(&[]);
    assert_eq!(digest.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&digest.stdout).starts_with("# After the Alaska summit"));
}
