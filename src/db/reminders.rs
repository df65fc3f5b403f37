//! Which sessions still owe their reminders, and writing them to the outbox
//! once per session start, whichever server process gets there first.

use chrono::{DateTime, Duration, Utc};
use diesel::prelude::*;

use super::models::{Cycle, Session};
use super::schema::{cycles, sessions};
use super::{outbox, to_db, AnyConnection, DbResult};
use crate::domain::registration::Notice;
use crate::domain::reminders::MAX_HOURS_BEFORE;

/// Sessions that start within the longest reminder window and whose
/// reminders were not yet written for their current start, with their cycle.
pub fn owed(conn: &mut AnyConnection, now: DateTime<Utc>) -> DbResult<Vec<(Session, Cycle)>> {
    // The default (10:00 the day before) can be up to two days before.
    let horizon = now + Duration::hours(i64::from(MAX_HOURS_BEFORE)) + Duration::days(2);
    Ok(sessions::table
        .inner_join(cycles::table)
        .filter(sessions::starts_at.gt(to_db(now)))
        .filter(sessions::starts_at.le(to_db(horizon)))
        .filter(
            sessions::reminded_for
                .is_null()
                .or(sessions::reminded_for.ne(sessions::starts_at.nullable())),
        )
        .order(sessions::starts_at.asc())
        .select((Session::as_select(), Cycle::as_select()))
        .load(conn)?)
}

/// Writes the reminder of `session` (starting at `starts`) for everyone who
/// holds a seat in its cycle, in the caller's transaction. The conditional
/// update lets exactly one caller do it per start; the others get `None`.
pub fn write(
    conn: &mut AnyConnection,
    session: &Session,
    now: DateTime<Utc>,
) -> DbResult<Option<usize>> {
    let claimed = diesel::update(sessions::table.find(session.id))
        .filter(sessions::starts_at.eq(session.starts_at))
        .filter(
            sessions::reminded_for
                .is_null()
                .or(sessions::reminded_for.ne(sessions::starts_at.nullable())),
        )
        .set(sessions::reminded_for.eq(Some(session.starts_at)))
        .execute(conn)?;
    if claimed == 0 {
        return Ok(None);
    }
    let mut seat_holders = super::registrations::seat_holders(conn, session.cycle_id)?;
    // An alternative is only for those who chose it.
    if let Some(choosers) = super::choices::attendees(conn, session)? {
        seat_holders.retain(|id| choosers.contains(id));
    }
    let notice = Notice::Reminder {
        session_id: session.id,
        starts: session.starts_at.and_utc().timestamp(),
    };
    let mut written = 0;
    for registration_id in seat_holders {
        if outbox::enqueue(conn, registration_id, notice, now)? {
            written += 1;
        }
    }
    Ok(Some(written))
}
