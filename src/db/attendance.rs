//! Attendance per registration and session. Every change writes an audit
//! row (who, when, before, after, source): attendance decides money, so
//! "why is this person not eligible" must always have an answer.

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, Utc};
use diesel::prelude::*;

use super::models::{Attendance, AuditEntry, Registration};
use super::schema::{attendance, attendance_audit, attendance_imports, registrations};
use super::{to_db, AnyConnection, DbResult};
use crate::domain::text::sort_by_name;
use crate::domain::Status;

pub use crate::domain::AttendanceSource as Source;

/// Who changed what, and how.
#[derive(Debug, Clone)]
pub struct Change {
    pub source: Source,
    pub by: Option<i32>,
    pub at: DateTime<Utc>,
    pub note: Option<String>,
}

/// Sessions (ids) a registration was present at.
pub fn present_sessions(conn: &mut AnyConnection, reg_id: i32) -> DbResult<Vec<i32>> {
    Ok(attendance::table
        .filter(attendance::registration_id.eq(reg_id))
        .filter(attendance::present.eq(true))
        .select(attendance::session_id)
        .load(conn)?)
}

/// How many of a cycle's registrations are confirmed (who may be marked).
pub fn confirmed_count(conn: &mut AnyConnection, cycle_id: i32) -> DbResult<i64> {
    Ok(registrations::table
        .filter(registrations::cycle_id.eq(cycle_id))
        .filter(registrations::status.eq(Status::Confirmed.as_str()))
        .count()
        .get_result(conn)?)
}

/// Everyone confirmed in a cycle, by name in Latvian order.
pub fn confirmed(conn: &mut AnyConnection, cycle_id: i32) -> DbResult<Vec<Registration>> {
    let mut people: Vec<Registration> = registrations::table
        .filter(registrations::cycle_id.eq(cycle_id))
        .filter(registrations::status.eq(Status::Confirmed.as_str()))
        .order((
            registrations::last_name.asc(),
            registrations::first_name.asc(),
            registrations::id.asc(),
        ))
        .select(Registration::as_select())
        .load(conn)?;
    sort_by_name(&mut people, |r| {
        (r.last_name.as_str(), r.first_name.as_str())
    });
    Ok(people)
}

/// The roster of one session: every confirmed participant and their row, if any.
pub fn roster(
    conn: &mut AnyConnection,
    cycle_id: i32,
    session_id: i32,
) -> DbResult<Vec<(Registration, Option<Attendance>)>> {
    let mut people = confirmed(conn, cycle_id)?;
    // An alternative's roster lists only those who chose it (issue 10).
    let session: super::models::Session = super::schema::sessions::table
        .find(session_id)
        .select(super::models::Session::as_select())
        .first(conn)?;
    if let Some(choosers) = super::choices::attendees(conn, &session)? {
        people.retain(|r| choosers.contains(&r.id));
    }
    let rows: HashMap<i32, Attendance> = attendance::table
        .filter(attendance::session_id.eq(session_id))
        .select(Attendance::as_select())
        .load(conn)?
        .into_iter()
        .map(|a| (a.registration_id, a))
        .collect();
    Ok(people
        .into_iter()
        .map(|r| {
            let a = rows.get(&r.id).cloned();
            (r, a)
        })
        .collect())
}

/// Sets one mark. Returns whether anything changed; an unchanged mark writes
/// nothing, so saving or importing the same thing twice is a no-op.
pub fn set(
    conn: &mut AnyConnection,
    reg_id: i32,
    session_id: i32,
    present: bool,
    minutes: Option<i32>,
    change: &Change,
) -> DbResult<bool> {
    if present && !super::choices::may_attend(conn, reg_id, session_id)? {
        // Issue 10: an alternative counts only for those who chose it.
        return Ok(false);
    }
    write_mark(conn, reg_id, session_id, present, minutes, change)
}

/// `set` for a caller that already knows the participant may attend the
/// session (a roster lists only them): no per-row check of their choices.
fn write_mark(
    conn: &mut AnyConnection,
    reg_id: i32,
    session_id: i32,
    present: bool,
    minutes: Option<i32>,
    change: &Change,
) -> DbResult<bool> {
    let status: Option<String> = registrations::table
        .find(reg_id)
        .select(registrations::status)
        .first(conn)
        .optional()?;
    if status.as_deref() != Some(Status::Confirmed.as_str()) {
        // Rule 6: only confirmed registrations can be marked present.
        return Ok(false);
    }
    let existing: Option<Attendance> = attendance::table
        .filter(attendance::registration_id.eq(reg_id))
        .filter(attendance::session_id.eq(session_id))
        .select(Attendance::as_select())
        .first(conn)
        .optional()?;
    let minutes = minutes.or(existing.as_ref().and_then(|e| e.minutes));
    match &existing {
        Some(e) if e.present == present && e.minutes == minutes => return Ok(false),
        None if !present && minutes.is_none() => return Ok(false),
        _ => {}
    }
    let values = (
        attendance::present.eq(present),
        attendance::source.eq(change.source.as_str()),
        attendance::minutes.eq(minutes),
        attendance::recorded_by.eq(change.by),
        attendance::recorded_at.eq(to_db(change.at)),
    );
    match &existing {
        Some(e) => {
            diesel::update(attendance::table.find(e.id))
                .set(values)
                .execute(conn)?;
        }
        None => {
            diesel::insert_into(attendance::table)
                .values((
                    attendance::registration_id.eq(reg_id),
                    attendance::session_id.eq(session_id),
                    values,
                ))
                .execute(conn)?;
        }
    }
    diesel::insert_into(attendance_audit::table)
        .values((
            attendance_audit::registration_id.eq(reg_id),
            attendance_audit::session_id.eq(session_id),
            attendance_audit::changed_by.eq(change.by),
            attendance_audit::changed_at.eq(to_db(change.at)),
            attendance_audit::old_present.eq(existing.as_ref().map(|e| e.present)),
            attendance_audit::new_present.eq(present),
            attendance_audit::source.eq(change.source.as_str()),
            attendance_audit::minutes.eq(minutes),
            attendance_audit::note.eq(&change.note),
        ))
        .execute(conn)?;
    Ok(true)
}

/// Saves a roster: the ticked ids are present, every other confirmed
/// participant absent. Returns how many marks changed.
pub fn save_roster(
    conn: &mut AnyConnection,
    cycle_id: i32,
    session_id: i32,
    present: &[i32],
    change: &Change,
) -> DbResult<usize> {
    let mut changed = 0;
    for (reg, row) in roster(conn, cycle_id, session_id)? {
        let want = present.contains(&reg.id);
        let has = row.as_ref().is_some_and(|a| a.present);
        if want != has && write_mark(conn, reg.id, session_id, want, None, change)? {
            changed += 1;
        }
    }
    Ok(changed)
}

pub fn audit_of(conn: &mut AnyConnection, reg_id: i32) -> DbResult<Vec<AuditEntry>> {
    Ok(attendance_audit::table
        .filter(attendance_audit::registration_id.eq(reg_id))
        .order(attendance_audit::id.asc())
        .select(AuditEntry::as_select())
        .load(conn)?)
}

/// One row of the attendance matrix: a confirmed participant and the
/// session ids they attended.
pub struct MatrixRow {
    pub registration: Registration,
    pub present: Vec<i32>,
}

/// The whole matrix in one query (a left join), folded in order.
pub fn matrix(conn: &mut AnyConnection, cycle_id: i32) -> DbResult<Vec<MatrixRow>> {
    let rows: Vec<(Registration, Option<i32>)> = registrations::table
        .left_join(
            attendance::table.on(attendance::registration_id
                .eq(registrations::id)
                .and(attendance::present.eq(true))),
        )
        .filter(registrations::cycle_id.eq(cycle_id))
        .filter(registrations::status.eq(Status::Confirmed.as_str()))
        .order((
            registrations::last_name.asc(),
            registrations::first_name.asc(),
            registrations::id.asc(),
        ))
        .select((Registration::as_select(), attendance::session_id.nullable()))
        .load(conn)?;
    // Folded per registration id (the database orders by code point, so
    // rows of one person stay together); then sorted in Latvian order.
    let mut out: Vec<MatrixRow> = Vec::new();
    for (reg, session) in rows {
        match out.last_mut() {
            Some(last) if last.registration.id == reg.id => last.present.extend(session),
            _ => out.push(MatrixRow {
                registration: reg,
                present: session.into_iter().collect(),
            }),
        }
    }
    sort_by_name(&mut out, |r| {
        (
            r.registration.last_name.as_str(),
            r.registration.first_name.as_str(),
        )
    });
    Ok(out)
}

/// id, first_name, last_name, email, institution, sessions attended.
pub type AttendedCount = (i32, String, String, String, String, i64);

/// The eligibility list's numbers in one query, counted by the database.
pub fn attended_counts(conn: &mut AnyConnection, cycle_id: i32) -> DbResult<Vec<AttendedCount>> {
    let mut rows: Vec<AttendedCount> = registrations::table
        .left_join(
            attendance::table.on(attendance::registration_id
                .eq(registrations::id)
                .and(attendance::present.eq(true))),
        )
        .filter(registrations::cycle_id.eq(cycle_id))
        .filter(registrations::status.eq(Status::Confirmed.as_str()))
        .group_by(registrations::id)
        .order((
            registrations::last_name.asc(),
            registrations::first_name.asc(),
            registrations::id.asc(),
        ))
        .select((
            registrations::id,
            registrations::first_name,
            registrations::last_name,
            registrations::email,
            registrations::institution,
            diesel::dsl::count(attendance::id.nullable()),
        ))
        .load(conn)?;
    sort_by_name(&mut rows, |r| (r.2.as_str(), r.1.as_str()));
    Ok(rows)
}

/// Present count per session (id → count).
pub fn totals(conn: &mut AnyConnection, session_ids: &[i32]) -> DbResult<BTreeMap<i32, i64>> {
    let rows: Vec<(i32, i64)> = attendance::table
        .filter(attendance::session_id.eq_any(session_ids))
        .filter(attendance::present.eq(true))
        .group_by(attendance::session_id)
        .select((attendance::session_id, diesel::dsl::count_star()))
        .load(conn)?;
    Ok(rows.into_iter().collect())
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = attendance_imports)]
pub struct StoredImport {
    pub id: i32,
    pub session_id: i32,
    pub uploaded_by: Option<i32>,
    pub filename: String,
    pub content: Vec<u8>,
    pub uploaded_at: chrono::NaiveDateTime,
    pub applied_at: Option<chrono::NaiveDateTime>,
}

pub fn store_import(
    conn: &mut AnyConnection,
    session_id: i32,
    by: i32,
    filename: &str,
    content: &[u8],
    now: DateTime<Utc>,
) -> DbResult<i32> {
    Ok(diesel::insert_into(attendance_imports::table)
        .values((
            attendance_imports::session_id.eq(session_id),
            attendance_imports::uploaded_by.eq(Some(by)),
            attendance_imports::filename.eq(filename),
            attendance_imports::content.eq(content),
            attendance_imports::uploaded_at.eq(to_db(now)),
        ))
        .returning(attendance_imports::id)
        .get_result(conn)?)
}

pub fn load_import(
    conn: &mut AnyConnection,
    id: i32,
    session_id: i32,
) -> DbResult<Option<StoredImport>> {
    Ok(attendance_imports::table
        .filter(attendance_imports::id.eq(id))
        .filter(attendance_imports::session_id.eq(session_id))
        .select(StoredImport::as_select())
        .first(conn)
        .optional()?)
}

/// Forgets an applied upload: the report holds the names and addresses of
/// everyone in the meeting, and the audit rows keep what it changed.
pub fn delete_import(conn: &mut AnyConnection, id: i32) -> DbResult<()> {
    diesel::delete(attendance_imports::table.find(id)).execute(conn)?;
    Ok(())
}

/// Forgets uploads stored before `before` (previewed and never applied);
/// returns how many.
pub fn delete_imports_before(conn: &mut AnyConnection, before: DateTime<Utc>) -> DbResult<usize> {
    Ok(diesel::delete(
        attendance_imports::table.filter(attendance_imports::uploaded_at.lt(to_db(before))),
    )
    .execute(conn)?)
}

/// How many uploads are stored (for tests and the curious).
pub fn stored_import_count(conn: &mut AnyConnection) -> DbResult<i64> {
    Ok(attendance_imports::table.count().get_result(conn)?)
}

/// Registrations marked present at a session.
pub fn present_sessions_of_session(
    conn: &mut AnyConnection,
    session_id: i32,
) -> DbResult<Vec<i32>> {
    Ok(attendance::table
        .filter(attendance::session_id.eq(session_id))
        .filter(attendance::present.eq(true))
        .select(attendance::registration_id)
        .load(conn)?)
}
