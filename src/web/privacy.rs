//! The privacy notice, and the participant's data rights from their page:
//! everything held about them as JSON, and erasure (two steps: a page that
//! says what goes and what stays, then the button).

use actix_session::Session;
use actix_web::{web, HttpRequest, HttpResponse};
use askama::Template;
use askama_web::WebTemplate;

use super::error::{AppError, AppResult};
use super::lang::Lang;
use super::pages::{frame, Frame};
use super::participant::find;
use super::public::cycle_frame;
use super::AppState;
use crate::db::models::{Cycle, Session as CycleSession};
use crate::db::organisations::Organisation;
use crate::domain::privacy::{gives_back_place, retention_ends, ErasedBy};
use crate::i18n::Tr;

/// "Personal data is kept until 15 January 2026 and then erased", for a
/// cycle with a retention period; empty otherwise.
pub fn retention_line(t: &Tr, cycle: &Cycle, sessions: &[CycleSession]) -> String {
    let Some(months) = cycle.retention_months else {
        return String::new();
    };
    let last_end = sessions.iter().map(|s| s.ends_at.and_utc()).max();
    match retention_ends(
        last_end,
        cycle.registration_closes.and_utc(),
        months.max(0) as u32,
    ) {
        Some(until) => t.with_one("privacy-kept-until", "until", &t.date(until, cycle.tz())),
        None => String::new(),
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "privacy.html")]
pub struct PrivacyPage {
    pub tr: Tr,
    pub frame: Frame,
    pub version: String,
    /// Who is responsible, and where to write.
    pub controller_line: String,
    /// An organisation's own notice, in paragraphs (empty: the installation's).
    pub own_text: Vec<String>,
}

/// Where the privacy notice of a cycle owned by `owner` is: its own, if it
/// has one, else the installation's.
pub fn notice_href(owner: Option<&Organisation>) -> String {
    match owner {
        Some(o) if o.has_own_notice() => format!("/o/{}/privacy", o.slug),
        _ => "/privacy".to_string(),
    }
}

/// Who is responsible, as the notice names them: the configured
/// organisation, else the sender's name, else the sender's address.
fn controller(state: &AppState) -> String {
    let name = state.settings.organisation_name.trim();
    if !name.is_empty() {
        return name.to_string();
    }
    state
        .settings
        .mail_from
        .parse::<lettre::message::Mailbox>()
        .ok()
        .and_then(|sender| sender.name)
        .filter(|name| !name.trim().is_empty())
        .unwrap_or_else(|| state.composer.contact.clone())
}

pub async fn notice(
    state: web::Data<AppState>,
    lang: Lang,
    req: HttpRequest,
    session: Session,
) -> PrivacyPage {
    let t = lang.tr();
    PrivacyPage {
        controller_line: t.with(
            "privacy-controller",
            &[
                ("controller", &controller(&state)),
                ("contact", &state.composer.contact),
            ],
        ),
        tr: t,
        frame: frame(&req, &session),
        version: state.settings.privacy_notice_version.clone(),
        own_text: Vec::new(),
    }
}

/// An organisation's own notice (`/o/{slug}/privacy`), under its site name,
/// naming it as responsible; one without its own notice uses the
/// installation's, so the address leads there.
pub async fn organisation_notice(
    state: web::Data<AppState>,
    path: web::Path<String>,
    lang: Lang,
    req: HttpRequest,
    session: Session,
) -> AppResult<HttpResponse> {
    let organisation = crate::app::organisations::by_slug(&state.services, &path.into_inner())
        .await?
        .ok_or(AppError::NotFound)?;
    if !organisation.has_own_notice() {
        return Ok(super::pages::see_other("/privacy"));
    }
    let t = lang.tr();
    let contact = [
        &organisation.contact_email,
        &organisation.mail_from_address,
        &state.composer.contact,
    ]
    .into_iter()
    .map(|s| s.trim())
    .find(|s| !s.is_empty())
    .unwrap_or_default()
    .to_string();
    let page = PrivacyPage {
        controller_line: t.with(
            "privacy-controller",
            &[("controller", &organisation.name), ("contact", &contact)],
        ),
        tr: t,
        frame: cycle_frame(frame(&req, &session), Some(&organisation)),
        version: organisation.privacy_notice_version.clone(),
        own_text: super::pages::paragraphs(&organisation.privacy_notice),
    };
    super::pages::render_with_status(actix_web::http::StatusCode::OK, &page)
}

/// Everything held about the participant, as a JSON download.
pub async fn download(
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> AppResult<HttpResponse> {
    let token = path.into_inner();
    let found = find(&state, &token).await?;
    let data = crate::app::privacy::export(&state.services, found.reg.id)
        .await?
        .ok_or(AppError::NotFound)?;
    let body = serde_json::to_string_pretty(&data)
        .map_err(|e| AppError::Internal(anyhow::anyhow!("writing the data as JSON: {e}")))?;
    Ok(HttpResponse::Ok()
        .content_type("application/json; charset=utf-8")
        .insert_header((
            "Content-Disposition",
            format!("attachment; filename=\"{}-my-data.json\"", found.cycle.slug),
        ))
        .body(body))
}

#[derive(Template, WebTemplate)]
#[template(path = "erase.html")]
pub struct ErasePage {
    pub tr: Tr,
    pub frame: Frame,
    pub token: String,
    pub cycle_title: String,
    /// The person holds a seat or a waitlist place that erasure gives back.
    pub holds_place: bool,
}

/// "Are you sure?": what erasure removes and what it keeps.
pub async fn confirm_page(
    state: web::Data<AppState>,
    path: web::Path<String>,
    lang: Lang,
    req: HttpRequest,
    session: Session,
) -> AppResult<ErasePage> {
    let token = path.into_inner();
    let found = find(&state, &token).await?;
    let status = found.reg.status();
    let started = found
        .sessions
        .iter()
        .any(|s| s.starts_at.and_utc() <= state.now());
    let has_place = status.holds_seat() || status == crate::domain::Status::Waitlisted;
    Ok(ErasePage {
        tr: lang.or(found.reg.lang()),
        frame: cycle_frame(frame(&req, &session), found.owner.as_ref()),
        cycle_title: found.cycle.title.clone(),
        holds_place: has_place && gives_back_place(ErasedBy::Participant, started),
        token,
    })
}

#[derive(Template, WebTemplate)]
#[template(path = "erased.html")]
pub struct ErasedPage {
    pub tr: Tr,
    pub frame: Frame,
    pub cycle_title: String,
    pub cycle_slug: String,
}

/// Erases, then says so on a page of its own: the link opens nothing now.
pub async fn erase(
    state: web::Data<AppState>,
    path: web::Path<String>,
    lang: Lang,
    req: HttpRequest,
    session: Session,
) -> AppResult<ErasedPage> {
    let token = path.into_inner();
    let found = find(&state, &token).await?;
    crate::app::privacy::erase(&state.services, found.reg.id).await?;
    Ok(ErasedPage {
        tr: lang.or(found.reg.lang()),
        frame: cycle_frame(frame(&req, &session), found.owner.as_ref()),
        cycle_title: found.cycle.title.clone(),
        cycle_slug: found.cycle.slug.clone(),
    })
}
