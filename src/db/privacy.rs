//! The participant's data: everything held about one registration, and its
//! erasure (asked for by the participant, or at the end of the cycle's
//! retention period), recorded in `erasures`.

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;

use super::models::{Application, AuditEntry, Cycle, Registration, Session};
use super::schema::{
    attendance, attendance_audit, certificates, cycles, erasures, grant_applications,
    grant_attachments, grant_audit, outbox, registrations, sessions,
};
use super::{to_db, AnyConnection, DbResult};
use crate::domain::privacy::{erased_email, gives_back_place, ErasedBy};

/// Everything Cohort holds about one registration.
pub struct Held {
    pub registration: Registration,
    pub cycle: Cycle,
    pub sessions: Vec<Session>,
    /// (session id, present, source, minutes, recorded at)
    pub attendance: Vec<(i32, bool, String, Option<i32>, NaiveDateTime)>,
    pub audit: Vec<AuditEntry>,
    pub application: Option<Application>,
    pub attachment_name: Option<String>,
    pub certificate: Option<String>,
    /// (kind, written, sent)
    pub emails: Vec<(String, NaiveDateTime, Option<NaiveDateTime>)>,
    /// Answers to the cycle's own questions: (question key, stored value).
    pub answers: Vec<(String, String)>,
    pub questions: crate::domain::questions::Questions,
}

pub fn held(conn: &mut AnyConnection, reg_id: i32) -> DbResult<Option<Held>> {
    let Some((registration, cycle, sessions)) = super::registrations::with_cycle(conn, reg_id)?
    else {
        return Ok(None);
    };
    let attendance = attendance::table
        .filter(attendance::registration_id.eq(reg_id))
        .order(attendance::session_id.asc())
        .select((
            attendance::session_id,
            attendance::present,
            attendance::source,
            attendance::minutes,
            attendance::recorded_at,
        ))
        .load(conn)?;
    let audit = super::attendance::audit_of(conn, reg_id)?;
    let application = super::grants::of_registration(conn, reg_id)?;
    let attachment_name = match &application {
        Some(a) => grant_attachments::table
            .find(a.id)
            .select(grant_attachments::filename)
            .first(conn)
            .optional()?,
        None => None,
    };
    let certificate = super::grants::certificate_of(conn, reg_id)?;
    let emails = outbox::table
        .filter(outbox::registration_id.eq(reg_id))
        .order(outbox::id.asc())
        .select((outbox::kind, outbox::created_at, outbox::sent_at))
        .load(conn)?;
    let answers = super::answers::of_registration(conn, reg_id)?;
    let questions = super::answers::questions_of(conn, cycle.id)?;
    Ok(Some(Held {
        answers,
        questions,
        registration,
        cycle,
        sessions,
        attendance,
        audit,
        application,
        attachment_name,
        certificate,
        emails,
    }))
}

/// What one erasure removed, as `erasures.details` records it.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Erased {
    /// The seat or waitlist place given back with it.
    pub gave_back_place: bool,
    pub application_texts: bool,
    pub attachment: bool,
    pub certificate: bool,
    pub unsent_emails: usize,
    /// Answers to the cycle's own questions erased.
    pub answers: usize,
}

/// Erases a registration's personal data in the caller's transaction; `None`
/// when there is no such registration or it was erased before. At the
/// participant's request before the first session, the seat or waitlist
/// place is given back first (the next person is promoted as on a
/// cancellation); no email goes to the erased person after.
pub fn erase(
    conn: &mut AnyConnection,
    reg_id: i32,
    by: ErasedBy,
    nonce: &str,
    now: DateTime<Utc>,
) -> DbResult<Option<Erased>> {
    let Some(reg) = super::registrations::by_id(conn, reg_id)? else {
        return Ok(None);
    };
    if reg.erased_at.is_some() {
        return Ok(None);
    }
    let started =
        super::cycles::first_session_starts(conn, reg.cycle_id)?.is_some_and(|start| start <= now);
    let mut erased = Erased::default();
    if gives_back_place(by, started) {
        erased.gave_back_place =
            super::registrations::cancel(conn, reg_id, now)? == super::registrations::Changed::Done;
    }
    let placeholder = erased_email(reg_id);
    // Institution type, country and region stay for the statistics; what
    // names or reaches the person goes, and the link stops opening anything.
    let changed = diesel::update(registrations::table.find(reg_id))
        .filter(registrations::erased_at.is_null())
        .set((
            registrations::first_name.eq(""),
            registrations::last_name.eq(""),
            registrations::email.eq(&placeholder),
            registrations::email_normalised.eq(&placeholder),
            registrations::phone.eq(""),
            registrations::institution.eq(""),
            registrations::position.eq(""),
            registrations::token_nonce.eq(nonce),
            registrations::progress_emails.eq(false),
            registrations::erased_at.eq(Some(to_db(now))),
        ))
        .execute(conn)?;
    if changed == 0 {
        return Ok(None); // erased meanwhile by another process
    }
    erased.unsent_emails = diesel::delete(
        outbox::table
            .filter(outbox::registration_id.eq(reg_id))
            .filter(outbox::sent_at.is_null()),
    )
    .execute(conn)?;
    if let Some(application) = super::grants::of_registration(conn, reg_id)? {
        // The amounts, status and decision stay for the grant's audit.
        diesel::update(grant_applications::table.find(application.id))
            .set((
                grant_applications::title.eq(""),
                grant_applications::summary.eq(""),
                grant_applications::partners.eq(""),
                grant_applications::decision_comment.eq(None::<String>),
            ))
            .execute(conn)?;
        diesel::update(grant_audit::table.filter(grant_audit::application_id.eq(application.id)))
            .set(grant_audit::comment.eq(None::<String>))
            .execute(conn)?;
        erased.application_texts = true;
        erased.attachment =
            diesel::delete(grant_attachments::table.find(application.id)).execute(conn)? > 0;
    }
    // A printed certificate's code no longer names anyone.
    erased.certificate =
        diesel::delete(certificates::table.filter(certificates::registration_id.eq(reg_id)))
            .execute(conn)?
            > 0;
    erased.answers = super::answers::erase(conn, reg_id)?;
    // Reasons typed by organisers may name the person.
    diesel::update(attendance_audit::table.filter(attendance_audit::registration_id.eq(reg_id)))
        .set(attendance_audit::note.eq(None::<String>))
        .execute(conn)?;
    let details = serde_json::to_string(&erased)
        .map_err(|_| super::DbError::Invariant("an erasure's details serialise"))?;
    diesel::insert_into(erasures::table)
        .values((
            erasures::registration_id.eq(reg_id),
            erasures::cycle_id.eq(reg.cycle_id),
            erasures::erased_at.eq(to_db(now)),
            erasures::erased_by.eq(by.as_str()),
            erasures::details.eq(details),
        ))
        .execute(conn)?;
    Ok(Some(erased))
}

/// Cycles with a retention period whose personal data is not yet purged,
/// with the end of their last session.
pub fn to_purge(conn: &mut AnyConnection) -> DbResult<Vec<(Cycle, Option<DateTime<Utc>>)>> {
    let found: Vec<Cycle> = cycles::table
        .filter(cycles::retention_months.is_not_null())
        .filter(cycles::purged_at.is_null())
        .select(Cycle::as_select())
        .load(conn)?;
    let mut out = Vec::with_capacity(found.len());
    for cycle in found {
        let last_end: Option<NaiveDateTime> = sessions::table
            .filter(sessions::cycle_id.eq(cycle.id))
            .select(diesel::dsl::max(sessions::ends_at))
            .first(conn)?;
        out.push((cycle, last_end.map(|t| t.and_utc())));
    }
    Ok(out)
}

/// The registrations of a cycle that still hold personal data.
pub fn unerased(conn: &mut AnyConnection, cycle_id: i32) -> DbResult<Vec<i32>> {
    Ok(registrations::table
        .filter(registrations::cycle_id.eq(cycle_id))
        .filter(registrations::erased_at.is_null())
        .order(registrations::id.asc())
        .select(registrations::id)
        .load(conn)?)
}

/// Claims a cycle's purge, so that one server process does it; `false` when
/// another process already has.
pub fn claim_purge(conn: &mut AnyConnection, cycle_id: i32, now: DateTime<Utc>) -> DbResult<bool> {
    let claimed = diesel::update(cycles::table.find(cycle_id))
        .filter(cycles::purged_at.is_null())
        .set(cycles::purged_at.eq(Some(to_db(now))))
        .execute(conn)?;
    Ok(claimed > 0)
}

/// How many registrations of a cycle were erased, by whom.
pub fn erasure_counts(conn: &mut AnyConnection, cycle_id: i32) -> DbResult<Vec<(String, i64)>> {
    Ok(erasures::table
        .filter(erasures::cycle_id.eq(cycle_id))
        .group_by(erasures::erased_by)
        .select((erasures::erased_by, diesel::dsl::count(erasures::id)))
        .load(conn)?)
}
