//! Hostile text through every output of a library: the hostile fixtures
//! share ids (speakers, topics), so merging them makes role-change and
//! topic-name warnings that quote their hostile text.

use std::process::Command;

const HOSTILE: &str = "tests/fixtures/hostile";

fn run(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_briefing"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .env("XDG_CONFIG_HOME", "/nonexistent/briefing-test-config")
        .env("XDG_STATE_HOME", "/nonexistent/briefing-test-state")
        .output()
        .unwrap();
    let mut text = String::from_utf8(out.stdout).expect("UTF-8 output");
    text.push_str(&String::from_utf8(out.stderr).expect("UTF-8 errors"));
    text
}

/// Every character `text::unsafe_chars` names but the line break.
fn leaks(text: &str) -> Vec<String> {
    (briefing::text::unsafe_chars(text))
        .filter(|&(_, c)| c != '\n')
        .map(|(at, c)| format!("{c:?} at byte {at}"))
        .collect()
}

#[test]
fn no_hostile_sequence_reaches_a_library_output() {
    let mut outputs = vec![
        ("check", run(&["check", HOSTILE])),
        (
            "export json",
            run(&["export", "--library", HOSTILE, "--format", "json"]),
        ),
        (
            "export markdown",
            run(&["export", "--library", HOSTILE, "--format", "markdown"]),
        ),
        ("digest", run(&["--library", HOSTILE])),
    ];
    for keys in [
        "",
        "2",
        "2<Enter>",
        "3",
        "3<Enter>",
        "4<Enter>",
        "4jjj<Enter>G",
        "b",
        "i",
    ] {
        for size in ["120x40", "80x24"] {
            outputs.push((
                "render",
                run(&[
                    "render",
                    "--library",
                    "--size",
                    size,
                    "--keys",
                    keys,
                    HOSTILE,
                ]),
            ));
        }
    }
    let check = &outputs[0].1;
    assert!(
        check.contains("warning:"),
        "the fixtures share ids: {check}"
    );
    assert!(outputs[4].1.contains("Story of"), "{}", outputs[4].1);
    let leaked: Vec<String> = (outputs.iter())
        .flat_map(|(what, text)| leaks(text).into_iter().map(move |l| format!("{what}: {l}")))
        .collect();
    assert!(leaked.is_empty(), "{}", leaked.join("\n"));
}
