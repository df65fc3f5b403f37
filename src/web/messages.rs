//! An organiser's messages to a cycle's groups: write, preview (who gets
//! it, how it reads), send once, and the sent list with what reached whom.

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use askama::Template;
use askama_web::WebTemplate;
use serde::Deserialize;

use super::error::{AppError, AppResult};
use super::extract::OrganiserCycle;
use super::flash;
use super::lang::Lang;
use super::pages::{organiser_frame, render_with_status, see_other, Frame};
use super::AppState;
use crate::app::messages;
use crate::db::messages::Sent;
use crate::db::models::Cycle;
use crate::domain::messages::{check, Typed, MAX_BODY, MAX_SUBJECT};
use crate::domain::{Audience, FieldErrors};
use crate::i18n::Tr;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/admin/cycles/{slug}/messages", web::get().to(compose))
        .route("/admin/cycles/{slug}/messages", web::post().to(send))
        .route(
            "/admin/cycles/{slug}/messages/preview",
            web::post().to(preview),
        )
        .route("/admin/cycles/{slug}/messages/{id}", web::get().to(report))
        .route(
            "/admin/cycles/{slug}/messages/{id}/retry",
            web::post().to(retry),
        );
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct MessageForm {
    pub audience: String,
    pub subject: String,
    pub body: String,
    /// From the preview page: one message however often Send is pressed.
    pub send_key: String,
    /// `edit`: back from the preview to the form.
    pub action: String,
}

impl MessageForm {
    fn typed(&self) -> Typed {
        Typed {
            audience: self.audience.clone(),
            subject: self.subject.clone(),
            body: self.body.clone(),
        }
    }
}

pub struct GroupChoice {
    pub value: &'static str,
    pub label: String,
}

pub struct SentRow {
    pub id: i32,
    pub when: String,
    pub group: String,
    pub subject: String,
    pub recipients: i32,
    pub delivery: String,
    pub failed: usize,
}

#[derive(Template, WebTemplate)]
#[template(path = "admin/messages.html")]
pub struct ComposePage {
    pub tr: Tr,
    pub frame: Frame,
    pub slug: String,
    pub cycle_title: String,
    pub groups: Vec<GroupChoice>,
    pub fields: Typed,
    pub errors: FieldErrors,
    pub sent: Vec<SentRow>,
    pub notice: Option<String>,
    pub max_subject: usize,
    pub max_body: usize,
}

super::forms::field_messages!(ComposePage);

#[derive(Template, WebTemplate)]
#[template(path = "admin/message_preview.html")]
pub struct PreviewPage {
    pub tr: Tr,
    pub frame: Frame,
    pub slug: String,
    pub cycle_title: String,
    pub group: String,
    pub names: Vec<String>,
    pub count: usize,
    pub fields: Typed,
    pub subject_line: String,
    pub send_key: String,
}

pub struct RecipientRow {
    pub name: String,
    pub email: String,
    pub state: String,
    pub detail: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "admin/message.html")]
pub struct ReportPage {
    pub tr: Tr,
    pub frame: Frame,
    pub slug: String,
    pub id: i32,
    pub cycle_title: String,
    pub subject: String,
    pub body: String,
    pub group: String,
    pub when: String,
    pub delivery: String,
    pub failed: usize,
    pub rows: Vec<RecipientRow>,
    pub notice: Option<String>,
}

fn group_label(t: &Tr, audience: Audience) -> String {
    t.keyed("message-group-", audience.as_str())
}

fn delivery_line(t: &Tr, delivered: usize, waiting: usize, failed: usize) -> String {
    t.with(
        "message-delivery",
        &[
            ("delivered", &delivered.to_string()),
            ("waiting", &waiting.to_string()),
            ("failed", &failed.to_string()),
        ],
    )
}

async fn compose_page(
    state: &AppState,
    t: Tr,
    frame: Frame,
    cycle: &Cycle,
    fields: Typed,
    errors: FieldErrors,
    notice: Option<String>,
) -> AppResult<ComposePage> {
    let sizes = messages::group_sizes(&state.services, cycle).await?;
    let groups = sizes
        .iter()
        .map(|(audience, size)| GroupChoice {
            value: audience.as_str(),
            label: t.with(
                "message-group-with-size",
                &[
                    ("group", &group_label(&t, *audience)),
                    ("count", &size.to_string()),
                ],
            ),
        })
        .collect();
    let tz = cycle.tz();
    let sent = messages::sent(&state.services, cycle)
        .await?
        .into_iter()
        .map(|(m, d)| SentRow {
            id: m.id,
            when: t.datetime(m.sent_at.and_utc(), tz),
            group: group_label(&t, m.audience),
            subject: m.subject,
            recipients: m.recipients,
            delivery: delivery_line(&t, d.delivered, d.waiting, d.failed),
            failed: d.failed,
        })
        .collect();
    Ok(ComposePage {
        frame,
        slug: cycle.slug.clone(),
        cycle_title: cycle.title.clone(),
        groups,
        fields,
        errors,
        sent,
        notice,
        max_subject: MAX_SUBJECT,
        max_body: MAX_BODY,
        tr: t,
    })
}

pub async fn compose(
    state: web::Data<AppState>,
    OrganiserCycle { me, cycle, .. }: OrganiserCycle,
    lang: Lang,
    req: HttpRequest,
    session: Session,
) -> AppResult<ComposePage> {
    let t = lang.tr();
    let notice = flash::take(&session, &t);
    let frame = organiser_frame(&req, &session, &me.0);
    compose_page(
        &state,
        t,
        frame,
        &cycle,
        Typed::default(),
        FieldErrors::default(),
        notice,
    )
    .await
}

/// Checks the message and shows who gets it and how it reads; nothing is
/// sent yet. A group with nobody in it is refused here.
pub async fn preview(
    state: web::Data<AppState>,
    OrganiserCycle { me, cycle, .. }: OrganiserCycle,
    lang: Lang,
    req: HttpRequest,
    session: Session,
    form: web::Form<MessageForm>,
) -> AppResult<HttpResponse> {
    let t = lang.tr();
    let frame = organiser_frame(&req, &session, &me.0);
    let typed = form.typed();
    let checked = if form.action == "edit" {
        Err(FieldErrors::default())
    } else {
        check(&typed)
    };
    let found = match checked {
        Ok(draft) => {
            let people = messages::recipients(&state.services, &cycle, draft.audience).await?;
            let mut errors = FieldErrors::default();
            if people.is_empty() {
                errors.add("audience", "message-group-empty");
            }
            errors.is_empty().then_some((draft, people)).ok_or(errors)
        }
        Err(errors) => Err(errors),
    };
    let (draft, people) = match found {
        Ok(found) => found,
        Err(errors) => {
            // Back to the form: with the problems, or as typed to change it.
            let status = if errors.is_empty() {
                StatusCode::OK
            } else {
                StatusCode::UNPROCESSABLE_ENTITY
            };
            let page = compose_page(&state, t, frame, &cycle, typed, errors, None).await?;
            return render_with_status(status, &page);
        }
    };
    let page = PreviewPage {
        frame: frame.clone(),
        slug: cycle.slug.clone(),
        cycle_title: cycle.title.clone(),
        group: group_label(&t, draft.audience),
        names: people.iter().map(|r| r.full_name()).collect(),
        count: people.len(),
        subject_line: crate::mail::header_safe(&format!("{} — {}", cycle.title, draft.subject)),
        fields: Typed {
            audience: draft.audience.as_str().to_string(),
            subject: draft.subject,
            body: draft.body,
        },
        send_key: crate::tokens::random(24),
        tr: t,
    };
    render_with_status(StatusCode::OK, &page)
}

/// Sends to the group as it stands now; the preview's key makes a second
/// press (or a replayed form) send nothing more.
pub async fn send(
    state: web::Data<AppState>,
    OrganiserCycle { me, cycle, .. }: OrganiserCycle,
    lang: Lang,
    req: HttpRequest,
    session: Session,
    form: web::Form<MessageForm>,
) -> AppResult<HttpResponse> {
    let send_key = form.send_key.trim();
    let key_ok = (16..=64).contains(&send_key.len())
        && send_key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    let draft = match (key_ok, check(&form.typed())) {
        (true, Ok(draft)) => draft,
        (_, Err(errors)) => {
            let frame = organiser_frame(&req, &session, &me.0);
            let page =
                compose_page(&state, lang.tr(), frame, &cycle, form.typed(), errors, None).await?;
            return render_with_status(StatusCode::UNPROCESSABLE_ENTITY, &page);
        }
        (false, Ok(_)) => return Err(AppError::BadRequest("error-bad-request")),
    };
    let sent = messages::send(
        &state.services,
        &cycle,
        me.0.id,
        draft,
        send_key.to_string(),
    )
    .await?;
    let id = match sent {
        Sent::New(id) => {
            flash::set(&session, "notice-message-sent");
            id
        }
        Sent::Already(id) => {
            flash::set(&session, "notice-message-already-sent");
            id
        }
    };
    Ok(see_other(&format!(
        "/admin/cycles/{}/messages/{id}",
        cycle.slug
    )))
}

pub async fn report(
    state: web::Data<AppState>,
    OrganiserCycle { me, cycle, .. }: OrganiserCycle,
    path: web::Path<(String, i32)>,
    lang: Lang,
    req: HttpRequest,
    session: Session,
) -> AppResult<ReportPage> {
    let (_, id) = path.into_inner();
    let t = lang.tr();
    let (message, rows) = messages::report(&state.services, &cycle, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let tz = cycle.tz();
    let max = crate::db::outbox::MAX_ATTEMPTS;
    let (mut delivered, mut waiting, mut failed) = (0, 0, 0);
    let rows = rows
        .into_iter()
        .map(|(person, row)| {
            let (state_key, detail) = match (row.sent_at, row.attempts >= max) {
                (Some(at), _) => {
                    delivered += 1;
                    ("message-state-delivered", t.datetime(at.and_utc(), tz))
                }
                (None, true) => {
                    failed += 1;
                    (
                        "message-state-failed",
                        row.last_error.clone().unwrap_or_default(),
                    )
                }
                (None, false) => {
                    waiting += 1;
                    (
                        "message-state-waiting",
                        row.last_error.clone().unwrap_or_default(),
                    )
                }
            };
            RecipientRow {
                name: person.full_name(),
                email: person.email,
                state: t.text(state_key),
                detail,
            }
        })
        .collect();
    Ok(ReportPage {
        frame: organiser_frame(&req, &session, &me.0),
        slug: cycle.slug.clone(),
        id,
        cycle_title: cycle.title.clone(),
        subject: message.subject,
        body: message.body,
        group: group_label(&t, message.audience),
        when: t.datetime(message.sent_at.and_utc(), tz),
        delivery: delivery_line(&t, delivered, waiting, failed),
        failed,
        rows,
        notice: flash::take(&session, &t),
        tr: t,
    })
}

pub async fn retry(
    state: web::Data<AppState>,
    OrganiserCycle { cycle, .. }: OrganiserCycle,
    path: web::Path<(String, i32)>,
    session: Session,
) -> AppResult<HttpResponse> {
    let (_, id) = path.into_inner();
    let retried = messages::retry_failed(&state.services, &cycle, id)
        .await?
        .ok_or(AppError::NotFound)?;
    flash::set(
        &session,
        if retried == 0 {
            "notice-unchanged"
        } else {
            "notice-message-retried"
        },
    );
    Ok(see_other(&format!(
        "/admin/cycles/{}/messages/{id}",
        cycle.slug
    )))
}
