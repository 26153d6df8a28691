//! The stance matrix as a Markdown table for the digest: who stands where
//! on each disagreement, a cell per party and disagreement holding the
//! position's label, else its first words (`·`: no position; `Δ`: in a
//! library, the stance changed between briefings). The longer list makes
//! the rows, so the table grows down rather than across.

use std::fmt::Write as _;

use super::markdown::{field, kind_word, status_word};
use crate::model::Briefing;
use crate::model::matrix::{Matrix, cell_words, first_words};

/// The most words of a stance a cell shows when the position has no label.
const CELL_WORDS: usize = 6;

/// The "Who stands where" section for the disagreements `columns` of `b`,
/// ending with a blank line; empty when no party holds a position there.
pub fn section(b: &Briefing, columns: &[usize]) -> String {
    let m = Matrix::build(b, columns, None);
    if m.is_empty() {
        return String::new();
    }
    let party = |r: usize| field(&b.speakers[m.parties[r]].name);
    let title = |c: usize| {
        let d = &b.disagreements[m.columns[c]];
        format!(
            "{} ({} {})",
            field(&d.title),
            status_word(d.status),
            kind_word(d.kind)
        )
    };
    let cell = |r: usize, c: usize| match m.cell(r, c) {
        Some(cell) => {
            let words = first_words(cell_words(b, m.columns[c], cell.position), CELL_WORDS);
            let words = field(&words);
            if cell.changed {
                format!("Δ {words}")
            } else {
                words
            }
        }
        None => "·".to_string(),
    };
    let parties_down = m.parties.len() >= m.columns.len();
    let (rows, cols) = if parties_down {
        (m.parties.len(), m.columns.len())
    } else {
        (m.columns.len(), m.parties.len())
    };
    let mut out = String::from("## Who stands where\n\n");
    let corner = if parties_down {
        "Party"
    } else {
        "Disagreement"
    };
    let heads: Vec<String> = (0..cols)
        .map(|c| if parties_down { title(c) } else { party(c) })
        .collect();
    let _ = writeln!(out, "| {corner} | {} |", heads.join(" | "));
    let _ = writeln!(out, "|---|{}", "---|".repeat(cols));
    for r in 0..rows {
        let (head, cells): (String, Vec<String>) = if parties_down {
            (party(r), (0..cols).map(|c| cell(r, c)).collect())
        } else {
            (title(r), (0..cols).map(|c| cell(c, r)).collect())
        };
        let _ = writeln!(out, "| {head} | {} |", cells.join(" | "));
    }
    // What the marks mean, under the table.
    let changed = (0..m.parties.len())
        .any(|r| (0..m.columns.len()).any(|c| m.cell(r, c).is_some_and(|cell| cell.changed)));
    out.push_str(if changed {
        "\n*Each cell is the position's label, else its first words; `·`: no position; \
         `Δ`: the stance changed from one briefing to another.*\n"
    } else {
        "\n*Each cell is the position's label, else its first words; `·`: no position.*\n"
    });
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alaska_as_a_table_of_parties_by_disagreements() {
        let b = Briefing::bundled();
        let all: Vec<usize> = (0..b.disagreements.len()).collect();
        let md = section(&b, &all);
        let lines: Vec<&str> = md.lines().collect();
        assert_eq!(lines[0], "## Who stands where");
        assert!(lines[2].starts_with("| Party | How close is a peace deal? (open question) |"));
        assert_eq!(lines[3], "|---|---|---|---|");
        let m = Matrix::build(&b, &all, None);
        // Heading, blank, header, rule, the parties, blank, the legend, blank.
        assert_eq!(lines.len(), 7 + m.parties.len());
        assert!(lines[lines.len() - 2].contains("`·`: no position"));
        assert_eq!(lines.last(), Some(&""));
        // Every row has as many cells as the header.
        for line in lines.iter().filter(|l| l.starts_with("| ")) {
            assert_eq!(line.matches(" | ").count(), 3, "{line}");
        }
        assert!(section(&b, &[]).is_empty());
    }

    #[test]
    fn pipes_and_line_breaks_stay_inside_their_cell() {
        let mut b = Briefing::bundled();
        let p = &mut b.disagreements[0].positions[0];
        p.label = Some("for | against\nmaybe".into());
        b.disagreements[0].title = "A | B\nC".into();
        let md = section(&b, &[0]);
        assert!(md.contains("A \\| B C (open question)"), "{md}");
        assert!(md.contains("| for \\| against maybe |"), "{md}");
        for line in md.lines().filter(|l| l.starts_with("| ")) {
            assert_eq!(line.matches(" | ").count(), 1, "{line}");
        }
    }
}
