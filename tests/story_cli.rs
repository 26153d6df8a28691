//! The library on the command line: `check` on several briefings warns of
//! what only reading them together shows, `export --library` writes the
//! merged view with its histories, `render --library` draws the story view.

use std::process::{Command, Output};

const STORY: &str = "tests/fixtures/story";

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_briefing"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .env("XDG_CONFIG_HOME", "/nonexistent/briefing-test-config")
        .env("XDG_STATE_HOME", "/nonexistent/briefing-test-state")
        .output()
        .unwrap()
}

fn text(bytes: Vec<u8>) -> String {
    String::from_utf8(bytes).unwrap()
}

#[test]
fn check_warns_of_role_changes_and_topic_names_cargo_style() {
    let out = run(&["check", STORY]);
    assert_eq!(out.status.code(), Some(0), "warnings keep the status");
    let err = text(out.stderr);
    let second = "tests/fixtures/story/2-vellmouth-2031-03-09.toml";
    assert!(
        err.contains(
            "warning: topic `barrier` is named `Sea wall` here but `Tidal barrier` in \
             tests/fixtures/story/1-vellmouth-2031-03-02.toml"
        ),
        "{err}"
    );
    assert!(err.contains(&format!("--> {second}:15:8")), "{err}");
    assert!(err.contains("15 | name = \"Sea wall\""), "{err}");
    assert!(
        err.contains("warning: speaker `ines-calder`'s role changes: `Harbour commissioner`"),
        "{err}"
    );
    assert!(err.contains(&format!("--> {second}:24:8")), "{err}");
    assert!(err.contains("24 | role = \"Acting mayor\""), "{err}");
}

#[test]
fn each_story_briefing_checks_alone_without_warnings() {
    for file in [
        "1-vellmouth-2031-03-02.toml",
        "2-vellmouth-2031-03-09.toml",
        "3-vellmouth-2031-03-16.toml",
    ] {
        let out = run(&["check", &format!("{STORY}/{file}")]);
        assert_eq!(out.status.code(), Some(0), "{file}");
        assert!(!text(out.stderr).contains("warning:"), "{file}");
    }
}

#[test]
fn export_library_json_has_the_merged_view_and_the_histories() {
    let out = run(&["export", "--library", STORY, "--format", "json"]);
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["export_version"], 1);
    let lib = &v["library"];
    let ids: Vec<&str> = (lib["briefings"].as_array().unwrap().iter())
        .map(|b| b["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        ["vellmouth-storm", "vellmouth-council", "vellmouth-vote"],
        "oldest first"
    );
    let cost = &lib["disagreements"].as_array().unwrap()[0];
    assert_eq!(cost["id"], "barrier-cost");
    let statuses: Vec<&str> = (cost["statuses"].as_array().unwrap().iter())
        .map(|s| s["status"].as_str().unwrap())
        .collect();
    assert_eq!(statuses, ["open", "narrowing", "resolved"]);
    let calder = &cost["positions"][0];
    assert_eq!(calder["speaker"], "ines-calder");
    assert_eq!(calder["stances"].as_array().unwrap().len(), 3);
    assert_eq!(lib["speakers"][0]["roles"][0]["role"], "Acting mayor");
    assert_eq!(lib["warnings"].as_array().unwrap().len(), 2);
    let merged = &v["merged"];
    assert_eq!(merged["quotes"].as_array().unwrap().len(), 6);
    assert_eq!(merged["disagreements"][0]["status"], "resolved");
    assert_eq!(merged["topics"][0]["name"], "Tidal barrier");
}

#[test]
fn export_library_markdown_says_how_the_story_moved() {
    let out = run(&["export", "--library", STORY, "--format", "markdown"]);
    assert_eq!(out.status.code(), Some(0));
    let md = text(out.stdout);
    assert!(
        md.starts_with("# Story of 3 briefings, 03-02 to 03-16\n"),
        "{md}"
    );
    assert!(
        md.contains("Status: open 03-02 → narrowing 03-09 → resolved 03-16"),
        "{md}"
    );
    assert!(md.contains("## Roles that changed"), "{md}");
    assert!(md.contains("  - 03-02: Harbour commissioner, Vellmouth Harbour Board"));
    let key_points = md.find("## Key points").unwrap();
    let briefings = md.find("## Briefings").unwrap();
    let timeline = md.find("## Timeline").unwrap();
    assert!(key_points < briefings && briefings < timeline, "{md}");
}

#[test]
fn export_takes_a_path_or_a_library_not_both() {
    let one = format!("{STORY}/1-vellmouth-2031-03-02.toml");
    let out = run(&["export", "--format", "json", &one]);
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["id"], "vellmouth-storm", "a single briefing's shape");
    let both = run(&["export", "--format", "json", "--library", STORY, &one]);
    assert_eq!(both.status.code(), Some(2));
    let neither = run(&["export", "--format", "json"]);
    assert_eq!(neither.status.code(), Some(2));
    let missing = run(&["export", "--format", "json", "--library", "no/such/dir"]);
    assert_eq!(missing.status.code(), Some(2));
}

#[test]
fn render_takes_library() {
    let out = run(&["render", "--library", "--size", "80x24", STORY]);
    assert_eq!(out.status.code(), Some(0));
    let screen = text(out.stdout);
    assert!(screen.contains("Story of 3 briefings"), "{screen}");
    assert!(screen.contains("[03-02 +1] Storm overtops"), "{screen}");
    // The start options name the merged view's ids: a speaker only the
    // earliest briefing's id would not resolve otherwise.
    let out = run(&[
        "render",
        "--library",
        "--speaker",
        "ines-calder",
        "--topic",
        "money",
        "--keys",
        "3",
        STORY,
    ]);
    assert_eq!(out.status.code(), Some(0));
    let screen = text(out.stdout);
    assert!(screen.contains("following: Ines Calder"), "{screen}");
    // One briefing: the reader says so and shows it.
    let one = run(&["render", "--library", "--size", "80x24", "briefings"]);
    assert_eq!(one.status.code(), Some(0));
    assert!(text(one.stdout).contains("only one briefing"));
}
