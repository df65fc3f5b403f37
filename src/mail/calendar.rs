//! The `.ics` calendar with every session of a cycle.

use icalendar::{Calendar, Component, Event, EventLike};

use crate::db::models::{Cycle, Session};

pub fn ics(
    cycle: &Cycle,
    sessions: &[Session],
    participant_link: &str,
    holds_seat: bool,
    base_url: &str,
) -> String {
    let host = url::Url::parse(base_url)
        .ok()
        .and_then(|u| u.host_str().map(str::to_string))
        .unwrap_or_else(|| "cohort".into());
    let mut cal = Calendar::new();
    cal.name(&cycle.title);
    for s in sessions {
        let place = if s.is_online() {
            // Join links only for people holding a seat (SPEC: Session).
            if holds_seat {
                s.online_url.clone().unwrap_or_default()
            } else {
                "Online".into()
            }
        } else {
            s.location.clone().unwrap_or_default()
        };
        let event = Event::new()
            .uid(&format!("{}-{}@{}", cycle.slug, s.position, host))
            .summary(&format!("{}: {}", cycle.title, s.title))
            .starts(s.starts_at.and_utc())
            .ends(s.ends_at.and_utc())
            .location(&place)
            .description(participant_link)
            .url(participant_link)
            .done();
        cal.push(event);
    }
    cal.done().to_string()
}
