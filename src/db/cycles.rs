//! Cycles and their sessions.

use chrono::{DateTime, Utc};
use diesel::prelude::*;

use super::models::{Cycle, Session};
use super::schema::{attendance, cycle_owners, cycles, organisations, registrations, sessions};
use super::{to_db, AnyConnection, DbResult};
use crate::domain::cycle_file::{CycleSpec, SessionSpec};

/// A published cycle as the public index lists it.
#[derive(Debug, Clone)]
pub struct IndexRow {
    pub cycle: Cycle,
    /// When its first session (position 1) starts; `None` without sessions.
    pub first_session: Option<DateTime<Utc>>,
    /// The owning organisation's (slug, name).
    pub organisation: Option<(String, String)>,
}

/// A cycle, its first session's start, its owner's (slug, name), as loaded.
type IndexTuple = (
    Cycle,
    Option<chrono::NaiveDateTime>,
    Option<(String, String)>,
);

/// Every published cycle with its first session's start and its owner, in
/// ONE query however many cycles there are (the index used to read each
/// cycle's sessions separately).
pub fn index_rows(conn: &mut AnyConnection) -> DbResult<Vec<IndexRow>> {
    let rows: Vec<IndexTuple> = cycles::table
        .left_join(
            sessions::table.on(sessions::cycle_id
                .eq(cycles::id)
                .and(sessions::position.eq(1))),
        )
        .left_join(cycle_owners::table.on(cycle_owners::cycle_id.eq(cycles::id)))
        .left_join(organisations::table.on(organisations::id.eq(cycle_owners::organisation_id)))
        .filter(cycles::published.eq(true))
        .order(cycles::registration_closes.desc())
        .select((
            Cycle::as_select(),
            sessions::starts_at.nullable(),
            (organisations::slug, organisations::name).nullable(),
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(cycle, first, organisation)| IndexRow {
            cycle,
            first_session: first.map(super::from_db),
            organisation,
        })
        .collect())
}

pub fn all(conn: &mut AnyConnection) -> DbResult<Vec<Cycle>> {
    Ok(cycles::table
        .order(cycles::created_at.desc())
        .select(Cycle::as_select())
        .load(conn)?)
}

/// A cycle and the organisation owning it, in one query (the mail worker
/// reads this for every message: no second round trip for the sender).
pub fn with_owner(
    conn: &mut AnyConnection,
    id: i32,
) -> DbResult<(Cycle, Option<super::organisations::Organisation>)> {
    use super::schema::{cycle_owners, organisations};
    Ok(cycles::table
        .left_join(cycle_owners::table.left_join(organisations::table))
        .filter(cycles::id.eq(id))
        .select((
            Cycle::as_select(),
            Option::<super::organisations::Organisation>::as_select(),
        ))
        .first(conn)?)
}

pub fn by_slug(conn: &mut AnyConnection, slug: &str) -> DbResult<Option<Cycle>> {
    Ok(cycles::table
        .filter(cycles::slug.eq(slug))
        .select(Cycle::as_select())
        .first(conn)
        .optional()?)
}

pub fn by_id(conn: &mut AnyConnection, id: i32) -> DbResult<Cycle> {
    Ok(cycles::table
        .find(id)
        .select(Cycle::as_select())
        .first(conn)?)
}

/// A cycle and its sessions, by slug.
pub fn with_sessions(
    conn: &mut AnyConnection,
    slug: &str,
) -> DbResult<Option<(Cycle, Vec<Session>)>> {
    let Some(cycle) = by_slug(conn, slug)? else {
        return Ok(None);
    };
    let sessions = sessions_of(conn, cycle.id)?;
    Ok(Some((cycle, sessions)))
}

pub fn sessions_of(conn: &mut AnyConnection, cycle_id: i32) -> DbResult<Vec<Session>> {
    Ok(sessions::table
        .filter(sessions::cycle_id.eq(cycle_id))
        .order(sessions::position.asc())
        .select(Session::as_select())
        .load(conn)?)
}

/// When the first session starts (promotion stops then).
pub fn first_session_starts(
    conn: &mut AnyConnection,
    cycle_id: i32,
) -> DbResult<Option<DateTime<Utc>>> {
    let first: Option<chrono::NaiveDateTime> = sessions::table
        .filter(sessions::cycle_id.eq(cycle_id))
        .select(diesel::dsl::min(sessions::starts_at))
        .first(conn)?;
    Ok(first.map(super::from_db))
}

pub fn session_at(
    conn: &mut AnyConnection,
    cycle_id: i32,
    position: i32,
) -> DbResult<Option<Session>> {
    Ok(sessions::table
        .filter(sessions::cycle_id.eq(cycle_id))
        .filter(sessions::position.eq(position))
        .select(Session::as_select())
        .first(conn)
        .optional()?)
}

/// Takes the cycle row's lock for the rest of the transaction (a no-op update:
/// `FOR UPDATE` is not available through the shared connection type). Every
/// change to seats goes through here (or `lock_taking_seat`) first, so they
/// serialise per cycle.
pub fn lock(conn: &mut AnyConnection, cycle_id: i32) -> DbResult<Cycle> {
    Ok(diesel::update(cycles::table.find(cycle_id))
        .set(cycles::seats_taken.eq(cycles::seats_taken))
        .returning(cycles::all_columns)
        .get_result(conn)?)
}

/// `lock`, taking one seat in the same statement when one is free: most of
/// a rush is seated, and each statement fewer while the lock is held is
/// more registrations a second on PostgreSQL. The row comes back with the
/// seat counted; None when the cycle is full (no seat taken, and the lock
/// not taken by this statement: the caller takes it with `lock`).
pub fn lock_taking_seat(conn: &mut AnyConnection, cycle_id: i32) -> DbResult<Option<Cycle>> {
    Ok(super::prepared::TakeSeatReturningCycle { cycle_id }
        .get_result(conn)
        .optional()?)
}

#[derive(Debug, PartialEq, Eq)]
pub enum SaveProblem {
    /// Capacity below the seats already held.
    CapacityBelowTaken(u32),
    /// A session that already has attendance would be removed.
    SessionHasAttendance(u32),
    /// The file or form names an organisation slug nobody has.
    UnknownOrganisation(String),
    /// A session's capacity below the seats its choosers already hold.
    SessionCapacityBelowTaken(u32),
}

#[derive(Debug, PartialEq, Eq)]
pub enum Saved {
    Created(i32),
    /// `told`: how many people are to hear of changed session times or places.
    Updated {
        id: i32,
        told: usize,
    },
}

/// Creates or updates a cycle by slug, with its sessions matched by position.
pub fn save(
    conn: &mut AnyConnection,
    spec: &CycleSpec,
    now: DateTime<Utc>,
) -> DbResult<Result<Saved, SaveProblem>> {
    let existing = by_slug(conn, spec.slug.as_str())?;
    let grant_title = spec.grant.as_ref().map(|g| g.title.clone());
    let grant_description = spec.grant.as_ref().map(|g| g.description.clone());
    let grant_apply_until = spec.grant.as_ref().and_then(|g| g.apply_until).map(to_db);
    let values = (
        cycles::title.eq(&spec.title),
        cycles::description.eq(&spec.description),
        cycles::language.eq(spec.language.as_str()),
        cycles::timezone.eq(spec.timezone.name()),
        cycles::country.eq(&spec.country),
        cycles::registration_opens.eq(to_db(spec.window.opens)),
        cycles::registration_closes.eq(to_db(spec.window.closes)),
        cycles::waitlist.eq(spec.waitlist),
        cycles::require_email_confirmation.eq(spec.require_email_confirmation),
        cycles::hold_hours.eq(spec.hold_hours as i32),
        cycles::min_sessions.eq(spec.min_sessions as i32),
        cycles::published.eq(spec.published),
        cycles::grant_title.eq(grant_title),
        cycles::grant_description.eq(grant_description),
        cycles::grant_apply_until.eq(grant_apply_until),
        cycles::updated_at.eq(to_db(now)),
    );
    // Diesel's tuples stop at 16 columns; the rest go in a second one.
    let grant = spec.grant.as_ref();
    let values = (
        values,
        (
            cycles::grant_max_cents.eq(grant.and_then(|g| g.max_cents).map(|c| c as i32)),
            cycles::grant_decisions_by.eq(grant.and_then(|g| g.decisions_by).map(to_db)),
            cycles::certificate.eq(spec.certificate),
            cycles::reminder_hours_before.eq(spec.reminders.setting()),
            cycles::progress_emails.eq(spec.progress_emails),
            cycles::retention_months.eq(spec.retention_months.map(|m| m as i32)),
            cycles::audience.eq(&spec.audience),
            cycles::contact_email.eq(spec.contact_email.as_ref().map_or("", |e| e.as_str())),
            cycles::contact_phone.eq(&spec.contact_phone),
        ),
    );
    let (id, saved) = match existing {
        Some(c) => {
            let c = lock(conn, c.id)?;
            // Every check before the first write: a refused save changes nothing.
            if spec.capacity.get() < c.seats_taken as u32 {
                return Ok(Err(SaveProblem::CapacityBelowTaken(c.seats_taken as u32)));
            }
            if let Some(n) = attended_session_beyond(conn, c.id, spec.sessions.len())? {
                return Ok(Err(SaveProblem::SessionHasAttendance(n)));
            }
            let held = sessions_of(conn, c.id)?;
            let below = spec.sessions.iter().zip(1..).find(|(s, position)| {
                held.iter().any(|h| {
                    h.position == *position
                        && s.capacity.is_some_and(|cap| h.seats_taken > cap as i32)
                })
            });
            if let Some((_, position)) = below {
                return Ok(Err(SaveProblem::SessionCapacityBelowTaken(position as u32)));
            }
            diesel::update(cycles::table.find(c.id))
                .set((values, cycles::capacity.eq(spec.capacity.get() as i32)))
                .execute(conn)?;
            (c.id, Saved::Updated { id: c.id, told: 0 })
        }
        None => {
            let id: i32 = diesel::insert_into(cycles::table)
                .values((
                    cycles::slug.eq(spec.slug.as_str()),
                    values,
                    cycles::capacity.eq(spec.capacity.get() as i32),
                    cycles::seats_taken.eq(0),
                    cycles::created_at.eq(to_db(now)),
                ))
                .returning(cycles::id)
                .get_result(conn)?;
            (id, Saved::Created(id))
        }
    };
    super::answers::replace_questions(conn, id, &spec.questions)?;
    let told = match replace_sessions(conn, id, &spec.sessions, now)? {
        Ok(told) => told,
        Err(p) => return Ok(Err(p)),
    };
    Ok(Ok(match saved {
        Saved::Updated { id, .. } => Saved::Updated { id, told },
        created => created,
    }))
}

/// Sessions are kept by position so attendance already recorded stays attached.
/// The first session past `keep` that has attendance recorded (it cannot be removed).
fn attended_session_beyond(
    conn: &mut AnyConnection,
    cycle_id: i32,
    keep: usize,
) -> DbResult<Option<u32>> {
    for old in sessions_of(conn, cycle_id)?
        .iter()
        .filter(|s| s.position as usize > keep)
    {
        let recorded: i64 = attendance::table
            .filter(attendance::session_id.eq(old.id))
            .count()
            .get_result(conn)?;
        if recorded > 0 {
            return Ok(Some(old.position as u32));
        }
    }
    Ok(None)
}

/// Sets a cycle's sessions to `specs`, by position. A session whose time,
/// place or link changed is recorded as a schedule change, and the people
/// holding a seat are told (returns how many).
pub fn replace_sessions(
    conn: &mut AnyConnection,
    cycle_id: i32,
    specs: &[SessionSpec],
    now: DateTime<Utc>,
) -> DbResult<Result<usize, SaveProblem>> {
    let mut told = 0;
    let current = sessions_of(conn, cycle_id)?;
    for old in current.iter().filter(|s| s.position as usize > specs.len()) {
        let recorded: i64 = attendance::table
            .filter(attendance::session_id.eq(old.id))
            .count()
            .get_result(conn)?;
        if recorded > 0 {
            return Ok(Err(SaveProblem::SessionHasAttendance(old.position as u32)));
        }
        diesel::delete(sessions::table.find(old.id)).execute(conn)?;
    }
    for (i, s) in specs.iter().enumerate() {
        let position = i as i32 + 1;
        let values = (
            sessions::title.eq(&s.title),
            sessions::starts_at.eq(to_db(s.starts)),
            sessions::ends_at.eq(to_db(s.ends)),
            sessions::mode.eq(s.mode.as_str()),
            sessions::location.eq(&s.location),
            sessions::online_url.eq(&s.online_url),
            sessions::track.eq(&s.track),
            sessions::capacity.eq(s.capacity.map(|c| c as i32)),
        );
        match current.iter().find(|c| c.position == position) {
            Some(old) => {
                let slot = crate::domain::schedule::Slot {
                    starts: s.starts,
                    ends: s.ends,
                    mode: s.mode,
                    location: s.location.clone(),
                    online_url: s.online_url.clone(),
                };
                told += super::schedule::record(conn, old, &slot, now)?;
                diesel::update(sessions::table.find(old.id))
                    .set(values)
                    .execute(conn)?;
            }
            None => {
                diesel::insert_into(sessions::table)
                    .values((
                        sessions::cycle_id.eq(cycle_id),
                        sessions::position.eq(position),
                        values,
                    ))
                    .execute(conn)?;
            }
        }
    }
    Ok(Ok(told))
}

/// Counts of registrations per status, for the admin overview.
pub fn status_counts(conn: &mut AnyConnection, cycle_id: i32) -> DbResult<Vec<(String, i64)>> {
    Ok(registrations::table
        .filter(registrations::cycle_id.eq(cycle_id))
        .group_by(registrations::status)
        .select((registrations::status, diesel::dsl::count_star()))
        .load(conn)?)
}
