//! What the tests share: a reader on the bundled briefing, key presses in
//! `render --keys` notation, the theme and the screen as text. Benches and the
//! fuzz target include this file too.
#![allow(dead_code)]

pub mod generate;

use briefing::app::{Action, App, Effect};
use briefing::config::ThemeColors;
use briefing::headless;
use briefing::keys::parse_sequence;
use briefing::model::{Briefing, Failure};
use briefing::ui::{Context, Theme};

/// The state folder given to runs of the binary that must neither read
/// nor write a saved state (`render`, `check`, the digest): it does not
/// exist, and those runs never create it. So a developer's own state
/// never changes what a test sees, and tests never write into `$HOME`.
pub const NO_STATE: &str = "/nonexistent/briefing-test-state";

/// `cmd` (running the binary) with its state folder at [`NO_STATE`].
pub fn hermetic(cmd: &mut std::process::Command) -> &mut std::process::Command {
    cmd.env("XDG_STATE_HOME", NO_STATE)
}

/// A reader over `briefings` on a 120×40 screen, default keys.
pub fn app_with(briefings: Vec<Briefing>, failures: Vec<Failure>) -> App {
    let mut app = App::new(briefings, failures);
    app.update(Action::Resize(120, 40));
    app
}

/// A reader on the bundled Alaska briefing, 120×40, default keys.
pub fn alaska() -> App {
    app_with(vec![Briefing::bundled()], Vec::new())
}

/// Presses `keys` (as `render --keys` takes them: `"3jj<Enter>"`) and
/// returns the effects the app asked for.
pub fn press(app: &mut App, keys: &str) -> Vec<Effect> {
    headless::press(app, &parse_sequence(keys).expect("test keys parse"))
}

/// The default theme; `plain` without colours, as `render` draws.
pub fn theme(plain: bool) -> Theme {
    Theme::new(ThemeColors::defaults(), plain)
}

/// The screen as text after `keys`, at `width`×`height`, without colours.
pub fn screen(app: &mut App, keys: &str, width: u16, height: u16) -> String {
    let theme = theme(true);
    let ctx = Context { theme: &theme };
    let keys = parse_sequence(keys).expect("test keys parse");
    headless::to_text(&headless::render(app, &ctx, &keys, width, height))
}

/// Fills `b.provenance` as verification would, by plain search, for tests
/// of the reader: every source naming an archived copy gets `text`; a direct
/// quote found exactly in it is verbatim, else not; a reported statement is
/// located between its `prefix` and `suffix`, else has no selector.
pub fn prove_by_hand(b: &mut Briefing, text: &str) {
    use briefing::model::QuoteKind;
    use briefing::model::provenance::{Archive, ArchiveState, Proof};
    b.provenance.archives = (b.sources.iter())
        .map(|s| match &s.archived {
            Some(name) => ArchiveState::Found(Archive {
                path: name.into(),
                text: text.to_string(),
            }),
            None => ArchiveState::NotNamed,
        })
        .collect();
    b.provenance.quotes = (b.quotes.iter())
        .map(|q| {
            let Some(si) = b
                .sources
                .iter()
                .position(|s| Some(&s.id) == q.source.as_ref())
            else {
                return Proof::NoSource;
            };
            if b.sources[si].archived.is_none() {
                return Proof::NoCopy;
            }
            match q.kind {
                QuoteKind::Direct => {
                    let t = q.text.trim();
                    match text.find(t) {
                        Some(at) => Proof::Verbatim {
                            at: at..at + t.len(),
                            occurrences: text.matches(t).count(),
                        },
                        None => Proof::NotVerbatim { closest: None },
                    }
                }
                QuoteKind::Reported => match (&q.prefix, &q.suffix) {
                    (Some(p), Some(s)) => match text.find(p.as_str()) {
                        Some(a) => {
                            let from = a + p.len();
                            match text[from..].find(s.as_str()) {
                                Some(e) => Proof::Located { at: from..from + e },
                                None => Proof::NotLocated,
                            }
                        }
                        None => Proof::NotLocated,
                    },
                    _ => Proof::NoSelector,
                },
            }
        })
        .collect();
}

/// The copy of the Alaska article the bundled briefing was written from.
pub fn alaska_article() -> String {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/sources/alaska-summit-2025-08-17.txt"
    );
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// A reader on the bundled briefing with its quotes verified against the
/// article, 120×40.
pub fn alaska_proven() -> App {
    let mut b = Briefing::bundled();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/sources");
    assert!(
        dir.join("alaska-summit-2025-08-17.txt").is_file(),
        "{dir:?}"
    );
    let problems =
        briefing::model::provenance::verify_in(&mut b, briefing::model::BUNDLED.1, &[dir], None);
    assert!(
        (problems.iter()).all(|p| p.severity != briefing::diag::Severity::Error),
        "{problems:?}"
    );
    app_with(vec![b], Vec::new())
}

/// A reader on the bundled briefing as verification leaves it where the
/// article's archived copy is not found, 120×40.
pub fn alaska_without_copy() -> App {
    use briefing::model::provenance::{ArchiveState, Proof};
    let mut b = Briefing::bundled();
    b.provenance.archives = vec![
        ArchiveState::NotFound {
            looked_in: vec!["briefings".into()],
        };
        b.sources.len()
    ];
    b.provenance.quotes = (b.quotes.iter())
        .map(|q| match q.source {
            Some(_) => Proof::NoCopy,
            None => Proof::NoSource,
        })
        .collect();
    app_with(vec![b], Vec::new())
}

/// A reader on the bundled briefing where the archived copy found is not
/// the one it was written against (its sha256 differs), 120×40.
pub fn alaska_copy_differs() -> App {
    use briefing::model::provenance::{ArchiveState, Proof};
    let mut b = Briefing::bundled();
    b.provenance.archives = vec![
        ArchiveState::Mismatch {
            path: "sources/alaska-summit-2025-08-17.txt".into(),
            found: "0".repeat(64),
        };
        b.sources.len()
    ];
    b.provenance.quotes = vec![Proof::NoCopy; b.quotes.len()];
    app_with(vec![b], Vec::new())
}

/// A reader on a fixture of `tests/fixtures/provenance/`, verified against
/// the archived copy beside it, 120×40.
pub fn provenance_fixture(name: &str) -> App {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/provenance")
        .join(name);
    let report = briefing::model::load_paths_with(&[path], &[]);
    assert!(report.failures.is_empty(), "{name}: {:?}", report.failures);
    app_with(report.briefings, Vec::new())
}

/// What a pseudo-terminal's master end reads, chunk by chunk, on a thread
/// of its own, until the child is gone.
pub fn pty_output(mut reader: Box<dyn std::io::Read + Send>) -> std::sync::mpsc::Receiver<Vec<u8>> {
    let (tx, output) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut buf = [0u8; 8192];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                break;
            }
        }
    });
    output
}

/// A generated library seen as one story, 120×40: 365 briefings a day
/// apart through 2025 (a year of events), 150 quotes each, sharing 200
/// speakers and 273 disagreements whose status moves from open to
/// resolved over the year. The text is generated once per test binary.
pub fn year_library() -> App {
    static FILES: std::sync::OnceLock<Vec<(String, String)>> = std::sync::OnceLock::new();
    let files = FILES.get_or_init(|| briefing::synthetic::library(365, 150));
    let briefings = files
        .iter()
        .map(|(name, text)| {
            Briefing::parse(std::path::Path::new(name), text)
                .unwrap_or_else(|e| panic!("{name}: {e:?}"))
        })
        .collect();
    let mut app = app_with(briefings, Vec::new());
    app.start_in_story();
    app
}

/// A full frame, for the benches: forget what is on screen, draw everything.
pub fn full_frame(
    terminal: &mut ratatui::Terminal<ratatui::backend::TestBackend>,
    app: &App,
    ctx: &Context,
) {
    terminal.swap_buffers();
    terminal.swap_buffers();
    terminal
        .draw(|f| briefing::ui::draw(f, std::hint::black_box(app), ctx))
        .unwrap();
}
