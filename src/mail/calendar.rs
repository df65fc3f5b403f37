//! The `.ics` calendar with every session of a cycle. Each session keeps
//! its UID for good and carries a SEQUENCE that grows with its changes and
//! with each new registration of the person (`sequence`), so a calendar that
//! already holds it updates the event when it moves instead of adding
//! another. (Not yet with a registration an organiser restores after its
//! cancellation: it keeps its id, so its invitation does not outrank that
//! cancellation.)

use icalendar::{Alarm, Calendar, Component, Event, EventLike, Property};

use crate::db::models::{Cycle, Session};
use crate::i18n::Tr;

/// How long before a session the calendar reminds its owner.
const ALARM_MINUTES_BEFORE: i64 = 60;

/// A session's SEQUENCE in the calendar files of one registration. The UIDs
/// are the cycle's, so someone who gives the seat back (their calendar gets
/// the events cancelled, one higher) and registers again must get higher
/// numbers still, or their calendar ignores the new invitation: each
/// registration counts from twice its id (ids only grow), and each change
/// of the session adds one.
fn sequence(s: &Session, registration_id: i32) -> u32 {
    let base = u32::try_from(registration_id)
        .unwrap_or(0)
        .saturating_mul(2);
    // RFC 5545's integers are signed 32-bit.
    base.saturating_add(s.sequence.max(0) as u32)
        .min(i32::MAX as u32 - 1)
}

/// The calendar that takes a cycle's sessions out again when a participant
/// gives the seat back: the same UIDs with a higher SEQUENCE and
/// METHOD:CANCEL, so a calendar holding the events marks them cancelled.
pub fn cancel_ics(
    t: &Tr,
    cycle: &Cycle,
    sessions: &[Session],
    registration_id: i32,
    base_url: &str,
) -> String {
    let mut cal = Calendar::new();
    cal.name(&cycle.title);
    cal.append_property(Property::new("METHOD", "CANCEL"));
    for s in sessions {
        let event = Event::new()
            .uid(&uid(cycle, s, base_url))
            .sequence(sequence(s, registration_id) + 1)
            .summary(&format!("{}: {}", cycle.title, s.title))
            .starts(s.starts_at.and_utc())
            .ends(s.ends_at.and_utc())
            .status(icalendar::EventStatus::Cancelled)
            .description(&t.text("calendar-cancelled"))
            .done();
        cal.push(event);
    }
    cal.done().to_string()
}

/// A session's UID, for good: the cycle, the position and this server's host.
fn uid(cycle: &Cycle, s: &Session, base_url: &str) -> String {
    let host = url::Url::parse(base_url)
        .ok()
        .and_then(|u| u.host_str().map(str::to_string))
        .unwrap_or_else(|| "cohort".into());
    format!("{}-{}@{}", cycle.slug, s.position, host)
}

pub fn ics(
    t: &Tr,
    cycle: &Cycle,
    sessions: &[Session],
    registration_id: i32,
    participant_link: &str,
    holds_seat: bool,
    base_url: &str,
) -> String {
    let mut cal = Calendar::new();
    cal.name(&cycle.title);
    // PUBLISH: the events are for the calendar, no reply is asked (REQUEST
    // would need an organiser address and show RSVP buttons).
    cal.append_property(Property::new("METHOD", "PUBLISH"));
    for s in sessions {
        let place = if s.is_online() {
            // Join links only for people holding a seat (SPEC: Session).
            if holds_seat {
                s.online_url.clone().unwrap_or_default()
            } else {
                t.text("session-online")
            }
        } else {
            s.location.clone().unwrap_or_default()
        };
        let summary = format!("{}: {}", cycle.title, s.title);
        let event = Event::new()
            .uid(&uid(cycle, s, base_url))
            .sequence(sequence(s, registration_id))
            .summary(&summary)
            .starts(s.starts_at.and_utc())
            .ends(s.ends_at.and_utc())
            .location(&place)
            .description(&t.with_one("calendar-your-page", "link", participant_link))
            .url(participant_link)
            .alarm(Alarm::display(
                &summary,
                -chrono::Duration::minutes(ALARM_MINUTES_BEFORE),
            ))
            .done();
        cal.push(event);
    }
    cal.done().to_string()
}
