//! Screen snapshots of the Timeline chart (`C`) at 120×40, 80×24 and 40×12:
//! the Alaska briefing (three days, several columns a day) and the
//! generated year-long library in the story view (days a column, month
//! labels), with the cursor, a range and the date filter.

mod support;

use support::{alaska, year_library};

#[test]
fn alaska_chart() {
    for (w, h) in [(120, 40), (80, 24), (40, 12)] {
        let mut app = alaska();
        insta::assert_snapshot!(
            format!("alaska_{w}x{h}"),
            support::screen(&mut app, "C", w, h)
        );
    }
}

#[test]
fn alaska_chart_range_and_filter() {
    let mut app = alaska();
    insta::assert_snapshot!(
        "alaska_range_in_progress_120x40",
        support::screen(&mut app, "Cvhh", 120, 40)
    );
    let mut app = alaska();
    insta::assert_snapshot!(
        "alaska_filter_80x24",
        support::screen(&mut app, "Cvhv<tab><tab>", 80, 24)
    );
}

#[test]
fn year_library_chart() {
    let library = year_library();
    for (w, h) in [(120, 40), (80, 24), (40, 12)] {
        let mut app = library.clone();
        insta::assert_snapshot!(
            format!("year_{w}x{h}"),
            support::screen(&mut app, "C", w, h)
        );
    }
    // A month around the cursor, then a range of three months set.
    let mut app = library.clone();
    insta::assert_snapshot!(
        "year_month_120x40",
        support::screen(&mut app, "Cg<ctrl-d><ctrl-d>", 120, 40)
    );
    let mut app = library;
    insta::assert_snapshot!(
        "year_filter_80x24",
        support::screen(&mut app, "Cg<ctrl-d>v<ctrl-d><ctrl-d>v", 80, 24)
    );
}
