//! Chosen sessions (issue 10): which alternative of each slot a participant
//! chose, and the session seats those choices take. Every change here runs
//! under `cycles::lock`, like the cycle's own seats, so a session's
//! `seats_taken` never passes its capacity under any number of concurrent
//! requests or server processes; the conditional update and the table's
//! CHECK are the database's own guards against a bug.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Utc};
use diesel::prelude::*;

use super::models::{offered_and_slots, Registration, Session};
use super::registrations;
use super::schema::{registrations as registrations_t, session_choices, sessions};
use super::{cycles, AnyConnection, DbError, DbResult};
use crate::domain::registration::{Applicant, Registered};
use crate::domain::seats::Refusal;
use crate::domain::tracks::{self, ChangeRefusal, Slot};

/// A registration with its chosen sessions, in one transaction: rules 1–5
/// as `registrations::register`, and before anything is written a chosen
/// session that is full refuses the whole submission.
pub fn register(
    conn: &mut AnyConnection,
    cycle_id: i32,
    first_session_starts: Option<DateTime<Utc>>,
    who: &Applicant,
    chosen: &[i32],
    token_nonce: &str,
    now: DateTime<Utc>,
) -> DbResult<Registered> {
    if chosen.is_empty() {
        return registrations::register(
            conn,
            cycle_id,
            first_session_starts,
            who,
            token_nonce,
            now,
        );
    }
    // The same lock `register` takes next (a second take in one transaction
    // waits for nothing): the seats read here cannot change before the write.
    cycles::lock(conn, cycle_id)?;
    let sessions: Vec<Session> = sessions::table
        .filter(sessions::cycle_id.eq(cycle_id))
        .filter(sessions::id.eq_any(chosen))
        .select(Session::as_select())
        .load(conn)?;
    if let Some(full) = sessions.iter().find(|s| s.offered().is_full()) {
        return Ok(Registered::Refused(Refusal::SessionFull {
            session_id: full.id,
        }));
    }
    let outcome =
        registrations::register(conn, cycle_id, first_session_starts, who, token_nonce, now)?;
    match outcome {
        Registered::Seated { id, .. } => record(conn, id, chosen, true)?,
        Registered::Waitlisted { id, .. } => record(conn, id, chosen, false)?,
        Registered::AlreadyRegistered { .. } | Registered::Refused(_) => {}
    }
    Ok(outcome)
}

fn record(conn: &mut AnyConnection, reg_id: i32, chosen: &[i32], seat: bool) -> DbResult<()> {
    for session_id in chosen {
        if seat {
            take(conn, *session_id)?;
        }
        diesel::insert_into(session_choices::table)
            .values((
                session_choices::registration_id.eq(reg_id),
                session_choices::session_id.eq(session_id),
                session_choices::holds_seat.eq(seat),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// Takes one seat of a session; false when it is full.
fn try_take(conn: &mut AnyConnection, session_id: i32) -> DbResult<bool> {
    let taken = diesel::update(sessions::table.find(session_id))
        .filter(
            sessions::capacity
                .is_null()
                .or(sessions::seats_taken.lt(sessions::capacity.assume_not_null())),
        )
        .set(sessions::seats_taken.eq(sessions::seats_taken + 1))
        .execute(conn)?;
    Ok(taken == 1)
}

/// Takes a seat the caller checked is free under the lock.
fn take(conn: &mut AnyConnection, session_id: i32) -> DbResult<()> {
    if try_take(conn, session_id)? {
        Ok(())
    } else {
        Err(DbError::Invariant(
            "a session seat was decided but none is free",
        ))
    }
}

fn release(conn: &mut AnyConnection, session_id: i32) -> DbResult<()> {
    diesel::update(sessions::table.find(session_id))
        .filter(sessions::seats_taken.gt(0))
        .set(sessions::seats_taken.eq(sessions::seats_taken - 1))
        .execute(conn)?;
    Ok(())
}

/// A registration got a cycle seat (promoted, restored): its choices take
/// their session seats. A choice whose session filled up meanwhile is
/// dropped; the promotion email (`unchosen_slots`) asks the participant to
/// choose again from their page.
pub fn take_seats(conn: &mut AnyConnection, reg_id: i32) -> DbResult<()> {
    let waiting: Vec<i32> = session_choices::table
        .filter(session_choices::registration_id.eq(reg_id))
        .filter(session_choices::holds_seat.eq(false))
        .select(session_choices::session_id)
        .load(conn)?;
    for session_id in waiting {
        let choice = session_choices::table.find((reg_id, session_id));
        if try_take(conn, session_id)? {
            diesel::update(choice)
                .set(session_choices::holds_seat.eq(true))
                .execute(conn)?;
        } else {
            diesel::delete(choice).execute(conn)?;
        }
    }
    Ok(())
}

/// A registration gave its cycle seat back (cancelled, expired): its choices
/// give theirs back too. The choices stay, seatless, should it return.
pub fn release_seats(conn: &mut AnyConnection, reg_id: i32) -> DbResult<()> {
    let holding: Vec<i32> = session_choices::table
        .filter(session_choices::registration_id.eq(reg_id))
        .filter(session_choices::holds_seat.eq(true))
        .select(session_choices::session_id)
        .load(conn)?;
    for session_id in holding {
        release(conn, session_id)?;
        diesel::update(session_choices::table.find((reg_id, session_id)))
            .set(session_choices::holds_seat.eq(false))
            .execute(conn)?;
    }
    Ok(())
}

/// The sessions a registration chose.
pub fn of_registration(conn: &mut AnyConnection, reg_id: i32) -> DbResult<Vec<i32>> {
    Ok(session_choices::table
        .filter(session_choices::registration_id.eq(reg_id))
        .select(session_choices::session_id)
        .load(conn)?)
}

/// The slots of the cycle still ahead at `now` in which a registration has
/// chosen nothing (a choice dropped on promotion leaves one).
pub fn unchosen_slots(
    conn: &mut AnyConnection,
    cycle_id: i32,
    reg_id: i32,
    now: DateTime<Utc>,
) -> DbResult<Vec<Slot>> {
    let (_, slots) = slots_of(conn, cycle_id)?;
    if slots.is_empty() {
        return Ok(slots);
    }
    let chosen = of_registration(conn, reg_id)?;
    Ok(tracks::unchosen(&slots, &chosen, now))
}

/// Every choice in a cycle, by registration.
pub fn of_cycle(conn: &mut AnyConnection, cycle_id: i32) -> DbResult<HashMap<i32, Vec<i32>>> {
    let rows: Vec<(i32, i32)> = session_choices::table
        .inner_join(sessions::table)
        .filter(sessions::cycle_id.eq(cycle_id))
        .select((
            session_choices::registration_id,
            session_choices::session_id,
        ))
        .load(conn)?;
    let mut by_reg: HashMap<i32, Vec<i32>> = HashMap::new();
    for (reg, session) in rows {
        by_reg.entry(reg).or_default().push(session);
    }
    Ok(by_reg)
}

/// Keeps of a cycle's `sessions` those this participant could attend
/// (plenaries and their chosen alternatives), in order.
pub fn own_sessions(sessions: Vec<Session>, chosen: &[i32]) -> Vec<Session> {
    let (offered, slots) = offered_and_slots(&sessions);
    if slots.is_empty() {
        return sessions;
    }
    let own = tracks::attendable(&offered, &slots, chosen);
    sessions
        .into_iter()
        .filter(|s| own.contains(&s.id))
        .collect()
}

/// Who may attend a session: `None` when everyone may (it is no
/// alternative), otherwise the registrations that chose it.
pub fn attendees(conn: &mut AnyConnection, session: &Session) -> DbResult<Option<HashSet<i32>>> {
    if session.track.is_none() {
        return Ok(None);
    }
    let all = cycles::sessions_of(conn, session.cycle_id)?;
    if tracks::slot_of(&offered_and_slots(&all).1, session.id).is_none() {
        return Ok(None);
    }
    Ok(Some(
        session_choices::table
            .filter(session_choices::session_id.eq(session.id))
            .select(session_choices::registration_id)
            .load::<i32>(conn)?
            .into_iter()
            .collect(),
    ))
}

/// Whether one registration may be marked present at a session.
pub fn may_attend(conn: &mut AnyConnection, reg_id: i32, session_id: i32) -> DbResult<bool> {
    let session: Session = sessions::table
        .find(session_id)
        .select(Session::as_select())
        .first(conn)?;
    Ok(attendees(conn, &session)?.is_none_or(|chosen| chosen.contains(&reg_id)))
}

/// The cycle's slots with their sessions as stored now.
pub fn slots_of(conn: &mut AnyConnection, cycle_id: i32) -> DbResult<(Vec<Session>, Vec<Slot>)> {
    let all = cycles::sessions_of(conn, cycle_id)?;
    let (_, slots) = offered_and_slots(&all);
    Ok((all, slots))
}

/// A participant moves to `new_session` in its slot (from their page),
/// under the cycle lock: the new session must have room (for everyone,
/// waitlisted or not) and neither it nor the old one may have started.
pub fn change(
    conn: &mut AnyConnection,
    reg_id: i32,
    new_session: i32,
    now: DateTime<Utc>,
) -> DbResult<Result<bool, ChangeRefusal>> {
    let Some(reg) = registrations::by_id(conn, reg_id)? else {
        return Ok(Err(ChangeRefusal::NotAChoice));
    };
    cycles::lock(conn, reg.cycle_id)?;
    let reg: Registration = registrations_t::table
        .find(reg_id)
        .select(Registration::as_select())
        .first(conn)?;
    let status = reg.status();
    if !(status.holds_seat() || status == crate::domain::Status::Waitlisted) {
        return Ok(Err(ChangeRefusal::NotAChoice));
    }
    let (all, slots) = slots_of(conn, reg.cycle_id)?;
    let Some(new) = all.iter().find(|s| s.id == new_session) else {
        return Ok(Err(ChangeRefusal::NotAChoice));
    };
    let Some(slot) = tracks::slot_of(&slots, new.id) else {
        return Ok(Err(ChangeRefusal::NotAChoice));
    };
    let chosen = of_registration(conn, reg_id)?;
    let old = all
        .iter()
        .find(|s| slot.contains(s.id) && chosen.contains(&s.id));
    let takes_seat = status.holds_seat();
    if let Err(refusal) = tracks::may_change(
        &slots,
        old.map(Session::offered).as_ref(),
        &new.offered(),
        now,
    ) {
        return Ok(Err(refusal));
    }
    if old.is_some_and(|o| o.id == new.id) {
        return Ok(Ok(false));
    }
    if let Some(old) = old {
        let held: bool = session_choices::table
            .find((reg_id, old.id))
            .select(session_choices::holds_seat)
            .first(conn)?;
        if held {
            release(conn, old.id)?;
        }
        diesel::delete(session_choices::table.find((reg_id, old.id))).execute(conn)?;
    }
    record(conn, reg_id, &[new.id], takes_seat)?;
    Ok(Ok(true))
}
