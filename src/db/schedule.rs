//! Schedule changes: recorded with the save that made them, and told once
//! to everyone holding a seat, through the outbox in the same transaction.

use chrono::{DateTime, Utc};
use diesel::prelude::*;

use super::models::{Session, SessionChange};
use super::schema::{outbox, session_changes, sessions};
use super::{outbox as queue, registrations, to_db, AnyConnection, DbResult};
use crate::domain::registration::Notice;
use crate::domain::schedule::{self, Slot};

/// Records that `before` becomes `after` (call it before updating the
/// session's row). Returns how many people are to be told; nothing is
/// recorded when neither the time, the place nor the link changed.
pub fn record(
    conn: &mut AnyConnection,
    before: &Session,
    after: &Slot,
    now: DateTime<Utc>,
) -> DbResult<usize> {
    let changed = schedule::what_changed(&before.slot(), after);
    if !changed.anything() {
        return Ok(0);
    }
    let sequence = before.sequence + 1;
    diesel::update(sessions::table.find(before.id))
        .set(sessions::sequence.eq(sequence))
        .execute(conn)?;
    let change_id: i32 = diesel::insert_into(session_changes::table)
        .values((
            session_changes::session_id.eq(before.id),
            session_changes::sequence.eq(sequence),
            session_changes::old_starts_at.eq(before.starts_at),
            session_changes::old_ends_at.eq(before.ends_at),
            session_changes::old_mode.eq(before.mode.as_str()),
            session_changes::old_location.eq(&before.location),
            session_changes::old_online_url.eq(&before.online_url),
            session_changes::changed_at.eq(to_db(now)),
        ))
        .returning(session_changes::id)
        .get_result(conn)?;
    if !schedule::worth_telling(changed, after, now) {
        return Ok(0);
    }
    // Someone whose email about an earlier change is still waiting gets
    // that one, which tells the session as it stands when it goes out.
    let waiting = still_waiting(conn, before.id, change_id, now)?;
    let notice = Notice::ScheduleChanged { change_id };
    let mut told = 0;
    let mut holders = registrations::seat_holders(conn, before.cycle_id)?;
    // An alternative's change concerns only those who chose it.
    if let Some(choosers) = super::choices::attendees(conn, before)? {
        holders.retain(|id| choosers.contains(id));
    }
    for registration_id in holders {
        if !waiting.contains(&registration_id)
            && queue::enqueue(conn, registration_id, notice, now)?
        {
            told += 1;
        }
    }
    Ok(told)
}

/// Registrations with an unsent, unclaimed email about an earlier change of
/// the session (one being sent right now may already show the old plan).
fn still_waiting(
    conn: &mut AnyConnection,
    session_id: i32,
    this_change: i32,
    now: DateTime<Utc>,
) -> DbResult<Vec<i32>> {
    let earlier: Vec<i32> = session_changes::table
        .filter(session_changes::session_id.eq(session_id))
        .filter(session_changes::id.ne(this_change))
        .select(session_changes::id)
        .load(conn)?;
    if earlier.is_empty() {
        return Ok(Vec::new());
    }
    let rows: Vec<(Option<i32>, String)> = outbox::table
        .filter(outbox::kind.eq(Notice::ScheduleChanged { change_id: 0 }.kind()))
        .filter(outbox::sent_at.is_null())
        .filter(outbox::attempts.lt(queue::MAX_ATTEMPTS))
        .filter(
            outbox::claimed_until
                .is_null()
                .or(outbox::claimed_until.lt(to_db(now))),
        )
        .select((outbox::registration_id, outbox::params))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .filter(|(_, params)| {
            matches!(
                serde_json::from_str::<Notice>(params),
                Ok(Notice::ScheduleChanged { change_id }) if earlier.contains(&change_id)
            )
        })
        .filter_map(|(registration_id, _)| registration_id)
        .collect())
}

/// One change, for the email about it.
pub fn change(conn: &mut AnyConnection, id: i32) -> DbResult<Option<SessionChange>> {
    Ok(session_changes::table
        .find(id)
        .select(SessionChange::as_select())
        .first(conn)
        .optional()?)
}
