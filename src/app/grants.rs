//! The grant application (participants write and submit; organisers read
//! and decide) and the certificate of participation with its public check.

use anyhow::Context;

use super::attendance::{self, Record};
use super::exports::Table;
use super::Services;
use crate::db::grants::{self, Decided, Written};
use crate::db::models::{Application, AttachmentInfo, Cycle, GrantAuditEntry, Registration};
use crate::domain::grant::{self, Action, DecisionFields, Fields, Refusal};
use crate::domain::outcome;
use crate::domain::FieldErrors;

/// A participant's application as their page shows it.
pub struct Applying {
    pub application: Option<Application>,
    pub attachment: Option<AttachmentInfo>,
    /// Why they cannot write it now, if they cannot.
    pub refusal: Option<Refusal>,
}

/// Where a participant's application stands, for their pages.
pub async fn applying(services: &Services, record: &Record) -> anyhow::Result<Applying> {
    let reg_id = record.reg.id;
    let (application, attachment) = services
        .db
        .read(move |c| {
            let application = grants::of_registration(c, reg_id)?;
            let attachment = match &application {
                Some(a) => grants::attachment_info(c, a.id)?,
                None => None,
            };
            Ok((application, attachment))
        })
        .await
        .context("loading a grant application")?;
    let refusal = grant::may_apply(
        record.cycle.grant_call().as_ref(),
        record.reg.status(),
        &record.standing(services.now()),
        application.as_ref().map(|a| a.status),
        services.now(),
    )
    .err();
    Ok(Applying {
        application,
        attachment,
        refusal,
    })
}

/// A file sent with the form.
pub struct Upload {
    pub filename: String,
    pub bytes: Vec<u8>,
}

pub enum WriteOutcome {
    Refused(Refusal),
    Invalid(FieldErrors),
    Saved,
    Submitted,
    /// Submitted already (a second tab, a double click): nothing changed.
    AlreadySubmitted,
}

/// Saves or submits a participant's application, after every rule: who may
/// apply, until when, what the fields may hold, and that the file is a PDF.
pub async fn write(
    services: &Services,
    record: &Record,
    fields: Fields,
    action: Action,
    upload: Option<Upload>,
) -> anyhow::Result<WriteOutcome> {
    let now = services.now();
    let current = applying(services, record).await?;
    if let Some(refusal) = current.refusal {
        return Ok(WriteOutcome::Refused(refusal));
    }
    let max_cents = record.cycle.grant_call().and_then(|c| c.max_cents);
    let mut errors = FieldErrors::default();
    let content = grant::check(&fields, action, max_cents)
        .map_err(|e| errors = e)
        .ok();
    if let Some(upload) = &upload {
        if upload.bytes.len() > grant::MAX_ATTACHMENT_BYTES {
            errors.add("attachment", "grant-field-attachment-too-large");
        } else if !grant::is_pdf(&upload.bytes) {
            errors.add("attachment", "grant-field-attachment-not-pdf");
        }
    }
    let Some(content) = content.filter(|_| errors.is_empty()) else {
        return Ok(WriteOutcome::Invalid(errors));
    };
    let reg_id = record.reg.id;
    let attachment = upload.map(|u| (attachment_name(&u.filename), u.bytes));
    let written = services
        .db
        .write(move |c| grants::write(c, reg_id, &content, action, attachment, now))
        .await
        .context("saving a grant application")?;
    Ok(match written {
        Written::Saved(_) => WriteOutcome::Saved,
        Written::Submitted(_) => {
            services.wake_mail();
            WriteOutcome::Submitted
        }
        Written::AlreadySubmitted => WriteOutcome::AlreadySubmitted,
    })
}

/// Removes a draft's attachment.
pub async fn remove_attachment(services: &Services, record: &Record) -> anyhow::Result<bool> {
    if applying(services, record).await?.refusal.is_some() {
        return Ok(false);
    }
    let reg_id = record.reg.id;
    services
        .db
        .write(move |c| grants::remove_attachment(c, reg_id))
        .await
        .context("removing an attachment")
}

/// The name a file is kept under: its last path part, visible characters
/// only, at most 120 of them; it is shown to organisers, never trusted.
fn attachment_name(typed: &str) -> String {
    let base = typed.rsplit(['/', '\\']).next().unwrap_or_default();
    let clean: String = base
        .chars()
        .filter(|c| !c.is_control() && !crate::domain::text::is_invisible(*c) && *c != '"')
        .take(120)
        .collect();
    let clean = clean.trim();
    if clean.is_empty() {
        "attachment.pdf".into()
    } else {
        clean.to_string()
    }
}

/// A cycle's applications, for the organisers' list.
pub async fn of_cycle(
    services: &Services,
    cycle: &Cycle,
) -> anyhow::Result<Vec<(Application, Registration)>> {
    let cycle_id = cycle.id;
    services
        .db
        .read(move |c| grants::of_cycle(c, cycle_id))
        .await
        .context("listing applications")
}

/// One application as an organiser reads it.
pub struct Reviewed {
    pub application: Application,
    pub applicant: Record,
    pub attachment: Option<AttachmentInfo>,
    pub audit: Vec<GrantAuditEntry>,
}

/// An application of this cycle (another cycle's id is not found).
pub async fn review(
    services: &Services,
    cycle: &Cycle,
    app_id: i32,
) -> anyhow::Result<Option<Reviewed>> {
    let found = services
        .db
        .read(move |c| {
            let Some(application) = grants::by_id(c, app_id)? else {
                return Ok(None);
            };
            let attachment = grants::attachment_info(c, app_id)?;
            let audit = grants::audit_of(c, app_id)?;
            Ok(Some((application, attachment, audit)))
        })
        .await
        .context("loading an application")?;
    let Some((application, attachment, audit)) = found else {
        return Ok(None);
    };
    let Some(applicant) = attendance::record(services, application.registration_id).await? else {
        return Ok(None);
    };
    if applicant.cycle.id != cycle.id {
        return Ok(None);
    }
    Ok(Some(Reviewed {
        application,
        applicant,
        attachment,
        audit,
    }))
}

/// The attachment of an application of this cycle.
pub async fn attachment(
    services: &Services,
    cycle: &Cycle,
    app_id: i32,
) -> anyhow::Result<Option<(String, Vec<u8>)>> {
    if review(services, cycle, app_id).await?.is_none() {
        return Ok(None);
    }
    services
        .db
        .read(move |c| grants::attachment(c, app_id))
        .await
        .context("reading an attachment")
}

pub enum DecideOutcome {
    Invalid(FieldErrors),
    Done,
    /// Not submitted, or decided already.
    NotOpen,
}

/// Records an organiser's decision; the participant is told once by email.
pub async fn decide(
    services: &Services,
    reviewed: &Reviewed,
    fields: DecisionFields,
    organiser_id: i32,
) -> anyhow::Result<DecideOutcome> {
    if !grant::may_decide(reviewed.application.status) {
        return Ok(DecideOutcome::NotOpen);
    }
    let max_cents = reviewed
        .applicant
        .cycle
        .grant_call()
        .and_then(|c| c.max_cents);
    let requested = reviewed.application.amount_cents.map(i64::from);
    let decision = match grant::check_decision(&fields, requested, max_cents) {
        Ok(d) => d,
        Err(errors) => return Ok(DecideOutcome::Invalid(errors)),
    };
    let now = services.now();
    let app_id = reviewed.application.id;
    let decided = services
        .db
        .write(move |c| grants::decide(c, app_id, &decision, organiser_id, now))
        .await
        .context("recording a decision")?;
    Ok(match decided {
        Decided::Done => {
            services.wake_mail();
            DecideOutcome::Done
        }
        Decided::NotOpen => DecideOutcome::NotOpen,
    })
}

/// `applications.csv`: the SPEC's columns first.
pub fn applications_table(rows: &[(Application, Registration)]) -> Table {
    let ts = |t: chrono::NaiveDateTime| {
        t.and_utc()
            .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
    };
    let euros = |c: Option<i32>| {
        c.map(|c| grant::euros_plain(i64::from(c)))
            .unwrap_or_default()
    };
    Table {
        headers: super::exports::columns(&[
            "first_name",
            "last_name",
            "email",
            "title",
            "amount",
            "status",
            "submitted_at",
            "institution",
            "partners",
            "summary",
            "granted",
            "decided_at",
            "decision_comment",
        ]),
        rows: rows
            .iter()
            .map(|(a, r)| {
                vec![
                    r.first_name.clone(),
                    r.last_name.clone(),
                    r.email.clone(),
                    a.title.clone(),
                    euros(a.amount_cents),
                    a.status.to_string(),
                    a.submitted_at.map(ts).unwrap_or_default(),
                    r.institution.clone(),
                    a.partners.clone(),
                    a.summary.clone(),
                    euros(a.granted_cents),
                    a.decided_at.map(ts).unwrap_or_default(),
                    a.decision_comment.clone().unwrap_or_default(),
                ]
            })
            .collect(),
        numeric: vec![4, 10],
    }
}

/// The certificate's code for a participant who earned it (issued on first
/// use and never changed); `None` when not earned.
pub async fn certificate(services: &Services, record: &Record) -> anyhow::Result<Option<String>> {
    let earned = record
        .cycle
        .outcome()
        .certificate_earned(record.reg.status(), &record.standing(services.now()));
    if !earned {
        return Ok(None);
    }
    let reg_id = record.reg.id;
    // Issued once: later views only read it, and never queue for the writer.
    let issued = services
        .db
        .read(move |c| grants::certificate_of(c, reg_id))
        .await
        .context("reading a certificate code")?;
    if issued.is_some() {
        return Ok(issued);
    }
    let candidate = outcome::verification_code(&random_bytes());
    let now = services.now();
    let code = services
        .db
        .write(move |c| grants::certificate_code(c, reg_id, &candidate, now))
        .await
        .context("issuing a certificate code")?;
    Ok(Some(code))
}

fn random_bytes() -> Vec<u8> {
    use rand::RngCore;
    let mut bytes = vec![0u8; outcome::CODE_LETTERS];
    rand::thread_rng().fill_bytes(&mut bytes);
    bytes
}

/// What `/verify/{code}` may tell a stranger: the name, the cycle, and
/// whether the certificate still stands (attendance corrected since can
/// withdraw it).
pub struct Verified {
    pub name: String,
    pub cycle_title: String,
    pub valid: bool,
    pub record: Record,
}

pub async fn verify(services: &Services, typed: &str) -> anyhow::Result<Option<Verified>> {
    let Some(code) = outcome::normalise_code(typed) else {
        return Ok(None);
    };
    let found = services
        .db
        .read(move |c| grants::certificate_by_code(c, &code))
        .await
        .context("looking up a certificate")?;
    let Some((reg_id, _issued)) = found else {
        return Ok(None);
    };
    let Some(record) = attendance::record(services, reg_id).await? else {
        return Ok(None);
    };
    let valid = record
        .cycle
        .outcome()
        .certificate_earned(record.reg.status(), &record.standing(services.now()));
    Ok(Some(Verified {
        name: record.reg.full_name(),
        cycle_title: record.cycle.title.clone(),
        valid,
        record,
    }))
}
