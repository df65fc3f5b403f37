//! Registrations: the seat grab, the waitlist, confirmation, cancellation,
//! expiry. Every function here runs inside the caller's transaction and
//! changes seats only after `cycles::lock`, so the rules of `domain::seats`
//! hold under any number of concurrent requests and server processes.

use chrono::{DateTime, Duration, Utc};
use diesel::prelude::*;

use super::cycles;
use super::models::{Cycle, NewOutboxMessage, Registration, Session};
use super::schema::{cycles as cycles_t, outbox, registrations};
use super::{from_db, to_db, AnyConnection, DbResult};
use crate::domain::seats::{self, Placement, Refusal};
use crate::domain::{Email, InstitutionType, Language, Status};

/// A registration form that has passed validation.
#[derive(Debug, Clone)]
pub struct Applicant {
    pub first_name: String,
    pub last_name: String,
    pub email: Email,
    pub phone: String,
    pub institution: String,
    pub institution_type: InstitutionType,
    pub position: String,
    pub region: String,
    pub country: String,
    pub language: Language,
    pub consent_version: String,
}

/// Why a message is sent; the mail module renders each in the participant's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Notice {
    Seated,
    Waitlisted {
        position: u32,
    },
    /// Someone registered again with the same address: send the link again.
    LinkAgain,
    Promoted,
    Cancelled,
    Expired,
    GrantEligible,
}

impl Notice {
    pub fn kind(self) -> &'static str {
        match self {
            Notice::Seated => "seated",
            Notice::Waitlisted { .. } => "waitlisted",
            Notice::LinkAgain => "link_again",
            Notice::Promoted => "promoted",
            Notice::Cancelled => "cancelled",
            Notice::Expired => "expired",
            Notice::GrantEligible => "grant_eligible",
        }
    }
}

/// Renders an outbox message. Implemented by the mail module, so the database
/// layer can write the message in the same transaction without knowing mail.
pub trait Compose: Send + Sync {
    fn compose(
        &self,
        notice: Notice,
        cycle: &Cycle,
        sessions: &[Session],
        reg: &Registration,
        now: DateTime<Utc>,
    ) -> NewOutboxMessage;
}

#[derive(Debug)]
pub enum Registered {
    Seated(Registration),
    Waitlisted(Registration, u32),
    /// Already registered: nothing changed, the link was sent again.
    AlreadyRegistered(Registration),
    Refused(Refusal),
}

pub fn enqueue(conn: &mut AnyConnection, msg: NewOutboxMessage) -> DbResult<()> {
    diesel::insert_into(outbox::table)
        .values(msg)
        .execute(conn)?;
    Ok(())
}

fn notify(
    conn: &mut AnyConnection,
    mail: &dyn Compose,
    notice: Notice,
    cycle: &Cycle,
    reg: &Registration,
    now: DateTime<Utc>,
) -> DbResult<()> {
    let sessions = cycles::sessions_of(conn, cycle.id)?;
    enqueue(conn, mail.compose(notice, cycle, &sessions, reg, now))
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

pub fn by_id(conn: &mut AnyConnection, id: i32) -> DbResult<Option<Registration>> {
    Ok(registrations::table
        .find(id)
        .select(Registration::as_select())
        .first(conn)
        .optional()?)
}

fn waiting_count(conn: &mut AnyConnection, cycle_id: i32) -> DbResult<i64> {
    Ok(registrations::table
        .filter(registrations::cycle_id.eq(cycle_id))
        .filter(registrations::status.eq(Status::Waitlisted.as_str()))
        .count()
        .get_result(conn)?)
}

/// Position on the waitlist, counted from 1, in arrival order.
pub fn waitlist_position(conn: &mut AnyConnection, reg: &Registration) -> DbResult<u32> {
    let ahead: i64 = registrations::table
        .filter(registrations::cycle_id.eq(reg.cycle_id))
        .filter(registrations::status.eq(Status::Waitlisted.as_str()))
        .filter(registrations::id.le(reg.id))
        .count()
        .get_result(conn)?;
    Ok(ahead as u32)
}

/// Rule 1–5 for one submission. `sessions` are the cycle's, read by the
/// caller before the transaction: they do not change under a rush, and every
/// read less is a round trip less while the cycle row is locked. The seat is taken first in the transaction:
/// on PostgreSQL the conditional update holds the cycle row's lock until commit.
pub fn register(
    conn: &mut AnyConnection,
    cycle: &Cycle,
    sessions: &[Session],
    who: &Applicant,
    token_nonce: &str,
    now: DateTime<Utc>,
    mail: &dyn Compose,
) -> DbResult<Registered> {
    if let Some(existing) = by_email(conn, cycle.id, &who.email)? {
        // One reminder per ten minutes at most, so a stranger who knows the
        // address cannot flood the participant's inbox.
        let key = format!("link-again:{}:{}", existing.id, now.timestamp() / 600);
        if !super::outbox::exists(conn, &key)? {
            let mut msg = mail.compose(Notice::LinkAgain, cycle, sessions, &existing, now);
            msg.dedupe_key = Some(key);
            enqueue(conn, msg)?;
        }
        return Ok(Registered::AlreadyRegistered(existing));
    }
    let window = cycle.window_state(now);
    if window != crate::domain::window::WindowState::Open {
        return Ok(Registered::Refused(
            if window == crate::domain::window::WindowState::Closed {
                Refusal::Closed
            } else {
                Refusal::NotYetOpen
            },
        ));
    }
    let grabbed = diesel::update(cycles_t::table.find(cycle.id))
        .filter(cycles_t::seats_taken.lt(cycles_t::capacity))
        .set(cycles_t::seats_taken.eq(cycles_t::seats_taken + 1))
        .execute(conn)?
        == 1;
    // With a seat, the cycle's settings as read are all that is needed. Without
    // one there is no lock yet: take it, and decide on what the locked row says
    // (a seat may have freed meanwhile).
    let cycle = if grabbed {
        cycle.clone()
    } else {
        cycles::lock(conn, cycle.id)?
    };
    let mut placement = if grabbed {
        Placement::Seat
    } else {
        match seats::place(
            window,
            cycle.capacity as u32,
            cycle.seats_taken as u32,
            cycle.waitlist,
        ) {
            Ok(p) => p,
            Err(r) => return Ok(Registered::Refused(r)),
        }
    };
    // While promotion runs, nobody waits while a seat is free; after the first
    // session starts it stops, and then a newcomer must not jump the queue.
    let first_start = sessions.iter().map(|s| from_db(s.starts_at)).min();
    let promotion_stopped = !seats::promotion_open(now, first_start);
    if placement == Placement::Seat
        && cycle.waitlist
        && promotion_stopped
        && waiting_count(conn, cycle.id)? > 0
    {
        // Someone is already waiting (promotion has stopped, as the first
        // session started): nobody jumps the queue.
        placement = Placement::Waitlist;
        if grabbed {
            release_seat(conn, cycle.id)?;
        }
    } else if placement == Placement::Seat && !grabbed {
        let taken = diesel::update(cycles_t::table.find(cycle.id))
            .filter(cycles_t::seats_taken.lt(cycles_t::capacity))
            .set(cycles_t::seats_taken.eq(cycles_t::seats_taken + 1))
            .execute(conn)?;
        debug_assert_eq!(taken, 1, "a free seat under the lock");
    }
    let status = match placement {
        Placement::Seat => seats::seated_status(cycle.require_email_confirmation),
        Placement::Waitlist => Status::Waitlisted,
    };
    let hold = (status == Status::Pending)
        .then(|| to_db(now + Duration::hours(i64::from(cycle.hold_hours))));
    let reg: Registration = diesel::insert_into(registrations::table)
        .values((
            registrations::cycle_id.eq(cycle.id),
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
            registrations::hold_expires_at.eq(hold),
            registrations::status_changed_at.eq(to_db(now)),
        ))
        .returning(registrations::all_columns)
        .get_result(conn)?;
    match placement {
        Placement::Seat => {
            enqueue(
                conn,
                mail.compose(Notice::Seated, &cycle, sessions, &reg, now),
            )?;
            Ok(Registered::Seated(reg))
        }
        Placement::Waitlist => {
            let position = waitlist_position(conn, &reg)?;
            let notice = Notice::Waitlisted { position };
            enqueue(conn, mail.compose(notice, &cycle, sessions, &reg, now))?;
            Ok(Registered::Waitlisted(reg, position))
        }
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
pub fn promote(
    conn: &mut AnyConnection,
    cycle_id: i32,
    now: DateTime<Utc>,
    mail: &dyn Compose,
) -> DbResult<Vec<i32>> {
    let cycle = cycles::by_id(conn, cycle_id)?;
    let sessions = cycles::sessions_of(conn, cycle_id)?;
    let first_start = sessions.iter().map(|s| from_db(s.starts_at)).min();
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
        enqueue(
            conn,
            mail.compose(Notice::Promoted, &cycle, &sessions, &reg, now),
        )?;
        promoted.push(reg.id);
    }
    Ok(promoted)
}

/// Seats someone who was waiting (or is restored), under the cycle lock.
/// Someone who already confirmed their address needs no hold.
fn give_seat(
    conn: &mut AnyConnection,
    cycle: &Cycle,
    reg: &Registration,
    now: DateTime<Utc>,
) -> DbResult<Registration> {
    let status = if reg.confirmed_at.is_some() {
        Status::Confirmed
    } else {
        seats::seated_status(cycle.require_email_confirmation)
    };
    let hold = (status == Status::Pending)
        .then(|| to_db(now + Duration::hours(i64::from(cycle.hold_hours))));
    diesel::update(registrations::table.find(reg.id))
        .set((
            registrations::status.eq(status.as_str()),
            registrations::hold_expires_at.eq(hold),
            registrations::status_changed_at.eq(to_db(now)),
        ))
        .execute(conn)?;
    diesel::update(cycles_t::table.find(cycle.id))
        .set(cycles_t::seats_taken.eq(cycles_t::seats_taken + 1))
        .execute(conn)?;
    Ok(by_id(conn, reg.id)?.expect("row updated above"))
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
    let reg = by_id(conn, reg_id)?.expect("exists");
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
pub fn cancel(
    conn: &mut AnyConnection,
    reg_id: i32,
    now: DateTime<Utc>,
    mail: &dyn Compose,
) -> DbResult<Changed> {
    let Some(reg) = by_id(conn, reg_id)? else {
        return Ok(Changed::NotAllowed);
    };
    let cycle = cycles::lock(conn, reg.cycle_id)?;
    let reg = by_id(conn, reg_id)?.expect("exists");
    let status = reg.status();
    if matches!(status, Status::Cancelled | Status::Expired) {
        return Ok(Changed::Unchanged);
    }
    set_status(conn, reg.id, Status::Cancelled, now)?;
    if status.holds_seat() {
        release_seat(conn, cycle.id)?;
    }
    let reg = by_id(conn, reg_id)?.expect("exists");
    notify(conn, mail, Notice::Cancelled, &cycle, &reg, now)?;
    promote(conn, cycle.id, now, mail)?;
    Ok(Changed::Done)
}

/// An organiser puts a cancelled or expired registration back: a free seat if
/// there is one, otherwise the waitlist at its original arrival place.
pub fn restore(
    conn: &mut AnyConnection,
    reg_id: i32,
    now: DateTime<Utc>,
    mail: &dyn Compose,
) -> DbResult<Changed> {
    let Some(reg) = by_id(conn, reg_id)? else {
        return Ok(Changed::NotAllowed);
    };
    let cycle = cycles::lock(conn, reg.cycle_id)?;
    let reg = by_id(conn, reg_id)?.expect("exists");
    if !matches!(reg.status(), Status::Cancelled | Status::Expired) {
        return Ok(Changed::Unchanged);
    }
    if cycle.seats_taken < cycle.capacity {
        let reg = give_seat(conn, &cycle, &reg, now)?;
        notify(conn, mail, Notice::Promoted, &cycle, &reg, now)?;
    } else {
        set_status(conn, reg.id, Status::Waitlisted, now)?;
    }
    Ok(Changed::Done)
}

/// Rule 4: unconfirmed seats whose hold ran out become `expired`, and their
/// seats go to the waitlist. Run by a background task with the app's clock.
pub fn expire_holds(
    conn: &mut AnyConnection,
    now: DateTime<Utc>,
    mail: &dyn Compose,
) -> DbResult<usize> {
    let due: Vec<(i32, i32)> = registrations::table
        .filter(registrations::status.eq(Status::Pending.as_str()))
        .filter(registrations::hold_expires_at.le(to_db(now)))
        .select((registrations::id, registrations::cycle_id))
        .order(registrations::id.asc())
        .load(conn)?;
    let mut expired = 0;
    for (id, cycle_id) in due {
        let cycle = cycles::lock(conn, cycle_id)?;
        // Re-read under the lock: the participant may have confirmed meanwhile.
        let Some(reg) = by_id(conn, id)? else {
            continue;
        };
        if reg.status() != Status::Pending {
            continue;
        }
        set_status(conn, id, Status::Expired, now)?;
        release_seat(conn, cycle_id)?;
        let reg = by_id(conn, id)?.expect("exists");
        notify(conn, mail, Notice::Expired, &cycle, &reg, now)?;
        promote(conn, cycle_id, now, mail)?;
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
    mail: &dyn Compose,
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
    let promoted = promote(conn, cycle_id, now, mail)?;
    Ok(CapacityChange::Changed {
        promoted: promoted.len(),
    })
}

/// Filters of the organiser's registration list.
#[derive(Debug, Default, Clone)]
pub struct Filter {
    pub status: Option<Status>,
    pub search: Option<String>,
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
        // LIKE is case-sensitive on PostgreSQL for non-ASCII too, so match on
        // lowercase copies; user wildcards are escaped.
        let escaped = term
            .to_lowercase()
            .replace('\\', "\\\\")
            .replace('%', "\\%")
            .replace('_', "\\_");
        let pattern = format!("%{escaped}%");
        q = q.filter(
            super::lower(registrations::first_name)
                .like(pattern.clone())
                .escape('\\')
                .or(super::lower(registrations::last_name)
                    .like(pattern.clone())
                    .escape('\\'))
                .or(super::lower(registrations::institution)
                    .like(pattern.clone())
                    .escape('\\'))
                .or(registrations::email_normalised.like(pattern).escape('\\')),
        );
    }
    Ok(q.load(conn)?)
}

pub fn waitlist(conn: &mut AnyConnection, cycle_id: i32) -> DbResult<Vec<Registration>> {
    list(
        conn,
        cycle_id,
        &Filter {
            status: Some(Status::Waitlisted),
            search: None,
        },
    )
}
