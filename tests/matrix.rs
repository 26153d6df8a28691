//! The stance matrix (`m`) on App: moving over cells, opening a position,
//! following a party, the topic filter, the story view's stances per
//! briefing, every size; and its screens (insta) on the Alaska briefing
//! and on a generated year-long library.

mod support;

use std::path::Path;

use briefing::app::{App, Mode, Pane, Popup, Target};
use briefing::model::load_paths;
use support::{alaska, app_with, press, screen, year_library};

/// The speaker and disagreement under the matrix's cursor.
fn at(app: &App) -> (usize, usize) {
    app.matrix_view()
        .expect("matrix open")
        .at()
        .expect("a cell")
}

fn name(app: &App, s: usize) -> String {
    app.briefing().speakers[s].name.clone()
}

/// The lines of the screen below the matrix's rule: the cell's detail.
fn detail(text: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let rule = (lines.iter())
        .position(|l| l.starts_with("│──"))
        .expect("the rule");
    lines[rule + 1..].join("\n")
}

/// The first line of `text` as the detail's wrapping leaves it.
fn words(text: &str, n: usize) -> String {
    text.split_whitespace()
        .take(n)
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn m_opens_the_matrix_and_q_or_esc_closes_it() {
    let mut app = alaska();
    press(&mut app, "m");
    assert_eq!(app.mode(), Mode::Matrix);
    let view = app.matrix_view().unwrap();
    let b = app.briefing();
    // Parties: the speakers holding a position, and only those.
    for s in 0..b.speakers.len() {
        assert_eq!(
            view.matrix.party_row(s).is_some(),
            !b.index.positions_by_speaker[s].is_empty(),
            "{}",
            b.speakers[s].name
        );
    }
    assert_eq!(view.matrix.columns.len(), b.disagreements.len());
    press(&mut app, "q");
    assert_eq!(app.mode(), Mode::Panes);
    press(&mut app, "m<Esc>");
    assert_eq!(app.mode(), Mode::Panes);
    press(&mut app, "mm");
    assert_eq!(app.mode(), Mode::Panes);
    // Help lists the view's key and its own section.
    let help = screen(&mut app, "?/stance<Enter>", 120, 40);
    assert!(help.contains("the stance matrix"), "{help}");
}

#[test]
fn moving_over_cells_changes_the_detail_below() {
    let mut app = alaska();
    press(&mut app, "m");
    let mut seen = Vec::new();
    for keys in ["", "j", "j", "l", "k", "h", "G", "$", "g", "0"] {
        let text = screen(&mut app, keys, 120, 40);
        let (s, d) = at(&app);
        let b = app.briefing();
        let view = app.matrix_view().unwrap();
        let detail = detail(&text);
        assert!(detail.contains(&b.speakers[s].name), "{keys}: {text}");
        match view.matrix.cell(view.row, view.col) {
            Some(cell) => {
                let stance = &b.disagreements[d].positions[cell.position].stance;
                assert!(detail.contains(&words(stance, 4)), "{keys}: {text}");
            }
            None => assert!(detail.contains("No position"), "{keys}: {text}"),
        }
        seen.push((s, d));
    }
    let view = app.matrix_view().unwrap();
    assert_eq!((view.row, view.col), (0, 0));
    seen.sort_unstable();
    seen.dedup();
    assert!(seen.len() >= 5, "{seen:?}");
    // The cursor stops at the edges.
    press(&mut app, "kkkhhh");
    let view = app.matrix_view().unwrap();
    assert_eq!((view.row, view.col), (0, 0));
    press(&mut app, "<ctrl-d><ctrl-d><ctrl-d>$$");
    let view = app.matrix_view().unwrap();
    assert_eq!(view.row + 1, view.matrix.parties.len());
    assert_eq!(view.col + 1, view.matrix.columns.len());
}

#[test]
fn enter_opens_the_disagreement_on_the_party_s_position() {
    let mut app = alaska();
    press(&mut app, "m");
    // A cell with a position, off the first row.
    let (row, col) = {
        let m = &app.matrix_view().unwrap().matrix;
        (1..m.parties.len())
            .flat_map(|r| (0..m.columns.len()).map(move |c| (r, c)))
            .find(|&(r, c)| m.cell(r, c).is_some())
            .unwrap()
    };
    press(&mut app, &"j".repeat(row));
    press(&mut app, &"l".repeat(col));
    let (s, d) = at(&app);
    press(&mut app, "<Enter>");
    assert_eq!(app.mode(), Mode::Popup);
    let Some(Popup::Detail { target, view }) = app.popups().last() else {
        panic!("{:?}", app.popups());
    };
    assert_eq!(*target, Target::Disagreement(d));
    assert!(view.scroll > 0, "scrolled to the positions");
    let text = screen(&mut app, "", 120, 40);
    assert!(text.contains(&name(&app, s)), "{text}");
    // Esc goes back to the matrix, on the same cell.
    press(&mut app, "<Esc>");
    assert_eq!(app.mode(), Mode::Matrix);
    assert_eq!(at(&app), (s, d));
}

#[test]
fn s_follows_the_party_and_the_panes_follow_after_esc() {
    let mut app = alaska();
    press(&mut app, "mj");
    let (s, _) = at(&app);
    press(&mut app, "s");
    assert_eq!(app.followed(), Some(s));
    assert!(
        app.message().unwrap().contains("following"),
        "{:?}",
        app.message()
    );
    // The matrix narrows to that party's disagreements, its row starred.
    let view = app.matrix_view().unwrap();
    let row = view.matrix.party_row(s).unwrap();
    assert_eq!(view.row, row);
    assert!((0..view.matrix.columns.len()).all(|c| view.matrix.cell(row, c).is_some()));
    let text = screen(&mut app, "", 120, 40);
    assert!(text.contains(&format!("★{}", name(&app, s))), "{text}");
    press(&mut app, "<Esc>2");
    assert_eq!(app.mode(), Mode::Panes);
    assert_eq!(
        app.selected_target(Pane::Speakers),
        Some(Target::Speaker(s))
    );
    let text = screen(&mut app, "", 120, 40);
    assert!(
        text.contains(&format!("following: {}", name(&app, s))),
        "{text}"
    );
    // s again on the followed party lets go.
    press(&mut app, "ms");
    assert_eq!(app.followed(), None);
}

#[test]
fn the_topic_filter_applies_and_t_clears_it() {
    let mut app = alaska();
    let all = app.briefing().disagreements.len();
    press(&mut app, "m");
    // The picker opens over the matrix; the first topic is applied.
    press(&mut app, "t");
    assert_eq!(app.mode(), Mode::Picker);
    // A topic that leaves some disagreements out.
    let b = app.briefing();
    let topic = (0..b.topics.len())
        .find(|&t| {
            let n = (b.index.topics_of_disagreement.iter())
                .filter(|ts| ts.contains(&t))
                .count();
            n > 0 && n < all
        })
        .expect("a topic some disagreements have");
    press(&mut app, &"j".repeat(topic));
    press(&mut app, "<Enter>");
    assert_eq!(app.mode(), Mode::Matrix);
    assert_eq!(app.topics().iter().copied().collect::<Vec<_>>(), [topic]);
    let columns = app.matrix_view().unwrap().matrix.columns.clone();
    assert!(!columns.is_empty() && columns.len() < all, "{columns:?}");
    let b = app.briefing();
    assert!(
        columns
            .iter()
            .all(|&d| b.index.topics_of_disagreement[d].contains(&topic))
    );
    press(&mut app, "T");
    assert!(app.topics().is_empty());
    assert_eq!(app.matrix_view().unwrap().matrix.columns.len(), all);
}

#[test]
fn opens_on_the_selected_position() {
    let mut app = alaska();
    // The Disagreements pane, second row: the first disagreement's first position.
    press(&mut app, "4j");
    let Some(Target::Disagreement(d)) = app.selected_target(Pane::Disagreements) else {
        panic!()
    };
    let speaker = app.briefing().disagreements[d].positions[0].speaker.clone();
    press(&mut app, "m");
    let (s, d2) = at(&app);
    assert_eq!(d2, d);
    assert_eq!(app.briefing().speakers[s].id, speaker);
}

#[test]
fn flip_swaps_rows_and_columns() {
    let mut app = alaska();
    press(&mut app, "mjl");
    let here = at(&app);
    let before = screen(&mut app, "", 120, 40);
    assert!(before.contains("│party"), "{before}");
    let after = screen(&mut app, "f", 120, 40);
    assert!(after.contains("disagreement"), "{after}");
    assert_eq!(at(&app), here);
    // Down now moves to the next disagreement.
    press(&mut app, "j");
    let (s, d) = at(&app);
    assert_eq!(s, here.0);
    assert_ne!(d, here.1);
}

#[test]
fn no_panic_and_no_broken_border_at_any_size() {
    let mut app = alaska();
    press(&mut app, "mjl");
    for w in 1..=90u16 {
        for h in 1..=30u16 {
            let text = screen(&mut app, "", w, h);
            if w >= 40 && h >= 12 {
                let lines: Vec<&str> = text.lines().collect();
                // The frame's corners are where they belong.
                assert!(lines[1].starts_with('╭'), "{w}x{h}\n{text}");
                assert!(lines[1].ends_with('╮'), "{w}x{h}\n{text}");
                assert!(lines[h as usize - 2].starts_with('╰'), "{w}x{h}\n{text}");
                assert!(lines[h as usize - 2].ends_with('╯'), "{w}x{h}\n{text}");
            }
        }
    }
    press(&mut app, "f");
    for (w, h) in [(40, 12), (41, 13), (60, 20), (1, 1), (200, 60)] {
        screen(&mut app, "jjjlll<Enter><Esc>GG$", w, h);
    }
}

fn story_fixture() -> App {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/story");
    let report = load_paths(&[dir]);
    assert!(report.failures.is_empty());
    let mut app = app_with(report.briefings, Vec::new());
    press(&mut app, "S");
    assert!(app.in_story());
    app
}

#[test]
fn in_the_story_view_a_changed_stance_is_marked_and_listed_per_briefing() {
    let mut app = story_fixture();
    press(&mut app, "m");
    let text = screen(&mut app, "", 120, 40);
    assert!(text.contains("Δ Agrees to the council"), "{text}");
    // To Ines Calder's cell on who pays.
    let m = app.matrix_view().unwrap().matrix.clone();
    let b = app.briefing();
    let s = b.index.speaker_by_id["ines-calder"];
    let row = m.party_row(s).unwrap();
    let col = (0..m.columns.len())
        .find(|&c| m.cell(row, c).is_some_and(|c| c.changed))
        .unwrap();
    press(&mut app, &"j".repeat(row));
    press(&mut app, &"l".repeat(col));
    let text = screen(&mut app, "", 120, 40);
    let detail = detail(&text);
    assert!(detail.contains("Stance per briefing"), "{text}");
    let newest = detail.find("03-16  Agrees to the council").expect(&text);
    let middle = detail
        .find("03-09  Half from the harbour board")
        .expect(&text);
    let first = detail.find("03-02  The town must build").expect(&text);
    assert!(newest < middle && middle < first, "{detail}");
}

#[test]
fn the_year_library_scrolls_with_headers_in_place() {
    let mut app = year_library();
    press(&mut app, "m");
    let view = app.matrix_view().unwrap();
    assert!(
        view.matrix.columns.len() > 200,
        "{}",
        view.matrix.columns.len()
    );
    let top = screen(&mut app, "", 80, 24);
    // Far right and down: the header row and the party column stay.
    let far = screen(&mut app, "GG$", 80, 24);
    let corner = |t: &str| t.lines().nth(3).unwrap().to_string();
    assert!(corner(&top).contains("party"), "{top}");
    assert!(corner(&far).contains("party"), "{far}");
    let view = app.matrix_view().unwrap();
    assert_eq!(view.row + 1, view.matrix.parties.len());
    assert_eq!(view.col + 1, view.matrix.columns.len());
    let last = app.briefing().speakers[*view.matrix.parties.last().unwrap()]
        .name
        .clone();
    assert!(far.contains(&words(&last, 1)), "{far}");
    assert!(far.contains("more ▴◂"), "{far}");
    // A changed cell says so and lists its stances.
    let m = view.matrix.clone();
    let (row, col) = (0..m.parties.len())
        .find_map(|r| {
            m.row(r)
                .iter()
                .find(|(_, c)| c.changed)
                .map(|&(c, _)| (r, c))
        })
        .expect("a stance that changed over the year");
    press(&mut app, "g0");
    press(&mut app, &"j".repeat(row));
    press(&mut app, &"l".repeat(col));
    let text = screen(&mut app, "", 120, 40);
    assert!(text.contains("Stance per briefing"), "{text}");
    assert!(text.contains("Δ "), "{text}");
    // Both ways round, at small sizes: the frame whole.
    for keys in ["", "f"] {
        for (w, h) in [(40, 12), (41, 13), (52, 15), (60, 20), (100, 30)] {
            let text = screen(&mut app, keys, w, h);
            let lines: Vec<&str> = text.lines().collect();
            assert!(
                lines[1].starts_with('╭') && lines[1].ends_with('╮'),
                "{text}"
            );
            let bottom = lines[usize::from(h) - 2];
            assert!(bottom.starts_with('╰') && bottom.ends_with('╯'), "{text}");
        }
    }
}

mod screens {
    use super::*;

    fn snap(app: &mut App, keys: &str, w: u16, h: u16) -> String {
        screen(app, keys, w, h)
    }

    #[test]
    fn alaska_matrix() {
        for (w, h) in [(120, 40), (80, 24), (40, 12)] {
            let mut app = alaska();
            insta::assert_snapshot!(format!("alaska_{w}x{h}"), snap(&mut app, "mjl", w, h));
        }
    }

    #[test]
    fn year_library_matrix() {
        let mut app = year_library();
        for (w, h) in [(120, 40), (80, 24), (40, 12)] {
            insta::assert_snapshot!(
                format!("year_library_{w}x{h}"),
                snap(&mut app, "<Esc>m", w, h)
            );
        }
    }

    #[test]
    fn story_fixture_matrix() {
        let mut app = story_fixture();
        insta::assert_snapshot!("story_80x24", snap(&mut app, "mj$", 80, 24));
    }
}

#[test]
fn the_markdown_exports_hold_the_matrix_as_a_table() {
    let md = briefing::export::markdown::to_markdown(&briefing::model::Briefing::bundled());
    let table = md.split("## Who stands where\n\n").nth(1).expect(&md);
    assert!(
        table.starts_with("| Party | How close is a peace deal?"),
        "{table}"
    );
    // Witkoff's first cell: the position's label, else its first words.
    let b = briefing::model::Briefing::bundled();
    let d = &b.disagreements[0];
    let p = (d.positions.iter())
        .find(|p| p.speaker == "witkoff")
        .unwrap();
    let words = match &p.label {
        Some(label) => label.clone(),
        None => p.stance.split(' ').take(6).collect::<Vec<_>>().join(" ") + "…",
    };
    let row = format!("| Steve Witkoff | {words} |");
    assert!(table.contains(&row), "{row}\n{table}");
    // A library's export: the latest stance, marked where it changed.
    let app = story_fixture();
    let md = briefing::export::library::to_markdown(app.briefing());
    let table = md.split("## Who stands where\n\n").nth(1).expect(&md);
    assert!(
        table.contains("| Ines Calder | · | Δ Agrees to the council paying its…"),
        "{table}"
    );
}

#[test]
fn m_from_a_detail_opens_on_its_item_and_esc_comes_back_to_it() {
    let mut app = alaska();
    press(&mut app, "4G<Enter>");
    let Some(Popup::Detail {
        target: Target::Disagreement(d),
        ..
    }) = app.popups().last().cloned()
    else {
        panic!("{:?}", app.popups())
    };
    press(&mut app, "m");
    assert_eq!(app.mode(), Mode::Matrix);
    assert_eq!(at(&app).1, d);
    // Enter then m again: back to the one matrix, not a second.
    press(&mut app, "<Enter>m");
    assert_eq!(app.mode(), Mode::Matrix);
    let matrices = (app.popups().iter())
        .filter(|p| matches!(p, Popup::Matrix(_)))
        .count();
    assert_eq!(matrices, 1);
    press(&mut app, "<Esc>");
    assert!(matches!(app.popups().last(), Some(Popup::Detail { .. })));
}

#[test]
fn the_status_line_offers_what_can_act() {
    let mut app = alaska();
    let text = screen(&mut app, "m", 120, 40);
    let status = text.lines().last().unwrap();
    assert!(
        status.contains("enter open") && status.contains("s follow"),
        "{status}"
    );
    assert!(!status.contains("clear topics"), "{status}");
    let text = screen(&mut app, "s", 120, 40);
    // The message first, then the hints again.
    assert!(text.lines().last().unwrap().contains("following"), "{text}");
    let text = screen(&mut app, "j", 120, 40);
    let status = text.lines().last().unwrap();
    assert!(status.contains("s follow"), "{status}");
    let text = screen(&mut app, "k", 120, 40);
    let status = text.lines().last().unwrap();
    assert!(status.contains("s let go"), "{status}");
}

#[test]
fn an_empty_matrix_says_why() {
    let mut app = alaska();
    // Follow a speaker without a position (Putin): nothing to show.
    let b = app.briefing();
    let s = (0..b.speakers.len())
        .find(|&s| b.index.positions_by_speaker[s].is_empty())
        .unwrap();
    press(&mut app, "2");
    press(&mut app, &"j".repeat(s));
    press(&mut app, "s");
    assert_eq!(app.followed(), Some(s));
    let text = screen(&mut app, "m", 80, 24);
    assert!(app.matrix_view().unwrap().matrix.is_empty());
    assert!(
        text.contains("No position to show under following"),
        "{text}"
    );
    // Keys do nothing harmful there.
    let text = screen(&mut app, "jlG$<Enter>fs", 40, 12);
    assert!(!text.contains("panicked"));
    assert_eq!(app.mode(), Mode::Matrix);
    assert!(!screen(&mut app, "", 80, 24).contains(" s follow"));
}

#[test]
fn a_click_selects_a_cell_and_the_wheel_moves_down() {
    use briefing::app::Action;
    let mut app = alaska();
    press(&mut app, "m");
    let view = app.matrix_view().unwrap();
    let l = view.layout(app.screen());
    let (x, y) = (l.column_x(1) + 1, l.grid.y + l.header + 2);
    app.update(Action::Click(x, y));
    let view = app.matrix_view().unwrap();
    assert_eq!((view.row, view.col), (2, 1));
    // A click on the header or outside the grid leaves the cursor.
    app.update(Action::Click(x, l.grid.y));
    app.update(Action::Click(0, 0));
    let view = app.matrix_view().unwrap();
    assert_eq!((view.row, view.col), (2, 1));
    app.update(Action::Scroll(x, y, 1));
    assert_eq!(app.matrix_view().unwrap().row, 3);
}

#[test]
fn slash_finds_a_party_or_a_disagreement_and_esc_puts_the_cursor_back() {
    let mut app = alaska();
    press(&mut app, "ml");
    let start = at(&app);
    press(&mut app, "/rub");
    assert_eq!(app.mode(), Mode::Search);
    let (s, _) = at(&app);
    assert_eq!(name(&app, s), "Marco Rubio");
    let text = screen(&mut app, "", 80, 24);
    assert!(text.contains(" /rub▏"), "{text}");
    // Esc while typing: back where the search began.
    press(&mut app, "<Esc>");
    assert_eq!(app.mode(), Mode::Matrix);
    assert_eq!(at(&app), start);
    // Titles too; Enter keeps the search, n and N step round the matches.
    press(&mut app, "/ceasefire<Enter>");
    assert_eq!(app.mode(), Mode::Matrix);
    let (_, d) = at(&app);
    assert!(app.briefing().disagreements[d].title.contains("ceasefire"));
    press(&mut app, "n");
    assert_eq!(at(&app).1, d, "one match: n stays");
    assert!(app.message().unwrap().contains("wrapped"));
    // Esc clears the search first, then closes the matrix.
    press(&mut app, "<Esc>");
    assert_eq!(app.mode(), Mode::Matrix);
    assert!(app.matrix_view().unwrap().find.is_none());
    press(&mut app, "n");
    assert!(app.message().unwrap().contains("no search"));
    press(&mut app, "<Esc>");
    assert_eq!(app.mode(), Mode::Panes);
}
