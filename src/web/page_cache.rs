//! The public cycle page as rendered HTML, kept per copy of the cycle
//! (issue 12). In a rush every browser loads the same page: the same
//! cycle, the same form, the same ~250 countries in the same language;
//! rendering it (Fluent, dates, time zones, askama) was most of what a GET
//! cost once the cycle came from memory.
//!
//! What differs between two visitors, or moves between two GETs, is never
//! kept: the page is rendered once with markers where the CSRF token and the
//! seat count go, cut at the markers, and each request joins the pieces with
//! its own token and the copy's seat count of the moment. Everything else on
//! the page is a function of what the key holds:
//! - the copy's `generation` (a new one for each read from the database, so
//!   an organiser's change shows as soon as the copy does: at once on this
//!   process, within a second from another);
//! - the language;
//! - the registration window's state now (not yet open, open, closed) and
//!   whether the seats are all taken (the form, the waiting-list note and
//!   the "full" lines depend on these, not on the count).
//!
//! Only the plain page is kept: a visitor with a query string (other than
//! `?lang=`), a logged-in organiser (whose name and logout form are in the
//! header) and any page with errors or typed values are rendered afresh.

use std::collections::HashMap;
use std::sync::{Arc, RwLock};

use crate::domain::window::WindowState;
use crate::i18n::Tr;

/// Kept pages at most: a few (languages × window states) per published
/// cycle of a large installation.
const MOST_PAGES: usize = 2048;

/// What a kept page was rendered from.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct PageKey {
    pub slug: String,
    pub generation: u64,
    pub tr: Tr,
    pub window: WindowState,
    pub full: bool,
}

/// A hole in a kept page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Hole {
    Csrf,
    Seats,
}

/// A rendered page cut at its holes: `text[0] hole[0] text[1] … text[n]`.
pub struct Pieces {
    text: Vec<String>,
    holes: Vec<Hole>,
    len: usize,
}

impl Pieces {
    /// The page with this visitor's token and this moment's seat count
    /// (plain text: escaped here as the template would have).
    pub fn fill(&self, csrf: &str, seats: &str) -> String {
        let seats = escape(seats);
        let mut out = String::with_capacity(self.len + 8 * (csrf.len() + seats.len()));
        for (i, text) in self.text.iter().enumerate() {
            out.push_str(text);
            match self.holes.get(i) {
                Some(Hole::Csrf) => out.push_str(&escape(csrf)),
                Some(Hole::Seats) => out.push_str(&seats),
                None => {}
            }
        }
        out
    }
}

/// The kept pages, and the markers they are rendered with.
pub struct CyclePages {
    pages: RwLock<HashMap<PageKey, Arc<Pieces>>>,
    /// Stand-ins for the token and the seat count while rendering: random
    /// per process, so no text an organiser typed can contain one.
    csrf_marker: String,
    seats_marker: String,
}

impl Default for CyclePages {
    fn default() -> Self {
        let marker = |what: &str| format!("{what}{}", crate::tokens::random(18));
        Self {
            pages: RwLock::default(),
            csrf_marker: marker("csrf-"),
            seats_marker: marker("seats-"),
        }
    }
}

impl CyclePages {
    /// What goes where the CSRF token will be.
    pub fn csrf_marker(&self) -> &str {
        &self.csrf_marker
    }

    /// What goes where the seat count will be.
    pub fn seats_marker(&self) -> &str {
        &self.seats_marker
    }

    pub fn get(&self, key: &PageKey) -> Option<Arc<Pieces>> {
        let pages = self.pages.read().unwrap_or_else(|p| p.into_inner());
        pages.get(key).cloned()
    }

    /// Keeps `html` (rendered with the markers) under `key`, and forgets the
    /// pages of older copies of the same cycle, so what is kept stays a few
    /// pages per published cycle. A slug unpublished or renamed is never
    /// asked for again: past `MOST_PAGES` everything is forgotten (each page
    /// is rendered again once), so such pages cannot pile up.
    pub fn keep(&self, key: PageKey, html: &str) -> Arc<Pieces> {
        let pieces = Arc::new(self.cut(html));
        let mut pages = self.pages.write().unwrap_or_else(|p| p.into_inner());
        pages.retain(|k, _| k.slug != key.slug || k.generation >= key.generation);
        if pages.len() >= MOST_PAGES {
            pages.clear();
        }
        pages.insert(key, pieces.clone());
        pieces
    }

    fn cut(&self, html: &str) -> Pieces {
        let (mut text, mut holes) = (Vec::new(), Vec::new());
        let mut rest = html;
        loop {
            let next = [
                (
                    rest.find(&self.csrf_marker),
                    Hole::Csrf,
                    self.csrf_marker.len(),
                ),
                (
                    rest.find(&self.seats_marker),
                    Hole::Seats,
                    self.seats_marker.len(),
                ),
            ]
            .into_iter()
            .filter_map(|(at, hole, len)| at.map(|at| (at, hole, len)))
            .min_by_key(|(at, _, _)| *at);
            match next {
                Some((at, hole, len)) => {
                    text.push(rest[..at].to_string());
                    holes.push(hole);
                    rest = &rest[at + len..];
                }
                None => {
                    text.push(rest.to_string());
                    break;
                }
            }
        }
        Pieces {
            len: text.iter().map(String::len).sum(),
            text,
            holes,
        }
    }
}

/// HTML-escaped exactly as the template escapes text.
fn escape(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains(['&', '<', '>', '"', '\'']) {
        return s.into();
    }
    askama::filters::escape(s, askama::filters::Html)
        .map(|e| e.to_string())
        .unwrap_or_default()
        .into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_kept_page_is_filled_with_each_visitors_token_and_the_seats_of_the_moment() {
        let pages = CyclePages::default();
        let html = format!(
            "<p>{s}</p><input value=\"{c}\"><dd>{s}</dd>",
            c = pages.csrf_marker(),
            s = pages.seats_marker()
        );
        let key = PageKey {
            slug: "a".into(),
            generation: 1,
            tr: Tr::new(crate::domain::Language::Lv),
            window: WindowState::Open,
            full: false,
        };
        let kept = pages.keep(key.clone(), &html);
        assert_eq!(
            kept.fill("tok1", "3 vietas"),
            "<p>3 vietas</p><input value=\"tok1\"><dd>3 vietas</dd>"
        );
        assert_eq!(
            pages.get(&key).expect("kept").fill("tok2", "<2>"),
            "<p>&#60;2&#62;</p><input value=\"tok2\"><dd>&#60;2&#62;</dd>"
        );
        // A newer copy of the same cycle replaces the older one's pages.
        let newer = PageKey {
            generation: 2,
            ..key.clone()
        };
        pages.keep(newer.clone(), "x");
        assert!(pages.get(&key).is_none());
        assert_eq!(pages.get(&newer).expect("kept").fill("t", "s"), "x");
    }

    /// Pages of slugs never asked for again (unpublished, renamed) do not
    /// pile up: the number kept stays bounded.
    #[test]
    fn the_kept_pages_stay_bounded() {
        let pages = CyclePages::default();
        for n in 0..3 * MOST_PAGES {
            let key = PageKey {
                slug: format!("cycle-{n}"),
                generation: 1,
                tr: Tr::new(crate::domain::Language::Lv),
                window: WindowState::Open,
                full: false,
            };
            pages.keep(key.clone(), "x");
            assert!(pages.get(&key).is_some(), "the page just kept is there");
        }
        let kept = pages.pages.read().expect("lock").len();
        assert!(kept <= MOST_PAGES, "{kept} pages kept");
    }
}
