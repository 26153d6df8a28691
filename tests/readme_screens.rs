//! README's screenshots are the real program: each ```text block after a
//! `<!-- render NAME: ARGS -->` line is what `briefing render ARGS` prints
//! today. `UPDATE_README=1 cargo test --test readme_screens` rewrites the
//! blocks (never under CI); every view README shows must have one.

mod support;

use std::path::Path;
use std::process::Command;

/// The views README must show, by the name in their marker.
const VIEWS: &[&str] = &["panes", "matrix", "chart"];

struct Shot {
    name: String,
    args: Vec<String>,
    /// Byte range of the block's contents (between the fences) in README.
    body: std::ops::Range<usize>,
}

/// Every marked block in `readme`.
fn shots(readme: &str) -> Vec<Shot> {
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(start) = readme[at..].find("<!-- render ") {
        let start = at + start;
        let line_end = start + readme[start..].find('\n').expect("a marker ends its line");
        let marker = readme[start + "<!-- render ".len()..line_end]
            .trim_end()
            .strip_suffix("-->")
            .expect("a marker ends with -->");
        let (name, args) = marker.split_once(':').expect("a marker is NAME: ARGS");
        let fence = "```text\n";
        assert!(
            readme[line_end + 1..].starts_with(fence),
            "the marker for {name} is followed by a ```text block"
        );
        let body_start = line_end + 1 + fence.len();
        let body_end = body_start
            + readme[body_start..]
                .find("```\n")
                .expect("the block is closed");
        out.push(Shot {
            name: name.trim().to_string(),
            args: args.split_whitespace().map(str::to_string).collect(),
            body: body_start..body_end,
        });
        at = body_end;
    }
    out
}

fn render(args: &[String]) -> String {
    let out = support::hermetic(&mut Command::new(env!("CARGO_BIN_EXE_briefing")))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .arg("render")
        .args(args)
        .output()
        .expect("the binary runs");
    assert_eq!(
        out.status.code(),
        Some(0),
        "render {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("render prints UTF-8")
}

#[test]
fn readme_screenshots_are_what_render_prints() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md");
    let readme = std::fs::read_to_string(&path).unwrap();
    let shots = shots(&readme);
    for view in VIEWS {
        assert!(
            shots.iter().any(|s| s.name == *view),
            "README has no screenshot of the {view} view (a `<!-- render {view}: ARGS -->` line before a ```text block)"
        );
    }
    let update = std::env::var_os("UPDATE_README").is_some() && std::env::var_os("CI").is_none();
    let mut fixed = readme.clone();
    let mut stale = Vec::new();
    // From the last block back, so earlier ranges stay valid.
    for shot in shots.iter().rev() {
        let now = render(&shot.args);
        if readme[shot.body.clone()] != now {
            stale.push(shot.name.clone());
            fixed.replace_range(shot.body.clone(), &now);
        }
    }
    if update && !stale.is_empty() {
        std::fs::write(&path, fixed).unwrap();
        eprintln!("README screenshots rewritten: {stale:?}");
        return;
    }
    assert!(
        stale.is_empty(),
        "README screenshots differ from `briefing render`: {stale:?}; \
         regenerate with: UPDATE_README=1 cargo test --test readme_screens"
    );
}

#[test]
fn a_marker_is_read_with_its_arguments_and_block() {
    let text = "a\n<!-- render panes: --size 80x24 --keys 3jj -->\n```text\nX\nY\n```\nb\n";
    let shots = shots(text);
    assert_eq!(shots.len(), 1);
    assert_eq!(shots[0].name, "panes");
    assert_eq!(shots[0].args, ["--size", "80x24", "--keys", "3jj"]);
    assert_eq!(&text[shots[0].body.clone()], "X\nY\n");
}
