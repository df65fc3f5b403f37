//! The participant's grant application: `/r/{token}/grant`. The form posts
//! as multipart when it carries the PDF (its CSRF token then rides in the
//! query string, which the guard reads without buffering the file) or as a
//! plain form without one.

use actix_multipart::form::{bytes::Bytes as UploadBytes, text::Text, MultipartForm};
use actix_session::Session;
use actix_web::http::{header, StatusCode};
use actix_web::{web, FromRequest, HttpRequest, HttpResponse};
use askama::Template;
use serde::Deserialize;

use super::error::AppResult;
use super::flash;
use super::lang::Lang;
use super::pages::{frame, render_with_status, see_other, Frame};
use super::participant::find;
use super::AppState;
use crate::app::attendance::Record;
use crate::app::grants::{self, Applying, Upload, WriteOutcome};
use crate::db::models::{Application, AttachmentInfo};
use crate::domain::grant::{self as rules, Action, Fields, Refusal};
use crate::domain::{ApplicationStatus, FieldErrors};
use crate::i18n::Tr;

#[derive(Template)]
#[template(path = "grant.html")]
pub struct GrantPage {
    pub tr: Tr,
    pub frame: Frame,
    pub token: String,
    pub cycle_title: String,
    pub call_title: String,
    pub call_description: Vec<String>,
    pub name: String,
    /// Why the form is not offered, when it is not.
    pub refusal: Option<String>,
    pub editable: bool,
    /// The application's status in words; empty before there is one.
    pub status: String,
    pub fields: Fields,
    pub errors: FieldErrors,
    pub attachment: Option<String>,
    pub deadline: String,
    pub max_amount: String,
    pub decisions_by: String,
    pub submitted_at: String,
    pub decision: Option<String>,
    pub notice: Option<String>,
    pub max_title: usize,
    pub max_summary: usize,
    pub max_partners: usize,
}

super::forms::field_messages!(GrantPage);

/// An application's status in words ("Submitted — waiting for the decision").
pub fn status_label(t: &Tr, status: ApplicationStatus) -> String {
    t.keyed("grant-status-", &status.as_str().replace('_', "-"))
}

/// The decision in words, once there is one.
pub fn decision_text(t: &Tr, application: &Application) -> Option<String> {
    match application.status {
        ApplicationStatus::Funded => Some(
            t.with_one(
                "grant-decision-funded",
                "amount",
                &application
                    .granted_cents
                    .map(|c| t.euros(i64::from(c)))
                    .unwrap_or_default(),
            ),
        ),
        ApplicationStatus::NotFunded => Some(t.text("grant-decision-not-funded")),
        ApplicationStatus::Draft | ApplicationStatus::Submitted => None,
    }
}

/// "budžets.pdf (0.2 MB)"
pub fn attachment_label(t: &Tr, attachment: &AttachmentInfo) -> String {
    let size = format!("{:.1}", attachment.bytes as f64 / 1_048_576.0);
    format!(
        "{} ({})",
        attachment.filename,
        t.with_one("grant-attachment-size", "size", &size)
    )
}

/// Why someone cannot apply, in words (with the sessions still needed).
pub fn refusal_text(t: &Tr, refusal: Refusal) -> String {
    match refusal {
        Refusal::NotYetEligible { still_needed } => t.count(refusal.key(), i64::from(still_needed)),
        other => t.text(other.key()),
    }
}

/// The page for this record, its application and what was typed.
fn page(
    req: &HttpRequest,
    session: &Session,
    t: Tr,
    token: String,
    record: &Record,
    applying: &Applying,
    typed: Option<(Fields, FieldErrors)>,
) -> GrantPage {
    let cycle = &record.cycle;
    let tz = cycle.tz();
    let application = applying.application.as_ref();
    let (fields, errors) = typed.unwrap_or_else(|| {
        let fields = application
            .map(|a| Fields {
                title: a.title.clone(),
                summary: a.summary.clone(),
                partners: a.partners.clone(),
                amount: a
                    .amount_cents
                    .map(|c| rules::euros_plain(i64::from(c)))
                    .unwrap_or_default(),
            })
            .unwrap_or_default();
        (fields, FieldErrors::default())
    });
    let decision = application.and_then(|a| decision_text(&t, a));
    GrantPage {
        frame: super::public::cycle_frame(frame(req, session), record.owner.as_ref()),
        token,
        cycle_title: cycle.title.clone(),
        call_title: cycle.grant_title.clone().unwrap_or_default(),
        call_description: super::pages::paragraphs(
            cycle.grant_description.as_deref().unwrap_or_default(),
        ),
        name: record.reg.full_name(),
        refusal: applying.refusal.map(|r| refusal_text(&t, r)),
        editable: applying.refusal.is_none(),
        status: application
            .map(|a| status_label(&t, a.status))
            .unwrap_or_default(),
        fields,
        errors,
        attachment: applying
            .attachment
            .as_ref()
            .map(|a| attachment_label(&t, a)),
        deadline: cycle
            .grant_apply_until
            .map(|d| t.datetime(d.and_utc(), tz))
            .unwrap_or_default(),
        max_amount: cycle
            .grant_max_cents
            .map(|c| t.euros(i64::from(c)))
            .unwrap_or_default(),
        decisions_by: cycle
            .grant_decisions_by
            .map(|d| t.date(d.and_utc(), tz))
            .unwrap_or_default(),
        submitted_at: application
            .and_then(|a| a.submitted_at)
            .map(|d| t.datetime(d.and_utc(), tz))
            .unwrap_or_default(),
        decision,
        notice: flash::take(session, &t),
        max_title: rules::MAX_TITLE,
        max_summary: rules::MAX_SUMMARY,
        max_partners: rules::MAX_PARTNERS,
        tr: t,
    }
}

/// The status a page is served with: 403 when the participant may not write
/// and has nothing sent to look at.
fn status_of(applying: &Applying) -> StatusCode {
    let has_sent = applying
        .application
        .as_ref()
        .is_some_and(|a| a.status != ApplicationStatus::Draft);
    if applying.refusal.is_some() && !has_sent {
        StatusCode::FORBIDDEN
    } else {
        StatusCode::OK
    }
}

pub async fn show(
    state: web::Data<AppState>,
    path: web::Path<String>,
    lang: Lang,
    req: HttpRequest,
    session: Session,
) -> AppResult<HttpResponse> {
    let token = path.into_inner();
    let record = find(&state, &token).await?;
    let t = lang.or(record.reg.lang());
    let applying = grants::applying(&state.services, &record).await?;
    let status = status_of(&applying);
    let page = page(&req, &session, t, token, &record, &applying, None);
    render_with_status(status, &page)
}

/// The form without a file.
#[derive(Debug, Deserialize)]
pub struct PlainForm {
    #[serde(default)]
    title: String,
    #[serde(default)]
    summary: String,
    #[serde(default)]
    partners: String,
    #[serde(default)]
    amount: String,
    #[serde(default)]
    action: String,
}

/// The form with a file (which may be empty: no file chosen).
#[derive(MultipartForm)]
pub struct UploadForm {
    title: Option<Text<String>>,
    summary: Option<Text<String>>,
    partners: Option<Text<String>>,
    amount: Option<Text<String>>,
    action: Option<Text<String>>,
    // A little over the rule's 5 MB, so a larger file is refused by the
    // rule with its message beside the field, not by the reader.
    #[multipart(limit = "6MiB")]
    attachment: Option<UploadBytes>,
}

enum Posted {
    Form(Fields, String, Option<Upload>),
    /// The body could not be read (too large, cut off): nothing stored.
    Unreadable,
}

async fn read_form(req: &HttpRequest, payload: web::Payload) -> Posted {
    let multipart = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("multipart/form-data"));
    let mut payload = payload.into_inner();
    if multipart {
        let Ok(form) = MultipartForm::<UploadForm>::from_request(req, &mut payload).await else {
            return Posted::Unreadable;
        };
        let form = form.into_inner();
        let text = |v: Option<Text<String>>| v.map(|t| t.into_inner()).unwrap_or_default();
        let upload = form
            .attachment
            .filter(|file| !file.data.is_empty())
            .map(|file| Upload {
                filename: file.file_name.clone().unwrap_or_default(),
                bytes: file.data.to_vec(),
            });
        Posted::Form(
            Fields {
                title: text(form.title),
                summary: text(form.summary),
                partners: text(form.partners),
                amount: text(form.amount),
            },
            text(form.action),
            upload,
        )
    } else {
        let Ok(form) = web::Form::<PlainForm>::from_request(req, &mut payload).await else {
            return Posted::Unreadable;
        };
        let form = form.into_inner();
        Posted::Form(
            Fields {
                title: form.title,
                summary: form.summary,
                partners: form.partners,
                amount: form.amount,
            },
            form.action,
            None,
        )
    }
}

pub async fn write(
    state: web::Data<AppState>,
    path: web::Path<String>,
    lang: Lang,
    req: HttpRequest,
    session: Session,
    payload: web::Payload,
) -> AppResult<HttpResponse> {
    let token = path.into_inner();
    let record = find(&state, &token).await?;
    let t = lang.or(record.reg.lang());
    let (fields, action, upload) = match read_form(&req, payload).await {
        Posted::Form(fields, action, upload) => (fields, action, upload),
        Posted::Unreadable => {
            let applying = grants::applying(&state.services, &record).await?;
            let mut errors = FieldErrors::default();
            errors.add("attachment", "grant-field-attachment-too-large");
            let page = page(
                &req,
                &session,
                t,
                token,
                &record,
                &applying,
                Some((Fields::default(), errors)),
            );
            return render_with_status(StatusCode::PAYLOAD_TOO_LARGE, &page);
        }
    };
    // A form without a known button saves: nothing is sent by accident.
    let action = Action::parse(&action).unwrap_or(Action::Save);
    let outcome = grants::write(&state.services, &record, fields.clone(), action, upload).await?;
    let done = |key: &str| {
        flash::set(&session, key);
        Ok(see_other(&format!("/r/{token}/grant")))
    };
    match outcome {
        WriteOutcome::Saved => done("notice-grant-saved"),
        WriteOutcome::Submitted => done("notice-grant-submitted"),
        WriteOutcome::Invalid(errors) => {
            let applying = grants::applying(&state.services, &record).await?;
            let page = page(
                &req,
                &session,
                t,
                token.clone(),
                &record,
                &applying,
                Some((fields, errors)),
            );
            render_with_status(StatusCode::UNPROCESSABLE_ENTITY, &page)
        }
        WriteOutcome::Refused(_) | WriteOutcome::AlreadySubmitted => {
            let mut applying = grants::applying(&state.services, &record).await?;
            if applying.refusal.is_none() {
                applying.refusal = Some(Refusal::AlreadySubmitted);
            }
            let page = page(&req, &session, t, token.clone(), &record, &applying, None);
            render_with_status(StatusCode::FORBIDDEN, &page)
        }
    }
}

pub async fn remove_attachment(
    state: web::Data<AppState>,
    path: web::Path<String>,
    session: Session,
) -> AppResult<HttpResponse> {
    let token = path.into_inner();
    let record = find(&state, &token).await?;
    if grants::remove_attachment(&state.services, &record).await? {
        flash::set(&session, "notice-grant-attachment-removed");
    }
    Ok(see_other(&format!("/r/{token}/grant")))
}
