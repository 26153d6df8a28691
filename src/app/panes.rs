//! What the actions do on the main screen: moving, following a speaker,
//! filtering, opening details, copying and opening the source, and saying
//! why when one of them has nothing to act on.

use super::{Action, App, DisagreementRow, Effect, ListState, Pane, Popup, Rows, Search, Target};

impl App {
    pub(super) fn update_panes(&mut self, action: Action) {
        let pane = self.focus;
        match action {
            Action::NextPane => self.focus = Pane::ALL[(pane.index() + 1) % 4],
            Action::PrevPane => self.focus = Pane::ALL[(pane.index() + 3) % 4],
            Action::Focus(p) => self.focus = p,
            Action::Down => self.move_by(pane, 1),
            Action::Up => self.move_by(pane, -1),
            Action::Top => self.select(pane, 0),
            Action::Bottom => self.select(pane, usize::MAX),
            Action::HalfPageDown => self.move_by(pane, (self.page(pane) / 2).max(1) as isize),
            Action::HalfPageUp => self.move_by(pane, -((self.page(pane) / 2).max(1) as isize)),
            Action::PageDown => self.move_by(pane, self.page(pane).max(1) as isize),
            Action::PageUp => self.move_by(pane, -(self.page(pane).max(1) as isize)),
            Action::NextSpeaker => self.step_speaker(1),
            Action::PrevSpeaker => self.step_speaker(-1),
            Action::JumpToSpeaker => self.follow_selected_speaker(),
            Action::ClearTopics if self.topics.is_empty() => {
                self.message = Some("no topic filter to clear".into());
            }
            Action::ClearTopics => {
                self.topics.clear();
                self.refresh_rows();
            }
            Action::Search => {
                // The chart hides the list a search moves in: back to it.
                self.leave_chart_for_list();
                let origin = self.lists[pane.index()].selected;
                self.search = Some(Search::new(pane, origin));
            }
            Action::Filter => {
                self.leave_chart_for_list();
                self.start_filter();
            }
            Action::Zoom => self.zoomed = !self.zoomed,
            Action::NextMatch => self.find_match(true, 1),
            Action::PrevMatch => self.find_match(true, -1),
            Action::Confirm => match self.selected_target(pane) {
                Some(target) => self.popups.push(Popup::detail(target)),
                None => self.message = Some(self.empty_pane_says("nothing to open", pane)),
            },
            // Esc clears the search first, then the text filter, then
            // releases the followed speaker.
            Action::Back if self.chart.anchor.take().is_some() => {
                self.message = Some("range cancelled".into())
            }
            Action::Back if self.search.take().is_some() => {}
            Action::Back if self.filter.is_some() => self.clear_filter(),
            Action::Back if self.dates.filter.is_some() => self.clear_date_filter(),
            Action::Back if self.followed.take().is_some() => self.refresh_rows(),
            Action::Copy => match self.selected_target(pane) {
                Some(target) => self.open_copy_menu(target),
                None => self.message = Some(self.empty_pane_says("nothing to copy", pane)),
            },
            Action::OpenSource => self.open_source(),
            Action::NextBriefing => self.step_briefing(1),
            Action::PrevBriefing => self.step_briefing(-1),
            Action::NextNew => self.next_new(),
            Action::Click(x, y) => self.click(x, y),
            Action::TimelineChart => self.toggle_chart(),
            Action::Chart(key) => self.chart_key(key),
            Action::Scroll(x, y, delta) => {
                if let Some(p) = self.layout().pane_at(x, y) {
                    self.move_by(p, isize::from(delta));
                }
            }
            _ => {}
        }
    }

    /// Shows the briefing `step` places on in the list, wrapping round,
    /// and says which it is.
    fn step_briefing(&mut self, step: isize) {
        let n = self.briefings.len();
        if n < 2 {
            self.message =
                Some("only one briefing is loaded: open a folder or several files".into());
            return;
        }
        let i = (self.current as isize + step).rem_euclid(n as isize) as usize;
        self.switch_to(i);
        self.message = Some(format!(
            "briefing {} of {n}: {}",
            i + 1,
            crate::text::one_line(&self.briefing().meta.title)
        ));
    }

    /// Shows briefing `i`: the same one with a fresh view, another where
    /// the reader left it (see `remember.rs`).
    pub(super) fn switch_to(&mut self, i: usize) {
        let other = i != self.current;
        if other {
            self.leave_briefing();
        }
        self.current = i;
        self.story.on = false;
        self.lists = [ListState::default(); 4];
        self.topics.clear();
        self.followed = None;
        self.search = None;
        self.filter = None;
        self.dates.filter = None;
        self.refresh_rows();
        if other {
            self.enter_briefing();
        }
    }

    /// Recomputes the rows after the filter or followed speaker changed, keeping
    /// each pane on the same item where it is still listed.
    pub(super) fn refresh_rows(&mut self) {
        let before: Vec<Option<Target>> =
            Pane::ALL.iter().map(|&p| self.selected_target(p)).collect();
        let before_rows: Vec<Option<DisagreementRow>> = vec![
            self.rows
                .disagreements
                .get(self.lists[Pane::Disagreements.index()].selected)
                .copied(),
        ];
        self.rows = Rows::compute(self.briefing(), &self.topics, self.followed);
        self.rows_computed();
        self.apply_text_filter();
        for pane in Pane::ALL {
            let i = pane.index();
            let found = match (pane, before[i]) {
                (Pane::Timeline, Some(Target::Event(e))) => {
                    self.rows.timeline.iter().position(|&x| x == e)
                }
                (Pane::Speakers, Some(Target::Speaker(s))) => {
                    self.rows.speakers.iter().position(|&x| x == s)
                }
                (Pane::Quotes, Some(Target::Quote(q))) => {
                    self.rows.quotes.iter().position(|&x| x == q)
                }
                (Pane::Disagreements, _) => before_rows[0]
                    .and_then(|r| self.rows.disagreements.iter().position(|&x| x == r)),
                _ => None,
            };
            self.lists[i].selected = found.unwrap_or(0);
            self.lists[i].offset = self.lists[i].offset.min(self.lists[i].selected);
        }
        if let Some(s) = self.followed
            && let Some(row) = self.rows.speakers.iter().position(|&x| x == s)
        {
            self.lists[Pane::Speakers.index()].selected = row;
        }
        self.refresh_matches();
        self.refresh_matrix();
    }

    /// Follows speaker `s`: every pane follows.
    pub(super) fn follow(&mut self, s: usize) {
        self.followed = Some(s);
        self.refresh_rows();
        let name = &self.briefing().speakers[s].name;
        // Esc clears a search and the `&` filter before it releases.
        let esc = if self.search.is_some() || self.filter.is_some() {
            "Esc clears the search and filter, then releases"
        } else {
            "Esc releases"
        };
        self.message = Some(format!("following {}: {esc}", crate::text::one_line(name)));
    }

    fn step_speaker(&mut self, step: isize) {
        let list = &self.rows.speakers;
        if list.is_empty() {
            self.message = Some(self.empty_pane_says("no speaker to follow", Pane::Speakers));
            return;
        }
        let n = list.len() as isize;
        let next = match self
            .followed
            .and_then(|s| list.iter().position(|&x| x == s))
        {
            Some(at) => (at as isize + step).rem_euclid(n),
            None if step > 0 => 0,
            None => n - 1,
        };
        self.follow(list[next as usize]);
    }

    /// "nothing to copy — no events under this filter: topic A": what
    /// cannot be done in the empty `pane`, and why it is empty.
    pub(super) fn empty_pane_says(&self, what: &str, pane: Pane) -> String {
        format!("{what} — {}", self.empty_message(pane))
    }

    /// `o`: the source of the selected quote (the Quotes pane's, or the
    /// quote's detail view's), pointing at the quote; else the briefing's
    /// first source with a URL.
    pub(super) fn open_source(&mut self) {
        let quote = match self.popups.last() {
            Some(Popup::Detail {
                target: Target::Quote(q),
                ..
            }) => Some(*q),
            Some(_) => None,
            None => self.focused_quote(),
        };
        if let Some(q) = quote.filter(|&q| self.briefing().quotes[q].source.is_some()) {
            return self.open_quote_source(q);
        }
        let url = self.briefing().sources.iter().find_map(|s| s.url.clone());
        match url {
            Some(url) => self.open_url(url),
            None => self.message = Some("this briefing lists no source URL".into()),
        }
    }

    /// Opens the URL of quote `q`'s source with a text fragment pointing
    /// at the quote, or says why not.
    pub(super) fn open_quote_source(&mut self, q: usize) {
        let b = self.briefing();
        let Some(source) = b.source_of(q) else {
            self.message = Some("this quote names no source".into());
            return;
        };
        let Some(url) = source.url.as_deref() else {
            self.message = Some(format!("no URL for this source: {}", source.named()));
            return;
        };
        let url = match b.text_directive(q) {
            Some(d) if is_web(url) => crate::model::text_fragment::with_directive(url, &d),
            _ => url.to_string(),
        };
        self.open_url(url);
    }

    fn open_url(&mut self, url: String) {
        if is_web(&url) {
            self.message = Some(format!("opening {}", crate::text::one_line(&url)));
            self.effects.push(Effect::Open(url));
        } else {
            self.message = Some("the source URL is not an http(s) address".into());
        }
    }
}

fn is_web(url: &str) -> bool {
    url.starts_with("https://") || url.starts_with("http://")
}

impl App {
    /// Why `action` cannot act on the top popup, for the keys that act on
    /// an item (copy, follow a speaker) where there is none: help, the
    /// overview and the briefing list hold no item.
    pub(super) fn popup_cannot(&self, action: &Action) -> Option<String> {
        let top = self.popups.last()?;
        let place = match top {
            Popup::Help { .. } => "in help",
            Popup::Overview { .. } => "in the overview",
            Popup::Briefings { .. } => "in the briefing list",
            _ => return None,
        };
        match action {
            Action::Copy => Some(format!("nothing to copy {place}")),
            Action::JumpToSpeaker => Some(format!("no speaker to follow {place}")),
            _ => None,
        }
    }
}
