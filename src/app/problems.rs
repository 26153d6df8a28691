//! The problems view (`!`): every diagnostic of every file, files that
//! failed to load first, then problems in briefings that loaded, each as
//! `briefing check` prints it (without colour); `Enter` or `e` on one opens
//! the editor at its file, line and column. And `e` on an item: the editor
//! at the line where the item is defined.

use std::path::Path;

use super::document::{DocLine, Document, Tone};
use super::popup_view::View;
use super::{App, Effect, Popup, Target};
use crate::diag::{self, Diagnostic, Failure, Location, Severity};
use crate::model::Briefing;
use crate::text::{multi_line, plural, wrap};

pub const PROBLEMS_WIDTH: u16 = 100;

impl App {
    /// Every problem, in the order the view lists them, with the text of
    /// its file when known.
    pub fn problems(&self) -> impl Iterator<Item = (&Diagnostic, Option<&str>)> {
        (self.failures.iter().chain(&self.findings))
            .flat_map(|f: &Failure| f.diagnostics.iter().map(|d| (d, f.source.as_deref())))
    }

    /// How many problems the files loaded have (errors and warnings).
    pub fn problem_count(&self) -> usize {
        (self.failures.iter().chain(&self.findings))
            .map(|f| f.diagnostics.len())
            .sum()
    }

    /// The status-line badge, when there are problems: `⚠ 2 problems`.
    pub fn problem_badge(&self) -> Option<String> {
        let n = self.problem_count();
        (n > 0).then(|| format!("⚠ {}", plural(n, "problem", "problems")))
    }

    /// `!`: opens the problems view, or closes it.
    pub(super) fn toggle_problems(&mut self) {
        if matches!(self.popups.last(), Some(Popup::Problems { .. })) {
            self.popups.pop();
        } else if self.problem_count() == 0 {
            self.message = Some("no problems in the files loaded".into());
        } else {
            self.popups.retain(|p| !matches!(p, Popup::Problems { .. }));
            self.popups.push(Popup::Problems {
                view: View::default(),
            });
        }
    }

    /// `e`: the selected problem in the problems view, the item of a detail
    /// view, or the item selected in the focused pane, in the editor.
    pub(super) fn edit_selected(&mut self) {
        let at = match self.popups.last() {
            Some(Popup::Problems { view }) => self.problem_place(view.link),
            Some(Popup::Detail { target, .. } | Popup::CopyMenu { target, .. }) => {
                Some(definition(self.briefing(), *target))
            }
            Some(_) => {
                self.message = Some("nothing here to edit: e works on an item or a problem".into());
                return;
            }
            None => self
                .selected_target(self.focus)
                .map(|t| definition(self.briefing(), t)),
        };
        match at {
            Some((path, loc)) => self.effects.push(Effect::Edit {
                path: path.to_path_buf(),
                line: loc.line,
                column: loc.column,
            }),
            None => self.message = Some("nothing selected to edit".into()),
        }
    }

    /// `Enter` on problem `i` of the problems view.
    pub(super) fn edit_problem(&mut self, i: usize) {
        if let Some((path, loc)) = self.problem_place(i) {
            self.effects.push(Effect::Edit {
                path: path.to_path_buf(),
                line: loc.line,
                column: loc.column,
            });
        }
    }

    /// The file, line and column of problem `i` (line 1 when it has none).
    fn problem_place(&self, i: usize) -> Option<(&Path, Location)> {
        let (d, _) = self.problems().nth(i)?;
        let loc = d.location.unwrap_or(Location { line: 1, column: 1 });
        Some((d.path.as_path(), loc))
    }
}

/// The file and the line and column where `target` is defined in it.
pub fn definition(b: &Briefing, target: Target) -> (&Path, Location) {
    let spans = &b.spans;
    let start = Location { line: 1, column: 1 };
    let loc = match target {
        Target::Quote(q) => spans.quotes.get(q).map(|s| s.at),
        Target::Event(e) => spans.entities.events.get(e).copied(),
        Target::Speaker(s) => spans.entities.speakers.get(s).copied(),
        Target::Disagreement(d) => spans.entities.disagreements.get(d).copied(),
    };
    // In the story view, the file of the briefing the item's version
    // comes from.
    let origin = b.library().and_then(|lib| {
        let o = &lib.origins;
        let origin = match target {
            Target::Quote(q) => o.quotes.get(q),
            Target::Event(e) => o.events.get(e),
            Target::Speaker(s) => o.speakers.get(s),
            Target::Disagreement(d) => o.disagreements.get(d),
        }?;
        lib.members.get(origin.member).map(|m| m.path.as_path())
    });
    (origin.unwrap_or(b.path.as_path()), loc.unwrap_or(start))
}

/// The problems view: each problem as `check` prints it, a link to its
/// place; long lines wrapped.
pub fn problems_document(app: &App, width: usize) -> Document<'static> {
    let count = app.problem_count();
    let mut doc = Document::new(
        format!("Problems: {}", plural(count, "problem", "problems")),
        PROBLEMS_WIDTH,
    );
    for (line, text) in wrap(
        "Enter or e opens the problem's place in $EDITOR; the reader loads the \
         file again when it is saved.",
        width,
    )
    .into_iter()
    .enumerate()
    {
        let _ = line;
        doc.push(DocLine::new(Tone::Muted, text));
    }
    for (i, (d, source)) in app.problems().enumerate() {
        doc.push(DocLine::blank());
        let tone = match d.severity {
            Severity::Error => Tone::Warning,
            Severity::Warning => Tone::Plain,
        };
        let rendered = diag::render(d, source, false);
        for (n, line) in multi_line(&rendered).lines().enumerate() {
            let tone = if n == 0 { tone } else { Tone::Plain };
            let pieces = if line.is_empty() {
                vec![String::new()]
            } else {
                wrap(line, width.max(1))
            };
            for piece in pieces {
                doc.push(DocLine::new(tone, piece).linked(i));
            }
        }
    }
    doc
}
