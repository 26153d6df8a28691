//! The source view (`c`): the archived text of a quote's source, scrolled
//! to the quote and the quote highlighted, the other quotes of the same
//! source marked and `n`/`N` moving between them; without an archived copy,
//! what is known of the source and the quote in its prefix/suffix context.

use std::ops::Range;
use std::sync::Arc;

use ratatui::layout::Rect;

use super::popup_view::{PopupRects, popup_rects, text_width};
use super::proof_text::{archive_text, missing_copy, source_index};
use super::source_find::{SourceFind, find};
use super::source_text::{Pos, Segments};
use super::{Action, App, Popup, Target};
use crate::model::{Briefing, Proof, QuoteKind};
use crate::text::one_line;

/// The source view's widest outer width.
pub const SOURCE_WIDTH: u16 = 100;

/// What the view shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Shown {
    /// The archived copy of source `i`.
    Archive(usize),
    /// A page about a source whose copy is not at hand, on one of its
    /// quotes: `n`/`N` move between them.
    Page(Page),
}

/// A page about source `source`, whose archived copy is not at hand, on
/// the quote `quotes[at]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    pub source: usize,
    pub text: Arc<str>,
    /// The source's quotes, in the briefing's order.
    pub quotes: Arc<[usize]>,
    pub at: usize,
}

/// A quote placed in the text shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mark {
    pub quote: usize,
    pub at: Range<usize>,
}

/// The source view's state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceView {
    pub shown: Shown,
    /// The source's label, for the title.
    pub label: String,
    pub segments: Segments,
    /// The quotes placed in the text, in text order.
    pub marks: Arc<[Mark]>,
    /// The mark highlighted, if any.
    pub current: Option<usize>,
    /// A passage highlighted that is not a quote's place: the closest
    /// passage to a quote that is not verbatim.
    pub closest: Option<Range<usize>>,
    /// The first row shown.
    pub top: Pos,
    /// A search of the text (`/`).
    pub find: Option<SourceFind>,
}

impl SourceView {
    /// The text shown.
    pub fn text<'a>(&'a self, b: &'a Briefing) -> &'a str {
        shown_text(&self.shown, b)
    }

    /// The range highlighted as the current quote.
    pub fn highlight(&self) -> Option<Range<usize>> {
        match self.current {
            Some(m) => self.marks.get(m).map(|m| m.at.clone()),
            None => self.closest.clone(),
        }
    }

    /// The quote the view is on.
    pub fn quote(&self) -> Option<usize> {
        self.current
            .and_then(|m| self.marks.get(m))
            .map(|m| m.quote)
    }

    /// The popup's rectangles on `screen` at their tallest.
    pub fn rects(screen: Rect) -> PopupRects {
        popup_rects(screen, SOURCE_WIDTH, usize::from(u16::MAX), false)
    }

    /// The popup's rectangles on `screen`: as tall as a short text, as
    /// the screen allows for a long one.
    pub fn rects_for(&self, b: &Briefing, screen: Rect) -> PopupRects {
        let rows = (self
            .segments
            .exact_rows(self.text(b), SourceView::width(screen)))
        .unwrap_or(usize::from(u16::MAX));
        popup_rects(screen, SOURCE_WIDTH, rows, self.find.is_some())
    }

    /// The width its text is wrapped to.
    pub fn width(screen: Rect) -> usize {
        let body = SourceView::rects(screen).body;
        usize::from(body.width)
            .min(text_width(screen, SOURCE_WIDTH))
            .max(1)
    }
}

fn shown_text<'a>(shown: &'a Shown, b: &'a Briefing) -> &'a str {
    match shown {
        Shown::Archive(si) => archive_text(b, *si).unwrap_or(""),
        Shown::Page(p) => &p.text,
    }
}

/// The view of quote `qi`'s source, or why there is none.
pub fn source_view(b: &Briefing, qi: usize) -> Result<SourceView, String> {
    let Some(si) = source_index(b, qi) else {
        return Err(match &b.quotes[qi].source {
            Some(id) => format!("no source with id {} in this briefing", one_line(id)),
            None => "this quote names no source".into(),
        });
    };
    let label = b.sources[si].named();
    let id = &b.sources[si].id;
    let of_source = (b.quotes.iter().enumerate())
        .filter(|(_, q)| q.source.as_deref() == Some(id))
        .map(|(q, _)| q);
    let Some(text) = archive_text(b, si) else {
        let quotes: Arc<[usize]> = of_source.collect();
        let at = quotes.iter().position(|&q| q == qi).unwrap_or(0);
        return Ok(page_view(b, si, label, quotes, at));
    };
    let mut marks: Vec<Mark> = of_source
        .filter_map(|q| {
            let at = b.provenance.quotes.get(q)?.place()?;
            Some(Mark { quote: q, at })
        })
        .collect();
    marks.sort_by_key(|m| (m.at.start, m.quote));
    let current = marks.iter().position(|m| m.quote == qi);
    let closest = match b.provenance.quotes.get(qi) {
        Some(Proof::NotVerbatim { closest }) => closest.clone(),
        _ => None,
    };
    Ok(SourceView {
        shown: Shown::Archive(si),
        label,
        segments: Segments::new(text),
        marks: marks.into(),
        current,
        closest,
        top: Pos::default(),
        find: None,
    })
}

/// The view of source `si` without its archived copy, on quote
/// `quotes[at]` (`quotes`: the source's quotes).
fn page_view(
    b: &Briefing,
    si: usize,
    label: String,
    quotes: Arc<[usize]>,
    at: usize,
) -> SourceView {
    let qi = quotes[at];
    let heading = match quotes.len() {
        1 => "The quote in its context".to_string(),
        n => format!("Quote {} of {n} from this source, in its context", at + 1),
    };
    let (text, place) = page(b, qi, si, &heading);
    SourceView {
        segments: Segments::hanging(&text),
        shown: Shown::Page(Page {
            source: si,
            text: text.into(),
            quotes,
            at,
        }),
        label,
        marks: Arc::from(vec![Mark {
            quote: qi,
            at: place,
        }]),
        current: Some(0),
        closest: None,
        top: Pos::default(),
        find: None,
    }
}

/// The page shown without an archived copy, and where the quote is in it:
/// the quote in its prefix/suffix context under `heading`, why the copy is
/// not shown, then what is known of the source.
fn page(b: &Briefing, qi: usize, si: usize, heading: &str) -> (String, Range<usize>) {
    let s = &b.sources[si];
    let q = &b.quotes[qi];
    let mut out = format!("{heading}\n  ");
    if let Some(p) = &q.prefix {
        out.push_str(&format!("… {} ", one_line(p.trim())));
    }
    let text = match q.kind {
        QuoteKind::Direct => format!("“{}”", one_line(q.text.trim())),
        QuoteKind::Reported => format!("[reported: {}]", one_line(q.text.trim())),
    };
    let at = out.len()..out.len() + text.len();
    out.push_str(&text);
    if let Some(x) = &q.suffix {
        out.push_str(&format!(" {} …", one_line(x.trim())));
    }
    out.push('\n');
    if q.prefix.is_none() && q.suffix.is_none() {
        out.push_str("  (the briefing gives no words around it: no prefix or suffix)\n");
    }
    let why = missing_copy(b, si);
    let mut why_chars = why.chars();
    let why: String = (why_chars
        .next()
        .map(|c| c.to_uppercase().collect::<String>()))
    .unwrap_or_default()
        + why_chars.as_str();
    out.push_str(&format!("\n{why}.\n\nThe source\n"));
    let mut field = |name: &str, value: &Option<String>| {
        if let Some(v) = value {
            out.push_str(&format!("  {name}: {}\n", one_line(v.trim())));
        }
    };
    field("Title", &s.title);
    field("Outlet", &s.outlet);
    field("Published", &s.published.map(|p| p.shown()));
    field("URL", &s.url);
    field("Archived copy", &s.archived);
    field("SHA-256", &s.sha256);
    field("Language", &s.language);
    field("Id", &Some(s.id.clone()));
    (out, at)
}

impl App {
    /// Opens the source view of quote `qi`, or says why it cannot.
    pub(super) fn open_source_view(&mut self, qi: usize) {
        let b = self.briefing();
        match source_view(b, qi) {
            Ok(mut view) => {
                self.scroll_to_quote(&mut view);
                let proof = b.provenance.quotes.get(qi);
                let message = match (view.current, &view.shown) {
                    (_, Shown::Page(_)) => None,
                    (Some(m), _) => Some(format!("quote {} of {}", m + 1, view.marks.len())),
                    (None, _) if view.closest.is_some() => {
                        Some("not verbatim: the closest passage is highlighted".into())
                    }
                    (None, _) if proof == Some(&Proof::NoSelector) => Some(
                        "this reported statement has no prefix or suffix to find it by: \
                         n moves to the quotes that are placed"
                            .into(),
                    ),
                    (None, _) => Some(
                        "this quote was not found in the archived copy: \
                         n moves to the quotes that are"
                            .into(),
                    ),
                };
                self.popups.push(Popup::Source(view));
                if message.is_some() {
                    self.message = message;
                }
            }
            Err(why) => self.message = Some(why),
        }
    }

    /// Scrolls `view` to the quote it highlights. A page about a source
    /// starts at its top while the quote fits on the first screen.
    fn scroll_to_quote(&self, view: &mut SourceView) {
        let (width, height) = self.source_geometry(view);
        let b = self.briefing();
        let text = shown_text(&view.shown, b);
        if let Some(at) = view.highlight() {
            let seg = &view.segments;
            let end = seg.pos_of(text, at.end.saturating_sub(1), width);
            let fits =
                matches!(view.shown, Shown::Page(_)) && seg.extent(text, end, width).1 < height;
            view.top = if fits {
                Pos::default()
            } else {
                reveal(seg, text, at.start, width, height)
            };
        }
    }

    /// Back from `view` to the panes, the Quotes pane selects the quote
    /// the view was last on (it may have moved with `n`/`N`), as less and
    /// newsboat leave a list on the item last read; unless the pane does
    /// not list it (a filter, a followed speaker).
    fn select_quote_left(&mut self, view: &SourceView) {
        if !self.popups.is_empty() {
            return;
        }
        let Some(q) = view.quote() else {
            return;
        };
        if let Some(row) = self.rows.quotes.iter().position(|&x| x == q) {
            self.lists[super::Pane::Quotes.index()].selected = row;
        }
    }

    /// `c`: the source view of the selected quote (the Quotes pane's, or a
    /// quote's detail view's).
    pub(super) fn view_source(&mut self) {
        let quote = match self.popups.last() {
            Some(Popup::Detail {
                target: Target::Quote(q),
                ..
            }) => Some(*q),
            Some(Popup::Detail { .. }) => {
                self.message = Some("the source view shows a quote's source: open a quote".into());
                return;
            }
            Some(_) => None,
            None => self.focused_quote(),
        };
        match quote {
            Some(q) => self.open_source_view(q),
            None if self.popups.is_empty() => {
                self.message =
                    Some("select a quote in the Quotes pane (3) to view its source".into())
            }
            None => self.message = Some("no quote here to view the source of".into()),
        }
    }

    /// The width `view` wraps at and the rows it shows.
    fn source_geometry(&self, view: &SourceView) -> (usize, usize) {
        let rects = view.rects_for(self.briefing(), self.screen());
        (
            SourceView::width(self.screen()),
            usize::from(rects.body.height).max(1),
        )
    }

    /// A key in the source view.
    pub(super) fn update_source_view(&mut self, action: Action) {
        let Some(Popup::Source(mut view)) = self.popups.last().cloned() else {
            return;
        };
        let (width, height) = self.source_geometry(&view);
        let b = super::story::shown(&self.story, &self.briefings, self.current);
        let shown = view.shown.clone();
        let text = shown_text(&shown, b);
        let seg = &view.segments.clone();
        let page = height.max(1) as isize;
        let step = |view: &mut SourceView, delta: isize| {
            let top = seg.step(text, view.top, delta, width);
            view.top = top.min(seg.max_top(text, width, height));
        };
        let mut message = None;
        if let Some(f) = view.find.as_mut() {
            let typed = matches!(action, Action::Input(_) | Action::DeleteChar);
            let hit = match action {
                Action::Input(c) if f.editing => {
                    f.query.push(c);
                    find(seg, text, &f.query, f.from, true)
                }
                Action::DeleteChar if f.editing => {
                    f.query.pop();
                    find(seg, text, &f.query, f.from, true)
                }
                Action::NextMatch if !f.editing => {
                    let from = f.hit.as_ref().map_or(f.from, |h| h.start + 1);
                    find(seg, text, &f.query, from, true)
                }
                Action::PrevMatch if !f.editing => {
                    let from = f.hit.as_ref().map_or(f.from, |h| h.start);
                    find(seg, text, &f.query, from, false)
                }
                _ => f.hit.clone(),
            };
            let moved = typed || matches!(action, Action::NextMatch | Action::PrevMatch);
            let handled = match action {
                Action::Confirm if f.editing => {
                    f.editing = false;
                    true
                }
                Action::Back => {
                    if f.editing {
                        view.top = f.origin;
                    }
                    view.find = None;
                    true
                }
                _ if f.editing => true,
                _ if moved => true,
                _ => false,
            };
            if moved && let Some(f) = view.find.as_mut() {
                f.hit = hit.clone();
                match &hit {
                    Some(h) => view.top = reveal(seg, text, h.start, width, height),
                    None if typed => view.top = f.origin,
                    None => {}
                }
                if hit.is_none() && !f.query.is_empty() {
                    message = Some(format!("no match for {}", one_line(&f.query)));
                }
            }
            if handled {
                if let Some(Popup::Source(top)) = self.popups.last_mut() {
                    *top = view;
                }
                self.message = message;
                return;
            }
        }
        match action {
            Action::Down => step(&mut view, 1),
            Action::Up => step(&mut view, -1),
            Action::HalfPageDown => step(&mut view, (page / 2).max(1)),
            Action::HalfPageUp => step(&mut view, -(page / 2).max(1)),
            Action::PageDown => step(&mut view, page),
            Action::PageUp => step(&mut view, -page),
            Action::Scroll(..) => {
                if let Action::Scroll(_, _, delta) = action {
                    step(&mut view, 3 * isize::from(delta))
                }
            }
            Action::Top => view.top = Pos::default(),
            Action::Bottom => view.top = seg.max_top(text, width, height),
            Action::NextMatch | Action::PrevMatch if matches!(view.shown, Shown::Page(_)) => {
                let Shown::Page(page) = &view.shown else {
                    return;
                };
                let n = page.quotes.len();
                let at = match action {
                    Action::NextMatch => (page.at + 1) % n,
                    _ => (page.at + n - 1) % n,
                };
                let mut next =
                    page_view(b, page.source, view.label.clone(), page.quotes.clone(), at);
                self.scroll_to_quote(&mut next);
                if let Some(Popup::Source(top)) = self.popups.last_mut() {
                    *top = next;
                }
                self.message = Some(format!("quote {} of {n}", at + 1));
                return;
            }
            Action::NextMatch | Action::PrevMatch => {
                let forward = action == Action::NextMatch;
                message = Some(match next_mark(&view, b, forward, width) {
                    Some(m) => {
                        view.current = Some(m);
                        view.closest = None;
                        view.top = reveal(seg, text, view.marks[m].at.start, width, height);
                        format!("quote {} of {}", m + 1, view.marks.len())
                    }
                    None => "no quote of the briefing is placed in this text".into(),
                });
            }
            Action::Back => {
                self.popups.pop();
                self.select_quote_left(&view);
                return;
            }
            Action::Confirm => match view.quote() {
                Some(q) => {
                    self.popups.push(Popup::detail(Target::Quote(q)));
                    return;
                }
                _ => message = Some("Esc or q goes back".into()),
            },
            Action::OpenSource => {
                if let Some(q) = view.quote() {
                    self.open_quote_source(q);
                } else {
                    self.open_source();
                }
                return;
            }
            Action::Copy => {
                if let Some(q) = view.quote() {
                    self.open_copy_menu(Target::Quote(q));
                } else {
                    self.message = Some("no quote selected here: n moves to one".into());
                }
                return;
            }
            Action::JumpToSpeaker => {
                if let Some(q) = view.quote() {
                    self.follow_speaker_of(Target::Quote(q));
                }
                return;
            }
            Action::Search => {
                let from = seg.visible(text, view.top, width, 1);
                view.find = Some(SourceFind {
                    editing: true,
                    origin: view.top,
                    from: from.first().map_or(0, |r| r.start),
                    ..SourceFind::default()
                });
            }
            _ => {}
        }
        if let Some(Popup::Source(top)) = self.popups.last_mut() {
            *top = view;
        }
        if message.is_some() {
            self.message = message;
        }
    }
}

impl App {
    /// The first byte shown by each source view, before a resize.
    pub(super) fn source_view_places(&self) -> Vec<Option<usize>> {
        let width = SourceView::width(self.screen());
        let b = self.briefing();
        (self.popups.iter())
            .map(|p| match p {
                Popup::Source(v) => {
                    let text = v.text(b);
                    let rows = v.segments.visible(text, v.top, width, 1);
                    Some(rows.first().map_or(0, |r| r.start))
                }
                _ => None,
            })
            .collect()
    }

    /// After a resize, each source view shows the same text at its top.
    pub(super) fn keep_source_view_places(&mut self, places: Vec<Option<usize>>) {
        let width = SourceView::width(self.screen());
        let b = super::story::shown(&self.story, &self.briefings, self.current);
        for (p, place) in self.popups.iter_mut().zip(places) {
            if let (Popup::Source(v), Some(at)) = (p, place) {
                let shown = v.shown.clone();
                let text = shown_text(&shown, b);
                v.top = v.segments.pos_of(text, at, width);
            }
        }
    }
}

/// The first row to show so that byte `at` is a third of the way down.
fn reveal(seg: &Segments, text: &str, at: usize, width: usize, height: usize) -> Pos {
    let pos = seg.pos_of(text, at, width);
    let top = seg.step(text, pos, -((height / 3) as isize), width);
    top.min(seg.max_top(text, width, height))
}

/// The mark `n` (or `N`) goes to: after (before) the current one, wrapping;
/// with none current, the first one from the top of the view.
fn next_mark(view: &SourceView, b: &Briefing, forward: bool, width: usize) -> Option<usize> {
    let n = view.marks.len();
    if n == 0 {
        return None;
    }
    Some(match view.current {
        Some(m) if forward => (m + 1) % n,
        Some(m) => (m + n - 1) % n,
        None => {
            let text = view.text(b);
            let at = view.segments.visible(text, view.top, width, 1);
            let start = at.first().map_or(0, |r| r.start);
            let first = view.marks.partition_point(|m| m.at.start < start);
            if forward {
                first % n
            } else {
                (first + n - 1) % n
            }
        }
    })
}
