//! What fits the tool to a shell: the completion scripts, the answers they
//! get (ids of the briefings named), and the manual page.

mod support;

use std::process::{Command, Output};

fn run(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_briefing"));
    support::hermetic(&mut cmd)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(args)
        .envs(env.iter().copied())
        .output()
        .expect("the binary runs")
}

fn stdout(out: &Output) -> String {
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn start(text: &str, lines: usize) -> String {
    text.lines().take(lines).collect::<Vec<_>>().join("\n")
}

#[test]
fn each_shell_gets_a_script_that_asks_briefing() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let script = stdout(&run(&["completions", shell], &[]));
        assert!(
            script.contains("BRIEFING_COMPLETE") && script.contains("briefing"),
            "{shell}: {script}"
        );
        insta::assert_snapshot!(format!("completions_{shell}"), start(&script, 12));
    }
}

#[test]
fn an_unknown_shell_is_a_usage_error_naming_the_shells() {
    let out = run(&["completions", "tcsh"], &[]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("tcsh") && err.contains("bash"), "{err}");
}

#[test]
fn the_manual_page_is_roff_from_the_command_line_definition() {
    let page = stdout(&run(&["man"], &[]));
    assert!(page.contains(".TH briefing 1"), "{page}");
    for sub in ["check", "export", "render", "completions", "man"] {
        assert!(page.contains(sub), "the page names {sub}");
    }
    insta::assert_snapshot!("man_page_start", start(&page, 8));
}

/// What the shell gets for `WORDS` (the last is the word being completed),
/// as fish asks: one `value<TAB>help` per line.
fn completions(words: &[&str]) -> Vec<String> {
    let mut args = vec!["--", "briefing"];
    args.extend_from_slice(words);
    let out = stdout(&run(&args, &[("BRIEFING_COMPLETE", "fish")]));
    out.lines().map(str::to_string).collect()
}

#[test]
fn topic_and_speaker_ids_come_from_the_briefings_named() {
    let story = "tests/fixtures/story";
    assert_eq!(
        completions(&[story, "--speaker", ""]),
        [
            "ines-calder\tInes Calder · vellmouth-storm",
            "tobin-marsh\tTobin Marsh · vellmouth-storm",
            "orla-penn\tOrla Penn · vellmouth-vote"
        ]
    );
    assert_eq!(
        completions(&["render", story, "--topic", "b"]),
        ["barrier\tTidal barrier · vellmouth-storm"]
    );
    // No path: the bundled briefing's.
    let bundled = completions(&["--topic", "sec"]);
    assert_eq!(bundled, ["security-guarantees\tSecurity guarantees"]);
}

#[test]
fn a_name_in_a_candidate_reaches_the_shell_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("b.toml");
    std::fs::write(
        &path,
        "format = 1\n[briefing]\nid = \"b\"\ntitle = \"T\"\nas_of = 2025-01-02\nsummary = \"S.\"\n\n\
         [[speakers]]\nid = \"evil\"\nname = \"A\\u001b]52;c;aGk=\\u0007\\tB\\nC\"\nrole = \"R\"\n",
    )
    .unwrap();
    let got = completions(&[path.to_str().unwrap(), "--speaker", ""]);
    assert_eq!(got.len(), 1, "{got:?}");
    let (id, help) = got[0].split_once('\t').unwrap();
    assert_eq!(id, "evil");
    assert!(
        !help.chars().any(|c| c.is_control()),
        "no control character reaches the shell: {help:?}"
    );
}

#[test]
fn each_subcommand_has_its_page_and_dir_writes_them_all() {
    let check = stdout(&run(&["man", "check"], &[]));
    assert!(check.contains(".TH briefing-check 1"), "{check}");
    let nested = stdout(&run(&["man", "config", "path"], &[]));
    assert!(nested.contains(".TH briefing-config-path 1"), "{nested}");
    let out = run(&["man", "nope"], &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("the manual has pages for check"));
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("man1");
    stdout(&run(&["man", "--dir", target.to_str().unwrap()], &[]));
    let mut pages: Vec<String> = std::fs::read_dir(&target)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    pages.sort();
    assert_eq!(
        pages,
        [
            "briefing-check.1",
            "briefing-completions.1",
            "briefing-config-check.1",
            "briefing-config-default.1",
            "briefing-config-path.1",
            "briefing-config-schema.1",
            "briefing-config.1",
            "briefing-export.1",
            "briefing-man.1",
            "briefing-new.1",
            "briefing-render.1",
            "briefing-schema.1",
            "briefing.1"
        ]
    );
}
