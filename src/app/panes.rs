//! What the actions do on the main screen: moving, following a speaker,
//! filtering, opening details, copying and opening the source.

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
            Action::JumpToSpeaker => self.jump_to_speaker(),
            Action::ClearTopics => {
                self.topics.clear();
                self.refresh_rows();
            }
            Action::Search => {
                let origin = self.lists[pane.index()].selected;
                self.search = Some(Search::new(pane, origin));
            }
            Action::Filter => self.start_filter(),
            Action::JumpBack => self.jump_back(),
            Action::JumpForward => self.jump_forward(),
            Action::Zoom => self.zoomed = !self.zoomed,
            Action::NextMatch => self.find_match(true, 1),
            Action::PrevMatch => self.find_match(true, -1),
            Action::Confirm => {
                if let Some(target) = self.selected_target(pane) {
                    self.popups.push(Popup::detail(target));
                }
            }
            // Esc clears the search first, then the text filter, then
            // releases the followed speaker.
            Action::Back if self.search.take().is_some() => {}
            Action::Back if self.filter.is_some() => self.clear_filter(),
            Action::Back if self.followed.take().is_some() => self.refresh_rows(),
            Action::Copy => self.copy_selected(),
            Action::OpenSource => self.open_source(),
            Action::Click(x, y) => self.click(x, y),
            Action::Scroll(x, y, delta) => {
                if let Some(p) = self.layout().pane_at(x, y) {
                    self.move_by(p, isize::from(delta));
                }
            }
            _ => {}
        }
    }

    /// Shows briefing `i` with a fresh view.
    pub(super) fn switch_to(&mut self, i: usize) {
        self.current = i;
        self.lists = [ListState::default(); 4];
        self.topics.clear();
        self.followed = None;
        self.search = None;
        self.filter = None;
        self.refresh_rows();
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
    }

    /// Follows speaker `s`: every pane follows.
    pub(super) fn follow(&mut self, s: usize) {
        self.followed = Some(s);
        self.refresh_rows();
        let name = &self.briefing().speakers[s].name;
        self.message = Some(format!(
            "following {}: Esc releases",
            crate::text::one_line(name)
        ));
    }

    fn step_speaker(&mut self, step: isize) {
        let list = &self.rows.speakers;
        if list.is_empty() {
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

    fn jump_to_speaker(&mut self) {
        let b = self.briefing();
        let i = self.lists[self.focus.index()].selected;
        let speaker = match self.focus {
            Pane::Quotes => self
                .rows
                .quotes
                .get(i)
                .map(|&q| b.index.speaker_of_quote[q]),
            Pane::Speakers => self.rows.speakers.get(i).copied(),
            Pane::Timeline => (self.rows.timeline.get(i))
                .and_then(|&e| b.events[e].speakers.first())
                .and_then(|id| b.index.speaker_by_id.get(id).copied()),
            Pane::Disagreements => {
                let position = match self.rows.disagreements.get(i) {
                    Some(DisagreementRow::Position(d, p)) => b.disagreements[*d].positions.get(*p),
                    Some(DisagreementRow::Heading(d)) => b.disagreements[*d].positions.first(),
                    None => None,
                };
                position.and_then(|p| b.index.speaker_by_id.get(&p.speaker).copied())
            }
        };
        match speaker {
            Some(s) => self.follow(s),
            None => self.message = Some("no speaker for this item".into()),
        }
    }

    fn copy_selected(&mut self) {
        match self.selected_target(self.focus) {
            Some(Target::Quote(q)) => self.copy_quote(q),
            _ => self.message = Some("select a quote to copy (Quotes pane)".into()),
        }
    }

    pub(super) fn copy_quote(&mut self, q: usize) {
        let text = self.briefing().citation(q);
        self.effects.push(Effect::Copy(text));
        self.message = Some("copied the quote with its citation".into());
    }

    pub(super) fn open_source(&mut self) {
        let url = self
            .briefing()
            .meta
            .sources
            .iter()
            .find_map(|s| s.url.clone());
        match url {
            Some(url) if url.starts_with("https://") || url.starts_with("http://") => {
                self.message = Some(format!("opening {}", crate::text::one_line(&url)));
                self.effects.push(Effect::Open(url));
            }
            Some(_) => self.message = Some("the source URL is not an http(s) address".into()),
            None => self.message = Some("this briefing lists no source URL".into()),
        }
    }
}
