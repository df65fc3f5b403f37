//! Organiser pages: cycles, their registrations and waitlist, organisers.

use actix_session::Session;
use actix_web::{web, HttpRequest, HttpResponse, Responder};
use askama::Template;
use askama_web::WebTemplate;
use serde::Deserialize;

use super::auth::{AccountForm, CurrentOrganiser};
use super::confirm::{self, ConfirmPage};
use super::cycle_form;
use super::download::{self, Format};
use super::error::{AppError, AppResult};
use super::extract::OrganiserCycle;
use super::flash;
use super::forms::FieldErrors;
use super::lang::Lang;
use super::pages::{organiser_frame, see_other};
use super::pages::{render_with_status, Frame};
use super::public::cycle_with_sessions;
use super::AppState;
use crate::db::models::{Cycle, Organiser, Registration};
use crate::db::registrations::{CapacityChange, Changed, Filter};
use crate::db::{cycles, organisers, registrations};
use crate::domain::Status;
use crate::i18n::Tr;
use actix_web::http::StatusCode;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/admin", web::get().to(home))
        .service(
            web::resource("/admin/cycles/new")
                .app_data(cycle_form_limit())
                .route(web::get().to(cycle_form::new_cycle_form))
                .route(web::post().to(cycle_form::save_cycle)),
        )
        .route("/admin/cycles/{slug}", web::get().to(cycle_overview))
        .service(
            web::resource("/admin/cycles/{slug}/edit")
                .app_data(cycle_form_limit())
                .route(web::get().to(cycle_form::edit_cycle_form))
                .route(web::post().to(cycle_form::save_cycle)),
        )
        .route(
            "/admin/cycles/{slug}/capacity",
            web::post().to(set_capacity),
        )
        .route(
            "/admin/cycles/{slug}/registrations.csv",
            web::get().to(registrations_csv),
        )
        .route(
            "/admin/cycles/{slug}/registrations.xlsx",
            web::get().to(registrations_xlsx),
        )
        .route(
            "/admin/registrations/{registration_id}/cancel",
            web::get().to(cancel_registration_page),
        )
        .route(
            "/admin/registrations/{registration_id}/cancel",
            web::post().to(cancel_registration),
        )
        .route(
            "/admin/registrations/{registration_id}/restore",
            web::post().to(restore_registration),
        )
        .route("/admin/organisers", web::get().to(organisers_page))
        .route("/admin/organisers", web::post().to(add_organiser));
}

/// The cycle form's own body limit (see `forms::form_limit`).
fn cycle_form_limit() -> web::FormConfig {
    web::FormConfig::default().limit(super::forms::CYCLE_FORM_LIMIT)
}

#[derive(Template, WebTemplate)]
#[template(path = "admin/home.html")]
pub struct HomePage {
    pub tr: Tr,
    pub frame: Frame,
    /// One card per cycle: the dashboard (issue 11).
    pub cycles: Vec<super::reports::DashboardCard>,
    pub is_admin: bool,
    /// Why organisers must act now: mail not going out, a proxy not trusted.
    pub alerts: Vec<String>,
}

pub async fn home(
    state: web::Data<AppState>,
    me: CurrentOrganiser,
    lang: Lang,
    req: HttpRequest,
    session: Session,
) -> AppResult<impl Responder> {
    let t = lang.tr();
    let rows = crate::app::reports::dashboard(&state.services, me.1.limit())
        .await?
        .iter()
        .map(|figures| super::reports::dashboard_card(&t, figures))
        .collect();
    let mut alerts = Vec::new();
    let backlog = crate::app::mail::backlog(&state.services).await?;
    if let Some(age) = backlog.stalled_for(state.settings.mail_backlog_alert_minutes) {
        let mut args = fluent_bundle::FluentArgs::new();
        args.set("count", backlog.unsent);
        args.set("minutes", age.num_minutes());
        alerts.push(t.args("alert-mail-stalled", &args));
    }
    if state
        .proxy_suspected
        .load(std::sync::atomic::Ordering::Relaxed)
    {
        alerts.push(t.text("alert-proxy-untrusted"));
    }
    Ok(HomePage {
        tr: t,
        frame: organiser_frame(&req, &session, &me.0),
        cycles: rows,
        is_admin: me.0.is_admin(),
        alerts,
    })
}

pub struct RegRow {
    pub id: i32,
    pub name: String,
    pub institution: String,
    pub email: String,
    pub status: String,
    pub status_label: String,
    pub registered: String,
    pub can_cancel: bool,
    pub can_restore: bool,
    /// Answers to the cycle's own questions: (question, answer as words).
    pub answers: Vec<(String, String)>,
}

#[derive(Template, WebTemplate)]
#[template(path = "admin/cycle.html")]
pub struct CycleOverview {
    pub tr: Tr,
    pub frame: Frame,
    pub slug: String,
    pub title: String,
    pub published: bool,
    /// The cycle has a grant call: link its applications.
    pub has_grant: bool,
    pub capacity: i32,
    pub seats_taken: i32,
    pub counts: Vec<(String, i64)>,
    pub rows: Vec<RegRow>,
    pub waitlist: Vec<RegRow>,
    pub status_filter: String,
    pub q: String,
    pub sessions: Vec<(i32, String)>,
    pub notice: Option<String>,
    pub capacity_error: Option<String>,
    /// The cycle asks its own questions: the list shows their answers.
    pub has_questions: bool,
}

impl CycleOverview {
    pub fn is_filter(&self, status: &str) -> bool {
        self.status_filter == status
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ListQuery {
    pub status: String,
    pub q: String,
}

fn reg_row(t: &Tr, cy: &Cycle, r: &Registration) -> RegRow {
    let s = r.status();
    RegRow {
        id: r.id,
        name: r.full_name(),
        institution: r.institution.clone(),
        email: r.email.clone(),
        status: s.as_str().into(),
        status_label: t.text(&format!("status-{}", s.as_str())),
        registered: t.datetime(r.registered_at.and_utc(), cy.tz()),
        can_cancel: !matches!(s, Status::Cancelled | Status::Expired),
        can_restore: matches!(s, Status::Cancelled | Status::Expired),
        answers: Vec::new(),
    }
}

pub async fn cycle_overview(
    state: web::Data<AppState>,
    OrganiserCycle {
        me,
        cycle: cy,
        sessions,
    }: OrganiserCycle,
    q: web::Query<ListQuery>,
    lang: Lang,
    req: HttpRequest,
    session: Session,
) -> AppResult<impl Responder> {
    let t = lang.tr();
    let filter = Filter {
        status: Status::parse(&q.status).ok(),
        search: Some(q.q.clone()),
        by_name: true,
    };
    let id = cy.id;
    let (rows, waitlist, counts, (questions, answers)) = state
        .db
        .read(move |c| {
            Ok((
                registrations::list(c, id, &filter)?,
                registrations::waitlist(c, id)?,
                cycles::status_counts(c, id)?,
                (
                    crate::db::answers::questions_of(c, id)?,
                    crate::db::answers::of_cycle(c, id)?,
                ),
            ))
        })
        .await?;
    let notice = flash::take(&session, &t);
    let capacity_error = session
        .remove_as::<String>("capacity_error")
        .and_then(Result::ok)
        .map(|k| t.text(&k));
    Ok(CycleOverview {
        frame: organiser_frame(&req, &session, &me.0),
        slug: cy.slug.clone(),
        title: cy.title.clone(),
        published: cy.published,
        has_grant: cy.grant_title.is_some(),
        capacity: cy.capacity,
        seats_taken: cy.seats_taken,
        counts: Status::ALL
            .iter()
            .map(|s| {
                (
                    t.text(&format!("status-{}", s.as_str())),
                    counts
                        .iter()
                        .find(|(k, _)| k == s.as_str())
                        .map(|(_, n)| *n)
                        .unwrap_or(0),
                )
            })
            .collect(),
        rows: rows
            .iter()
            .map(|r| RegRow {
                answers: super::questions::answered(&t, &cy, &questions, answers.get(&r.id)),
                ..reg_row(&t, &cy, r)
            })
            .collect(),
        has_questions: !questions.is_empty(),
        waitlist: waitlist.iter().map(|r| reg_row(&t, &cy, r)).collect(),
        status_filter: q.status.clone(),
        q: q.q.clone(),
        sessions: sessions
            .iter()
            .map(|s| (s.position, s.title.clone()))
            .collect(),
        notice,
        capacity_error,
        tr: t,
    })
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct CapacityForm {
    pub capacity: String,
}

pub async fn set_capacity(
    state: web::Data<AppState>,
    _me: CurrentOrganiser,
    path: web::Path<String>,
    session: Session,
    form: web::Form<CapacityForm>,
) -> AppResult<HttpResponse> {
    let (cy, _) = cycle_with_sessions(&state, path.into_inner()).await?;
    let back = format!("/admin/cycles/{}", cy.slug);
    let Ok(capacity) =
        crate::domain::Capacity::new(form.capacity.trim().parse::<i64>().unwrap_or(-1))
    else {
        let _ = session.insert("capacity_error", "problem-range");
        return Ok(see_other(&back));
    };
    let r = crate::app::registration::set_capacity(&state.services, cy.id, capacity).await?;
    match r {
        CapacityChange::Changed { .. } => {
            session.remove("capacity_error");
            flash::set(&session, "notice-capacity-changed");
        }
        CapacityChange::BelowTaken(_) => {
            let _ = session.insert("capacity_error", "problem-capacity-below-taken");
        }
    }
    Ok(see_other(&back))
}

async fn change_registration(
    state: &AppState,
    id: i32,
    session: &Session,
    restore: bool,
) -> AppResult<HttpResponse> {
    let (changed, slug) = crate::app::registration::organiser_change(&state.services, id, restore)
        .await?
        .ok_or(AppError::NotFound)?;
    flash::set(
        session,
        match (changed, restore) {
            (Changed::Done, false) => "notice-registration-cancelled",
            (Changed::Done, true) => "notice-registration-restored",
            (Changed::NotAllowed, true) => "notice-restore-registered-again",
            _ => "notice-unchanged",
        },
    );
    Ok(see_other(&format!("/admin/cycles/{slug}")))
}

/// "Cancel this registration?": who loses the seat, and what follows.
pub async fn cancel_registration_page(
    state: web::Data<AppState>,
    me: CurrentOrganiser,
    path: web::Path<i32>,
    lang: Lang,
    req: HttpRequest,
    session: Session,
) -> AppResult<ConfirmPage> {
    let t = lang.tr();
    let id = path.into_inner();
    let (reg, cycle) = crate::app::registration::with_cycle(&state.services, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let mut args = fluent_bundle::FluentArgs::new();
    args.set("name", reg.full_name());
    args.set("email", reg.email.clone());
    args.set("cycle", cycle.title.clone());
    let holds_seat = matches!(reg.status(), Status::Pending | Status::Confirmed);
    Ok(ConfirmPage {
        frame: organiser_frame(&req, &session, &me.0),
        caption: cycle.title.clone(),
        back: format!("/admin/cycles/{}", cycle.slug),
        title: t.text("confirm-cancel-title"),
        text: t.args("confirm-cancel-text", &args),
        warning: holds_seat.then(|| t.text("confirm-cancel-seat")),
        action: format!("/admin/registrations/{id}/cancel"),
        hidden: vec![],
        button: t.text("confirm-cancel-button"),
        tr: t,
    })
}

/// Cancels only once confirmed; a bare POST (an old form, a stray click)
/// is sent to the question instead and changes nothing.
pub async fn cancel_registration(
    state: web::Data<AppState>,
    _me: CurrentOrganiser,
    path: web::Path<i32>,
    session: Session,
    form: web::Form<Vec<(String, String)>>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    if !confirm::confirmed(&form) {
        return Ok(see_other(&format!("/admin/registrations/{id}/cancel")));
    }
    change_registration(&state, id, &session, false).await
}

pub async fn restore_registration(
    state: web::Data<AppState>,
    _me: CurrentOrganiser,
    path: web::Path<i32>,
    session: Session,
) -> AppResult<HttpResponse> {
    change_registration(&state, path.into_inner(), &session, true).await
}

async fn registrations_download(
    state: &AppState,
    cycle: &Cycle,
    format: Format,
) -> AppResult<HttpResponse> {
    let id = cycle.id;
    let (regs, questions, answers) = state
        .db
        .read(move |c| {
            let regs = registrations::list(c, id, &Filter::default())?;
            let questions = crate::db::answers::questions_of(c, id)?;
            Ok((regs, questions, crate::db::answers::of_cycle(c, id)?))
        })
        .await?;
    download::table(
        &crate::app::exports::registrations_table(&regs, cycle, &questions, &answers),
        &format!("{}-registrations", cycle.slug),
        format,
    )
}

pub async fn registrations_csv(
    state: web::Data<AppState>,
    OrganiserCycle { cycle, .. }: OrganiserCycle,
) -> AppResult<HttpResponse> {
    registrations_download(&state, &cycle, Format::Csv).await
}

pub async fn registrations_xlsx(
    state: web::Data<AppState>,
    OrganiserCycle { cycle, .. }: OrganiserCycle,
) -> AppResult<HttpResponse> {
    registrations_download(&state, &cycle, Format::Xlsx).await
}

#[derive(Template, WebTemplate)]
#[template(path = "admin/organisers.html")]
pub struct OrganisersPage {
    pub tr: Tr,
    pub frame: Frame,
    pub organisers: Vec<Organiser>,
    pub name: String,
    pub email: String,
    pub errors: FieldErrors,
    pub notice: Option<String>,
}

super::forms::field_messages!(OrganisersPage);

pub async fn organisers_page(
    state: web::Data<AppState>,
    me: CurrentOrganiser,
    lang: Lang,
    req: HttpRequest,
    session: Session,
) -> AppResult<impl Responder> {
    me.require_admin()?;
    let t = lang.tr();
    let list = state.db.read(organisers::all).await?;
    let notice = flash::take(&session, &t);
    Ok(OrganisersPage {
        tr: t,
        frame: organiser_frame(&req, &session, &me.0),
        organisers: list,
        name: String::new(),
        email: String::new(),
        errors: FieldErrors::default(),
        notice,
    })
}

pub async fn add_organiser(
    state: web::Data<AppState>,
    me: CurrentOrganiser,
    lang: Lang,
    req: HttpRequest,
    session: Session,
    form: web::Form<AccountForm>,
) -> AppResult<HttpResponse> {
    me.require_admin()?;
    let t = lang.tr();
    let render = |errors: FieldErrors, list: Vec<Organiser>| -> AppResult<HttpResponse> {
        let page = OrganisersPage {
            tr: t,
            frame: organiser_frame(&req, &session, &me.0),
            organisers: list,
            name: super::forms::keep(&form.name),
            email: super::forms::keep(&form.email),
            errors,
            notice: None,
        };
        render_with_status(StatusCode::UNPROCESSABLE_ENTITY, &page)
    };
    let admin = form.admin == "on";
    if let Err(errors) = crate::app::accounts::add_organiser(&state.services, &form, admin).await? {
        return render(errors, state.db.read(organisers::all).await?);
    }
    flash::set(&session, "notice-organiser-added");
    Ok(see_other("/admin/organisers"))
}
