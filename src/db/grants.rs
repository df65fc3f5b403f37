//! Grant applications, their attachments and decisions, and certificate
//! codes. Storage applies what the use case decided; every submission and
//! decision writes its audit row and its email in the same transaction.

use chrono::{DateTime, Utc};
use diesel::dsl::sql;
use diesel::prelude::*;
use diesel::sql_types::Integer;

use super::models::{Application, AttachmentInfo, GrantAuditEntry, Registration};
use super::schema::{
    certificates, grant_applications, grant_attachments, grant_audit, registrations,
};
use super::{outbox, to_db, AnyConnection, DbResult};
use crate::domain::grant::{Action, Content, Decision};
use crate::domain::registration::Notice;
use crate::domain::ApplicationStatus;

pub fn of_registration(conn: &mut AnyConnection, reg_id: i32) -> DbResult<Option<Application>> {
    Ok(grant_applications::table
        .filter(grant_applications::registration_id.eq(reg_id))
        .select(Application::as_select())
        .first(conn)
        .optional()?)
}

pub fn by_id(conn: &mut AnyConnection, id: i32) -> DbResult<Option<Application>> {
    Ok(grant_applications::table
        .find(id)
        .select(Application::as_select())
        .first(conn)
        .optional()?)
}

/// The attachment's name and size, without reading its bytes.
pub fn attachment_info(conn: &mut AnyConnection, app_id: i32) -> DbResult<Option<AttachmentInfo>> {
    let found: Option<(String, i32)> = grant_attachments::table
        .find(app_id)
        .select((
            grant_attachments::filename,
            sql::<Integer>("CAST(length(content) AS INTEGER)"),
        ))
        .first(conn)
        .optional()?;
    Ok(found.map(|(filename, bytes)| AttachmentInfo {
        filename,
        bytes: bytes.max(0) as usize,
    }))
}

pub fn attachment(conn: &mut AnyConnection, app_id: i32) -> DbResult<Option<(String, Vec<u8>)>> {
    Ok(grant_attachments::table
        .find(app_id)
        .select((grant_attachments::filename, grant_attachments::content))
        .first(conn)
        .optional()?)
}

/// What writing an application did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Written {
    Saved(i32),
    Submitted(i32),
    /// It was submitted meanwhile (another tab, a double click): nothing changed.
    AlreadySubmitted,
}

/// Saves the draft, or submits it, for a registration. The registration row
/// is locked first, so two submits at once end in one submission and one
/// email; only a draft can change.
pub fn write(
    conn: &mut AnyConnection,
    reg_id: i32,
    content: &Content,
    action: Action,
    attachment: Option<(String, Vec<u8>)>,
    now: DateTime<Utc>,
) -> DbResult<Written> {
    lock_registration(conn, reg_id)?;
    let existing = of_registration(conn, reg_id)?;
    if existing
        .as_ref()
        .is_some_and(|a| a.status != ApplicationStatus::Draft)
    {
        return Ok(Written::AlreadySubmitted);
    }
    let status = match action {
        Action::Save => ApplicationStatus::Draft,
        Action::Submit => ApplicationStatus::Submitted,
    };
    let submitted_at = (action == Action::Submit).then(|| to_db(now));
    let amount = content.amount_cents.map(|c| c as i32);
    let values = (
        grant_applications::title.eq(&content.title),
        grant_applications::summary.eq(&content.summary),
        grant_applications::partners.eq(&content.partners),
        grant_applications::amount_cents.eq(amount),
        grant_applications::status.eq(status.as_str()),
        grant_applications::updated_at.eq(to_db(now)),
        grant_applications::submitted_at.eq(submitted_at),
    );
    let id = match existing {
        Some(a) => {
            diesel::update(grant_applications::table.find(a.id))
                .set(values)
                .execute(conn)?;
            a.id
        }
        None => diesel::insert_into(grant_applications::table)
            .values((
                grant_applications::registration_id.eq(reg_id),
                values,
                grant_applications::created_at.eq(to_db(now)),
            ))
            .returning(grant_applications::id)
            .get_result(conn)?,
    };
    if let Some((filename, content)) = attachment {
        diesel::delete(grant_attachments::table.find(id)).execute(conn)?;
        diesel::insert_into(grant_attachments::table)
            .values((
                grant_attachments::application_id.eq(id),
                grant_attachments::filename.eq(filename),
                grant_attachments::content.eq(content),
                grant_attachments::uploaded_at.eq(to_db(now)),
            ))
            .execute(conn)?;
    }
    if action == Action::Save {
        return Ok(Written::Saved(id));
    }
    audit(
        conn,
        id,
        None,
        ApplicationStatus::Submitted,
        amount,
        None,
        now,
    )?;
    outbox::enqueue(conn, reg_id, Notice::GrantSubmitted, now)?;
    Ok(Written::Submitted(id))
}

/// Removes a draft's attachment; false when there was none or it is no
/// longer a draft.
pub fn remove_attachment(conn: &mut AnyConnection, reg_id: i32) -> DbResult<bool> {
    lock_registration(conn, reg_id)?;
    let Some(app) = of_registration(conn, reg_id)? else {
        return Ok(false);
    };
    if app.status != ApplicationStatus::Draft {
        return Ok(false);
    }
    Ok(diesel::delete(grant_attachments::table.find(app.id)).execute(conn)? > 0)
}

/// What deciding did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decided {
    Done,
    /// Not submitted, or decided already: the participant hears once.
    NotOpen,
}

pub fn decide(
    conn: &mut AnyConnection,
    app_id: i32,
    decision: &Decision,
    organiser_id: i32,
    now: DateTime<Utc>,
) -> DbResult<Decided> {
    let granted = decision.granted_cents().map(|c| c as i32);
    let comment = Some(decision.comment().to_string()).filter(|c| !c.is_empty());
    // The status condition makes this the check and the change at once.
    let changed = diesel::update(
        grant_applications::table
            .find(app_id)
            .filter(grant_applications::status.eq(ApplicationStatus::Submitted.as_str())),
    )
    .set((
        grant_applications::status.eq(decision.status().as_str()),
        grant_applications::granted_cents.eq(granted),
        grant_applications::decision_comment.eq(&comment),
        grant_applications::decided_at.eq(to_db(now)),
        grant_applications::decided_by.eq(organiser_id),
        grant_applications::updated_at.eq(to_db(now)),
    ))
    .execute(conn)?;
    if changed == 0 {
        return Ok(Decided::NotOpen);
    }
    let app = by_id(conn, app_id)?.ok_or(super::DbError::Invariant("decided row exists"))?;
    audit(
        conn,
        app_id,
        Some(organiser_id),
        decision.status(),
        granted,
        comment,
        now,
    )?;
    outbox::enqueue(conn, app.registration_id, Notice::GrantDecided, now)?;
    Ok(Decided::Done)
}

fn audit(
    conn: &mut AnyConnection,
    app_id: i32,
    changed_by: Option<i32>,
    status: ApplicationStatus,
    amount_cents: Option<i32>,
    comment: Option<String>,
    now: DateTime<Utc>,
) -> DbResult<()> {
    diesel::insert_into(grant_audit::table)
        .values((
            grant_audit::application_id.eq(app_id),
            grant_audit::changed_by.eq(changed_by),
            grant_audit::changed_at.eq(to_db(now)),
            grant_audit::new_status.eq(status.as_str()),
            grant_audit::amount_cents.eq(amount_cents),
            grant_audit::comment.eq(comment),
        ))
        .execute(conn)?;
    Ok(())
}

pub fn audit_of(conn: &mut AnyConnection, app_id: i32) -> DbResult<Vec<GrantAuditEntry>> {
    Ok(grant_audit::table
        .filter(grant_audit::application_id.eq(app_id))
        .order(grant_audit::id)
        .select(GrantAuditEntry::as_select())
        .load(conn)?)
}

/// A cycle's applications with their applicants, drafts included, in the
/// order they were started.
pub fn of_cycle(
    conn: &mut AnyConnection,
    cycle_id: i32,
) -> DbResult<Vec<(Application, Registration)>> {
    Ok(grant_applications::table
        .inner_join(registrations::table)
        .filter(registrations::cycle_id.eq(cycle_id))
        .order(grant_applications::id)
        .select((Application::as_select(), Registration::as_select()))
        .load(conn)?)
}

/// Takes the registration row's lock for the rest of the transaction (a
/// no-op update, as `cycles::lock` does).
fn lock_registration(conn: &mut AnyConnection, reg_id: i32) -> DbResult<()> {
    diesel::update(registrations::table.find(reg_id))
        .set(registrations::status.eq(registrations::status))
        .execute(conn)?;
    Ok(())
}

/// The registration's certificate code: the one issued before, or
/// `candidate` now. Codes never change once issued (they are printed).
pub fn certificate_code(
    conn: &mut AnyConnection,
    reg_id: i32,
    candidate: &str,
    now: DateTime<Utc>,
) -> DbResult<String> {
    lock_registration(conn, reg_id)?;
    let existing: Option<String> = certificates::table
        .filter(certificates::registration_id.eq(reg_id))
        .select(certificates::code)
        .first(conn)
        .optional()?;
    if let Some(code) = existing {
        return Ok(code);
    }
    diesel::insert_into(certificates::table)
        .values((
            certificates::code.eq(candidate),
            certificates::registration_id.eq(reg_id),
            certificates::issued_at.eq(to_db(now)),
        ))
        .execute(conn)?;
    Ok(candidate.to_string())
}

/// The registration a code was issued to, and when.
pub fn certificate_by_code(
    conn: &mut AnyConnection,
    code: &str,
) -> DbResult<Option<(i32, chrono::NaiveDateTime)>> {
    Ok(certificates::table
        .find(code)
        .select((certificates::registration_id, certificates::issued_at))
        .first(conn)
        .optional()?)
}

/// A registration's certificate code, if one was issued.
pub fn certificate_of(conn: &mut AnyConnection, reg_id: i32) -> DbResult<Option<String>> {
    Ok(certificates::table
        .filter(certificates::registration_id.eq(reg_id))
        .select(certificates::code)
        .first(conn)
        .optional()?)
}
