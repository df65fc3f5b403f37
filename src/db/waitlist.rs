//! The end of the waiting list: once a cycle's first session has started no
//! seat is given from it any more, and everyone still waiting is told once.

use chrono::{DateTime, Utc};
use diesel::prelude::*;

use super::schema::{cycles, registrations, sessions};
use super::{outbox, to_db, AnyConnection, DbResult};
use crate::domain::registration::Notice;
use crate::domain::{seats, Status};

/// Cycles whose first session has started and whose waiting list has not
/// yet been told.
pub fn to_close(conn: &mut AnyConnection, now: DateTime<Utc>) -> DbResult<Vec<i32>> {
    Ok(cycles::table
        .inner_join(sessions::table)
        .filter(cycles::waitlist_told_at.is_null())
        .filter(sessions::starts_at.le(to_db(now)))
        .select(cycles::id)
        .distinct()
        .load(conn)?)
}

/// Tells everyone still waiting in `cycle_id` that no seat became free, in
/// the caller's transaction; `None` when another process already did. Long
/// after the start the list is closed without a word (`seats::tell_waitlist`).
pub fn close(
    conn: &mut AnyConnection,
    cycle_id: i32,
    now: DateTime<Utc>,
) -> DbResult<Option<usize>> {
    let claimed = diesel::update(cycles::table.find(cycle_id))
        .filter(cycles::waitlist_told_at.is_null())
        .set(cycles::waitlist_told_at.eq(Some(to_db(now))))
        .execute(conn)?;
    if claimed == 0 {
        return Ok(None);
    }
    let first_start = super::cycles::first_session_starts(conn, cycle_id)?;
    if !first_start.is_some_and(|start| seats::tell_waitlist(now, start)) {
        return Ok(Some(0));
    }
    let waiting: Vec<i32> = registrations::table
        .filter(registrations::cycle_id.eq(cycle_id))
        .filter(registrations::status.eq(Status::Waitlisted.as_str()))
        .order(registrations::id.asc())
        .select(registrations::id)
        .load(conn)?;
    let mut told = 0;
    for registration_id in waiting {
        if outbox::enqueue(conn, registration_id, Notice::NoSeatFreed, now)? {
            told += 1;
        }
    }
    Ok(Some(told))
}
