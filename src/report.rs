//! Prints load failures as cargo-style diagnostics: file:line:col, the source
//! line, a caret, and a hint. Text from the file is escaped first.

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

use crate::model::{Diagnostic, Failure};
use crate::text;

/// Renders every diagnostic of `failure`; `color` adds ANSI styling.
pub fn render_failure(failure: &Failure, color: bool) -> String {
    let mut out = String::new();
    for d in &failure.diagnostics {
        out.push_str(&render(d, failure.source.as_deref(), color));
        out.push('\n');
    }
    out
}

/// Renders one diagnostic, with its source line when `source` is known.
pub fn render(d: &Diagnostic, source: Option<&str>, color: bool) -> String {
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let message = text::one_line(&d.message);
    let path = d.path.display().to_string();
    let path = text::one_line(&path);
    let label = d.label.as_deref().map(text::one_line);
    let help = d.help.as_deref().map(text::one_line);
    let line = source
        .zip(d.span.clone())
        .zip(d.location)
        .map(|((src, span), loc)| {
            let start = src[..span.start.min(src.len())]
                .rfind('\n')
                .map_or(0, |i| i + 1);
            let end = src[start..].find('\n').map_or(src.len(), |i| start + i);
            let raw = &src[start..end];
            // Escape the line, and map the span's start and end into the escaped text.
            let head = text::one_line(&raw[..span.start.clamp(start, end) - start]).len();
            let upto = text::one_line(&raw[..span.end.clamp(start, end) - start]).len();
            (text::one_line(raw).into_owned(), head..upto.max(head), loc)
        });
    let title = Level::ERROR.primary_title(message.as_ref());
    let mut group = match &line {
        Some((escaped, span, loc)) => {
            let annotation = AnnotationKind::Primary.span(span.clone());
            let annotation = match &label {
                Some(l) => annotation.label(l.as_ref()),
                None => annotation,
            };
            title.element(
                Snippet::source(escaped.as_str())
                    .line_start(loc.line)
                    .path(path.as_ref())
                    .annotation(annotation),
            )
        }
        None => title.element(annotate_snippets::Origin::path(path.as_ref())),
    };
    if let Some(h) = &help {
        group = group.element(Level::HELP.message(h.as_ref()));
    }
    let report: &[Group<'_>] = &[group];
    renderer.render(report)
}
