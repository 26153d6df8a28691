//! Property tests: random sequences of keys, mouse events and resizes against
//! `App`, drawn after every step. No panic, and the state stays consistent.
//!
//! Quick by default (64 cases); a long run: `PROPTEST_CASES=10000 cargo test
//! --release --test properties`.

use std::path::Path;

mod support;

use briefing::app::{ACTIONS, Action, App, Pane, Popup, Rows, popup::link_count};
use briefing::model::{Briefing, load_paths};
use briefing::ui::{self, Context};
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn action() -> impl Strategy<Value = Action> {
    // Quit ends the session; the other actions keep the state changing.
    let bindable: Vec<Action> = ACTIONS
        .iter()
        .map(|s| s.action.clone())
        .filter(|a| *a != Action::Suspend && *a != Action::Quit)
        .collect();
    prop_oneof![
        6 => proptest::sample::select(bindable),
        1 => (0u16..220, 0u16..80).prop_map(|(w, h)| Action::Resize(w, h)),
        1 => (0u16..220, 0u16..80).prop_map(|(x, y)| Action::Click(x, y)),
        1 => (0u16..220, 0u16..80, prop_oneof![Just(-1i8), Just(1i8)]).prop_map(|(x, y, d)| Action::Scroll(x, y, d)),
        2 => proptest::sample::select(vec!['a', 'e', 'R', 'u', ' ', '中', '\u{1b}', '\u{202e}']).prop_map(Action::Input),
        1 => Just(Action::DeleteChar),
        1 => (0usize..12).prop_map(Action::Choose),
        1 => Just(Action::Notify("\u{1b}]52;c;x\u{7} failed".into())),
    ]
}

fn briefings() -> (Vec<Briefing>, Vec<briefing::model::Failure>) {
    let mut report =
        load_paths(&[Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mixed")]);
    report.briefings.push(Briefing::bundled());
    (report.briefings, report.failures)
}

/// Is `part` made of items of `whole`, in the same order? Then `whole`
/// becomes `part`.
fn narrow<T: PartialEq + Clone>(part: &[T], whole: &mut Vec<T>) -> bool {
    let mut rest = whole.iter();
    let ok = part.iter().all(|x| rest.any(|y| y == x));
    *whole = part.to_vec();
    ok
}

/// Every invariant of the state, as a list of violations.
fn violations(app: &App) -> Vec<String> {
    let mut out = Vec::new();
    let b = app.briefing();
    if app.current() >= app.briefings().len() {
        out.push("current briefing out of range".into());
    }
    let mut expected = Rows::compute(b, app.topics(), app.followed());
    // A date range narrows every pane to some of those rows, in order,
    // each dated in it (a disagreement or speaker through its quotes).
    if let Some((from, to)) = app.date_range() {
        let rows = app.rows();
        let e = &mut expected;
        let narrowed = narrow(&rows.timeline, &mut e.timeline)
            & narrow(&rows.speakers, &mut e.speakers)
            & narrow(&rows.quotes, &mut e.quotes)
            & narrow(&rows.disagreements, &mut e.disagreements);
        e.quote_counts = rows.quote_counts.clone();
        if !narrowed {
            out.push("the date range added rows".into());
        }
        let day = |m: &briefing::model::Moment| briefing::model::days::place(m).0;
        let dated = (rows.quotes.iter()).all(|&q| (from..=to).contains(&day(&b.quotes[q].at)))
            && (rows.timeline.iter()).all(|&e| (from..=to).contains(&day(&b.events[e].at)));
        if !dated {
            out.push("a row dated outside the date range".into());
        }
    }
    // A text filter narrows its pane to some of those rows, in order.
    if let Some(f) = app.filter() {
        let rows = app.rows();
        let e = &mut expected;
        let narrowed = match f.pane {
            Pane::Timeline => narrow(&rows.timeline, &mut e.timeline),
            Pane::Speakers => narrow(&rows.speakers, &mut e.speakers),
            Pane::Quotes => narrow(&rows.quotes, &mut e.quotes),
            Pane::Disagreements => narrow(&rows.disagreements, &mut e.disagreements),
        };
        if !narrowed {
            out.push("the text filter added rows".into());
        }
    }
    if *app.rows() != expected {
        out.push("rows differ from the filter and followed speaker".into());
    }
    for pane in briefing::app::Pane::ALL {
        let list = app.list(pane);
        let len = app.rows().len(pane);
        if (len == 0 && list.selected != 0) || (len > 0 && list.selected >= len) {
            out.push(format!(
                "{pane:?}: selection {} outside {len} rows",
                list.selected
            ));
        }
        if list.offset > list.selected {
            out.push(format!(
                "{pane:?}: offset {} past selection {}",
                list.offset, list.selected
            ));
        }
    }
    if app.topics().iter().any(|&t| t >= b.topics.len()) {
        out.push("topic filter names a topic that does not exist".into());
    }
    if app.followed().is_some_and(|s| s >= b.speakers.len()) {
        out.push("followed speaker out of range".into());
    }
    for popup in app.popups() {
        match popup {
            Popup::Detail { target, view } => {
                let n = link_count(b, *target);
                if view.link > n.saturating_sub(1) {
                    out.push(format!("detail link {} of {n}", view.link));
                }
            }
            Popup::Topics { view, chosen }
                if view.link > b.topics.len().saturating_sub(1)
                    || chosen.iter().any(|&t| t >= b.topics.len()) =>
            {
                out.push("topic picker out of range".into());
            }
            Popup::Results(r) if !r.hits.is_empty() && r.cursor >= r.hits.len() => {
                out.push(format!("results cursor {} of {}", r.cursor, r.hits.len()));
            }
            Popup::Briefings { view }
                if view.link >= app.briefings().len() + app.failures().len() =>
            {
                out.push("briefing list cursor out of range".into());
            }
            Popup::CopyMenu { target, cursor }
                if *cursor >= briefing::app::copy_menu::choices(b, *target).len() =>
            {
                out.push(format!("copy menu cursor {cursor} out of range"));
            }
            Popup::SpeakerChoice {
                speakers, cursor, ..
            } if *cursor >= speakers.len() || speakers.iter().any(|&s| s >= b.speakers.len()) => {
                out.push("speaker chooser out of range".into());
            }
            _ => {}
        }
        // Every popup stops scrolling at its last line.
        if let (Some(doc), Some(view)) = (app.popup_document(popup), popup.view()) {
            let height = usize::from(app.popup_rects(popup, &doc).body.height);
            if view.scroll > doc.len().saturating_sub(height.max(1)) {
                out.push(format!(
                    "{popup:?} scrolled to {}, past its {} lines",
                    view.scroll,
                    doc.len()
                ));
            }
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn random_input_never_panics_and_keeps_state_consistent(
        start in (0u16..220, 0u16..80),
        actions in proptest::collection::vec(action(), 1..60),
    ) {
        let (briefings, failures) = briefings();
        let mut app = App::new(briefings, failures);
        app.update(Action::Resize(start.0, start.1));
        let theme = support::theme(false);
        let ctx = Context { theme: &theme };
        for action in actions {
            app.update(action.clone());
            app.take_effects();
            let v = violations(&app);
            prop_assert!(v.is_empty(), "after {:?}: {:?}", action, v);
            let (w, h) = app.size();
            let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
            terminal.draw(|f| ui::draw(f, &app, &ctx)).unwrap();
        }
    }
}
