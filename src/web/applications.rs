//! Organisers' side of the grant: the list of a cycle's applications, each
//! application as a printable page with its attachment, the decision, and
//! `applications.csv` / `.xlsx`.

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use askama::Template;
use askama_web::WebTemplate;
use serde::Deserialize;

use super::download::{self, Format};
use super::error::{AppError, AppResult};
use super::extract::OrganiserCycle;
use super::flash;
use super::grant::{attachment_label, decision_text, status_label};
use super::lang::Lang;
use super::pages::{organiser_frame, render_with_status, see_other, Frame};
use super::AppState;
use crate::app::grants::{self, DecideOutcome, Reviewed};
use crate::domain::grant::DecisionFields;
use crate::domain::{ApplicationStatus, FieldErrors};
use crate::i18n::Tr;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/admin/cycles/{slug}/applications", web::get().to(list))
        .route("/admin/cycles/{slug}/applications.csv", web::get().to(csv))
        .route(
            "/admin/cycles/{slug}/applications.xlsx",
            web::get().to(xlsx),
        )
        .route(
            "/admin/cycles/{slug}/applications/{id}",
            web::get().to(show),
        )
        .route(
            "/admin/cycles/{slug}/applications/{id}/attachment",
            web::get().to(attachment),
        )
        .route(
            "/admin/cycles/{slug}/applications/{id}/decision",
            web::post().to(decide),
        );
}

pub struct ApplicationRow {
    pub id: i32,
    pub name: String,
    pub institution: String,
    pub title: String,
    pub amount: String,
    pub status: String,
    pub submitted: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "admin/applications.html")]
pub struct ListPage {
    pub tr: Tr,
    pub frame: Frame,
    pub slug: String,
    pub cycle_title: String,
    pub call_title: String,
    pub summary: String,
    pub rows: Vec<ApplicationRow>,
}

pub async fn list(
    state: web::Data<AppState>,
    OrganiserCycle { me, cycle, .. }: OrganiserCycle,
    lang: Lang,
    req: HttpRequest,
    session: Session,
) -> AppResult<ListPage> {
    let t = lang.tr();
    let tz = cycle.tz();
    let found = grants::of_cycle(&state.services, &cycle).await?;
    let submitted = found
        .iter()
        .filter(|(a, _)| a.status != ApplicationStatus::Draft)
        .count();
    let rows = found
        .into_iter()
        .map(|(a, r)| ApplicationRow {
            id: a.id,
            name: r.full_name(),
            institution: r.institution,
            title: a.title,
            amount: a
                .amount_cents
                .map(|c| t.euros(i64::from(c)))
                .unwrap_or_default(),
            status: status_label(&t, a.status),
            submitted: a
                .submitted_at
                .map(|s| t.datetime(s.and_utc(), tz))
                .unwrap_or_default(),
        })
        .collect::<Vec<_>>();
    let summary = t.with(
        "applications-count",
        &[
            ("count", &rows.len().to_string()),
            ("submitted", &submitted.to_string()),
        ],
    );
    Ok(ListPage {
        frame: organiser_frame(&req, &session, &me.0),
        slug: cycle.slug.clone(),
        cycle_title: cycle.title.clone(),
        call_title: cycle.grant_title.clone().unwrap_or_default(),
        summary,
        rows,
        tr: t,
    })
}

async fn download(
    state: &AppState,
    cycle: &crate::db::models::Cycle,
    format: Format,
) -> AppResult<HttpResponse> {
    let rows = grants::of_cycle(&state.services, cycle).await?;
    let table = grants::applications_table(&rows);
    download::table(&table, &format!("{}-applications", cycle.slug), format)
}

pub async fn csv(
    state: web::Data<AppState>,
    OrganiserCycle { cycle, .. }: OrganiserCycle,
) -> AppResult<HttpResponse> {
    download(&state, &cycle, Format::Csv).await
}

pub async fn xlsx(
    state: web::Data<AppState>,
    OrganiserCycle { cycle, .. }: OrganiserCycle,
) -> AppResult<HttpResponse> {
    download(&state, &cycle, Format::Xlsx).await
}

pub struct AuditLine {
    pub when: String,
    pub who: String,
    pub what: String,
}

#[derive(Template)]
#[template(path = "admin/application.html")]
pub struct ApplicationPage {
    pub tr: Tr,
    pub frame: Frame,
    pub slug: String,
    pub id: i32,
    pub cycle_title: String,
    pub call_title: String,
    pub name: String,
    pub email: String,
    pub institution: String,
    pub attended: String,
    pub title: String,
    pub summary: String,
    pub partners: String,
    pub amount: String,
    pub status: String,
    pub submitted: String,
    pub attachment: Option<String>,
    pub decidable: bool,
    pub decision: Option<String>,
    pub comment: String,
    pub audit: Vec<AuditLine>,
    pub fields: DecisionFields,
    pub errors: FieldErrors,
    pub notice: Option<String>,
}

super::forms::field_messages!(ApplicationPage);

async fn reviewed(
    state: &AppState,
    cycle: &crate::db::models::Cycle,
    id: i32,
) -> AppResult<Reviewed> {
    grants::review(&state.services, cycle, id)
        .await?
        .ok_or(AppError::NotFound)
}

#[allow(clippy::too_many_arguments)]
async fn application_page(
    state: &AppState,
    t: Tr,
    frame: Frame,
    slug: &str,
    reviewed: Reviewed,
    fields: DecisionFields,
    errors: FieldErrors,
    notice: Option<String>,
) -> AppResult<ApplicationPage> {
    let Reviewed {
        application: a,
        applicant,
        attachment,
        audit,
    } = reviewed;
    let tz = applicant.cycle.tz();
    let standing = applicant.standing(state.now());
    let organisers = crate::app::accounts::organisers(&state.services).await?;
    let who = |id: Option<i32>| match id {
        None => t.text("audit-by-participant"),
        Some(id) => organisers
            .iter()
            .find(|o| o.id == id)
            .map(|o| o.name.clone())
            .unwrap_or_else(|| format!("#{id}")),
    };
    let audit = audit
        .iter()
        .map(|e| AuditLine {
            when: t.datetime(e.changed_at.and_utc(), tz),
            who: who(e.changed_by),
            what: [
                status_label(&t, e.new_status),
                e.amount_cents
                    .map(|c| t.euros(i64::from(c)))
                    .unwrap_or_default(),
                e.comment.clone().unwrap_or_default(),
            ]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" · "),
        })
        .collect();
    let decision = decision_text(&t, &a);
    Ok(ApplicationPage {
        frame,
        slug: slug.to_string(),
        id: a.id,
        cycle_title: applicant.cycle.title.clone(),
        call_title: applicant.cycle.grant_title.clone().unwrap_or_default(),
        name: applicant.reg.full_name(),
        email: applicant.reg.email.clone(),
        institution: applicant.reg.institution.clone(),
        attended: format!("{} / {}", standing.attended, standing.total),
        title: a.title.clone(),
        summary: a.summary.clone(),
        partners: a.partners.clone(),
        amount: a
            .amount_cents
            .map(|c| t.euros(i64::from(c)))
            .unwrap_or_default(),
        status: status_label(&t, a.status),
        submitted: a
            .submitted_at
            .map(|s| t.datetime(s.and_utc(), tz))
            .unwrap_or_default(),
        attachment: attachment.map(|f| attachment_label(&t, &f)),
        decidable: crate::domain::grant::may_decide(a.status),
        decision,
        comment: a.decision_comment.clone().unwrap_or_default(),
        audit,
        fields,
        errors,
        notice,
        tr: t,
    })
}

pub async fn show(
    state: web::Data<AppState>,
    OrganiserCycle { me, cycle, .. }: OrganiserCycle,
    path: web::Path<(String, i32)>,
    lang: Lang,
    req: HttpRequest,
    session: Session,
) -> AppResult<HttpResponse> {
    let (_, id) = path.into_inner();
    let t = lang.tr();
    let found = reviewed(&state, &cycle, id).await?;
    let notice = flash::take(&session, &t);
    let page = application_page(
        &state,
        t,
        organiser_frame(&req, &session, &me.0),
        &cycle.slug,
        found,
        DecisionFields::default(),
        FieldErrors::default(),
        notice,
    )
    .await?;
    render_with_status(StatusCode::OK, &page)
}

/// The attachment, for organisers only (the route sits behind their login).
pub async fn attachment(
    state: web::Data<AppState>,
    OrganiserCycle { cycle, .. }: OrganiserCycle,
    path: web::Path<(String, i32)>,
) -> AppResult<HttpResponse> {
    let (_, id) = path.into_inner();
    let (_, bytes) = grants::attachment(&state.services, &cycle, id)
        .await?
        .ok_or(AppError::NotFound)?;
    // The name the participant gave is shown on the page, never put in a
    // header: a fixed name cannot break one.
    Ok(HttpResponse::Ok()
        .content_type("application/pdf")
        .insert_header((
            "Content-Disposition",
            format!(
                "attachment; filename=\"{}-application-{id}.pdf\"",
                cycle.slug
            ),
        ))
        .insert_header(("X-Content-Type-Options", "nosniff"))
        .body(bytes))
}

#[derive(Debug, Deserialize)]
pub struct DecisionForm {
    #[serde(default)]
    outcome: String,
    #[serde(default)]
    granted: String,
    #[serde(default)]
    comment: String,
}

pub async fn decide(
    state: web::Data<AppState>,
    OrganiserCycle { me, cycle, .. }: OrganiserCycle,
    path: web::Path<(String, i32)>,
    lang: Lang,
    req: HttpRequest,
    session: Session,
    form: web::Form<DecisionForm>,
) -> AppResult<HttpResponse> {
    let (_, id) = path.into_inner();
    let t = lang.tr();
    let found = reviewed(&state, &cycle, id).await?;
    let form = form.into_inner();
    let fields = DecisionFields {
        outcome: form.outcome,
        granted: form.granted,
        comment: form.comment,
    };
    let back = format!("/admin/cycles/{}/applications/{id}", cycle.slug);
    match grants::decide(&state.services, &found, fields.clone(), me.0.id).await? {
        DecideOutcome::Done => {
            flash::set(&session, "notice-decision-saved");
            Ok(see_other(&back))
        }
        DecideOutcome::NotOpen => {
            flash::set(&session, "notice-decision-not-open");
            Ok(see_other(&back))
        }
        DecideOutcome::Invalid(errors) => {
            let page = application_page(
                &state,
                t,
                organiser_frame(&req, &session, &me.0),
                &cycle.slug,
                found,
                fields,
                errors,
                None,
            )
            .await?;
            render_with_status(StatusCode::UNPROCESSABLE_ENTITY, &page)
        }
    }
}
