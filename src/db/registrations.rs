//! Registrations: the seat grab, the waitlist, confirmation, cancellation,
//! expiry. Every function here runs inside the caller's transaction and
//! changes seats only under the cycle's lock (`cycles::lock`, or
//! `cycles::lock_taking_seat`, which takes it with the seat), so the rules of
//! `domain::seats` hold under any number of concurrent requests and server
//! processes.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Utc};
use diesel::prelude::*;

use super::cycles;
use super::models::{Cycle, Registration, Session};
use super::organisations::Organisation;
use super::schema::{cycles as cycles_t, registrations};
use super::{from_db, to_db, AnyConnection, DbError, DbResult};
use crate::domain::registration::{self, Answer, Decision, Snapshot};
use crate::domain::seats;
use crate::domain::{Email, Status};

pub use crate::domain::registration::{Applicant, Notice, Registered};

/// Writes what to send; the mail worker renders it at send time.
pub fn notify(
    conn: &mut AnyConnection,
    notice: Notice,
    reg: &Registration,
    now: DateTime<Utc>,
) -> DbResult<bool> {
    super::outbox::enqueue(conn, reg.id, notice, now)
}

pub fn by_email(
    conn: &mut AnyConnection,
    cycle_id: i32,
    email: &Email,
) -> DbResult<Option<Registration>> {
    Ok(registrations::table
        .filter(registrations::cycle_id.eq(cycle_id))
        .filter(registrations::email_normalised.eq(email.normalised()))
        .select(Registration::as_select())
        .first(conn)
        .optional()?)
}

/// Someone lost their link: each registration of this address (in any
/// cycle; one that gave way to a newer one is not its address any more)
/// gets it again, at most once per ten minutes (the notice's dedupe).
/// Returns how many were written, for the log only: the page says the same.
pub fn send_links_again(
    conn: &mut AnyConnection,
    email: &Email,
    now: DateTime<Utc>,
) -> DbResult<usize> {
    let found: Vec<Registration> = registrations::table
        .filter(registrations::email_normalised.eq(email.normalised()))
        .order(registrations::id.desc())
        .limit(20)
        .select(Registration::as_select())
        .load(conn)?;
    let mut written = 0;
    for reg in &found {
        if notify(conn, Notice::LinkAgain, reg, now)? {
            written += 1;
        }
    }
    Ok(written)
}

pub fn by_id(conn: &mut AnyConnection, id: i32) -> DbResult<Option<Registration>> {
    Ok(registrations::table
        .find(id)
        .select(Registration::as_select())
        .first(conn)
        .optional()?)
}

/// A registration with its cycle and the cycle's sessions.
pub fn with_cycle(
    conn: &mut AnyConnection,
    id: i32,
) -> DbResult<Option<(Registration, Cycle, Vec<Session>)>> {
    Ok(with_cycle_and_owner(conn, id)?.map(|(reg, cycle, sessions, _)| (reg, cycle, sessions)))
}

/// A registration as its mail and pages need it: the registration, its
/// cycle, the sessions it may attend, and the organisation owning the cycle.
pub type InCycle = (Registration, Cycle, Vec<Session>, Option<Organisation>);

/// As `with_cycle`, with the organisation owning the cycle (its site name on
/// the participant's pages, its sender on their mail), read in the same
/// query as the cycle.
pub fn with_cycle_and_owner(conn: &mut AnyConnection, id: i32) -> DbResult<Option<InCycle>> {
    Ok(contexts(conn, &[id])?.remove(&id))
}

/// `with_cycle_and_owner` for many registrations in four queries, whatever
/// their number: the mail worker reads a batch's this way instead of four
/// round trips per email (issue 12). Registrations not found are missing.
pub fn contexts(conn: &mut AnyConnection, ids: &[i32]) -> DbResult<HashMap<i32, InCycle>> {
    use super::schema::{cycle_owners, organisations, session_choices, sessions};
    let found: Vec<Registration> = registrations::table
        .filter(registrations::id.eq_any(ids))
        .select(Registration::as_select())
        .load(conn)?;
    if found.is_empty() {
        return Ok(HashMap::new());
    }
    let mut cycle_ids: Vec<i32> = found.iter().map(|reg| reg.cycle_id).collect();
    cycle_ids.sort_unstable();
    cycle_ids.dedup();
    let cycles: HashMap<i32, (Cycle, Option<Organisation>)> = cycles_t::table
        .left_join(cycle_owners::table.left_join(organisations::table))
        .filter(cycles_t::id.eq_any(&cycle_ids))
        .select((Cycle::as_select(), Option::<Organisation>::as_select()))
        .load::<(Cycle, Option<Organisation>)>(conn)?
        .into_iter()
        .map(|(cycle, owner)| (cycle.id, (cycle, owner)))
        .collect();
    let mut sessions_by_cycle: HashMap<i32, Vec<Session>> = HashMap::new();
    for session in sessions::table
        .filter(sessions::cycle_id.eq_any(&cycle_ids))
        .order((sessions::cycle_id.asc(), sessions::position.asc()))
        .select(Session::as_select())
        .load::<Session>(conn)?
    {
        sessions_by_cycle
            .entry(session.cycle_id)
            .or_default()
            .push(session);
    }
    // With tracks, only the sessions this participant could attend: their
    // page, calendar, emails and standing speak of those alone.
    let tracked: HashSet<i32> = sessions_by_cycle
        .iter()
        .filter(|(_, all)| all.iter().any(|s| s.track.is_some()))
        .map(|(cycle_id, _)| *cycle_id)
        .collect();
    let with_tracks: Vec<i32> = found
        .iter()
        .filter(|reg| tracked.contains(&reg.cycle_id))
        .map(|reg| reg.id)
        .collect();
    let mut chosen: HashMap<i32, Vec<i32>> = HashMap::new();
    if !with_tracks.is_empty() {
        for (reg_id, session_id) in session_choices::table
            .filter(session_choices::registration_id.eq_any(&with_tracks))
            .select((
                session_choices::registration_id,
                session_choices::session_id,
            ))
            .load::<(i32, i32)>(conn)?
        {
            chosen.entry(reg_id).or_default().push(session_id);
        }
    }
    let mut contexts = HashMap::with_capacity(found.len());
    for reg in found {
        let (cycle, owner) = cycles
            .get(&reg.cycle_id)
            .cloned()
            .ok_or(DbError::Invariant("a registration's cycle exists"))?;
        let all = sessions_by_cycle
            .get(&reg.cycle_id)
            .cloned()
            .unwrap_or_default();
        let own = if tracked.contains(&reg.cycle_id) {
            let none = Vec::new();
            super::choices::own_sessions(all, chosen.get(&reg.id).unwrap_or(&none))
        } else {
            all
        };
        contexts.insert(reg.id, (reg, cycle, own, owner));
    }
    Ok(contexts)
}

/// Whether anyone waits in a cycle. Asked under the cycle's lock by every
/// registration while the queue matters: an existence probe, not a count of
/// a waitlist that may be long, and a query of fixed shape, so PostgreSQL
/// plans it once per connection (a boxed query is planned every time).
fn anyone_waiting(conn: &mut AnyConnection, cycle_id: i32) -> DbResult<bool> {
    Ok(diesel::select(diesel::dsl::exists(
        registrations::table
            .filter(registrations::cycle_id.eq(cycle_id))
            .filter(registrations::status.eq(Status::Waitlisted.as_str())),
    ))
    .get_result(conn)?)
}

/// How many wait in a cycle who arrived up to registration `through` (the
/// waitlist is in arrival order).
fn waiting_through(conn: &mut AnyConnection, cycle_id: i32, through: i32) -> DbResult<u32> {
    let n: i64 = registrations::table
        .filter(registrations::cycle_id.eq(cycle_id))
        .filter(registrations::status.eq(Status::Waitlisted.as_str()))
        .filter(registrations::id.le(through))
        .count()
        .get_result(conn)?;
    Ok(n as u32)
}

/// Position on the waitlist, counted from 1, in arrival order.
pub fn waitlist_position(conn: &mut AnyConnection, reg: &Registration) -> DbResult<u32> {
    waiting_through(conn, reg.cycle_id, reg.id)
}

/// What the domain decides a registration on, read under the cycle's lock.
/// `seat_held`: the seat taken with the lock, not yet decided on.
fn snapshot(
    conn: &mut AnyConnection,
    cycle: &Cycle,
    seat_held: bool,
    first_session_starts: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> DbResult<Snapshot> {
    let promotion_open = seats::promotion_open(now, first_session_starts);
    let someone_waiting =
        Snapshot::needs_queue(cycle.waitlist, promotion_open) && anyone_waiting(conn, cycle.id)?;
    Ok(Snapshot {
        window: cycle.window_state(now),
        capacity: cycle.capacity as u32,
        seats_taken: (cycle.seats_taken - i32::from(seat_held)) as u32,
        keeps_waitlist: cycle.waitlist,
        requires_confirmation: cycle.require_email_confirmation,
        hold_hours: cycle.hold_hours as u32,
        promotion_open,
        someone_waiting,
    })
}

/// Rules 1–5 for one submission, inside the caller's write transaction:
/// take the cycle's lock, read the snapshot, let the domain decide, apply.
/// `first_session_starts` is read by the caller before the transaction (it
/// does not change under a rush, and every read less is a round trip less
/// while the cycle row is locked).
pub fn register(
    conn: &mut AnyConnection,
    cycle_id: i32,
    first_session_starts: Option<DateTime<Utc>>,
    who: &Applicant,
    token_nonce: &str,
    now: DateTime<Utc>,
) -> DbResult<Registered> {
    // The address is looked up before the cycle lock, so that the lock (what
    // bounds a rush on PostgreSQL) is held for fewer statements. Nothing
    // found and the same address committing meanwhile: the unique index
    // refuses the insert and the caller tries again. Something found is
    // looked at again under the lock: a cancellation of this very address
    // may be committing alongside. (A caller holding the lock already, as
    // `choices::register` does for workshop seats, gains nothing from the
    // order and loses nothing.)
    let (cycle, seat_held) = match by_email(conn, cycle_id, &who.email)? {
        None => match cycles::lock_taking_seat(conn, cycle_id)? {
            Some(cycle) => (cycle, true),
            None => (cycles::lock(conn, cycle_id)?, false),
        },
        Some(_) => {
            let cycle = cycles::lock(conn, cycle_id)?;
            if let Some(existing) = by_email(conn, cycle_id, &who.email)? {
                if !registration::gives_way(existing.status()) {
                    notify(conn, Notice::LinkAgain, &existing, now)?;
                    // Told what a newcomer would be told now (rule 5).
                    let decision = registration::decide(
                        &snapshot(conn, &cycle, false, first_session_starts, now)?,
                        now,
                    );
                    let waiting = match decision {
                        Decision::Waitlist => waiting_through(conn, cycle.id, i32::MAX)?,
                        _ => 0,
                    };
                    return Ok(Registered::AlreadyRegistered {
                        id: existing.id,
                        answer: Answer::of_decision(decision, waiting),
                    });
                }
                // Given back or run out: the old registration stays as it
                // was, and this one is new, queued or seated like anyone else's.
                give_way(conn, &existing)?;
            }
            (cycle, false)
        }
    };
    let decision = registration::decide(
        &snapshot(conn, &cycle, seat_held, first_session_starts, now)?,
        now,
    );
    if seat_held && !matches!(decision, Decision::Seat { .. }) {
        release_seat(conn, cycle.id)?;
    }
    match decision {
        Decision::Refuse(refusal) => Ok(Registered::Refused(refusal)),
        Decision::Seat { status, hold_until } => {
            if !seat_held {
                take_seat(conn, cycle.id)?;
            }
            let reg = insert(conn, cycle.id, who, token_nonce, status, hold_until, now)?;
            notify(conn, Notice::Seated, &reg, now)?;
            Ok(Registered::Seated {
                id: reg.id,
                status,
                hold_until,
            })
        }
        Decision::Waitlist => {
            let reg = insert(
                conn,
                cycle.id,
                who,
                token_nonce,
                Status::Waitlisted,
                None,
                now,
            )?;
            let position = waitlist_position(conn, &reg)?;
            notify(conn, Notice::Waitlisted { position }, &reg, now)?;
            Ok(Registered::Waitlisted {
                id: reg.id,
                position,
            })
        }
    }
}

/// An ended registration steps aside for a new one with its address.
fn give_way(conn: &mut AnyConnection, reg: &Registration) -> DbResult<()> {
    diesel::update(registrations::table.find(reg.id))
        .set(
            registrations::email_normalised
                .eq(registration::given_way_key(&reg.email_normalised, reg.id)),
        )
        .execute(conn)?;
    Ok(())
}

fn insert(
    conn: &mut AnyConnection,
    cycle_id: i32,
    who: &Applicant,
    token_nonce: &str,
    status: Status,
    hold_until: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> DbResult<Registration> {
    let reg: Registration = diesel::insert_into(registrations::table)
        .values((
            registrations::cycle_id.eq(cycle_id),
            registrations::first_name.eq(&who.first_name),
            registrations::last_name.eq(&who.last_name),
            registrations::email.eq(who.email.as_str()),
            registrations::email_normalised.eq(who.email.normalised()),
            registrations::phone.eq(&who.phone),
            registrations::institution.eq(&who.institution),
            registrations::institution_type.eq(who.institution_type.as_str()),
            registrations::position.eq(&who.position),
            registrations::region.eq(&who.region),
            registrations::country.eq(&who.country),
            registrations::language.eq(who.language.as_str()),
            registrations::consent_at.eq(to_db(now)),
            registrations::consent_version.eq(&who.consent_version),
            registrations::status.eq(status.as_str()),
            registrations::token_nonce.eq(token_nonce),
            registrations::registered_at.eq(to_db(now)),
            registrations::confirmed_at.eq(None::<chrono::NaiveDateTime>),
            registrations::hold_expires_at.eq(hold_until.map(to_db)),
            registrations::status_changed_at.eq(to_db(now)),
        ))
        .returning(registrations::all_columns)
        .get_result(conn)?;
    // In the same transaction: answers exist exactly when the registration does.
    super::answers::save(conn, reg.id, &who.answers)?;
    Ok(reg)
}

/// Takes one seat. The caller holds the cycle lock and the domain said there
/// is a free one; the condition is the database's own guard against a bug.
fn take_seat(conn: &mut AnyConnection, cycle_id: i32) -> DbResult<()> {
    let taken = diesel::update(cycles_t::table.find(cycle_id))
        .filter(cycles_t::seats_taken.lt(cycles_t::capacity))
        .set(cycles_t::seats_taken.eq(cycles_t::seats_taken + 1))
        .execute(conn)?;
    if taken == 1 {
        Ok(())
    } else {
        Err(DbError::Invariant("a seat was decided but none is free"))
    }
}

fn set_status(
    conn: &mut AnyConnection,
    id: i32,
    status: Status,
    now: DateTime<Utc>,
) -> DbResult<()> {
    diesel::update(registrations::table.find(id))
        .set((
            registrations::status.eq(status.as_str()),
            registrations::status_changed_at.eq(to_db(now)),
        ))
        .execute(conn)?;
    Ok(())
}

fn release_seat(conn: &mut AnyConnection, cycle_id: i32) -> DbResult<()> {
    diesel::update(cycles_t::table.find(cycle_id))
        .filter(cycles_t::seats_taken.gt(0))
        .set(cycles_t::seats_taken.eq(cycles_t::seats_taken - 1))
        .execute(conn)?;
    Ok(())
}

/// Rule 3: fill free seats from the waitlist, earliest first, until the first
/// session starts. The caller holds the cycle lock. Returns who was promoted.
pub fn promote(conn: &mut AnyConnection, cycle_id: i32, now: DateTime<Utc>) -> DbResult<Vec<i32>> {
    let cycle = cycles::by_id(conn, cycle_id)?;
    let first_start = cycles::first_session_starts(conn, cycle_id)?;
    let waiting: Vec<Registration> = registrations::table
        .filter(registrations::cycle_id.eq(cycle_id))
        .filter(registrations::status.eq(Status::Waitlisted.as_str()))
        .order(registrations::id.asc())
        .limit(i64::from(seats::seats_left(
            cycle.capacity as u32,
            cycle.seats_taken as u32,
        )))
        .select(Registration::as_select())
        .load(conn)?;
    let n = seats::promotions(
        cycle.capacity as u32,
        cycle.seats_taken as u32,
        waiting.len() as u32,
        seats::promotion_open(now, first_start),
    );
    let mut promoted = Vec::new();
    for reg in waiting.into_iter().take(n as usize) {
        let reg = give_seat(conn, &cycle, &reg, now)?;
        notify(conn, Notice::Promoted, &reg, now)?;
        promoted.push(reg.id);
    }
    Ok(promoted)
}

/// Seats someone who was waiting (or is restored), under the cycle lock.
fn give_seat(
    conn: &mut AnyConnection,
    cycle: &Cycle,
    reg: &Registration,
    now: DateTime<Utc>,
) -> DbResult<Registration> {
    let Decision::Seat { status, hold_until } = registration::seat(
        cycle.require_email_confirmation,
        cycle.hold_hours as u32,
        reg.confirmed_at.map(from_db),
        now,
    ) else {
        return Err(DbError::Invariant("a seat was decided but none given"));
    };
    diesel::update(registrations::table.find(reg.id))
        .set((
            registrations::status.eq(status.as_str()),
            registrations::hold_expires_at.eq(hold_until.map(to_db)),
            registrations::status_changed_at.eq(to_db(now)),
        ))
        .execute(conn)?;
    take_seat(conn, cycle.id)?;
    super::choices::take_seats(conn, reg.id)?;
    existing(conn, reg.id)
}

/// A registration that must exist (the caller read it in this transaction).
fn existing(conn: &mut AnyConnection, id: i32) -> DbResult<Registration> {
    by_id(conn, id)?.ok_or(DbError::Invariant(
        "registration vanished inside its transaction",
    ))
}

#[derive(Debug, PartialEq, Eq)]
pub enum Changed {
    Done,
    /// The registration was already in the requested state; nothing changed.
    Unchanged,
    NotAllowed,
}

/// The participant confirms their address (a POST from their page).
pub fn confirm(conn: &mut AnyConnection, reg_id: i32, now: DateTime<Utc>) -> DbResult<Changed> {
    let Some(reg) = by_id(conn, reg_id)? else {
        return Ok(Changed::NotAllowed);
    };
    cycles::lock(conn, reg.cycle_id)?;
    // Decide on the row as it is under the lock: an expiry, a cancellation or
    // a promotion may have happened since the first read.
    let reg = existing(conn, reg_id)?;
    let status = reg.status();
    if reg.confirmed_at.is_some() && status != Status::Pending {
        return Ok(Changed::Unchanged);
    }
    if matches!(status, Status::Cancelled | Status::Expired) {
        return Ok(Changed::NotAllowed);
    }
    let new_status = if status == Status::Pending {
        Status::Confirmed
    } else {
        status
    };
    diesel::update(registrations::table.find(reg.id))
        .filter(registrations::status.eq(status.as_str()))
        .set((
            registrations::confirmed_at.eq(Some(to_db(now))),
            registrations::status.eq(new_status.as_str()),
            registrations::hold_expires_at.eq(None::<chrono::NaiveDateTime>),
            registrations::status_changed_at.eq(to_db(now)),
        ))
        .execute(conn)?;
    Ok(Changed::Done)
}

/// Gives a seat (or a waitlist place) back, then promotes from the waitlist.
pub fn cancel(conn: &mut AnyConnection, reg_id: i32, now: DateTime<Utc>) -> DbResult<Changed> {
    let Some(reg) = by_id(conn, reg_id)? else {
        return Ok(Changed::NotAllowed);
    };
    let cycle = cycles::lock(conn, reg.cycle_id)?;
    let reg = existing(conn, reg_id)?;
    let status = reg.status();
    if matches!(status, Status::Cancelled | Status::Expired) {
        return Ok(Changed::Unchanged);
    }
    set_status(conn, reg.id, Status::Cancelled, now)?;
    if status.holds_seat() {
        release_seat(conn, cycle.id)?;
        super::choices::release_seats(conn, reg.id)?;
    }
    notify(conn, Notice::Cancelled, &reg, now)?;
    promote(conn, cycle.id, now)?;
    Ok(Changed::Done)
}

/// An organiser puts a cancelled or expired registration back: a free seat if
/// there is one, otherwise the waitlist at its original arrival place.
pub fn restore(conn: &mut AnyConnection, reg_id: i32, now: DateTime<Utc>) -> DbResult<Changed> {
    let Some(reg) = by_id(conn, reg_id)? else {
        return Ok(Changed::NotAllowed);
    };
    let cycle = cycles::lock(conn, reg.cycle_id)?;
    let reg = existing(conn, reg_id)?;
    if !matches!(reg.status(), Status::Cancelled | Status::Expired) {
        return Ok(Changed::Unchanged);
    }
    let address = registration::original_key(&reg.email_normalised).to_string();
    if address != reg.email_normalised {
        // It gave way to a newer registration of the same address: while
        // that one exists, this one cannot come back beside it.
        let newer: i64 = registrations::table
            .filter(registrations::cycle_id.eq(reg.cycle_id))
            .filter(registrations::email_normalised.eq(&address))
            .count()
            .get_result(conn)?;
        if newer > 0 {
            return Ok(Changed::NotAllowed);
        }
        diesel::update(registrations::table.find(reg.id))
            .set(registrations::email_normalised.eq(&address))
            .execute(conn)?;
    }
    let promotion_open = seats::promotion_open(now, cycles::first_session_starts(conn, cycle.id)?);
    // Not waitlisted itself (cancelled or expired): these all arrived earlier.
    let earlier_waiting = waiting_through(conn, cycle.id, reg.id)?;
    if registration::restore_gives_seat(
        cycle.seats_taken < cycle.capacity,
        promotion_open,
        earlier_waiting > 0,
    ) {
        let reg = give_seat(conn, &cycle, &reg, now)?;
        notify(conn, Notice::Promoted, &reg, now)?;
    } else {
        set_status(conn, reg.id, Status::Waitlisted, now)?;
    }
    Ok(Changed::Done)
}

/// Rule 4: unconfirmed seats whose hold ran out become `expired`, and their
/// seats go to the waitlist. Run by a background task with the app's clock.
pub fn expire_holds(conn: &mut AnyConnection, now: DateTime<Utc>) -> DbResult<usize> {
    let due: Vec<(i32, i32)> = registrations::table
        .filter(registrations::status.eq(Status::Pending.as_str()))
        .filter(registrations::hold_expires_at.le(to_db(now)))
        .select((registrations::id, registrations::cycle_id))
        .order(registrations::id.asc())
        .load(conn)?;
    let mut expired = 0;
    for (id, cycle_id) in due {
        cycles::lock(conn, cycle_id)?;
        // Re-read under the lock: the participant may have confirmed meanwhile.
        let Some(reg) = by_id(conn, id)? else {
            continue;
        };
        if reg.status() != Status::Pending {
            continue;
        }
        set_status(conn, id, Status::Expired, now)?;
        release_seat(conn, cycle_id)?;
        super::choices::release_seats(conn, id)?;
        notify(conn, Notice::Expired, &reg, now)?;
        promote(conn, cycle_id, now)?;
        expired += 1;
    }
    Ok(expired)
}

#[derive(Debug, PartialEq, Eq)]
pub enum CapacityChange {
    Changed { promoted: usize },
    BelowTaken(u32),
}

pub fn set_capacity(
    conn: &mut AnyConnection,
    cycle_id: i32,
    capacity: u32,
    now: DateTime<Utc>,
) -> DbResult<CapacityChange> {
    let cycle = cycles::lock(conn, cycle_id)?;
    if let Err(e) = seats::check_new_capacity(capacity, cycle.seats_taken as u32) {
        return Ok(CapacityChange::BelowTaken(e.taken));
    }
    diesel::update(cycles_t::table.find(cycle_id))
        .set((
            cycles_t::capacity.eq(capacity as i32),
            cycles_t::updated_at.eq(to_db(now)),
        ))
        .execute(conn)?;
    let promoted = promote(conn, cycle_id, now)?;
    Ok(CapacityChange::Changed {
        promoted: promoted.len(),
    })
}

/// Filters of the organiser's registration list.
#[derive(Debug, Default, Clone)]
pub struct Filter {
    pub status: Option<Status>,
    pub search: Option<String>,
    /// By surname in Latvian order; otherwise in registration order.
    pub by_name: bool,
}

pub fn list(
    conn: &mut AnyConnection,
    cycle_id: i32,
    filter: &Filter,
) -> DbResult<Vec<Registration>> {
    let mut q = registrations::table
        .filter(registrations::cycle_id.eq(cycle_id))
        .select(Registration::as_select())
        .order(registrations::id.asc())
        .into_boxed();
    if let Some(s) = filter.status {
        q = q.filter(registrations::status.eq(s.as_str()));
    }
    if let Some(term) = filter
        .search
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
    {
        // Compared folded (lower case, no accents) on both sides, so
        // "berzina" finds "Bērziņa" and "ŪDRE" finds "Ūdre"; user wildcards
        // are escaped.
        let escaped = crate::domain::text::fold(term)
            .replace('\\', "\\\\")
            .replace('%', "\\%")
            .replace('_', "\\_");
        let pattern = format!("%{escaped}%");
        q = q.filter(
            super::cohort_fold(registrations::first_name)
                .like(pattern.clone())
                .escape('\\')
                .or(super::cohort_fold(registrations::last_name)
                    .like(pattern.clone())
                    .escape('\\'))
                .or(super::cohort_fold(registrations::institution)
                    .like(pattern.clone())
                    .escape('\\'))
                .or(super::cohort_fold(registrations::email_normalised)
                    .like(pattern)
                    .escape('\\')),
        );
    }
    let mut rows = q.load(conn)?;
    if filter.by_name {
        crate::domain::text::sort_by_name(&mut rows, |r: &Registration| {
            (r.last_name.as_str(), r.first_name.as_str())
        });
    }
    Ok(rows)
}

pub fn waitlist(conn: &mut AnyConnection, cycle_id: i32) -> DbResult<Vec<Registration>> {
    list(
        conn,
        cycle_id,
        &Filter {
            status: Some(Status::Waitlisted),
            search: None,
            by_name: false,
        },
    )
}

/// The ids of everyone holding a seat in a cycle (pending or confirmed), in
/// registration order: who is reminded of and told about its sessions.
pub fn seat_holders(conn: &mut AnyConnection, cycle_id: i32) -> DbResult<Vec<i32>> {
    Ok(registrations::table
        .filter(registrations::cycle_id.eq(cycle_id))
        .filter(
            registrations::status.eq_any([Status::Pending.as_str(), Status::Confirmed.as_str()]),
        )
        .order(registrations::id.asc())
        .select(registrations::id)
        .load(conn)?)
}
