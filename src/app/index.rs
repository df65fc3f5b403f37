//! The public index (`/`): published cycles, open ones first, filtered by
//! organisation, language of instruction and country (issue 10). One query
//! reads everything; the filter and the order are applied here, so the
//! choices offered always come from every published cycle, not the
//! filtered few.

use anyhow::Context;

use super::Services;
use crate::db::cycles::{self, IndexRow};
use crate::domain::index_filter::IndexFilter;
use crate::domain::window::WindowState;

/// What the index shows.
pub struct Index {
    /// The cycles that pass the filter, in the index's order.
    pub cycles: Vec<IndexRow>,
    /// The choices: organisations (slug, name) by name, languages and
    /// countries by code, each as found among the published cycles.
    pub organisations: Vec<(String, String)>,
    pub languages: Vec<String>,
    pub countries: Vec<String>,
    /// How many published cycles there are before filtering.
    pub published: usize,
}

pub async fn index(services: &Services, filter: &IndexFilter) -> anyhow::Result<Index> {
    let now = services.now();
    let rows = services
        .db
        .read(cycles::index_rows)
        .await
        .context("listing the published cycles")?;
    let mut organisations: Vec<(String, String)> =
        rows.iter().filter_map(|r| r.organisation.clone()).collect();
    organisations.sort_by(|a, b| a.1.cmp(&b.1).then(a.0.cmp(&b.0)));
    organisations.dedup();
    let mut languages: Vec<String> = rows
        .iter()
        .map(|r| r.cycle.language.as_str().to_string())
        .collect();
    languages.sort();
    languages.dedup();
    let mut countries: Vec<String> = rows
        .iter()
        .map(|r| r.cycle.country.clone())
        .filter(|c| !c.is_empty())
        .collect();
    countries.sort();
    countries.dedup();
    let published = rows.len();
    let mut shown: Vec<(u8, i64, IndexRow)> = rows
        .into_iter()
        .filter(|r| {
            filter.admits(
                r.organisation.as_ref().map(|(slug, _)| slug.as_str()),
                r.cycle.language.as_str(),
                &r.cycle.country,
            )
        })
        .map(|r| {
            // Open ones first, soonest deadline first; then upcoming ones; then
            // closed ones, the most recent first. A full cycle without a
            // waiting list takes nobody: it is not "open" (it sorts with the
            // open ones by its deadline but its card says it is full).
            let window = r.cycle.window();
            let closes = window.closes.timestamp();
            let (rank, key) = match r.cycle.window_state(now) {
                WindowState::Open => (0, closes),
                WindowState::NotYetOpen => (1, window.opens.timestamp()),
                WindowState::Closed => (2, -closes),
            };
            (rank, key, r)
        })
        .collect();
    shown.sort_by_key(|(rank, key, _)| (*rank, *key));
    Ok(Index {
        cycles: shown.into_iter().map(|(_, _, r)| r).collect(),
        organisations,
        languages,
        countries,
        published,
    })
}
