//! After each session: which sessions owe their progress emails, and writing
//! them once per session, whichever server process gets there first.

use chrono::{DateTime, Duration, Utc};
use diesel::dsl::exists;
use diesel::prelude::*;

use super::models::{Cycle, Session};
use super::schema::{attendance, cycles, sessions};
use super::{outbox, to_db, AnyConnection, DbResult};
use crate::domain::eligibility::Standing;
use crate::domain::progress::{self, Tell};
use crate::domain::registration::Notice;

/// A session that ended and whose progress emails are not yet written.
pub struct Ended {
    pub session: Session,
    pub cycle: Cycle,
    /// When the cycle's next session starts, if there is one.
    pub next_starts: Option<DateTime<Utc>>,
    /// Whether any attendance of the session has been recorded.
    pub attendance_recorded: bool,
}

/// Sessions that ended between a week and the grace ago, in cycles that send
/// progress emails, not yet told.
pub fn ended(conn: &mut AnyConnection, now: DateTime<Utc>) -> DbResult<Vec<Ended>> {
    let found: Vec<(Session, Cycle)> = sessions::table
        .inner_join(cycles::table)
        .filter(cycles::progress_emails.eq(true))
        .filter(sessions::progress_told_at.is_null())
        .filter(sessions::ends_at.le(to_db(now - Duration::hours(progress::GRACE_HOURS))))
        .filter(sessions::ends_at.gt(to_db(now - Duration::days(progress::STALE_DAYS))))
        .order(sessions::ends_at.asc())
        .select((Session::as_select(), Cycle::as_select()))
        .load(conn)?;
    let mut out = Vec::with_capacity(found.len());
    for (session, cycle) in found {
        let next_starts = sessions::table
            .filter(sessions::cycle_id.eq(session.cycle_id))
            .filter(sessions::starts_at.gt(session.starts_at))
            .select(diesel::dsl::min(sessions::starts_at))
            .first::<Option<chrono::NaiveDateTime>>(conn)?
            .map(|t| t.and_utc());
        let attendance_recorded = diesel::select(exists(
            attendance::table.filter(attendance::session_id.eq(session.id)),
        ))
        .get_result(conn)?;
        out.push(Ended {
            session,
            cycle,
            next_starts,
            attendance_recorded,
        });
    }
    Ok(out)
}

/// How many were told after one session.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Told {
    pub still_possible: usize,
    pub no_longer_possible: usize,
}

/// Writes the progress emails of `session` for its cycle's confirmed
/// participants who still want them, in the caller's transaction. The
/// conditional update lets exactly one caller do it; the others get `None`.
pub fn write(
    conn: &mut AnyConnection,
    session: &Session,
    cycle: &Cycle,
    now: DateTime<Utc>,
) -> DbResult<Option<Told>> {
    let claimed = diesel::update(sessions::table.find(session.id))
        .filter(sessions::progress_told_at.is_null())
        .set(sessions::progress_told_at.eq(Some(to_db(now))))
        .execute(conn)?;
    if claimed == 0 {
        return Ok(None);
    }
    let all = super::cycles::sessions_of(conn, cycle.id)?;
    let choices = super::choices::of_cycle(conn, cycle.id)?;
    let has_outcome = cycle.outcome().earns_something();
    let mut told = Told::default();
    for row in super::attendance::matrix(conn, cycle.id)? {
        if !row.registration.progress_emails {
            continue;
        }
        // With tracks, over this person's own sessions only.
        let chosen = choices
            .get(&row.registration.id)
            .map_or(&[][..], Vec::as_slice);
        let ends: Vec<(i32, DateTime<Utc>)> = super::choices::own_sessions(all.clone(), chosen)
            .iter()
            .map(|s| (s.id, s.ends_at.and_utc()))
            .collect();
        let standing = Standing::of(&ends, &row.present, cycle.min_sessions as u32, now);
        let notice = match progress::tell(has_outcome, standing.verdict) {
            Tell::Nothing => continue,
            Tell::StillPossible => Notice::Progress {
                session_id: session.id,
            },
            Tell::NoLongerPossible => Notice::ProgressLost {
                session_id: session.id,
            },
        };
        if outbox::enqueue(conn, row.registration.id, notice, now)? {
            match notice {
                Notice::Progress { .. } => told.still_possible += 1,
                _ => told.no_longer_possible += 1,
            }
        }
    }
    Ok(Some(told))
}

/// A participant stops (or restarts) the emails about their progress.
pub fn set_wanted(conn: &mut AnyConnection, reg_id: i32, wanted: bool) -> DbResult<bool> {
    use super::schema::registrations;
    let changed = diesel::update(registrations::table.find(reg_id))
        .filter(registrations::progress_emails.ne(wanted))
        .set(registrations::progress_emails.eq(wanted))
        .execute(conn)?;
    Ok(changed > 0)
}
